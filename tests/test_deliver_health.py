"""Source-health notices through the watch's webhook and email channels."""

from __future__ import annotations

import email
import email.policy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlmodel import Session

from tests.support_deliver import SECRET, SECRET_ENV, Receiver, deliveries, make_watch, serve
from worker.config import get_settings
from worker.deliver.health import check_source_health, parse_duration
from worker.deliver.webhook import deliver_due_webhooks
from worker.store.db import make_engine
from worker.store.models import Source

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _feed(url: str, **state: object) -> int:
    engine = make_engine(url)
    with Session(engine) as s:
        src = Source(
            kind="feed",
            url="https://feeds.example/world.xml",
            name="World",
            created_at=NOW - timedelta(days=30),
            **state,
        )
        s.add(src)
        s.commit()
        sid = src.id
    engine.dispose()
    assert sid is not None
    return sid


def _update(url: str, sid: int, **state: object) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(Source.__table__.update().where(Source.__table__.c.id == sid).values(**state))
    engine.dispose()


@pytest.fixture
def env(allow_private: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    monkeypatch.delenv("NEWSWATCH_SMTP_URL", raising=False)
    monkeypatch.setenv("NEWSWATCH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    return tmp_path / "data" / "digests"


def test_failing_feed_is_announced_once_per_episode(db_url: str, env: Path) -> None:
    health = SimpleNamespace(failures=5, silent=None)
    sid = _feed(
        db_url,
        consecutive_failures=6,
        last_error="HTTP 503",
        last_success_at=NOW - timedelta(hours=5),
        last_new_item_at=NOW,
    )
    with serve(Receiver()) as rx:
        watch = make_watch(urls=[rx.url], emails=["ops@example.org"], source_health=health)
        first = check_source_health(db_url, [watch], NOW)
        again = check_source_health(db_url, [watch], NOW + timedelta(minutes=10))
        deliver_due_webhooks(db_url, NOW + timedelta(minutes=10), watches=[watch], timeout=5)
        # The feed recovers, then fails again: a new episode, a new notice.
        _update(db_url, sid, last_success_at=NOW + timedelta(hours=1), consecutive_failures=5)
        third = check_source_health(db_url, [watch], NOW + timedelta(hours=2))
    assert first == {"notices": 1, "emails_sent": 1, "emails_failed": 0}
    assert again["notices"] == 0 and again["emails_sent"] == 0
    assert third["notices"] == 1
    (req,) = rx.received
    assert req.verified
    body = json.loads(req.body)
    assert body["type"] == "source.health" and body["data"]["problem"] == "failing"
    assert body["data"]["source"]["url"] == "https://feeds.example/world.xml"
    assert body["data"]["source"]["last_error"] == "HTTP 503"
    emls = sorted(env.glob("health-*.eml"))
    assert len(emls) == 2
    msg = email.message_from_bytes(emls[0].read_bytes(), policy=email.policy.default)
    assert "failing" in msg["Subject"] and msg["To"] == "ops@example.org"
    assert not deliveries(db_url, channel="email"), "digests never see health notices"


def test_silent_feed_is_announced(sqlite_url: str, env: Path) -> None:
    health = SimpleNamespace(failures=5, silent="2d")
    _feed(sqlite_url, consecutive_failures=0, last_new_item_at=NOW - timedelta(days=3))
    watch = make_watch(emails=["ops@example.org"], source_health=health)
    counts = check_source_health(sqlite_url, [watch], NOW)
    assert counts["notices"] == 1
    (eml,) = env.glob("health-*.eml")
    assert "silent" in eml.read_text()
    assert check_source_health(sqlite_url, [watch], NOW)["notices"] == 0


def test_watch_without_source_health_is_not_told(sqlite_url: str, env: Path) -> None:
    _feed(sqlite_url, consecutive_failures=50)
    watch = make_watch(emails=["ops@example.org"])
    assert check_source_health(sqlite_url, [watch], NOW)["notices"] == 0


@pytest.mark.parametrize(("text", "seconds"), [("2d", 172800), ("12h", 43200), ("30m", 1800)])
def test_durations(text: str, seconds: int) -> None:
    td = parse_duration(text)
    assert td is not None and td.total_seconds() == seconds


def test_bad_duration_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration("two days")
