"""Which delivery rows an alert gets (pure: no database, no network).

The worker inserts the returned rows in the same transaction as the alert, so
an alert is never stored without its deliveries, nor delivered without being
stored. Each webhook row carries a ``message_id`` chosen once, here: it is the
``webhook-id`` header of every attempt, so receivers can deduplicate retries.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

# Alerts from these origins replay history: they go to digests only, unless the
# watch opts in, so a backfill of years of news does not flood a receiver.
HISTORICAL_ORIGINS = frozenset({"backfill", "apply"})


def _get(obj: Any, name: str, default: Any = None) -> Any:
    """Attribute or mapping access, so a Watch model or a plain dict both work."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def new_message_id() -> str:
    """A Standard Webhooks message id, unique per (alert, endpoint)."""
    return f"msg_{uuid.uuid4().hex}"


def _webhook_urls(watch: Any) -> list[str]:
    urls: list[str] = []
    for target in _get(watch, "webhooks", None) or []:
        url = _get(target, "url")
        if url and url not in urls:
            urls.append(str(url))
    return urls


def _recipients(watch: Any) -> list[str]:
    email = _get(watch, "email", None)
    if email is None:
        return []
    to: Iterable[str] = _get(email, "to", None) or []
    if isinstance(to, str):
        to = [to]
    out: list[str] = []
    for addr in to:
        addr = str(addr).strip()
        if addr and addr not in out:
            out.append(addr)
    return out


def deliveries_for_alert(
    watch: Any, *, alert_id: int, origin: str, now: datetime
) -> list[dict[str, Any]]:
    """Rows for the ``delivery`` table for one new alert of ``watch``.

    One webhook row per endpoint (skipped for historical origins unless
    ``watch.backfill_webhooks``) and one email row per recipient; email rows
    wait for their digest period, webhook rows are due at once.
    """
    watch_id = str(_get(watch, "id"))
    rows: list[dict[str, Any]] = []
    send_hooks = origin not in HISTORICAL_ORIGINS or bool(_get(watch, "backfill_webhooks", False))
    if send_hooks:
        for url in _webhook_urls(watch):
            rows.append(
                {
                    "alert_id": alert_id,
                    "watch_id": watch_id,
                    "channel": "webhook",
                    "target": url,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "message_id": new_message_id(),
                    "created_at": now,
                }
            )
    for addr in _recipients(watch):
        rows.append(
            {
                "alert_id": alert_id,
                "watch_id": watch_id,
                "channel": "email",
                "target": addr,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": now,
                "message_id": None,
                "created_at": now,
            }
        )
    return rows
