"""Celery tasks: thin wrappers over batch functions (the logic lives in
``worker.backfill``, ``worker.pipeline`` and ``worker.deliver``).

Every task is idempotent and can run twice or never: the database says what is
due, unique constraints stop double inserts, and ``sweep`` (every 15 s from
beat) re-enqueues due feeds and backfill jobs whose lease expired.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import lru_cache
from typing import Any

from celery.signals import worker_ready

from worker.celery_app import SWEEP_SECONDS, app
from worker.config import get_settings

log = logging.getLogger("newswatch.tasks")
# A task keeps its job (and its open dump stream) until the job is done: resuming
# re-segments from the stored offset, which only crashes should need.
BACKFILL_SLICE_SECONDS: float | None = None
FEED_BATCH = 20


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
    """Work on one backfill job for a while; re-enqueue it if not finished."""
    from worker.backfill import run_job

    progress = run_job(_engine(), job_id, rules=current_rules, max_seconds=BACKFILL_SLICE_SECONDS)
    if progress is None:
        return None
    if not progress.done:
        run_backfill.delay(job_id)
    return {"job": job_id, "status": progress.row["status"]}


@worker_ready.connect
def _sweep_on_start(**_: Any) -> None:
    """A (re)started worker picks up due work at once instead of at the next beat."""
    sweep.delay()


@app.task(name="newswatch.poll_feeds")
def poll_feeds(source_ids: list[int]) -> list[dict[str, Any]]:
    """Poll a batch of due feeds (each one claimed in the database first)."""
    from worker.feeds import make_feed_client
    from worker.pipeline import poll_source

    ruleset, matcher = current_rules()
    out = []
    with make_feed_client() as client:
        for sid in source_ids:
            try:
                out.append(
                    poll_source(_engine(), sid, ruleset=ruleset, matcher=matcher, client=client)
                )
            except Exception:  # one broken feed must not stop the batch
                log.exception("poll of source %s failed", sid)
    return out


@app.task(name="newswatch.sweep")
def sweep() -> dict[str, int]:
    """Re-enqueue what the database says is due: feeds and unleased backfill jobs."""
    from worker.store import queries

    with _engine().begin() as conn:
        jobs = queries.jobs_needing_work(conn, timedelta(seconds=4 * SWEEP_SECONDS))
        feeds = queries.due_feed_ids(conn)
    for job_id in jobs:
        run_backfill.delay(job_id)
    for i in range(0, len(feeds), FEED_BATCH):
        poll_feeds.delay(feeds[i : i + FEED_BATCH])
    return {"jobs": len(jobs), "feeds": len(feeds)}


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
