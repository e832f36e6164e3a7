"""Small helpers shared by the delivery modules: engines, watch lookup, time."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


def as_engine(session_or_engine: Any) -> Engine:
    """Accept an Engine, a Session (its bind) or a database URL."""
    if isinstance(session_or_engine, Engine):
        return session_or_engine
    if isinstance(session_or_engine, str):
        from worker.store.db import get_engine

        return get_engine(session_or_engine)
    bind = session_or_engine.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def aware(dt: datetime | None) -> datetime | None:
    """SQLite hands timestamps back naive; they were stored as UTC."""
    if dt is None:
        return None
    if isinstance(dt, str):
        dt = datetime.fromisoformat(dt)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def get(obj: Any, name: str, default: Any = None) -> Any:
    """Attribute or mapping access, so a Watch model or a plain dict both work."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def watch_map(watches: Any) -> dict[str, Any]:
    """Normalise a RuleSet, a mapping id → Watch or an iterable of watches."""
    if watches is None:
        return {}
    inner = getattr(watches, "watches", None)
    if inner is not None:
        watches = inner
    if isinstance(watches, Mapping):
        return {str(k): v for k, v in watches.items()}
    items: Iterable[Any] = watches
    return {str(get(w, "id")): w for w in items}


_rules_cache: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}


def _fingerprint(path: Path) -> tuple[Any, ...]:
    files = sorted(path.glob("*.y*ml")) if path.is_dir() else [path]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())


def load_watches() -> dict[str, Any]:
    """The watches of the configured rules (cached until a rule file changes, as
    the periodic delivery tasks call this every few seconds). Raises RulesError."""
    from worker.config import get_settings
    from worker.rules import load_rules

    path = Path(get_settings().rules)
    key = _fingerprint(path)
    cached = _rules_cache.get(str(path))
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        watches = watch_map(load_rules(path))
    except Exception:
        if cached is None:
            raise
        log.exception("rules at %s are broken: delivering with the last good ones", path)
        return cached[1]
    _rules_cache[str(path)] = (key, watches)
    return watches


def webhook_target(watch: Any, url: str) -> Any | None:
    """The watch's endpoint definition for ``url`` (secret_env, batch)."""
    for target in get(watch, "webhooks", None) or []:
        if get(target, "url") == url:
            return target
    return None
