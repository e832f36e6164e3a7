"""Backfill jobs: a dump streamed through the pipeline in batches that any
number of workers share, resumable after a crash with exact counts.

Two roles:

* The **planner** holds the job's lease. It segments the dump once, in order,
  and for every ~200 articles commits a ``backfillbatch`` row (byte and line
  range) together with the job's reading position (``offset``/``next_line``),
  then hands the batch's articles to any worker (a Celery message) — or stores
  it itself when no other worker is free (work stealing keeps a lone worker,
  the embedded mode, and a busy cluster all progressing). It never runs more
  than ``MAX_AHEAD`` batches ahead of the stores.
* A **store** takes a pending batch and, in ONE transaction, flips it to
  ``done``, stores its articles, matches, alerts and deliveries, and adds its
  counts to the batch and the job. The status flip is the claim: a second
  worker holding the same batch blocks on the row, then finds it done.

A worker killed at any instant loses an uncommitted transaction and nothing
else. A pending batch whose lease expired is redone by the sweep, from the
dump's byte range; a job whose planner died (lease expired) is re-planned
from the stored offset. When the dump is fully planned and no batch is
pending, the job is done, and its counters are the sum of what was stored.
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import exists, func, select, update
from sqlalchemy.engine import Connection, Engine

from worker import metrics
from worker.pipeline import ArticleIn, BatchResult, process_batch
from worker.rules.fields import join_captions
from worker.store import queries
from worker.store.models import BackfillBatch, utcnow

BATCH_SIZE = 200
MAX_AHEAD = 4  # pending batches per job before the planner stores one itself
COUNTERS = (
    "articles_seen",
    "articles_stored",
    "duplicates",
    "near_duplicates",
    "matches",
    "alerts",
)
LEASE = timedelta(seconds=int(os.environ.get("NEWSWATCH_BACKFILL_LEASE_SECONDS", "60")))
BATCH_LEASE = timedelta(
    seconds=int(os.environ.get("NEWSWATCH_BACKFILL_BATCH_LEASE_SECONDS", "300"))
)
# Fault-injection hook for tests: seconds the planner waits after each batch, so
# a test can kill it mid-job however fast segmentation gets. Unset in production.
PLAN_PAUSE = float(os.environ.get("NEWSWATCH_TEST_PLAN_PAUSE", "0") or 0)
TIMINGS_ENV = "NEWSWATCH_STAGE_TIMINGS"  # optional JSON-lines file of per-batch stage times
BATCH = BackfillBatch.__table__  # type: ignore[attr-defined]

Rules = Callable[[], tuple[Any, Any]]
# dispatch(batch_id, payload) hands a batch to other workers; None: store it here.
Dispatch = Callable[[int, list[dict[str, Any]]], None]


class LeaseLost(Exception):
    """Another worker took the job over (our lease expired): stop planning."""


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


# --------------------------------------------------------------------------- planner


def run_job(
    engine: Engine,
    job_id: int,
    *,
    rules: Rules,
    dispatch: Dispatch | None = None,
    owner: str | None = None,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[dict[str, Any]], None] | None = None,
) -> JobProgress | None:
    """Plan a job (segment the rest of its dump into batches) and store what no
    other worker took; None if another worker holds the job's lease. Returns
    when the dump is fully planned and this worker's share is stored."""
    from worker.segment import DumpError, segment_file

    owner = owner or worker_id()
    with engine.begin() as conn:
        job = queries.claim_job(conn, job_id, owner, LEASE)
        if job is None:
            return None
        seq = _next_seq(conn, job_id)
    ahead: deque[tuple[int, list[dict[str, Any]]]] = deque()
    stream = segment_file(job["path"], start_offset=job["offset"], first_line=job["next_line"])
    try:
        while job["segmented_at"] is None:
            t0 = time.perf_counter()
            arts = list(islice(stream, batch_size))
            seg = time.perf_counter() - t0
            job, batch_id = _plan_batch(engine, job, owner, seq, arts, batch_size)
            _record_timings(job_id, len(arts), {"segment": seg})
            seq += 1
            if batch_id is not None:
                payload = [_payload(a) for a in arts]
                if dispatch is None:
                    store_batch(engine, batch_id, payload, rules=rules)
                else:
                    dispatch(batch_id, payload)
                    ahead.append((batch_id, payload))
                    _steal(engine, job_id, ahead, rules, keep=MAX_AHEAD)
            if on_batch:
                on_batch(_job_row(engine, job_id))
            if PLAN_PAUSE:
                time.sleep(PLAN_PAUSE)
        _steal(engine, job_id, ahead, rules, keep=0)
    except LeaseLost:
        return None
    except DumpError as exc:
        return _fail(engine, job, owner, str(exc))
    finally:
        stream.close()
    row = finish_if_complete(engine, job_id) or _job_row(engine, job_id)
    if on_batch:
        on_batch(row)
    return JobProgress(job_id, row["status"] in ("done", "failed"), row)


