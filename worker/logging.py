"""Structured logs that let one follow an article from fetch to delivery.

Every record carries the ids bound in its context (``source_id``, ``article_id``,
``alert_id``, ``delivery_id``, ``job_id``, ``task_id``, …) plus whatever the call
site passes in ``extra=``. Output is one JSON object per line when stderr is not
a terminal (or ``NEWSWATCH_LOG_JSON=true``), so ``jq 'select(.article_id==42)'``
shows one article's whole path; on a terminal it is a readable line with the
ids appended.

Usage::

    from worker.logging import log_context
    log = logging.getLogger(__name__)
    with log_context(source_id=src.id):
        log.info("polled feed", extra={"items": 12})

Celery: :func:`install_celery_hooks` (called where the Celery app is built)
makes Celery leave logging to :func:`configure_logging` and binds ``task_id``
and ``task`` around every task.
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TextIO

# Ids worth following; any other ``extra=`` key is logged too.
CONTEXT_KEYS = (
    "source_id",
    "article_id",
    "alert_id",
    "delivery_id",
    "digest_id",
    "job_id",
    "task_id",
    "task",
    "watch_id",
    "rule_id",
    "message_id",
)

# Immutable by convention: bind() always sets a new dict, never mutates one.
_EMPTY: dict[str, Any] = {}
_context: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("newswatch_log_context")

# Attributes every LogRecord has; anything else on a record came from ``extra=``.
_STANDARD_ATTRS = frozenset(
    vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None)).keys()
) | {"message", "asctime", "color_message"}

# user:password@ in URLs (SMTP, Redis, PostgreSQL) never reaches a log line.
_CREDENTIALS = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s:]*(:[^/@\s]*)?@")


def redact(text: str) -> str:
    """Hide credentials embedded in URLs."""
    return _CREDENTIALS.sub(r"\g<scheme>***@", text)


def current_context() -> dict[str, Any]:
    """The ids bound in this context (a copy)."""
    return dict(_context.get(_EMPTY))


def bind(**ids: Any) -> contextvars.Token[dict[str, Any]]:
    """Add ids to the current context; pass the token to :func:`unbind` to undo."""
    merged = {**_context.get(_EMPTY), **{k: v for k, v in ids.items() if v is not None}}
    return _context.set(merged)


def unbind(token: contextvars.Token[dict[str, Any]]) -> None:
    _context.reset(token)


@contextmanager
def log_context(**ids: Any) -> Iterator[None]:
    """Bind ids for the records logged inside the block (threads and tasks safe)."""
    token = bind(**ids)
    try:
        yield
    finally:
        unbind(token)


def record_fields(record: logging.LogRecord) -> dict[str, Any]:
    """Context ids and ``extra=`` fields of a record, ids first."""
    fields = dict(getattr(record, "nw_context", None) or _context.get(_EMPTY))
    for key, value in vars(record).items():
        if key not in _STANDARD_ATTRS and key != "nw_context" and not key.startswith("_"):
            fields[key] = value
    return fields


class ContextFilter(logging.Filter):
    """Snapshot the context onto the record where it was made (handlers may run later)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "nw_context"):
            record.nw_context = _context.get(_EMPTY)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, ids, extras, exc."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        for key, value in record_fields(record).items():
            doc.setdefault(key, _jsonable(value))
        if record.exc_info:
            doc["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(doc, ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    """``time level logger: message  key=value …`` for terminals and plain files."""

    def __init__(self, with_time: bool = True) -> None:
        super().__init__()
        self.with_time = with_time

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={_short(v)}" for k, v in record_fields(record).items())
        head = redact(record.getMessage())
        line = f"{head}  {fields}" if fields else head
        if self.with_time:
            ts = datetime.fromtimestamp(record.created, UTC).strftime("%H:%M:%S")
            line = f"{ts} {record.levelname:<7} {record.name}: {line}"
        if record.exc_info:
            line += "\n" + redact(self.formatException(record.exc_info))
        return line


def _jsonable(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple | dict):
        return json.loads(json.dumps(value, default=str))
    return redact(str(value))


def _short(value: Any) -> str:
    text = redact(str(value))
    return text if len(text) <= 120 else text[:117] + "..."


def _want_json(stream: TextIO, json_output: bool | None) -> bool:
    if json_output is not None:
        return json_output
    from worker.config import get_settings

    setting = get_settings().log_json
    if setting is not None:
        return setting
    isatty = getattr(stream, "isatty", None)
    return not (isatty and isatty())


def configure_logging(
    level: int | str | None = None,
    *,
    json_output: bool | None = None,
    stream: TextIO | None = None,
) -> logging.Handler:
    """Install one handler on the root logger (idempotent: replaces ours).

    ``level`` defaults to ``NEWSWATCH_LOG_LEVEL`` or INFO. Chatty libraries
    (httpx, kombu, amqp) are held at WARNING so the ids stay readable.
    """
    lvl = level or os.environ.get("NEWSWATCH_LOG_LEVEL", "INFO")
    if _want_json(stream or sys.stderr, json_output):
        handler: logging.Handler = (
            logging.StreamHandler(stream) if stream is not None else _StderrHandler()
        )
        handler.setFormatter(JsonFormatter())
    else:
        handler = _terminal_handler(stream)
    handler.addFilter(ContextFilter())
    handler.set_name("newswatch")
    root = logging.getLogger()
    for old in list(root.handlers):
        if old.get_name() == "newswatch":
            root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(lvl if isinstance(lvl, int) else str(lvl).upper())
    for noisy in ("httpx", "httpcore", "kombu", "amqp", "urllib3", "watchfiles", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at emit time (it may be swapped, e.g.
    by test runners, after logging was configured)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


def _terminal_handler(stream: TextIO | None) -> logging.Handler:
    """rich's handler when rich can draw on ``stream``; plain lines otherwise."""
    try:
        from rich.console import Console
        from rich.logging import RichHandler
    except ImportError:  # pragma: no cover - rich is a dependency
        handler = logging.StreamHandler(stream) if stream is not None else _StderrHandler()
        handler.setFormatter(PlainFormatter())
        return handler
    handler = RichHandler(
        # file=None: rich writes to the current sys.stderr at each call.
        console=Console(file=stream, stderr=stream is None),
        show_path=False,
        rich_tracebacks=False,
        markup=False,
    )
    handler.setFormatter(PlainFormatter(with_time=False))
    return handler


# ---- Celery -----------------------------------------------------------------

_celery_hooks_installed = False


def install_celery_hooks() -> None:
    """Let our logging, not Celery's, configure each worker process, and put
    ``task_id``/``task`` into every record logged while a task runs."""
    global _celery_hooks_installed
    if _celery_hooks_installed:
        return
    from celery import signals

    tokens: dict[str, contextvars.Token[dict[str, Any]]] = {}

    def _setup_logging(loglevel: int | str | None = None, **_: Any) -> None:
        # Connecting to setup_logging stops Celery from hijacking the root logger.
        configure_logging(loglevel)

    def _process_init(**_: Any) -> None:
        configure_logging()

    def _prerun(task_id: str | None = None, task: Any = None, **_: Any) -> None:
        if task_id:
            tokens[task_id] = bind(task_id=task_id, task=getattr(task, "name", None))

    def _postrun(task_id: str | None = None, **_: Any) -> None:
        token = tokens.pop(task_id or "", None)
        if token is not None:
            try:
                unbind(token)
            except ValueError:  # token from another context: just clear
                _context.set({})

    signals.setup_logging.connect(_setup_logging, weak=False)
    signals.worker_process_init.connect(_process_init, weak=False)
    signals.task_prerun.connect(_prerun, weak=False)
    signals.task_postrun.connect(_postrun, weak=False)
    _celery_hooks_installed = True
