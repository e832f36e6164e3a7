"""A worker killed with ``kill -9`` while fetching (issue 6).

A feed server that stalls one feed's response keeps a real ``newswatch run``
process (Celery parent, pool child and beat: the whole process group) in the
middle of the request; the group is SIGKILLed and a new worker started. The
feed's claim (its ``next_due_at`` pushed one interval ahead) survives the
crash, so the new worker polls it again on schedule, without a manual step;
its items are stored once, alerted once and their webhooks received once.

Killed while backfilling: tests/test_worker_cluster.py and
tests/test_backfill_resume.py. Killed while delivering:
tests/test_deliver_webhook.py::test_sender_killed_mid_request_resends_with_the_same_webhook_id.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest
from support_faults import (
    FarmServer,
    FeedFarm,
    add_feeds,
    kill_group,
    ledger,
    marker_rules,
    start_run,
    stop_group,
    wait_log,
    worker_env,
)

from worker.store.db import get_engine
from worker.store.queries import SOURCE

INTERVAL = 30  # the pipeline's floor: a claimed feed is next due 30 s later at the earliest


def _wait(cond, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} did not happen within {timeout} s")


def _polled_lines(log: Path, source_id: int) -> list[dict]:
    out = []
    for line in log.read_text(errors="replace").splitlines():
        if '"feed polled"' not in line:
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if rec.get("source_id") == source_id:
            out.append(rec)
    return out


@pytest.mark.slow
def test_worker_killed_mid_fetch_polls_again_on_schedule(
    tmp_path: Path, pg_url: str, redis_url: str
) -> None:
    farm = FeedFarm(feeds=3, every=1, period=1e9)
    farm.frozen_gen = 3  # four items per feed, no new ones
    farm.stall = {0}
    eng = get_engine(pg_url)
    with FarmServer(farm) as srv:
        rules = marker_rules(tmp_path, webhook=f"{srv.base}/hook")
        add_feeds(eng, [srv.feed_url(k) for k in range(3)], INTERVAL)
        with eng.connect() as conn:
            stalled_id = (
                conn.execute(SOURCE.select().where(SOURCE.c.url == srv.feed_url(0))).one().id
            )
        env = worker_env(pg_url, redis_url, rules, tmp_path)
        first = start_run(env, tmp_path / "w1.log")
        second = None
        try:
            _wait(lambda: farm.stalled_hits >= 1, 60, "the worker reaching the stalled feed")
            t_kill = time.monotonic()
            kill_group(first)  # mid-request: the response never came
            farm.released.set()
            second = start_run(env, tmp_path / "w2.log")
            published = farm.expected_guids()
            assert len(published) == 12

            def complete() -> bool:
                led = ledger(eng)
                hooked = Counter(i for _, ids in farm.hooks for i in ids)
                return set(led.stored) >= published and all(hooked[i] for i in led.alert_ids)

            _wait(complete, INTERVAL + 60, "every item stored and delivered after the restart")
            time.sleep(3)  # room for a double to show up
            led = ledger(eng)
        finally:
            stop_group(first)
            if second is not None:
                stop_group(second)
    assert set(led.stored) == published
    assert all(n == 1 for n in led.stored.values()), "an item stored twice"
    assert all(n == 1 for n in led.alerts.values()) and len(led.alerts) == len(published)
    hooked = Counter(i for _, ids in farm.hooks for i in ids)
    assert all(hooked[i] == 1 for i in led.alert_ids), "an alert delivered twice"
    polls0 = sorted(farm.polls[0])
    assert len(polls0) >= 2 and polls0[-1] > t_kill, "the stalled feed was polled again"
    # The clear log line: the new worker reports the stalled feed's poll.
    wait_log(tmp_path / "w2.log", '"feed polled"', timeout=5)
    recs = _polled_lines(tmp_path / "w2.log", stalled_id)
    assert recs and recs[-1].get("status") == "ok", recs
