"""Loading and validating rule files, with file and line in every error.

A user edits YAML by hand; when something is wrong they need to know where
(``rules/health.yaml:14: covid-origins: unknown entity @whoo``), and nothing
of a broken set may be half-applied: load_rules raises RulesError listing
every problem, and callers keep their last good rules.
"""

from __future__ import annotations

import hashlib
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from worker.rules.model import (
    EmailTarget,
    Entity,
    RuleSet,
    SourceHealth,
    Topic,
    Watch,
    WebhookTarget,
)
from worker.rules.query import QueryError, entity_refs, make_term, parse_query

MAX_FILE_BYTES = 20 * 1024 * 1024
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_DIGEST = re.compile(
    r"immediate|hourly|daily ([01]?[0-9]|2[0-3]):[0-5][0-9]"
    r"|weekly (mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday) ([01]?[0-9]|2[0-3]):[0-5][0-9]",
    re.IGNORECASE,
)
_DURATION = re.compile(r"[1-9][0-9]*[mhdw]")
_ENV = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _short(value: Any) -> str:
    """A value for an error message: never the repr of a (possibly huge) structure."""
    if isinstance(value, str):
        return repr(value if len(value) <= 80 else value[:77] + "...")
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    return f"a {type(value).__name__}"


@dataclass(frozen=True)
class RuleErrorItem:
    file: str
    line: int
    rule_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule_id}: {self.message}"


