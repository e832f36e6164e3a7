"""The package imports and the console script answers."""

from typer.testing import CliRunner

from worker.cli import app


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "newswatch" in result.output.lower() or "Usage" in result.output
