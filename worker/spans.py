"""Segment one dump on several processes, a span of it each, into one process's articles.

Why it can be cut: every decision of the segmenter is local. A boundary is
final once segment.MARGIN lines past it have been read, and a pass that starts
anywhere reads segment.CONTEXT lines back first. So a pass started at an
arbitrary line finds, after its first article (a start forced by the cut),
the very articles of a pass that started at the top. Over 40 random cuts of the
600 held-out dumps laid end to end, and of a 20 MB generated dump, the two met
at the first article after the cut every time and agreed on every article after.

How: the dump is cut at line starts into spans of about SPAN_BYTES (iter_spans).
Process k of n segments spans k, k+n, k+2n, ..., each pass reading
OVERLAP_LINES lines into the next span. The parent takes the spans' articles in
order and hands over from one span to the next at the first article both found
alike (hand_over). Where they do not meet within what the overlap vouches for
(a story longer than the overlap, say), the parent resumes a single pass after
the last article it yielded, so the articles are still those of one process.

Memory: every process holds one window, as a single pass does. A child writes
each finished span's articles to a file in a private temporary directory and
may run one span ahead; the parent reads them back as it needs them. Every
process reads the whole file once more to count lines (hundredths of a second
per 100 MB).
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import pickle
import queue
import signal
import tempfile
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from worker.dumpio import DecodeStats, DumpError, RawLine, iter_line_batches, open_dump

if TYPE_CHECKING:
    from worker.segment import SegmentedArticle

#: Bytes of dump a span holds, about. Each span costs a pass its overlap and its
#: context (1,500 lines, some 320 KB of a scraped dump's lines: 4 % at 8 MB); its
#: articles wait on disk, not in memory, so a larger span costs only disk.
SPAN_BYTES = 8 << 20
#: The least dump worth cutting into spans: below it, starting the processes and
#: each span's overlap cost more than the second core gains.
MIN_SPLIT_BYTES = 4 << 20
#: Lines a span's pass reads past its end: segment.MARGIN for its last decisions to
#: be final, and room for the next span's pass to find its first real article (when
#: it is further, a single pass resumed before the cut finds it: see hand_over).
OVERLAP_LINES = 800
#: Seconds between checks that a child is alive while waiting for its span.
_POLL = 0.5
#: Spans a child may have finished and queued before the parent takes them.
QUEUE_SPANS = 1


@dataclass(frozen=True, slots=True)
class Span:
    """One part of the dump: lines from ``start`` up to ``end`` (None: to the end)."""

    index: int
    start: int
    first_line: int
    end: int | None
    end_line: int  # the number of the line that starts at ``end``


def iter_spans(
    path: str | os.PathLike[str],
    start_offset: int,
    first_line: int,
    size: int,
    processes: int,
) -> Iterator[Span]:
    """The spans of a dump of ``size`` bytes from ``start_offset``: a multiple of
    ``processes`` of them, of about SPAN_BYTES each and alike in size, so that every
    process gets as much to do; each is cut at the first line start at or after its
    share. The last one runs to the end of the file (which may have grown)."""
    count = processes * max(1, round((size - start_offset) / (processes * SPAN_BYTES)))
    step = (size - start_offset) / count
    with open_dump(path) as fh:
        pos, no = start_offset, first_line
        for index in range(count):
            cut = _line_start(fh, start_offset + round(step * (index + 1)))
            if index == count - 1 or cut is None or cut >= size:
                yield Span(index, pos, no, None, 0)
                return
            end_line = no + _newlines(fh, pos, cut)
            yield Span(index, pos, no, cut, end_line)
            pos, no = cut, end_line


def _line_start(fh, offset: int) -> int | None:
    """The first line start at or after ``offset`` (None: the file ends first)."""
    fh.seek(offset - 1)
    pos = offset - 1
    while chunk := fh.read(1 << 16):
        k = chunk.find(b"\n")
        if k >= 0:
            return pos + k + 1
        pos += len(chunk)
    return None


def _newlines(fh, start: int, end: int) -> int:
    """Newlines in bytes [start, end): the lines that end there."""
    fh.seek(start)
    n, left = 0, end - start
    while left > 0 and (chunk := fh.read(min(left, 1 << 20))):
        n += chunk.count(b"\n")
        left -= len(chunk)
    return n


def span_pass(
    path: str | os.PathLike[str],
    span: Span,
    segment_lines: Callable,
    stats: DecodeStats | None,
) -> Iterator[SegmentedArticle]:
    """Segment one span, reading OVERLAP_LINES lines past its end, in this process.

    ``segment_lines`` is segment._segment_lines with its models bound: it takes
    (batch, LineInfos) pairs and the context lines before the span. ``stats``
    count the span's own lines only, so that the spans' counts add up to the dump's.
    """
    from worker.segment import _classified, _read_context

    with open_dump(path) as fh:
        context = _read_context(fh, span.start, span.first_line) if span.start else None
        batches: Iterable[list[RawLine]] = iter_line_batches(
            fh,
            start_offset=span.start,
            first_line=span.first_line,
            stats=stats,
            end_offset=span.end,
            sniff=span.index == 0,
        )
        if span.end is not None:
            batches = itertools.chain(batches, _overlap(fh, span))
        yield from segment_lines(_classified(batches), context=context)


def sure_to(span: Span) -> int | None:
    """The last line that a span's articles can be trusted to end on: segment.MARGIN
    lines before its overlap ends (None: the pass reads to the end of the dump)."""
    from worker.segment import MARGIN

    return None if span.end is None else span.end_line + OVERLAP_LINES - 1 - MARGIN


def _overlap(fh, span: Span) -> Iterator[list[RawLine]]:
    """The OVERLAP_LINES lines after a span (fewer where the dump ends)."""
    left = OVERLAP_LINES
    for batch in iter_line_batches(
        fh, start_offset=span.end, first_line=span.end_line, sniff=False
    ):
        if len(batch) >= left:
            yield batch[:left]
            return
        left -= len(batch)
        yield batch


class _Head:
    """The next span's articles, read only as far as the search for a meeting needs."""

    def __init__(self, span: Span, articles: Iterator[SegmentedArticle]) -> None:
        self._start = span.start
        self._it = articles
        self._seen: list[SegmentedArticle] = []
        self._at: dict[int, int] = {}

    def meets(self, art: SegmentedArticle) -> int | None:
        """The index of the article alike to ``art``, if the next span found it.
        The first is never one: its start is where the cut put it."""
        if art.start_offset <= self._start:
            return None
        seen = self._seen
        while not seen or seen[-1].start_offset < art.start_offset:
            nxt = next(self._it, None)
            if nxt is None:
                break
            if seen:
                self._at[nxt.start_offset] = len(seen)
            seen.append(nxt)
        j = self._at.get(art.start_offset)
        return j if j is not None and seen[j] == art else None

    def rest(self, j: int) -> Iterator[SegmentedArticle]:
        """The next span's articles from the ``j``-th on."""
        return itertools.chain(self._seen[j:], self._it)