class RulesError(Exception):
    """Rules that cannot be used; str() is one ``FILE:LINE: rule-id: message`` per line."""

    def __init__(self, errors: list[RuleErrorItem]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class _Loader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping and of its keys."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict[str, Any]:
    out: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        out[key] = loader.construct_object(value_node, deep=True)
        lines[str(key)] = key_node.start_mark.line + 1
    out["__line__"] = node.start_mark.line + 1
    out["__lines__"] = lines
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class _Ctx:
    """Collects errors for one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[RuleErrorItem] = []

    def err(self, item: Any, rule_id: str, message: str, key: str | None = None) -> None:
        line = 0
        if isinstance(item, dict):
            line = item.get("__lines__", {}).get(key, item.get("__line__", 0)) if key else 0
            line = line or item.get("__line__", 0)
        elif isinstance(item, int):
            line = item
        self.errors.append(RuleErrorItem(self.file, line, rule_id or "-", message))


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def rule_files(path: str | Path) -> list[Path]:
    """The files a rules path stands for (a folder's *.yaml, or the file itself)."""
    return _files(Path(path))


def load_rules(path: str | Path) -> RuleSet:
    """Load and validate a rules folder or file; raise RulesError on any mistake."""
    root = Path(path)
    if not root.exists():
        raise RulesError([RuleErrorItem(str(root), 0, "-", "no such file or folder")])
    files = _files(root)
    if not files:
        raise RulesError([RuleErrorItem(str(root), 0, "-", "no *.yaml rule files in this folder")])
    digest = hashlib.sha256()
    docs: list[tuple[_Ctx, dict[str, Any]]] = []
    errors: list[RuleErrorItem] = []
    for f in files:
        ctx = _Ctx(str(f))
        doc = _read(f, ctx, digest)
        errors.extend(ctx.errors)
        if doc is not None:
            docs.append((ctx, doc))
    rs = RuleSet(version=digest.hexdigest()[:16], files=[str(f) for f in files])
    errors.extend(_build(docs, rs))
    if errors:
        raise RulesError(errors)
    return rs


def _read(f: Path, ctx: _Ctx, digest: Any) -> dict[str, Any] | None:
    try:
        data = f.read_bytes()
    except OSError as exc:
        ctx.err(0, "-", f"cannot read: {exc.strerror or exc}")
        return None
    if len(data) > MAX_FILE_BYTES:
        ctx.err(0, "-", f"file too large ({len(data)} bytes, at most {MAX_FILE_BYTES})")
        return None
    digest.update(f.name.encode() + b"\0" + data + b"\0")
    try:
        doc = yaml.load(data.decode("utf-8"), Loader=_Loader)
    except UnicodeDecodeError:
        ctx.err(0, "-", "not UTF-8 text")
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        ctx.err(line, "-", f"invalid YAML: {problem}")
        return None
    except RecursionError:
        ctx.err(0, "-", "invalid YAML: nested too deeply")
        return None
    if doc is None:
        return {"__line__": 1, "__lines__": {}}
    if not isinstance(doc, dict):
        ctx.err(1, "-", "a rule file is a mapping with entities, topics and watches")
        return None
    for key in doc:
        if key not in ("entities", "topics", "watches", "__line__", "__lines__"):
            msg = f"unknown section {_short(key)} (expected entities, topics, watches)"
            ctx.err(doc, "-", msg, key)
    return doc


def _items(ctx: _Ctx, doc: dict[str, Any], section: str) -> list[dict[str, Any]]:
    items = doc.get(section) or []
    if not isinstance(items, list):
        ctx.err(doc, "-", f"{section} must be a list", section)
        return []
    good = []
    for item in items:
        if not isinstance(item, dict):
            ctx.err(doc, "-", f"each entry of {section} must be a mapping", section)
        else:
            good.append(item)
    return good


def _build(docs: list[tuple[_Ctx, dict[str, Any]]], rs: RuleSet) -> list[RuleErrorItem]:
    """Check ids, then entities, topics (queries) and watches across all files."""
    seen: dict[str, str] = {}
    topic_items: list[tuple[_Ctx, dict[str, Any], str]] = []
    watch_items: list[tuple[_Ctx, dict[str, Any], str]] = []
    for ctx, doc in docs:
        for section in ("entities", "topics", "watches"):
            for item in _items(ctx, doc, section):
                rid = _check_id(ctx, item, section, seen)
                if rid is None:
                    continue
                if section == "entities":
                    _entity(ctx, item, rid, rs)
                elif section == "topics":
                    topic_items.append((ctx, item, rid))
                else:
                    watch_items.append((ctx, item, rid))
    # references are checked against declared ids, so a broken topic or entity
    # is reported once, not again by every rule that uses it
    entities = {k.split(":", 1)[1] for k in seen if k.startswith("entities:")}
    topics = {k.split(":", 1)[1] for k in seen if k.startswith("topics:")}
    for ctx, item, rid in topic_items:
        _topic(ctx, item, rid, rs, entities)
    for ctx, item, rid in watch_items:
        _watch(ctx, item, rid, rs, entities, topics)
    return [e for ctx, _ in docs for e in ctx.errors]


def _check_id(ctx: _Ctx, item: dict[str, Any], section: str, seen: dict[str, str]) -> str | None:
    rid = item.get("id")
    if not isinstance(rid, str) or not rid:
        ctx.err(item, "-", f"an entry of {section} has no id")
        return None
    if not _ID.fullmatch(rid):
        ctx.err(item, rid, "bad id: use lower-case letters, digits and '-'", "id")
        return None
    key = f"{section}:{rid}"
    where = seen.get(key)
    if where is not None:
        ctx.err(item, rid, f"duplicate id (first defined at {where})", "id")
        return None
    seen[key] = f"{ctx.file}:{item.get('__line__', 0)}"
    return rid


def _unknown_keys(ctx: _Ctx, item: dict[str, Any], rid: str, allowed: set[str]) -> None:
    for key in item:
        if key not in allowed and key not in ("__line__", "__lines__"):
            ctx.err(item, rid, f"unknown field {_short(key)}", key)


def _entity(ctx: _Ctx, item: dict[str, Any], rid: str, rs: RuleSet) -> None:
    _unknown_keys(ctx, item, rid, {"id", "name", "aliases"})
    aliases = item.get("aliases")
    if aliases is None:
        aliases = [item["name"]] if isinstance(item.get("name"), str) else []
    if not isinstance(aliases, list) or not aliases:
        ctx.err(item, rid, "an entity needs a non-empty list of aliases", "aliases")
        return
    good = True
    for alias in aliases:
        if not isinstance(alias, str) or not alias.strip():
            ctx.err(item, rid, f"alias {_short(alias)} must be a non-empty string", "aliases")
            good = False
            continue
        try:
            make_term(alias.replace("*", ""))
        except QueryError as exc:
            ctx.err(item, rid, f"alias {_short(alias)}: {exc}", "aliases")
            good = False
    if good:
        name = item.get("name") if isinstance(item.get("name"), str) else aliases[0]
        rs.entities[rid] = Entity(
            id=rid, name=name, aliases=tuple(aliases), file=ctx.file, line=item["__line__"]
        )


def _topic(ctx: _Ctx, item: dict[str, Any], rid: str, rs: RuleSet, entities: set[str]) -> None:
    _unknown_keys(ctx, item, rid, {"id", "name", "query"})
    query = item.get("query")
    if not isinstance(query, str) or not query.strip():
        ctx.err(item, rid, "empty query" if not query else "query must be a string", "query")
        return
    try:
        ast = parse_query(query)
    except QueryError as exc:
        ctx.err(item, rid, f"query: {exc}", "query")
        return
    missing = sorted(e for e in entity_refs(ast) if e not in entities)
    for e in missing:
        ctx.err(item, rid, f"unknown entity @{e}", "query")
    if missing or any(e not in rs.entities for e in entity_refs(ast)):
        return
    name = item.get("name") if isinstance(item.get("name"), str) else rid
    rs.topics[rid] = Topic(id=rid, name=name, query=query, file=ctx.file, line=item["__line__"])


_WATCH_KEYS = {
    "id",
    "name",
    "match",
    "webhooks",
    "email",
    "backfill_webhooks",
    "realert_on_update",
    "source_health",
}


def _watch(
    ctx: _Ctx,
    item: dict[str, Any],
    rid: str,
    rs: RuleSet,
    entities: set[str],
    topics: set[str],
) -> None:
    _unknown_keys(ctx, item, rid, _WATCH_KEYS)
    before = len(ctx.errors)
    match = item.get("match")
    if not isinstance(match, list) or not match:
        ctx.err(item, rid, "match must be a non-empty list of topic ids and @entity ids", "match")
        match = []
    for ref in match:
        if not isinstance(ref, str):
            ctx.err(item, rid, f"match entry {_short(ref)} must be a string", "match")
        elif ref.startswith("@") and ref[1:] not in entities:
            ctx.err(item, rid, f"match: unknown entity {ref}", "match")
        elif not ref.startswith("@") and ref not in topics:
            ctx.err(item, rid, f"match: unknown topic {_short(ref)}", "match")
    webhooks = _webhooks(ctx, item, rid)
    email = _email(ctx, item, rid)
    health = _health(ctx, item, rid)
    flags = {}
    for key in ("backfill_webhooks", "realert_on_update"):
        value = item.get(key, False)
        if not isinstance(value, bool):
            ctx.err(item, rid, f"{key} must be true or false", key)
        flags[key] = bool(value)
    if len(ctx.errors) > before:
        return
    name = item.get("name") if isinstance(item.get("name"), str) else None
    rs.watches[rid] = Watch(
        id=rid,
        name=name,
        match=tuple(match),
        webhooks=tuple(webhooks),
        email=email,
        source_health=health,
        file=ctx.file,
        line=item["__line__"],
        **flags,
    )


def _webhooks(ctx: _Ctx, item: dict[str, Any], rid: str) -> list[WebhookTarget]:
    hooks = item.get("webhooks") or []
    if not isinstance(hooks, list):
        ctx.err(item, rid, "webhooks must be a list", "webhooks")
        return []
    out = []
    for hook in hooks:
        if not isinstance(hook, dict):
            ctx.err(item, rid, "each webhook is a mapping with a url", "webhooks")
            continue
        _unknown_keys(ctx, hook, rid, {"url", "secret_env", "batch"})
        url = hook.get("url")
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            ctx.err(hook, rid, f"webhook url {_short(url)} is not an http(s) URL", "url")
            continue
        secret = hook.get("secret_env")
        if secret is not None and (not isinstance(secret, str) or not _ENV.fullmatch(secret)):
            ctx.err(
                hook,
                rid,
                f"secret_env {_short(secret)} is not an environment variable name",
                "secret_env",
            )
            continue
        batch = hook.get("batch")
        if batch is not None and (type(batch) is not int or batch < 1):
            ctx.err(hook, rid, "batch must be a positive whole number", "batch")
            continue
        out.append(WebhookTarget(url=url, secret_env=secret, batch=batch))
    return out


def _email(ctx: _Ctx, item: dict[str, Any], rid: str) -> EmailTarget | None:
    email = item.get("email")
    if email is None:
        return None
    if not isinstance(email, dict):
        ctx.err(item, rid, "email must be a mapping with to, digest, timezone", "email")
        return None
    _unknown_keys(ctx, email, rid, {"to", "digest", "timezone"})
    to = email.get("to")
    if isinstance(to, str):
        to = [to]
    if not isinstance(to, list) or not to:
        ctx.err(email, rid, "email.to must list at least one address", "to")
        return None
    for addr in to:
        if not isinstance(addr, str) or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", addr):
            ctx.err(email, rid, f"email address {_short(addr)} is not valid", "to")
            return None
    digest = email.get("digest", "daily 08:00")
    if not isinstance(digest, str) or not _valid_digest(digest):
        ctx.err(
            email,
            rid,
            f"digest {_short(digest)} must be immediate, hourly, daily HH:MM or weekly DAY HH:MM",
            "digest",
        )
        digest = None
    tz = email.get("timezone", "UTC")
    if not isinstance(tz, str) or not _valid_tz(tz):
        msg = f"timezone {_short(tz)} is not an IANA time zone (e.g. Europe/London)"
        ctx.err(email, rid, msg, "timezone")
        return None
    if digest is None:
        return None
    return EmailTarget(to=tuple(to), digest=" ".join(digest.split()).lower(), timezone=tz)


def _valid_digest(digest: str) -> bool:
    return _DIGEST.fullmatch(" ".join(digest.split())) is not None


def _valid_tz(tz: str) -> bool:
    if not tz or tz.startswith(("/", ".")) or ".." in tz:
        return False
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _health(ctx: _Ctx, item: dict[str, Any], rid: str) -> SourceHealth | None:
    health = item.get("source_health")
    if health is None:
        return None
    if health is True:
        return SourceHealth()
    if not isinstance(health, dict):
        ctx.err(item, rid, "source_health must be a mapping (failures, silent)", "source_health")
        return None
    _unknown_keys(ctx, health, rid, {"failures", "silent"})
    failures = health.get("failures", 5)
    if type(failures) is not int or failures < 1:
        ctx.err(health, rid, "source_health.failures must be a positive whole number", "failures")
        return None
    silent = health.get("silent", "2d")
    if silent is not None and (not isinstance(silent, str) or not _DURATION.fullmatch(silent)):
        ctx.err(
            health,
            rid,
            f"source_health.silent {_short(silent)} must look like 30m, 12h, 2d or 1w",
            "silent",
        )
        return None
    return SourceHealth(failures=failures, silent=silent)
