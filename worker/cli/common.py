"""Helpers shared by the command modules: exit codes and error output."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer

EXIT_OK = 0
EXIT_FAILED = 1  # the work ran and something failed
EXIT_USAGE = 2  # bad usage or bad input


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a one-line error to stderr and exit with the contract's code."""
    typer.echo(f"newswatch: error: {message}", err=True)
    raise typer.Exit(code)


def print_json(obj: Any) -> None:
    """One JSON document on stdout, UTF-8 kept readable."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
