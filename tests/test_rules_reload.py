"""Hot reload: changed files swap in atomically; a broken edit keeps the last good rules."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest

from worker.rules import RulesError, RuleWatcher

V1 = """\
topics:
  - id: alpha
    query: alpha
"""
V2 = """\
topics:
  - id: alpha
    query: alpha
  - id: beta
    query: beta
"""


def _write(path: Path, text: str, bump: int) -> None:
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    # make the change visible even on filesystems with coarse mtimes
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump * 1_000_000_000))


def rules_of(watcher: RuleWatcher, text: str) -> set[str]:
    _, matcher = watcher.current()
    return {m.rule for m in matcher.match(None, text)}


def test_reload_swaps_and_keeps_last_good(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    f = tmp_path / "r.yaml"
    _write(f, V1, 0)
    w = RuleWatcher(tmp_path, interval=0)
    v1 = w.current()[0].version
    assert rules_of(w, "alpha beta") == {"alpha"}

    _write(f, V2, 1)
    assert rules_of(w, "alpha beta") == {"alpha", "beta"}
    v2 = w.current()[0].version
    assert v2 != v1

    caplog.set_level(logging.ERROR, logger="worker.rules.reload")
    _write(f, V2 + "  - id: gamma\n    query: '(gamma'\n", 2)
    assert rules_of(w, "alpha beta gamma") == {"alpha", "beta"}  # last good rules kept
    assert w.current()[0].version == v2
    assert w.last_error is not None
    assert "keeping the last good rules" in caplog.text
    assert f"{f}:7: gamma: query: unbalanced parenthesis" in caplog.text

    _write(f, V1, 3)  # fixed again
    assert rules_of(w, "alpha beta") == {"alpha"}
    assert w.last_error is None


def test_new_file_in_folder_is_picked_up(tmp_path: Path) -> None:
    _write(tmp_path / "a.yaml", V1, 0)
    w = RuleWatcher(tmp_path, interval=0)
    _write(tmp_path / "b.yaml", "topics:\n  - id: delta\n    query: delta\n", 1)
    assert rules_of(w, "alpha delta") == {"alpha", "delta"}
    (tmp_path / "b.yaml").unlink()
    assert rules_of(w, "alpha delta") == {"alpha"}


def test_first_load_must_succeed(tmp_path: Path) -> None:
    _write(tmp_path / "a.yaml", "topics:\n  - id: x\n    query: ''\n", 0)
    with pytest.raises(RulesError):
        RuleWatcher(tmp_path)


def test_readers_never_see_a_half_swapped_state(tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    _write(f, V1, 0)
    w = RuleWatcher(tmp_path, interval=0)
    bad: list[str] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            rs, matcher = w.current()
            if matcher.version != rs.version:
                bad.append(f"{rs.version} != {matcher.version}")

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for i in range(1, 15):
        _write(f, V2 if i % 2 else V1, i)
        w.check()
    stop.set()
    for t in threads:
        t.join(timeout=10)
    assert not bad
