"""Classify a dump's lines in a second process, ahead of the segmenter.

Why: classifying a line (clean.classify_many: keyword scans and some two hundred
patterns) depends on the line's text alone and is about half of segmentation's
work, while the rest (context rules, cohesion, scoring, cleaning) needs the
window around each line. So a child process can read the same file and classify
its lines while the parent scores and cleans the windows before them: on two
cores, a dump goes through in about two thirds of the time, with the very same
result (the roles a line gets do not depend on who computes them).

The parent still reads and decodes the file itself (its lines, offsets and
decode counts are the ones it reports); the child sends only each line's
LineInfo fields, and the key field only when it is not the stripped line (it
nearly always is), through a bounded queue: the child runs at most QUEUE_BATCHES
blocks ahead, so memory stays bounded whatever the size of the dump.

Only a dump given as a path can be read twice; a stream is classified in the
parent as before (see segment_file).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import traceback
from collections import deque
from collections.abc import Iterable, Iterator

from worker import clean
from worker.clean import _LINE_FIELDS, LineInfo, classify_many
from worker.dumpio import DumpError, RawLine, iter_line_batches, open_dump

#: Blocks of lines (dumpio.BLOCK_BYTES each) the child may classify ahead of the parent:
#: about a window's worth (segment.WINDOW_LINES), so that the child classifies the next
#: window while the parent scores this one, instead of both taking turns.
QUEUE_BATCHES = 8
#: Index of LineInfo.key among its fields (sent as None when it is the stripped line).
_KEY = [f for f in LineInfo.__dataclass_fields__].index("key")
#: Seconds between checks that the child is still alive while waiting for it.
_POLL = 0.5
#: The child's memo of repeated lines (clean._MEMO), a quarter of the default: its
#: memory adds to the parent's, and furniture lines, the ones that repeat, are few.
CHILD_MEMO_LINES = 1 << 13
CHILD_MEMO_CHARS = 1 << 20


def classified(
    batches: Iterable[list[RawLine]],
    path: str | os.PathLike[str] | None = None,
    *,
    start_offset: int = 0,
    first_line: int = 1,
) -> Iterator[tuple[list[RawLine], list[LineInfo]]]:
    """Each batch of lines with its LineInfos: from a child process reading ``path``
    (when given), else classified here."""
    if path is None:
        for batch in batches:
            yield batch, classify_many([r.text for r in batch])
        return
    yield from _from_child(batches, path, start_offset, first_line)


def _from_child(
    batches: Iterable[list[RawLine]], path, start_offset: int, first_line: int
) -> Iterator[tuple[list[RawLine], list[LineInfo]]]:
    """Pair the parent's batches with the fields the child sends, line by line (the
    two read the file in blocks of their own, so batches need not coincide)."""
    ctx = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    q = ctx.Queue(maxsize=QUEUE_BATCHES)
    proc = ctx.Process(
        target=_child, args=(os.fspath(path), start_offset, first_line, q), daemon=True
    )
    proc.start()
    pending: deque[tuple[int, tuple]] = deque()  # (line number, fields) not yet paired
    ended = False  # the child has sent all it read
    try:
        for batch in batches:
            while not ended and len(pending) < len(batch):
                message = _receive(q, proc)
                if message is None:
                    ended = True
                    break
                no, rows = message
                pending.extend(zip(range(no, no + len(rows)), rows, strict=True))
            k = min(len(pending), len(batch))
            infos = [_info(raw, *pending.popleft()) for raw in batch[:k]]
            if k < len(batch):  # the file grew after the child reached its end
                infos += classify_many([r.text for r in batch[k:]])
            yield batch, infos
    finally:
        _stop(proc, q)


def _info(raw: RawLine, no: int, fields: tuple) -> LineInfo:
    """The LineInfo of ``raw`` from the fields the child sent for line ``no``."""
    if no != raw.no:
        raise DumpError("the dump changed while it was read (its lines moved)")
    info = LineInfo(*fields)
    if fields[_KEY] is None:
        info.key = raw.text.strip()
    return info


def _receive(q, proc) -> tuple[int, list[tuple]] | None:
    """The child's next message; an error if it failed or died without a word."""
    while True:
        try:
            message = q.get(timeout=_POLL)
        except queue.Empty:
            if not proc.is_alive():
                raise RuntimeError(
                    f"the line classifier process ended unexpectedly (exit code {proc.exitcode})"
                ) from None
            continue
        if isinstance(message, str):
            raise RuntimeError(f"the line classifier process failed:\n{message}")
        return message


def _stop(proc, q) -> None:
    """End the child (done, or the parent stopped early) and release the queue."""
    if proc.is_alive():
        proc.terminate()
    proc.join(5)
    q.close()
    q.cancel_join_thread()


def _child(path: str, start_offset: int, first_line: int, q) -> None:
    """Read and classify the dump, sending (first line number, fields) per block;
    None at the end, or the traceback as a string on failure."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    clean.MEMO_LINES, clean.MEMO_CHARS = CHILD_MEMO_LINES, CHILD_MEMO_CHARS
    try:
        with open_dump(path) as fh:
            for batch in iter_line_batches(fh, start_offset=start_offset, first_line=first_line):
                infos = classify_many([r.text for r in batch])
                rows = []
                for raw, info in zip(batch, infos, strict=True):
                    fields = _LINE_FIELDS(info)
                    if fields[_KEY] == raw.text.strip():
                        fields = (*fields[:_KEY], None, *fields[_KEY + 1 :])
                    rows.append(fields)
                q.put((batch[0].no, rows))
        q.put(None)
    except BaseException:  # every failure must reach the parent
        with contextlib.suppress(Exception):
            q.put(traceback.format_exc())
