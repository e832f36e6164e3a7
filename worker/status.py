"""Health at a glance for ``newswatch status``: everything read from the database,
the broker and the rules folder, nothing written.

A feed is **failing** when its last poll(s) failed, **silent** when it polls fine
but has brought nothing new for longer than ``silent_after`` (or ten of its own
poll intervals, whichever is longer), **ok** otherwise.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from worker.store.models import Alert, Article, BackfillJob, Delivery, Digest, Source

DEFAULT_QUEUES = ("celery",)
# kombu's Redis transport keeps priorities in sibling lists: name, name\x06\x163, ...
_REDIS_PRIORITY_SUFFIXES = ("", "\x06\x163", "\x06\x166", "\x06\x169")


def _aware(ts: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    if ts is None:
        return None
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _iso(ts: datetime | None) -> str | None:
    ts = _aware(ts)
    return ts.isoformat() if ts else None


def feed_state(src: Source, now: datetime, silent_after: timedelta) -> str:
    """ok | failing | silent | inactive."""
    if not src.active:
        return "inactive"
    if src.consecutive_failures > 0:
        return "failing"
    since = _aware(src.last_new_item_at) or _aware(src.created_at)
    window = max(silent_after, timedelta(seconds=10 * max(src.every_seconds, 1)))
    if since is not None and _aware(src.last_success_at) is not None and now - since > window:
        return "silent"
    return "ok"


def feeds_status(session: Session, now: datetime, silent_after: timedelta) -> dict[str, Any]:
    sources = session.exec(select(Source).where(Source.kind == "feed")).scalars().all()  # type: ignore[call-overload]
    items = []
    counts = {"ok": 0, "failing": 0, "silent": 0, "inactive": 0}
    for src in sources:
        state = feed_state(src, now, silent_after)
        counts[state] += 1
        items.append(
            {
                "id": src.id,
                "url": src.url,
                "name": src.name,
                "state": state,
                "consecutive_failures": src.consecutive_failures,
                "last_error": src.last_error,
                "last_attempt_at": _iso(src.last_attempt_at),
                "last_success_at": _iso(src.last_success_at),
                "last_new_item_at": _iso(src.last_new_item_at),
                "next_due_at": _iso(src.next_due_at),
            }
        )
    last_poll = max((i["last_attempt_at"] for i in items if i["last_attempt_at"]), default=None)
    return {"total": len(items), **counts, "last_poll": last_poll, "items": items}


def _count_by(session: Session, column: Any) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column)).all()
    return {str(k): int(n) for k, n in rows}


def deliveries_status(session: Session) -> dict[str, Any]:
    by_status = _count_by(session, Delivery.status)
    keys = ("pending", "sending", "failed", "dead", "delivered", "disabled", "digest")
    out: dict[str, Any] = {k: by_status.get(k, 0) for k in keys}
    for k, n in by_status.items():
        out.setdefault(k, n)
    out["by_channel"] = _count_by(session, Delivery.channel)
    return out


def digests_status(session: Session) -> dict[str, Any]:
    last = session.execute(select(func.max(Digest.sent_at))).scalar()
    by_status = _count_by(session, Digest.status)
    return {
        "last_sent_at": _iso(last),
        "sent": by_status.get("sent", 0),
        "pending": by_status.get("pending", 0),
        "failed": by_status.get("failed", 0),
    }


def _progress(job: BackfillJob) -> float:
    if job.size:
        return round(min(job.offset / job.size, 1.0), 4)
    return 1.0 if job.status == "done" else 0.0


def backfills_status(session: Session, limit: int = 5) -> dict[str, Any]:
    by_status = _count_by(session, BackfillJob.status)
    jobs = (
        session.exec(select(BackfillJob).order_by(BackfillJob.id.desc()).limit(limit))  # type: ignore[call-overload, union-attr]
        .scalars()
        .all()
    )
    recent = [
        {
            "id": j.id,
            "path": j.path,
            "status": j.status,
            "progress": round(j.offset / j.size, 4)
            if j.size
            else (1.0 if j.status == "done" else 0.0),
            "articles_seen": j.articles_seen,
            "articles_stored": j.articles_stored,
            "alerts": j.alerts,
            "error": j.error,
            "finished_at": _iso(j.finished_at),
        }
        for j in jobs
    ]
    return {
        **{k: by_status.get(k, 0) for k in ("queued", "running", "done", "failed")},
        "recent": recent,
    }


def store_status(session: Session, now: datetime) -> dict[str, Any]:
    day_ago = now - timedelta(days=1)
    return {
        "articles": session.execute(select(func.count()).select_from(Article)).scalar() or 0,
        "alerts": session.execute(select(func.count()).select_from(Alert)).scalar() or 0,
        "alerts_24h": session.execute(
            select(func.count()).select_from(Alert).where(Alert.created_at >= day_ago)  # type: ignore[operator]
        ).scalar()
        or 0,
        "last_alert_at": _iso(session.execute(select(func.max(Alert.created_at))).scalar()),
    }


def rules_status(path: Path) -> dict[str, Any]:
    """The rules a worker would load now, and their version (or why they don't load)."""
    try:
        from worker.rules import load_rules

        rs = load_rules(path)
    except ImportError:  # pragma: no cover - rules package missing while building
        return {"path": str(path), "ok": False, "error": "rules support not installed"}
    except Exception as exc:  # RulesError or unreadable folder: report, don't crash status
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return {"path": str(path), "ok": False, "error": first}
    return {
        "path": str(path),
        "ok": True,
        "version": rs.version,
        "entities": len(rs.entities),
        "topics": len(rs.topics),
        "watches": len(rs.watches),
    }


def queue_status(broker_url: str | None, data_dir: Path) -> dict[str, Any]:
    """Messages waiting in the broker: Redis list lengths, or files in the
    embedded broker's folder."""
    if broker_url and broker_url.startswith(("redis://", "rediss://", "unix://")):
        return _redis_depth(broker_url)
    if broker_url:
        return {"broker": broker_url.split(":", 1)[0], "depth": None}
    return _filesystem_depth(data_dir)


def _redis_depth(url: str) -> dict[str, Any]:
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        queues: dict[str, int] = {}
        for q in _queue_names():
            queues[q] = sum(int(client.llen(q + sfx)) for sfx in _REDIS_PRIORITY_SUFFIXES)
        client.close()
    except Exception as exc:
        return {"broker": "redis", "depth": None, "error": f"{type(exc).__name__}: {exc}"}
    return {"broker": "redis", "depth": sum(queues.values()), "queues": queues}


def _filesystem_depth(data_dir: Path) -> dict[str, Any]:
    folder = _filesystem_folder(data_dir)
    if folder is None or not folder.is_dir():
        return {"broker": "filesystem", "depth": 0, "folder": str(folder) if folder else None}
    depth = sum(1 for p in folder.iterdir() if p.is_file() and p.suffix == ".msg")
    return {"broker": "filesystem", "depth": depth, "folder": str(folder)}


def _celery_conf() -> Any | None:
    """The Celery app's configuration, if the worker package provides one."""
    try:
        from worker.tasks import app  # type: ignore[attr-defined]
    except Exception:
        try:
            from worker.celery_app import app  # type: ignore[attr-defined, no-redef]
        except Exception:
            return None
    return app.conf


def _queue_names() -> list[str]:
    conf = _celery_conf()
    # NEWSWATCH_QUEUE (one broker, several deployments) names this deployment's queue.
    names: list[str] = [os.environ["NEWSWATCH_QUEUE"]] if os.environ.get("NEWSWATCH_QUEUE") else []
    if conf is not None and not names:
        names.append(conf.get("task_default_queue") or "celery")
    if conf is not None:
        for q in conf.get("task_queues") or []:
            name = getattr(q, "name", None) or (q if isinstance(q, str) else None)
            if name and name not in names:
                names.append(name)
        for route in (conf.get("task_routes") or {}).values():
            name = route.get("queue") if isinstance(route, dict) else None
            if name and name not in names:
                names.append(name)
    return names or list(DEFAULT_QUEUES)


def _filesystem_folder(data_dir: Path) -> Path | None:
    """The embedded broker's message folder, as the Celery app lays it out."""
    try:
        from worker.celery_app import broker_options
        from worker.config import Settings

        _, opts = broker_options(Settings(data_dir=data_dir, broker_url=None))
        folder = opts.get("data_folder_in") or opts.get("data_folder_out")
        if folder:
            return Path(folder)
    except Exception:  # the worker package may lay it out differently while building
        pass
    for guess in ("broker/queue", "broker/in", "broker"):
        path = Path(data_dir) / guess
        if path.is_dir():
            return path
    return None


def collect_status(
    session: Session,
    *,
    rules_path: Path,
    broker_url: str | None,
    data_dir: Path,
    silent_after: timedelta = timedelta(days=2),
    now: datetime | None = None,
) -> dict[str, Any]:
    """One document with everything ``newswatch status`` shows."""
    now = now or datetime.now(UTC)
    feeds = feeds_status(session, now, silent_after)
    digests = digests_status(session)
    return {
        "generated_at": now.isoformat(),
        "database": _safe_url(str(session.get_bind().url)),
        "feeds": feeds,
        "last_poll": feeds["last_poll"],
        "queue": queue_status(broker_url, data_dir),
        "deliveries": deliveries_status(session),
        "digests": digests,
        "last_digest": digests["last_sent_at"],
        "rules": rules_status(rules_path),
        "backfills": backfills_status(session),
        "store": store_status(session, now),
    }


def _safe_url(url: str) -> str:
    from worker.logging import redact

    return redact(url)
