"""Segmenting one dump in several processes, a span each (worker.spans): the same
articles and counts as one process, and a child that fails, dies or is left
behind never hangs the parent, outlives it or leaves its files."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from worker import spans
from worker.segment import DecodeStats, DumpError, segment_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def small_spans(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Spans of 24 KB (inherited by the forked children): a small dump then has
    a dozen spans, as a large one has, and children run ahead of the parent.
    Returns the directory the spool directories are made in."""
    monkeypatch.setattr(spans, "SPAN_BYTES", 24 * 1024)
    monkeypatch.setattr(spans, "MIN_SPLIT_BYTES", 0)
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    return spool


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    from support_dumpgen import make_dump

    path = tmp_path / "dump.txt"
    path.write_text("".join(make_dump(seed, 12).text for seed in range(30)), encoding="utf-8")
    return path


def _articles(path: Path, **kw) -> list[dict]:
    return [a.to_json() for a in segment_file(path, **kw)]


def _children() -> list:
    return multiprocessing.active_children()


def _span_count(path: Path, processes: int) -> int:
    return len(list(spans.iter_spans(path, 0, 1, path.stat().st_size, processes)))


@pytest.mark.parametrize("processes", [2, 3])
def test_several_processes_give_the_same_articles(
    dump: Path, small_spans: Path, processes: int
) -> None:
    one = _articles(dump)
    many = _articles(dump, processes=processes)
    assert len(one) > 300 and _span_count(dump, processes) >= 6
    assert many == one
    assert not _children()
    assert not list(small_spans.iterdir())  # the spool directory is gone


