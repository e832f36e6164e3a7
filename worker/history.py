"""Rules over stored history: ``rules test`` (read-only) and ``rules apply``.

``test`` answers "what would this rule have caught?" without writing a row.
``apply`` raises the alerts a backfill would have raised: matches and alerts are
inserted with ``ON CONFLICT DO NOTHING`` on the tables' unique constraints (one
match per article and rule, one alert per watch and story cluster, one delivery
per alert and target), so running it twice — or over a story that already
alerted from a feed — raises nothing new. Deliveries come from DELIVER's
``deliveries_for_alert`` with origin ``"apply"``: digests only, unless the
watch opts in to instant webhooks for historical alerts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlmodel import Session

from worker.rules.fields import match_article
from worker.store.models import Article, Source

log = logging.getLogger(__name__)

BATCH = 500
_SINCE = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class HistoryError(ValueError):
    """Bad input to a history command (unknown source, bad --since)."""


def parse_since(text: str | None) -> timedelta | None:
    """``30d``, ``12h``, ``90m``, ``2w``, ``45s``; ``all`` (or empty) means no limit."""
    if text is None or text.strip().lower() in ("", "all"):
        return None
    m = _SINCE.match(text.lower())
    if not m or int(m.group(1)) == 0:
        raise HistoryError(f"--since: expected e.g. 30d, 12h, 2w or 'all', got {text!r}")
    return timedelta(seconds=int(m.group(1)) * _UNITS[m.group(2)])


@dataclass
class Scope:
    """Which stored articles to look at, and which rules count."""

    since: timedelta | None = timedelta(days=30)
    source: str | None = None  # Source.name or Source.url
    rules: frozenset[str] | None = None  # restrict to these rule ids ("topic", "@entity")
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass
class ArticleHit:
    """One article that matched, with why."""

    article_id: int
    cluster_id: int
    title: str | None
    url: str | None
    source: str
    start_line: int | None
    published_at: datetime | None
    matches: list[Any]  # RuleMatch
    watches: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "article": {
                "id": self.article_id,
                "title": self.title,
                "url": self.url,
                "source": self.source,
                "start_line": self.start_line,
                "cluster_id": self.cluster_id,
                "published_at": self.published_at.isoformat() if self.published_at else None,
            },
            "matches": [
                {"rule": m.rule, "evidence": [e.to_json() for e in m.evidence]}
                for m in self.matches
            ],
            "watches": self.watches,
        }


@dataclass
class Report:
    """Counts over the scope; ``hits`` is filled by ``test`` only."""

    version: str
    articles_scanned: int = 0
    articles_matched: int = 0
    per_rule: dict[str, int] = field(default_factory=dict)
    per_watch: dict[str, int] = field(default_factory=dict)  # distinct story clusters
    hits: list[ArticleHit] = field(default_factory=list)
    matches_stored: int = 0
    alerts_raised: int = 0
    deliveries_created: int = 0
    _clusters: dict[str, set[int]] = field(default_factory=dict, repr=False)

    def to_json(self, *, with_hits: bool) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "rules_version": self.version,
            "articles_scanned": self.articles_scanned,
            "articles_matched": self.articles_matched,
            "rules": dict(sorted(self.per_rule.items())),
            "watches": dict(sorted(self.per_watch.items())),
        }
        if with_hits:
            doc["matches"] = [h.to_json() for h in self.hits]
        else:
            doc.update(
                matches_stored=self.matches_stored,
                alerts=self.alerts_raised,
                deliveries=self.deliveries_created,
            )
        return doc


def _source_ids(session: Session, name: str) -> list[int]:
    stmt = select(Source.id).where(or_(Source.name == name, Source.url == name))
    ids = [int(i) for i in session.execute(stmt).scalars().all()]
    if not ids:
        raise HistoryError(f"unknown source {name!r} (give a feed's name or URL, or a dump path)")
    return ids


def iter_articles(session: Session, scope: Scope) -> Iterator[tuple[Article, str]]:
    """Articles in scope with their source's name, in id order, in bounded batches."""
    conds: list[Any] = []
    if scope.since is not None:
        cutoff = scope.now - scope.since
        conds.append(func.coalesce(Article.published_at, Article.created_at) >= cutoff)
    if scope.source:
        conds.append(Article.source_id.in_(_source_ids(session, scope.source)))  # type: ignore[attr-defined]
    label = func.coalesce(func.nullif(Source.name, ""), Source.url)
    last = 0
    while True:
        stmt = (
            select(Article, label)
            .join(Source, Source.id == Article.source_id)  # type: ignore[arg-type]
            .where(Article.id > last, *conds)  # type: ignore[operator]
            .order_by(Article.id)  # type: ignore[arg-type]
            .limit(BATCH)
        )
        rows = session.execute(stmt).all()
        if not rows:
            return
        yield from ((article, source_name) for article, source_name in rows)
        last = rows[-1][0].id


