"""The block reader of worker.dumpio gives the lines of a line-by-line reader.

Same line numbers, byte offsets, texts and repair counts as the reference
(support_dumpio_ref), with blocks far smaller than usual so that lines, CRLF
pairs, multi-byte characters and over-long lines straddle block ends.
"""

from __future__ import annotations

import dataclasses
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support_dumpgen import make_dump
from support_dumpio_ref import iter_lines_reference

from worker import dumpio
from worker.dumpio import LINE_CAP, DecodeStats, DumpError, iter_lines


def _both(data: bytes, start: int = 0, first: int = 1, pipe: bool = False) -> None:
    """Both readers over ``data`` (a seekable file, or a pipe-like stream)."""

    def open_() -> io.RawIOBase | io.BytesIO:
        return _Pipe(data) if pipe else io.BytesIO(data)

    s1, s2 = DecodeStats(), DecodeStats()
    try:
        got = list(iter_lines(open_(), start_offset=start, first_line=first, stats=s1))
    except DumpError:  # refused as binary by the sniff both readers share: nothing to compare
        return
    want = list(iter_lines_reference(open_(), start_offset=start, first_line=first, stats=s2))
    assert got == want
    assert dataclasses.asdict(s1) == dataclasses.asdict(s2)


class _Pipe(io.RawIOBase):
    """A non-seekable stream returning short reads."""

    def __init__(self, data: bytes) -> None:
        self._b = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        chunk = self._b.read(min(len(buf), 997))
        buf[: len(chunk)] = chunk
        return len(chunk)


EDGES = [
    b"",
    b"\n",
    b"no newline at the end",
    b"\xef\xbb\xbfBOM line\r\nsecond\r\n",
    b"\xef\xbb\xbf",
    b"\xef\xbb",
    b"cr only\rline\r\r\nx\r",
    b"caf\xe9 latin-1 \xff\xfe and \xe2\x82 cut\n\xe2\x82\xac euro\n",
    b"nul\x00byte\x00\r\n\x00\n",
    b"a" * (LINE_CAP - 1) + b"\n" + b"b" * LINE_CAP + b"\n" + b"c" * (LINE_CAP + 1) + b"\nend",
    b"d" * LINE_CAP,
    b"e" * (LINE_CAP + 5),
    b"f" * (3 * LINE_CAP) + b"\r\n" + b"g\n",
    "é".encode() * (LINE_CAP // 2 + 3) + b"\n",
    b"\xef\xbb\xbf" + b"h" * (LINE_CAP + 2) + b"\n",
]


@pytest.mark.parametrize("block", [1, 2, 3, 7, 64, 4096, 1 << 20])
def test_edge_cases_any_block_size(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumpio, "BLOCK_BYTES", block)
    for data in EDGES:
        _both(data)
        _both(data, pipe=True)
    _both(b"".join(EDGES))


def test_resume_offsets_and_generated_dumps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumpio, "BLOCK_BYTES", 1000)
    data = make_dump(3, 12).text.replace("\n", "\r\n").encode()
    _both(data)
    offsets = [i + 1 for i, b in enumerate(data) if b == 10]
    for k in (0, 5, len(offsets) // 2, len(offsets) - 1):
        _both(data, start=offsets[k], first=k + 2)
        _both(data, start=offsets[k], first=k + 2, pipe=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [b"a", b"b c", b"\n", b"\r", b"\r\n", b"\x00", b"\xff", b"\xc3\xa9", b"\xe2"]
        ),
        max_size=60,
    ),
    st.integers(1, 9),
)
def test_random_bytes(pieces: list[bytes], block: int) -> None:
    old = dumpio.BLOCK_BYTES
    dumpio.BLOCK_BYTES = block
    try:
        _both(b"".join(pieces))
    finally:
        dumpio.BLOCK_BYTES = old


def test_random_long_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumpio, "BLOCK_BYTES", 50_000)
    rng = random.Random(5)
    for _ in range(5):
        lines = [
            b"x" * rng.choice([0, 1, LINE_CAP - 2, LINE_CAP, LINE_CAP + 1, 100_000])
            for _ in range(8)
        ]
        _both(b"\n".join(lines))
        _both(b"\n".join(lines) + b"\n")
