"""Conditional polls per second against 1,000 local feeds (target: >= 200/s).

A local server (separate processes, one per loopback address, so it does not
share our GIL) serves 1,000 small RSS feeds and answers 304 to a request that
carries the feed's current ETag. We poll every feed once unconditionally (to
learn the ETags), then time conditional passes through ``fetch_feed`` with the
production settings: SSRF-guarded clients, the per-host lock (at most one
request in flight per host), overall deadline, size caps.

Baseline, measured in the same run: the naive poller, one default
``httpx.Client`` issuing the same conditional GETs one after another with no
guard at all.

    uv run python benchmarks/poll.py [--feeds 1000] [--hosts 8] [--threads 16] [--clients 4]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from worker.feeds import HostLimiter, fetch_feed
from worker.net import make_client


def _feed(n: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {n} story {i}</title><link>https://f{n}.example/{i}</link>"
        f"<guid>f{n}-{i}</guid><description>Story {i} of feed {n}.</description></item>"
        for i in range(5)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
        f"{items}</channel></rss>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        n = int(self.path.rsplit("/", 1)[-1])
        etag = f'"v1-{n}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = _feed(n)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(host: str, port_q: mp.Queue) -> None:  # type: ignore[type-arg]
    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256

    srv = Server((host, 0), _Handler)
    port_q.put((host, srv.server_address[1]))
    srv.serve_forever()


def _start_servers(hosts: int) -> tuple[list[mp.Process], list[str]]:
    q: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    procs = [
        mp.Process(target=_serve, args=(f"127.0.0.{i + 1}", q), daemon=True) for i in range(hosts)
    ]
    for p in procs:
        p.start()
    bases = sorted(f"http://{h}:{port}" for h, port in (q.get(timeout=10) for _ in procs))
    return procs, bases


def _poll_all(
    urls: list[str], etags: dict[str, str | None], threads: int, clients: int
) -> tuple[float, dict[str, int]]:
    pool = [make_client(allow_private=True, max_connections=10) for _ in range(clients)]
    limiter = HostLimiter()
    counts: dict[str, int] = {}
    lock = threading.Lock()

    def one(i_url: tuple[int, str]) -> None:
        i, url = i_url
        res = fetch_feed(pool[i % clients], url, etag=etags.get(url), limiter=limiter)
        with lock:
            counts[res.status] = counts.get(res.status, 0) + 1
            if res.status == "ok":
                etags[url] = res.etag
            elif res.status == "error":
                counts.setdefault("first_error:" + (res.error or ""), 1)

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as ex:
        list(ex.map(one, enumerate(urls)))
    elapsed = time.perf_counter() - started
    for c in pool:
        c.close()
    return len(urls) / elapsed, counts


def _baseline(urls: list[str], etags: dict[str, str | None]) -> float:
    """The naive poller: one default client, sequential conditional GETs, no guard."""
    with httpx.Client() as client:
        started = time.perf_counter()
        for url in urls:
            etag = etags.get(url)
            r = client.get(url, headers={"If-None-Match": etag} if etag else {})
            assert r.status_code == 304, r.status_code
        return len(urls) / (time.perf_counter() - started)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=8, help="loopback addresses serving feeds")
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--clients", type=int, default=4, help="guarded clients (10-conn pools)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    procs, bases = _start_servers(args.hosts)
    try:
        urls = [f"{bases[i % len(bases)]}/feed/{i}" for i in range(args.feeds)]
        etags: dict[str, str | None] = {}
        first, counts = _poll_all(urls, etags, args.threads, args.clients)
        print(f"first pass (200 + parse of 5 items): {first:7.1f} feeds/s  {counts}")
        base, cond = [], []
        for _ in range(args.rounds):
            base.append(_baseline(urls, etags))
            rate, counts = _poll_all(urls, etags, args.threads, args.clients)
            assert counts.get("not_modified") == args.feeds, counts
            cond.append(rate)
        b, c = statistics.median(base), statistics.median(cond)
        print(f"baseline: one default httpx.Client, sequential, unguarded: {b:7.1f} polls/s")
        print(
            f"fetch_feed: {args.clients} guarded clients, {args.threads} threads, "
            f"{args.hosts} hosts (1 in flight each): {c:7.1f} polls/s  "
            f"(median of {args.rounds}; all {args.feeds} answered 304)"
        )
        print(
            f"ratio fetch_feed / baseline: {c / b:.2f}x   target >= 200 polls/s: "
            f"{'met' if c >= 200 else 'NOT met'}"
        )
    finally:
        for p in procs:
            p.terminate()
            p.join(5)


if __name__ == "__main__":
    main()
