"""``newswatch status``: feeds ok/failing/silent, queue depth (Redis and the
embedded broker), deliveries, last poll and digest, rules and their version,
backfill jobs — human screen and ``--json``."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from tests.support_ops import RULES_YAML
from worker.cli import app
from worker.config import get_settings
from worker.store.db import get_engine
from worker.store.models import BackfillJob, Delivery, Digest, Source

NOW = datetime.now(UTC)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "desk.yaml").write_text(RULES_YAML)
    monkeypatch.setenv("NEWSWATCH_RULES", str(rules))
    monkeypatch.setenv("NEWSWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEWSWATCH_BROKER_URL", raising=False)
    return tmp_path


def _use_db(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("NEWSWATCH_DATABASE_URL", url)
    get_settings.cache_clear()


def _seed(url: str) -> None:
    with Session(get_engine(url)) as s:
        s.add(Source(kind="feed", url="https://ok.example.org/rss", name="fine",
                     last_attempt_at=NOW - timedelta(minutes=5),
                     last_success_at=NOW - timedelta(minutes=5),
                     last_new_item_at=NOW - timedelta(hours=1),
                     created_at=NOW - timedelta(days=30)))  # fmt: skip
        s.add(Source(kind="feed", url="https://down.example.org/rss", name="broken",
                     consecutive_failures=4, last_error="HTTP 503",
                     last_attempt_at=NOW - timedelta(minutes=1),
                     last_success_at=NOW - timedelta(days=1),
                     created_at=NOW - timedelta(days=30)))  # fmt: skip
        s.add(Source(kind="feed", url="https://quiet.example.org/rss", name="quiet",
                     last_attempt_at=NOW - timedelta(minutes=3),
                     last_success_at=NOW - timedelta(minutes=3),
                     last_new_item_at=NOW - timedelta(days=9),
                     created_at=NOW - timedelta(days=30)))  # fmt: skip
        s.add(Source(kind="dump", url="/data/dump.txt", name="dump"))
        for status, n in (("pending", 3), ("failed", 2), ("dead", 1), ("delivered", 4)):
            for i in range(n):
                s.add(Delivery(watch_id="w", channel="webhook", status=status,
                               target=f"https://hooks.example.org/{status}/{i}"))  # fmt: skip
        s.add(Digest(watch_id="w", recipient="a@example.org", period_key="p1",
                     status="sent", sent_at=NOW - timedelta(hours=2)))  # fmt: skip
        s.add(BackfillJob(path="/data/dump.txt", size=1000, offset=250, status="running",
                          articles_seen=40, articles_stored=38))  # fmt: skip
        s.add(BackfillJob(path="/data/old.txt", size=10, offset=10, status="done"))
        s.commit()


def test_status_json_reports_everything(
    env: Path, monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    _use_db(monkeypatch, db_url)
    _seed(db_url)
    queue = env / "data" / "broker" / "queue"
    queue.mkdir(parents=True, exist_ok=True)
    for i in range(2):  # two messages waiting in the embedded broker
        (queue / f"{i}_msg.msg").write_text("{}")
    result = CliRunner().invoke(app, ["status", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    feeds = doc["feeds"]
    assert (feeds["total"], feeds["ok"], feeds["failing"], feeds["silent"]) == (3, 1, 1, 1)
    states = {f["name"]: f["state"] for f in feeds["items"]}
    assert states == {"fine": "ok", "broken": "failing", "quiet": "silent"}
    assert doc["last_poll"].startswith((NOW - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M"))
    assert doc["queue"] == {"broker": "filesystem", "depth": 2, "folder": str(queue.resolve())}
    d = doc["deliveries"]
    assert (d["pending"], d["failed"], d["dead"], d["delivered"]) == (3, 2, 1, 4)
    assert doc["last_digest"] is not None and doc["digests"]["sent"] == 1
    rules = doc["rules"]
    assert rules["ok"] is True
    assert (rules["topics"], rules["entities"], rules["watches"]) == (2, 2, 2)
    assert isinstance(rules["version"], str) and rules["version"]
    b = doc["backfills"]
    assert (b["running"], b["done"]) == (1, 1)
    running = next(j for j in b["recent"] if j["status"] == "running")
    assert running["progress"] == 0.25 and running["articles_stored"] == 38


def test_status_screen_is_readable(
    env: Path, monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    _use_db(monkeypatch, sqlite_url)
    _seed(sqlite_url)
    monkeypatch.setenv("COLUMNS", "200")  # rich wraps table cells to the terminal width
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "3 total: 1 ok, 1 failing, 1 silent" in out
    assert "3 pending, 2 failed (retrying), 1 dead-lettered" in out
    assert "2 topics, 2 entities, 2 watches" in out
    assert "Feeds needing attention" in out and "HTTP 503" in out and "quiet" in out
    assert "Recent backfills" in out and "25%" in out


def test_status_counts_redis_queue(
    env: Path, monkeypatch: pytest.MonkeyPatch, sqlite_url: str, redis_url: str
) -> None:
    import redis

    queue_name = f"ops-status-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("NEWSWATCH_BROKER_URL", redis_url)
    monkeypatch.setenv("NEWSWATCH_QUEUE", queue_name)
    _use_db(monkeypatch, sqlite_url)
    client = redis.Redis.from_url(redis_url)
    client.rpush(queue_name, "a", "b", "c")
    client.rpush(queue_name + "\x06\x163", "d")  # kombu's priority sub-list
    try:
        result = CliRunner().invoke(app, ["status", "--json"])
    finally:
        client.delete(queue_name, queue_name + "\x06\x163")
        client.close()
    assert result.exit_code == 0, result.output
    queue = json.loads(result.stdout)["queue"]
    assert queue["broker"] == "redis" and queue["depth"] == 4
    assert queue["queues"][queue_name] == 4


def test_status_reports_broken_rules_without_failing(
    env: Path, monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    (env / "rules" / "bad.yaml").write_text("topics:\n  - id: x\n    query: '(a OR'\n")
    _use_db(monkeypatch, sqlite_url)
    result = CliRunner().invoke(app, ["status", "--json"])
    assert result.exit_code == 0, result.output
    rules = json.loads(result.stdout)["rules"]
    assert rules["ok"] is False and "bad.yaml" in rules["error"]


def test_status_bad_option_is_usage_error(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(app, ["status", "--silent-after", "soon"])
    assert result.exit_code == 2
    assert "--silent-after" in result.output
