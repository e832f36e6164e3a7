"""Backfilling the bundled seed dump through the command line, on SQLite and
PostgreSQL, with the seed rules and one watch over all of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support_worker import SEED_DUMP, watch_rules_dir
from typer.testing import CliRunner

from worker.cli import app

EXPECTED = json.loads((Path(__file__).parent / "worker_seed_expected.json").read_text())


def _run(env: dict[str, str], *args: str) -> str:
    res = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.fixture
def env(db_url: str, tmp_path: Path) -> dict[str, str]:
    return {
        "NEWSWATCH_DATABASE_URL": db_url,
        "NEWSWATCH_RULES": str(watch_rules_dir(tmp_path)),
        "NEWSWATCH_DATA_DIR": str(tmp_path / "state"),
        "NEWSWATCH_BROKER_URL": "",
    }


def test_seed_backfill_alerts_once_and_again_stores_nothing(env: dict[str, str]) -> None:
    first = json.loads(_run(env, "backfill", str(SEED_DUMP), "--json"))
    lines = _run(env, "alerts", "list", "--json").splitlines()
    alerts = [json.loads(x) for x in lines]
    second = json.loads(_run(env, "backfill", str(SEED_DUMP), "--json"))

    assert set(first) >= {
        "jobs",
        "articles_seen",
        "articles_stored",
        "duplicates",
        "near_duplicates",
        "matches",
        "alerts",
    }
    assert first["jobs"] == 1 and first["articles_seen"] >= 1
    assert first["alerts"] == len(alerts) >= 1
    for a in alerts:  # the contract's line shape
        assert set(a) >= {"id", "watch", "rules", "article", "created_at"}
        assert set(a["article"]) >= {"id", "title", "url", "source", "start_line"}
        assert a["watch"] == "everything" and a["rules"] == sorted(a["rules"])
        assert a["created_at"].endswith("+00:00")
    # Again: everything is a duplicate, nothing new is stored or alerted.
    assert second["articles_stored"] == 0 and second["alerts"] == 0
    assert second["duplicates"] == second["articles_seen"] == first["articles_seen"]
    assert len(_run(env, "alerts", "list", "--json").splitlines()) == len(alerts)

    got = {a["article"]["start_line"]: a["rules"] for a in alerts}
    gold = {g["start_line"]: sorted(g["rules"]) for g in EXPECTED["articles"]}
    # The seed's 10 gold articles, each alerted once with exactly the rules
    # seed-expected.json implies (a caption-only mention included).
    assert first["articles_stored"] == 10 and first["alerts"] == 10
    assert got == gold
