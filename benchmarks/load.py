"""Load run (issue 6): many feeds on a local server, polled by two real worker
processes (``newswatch run`` on Redis + PostgreSQL) while a backfill runs.

New items appear every ``--period`` seconds on a tenth of the feeds (a different
tenth each time); every item carries a marker word that one watch matches and
delivers to a webhook on the same local server. After ``--minutes`` new items
stop, the workers get one more poll interval to drain, and the run checks:

- every published item stored once and alerted once, every alert's webhook
  received once (no alert delivered twice);
- no poll skipped beyond its schedule: from the server's request log, the gap
  between consecutive polls of a feed against its interval;
- memory flat: RSS of each worker's process tree sampled every 10 s.

Baseline for the ratio: the gap is reported as a multiple of the interval (1.0
would be a perfectly punctual scheduler). Everything it starts is stopped on
exit, also on Ctrl-C. Usage:

    uv run python benchmarks/load.py --minutes 10 --feeds 1000
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support_faults import (  # noqa: E402
    FarmServer,
    FeedFarm,
    Ledger,
    add_feeds,
    ledger,
    marker_rules,
    poll_gaps,
    start_run,
    stop_group,
    tree_rss_mb,
    worker_env,
)
from support_worker import make_dump  # noqa: E402


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=10.0, help="how long new items appear")
    p.add_argument("--feeds", type=int, default=1000)
    p.add_argument("--interval", type=int, default=60, help="poll interval of every feed (s)")
    p.add_argument("--period", type=float, default=30.0, help="seconds between new items")
    p.add_argument("--backfill-articles", type=int, default=20000)
    p.add_argument("--db", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    p.add_argument("--broker", default="redis://127.0.0.1:6379/0")
    p.add_argument("--sweep", type=float, default=5.0, help="NEWSWATCH_SWEEP_SECONDS")
    p.add_argument("--drain", type=float, default=None, help="seconds to drain (2 intervals)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON too")
    return p.parse_args(argv)


def _fresh_db(admin_url: str) -> tuple[str, object]:
    """A database of its own on the server (dropped at the end)."""
    from sqlalchemy import create_engine, text

    name = f"nw_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return admin_url.rsplit("/", 1)[0] + f"/{name}", admin


def _drop_db(admin: object, url: str) -> None:
    from sqlalchemy import text

    name = url.rsplit("/", 1)[1]
    with admin.connect() as conn:  # type: ignore[attr-defined]
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
            {"n": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))


def run(a: argparse.Namespace, tmp: Path) -> dict:
    """One load run; returns the figures."""
    from worker import backfill as bf
    from worker.store.db import get_engine, upgrade
    from worker.store.queries import job_rows

    farm = FeedFarm(feeds=a.feeds, period=a.period)
    fresh = a.db.startswith("postgresql") and getattr(a, "fresh_db", True)
    db_url, admin = _fresh_db(a.db) if fresh else (a.db, None)
    upgrade(db_url)
    eng = get_engine(db_url)
    procs: list = []
    rss: dict[str, list[float]] = {"w1": [], "w2": []}
    try:
        with FarmServer(farm) as srv:
            rules = marker_rules(tmp, webhook=f"{srv.base}/hook")
            add_feeds(eng, [srv.feed_url(k) for k in range(a.feeds)], a.interval)
            dump = make_dump(tmp / "dump.txt", a.backfill_articles, seed=7)
            job_id = bf.queue_jobs(eng, [dump])[0]
            env = worker_env(db_url, a.broker, rules, tmp, NEWSWATCH_SWEEP_SECONDS=str(a.sweep))
            env["NEWSWATCH_WEBHOOK_RETRY_SCHEDULE"] = "[5, 30, 60]"
            procs = [
                start_run(env, tmp / "w1.log", beat=True, concurrency=1),
                start_run(env, tmp / "w2.log", beat=False, concurrency=1),
            ]
            t_end = time.monotonic() + a.minutes * 60
            farm.t0 = time.monotonic()
            backfill_done = None
            while time.monotonic() < t_end:
                time.sleep(10)
                for name, p in zip(("w1", "w2"), procs, strict=True):
                    rss[name].append(tree_rss_mb(p.pid))
                    if p.poll() is not None:
                        raise SystemExit(f"worker {name} exited with {p.returncode}")
                if backfill_done is None:
                    with eng.connect() as conn:
                        if job_rows(conn, [job_id])[0]["status"] == "done":
                            backfill_done = time.monotonic() - farm.t0
                _progress(farm, eng, rss)
            farm.freeze()
            published = farm.expected_guids()
            drain = a.drain if a.drain is not None else 2 * a.interval + 3 * a.sweep
            deadline = time.monotonic() + drain
            while time.monotonic() < deadline:
                time.sleep(5)
                led = ledger(eng)
                if set(led.stored) >= published and len(_hooked(farm)) >= len(led.alert_ids):
                    break
            time.sleep(min(15.0, a.sweep * 3))  # a late double would show up here
            led = ledger(eng)
            with eng.connect() as conn:
                job = job_rows(conn, [job_id])[0]
        return _figures(a, farm, published, led, job, backfill_done, rss)
    finally:
        for p in procs:
            stop_group(p)
        eng.dispose()
        if admin is not None:
            _drop_db(admin, db_url)


def _hooked(farm: FeedFarm) -> Counter:
    with farm.lock:
        return Counter(i for _, ids in farm.hooks for i in ids)


def _progress(farm: FeedFarm, eng: object, rss: dict[str, list[float]]) -> None:
    led = ledger(eng)
    polls = sum(len(v) for v in farm.polls.values())
    print(
        f"t={time.monotonic() - farm.t0:5.0f}s gen={farm.gen()} polls={polls} "
        f"stored={len(led.stored)}/{len(farm.expected_guids())} alerts={len(led.alert_ids)} "
        f"hooks={len(farm.hooks)} rss={rss['w1'][-1]:.0f}/{rss['w2'][-1]:.0f} MB",
        flush=True,
    )


def _figures(
    a: argparse.Namespace,
    farm: FeedFarm,
    published: set[str],
    led: Ledger,
    job: dict,
    backfill_done: float | None,
    rss: dict[str, list[float]],
) -> dict:
    """The run's figures (poll gaps include the drain phase)."""
    gaps = poll_gaps(farm, range(a.feeds))
    hooked = _hooked(farm)
    return {
        "feeds": a.feeds,
        "minutes": a.minutes,
        "interval_s": a.interval,
        "polls": sum(len(v) for v in farm.polls.values()),
        "items_published": len(published),
        "items_stored": len(led.stored),
        "items_stored_twice": sum(1 for v in led.stored.values() if v > 1),
        "items_missing": len(published - set(led.stored)),
        "items_alerted": len(led.alerts),
        "items_alerted_twice": sum(1 for v in led.alerts.values() if v > 1),
        "alerts": len(led.alert_ids),
        "alerts_webhooked": sum(1 for i in led.alert_ids if hooked[i] >= 1),
        "alerts_webhooked_twice": sum(1 for i in led.alert_ids if hooked[i] > 1),
        "poll_gap_median_s": round(statistics.median(gaps), 1) if gaps else None,
        "poll_gap_p99_s": round(_pct(gaps, 0.99), 1) if gaps else None,
        "poll_gap_max_s": round(max(gaps), 1) if gaps else None,
        "poll_gap_max_ratio": round(max(gaps) / a.interval, 2) if gaps else None,
        "polls_late_over_2x": sum(1 for g in gaps if g > 2 * a.interval),
        "feeds_never_polled": sum(1 for k in range(a.feeds) if not farm.polls.get(k)),
        "backfill_status": job["status"],
        "backfill_articles_stored": job["articles_stored"],
        "backfill_done_after_s": None if backfill_done is None else round(backfill_done),
        "rss_mb": {
            k: {
                "first": v[0],
                "at_1min": v[min(5, len(v) - 1)],  # after start-up and rule loading
                "last": v[-1],
                "max": max(v),
                "samples": len(v),
            }
            for k, v in rss.items()
            if v
        },
    }


