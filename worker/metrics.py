"""Prometheus metrics, safe across Celery's prefork worker processes.

Call sites stay one line (``metrics.articles_stored(n)``, ``metrics.match(rule_id)``,
``metrics.delivery("delivered", latency_s)``); nothing here may break the
pipeline, so every recording function swallows its own errors.

Two modes:

* **multiprocess** — ``newswatch run`` (and every Celery worker process) calls
  :func:`configure_multiprocess`, which points ``PROMETHEUS_MULTIPROC_DIR`` at
  ``settings.data_dir / "metrics"``. Each process then writes its counters to
  its own memory-mapped file there, and the metrics server sums them with a
  ``MultiProcessCollector``. Forked children inherit the variable; the
  client library notices the new pid and opens files of its own.
* **in-process** — everywhere else (tests, one-shot commands), values live in
  memory and :func:`render` / :func:`start_metrics_server` serve this
  process's registry. No files are written.

``prometheus_client`` is imported lazily, so the environment variable can be
set before the library first looks at it; if it was imported earlier anyway,
:func:`configure_multiprocess` swaps its value class, which is all the
library's multiprocess mode consists of.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
ADDR_ENV = "NEWSWATCH_METRICS_ADDR"

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

# Seconds: feed polls take milliseconds to a minute.
POLL_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
# Seconds from an article first seen to its alert delivered: instant webhooks take
# seconds, retried ones hours, weekly digests days.
DELIVERY_BUCKETS = (
    0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 1800.0, 3600.0,
    7200.0, 21600.0, 43200.0, 86400.0, 259200.0, 604800.0,
)  # fmt: skip


@dataclass
class _Metrics:
    """The metric objects of this process (rebuilt when the mode changes)."""

    registry: Any  # the registry served in in-process mode; None in multiprocess mode
    items_fetched: Any
    articles_stored: Any
    articles_updated: Any
    duplicates: Any
    near_duplicates: Any
    matches: Any
    alerts: Any
    delivery_attempts: Any
    delivery_latency: Any
    feed_polls: Any
    feed_poll_failures: Any
    feed_poll_seconds: Any
    digests: Any
    backfill_jobs: Any


_lock = threading.Lock()
_metrics: _Metrics | None = None


def _build() -> _Metrics:
    """Create the metric objects; in multiprocess mode they join no registry
    (the collector reads the files), in-process they join a private one."""
    from prometheus_client import CollectorRegistry, Counter, Histogram

    multi = bool(os.environ.get(MULTIPROC_ENV))
    reg = None if multi else CollectorRegistry(auto_describe=True)

    def counter(name: str, doc: str, labels: tuple[str, ...] = ()) -> Any:
        return Counter(name, doc, labels, registry=reg)

    return _Metrics(
        registry=reg,
        items_fetched=counter(
            "newswatch_items_fetched", "Items read from sources (feed items, dump articles).",
            ("origin",),
        ),
        articles_stored=counter("newswatch_articles_stored", "New articles stored.", ("origin",)),
        articles_updated=counter(
            "newswatch_articles_updated", "Articles updated in place (same GUID/URL).", ("origin",)
        ),
        duplicates=counter(
            "newswatch_duplicates", "Articles skipped as exact duplicates (same content hash).",
            ("origin",),
        ),
        near_duplicates=counter(
            "newswatch_near_duplicates", "Articles linked into an existing story cluster.",
            ("origin",),
        ),
        matches=counter("newswatch_matches", "Rule matches stored, per rule.", ("rule",)),
        alerts=counter("newswatch_alerts", "Alerts raised, per watch.", ("watch", "origin")),
        delivery_attempts=counter(
            "newswatch_delivery_attempts",
            "Delivery attempts by channel and outcome (delivered, retry, dead, disabled, ...).",
            ("channel", "outcome"),
        ),
        delivery_latency=Histogram(
            "newswatch_delivery_latency_seconds",
            "Seconds from an article first seen to its alert delivered.",
            ("channel",), buckets=DELIVERY_BUCKETS, registry=reg,
        ),
        feed_polls=counter("newswatch_feed_polls", "Feed polls by outcome.", ("outcome",)),
        feed_poll_failures=counter("newswatch_feed_poll_failures", "Feed polls that failed."),
        feed_poll_seconds=Histogram(
            "newswatch_feed_poll_seconds", "Duration of one feed poll (fetch and parse).",
            buckets=POLL_BUCKETS, registry=reg,
        ),
        digests=counter("newswatch_digests", "Email digests by outcome.", ("outcome",)),
        backfill_jobs=counter("newswatch_backfill_jobs", "Backfill jobs finished.", ("status",)),
    )  # fmt: skip


def _m() -> _Metrics:
    """This process's metrics, created on first use."""
    global _metrics
    if _metrics is None:
        with _lock:
            if _metrics is None:
                _metrics = _build()
    return _metrics


