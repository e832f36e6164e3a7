"""``newswatch feeds add|list|remove``: the feeds the scheduler polls.

A feed URL is checked by the SSRF guard when it is added (and again by the
poller at every fetch), so a typo'd or hostile URL fails here with a clear
message instead of failing silently on every poll.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import typer

from worker.cli.common import fail, print_json

feeds_app = typer.Typer(help="Add, list and remove polled RSS/Atom feeds.", no_args_is_help=True)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.I)
MIN_EVERY = 10  # seconds; politeness towards the publisher
MAX_EVERY = 30 * 86400


def parse_every(text: str) -> int:
    """ "10m", "1h", "90s", "2d" or plain seconds; raises ValueError with the reason."""
    m = _DURATION.match(text)
    if not m:
        raise ValueError(f"invalid interval {text!r} (use e.g. 90s, 10m, 1h, 1d)")
    seconds = int(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]
    if not MIN_EVERY <= seconds <= MAX_EVERY:
        raise ValueError(f"interval {text!r} must be between {MIN_EVERY}s and 30d")
    return seconds


def _fmt_every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@contextmanager
def _session() -> Iterator[Any]:
    """A session on the configured database, brought up to date first when it is a
    local SQLite file (so a fresh clone needs no separate `db upgrade`)."""
    from worker.config import get_settings
    from worker.store.db import session_scope, upgrade

    url = get_settings().database_url
    if url.startswith("sqlite"):
        upgrade(url)
    with session_scope(url) as session:
        yield session


def _iso(ts: datetime | None) -> str | None:
    if ts is None:
        return None
    if ts.tzinfo is None:  # SQLite hands back naive datetimes; they are stored as UTC
        ts = ts.replace(tzinfo=UTC)
    return ts.isoformat()


def _feed_json(src: Any) -> dict[str, Any]:
    return {
        "id": src.id,
        "url": src.url,
        "name": src.name,
        "every_seconds": src.every_seconds,
        "full_text": bool(src.fetch_full_text),
        "active": bool(src.active),
        "last_success_at": _iso(src.last_success_at),
        "last_attempt_at": _iso(src.last_attempt_at),
        "last_new_item_at": _iso(src.last_new_item_at),
        "consecutive_failures": src.consecutive_failures,
        "next_due_at": _iso(src.next_due_at),
        "last_error": src.last_error,
    }


@feeds_app.command("add")
def add(
    url: str = typer.Argument(..., help="http(s) URL of an RSS or Atom feed."),
    every: str = typer.Option("10m", "--every", help="Poll interval: 90s, 10m, 1h, 1d."),
    name: str | None = typer.Option(None, "--name", help="A display name (default: host)."),
    full_text: bool = typer.Option(
        False, "--full-text", help="Fetch each article page when items carry only a summary."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the stored feed as JSON."),
) -> None:
    """Watch a feed (adding it again updates its interval, name and full-text option)."""
    from sqlmodel import select

    from worker.config import get_settings
    from worker.net import UnsafeURLError, check_url
    from worker.store.models import Source

    url = url.strip()
    try:
        seconds = parse_every(every)
        check_url(url, allow_private=get_settings().allow_private_urls)
    except UnsafeURLError as exc:
        fail(f"feed URL {exc}")
    except ValueError as exc:
        fail(str(exc))
    now = datetime.now(UTC)
    with _session() as session:
        src = session.exec(select(Source).where(Source.url == url)).first()
        verb = "updated" if src is not None else "added"
        if src is None:
            src = Source(kind="feed", url=url, created_at=now, next_due_at=now)
        elif src.kind != "feed":
            fail(f"{url} is already a {src.kind} source")
        elif not src.active:
            src.next_due_at = now
        src.every_seconds = seconds
        src.name = name or src.name or (re.sub(r"^https?://", "", url).split("/")[0])
        src.fetch_full_text = full_text
        src.active = True
        session.add(src)
        session.flush()
        doc = _feed_json(src)
    if as_json:
        print_json(doc)
    else:
        typer.echo(f"{verb} feed {doc['id']}: {url} every {_fmt_every(seconds)}")


@feeds_app.command("list")
def list_feeds(
    as_json: bool = typer.Option(False, "--json", help="One JSON object per feed per line."),
    all_: bool = typer.Option(False, "--all", help="Include removed (inactive) feeds."),
) -> None:
    """Feeds with their state: last success, consecutive failures, next due, last error."""
    from sqlmodel import select

    from worker.store.models import Source

    with _session() as session:
        stmt = select(Source).where(Source.kind == "feed").order_by(Source.id)  # type: ignore[arg-type]
        if not all_:
            stmt = stmt.where(Source.active == True)  # noqa: E712 - SQL expression
        docs = [_feed_json(s) for s in session.exec(stmt).all()]
    if as_json:
        for doc in docs:
            print_json(doc)
        return
    if not docs:
        typer.echo("no feeds (add one with: newswatch feeds add URL)")
        return
    _print_table(docs)


def _print_table(docs: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for col in ("id", "feed", "every", "last success", "fail", "next due", "last error"):
        table.add_column(col, overflow="fold")
    for d in docs:
        state = "" if d["active"] else " (removed)"
        table.add_row(
            str(d["id"]),
            f"{d['name']}{state}\n{d['url']}" if d["name"] else d["url"],
            _fmt_every(d["every_seconds"]) + (" +text" if d["full_text"] else ""),
            _short(d["last_success_at"]) or "never",
            str(d["consecutive_failures"]),
            _short(d["next_due_at"]) or "-",
            (d["last_error"] or "")[:80],
        )
    Console(width=160).print(table)


def _short(iso: str | None) -> str | None:
    return iso[:19].replace("T", " ") + "Z" if iso else None


@feeds_app.command("remove")
def remove(url: str = typer.Argument(..., help="The URL given to `feeds add`.")) -> None:
    """Stop polling a feed. Its articles and alerts are kept (the feed is deactivated
    when it has articles, deleted otherwise)."""
    from sqlmodel import func, select

    from worker.store.models import Article, Source

    url = url.strip()
    with _session() as session:
        src = session.exec(select(Source).where(Source.url == url, Source.kind == "feed")).first()
        if src is None or not src.active:
            fail(f"no feed with URL {url} (see: newswatch feeds list)")
        kept = session.exec(select(func.count()).where(Article.source_id == src.id)).one()
        if kept:
            src.active = False
            src.next_due_at = None
            session.add(src)
        else:
            session.delete(src)
    suffix = f" ({kept} articles kept)" if kept else ""
    typer.echo(f"removed feed: {url}{suffix}")


def register(app: typer.Typer) -> None:
    """Attach ``feeds`` to the main app."""
    app.add_typer(feeds_app, name="feeds")
