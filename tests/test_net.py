"""The SSRF guard: address classification, DNS, connect-time checks, redirects, deadline."""

from __future__ import annotations

import ipaddress

import httpx
import pytest

from tests.support_feeds import drip, redirect, serve, static
from worker.net import (
    UnsafeURLError,
    address_problem,
    check_url,
    deadline,
    make_client,
)

REFUSED = [
    ("http://127.0.0.1/", "loopback"),
    ("http://localhost:8080/feed", "loopback"),
    ("http://169.254.169.254/latest/meta-data/", "metadata"),
    ("http://[::1]/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://[64:ff9b::7f00:1]/", "loopback"),
    ("http://[2002:7f00:1::1]/", "loopback"),  # 6to4
    ("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "loopback"),  # Teredo of 127.0.0.1
    ("http://10.1.2.3/", "private"),
    ("http://192.168.0.10/", "private"),
    ("http://172.16.5.5/", "private"),
    ("http://224.0.0.1/", "multicast"),
    ("http://100.64.0.7/", "shared"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://[fe80::1]/", "link-local"),
    ("http://[fc00::1]/", "private"),
    ("http://[::]/", "unspecified"),
    ("http://2130706433/", "loopback"),  # decimal form, resolved by the C library
    ("http://0x7f.1/", "loopback"),
    ("http://127.1/", "loopback"),
    ("http://[::ffff:a9fe:a9fe]/", "metadata"),
    ("http://evil.example\\@127.0.0.1/", "loopback"),  # parsed exactly as httpx connects
]


@pytest.mark.parametrize(("url", "why"), REFUSED)
def test_non_global_addresses_are_refused(url: str, why: str) -> None:
    with pytest.raises(UnsafeURLError) as err:
        check_url(url, allow_private=False)
    msg = str(err.value)
    assert why in msg
    assert "NEWSWATCH_ALLOW_PRIVATE_URLS" in msg


def test_message_names_host_and_address() -> None:
    with pytest.raises(UnsafeURLError, match=r"localhost \(127\.0\.0\.1\) is a loopback"):
        check_url("http://localhost/", allow_private=False)


@pytest.mark.parametrize("addr", ["8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808"])
def test_global_addresses_pass(addr: str) -> None:
    assert address_problem(ipaddress.ip_address(addr)) is None
    host = f"[{addr}]" if ":" in addr else addr
    check_url(f"https://{host}/feed.xml", allow_private=False)


def test_every_resolved_address_must_be_global() -> None:
    """One private answer among public ones is enough to refuse (round-robin DNS trick)."""

    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.5"]

    with pytest.raises(UnsafeURLError, match=r"10\.0\.0\.5"):
        check_url("http://mixed.example/", allow_private=False, resolver=resolver)


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)"]
)
def test_only_http_and_https(url: str) -> None:
    for allow in (False, True):
        with pytest.raises(UnsafeURLError, match=r"not http or https|not a valid URL|no host"):
            check_url(url, allow_private=allow)


def test_unresolvable_host_is_refused_clearly() -> None:
    with pytest.raises(UnsafeURLError, match=r"cannot resolve host nope\.invalid"):
        check_url("http://nope.invalid/", allow_private=False)


def test_allow_private_permits_loopback() -> None:
    check_url("http://127.0.0.1:9/", allow_private=True)


def test_client_refuses_loopback_before_any_request_is_sent() -> None:
    with serve({"/feed": static(b"<rss/>")}) as srv, make_client(allow_private=False) as client:
        with pytest.raises(UnsafeURLError, match="loopback"):
            client.get(srv.url("/feed"))
        assert srv.hits == []


def test_client_with_allow_private_reaches_local_server() -> None:
    with serve({"/feed": static(b"<rss/>")}) as srv, make_client(allow_private=True) as client:
        resp = client.get(srv.url("/feed"))
        assert resp.status_code == 200
        assert resp.content == b"<rss/>"


def test_redirect_hop_to_private_address_is_rechecked() -> None:
    """The first host is trusted (test-only allow-list); its redirect to another
    loopback address must be refused, and the second server never contacted."""
    with serve({"/inner": static(b"secret")}, host="127.0.0.2") as inner:
        routes = {
            "/feed": redirect(inner.url("/inner")),
            "/meta": redirect("http://169.254.169.254/"),
        }
        with (
            serve(routes) as outer,
            make_client(allow_private=False, allow_networks=["127.0.0.1/32"]) as client,
        ):
            with pytest.raises(UnsafeURLError, match=r"127\.0\.0\.2 is a loopback"):
                client.get(outer.url("/feed"))
            with pytest.raises(UnsafeURLError, match="metadata"):
                client.get(outer.url("/meta"))
            assert outer.count("/feed") == 1
            assert inner.hits == []


def test_dns_rebinding_is_caught_at_connect_time() -> None:
    """The pre-flight lookup says public, the connect-time lookup says 127.0.0.1."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    with (
        serve({"/feed": static(b"<rss/>")}) as srv,
        make_client(allow_private=False, resolver=rebinding) as client,
    ):
        port = httpx.URL(srv.base).port
        with pytest.raises(UnsafeURLError, match=r"rebind\.test \(127\.0\.0\.1\)"):
            client.get(f"http://rebind.test:{port}/feed")
        assert srv.hits == []


def test_redirect_limit() -> None:
    routes = {"/a": redirect("/b"), "/b": redirect("/a")}
    with serve(routes) as srv, make_client(allow_private=True, max_redirects=3) as client:
        with pytest.raises(httpx.TooManyRedirects):
            client.get(srv.url("/a"))
        assert len(srv.hits) == 4


@pytest.mark.timeout(20)
@pytest.mark.parametrize("headers_first", [True, False])
def test_deadline_cuts_a_dripping_server(headers_first: bool) -> None:
    """Per-read timeouts never fire on a server sending a byte every 0.2 s; the
    overall deadline does, even while the status line is still arriving."""
    routes = {"/drip": drip(total=200, interval=0.2, headers_first=headers_first)}
    with (
        serve(routes) as srv,
        make_client(allow_private=True) as client,
        pytest.raises(httpx.TimeoutException, match="deadline"),
        deadline(1.0),
        client.stream("GET", srv.url("/drip")) as resp,
    ):
        for _ in resp.iter_raw():
            pass