def default_dir() -> Path:
    """Where worker processes write their metric files: ``data_dir/metrics``."""
    from worker.config import get_settings

    return Path(get_settings().data_dir) / "metrics"


def configure_multiprocess(path: Path | str | None = None, *, clean: bool = False) -> Path:
    """Switch this process (and the children it forks or spawns) to multiprocess mode.

    ``path`` defaults to an already-set ``PROMETHEUS_MULTIPROC_DIR``, else
    ``data_dir/metrics``. ``clean=True`` (``newswatch run`` at start) deletes the
    files of earlier runs, so counters start from zero with the process tree.
    """
    global _metrics
    target = Path(path or os.environ.get(MULTIPROC_ENV) or default_dir()).resolve()
    with _lock:
        if clean and target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True, exist_ok=True)
        os.environ[MULTIPROC_ENV] = str(target)
        import prometheus_client.values as values

        values.ValueClass = values.MultiProcessValue()
        _metrics = None
    return target


def reset_in_process() -> None:
    """Back to in-memory metrics (tests that switched to multiprocess mode undo it)."""
    global _metrics
    with _lock:
        os.environ.pop(MULTIPROC_ENV, None)
        import prometheus_client.values as values

        values.ValueClass = values.MutexValue
        _metrics = None


def is_multiprocess() -> bool:
    return bool(os.environ.get(MULTIPROC_ENV))


def serving_registry() -> Any:
    """The registry to expose: all processes' files, or this process's metrics."""
    if is_multiprocess():
        from prometheus_client import CollectorRegistry
        from prometheus_client.multiprocess import MultiProcessCollector

        reg = CollectorRegistry()
        MultiProcessCollector(reg, path=os.environ[MULTIPROC_ENV])
        return reg
    return _m().registry


def render() -> bytes:
    """The text exposition format, as a scrape would see it."""
    from prometheus_client import generate_latest

    return generate_latest(serving_registry())


def start_metrics_server(port: int, addr: str | None = None) -> tuple[Any, threading.Thread]:
    """Serve ``/metrics`` on ``port`` in a daemon thread; returns (server, thread).

    The address defaults to ``NEWSWATCH_METRICS_ADDR`` or ``0.0.0.0`` (a
    container's scraper must reach it); port 0 picks a free port
    (``server.server_port``).
    """
    from prometheus_client import start_http_server

    bind = addr or os.environ.get(ADDR_ENV) or "0.0.0.0"
    server, thread = start_http_server(port, addr=bind, registry=serving_registry())
    log.info("metrics served", extra={"port": server.server_port, "addr": bind})
    return server, thread


def mark_process_dead(pid: int) -> None:
    """Celery's ``worker_process_shutdown``: drop a dead child's live gauges."""
    if is_multiprocess():
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)


