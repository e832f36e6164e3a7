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
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support_faults import (
    FarmServer,
    FeedFarm,
    Ledger,
    PrivatePostgres,
    PrivateRedis,
    add_feeds,
    ledger,
    marker_rules,
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
LEASES = {
    "NEWSWATCH_BACKFILL_LEASE_SECONDS": "3",
    "NEWSWATCH_BACKFILL_BATCH_LEASE_SECONDS": "4",
    # a poll message taken (prefetched) by a worker busy with the backfill is lost with
    # the broker; the feeds come back when their lease runs out
    "NEWSWATCH_FEED_LEASE_SECONDS": "10",
}


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
    """The job's counters equal the dump's rows (feed items, if any, left out)."""
    got = bf.summary([row])
    dump_art = Article.guid.is_(None) | ~Article.guid.like("urn:nw:%")
    dump_alert = Alert.article_id.in_(select(Article.id).where(dump_art))
    with eng.connect() as conn:
        n_articles = conn.execute(select(func.count()).where(dump_art)).scalar_one()
        n_hashes = conn.execute(
            select(func.count(func.distinct(Article.content_hash))).where(dump_art)
        ).scalar_one()
        n_alerts = conn.execute(select(func.count()).where(dump_alert)).scalar_one()
        keys = conn.execute(
            select(Alert.watch_id, Alert.cluster_id).where(dump_alert).distinct()
        ).all()
        n_matches = conn.execute(
            select(func.count()).select_from(Match).join(Article).where(dump_art)
        ).scalar_one()
    assert row["status"] == "done"
    assert n_articles == n_hashes == got["articles_stored"], "an article stored twice or lost"
    assert n_alerts == len(keys) == got["alerts"], "an alert doubled"
    assert n_matches == got["matches"]
    assert got == expected


def _logs(tmp: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in sorted(tmp.glob("w*.log")))


@pytest.mark.slow
def test_redis_restarted_mid_backfill(tmp_path: Path, pg_url: str, sqlite_url: str) -> None:
    """Feeds are polled and alerts webhooked around the restart too: items published
    before and after it are stored once, alerted once, delivered once (the scheduler
    and the delivery loop come back by themselves)."""
    farm = FeedFarm(feeds=8, period=6.0, every=2)
    with FarmServer(farm) as srv:
        rules = watch_rules_dir(tmp_path)
        marker_rules(tmp_path, webhook=f"{srv.base}/hook")  # same folder: one more watch
        dump = make_dump(tmp_path / "d.txt", ARTICLES, seed=21)
        expected = _reference(dump, sqlite_url, rules)
        eng = get_engine(pg_url)
        add_feeds(eng, [srv.feed_url(k) for k in range(farm.feeds)], 30)
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
                time.sleep(2)
                farm.freeze()  # items from before and after the restart
                led = _wait_feeds(eng, farm, procs)
            finally:
                for p in procs:
                    stop_group(p)
    _check_counts(eng, row, expected)
    assert "Connection to broker lost" in _logs(tmp_path)
    published = farm.expected_guids()
    assert set(led.stored) == published and len(published) > farm.feeds // 2
    assert all(n == 1 for n in led.stored.values()), "a feed item stored twice"
    assert all(n == 1 for n in led.alerts.values()) and len(led.alerts) == len(published)
    hooked = Counter(i for _, ids in farm.hooks for i in ids)
    assert all(hooked[i] == 1 for i in led.alert_ids), "an alert delivered twice or never"


def _wait_feeds(eng, farm: FeedFarm, procs, timeout: float = 90) -> Ledger:
    """Until every published feed item is stored and its alert webhooked."""
    published = farm.expected_guids()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        led = ledger(eng)
        hooked = Counter(i for _, ids in farm.hooks for i in ids)
        if set(led.stored) >= published and all(hooked[i] for i in led.alert_ids):
            time.sleep(3)  # room for a double to show up
            return ledger(eng)
        assert all(p.poll() is None for p in procs), "a worker died instead of recovering"
        time.sleep(0.5)
    raise AssertionError("feed items not all stored and delivered after the restart")


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
