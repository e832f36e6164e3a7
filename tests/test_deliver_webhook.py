"""Signed webhooks against real receivers on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.support_deliver import (
    SECRET,
    SECRET_ENV,
    Receiver,
    add_alert,
    deliveries,
    free_port,
    make_watch,
    payloads,
    run_until,
    serve,
)
from worker.config import get_settings
from worker.deliver.webhook import deliver_due_webhooks


@pytest.fixture
def hooks_env(allow_private: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Private URLs allowed, the signing secret set and a tiny retry schedule."""
    monkeypatch.setenv(SECRET_ENV, SECRET)
    monkeypatch.setenv("NEWSWATCH_WEBHOOK_RETRY_SCHEDULE", "[1, 2, 3]")
    get_settings.cache_clear()


class Clock:
    """Simulated time: each round of the delivery loop runs a minute later, so
    retries are due without the test sleeping through the schedule."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def tick(self) -> datetime:
        self.now += timedelta(seconds=60)
        return self.now


def test_500_twice_then_200_is_three_attempts_with_one_webhook_id(
    db_url: str, hooks_env: None
) -> None:
    with serve(Receiver(script=[500, 500, 200])) as rx:
        watch = make_watch(urls=[rx.url])
        alert_id = add_alert(db_url, watch)
        clock = Clock()
        run_until(
            lambda: deliver_due_webhooks(db_url, clock.tick(), watches=[watch], timeout=5),
            lambda: deliveries(db_url, channel="webhook")[0].status == "delivered",
        )
    assert len(rx.received) == 3
    assert all(r.verified for r in rx.received), "every request must verify"
    assert len({r.headers["webhook-id"] for r in rx.received}) == 1
    (row,) = deliveries(db_url, channel="webhook")
    assert row.attempts == 3 and row.message_id == rx.received[0].headers["webhook-id"]
    assert row.delivered_at is not None
    body = payloads(rx)[-1]
    assert body["type"] == "alert"
    data = body["data"]
    assert data["alert"]["id"] == alert_id and data["watch"]["id"] == "desk"
    assert {r["id"] for r in data["rules"]} == {"covid-origins", "@who"}
    assert data["rules"][0]["evidence"][0]["snippet"].startswith("The WHO team")
    assert data["article"]["title"] == "WHO team visits Wuhan"
    assert data["article"]["url"].startswith("https://news.example/")
    assert data["article"]["cluster_size"] == 1 and data["article"]["source"]["name"]


def test_410_disables_the_endpoint_and_its_pending_deliveries(db_url: str, hooks_env: None) -> None:
    from sqlmodel import Session, select

    from worker.store.db import make_engine
    from worker.store.models import WebhookEndpoint

    with serve(Receiver(script=[410])) as rx:
        watch = make_watch(urls=[rx.url])
        add_alert(db_url, watch)
        counts = deliver_due_webhooks(db_url, limit=1, watches=[watch], timeout=5)
        assert counts["disabled"] >= 1
        add_alert(db_url, watch)  # a new alert for the disabled endpoint
        deliver_due_webhooks(db_url, watches=[watch], timeout=5)
    assert len(rx.received) == 1, "a disabled endpoint is not called again"
    assert {d.status for d in deliveries(db_url, channel="webhook")} == {"disabled"}
    engine = make_engine(db_url)
    with Session(engine) as s:
        (ep,) = s.exec(select(WebhookEndpoint)).all()
    engine.dispose()
    assert ep.url == rx.url and ep.disabled_at is not None and "410" in (ep.disabled_reason or "")


def test_receiver_down_through_schedule_is_dead_then_retry_delivers(
    db_url: str, hooks_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from worker.cli import app

    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    watch = make_watch(urls=[url])
    add_alert(db_url, watch)
    clock = Clock()
    for _ in range(5):  # 1 attempt + 3 retries, then nothing more is due
        deliver_due_webhooks(db_url, clock.tick(), watches=[watch], timeout=2)
    (row,) = deliveries(db_url, channel="webhook")
    assert row.status == "dead" and row.attempts == 4
    assert row.last_error and "Connect" in row.last_error
    runner = CliRunner()
    monkeypatch.setenv("NEWSWATCH_DATABASE_URL", db_url)
    get_settings.cache_clear()
    listed = runner.invoke(app, ["deliveries", "list", "--failed", "--json"])
    assert listed.exit_code == 0, listed.output
    assert '"status": "dead"' in listed.output
    result = runner.invoke(app, ["deliveries", "retry", "--all-failed"])
    assert result.exit_code == 0, result.output
    with serve(Receiver(script=[200]), port=port) as rx:
        deliver_due_webhooks(db_url, watches=[watch], timeout=5)
    (row,) = deliveries(db_url, channel="webhook")
    assert row.status == "delivered" and len(rx.received) == 1 and rx.received[0].verified
    assert rx.received[0].headers["webhook-id"] == row.message_id


def test_receiver_that_never_answers_times_out_and_is_retried(
    sqlite_url: str, hooks_env: None
) -> None:
    with serve(Receiver(script=[0, 200])) as rx:
        watch = make_watch(urls=[rx.url])
        add_alert(sqlite_url, watch)
        clock = Clock()
        first = deliver_due_webhooks(sqlite_url, clock.tick(), watches=[watch], timeout=0.5)
        assert first["retried"] == 1
        (row,) = deliveries(sqlite_url, channel="webhook")
        assert row.status == "failed" and "timeout" in (row.last_error or "").lower()
        deliver_due_webhooks(sqlite_url, clock.tick(), watches=[watch], timeout=5)
    (row,) = deliveries(sqlite_url, channel="webhook")
    assert row.status == "delivered" and len(rx.received) == 2


def test_retry_after_is_honoured(sqlite_url: str, hooks_env: None) -> None:
    with serve(Receiver(script=[503, 200], extra_headers={"Retry-After": "3600"})) as rx:
        watch = make_watch(urls=[rx.url])
        add_alert(sqlite_url, watch)
        now = datetime.now(UTC)
        deliver_due_webhooks(sqlite_url, now, watches=[watch], timeout=5)
        (row,) = deliveries(sqlite_url, channel="webhook")
        due = row.next_attempt_at.replace(tzinfo=row.next_attempt_at.tzinfo or UTC)
        assert due >= now + timedelta(seconds=3599)
        deliver_due_webhooks(sqlite_url, now + timedelta(seconds=60), watches=[watch])
        assert len(rx.received) == 1, "not retried before Retry-After"


def test_missing_secret_is_a_clear_error_and_never_logged(
    sqlite_url: str, allow_private: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    with serve(Receiver()) as rx:
        watch = make_watch(urls=[rx.url])
        add_alert(sqlite_url, watch)
        deliver_due_webhooks(sqlite_url, watches=[watch], timeout=5)
    (row,) = deliveries(sqlite_url, channel="webhook")
    assert row.status == "failed" and f"{SECRET_ENV} is not set" in (row.last_error or "")
    assert rx.received == []


def test_batching_sends_due_alerts_of_one_endpoint_together(db_url: str, hooks_env: None) -> None:
    with serve(Receiver()) as rx:
        watch = make_watch(urls=[rx.url], batch=10)
        for i in range(3):
            add_alert(db_url, watch, title=f"Story {i} about WHO in Wuhan")
        counts = deliver_due_webhooks(db_url, watches=[watch], timeout=5)
    assert counts["delivered"] == 3 and counts["requests"] == 1
    (req,) = rx.received
    assert req.verified
    body = payloads(rx)[0]
    assert body["type"] == "alert.batch" and len(body["data"]["alerts"]) == 3
    ids = {a["message_id"] for a in body["data"]["alerts"]}
    assert ids == {d.message_id for d in deliveries(db_url, channel="webhook")}


@pytest.mark.parametrize("host", ["127.0.0.1", "169.254.169.254"])
def test_private_webhook_urls_are_refused(
    sqlite_url: str, host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    monkeypatch.delenv("NEWSWATCH_ALLOW_PRIVATE_URLS", raising=False)
    get_settings.cache_clear()
    watch = make_watch(urls=[f"http://{host}/hook"])
    add_alert(sqlite_url, watch)
    counts = deliver_due_webhooks(sqlite_url, watches=[watch], timeout=2)
    assert counts["dead"] == 1
    (row,) = deliveries(sqlite_url, channel="webhook")
    assert row.status == "dead" and "refused" in (row.last_error or "")
    assert host in (row.last_error or "")


@pytest.mark.parametrize("host", ["127.0.0.1", "169.254.169.254"])
def test_private_feed_urls_are_refused(host: str) -> None:
    from worker.net import UnsafeURLError, check_url

    with pytest.raises(UnsafeURLError, match="refused"):
        check_url(f"http://{host}/feed.xml", allow_private=False)


def test_expired_lease_is_recovered_and_live_lease_is_not_stolen(
    db_url: str, hooks_env: None
) -> None:
    from worker.deliver.webhook import claim_due
    from worker.store.db import make_engine

    with serve(Receiver()) as rx:
        watch = make_watch(urls=[rx.url])
        add_alert(db_url, watch)
        engine = make_engine(db_url)
        now = datetime.now(UTC)
        (claimed,) = claim_due(engine, now, 10, lease_seconds=300)  # a worker that died
        assert claim_due(engine, now + timedelta(seconds=10), 10, 300) == []
        engine.dispose()
        counts = deliver_due_webhooks(
            db_url, now + timedelta(seconds=301), watches=[watch], timeout=5
        )
    assert counts["delivered"] == 1
    assert rx.received[0].headers["webhook-id"] == claimed.message_id


def test_two_concurrent_senders_never_send_a_delivery_twice(db_url: str, hooks_env: None) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from worker.store.db import make_engine

    with serve(Receiver()) as rx:
        watch = make_watch(urls=[rx.url])
        for i in range(40):
            add_alert(db_url, watch, title=f"Story {i}")
        engines = [make_engine(db_url), make_engine(db_url)]

        def loop(engine: object) -> int:
            done = 0
            for _ in range(40):
                counts = deliver_due_webhooks(engine, limit=3, watches=[watch], timeout=5)
                done += counts["delivered"]
            return done

        with ThreadPoolExecutor(2) as pool:
            per_sender = list(pool.map(loop, engines))
        for e in engines:
            e.dispose()
    ids = [r.headers["webhook-id"] for r in rx.received]
    assert sum(per_sender) == 40 and len(ids) == 40 and len(set(ids)) == 40
    assert all(n > 0 for n in per_sender), "both senders took a share"
    assert {d.status for d in deliveries(db_url, channel="webhook")} == {"delivered"}


def test_sender_killed_mid_request_resends_with_the_same_webhook_id(
    db_url: str, hooks_env: None, tmp_path: Path
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    with serve(Receiver(script=[0, 200])) as rx:  # the first request never gets an answer
        watch = make_watch(urls=[rx.url])
        add_alert(db_url, watch)
        script = tmp_path / "sender.py"
        script.write_text(
            "import sys\n"
            "from types import SimpleNamespace as N\n"
            "from worker.deliver.webhook import deliver_due_webhooks\n"
            f"w = N(id='desk', webhooks=[N(url={rx.url!r}, secret_env={SECRET_ENV!r}, "
            "batch=None)])\n"
            f"deliver_due_webhooks({db_url!r}, limit=1, watches=[w], timeout=30)\n"
        )
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
        proc = subprocess.Popen([sys.executable, str(script)], env=env)
        try:
            deadline = time.monotonic() + 60
            while not rx.received and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.05)
            assert rx.received, "the sender never reached the receiver"
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
        (row,) = deliveries(db_url, channel="webhook")
        assert row.status == "sending"  # killed between POST and recording the outcome
        later = datetime.now(UTC) + timedelta(seconds=200)  # past the lease
        counts = deliver_due_webhooks(db_url, later, watches=[watch], timeout=5)
    assert counts["delivered"] == 1
    first, second = rx.received
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == row.message_id
    assert second.verified


def test_unresolvable_host_is_retried_not_dead_lettered(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    monkeypatch.delenv("NEWSWATCH_ALLOW_PRIVATE_URLS", raising=False)
    get_settings.cache_clear()
    watch = make_watch(urls=["http://no-such-host.invalid/hook"])
    add_alert(sqlite_url, watch)
    counts = deliver_due_webhooks(sqlite_url, watches=[watch], timeout=2)
    (row,) = deliveries(sqlite_url, channel="webhook")
    assert counts["retried"] == 1 and row.status == "failed"
    assert "cannot resolve" in (row.last_error or "")
