"""``newswatch rules check RULES`` and ``newswatch match --rules RULES [--jsonl FILE | DUMP]``.

Both are pure (no database, broker or network) and start fast: the rules
package and the segmenter are imported inside the commands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from worker.cli.common import EXIT_USAGE, fail, print_json

rules_app = typer.Typer(help="Check watch rule files.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add ``rules check`` and ``match`` to the application."""
    app.add_typer(rules_app, name="rules")
    app.command("match")(match)


def _load(rules: str) -> tuple[Any, Any]:
    """Load and compile, or print every error as FILE:LINE: rule-id: message and exit 2."""
    from worker.rules import RulesError, compile_rules, load_rules

    try:
        rs = load_rules(rules)
    except RulesError as exc:
        for item in exc.errors:
            typer.echo(str(item), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    return rs, compile_rules(rs)


@rules_app.command("check")
def check(
    rules: str = typer.Argument(..., help="Rules folder or one rule file."),
    json_out: bool = typer.Option(False, "--json", help="Print a JSON summary."),
) -> None:
    """Validate rule files: exit 0 with a summary, or 2 with FILE:LINE: rule-id: message lines."""
    rs, matcher = _load(rules)
    summary = {
        "ok": True,
        "files": len(rs.files),
        "entities": len(rs.entities),
        "topics": len(rs.topics),
        "watches": len(rs.watches),
        "patterns": matcher.pattern_count,
        "version": rs.version,
    }
    if json_out:
        print_json(summary)
        return
    typer.echo(
        f"rules ok: {summary['entities']} entities, {summary['topics']} topics, "
        f"{summary['watches']} watches in {summary['files']} file(s) "
        f"({summary['patterns']} patterns, version {rs.version})"
    )


def match(
    dump: str | None = typer.Argument(None, help="Dump to segment and match (or - for stdin)."),
    rules: str = typer.Option(..., "--rules", help="Rules folder or one rule file."),
    jsonl: str | None = typer.Option(
        None, "--jsonl", help='Clean articles, one {"id", "title", "text"} JSON object per line.'
    ),
    json_out: bool = typer.Option(False, "--json", help="One JSON line per article."),
) -> None:
    """Match articles against the rules and print what matched, with evidence."""
    if (jsonl is None) == (dump is None):
        fail("give exactly one of --jsonl FILE or DUMP")
    _, matcher = _load(rules)
    emit = print_json if json_out else _print_human
    if jsonl is not None:
        for rec in _read_jsonl(jsonl):
            found = matcher.match(rec.get("title"), rec.get("text") or "")
            emit({"id": rec.get("id"), "matches": [m.to_json() for m in found]})
        return
    from worker.rules.fields import match_article
    from worker.segment import DumpError, segment_file

    source: Any = sys.stdin.buffer if dump == "-" else Path(str(dump))
    try:
        for art in segment_file(source):
            found = match_article(matcher, art.title, art.text, art.captions)
            emit(
                {
                    "start_line": art.start_line,
                    "end_line": art.end_line,
                    "title": art.title,
                    "matches": [m.to_json() for m in found],
                }
            )
    except DumpError as exc:
        fail(str(exc))


def _read_jsonl(path: str) -> Any:
    """Yield each article object; bad lines are bad input (exit 2)."""
    try:
        fh = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        fail(f"{path}: {exc.strerror or exc}")
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                fail(f"{path}:{n}: not valid JSON: {exc.msg}")
            if not isinstance(rec, dict) or not isinstance(rec.get("text", ""), str):
                fail(f"{path}:{n}: expected an object with id, title and text")
            if rec.get("title") is not None and not isinstance(rec["title"], str):
                fail(f"{path}:{n}: title must be a string or null")
            yield rec


def _print_human(rec: dict[str, Any]) -> None:
    """A short readable line per article, and one per matched rule."""
    where = rec.get("id") or f"lines {rec.get('start_line')}-{rec.get('end_line')}"
    matches = rec["matches"]
    typer.echo(
        f"{where}: {len(matches)} match(es)" + (f"  {rec['title']}" if rec.get("title") else "")
    )
    for m in matches:
        ev = m["evidence"][0] if m["evidence"] else None
        why = f"{ev['term']!r}: {ev['snippet'][:100]}" if ev else ""
        typer.echo(f"  {m['rule']:<24} {why}")
