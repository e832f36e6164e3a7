"""Metrics: the one-line recorders, multiprocess aggregation across real
processes (spawned and forked, as Celery's prefork pool does), and a real HTTP
scrape of the metrics server."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support_ops import metrics_server, sample, samples, scrape
from worker import metrics


@pytest.fixture(autouse=True)
def _fresh_metrics() -> Iterator[None]:
    """Every test starts from zeroed in-process metrics and leaves them so."""
    metrics.reset_in_process()
    yield
    metrics.reset_in_process()


def test_recorders_count_in_process() -> None:
    metrics.items_fetched(7, origin="backfill")
    metrics.articles_stored(5, origin="backfill")
    metrics.duplicates(1, origin="backfill")
    metrics.near_duplicates(1, origin="backfill")
    metrics.matches(["@who", "outbreak", "@who"])
    metrics.match("outbreak")
    metrics.alert("health-desk", "backfill")
    metrics.delivery("retry", channel="webhook")
    metrics.delivery("delivered", 12.5, channel="webhook")
    metrics.feed_poll("error", 0.3)
    metrics.feed_poll("not_modified", 0.02)
    text = metrics.render().decode()
    assert sample(text, "newswatch_items_fetched_total", origin="backfill") == 7
    assert sample(text, "newswatch_articles_stored_total", origin="backfill") == 5
    assert sample(text, "newswatch_duplicates_total", origin="backfill") == 1
    assert sample(text, "newswatch_near_duplicates_total", origin="backfill") == 1
    assert samples(text, "newswatch_matches_total", "rule") == {"@who": 2.0, "outbreak": 2.0}
    assert sample(text, "newswatch_alerts_total", watch="health-desk", origin="backfill") == 1
    assert sample(text, "newswatch_delivery_attempts_total", outcome="retry") == 1
    assert sample(text, "newswatch_delivery_attempts_total", outcome="delivered") == 1
    # Latency is observed for delivered attempts only: 12.5 s lands in the <= 30 s bucket.
    assert sample(text, "newswatch_delivery_latency_seconds_count", channel="webhook") == 1
    assert (
        sample(text, "newswatch_delivery_latency_seconds_bucket", channel="webhook", le="10.0") == 0
    )
    assert (
        sample(text, "newswatch_delivery_latency_seconds_bucket", channel="webhook", le="30.0") == 1
    )
    assert sample(text, "newswatch_feed_polls_total", outcome="error") == 1
    assert sample(text, "newswatch_feed_poll_failures_total") == 1
    assert sample(text, "newswatch_feed_poll_seconds_count") == 2


def test_recorders_never_raise_on_bad_input() -> None:
    """A metric must never break the pipeline: a bad value is swallowed."""
    metrics.articles_stored("not a number")  # type: ignore[arg-type]
    metrics.articles_stored(-1)  # counters refuse negatives; swallowed too
    metrics.articles_stored(2)
    assert sample(metrics.render().decode(), "newswatch_articles_stored_total", origin="feed") == 2


_CHILD = """
from worker import metrics
metrics.articles_stored(3, origin="backfill")
metrics.match("@who")
metrics.alert("health-desk", "backfill")
"""


def _forked_child() -> None:
    metrics.articles_stored(10, origin="backfill")
    metrics.match("@who")


def test_multiprocess_sums_spawned_and_forked_processes(tmp_path: Path) -> None:
    """Two separate interpreters and one forked child (Celery's prefork model) write
    their own files; the served registry adds them up with the parent's own counts."""
    folder = metrics.configure_multiprocess(tmp_path / "metrics", clean=True)
    assert os.environ[metrics.MULTIPROC_ENV] == str(folder)
    metrics.articles_stored(1, origin="backfill")  # the parent counts too, before forking
    env = {**os.environ, metrics.MULTIPROC_ENV: str(folder)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", _CHILD], env=env, check=True, timeout=60)
    ctx = multiprocessing.get_context("fork")
    child = ctx.Process(target=_forked_child)
    child.start()
    child.join(timeout=60)
    assert child.exitcode == 0
    text = metrics.render().decode()
    assert sample(text, "newswatch_articles_stored_total", origin="backfill") == 1 + 3 + 3 + 10
    assert sample(text, "newswatch_matches_total", rule="@who") == 3
    assert sample(text, "newswatch_alerts_total", watch="health-desk") == 2
    # One file per process and metric type: the fork did not write into the parent's file.
    pids = {p.stem.rsplit("_", 1)[1] for p in folder.glob("counter_*.db")}
    assert len(pids) == 4


def test_run_start_cleans_old_counts(tmp_path: Path) -> None:
    folder = metrics.configure_multiprocess(tmp_path / "m", clean=True)
    env = {**os.environ, metrics.MULTIPROC_ENV: str(folder)}
    subprocess.run([sys.executable, "-c", _CHILD], env=env, check=True, timeout=60)
    before = metrics.render().decode()
    assert sample(before, "newswatch_articles_stored_total", origin="backfill") == 3
    metrics.configure_multiprocess(folder, clean=True)
    after = metrics.render().decode()
    assert sample(after, "newswatch_articles_stored_total", origin="backfill") == 0
    assert list(folder.iterdir()) == []


def test_http_scrape_in_process() -> None:
    metrics.articles_stored(4)
    metrics.feed_poll("ok", 0.1)
    with metrics_server() as port:
        text = scrape(port)
        assert sample(text, "newswatch_articles_stored_total", origin="feed") == 4
        metrics.articles_stored(1)
        assert sample(scrape(port), "newswatch_articles_stored_total", origin="feed") == 5
    assert sample(text, "newswatch_feed_polls_total", outcome="ok") == 1


def test_http_scrape_multiprocess(tmp_path: Path) -> None:
    """The server reads the files at every scrape, so a worker process's counts
    show up without the server process doing anything."""
    folder = metrics.configure_multiprocess(tmp_path / "metrics", clean=True)
    env = {**os.environ, metrics.MULTIPROC_ENV: str(folder)}
    with metrics_server() as port:
        assert sample(scrape(port), "newswatch_articles_stored_total", origin="backfill") == 0
        subprocess.run([sys.executable, "-c", _CHILD], env=env, check=True, timeout=60)
        text = scrape(port)
    assert sample(text, "newswatch_articles_stored_total", origin="backfill") == 3
    assert sample(text, "newswatch_matches_total", rule="@who") == 1


def test_after_commit_counts_committed_work_only(tmp_path: Path) -> None:
    """A batch rolled back (lost lease, error) is redone: it must count once."""
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        metrics.after_commit(conn, metrics.articles_stored, 2)
    with pytest.raises(RuntimeError), engine.begin() as conn:
        metrics.after_commit(conn, metrics.articles_stored, 100)
        raise RuntimeError("rolled back")
    with engine.connect() as conn:  # returned to the pool without a commit
        metrics.after_commit(conn, metrics.articles_stored, 1000)
    with engine.begin() as conn:  # the next user of the pooled connection
        conn.execute(text("INSERT INTO t VALUES (1)"))
    engine.dispose()
    assert sample(metrics.render().decode(), "newswatch_articles_stored_total") == 2
