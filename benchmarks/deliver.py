"""Webhooks delivered per second to a local receiver by two worker processes.

Fills a fresh PostgreSQL database with N alerts, each with one due webhook
delivery, then runs two OS processes, each looping ``deliver_due_webhooks``
(claim with SKIP LOCKED, sign, POST, record) until the outbox is empty. The
receiver runs in a process of its own and counts requests and distinct
``webhook-id``s, so a delivery sent twice would show.

Baseline measured in the same run: one process POSTing pre-built bodies to the
same receiver with the same client, no database and no signing.

    uv run python benchmarks/deliver.py [--alerts 3000] [--pg postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import base64
import multiprocessing as mp
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

SECRET = "whsec_" + base64.b64encode(b"benchmark secret, 32 bytes long!").decode()
PG_ADMIN = os.environ.get("NEWSWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _receiver(port_q: mp.Queue, stop: mp.Event) -> None:  # type: ignore[type-arg]
    ids: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", 0)))
            ids.append(self.headers.get("webhook-id", ""))
            self.send_response(200)
            self.send_header("content-length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            body = f"{len(ids)} {len(set(ids))}".encode()
            self.send_response(200)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_q.put(server.server_address[1])
    server.timeout = 0.2
    while not stop.is_set():
        server.handle_request()
    server.server_close()


def _stats(url: str) -> tuple[int, int]:
    import httpx

    total, unique = httpx.get(url.replace("/hook", "/stats"), timeout=10).text.split()
    return int(total), int(unique)


def _worker(db_url: str, hook_url: str, out: mp.Queue) -> None:  # type: ignore[type-arg]
    os.environ["NEWSWATCH_ALLOW_PRIVATE_URLS"] = "true"
    os.environ["BENCH_SECRET"] = SECRET
    from worker.deliver.webhook import deliver_due_webhooks
    from worker.store.db import make_engine

    engine = make_engine(db_url)
    watches = [{"id": "bench", "webhooks": [{"url": hook_url, "secret_env": "BENCH_SECRET"}]}]
    delivered = 0
    idle = 0
    first = last = None
    while idle < 3:
        t = time.time()
        counts = deliver_due_webhooks(engine, limit=100, watches=watches, timeout=10)
        delivered += counts["delivered"]
        if counts["claimed"]:
            first = first or t
            last = time.time()
        idle = idle + 1 if counts["claimed"] == 0 else 0
        if counts["claimed"] == 0:
            time.sleep(0.05)
    out.put((delivered, first, last))
    engine.dispose()


def _fill(db_url: str, n: int, hook_url: str) -> None:
    from sqlalchemy import insert

    from worker.deliver.outbox import deliveries_for_alert
    from worker.store.db import make_engine
    from worker.store.models import Alert, Article, Delivery, Match, Source

    engine = make_engine(db_url)
    now = datetime.now(UTC)
    text = "The WHO team arrived in Wuhan on Thursday. Officials met them at the airport."
    ev = [{"term": "WHO", "snippet": text.split(". ")[0] + ".", "start": 4, "end": 7}]
    watch = {"id": "bench", "webhooks": [{"url": hook_url, "secret_env": "BENCH_SECRET"}]}
    with engine.begin() as conn:
        src = conn.execute(
            insert(Source)
            .values(kind="feed", url="https://bench.example/feed", name="Bench")
            .returning(Source.id)
        ).scalar_one()
        arts = (
            conn.execute(
                insert(Article).returning(Article.id),
                [
                    {
                        "source_id": src,
                        "guid": f"g{i}",
                        "canonical_url": f"https://bench.example/{i}",
                        "title": f"Story {i}: WHO in Wuhan",
                        "text": text,
                        "content_hash": f"{i:064d}",
                        "published_at": now,
                        "created_at": now,
                    }
                    for i in range(n)
                ],
            )
            .scalars()
            .all()
        )
        conn.execute(
            insert(Match),
            [{"article_id": a, "rule_id": "@who", "evidence": ev, "created_at": now} for a in arts],
        )
        alerts = (
            conn.execute(
                insert(Alert).returning(Alert.id),
                [
                    {
                        "watch_id": "bench",
                        "cluster_id": a,
                        "article_id": a,
                        "rules": ["@who"],
                        "origin": "feed",
                        "created_at": now,
                    }
                    for a in arts
                ],
            )
            .scalars()
            .all()
        )
        rows = [
            r
            for a in alerts
            for r in deliveries_for_alert(watch, alert_id=a, origin="feed", now=now)
        ]
        conn.execute(insert(Delivery), rows)
    engine.dispose()


def _baseline(hook_url: str, n: int) -> float:
    """Raw POSTs from one process, same client, 8 threads, no DB or signing."""
    from concurrent.futures import ThreadPoolExecutor

    os.environ["NEWSWATCH_ALLOW_PRIVATE_URLS"] = "true"
    from worker.config import get_settings

    get_settings.cache_clear()
    from worker.deliver.webhook import make_webhook_client

    body = b'{"type":"alert","data":{}}'
    client = make_webhook_client(10)
    t0 = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        list(
            pool.map(
                lambda i: client.post(hook_url, content=body, headers={"webhook-id": f"base_{i}"}),
                range(n),
            )
        )
    dt = time.perf_counter() - t0
    client.close()
    return n / dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--alerts", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pg", default=PG_ADMIN, help="admin URL; a scratch database is created")
    args = ap.parse_args()

    from sqlalchemy import create_engine, text
    from support_pg import create_database, drop_database

    from worker.store.db import upgrade

    name, db_url = create_database(args.pg, prefix="nw_bench")
    ctx = mp.get_context("spawn")
    stop = ctx.Event()
    port_q: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    rx = ctx.Process(target=_receiver, args=(port_q, stop), daemon=True)
    rx.start()
    hook_url = f"http://127.0.0.1:{port_q.get(timeout=30)}/hook"
    try:
        upgrade(db_url)
        base = _baseline(hook_url, min(args.alerts, 2000))
        _fill(db_url, args.alerts, hook_url)
        out: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
        procs = [
            ctx.Process(target=_worker, args=(db_url, hook_url, out)) for _ in range(args.workers)
        ]
        before, _ = _stats(hook_url)
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        results = [out.get(timeout=600) for _ in procs]
        elapsed = time.perf_counter() - t0  # includes process start-up and the idle polls
        per_worker = [r[0] for r in results]
        window = max(r[2] for r in results if r[2]) - min(r[1] for r in results if r[1])
        for p in procs:
            p.join(30)
        total, unique = _stats(hook_url)
        total -= before
        with create_engine(db_url).connect() as conn:
            status = dict(
                conn.execute(text("SELECT status, count(*) FROM delivery GROUP BY status")).all()
            )
        rate = sum(per_worker) / window
        print(f"alerts: {args.alerts}, worker processes: {args.workers} (PostgreSQL, SKIP LOCKED)")
        print(f"delivered: {sum(per_worker)} (per worker: {per_worker}); rows by status: {status}")
        print(
            f"requests received: {total}, distinct webhook-ids: {unique - before}"
            f" -> duplicates: {total - (unique - before)}"
        )
        print(
            f"delivery window (first claim to last outcome): {window:.2f} s;"
            f" wall incl. process start-up: {elapsed:.2f} s"
            f" ({sum(per_worker) / elapsed:.0f}/s)"
        )
        print(f"throughput: {rate:.0f} webhooks/s (target >= 200/s)")
        print(f"baseline, raw POSTs from one process, no DB/signing: {base:.0f} req/s")
        print(f"ratio delivery/baseline: {rate / base:.2f}")
        print(f"median per-worker share: {statistics.median(per_worker):.0f}")
    finally:
        stop.set()
        rx.join(5)
        drop_database(args.pg, name)


if __name__ == "__main__":
    main()
