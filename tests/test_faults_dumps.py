"""Hostile dumps through ``newswatch backfill`` (issue 6), not just the segmenter
(tests/test_segment_input.py covers ``segment_file`` on the same cases): each
ends with a clear one-line error (exit 2) or a completed job, and the database
agrees with the job's counters (nothing stored twice, no half-stored job).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import func, select
from support_worker import make_dump, watch_rules_dir

from worker.store.db import get_engine
from worker.store.models import Article, BackfillJob

NEWSWATCH = str(Path(sys.executable).parent / "newswatch")
ARTICLE = (
    "Storm closes mountain pass\n"
    "By Ana Costa\n"
    "GENEVA (Wire) - The World Health Organization said the coronavirus data was incomplete.\n"
    "Officials discussed a free trade deal with Norway on Tuesday.\n"
    "(Reporting by Ben Novak)\n"
)


def _backfill(
    tmp: Path, url: str, *paths: Path, timeout: float = 120
) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "NEWSWATCH_DATABASE_URL": url,
        "NEWSWATCH_RULES": str(watch_rules_dir(tmp)),
        "NEWSWATCH_DATA_DIR": str(tmp / "state"),
    }
    env.pop("NEWSWATCH_BROKER_URL", None)
    cmd = [NEWSWATCH, "backfill", *map(str, paths), "--json"]
    return subprocess.run(cmd, env=env, capture_output=True, timeout=timeout)


def _consistent(url: str, out: dict) -> None:
    """The job's counters are exactly what the database holds."""
    eng = get_engine(url)
    with eng.connect() as conn:
        n = conn.execute(select(func.count()).select_from(Article)).scalar_one()
        statuses = conn.execute(select(BackfillJob.status)).scalars().all()
    assert n == out["articles_stored"]
    assert statuses and all(s == "done" for s in statuses), statuses
    assert out["articles_seen"] == out["articles_stored"] + out["duplicates"]


def _ok(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert b"Traceback" not in proc.stderr
    return json.loads(proc.stdout)


def test_binary_dump_is_a_clear_error_and_stores_nothing(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "bin.dat"
    path.write_bytes(os.urandom(64 * 1024))
    proc = _backfill(tmp_path, sqlite_url, path)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "binary" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    with get_engine(sqlite_url).connect() as conn:
        assert conn.execute(select(func.count()).select_from(BackfillJob)).scalar_one() == 0


def test_binary_tail_after_text_completes_or_fails_cleanly(tmp_path: Path, sqlite_url: str) -> None:
    """25 KB of text first (the CLI sniffs the first 8 KB, so this passes), then 1 MB
    of random bytes: the job ends, no hang, and whatever was stored is counted."""
    path = tmp_path / "tail.dat"
    path.write_bytes(ARTICLE.encode() * 100 + os.urandom(1024 * 1024))
    proc = _backfill(tmp_path, sqlite_url, path)
    assert b"Traceback" not in proc.stderr
    if proc.returncode == 0:
        out = json.loads(proc.stdout)
        _consistent(sqlite_url, out)
    else:
        assert proc.returncode in (1, 2)
        assert proc.stderr.strip(), "a failure names its reason"


def test_empty_file_completes_with_zero_articles(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    out = _ok(_backfill(tmp_path, sqlite_url, path))
    assert out["jobs"] == 1 and out["articles_seen"] == 0
    _consistent(sqlite_url, out)


def test_nul_bytes_and_mixed_encodings_complete(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "mixed.txt"
    data = ARTICLE.encode() + "Café crème à Genève\n".encode("latin-1") + b"a\x00b c\n\n"
    data += "Second story on trade\nÉconomie : le marché a réagi\n".encode("utf-16-le")[:40]
    data += b"\n\n" + ARTICLE.replace("Storm", "Flood").encode("utf-8")
    path.write_bytes(data)
    out = _ok(_backfill(tmp_path, sqlite_url, path))
    assert out["articles_stored"] >= 1
    _consistent(sqlite_url, out)
    with get_engine(sqlite_url).connect() as conn:
        texts = conn.execute(select(Article.text)).scalars().all()
    assert not any("\x00" in t for t in texts), "NUL bytes never reach the database"


def test_ten_megabyte_line_completes(tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(ARTICLE.encode() + b"word " * 2_000_000 + b"\n\n" + ARTICLE.encode())
    out = _ok(_backfill(tmp_path, sqlite_url, path))
    assert out["articles_seen"] >= 1
    _consistent(sqlite_url, out)
    with get_engine(sqlite_url).connect() as conn:
        longest = conn.execute(select(func.max(func.length(Article.text)))).scalar_one()
    assert longest < 1_000_000, "the 10 MB line is capped, not stored whole"


def test_file_growing_while_backfilled_completes(tmp_path: Path, sqlite_url: str) -> None:
    """A writer appends for up to 3 s while the job reads: the job finishes (at
    whatever end it saw) and its counters equal the stored rows."""
    url = sqlite_url
    path = make_dump(tmp_path / "grow.txt", 300, seed=11)
    stop = threading.Event()

    def writer() -> None:
        with path.open("a", encoding="utf-8") as fh:
            i = 0
            end = time.monotonic() + 3
            while not stop.is_set() and time.monotonic() < end:
                fh.write(ARTICLE.replace("Storm", f"Storm {i}"))
                fh.flush()
                i += 1
                time.sleep(0.002)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    try:
        out = _ok(_backfill(tmp_path, url, path))
    finally:
        stop.set()
        t.join(5)
    assert out["articles_seen"] >= 300
    _consistent(url, out)
