"""Streaming, forgiving line reader for plain-text dumps.

Dumps are scraped text of uneven quality: a BOM, CRLF line ends, stray invalid
UTF-8 or Latin-1 bytes, NUL bytes, giant single lines, files still being
written. The reader never holds more than one (capped) line in memory, keeps
exact byte offsets so a backfill can resume mid-file, and counts what it had to
repair so the caller can warn about it. Only input that is clearly not text (or
not there) is refused, with a :class:`DumpError`.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

#: Longest line kept for scoring and text. A longer physical line is still one
#: line with exact offsets; only its first ``LINE_CAP`` bytes are decoded.
LINE_CAP = 64 * 1024
#: Bytes sniffed at the start of a file to decide whether it is text at all.
SNIFF_BYTES = 64 * 1024
_BOM = codecs.BOM_UTF8
# Control bytes other than tab, LF, VT, FF, CR, ESC: their share tells binary from text.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"


class DumpError(Exception):
    """The dump cannot be read as text (missing, unreadable or binary): exit 2."""


@dataclass
class DecodeStats:
    """What the reader saw and repaired; shared with the caller for warnings."""

    invalid_bytes: int = 0
    lines: int = 0
    bytes_read: int = 0
    truncated_lines: int = 0
    nul_bytes: int = 0


@dataclass(slots=True)
class RawLine:
    """One physical line: 1-based number, byte span [start, end) incl. its newline."""

    no: int
    start: int
    end: int
    text: str


_counter = [0]


def _count_replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: replace like ``errors="replace"`` and count the bytes."""
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - decode only
        raise exc
    _counter[0] += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error("newswatch-count", _count_replace)


def looks_binary(sample: bytes) -> bool:
    """Heuristic like file(1): many control bytes or mostly undecodable bytes.

    A few NULs or Latin-1 bytes in a text dump are repaired, not refused.
    """
    if not sample:
        return False
    control = len(sample) - len(sample.translate(None, _CONTROL))
    if control >= 8 and control / len(sample) > 0.05:
        return True
    before = _counter[0]
    sample.decode("utf-8", "newswatch-count")
    bad = _counter[0] - before
    _counter[0] = before
    return bad / len(sample) > 0.3


def open_dump(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a dump for binary reading, turning OS errors into one-line DumpErrors."""
    try:
        if os.path.isdir(path):
            raise DumpError(f"{path}: is a directory, not a dump file")
        return open(path, "rb")
    except FileNotFoundError:
        raise DumpError(f"{path}: no such file") from None
    except PermissionError:
        raise DumpError(f"{path}: permission denied") from None
    except OSError as exc:
        raise DumpError(f"{path}: cannot open: {exc.strerror or exc}") from None


def _decode(raw: bytes, stats: DecodeStats) -> str:
    """Decode one line; invalid UTF-8 becomes U+FFFD and is counted, NUL becomes a space."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        before = _counter[0]
        text = raw.decode("utf-8", "newswatch-count")
        stats.invalid_bytes += _counter[0] - before
    if "\x00" in text:
        stats.nul_bytes += text.count("\x00")
        text = text.replace("\x00", " ")
    return text


def iter_lines(
    fh: BinaryIO,
    *,
    start_offset: int = 0,
    first_line: int = 1,
    stats: DecodeStats | None = None,
) -> Iterator[RawLine]:
    """Yield the physical lines of ``fh`` from ``start_offset`` in bounded memory.

    Raises DumpError when the start of the data looks binary. A file that grows
    while it is read is read up to wherever its end is when we get there.
    """
    st = stats if stats is not None else DecodeStats()
    reader = fh if hasattr(fh, "peek") else io.BufferedReader(fh)  # type: ignore[arg-type]
    if start_offset:
        try:
            reader.seek(start_offset)
        except (OSError, io.UnsupportedOperation):
            _skip(reader, start_offset)
    try:
        head = reader.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    except (OSError, ValueError):
        head = b""
    if looks_binary(head):
        raise DumpError("input looks binary, not a text dump")
    offset, no = start_offset, first_line
    first = start_offset == 0
    readline = reader.readline
    while True:
        try:
            raw = readline(LINE_CAP)
        except OSError as exc:
            raise DumpError(f"read error: {exc.strerror or exc}") from None
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


def _skip(reader: BinaryIO, n: int) -> None:
    """Read and discard ``n`` bytes from a non-seekable stream (stdin resume)."""
    while n > 0:
        chunk = reader.read(min(n, 1 << 20))
        if not chunk:
            return
        n -= len(chunk)