def hand_over(
    current: Iterator[SegmentedArticle],
    trusted_to: int | None,
    head: _Head,
    resume: Callable[[], Iterator[SegmentedArticle]],
) -> Generator[SegmentedArticle, None, Iterator[SegmentedArticle]]:
    """Yield the articles of ``current`` (a span's, or a resumed pass's) until the
    first one that the next span's pass (``head``) found alike, and return the
    rest of the next span's from there.

    An article of ``current`` ending past ``trusted_to`` may be the overlap's end
    talking, so the search stops there; ``resume()`` then gives a single pass
    from the last article yielded, and the meeting is sought in it instead (or,
    when it reaches the dump's end without one, it is all that is left).
    """
    for art in current:
        if trusted_to is not None and art.end_line > trusted_to:
            break
        j = head.meets(art)
        if j is not None:
            return head.rest(j)
        yield art
    else:
        if trusted_to is None:  # current ran to the dump's end: nothing of head is needed
            return iter(())
    return (yield from hand_over(resume(), None, head, resume))


def segment_spans(
    path: str | os.PathLike[str],
    segment_lines: Callable,
    resume_from: Callable[[int, int], Iterator[SegmentedArticle]],
    *,
    start_offset: int,
    first_line: int,
    stats: DecodeStats | None,
    processes: int,
) -> Iterator[SegmentedArticle]:
    """The articles of ``path`` from ``start_offset``, its spans segmented by
    ``processes`` processes (this one and processes - 1 children).

    ``resume_from(offset, line)`` is a single pass resumed at an article's end.
    Children write their spans' articles to files in a private temporary
    directory (removed at the end, however the parent ends): a child can run a
    span ahead while the parent works on its own, and neither holds a span's
    articles in memory.
    """
    size = os.path.getsize(path)
    ctx = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    children = []
    with tempfile.TemporaryDirectory(prefix="newswatch-spans-") as spool:
        try:
            for rank in range(1, processes):
                q = ctx.Queue(maxsize=QUEUE_SPANS)
                args = (os.fspath(path), start_offset, first_line, size, rank, processes)
                proc = ctx.Process(
                    target=_child, args=(*args, spool, q, segment_lines), daemon=True
                )
                proc.start()
                children.append((proc, q))
            spans = iter_spans(path, start_offset, first_line, size, processes)
            yield from _stitched(path, spans, children, segment_lines, resume_from, stats)
        finally:
            for proc, q in children:
                _stop(proc, q)


