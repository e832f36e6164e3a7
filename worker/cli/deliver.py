"""Delivery commands: inspect and retry the outbox, test webhooks, send digests."""

from __future__ import annotations

from typing import Any

import typer

from worker.cli.common import EXIT_FAILED, fail, print_json

deliveries_app = typer.Typer(help="Inspect and retry alert deliveries.", no_args_is_help=True)
webhooks_app = typer.Typer(help="Webhook endpoints.", no_args_is_help=True)
digest_app = typer.Typer(help="Email digests.", no_args_is_help=True)

FAILED_STATES = ("failed", "dead")


def _engine() -> Any:
    """The configured database, brought up to date when it is a local SQLite file."""
    from worker.config import get_settings
    from worker.store.db import get_engine, upgrade

    url = get_settings().database_url
    if url.startswith("sqlite"):
        upgrade(url)
    return get_engine(url)


def _watches() -> dict[str, Any]:
    from worker.deliver.common import load_watches
    from worker.rules import RulesError

    try:
        return load_watches()
    except RulesError as exc:
        fail(f"rules are invalid:\n{exc}")
    except FileNotFoundError as exc:
        fail(f"rules not found: {exc}")


def _row_json(row: Any) -> dict[str, Any]:
    from worker.deliver.common import aware

    def iso(v: Any) -> str | None:
        dt = aware(v)
        return dt.isoformat() if dt else None

    return {
        "id": row.id,
        "alert_id": row.alert_id,
        "watch": row.watch_id,
        "channel": row.channel,
        "target": row.target,
        "status": row.status,
        "attempts": row.attempts,
        "next_attempt_at": iso(row.next_attempt_at),
        "last_error": row.last_error,
        "message_id": row.message_id,
        "created_at": iso(row.created_at),
        "delivered_at": iso(row.delivered_at),
    }


@deliveries_app.command("list")
def deliveries_list(
    failed: bool = typer.Option(False, "--failed", help="Only failed and dead-lettered ones."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    limit: int = typer.Option(200, "--limit", min=1, help="At most this many, newest first."),
) -> None:
    """List deliveries, newest first."""
    from sqlalchemy import select

    from worker.store.models import Delivery

    stmt = select(Delivery.__table__).order_by(Delivery.__table__.c.id.desc()).limit(limit)
    if failed:
        stmt = stmt.where(Delivery.__table__.c.status.in_(FAILED_STATES))
    with _engine().connect() as conn:
        rows = conn.execute(stmt).all()
    if as_json:
        for row in rows:
            print_json(_row_json(row))
        return
    if not rows:
        typer.echo("no deliveries")
        return
    for row in rows:
        err = f"  {row.last_error}" if row.last_error else ""
        typer.echo(
            f"{row.id:>6}  {row.status:<9} {row.channel:<7} {row.watch_id}  "
            f"{row.target}  attempts={row.attempts}{err}"
        )


@deliveries_app.command("retry")
def deliveries_retry(
    delivery_id: int | None = typer.Argument(None, help="Delivery id to retry now."),
    all_failed: bool = typer.Option(False, "--all-failed", help="Every failed or dead one."),
) -> None:
    """Put failed or dead-lettered deliveries back in the queue, due now, with a
    fresh retry schedule (same webhook-id, so receivers still deduplicate)."""
    from worker.deliver.webhook import requeue

    if (delivery_id is None) == (not all_failed):
        fail("give a delivery ID or --all-failed (not both)")
    n = requeue(_engine(), None if all_failed else delivery_id)
    if delivery_id is not None and n == 0:
        fail(f"delivery {delivery_id} does not exist or is not failed/dead")
    typer.echo(f"{n} deliver{'y' if n == 1 else 'ies'} queued for retry")


@webhooks_app.command("test")
def webhooks_test(
    watch_id: str = typer.Argument(..., metavar="WATCH", help="Watch id from the rules."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Send a signed ping to every webhook endpoint of WATCH and print the results."""
    from worker.deliver.webhook import ping

    watch = _watches().get(watch_id)
    if watch is None:
        fail(f"unknown watch: {watch_id}")
    results = ping(watch)
    if not results:
        fail(f"watch {watch_id} has no webhooks")
    ok = True
    for url, out in results:
        ok &= out.kind == "delivered"
        if as_json:
            print_json(
                {
                    "url": url,
                    "ok": out.kind == "delivered",
                    "status": out.status_code,
                    "error": out.error,
                }
            )
        else:
            what = f"HTTP {out.status_code}" if out.status_code else out.error
            typer.echo(f"{'ok  ' if out.kind == 'delivered' else 'FAIL'} {url}  {what}")
    if not ok:
        raise typer.Exit(EXIT_FAILED)


@digest_app.command("send")
def digest_send(
    watch_id: str | None = typer.Option(None, "--watch", help="Only this watch."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Send due email digests now (and retry digests whose send failed)."""
    from worker.deliver.digest import send_due_digests

    watches = _watches()
    if watch_id is not None and watch_id not in watches:
        fail(f"unknown watch: {watch_id}")
    counts = send_due_digests(_engine(), watches, watch_id=watch_id)
    if as_json:
        print_json(counts)
    else:
        typer.echo(
            f"digests: {counts['sent']} sent, {counts['failed']} failed, {counts['alerts']} alerts"
        )
    if counts["failed"]:
        raise typer.Exit(EXIT_FAILED)


def register(app: typer.Typer) -> None:
    """Attach the delivery command groups to the main app."""
    app.add_typer(deliveries_app, name="deliveries")
    app.add_typer(webhooks_app, name="webhooks")
    app.add_typer(digest_app, name="digest")
