"""Reference (line-by-line readline) dump reader, for tests.

worker.dumpio reads blocks and splits and decodes their lines together; this is
the straightforward reader it replaced: one capped readline per line, the rest
of an over-long line drained. Tests check that both give the same lines, byte
offsets and repair counts, so the block reader can change without changing what
a line is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from worker.dumpio import _BOM, LINE_CAP, DecodeStats, RawLine, _decode, positioned


def iter_lines_reference(
    fh: BinaryIO, *, start_offset: int = 0, first_line: int = 1, stats: DecodeStats | None = None
) -> Iterator[RawLine]:
    """The physical lines of ``fh`` from ``start_offset``, one readline at a time."""
    st = stats if stats is not None else DecodeStats()
    reader = positioned(fh, start_offset)
    offset, no = start_offset, first_line
    first = start_offset == 0
    while True:
        raw = reader.readline(LINE_CAP)
        if not raw:
            break
        length = len(raw)
        if not raw.endswith(b"\n"):
            extra = _drain_line(reader)
            if extra:
                st.truncated_lines += 1
                length += extra
        if first:
            first = False
            if raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
        text = _decode(raw.rstrip(b"\r\n"), st)
        st.lines += 1
        st.bytes_read += length
        yield RawLine(no, offset, offset + length, text)
        offset += length
        no += 1


def _drain_line(reader: BinaryIO) -> int:
    """Skip the rest of an over-long line without keeping it; return bytes skipped."""
    skipped = 0
    while True:
        chunk = reader.readline(LINE_CAP)
        if not chunk:
            return skipped
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            return skipped
