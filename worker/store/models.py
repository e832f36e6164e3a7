"""Tables. The database is the source of truth: every queue message can be
rebuilt from these rows, so a lost broker message delays work but never loses it.

Uniqueness constraints carry the idempotency guarantees (an article stored once
per content hash, one alert per watch and story cluster, one delivery per alert
and target), so retried tasks can insert with ``ON CONFLICT DO NOTHING``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def _ts(index: bool = False, nullable: bool = True) -> Any:
    """A timezone-aware timestamp column (naive datetimes are a bug magnet)."""
    return Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), index=index, nullable=nullable),
    )


class Source(SQLModel, table=True):
    """A feed or a dump file, with the state that makes polling polite."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)  # "feed" | "dump"
    url: str = Field(sa_column=Column(Text, unique=True, nullable=False))  # URL or absolute path
    name: str = Field(default="", max_length=300)
    every_seconds: int = 600
    fetch_full_text: bool = False
    active: bool = True
    etag: str | None = Field(default=None, sa_column=Column(Text))
    last_modified: str | None = Field(default=None, max_length=100)
    next_due_at: datetime | None = _ts(index=True)
    consecutive_failures: int = 0
    last_attempt_at: datetime | None = _ts()
    last_success_at: datetime | None = _ts()
    last_new_item_at: datetime | None = _ts()
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime | None = _ts()
    # SHA-256 of the last 200 body: the same body again is handled like a 304
    # (feeds without ETag/Last-Modified would otherwise be re-parsed every poll).
    body_hash: str | None = Field(default=None, max_length=64)
    # Set by the sweep when it enqueues the feed, cleared by the poll that takes
    # the message: the sweep skips feeds whose lease has not expired, so a due feed
    # sits in the queue once; a lost message is recovered when the lease runs out.
    queued_until: datetime | None = _ts()


