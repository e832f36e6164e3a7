"""Small Core queries shared by the pipeline, the tasks and the commands.

Everything here takes a SQLAlchemy ``Connection`` so callers decide the
transaction: a batch of articles, its alerts and deliveries and the backfill
job's progress commit together or not at all.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Integer,
    LargeBinary,
    Table,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import Insert

from worker.store.models import Alert, Article, BackfillJob, Source, utcnow

SOURCE: Table = Source.__table__  # type: ignore[attr-defined]
ARTICLE: Table = Article.__table__  # type: ignore[attr-defined]
JOB: Table = BackfillJob.__table__  # type: ignore[attr-defined]
QUEUED = "(queued)"  # lease marker: a message for this job is in the broker
ALERT: Table = Alert.__table__  # type: ignore[attr-defined]


def insert_ignore(conn: Connection, table: Table) -> Insert:
    """``INSERT … ON CONFLICT DO NOTHING`` for the connection's dialect: the
    unique constraints make retried batches and racing workers harmless."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def insert_returning(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *cols: str
) -> list[Any]:
    """Insert ``rows`` ignoring conflicts; return the requested columns of the rows
    actually inserted (batched by SQLAlchemy's insertmanyvalues)."""
    if not rows:
        return []
    stmt = insert_ignore(conn, table).returning(*(table.c[c] for c in cols))
    return list(conn.execute(stmt, list(rows)).all())


def _pg_type(col: Any) -> str:
    """The PostgreSQL array element type used to pass a column through unnest()."""
    t = col.type
    if isinstance(t, BigInteger):
        return "bigint"
    if isinstance(t, Integer):
        return "integer"
    if isinstance(t, Boolean):
        return "boolean"
    if isinstance(t, DateTime):
        return "timestamptz"
    if isinstance(t, LargeBinary):
        return "bytea"
    return "text"  # strings, and JSON passed as text then cast


def _pg_unnest_insert(table: Table, cols: list[str], returning: Sequence[str]) -> Any:
    """``INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING``: one statement
    with one array parameter per column, whatever the number of rows."""
    arrays = ", ".join(f"CAST(:c{i} AS {_pg_type(table.c[c])}[])" for i, c in enumerate(cols))
    names = ", ".join(f"u{i}" for i in range(len(cols)))
    exprs = ", ".join(
        f"CAST(u{i} AS json)" if isinstance(table.c[c].type, JSON) else f"u{i}"
        for i, c in enumerate(cols)
    )
    quoted = ", ".join(f'"{c}"' for c in cols)
    sql = (
        f'INSERT INTO "{table.name}" ({quoted}) SELECT {exprs} FROM unnest({arrays}) '
        f"AS u({names}) ON CONFLICT DO NOTHING"
    )
    if returning:
        sql += " RETURNING " + ", ".join(f'"{c}"' for c in returning)
    return text(sql)


def _pg_params(table: Table, cols: list[str], rows: Sequence[dict[str, Any]]) -> dict[str, list]:
    params: dict[str, list] = {}
    for i, c in enumerate(cols):
        is_json = isinstance(table.c[c].type, JSON)
        vals = [r.get(c) for r in rows]
        params[f"c{i}"] = [json.dumps(v) if is_json and v is not None else v for v in vals]
    return params


