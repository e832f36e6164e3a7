"""Redis and PostgreSQL restarted mid-run (issue 6): real ``newswatch run`` worker
processes, a backfill in flight, and the server under them killed and started
again. The job must finish by itself (workers reconnect, the sweep re-enqueues
what the restart lost) with counts equal to an undisturbed single-process run,
and the workers must say in their log what happened.

Private servers only: a throwaway ``redis-server`` without persistence (a
restart loses every queued message, the harshest case) and a private PostgreSQL
cluster stopped with ``-m immediate`` (a crash). The shared servers other tests
use are never touched.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support_faults import (
    PrivatePostgres,
    PrivateRedis,
    pg_bin,
    start_run,
    stop_group,
    worker_env,
)
from support_worker import make_dump, watch_rules_dir

from worker import backfill as bf
from worker.store.db import get_engine, upgrade
from worker.store.models import Alert, Article, Match
from worker.store.queries import job_rows

ARTICLES = 600
LEASES = {"NEWSWATCH_BACKFILL_LEASE_SECONDS": "3", "NEWSWATCH_BACKFILL_BATCH_LEASE_SECONDS": "4"}


def _reference(path: Path, sqlite_url: str, rules_dir: Path) -> dict[str, int]:
    """Counts of an undisturbed single-process run of the same dump."""
    from worker.rules import compile_rules, load_rules

    rs = load_rules(rules_dir)
    pair = (rs, compile_rules(rs))
    eng = get_engine(sqlite_url)
    job_id = bf.queue_jobs(eng, [path])[0]
    assert bf.run_job(eng, job_id, rules=lambda: pair).done
    with eng.connect() as conn:
        return bf.summary(job_rows(conn, [job_id]))


def _wait_mid_job(eng, job_id: int, timeout: float = 60) -> None:
    """Until the job is running with part of the dump handed out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with eng.connect() as conn:
            row = job_rows(conn, [job_id])[0]
        assert row["status"] != "done", "the job finished before the fault"
        if row["status"] == "running" and row["offset"] > 0:
            return
        time.sleep(0.05)
    raise AssertionError("the backfill did not start in time")


def _wait_done(eng, job_id: int, procs, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with eng.connect() as conn:
                row = job_rows(conn, [job_id])[0]
        except Exception:  # the database may still be coming back
            time.sleep(0.5)
            continue
        if row["status"] in ("done", "failed"):
            return row
        assert all(p.poll() is None for p in procs), "a worker died instead of recovering"
        time.sleep(0.5)
    raise AssertionError(f"backfill not finished {timeout} s after the fault")


def _check_counts(eng, row: dict, expected: dict[str, int]) -> None:
    got = bf.summary([row])
    with eng.connect() as conn:
        n_articles = conn.execute(select(func.count()).select_from(Article)).scalar_one()
        n_hashes = conn.execute(
            select(func.count(func.distinct(Article.content_hash)))
        ).scalar_one()
        n_alerts = conn.execute(select(func.count()).select_from(Alert)).scalar_one()
        keys = conn.execute(select(Alert.watch_id, Alert.cluster_id).distinct()).all()
        n_matches = conn.execute(select(func.count()).select_from(Match)).scalar_one()
    assert row["status"] == "done"
    assert n_articles == n_hashes == got["articles_stored"], "an article stored twice or lost"
    assert n_alerts == len(keys) == got["alerts"], "an alert doubled"
    assert n_matches == got["matches"]
    assert got == expected


def _logs(tmp: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in sorted(tmp.glob("w*.log")))


@pytest.mark.slow
def test_redis_restarted_mid_backfill(tmp_path: Path, pg_url: str, sqlite_url: str) -> None:
    rules = watch_rules_dir(tmp_path)
    dump = make_dump(tmp_path / "d.txt", ARTICLES, seed=21)
    expected = _reference(dump, sqlite_url, rules)
    eng = get_engine(pg_url)
    with PrivateRedis(tmp_path / "redis.log") as redis:
        env = worker_env(pg_url, redis.url, rules, tmp_path, **LEASES)
        procs = [
            start_run(env, tmp_path / "w1.log"),
            start_run(env, tmp_path / "w2.log", beat=False),
        ]
        try:
            job_id = bf.queue_jobs(eng, [dump])[0]  # the sweep at worker start picks it up
            _wait_mid_job(eng, job_id)
            redis.kill()  # every queued and unacked message is gone
            time.sleep(3)
            redis.start()
            row = _wait_done(eng, job_id, procs)
        finally:
            for p in procs:
                stop_group(p)
    _check_counts(eng, row, expected)
    assert "Connection to broker lost" in _logs(tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(pg_bin("initdb") is None, reason="PostgreSQL server binaries not installed")
def test_postgres_restarted_mid_backfill(tmp_path: Path, sqlite_url: str, redis_url: str) -> None:
    rules = watch_rules_dir(tmp_path)
    dump = make_dump(tmp_path / "d.txt", ARTICLES, seed=22)
    expected = _reference(dump, sqlite_url, rules)
    pg = PrivatePostgres()
    procs = []
    try:
        pg.init()
        pg.start()
        upgrade(pg.url)
        eng = get_engine(pg.url)
        env = worker_env(pg.url, redis_url, rules, tmp_path, **LEASES)
        procs = [
            start_run(env, tmp_path / "w1.log"),
            start_run(env, tmp_path / "w2.log", beat=False),
        ]
        job_id = bf.queue_jobs(eng, [dump])[0]
        _wait_mid_job(eng, job_id)
        pg.stop("immediate")  # a crash: open transactions are lost
        time.sleep(3)
        pg.start()
        row = _wait_done(eng, job_id, procs)
        _check_counts(eng, row, expected)
        eng.dispose()
    finally:
        for p in procs:
            stop_group(p)
        pg.cleanup()
    logs = _logs(tmp_path)
    assert "OperationalError" in logs or "terminating connection" in logs, logs[-3000:]
