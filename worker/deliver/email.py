"""Digest emails: rendering (Jinja2, HTML autoescaped) and sending over SMTP.

Titles and snippets come from the web, so the HTML part never marks them safe:
only the ``<mark>`` tags around matched terms are markup, everything between
them is escaped. Each article appears once, under the first of its rules in the
watch's order, with every rule it matched listed beside it.
"""

from __future__ import annotations

import logging
import re
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from worker.deliver.common import get

log = logging.getLogger(__name__)

MAX_SHOWN = 200  # articles rendered in one digest body


@lru_cache(maxsize=1)
def _env() -> Environment:
    """Autoescape on for the HTML template, off for the plain-text one."""
    return Environment(
        loader=PackageLoader("worker.deliver", "templates"),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# ------------------------------------------------------------ highlighting --


def _spans_in_snippet(ev: dict[str, Any], article: dict[str, Any]) -> list[tuple[int, int]]:
    """Where the matched term sits inside the evidence snippet.

    The offsets point into the article text (or title); the snippet is the
    sentence around them, so locate the snippet there first. Fall back to a
    case-insensitive search for the matched words inside the snippet."""
    snippet = ev.get("snippet") or ""
    source = (article.get("title") if ev.get("field") == "title" else article.get("text")) or ""
    start, end = ev.get("start"), ev.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(source):
        pos = source.rfind(snippet, 0, start + 1) if snippet else -1
        if pos >= 0 and end <= pos + len(snippet):
            return [(start - pos, end - pos)]
        surface = source[start:end]
    else:
        surface = str(ev.get("term") or "")
    spans = []
    words = surface.split()  # the snippet has its whitespace collapsed
    if words:
        pattern = r"\s+".join(re.escape(w) for w in words)
        for m in re.finditer(pattern, snippet, flags=re.IGNORECASE):
            spans.append((m.start(), m.end()))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def highlight(snippet: str, spans: list[tuple[int, int]]) -> tuple[Markup, str]:
    """The snippet as escaped HTML with ``<mark>`` around each span, and as plain
    text with the terms in ``[brackets]``."""
    html, text, last = Markup(""), "", 0
    for s, e in _merge(spans):
        html += escape(snippet[last:s]) + Markup("<mark>") + escape(snippet[s:e])
        html += Markup("</mark>")
        text += snippet[last:s] + "[" + snippet[s:e] + "]"
        last = e
    html += escape(snippet[last:])
    text += snippet[last:]
    return html, text


# ------------------------------------------------------------ sections -----


@dataclass
class Item:
    title: str
    url: str | None
    source: str
    published: str | None
    cluster_size: int
    rules: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)


def _item(info: dict[str, Any]) -> Item:
    art = info["article"]
    by_snippet: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for rule in info["rules"]:
        for ev in rule["evidence"]:
            key = (ev.get("field") or "text", ev.get("snippet") or "")
            if key[1]:
                by_snippet.setdefault(key, []).extend(_spans_in_snippet(ev, art))
    evidence = []
    for (_, snippet), spans in by_snippet.items():
        html, text = highlight(snippet, spans)
        evidence.append({"html": html, "text": text})
    published = (art.get("published_at") or "")[:16].replace("T", " ") or None
    return Item(
        title=art.get("title") or "(untitled)",
        url=art.get("url"),
        source=(art.get("source") or {}).get("name") or "",
        published=published,
        cluster_size=int(art.get("cluster_size") or 1),
        rules=[r["id"] for r in info["rules"]],
        evidence=evidence,
    )


