"""``newswatch feeds add|list|remove`` against real SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from worker.cli import app
from worker.cli.feeds import parse_every

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    from worker.config import get_settings

    monkeypatch.setenv("NEWSWATCH_DATABASE_URL", db_url)
    get_settings.cache_clear()
    assert get_settings().database_url == db_url
    return db_url


def test_parse_every() -> None:
    assert parse_every("10m") == 600
    assert parse_every("90s") == 90
    assert parse_every("2H") == 7200
    assert parse_every("1d") == 86400
    assert parse_every("45") == 45
    for bad in ("ten", "5m3s", "1s", "400d", ""):
        with pytest.raises(ValueError):
            parse_every(bad)


def test_add_list_remove(db: str, allow_private: None) -> None:
    before = datetime.now(UTC)
    code, out, _ = _run(
        "feeds", "add", "http://127.0.0.1:8080/rss", "--every", "5m", "--name", "Local"
    )
    assert code == 0, out
    assert "added feed" in out and "every 5m" in out
    code, out, _ = _run("feeds", "list", "--json")
    assert code == 0
    (doc,) = [json.loads(line) for line in out.splitlines()]
    assert doc["url"] == "http://127.0.0.1:8080/rss"
    assert (doc["name"], doc["every_seconds"], doc["full_text"]) == ("Local", 300, False)
    assert doc["consecutive_failures"] == 0 and doc["last_success_at"] is None
    assert datetime.fromisoformat(doc["next_due_at"]) >= before.replace(microsecond=0)

    code, out, _ = _run("feeds", "add", "http://127.0.0.1:8080/rss", "--every", "1h", "--full-text")
    assert code == 0 and "updated feed" in out
    code, out, _ = _run("feeds", "list")
    assert "Local" in out and "1h +text" in out and "never" in out

    code, out, _ = _run("feeds", "remove", "http://127.0.0.1:8080/rss")
    assert code == 0 and "removed feed" in out
    code, out, _ = _run("feeds", "list", "--json")
    assert out.strip() == ""
    code, _, err = _run("feeds", "remove", "http://127.0.0.1:8080/rss")
    assert code == 2 and "no feed with URL" in err


def test_private_url_refused_without_opt_in(db: str) -> None:
    code, _, err = _run("feeds", "add", "http://169.254.169.254/latest/meta-data")
    assert code == 2
    assert err.startswith("newswatch: error: feed URL refused: 169.254.169.254 is the link-local")
    assert "NEWSWATCH_ALLOW_PRIVATE_URLS" in err
    code, _, err = _run("feeds", "add", "http://127.0.0.1/rss")
    assert code == 2 and "loopback" in err
    assert _run("feeds", "list", "--json")[1].strip() == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ftp://example.com/feed"], "scheme 'ftp' is not http or https"),
        (["http://127.0.0.1/rss", "--every", "soon"], "invalid interval 'soon'"),
        (["http://127.0.0.1/rss", "--every", "1s"], "must be between"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    db: str, allow_private: None, args: list[str], message: str
) -> None:
    code, _, err = _run("feeds", "add", *args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_fresh_sqlite_is_migrated_by_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, allow_private: None
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    monkeypatch.setenv("NEWSWATCH_DATABASE_URL", url)
    code, out, err = _run("feeds", "list")
    assert code == 0, err
    assert "no feeds" in out
    assert _run("feeds", "add", "http://127.0.0.1:9/f")[0] == 0
