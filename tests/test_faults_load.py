"""CI-sized run of the load harness (benchmarks/load.py, issue 6): 50 feeds whose
items appear every few seconds, two real ``newswatch run`` workers on Redis +
PostgreSQL, a backfill alongside. Every item stored once, alerted once, its
webhook received once; every feed polled; no gap between polls of a feed beyond
twice its interval. The full 1,000-feed, 10-minute figures are in
docs/reliability.md.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import load


@pytest.mark.slow
def test_load_smoke(tmp_path: Path, pg_url: str, redis_url: str) -> None:
    args = Namespace(
        minutes=0.2,
        feeds=50,
        interval=30,  # the pipeline's floor for a feed's interval
        period=4.0,
        backfill_articles=200,
        db=pg_url,
        fresh_db=False,  # the test session's database, not one more per run
        broker=redis_url,
        sweep=1.0,
        drain=60.0,
        json=False,
    )
    f = load.run(args, tmp_path)
    load._print(f)
    assert f["items_published"] > 20
    assert f["items_missing"] == 0 and f["items_stored"] == f["items_published"]
    assert f["items_stored_twice"] == 0
    assert f["items_alerted"] == f["items_published"] and f["items_alerted_twice"] == 0
    assert f["alerts_webhooked"] == f["alerts"] and f["alerts_webhooked_twice"] == 0
    assert f["feeds_never_polled"] == 0 and f["polls_late_over_2x"] == 0
    assert f["backfill_status"] == "done"
