"""Email digests against a real aiosmtpd server on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.support_deliver import add_alert, deliveries, free_port, make_watch
from worker.config import get_settings
from worker.deliver.digest import Schedule, ScheduleError, send_due_digests, zone
from worker.store.db import make_engine
from worker.store.models import Digest

DAY = datetime(2026, 11, 28, tzinfo=UTC)
SCRIPT_TITLE = "<script>alert('x')</script> WHO inspectors return to Wuhan"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(msg)  # type: ignore[arg-type]
        return "250 OK"


@contextmanager
def smtp_server(port: int | None = None) -> Iterator[Inbox]:
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    ctl = Controller(inbox, hostname="127.0.0.1", port=port or free_port())
    ctl.start()
    try:
        yield inbox
    finally:
        ctl.stop()


@pytest.fixture
def smtp_port(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> int:
    port = free_port()
    monkeypatch.setenv("NEWSWATCH_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("NEWSWATCH_SMTP_FROM", "alerts@newswatch.test")
    monkeypatch.setenv("NEWSWATCH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    return port


def _parts(msg: email.message.EmailMessage) -> tuple[str, str]:
    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    return plain.get_content(), html.get_content()


def _digests(url: str) -> list[Any]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(Digest.__table__).order_by(Digest.__table__.c.id)).all()
    engine.dispose()
    return rows


def test_daily_digest_arrives_grouped_highlighted_and_escaped(db_url: str, smtp_port: int) -> None:
    watch = make_watch(emails=["a@example.org", "b@example.org"], digest="daily 08:00")
    text = "The WHO said on Monday that its inspectors will return to Wuhan. More later."
    a1 = add_alert(db_url, watch, title=SCRIPT_TITLE, text=text, created_at=DAY.replace(hour=6))
    a2 = add_alert(
        db_url,
        watch,
        title="Coronavirus origins & the lab <b>leak</b> debate",
        text="Scientists in Wuhan disagree. The WHO report is due.",
        rules={
            "covid-origins": [
                {
                    "term": "Wuhan",
                    "snippet": "Scientists in Wuhan disagree.",
                    "start": 14,
                    "end": 19,
                }
            ]
        },
        created_at=DAY.replace(hour=7),
    )
    late = add_alert(db_url, watch, created_at=DAY.replace(hour=8, minute=3))
    with smtp_server(smtp_port) as inbox:
        counts = send_due_digests(db_url, [watch], now=DAY.replace(hour=8, minute=5))
        again = send_due_digests(db_url, [watch], now=DAY.replace(hour=8, minute=30))
    assert counts == {"digests": 2, "sent": 2, "failed": 0, "alerts": 4, "health_notices": 0}
    assert again["sent"] == 0 and len(inbox.messages) == 2
    assert sorted(m["To"] for m in inbox.messages) == ["a@example.org", "b@example.org"]
    msg = inbox.messages[0]
    assert "2 new articles" in msg["Subject"] and "covid-origins" in msg["Subject"]
    assert msg["List-Unsubscribe"].strip().startswith("<mailto:alerts@newswatch.test")
    plain, html = _parts(msg)
    # Escaping: web titles never become markup.
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>leak</b>" not in html and "&lt;b&gt;leak&lt;/b&gt;" in html
    assert SCRIPT_TITLE in plain
    # Evidence with the matched terms highlighted, links to the articles.
    assert "<mark>WHO</mark>" in html and "<mark>Wuhan</mark>" in html
    assert "[WHO]" in plain and "[Wuhan]" in plain
    assert html.count('href="https://news.example/') == 2
    # Grouped: each article once, under its first rule in the watch's order.
    assert html.count("WHO inspectors return to Wuhan") == 1
    assert plain.count("WHO inspectors return to Wuhan") == 1
    assert "Topic covid-origins" in html and "Entity who" not in html
    assert "Matched: covid-origins, @who" in plain
    # Exactly one digest per alert and recipient; the 08:03 alert waits for tomorrow.
    email_rows = deliveries(db_url, channel="email")
    by_alert = {(r.alert_id, r.target): r for r in email_rows}
    for aid in (a1, a2):
        assert by_alert[(aid, "a@example.org")].status == "delivered"
    assert by_alert[(late, "a@example.org")].status == "pending"


def test_smtp_down_is_retried_next_run_without_reclaiming(db_url: str, smtp_port: int) -> None:
    watch = make_watch(emails=["a@example.org"], digest="hourly")
    first = add_alert(db_url, watch, created_at=DAY.replace(hour=9, minute=10))
    down = send_due_digests(db_url, [watch], now=DAY.replace(hour=10, minute=1))
    assert down["failed"] == 1 and down["sent"] == 0
    (dig,) = _digests(db_url)
    assert dig.status == "failed" and dig.last_error
    (row,) = deliveries(db_url, channel="email")
    assert row.status == "digest" and row.digest_id == dig.id
    second = add_alert(db_url, watch, created_at=DAY.replace(hour=10, minute=20))
    with smtp_server(smtp_port) as inbox:
        up = send_due_digests(db_url, [watch], now=DAY.replace(hour=10, minute=30))
        assert up["sent"] == 1 and len(inbox.messages) == 1
        later = send_due_digests(db_url, [watch], now=DAY.replace(hour=11, minute=0))
        assert later["sent"] == 1 and len(inbox.messages) == 2
    assert "1 new article" in inbox.messages[0]["Subject"]
    rows = {r.alert_id: r for r in deliveries(db_url, channel="email")}
    digests = _digests(db_url)
    assert [d.status for d in digests] == ["sent", "sent"]
    assert rows[first].digest_id == digests[0].id and rows[second].digest_id == digests[1].id
    assert digests[0].attempts == 2 and digests[0].alert_count == 1


def test_without_smtp_the_digest_is_written_to_a_file(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NEWSWATCH_SMTP_URL", raising=False)
    monkeypatch.setenv("NEWSWATCH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    watch = make_watch(emails=["a@example.org"], digest="immediate")
    add_alert(sqlite_url, watch)
    counts = send_due_digests(sqlite_url, [watch])
    assert counts["sent"] == 1
    (eml,) = (tmp_path / "data" / "digests").glob("*.eml")
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "a@example.org" and "1 new article" in msg["Subject"]


def test_a_period_is_claimed_once(db_url: str) -> None:
    from worker.deliver.digest import claim_period

    watch = make_watch(emails=["a@example.org"])
    add_alert(db_url, watch, created_at=DAY.replace(hour=5))
    engine = make_engine(db_url)
    boundary = DAY.replace(hour=8)
    first = claim_period(engine, "desk", "a@example.org", boundary, boundary)
    second = claim_period(engine, "desk", "a@example.org", boundary, boundary)
    engine.dispose()
    assert first is not None and second is None


@pytest.mark.parametrize(
    ("spec", "tz", "now", "expected"),
    [
        ("hourly", "UTC", DAY.replace(hour=7, minute=30), "2026-11-28T07:00+00:00"),
        ("daily 08:00", "UTC", DAY.replace(hour=7, minute=30), "2026-11-27T08:00+00:00"),
        ("daily 08:00", "Europe/Paris", DAY.replace(hour=7, minute=30), "2026-11-28T08:00+01:00"),
        ("weekly mon 08:00", "UTC", DAY.replace(hour=7), "2026-11-23T08:00+00:00"),
        ("weekly saturday 06:00", "UTC", DAY.replace(hour=7), "2026-11-28T06:00+00:00"),
        ("daily 09:00", "America/New_York", DAY.replace(hour=13), "2026-11-27T09:00-05:00"),
    ],
)
def test_schedule_boundaries(spec: str, tz: str, now: datetime, expected: str) -> None:
    from worker.deliver.digest import period_key

    assert period_key(Schedule.parse(spec).boundary(now, zone(tz))) == expected


@pytest.mark.parametrize("spec", ["daily", "daily 25:00", "weekly funday 08:00", "every 5m"])
def test_bad_schedules_are_clear_errors(spec: str) -> None:
    with pytest.raises(ScheduleError, match="digest"):
        Schedule.parse(spec)


def test_unknown_timezone_is_a_clear_error() -> None:
    with pytest.raises(ScheduleError, match="timezone"):
        zone("Mars/Olympus")


def test_boundary_is_never_in_the_future() -> None:
    tz = zone("Europe/London")
    for hours in range(0, 24 * 8, 5):
        now = DAY + timedelta(hours=hours, minutes=17)
        for spec in ("hourly", "daily 01:30", "weekly sun 23:59"):
            b = Schedule.parse(spec).boundary(now, tz)
            assert b <= now and now - b <= timedelta(days=7)


def test_smtp_login_from_url_userinfo(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    seen: list[tuple[str, str]] = []

    def authenticator(
        server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        seen.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=data.password == b"p@ss word")

    inbox = Inbox()
    port = free_port()
    ctl = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=authenticator, auth_require_tls=False
    )
    ctl.start()
    try:
        monkeypatch.setenv(
            "NEWSWATCH_SMTP_URL", f"smtp://digest%40x:p%40ss%20word@127.0.0.1:{port}"
        )
        get_settings.cache_clear()
        watch = make_watch(emails=["a@example.org"], digest="immediate")
        add_alert(sqlite_url, watch)
        counts = send_due_digests(sqlite_url, [watch])
    finally:
        ctl.stop()
    assert counts["sent"] == 1 and len(inbox.messages) == 1
    assert seen == [("digest@x", "p@ss word")]


def test_highlight_finds_phrases_across_line_breaks_and_escapes_around_them() -> None:
    from worker.deliver.email import _spans_in_snippet, highlight

    text = "Reports of forced\nlabour <in> camps. Next sentence."
    start = text.index("forced")
    end = text.index("labour") + len("labour")
    ev = {
        "term": "forced labour",
        "snippet": "Reports of forced labour <in> camps.",
        "start": start,
        "end": end,
        "field": "text",
    }
    spans = _spans_in_snippet(ev, {"text": text, "title": None})
    html, plain = highlight(ev["snippet"], spans)
    assert str(html) == "Reports of <mark>forced labour</mark> &lt;in&gt; camps."
    assert plain == "Reports of [forced labour] <in> camps."


def test_a_huge_period_is_capped_in_the_body_but_counted_in_the_subject(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    from worker.deliver import email as mail

    monkeypatch.setattr(mail, "MAX_SHOWN", 3)
    infos = [
        {
            "rules": [{"id": "covid-origins", "evidence": []}],
            "article": {
                "id": i,
                "title": f"Story {i}",
                "url": None,
                "text": "",
                "published_at": None,
                "source": {"name": "S"},
                "cluster_size": 1,
            },
        }
        for i in range(5)
    ]
    watch = SimpleNamespace(id="desk", match=["covid-origins"])
    msg = mail.build_message(watch, "a@b.org", infos, period_label="p", sender="n@x.org")
    plain, html = _parts(msg)
    assert "5 new articles" in msg["Subject"]
    assert "Story 2" in plain and "Story 3" not in plain and "2 more articles" in plain
    assert "Story 3" not in html and "2 more articles" in html


@pytest.mark.parametrize(
    "form", ["smtp+starttls://{auth}127.0.0.1:{port}", "smtp://{auth}127.0.0.1:{port}?starttls"]
)
def test_starttls_then_login(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, form: str
) -> None:
    import shutil
    import ssl
    import subprocess

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts our test CA only
    tls_seen: list[bool] = []

    def authenticator(
        server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        tls_seen.append(session.ssl is not None)
        return AuthResult(success=data.login == b"u" and data.password == b"pw")

    inbox = Inbox()
    port = free_port()
    ctl = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=server_ctx,
        require_starttls=True,
        authenticator=authenticator,
    )
    ctl.start()
    try:
        monkeypatch.setenv("NEWSWATCH_SMTP_URL", form.format(auth="u:pw@", port=port))
        get_settings.cache_clear()
        watch = make_watch(emails=["a@example.org"], digest="immediate")
        add_alert(sqlite_url, watch)
        counts = send_due_digests(sqlite_url, [watch])
    finally:
        ctl.stop()
    assert counts["sent"] == 1 and len(inbox.messages) == 1
    assert tls_seen == [True], "login happened inside TLS"
