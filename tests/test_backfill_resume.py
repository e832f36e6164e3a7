"""A backfill whose planner dies mid-job (after handing out batches nobody
stored) is finished by another worker: re-planned from the stored offset, the
orphaned batches redone from the dump, counters equal to the stored rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from support_worker import make_dump, watch_rules_dir

from worker import backfill as bf
from worker.store import queries
from worker.store.db import get_engine, upgrade
from worker.store.models import Alert, Article, BackfillBatch, Match, utcnow


class Crash(Exception):
    """Stands for the planner process dying (kill -9) after a few batches."""


@pytest.fixture
def rules(tmp_path: Path):
    from worker.rules import compile_rules, load_rules

    rs = load_rules(watch_rules_dir(tmp_path))
    pair = (rs, compile_rules(rs))
    return lambda: pair


def test_dead_planner_and_orphaned_batches_are_finished(db_url: str, tmp_path: Path, rules) -> None:
    dump = make_dump(tmp_path / "d.txt", 300, seed=11)
    eng = get_engine(db_url)
    job_id = bf.queue_jobs(eng, [dump])[0]
    handed: list[int] = []

    def dispatch(batch_id: int, payload: list) -> None:  # messages that are never consumed
        handed.append(batch_id)
        if len(handed) == 3:
            raise Crash

    with pytest.raises(Crash):  # small batches: the planner dies with the dump half planned
        bf.run_job(eng, job_id, rules=rules, dispatch=dispatch, owner="dead", batch_size=50)
    with eng.begin() as conn:  # time passes: the dead planner's leases run out
        past = utcnow().replace(year=2000)
        conn.execute(update(queries.JOB).values(lease_until=past))
        conn.execute(update(BackfillBatch.__table__).values(lease_until=past))
        pending = conn.execute(
            select(func.count()).select_from(BackfillBatch).where(BackfillBatch.status == "pending")
        ).scalar_one()
    assert pending >= 1

    row = bf.work_until_done(eng, job_id, rules=rules, owner="heir")
    assert row["status"] == "done"
    with eng.connect() as conn:
        n_art = conn.execute(select(func.count()).select_from(Article)).scalar_one()
        n_alert = conn.execute(select(func.count()).select_from(Alert)).scalar_one()
        n_match = conn.execute(select(func.count()).select_from(Match)).scalar_one()
        left = conn.execute(
            select(func.count()).select_from(BackfillBatch).where(BackfillBatch.status != "done")
        ).scalar_one()
    assert left == 0
    assert (n_art, n_alert, n_match) == (row["articles_stored"], row["alerts"], row["matches"])
    assert row["articles_seen"] == row["articles_stored"] + row["duplicates"]

    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    upgrade(clean_url)
    clean = get_engine(clean_url)
    clean_row = bf.work_until_done(clean, bf.queue_jobs(clean, [dump])[0], rules=rules)
    # segment_file resumes exactly from an article boundary (tests/test_segment.py),
    # so a killed and resumed job must count exactly what a clean run counts.
    assert bf.summary([clean_row]) == bf.summary([row])
