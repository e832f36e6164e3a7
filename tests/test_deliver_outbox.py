"""The alert → deliveries policy (pure)."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from worker.deliver.outbox import deliveries_for_alert

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _watch(backfill_webhooks: bool = False) -> SimpleNamespace:
    return SimpleNamespace(
        id="desk",
        webhooks=[SimpleNamespace(url="https://a.example/h"), {"url": "https://b.example/h"}],
        email=SimpleNamespace(to=["x@example.org", "y@example.org"]),
        backfill_webhooks=backfill_webhooks,
    )


def test_feed_alert_gets_one_row_per_endpoint_and_recipient() -> None:
    rows = deliveries_for_alert(_watch(), alert_id=7, origin="feed", now=NOW)
    hooks = [r for r in rows if r["channel"] == "webhook"]
    mails = [r for r in rows if r["channel"] == "email"]
    assert [r["target"] for r in hooks] == ["https://a.example/h", "https://b.example/h"]
    assert [r["target"] for r in mails] == ["x@example.org", "y@example.org"]
    assert all(r["alert_id"] == 7 and r["status"] == "pending" for r in rows)
    assert all(r["next_attempt_at"] == NOW for r in hooks)
    ids = [r["message_id"] for r in hooks]
    assert len(set(ids)) == 2 and all(i.startswith("msg_") and len(i) == 36 for i in ids)


def test_backfill_and_apply_alerts_go_to_digests_only_unless_opted_in() -> None:
    for origin in ("backfill", "apply"):
        rows = deliveries_for_alert(_watch(), alert_id=1, origin=origin, now=NOW)
        assert {r["channel"] for r in rows} == {"email"}
        rows = deliveries_for_alert(_watch(True), alert_id=1, origin=origin, now=NOW)
        assert sum(r["channel"] == "webhook" for r in rows) == 2


def test_watch_without_channels_gets_nothing() -> None:
    watch = SimpleNamespace(id="quiet", webhooks=[], email=None)
    assert deliveries_for_alert(watch, alert_id=1, origin="feed", now=NOW) == []
