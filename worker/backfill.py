"""Backfill jobs: stream a dump through the pipeline in batches, resumable.

A job row holds where the dump has been read to (``offset``, ``next_line``) and
its counters. Each batch of ~200 articles is stored in ONE transaction together
with the job's new offset and counts, guarded by the worker's lease and the old
offset, so a worker killed at any instant leaves either the whole batch or none
of it: a restarted worker resumes from the stored offset and counts stay exact.
Leases expire, so a periodic sweep hands a dead worker's job to another.
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlalchemy.engine import Engine

from worker import metrics
from worker.pipeline import ArticleIn, BatchResult, process_batch
from worker.store import queries
from worker.store.models import utcnow

BATCH_SIZE = 200
COUNTERS = (
    "articles_seen",
    "articles_stored",
    "duplicates",
    "near_duplicates",
    "matches",
    "alerts",
)
LEASE = timedelta(seconds=int(os.environ.get("NEWSWATCH_BACKFILL_LEASE_SECONDS", "60")))
TIMINGS_ENV = "NEWSWATCH_STAGE_TIMINGS"  # optional JSON-lines file of per-batch stage times


class LeaseLost(Exception):
    """Another worker took the job over (our lease expired): this batch is dropped."""


@dataclass
class JobProgress:
    job_id: int
    done: bool
    row: dict[str, Any]


def worker_id() -> str:
    """A lease owner name unique to this process."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def queue_jobs(engine: Engine, paths: list[Path]) -> list[int]:
    """Create one job per dump file (paths must exist)."""
    ids = []
    with engine.begin() as conn:
        for p in paths:
            ids.append(queries.create_job(conn, str(p.resolve()), p.stat().st_size))
    return ids


def run_job(
    engine: Engine,
    job_id: int,
    *,
    rules: Callable[[], tuple[Any, Any]],
    owner: str | None = None,
    max_seconds: float | None = None,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[dict[str, Any]], None] | None = None,
) -> JobProgress | None:
    """Work on a job until it is done (or ``max_seconds`` pass); None if another
    worker holds its lease. ``rules()`` returns the current (RuleSet, Matcher)."""
    from worker.segment import segment_file

    owner = owner or worker_id()
    with engine.begin() as conn:
        job = queries.claim_job(conn, job_id, owner, LEASE)
        if job is None:
            return None
        source_id = queries.dump_source_id(conn, job["path"])
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    stream = segment_file(job["path"], start_offset=job["offset"], first_line=job["next_line"])
    try:
        while True:
            t0 = time.perf_counter()
            arts = list(islice(stream, batch_size))
            seg_time = time.perf_counter() - t0
            job = _commit_batch(engine, job, owner, source_id, arts, rules, batch_size)
            job["_timings"]["segment"] = seg_time
            _record_timings(job)
            if on_batch:
                on_batch(job)
            if job["status"] == "done":
                metrics.backfill_job("done")
                return JobProgress(job_id, True, job)
            if deadline is not None and time.monotonic() > deadline:
                return JobProgress(job_id, False, job)
    except LeaseLost:
        return None
    except Exception as exc:  # the dump is unreadable or a bug: fail the job visibly
        from worker.segment import DumpError

        if isinstance(exc, DumpError):
            return _fail(engine, job, owner, str(exc))
        raise
    finally:
        stream.close()


def _commit_batch(
    engine: Engine,
    job: dict[str, Any],
    owner: str,
    source_id: int,
    arts: list[Any],
    rules: Callable[[], tuple[Any, Any]],
    batch_size: int,
) -> dict[str, Any]:
    """Store one batch and advance the job, in one transaction."""
    ruleset, matcher = rules()
    items = [
        ArticleIn(
            source_id=source_id,
            text=a.text,
            title=a.title,
            byline=a.byline,
            start_line=a.start_line,
            end_line=a.end_line,
            backfill_job_id=job["id"],
        )
        for a in arts
    ]
    finished = len(arts) < batch_size
    now = utcnow()
    with engine.begin() as conn:
        res = (
            process_batch(conn, items, ruleset=ruleset, matcher=matcher, origin="backfill", now=now)
            if items
            else BatchResult()
        )
        values: dict[str, Any] = {c: queries.JOB.c[c] + getattr(res, c) for c in COUNTERS}
        if arts:
            values.update(offset=arts[-1].end_offset, next_line=arts[-1].end_line + 1)
        values["lease_until"] = now + LEASE
        if finished:
            values.update(status="done", finished_at=now, lease_owner=None, lease_until=None)
        r = conn.execute(
            update(queries.JOB)
            .where(
                queries.JOB.c.id == job["id"],
                queries.JOB.c.lease_owner == owner,
                queries.JOB.c.offset == job["offset"],
            )
            .values(**values)
        )
        if r.rowcount != 1:
            raise LeaseLost(job["id"])
        row = queries.job_rows(conn, [job["id"]])[0]
    row["_timings"] = dict(res.timings)
    row["_articles"] = len(arts)
    return row


def _fail(engine: Engine, job: dict[str, Any], owner: str, message: str) -> JobProgress:
    with engine.begin() as conn:
        conn.execute(
            update(queries.JOB)
            .where(queries.JOB.c.id == job["id"], queries.JOB.c.lease_owner == owner)
            .values(
                status="failed",
                error=message,
                finished_at=utcnow(),
                lease_owner=None,
                lease_until=None,
            )
        )
        row = queries.job_rows(conn, [job["id"]])[0]
    metrics.backfill_job("failed")
    return JobProgress(job["id"], True, row)


def _record_timings(job: dict[str, Any]) -> None:
    path = os.environ.get(TIMINGS_ENV)
    if not path:
        return
    line = {"job": job["id"], "articles": job["_articles"], "pid": os.getpid(), **job["_timings"]}
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")


def summary(rows: list[dict[str, Any]]) -> dict[str, int]:
    """The ``backfill --json`` summary of some jobs (contract.md keys)."""
    out = {"jobs": len(rows)}
    for c in COUNTERS:
        out[c] = sum(int(r[c]) for r in rows)
    return out


def iter_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    for r in rows:
        yield f"job {r['id']} {r['status']}: {r['path']}"
