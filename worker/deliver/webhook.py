"""Signed webhooks with durable retries (the Standard Webhooks scheme).

Each due ``delivery`` row is *claimed* before it is sent: one UPDATE sets
``status='sending'`` and moves ``next_attempt_at`` to a lease expiry, on
PostgreSQL over ``SELECT … FOR UPDATE SKIP LOCKED`` so concurrent workers take
disjoint rows, on SQLite under its single writer lock. The outcome is written
with a compare-and-set on that lease, so a worker whose lease ran out cannot
overwrite a newer claim. A ``sending`` row whose lease expired (its worker
died) is due again and is simply claimed by the next run: that is the sweep.

At-least-once: a crash between the POST and the commit of its outcome resends
the alert after the lease, with the SAME ``webhook-id`` (the row's
``message_id``), so receivers deduplicate on that header as Standard Webhooks
recommends. ``webhook-timestamp`` and the signature are fresh on every attempt.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import math
import os
import random
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import bindparam, select, text, update
from sqlalchemy.engine import Connection, Engine

from worker import metrics
from worker.config import get_settings
from worker.deliver.common import as_engine, get, watch_map, webhook_target
from worker.deliver.health import health_payloads
from worker.deliver.payload import load_alerts
from worker.store.models import Delivery, WebhookEndpoint

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10.0
SEND_THREADS = 8
DRAIN_BATCH = 200
DRAIN_SECONDS = 8.0  # below the 10 s beat of the periodic task
MAX_RETRY_AFTER = 86_400.0


class WebhookConfigError(Exception):
    """The endpoint cannot be signed or found in the rules (e.g. secret unset)."""


@dataclass
class Outcome:
    """What one HTTP attempt came to."""

    kind: str  # "delivered" | "retry" | "gone" | "refused"
    status_code: int | None = None
    error: str | None = None
    retry_after: float | None = None


@dataclass
class Claimed:
    id: int
    alert_id: int | None
    watch_id: str
    target: str
    attempts: int
    message_id: str
    lease: datetime


@dataclass
class DeliveryCounts:
    claimed: int = 0
    requests: int = 0
    delivered: int = 0
    retried: int = 0
    dead: int = 0
    disabled: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "claimed": self.claimed,
            "requests": self.requests,
            "delivered": self.delivered,
            "retried": self.retried,
            "dead": self.dead,
            "disabled": self.disabled,
        }


# ---------------------------------------------------------------- signing ---


def signer_for(target: Any) -> Any | None:
    """A ``standardwebhooks.Webhook`` for the endpoint's secret, or None if it has no
    ``secret_env``. Secrets are ``whsec_<base64>``; anything else is used as raw
    UTF-8 key bytes. Raises WebhookConfigError naming the variable (never its value)."""
    from standardwebhooks import Webhook

    env = get(target, "secret_env") if target is not None else None
    if not env:
        return None
    secret = os.environ.get(env)
    if not secret:
        raise WebhookConfigError(f"signing secret: environment variable {env} is not set")
    try:
        return Webhook(secret) if secret.startswith("whsec_") else Webhook(secret.encode())
    except Exception as exc:  # the library raises several types
        raise WebhookConfigError(
            f"signing secret in {env} is invalid: {type(exc).__name__}"
        ) from None


def signed_headers(signer: Any | None, msg_id: str, body: str) -> dict[str, str]:
    """Standard Webhooks headers; the timestamp is ALWAYS timezone-aware UTC
    (the library signs naive/non-UTC datetimes wrongly)."""
    now = datetime.now(UTC)
    headers = {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(math.floor(now.timestamp())),
    }
    if signer is not None:
        headers["webhook-signature"] = signer.sign(msg_id, now, body)
    return headers


# ---------------------------------------------------------------- sending ---


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, min(float(value), MAX_RETRY_AFTER))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min((when - datetime.now(UTC)).total_seconds(), MAX_RETRY_AFTER))


def post(
    client: httpx.Client, url: str, body: str, headers: dict[str, str], timeout: float
) -> Outcome:
    """One attempt, classified: 2xx delivered, 410 gone, anything else retried.
    The guarded client re-checks the URL (SSRF) and ``deadline`` bounds the whole
    exchange, so a receiver that drips bytes cannot hold a sender forever."""
    from worker.net import UnsafeURLError, deadline

    try:
        with deadline(timeout * 2):
            resp = client.post(url, content=body.encode(), headers=headers)
    except UnsafeURLError as exc:
        # A host that does not resolve may be a passing DNS fault: retry. An
        # address that is not global will not become one: dead-letter at once.
        kind = "retry" if "cannot resolve" in str(exc) else "refused"
        return Outcome(kind, error=str(exc))
    except httpx.TimeoutException as exc:
        return Outcome("retry", error=f"timeout: {type(exc).__name__}")
    except httpx.HTTPError as exc:
        return Outcome("retry", error=f"{type(exc).__name__}: {exc}"[:500])
    except ValueError as exc:  # the transport's own refusal of an unsafe address
        return Outcome("refused", error=str(exc))
    code = resp.status_code
    if 200 <= code < 300:
        return Outcome("delivered", status_code=code)
    if code == 410:
        return Outcome("gone", status_code=code, error="HTTP 410 Gone: endpoint disabled")
    return Outcome(
        "retry",
        status_code=code,
        error=f"HTTP {code}",
        retry_after=_retry_after(resp.headers.get("retry-after")),
    )


def make_webhook_client(timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """The SSRF-guarded client of worker.net; webhooks never follow redirects."""
    from worker.net import make_client

    settings = get_settings()
    return make_client(
        allow_private=settings.allow_private_urls,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
        follow_redirects=False,
        user_agent=settings.user_agent,
        max_connections=SEND_THREADS,
    )


_clients: dict[tuple[int, bool, float], httpx.Client] = {}
_clients_lock = threading.Lock()


def shared_client(timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """One client per process and setting, kept between runs: building one loads
    the CA bundle (~140 ms) and a kept pool reuses connections to receivers.
    Keyed by pid so a forked (prefork) child never shares its parent's sockets."""
    key = (os.getpid(), get_settings().allow_private_urls, timeout)
    with _clients_lock:
        client = _clients.get(key)
        if client is None or client.is_closed:
            client = _clients[key] = make_webhook_client(timeout)
        return client