def insert_values(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert ``rows`` ignoring conflicts, fast: one ``unnest`` statement on PostgreSQL,
    an executemany on SQLite (in-process, so per-row cost is small); returns how many
    rows were inserted."""
    return len(insert_values_returning(conn, table, rows, *_pk(table)))


def insert_values_returning(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *cols: str
) -> list[Any]:
    """Like :func:`insert_values`, returning ``cols`` of the rows actually inserted."""
    if not rows:
        return []
    if conn.dialect.name != "postgresql":
        return insert_returning(conn, table, rows, *cols)
    names = list(rows[0].keys())
    out: list[Any] = []
    for i in range(0, len(rows), 5000):
        chunk = rows[i : i + 5000]
        stmt = _pg_unnest_insert(table, names, cols)
        out.extend(conn.execute(stmt, _pg_params(table, names, chunk)).all())
    return out


def _pk(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def dump_source_id(conn: Connection, path: str) -> int:
    """The ``source`` row of a dump file (created on first use)."""
    conn.execute(
        insert_ignore(conn, SOURCE),
        [{"kind": "dump", "url": path, "name": path, "active": False, "created_at": utcnow()}],
    )
    return int(conn.execute(select(SOURCE.c.id).where(SOURCE.c.url == path)).scalar_one())


def create_job(conn: Connection, path: str, size: int) -> int:
    """Queue a backfill job for one dump file."""
    now = utcnow()
    row = {
        "path": path,
        "size": size,
        "offset": 0,
        "next_line": 1,
        "status": "queued",
        "created_at": now,
    }
    return int(conn.execute(JOB.insert().returning(JOB.c.id), [row]).scalar_one())


def claim_job(conn: Connection, job_id: int, owner: str, lease: timedelta) -> dict | None:
    """Take (or renew) the lease on a job that is not done and whose lease is free,
    expired or already ours. Returns the job row, or None if someone else holds it."""
    now = utcnow()
    free = (
        JOB.c.lease_owner.is_(None)
        | (JOB.c.lease_owner == QUEUED)
        | (JOB.c.lease_until < now)
        | (JOB.c.lease_owner == owner)
    )
    res = conn.execute(
        update(JOB)
        .where(JOB.c.id == job_id, JOB.c.status.in_(("queued", "running")), free)
        .values(
            lease_owner=owner,
            lease_until=now + lease,
            status="running",
            started_at=func.coalesce(JOB.c.started_at, now),
        )
    )
    if res.rowcount != 1:
        return None
    return dict(conn.execute(select(JOB).where(JOB.c.id == job_id)).mappings().one())


def jobs_needing_work(conn: Connection, grace: timedelta, now: datetime | None = None) -> list[int]:
    """Jobs still to be planned whose lease is free or expired (a killed planner,
    or a lost message); they are marked QUEUED for ``grace`` so the next sweeps do not
    enqueue them again while the message waits for a worker."""
    now = now or utcnow()
    cond = (
        JOB.c.status.in_(("queued", "running"))
        & JOB.c.segmented_at.is_(None)
        & (JOB.c.lease_until.is_(None) | (JOB.c.lease_until < now))
    )
    ids = [int(r) for r in conn.execute(select(JOB.c.id).where(cond)).scalars()]
    if ids:
        conn.execute(
            update(JOB)
            .where(JOB.c.id.in_(ids), cond)
            .values(lease_owner=QUEUED, lease_until=now + grace)
        )
    return ids


def job_rows(conn: Connection, ids: Iterable[int]) -> list[dict]:
    ids = list(ids)
    return [dict(r) for r in conn.execute(select(JOB).where(JOB.c.id.in_(ids))).mappings()]


# How long a feed enqueued by the sweep stays claimed: a poll message lost with the
# broker (a restart without persistence) is recovered when it runs out. Like the
# backfill's leases, settable for tests that restart the broker.
FEED_LEASE = timedelta(seconds=int(os.environ.get("NEWSWATCH_FEED_LEASE_SECONDS", "300")))


def _due_feeds(now: datetime) -> Any:
    return (
        (SOURCE.c.kind == "feed")
        & SOURCE.c.active.is_(True)
        & (SOURCE.c.next_due_at.is_(None) | (SOURCE.c.next_due_at <= now))
    )


def _oldest_due_first(rows: Iterable[Any]) -> list[int]:
    """Never-polled feeds first, then by due time (lag is spread fairly), then id."""
    ordered = sorted(rows, key=lambda r: (r[1] is not None, _naive(r[1]), r[0]))
    return [int(r[0]) for r in ordered]


def _naive(t: datetime | None) -> datetime:
    """Comparable due times (SQLite returns naive UTC, PostgreSQL aware)."""
    if t is None:
        return datetime.min
    return t.replace(tzinfo=None) if t.tzinfo is None else t.astimezone(UTC).replace(tzinfo=None)


def due_feed_ids(conn: Connection, now: datetime | None = None, limit: int = 500) -> list[int]:
    """Active feeds whose next poll is due (or never scheduled), oldest due first."""
    now = now or utcnow()
    q = select(SOURCE.c.id, SOURCE.c.next_due_at).where(_due_feeds(now))
    q = q.order_by(SOURCE.c.next_due_at.asc().nulls_first(), SOURCE.c.id).limit(limit)
    return _oldest_due_first(conn.execute(q).all())


def claim_due_feeds(
    conn: Connection,
    now: datetime | None = None,
    limit: int = 500,
    lease: timedelta = FEED_LEASE,
) -> list[int]:
    """Due feeds not already enqueued, marked enqueued (``queued_until``) in the same
    statement that selects them, oldest due first. A feed is thus in the queue once,
    however many sweeps run while it waits; the poll that takes the message clears
    the mark, and a lost message is recovered when the lease runs out. On PostgreSQL
    rows another sweep is claiming are skipped (``FOR UPDATE SKIP LOCKED``)."""
    now = now or utcnow()
    free = SOURCE.c.queued_until.is_(None) | (SOURCE.c.queued_until <= now)
    cond = _due_feeds(now) & free
    pick = select(SOURCE.c.id).where(cond)
    pick = pick.order_by(SOURCE.c.next_due_at.asc().nulls_first(), SOURCE.c.id).limit(limit)
    if conn.dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    stmt = (
        update(SOURCE)
        .where(SOURCE.c.id.in_(pick.scalar_subquery()), cond)
        .values(queued_until=now + lease)
        .returning(SOURCE.c.id, SOURCE.c.next_due_at)
    )
    return _oldest_due_first(conn.execute(stmt).all())


def list_alerts(conn: Connection, watch: str | None = None, limit: int | None = None) -> list[dict]:
    """Alerts with their article and source, newest last (the ``alerts list`` shape)."""
    q = (
        select(
            ALERT.c.id,
            ALERT.c.watch_id,
            ALERT.c.rules,
            ALERT.c.created_at,
            ALERT.c.origin,
            ARTICLE.c.id.label("article_id"),
            ARTICLE.c.title,
            ARTICLE.c.canonical_url,
            ARTICLE.c.start_line,
            SOURCE.c.url.label("source"),
        )
        .join(ARTICLE, ARTICLE.c.id == ALERT.c.article_id)
        .join(SOURCE, SOURCE.c.id == ARTICLE.c.source_id)
        .order_by(ALERT.c.id)
    )
    if watch:
        q = q.where(ALERT.c.watch_id == watch)
    if limit:
        q = q.limit(limit)
    return [dict(r) for r in conn.execute(q).mappings()]


def alert_json(row: dict) -> dict:
    """One ``alerts list --json`` line (contract.md)."""
    created = row["created_at"]
    if created is not None and created.tzinfo is None:  # SQLite keeps no zone: it is UTC
        created = created.replace(tzinfo=UTC)
    return {
        "id": row["id"],
        "watch": row["watch_id"],
        "rules": list(row["rules"] or []),
        "article": {
            "id": row["article_id"],
            "title": row["title"],
            "url": row["canonical_url"],
            "source": row["source"],
            "start_line": row["start_line"],
        },
        "created_at": created.isoformat() if created else None,
        "origin": row["origin"],
    }