def _next_seq(conn: Connection, job_id: int) -> int:
    last = conn.execute(select(func.max(BATCH.c.seq)).where(BATCH.c.job_id == job_id)).scalar()
    return 0 if last is None else int(last) + 1


def _payload(a: Any) -> dict[str, Any]:
    return {
        "text": a.text,
        "title": a.title,
        "byline": a.byline,
        "start_line": a.start_line,
        "end_line": a.end_line,
        "captions": join_captions(getattr(a, "captions", None)) or None,
    }


def _plan_batch(
    engine: Engine, job: dict[str, Any], owner: str, seq: int, arts: list[Any], size: int
) -> tuple[dict[str, Any], int | None]:
    """Record one batch and the job's new reading position in one transaction
    (guarded by the lease and the old offset); the last one marks the job planned."""
    now = utcnow()
    values: dict[str, Any] = {"lease_until": now + LEASE}
    batch_id = None
    with engine.begin() as conn:
        if arts:
            row = {
                "job_id": job["id"],
                "seq": seq,
                "start_offset": arts[0].start_offset,
                "end_offset": arts[-1].end_offset,
                "first_line": arts[0].start_line,
                "end_line": arts[-1].end_line,
                "articles": len(arts),
                "status": "pending",
                "lease_until": now + BATCH_LEASE,
                "created_at": now,
            }
            batch_id = conn.execute(BATCH.insert().returning(BATCH.c.id), [row]).scalar_one()
            values.update(offset=arts[-1].end_offset, next_line=arts[-1].end_line + 1)
        if len(arts) < size:
            values.update(segmented_at=now, lease_owner=None, lease_until=None)
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
        new = queries.job_rows(conn, [job["id"]])[0]
    return new, batch_id


def _steal(engine: Engine, job_id: int, ahead: deque, rules: Rules, keep: int) -> None:
    """Store our own oldest dispatched batches while more than ``keep`` are still
    pending (no free worker took them): bounded memory, no deadlock."""
    while ahead:
        with engine.connect() as conn:
            pending = set(
                conn.execute(
                    select(BATCH.c.id).where(BATCH.c.job_id == job_id, BATCH.c.status == "pending")
                ).scalars()
            )
        while ahead and ahead[0][0] not in pending:
            ahead.popleft()
        if len(ahead) <= keep:
            return
        batch_id, payload = ahead.popleft()
        store_batch(engine, batch_id, payload, rules=rules)


# --------------------------------------------------------------------------- stores


def store_batch(
    engine: Engine, batch_id: int, payload: list[dict[str, Any]], *, rules: Rules
) -> BatchResult | None:
    """Store a planned batch: claim, store and count in one transaction. None if
    it was already done (another worker stored it)."""
    ruleset, matcher = rules()
    now = utcnow()
    with engine.begin() as conn:
        claim = conn.execute(
            update(BATCH)
            .where(BATCH.c.id == batch_id, BATCH.c.status == "pending")
            .values(status="done", done_at=now)
        )
        if claim.rowcount != 1:
            return None
        batch = conn.execute(select(BATCH).where(BATCH.c.id == batch_id)).mappings().one()
        job = queries.job_rows(conn, [batch["job_id"]])[0]
        source_id = queries.dump_source_id(conn, job["path"])
        items = [ArticleIn(source_id=source_id, backfill_job_id=job["id"], **a) for a in payload]
        res = process_batch(
            conn, items, ruleset=ruleset, matcher=matcher, origin="backfill", now=now
        )
        counts = {c: getattr(res, c) for c in COUNTERS}
        conn.execute(update(BATCH).where(BATCH.c.id == batch_id).values(**counts))
        conn.execute(
            update(queries.JOB)
            .where(queries.JOB.c.id == job["id"])
            .values(**{c: queries.JOB.c[c] + n for c, n in counts.items()})
        )
    _record_timings(job["id"], len(items), res.timings)
    finish_if_complete(engine, job["id"])
    return res


