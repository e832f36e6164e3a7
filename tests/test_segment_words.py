"""The window tokeniser of worker.cohesion finds exactly the words _tokens counts.

_window_words finds words for a whole window at once (numpy over the joined
UTF-8 text, with a Python path for non-ASCII and long runs); the reference
(support_segment_ref._tokens) is the plain per-line regex. Word keys are
compared through the word each key stands for, line by line.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from support_dumpgen import make_dump
from support_segment_ref import _tokens

from worker import cohesion as C


def _same_words(texts: list[str]) -> None:
    """Per line, the same words with the same counts as the reference, in line order:
    from the tokeniser itself, then as the window gets them."""
    _same_counts(texts, *C._tokenise(texts))
    _same_counts(texts, *C._window_words(texts))


def _same_counts(texts: list[str], keys, lines) -> None:  # type: ignore[no-untyped-def]
    assert list(lines) == sorted(lines)
    got: list[Counter] = [Counter() for _ in texts]
    for k, ln in zip(keys.tolist(), lines.tolist(), strict=True):
        got[ln][k] += 1
    for text, counts in zip(texts, got, strict=True):
        want = Counter({C._word_key(w): c for w, c in _tokens(text).items()})
        assert counts == want, text


def test_keys_tell_words_apart() -> None:
    """Exact keys for ASCII words of up to 12 letters; others hashed, apart from those."""
    words = ["abc", "abcdefgh", "abcdefghi", "abcdefghijkl", "abcdefghijklm", "café", "ab", "a"]
    keys = [C._word_key(w) for w in words]
    assert len(set(keys)) == len(keys)
    assert C._word_key("abcdefgh") == int.from_bytes(b"abcdefgh", "little")
    assert C._word_key("abcdefghijklm") >> 62 == 3 and C._word_key("abcdefghi") >> 62 == 2


TRICKY = [
    "",
    "a b c",
    "The NEWS of the day: glasses, buses, bus, kiss, Kisses and boss's notes.",
    "abcdefgh abcdefghi abcdefghijkl abcdefghijklm ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "wordswordswords supercalifragilisticexpialidocious semiconductors",
    "don’t “quoted” words—joined by dashes… and ellipses",
    "non\u00a0breaking\u00a0spaces and\u2009thin spaces",
    "İSTANBUL İzmir \u212aELVIN \u212aelvins",
    "ΟΔΟΣ’Α ΟΔΟΣ ΟΔΟΣ. Σίσυφος ΣΑΣ",
    "café CAFÉ naïve Niña NIÑAS résumés",
    "cafe\u0301 combining marks and ﬁnancial ligatures",
    "numbers 123abc abc123def under_score x²y ½half",
    "中文 テキスト 한국어 текст Текстовые слова",
    "tab\tseparated\x00nul\x1fcontrol\x7fdel",
    "emoji 😀 words 😀😀 test",
    "ssss sssss sssss ssses asss",
    "x" * 5000,
    "word " * 700,
]


def test_tricky_lines() -> None:
    _same_words(TRICKY)
    for t in TRICKY:
        _same_words([t])


def test_generated_dumps() -> None:
    for seed in range(4):
        _same_words(make_dump(seed, 12).lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=12))
def test_random_text(texts: list[str]) -> None:
    texts = [t.replace("\n", " ") for t in texts]
    _same_words(texts)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("aAsSbZ é’—İΣσ\u212a1_ ."), max_size=40),
        max_size=8,
    )
)
def test_random_words(texts: list[str]) -> None:
    _same_words(texts)


def test_small_groups_give_the_same_words(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Texts tokenised in groups (CHUNK_CHARS) give what one pass gives."""
    texts = make_dump(9, 12).lines + TRICKY
    whole = C._tokenise(texts)
    for size in (1, 50, 2000):
        monkeypatch.setattr(C, "CHUNK_CHARS", size)
        got = C._tokenise(texts)
        assert got[0].tolist() == whole[0].tolist() and got[1].tolist() == whole[1].tolist()


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.text(max_size=40), min_size=1, max_size=60),
    st.integers(0, 60),
    st.integers(0, 20),
    st.integers(0, 20),
)
def test_carried_words_are_found_words(texts: list[str], cut: int, fresh: int, front: int) -> None:
    """A window that starts with the last one's final lines (the same objects, maybe
    after a few lines of its own) gets the same words as tokenising it afresh."""
    carry = C._WordCarry()
    C._window_words(texts, carry)
    tail = texts[min(cut, len(texts)) :]
    new = (
        [f"own line {i} words" for i in range(front)]
        + tail
        + [f"new {i} text" for i in range(fresh)]
    )
    keys, lines = C._window_words(new, carry)
    want_keys, want_lines = C._tokenise(new)
    assert lines.tolist() == want_lines.tolist()
    assert keys.tolist() == want_keys.astype("uint64").tolist()
    _same_counts(new, keys, lines)
