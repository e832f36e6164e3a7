"""A real HTTP server on a loopback address for the feed and network tests.

Each route is a function ``(handler) -> None`` that writes the whole response
itself, so a test can serve anything from a clean RSS feed to a server that
drips one byte a second or resets the connection.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Served:
    """What a running test server saw; ``url(path)`` builds an absolute URL."""

    base: str
    routes: dict[str, Route]
    hits: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str = "/") -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.hits if p == path)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up (deadline tests, resets) are expected: stay quiet."""


def _make_handler(served: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            served.hits.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = served.routes.get(path)
            if route is None:
                send(self, 404, b"not found", "text/plain")
                return
            with suppress(BrokenPipeError, ConnectionResetError):
                route(self)

    return Handler


@contextmanager
def serve(routes: dict[str, Route], host: str = "127.0.0.1") -> Iterator[Served]:
    """Run a threaded HTTP/1.1 server on ``host`` (any free port) for the block."""
    served = Served(base="", routes=routes)
    server = _Server((host, 0), _make_handler(served))
    served.base = f"http://{host}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


def send(
    h: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str = "application/rss+xml; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    """Write a complete response with a Content-Length."""
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def static(
    body: bytes,
    content_type: str = "application/rss+xml; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Route:
    return lambda h: send(h, status, body, content_type, headers)


def conditional(body: bytes, etag: str, last_modified: str) -> Route:
    """Answers 304 when the request carries the current ETag or Last-Modified."""

    def route(h: BaseHTTPRequestHandler) -> None:
        if (
            h.headers.get("If-None-Match") == etag
            or h.headers.get("If-Modified-Since") == last_modified
        ):
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        send(h, 200, body, headers={"ETag": etag, "Last-Modified": last_modified})

    return route


def redirect(location: str, status: int = 302) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        send(h, status, b"", "text/plain", {"Location": location})

    return route


def drip(total: int = 1000, interval: float = 1.0, headers_first: bool = True) -> Route:
    """Sends one byte every ``interval`` seconds (a slowloris in reverse)."""

    def route(h: BaseHTTPRequestHandler) -> None:
        if headers_first:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", str(total))
            h.end_headers()
            h.wfile.flush()
            payload = b"<" * total
        else:
            payload = b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * total
        for i in range(len(payload)):
            h.wfile.write(payload[i : i + 1])
            h.wfile.flush()
            time.sleep(interval)

    return route


def reset() -> Route:
    """Closes the connection with a TCP RST before answering."""

    def route(h: BaseHTTPRequestHandler) -> None:
        sock: socket.socket = h.connection
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.close()
        h.close_connection = True

    return route


def gzip_bomb(decompressed: int = 200 * 1024 * 1024) -> Route:
    """A small gzip body that inflates to ``decompressed`` bytes of zeros."""
    chunk = b"\0" * (1024 * 1024)
    comp_obj = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip framing
    parts = [comp_obj.compress(chunk) for _ in range(decompressed // len(chunk))]
    comp = b"".join(parts) + comp_obj.flush()

    def route(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, comp, "application/rss+xml", {"Content-Encoding": "gzip"})

    return route


def big_stream(size: int, content_length: bool = True) -> Route:
    """A feed of ``size`` bytes streamed in 64 KB writes (optionally with no length)."""
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>'
    filler = b"<!-- " + b"x" * 65000 + b" -->"

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        if content_length:
            h.send_header("Content-Length", str(size))
        else:
            h.close_connection = True
        h.end_headers()
        sent = 0
        h.wfile.write(head)
        sent += len(head)
        while sent < size:
            part = filler[: size - sent]
            h.wfile.write(part)
            sent += len(part)

    return route