def _stitched(path, spans, children, segment_lines, resume_from, stats):
    """The spans' articles in order, each span handed over to the next."""
    done: list[SegmentedArticle | None] = [None]  # the last article yielded
    first = next(spans)

    def resume() -> Iterator[SegmentedArticle]:
        last = done[0]
        if last is None:
            return resume_from(first.start, first.first_line)
        return resume_from(last.end_offset, last.end_line + 1)

    current = _articles(path, first, children, segment_lines, stats)
    trusted_to = sure_to(first)
    for span in spans:
        head = _Head(span, _articles(path, span, children, segment_lines, stats))
        current = yield from _tracked(hand_over(current, trusted_to, head, resume), done)
        trusted_to = sure_to(span)
    yield from current


def _tracked(gen: Generator, done: list) -> Generator:
    """``gen``'s articles, remembering the last one; returns what ``gen`` returns."""
    while True:
        try:
            art = next(gen)
        except StopIteration as stop:
            return stop.value
        done[0] = art
        yield art


def _add(stats: DecodeStats | None, more: DecodeStats) -> None:
    if stats is None:
        return
    for name in DecodeStats.__dataclass_fields__:
        setattr(stats, name, getattr(stats, name) + getattr(more, name))


def _articles(
    path, span: Span, children, segment_lines: Callable, stats: DecodeStats | None
) -> Iterator[SegmentedArticle]:
    """A span's articles, as they are read: segmented here (its turn is this
    process's) or read back from the file of the child whose turn it is. Nothing
    is done before the first is asked for: the parent works on its own span while
    the child finishes the next."""
    turn = span.index % (len(children) + 1)
    if turn == 0:
        yield from span_pass(path, span, segment_lines, stats)
        return
    proc, q = children[turn - 1]
    while True:
        sent, filename, counts = _receive(q, proc)
        _add(stats, counts)
        if sent.index >= span.index:
            break
        with contextlib.suppress(OSError):  # a span passed over (see hand_over)
            os.unlink(filename)
    if sent != span:
        raise DumpError("the dump changed while it was read (its spans moved)")
    yield from _spooled(filename)


