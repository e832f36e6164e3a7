"""``newswatch backfill --wait --json`` on Redis + PostgreSQL: the command queues
the job, a separate worker process does the work, the command reports it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from support_worker import SEED_DUMP, start_celery_worker, watch_rules_dir
from test_worker_cluster import _stop


def test_backfill_wait_json_with_a_worker(tmp_path: Path, pg_url: str, redis_url: str) -> None:
    env = {
        **os.environ,
        "NEWSWATCH_DATABASE_URL": pg_url,
        "NEWSWATCH_BROKER_URL": redis_url,
        "NEWSWATCH_RULES": str(watch_rules_dir(tmp_path)),
        "NEWSWATCH_DATA_DIR": str(tmp_path / "state"),
        "NEWSWATCH_QUEUE": f"nw-test-{uuid.uuid4().hex[:8]}",
    }
    cli = str(Path(sys.executable).parent / "newswatch")
    worker = start_celery_worker("solo", env, tmp_path / "worker.log")

    def newswatch(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        return subprocess.run(
            [cli, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
        )

    try:
        out = newswatch("backfill", str(SEED_DUMP), "--wait", "--json")
        again = newswatch("backfill", str(SEED_DUMP), "--wait", "--json")
        alerts = newswatch("alerts", "list", "--json", timeout=60)
    finally:
        _stop(worker)
    assert out.returncode == 0, out.stderr[-2000:]
    first = json.loads(out.stdout.strip().splitlines()[-1])
    second = json.loads(again.stdout.strip().splitlines()[-1])
    assert first["jobs"] == 1 and first["articles_stored"] >= 1 and first["alerts"] >= 1
    assert second["articles_stored"] == 0 and second["alerts"] == 0
    assert second["duplicates"] == first["articles_seen"]
    assert len(alerts.stdout.strip().splitlines()) == first["alerts"]
