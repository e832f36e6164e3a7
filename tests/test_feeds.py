"""Fetching feeds from a real HTTP server on 127.0.0.1: dialects, conditional GET,
Retry-After, backoff, per-host politeness, fetch state."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from types import SimpleNamespace

import httpx
import pytest

from tests.feed_samples import ATOM, RSS091, RSS10, RSS20
from tests.support_feeds import conditional, send, serve, static
from worker.feeds import (
    FetchResult,
    HostLimiter,
    apply_fetch_result,
    fetch_feed,
    make_feed_client,
    next_poll,
    parse_retry_after,
)

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def client(allow_private: None) -> Iterator[httpx.Client]:
    with make_feed_client() as c:
        yield c


def test_rss20_items(client: httpx.Client) -> None:
    with serve({"/f": static(RSS20)}) as srv:
        res = fetch_feed(client, srv.url("/f"), etag=None, last_modified=None)
    assert res.status == "ok", res.error
    assert res.feed_title == "Daily Example"
    first, bare, undated = res.items
    assert first.guid == "daily-7"
    assert first.url == "https://daily.example/news/floods?id=7"
    assert first.title == "Flood warnings issued & roads closed"
    assert first.author == "desk@daily.example (Sam Reyes)"
    assert first.published == datetime(2024, 3, 5, 13, 30, tzinfo=UTC)
    assert first.text == "Rivers rose overnight.\nRoads were closed.\nSchools shut."
    assert "alert" not in first.text
    # no link, no date: still an item, with a stable content-hash guid
    assert bare.url is None and bare.published is None
    assert bare.guid.startswith("sha256:")
    assert bare.text == "Only a description."
    # a link but no guid: the canonical link is the guid
    assert undated.guid == "https://daily.example/news/undated"


def test_user_agent_from_settings(client: httpx.Client) -> None:
    with serve({"/f": static(RSS20)}) as srv:
        fetch_feed(client, srv.url("/f"))
        ua = srv.hits[0][1]["user-agent"]
    assert ua.startswith("newswatch/")


@pytest.mark.parametrize(
    ("body", "title", "version"),
    [(RSS091, "Café owners protest new tax", "rss091"), (RSS10, "Harbour bridge reopens", "rss10")],
)
def test_rss09x_and_rss10(client: httpx.Client, body: bytes, title: str, version: str) -> None:
    with serve({"/f": static(body, "application/xml")}) as srv:
        res = fetch_feed(client, srv.url("/f"))
    assert res.status == "ok", res.error
    assert res.items[0].title == title
    assert res.warning is None


def test_rss10_creator_and_date(client: httpx.Client) -> None:
    with serve({"/f": static(RSS10, "application/rdf+xml")}) as srv:
        item = fetch_feed(client, srv.url("/f")).items[0]
    assert item.author == "Ana Lima"
    assert item.published == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)


def test_atom(client: httpx.Client) -> None:
    with serve({"/f": static(ATOM, "application/atom+xml")}) as srv:
        res = fetch_feed(client, srv.url("/f"))
    (item,) = res.items
    assert item.title == "Court rules on data case"
    assert item.guid == "tag:atom.example,2024:court"
    assert item.url == "https://atom.example/court"
    assert item.author == "Li Wei"
    assert item.published == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert item.text == "The court ruled.\nOne\nTwo"


def test_conditional_get_returns_not_modified(client: httpx.Client) -> None:
    lm = "Tue, 05 Mar 2024 10:00:00 GMT"
    with serve({"/f": conditional(RSS20, '"v1"', lm)}) as srv:
        first = fetch_feed(client, srv.url("/f"))
        assert first.status == "ok"
        assert (first.etag, first.last_modified) == ('"v1"', lm)
        second = fetch_feed(client, srv.url("/f"), etag=first.etag, last_modified=None)
        third = fetch_feed(client, srv.url("/f"), etag=None, last_modified=first.last_modified)
        sent = srv.hits[1][1]
    assert second.status == "not_modified" and second.items == []
    assert second.http_status == 304 and second.etag == '"v1"'
    assert third.status == "not_modified"
    assert sent["if-none-match"] == '"v1"'


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_seconds(client: httpx.Client, status: int) -> None:
    with serve({"/f": static(b"slow down", "text/plain", status, {"Retry-After": "120"})}) as srv:
        res = fetch_feed(client, srv.url("/f"))
    assert res.status == "error"
    assert res.http_status == status
    assert res.retry_after == 120.0
    assert f"HTTP {status}" in (res.error or "") and "retry after 120 s" in (res.error or "")


def test_retry_after_http_date(client: httpx.Client) -> None:
    when = datetime.now(UTC) + timedelta(hours=1)
    headers = {"Retry-After": format_datetime(when, usegmt=True)}
    with serve({"/f": static(b"", "text/plain", 503, headers)}) as srv:
        res = fetch_feed(client, srv.url("/f"))
    assert res.retry_after is not None and 3000 < res.retry_after <= 3600


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after("30", NOW) == 30.0
    assert parse_retry_after("Tue, 05 Mar 2024 12:10:00 GMT", NOW) == 600.0
    assert parse_retry_after("Tue, 05 Mar 2024 11:00:00 GMT", NOW) == 0.0
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


def test_next_poll_backoff_is_capped_and_honours_retry_after() -> None:
    assert next_poll(600, 0, None, NOW) == NOW + timedelta(minutes=10)
    assert next_poll(600, 1, None, NOW) == NOW + timedelta(minutes=20)
    assert next_poll(600, 3, None, NOW) == NOW + timedelta(minutes=80)
    assert next_poll(600, 50, None, NOW) == NOW + timedelta(hours=24)
    assert next_poll(600, 1, 7200, NOW) == NOW + timedelta(hours=2)
    assert next_poll(600, 0, 60, NOW) == NOW + timedelta(minutes=10)  # never sooner
    assert next_poll(172800, 5, None, NOW) == NOW + timedelta(days=2)  # slow feeds keep theirs


def _source() -> SimpleNamespace:
    return SimpleNamespace(
        id=1,
        url="http://x/",
        every_seconds=600,
        etag='"old"',
        last_modified=None,
        consecutive_failures=0,
        last_error=None,
        last_success_at=None,
        last_attempt_at=None,
        next_due_at=None,
    )


def test_apply_fetch_result_counts_failures_and_resets() -> None:
    src = _source()
    err = FetchResult(status="error", error="HTTP 500 Internal Server Error")
    apply_fetch_result(src, err, NOW)
    apply_fetch_result(src, err, NOW)
    assert src.consecutive_failures == 2
    assert src.last_error == "HTTP 500 Internal Server Error"
    assert src.next_due_at == NOW + timedelta(minutes=40)
    assert src.etag == '"old"'
    apply_fetch_result(src, FetchResult(status="not_modified", http_status=304), NOW)
    assert src.consecutive_failures == 0 and src.last_error is None
    assert src.last_success_at == NOW and src.etag == '"old"'
    apply_fetch_result(src, FetchResult(status="ok", etag='"new"'), NOW)
    assert src.etag == '"new"' and src.next_due_at == NOW + timedelta(minutes=10)


def test_one_request_in_flight_per_host(client: httpx.Client) -> None:
    """Eight threads poll eight feeds on one host: the server never sees two at once."""
    state = {"now": 0, "peak": 0}
    lock = threading.Lock()

    def slow(h: BaseHTTPRequestHandler) -> None:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        threading.Event().wait(0.05)
        with lock:
            state["now"] -= 1
        send(h, 200, RSS20)

    limiter = HostLimiter()
    routes = {f"/f{i}": slow for i in range(8)}
    with serve(routes) as srv:
        results: list[FetchResult] = []
        threads = [
            threading.Thread(
                target=lambda p=p: results.append(fetch_feed(client, srv.url(p), limiter=limiter))
            )
            for p in routes
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert len(results) == 8 and all(r.status == "ok" for r in results)
    assert state["peak"] == 1


def test_host_busy_is_a_clear_error(client: httpx.Client) -> None:
    limiter = HostLimiter()
    with serve({"/f": static(RSS20)}) as srv, limiter.hold("127.0.0.1", 1):
        res = fetch_feed(client, srv.url("/f"), limiter=limiter, deadline=0.2)
    assert res.status == "error"
    assert "still in flight" in (res.error or "")
    assert srv.hits == []
