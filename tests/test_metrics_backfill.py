"""Scrape the metrics endpoint over HTTP after a real backfill and check every
counter against the rows the backfill stored.

1. Embedded defaults: ``newswatch backfill`` works the job in this process; the
   metrics server serves this process's registry.
2. Scaled out: ``newswatch run`` (a Celery worker with two prefork children and
   the scheduler) on PostgreSQL + Redis serves ``NEWSWATCH_METRICS_PORT``;
   ``newswatch backfill --wait`` queues the dump through Redis; the children's
   counts reach the scrape through the multiprocess files.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tests.support_ops import metrics_server, rows, sample, samples, scrape
from tests.support_worker import SEED_DUMP, watch_rules_dir
from worker import metrics
from worker.cli import app


@pytest.fixture(autouse=True)
def _fresh_metrics() -> Iterator[None]:
    metrics.reset_in_process()
    yield
    metrics.reset_in_process()


def _db_truth(url: str) -> dict[str, dict[str, float]]:
    by_rule = rows(url, "SELECT rule_id, count(*) FROM match GROUP BY 1")
    by_watch = rows(url, "SELECT watch_id, count(*) FROM alert GROUP BY 1")
    return {
        "rules": {r: float(n) for r, n in by_rule},
        "watches": {w: float(n) for w, n in by_watch},
    }


def _check(text: str, summary: dict[str, int], url: str, runs: int = 1) -> None:
    """Counters equal the backfill summary and the stored rows."""
    truth = _db_truth(url)
    assert sample(text, "newswatch_items_fetched_total", origin="backfill") == (
        runs * summary["articles_seen"]
    )
    assert (
        sample(text, "newswatch_articles_stored_total", origin="backfill")
        == (summary["articles_stored"])
    )
    assert (
        sample(text, "newswatch_near_duplicates_total", origin="backfill")
        == (summary["near_duplicates"])
    )
    assert samples(text, "newswatch_matches_total", "rule") == truth["rules"]
    assert samples(text, "newswatch_alerts_total", "watch") == truth["watches"]
    assert sample(text, "newswatch_alerts_total", origin="backfill") == summary["alerts"]


def test_scrape_after_embedded_backfill(db_url: str, tmp_path: Path) -> None:
    env = {
        "NEWSWATCH_DATABASE_URL": db_url,
        "NEWSWATCH_RULES": str(watch_rules_dir(tmp_path)),
        "NEWSWATCH_DATA_DIR": str(tmp_path / "state"),
        "NEWSWATCH_BROKER_URL": "",
    }
    res = CliRunner().invoke(app, ["backfill", str(SEED_DUMP), "--json"], env=env)
    assert res.exit_code == 0, res.output
    first = json.loads(res.stdout)
    assert first["articles_stored"] >= 10 and first["alerts"] >= 1
    with metrics_server() as port:
        text = scrape(port)
        _check(text, first, db_url)
        assert sum(samples(text, "newswatch_matches_total", "rule").values()) == first["matches"]
        assert sample(text, "newswatch_backfill_jobs_total", status="done") == 1
        # Again: every article is a duplicate; nothing stored, matched or alerted.
        res = CliRunner().invoke(app, ["backfill", str(SEED_DUMP), "--json"], env=env)
        assert res.exit_code == 0, res.output
        again = scrape(port)
    _check(again, first, db_url, runs=2)
    assert sample(again, "newswatch_duplicates_total", origin="backfill") == first["articles_seen"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from worker.cli import main; main()", *args]


def _wait_for_metrics(port: int, proc: subprocess.Popen, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"newswatch run exited with {proc.returncode}")
        try:
            return scrape(port)
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("metrics server did not come up")


@pytest.mark.slow
def test_scrape_newswatch_run_after_backfill_on_redis(
    pg_url: str, redis_url: str, tmp_path: Path
) -> None:
    port = _free_port()
    state = tmp_path / "state"
    stale = state / "metrics"
    stale.mkdir(parents=True)
    (stale / "counter_1.db").write_bytes(b"\0" * 16)  # a previous run's file: cleaned
    env = {
        **os.environ,
        "NEWSWATCH_DATABASE_URL": pg_url,
        "NEWSWATCH_BROKER_URL": redis_url,
        "NEWSWATCH_RULES": str(watch_rules_dir(tmp_path)),
        "NEWSWATCH_DATA_DIR": str(state),
        "NEWSWATCH_METRICS_PORT": str(port),
        "NEWSWATCH_METRICS_ADDR": "127.0.0.1",
        "NEWSWATCH_LOG_JSON": "true",
        "NEWSWATCH_QUEUE": f"ops-metrics-{uuid.uuid4().hex[:8]}",  # this test's own queue
    }
    env.pop(metrics.MULTIPROC_ENV, None)
    log_path = tmp_path / "run.log"
    with log_path.open("wb") as log:
        run = subprocess.Popen(
            _cli("run", "--concurrency", "2"), env=env, stdout=log, stderr=log,
            start_new_session=True,
        )  # fmt: skip
        try:
            before = _wait_for_metrics(port, run)
            assert sample(before, "newswatch_articles_stored_total") == 0
            assert not (stale / "counter_1.db").exists()
            done = subprocess.run(
                _cli("backfill", str(SEED_DUMP), "--wait", "--json"),
                env=env, capture_output=True, text=True, timeout=300,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            summary = json.loads(done.stdout)
            text = scrape(port)
        except (AssertionError, subprocess.TimeoutExpired) as exc:
            # On a busy machine this is where it goes wrong: say what the worker said.
            tail = log_path.read_text(errors="replace")[-3000:]
            raise AssertionError(f"{exc}\n--- newswatch run log (tail) ---\n{tail}") from exc
        finally:
            os.killpg(run.pid, signal.SIGTERM)
            try:
                run.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(run.pid, signal.SIGKILL)
                run.wait(timeout=10)
    assert summary["articles_stored"] >= 10
    _check(text, summary, pg_url)
    # The work ran in the prefork children, not in the process serving the scrape.
    pids = {p.stem.rsplit("_", 1)[1] for p in stale.glob("counter_*.db")}
    assert pids - {str(run.pid)}, pids
    # The JSON log lets one follow an alert to its article.
    records = [json.loads(x) for x in log_path.read_text().splitlines() if x.startswith("{")]
    raised = [r for r in records if r.get("msg") == "alert raised"]
    assert len(raised) == summary["alerts"]
    assert all("article_id" in r and "alert_id" in r and "task_id" in r for r in raised)