class Article(SQLModel, table=True):
    """One cleaned article; ``text`` is what was matched, evidence offsets point into it."""

    __table_args__ = (
        UniqueConstraint("source_id", "guid", name="uq_article_source_guid"),
        Index("ix_article_cluster", "cluster_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    guid: str | None = Field(default=None, max_length=2000)
    canonical_url: str | None = Field(default=None, sa_column=Column(Text, unique=True))
    title: str | None = Field(default=None, sa_column=Column(Text))
    byline: str | None = Field(default=None, sa_column=Column(Text))
    published_at: datetime | None = _ts()
    text: str = Field(sa_column=Column(Text, nullable=False))
    # Photo captions and credits, one per line: not part of ``text``, but matched
    # (evidence field "caption" points into this).
    captions: str | None = Field(default=None, sa_column=Column(Text))
    content_hash: str = Field(max_length=64, unique=True)
    # Unused since 0002 (MinHash replaced SimHash: see worker/dedupe.py); kept for old rows.
    simhash: int | None = Field(default=None, sa_column=Column(BigInteger))
    # MinHash signature of the word 3-shingles (64 little-endian uint32), see worker/dedupe.py.
    minhash: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    # Bumped by each in-place update (same GUID or URL, new content).
    revision: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    cluster_id: int | None = None  # id of the first article of the story cluster
    start_line: int | None = None  # for dump articles: 1-based line span in the dump
    end_line: int | None = None
    backfill_job_id: int | None = Field(default=None, foreign_key="backfilljob.id", index=True)
    created_at: datetime | None = _ts(index=True)
    updated_at: datetime | None = _ts()


class SimhashBand(SQLModel, table=True):
    """LSH band keys of each article's MinHash signature (16 bands of 4 values,
    hashed to 63 bits): near-duplicate candidates share at least one band key.
    (The table kept its first name, from when the signature was a SimHash.)"""

    __table_args__ = (Index("ix_band_lookup", "band", "value"),)

    article_id: int = Field(foreign_key="article.id", primary_key=True)
    band: int = Field(primary_key=True)
    value: int = Field(sa_column=Column(BigInteger, nullable=False))


class Match(SQLModel, table=True):
    """A rule that matched an article, with its evidence."""

    __table_args__ = (UniqueConstraint("article_id", "rule_id", name="uq_match_article_rule"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    rule_id: str = Field(max_length=200, index=True)  # "covid-origins" or "@who"
    evidence: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime | None = _ts()


class Alert(SQLModel, table=True):
    """One per watch and story cluster: a syndicated story alerts once. ``revision``
    is 0 except for re-alerts of watches that opt in to alerts on in-place updates."""

    __table_args__ = (
        UniqueConstraint("watch_id", "cluster_id", "revision", name="uq_alert_watch_cluster_rev"),
    )

    id: int | None = Field(default=None, primary_key=True)
    watch_id: str = Field(max_length=200, index=True)
    cluster_id: int
    article_id: int = Field(foreign_key="article.id", index=True)
    rules: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    origin: str = Field(default="feed", max_length=16)  # "feed" | "backfill" | "apply"
    revision: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    created_at: datetime | None = _ts(index=True)


class Delivery(SQLModel, table=True):
    """The outbox: one row per alert and target, written in the alert's transaction."""

    __table_args__ = (
        UniqueConstraint("alert_id", "channel", "target", name="uq_delivery_alert_target"),
        Index("ix_delivery_due", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int | None = Field(default=None, foreign_key="alert.id", index=True)
    watch_id: str = Field(max_length=200, index=True)
    channel: str = Field(max_length=16)  # "webhook" | "email"
    target: str = Field(sa_column=Column(Text, nullable=False))  # URL or email address
    # pending | sending | delivered | failed (will retry) | dead | disabled | digest
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    next_attempt_at: datetime | None = _ts()
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    message_id: str | None = Field(default=None, max_length=100)  # webhook-id, stable on retry
    digest_id: int | None = Field(default=None, foreign_key="digest.id", index=True)
    created_at: datetime | None = _ts()
    delivered_at: datetime | None = _ts()


class WebhookEndpoint(SQLModel, table=True):
    """Per-watch endpoint state: a 410 Gone disables it until the operator re-enables."""

    __table_args__ = (UniqueConstraint("watch_id", "url", name="uq_endpoint_watch_url"),)

    id: int | None = Field(default=None, primary_key=True)
    watch_id: str = Field(max_length=200)
    url: str = Field(sa_column=Column(Text, nullable=False))
    disabled_at: datetime | None = _ts()
    disabled_reason: str | None = Field(default=None, sa_column=Column(Text))


class Digest(SQLModel, table=True):
    """One email digest per watch, recipient and period; claims its alerts' deliveries."""

    __table_args__ = (
        UniqueConstraint("watch_id", "recipient", "period_key", name="uq_digest_period"),
    )

    id: int | None = Field(default=None, primary_key=True)
    watch_id: str = Field(max_length=200)
    recipient: str = Field(max_length=320)
    period_key: str = Field(max_length=64)  # e.g. "2026-11-28T08:00+00:00"
    status: str = Field(default="pending", max_length=16)  # pending | sent | failed
    attempts: int = 0
    alert_count: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime | None = _ts()
    sent_at: datetime | None = _ts()


class BackfillJob(SQLModel, table=True):
    """A queued dump; ``offset``/``next_line`` say where a restarted worker resumes."""

    id: int | None = Field(default=None, primary_key=True)
    path: str = Field(sa_column=Column(Text, nullable=False))
    size: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    offset: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    next_line: int = 1
    status: str = Field(default="queued", max_length=16)  # queued | running | done | failed
    articles_seen: int = 0
    articles_stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    matches: int = 0
    alerts: int = 0
    error: str | None = Field(default=None, sa_column=Column(Text))
    lease_owner: str | None = Field(default=None, max_length=200)
    lease_until: datetime | None = _ts()
    created_at: datetime | None = _ts()
    started_at: datetime | None = _ts()
    finished_at: datetime | None = _ts()
    # Set when the planner has segmented the whole dump into batches (0003).
    segmented_at: datetime | None = _ts()


class BackfillBatch(SQLModel, table=True):
    """A planned slice of a backfill job: the articles of dump bytes
    [start_offset, end_offset). The job's lease holder segments the dump and
    records each slice; any worker stores it, in one transaction with
    ``status = done``, its counts and the job's counters, so two workers share
    one dump and a killed worker's slice is redone from the dump, never twice."""

    __table_args__ = (
        UniqueConstraint("job_id", "seq", name="uq_batch_job_seq"),
        Index("ix_batch_pending", "status", "lease_until"),
    )

    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(foreign_key="backfilljob.id", index=True)
    seq: int
    start_offset: int = Field(sa_column=Column(BigInteger, nullable=False))
    end_offset: int = Field(sa_column=Column(BigInteger, nullable=False))
    first_line: int
    end_line: int
    articles: int = 0
    status: str = Field(default="pending", max_length=16)  # pending | done
    articles_seen: int = 0
    articles_stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    matches: int = 0
    alerts: int = 0
    lease_until: datetime | None = _ts()
    created_at: datetime | None = _ts()
    done_at: datetime | None = _ts()
