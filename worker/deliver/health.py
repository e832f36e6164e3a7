"""Source health: tell a watch when a feed keeps failing or has gone silent.

A watch with ``source_health: {failures: N, silent: "2d"}`` is told, through its
own channels, when a feed has failed N times in a row or has brought no new item
for longer than ``silent``. Each problem is an *episode* — a failure streak since
the last success, a silence since the last new item — and each episode is
announced once: its notice id is derived from the watch, source, kind and
episode start, and a delivery row with that id is written only if none exists.

Webhook notices reuse the outbox (``channel='webhook'``, no alert, message id
``msg_health_<source>_<kind>_<hash>``) and so get the same signing, retries and
dead-lettering as alerts. Email notices are rows with ``channel='email-health'``
(so digests never claim them), sent at once by :func:`check_source_health` and
retried by its next run when SMTP fails.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from worker.config import get_settings
from worker.deliver.common import as_engine, aware, get, watch_map
from worker.store.models import Delivery, Source

log = logging.getLogger(__name__)

HEALTH_PREFIX = "msg_health_"
EMAIL_CHANNEL = "email-health"
_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str | int | float | None) -> timedelta | None:
    """``"2d"``, ``"12h"``, ``"30m"`` (or seconds) → timedelta; None stays None."""
    if text is None or text == "":
        return None
    if isinstance(text, int | float):
        return timedelta(seconds=float(text))
    m = _DURATION.match(str(text))
    if not m:
        raise ValueError(f"duration {text!r}: use a number and s, m, h, d or w (e.g. 2d)")
    return timedelta(seconds=int(m.group(1)) * _UNIT[m.group(2).lower()])


def problems(source: Any, health: Any, now: datetime) -> list[tuple[str, str, str]]:
    """(kind, episode, description) for each problem the source has now."""
    out: list[tuple[str, str, str]] = []
    limit = int(get(health, "failures", 5) or 0)
    fails = int(source.consecutive_failures or 0)
    if limit and fails >= limit:
        since = aware(source.last_success_at)
        episode = since.isoformat() if since else "never"
        out.append(("failing", episode, f"failed {fails} times in a row: {source.last_error}"))
    silent = parse_duration(get(health, "silent", None))
    if silent is not None:
        last = aware(source.last_new_item_at) or aware(source.created_at)
        if last is not None and now - last > silent:
            hours = (now - last).total_seconds() / 3600
            out.append(("silent", last.isoformat(), f"no new item for {hours:.0f} h"))
    return out


def notice_id(watch_id: str, source_id: int, kind: str, episode: str) -> str:
    digest = hashlib.sha256(f"{watch_id}|{source_id}|{kind}|{episode}".encode()).hexdigest()
    return f"{HEALTH_PREFIX}{source_id}_{kind}_{digest[:24]}"


def parse_notice_id(message_id: str) -> tuple[int, str] | None:
    """(source id, kind) from a health notice id, None for alert message ids."""
    if not message_id.startswith(HEALTH_PREFIX):
        return None
    try:
        source_id, kind, _ = message_id[len(HEALTH_PREFIX) :].split("_", 2)
        return int(source_id), kind
    except ValueError:
        return None


def health_payloads(conn: Connection, message_ids: list[str]) -> dict[str, dict[str, Any]]:
    """message id → the ``source.health`` webhook data (current state of the source)."""
    parsed = {m: p for m in message_ids if (p := parse_notice_id(m))}
    if not parsed:
        return {}
    src = Source.__table__
    rows = {
        r.id: r
        for r in conn.execute(select(src).where(src.c.id.in_({p[0] for p in parsed.values()})))
    }
    out: dict[str, dict[str, Any]] = {}
    for mid, (source_id, kind) in parsed.items():
        r = rows.get(source_id)
        if r is None:
            continue
        out[mid] = {
            "message_id": mid,
            "problem": kind,
            "source": {
                "id": r.id,
                "url": r.url,
                "name": r.name or r.url,
                "consecutive_failures": r.consecutive_failures,
                "last_error": r.last_error,
                "last_success_at": _iso(r.last_success_at),
                "last_new_item_at": _iso(r.last_new_item_at),
            },
        }
    return out


def _iso(v: Any) -> str | None:
    dt = aware(v)
    return dt.isoformat() if dt else None


def _existing(conn: Connection, ids: set[str]) -> set[tuple[str, str]]:
    d = Delivery.__table__
    rows = conn.execute(select(d.c.message_id, d.c.target).where(d.c.message_id.in_(ids)))
    return {(r[0], r[1]) for r in rows}


def _notice_rows(watch: Any, wid: str, mid: str, now: datetime) -> list[dict[str, Any]]:
    base = {
        "alert_id": None,
        "watch_id": wid,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "message_id": mid,
        "created_at": now,
    }
    rows = [
        dict(base, channel="webhook", target=str(get(t, "url")))
        for t in get(watch, "webhooks", None) or []
    ]
    email = get(watch, "email", None)
    for addr in (get(email, "to", None) or []) if email is not None else []:
        rows.append(dict(base, channel=EMAIL_CHANNEL, target=str(addr)))
    return rows


def _health_message(
    sender: str, recipient: str, wid: str, src: Any, kind: str, what: str
) -> EmailMessage:
    msg = EmailMessage()
    name = src.name or src.url
    msg["Subject"] = f"[newswatch] {wid}: feed {kind}: {name}"
    msg["From"], msg["To"] = sender, recipient
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(
        f'The feed {src.url} watched for "{wid}" is {kind}: {what}.\n'
        f"Last success: {_iso(src.last_success_at) or 'never'}\n"
        f"Last new item: {_iso(src.last_new_item_at) or 'never'}\n"
    )
    return msg


def _send_health_emails(engine: Engine, now: datetime) -> tuple[int, int]:
    """Send pending health emails (this run's and earlier failures)."""
    from worker.deliver.email import send_smtp, write_eml

    settings = get_settings()
    d, src = Delivery.__table__, Source.__table__
    with engine.connect() as conn:
        rows = conn.execute(
            select(d).where(d.c.channel == EMAIL_CHANNEL, d.c.status.in_(("pending", "failed")))
        ).all()
        sources = {r.id: r for r in conn.execute(select(src))}
    sent = failed = 0
    for row in rows:
        parsed = parse_notice_id(row.message_id or "")
        source = sources.get(parsed[0]) if parsed else None
        status, error = "delivered", None
        if source is None:
            status, error = "dead", "source no longer exists"
        else:
            msg = _health_message(
                settings.smtp_from,
                row.target,
                row.watch_id,
                source,
                parsed[1],
                source.last_error or "see the feed list",
            )
            try:
                if settings.smtp_url:
                    send_smtp(msg, settings.smtp_url)
                else:
                    write_eml(msg, settings.data_dir / "digests", f"health-{row.message_id}")
            except Exception as exc:  # SMTP down: retried by the next check
                status, error = "failed", f"{type(exc).__name__}: {exc}"[:500]
                log.warning("health notice %s to %s failed: %s", row.message_id, row.target, error)
        with engine.begin() as conn:
            conn.execute(
                d.update()
                .where(d.c.id == row.id)
                .values(
                    status=status,
                    last_error=error,
                    attempts=d.c.attempts + 1,
                    delivered_at=now if status == "delivered" else None,
                )
            )
        sent += status == "delivered"
        failed += status == "failed"
    return sent, failed


def check_source_health(
    session_or_engine: Any, watches: Any = None, now: datetime | None = None
) -> dict[str, int]:
    """Raise a notice for each new feed problem of each watch that asked for it,
    then send pending health emails. Webhook notices go out with the next
    ``deliver_due_webhooks``. Returns counts: notices, emails_sent, emails_failed."""
    engine = as_engine(session_or_engine)
    now = now or datetime.now(UTC)
    if watches is None:
        from worker.deliver.common import load_watches

        watches = load_watches()
    asking = {
        w: watch
        for w, watch in watch_map(watches).items()
        if get(watch, "source_health", None) is not None
    }
    notices = 0
    if asking:
        src = Source.__table__
        with engine.connect() as conn:
            feeds = conn.execute(
                select(src).where(src.c.kind == "feed", src.c.active.is_(True))
            ).all()
        rows: list[dict[str, Any]] = []
        found: dict[str, str] = {}
        for wid, watch in asking.items():
            for feed in feeds:
                for kind, episode, what in problems(feed, get(watch, "source_health"), now):
                    mid = notice_id(wid, feed.id, kind, episode)
                    rows += _notice_rows(watch, wid, mid, now)
                    found[mid] = f"watch {wid}: feed {feed.url} is {kind}: {what}"
        if rows:
            with engine.begin() as conn:
                have = _existing(conn, {r["message_id"] for r in rows})
                new = [r for r in rows if (r["message_id"], r["target"]) not in have]
                if new:
                    conn.execute(Delivery.__table__.insert(), new)
            for mid in sorted({r["message_id"] for r in new}):
                log.warning("source health notice %s: %s", mid, found[mid])
                notices += 1
    sent, failed = _send_health_emails(engine, now)
    return {"notices": notices, "emails_sent": sent, "emails_failed": failed}
