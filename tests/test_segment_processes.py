"""Line classification in a second process (worker.classify_ahead): the same
articles as in one process, and a child that fails, dies or is left behind
never hangs the parent nor outlives it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from worker import classify_ahead, dumpio, segment
from worker.segment import segment_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read in 4 KB blocks (inherited by the forked child): a small dump then spans
    many blocks, as a large one does, and the child runs ahead of the parent."""
    monkeypatch.setattr(dumpio, "BLOCK_BYTES", 4096)


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    from support_dumpgen import make_dump

    path = tmp_path / "dump.txt"
    path.write_text("".join(make_dump(seed, 12).text for seed in range(6)), encoding="utf-8")
    return path


@pytest.fixture
def long_dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A dump of several windows (made short here): the parent emits its first
    article while the child is still reading."""
    from support_dumpgen import make_dump

    monkeypatch.setattr(segment, "WINDOW_LINES", 2000)
    path = tmp_path / "long.txt"
    path.write_text("".join(make_dump(seed, 12).text for seed in range(40)), encoding="utf-8")
    return path


def _articles(path: Path, **kw) -> list[dict]:
    return [a.to_json() for a in segment_file(path, **kw)]


def _children() -> list:
    return multiprocessing.active_children()


def test_two_processes_give_the_same_articles(dump: Path, small_blocks: None) -> None:
    one = _articles(dump)
    two = _articles(dump, processes=2)
    assert len(one) > 40
    assert two == one
    assert not _children()


def test_resuming_with_two_processes(dump: Path, small_blocks: None) -> None:
    whole = _articles(dump)
    cut = whole[len(whole) // 2 - 1]
    rest = _articles(
        dump, processes=2, start_offset=cut["end_offset"], first_line=cut["end_line"] + 1
    )
    assert rest == whole[len(whole) // 2 :]


def test_a_stream_is_classified_in_the_parent(dump: Path) -> None:
    with dump.open("rb") as fh:
        arts = [a.to_json() for a in segment_file(fh, processes=2)]
    assert arts == _articles(dump)


def test_stopping_early_ends_the_child(long_dump: Path, small_blocks: None) -> None:
    stream = segment_file(long_dump, processes=2)
    next(stream)
    assert len(_children()) == 1
    stream.close()
    assert not _children()


def test_a_killed_child_is_a_clear_error(long_dump: Path, small_blocks: None) -> None:
    stream = segment_file(long_dump, processes=2)
    next(stream)
    (child,) = _children()
    os.kill(child.pid, signal.SIGKILL)
    t = time.monotonic()
    with pytest.raises(RuntimeError, match="ended unexpectedly"):
        for _ in stream:
            pass
    assert time.monotonic() - t < 30
    assert not _children()


def test_a_failing_child_reports_its_error(
    dump: Path, small_blocks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = classify_ahead.classify_many
    calls = []

    def flaky(texts: list[str]):
        calls.append(1)
        if len(calls) == 3:
            raise ValueError("classifier broke on block 3")
        return real(texts)

    monkeypatch.setattr(classify_ahead, "classify_many", flaky)
    with pytest.raises(RuntimeError, match="classifier broke on block 3"):
        _articles(dump, processes=2)
    assert not _children()


def _child_reads(monkeypatch: pytest.MonkeyPatch, change) -> None:
    """Let the child (which inherits the patch) see the batches ``change`` makes of
    the file's: the file as it was when the child read it."""
    real = classify_ahead.iter_line_batches
    monkeypatch.setattr(
        classify_ahead, "iter_line_batches", lambda fh, **kw: change(list(real(fh, **kw)))
    )


def test_lines_the_child_did_not_see_are_classified_here(
    dump: Path, small_blocks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that grew after the child reached its end: the parent classifies
    the rest itself, and the articles are those of one process."""
    _child_reads(monkeypatch, lambda batches: batches[: len(batches) // 2])
    assert _articles(dump, processes=2) == _articles(dump)


def test_a_file_rewritten_while_read_is_a_dump_error(
    dump: Path, small_blocks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines that do not line up (the file changed under the reader): an error,
    not roles silently given to the wrong lines."""
    _child_reads(monkeypatch, lambda batches: [batches[0][1:], *batches[1:]])
    with pytest.raises(dumpio.DumpError, match="changed while it was read"):
        _articles(dump, processes=2)
    assert not _children()


def test_the_cli_uses_two_processes(dump: Path) -> None:
    """`newswatch segment` with NEWSWATCH_SEGMENT_PROCESSES=2, =1 and unset (the
    default, one): the same document."""
    cli = [sys.executable, "-c", "from worker.cli import main; main()"]
    out = {}
    for n in ("1", "2", None):
        env = {k: v for k, v in os.environ.items() if k != "NEWSWATCH_SEGMENT_PROCESSES"}
        if n is not None:
            env["NEWSWATCH_SEGMENT_PROCESSES"] = n
        proc = subprocess.run(
            [*cli, "segment", str(dump), "--json"],
            capture_output=True,
            check=True,
            timeout=120,
            cwd=ROOT,
            env=env,
        )
        out[n] = proc.stdout
    assert out["1"] == out["2"] == out[None] and out["1"].count(b'"start_line"') > 40