def group_sections(watch: Any, infos: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Topics first, then entities, in the watch's order; each article once."""
    order = [str(m) for m in get(watch, "match", None) or []]
    seen: set[int] = set()
    buckets: dict[str, list[Item]] = {}
    for info in infos:
        aid = info["article"]["id"]
        if aid in seen:
            continue
        seen.add(aid)
        rules = [r["id"] for r in info["rules"]] or ["(other)"]
        ranked = sorted(rules, key=lambda r: (r.startswith("@"), *_rank(order, r)))
        buckets.setdefault(ranked[0], []).append(_item(info))
    keys = sorted(buckets, key=lambda r: (r.startswith("@"), *_rank(order, r)))
    sections = []
    for key in keys:
        label = f"Entity {key[1:]}" if key.startswith("@") else f"Topic {key}"
        sections.append({"label": label, "rule": key, "articles": buckets[key]})
    return sections


def _rank(order: list[str], rule: str) -> tuple[int, str]:
    return (order.index(rule) if rule in order else len(order), rule)


# ------------------------------------------------------------ message ------


def subject_for(watch_id: str, sections: list[dict[str, Any]], articles: int) -> str:
    counts = ", ".join(f"{s['rule']} {len(s['articles'])}" for s in sections[:4])
    more = "…" if len(sections) > 4 else ""
    plural = "" if articles == 1 else "s"
    return f"[newswatch] {watch_id}: {articles} new article{plural} ({counts}{more})"


def _cap(sections: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """At most ``limit`` articles in the body (a backfill can put thousands in one
    period); the subject still counts them all and the body says how many are left."""
    out, left = [], limit
    for s in sections:
        if left <= 0:
            break
        out.append(dict(s, articles=s["articles"][:left]))
        left -= len(out[-1]["articles"])
    return out


def build_message(
    watch: Any,
    recipient: str,
    infos: Sequence[dict[str, Any]],
    *,
    period_label: str,
    sender: str,
) -> EmailMessage:
    """One digest message with a plain-text and an HTML part."""
    watch_id = str(get(watch, "id"))
    sections = group_sections(watch, infos)
    articles = sum(len(s["articles"]) for s in sections)
    subject = subject_for(watch_id, sections, articles)
    shown = _cap(sections, MAX_SHOWN)
    unsubscribe = f"mailto:{sender}?subject={quote(f'unsubscribe {watch_id} {recipient}')}"
    ctx = {
        "subject": subject,
        "watch_id": watch_id,
        "article_count": articles,
        "period_label": period_label,
        "sections": shown,
        "hidden": articles - sum(len(s["articles"]) for s in shown),
        "unsubscribe": unsubscribe,
    }
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = recipient
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    msg["List-Unsubscribe"] = f"<{unsubscribe}>"
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(_env().get_template("digest.txt.j2").render(**ctx))
    msg.add_alternative(_env().get_template("digest.html.j2").render(**ctx), subtype="html")
    return msg


# ------------------------------------------------------------ sending ------


class SMTPConfigError(ValueError):
    """NEWSWATCH_SMTP_URL cannot be understood."""


def send_smtp(msg: EmailMessage, smtp_url: str, timeout: float = 30.0) -> None:
    """Send over ``smtp://``, ``smtps://`` (TLS) or ``smtp+starttls://`` (also
    ``smtp://…?starttls``); ``user:password@`` in the URL logs in."""
    parts = urlsplit(smtp_url)
    scheme = parts.scheme.lower()
    if scheme not in ("smtp", "smtps", "smtp+starttls") or not parts.hostname:
        raise SMTPConfigError("NEWSWATCH_SMTP_URL must be smtp://, smtps:// or smtp+starttls://")
    query = parse_qs(parts.query, keep_blank_values=True)
    starttls = scheme == "smtp+starttls" or (
        "starttls" in query and query["starttls"][-1].lower() not in ("0", "false", "no")
    )
    default_port = {"smtps": 465, "smtp+starttls": 587}.get(scheme, 25)
    port = parts.port or default_port
    context = ssl.create_default_context()
    if scheme == "smtps":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            parts.hostname, port, timeout=timeout, context=context
        )
    else:
        client = smtplib.SMTP(parts.hostname, port, timeout=timeout)
    with client:
        if starttls:
            client.starttls(context=context)
        if parts.username:
            client.login(unquote(parts.username), unquote(parts.password or ""))
        client.send_message(msg)


def write_eml(msg: EmailMessage, folder: Path, name: str) -> Path:
    """No SMTP configured: keep the digest as a file and say where in the log."""
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:180]
    path = folder / f"{safe}.eml"
    path.write_bytes(bytes(msg))
    log.info("digest written to %s (NEWSWATCH_SMTP_URL is unset): %s", path, msg["Subject"])
    return path