def _watch_hits(ruleset: Any, matched: set[str]) -> list[Any]:
    return [w for w in ruleset.watches.values() if matched.intersection(w.match)]


def _scan(
    session: Session,
    ruleset: Any,
    matcher: Any,
    scope: Scope,
    report: Report,
    on_article: Callable[[Article, str, list[Any], list[Any]], None],
    progress: Callable[[int], None] | None,
) -> None:
    """Match every article in scope, count, and hand hits to ``on_article``."""
    for name in _known_rules(ruleset, scope):
        report.per_rule.setdefault(name, 0)
    for article, source_name in iter_articles(session, scope):
        report.articles_scanned += 1
        if progress:
            progress(report.articles_scanned)
        found = match_article(matcher, article.title, article.text, article.captions)
        if scope.rules is not None:
            found = [m for m in found if m.rule in scope.rules]
        if not found:
            continue
        report.articles_matched += 1
        for m in found:
            report.per_rule[m.rule] = report.per_rule.get(m.rule, 0) + 1
        watches = _watch_hits(ruleset, {m.rule for m in found})
        cluster = article.cluster_id or article.id
        for w in watches:
            report._clusters.setdefault(w.id, set()).add(cluster)
            report.per_watch[w.id] = len(report._clusters[w.id])
        on_article(article, source_name, found, watches)


def _known_rules(ruleset: Any, scope: Scope) -> list[str]:
    names = list(ruleset.topics) + [f"@{e}" for e in ruleset.entities]
    return [n for n in names if scope.rules is None or n in scope.rules]


def backtest_rules(
    session: Session,
    ruleset: Any,
    matcher: Any,
    scope: Scope,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """What the rules would have matched in stored history. Writes nothing."""
    report = Report(version=ruleset.version)

    def keep(article: Article, source_name: str, found: list[Any], watches: list[Any]) -> None:
        report.hits.append(
            ArticleHit(
                article_id=article.id or 0,
                cluster_id=article.cluster_id or article.id or 0,
                title=article.title,
                url=article.canonical_url,
                source=source_name,
                start_line=article.start_line,
                published_at=article.published_at,
                matches=found,
                watches=[w.id for w in watches],
            )
        )

    _scan(session, ruleset, matcher, scope, report, keep, progress)
    session.rollback()  # nothing to keep: make "read-only" explicit
    return report


def apply_rules(
    session: Session,
    ruleset: Any,
    matcher: Any,
    scope: Scope,
    progress: Callable[[int], None] | None = None,
    origin: str = "apply",
) -> Report:
    """Store matches and raise alerts over stored history, the way a backfill does.

    Reuses the pipeline's match and alert inserts (so apply and backfill cannot
    drift apart); commits every ``BATCH`` matched articles, so a long run keeps
    its progress; re-running is safe (conflicts are skipped).
    """
    from worker import pipeline

    report = Report(version=ruleset.version)
    batch: list[Any] = []

    def flush() -> None:
        # WORKER's own insert steps: ON CONFLICT DO NOTHING on the unique
        # constraints, deliveries from the outbox policy, in this transaction.
        conn = session.connection()
        res = pipeline.BatchResult()
        report.matches_stored += pipeline._insert_matches(conn, batch, scope.now)
        pipeline._insert_alerts(conn, batch, ruleset, origin, scope.now, res)
        report.alerts_raised += res.alerts
        report.deliveries_created += res.deliveries
        for alert_id in res.alert_ids:
            log.info("alert raised", extra={"alert_id": alert_id, "origin": origin})
        session.commit()
        batch.clear()

    def store(article: Article, _source: str, found: list[Any], _watches: list[Any]) -> None:
        batch.append(
            pipeline._Prepared(
                item=None,  # type: ignore[arg-type]
                fp=None,  # type: ignore[arg-type]
                matches=found,
                article_id=article.id,
                cluster_id=article.cluster_id or article.id,
            )
        )
        if len(batch) >= BATCH:
            flush()

    _scan(session, ruleset, matcher, scope, report, store, progress)
    if batch:
        flush()
    session.commit()
    return report
