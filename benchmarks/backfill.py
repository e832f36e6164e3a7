"""End-to-end backfill throughput, with the time split by stage.

    uv run python benchmarks/backfill.py [--articles 50000] [--files 4]
        [--modes segment,embedded,pg] [--kill]

Generates dumps of news-like articles (tests/support_worker.py: headlines,
bylines, datelines, credits, exact repeats and syndicated copies), then:

- ``segment``: the baseline measured in the same run — segment_file alone
  over the same files, no dedupe, matching or storage;
- ``embedded``: the default configuration — SQLite, no broker, one process
  (what ``newswatch backfill`` does with nothing configured);
- ``pg``: PostgreSQL (127.0.0.1) + Redis with two Celery worker processes
  sharing the queued jobs (one job per file); with ``--kill`` one worker is
  SIGKILLed mid-run and replaced, and the counters are checked against the
  stored rows.

Stage times (segment, dedupe, match, store) are summed over every batch of every
worker (CPU-seconds of work, which can exceed wall time with two workers).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support_pg import create_database, drop_database  # noqa: E402
from support_worker import make_dump, start_celery_worker, watch_rules_dir  # noqa: E402

PG_ADMIN = os.environ.get("NEWSWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("NEWSWATCH_BENCH_REDIS", "redis://127.0.0.1:6379/14")
STAGES = ("segment", "dedupe", "match", "store")


def stage_split(path: Path) -> dict[str, float]:
    out = dict.fromkeys(STAGES, 0.0)
    if path.exists():
        for line in path.read_text().splitlines():
            rec = json.loads(line)
            for s in STAGES:
                out[s] += rec.get(s, 0.0)
    return out


def run_segment_only(paths: list[Path]) -> dict:
    from worker.segment import segment_file

    t0 = time.perf_counter()
    n = sum(1 for p in paths for _ in segment_file(str(p)))
    wall = time.perf_counter() - t0
    return {"articles": n, "wall": wall}


def run_embedded(paths: list[Path], rules: Path, work: Path) -> dict:
    timings = work / "embedded-timings.jsonl"
    env = {
        **os.environ,
        "NEWSWATCH_DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
        "NEWSWATCH_RULES": str(rules),
        "NEWSWATCH_DATA_DIR": str(work / "state"),
        "NEWSWATCH_STAGE_TIMINGS": str(timings),
    }
    env.pop("NEWSWATCH_BROKER_URL", None)
    t0 = time.perf_counter()
    out = subprocess.run(
        [str(Path(sys.executable).parent / "newswatch"), "backfill", *map(str, paths), "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"embedded backfill failed: {out.stderr[-2000:]}")
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    return {"summary": summary, "wall": wall, "stages": stage_split(timings)}


def run_pg(paths: list[Path], rules: Path, work: Path, kill: bool) -> dict:
    import redis
    from celery import Celery
    from sqlalchemy import func, select

    from worker import backfill as bf
    from worker.store.db import get_engine, upgrade
    from worker.store.models import Alert, Article, Match
    from worker.store.queries import job_rows

    redis.Redis.from_url(REDIS).flushdb()
    name, url = create_database(PG_ADMIN, prefix="nw_bench")
    timings = work / "pg-timings.jsonl"
    env = {
        **os.environ,
        "NEWSWATCH_DATABASE_URL": url,
        "NEWSWATCH_BROKER_URL": REDIS,
        "NEWSWATCH_RULES": str(rules),
        "NEWSWATCH_STAGE_TIMINGS": str(timings),
        "NEWSWATCH_BACKFILL_LEASE_SECONDS": "5",
        "NEWSWATCH_DATA_DIR": str(work / "state"),
    }
    procs: list[subprocess.Popen] = []
    client = Celery(broker=REDIS)
    try:
        upgrade(url)
        eng = get_engine(url)
        procs = [
            start_celery_worker("a", env, work / "w.log", host="bench"),
            start_celery_worker("b", env, work / "w.log", host="bench"),
        ]
        time.sleep(3)  # let both workers connect before the clock starts
        t0 = time.perf_counter()
        ids = bf.queue_jobs(eng, paths)
        for job_id in ids:
            client.send_task("newswatch.run_backfill", args=[job_id])
        killed = False
        while True:
            with eng.connect() as conn:
                rows = job_rows(conn, ids)
            if all(r["status"] in ("done", "failed") for r in rows):
                break
            seen = sum(r["articles_seen"] for r in rows)
            total = sum(r["size"] for r in rows)
            if kill and not killed and sum(r["offset"] for r in rows) > total / 3:
                victim = procs[0]
                os.kill(victim.pid, signal.SIGKILL)
                victim.wait()
                procs.append(start_celery_worker("c", env, work / "w.log", host="bench"))
                killed = True
                print(f"  killed worker a (pid {victim.pid}) at {seen} articles; started c")
            client.send_task("newswatch.sweep")
            time.sleep(1.0)
        wall = time.perf_counter() - t0
        summary = bf.summary(rows)
        with eng.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(Article)).scalar_one()
            alerts = conn.execute(select(func.count()).select_from(Alert)).scalar_one()
            matches = conn.execute(select(func.count()).select_from(Match)).scalar_one()
        eng.dispose()
        check = (
            stored == summary["articles_stored"]
            and alerts == summary["alerts"]
            and matches == summary["matches"]
        )
        return {
            "summary": summary,
            "wall": wall,
            "stages": stage_split(timings),
            "rows_match_counters": check,
            "killed": killed,
        }
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
                p.wait(15)
        client.close()
        drop_database(PG_ADMIN, name)


def report(label: str, res: dict, baseline_rate: float | None) -> None:
    s = res["summary"]
    rate = s["articles_seen"] / res["wall"]
    st = res["stages"]
    total = sum(st.values()) or 1.0
    split = ", ".join(f"{k} {v:.1f}s ({v / total:.0%})" for k, v in st.items())
    ratio = f", {rate / baseline_rate:.2f}x the segment-only baseline" if baseline_rate else ""
    print(
        f"{label}: {s['articles_seen']} articles in {res['wall']:.1f}s = {rate:.0f} articles/s"
        f"{ratio}"
    )
    print(
        f"  stored {s['articles_stored']}, duplicates {s['duplicates']}, near-duplicates "
        f"{s['near_duplicates']}, matches {s['matches']}, alerts {s['alerts']}"
    )
    print(f"  stage time (summed over workers): {split}")
    if "rows_match_counters" in res:
        print(
            f"  counters equal stored rows: {res['rows_match_counters']}"
            f"{' (after a SIGKILL and restart)' if res['killed'] else ''}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--modes", default="segment,embedded,pg")
    ap.add_argument("--kill", action="store_true", help="SIGKILL one worker mid-run (pg mode)")
    args = ap.parse_args()
    modes = args.modes.split(",")
    with tempfile.TemporaryDirectory(prefix="nw-bench-") as tmp:
        work = Path(tmp)
        rules = watch_rules_dir(work)
        per = args.articles // args.files
        paths = [make_dump(work / f"dump{i}.txt", per, seed=1000 + i) for i in range(args.files)]
        mb = sum(p.stat().st_size for p in paths) / 1e6
        print(
            f"generated {per * args.files} articles in {args.files} dumps, {mb:.0f} MB; "
            f"{os.cpu_count()} cores"
        )
        base = None
        if "segment" in modes:
            seg = run_segment_only(paths)
            base = seg["articles"] / seg["wall"]
            print(
                f"baseline, segment_file only (one process): {seg['articles']} articles in "
                f"{seg['wall']:.1f}s = {base:.0f} articles/s"
            )
        if "embedded" in modes:
            report(
                "embedded defaults (SQLite, no broker, one process)",
                run_embedded(paths, rules, work),
                base,
            )
        if "pg" in modes:
            report(
                "PostgreSQL + Redis, two worker processes",
                run_pg(paths, rules, work, args.kill),
                base,
            )


if __name__ == "__main__":
    main()
