"""Operating commands: ``status``, ``rules test`` and ``rules apply``.

``rules`` is RULES's sub-app (``rules check``); this module runs last, finds that
group on the main app and adds its two commands to it, so neither module edits
the other.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from worker.cli.common import EXIT_FAILED, fail, print_json

if TYPE_CHECKING:
    from sqlmodel import Session

    from worker.history import Report, Scope

SINCE_HELP = "How far back: 30d, 12h, 2w, or 'all'. Article date = published, else stored."


def register(app: typer.Typer) -> None:
    app.command("status")(status)
    group = _rules_group(app)
    group.command("test")(rules_test)
    group.command("apply")(rules_apply)


def _rules_group(app: typer.Typer) -> typer.Typer:
    """The existing ``rules`` sub-app, or a new one if RULES's module is absent."""
    for info in app.registered_groups:
        sub = info.typer_instance
        if sub is not None and (info.name == "rules" or sub.info.name == "rules"):
            return sub
    sub = typer.Typer(name="rules", help="Check, test and apply watch rules.", no_args_is_help=True)
    app.add_typer(sub, name="rules")
    return sub


# ---- shared helpers -------------------------------------------------------------


@contextmanager
def _session() -> Iterator[Session]:
    """A session on the configured database; a fresh SQLite file is migrated first."""
    from sqlalchemy.exc import SQLAlchemyError
    from sqlmodel import Session

    from worker.config import get_settings
    from worker.logging import redact
    from worker.store.db import get_engine, upgrade

    url = get_settings().database_url
    try:
        if url.startswith("sqlite"):
            upgrade(url)
        session = Session(get_engine(url), expire_on_commit=False)
    except SQLAlchemyError as exc:
        fail(f"cannot open database {redact(url)}: {str(exc).splitlines()[0]}", EXIT_FAILED)
    try:
        yield session
    except SQLAlchemyError as exc:
        session.rollback()
        fail(f"database error: {str(exc).splitlines()[0]}", EXIT_FAILED)
    finally:
        session.close()


def _load(rules: Path) -> tuple[Any, Any]:
    """Rules and their compiled matcher; invalid rules → the ``rules check`` lines, exit 2."""
    from worker.rules import RulesError, compile_rules, load_rules

    if not Path(rules).exists():
        fail(f"rules not found: {rules}")
    try:
        ruleset = load_rules(rules)
    except RulesError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    return ruleset, compile_rules(ruleset)


def _scope(since: str, source: str | None, rule: list[str] | None) -> Scope:
    from worker.history import HistoryError, Scope, parse_since

    try:
        delta = parse_since(since)
    except HistoryError as exc:
        fail(str(exc))
    return Scope(since=delta, source=source, rules=frozenset(rule) if rule else None)


