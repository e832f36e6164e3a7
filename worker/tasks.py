"""Celery tasks: thin wrappers over batch functions (the logic lives in
``worker.backfill``, ``worker.pipeline`` and ``worker.deliver``).

Every task is idempotent and can run twice or never: the database says what is
due, unique constraints stop double inserts, and ``sweep`` (every 15 s from
beat) enqueues due feeds (once each: it marks them enqueued, see
``queries.claim_due_feeds``) and backfill jobs whose lease expired.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import lru_cache
from typing import Any

from celery.signals import worker_ready

from worker.celery_app import SWEEP_SECONDS, app
from worker.config import get_settings
from worker.logging import log_context

log = logging.getLogger("newswatch.tasks")
FEED_BATCH = 20
POLL_THREADS = 4  # feeds of a batch in flight at once (fetch overlaps parse/store)


@lru_cache(maxsize=1)
def _watcher() -> Any:
    from worker.rules import RuleWatcher

    return RuleWatcher(get_settings().rules)


def current_rules() -> tuple[Any, Any]:
    """The current (RuleSet, Matcher); hot-reloaded when rule files change."""
    return _watcher().current()


def _engine() -> Any:
    from worker.store.db import get_engine

    return get_engine(get_settings().database_url)


@app.task(name="newswatch.run_backfill")
def run_backfill(job_id: int) -> dict[str, Any] | None:
    """Plan a backfill job: segment its dump and hand each batch to any worker."""
    from worker.backfill import run_job

    def dispatch(batch_id: int, payload: list[dict[str, Any]]) -> None:
        store_backfill_batch.delay(batch_id, payload)

    with log_context(job_id=job_id):  # every record of the job carries its id
        progress = run_job(_engine(), job_id, rules=current_rules, dispatch=dispatch)
    return None if progress is None else {"job": job_id, "status": progress.row["status"]}


@app.task(name="newswatch.store_backfill_batch")
def store_backfill_batch(batch_id: int, payload: list[dict[str, Any]]) -> int | None:
    """Store one planned batch of a backfill (a no-op if another worker did)."""
    from worker.backfill import store_batch

    res = store_batch(_engine(), batch_id, payload, rules=current_rules)
    return None if res is None else res.articles_stored


@app.task(name="newswatch.redo_backfill_batch")
def redo_backfill_batch(batch_id: int) -> int | None:
    """Store a batch whose worker died, re-reading its byte range of the dump."""
    from worker.backfill import redo_batch

    res = redo_batch(_engine(), batch_id, rules=current_rules)
    return None if res is None else res.articles_stored


@worker_ready.connect
def _sweep_on_start(**_: Any) -> None:
    """A (re)started worker picks up due work at once instead of at the next beat."""
    sweep.delay()


@app.task(name="newswatch.poll_feeds")
def poll_feeds(source_ids: list[int]) -> list[dict[str, Any]]:
    """Poll a batch of due feeds (each one claimed in the database first).

    A few threads overlap one feed's network wait with another's parse and store
    (the per-host limiter in ``worker.feeds`` still keeps one request in flight per
    host); each feed is stored in its own short transaction."""
    from concurrent.futures import ThreadPoolExecutor

    from worker.feeds import make_feed_client

    ruleset, matcher = current_rules()
    with make_feed_client() as client:
        if len(source_ids) <= 1:
            out = [_poll_one(sid, ruleset, matcher, client) for sid in source_ids]
        else:
            with ThreadPoolExecutor(min(POLL_THREADS, len(source_ids))) as pool:
                out = list(pool.map(lambda s: _poll_one(s, ruleset, matcher, client), source_ids))
    return [r for r in out if r is not None]


def _poll_one(sid: int, ruleset: Any, matcher: Any, client: Any) -> dict[str, Any] | None:
    """One feed of a batch; a broken feed is logged and must not stop the others."""
    from worker.pipeline import poll_source

    with log_context(source_id=sid):  # the poll's records, alerts included
        try:
            return poll_source(_engine(), sid, ruleset=ruleset, matcher=matcher, client=client)
        except Exception:
            log.exception("poll of source %s failed", sid)
            return None


@app.task(name="newswatch.sweep")
def sweep() -> dict[str, int]:
    """Re-enqueue what the database says is due: feeds, backfill jobs whose planner
    is gone, batches whose worker died; finish jobs whose last store was cut short."""
    from worker import backfill as bf
    from worker.store import queries

    eng = _engine()
    with eng.begin() as conn:
        jobs = queries.jobs_needing_work(conn, timedelta(seconds=4 * SWEEP_SECONDS))
        batches = bf.stale_batches(conn)
        planned = bf.unfinished_planned_jobs(conn)
        feeds = queries.claim_due_feeds(conn)  # marked enqueued: not enqueued again
    for job_id in jobs:
        run_backfill.delay(job_id)
    for batch_id in batches:
        redo_backfill_batch.delay(batch_id)
    for job_id in planned:
        bf.finish_if_complete(eng, job_id)
    for i in range(0, len(feeds), FEED_BATCH):
        poll_feeds.delay(feeds[i : i + FEED_BATCH])
    return {"jobs": len(jobs), "batches": len(batches), "feeds": len(feeds)}


def _call_deliver(module: str, names: tuple[str, ...]) -> Any:
    """Call DELIVER's entry point if that part is installed (it is built separately)."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError:
        return None
    for name in names:
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn(_engine(), watches=current_rules()[0])
    return None


@app.task(name="newswatch.deliver_due")
def deliver_due() -> Any:
    """Send due webhook deliveries (DELIVER's sender claims and retries them)."""
    return _call_deliver("worker.deliver.webhook", ("deliver_due_webhooks",))


@app.task(name="newswatch.send_digests")
def send_digests() -> Any:
    """Send email digests whose period has come."""
    return _call_deliver("worker.deliver.digest", ("send_due_digests", "send_due", "send_digests"))
