"""The ``newswatch`` command line.

Each area registers its own commands from a module of this package, so the
pure commands (segment, match, rules) never import the database or Celery and
start quickly.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="newswatch",
    help="Watch news feeds and archived dumps for topics and entities; alert with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules that define ``register(app)``; a missing one is simply skipped so the
# command line keeps working while parts are still being built.
_COMMAND_MODULES = ("segment", "rules", "worker", "feeds", "deliver", "ops")

for _name in _COMMAND_MODULES:
    try:
        _mod = importlib.import_module(f"worker.cli.{_name}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while building
        if exc.name != f"worker.cli.{_name}":
            raise
        continue
    _mod.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
