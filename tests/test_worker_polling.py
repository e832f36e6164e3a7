"""The polling path under load (issue 6): the sweep enqueues a due feed once
(claimed at sweep time, recovered when the claim expires), feeds come oldest due
first, and a feed that resends the very same body is not parsed or stored again.
Real SQLite and PostgreSQL, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from support_feeds import serve, static

import worker.feeds as feeds
from worker.pipeline import poll_source
from worker.store.db import get_engine
from worker.store.models import Article, utcnow
from worker.store.queries import FEED_LEASE, SOURCE, claim_due_feeds

ITEM = (
    "<item><guid>urn:poll:{n}</guid><link>http://example.org/poll/{n}</link>"
    "<title>Story {n}</title><description>Story number {n} about the harbour "
    "and the ferry timetable in week {n}.</description></item>"
)


def _rss(*numbers: int) -> bytes:
    items = "".join(ITEM.format(n=n) for n in numbers)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>poll</title><link>http://example.org/</link>{items}</channel></rss>"
    ).encode()


def _add_feeds(eng: Any, due: list[Any]) -> list[int]:
    with eng.begin() as conn:
        return [
            int(
                conn.execute(
                    SOURCE.insert().returning(SOURCE.c.id),
                    [{"kind": "feed", "url": f"http://feeds.example.org/{i}", "next_due_at": d}],
                ).scalar_one()
            )
            for i, d in enumerate(due)
        ]


def test_sweep_enqueues_each_due_feed_once_until_the_claim_expires(db_url: str) -> None:
    eng = get_engine(db_url)
    now = utcnow()
    ids = _add_feeds(
        eng,
        [now - timedelta(seconds=5), now - timedelta(seconds=50), None, now + timedelta(hours=1)],
    )
    with eng.begin() as conn:
        first = claim_due_feeds(conn, now=now)
    # Never-polled first, then the longest overdue: lag is spread fairly.
    assert first == [ids[2], ids[1], ids[0]]
    with eng.begin() as conn:
        again = claim_due_feeds(conn, now=now + timedelta(seconds=15))
    assert again == []  # still waiting in the queue: not enqueued a second time
    with eng.begin() as conn:
        expired = claim_due_feeds(conn, now=now + FEED_LEASE + timedelta(seconds=1))
    assert expired == [ids[2], ids[1], ids[0]]  # the message was lost: enqueued again


@pytest.fixture
def rules(tmp_path: Path) -> tuple[Any, Any]:
    from support_worker import watch_rules_dir

    from worker.rules import compile_rules, load_rules

    rs = load_rules(watch_rules_dir(tmp_path, webhook="https://hooks.example.org/x"))
    return rs, compile_rules(rs)


def test_a_poll_frees_its_feed_for_the_next_sweep(
    db_url: str, allow_private: None, rules: tuple[Any, Any]
) -> None:
    from worker.feeds import make_feed_client

    rs, matcher = rules
    eng = get_engine(db_url)
    now = utcnow()
    with serve({"/f": static(_rss(1))}) as srv, make_feed_client(allow_private=True) as client:
        with eng.begin() as conn:
            sid = conn.execute(
                SOURCE.insert().returning(SOURCE.c.id),
                [{"kind": "feed", "url": srv.url("/f"), "every_seconds": 60}],
            ).scalar_one()
            assert claim_due_feeds(conn, now=now) == [sid]
        out = poll_source(eng, sid, ruleset=rs, matcher=matcher, client=client, now=now)
    assert out["status"] == "ok"
    with eng.begin() as conn:
        assert claim_due_feeds(conn, now=now + timedelta(seconds=30)) == []  # not due yet
        # Due again one interval later, long before the sweep's claim would expire.
        assert claim_due_feeds(conn, now=now + timedelta(seconds=61)) == [sid]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts real feed parses (the parser still runs)."""
    calls: list[int] = []
    real = feeds.parse_feed

    def counting(*a: Any, **kw: Any) -> Any:
        calls.append(1)
        return real(*a, **kw)

    monkeypatch.setattr(feeds, "parse_feed", counting)
    return calls


def test_same_body_again_is_not_parsed_or_stored(
    db_url: str, allow_private: None, parses: list[int], rules: tuple[Any, Any]
) -> None:
    from worker.feeds import make_feed_client

    rs, matcher = rules
    eng = get_engine(db_url)
    body = {"rss": _rss(1, 2)}

    def route(h: Any) -> None:
        static(body["rss"])(h)

    def poll(at: Any) -> dict[str, Any]:
        return poll_source(eng, sid, ruleset=rs, matcher=matcher, client=client, now=at)

    now = utcnow()
    with serve({"/f": route}) as srv, make_feed_client(allow_private=True) as client:
        with eng.begin() as conn:
            sid = conn.execute(
                SOURCE.insert().returning(SOURCE.c.id),
                [{"kind": "feed", "url": srv.url("/f"), "every_seconds": 60}],
            ).scalar_one()
        first = poll(now)
        assert (first["status"], first["stored"], len(parses)) == ("ok", 2, 1)
        second = poll(now + timedelta(seconds=61))
        assert srv.count("/f") == 2  # fetched both times (no ETag to send) ...
        assert second["status"] == "not_modified" and "stored" not in second
        assert len(parses) == 1  # ... but the same body is not parsed again
        body["rss"] = _rss(3, 2, 1)  # one new item on top of the known ones
        third = poll(now + timedelta(seconds=122))
    assert len(parses) == 2
    # The two known items are dropped before fingerprinting and matching.
    assert (third["status"], third["stored"], third["duplicates"]) == ("ok", 1, 2)
    with eng.connect() as conn:
        n = conn.execute(select(func.count()).select_from(Article.__table__)).scalar_one()
        src = conn.execute(select(SOURCE).where(SOURCE.c.id == sid)).one()
    assert n == 3
    assert src.body_hash == feeds.hashlib.sha256(_rss(3, 2, 1)).hexdigest()
    assert src.last_success_at is not None and src.consecutive_failures == 0
