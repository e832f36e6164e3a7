"""Helpers for the fault and load tests (issue 6) and benchmarks/load.py.

Everything here is real: a private ``redis-server`` and a private PostgreSQL
cluster the test may kill and restart without disturbing the shared servers
other tests use, a threaded HTTP server that serves many feeds whose items
appear over time (and logs every request, so poll gaps can be measured) and
receives webhooks, and helpers to start and kill real worker processes.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

MARKER = "zorblaxian"  # one word in every generated feed item; the load watch matches it
NEWSWATCH = str(Path(sys.executable).parent / "newswatch")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


# ----------------------------------------------------------------- Redis ---


class PrivateRedis:
    """A throwaway redis-server without persistence: a restart loses every queued
    message, the harshest case for the broker (the sweep must re-enqueue)."""

    def __init__(self, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        cmd = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        cmd += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        self.proc = subprocess.Popen(cmd, stdout=self.log.open("ab"), stderr=subprocess.STDOUT)
        wait_port(self.port)

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def __enter__(self) -> PrivateRedis:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


# ------------------------------------------------------------ PostgreSQL ---


def pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class PrivatePostgres:
    """A PostgreSQL cluster of our own in a temporary folder (run as user postgres
    when we are root), so a test can stop it with ``-m immediate`` (a crash) and
    start it again while the shared server keeps serving the other tests."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="nw-pg-"))
        self.data = self.dir / "data"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: float = 60) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(
            [*prefix, *args], check=True, timeout=timeout, capture_output=True, cwd=self.dir
        )

    def init(self) -> None:
        initdb = pg_bin("initdb")
        if initdb is None:
            raise RuntimeError("initdb not found")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(initdb, "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.dir / "pg.log")
        self._run(str(pg_bin("pg_ctl")), "-D", str(self.data), "-l", log, "-o", opts, "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        with suppress(subprocess.CalledProcessError):
            self._run(str(pg_bin("pg_ctl")), "-D", str(self.data), "-m", mode, "-w", "stop")

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


# -------------------------------------------------------------- workers ---


def worker_env(db_url: str, broker_url: str, rules: Path, data_dir: Path, **extra: str) -> dict:
    """Environment of a worker process on its own queue (other sessions share brokers)."""
    env = {
        **os.environ,
        "NEWSWATCH_DATABASE_URL": db_url,
        "NEWSWATCH_BROKER_URL": broker_url,
        "NEWSWATCH_RULES": str(rules),
        "NEWSWATCH_DATA_DIR": str(data_dir),
        "NEWSWATCH_QUEUE": f"nw-fault-{os.getpid()}-{random.randrange(1 << 30):x}",
        "NEWSWATCH_ALLOW_PRIVATE_URLS": "true",
        "NEWSWATCH_SWEEP_SECONDS": "1",
        "NEWSWATCH_LOG_JSON": "true",
    }
    env.update(extra)
    return env


def start_run(env: dict, log: Path, *, beat: bool = True, concurrency: int = 1) -> subprocess.Popen:
    """``newswatch run`` in its own process group, so ``kill_group`` takes the
    Celery parent, its pool children and the embedded beat down together."""
    cmd = [NEWSWATCH, "run", "--concurrency", str(concurrency), "--loglevel", "INFO"]
    if not beat:
        cmd.append("--no-beat")
    return subprocess.Popen(
        cmd, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True
    )


def kill_group(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM (warm shutdown), then SIGKILL whatever is left of the group."""
    if proc.poll() is None:
        kill_group(proc, signal.SIGTERM)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = defaultdict(list)
    for stat in glob.glob("/proc/[0-9]*/stat"):
        with suppress(OSError, ValueError, IndexError):
            parts = Path(stat).read_text().rsplit(")", 1)[1].split()
            children[int(parts[1])].append(int(stat.split("/")[2]))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        with suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def wait_log(log: Path, needle: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and needle in log.read_text(errors="replace"):
            return
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise AssertionError(f"{needle!r} not in {log} after {timeout} s\n{tail}")


# ---------------------------------------------------------------- rules ---


def marker_rules(tmp: Path, webhook: str | None = None) -> Path:
    """Rules: one topic on the marker word, one watch on it (optionally a webhook)."""
    d = tmp / "rules"
    d.mkdir(parents=True, exist_ok=True)
    watch: dict = {"id": "load", "match": ["marker"]}
    if webhook:
        watch["webhooks"] = [{"url": webhook}]
    doc = {
        "topics": [{"id": "marker", "name": "Marker", "query": MARKER}],
        "watches": [watch],
    }
    (d / "marker.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    return d


# ------------------------------------------------------------ feed farm ---

_SYL = ["ka", "lo", "mi", "ren", "tas", "vo", "dri", "pel", "son", "gar", "ui", "mer", "tal"]
_SYL += ["bek", "nor", "sil", "fa", "ro", "zu", "quin", "de", "han", "pri", "lut", "ost"]


def item_text(feed: int, gen: int) -> str:
    """Lexically distinct text per item (no exact or near duplicate of another item)."""
    rng = random.Random(feed * 1_000_003 + gen)
    words = ["".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4))) for _ in range(45)]
    words.insert(rng.randrange(len(words)), MARKER)
    return " ".join(words) + "."


@dataclass
class FeedFarm:
    """``feeds`` RSS feeds at /f/<k>. Every ``period`` seconds a new generation
    starts and feeds with ``(k + gen) % every == 0`` get one new item (each feed
    keeps its last ``keep`` items). ``freeze()`` stops new items so a run can
    drain. Also answers POST /hook (webhook receiver) and logs every request."""

    feeds: int
    period: float = 30.0
    every: int = 10
    keep: int = 10
    stall: set[int] = field(default_factory=set)  # feeds whose requests hang until released
    released: threading.Event = field(default_factory=threading.Event)
    polls: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    hooks: list[tuple[str, list[int]]] = field(default_factory=list)
    t0: float = field(default_factory=time.monotonic)
    frozen_gen: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    stalled_hits: int = 0

    def gen(self) -> int:
        if self.frozen_gen is not None:
            return self.frozen_gen
        return int((time.monotonic() - self.t0) // self.period)

    def freeze(self) -> None:
        self.frozen_gen = self.gen()

    def items_of(self, k: int, upto: int | None = None) -> list[int]:
        g = self.gen() if upto is None else upto
        return [x for x in range(g + 1) if (k + x) % self.every == 0]

    def expected_guids(self) -> set[str]:
        """Every item published so far (old ones dropped from the feed included)."""
        return {f"urn:nw:{k}:{g}" for k in range(self.feeds) for g in self.items_of(k)}

    def rss(self, k: int) -> bytes:
        items = self.items_of(k)[-self.keep :]
        parts = [
            f"<item><guid>urn:nw:{k}:{g}</guid><link>http://news.example.org/{k}/{g}</link>"
            f"<title>Story {k}-{g}</title><description>{item_text(k, g)}</description></item>"
            for g in reversed(items)
        ]
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>feed {k}</title><link>http://news.example.org/{k}</link>"
            f"<description>load feed</description>{''.join(parts)}</channel></rss>"
        ).encode()


def _handler(farm: FeedFarm) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            parts = self.path.split("?")[0].strip("/").split("/")
            if len(parts) != 2 or parts[0] != "f" or not parts[1].isdigit():
                self._send(404, b"no", "text/plain")
                return
            k = int(parts[1])
            with farm.lock:
                farm.polls[k].append(time.monotonic())
            if k in farm.stall and not farm.released.is_set():
                with farm.lock:
                    farm.stalled_hits += 1
                farm.released.wait(60)  # the worker is mid-request until released
            with suppress(BrokenPipeError, ConnectionResetError):
                self._send(200, farm.rss(k), "application/rss+xml; charset=utf-8")

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
            ids: list[int] = []
            with suppress(ValueError):
                _alert_ids(json.loads(body), ids)
            with farm.lock:
                farm.hooks.append((self.headers.get("webhook-id", ""), ids))
            self._send(200, b"ok", "text/plain")

    return Handler


def _alert_ids(node: object, out: list[int]) -> None:
    """Alert ids anywhere in a webhook body (single or batched form)."""
    if isinstance(node, dict):
        alert = node.get("alert")
        if isinstance(alert, dict) and isinstance(alert.get("id"), int):
            out.append(alert["id"])
        for v in node.values():
            if isinstance(v, dict | list):
                _alert_ids(v, out)
    elif isinstance(node, list):
        for v in node:
            _alert_ids(v, out)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request: object, client_address: object) -> None:
        """Killed workers hang up mid-request: expected."""


class FarmServer:
    """The feed farm on a free loopback port, in a background thread."""

    def __init__(self, farm: FeedFarm) -> None:
        self.farm = farm
        self.server = _Server(("127.0.0.1", 0), _handler(farm))
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def feed_url(self, k: int) -> str:
        return f"{self.base}/f/{k}"

    def __enter__(self) -> FarmServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.farm.released.set()
        self.server.shutdown()
        self.server.server_close()


def add_feeds(engine: object, urls: list[str], every_seconds: int) -> None:
    from worker.store.queries import SOURCE

    rows = [{"kind": "feed", "url": u, "every_seconds": every_seconds} for u in urls]
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(SOURCE.insert(), rows)


@dataclass
class Ledger:
    """What the database holds for the farm's items: counts per GUID."""

    stored: dict[str, int]
    alerts: dict[str, int]
    alert_ids: list[int]


def ledger(engine: object) -> Ledger:
    from sqlalchemy import func, select

    from worker.store.models import Alert, Article

    with engine.connect() as conn:  # type: ignore[attr-defined]
        arts = conn.execute(
            select(Article.guid, func.count())
            .where(Article.guid.like("urn:nw:%"))
            .group_by(Article.guid)
        ).all()
        alerts = conn.execute(
            select(Article.guid, func.count())
            .join(Alert, Alert.article_id == Article.id)
            .where(Article.guid.like("urn:nw:%"))
            .group_by(Article.guid)
        ).all()
        ids = (
            conn.execute(
                select(Alert.id)
                .join(Article, Alert.article_id == Article.id)
                .where(Article.guid.like("urn:nw:%"))
            )
            .scalars()
            .all()
        )
    return Ledger(dict(arts), dict(alerts), list(ids))


def poll_gaps(farm: FeedFarm, feeds: range | list[int]) -> list[float]:
    """Seconds between consecutive polls of each feed (from the server's log)."""
    gaps: list[float] = []
    for k in feeds:
        ts = sorted(farm.polls.get(k, []))
        gaps += [b - a for a, b in itertools.pairwise(ts)]
    return gaps
