"""From a feed on a real HTTP server to a webhook delivered to a real receiver:
the metrics count each step, and the JSON log lets one follow the article
(source → stored article → alert → delivery) by its ids."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from support_deliver import Receiver
from support_deliver import serve as serve_receiver
from support_feeds import conditional, serve, static

from tests.support_ops import sample, samples
from worker import metrics
from worker.logging import configure_logging

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>http://example.org/</link>
<description>t</description>
<item><guid>urn:wire:1</guid><link>http://example.org/news/1</link>
<title>Rights report on Xinjiang camps</title>
<pubDate>Sat, 28 Nov 2026 09:00:00 GMT</pubDate>
<description>A United Nations report said the treatment of Uyghurs in Xinjiang could
amount to genocide.</description>
</item></channel></rss>"""


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[io.StringIO]:
    metrics.reset_in_process()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    buf = io.StringIO()
    configure_logging(json_output=True, stream=buf)
    yield buf
    root.handlers[:] = handlers
    root.setLevel(level)
    metrics.reset_in_process()


def test_feed_to_webhook_metrics_and_log_trail(
    db_url: str, tmp_path: Path, allow_private: None, _fresh: io.StringIO
) -> None:
    from sqlalchemy import select
    from support_worker import watch_rules_dir

    from worker.deliver.webhook import deliver_due_webhooks
    from worker.feeds import make_feed_client
    from worker.pipeline import poll_source
    from worker.rules import compile_rules, load_rules
    from worker.store.db import get_engine
    from worker.store.models import Alert, Delivery, utcnow
    from worker.store.queries import SOURCE

    eng = get_engine(db_url)
    routes = {
        "/feed": conditional(RSS, '"v1"', "Sat, 28 Nov 2026 10:00:00 GMT"),
        "/broken": static(b"oops", content_type="text/plain", status=500),
    }
    with (
        serve(routes) as srv,
        serve_receiver(Receiver(script=[200])) as receiver,
        make_feed_client(allow_private=True) as client,
    ):
        rs = load_rules(watch_rules_dir(tmp_path, email=False, webhook=receiver.url))
        matcher = compile_rules(rs)
        with eng.begin() as conn:
            feed, broken = (
                conn.execute(
                    SOURCE.insert().returning(SOURCE.c.id),
                    [{"kind": "feed", "url": srv.url(p), "every_seconds": 600}],
                ).scalar_one()
                for p in ("/feed", "/broken")
            )
        now = utcnow()
        first = poll_source(eng, feed, ruleset=rs, matcher=matcher, client=client, now=now)
        later = now + timedelta(hours=1)
        second = poll_source(eng, feed, ruleset=rs, matcher=matcher, client=client, now=later)
        failed = poll_source(eng, broken, ruleset=rs, matcher=matcher, client=client, now=now)
        sent = deliver_due_webhooks(eng, watches=rs, limit=10)
    assert (first["status"], second["status"], failed["status"]) == ("ok", "not_modified", "error")
    assert sent["delivered"] == 1 and len(receiver.received) == 1

    text = metrics.render().decode()
    assert samples(text, "newswatch_feed_polls_total", "outcome") == {
        "ok": 1.0, "not_modified": 1.0, "error": 1.0,
    }  # fmt: skip
    assert sample(text, "newswatch_feed_poll_failures_total") == 1
    assert sample(text, "newswatch_feed_poll_seconds_count") == 3
    assert sample(text, "newswatch_items_fetched_total", origin="feed") == 1
    assert sample(text, "newswatch_articles_stored_total", origin="feed") == 1
    assert sample(text, "newswatch_matches_total", rule="genocide") == 1
    assert sample(text, "newswatch_alerts_total", watch="everything", origin="feed") == 1
    assert sample(text, "newswatch_delivery_attempts_total", channel="webhook",
                  outcome="delivered") == 1  # fmt: skip
    assert sample(text, "newswatch_delivery_latency_seconds_count", channel="webhook") == 1

    with eng.connect() as conn:
        alert = conn.execute(select(Alert.__table__)).one()
        delivery = conn.execute(select(Delivery.__table__)).one()
    records = [json.loads(x) for x in _fresh.getvalue().splitlines() if x.startswith("{")]

    def one(msg: str, **ids: object) -> dict:
        found = [
            r for r in records if r["msg"] == msg and all(r.get(k) == v for k, v in ids.items())
        ]
        assert len(found) == 1, (msg, ids, [r["msg"] for r in records])
        return found[0]

    one("feed polled", source_id=feed, status="ok")
    stored = one("articles stored", source_id=feed, origin="feed")
    assert stored["article_ids"] == [alert.article_id]
    one("alert raised", article_id=alert.article_id, alert_id=alert.id, watch_id="everything")
    one("webhook delivered", alert_id=alert.id, delivery_id=delivery.id)
