"""The keyed alternations of clean.py (worker.keyed) find what one search of the whole
pattern finds.

AnchoredOrNot runs only the unanchored branches whose required literal is in
the lower-cased line. That is only right if _required never names a literal a
match can lack: checked here against the plain search of the whole alternation
on every fixture line, on cut, upper-cased and title-cased variants, and on
lines holding the characters that IGNORECASE folds to ASCII letters.
"""

from __future__ import annotations

import functools
import random
import re
import re._parser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker import clean as C
from worker import keyed as K

FIXTURES = Path(__file__).parent / "fixtures"
KEYED = {
    name: getattr(C, name)
    for name in (
        "_BOILER",
        "_APPEAL",
        "_CLOSE",
        "_CAPTION_MARK",
        "_MISC_FURNITURE",
        "_INLINE",
        "_HAS_DATE",
        "_COPYRIGHT",
    )
}


def whole(alt: K.AnchoredOrNot, s: str) -> bool:
    """The reference: the anchored branches at the start, the rest anywhere."""
    head = alt._head is not None and alt._head._whole.match(s) is not None
    return head or (alt._rest is not None and alt._rest.search(s) is not None)


#: Fixture lines checked (a fixed random sample: the fixtures grow every session, and
#: the whole reference pattern is slow, so the test's time stays bounded).
SAMPLE_LINES = 15_000


@functools.cache
def fixture_lines() -> tuple[str, ...]:
    lines = {
        s.strip()
        for f in sorted(FIXTURES.rglob("*.txt"))
        for s in f.read_text(encoding="utf-8", errors="replace").splitlines()
    }
    rng = random.Random(7)
    out = sorted(s for s in lines if s)
    if len(out) > SAMPLE_LINES:
        out = sorted(rng.sample(out, SAMPLE_LINES))
    for s in out[:800]:
        out += [s[rng.randrange(len(s)) :], s.upper(), s.title()]
    return tuple(out)


@pytest.mark.parametrize("name", sorted(KEYED))
def test_keyed_search_agrees_with_whole_pattern(name: str) -> None:
    alt = KEYED[name]
    lines = fixture_lines()
    ref = [whole(alt, s) for s in lines]
    assert any(ref), "the fixtures hold lines of every family"
    assert [s for s, r in zip(lines, ref, strict=True) if (alt.search(s) is not None) != r] == []


WORDS = [
    "sign up",
    "newsletter",
    "SUBSCRIBE",
    "photo by",
    "Getty Images",
    "journalism",
    "support",
    "our",
    "reporting by",
    "contributed",
    "cookies",
    "accept",
    "ı",
    "ſ",
    "İ",
    "\u212a",
    "é",
    "’",
    " ",
    ".",
    ":",
    "Photo",
    "Reuters/",
    "donate",
    "© 2024",
    "to your",
    "3 May",
    "12:30",
    "2024-05-03",
    "all rights reserved",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_keyed_search_agrees_on_built_lines(parts: list[str]) -> None:
    s = " ".join(parts)
    for alt in KEYED.values():
        assert (alt.search(s) is not None) == whole(alt, s), s


def test_required_literals() -> None:
    assert K._required(r"\bsign up\b.{0,80}\b(?:newsletter|inbox)", re.I) in (
        {"sign up"},
        {"newsletter", "inbox"},
    )
    assert K._required(r"\b(?:photo|image)s?\s+(?:by|credit)", re.I) == {"photo", "image"}
    assert K._required(r"(?:abc)?\d+", 0) == set()  # nothing every match must hold
    assert K._required(r"Getty Images", 0) == {"getty images"}


FIRST = {
    name: getattr(C, name) for name in ("_BOILER_LINE", "_LABEL_LINE", "_LIST_LABEL", "_PROMO")
}


@pytest.mark.parametrize("name", sorted(FIRST))
def test_by_first_agrees_with_whole_pattern(name: str) -> None:
    """ByFirst's match is re.match's, span included, on fixture lines and variants."""
    alt = FIRST[name]
    lines = fixture_lines()
    found = [(s, m.span() if (m := alt._whole.match(s)) else None) for s in lines]
    assert any(span for _, span in found), "the fixtures hold lines of every pattern"
    spans = [m.span() if (m := alt.match(s)) else None for s in lines]
    assert [s for (s, want), got in zip(found, spans, strict=True) if got != want] == []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "related", "Read more", "more", "-", "»"]), max_size=8))
def test_by_first_agrees_on_built_lines(parts: list[str]) -> None:
    s = " ".join(parts)
    for alt in FIRST.values():
        assert (alt.match(s) is not None) == (alt._whole.match(s) is not None), s


def test_first_characters() -> None:
    first = K._first_chars
    parse = re._parser.parse
    assert first(parse(r"(?:ab|Cd)e", re.U)) == {"a", "C"}
    assert first(parse(r"ab", re.I | re.U)) == {"a", "A"}
    assert first(parse(r"(?:x)?y", re.U)) == {"x", "y"}
    assert first(parse(r"\bk", re.I | re.U)) == {"k", "K"}  # the Kelvin sign is not ASCII
    assert first(parse(r"a?", re.U)) is None  # may match the empty string: no first character
    assert K._distributed(r"^(?:a|b(?:c|d))e") == ["^ae", "^b(?:c|d)e"]
    assert K._distributed(r"^(?:(?:a|b)c|d)e") == ["^ace", "^bce", "^de"]
    assert K._distributed(r"^(?:a|b)?e") == [r"^(?:a|b)?e"]


def test_cont_first_holds_every_first_character_of_cont_start() -> None:
    """_classify tries _CONT_START only on a line opening with one of _CONT_FIRST."""
    missed = [
        c
        for c in map(chr, range(0x10000))
        if c not in C._CONT_FIRST
        and any(C._CONT_START.match(c + rest) for rest in ("", "a", ">", " a", "x"))
    ]
    assert missed == []
