"""The one path every article takes: clean input → dedupe → match → store
article + matches → alerts (one per watch and story cluster) + their delivery
rows, all in the caller's transaction.

Feed items and dump articles both arrive here as :class:`ArticleIn`. The pure
work (fingerprints, rule matching) runs first, outside the database; then a
handful of batched Core statements store the batch. Every insert is
``ON CONFLICT DO NOTHING`` against a unique constraint, so a retried batch, a
redelivered task or two racing workers can never store an article, a match, an
alert or a delivery twice.

Dedup rules:
- same (source, GUID) or canonical URL → updated in place; watches that opt in
  (``realert_on_update``) alert again, others only if they never alerted on it;
- same content hash → skipped (``duplicates``);
- near-duplicate (MinHash similarity ≥ ``dedupe.NEAR_DUP_THRESHOLD`` with an
  LSH candidate) → stored, linked into the first article's story cluster, so a
  watch that alerted on the cluster is not alerted again (``near_duplicates``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.engine import Connection

from worker import dedupe, metrics
from worker.deliver.outbox import deliveries_for_alert
from worker.rules.fields import match_article
from worker.store.models import Alert, Article, Delivery, Match, SimhashBand, utcnow
from worker.store.queries import insert_values, insert_values_returning

ARTICLE = Article.__table__  # type: ignore[attr-defined]
BAND = SimhashBand.__table__  # type: ignore[attr-defined]
MATCH = Match.__table__  # type: ignore[attr-defined]
ALERT = Alert.__table__  # type: ignore[attr-defined]
DELIVERY = Delivery.__table__  # type: ignore[attr-defined]
log = logging.getLogger(__name__)


CLUSTER_LOCK_KEY = 0x6E657773  # "news": PostgreSQL advisory lock id for cluster assignment


@dataclass
class ArticleIn:
    """A cleaned article from a feed item or a dump segment."""

    source_id: int
    text: str
    title: str | None = None
    byline: str | None = None
    guid: str | None = None
    canonical_url: str | None = None
    published_at: datetime | None = None
    start_line: int | None = None
    end_line: int | None = None
    backfill_job_id: int | None = None
    captions: str | None = None  # photo captions, one per line: matched, not in ``text``


@dataclass
class BatchResult:
    """Counts of one batch (they add up into a backfill job's counters)."""

    articles_seen: int = 0
    articles_stored: int = 0
    updated: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    matches: int = 0
    alerts: int = 0
    deliveries: int = 0
    alert_ids: list[int] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def add(self, other: BatchResult) -> None:
        for name in (
            "articles_seen",
            "articles_stored",
            "updated",
            "duplicates",
            "near_duplicates",
            "matches",
            "alerts",
            "deliveries",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.alert_ids.extend(other.alert_ids)
        for k, v in other.timings.items():
            self.timings[k] = self.timings.get(k, 0.0) + v


@dataclass
class _Prepared:
    item: ArticleIn
    fp: dedupe.Fingerprint
    matches: list[Any]  # RuleMatch
    article_id: int | None = None
    cluster_id: int | None = None
    revision: int = 0
    is_update: bool = False


def prepare(items: Sequence[ArticleIn], matcher: Any, timings: dict[str, float]) -> list[_Prepared]:
    """The pure part: fingerprints and rule matches of every item."""
    t0 = time.perf_counter()
    fps = dedupe.fingerprints([it.text for it in items])
    t1 = time.perf_counter()
    matches = [match_article(matcher, it.title, it.text, it.captions) for it in items]
    t2 = time.perf_counter()
    timings["dedupe"] = timings.get("dedupe", 0.0) + (t1 - t0)
    timings["match"] = timings.get("match", 0.0) + (t2 - t1)
    return [_Prepared(it, fp, m) for it, fp, m in zip(items, fps, matches, strict=True)]


def process_batch(
    conn: Connection,
    items: Sequence[ArticleIn],
    *,
    ruleset: Any,
    matcher: Any,
    origin: str,
    now: datetime | None = None,
) -> BatchResult:
    """Store a batch of articles with their matches, alerts and deliveries in the
    caller's transaction; returns what happened."""
    now = now or utcnow()
    res = BatchResult(articles_seen=len(items))
    preps = prepare(items, matcher, res.timings)
    t0 = time.perf_counter()
    fresh, updates = _split_known(conn, preps, res)
    _apply_updates(conn, updates, now)
    _insert_new(conn, fresh, now, res)
    stored = [p for p in fresh if p.article_id is not None] + updates
    res.updated = len(updates)
    res.matches = _insert_matches(conn, stored, now)
    _insert_alerts(conn, stored, ruleset, origin, now, res)
    res.timings["store"] = time.perf_counter() - t0
    metrics.after_commit(conn, metrics.batch, res, origin)
    ids = {"source_id": items[0].source_id if items else None, "origin": origin,
           "article_ids": [p.article_id for p in stored]}  # fmt: skip
    metrics.after_commit(conn, log.info, "articles stored", extra=ids)  # logged once committed
    return res


def _split_known(
    conn: Connection, preps: list[_Prepared], res: BatchResult
) -> tuple[list[_Prepared], list[_Prepared]]:
    """Drop exact duplicates (in the batch and in the database); pick out items
    whose GUID or URL is already stored (in-place updates)."""
    hashes = [p.fp.content_hash for p in preps]
    known_hashes = set(
        conn.execute(
            select(ARTICLE.c.content_hash).where(ARTICLE.c.content_hash.in_(hashes))
        ).scalars()
    )
    by_key = _existing_by_key(conn, preps)
    fresh: list[_Prepared] = []
    updates: list[_Prepared] = []
    seen: set[str] = set()
    for p in preps:
        h = p.fp.content_hash
        if h in known_hashes or h in seen:
            res.duplicates += 1
            continue
        seen.add(h)
        existing = by_key.get(_key_guid(p.item)) or by_key.get(_key_url(p.item))
        if existing is not None:
            p.article_id, p.cluster_id, p.revision = existing
            p.revision += 1
            p.is_update = True
            updates.append(p)
        else:
            fresh.append(p)
    return fresh, updates


def _key_guid(it: ArticleIn) -> tuple | None:
    return ("g", it.source_id, it.guid) if it.guid else None


def _key_url(it: ArticleIn) -> tuple | None:
    return ("u", it.canonical_url) if it.canonical_url else None


def _existing_by_key(conn: Connection, preps: list[_Prepared]) -> dict[tuple | None, tuple]:
    """Stored articles sharing a (source, GUID) or canonical URL with the batch."""
    guids = {(p.item.source_id, p.item.guid) for p in preps if p.item.guid}
    urls = {p.item.canonical_url for p in preps if p.item.canonical_url}
    out: dict[tuple | None, tuple] = {}
    cols = (
        ARTICLE.c.id,
        ARTICLE.c.cluster_id,
        ARTICLE.c.revision,
        ARTICLE.c.source_id,
        ARTICLE.c.guid,
        ARTICLE.c.canonical_url,
    )
    by_source: dict[int, list[str]] = {}
    for sid, guid in guids:
        by_source.setdefault(sid, []).append(guid)
    for sid, glist in by_source.items():  # (source_id, guid) index, on both databases
        q = select(*cols).where(ARTICLE.c.source_id == sid, ARTICLE.c.guid.in_(glist))
        for r in conn.execute(q):
            out[("g", r.source_id, r.guid)] = (r.id, r.cluster_id or r.id, r.revision)
    if urls:
        for r in conn.execute(select(*cols).where(ARTICLE.c.canonical_url.in_(list(urls)))):
            out[("u", r.canonical_url)] = (r.id, r.cluster_id or r.id, r.revision)
    return out


def _apply_updates(conn: Connection, updates: list[_Prepared], now: datetime) -> None:
    """Same GUID/URL, new content: rewrite the article and its matches in place."""
    for p in updates:
        it = p.item
        conn.execute(
            update(ARTICLE)
            .where(ARTICLE.c.id == p.article_id)
            .values(
                title=it.title,
                byline=it.byline,
                text=it.text,
                published_at=it.published_at,
                content_hash=p.fp.content_hash,
                minhash=p.fp.signature,
                revision=p.revision,
                updated_at=now,
            )
        )
        conn.execute(delete(MATCH).where(MATCH.c.article_id == p.article_id))
        conn.execute(delete(BAND).where(BAND.c.article_id == p.article_id))
    band_rows = [
        {"article_id": p.article_id, "band": b, "value": v}
        for p in updates
        for b, v in enumerate(p.fp.bands)
    ]
    insert_values(conn, BAND, band_rows)


def _insert_new(conn: Connection, fresh: list[_Prepared], now: datetime, res: BatchResult) -> None:
    """Insert new articles, then link near-duplicates into existing story clusters."""
    if not fresh:
        return
    _cluster_lock(conn)
    rows = [_article_row(p, now) for p in fresh]
    inserted = dict(insert_values_returning(conn, ARTICLE, rows, "content_hash", "id"))
    for p in fresh:
        p.article_id = inserted.get(p.fp.content_hash)
    res.duplicates += sum(1 for p in fresh if p.article_id is None)  # lost a race
    new = [p for p in fresh if p.article_id is not None]
    res.articles_stored = len(new)
    if not new:
        return
    _assign_clusters(conn, new, res)
    own = [p.article_id for p in new if p.cluster_id == p.article_id]
    for p in new:
        if p.cluster_id != p.article_id:
            conn.execute(
                update(ARTICLE).where(ARTICLE.c.id == p.article_id).values(cluster_id=p.cluster_id)
            )
    if own:
        conn.execute(update(ARTICLE).where(ARTICLE.c.id.in_(own)).values(cluster_id=ARTICLE.c.id))
    band_rows = [
        {"article_id": p.article_id, "band": b, "value": v}
        for p in new
        for b, v in enumerate(p.fp.bands)
    ]
    insert_values(conn, BAND, band_rows)


def _cluster_lock(conn: Connection) -> None:
    """Serialise "look up near-duplicates, then insert" across workers until commit,
    so two copies of one story stored at the same moment by two workers still land
    in one cluster (and alert once). Only this short store step is serialised;
    segmenting, fingerprinting and matching run in parallel. SQLite needs nothing:
    the article insert below takes its single write lock before the lookup."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CLUSTER_LOCK_KEY})


def _article_row(p: _Prepared, now: datetime) -> dict[str, Any]:
    it = p.item
    return {
        "source_id": it.source_id,
        "guid": it.guid,
        "canonical_url": it.canonical_url,
        "title": it.title,
        "byline": it.byline,
        "published_at": it.published_at,
        "text": it.text,
        "captions": it.captions or None,
        "content_hash": p.fp.content_hash,
        "minhash": p.fp.signature,
        "revision": 0,
        "start_line": it.start_line,
        "end_line": it.end_line,
        "backfill_job_id": it.backfill_job_id,
        "created_at": now,
        "updated_at": now,
    }


def _assign_clusters(conn: Connection, new: list[_Prepared], res: BatchResult) -> None:
    """Each new article joins the cluster of its most similar earlier article
    (stored before, or earlier in this batch), or starts its own."""
    keys = sorted({(b, v) for p in new for b, v in enumerate(p.fp.bands)})
    cand: dict[tuple[int, int], list[int]] = {}
    for band, value, article_id in _band_hits(conn, keys):
        cand.setdefault((band, value), []).append(article_id)
    ids = {a for lst in cand.values() for a in lst}
    sigs: dict[int, tuple[bytes, int]] = {}
    for chunk in _chunks(sorted(ids), 400):
        q = select(ARTICLE.c.id, ARTICLE.c.minhash, ARTICLE.c.cluster_id).where(
            ARTICLE.c.id.in_(chunk)
        )
        for r in conn.execute(q):
            sigs[r.id] = (r.minhash or b"", r.cluster_id or r.id)
    for p in new:
        best: tuple[float, int, int] | None = None  # (similarity, -id, cluster)
        for b, v in enumerate(p.fp.bands):
            for aid in cand.get((b, v), ()):
                sig, cluster = sigs[aid]
                s = dedupe.similarity(p.fp.signature, sig)
                if s >= dedupe.NEAR_DUP_THRESHOLD and (best is None or (s, -aid) > best[:2]):
                    best = (s, -aid, cluster)
        if best is None:
            p.cluster_id = p.article_id
        else:
            p.cluster_id = best[2]
            res.near_duplicates += 1
        for b, v in enumerate(p.fp.bands):  # later items of the batch see this one
            cand.setdefault((b, v), []).append(p.article_id)  # type: ignore[arg-type]
        sigs[p.article_id] = (p.fp.signature, p.cluster_id)  # type: ignore[index]


def _band_hits(conn: Connection, keys: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Stored (band, value, article_id) rows sharing a band key with ``keys``."""
    if not keys:
        return []
    if conn.dialect.name == "postgresql":  # one statement, two array parameters
        q = text(
            "SELECT b.band, b.value, b.article_id FROM simhashband b JOIN "
            "unnest(CAST(:bands AS integer[]), CAST(:vals AS bigint[])) AS k(band, value) "
            "ON b.band = k.band AND b.value = k.value"
        )
        rows = conn.execute(q, {"bands": [k[0] for k in keys], "vals": [k[1] for k in keys]})
        return [tuple(r) for r in rows]  # type: ignore[misc]
    # SQLite: one query per band, so the (band, value) index is used (a row-value
    # IN list is scanned instead, which grows with the table).
    by_band: dict[int, list[int]] = {}
    for band, value in keys:
        by_band.setdefault(band, []).append(value)
    out: list[tuple[int, int, int]] = []
    for band, values in sorted(by_band.items()):
        for chunk in _chunks(values, 500):
            q = select(BAND.c.band, BAND.c.value, BAND.c.article_id).where(
                BAND.c.band == band, BAND.c.value.in_(chunk)
            )
            out.extend(tuple(r) for r in conn.execute(q))  # type: ignore[misc]
    return out


def _chunks(seq: list, n: int) -> list[list]:
    return [seq[i : i + n] for i in range(0, len(seq), n)]


def _insert_matches(conn: Connection, stored: list[_Prepared], now: datetime) -> int:
    rows = [
        {
            "article_id": p.article_id,
            "rule_id": m.rule,
            "evidence": [e.to_json() for e in m.evidence],
            "created_at": now,
        }
        for p in stored
        for m in p.matches
    ]
    inserted = insert_values_returning(conn, MATCH, rows, "rule_id")
    metrics.after_commit(conn, metrics.matches, [r[0] for r in inserted])
    return len(inserted)


def _insert_alerts(
    conn: Connection,
    stored: list[_Prepared],
    ruleset: Any,
    origin: str,
    now: datetime,
    res: BatchResult,
) -> None:
    """One alert per watch and story cluster (per revision for opt-in re-alerts),
    and its delivery rows, in this transaction."""
    watches = dict(getattr(ruleset, "watches", {}) or {})
    rows: dict[tuple[str, int, int], dict[str, Any]] = {}
    for p in stored:
        hit = {m.rule for m in p.matches}
        for wid, w in watches.items():
            rules = sorted(hit.intersection(w.match))
            if not rules:
                continue
            rev = p.revision if (p.is_update and getattr(w, "realert_on_update", False)) else 0
            key = (wid, int(p.cluster_id), rev)  # type: ignore[arg-type]
            rows.setdefault(
                key,
                {
                    "watch_id": wid,
                    "cluster_id": key[1],
                    "revision": rev,
                    "article_id": p.article_id,
                    "rules": rules,
                    "origin": origin,
                    "created_at": now,
                },
            )
    inserted = insert_values_returning(
        conn, ALERT, list(rows.values()), "id", "watch_id", "article_id"
    )
    metrics.after_commit(conn, metrics.alerts, [w for _, w, _ in inserted], origin)
    deliveries: list[dict[str, Any]] = []
    for alert_id, wid, article_id in inserted:
        info = {"alert_id": alert_id, "watch_id": wid, "article_id": article_id, "origin": origin}
        metrics.after_commit(conn, log.info, "alert raised", extra=info)
        deliveries.extend(
            deliveries_for_alert(watches[wid], alert_id=alert_id, origin=origin, now=now)
        )
    if deliveries:
        insert_values(conn, DELIVERY, deliveries)
    res.alerts = len(inserted)
    res.deliveries = len(deliveries)
    res.alert_ids = [a for a, *_ in inserted]


def poll_source(
    engine: Any,
    source_id: int,
    *,
    ruleset: Any,
    matcher: Any,
    client: Any,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Poll one feed if it is due: conditional GET (FEEDS' fetch_feed), new items
    through :func:`process_batch`, fetch state and next due time stored with the
    items in one transaction. Returns what happened (``skipped`` if not due or
    another worker claimed it first)."""
    from worker.feeds import fetch_feed
    from worker.store.queries import SOURCE

    now = now or utcnow()
    with engine.begin() as conn:
        src = conn.execute(select(SOURCE).where(SOURCE.c.id == source_id)).mappings().first()
        if src is None or not src["active"]:
            return {"status": "skipped"}
        due = SOURCE.c.next_due_at.is_(None) | (SOURCE.c.next_due_at <= now)
        claim = conn.execute(
            update(SOURCE)
            .where(SOURCE.c.id == source_id, due)
            .values(
                next_due_at=now + timedelta(seconds=max(30, src["every_seconds"])),
                last_attempt_at=now,
                queued_until=None,  # the sweep's message is taken: it may enqueue again
            )
        )
        if claim.rowcount != 1:
            conn.execute(update(SOURCE).where(SOURCE.c.id == source_id).values(queued_until=None))
            return {"status": "skipped"}
    t0 = time.perf_counter()
    result = fetch_feed(
        client,
        src["url"],
        etag=src["etag"],
        last_modified=src["last_modified"],
        fetch_full_text=bool(src["fetch_full_text"]),
        body_hash=src["body_hash"],
    )
    metrics.feed_poll(result.status, time.perf_counter() - t0)
    with engine.begin() as conn:
        out = _store_poll(conn, src, result, ruleset, matcher, now)
    log.info("feed polled", extra={"source_id": source_id, **out})
    return out


def _store_poll(
    conn: Connection,
    src: Any,
    result: Any,
    ruleset: Any,
    matcher: Any,
    now: datetime,
    _next_poll: Any = None,
) -> dict[str, Any]:
    """Store a poll's items and the feed's new fetch state (FEEDS' apply_fetch_result
    decides ETag, failures, backoff and next due time)."""
    from types import SimpleNamespace

    from worker.feeds import apply_fetch_result
    from worker.store.queries import SOURCE

    state = SimpleNamespace(**dict(src))
    apply_fetch_result(state, result, now)
    fields = (
        "etag",
        "last_modified",
        "next_due_at",
        "consecutive_failures",
        "last_attempt_at",
        "last_success_at",
        "last_error",
    )
    values: dict[str, Any] = {f: getattr(state, f) for f in fields}
    if result.status != "error" and result.body_hash:
        values["body_hash"] = result.body_hash  # committed with the items it stands for
    out: dict[str, Any] = {"status": result.status, "http_status": result.http_status}
    if result.status == "error":
        out["error"] = result.error
    if result.status == "ok":
        items = [
            ArticleIn(
                source_id=src["id"],
                text=i.text or "",
                title=i.title,
                byline=i.author,
                guid=i.guid,
                canonical_url=i.url,
                published_at=i.published,
            )
            for i in result.items
        ]
        fresh, known = _drop_stored(conn, items)
        res = (
            process_batch(conn, fresh, ruleset=ruleset, matcher=matcher, origin="feed", now=now)
            if fresh
            else BatchResult()
        )
        res.duplicates += known
        if res.articles_stored:
            values["last_new_item_at"] = now
        out.update(
            items=len(items),
            stored=res.articles_stored,
            updated=res.updated,
            duplicates=res.duplicates,
            alerts=res.alerts,
        )
    conn.execute(update(SOURCE).where(SOURCE.c.id == src["id"]).values(**values))
    return out


def _drop_stored(conn: Connection, items: list[ArticleIn]) -> tuple[list[ArticleIn], int]:
    """Items whose exact text is already stored would be counted as duplicates by
    :func:`process_batch` after fingerprinting and matching them; a feed lists the
    same items poll after poll, so drop them first (one indexed lookup) and return
    how many were dropped."""
    if not items:
        return [], 0
    hashes = [dedupe.content_hash(it.text) for it in items]
    known = set(
        conn.execute(
            select(ARTICLE.c.content_hash).where(ARTICLE.c.content_hash.in_(set(hashes)))
        ).scalars()
    )
    fresh = [it for it, h in zip(items, hashes, strict=True) if h not in known]
    return fresh, len(items) - len(fresh)