def redo_batch(engine: Engine, batch_id: int, *, rules: Rules) -> BatchResult | None:
    """Store a pending batch whose worker died: segment its byte range again."""
    from worker.segment import segment_file

    with engine.connect() as conn:
        b = conn.execute(select(BATCH).where(BATCH.c.id == batch_id)).mappings().first()
        if b is None or b["status"] != "pending":
            return None
        path = queries.job_rows(conn, [b["job_id"]])[0]["path"]
    stream = segment_file(path, start_offset=b["start_offset"], first_line=b["first_line"])
    try:
        payload = []
        for a in stream:
            if a.start_offset >= b["end_offset"]:
                break
            payload.append(_payload(a))
    finally:
        stream.close()
    return store_batch(engine, batch_id, payload, rules=rules)


def stale_batches(conn: Connection, now: Any = None, job_ids: list[int] | None = None) -> list[int]:
    """Pending batches whose lease expired (their worker or message was lost);
    their lease is renewed so the next sweeps leave them to the redo."""
    now = now or utcnow()
    cond = (BATCH.c.status == "pending") & (BATCH.c.lease_until < now)
    if job_ids is not None:
        cond = cond & BATCH.c.job_id.in_(job_ids)
    ids = [int(i) for i in conn.execute(select(BATCH.c.id).where(cond)).scalars()]
    if ids:
        conn.execute(
            update(BATCH).where(BATCH.c.id.in_(ids), cond).values(lease_until=now + BATCH_LEASE)
        )
    return ids


def finish_if_complete(engine: Engine, job_id: int) -> dict[str, Any] | None:
    """Mark the job done once it is fully planned and no batch is pending."""
    now = utcnow()
    pending = exists().where(BATCH.c.job_id == job_id, BATCH.c.status == "pending")
    with engine.begin() as conn:
        r = conn.execute(
            update(queries.JOB)
            .where(
                queries.JOB.c.id == job_id,
                queries.JOB.c.status.in_(("queued", "running")),
                queries.JOB.c.segmented_at.is_not(None),
                ~pending,
            )
            .values(status="done", finished_at=now, lease_owner=None, lease_until=None)
        )
        if r.rowcount != 1:
            return None
        row = queries.job_rows(conn, [job_id])[0]
    metrics.backfill_job("done")
    return row


def unfinished_planned_jobs(conn: Connection) -> list[int]:
    """Planned jobs not marked done (a worker died between its last store and the check)."""
    q = select(queries.JOB.c.id).where(
        queries.JOB.c.status.in_(("queued", "running")), queries.JOB.c.segmented_at.is_not(None)
    )
    return [int(i) for i in conn.execute(q).scalars()]


def work_until_done(
    engine: Engine,
    job_id: int,
    *,
    rules: Rules,
    owner: str | None = None,
    on_batch: Callable[[dict[str, Any]], None] | None = None,
    poll: float = 0.5,
) -> dict[str, Any]:
    """Do everything a job still needs in this process — plan, store, redo the
    batches of dead workers, finish — until it is done or failed (the embedded
    mode, where no other worker may be running)."""
    owner = owner or worker_id()
    while True:
        got = run_job(engine, job_id, rules=rules, owner=owner, on_batch=on_batch)
        if got is not None and got.done:
            return got.row
        with engine.begin() as conn:
            stale = stale_batches(conn, job_ids=[job_id])
        for batch_id in stale:
            redo_batch(engine, batch_id, rules=rules)
        row = finish_if_complete(engine, job_id) or _job_row(engine, job_id)
        if on_batch:
            on_batch(row)
        if row["status"] in ("done", "failed"):
            return row
        time.sleep(poll)


# --------------------------------------------------------------------------- helpers


def _job_row(engine: Engine, job_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        return queries.job_rows(conn, [job_id])[0]


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


def _record_timings(job_id: int, articles: int, timings: dict[str, float]) -> None:
    path = os.environ.get(TIMINGS_ENV)
    if not path:
        return
    line = {"job": job_id, "articles": articles, "pid": os.getpid(), **timings}
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")


def summary(rows: list[dict[str, Any]]) -> dict[str, int]:
    """The ``backfill --json`` summary of some jobs (contract.md keys)."""
    out = {"jobs": len(rows)}
    for c in COUNTERS:
        out[c] = sum(int(r[c]) for r in rows)
    return out