def _safe(fn: Callable[P, None]) -> Callable[P, None]:
    """Metrics are advisory: a failure is logged once per call, never raised."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            fn(*args, **kwargs)
        except Exception:  # pragma: no cover - defensive
            log.debug("metric %s failed", fn.__name__, exc_info=True)

    return wrapper


# ---- counting only what commits --------------------------------------------------

_PENDING = "newswatch_metrics_pending"
_listening = False


def after_commit(conn: Any, fn: Callable[..., None], *args: Any, **kwargs: Any) -> None:
    """Record ``fn(*args)`` when ``conn``'s transaction commits; forget it on rollback.

    A batch that loses its lease or hits an error rolls back and is redone, so
    counting inside the transaction would count it twice.
    """
    try:
        _listen()
        conn.info.setdefault(_PENDING, []).append((fn, args, kwargs))
    except Exception:  # not a SQLAlchemy connection: record now
        fn(*args, **kwargs)


def _listen() -> None:
    global _listening
    if _listening:
        return
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.pool import Pool

    event.listen(Engine, "commit", _on_commit)
    event.listen(Engine, "rollback", _on_rollback)
    # conn.info lives with the pooled DBAPI connection: never let a leftover
    # (a connection returned without commit or rollback events) reach the next user.
    event.listen(Pool, "checkin", _on_checkin)
    _listening = True


def _on_commit(conn: Any) -> None:
    for fn, args, kwargs in conn.info.pop(_PENDING, ()):
        fn(*args, **kwargs)


def _on_rollback(conn: Any) -> None:
    conn.info.pop(_PENDING, None)


def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
    if record is not None:
        record.info.pop(_PENDING, None)


# ---- the one-line call sites -------------------------------------------------


@_safe
def batch(result: Any, origin: str = "feed") -> None:
    """The counts of one pipeline batch (``worker.pipeline.BatchResult``)."""
    m = _m()
    for counter, attr in (
        (m.items_fetched, "articles_seen"),
        (m.articles_stored, "articles_stored"),
        (m.articles_updated, "updated"),
        (m.duplicates, "duplicates"),
        (m.near_duplicates, "near_duplicates"),
    ):
        n = int(getattr(result, attr, 0) or 0)
        if n:
            counter.labels(origin).inc(n)


@_safe
def items_fetched(n: int = 1, origin: str = "feed") -> None:
    """Items read from a source before dedup: feed items, or dump articles segmented."""
    if n:
        _m().items_fetched.labels(origin).inc(n)


@_safe
def articles_stored(n: int = 1, origin: str = "feed") -> None:
    if n:
        _m().articles_stored.labels(origin).inc(n)


@_safe
def articles_updated(n: int = 1, origin: str = "feed") -> None:
    if n:
        _m().articles_updated.labels(origin).inc(n)


@_safe
def duplicates(n: int = 1, origin: str = "feed") -> None:
    if n:
        _m().duplicates.labels(origin).inc(n)


@_safe
def near_duplicates(n: int = 1, origin: str = "feed") -> None:
    if n:
        _m().near_duplicates.labels(origin).inc(n)


@_safe
def match(rule_id: str, n: int = 1) -> None:
    """One stored match of ``rule_id`` (``"covid-origins"`` or ``"@who"``)."""
    if n:
        _m().matches.labels(rule_id).inc(n)


@_safe
def matches(rule_ids: Iterable[str]) -> None:
    """Several stored matches at once (one per item of ``rule_ids``)."""
    counter = _m().matches
    for rule_id in rule_ids:
        counter.labels(rule_id).inc()


@_safe
def alert(watch_id: str, origin: str = "feed", n: int = 1) -> None:
    """An alert raised for ``watch_id``; origin is feed, backfill or apply."""
    if n:
        _m().alerts.labels(watch_id, origin).inc(n)


@_safe
def alerts(watch_ids: Iterable[str], origin: str = "feed") -> None:
    """Several alerts at once, one per item of ``watch_ids``."""
    counter = _m().alerts
    for watch_id in watch_ids:
        counter.labels(watch_id, origin).inc()


@_safe
def delivery(outcome: str, latency_s: float | None = None, channel: str = "webhook") -> None:
    """One delivery attempt. ``latency_s`` (article first seen → delivered) is
    observed only for delivered outcomes."""
    m = _m()
    m.delivery_attempts.labels(channel, outcome).inc()
    if latency_s is not None and outcome == "delivered":
        m.delivery_latency.labels(channel).observe(max(0.0, latency_s))


@_safe
def feed_poll(outcome: str, seconds: float) -> None:
    """One feed poll: ``outcome`` is ok, not_modified or error."""
    m = _m()
    m.feed_polls.labels(outcome).inc()
    m.feed_poll_seconds.observe(max(0.0, seconds))
    if outcome == "error":
        m.feed_poll_failures.inc()


@_safe
def digest(outcome: str, n: int = 1) -> None:
    """An email digest sent or failed."""
    if n:
        _m().digests.labels(outcome).inc(n)


@_safe
def backfill_job(status: str) -> None:
    """A backfill job finished (done or failed)."""
    _m().backfill_jobs.labels(status).inc()


# ---- Celery ---------------------------------------------------------------------

_server: tuple[Any, threading.Thread] | None = None
_celery_hooks_installed = False


def serve_configured_port() -> int | None:
    """Start the server on ``settings.metrics_port`` once per process (no-op if unset)."""
    global _server
    from worker.config import get_settings

    port = get_settings().metrics_port
    if port is None or _server is not None:
        return _server[0].server_port if _server else None
    try:
        _server = start_metrics_server(port)
    except OSError as exc:  # port taken (a second worker on this host): keep working
        log.warning("metrics server not started on port %s: %s", port, exc)
        return None
    return _server[0].server_port


def install_celery_hooks() -> None:
    """Multiprocess metrics for any Celery worker (``newswatch run`` or a plain
    ``celery worker``): the main process picks the folder before the pool forks
    and serves ``settings.metrics_port``; a dead child's live gauges are dropped."""
    global _celery_hooks_installed
    if _celery_hooks_installed:
        return
    from celery import signals

    def _worker_init(**_: Any) -> None:
        configure_multiprocess()
        serve_configured_port()

    def _process_shutdown(pid: int | None = None, **_: Any) -> None:
        mark_process_dead(pid or os.getpid())

    signals.worker_init.connect(_worker_init, weak=False)
    signals.worker_process_shutdown.connect(_process_shutdown, weak=False)
    _celery_hooks_installed = True