def test_a_span_written_and_read_back_is_the_same(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child's file holds several pickles (_ROWS articles each), each read back
    on its own: the articles come back as they were, dropped lines and all."""
    monkeypatch.setattr(spans, "_ROWS", 40)
    arts = list(segment_file(dump))
    assert len(arts) > 5 * spans._ROWS
    spans._spool(iter(arts), str(tmp_path / "span.pickle"))
    assert list(spans._spooled(str(tmp_path / "span.pickle"))) == arts
    assert not (tmp_path / "span.pickle").exists()


def test_spans_are_cut_at_line_starts_and_counted(dump: Path, small_spans: Path) -> None:
    data = dump.read_bytes()
    cut = list(spans.iter_spans(dump, 0, 1, len(data), 2))
    assert len(cut) % 2 == 0 and cut[-1].end is None
    for a, b in itertools.pairwise(cut):
        assert a.end == b.start and data[a.end - 1 : a.end] == b"\n"
        assert a.end_line == b.first_line == data[: a.end].count(b"\n") + 1
    sizes = [b.start - a.start for a, b in itertools.pairwise(cut)]
    assert max(sizes) - min(sizes) < 4096  # alike in size: every process gets as much


def test_where_spans_do_not_meet_a_resumed_pass_takes_over(
    dump: Path, small_spans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An overlap too short for any article to be sure in it: every hand-over
    falls back to a single pass resumed before the cut, and still the articles
    are one process's."""
    from worker.segment import MARGIN

    monkeypatch.setattr(spans, "OVERLAP_LINES", MARGIN + 2)
    resumed = []
    real = spans.hand_over

    def counting(current, trusted_to, head, resume):
        def again():
            resumed.append(1)
            return resume()

        return real(current, trusted_to, head, again)

    monkeypatch.setattr(spans, "hand_over", counting)
    assert _articles(dump, processes=2) == _articles(dump)
    assert len(resumed) >= 3


def test_resuming_with_two_processes(dump: Path, small_spans: Path) -> None:
    whole = _articles(dump)
    cut = whole[len(whole) // 3]
    rest = _articles(
        dump, processes=2, start_offset=cut["end_offset"], first_line=cut["end_line"] + 1
    )
    assert rest == whole[len(whole) // 3 + 1 :]


def test_decode_counts_add_up_to_one_pass(tmp_path: Path, small_spans: Path) -> None:
    """Invalid UTF-8 and NUL bytes in many spans: each byte counted once, though
    every span's pass reads on into the next."""
    from support_dumpgen import make_dump

    path = tmp_path / "bad.txt"
    with path.open("wb") as fh:
        for seed in range(20):
            fh.write(make_dump(seed, 12).text.encode().replace(b" the ", b" th\xe9\x00 "))
    one, two = DecodeStats(), DecodeStats()
    assert _articles(path, stats=one) == _articles(path, stats=two, processes=2)
    assert one.invalid_bytes > 100 and one.nul_bytes > 100
    assert two == one


def test_a_stream_is_segmented_in_one_process(dump: Path, small_spans: Path) -> None:
    with dump.open("rb") as fh:
        stream = segment_file(fh, processes=2)
        first = next(stream)
        assert not _children()
        arts = [first.to_json(), *(a.to_json() for a in stream)]
    assert arts == _articles(dump)


def test_a_small_dump_is_segmented_in_one_process(dump: Path) -> None:
    stream = segment_file(dump, processes=2)
    next(stream)
    assert not _children()
    stream.close()


def test_a_binary_dump_fails_before_any_child_starts(tmp_path: Path, small_spans: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(os.urandom(200_000))
    with pytest.raises(DumpError, match="binary"):
        next(segment_file(path, processes=2))
    assert not _children()


def test_stopping_early_ends_the_children(dump: Path, small_spans: Path) -> None:
    stream = segment_file(dump, processes=3)
    next(stream)
    assert len(_children()) == 2
    stream.close()
    assert not _children()
    assert not list(small_spans.iterdir())


def test_a_killed_child_is_a_clear_error(dump: Path, small_spans: Path) -> None:
    stream = segment_file(dump, processes=2)
    next(stream)
    (child,) = _children()
    os.kill(child.pid, signal.SIGKILL)
    t = time.monotonic()
    with pytest.raises(RuntimeError, match="ended unexpectedly"):
        for _ in stream:
            pass
    assert time.monotonic() - t < 30
    assert not _children()
    assert not list(small_spans.iterdir())


_ORPHAN_CODE = """
import multiprocessing, sys, time
from worker import spans
spans.SPAN_BYTES, spans.MIN_SPLIT_BYTES = 24 * 1024, 0
from worker.segment import segment_file
stream = segment_file(sys.argv[1], processes=2)
next(stream)
print(multiprocessing.active_children()[0].pid, flush=True)
time.sleep(120)
"""


def _gone(pid: int) -> bool:
    """The process has exited (a zombie waiting for its reaper counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def test_a_child_does_not_outlive_a_killed_parent(dump: Path) -> None:
    """The parent killed outright (no clean-up runs): its child, which would wait on
    a full queue for ever, sees it has been orphaned and ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _ORPHAN_CODE, str(dump)], stdout=subprocess.PIPE, cwd=ROOT
    )
    child = 0
    try:
        child = int(proc.stdout.readline())
        assert not _gone(child)
        proc.kill()
        proc.wait(10)
        t = time.monotonic()
        while not _gone(child) and time.monotonic() - t < 30:
            time.sleep(0.1)
        assert _gone(child)
    finally:
        proc.kill()
        proc.stdout.close()
        if child and not _gone(child):  # (the test failed: leave no orphan behind)
            os.kill(child, signal.SIGKILL)


def test_a_failing_child_reports_its_error(
    dump: Path, small_spans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = spans.span_pass

    def flaky(path, span, segment_lines, stats):
        if span.index == 3:
            raise ValueError("segmenter broke on span 3")
        return real(path, span, segment_lines, stats)

    monkeypatch.setattr(spans, "span_pass", flaky)
    with pytest.raises(RuntimeError, match="segmenter broke on span 3"):
        _articles(dump, processes=2)
    assert not _children()


def test_a_dump_changed_under_the_children_is_a_dump_error(
    dump: Path, small_spans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The children cut the file as it is when they read it: spans that do not
    line up with the parent's are an error, not articles from the wrong lines."""
    parent, real = os.getpid(), spans.iter_spans

    def moved(*args):
        for span in real(*args):
            if os.getpid() != parent and span.end is not None:
                span = spans.Span(span.index, span.start, span.first_line + 1, span.end, 0)
            yield span

    monkeypatch.setattr(spans, "iter_spans", moved)
    with pytest.raises(DumpError, match="changed while it was read"):
        _articles(dump, processes=2)
    assert not _children()


@dataclass
class _Art:
    """What hand_over reads of an article."""

    start_offset: int
    end_line: int
    text: str = ""


def _hand(current, trusted_to, head_span_start, head, resumed=()):
    calls = []

    def resume():
        calls.append(1)
        return iter(resumed)

    span = spans.Span(1, head_span_start, 0, None, 0)
    gen = spans.hand_over(iter(current), trusted_to, spans._Head(span, iter(head)), resume)
    out = []
    while True:
        try:
            out.append(next(gen))
        except StopIteration as stop:
            return out, list(stop.value), len(calls)


def test_hand_over_meets_at_the_first_article_found_alike() -> None:
    current = [_Art(0, 9), _Art(100, 19), _Art(200, 29), _Art(300, 39)]
    # the next span starts at 150: its first article is cut there, its second is 200
    head = [_Art(150, 29), _Art(200, 29), _Art(300, 39), _Art(400, 49)]
    out, rest, resumed = _hand(current, 100, 150, head)
    assert [a.start_offset for a in out] == [0, 100]
    assert [a.start_offset for a in rest] == [200, 300, 400]
    assert resumed == 0


def test_hand_over_never_meets_at_the_cut_nor_at_an_unlike_article() -> None:
    current = [_Art(0, 9), _Art(150, 19, "a"), _Art(300, 39)]
    head = [_Art(150, 19, "a"), _Art(300, 39, "b"), _Art(400, 49)]
    resumed_pass = [_Art(300, 39, "b"), _Art(400, 49)]  # after the last yielded
    out, rest, resumed = _hand(current, 30, 150, head, resumed_pass)
    # 150 is the cut (head[0]); 300 differs; 300 also ends past what is sure (30):
    # a pass resumed after the last article yielded meets the head at 300
    assert [a.start_offset for a in out] == [0, 150]
    assert resumed == 1
    assert [a.start_offset for a in rest] == [300, 400]


def test_hand_over_at_the_dump_end_without_meeting() -> None:
    current = [_Art(0, 9), _Art(100, 19)]
    out, rest, resumed = _hand(current, None, 50, [_Art(50, 19), _Art(120, 25)])
    assert [a.start_offset for a in out] == [0, 100] and rest == [] and resumed == 0


def test_the_cli_uses_several_processes(tmp_path: Path) -> None:
    """`newswatch segment` with NEWSWATCH_SEGMENT_PROCESSES=2, =1 and unset (the
    default, one) on a dump big enough to be cut: the same document."""
    from support_dumpgen import make_dump

    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as fh:
        size = seed = 0
        while size < spans.MIN_SPLIT_BYTES + (1 << 20):
            text = make_dump(seed, 12).text
            fh.write(text)
            size += len(text.encode())
            seed += 1
    cli = [sys.executable, "-c", "from worker.cli import main; main()"]
    out = {}
    for n in ("1", "2", None):
        env = {k: v for k, v in os.environ.items() if k != "NEWSWATCH_SEGMENT_PROCESSES"}
        if n is not None:
            env["NEWSWATCH_SEGMENT_PROCESSES"] = n
        proc = subprocess.run(
            [*cli, "segment", str(path), "--json"],
            capture_output=True,
            check=True,
            timeout=300,
            cwd=ROOT,
            env=env,
        )
        out[n] = proc.stdout
    assert out["1"] == out["2"] == out[None] and out["1"].count(b'"start_line"') > 1000
