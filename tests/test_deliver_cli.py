"""The delivery commands end to end through the Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support_deliver import SECRET, SECRET_ENV, Receiver, add_alert, make_watch, serve
from worker.cli import app
from worker.config import get_settings

RULES = """
entities:
  - id: who
    name: World Health Organization
    aliases: [World Health Organization, WHO]
topics:
  - id: covid-origins
    name: Origins
    query: '@who AND Wuhan'
watches:
  - id: desk
    match: [covid-origins, "@who"]
    webhooks:
      - url: {url}
        secret_env: {env}
    email:
      to: [desk@example.org]
      digest: immediate
"""


@pytest.fixture
def cli_env(
    sqlite_url: str, allow_private: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Path:
    monkeypatch.setenv("NEWSWATCH_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("NEWSWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(SECRET_ENV, SECRET)
    monkeypatch.delenv("NEWSWATCH_SMTP_URL", raising=False)
    get_settings.cache_clear()
    return tmp_path


def _rules(tmp: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp / "rules.yaml"
    path.write_text(RULES.format(url=url, env=SECRET_ENV))
    monkeypatch.setenv("NEWSWATCH_RULES", str(path))
    get_settings.cache_clear()


def test_webhooks_test_sends_a_signed_ping(cli_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with serve(Receiver()) as rx:
        _rules(cli_env, rx.url, monkeypatch)
        result = CliRunner().invoke(app, ["webhooks", "test", "desk", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["ok"] is True
    (req,) = rx.received
    assert req.verified and req.payload["type"] == "ping"


def test_webhooks_test_reports_a_failing_endpoint(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with serve(Receiver(script=[500])) as rx:
        _rules(cli_env, rx.url, monkeypatch)
        result = CliRunner().invoke(app, ["webhooks", "test", "desk"])
    assert result.exit_code == 1 and "FAIL" in result.output and "HTTP 500" in result.output


def test_unknown_watch_and_bad_usage_exit_2(cli_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _rules(cli_env, "https://hooks.example.org/x", monkeypatch)
    runner = CliRunner()
    result = runner.invoke(app, ["webhooks", "test", "nope"])
    assert result.exit_code == 2 and "unknown watch" in result.output
    result = runner.invoke(app, ["deliveries", "retry"])
    assert result.exit_code == 2 and "--all-failed" in result.output
    result = runner.invoke(app, ["deliveries", "retry", "999"])
    assert result.exit_code == 2 and "999" in result.output


def test_digest_send_writes_the_immediate_digest(
    cli_env: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rules(cli_env, "https://hooks.example.org/x", monkeypatch)
    watch = make_watch(emails=["desk@example.org"], digest="immediate")
    add_alert(sqlite_url, watch)
    result = CliRunner().invoke(app, ["digest", "send", "--watch", "desk", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sent"] == 1
    assert len(list((cli_env / "data" / "digests").glob("*.eml"))) == 1
    listed = CliRunner().invoke(app, ["deliveries", "list"])
    assert "delivered" in listed.output and "desk@example.org" in listed.output