# ---- deliveries: outcomes and latency from article first seen to delivered ---------------


def _latencies(engine: Any, delivery_ids: list[int]) -> list[float]:
    """Seconds from each delivery's article first stored to the delivery."""
    from datetime import UTC

    from sqlalchemy import select

    from worker.store.models import Alert, Article, Delivery

    d, al, a = Delivery.__table__, Alert.__table__, Article.__table__  # type: ignore[attr-defined]
    joined = d.join(al, al.c.id == d.c.alert_id).join(a, a.c.id == al.c.article_id)
    out: list[float] = []
    for i in range(0, len(delivery_ids), 500):
        stmt = (
            select(d.c.delivered_at, a.c.created_at)
            .select_from(joined)
            .where(d.c.id.in_(delivery_ids[i : i + 500]), d.c.delivered_at.is_not(None))
        )
        with engine.connect() as conn:
            for delivered, seen in conn.execute(stmt):
                if delivered is None or seen is None:
                    continue
                delivered = delivered if delivered.tzinfo else delivered.replace(tzinfo=UTC)
                seen = seen if seen.tzinfo else seen.replace(tzinfo=UTC)
                out.append(max(0.0, (delivered - seen).total_seconds()))
    return out


@_safe
def webhook_outcomes(engine: Any, updates: list[dict[str, Any]]) -> None:
    """Record a round of webhook attempts from the sender's row updates
    (``b_id``, ``b_status``: delivered, failed = will retry, dead, disabled)."""
    m = _m()
    delivered: list[int] = []
    for row in updates:
        status = str(row.get("b_status"))
        m.delivery_attempts.labels("webhook", status).inc()
        if status == "delivered":
            delivered.append(int(row["b_id"]))
    for seconds in _latencies(engine, delivered) if delivered else ():
        m.delivery_latency.labels("webhook").observe(seconds)


@_safe
def digest_result(engine: Any, digest_id: int, ok: bool) -> None:
    """A digest sent (its alerts' email deliveries delivered) or failed."""
    from sqlalchemy import select

    from worker.store.models import Delivery

    m = _m()
    m.digests.labels("sent" if ok else "failed").inc()
    d = Delivery.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        ids = [
            int(i) for i in conn.execute(select(d.c.id).where(d.c.digest_id == digest_id)).scalars()
        ]
    m.delivery_attempts.labels("email", "delivered" if ok else "failed").inc(len(ids))
    for seconds in _latencies(engine, ids) if ok and ids else ():
        m.delivery_latency.labels("email").observe(seconds)
