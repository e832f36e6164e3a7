"""Email digests: schedules, periods, claiming alerts into exactly one digest.

A watch's ``email.digest`` is ``immediate``, ``hourly``, ``daily HH:MM`` or
``weekly DAY HH:MM``, in ``email.timezone``. The latest boundary at or before
now names the period (its key is that boundary as ISO-8601 with its offset).

Exactly once per alert: one transaction inserts the ``digest`` row (unique per
watch, recipient and period — a second worker's insert conflicts and does
nothing) and moves that recipient's pending email deliveries created up to the
boundary onto it (``status='digest'``). Sending is separate: the digest is
taken with a compare-and-set to ``sending`` (``sent_at`` holds the lease expiry
meanwhile), and a failed send leaves it ``failed`` with its alerts still
claimed, so the next run resends the same digest and claims nothing else for it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import and_, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

from worker import metrics
from worker.config import get_settings
from worker.deliver.common import as_engine, get, watch_map
from worker.store.models import Delivery, Digest

log = logging.getLogger(__name__)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEND_LEASE = timedelta(minutes=10)
_SCHEDULE = re.compile(
    r"^\s*(?:(immediate)|(hourly)|daily\s+(\d{1,2}):(\d{2})|"
    r"weekly\s+([a-z]+)\s+(\d{1,2}):(\d{2}))\s*$",
    re.IGNORECASE,
)


class ScheduleError(ValueError):
    """A digest schedule or timezone that cannot be understood."""


@dataclass(frozen=True)
class Schedule:
    kind: str  # immediate | hourly | daily | weekly
    hour: int = 0
    minute: int = 0
    weekday: int = 0  # Monday = 0

    @classmethod
    def parse(cls, spec: str | None) -> Schedule:
        m = _SCHEDULE.match(spec or "daily 08:00")
        if not m:
            raise ScheduleError(
                f"digest schedule {spec!r}: use immediate, hourly, daily HH:MM or weekly DAY HH:MM"
            )
        if m.group(1):
            return cls("immediate")
        if m.group(2):
            return cls("hourly")
        if m.group(3) is not None:
            return cls._checked("daily", int(m.group(3)), int(m.group(4)))
        day = m.group(5).lower()
        names = [d for d in DAYS if day in (d, FULL_DAYS[DAYS.index(d)])]
        if not names:
            raise ScheduleError(f"digest schedule {spec!r}: unknown day {m.group(5)!r}")
        return cls._checked("weekly", int(m.group(6)), int(m.group(7)), DAYS.index(names[0]))

    @classmethod
    def _checked(cls, kind: str, hour: int, minute: int, weekday: int = 0) -> Schedule:
        if hour > 23 or minute > 59:
            raise ScheduleError(f"digest time {hour:02d}:{minute:02d} is not a time of day")
        return cls(kind, hour, minute, weekday)

    def boundary(self, now: datetime, tz: ZoneInfo) -> datetime:
        """The latest scheduled time at or before ``now`` (aware, in ``tz``)."""
        local = now.astimezone(tz)
        if self.kind == "immediate":
            return local
        if self.kind == "hourly":
            return local.replace(minute=0, second=0, microsecond=0)
        cand = _at(local, self.hour, self.minute, tz)
        if self.kind == "daily":
            return (
                cand if cand <= now else _at(local - timedelta(days=1), self.hour, self.minute, tz)
            )
        back = (local.weekday() - self.weekday) % 7
        cand = _at(local - timedelta(days=back), self.hour, self.minute, tz)
        return (
            cand
            if cand <= now
            else _at(local - timedelta(days=back + 7), self.hour, self.minute, tz)
        )


def _at(day: datetime, hour: int, minute: int, tz: ZoneInfo) -> datetime:
    """``hour:minute`` local time on ``day``'s date (DST gaps resolve forward)."""
    naive = datetime(day.year, day.month, day.day, hour, minute)
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"unknown timezone {name!r}") from None


def period_key(boundary: datetime) -> str:
    """Stable text key of a period: its start as ISO-8601 with offset."""
    return boundary.isoformat(
        timespec="microseconds" if boundary.second or boundary.microsecond else "minutes"
    )


# ------------------------------------------------------------ claiming -----


def _insert_digest(conn: Connection, values: dict[str, Any]) -> int | None:
    """INSERT … ON CONFLICT DO NOTHING RETURNING id (None: another run has it)."""
    ins = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = (
        ins(Digest.__table__)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["watch_id", "recipient", "period_key"])
        .returning(Digest.__table__.c.id)
    )
    return conn.execute(stmt).scalar()


def claim_period(
    engine: Engine, watch_id: str, recipient: str, boundary: datetime, now: datetime
) -> int | None:
    """Create this period's digest and move the pending alerts onto it, atomically.
    Returns the digest id, or None when nothing is pending or the period exists."""
    d = Delivery.__table__
    pending = and_(
        d.c.watch_id == watch_id,
        d.c.channel == "email",
        d.c.target == recipient,
        d.c.status == "pending",
        d.c.created_at <= boundary,
    )
    with engine.begin() as conn:
        if conn.execute(select(d.c.id).where(pending).limit(1)).first() is None:
            return None
        digest_id = _insert_digest(
            conn,
            {
                "watch_id": watch_id,
                "recipient": recipient,
                "period_key": period_key(boundary),
                "status": "pending",
                "attempts": 0,
                "alert_count": 0,
                "created_at": now,
            },
        )
        if digest_id is None:
            return None
        n = conn.execute(
            d.update().where(pending).values(status="digest", digest_id=digest_id)
        ).rowcount
        conn.execute(
            Digest.__table__.update()
            .where(Digest.__table__.c.id == digest_id)
            .values(alert_count=n)
        )
    return digest_id


