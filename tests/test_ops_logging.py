"""Structured logs: JSON lines with context ids off a terminal, readable lines on
one, credentials redacted, and Celery task ids bound around every task."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterator

import pytest

from worker.logging import configure_logging, current_context, log_context

log = logging.getLogger("newswatch.test")


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _json_lines(buf: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buf.getvalue().splitlines() if line.strip()]


def test_json_lines_carry_context_ids_and_extras(restore_root: None) -> None:
    buf = io.StringIO()
    configure_logging(json_output=True, stream=buf)
    with log_context(source_id=3, job_id=9):
        log.info("stored %d articles", 2, extra={"article_id": 41})
        with log_context(alert_id=7):
            log.warning("alert raised")
    log.info("outside")
    first, second, third = _json_lines(buf)
    assert first["msg"] == "stored 2 articles" and first["level"] == "info"
    assert (first["source_id"], first["job_id"], first["article_id"]) == (3, 9, 41)
    assert second["alert_id"] == 7 and second["source_id"] == 3
    assert "source_id" not in third and "alert_id" not in third
    assert first["ts"].endswith("+00:00")


def test_credentials_never_reach_the_log(restore_root: None) -> None:
    buf = io.StringIO()
    configure_logging(json_output=True, stream=buf)
    log.error("cannot reach smtp://mailer:hunter2@mail.example.org:587",
              extra={"url": "postgresql+psycopg://nw:s3cret@db/nw"})  # fmt: skip
    out = buf.getvalue()
    assert "hunter2" not in out and "s3cret" not in out
    doc = _json_lines(buf)[0]
    assert doc["msg"] == "cannot reach smtp://***@mail.example.org:587"
    assert doc["url"] == "postgresql+psycopg://***@db/nw"


def test_exceptions_are_one_json_object(restore_root: None) -> None:
    buf = io.StringIO()
    configure_logging(json_output=True, stream=buf)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        log.exception("poll failed", extra={"source_id": 5})
    (doc,) = _json_lines(buf)
    assert doc["source_id"] == 5 and "RuntimeError: boom" in doc["exc"]


def test_terminal_output_is_readable(restore_root: None) -> None:
    buf = io.StringIO()
    configure_logging(json_output=False, stream=buf)
    with log_context(delivery_id=12):
        log.info("delivered", extra={"attempts": 3})
    text = buf.getvalue()
    assert "delivered" in text and "delivery_id=12" in text and "attempts=3" in text
    assert not text.lstrip().startswith("{")


def test_json_is_the_default_off_a_terminal(
    restore_root: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSWATCH_LOG_JSON", raising=False)
    buf = io.StringIO()  # not a TTY
    configure_logging(stream=buf)
    log.info("hello")
    assert json.loads(buf.getvalue())["msg"] == "hello"
    monkeypatch.setenv("NEWSWATCH_LOG_JSON", "false")
    from worker.config import get_settings

    get_settings.cache_clear()
    buf2 = io.StringIO()
    configure_logging(stream=buf2)
    log.info("hello")
    assert not buf2.getvalue().startswith("{")


def test_configure_twice_keeps_one_handler(restore_root: None) -> None:
    configure_logging(json_output=True, stream=io.StringIO())
    configure_logging(json_output=True, stream=io.StringIO())
    ours = [h for h in logging.getLogger().handlers if h.get_name() == "newswatch"]
    assert len(ours) == 1


def test_context_is_per_thread() -> None:
    seen: dict[str, dict] = {}

    def work(name: str, article_id: int) -> None:
        with log_context(article_id=article_id):
            threading.Event().wait(0.01)
            seen[name] = current_context()

    threads = [threading.Thread(target=work, args=(f"t{i}", i)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    assert seen == {f"t{i}": {"article_id": i} for i in range(4)}


def test_celery_tasks_log_their_task_id(restore_root: None) -> None:
    from celery import Celery

    from worker.logging import install_celery_hooks

    install_celery_hooks()
    app = Celery("nw-log-test", broker="memory://")
    app.conf.task_always_eager = True
    buf = io.StringIO()
    configure_logging(json_output=True, stream=buf)

    @app.task(name="newswatch.test_log_task")
    def task(article_id: int) -> None:
        with log_context(article_id=article_id):
            log.info("matched")

    result = task.apply(args=(77,), task_id="task-abc")
    assert result.successful()
    log.info("after")
    during, after = [d for d in _json_lines(buf) if d["logger"] == "newswatch.test"]
    assert during["task_id"] == "task-abc" and during["task"] == "newswatch.test_log_task"
    assert during["article_id"] == 77
    assert "task_id" not in after
