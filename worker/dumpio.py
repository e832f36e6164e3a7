"""Streaming, forgiving line reader for plain-text dumps.

Dumps are scraped text of uneven quality: a BOM, CRLF line ends, stray invalid
UTF-8 or Latin-1 bytes, NUL bytes, giant single lines, files still being
written. The reader reads fixed-size blocks and never holds more than one block
and one (capped) line in memory, keeps exact byte offsets so a backfill can
resume mid-file, and counts what it had to repair so the caller can warn about
it. Only input that is clearly not text (or
not there) is refused, with a :class:`DumpError`.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

#: Longest line kept for scoring and text. A longer physical line is still one
#: line with exact offsets; only its first ``LINE_CAP`` bytes are decoded.
LINE_CAP = 64 * 1024
#: Bytes read at a time (a block's lines are split and decoded together). A block's
#: work arrays (clean._scan's masks, its lines and their LineInfos) are several times
#: its size, and every process segmenting a span of the dump (worker.spans) holds its
#: own: a quarter of a megabyte keeps them small at the same speed.
BLOCK_BYTES = 1 << 18
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
_PLUS1 = (1).__add__


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
    for batch in iter_line_batches(
        fh, start_offset=start_offset, first_line=first_line, stats=stats
    ):
        yield from batch


def iter_line_batches(
    fh: BinaryIO,
    *,
    start_offset: int = 0,
    first_line: int = 1,
    stats: DecodeStats | None = None,
    end_offset: int | None = None,
    sniff: bool = True,
) -> Iterator[list[RawLine]]:
    """iter_lines, a list at a time: the lines ended in each block of BLOCK_BYTES read.

    A block's lines are split and decoded at once (per line only when the block
    has invalid UTF-8 or an over-long line); a line running on past the block is
    carried over, keeping at most its first LINE_CAP bytes, so memory stays
    bounded by the block size.
    ``end_offset`` (a line's start) ends the reading there, and ``stats`` count
    just the bytes before it: a span of the dump read by one process of several
    (worker.spans). ``sniff=False`` reads on without the binary check, which only
    the start of a dump gets.
    """
    st = stats if stats is not None else DecodeStats()
    reader = _reader(fh, start_offset) if sniff else positioned(fh, start_offset)
    read = getattr(reader, "read1", reader.read)
    line = _LineState(start_offset, first_line, bom=start_offset == 0)
    left = -1 if end_offset is None else end_offset - start_offset
    while left:
        try:
            block = read(BLOCK_BYTES if left < 0 else min(BLOCK_BYTES, left))
        except OSError as exc:
            raise DumpError(f"read error: {exc.strerror or exc}") from None
        if not block:
            break
        if left > 0:
            left -= len(block)
        parts = block.split(b"\n")
        tail = parts.pop()  # after the last newline: the start of a line not ended yet
        if parts:
            batch = []
            if line.head or line.extra or line.bom:
                batch.append(line.end(parts[0], st))  # ends the line carried over
                parts = parts[1:]
            batch.extend(line.many(parts, block, st))
            yield batch
        line.carry(tail)
    if line.head or line.extra:
        yield [line.end(None, st)]


class _LineState:
    """Where the reader is: next line's number and offset, and the line carried over."""

    def __init__(self, offset: int, no: int, *, bom: bool) -> None:
        self.offset = offset
        self.no = no
        self.bom = bom  # the next line is the file's first: drop a UTF-8 BOM
        self.head = b""  # the carried line's first bytes (at most LINE_CAP)
        self.extra = 0  # its bytes past LINE_CAP, skipped

    def carry(self, data: bytes) -> None:
        """Bytes of a line that has not ended yet."""
        room = LINE_CAP - len(self.head)
        if len(data) > room:
            self.head += data[:room]
            self.extra += len(data) - room
        elif data:
            self.head += data

    def end(self, data: bytes | None, st: DecodeStats) -> RawLine:
        """The carried line, ended by ``data`` and a newline (None: by the end of input).

        As a capped readline: a line is truncated when it does not fit in
        LINE_CAP bytes with its newline; its text is its first LINE_CAP bytes.
        """
        if data is not None:
            self.carry(data)
        kept, length = self.head, len(self.head) + self.extra
        if data is not None:
            length += 1
            truncated = length > LINE_CAP
        else:
            truncated = self.extra > 0
        if truncated:
            st.truncated_lines += 1
        if self.bom:
            self.bom = False
            if kept.startswith(_BOM):
                kept = kept[len(_BOM) :]
        self.head, self.extra = b"", 0
        return self._line(_decode(kept.rstrip(b"\r\n"), st), length, st)

    def many(self, parts: list[bytes], block: bytes, st: DecodeStats) -> list[RawLine]:
        """Lines each ended by a newline, none carried over, from ``block``.

        Each line is decoded on its own (an ASCII line is a copy; decoding the
        block as one string would make every line a wide string); on invalid
        UTF-8 or an over-long line the block's lines go through ``end``.
        """
        if not parts:
            return []
        lens = list(map(len, parts))
        texts = None
        if max(lens) < LINE_CAP:
            # on invalid UTF-8, count the invalid bytes line by line, as iter_lines does
            with contextlib.suppress(UnicodeDecodeError):
                texts = list(map(bytes.decode, parts))
        if texts is None:
            return [self.end(p, st) for p in parts]
        if b"\x00" in block:
            texts = [self._nul(t, st) if "\x00" in t else t for t in texts]
        if b"\r" in block:
            texts = [t.rstrip("\r") for t in texts]
        starts = list(itertools.accumulate(map(_PLUS1, lens), initial=self.offset))
        n = len(parts)
        out = list(map(RawLine, range(self.no, self.no + n), starts, starts[1:], texts))
        self.no += n
        self.offset = starts[-1]
        st.lines += n
        st.bytes_read += self.offset - starts[0]
        return out

    @staticmethod
    def _nul(text: str, st: DecodeStats) -> str:
        st.nul_bytes += text.count("\x00")
        return text.replace("\x00", " ")

    def _line(self, text: str, length: int, st: DecodeStats) -> RawLine:
        raw = RawLine(self.no, self.offset, self.offset + length, text)
        self.no += 1
        self.offset += length
        st.lines += 1
        st.bytes_read += length
        return raw


def positioned(fh: BinaryIO, start_offset: int) -> BinaryIO:
    """A buffered reader over ``fh`` at ``start_offset`` (read past when not seekable)."""
    reader = fh if hasattr(fh, "peek") else io.BufferedReader(fh)  # type: ignore[arg-type]
    if start_offset:
        try:
            reader.seek(start_offset)
        except (OSError, io.UnsupportedOperation):
            _skip(reader, start_offset)
    return reader


def _reader(fh: BinaryIO, start_offset: int) -> BinaryIO:
    """A buffered reader positioned at ``start_offset``; DumpError if the data looks binary."""
    reader = positioned(fh, start_offset)
    try:
        head = reader.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    except (OSError, ValueError):
        head = b""
    if looks_binary(head):
        raise DumpError("input looks binary, not a text dump")
    return reader


def check_text(fh: BinaryIO, start_offset: int = 0) -> None:
    """DumpError if the data at ``start_offset`` looks binary (iter_line_batches'
    own check, made ahead of reading)."""
    _reader(fh, start_offset)


def _skip(reader: BinaryIO, n: int) -> None:
    """Read and discard ``n`` bytes from a non-seekable stream (stdin resume)."""
    while n > 0:
        chunk = reader.read(min(n, 1 << 20))
        if not chunk:
            return
        n -= len(chunk)
