"""Outbound HTTP that cannot be turned against the machine it runs on (SSRF guard).

Feeds and webhook URLs are written by users, so a URL may point at the cloud
metadata service (169.254.169.254), at Redis on 127.0.0.1, or at a host whose DNS
answers with a private address. Three layers stop that:

1. ``check_url`` validates the scheme and resolves the host: *every* resolved
   address must be global. Mapped forms (IPv4-mapped, NAT64 ``64:ff9b::/96``,
   6to4, Teredo) are unwrapped first, because Python's ``ipaddress`` calls e.g.
   ``64:ff9b::7f00:1`` (127.0.0.1 via NAT64) and ``224.0.0.1`` "global".
2. The client's transport resolves again at connect time, vets every address and
   connects to the vetted IP itself, so DNS rebinding between check and connect
   (first answer public, second answer 127.0.0.1) cannot slip through.
3. Every redirect hop goes through a request hook that re-checks the URL, with
   a redirect limit.

``NEWSWATCH_ALLOW_PRIVATE_URLS=true`` (``allow_private=True``) lifts the address
checks (tests and trusted networks); the scheme check stays.

The client also honours an overall *deadline* (``with deadline(seconds):``):
every socket read and write is given at most the time left, so a server that
drips one byte a second is cut off even while headers are still arriving, which
httpx's per-read timeouts alone cannot do.
"""

from __future__ import annotations

import contextvars
import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# resolver(host, port) -> list of IP address strings (in the order to try them)
Resolver = Callable[[str, int], list[str]]

ALLOW_ENV = "NEWSWATCH_ALLOW_PRIVATE_URLS"
ALLOWED_SCHEMES = ("http", "https")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215 local-use NAT64
_SHARED = ipaddress.IPv4Network("100.64.0.0/10")  # RFC 6598 carrier-grade NAT
_METADATA = ipaddress.IPv4Address("169.254.169.254")

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "newswatch_net_deadline", default=None
)


class UnsafeURLError(ValueError):
    """A URL refused by the SSRF guard; ``str()`` names the host, address and reason."""


class DeadlineExceeded(httpcore.ReadTimeout):
    """The overall deadline passed (an ``httpx.TimeoutException`` once mapped by httpx)."""


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses the system resolver gives for ``host`` (A and AAAA), deduplicated."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]).split("%", 1)[0], None)
    return list(seen)


def unwrap(ip: IPAddress) -> IPAddress:
    """The IPv4 address hidden inside an IPv6 transition form, else ``ip`` itself."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]  # (server, client): the client is where packets go
    return ip


def address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be contacted (e.g. "a loopback address"), or None if global."""
    inner = unwrap(ip)
    if inner is not ip:
        why = address_problem(inner)
        return f"{why} (embedded in {ip})" if why else None
    checks: list[tuple[bool, str]] = [
        (ip == _METADATA, "the link-local cloud metadata address"),
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_unspecified, "an unspecified address"),
        (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED, "a shared (CGNAT) address"),
        (isinstance(ip, ipaddress.IPv6Address) and ip in _NAT64_LOCAL, "a local NAT64 address"),
        (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local, "a site-local address"),
        (ip.is_private, "a private address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a globally routable address"),
    ]
    return next((why for bad, why in checks if bad), None)


def _parse_networks(nets: Iterable[str | Network] | None) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(n, strict=False) for n in (nets or ()))


def _refusal(host: str, addr: str, why: str) -> UnsafeURLError:
    shown = host if host == addr else f"{host} ({addr})"
    return UnsafeURLError(
        f"refused: {shown} is {why}; set {ALLOW_ENV}=true to allow private addresses"
    )


def vet_addresses(
    host: str,
    addresses: Sequence[str],
    *,
    allow_private: bool,
    allow_networks: Sequence[Network] = (),
) -> list[str]:
    """Raise UnsafeURLError unless every address is acceptable; return them in order."""
    if not addresses:
        raise UnsafeURLError(f"refused: {host} resolves to no address")
    if allow_private:
        return list(addresses)
    for addr in addresses:
        ip = ipaddress.ip_address(addr)
        if any(ip in net for net in allow_networks):
            continue
        why = address_problem(ip)
        if why:
            raise _refusal(host, addr, why)
    return list(addresses)


