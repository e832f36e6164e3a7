"""Helpers for the delivery tests: real HTTP receivers on 127.0.0.1 and rows
inserted straight into the tables (no dependency on the pipeline)."""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any

from sqlmodel import Session

from worker.deliver.outbox import deliveries_for_alert
from worker.store.db import make_engine
from worker.store.models import Alert, Article, Delivery, Match, Source

SECRET = "whsec_" + base64.b64encode(b"a test secret of 32 bytes long!!").decode()
SECRET_ENV = "NW_TEST_WEBHOOK_SECRET"


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    verified: bool
    payload: Any = None


@dataclass
class Receiver:
    """A webhook receiver that verifies every request with ``standardwebhooks``.

    ``script`` lists the status codes to answer in turn (the last one repeats);
    a code of ``0`` means: accept and never answer (until the server stops).
    """

    script: list[int] = field(default_factory=lambda: [200])
    secret: str = SECRET
    extra_headers: dict[str, str] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    port: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def _next_code(self) -> int:
        with self._lock:
            idx = min(len(self.received), len(self.script)) - 1
            return self.script[max(idx, 0)]

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        from standardwebhooks import Webhook

        length = int(handler.headers.get("content-length", 0))
        body = handler.rfile.read(length)
        headers = {k.lower(): v for k, v in handler.headers.items()}
        try:
            payload = Webhook(self.secret).verify(body, headers)
            ok = True
        except Exception:
            payload, ok = None, False
        with self._lock:
            self.received.append(Received(headers, body, ok, payload))
            idx = min(len(self.received), len(self.script)) - 1
            code = self.script[idx]
        if code == 0:
            self._stop.wait(30)
            return
        handler.send_response(code)
        for k, v in self.extra_headers.items():
            handler.send_header(k, v)
        handler.send_header("content-length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")


@contextmanager
def serve(receiver: Receiver, port: int = 0) -> Iterator[Receiver]:
    """Run ``receiver`` on 127.0.0.1 in a thread for the duration of the block."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            receiver.handle(self)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver._stop.set()
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port nobody listens on (for 'receiver down' tests)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_watch(
    watch_id: str = "desk",
    urls: list[str] | None = None,
    emails: list[str] | None = None,
    digest: str = "daily 08:00",
    timezone: str = "UTC",
    batch: int | None = None,
    **extra: Any,
) -> SimpleNamespace:
    """A duck-typed Watch (same attributes as worker.rules.Watch)."""
    hooks = [SimpleNamespace(url=u, secret_env=SECRET_ENV, batch=batch) for u in urls or []]
    email = SimpleNamespace(to=emails, digest=digest, timezone=timezone) if emails else None
    base = {
        "id": watch_id,
        "match": ["covid-origins", "@who"],
        "webhooks": hooks,
        "email": email,
        "backfill_webhooks": False,
        "realert_on_update": False,
        "source_health": None,
    }
    base.update(extra)
    return SimpleNamespace(**base)


_counter = iter(range(1, 10**9))


def add_alert(
    url: str,
    watch: Any,
    *,
    title: str = "WHO team visits Wuhan",
    text: str = "The WHO team arrived in Wuhan on Thursday. Officials met them.",
    rules: dict[str, list[dict[str, Any]]] | None = None,
    origin: str = "feed",
    created_at: datetime | None = None,
) -> int:
    """Insert a source, article, matches, alert and its deliveries; return the alert id."""
    n = next(_counter)
    now = created_at or datetime.now(UTC)
    if rules is None:
        who = text.find("WHO")
        wuhan = text.find("Wuhan")
        sentence = text.split(". ")[0] + "."
        rules = {
            "covid-origins": [
                {"term": "Wuhan", "snippet": sentence, "start": wuhan, "end": wuhan + 5},
            ],
            "@who": [{"term": "WHO", "snippet": sentence, "start": who, "end": who + 3}],
        }
    engine = make_engine(url)
    with Session(engine) as s:
        src = Source(kind="feed", url=f"https://news.example/{n}/feed", name=f"News {n}")
        s.add(src)
        s.flush()
        art = Article(
            source_id=src.id,
            guid=f"g{n}",
            canonical_url=f"https://news.example/{n}/story",
            title=title,
            text=text,
            content_hash=f"{n:064d}",
            published_at=now,
            created_at=now,
        )
        s.add(art)
        s.flush()
        art.cluster_id = art.id
        for rule, ev in rules.items():
            s.add(Match(article_id=art.id, rule_id=rule, evidence=ev, created_at=now))
        alert = Alert(
            watch_id=watch.id,
            cluster_id=art.id,
            article_id=art.id,
            rules=list(rules),
            origin=origin,
            created_at=now,
        )
        s.add(alert)
        s.flush()
        for row in deliveries_for_alert(watch, alert_id=alert.id, origin=origin, now=now):
            s.add(Delivery(**row))
        s.commit()
        alert_id = alert.id
    engine.dispose()
    assert alert_id is not None
    return alert_id


def deliveries(url: str, **where: Any) -> list[Delivery]:
    from sqlmodel import select

    engine = make_engine(url)
    with Session(engine) as s:
        stmt = select(Delivery).order_by(Delivery.id)
        for k, v in where.items():
            stmt = stmt.where(getattr(Delivery, k) == v)
        rows = list(s.exec(stmt))
    engine.dispose()
    return rows


def run_until(step: Callable[[], Any], done: Callable[[], bool], rounds: int = 20) -> None:
    """Call ``step`` until ``done()`` (bounded, so a bug fails instead of hanging)."""
    for _ in range(rounds):
        if done():
            return
        step()
    assert done(), "condition not reached"


def payloads(receiver: Receiver) -> list[Any]:
    return [json.loads(r.body) for r in receiver.received]
