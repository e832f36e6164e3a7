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
from sqlalchemy.orm import Session

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
    session: Session, ids: list[int]
) -> tuple[list[Any], dict[int, dict[str, list[dict[str, Any]]]], dict[int, int]]:
    """The alerts with their article and source, the matches' evidence per article
    and rule, and the size of each story cluster."""
    rows = session.execute(
        select(Alert, Article, Source)
        .join(Article, Article.id == Alert.article_id)
        .join(Source, Source.id == Article.source_id, isouter=True)
        .where(Alert.id.in_(ids))
    ).all()
    article_ids = {r[1].id for r in rows}
    cluster_ids = {r[1].cluster_id or r[1].id for r in rows}
    matches: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
    for m in session.execute(select(Match).where(Match.article_id.in_(article_ids))).scalars():
        matches[m.article_id][m.rule_id] = m.evidence or []
    sizes = dict(
        session.execute(
            select(Article.cluster_id, func.count())
            .where(Article.cluster_id.in_(cluster_ids))
            .group_by(Article.cluster_id)
        ).all()
    )
    return list(rows), matches, sizes


def load_alerts(conn: Connection, alert_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """alert id → {"alert", "watch", "rules", "article"} for every existing alert."""
    ids = sorted({int(i) for i in alert_ids if i is not None})
    if not ids:
        return {}
    with Session(bind=conn) as session:
        rows, matches, sizes = _fetch(session, ids)
    out: dict[int, dict[str, Any]] = {}
    for alert, article, source in rows:
        found = matches.get(article.id, {})
        rules = [{"id": r, "evidence": _evidence(found.get(r))} for r in (alert.rules or [])]
        cluster = article.cluster_id or article.id
        out[alert.id] = {
            "alert": {
                "id": alert.id,
                "origin": alert.origin,
                "created_at": _iso(alert.created_at),
                "cluster_id": cluster,
            },
            "watch": {"id": alert.watch_id},
            "rules": rules,
            "article": {
                "id": article.id,
                "title": article.title,
                "url": article.canonical_url,
                "byline": article.byline,
                "published_at": _iso(article.published_at),
                "source": {
                    "id": source.id if source else None,
                    "name": (source.name or source.url) if source else None,
                    "url": source.url if source else None,
                },
                "cluster_size": max(1, int(sizes.get(cluster, 1))),
                "text": article.text,
            },
        }
    return out