def _host_and_port(url: str) -> tuple[str, int]:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise UnsafeURLError(f"refused: {url!r} is not a valid URL ({exc})") from None
    if parsed.scheme not in ALLOWED_SCHEMES:
        shown = parsed.scheme or "none"
        raise UnsafeURLError(f"refused: {url!r}: scheme {shown!r} is not http or https")
    if not parsed.host:
        raise UnsafeURLError(f"refused: {url!r} has no host")
    return parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80)


def _resolve(host: str, port: int, resolver: Resolver) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        return resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise UnsafeURLError(f"refused: cannot resolve host {host}: {exc}") from None


def check_url(
    url: str,
    *,
    allow_private: bool,
    allow_networks: Iterable[str | Network] | None = None,
    resolver: Resolver = system_resolver,
) -> None:
    """Refuse a URL that is not http(s) or whose host resolves to any non-global address.

    ``allow_networks`` lists networks accepted anyway (trusted hosts; tests). With
    ``allow_private`` the host is not even resolved, only the scheme is checked.
    """
    host, port = _host_and_port(url)
    if allow_private:
        return
    vet_addresses(
        host,
        _resolve(host, port, resolver),
        allow_private=False,
        allow_networks=_parse_networks(allow_networks),
    )


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Bound all socket I/O done by guarded clients in this context to ``seconds`` in all."""
    if seconds is None:
        yield
        return
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def _time_left(timeout: float | None) -> float | None:
    """``timeout`` shortened to what is left of the current deadline (raises if none)."""
    end = _deadline.get()
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded("overall deadline exceeded")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """Wraps a socket stream so every read/write respects the overall deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left = _time_left(timeout)
        try:
            return self._inner.read(max_bytes, left)
        except httpcore.ReadTimeout:
            end = _deadline.get()
            if end is not None and time.monotonic() >= end:
                raise DeadlineExceeded("overall deadline exceeded") from None
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, _time_left(timeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """Resolves, vets every address, then connects to a vetted IP (no second lookup)."""

    def __init__(
        self,
        *,
        allow_private: bool,
        allow_networks: Sequence[Network] = (),
        resolver: Resolver = system_resolver,
    ) -> None:
        self.allow_private = allow_private
        self.allow_networks = tuple(allow_networks)
        self.resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = vet_addresses(
            host,
            _resolve(host, port, self.resolver),
            allow_private=self.allow_private,
            allow_networks=self.allow_networks,
        )
        last: Exception | None = None
        for addr in addresses:
            try:
                stream = super().connect_tcp(
                    addr, port, _time_left(timeout), local_address, socket_options
                )
                return _DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last


def _hop_checker(
    allow_private: bool, allow_networks: Sequence[Network], resolver: Resolver
) -> Callable[[httpx.Request], None]:
    """A request hook: runs for the first request and again for every redirect hop."""

    def check(request: httpx.Request) -> None:
        check_url(
            str(request.url),
            allow_private=allow_private,
            allow_networks=allow_networks,
            resolver=resolver,
        )

    return check


def make_client(
    *,
    allow_private: bool,
    timeout: httpx.Timeout | None = None,
    max_redirects: int = 5,
    user_agent: str | None = None,
    follow_redirects: bool = True,
    max_connections: int = 10,
    allow_networks: Iterable[str | Network] | None = None,
    resolver: Resolver = system_resolver,
    headers: dict[str, str] | None = None,
) -> httpx.Client:
    """An httpx client guarded against SSRF at every hop and at connect time.

    Environment proxies are ignored (``trust_env=False``): a proxy would resolve
    hosts itself, out of reach of the guard. Keep pools small (``max_connections``)
    and use a few clients for many feeds: measured faster than one big pool.
    """
    nets = _parse_networks(allow_networks)
    transport = httpx.HTTPTransport(
        limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
    )
    # httpx has no public hook for the network backend; its pool keeps it here.
    transport._pool._network_backend = GuardedBackend(  # type: ignore[attr-defined]
        allow_private=allow_private, allow_networks=nets, resolver=resolver
    )
    all_headers = dict(headers or {})
    if user_agent:
        all_headers["User-Agent"] = user_agent
    return httpx.Client(
        transport=transport,
        timeout=timeout or httpx.Timeout(10.0, connect=5.0),
        follow_redirects=follow_redirects,
        max_redirects=max_redirects,
        headers=all_headers,
        trust_env=False,
        event_hooks={"request": [_hop_checker(allow_private, nets, resolver)]},
    )