def _check_rule_ids(ruleset: Any, rule: list[str] | None) -> None:
    known = set(ruleset.topics) | {f"@{e}" for e in ruleset.entities}
    unknown = sorted(set(rule or ()) - known)
    if unknown:
        fail(f"unknown rule id(s): {', '.join(unknown)} (topics by id, entities as @id)")


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int], None] | None]:
    """A rich spinner with a running count when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.update(task, completed=n) if n % 50 == 0 else None


def _run_history(
    fn_name: str, rules: Path, since: str, source: str | None, rule: list[str] | None
) -> Report:
    import worker.history as history

    ruleset, matcher = _load(rules)
    _check_rule_ids(ruleset, rule)
    scope = _scope(since, source, rule)
    fn = getattr(history, fn_name)
    with _session() as session, _progress(f"rules {fn_name.split('_')[0]}") as progress:
        try:
            return fn(session, ruleset, matcher, scope, progress=progress)
        except history.HistoryError as exc:
            fail(str(exc))


# ---- rules test / rules apply ------------------------------------------------------


def rules_test(
    rules: Path = typer.Argument(..., help="Rules folder or one rule file."),
    since: str = typer.Option("30d", "--since", help=SINCE_HELP),
    source: str | None = typer.Option(None, "--source", help="Only this source (name or URL)."),
    rule: list[str] | None = typer.Option(
        None, "--rule", help="Only this rule id (repeatable; entities as @id)."
    ),
    limit: int = typer.Option(50, "--limit", help="Articles listed on screen (JSON lists all)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON document on stdout."),
) -> None:
    """Run rules over stored articles WITHOUT raising alerts: what would have matched, and why."""
    report = _run_history("backtest_rules", rules, since, source, rule)
    if as_json:
        print_json(report.to_json(with_hits=True))
        return
    _print_test(report, since, limit)


def rules_apply(
    rules: Path = typer.Argument(..., help="Rules folder or one rule file."),
    since: str = typer.Option("30d", "--since", help=SINCE_HELP),
    source: str | None = typer.Option(None, "--source", help="Only this source (name or URL)."),
    rule: list[str] | None = typer.Option(
        None, "--rule", help="Only this new or changed rule id (repeatable; entities as @id)."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON document on stdout."),
) -> None:
    """Raise rules' alerts over stored history as a backfill does; safe to re-run.

    Alerts go to digests, and to webhooks only for watches with backfill_webhooks;
    a story alerts once per watch however often this runs.
    """
    import os

    from worker.logging import configure_logging

    # One "alert raised" line per alert is for workers; here the summary says it.
    configure_logging(os.environ.get("NEWSWATCH_LOG_LEVEL", "WARNING"))
    report = _run_history("apply_rules", rules, since, source, rule)
    if as_json:
        print_json(report.to_json(with_hits=False))
        return
    typer.echo(
        f"rules apply: {report.articles_scanned} articles scanned (since {since}), "
        f"{report.articles_matched} matched, {report.matches_stored} new matches, "
        f"{report.alerts_raised} alerts raised, {report.deliveries_created} deliveries queued"
    )
    if report.per_watch:
        typer.echo(
            "  stories per watch: "
            + ", ".join(f"{w}={n}" for w, n in sorted(report.per_watch.items()))
        )


def _print_test(report: Report, since: str, limit: int) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(soft_wrap=False)
    console.print(
        f"rules test: {report.articles_scanned} articles scanned (since {since}), "
        f"{report.articles_matched} would match — rules {report.version[:12]}; "
        "no alert raised"
    )
    if report.hits:
        table = Table(title="Articles that would match", show_lines=False, expand=False)
        for col in ("article", "source", "title", "rules", "evidence"):
            table.add_column(col, overflow="fold")
        for hit in report.hits[:limit]:
            table.add_row(
                str(hit.article_id) + (f" (line {hit.start_line})" if hit.start_line else ""),
                hit.source,
                (hit.title or "")[:80],
                ", ".join(m.rule for m in hit.matches),
                _evidence_text(hit.matches, Text),
            )
        console.print(table)
        if len(report.hits) > limit:
            console.print(f"… {len(report.hits) - limit} more (use --limit or --json)")
    counts = Table(title="Per rule")
    counts.add_column("rule")
    counts.add_column("articles", justify="right")
    for name, n in sorted(report.per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        counts.add_row(name, str(n))
    console.print(counts)
    if report.per_watch:
        console.print(
            "would alert (stories per watch): "
            + ", ".join(f"{w}={n}" for w, n in sorted(report.per_watch.items()))
        )


def _evidence_text(matches: list[Any], text_cls: Any) -> Any:
    """The first evidence snippet of each rule, the matched term in bold."""
    out = text_cls()
    for i, m in enumerate(matches):
        if not m.evidence:
            continue
        ev = m.evidence[0]
        snippet = " ".join(str(ev.snippet).split())[:160]
        if i:
            out.append("\n")
        out.append(f"{m.rule}: ", style="dim")
        pos = snippet.lower().find(str(ev.term).lower())
        if pos < 0:
            out.append(snippet)
        else:
            out.append(snippet[:pos])
            out.append(snippet[pos : pos + len(ev.term)], style="bold")
            out.append(snippet[pos + len(ev.term) :])
    return out


# ---- status -----------------------------------------------------------------------


def status(
    as_json: bool = typer.Option(False, "--json", help="One JSON document on stdout."),
    silent_after: str = typer.Option(
        "2d", "--silent-after", help="A feed with nothing new for this long is 'silent'."
    ),
) -> None:
    """Health at a glance: feeds, queue, deliveries, digests, rules, backfills."""
    from worker.config import get_settings
    from worker.history import HistoryError, parse_since
    from worker.status import collect_status

    try:
        window = parse_since(silent_after) or timedelta(days=3650)
    except HistoryError as exc:
        fail(str(exc).replace("--since", "--silent-after"))
    settings = get_settings()
    with _session() as session:
        doc = collect_status(
            session,
            rules_path=settings.rules,
            broker_url=settings.broker_url,
            data_dir=settings.data_dir,
            silent_after=window,
        )
    if as_json:
        print_json(doc)
        return
    _print_status(doc)


def _fmt_ts(ts: str | None) -> str:
    return ts.replace("T", " ")[:19] + " UTC" if ts else "never"


def _print_status(doc: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    console.print(
        f"[bold]newswatch status[/bold]  {_fmt_ts(doc['generated_at'])}  {doc['database']}"
    )
    f, q, d, dg, r, s = (
        doc["feeds"], doc["queue"], doc["deliveries"], doc["digests"], doc["rules"], doc["store"]
    )  # fmt: skip
    overview = Table(show_header=False, title="Overview", title_justify="left")
    overview.add_column("what", style="bold")
    overview.add_column("value")
    overview.add_row(
        "feeds",
        f"{f['total']} total: {f['ok']} ok, {f['failing']} failing, {f['silent']} silent"
        + (f", {f['inactive']} inactive" if f["inactive"] else ""),
    )
    overview.add_row("last poll", _fmt_ts(doc["last_poll"]))
    depth = "unknown" if q.get("depth") is None else str(q["depth"])
    overview.add_row("queue", f"{depth} messages ({q['broker']})" + _err(q))
    overview.add_row(
        "deliveries",
        f"{d['pending']} pending, {d['failed']} failed (retrying), {d['dead']} dead-lettered,"
        f" {d['delivered']} delivered",
    )
    overview.add_row(
        "last digest",
        f"{_fmt_ts(dg['last_sent_at'])} ({dg['sent']} sent, {dg['failed']} failed)",
    )
    if r["ok"]:
        rules_line = (
            f"{r['topics']} topics, {r['entities']} entities, {r['watches']} watches — "
            f"version {str(r['version'])[:12]} ({r['path']})"
        )
    else:
        rules_line = f"[red]not loadable[/red]: {r['error']} ({r['path']})"
    overview.add_row("rules", rules_line)
    overview.add_row(
        "store", f"{s['articles']} articles, {s['alerts']} alerts ({s['alerts_24h']} in 24 h)"
    )
    b = doc["backfills"]
    overview.add_row(
        "backfills",
        f"{b['queued']} queued, {b['running']} running, {b['done']} done, {b['failed']} failed",
    )
    console.print(overview)
    _print_bad_feeds(console, f["items"], Table)
    _print_backfills(console, b["recent"], Table)


def _err(part: dict[str, Any]) -> str:
    return f" — [red]{part['error']}[/red]" if part.get("error") else ""


def _print_bad_feeds(console: Any, items: list[dict[str, Any]], table_cls: Any) -> None:
    bad = [i for i in items if i["state"] in ("failing", "silent")]
    if not bad:
        return
    table = table_cls(title="Feeds needing attention", title_justify="left")
    for col in ("state", "feed", "failures", "last success", "last new item", "last error"):
        table.add_column(col, overflow="fold")
    for i in bad[:20]:
        table.add_row(
            f"[red]{i['state']}[/red]" if i["state"] == "failing" else f"[yellow]{i['state']}[/]",
            i["name"] or i["url"],
            str(i["consecutive_failures"]),
            _fmt_ts(i["last_success_at"]),
            _fmt_ts(i["last_new_item_at"]),
            (i["last_error"] or "")[:100],
        )
    console.print(table)


def _print_backfills(console: Any, jobs: list[dict[str, Any]], table_cls: Any) -> None:
    if not jobs:
        return
    table = table_cls(title="Recent backfills", title_justify="left")
    for col in ("job", "status", "progress", "seen", "stored", "alerts", "dump"):
        table.add_column(col, overflow="fold")
    for j in jobs:
        table.add_row(
            str(j["id"]),
            j["status"] + (f": {j['error']}" if j.get("error") else ""),
            f"{100 * j['progress']:.0f}%",
            str(j["articles_seen"]),
            str(j["articles_stored"]),
            str(j["alerts"]),
            j["path"],
        )
    console.print(table)