def _receive(q, proc) -> tuple[Span, str, DecodeStats]:
    """A child's next span; an error if it failed or died without a word."""
    while True:
        try:
            message = q.get(timeout=_POLL)
        except queue.Empty:
            if not proc.is_alive():
                raise RuntimeError(
                    f"a segmenting process ended unexpectedly (exit code {proc.exitcode})"
                ) from None
            continue
        if isinstance(message, str):
            raise RuntimeError(f"a segmenting process failed:\n{message}")
        return message


def _stop(proc, q) -> None:
    """End a child (done, or the parent stopped early) and release its queue."""
    if proc.is_alive():
        proc.terminate()
    proc.join(5)
    q.close()
    q.cancel_join_thread()


#: Articles pickled together in a child's file.
_ROWS = 256


def _spool(articles: Iterable[SegmentedArticle], filename: str) -> None:
    """Write a span's articles to ``filename`` as plain tuples, _ROWS at a time:
    a third quicker to pickle and load than the dataclasses, and every article
    of the dump goes through it."""
    with open(filename, "wb") as fh:
        for chunk in _batched(articles, _ROWS):
            # a pickle of its own each time (not one Pickler with its memo cleared: the
            # reading side's memo would run on, and its back-references go astray)
            pickle.dump([_row(a) for a in chunk], fh, pickle.HIGHEST_PROTOCOL)


def _batched(items: Iterable, n: int) -> Iterator[tuple]:
    it = iter(items)
    while chunk := tuple(itertools.islice(it, n)):
        yield chunk


def _row(a: SegmentedArticle) -> tuple:
    return (
        a.start_line,
        a.end_line,
        a.title,
        a.byline,
        a.text,
        [d.line for d in a.dropped_lines],
        [d.reason for d in a.dropped_lines],
        a.start_offset,
        a.end_offset,
        a.captions,
    )


def _spooled(filename: str) -> Iterator[SegmentedArticle]:
    """The articles a child wrote to ``filename``, read as they are needed; the file
    is removed once read (or left for the spool directory's removal)."""
    from worker.segment import DroppedLine, SegmentedArticle

    with open(filename, "rb") as fh:
        while True:
            try:
                rows = pickle.load(fh)
            except EOFError:
                break
            for sl, el, ti, by, tx, lines, why, so, eo, ca in rows:
                dropped = list(map(DroppedLine, lines, why))
                yield SegmentedArticle(sl, el, ti, by, tx, dropped, so, eo, ca)
    with contextlib.suppress(OSError):
        os.unlink(filename)


def _child(
    path: str,
    start_offset: int,
    first_line: int,
    size: int,
    rank: int,
    processes: int,
    spool: str,
    q,
    segment_lines: Callable,
) -> None:
    """Segment this child's spans, writing each one's articles to a file in
    ``spool`` and sending (span, file name, decode counts); the traceback as a
    string on failure."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = os.getppid()
    try:
        for span in iter_spans(path, start_offset, first_line, size, processes):
            if os.getppid() != parent:
                return  # orphaned (see _put)
            if span.index % processes == rank:
                counts = DecodeStats()
                filename = os.path.join(spool, f"span-{span.index}.pickle")
                _spool(span_pass(path, span, segment_lines, counts), filename)
                _put(q, (span, filename, counts), parent)
    except _Orphaned:
        return
    except BaseException:  # every failure must reach the parent
        with contextlib.suppress(Exception):
            q.put(traceback.format_exc())


class _Orphaned(Exception):
    """The parent is gone (killed): nobody will read what a child makes."""


def _put(q, message: tuple, parent: int) -> None:
    """q.put, giving up when the parent has died: a parent killed outright (SIGKILL)
    runs no clean-up, and a child blocked on a full queue would wait for ever. Its
    spans' files stay in the spool directory for the system's temp clean-up."""
    while True:
        try:
            q.put(message, timeout=_POLL)
            return
        except queue.Full:
            if os.getppid() != parent:
                raise _Orphaned from None
