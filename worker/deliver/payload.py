"""What an alert says: one JSON-ready dict per alert, loaded in bulk.

Webhooks and digests render the same facts (the watch, the matched rules with
their evidence, the article and its story-cluster size), so both read them here
with a handful of queries per batch rather than several per alert.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from worker.deliver.common import aware
from worker.store.models import Alert, Article, Match, Source


def _iso(dt: Any) -> str | None:
    value = aware(dt)
    return value.isoformat() if value else None


def _evidence(items: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]]:
    out = []
    for ev in items or []:
        out.append(
            {
                "term": ev.get("term"),
                "snippet": ev.get("snippet"),
                "field": ev.get("field", "text"),
                "start": ev.get("start"),
                "end": ev.get("end"),
            }
        )
    return out


def _fetch(
    conn: Connection, ids: list[int]
) -> tuple[list[Any], dict[int, dict[str, list[dict[str, Any]]]], dict[int, int]]:
    """The alerts with their article and source (Core rows: this is the hot path of
    the webhook sender), the matches' evidence per article and rule, and the size
    of each story cluster."""
    al, ar, so, ma = Alert.__table__, Article.__table__, Source.__table__, Match.__table__
    rows = conn.execute(
        select(
            al.c.id.label("alert_id"),
            al.c.watch_id,
            al.c.rules,
            al.c.origin,
            al.c.created_at.label("alert_created_at"),
            ar.c.id.label("article_id"),
            ar.c.title,
            ar.c.canonical_url,
            ar.c.byline,
            ar.c.published_at,
            ar.c.cluster_id,
            ar.c.text,
            so.c.id.label("source_id"),
            so.c.name.label("source_name"),
            so.c.url.label("source_url"),
        )
        .select_from(
            al.join(ar, ar.c.id == al.c.article_id).outerjoin(so, so.c.id == ar.c.source_id)
        )
        .where(al.c.id.in_(ids))
    ).all()
    article_ids = {r.article_id for r in rows}
    cluster_ids = {r.cluster_id or r.article_id for r in rows}
    matches: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
    for m in conn.execute(
        select(ma.c.article_id, ma.c.rule_id, ma.c.evidence).where(ma.c.article_id.in_(article_ids))
    ):
        matches[m.article_id][m.rule_id] = m.evidence or []
    sizes = dict(
        conn.execute(
            select(ar.c.cluster_id, func.count())
            .where(ar.c.cluster_id.in_(cluster_ids))
            .group_by(ar.c.cluster_id)
        ).all()
    )
    return list(rows), matches, sizes


def load_alerts(conn: Connection, alert_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """alert id → {"alert", "watch", "rules", "article"} for every existing alert."""
    ids = sorted({int(i) for i in alert_ids if i is not None})
    if not ids:
        return {}
    rows, matches, sizes = _fetch(conn, ids)
    out: dict[int, dict[str, Any]] = {}
    for r in rows:
        found = matches.get(r.article_id, {})
        rules = [{"id": k, "evidence": _evidence(found.get(k))} for k in (r.rules or [])]
        cluster = r.cluster_id or r.article_id
        out[r.alert_id] = {
            "alert": {
                "id": r.alert_id,
                "origin": r.origin,
                "created_at": _iso(r.alert_created_at),
                "cluster_id": cluster,
            },
            "watch": {"id": r.watch_id},
            "rules": rules,
            "article": {
                "id": r.article_id,
                "title": r.title,
                "url": r.canonical_url,
                "byline": r.byline,
                "published_at": _iso(r.published_at),
                "source": {
                    "id": r.source_id,
                    "name": (r.source_name or r.source_url),
                    "url": r.source_url,
                },
                "cluster_size": max(1, int(sizes.get(cluster, 1))),
                "text": r.text,
            },
        }
    return out
