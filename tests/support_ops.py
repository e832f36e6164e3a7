"""Helpers for the ops tests: reading Prometheus text, scraping over HTTP, and a
small stored corpus written straight into the tables."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample (0.0 when absent, as Prometheus treats a new series)."""
    total = 0.0
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                total += s.value
    return total


def samples(text: str, name: str, label: str) -> dict[str, float]:
    """Values of ``name`` keyed by one label (summed over the others)."""
    out: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name:
                key = s.labels.get(label, "")
                out[key] = out.get(key, 0.0) + s.value
    return out


def scrape(port: int) -> str:
    """A real HTTP GET of /metrics, as Prometheus does it."""
    resp = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
    resp.raise_for_status()
    assert resp.headers["content-type"].startswith("text/plain")
    return resp.text


@contextmanager
def metrics_server() -> Iterator[int]:
    """The metrics server on a free loopback port; shut down afterwards."""
    from worker import metrics

    server, thread = metrics.start_metrics_server(0, addr="127.0.0.1")
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# ---- a stored corpus -------------------------------------------------------------

RULES_YAML = """\
entities:
  - id: who
    name: World Health Organization
    aliases: [World Health Organization, WHO]
  - id: acme
    name: Acme Corp
    aliases: [Acme Corp, Acme]

topics:
  - id: outbreak
    name: Outbreaks
    query: '@who AND (outbreak OR cholera)'
  - id: mergers
    name: Mergers
    query: 'merger OR acquisition'

watches:
  - id: health-desk
    match: [outbreak]
    webhooks:
      - url: https://hooks.example.org/health
    email:
      to: [health@example.org]
      digest: daily 08:00
  - id: biz-desk
    match: [mergers, "@acme"]
    backfill_webhooks: true
    webhooks:
      - url: https://hooks.example.org/biz
"""

# (key, source, title, text, days ago)
ARTICLES: list[tuple[str, str, str, str, int]] = [
    (
        "cholera",
        "wire",
        "Cholera outbreak spreads",
        "The WHO said on Monday that the cholera outbreak had reached three provinces.",
        2,
    ),
    (
        "cholera-syndicated",
        "daily",
        "Cholera outbreak spreads further",
        "The WHO said on Monday that the cholera outbreak had reached three provinces today.",
        2,
    ),
    (
        "who-lowercase",
        "daily",
        "Who knows",
        "Who would have thought an outbreak of kindness could happen in a small town.",
        3,
    ),
    (
        "merger",
        "wire",
        "Acme agrees merger",
        "Acme Corp agreed a merger with a rival, the companies said in a statement.",
        5,
    ),
    (
        "old-merger",
        "wire",
        "Old acquisition news",
        "An acquisition was announced by a bank long ago.",
        90,
    ),
    ("weather", "daily", "Sunny weekend", "It will be sunny and warm across the region.", 1),
]


def seed_corpus(url: str, now: datetime | None = None) -> dict[str, int]:
    """Sources and articles written directly; returns article ids by key.
    The syndicated copy shares the first cholera story's cluster."""
    from sqlmodel import Session

    from worker.store.db import get_engine
    from worker.store.models import Article, Source

    now = now or datetime.now(UTC)
    ids: dict[str, int] = {}
    with Session(get_engine(url), expire_on_commit=False) as s:
        sources = {
            "wire": Source(kind="feed", url="https://wire.example.org/rss", name="wire"),
            "daily": Source(kind="feed", url="https://daily.example.org/rss", name="daily"),
        }
        for src in sources.values():
            s.add(src)
        s.flush()
        for key, src, title, text, days in ARTICLES:
            art = Article(
                source_id=sources[src].id or 0,
                guid=key,
                canonical_url=f"https://{src}.example.org/{key}",
                title=title,
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                published_at=now - timedelta(days=days),
                created_at=now - timedelta(days=days),
            )
            s.add(art)
            s.flush()
            ids[key] = art.id or 0
        for key in ids:
            art = s.get(Article, ids[key])
            assert art is not None
            art.cluster_id = ids["cholera"] if key == "cholera-syndicated" else art.id
        s.commit()
    return ids


def table_counts(url: str) -> dict[str, int]:
    from sqlalchemy import func, select
    from sqlmodel import Session

    from worker.store.db import get_engine
    from worker.store.models import Alert, Delivery, Match

    with Session(get_engine(url)) as s:
        return {
            m.__name__.lower(): int(s.execute(select(func.count()).select_from(m)).scalar() or 0)
            for m in (Match, Alert, Delivery)
        }


def rows(url: str, sql: str) -> list[Any]:
    from sqlalchemy import text

    from worker.store.db import get_engine

    with get_engine(url).connect() as conn:
        return list(conn.execute(text(sql)).all())
