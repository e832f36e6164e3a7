"""classify_many (one scan of many lines) gives what classify gives line by line.

classify_many finds keyword masks, word counts and spacing for a whole block of
lines from their joined UTF-8 bytes; classify does each line on its own. Every
LineInfo field must agree, on generated dumps and on lines built to hit the
byte-level shortcuts (whitespace of every kind, heads cut at 400 characters,
characters whose lower case is ASCII).
"""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from support_dumpgen import make_dump

from worker import clean as C

PIECES = [
    "a",
    "Photo",
    " ",
    "  ",
    "\t",
    "\r",
    "\x00",
    "\x7f",
    "\xa0",
    "\u2009",
    "\u200b",
    "\u2028",
    "\u3000",
    "\x85",
    "é",
    "İs",
    "\u212aeep",
    "—",
    "“",
    " is ",
    "By Jo Park",
    "Getty Images",
    "since you’re here",
    "x" * 390,
    "ü" * 199,
]


def _same(lines: list[str]) -> None:
    """classify_many agrees with classify, when it classifies and when it remembers."""
    want = [C.classify(s) for s in lines]
    C._MEMO.clear()
    assert C.classify_many(lines) == want
    assert C.classify_many(lines) == want


def test_remembered_lines_get_their_own_info() -> None:
    """Roles are changed in place by the segmenter: a remembered line is a fresh LineInfo."""
    first, again = C.classify_many(["Related", "Related"])
    assert first == again and first is not again
    first.role = C.HEAD
    assert C.classify_many(["Related"])[0].role == C.BOILER


def test_memo_stays_bounded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(C, "MEMO_LINES", 10)
    lines = [f"Line number {i}." for i in range(35)]
    assert C.classify_many(lines) == [C.classify(s) for s in lines]
    assert len(C._MEMO) <= 10 + len(lines)
    C.classify_many(["one more line"])
    assert len(C._MEMO) <= 10


def test_clearing_the_memo_keeps_the_batch(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A batch that fills the memo does not classify its remembered lines again."""
    monkeypatch.setattr(C, "MEMO_LINES", 10)
    C._MEMO.clear()
    old = [f"Old line {i}." for i in range(8)]
    C.classify_many(old)
    calls = []
    real = C._classify
    monkeypatch.setattr(C, "_classify", lambda s, *a: calls.append(s) or real(s, *a))
    lines = old + [f"New line {i}." for i in range(5)]
    assert C.classify_many(lines) == [C.classify(s) for s in lines]
    assert calls[:5] == lines[8:] and len(calls) == 5 + len(lines)


def test_generated_dumps() -> None:
    for seed in range(6):
        _same(make_dump(seed, 12).lines)


def test_every_whitespace_character_is_known() -> None:
    """_scan's byte values cover exactly the characters str.split() splits on."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    for ch in spaces:
        _same([f"a{ch}b", f"word{ch}", f"{ch}x{ch}{ch}y"])
    assert all(C.classify_many([f"a{ch}b"])[0].key == "a b" for ch in spaces)


def test_heads_cut_inside_keywords() -> None:
    """A keyword crossing the 400th character is not in the head."""
    for pad in range(390, 402):
        for fill in ("x", "é", "中"):
            _same([fill * pad + " since you’re here, photo by Getty Images"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), max_size=8))
def test_random_lines(lines: list[str]) -> None:
    _same(lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=6))
def test_random_text(lines: list[str]) -> None:
    _same([s.replace("\n", " ") for s in lines])
    _same(lines)  # a line with a newline of its own falls back line by line