# ---------------------------------------------------------------- claiming --

_CLAIM_SQL = """
UPDATE delivery SET status = 'sending', attempts = attempts + 1, next_attempt_at = :lease
WHERE id IN (
    SELECT id FROM delivery
    WHERE channel = 'webhook' AND status IN ('pending', 'failed', 'sending')
      AND next_attempt_at <= :now
    ORDER BY next_attempt_at, id
    LIMIT :limit{lock}
)
RETURNING id, alert_id, watch_id, target, attempts, message_id
"""


def claim_due(engine: Engine, now: datetime, limit: int, lease_seconds: float) -> list[Claimed]:
    """Atomically take up to ``limit`` due webhook rows (including expired leases)."""
    lease = now + timedelta(seconds=lease_seconds)
    lock = " FOR UPDATE SKIP LOCKED" if engine.dialect.name == "postgresql" else ""
    stmt = text(_CLAIM_SQL.format(lock=lock)).bindparams(
        bindparam("lease", type_=Delivery.__table__.c.next_attempt_at.type),
        bindparam("now", type_=Delivery.__table__.c.next_attempt_at.type),
    )
    with engine.begin() as conn:
        rows = conn.execute(stmt, {"lease": lease, "now": now, "limit": limit}).all()
    claimed = [
        Claimed(r.id, r.alert_id, r.watch_id, r.target, r.attempts, r.message_id or "", lease)
        for r in rows
    ]
    for c in claimed:
        if not c.message_id:  # a row written without one still gets a stable id
            c.message_id = f"msg_{hashlib.sha256(str(c.id).encode()).hexdigest()[:32]}"
    return claimed


def _finish(conn: Connection, updates: list[dict[str, Any]]) -> None:
    """Write outcomes only for rows still under our lease (compare-and-set)."""
    if not updates:
        return
    tbl = Delivery.__table__
    stmt = (
        update(tbl)
        .where(tbl.c.id == bindparam("b_id"))
        .where(tbl.c.status == "sending")
        .where(tbl.c.next_attempt_at == bindparam("b_lease"))
        .values(
            status=bindparam("b_status"),
            next_attempt_at=bindparam("b_next"),
            last_error=bindparam("b_error"),
            delivered_at=bindparam("b_delivered"),
        )
    )
    conn.execute(stmt, updates)


