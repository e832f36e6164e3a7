"""``newswatch run`` on the embedded defaults (SQLite, filesystem broker, beat in
the same process): a feed added to the database is polled, matched and alerted,
and a backfill job left queued in the database is picked up by the sweep."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select
from support_feeds import serve, static
from support_worker import make_dump, watch_rules_dir

from worker import backfill as bf
from worker.store.db import get_engine
from worker.store.models import Alert, Article
from worker.store.queries import SOURCE, job_rows

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://e/</link>
<description>d</description><item><guid>urn:1</guid><link>http://example.org/a</link>
<title>Report on Xinjiang</title><description>Rights groups said the campaign against Uyghurs
amounts to genocide, and called for sanctions.</description></item></channel></rss>"""


def test_run_polls_feeds_and_resumes_queued_backfills(tmp_path: Path, sqlite_url: str) -> None:
    rules = watch_rules_dir(tmp_path)
    eng = get_engine(sqlite_url)
    job_id = bf.queue_jobs(eng, [make_dump(tmp_path / "d.txt", 30, seed=3)])[0]
    env = {
        **os.environ,
        "NEWSWATCH_DATABASE_URL": sqlite_url,
        "NEWSWATCH_RULES": str(rules),
        "NEWSWATCH_DATA_DIR": str(tmp_path / "state"),
        "NEWSWATCH_ALLOW_PRIVATE_URLS": "true",
        "NEWSWATCH_SWEEP_SECONDS": "1",
    }
    env.pop("NEWSWATCH_BROKER_URL", None)
    cmd = [
        str(Path(sys.executable).parent / "newswatch"),
        "run",
        "--concurrency",
        "1",
        "--loglevel",
        "WARNING",
    ]
    with serve({"/feed": static(RSS)}) as srv:
        with eng.begin() as conn:
            conn.execute(SOURCE.insert(), [{"kind": "feed", "url": srv.url("/feed")}])
        log = (tmp_path / "run.log").open("wb")
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                with eng.connect() as conn:
                    job = job_rows(conn, [job_id])[0]
                    feed_arts = conn.execute(
                        select(func.count())
                        .select_from(Article)
                        .where(Article.canonical_url == "http://example.org/a")
                    ).scalar_one()
                if job["status"] == "done" and feed_arts == 1:
                    break
                assert proc.poll() is None, (tmp_path / "run.log").read_text()[-2000:]
                time.sleep(0.5)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
    assert job["status"] == "done" and job["articles_seen"] > 0, job
    assert feed_arts == 1, (tmp_path / "run.log").read_text()[-2000:]
    with eng.connect() as conn:
        feed_alert = conn.execute(
            select(func.count())
            .select_from(Alert)
            .join(Article, Article.id == Alert.article_id)
            .where(Article.canonical_url == "http://example.org/a")
        ).scalar_one()
    assert feed_alert == 1
    assert srv.count("/feed") >= 1
