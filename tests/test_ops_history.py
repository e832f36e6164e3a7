"""``rules test`` and ``rules apply`` over a stored corpus, on SQLite and PostgreSQL.

The corpus (tests/support_ops.py) has a wire story and its syndicated copy in one
story cluster, a "Who" that is not the WHO, a merger inside the window and one
90 days old, and an article nothing matches.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support_ops import RULES_YAML, rows, seed_corpus, table_counts
from worker.cli import app
from worker.config import get_settings


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "desk.yaml").write_text(RULES_YAML)
    return folder


@pytest.fixture
def corpus(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, int]:
    monkeypatch.setenv("NEWSWATCH_DATABASE_URL", db_url)
    monkeypatch.setenv("NEWSWATCH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    return seed_corpus(db_url)


def _invoke(*args: str) -> dict:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_rules_test_shows_what_would_match_and_writes_nothing(
    corpus: dict[str, int], rules_dir: Path, db_url: str
) -> None:
    doc = _invoke("rules", "test", str(rules_dir), "--json")
    # 30 days by default: the 90-day-old merger is out of scope.
    assert doc["articles_scanned"] == 5
    hits = {m["article"]["id"]: m for m in doc["matches"]}
    assert set(hits) == {corpus["cholera"], corpus["cholera-syndicated"], corpus["merger"]}
    cholera = hits[corpus["cholera"]]
    assert {m["rule"] for m in cholera["matches"]} == {"outbreak", "@who"}
    assert cholera["watches"] == ["health-desk"]
    assert cholera["article"]["source"] == "wire"
    who = next(m for m in cholera["matches"] if m["rule"] == "@who")
    ev = who["evidence"][0]
    text = "The WHO said on Monday that the cholera outbreak had reached three provinces."
    assert ev["term"] == "WHO" and text[ev["start"] : ev["end"]] == "WHO"
    assert "WHO said on Monday" in ev["snippet"]
    assert doc["rules"] == {"outbreak": 2, "@who": 2, "mergers": 1, "@acme": 1}
    # Two articles, one story: the health desk would be alerted once.
    assert doc["watches"] == {"health-desk": 1, "biz-desk": 1}
    assert table_counts(db_url) == {"match": 0, "alert": 0, "delivery": 0}


def test_rules_test_filters_by_source_since_and_rule(
    corpus: dict[str, int], rules_dir: Path
) -> None:
    daily = _invoke("rules", "test", str(rules_dir), "--source", "daily", "--json")
    assert daily["articles_scanned"] == 3
    assert [m["article"]["id"] for m in daily["matches"]] == [corpus["cholera-syndicated"]]
    everything = _invoke("rules", "test", str(rules_dir), "--since", "all", "--json")
    assert everything["articles_scanned"] == 6 and everything["rules"]["mergers"] == 2
    only = _invoke("rules", "test", str(rules_dir), "--rule", "mergers", "--since", "all", "--json")
    assert only["rules"] == {"mergers": 2}
    assert {m["article"]["id"] for m in only["matches"]} == {corpus["merger"], corpus["old-merger"]}


def test_rules_test_screen(
    corpus: dict[str, int], rules_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # rich wraps table cells to the terminal width
    result = CliRunner().invoke(app, ["rules", "test", str(rules_dir)])
    assert result.exit_code == 0, result.output
    assert "5 articles scanned" in result.stdout and "3 would match" in result.stdout
    assert "no alert raised" in result.stdout
    assert "Cholera outbreak spreads" in result.stdout and "Per rule" in result.stdout


def test_rules_apply_alerts_once_even_when_run_twice(
    corpus: dict[str, int], rules_dir: Path, db_url: str
) -> None:
    first = _invoke("rules", "apply", str(rules_dir), "--json")
    assert first["articles_matched"] == 3
    assert first["matches_stored"] == 6
    assert first["alerts"] == 2  # one per watch and story cluster
    alerts = rows(db_url, "SELECT watch_id, cluster_id, article_id, origin FROM alert ORDER BY id")
    assert sorted((a[0], a[1], a[3]) for a in alerts) == [
        ("biz-desk", corpus["merger"], "apply"),
        ("health-desk", corpus["cholera"], "apply"),
    ]
    deliveries = rows(db_url, "SELECT watch_id, channel, target, status FROM delivery")
    # Like a backfill: digests only, unless the watch opted in to webhooks for history.
    assert sorted(deliveries) == [
        ("biz-desk", "webhook", "https://hooks.example.org/biz", "pending"),
        ("health-desk", "email", "health@example.org", "pending"),
    ]
    second = _invoke("rules", "apply", str(rules_dir), "--json")
    assert (second["matches_stored"], second["alerts"], second["deliveries"]) == (0, 0, 0)
    assert table_counts(db_url) == {"match": 6, "alert": 2, "delivery": 2}
    # Widening the window raises only the new story's alert.
    wider = _invoke("rules", "apply", str(rules_dir), "--since", "all", "--json")
    assert wider["alerts"] == 1
    assert table_counts(db_url) == {"match": 7, "alert": 3, "delivery": 3}


def test_rules_apply_skips_stories_already_alerted(
    corpus: dict[str, int], rules_dir: Path, db_url: str
) -> None:
    """A story that alerted from its feed does not alert again from apply."""
    from sqlmodel import Session

    from worker.store.db import get_engine
    from worker.store.models import Alert

    with Session(get_engine(db_url)) as s:
        s.add(Alert(watch_id="health-desk", cluster_id=corpus["cholera"],
                    article_id=corpus["cholera"], rules=["outbreak"], origin="feed"))  # fmt: skip
        s.commit()
    doc = _invoke("rules", "apply", str(rules_dir), "--json")
    assert doc["alerts"] == 1  # biz-desk only
    origins = rows(db_url, "SELECT watch_id, origin FROM alert ORDER BY watch_id")
    assert origins == [("biz-desk", "apply"), ("health-desk", "feed")]


def test_rules_apply_screen_summary(corpus: dict[str, int], rules_dir: Path) -> None:
    result = CliRunner().invoke(app, ["rules", "apply", str(rules_dir), "--rule", "@acme"])
    assert result.exit_code == 0, result.output
    assert "1 matched" in result.stdout and "1 alerts raised" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "--since"),
        (["--source", "nowhere"], "unknown source"),
        (["--rule", "nope"], "unknown rule"),
    ],
)
def test_bad_input_is_exit_2(
    corpus: dict[str, int], rules_dir: Path, args: list[str], message: str
) -> None:
    for cmd in ("test", "apply"):
        result = CliRunner().invoke(app, ["rules", cmd, str(rules_dir), *args])
        assert result.exit_code == 2, result.output
        assert message in result.output and "Traceback" not in result.output


def test_invalid_rules_are_refused(sqlite_url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSWATCH_DATABASE_URL", sqlite_url)
    bad = tmp_path / "bad.yaml"
    bad.write_text("topics:\n  - id: broken\n    query: '(a OR'\n")
    result = CliRunner().invoke(app, ["rules", "test", str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "broken" in result.output
    missing = CliRunner().invoke(app, ["rules", "apply", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "not found" in missing.output