def disable_endpoint(conn: Connection, watch_id: str, url: str, reason: str, now: datetime) -> int:
    """Mark the endpoint disabled and its waiting deliveries ``disabled``."""
    ep = WebhookEndpoint.__table__
    found = conn.execute(select(ep.c.id).where(ep.c.watch_id == watch_id, ep.c.url == url)).scalar()
    if found is None:
        conn.execute(
            ep.insert().values(watch_id=watch_id, url=url, disabled_at=now, disabled_reason=reason)
        )
    else:
        conn.execute(
            ep.update().where(ep.c.id == found).values(disabled_at=now, disabled_reason=reason)
        )
    d = Delivery.__table__
    res = conn.execute(
        d.update()
        .where(d.c.watch_id == watch_id, d.c.target == url, d.c.channel == "webhook")
        .where(d.c.status.in_(("pending", "failed")))
        .values(status="disabled", last_error=reason)
    )
    return res.rowcount or 0


def _disabled_endpoints(conn: Connection, pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    if not pairs:
        return set()
    ep = WebhookEndpoint.__table__
    watch_ids = {w for w, _ in pairs}
    rows = conn.execute(
        select(ep.c.watch_id, ep.c.url).where(
            ep.c.watch_id.in_(watch_ids), ep.c.disabled_at.is_not(None)
        )
    ).all()
    return {(r[0], r[1]) for r in rows} & pairs


# ---------------------------------------------------------------- payloads --


def alert_payload(info: dict[str, Any], message_id: str) -> dict[str, Any]:
    """The JSON of one alert (article text left out: receivers get snippets)."""
    article = {k: v for k, v in info["article"].items() if k != "text"}
    return {
        "message_id": message_id,
        "alert": info["alert"],
        "watch": info["watch"],
        "rules": info["rules"],
        "article": article,
    }


def envelope(kind: str, data: dict[str, Any]) -> str:
    """Standard Webhooks' recommended shape: type, timestamp, data."""
    doc = {"type": kind, "timestamp": datetime.now(UTC).isoformat(), "data": data}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def batch_message_id(members: Sequence[Claimed]) -> str:
    """One request carrying several alerts needs one webhook-id; derived from the
    members' own ids so a retry of the same batch carries the same id."""
    if len(members) == 1:
        return members[0].message_id
    joined = "|".join(sorted(m.message_id for m in members))
    return f"msg_{hashlib.sha256(joined.encode()).hexdigest()[:32]}"


# ---------------------------------------------------------------- the loop --


@dataclass
class _Request:
    watch_id: str
    url: str
    members: list[Claimed]
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    outcome: Outcome | None = None


def _next_delay(
    attempts: int, schedule: Sequence[float], retry_after: float | None
) -> float | None:
    """Seconds until the next attempt, or None when the schedule is exhausted."""
    if attempts > len(schedule):
        return None
    base = float(schedule[attempts - 1])
    delay = base * random.uniform(0.8, 1.2)  # jitter: receivers recovering are not stampeded
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


def _plan_requests(
    claimed: list[Claimed],
    watches: dict[str, Any],
    infos: dict[Any, dict[str, Any]],
    health: dict[str, dict[str, Any]] | None = None,
) -> tuple[list[_Request], list[tuple[Claimed, Outcome]]]:
    """Group claimed rows per endpoint into batches, sign them; config errors fail early."""
    groups: dict[tuple[str, str], list[Claimed]] = defaultdict(list)
    for c in claimed:
        groups[(c.watch_id, c.target)].append(c)
    default_batch = max(1, int(get_settings().webhook_batch_size))
    requests: list[_Request] = []
    failed: list[tuple[Claimed, Outcome]] = []
    for (watch_id, url), members in groups.items():
        watch = watches.get(watch_id)
        target = webhook_target(watch, url) if watch is not None else None
        try:
            if target is None:
                raise WebhookConfigError(f"endpoint {url} of watch {watch_id} is not in the rules")
            signer = signer_for(target)
        except WebhookConfigError as exc:
            failed.extend((m, Outcome("retry", error=str(exc))) for m in members)
            continue
        notices = [m for m in members if m.alert_id is None]
        members = [m for m in members if m.alert_id is not None]
        for m in notices:  # source-health notices travel alone
            data = (health or {}).get(m.message_id)
            if data is None:
                failed.append((m, Outcome("dead", error="source no longer exists")))
                continue
            body = envelope("source.health", dict(data, watch={"id": watch_id}))
            req = _Request(watch_id, url, [m], body, signed_headers(signer, m.message_id, body))
            requests.append(req)
        size = max(1, int(get(target, "batch", None) or default_batch))
        for i in range(0, len(members), size):
            chunk = members[i : i + size]
            alive = [m for m in chunk if m.alert_id in infos]
            for m in chunk:
                if m.alert_id not in infos:
                    failed.append((m, Outcome("dead", error="alert no longer exists")))
            if not alive:
                continue
            req = _Request(watch_id, url, alive)
            msg_id = batch_message_id(alive)
            if len(alive) == 1:
                req.body = envelope("alert", alert_payload(infos[alive[0].alert_id], msg_id))
            else:
                items = [alert_payload(infos[m.alert_id], m.message_id) for m in alive]
                req.body = envelope("alert.batch", {"watch": {"id": watch_id}, "alerts": items})
            req.headers = signed_headers(signer, msg_id, req.body)
            requests.append(req)
    return requests, failed


def _record(
    engine: Engine,
    now: datetime,
    requests: list[_Request],
    early: list[tuple[Claimed, Outcome]],
    counts: DeliveryCounts,
) -> None:
    """Write every outcome in one transaction."""
    schedule = get_settings().webhook_retry_schedule
    updates: list[dict[str, Any]] = []
    gone: list[_Request] = []
    results: list[tuple[list[Claimed], Outcome]] = [([c], o) for c, o in early]
    results += [(r.members, r.outcome) for r in requests if r.outcome is not None]
    for members, outcome in results:
        for m in members:
            delay = None
            if outcome.kind == "retry":  # per row: a batch may mix first tries and retries
                delay = _next_delay(m.attempts, schedule, outcome.retry_after)
            row = {
                "b_id": m.id,
                "b_lease": m.lease,
                "b_error": outcome.error,
                "b_delivered": None,
                "b_next": None,
            }
            if outcome.kind == "delivered":
                row.update(b_status="delivered", b_delivered=datetime.now(UTC), b_error=None)
                counts.delivered += 1
                log.info("webhook delivered", extra={"delivery_id": m.id, "alert_id": m.alert_id})
            elif outcome.kind == "gone":
                row.update(b_status="disabled")
                counts.disabled += 1
            elif outcome.kind == "retry" and delay is not None:
                row.update(b_status="failed", b_next=now + timedelta(seconds=delay))
                counts.retried += 1
            else:  # refused, dead, or the schedule is exhausted: dead-letter
                row.update(b_status="dead")
                counts.dead += 1
            updates.append(row)
    gone = [r for r in requests if r.outcome is not None and r.outcome.kind == "gone"]
    with engine.begin() as conn:
        _finish(conn, updates)
        for r in gone:
            counts.disabled += disable_endpoint(conn, r.watch_id, r.url, "HTTP 410 Gone", now)
    metrics.webhook_outcomes(engine, updates)
    for members, outcome in results:
        if outcome.kind != "delivered":
            log.warning(
                "webhook %s to %s: %s (attempt %d)",
                members[0].message_id,
                members[0].target,
                outcome.error,
                members[0].attempts,
            )


def _send_all(client: httpx.Client, requests: list[_Request], timeout: float) -> None:
    """POST every planned request, a few at a time (one slow receiver must not
    hold up the others)."""
    if len(requests) == 1:
        r = requests[0]
        r.outcome = post(client, r.url, r.body, r.headers, timeout)
    elif requests:
        with ThreadPoolExecutor(max_workers=min(SEND_THREADS, len(requests))) as pool:
            outs = pool.map(lambda r: post(client, r.url, r.body, r.headers, timeout), requests)
            for r, o in zip(requests, outs, strict=True):
                r.outcome = o


def deliver_due_webhooks(
    session_or_engine: Any,
    now: datetime | None = None,
    limit: int | None = None,
    *,
    watches: Any = None,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_seconds: float = DRAIN_SECONDS,
) -> dict[str, Any]:
    """Send due webhook deliveries and record the outcomes; returns counts
    (claimed, requests, delivered, retried, dead, disabled, batches).

    With ``limit`` one batch of at most ``limit`` rows is claimed and sent. With
    ``limit=None`` (what the periodic task uses) batches of ``DRAIN_BATCH`` are
    sent until nothing is due or ``max_seconds`` have passed, so a backlog drains
    at full speed instead of one batch per beat. ``watches`` (a RuleSet, mapping
    id → Watch or list) gives each endpoint's ``secret_env`` and ``batch``; None
    loads the configured rules.
    """
    engine = as_engine(session_or_engine)
    if limit is not None:
        return _deliver_batch(engine, now or datetime.now(UTC), limit, watches, client, timeout)
    total: dict[str, Any] = {}
    started = time.monotonic()
    while True:
        counts = _deliver_batch(
            engine, now or datetime.now(UTC), DRAIN_BATCH, watches, client, timeout
        )
        for k, v in counts.items():
            total[k] = total.get(k, 0) + v
        total["batches"] = total.get("batches", 0) + 1
        if counts["claimed"] < DRAIN_BATCH or time.monotonic() - started > max_seconds:
            return total


def _deliver_batch(
    engine: Engine,
    now: datetime,
    limit: int,
    watches: Any,
    client: httpx.Client | None,
    timeout: float,
) -> dict[str, Any]:
    """Claim up to ``limit`` due rows, send them, record the outcomes."""
    counts = DeliveryCounts()
    rounds = math.ceil(max(1, limit) / SEND_THREADS)
    claimed = claim_due(engine, now, limit, lease_seconds=60 + 2 * timeout * rounds)
    counts.claimed = len(claimed)
    if not claimed:
        return counts.as_dict()
    if watches is None:
        from worker.deliver.common import load_watches

        watches = load_watches()
    wmap = watch_map(watches)
    with engine.connect() as conn:
        off = _disabled_endpoints(conn, {(c.watch_id, c.target) for c in claimed})
        infos: dict[Any, dict[str, Any]] = dict(
            load_alerts(conn, [c.alert_id for c in claimed if c.alert_id is not None])
        )
        health = health_payloads(conn, [c.message_id for c in claimed if c.alert_id is None])
    early = [
        (c, Outcome("gone", error="endpoint disabled"))
        for c in claimed
        if (c.watch_id, c.target) in off
    ]
    live = [c for c in claimed if (c.watch_id, c.target) not in off]
    requests, failed = _plan_requests(live, wmap, infos, health)
    early += failed
    _send_all(client or shared_client(timeout), requests, timeout)
    counts.requests = len(requests)
    _record(engine, now, requests, early, counts)
    return counts.as_dict()


def ping(
    watch: Any, *, client: httpx.Client | None = None, timeout: float = DEFAULT_TIMEOUT
) -> list[tuple[str, Outcome]]:
    """A signed ``ping`` to every endpoint of ``watch`` (for ``webhooks test``)."""
    from worker.deliver.outbox import new_message_id

    own = client is None
    client = client or make_webhook_client(timeout)
    results: list[tuple[str, Outcome]] = []
    try:
        for target in get(watch, "webhooks", None) or []:
            url = str(get(target, "url"))
            try:
                signer = signer_for(target)
            except WebhookConfigError as exc:
                results.append((url, Outcome("refused", error=str(exc))))
                continue
            msg_id = new_message_id()
            body = envelope("ping", {"watch": {"id": str(get(watch, "id"))}})
            headers = signed_headers(signer, msg_id, body)
            results.append((url, post(client, url, body, headers, timeout)))
    finally:
        if own:
            client.close()
    return results


def requeue(session_or_engine: Any, delivery_id: int | None = None) -> int:
    """Failed or dead webhook deliveries (one, or all with ``None``) → pending, due
    now, attempts reset so the full retry schedule applies again. The message id
    is kept: a receiver that did get an earlier attempt still deduplicates."""
    engine = as_engine(session_or_engine)
    d = Delivery.__table__
    stmt = (
        d.update()
        .where(d.c.channel == "webhook", d.c.status.in_(("failed", "dead")))
        .values(status="pending", attempts=0, next_attempt_at=datetime.now(UTC))
    )
    if delivery_id is not None:
        stmt = stmt.where(d.c.id == delivery_id)
    with engine.begin() as conn:
        return conn.execute(stmt).rowcount or 0