def _take_for_sending(engine: Engine, digest_id: int, now: datetime) -> bool:
    """Compare-and-set to ``sending`` so two runs never send the same digest;
    a ``sending`` digest whose lease (``sent_at``) expired is taken over."""
    t = Digest.__table__
    stmt = (
        t.update()
        .where(t.c.id == digest_id)
        .where(
            or_(
                t.c.status.in_(("pending", "failed")),
                and_(t.c.status == "sending", t.c.sent_at < now),
            )
        )
        .values(status="sending", sent_at=now + SEND_LEASE, attempts=t.c.attempts + 1)
    )
    with engine.begin() as conn:
        return (conn.execute(stmt).rowcount or 0) == 1


def _unsent(engine: Engine, watch_id: str, recipient: str) -> list[int]:
    t = Digest.__table__
    with engine.connect() as conn:
        rows = conn.execute(
            select(t.c.id)
            .where(t.c.watch_id == watch_id, t.c.recipient == recipient)
            .where(t.c.status.in_(("pending", "failed", "sending")))
            .order_by(t.c.id)
        ).all()
    return [r[0] for r in rows]


# ------------------------------------------------------------ sending ------


def _send_one(engine: Engine, watch: Any, digest_id: int, now: datetime) -> tuple[bool, int]:
    """Render and send one claimed digest; record the result. (ok, alerts)."""
    from worker.deliver.email import build_message, send_smtp, write_eml
    from worker.deliver.payload import load_alerts

    settings = get_settings()
    t, d = Digest.__table__, Delivery.__table__
    with engine.connect() as conn:
        dig = conn.execute(select(t).where(t.c.id == digest_id)).one()
        alert_ids = [
            r[0] for r in conn.execute(select(d.c.alert_id).where(d.c.digest_id == digest_id))
        ]
        infos_by_id = load_alerts(conn, alert_ids)
    infos = [infos_by_id[a] for a in sorted(infos_by_id)]
    label = f"Alerts up to {dig.period_key}"
    error = None
    try:
        msg = build_message(
            watch, dig.recipient, infos, period_label=label, sender=settings.smtp_from
        )
        if settings.smtp_url:
            send_smtp(msg, settings.smtp_url)
        else:
            name = f"{dig.watch_id}-{dig.recipient}-{dig.period_key}"
            write_eml(msg, settings.data_dir / "digests", name)
    except Exception as exc:  # SMTP, network and template errors all mean: retry later
        error = f"{type(exc).__name__}: {exc}"[:500]
        log.warning(
            "digest %s for %s (%s) failed, will retry: %s",
            digest_id,
            dig.recipient,
            dig.watch_id,
            error,
        )
    sent_at = datetime.now(UTC)
    with engine.begin() as conn:
        if error is None:
            conn.execute(
                t.update()
                .where(t.c.id == digest_id)
                .values(status="sent", sent_at=sent_at, last_error=None, alert_count=len(infos))
            )
            conn.execute(
                d.update()
                .where(d.c.digest_id == digest_id)
                .values(status="delivered", delivered_at=sent_at, last_error=None)
            )
        else:
            conn.execute(
                t.update()
                .where(t.c.id == digest_id)
                .values(status="failed", sent_at=None, last_error=error)
            )
            conn.execute(d.update().where(d.c.digest_id == digest_id).values(last_error=error))
    metrics.digest_result(engine, digest_id, error is None)
    return error is None, len(infos)


def send_due_digests(
    session_or_engine: Any,
    watches: Any = None,
    now: datetime | None = None,
    watch_id: str | None = None,
) -> dict[str, int]:
    """Retry unsent digests, claim each due period's pending alerts, send.

    ``watches``: a RuleSet, mapping id → Watch or list (None: the configured
    rules). Returns counts: digests (claimed now), sent, failed, alerts (sent),
    health_notices. A full run (no ``watch_id``) also checks source health, so
    the periodic digest task is all a scheduler needs for email and notices.
    """
    engine = as_engine(session_or_engine)
    now = now or datetime.now(UTC)
    if watches is None:
        from worker.deliver.common import load_watches

        watches = load_watches()
    counts = {"digests": 0, "sent": 0, "failed": 0, "alerts": 0, "health_notices": 0}
    for wid, watch in watch_map(watches).items():
        email = get(watch, "email")
        if email is None or (watch_id is not None and wid != watch_id):
            continue
        try:
            schedule = Schedule.parse(get(email, "digest"))
            boundary = schedule.boundary(now, zone(get(email, "timezone")))
        except ScheduleError as exc:
            log.error("watch %s: %s", wid, exc)
            continue
        for recipient in get(email, "to", None) or []:
            _run_recipient(engine, watch, wid, str(recipient), boundary, now, counts)
    if watch_id is None:
        from worker.deliver.health import check_source_health

        health = check_source_health(engine, watches, now)
        counts["health_notices"] = health["notices"]
        counts["failed"] += health["emails_failed"]
    return counts


def _run_recipient(
    engine: Engine,
    watch: Any,
    wid: str,
    recipient: str,
    boundary: datetime,
    now: datetime,
    counts: dict[str, int],
) -> None:
    new = claim_period(engine, wid, recipient, boundary, now)
    if new is not None:
        counts["digests"] += 1
    for digest_id in _unsent(engine, wid, recipient):
        if not _take_for_sending(engine, digest_id, now):
            continue
        ok, n = _send_one(engine, watch, digest_id, now)
        counts["sent" if ok else "failed"] += 1
        counts["alerts"] += n if ok else 0
