"""A feed served over real HTTP on 127.0.0.1: one poll stores, matches and
alerts a new item; the next poll is conditional (304); re-polling the same
items stores no duplicate."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support_feeds import conditional, serve, static

from worker.pipeline import poll_source
from worker.store.db import get_engine
from worker.store.models import Alert, Article, Delivery, Match, utcnow
from worker.store.queries import SOURCE

ETAG = '"v1"'
LAST_MOD = "Sat, 28 Nov 2026 10:00:00 GMT"
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test wire</title><link>http://example.org/</link>
<description>t</description>
<item><guid>urn:wire:1</guid><link>http://example.org/news/1</link>
<title>Rights report on Xinjiang camps</title><author>desk@example.org (Ana Costa)</author>
<pubDate>Sat, 28 Nov 2026 09:00:00 GMT</pubDate>
<description>&lt;p&gt;A United Nations report said the treatment of Uyghurs in Xinjiang could
amount to genocide.&lt;/p&gt;&lt;p&gt;The government rejected the findings.&lt;/p&gt;</description>
</item></channel></rss>"""


@pytest.fixture
def rules(tmp_path: Path):
    from support_worker import watch_rules_dir

    from worker.rules import compile_rules, load_rules

    rs = load_rules(watch_rules_dir(tmp_path, webhook="https://hooks.example.org/x"))
    return rs, compile_rules(rs)


def _count(conn, model) -> int:
    return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def test_poll_stores_alerts_then_304_then_no_duplicate(
    db_url: str, rules, allow_private: None
) -> None:
    from worker.feeds import make_feed_client

    rs, matcher = rules
    eng = get_engine(db_url)
    body = RSS.encode()
    routes = {"/feed": conditional(body, ETAG, LAST_MOD), "/plain": static(body)}
    with serve(routes) as srv, make_feed_client(allow_private=True) as client:
        with eng.begin() as conn:
            sid, plain = (
                conn.execute(
                    SOURCE.insert().returning(SOURCE.c.id),
                    [{"kind": "feed", "url": srv.url(p), "every_seconds": 600}],
                ).scalar_one()
                for p in ("/feed", "/plain")
            )
        now = utcnow()
        first = poll_source(eng, sid, ruleset=rs, matcher=matcher, client=client, now=now)
        assert (first["status"], first["stored"], first["alerts"]) == ("ok", 1, 1)
        with eng.connect() as conn:
            art = conn.execute(select(Article.__table__)).one()
            rules_hit = {r.rule_id for r in conn.execute(select(Match.__table__))}
            chans = sorted(r.channel for r in conn.execute(select(Delivery.__table__)))
            src = conn.execute(select(SOURCE).where(SOURCE.c.id == sid)).one()
        assert art.guid == "urn:wire:1" and art.canonical_url == "http://example.org/news/1"
        assert "genocide" in art.text and "<p>" not in art.text
        assert {"genocide", "uyghur-rights", "@xinjiang"} <= rules_hit
        assert chans == ["email", "webhook"]  # a live feed alert goes out at once
        assert src.etag == ETAG and src.next_due_at is not None

        # Not due yet: nothing is fetched.
        assert (
            poll_source(
                eng, sid, ruleset=rs, matcher=matcher, client=client, now=now + timedelta(seconds=1)
            )["status"]
            == "skipped"
        )
        later = now + timedelta(hours=1)
        second = poll_source(eng, sid, ruleset=rs, matcher=matcher, client=client, now=later)
        assert (second["status"], second["http_status"]) == ("not_modified", 304)
        assert srv.hits[-1][1].get("if-none-match") == ETAG

        # The same item again, unconditionally (another feed carrying it): no duplicate.
        third = poll_source(eng, plain, ruleset=rs, matcher=matcher, client=client, now=later)
        assert (third["stored"], third["duplicates"], third["alerts"]) == (0, 1, 0)
    with eng.connect() as conn:
        assert (_count(conn, Article), _count(conn, Alert)) == (1, 1)
