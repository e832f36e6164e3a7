"""``newswatch segment DUMP [--json]``: split a dump into clean articles."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from worker.cli.common import fail, print_json


def register(app: typer.Typer) -> None:
    """Add the ``segment`` command to the application."""
    app.command("segment")(segment)


def segment(
    dump: str = typer.Argument(..., help="Plain-text dump to split, or - for standard input."),
    json_out: bool = typer.Option(False, "--json", help="Print the contract's JSON document."),
) -> None:
    """Split a plain-text news dump into articles (boundaries, title, byline, clean text)."""
    from worker.segment import DecodeStats, DumpError, segment_file

    stats = DecodeStats()
    source = sys.stdin.buffer if dump == "-" else Path(dump)
    try:
        articles = list(segment_file(source, stats=stats))
    except DumpError as exc:
        fail(str(exc))
    _warn(stats, dump)
    if json_out:
        print_json({"articles": [a.to_json() for a in articles]})
        return
    dropped = sum(len(a.dropped_lines) for a in articles)
    typer.echo(f"{dump}: {stats.lines} lines, {len(articles)} articles, {dropped} lines dropped")
    for a in articles:
        title = a.title or "(untitled)"
        typer.echo(f"  {a.start_line:>6}-{a.end_line:<6} {title[:70]}")


def _warn(stats, dump: str) -> None:
    """Repairs made while reading go to stderr, one line each."""
    if stats.invalid_bytes:
        typer.echo(
            f"newswatch: warning: {dump}: {stats.invalid_bytes} invalid UTF-8 bytes replaced",
            err=True,
        )
    if stats.nul_bytes:
        typer.echo(f"newswatch: warning: {dump}: {stats.nul_bytes} NUL bytes replaced", err=True)
    if stats.truncated_lines:
        typer.echo(
            f"newswatch: warning: {dump}: {stats.truncated_lines} over-long lines truncated",
            err=True,
        )
