"""``newswatch segment DUMP [--json]``: split a dump into clean articles."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from worker.cli.common import fail


def register(app: typer.Typer) -> None:
    """Add the ``segment`` command to the application."""
    app.command("segment")(segment)


# NEWSWATCH_SEGMENT_PROCESSES is read by the option itself: it is this command's own
# setting, and the command needs none of worker.config's.
def segment(
    dump: str = typer.Argument(..., help="Plain-text dump to split, or - for standard input."),
    json_out: bool = typer.Option(False, "--json", help="Print the contract's JSON document."),
    processes: int = typer.Option(
        1,
        "--processes",
        min=1,
        envvar="NEWSWATCH_SEGMENT_PROCESSES",
        help="Segment a dump file of 4 MB or more in N processes, a span each: the same"
        " articles, about 1.7x as fast with 2 on two cores; each process holds its own"
        " window (some 70 MB).",
    ),
) -> None:
    """Split a plain-text news dump into articles (boundaries, title, byline, clean text)."""
    from worker.segment import DecodeStats, DumpError, segment_file

    stats = DecodeStats()
    source = sys.stdin.buffer if dump == "-" else Path(dump)
    articles = segment_file(source, stats=stats, processes=processes)
    if json_out or not sys.stdout.isatty():  # (a summary on the terminal is its own progress)
        articles = _with_progress(articles, source)
    try:
        if json_out:
            _write_json(articles)
        else:
            _write_summary(articles, stats, dump)
    except DumpError as exc:
        fail(str(exc))
    _warn(stats, dump)


def _with_progress(articles: Iterator, source: object) -> Iterator:
    """The articles, with a progress bar over the dump's bytes on stderr when stderr
    is a terminal and the dump is a file (a long dump takes minutes)."""
    size = source.stat().st_size if isinstance(source, Path) and source.is_file() else 0
    if not size or not sys.stderr.isatty():
        yield from articles
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("segmenting"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[articles]} articles"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("segment", total=size, articles=0)
        for n, art in enumerate(articles, 1):
            if n % 16 == 0:
                bar.update(task, completed=art.end_offset, articles=n)
            yield art


def _write_json(articles) -> None:
    """The contract's document, written one article at a time: a dump of many GB
    never has all its articles in memory (nothing is written before the first
    article, so an unreadable file still gives a clean error and no output)."""
    out = sys.stdout
    first = True
    for a in articles:
        out.write('{"articles": [\n' if first else ",\n")
        out.write(json.dumps(a.to_json(), ensure_ascii=False))
        first = False
    out.write('{"articles": []}\n' if first else "\n]}\n")


def _write_summary(articles, stats, dump: str) -> None:
    """One line per article as it is found, then the totals."""
    n = dropped = 0
    for a in articles:
        n += 1
        dropped += len(a.dropped_lines)
        title = a.title or "(untitled)"
        typer.echo(f"  {a.start_line:>6}-{a.end_line:<6} {title[:70]}")
    typer.echo(f"{dump}: {stats.lines} lines, {n} articles, {dropped} lines dropped")


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
