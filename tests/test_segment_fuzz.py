"""Fuzz the segmenter: random text and bytes never crash it and keep the invariants."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worker.dumpio import DumpError
from worker.segment import segment_file, segment_text

LINES = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            [
                "",
                "Advertisement",
                "By Jo Bloggs",
                "2 hours ago",
                "“>link remains",
                ", continued",
                "Since you’re here …",
                "(Reporting by A; Editing by B)",
                "Headline Without Punctuation Here",
                "A short paragraph that ends properly.",
            ]
        ),
    ),
    max_size=60,
)


def _invariants(arts, n_lines: int) -> None:
    expect = 1
    for a in arts:
        assert a.start_line == expect <= a.end_line
        assert a.start_offset <= a.end_offset
        assert all(a.start_line <= d.line <= a.end_line for d in a.dropped_lines)
        expect = a.end_line + 1
    assert expect == n_lines + 1


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_random_lines_cover_the_file(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        arts = segment_text(text)
    except DumpError:
        return  # control-character soup refused as binary: a clean outcome
    n = len(text.encode().split(b"\n")) - (1 if text.endswith("\n") or not text else 0)
    _invariants(arts, n if text else 0)


@settings(max_examples=150, deadline=2000)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        arts = list(segment_file(io.BytesIO(data)))
    except DumpError:
        return  # refused as binary: a clean, reported outcome
    n = data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1)
    _invariants(arts, n)


def test_regression_lone_carriage_returns() -> None:
    """A file of bare CR bytes is one line, not a crash (kept from fuzzing)."""
    arts = segment_text("\r\r\r")
    _invariants(arts, 1)


def test_regression_cut_address_stand_in() -> None:
    """A scraper's "[email protected]" cut short ("[email pro") is plain text, not an
    endless rewrite of the line (kept from fuzzing: it recursed without end)."""
    arts = segment_text("Write to [email pro\nWrite to [email protected] today.")
    _invariants(arts, 2)
