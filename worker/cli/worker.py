"""``newswatch run``, ``db upgrade``, ``backfill`` and ``alerts list``."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import typer

from worker.cli.common import EXIT_FAILED, fail, print_json

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
alerts_app = typer.Typer(help="Stored alerts.", no_args_is_help=True)


def _engine() -> Any:
    """The configured database, brought up to date (a fresh SQLite file just works)."""
    from worker.config import get_settings
    from worker.store.db import get_engine, upgrade

    url = get_settings().database_url
    try:
        upgrade(url)
    except Exception as exc:
        fail(
            f"cannot open database {url.split('@')[-1]}: {exc.__class__.__name__}: {exc}".split(
                "\n"
            )[0],
            EXIT_FAILED,
        )
    return get_engine(url)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations."""
    _engine()
    typer.echo("database is up to date")


def run(
    beat: bool = typer.Option(True, "--beat/--no-beat", help="Also run the scheduler."),
    concurrency: int = typer.Option(2, "--concurrency", "-c", min=1),
    loglevel: str = typer.Option("INFO", "--loglevel"),
) -> None:
    """Run a Celery worker (and the scheduler) that polls, matches, stores and delivers."""
    _engine()
    _check_rules()
    from worker import metrics
    from worker.logging import configure_logging

    configure_logging(loglevel)
    metrics.configure_multiprocess(clean=True)  # counters start at zero with this run
    from worker.celery_app import app

    argv = ["worker", f"--concurrency={concurrency}", f"--loglevel={loglevel}"]
    if beat:
        from worker.config import get_settings

        state = Path(get_settings().data_dir).resolve()
        state.mkdir(parents=True, exist_ok=True)
        argv += ["--beat", f"--schedule={state / 'beat-schedule'}"]
    app.worker_main(argv)


def _check_rules() -> tuple[Any, Any]:
    from worker.config import get_settings
    from worker.rules import RulesError, compile_rules, load_rules

    path = get_settings().rules
    try:
        rs = load_rules(path)
    except RulesError as exc:
        fail(f"invalid rules in {path}:\n{exc}")
    except FileNotFoundError:
        fail(f"rules not found: {path} (set NEWSWATCH_RULES)")
    return rs, compile_rules(rs)


def backfill(
    dumps: list[Path] = typer.Argument(..., help="Dump files to backfill."),
    wait: bool = typer.Option(False, "--wait", help="Return when the jobs are processed."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Queue historical dumps; alerts they raise go to digests, not instant webhooks."""
    for p in dumps:
        _check_dump(p)
    rules = _check_rules()
    engine = _engine()
    from worker import backfill as bf
    from worker.config import get_settings

    ids = bf.queue_jobs(engine, dumps)
    if get_settings().embedded_broker:
        rows = _work_here(engine, ids, rules)
    else:
        from worker.tasks import run_backfill

        for job_id in ids:
            run_backfill.delay(job_id)
        if not wait:
            if as_json:
                print_json({**bf.summary(_rows(engine, ids)), "job_ids": ids, "status": "queued"})
            else:
                typer.echo(f"queued {len(ids)} backfill job(s): {', '.join(map(str, ids))}")
            return
        rows = _wait_for(engine, ids)
    _report(rows, as_json)


def _rows(engine: Any, ids: list[int]) -> list[dict]:
    from worker.store import queries

    with engine.connect() as conn:
        return queries.job_rows(conn, ids)


def _check_dump(path: Path) -> None:
    """Refuse a missing, unreadable or binary dump before queueing anything (exit 2)."""
    from worker.dumpio import DumpError, looks_binary, open_dump

    try:
        with open_dump(path) as fh:
            sample = fh.read(8192)
    except DumpError as exc:
        fail(str(exc))
    if looks_binary(sample):
        fail(f"{path}: looks like a binary file, not a text dump")


def _progress() -> Any:
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[articles]} articles"),
        TimeRemainingColumn(),
        disable=not sys.stderr.isatty(),
        transient=True,
    )


def _work_here(engine: Any, ids: list[int], rules: tuple[Any, Any]) -> list[dict]:
    """Embedded broker: this process works the jobs itself (leases still apply,
    so a ``newswatch run`` beside it never doubles the work)."""
    from worker import backfill as bf
    from worker.store import queries

    owner = bf.worker_id()
    with _progress() as bar:
        for job_id in ids:
            with engine.connect() as conn:
                row = queries.job_rows(conn, [job_id])[0]
            task = bar.add_task(Path(row["path"]).name, total=row["size"] or 1, articles=0)

            def tick(r: dict, task: Any = task) -> None:
                bar.update(task, completed=r["offset"], articles=r["articles_seen"])

            bf.work_until_done(engine, job_id, rules=lambda: rules, owner=owner, on_batch=tick)
    with engine.connect() as conn:
        return queries.job_rows(conn, ids)


def _wait_for(engine: Any, ids: list[int], quiet: bool = False) -> list[dict]:
    from worker.store import queries

    with _progress() as bar:
        task = bar.add_task("backfill", total=1, articles=0, visible=not quiet)
        while True:
            with engine.connect() as conn:
                rows = queries.job_rows(conn, ids)
            total = sum(r["size"] for r in rows) or 1
            bar.update(
                task,
                total=total,
                completed=sum(r["offset"] for r in rows),
                articles=sum(r["articles_seen"] for r in rows),
            )
            if all(r["status"] in ("done", "failed") for r in rows):
                return rows
            time.sleep(0.5)


def _report(rows: list[dict], as_json: bool) -> None:
    from worker.backfill import summary

    s = summary(rows)
    failed = [r for r in rows if r["status"] == "failed"]
    if as_json:
        print_json(s)
    else:
        typer.echo(
            f"{s['jobs']} job(s): {s['articles_seen']} articles seen, {s['articles_stored']} "
            f"stored, {s['duplicates']} duplicates, {s['near_duplicates']} near-duplicates, "
            f"{s['matches']} matches, {s['alerts']} alerts"
        )
    for r in failed:
        typer.echo(f"newswatch: error: job {r['id']} ({r['path']}) failed: {r['error']}", err=True)
    if failed:
        raise typer.Exit(EXIT_FAILED)


@alerts_app.command("list")
def alerts_list(
    watch: str | None = typer.Option(None, "--watch", help="Only this watch's alerts."),
    as_json: bool = typer.Option(False, "--json", help="One JSON line per alert."),
) -> None:
    """List stored alerts, oldest first."""
    from worker.store import queries

    with _engine().connect() as conn:
        rows = queries.list_alerts(conn, watch)
    for r in rows:
        if as_json:
            print_json(queries.alert_json(r))
        else:
            where = r["canonical_url"] or f"{r['source']}:{r['start_line']}"
            typer.echo(
                f"#{r['id']} {r['watch_id']} [{', '.join(r['rules'])}] "
                f"{r['title'] or '(untitled)'} — {where}"
            )
    if not rows and not as_json:
        typer.echo("no alerts", err=True)


def register(app: typer.Typer) -> None:
    app.command("run")(run)
    app.command("backfill")(backfill)
    app.add_typer(db_app, name="db")
    app.add_typer(alerts_app, name="alerts")