def _pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


def _print(f: dict) -> None:
    print(
        f"{f['feeds']} feeds every {f['interval_s']} s for {f['minutes']} min, "
        f"two `newswatch run` workers, backfill alongside"
    )
    print(
        f"polls {f['polls']}; items published {f['items_published']}, stored "
        f"{f['items_stored']} (twice {f['items_stored_twice']}, missing {f['items_missing']}), "
        f"alerted {f['items_alerted']} (twice {f['items_alerted_twice']})"
    )
    print(
        f"alerts {f['alerts']}, webhook received {f['alerts_webhooked']} "
        f"(twice {f['alerts_webhooked_twice']})"
    )
    print(
        f"poll gap median {f['poll_gap_median_s']} s, p99 {f['poll_gap_p99_s']} s, max "
        f"{f['poll_gap_max_s']} s = {f['poll_gap_max_ratio']}x the interval (baseline 1.0x); "
        f"gaps > 2x interval: {f['polls_late_over_2x']}; feeds never polled: "
        f"{f['feeds_never_polled']}"
    )
    print(
        f"backfill {f['backfill_status']}, {f['backfill_articles_stored']} articles stored, "
        f"done after {f['backfill_done_after_s']} s"
    )
    for k, v in f["rss_mb"].items():
        print(
            f"RSS {k} (process tree): first {v['first']:.0f} MB, at 1 min {v['at_1min']:.0f} MB, "
            f"last {v['last']:.0f} MB, "
            f"max {v['max']:.0f} MB over {v['samples']} samples"
        )


def main(argv: list[str] | None = None) -> int:
    a = _args(argv)
    with tempfile.TemporaryDirectory(prefix="nw-load-") as d:
        figures = run(a, Path(d))
    _print(figures)
    if a.json:
        print(json.dumps(figures))
    ok = (
        figures["items_missing"] == 0
        and figures["items_stored_twice"] == 0
        and figures["items_alerted_twice"] == 0
        and figures["alerts_webhooked_twice"] == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
