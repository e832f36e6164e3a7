"""Command-line edges of the worker commands: bad input is a one-line error with
exit 2, and ``alerts list --watch`` filters."""

from __future__ import annotations

import json
from pathlib import Path

from support_worker import SEED_DUMP, watch_rules_dir
from typer.testing import CliRunner

from worker.cli import app


def _env(tmp_path: Path, rules: Path) -> dict[str, str]:
    return {
        "NEWSWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'nw.db'}",
        "NEWSWATCH_RULES": str(rules),
        "NEWSWATCH_DATA_DIR": str(tmp_path / "state"),
        "NEWSWATCH_BROKER_URL": "",
    }


def test_backfill_refuses_missing_and_binary_dumps(tmp_path: Path) -> None:
    env = _env(tmp_path, watch_rules_dir(tmp_path))
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    for bad in (tmp_path / "missing.txt", binary):
        res = CliRunner().invoke(app, ["backfill", str(bad)], env=env)
        assert res.exit_code == 2, res.output
        assert res.stderr.startswith("newswatch: error:") and len(res.stderr.splitlines()) == 1
        assert "Traceback" not in res.output


def test_backfill_refuses_invalid_rules(tmp_path: Path) -> None:
    rules = tmp_path / "bad"
    rules.mkdir()
    (rules / "r.yaml").write_text("topics:\n  - id: x\n    name: X\n    query: '(a OR'\n")
    res = CliRunner().invoke(app, ["backfill", str(SEED_DUMP)], env=_env(tmp_path, rules))
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_alerts_list_filters_by_watch(tmp_path: Path) -> None:
    rules = watch_rules_dir(tmp_path)
    (rules / "watch2.yaml").write_text(
        "watches:\n  - id: health\n    match: ['@who']\n", encoding="utf-8"
    )
    env = _env(tmp_path, rules)
    runner = CliRunner()
    assert runner.invoke(app, ["backfill", str(SEED_DUMP)], env=env).exit_code == 0
    every = runner.invoke(app, ["alerts", "list", "--json"], env=env).stdout.splitlines()
    health = runner.invoke(app, ["alerts", "list", "--watch", "health", "--json"], env=env)
    rows = [json.loads(x) for x in health.stdout.splitlines()]
    assert rows and all(r["watch"] == "health" and r["rules"] == ["@who"] for r in rows)
    assert len(rows) < len(every)
    text = runner.invoke(app, ["alerts", "list"], env=env)
    assert text.exit_code == 0 and "everything" in text.stdout
