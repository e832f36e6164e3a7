"""Fetching and parsing RSS/Atom feeds politely and defensively.

A feed URL is hostile until proven otherwise, so a fetch is bounded on every
axis: the SSRF-guarded client of :mod:`worker.net`, connect/read timeouts plus an
overall deadline, a cap on the body both as sent and once decompressed (gzip
bombs), a redirect limit, and at most one request in flight per host within a
process (:class:`HostLimiter`). Across processes and machines politeness comes
from scheduling: a source is claimed by one worker at a time and its next poll is
spaced by ``every_seconds`` and the backoff of :func:`next_poll`.

Parsing uses feedparser on *bytes* (a string argument can make feedparser open
a URL or a file). Its loose fallback parser expands XML entities without limit
(a 110 KB billion-laughs feed grew to 1 GB), so DOCTYPE and ENTITY declarations
are stripped first; large bodies are parsed in a child process with a time and
memory limit. Item HTML becomes plain text with lxml (already a dependency
through trafilatura, the maintained main-text extractor used for opt-in full
text): paragraphs become lines, scripts and styles are dropped.

The database side stays thin: :func:`apply_fetch_result` updates a Source row's
fetch state; the worker passes the items on to the pipeline.
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import json
import logging
import re
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from worker import net

log = logging.getLogger(__name__)

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MB
DEFAULT_DEADLINE = 30.0  # seconds for one whole fetch, headers and body
DEFAULT_PARSE_TIMEOUT = 30.0
INLINE_PARSE_LIMIT = 1 * MB  # larger bodies are parsed in a bounded child process
PARSE_MEMORY_LIMIT = 1024 * MB
MAX_BACKOFF = 24 * 3600
MAX_RETRY_AFTER = 7 * 24 * 3600
FULL_TEXT_MIN_CHARS = 600  # a summary shorter than this asks for the article page
FULL_TEXT_MAX_PAGES = 20  # per poll, so one feed cannot turn a poll into a crawl
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_hsenc", "_hsmi"}
)


@dataclass
class FeedItem:
    """One feed entry, ready to become an article (``text`` is plain text)."""

    guid: str | None
    url: str | None
    title: str | None
    author: str | None
    published: datetime | None
    text: str


@dataclass
class FetchResult:
    """Outcome of one poll. ``error`` is a one-line reason whenever status is "error"."""

    status: str  # "ok" | "not_modified" | "error"
    items: list[FeedItem] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None
    http_status: int | None = None
    final_url: str | None = None  # after redirects
    feed_title: str | None = None
    warning: str | None = None  # a malformed feed whose items were recovered anyway
    body_hash: str | None = None  # SHA-256 of the 200 body (same as last time: not_modified)


class FetchError(Exception):
    """A failed fetch, with what the result should carry."""

    def __init__(
        self, message: str, *, http_status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.retry_after = retry_after


class HostBusy(FetchError):
    """Another request to the same host is still in flight in this process."""


class HostLimiter:
    """At most one request in flight per host, across the threads of one process.

    Keyed by host name (not port): politeness is owed to a server, not a socket.
    """

    def __init__(self) -> None:
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    @contextmanager
    def hold(self, host: str, timeout: float) -> Iterator[None]:
        with self._guard:
            lock = self._locks.setdefault(host.lower(), threading.Lock())
        if not lock.acquire(timeout=max(timeout, 0.0)):
            raise HostBusy(f"another request to {host} was still in flight after {timeout:g} s")
        try:
            yield
        finally:
            lock.release()


HOST_LIMITER = HostLimiter()


def make_feed_client(
    *, allow_private: bool | None = None, max_connections: int = 10, **kwargs: Any
) -> httpx.Client:
    """The guarded client for polling, configured from settings (User-Agent, private
    URLs); read and connect timeouts per socket operation, redirects limited to 5."""
    from worker.config import get_settings

    settings = get_settings()
    return net.make_client(
        allow_private=settings.allow_private_urls if allow_private is None else allow_private,
        user_agent=settings.user_agent,
        timeout=kwargs.pop("timeout", httpx.Timeout(15.0, connect=5.0)),
        max_redirects=kwargs.pop("max_redirects", 5),
        max_connections=max_connections,
        **kwargs,
    )


# --------------------------------------------------------------------------- schedule


def next_poll(
    every_seconds: int, failures: int, retry_after: float | None, now: datetime
) -> datetime:
    """When to poll next: every ``every_seconds``, doubling per consecutive failure up
    to 24 h (or the interval, if longer); a server's Retry-After (capped at 7 days)
    is never undercut. A failing feed is slowed, never dropped."""
    delay = float(every_seconds)
    if failures > 0:
        delay = min(every_seconds * 2.0 ** min(failures, 32), max(MAX_BACKOFF, every_seconds))
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return now + timedelta(seconds=delay)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(int(value))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def apply_fetch_result(source: Any, result: FetchResult, now: datetime) -> None:
    """Update a Source row's fetch state from ``result`` (the caller commits).

    Success (including 304) resets the failure count; an error increments it,
    records the reason and backs off. ``last_new_item_at`` is the pipeline's to set.
    """
    source.last_attempt_at = now
    if result.status == "error":
        source.consecutive_failures = (source.consecutive_failures or 0) + 1
        source.last_error = result.error
        log.warning(
            "feed poll failed",
            extra={
                "source_id": getattr(source, "id", None),
                "url": source.url,
                "failures": source.consecutive_failures,
                "error": result.error,
            },
        )
    else:
        source.consecutive_failures = 0
        source.last_error = None
        source.last_success_at = now
        if result.status == "ok" or result.etag:
            source.etag = result.etag
        if result.status == "ok" or result.last_modified:
            source.last_modified = result.last_modified
    source.next_due_at = next_poll(
        source.every_seconds, source.consecutive_failures, result.retry_after, now
    )


# --------------------------------------------------------------------------- download


class _CappedDecoder:
    """Content-Encoding decoding that never produces more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = encoding
        self.limit = limit
        self.total = 0
        if encoding in ("", "identity"):
            self._d = None
        elif encoding in ("gzip", "x-gzip"):
            self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._d = zlib.decompressobj()
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}")
        self._first = True

    def _grow(self, n: int) -> None:
        self.total += n
        if self.total > self.limit:
            what = "decompressed body" if self._d is not None else "body"
            raise FetchError(f"{what} exceeds the {self.limit // MB} MB size cap")

    def feed(self, data: bytes) -> bytes:
        if self._d is None:
            self._grow(len(data))
            return data
        out = bytearray()
        while data:
            try:
                part = self._d.decompress(data, self.limit - self.total + 1)
            except zlib.error as exc:
                if self.encoding == "deflate" and self._first:  # raw deflate, no zlib header
                    self._d, self._first = zlib.decompressobj(-zlib.MAX_WBITS), False
                    continue
                raise FetchError(f"corrupt {self.encoding} body: {exc}") from None
            self._first = False
            self._grow(len(part))
            out += part
            data = self._d.unconsumed_tail
            if not data and self._d.eof and self._d.unused_data:  # concatenated gzip members
                data = self._d.unused_data
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return bytes(out)


def _read_capped(resp: httpx.Response, max_bytes: int) -> bytes:
    length = resp.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(
            f"body of {int(length) / MB:.1f} MB exceeds the {max_bytes // MB} MB size cap",
            http_status=resp.status_code,
        )
    encoding = resp.headers.get("content-encoding", "").strip().lower()
    decoder = _CappedDecoder(encoding, max_bytes)
    raw = 0
    body = bytearray()
    for chunk in resp.iter_raw(64 * 1024):
        raw += len(chunk)
        if raw > max_bytes:
            raise FetchError(f"body exceeds the {max_bytes // MB} MB size cap")
        body += decoder.feed(chunk)
    return bytes(body)


def _describe(exc: Exception, deadline_s: float, max_redirects: int | None) -> str:
    if isinstance(exc, net.UnsafeURLError | FetchError):
        return str(exc)
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {max_redirects}; a redirect loop?)"
    if isinstance(exc, httpx.TimeoutException):
        if "deadline" in str(exc):
            return f"timed out: overall deadline of {deadline_s:g} s exceeded"
        return f"timed out: {type(exc).__name__} {exc}".rstrip()
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection failed: {exc or 'protocol error'}"
    if isinstance(exc, httpx.TransportError):
        return f"connection failed: {type(exc).__name__}: {exc}"
    return f"{type(exc).__name__}: {exc}"


@dataclass
class _Response:
    status: int
    headers: httpx.Headers
    body: bytes
    url: str


def _get(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    *,
    max_bytes: int,
    deadline_s: float,
    limiter: HostLimiter,
) -> _Response:
    """One guarded GET: host politeness, overall deadline, capped and decoded body.
    A 304 or an error status returns without reading the body."""
    host = httpx.URL(url).host or url
    started = time.monotonic()
    with limiter.hold(host, deadline_s):
        left = deadline_s - (time.monotonic() - started)
        with net.deadline(left), client.stream("GET", url, headers=headers) as resp:
            body = b"" if resp.status_code == 304 or resp.status_code >= 400 else None
            if body is None:
                body = _read_capped(resp, max_bytes)
            return _Response(resp.status_code, resp.headers, body, str(resp.url))


def _status_error(resp: _Response, now: datetime) -> FetchError:
    retry_after = None
    if resp.status in (429, 503):
        retry_after = parse_retry_after(resp.headers.get("retry-after"), now)
    phrase = httpx.codes.get_reason_phrase(resp.status)
    msg = f"HTTP {resp.status} {phrase}".rstrip()
    if retry_after is not None:
        msg += f" (retry after {retry_after:.0f} s)"
    return FetchError(msg, http_status=resp.status, retry_after=retry_after)


def fetch_feed(
    client: httpx.Client,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    fetch_full_text: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    deadline: float = DEFAULT_DEADLINE,
    parse_timeout: float = DEFAULT_PARSE_TIMEOUT,
    limiter: HostLimiter | None = None,
    now: datetime | None = None,
    body_hash: str | None = None,
) -> FetchResult:
    """Poll one feed. Never raises for network or content problems: the result's
    ``error`` says what went wrong in one line. ``body_hash`` is the previous poll's
    :attr:`FetchResult.body_hash`: a 200 with the very same body is reported as
    ``not_modified`` without parsing (feeds without validators resend it)."""
    now = now or datetime.now(UTC)
    limiter = limiter or HOST_LIMITER
    headers = {"Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        resp = _get(client, url, headers, max_bytes=max_bytes, deadline_s=deadline, limiter=limiter)
        if resp.status == 304:
            return FetchResult(
                status="not_modified",
                etag=resp.headers.get("etag") or etag,
                last_modified=resp.headers.get("last-modified") or last_modified,
                http_status=304,
                final_url=resp.url,
            )
        if not 200 <= resp.status < 300:
            raise _status_error(resp, now)
        digest = hashlib.sha256(resp.body).hexdigest()
        if body_hash is not None and digest == body_hash:
            return FetchResult(
                status="not_modified",
                etag=resp.headers.get("etag") or etag,
                last_modified=resp.headers.get("last-modified") or last_modified,
                http_status=resp.status,
                final_url=resp.url,
                body_hash=digest,
            )
        parsed = parse_feed(resp.body, dict(resp.headers), timeout=parse_timeout)
    except Exception as exc:  # every failure becomes a clear one-line error
        if not isinstance(exc, FetchError | net.UnsafeURLError | httpx.HTTPError):
            log.exception("unexpected error fetching %s", url)
        return FetchResult(
            status="error",
            error=_describe(exc, deadline, getattr(client, "max_redirects", None)),
            http_status=getattr(exc, "http_status", None),
            retry_after=getattr(exc, "retry_after", None),
            etag=etag,
            last_modified=last_modified,
        )
    if fetch_full_text:
        add_full_text(client, parsed.items, deadline=deadline, limiter=limiter)
    return FetchResult(
        status="ok",
        items=parsed.items,
        etag=resp.headers.get("etag"),
        last_modified=resp.headers.get("last-modified"),
        http_status=resp.status,
        final_url=resp.url,
        feed_title=parsed.title,
        warning=parsed.warning,
        body_hash=digest,
    )


# --------------------------------------------------------------------------- parsing


@dataclass
class ParsedFeed:
    items: list[FeedItem]
    title: str | None
    version: str
    warning: str | None


_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.I | re.S)
_ENTITY = re.compile(rb"<!ENTITY.*?>", re.I | re.S)
_XML_DECL_ENCODING = re.compile(rb"^(\s*<\?xml[^>]*?encoding\s*=\s*)[\"'][^\"']*[\"']", re.I)
_WIDE_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


def _narrow(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """UTF-16/32 bodies are re-encoded as UTF-8 so that declarations can be found
    and stripped with byte patterns (otherwise a UTF-16 entity bomb slips by)."""
    enc = next((e for bom, e in _WIDE_BOMS if body.startswith(bom)), None)
    if enc is None and body[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        enc = "utf-16-le" if body[0] == 0x3C else "utf-16-be"
    if enc is None:
        return body, headers
    text = body.decode(enc, errors="replace").lstrip("\ufeff")
    out = _XML_DECL_ENCODING.sub(rb'\1"utf-8"', text.encode("utf-8"))
    headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
    headers["content-type"] = "application/xml; charset=utf-8"
    return out, headers


def strip_declarations(body: bytes) -> bytes:
    """Remove DOCTYPE (with its internal subset) and ENTITY declarations: feeds never
    need them, and feedparser's loose parser would expand an entity bomb."""
    for _ in range(5):  # again, in case removal spliced a new declaration together
        stripped = _ENTITY.sub(b"", _DOCTYPE.sub(b"", body))
        if stripped == body:
            return body
        body = stripped
    raise FetchError("refused: the feed keeps declaring XML entities (an entity bomb?)")


def parse_feed(
    body: bytes, headers: dict[str, str], *, timeout: float = DEFAULT_PARSE_TIMEOUT
) -> ParsedFeed:
    """Bytes of a feed to items; raises FetchError when it is not a usable feed."""
    if not body.strip():
        raise FetchError("empty response body: not a feed")
    body, headers = _narrow(body, headers)
    body = strip_declarations(body)
    headers = {k.lower(): v for k, v in headers.items() if k.lower() != "content-encoding"}
    if len(body) > INLINE_PARSE_LIMIT:
        data = _parse_in_child(body, headers, timeout)
    else:
        data = _parse_to_plain(body, headers)
    items = [_item_from_plain(d) for d in data["items"]]
    version, bozo = data["version"], data["bozo"]
    if not items and not version:
        ctype = headers.get("content-type", "no content type").split(";")[0]
        looks = " (looks like HTML)" if re.search(rb"<html|<body", body[:4096], re.I) else ""
        raise FetchError(f"not a feed: {ctype} with no RSS or Atom elements{looks}")
    if not items and bozo:
        raise FetchError(f"malformed feed, no items recovered: {bozo}")
    warning = f"malformed feed, items recovered: {bozo}" if bozo else None
    return ParsedFeed(items, data["title"], version, warning)


def _parse_to_plain(body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    """feedparser's result reduced to JSON-able plain data (shared with the child)."""
    import feedparser

    fp = feedparser.parse(io.BytesIO(body), response_headers=headers)
    bozo = ""
    if fp.get("bozo"):
        exc = fp.get("bozo_exception")
        bozo = f"{type(exc).__name__}: {exc}" if exc else "bozo"
        if isinstance(exc, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType):
            bozo = ""  # harmless: the encoding was guessed and the parse went on
    title = fp.get("feed", {}).get("title")
    return {
        "version": fp.get("version", "") or "",
        "bozo": bozo[:300],
        "title": _clean_line(title) if title else None,
        "items": [_entry_to_plain(e) for e in fp.get("entries", [])],
    }


def _child_main() -> None:
    """Entry point of the parsing child: headers JSON line, then the body, on stdin."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (PARSE_MEMORY_LIMIT, PARSE_MEMORY_LIMIT))
    raw = sys.stdin.buffer.read()
    head, _, body = raw.partition(b"\n")
    out = _parse_to_plain(body, json.loads(head))
    sys.stdout.write(json.dumps(out))


def _parse_in_child(body: bytes, headers: dict[str, str], timeout: float) -> dict[str, Any]:
    """Parse in a separate process bounded in time and address space."""
    payload = json.dumps(headers).encode() + b"\n" + body
    try:
        proc = subprocess.run(
            [sys.executable, "-c", "from worker.feeds import _child_main; _child_main()"],
            input=payload,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise FetchError(f"parsing took longer than {timeout:g} s") from None
    if proc.returncode != 0:
        last = (proc.stderr.decode(errors="replace").strip().splitlines() or ["crashed"])[-1]
        raise FetchError(f"parser failed: {last[:200]}")
    return json.loads(proc.stdout)


# --------------------------------------------------------------------------- items


def _entry_to_plain(e: Any) -> dict[str, Any]:
    link = e.get("link") or next(
        (x.get("href") for x in e.get("links", []) if x.get("rel") == "alternate"), None
    )
    url = canonical_url(link) if link else None
    title = e.get("title")
    if title and (e.get("title_detail") or {}).get("type", "").endswith("html"):
        title = html_to_text(title)
    title = _clean_line(title) if title else None
    # Title-only items (link blogs) keep their title as text: an empty text would
    # make every such item look like the same content to exact-duplicate detection.
    text = _entry_text(e) or title or ""
    guid = (e.get("id") or "").strip() or url
    if not guid:
        digest = hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()
        guid = f"sha256:{digest}"
    return {
        "guid": guid[:2000],
        "url": url,
        "title": title,
        "author": _clean_line(e.get("author") or "") or None,
        "published": _entry_date(e),
        "text": text,
    }


def _entry_text(e: Any) -> str:
    """The longest of the entry's content and summary, as plain text."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in e.get("content", [])]
    detail = e.get("summary_detail") or {}
    candidates.append((e.get("summary") or "", detail.get("type") or "text/html"))
    texts = [html_to_text(v) if "html" in t else _plain(v) for v, t in candidates if v]
    return max(texts, key=len, default="")


def _entry_date(e: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = e.get(key)
        if t:
            try:
                year, month, day, hour, minute, second = t[:6]
                when = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
                return when.isoformat()
            except (TypeError, ValueError):
                continue
    return None


def _item_from_plain(d: dict[str, Any]) -> FeedItem:
    published = datetime.fromisoformat(d["published"]) if d["published"] else None
    return FeedItem(d["guid"], d["url"], d["title"], d["author"], published, d["text"])


def canonical_url(url: str) -> str | None:
    """http(s) URL without fragment, tracking parameters (utm_*, fbclid, …) and default
    port, scheme and host lower-cased; None for anything else (javascript:, mailto:)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port and not (scheme == "http" and port == 80) and not (scheme == "https" and port == 443):
        host = f"{host}:{port}"
    if parts.username:
        host = f"{parts.username}{':' + parts.password if parts.password else ''}@{host}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


_BLOCK_TAGS = frozenset(
    (
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "pre", "tr", "table", "section", "article", "header", "footer",
        "aside", "figure", "figcaption", "hr", "address", "main", "nav", "details", "summary",
    )
)  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "head")
_BREAK = "\ue000"  # private-use char: stands for a line break while HTML whitespace is collapsed
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def _clean_line(s: str) -> str:
    return _SPACES.sub(" ", s.replace("\n", " ")).strip()


def _plain(s: str) -> str:
    """Plain text: whitespace tidied, one paragraph per line, empty lines dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in s.splitlines())
    return "\n".join(line for line in lines if line)


def html_to_text(fragment: str) -> str:
    """Readable plain text from HTML: block elements and <br> end lines, scripts and
    styles vanish, entities are decoded, whitespace is collapsed."""
    import html as htmlmod

    if "<" not in fragment:
        return _plain(htmlmod.unescape(fragment))
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment.replace(_BREAK, ""), create_parent="div")
    except (etree.ParserError, ValueError):
        return _plain(htmlmod.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    etree.strip_elements(root, *_DROP_TAGS, etree.Comment, with_tail=False)
    # Newlines in HTML source are mere spaces (except in <pre>); breaks come from blocks.
    for pre in root.iter("pre"):
        for node in pre.iter():
            node.text = node.text and node.text.replace("\n", _BREAK)
            if node is not pre:
                node.tail = node.tail and node.tail.replace("\n", _BREAK)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.text = _BREAK + (el.text or "")
            el.tail = _BREAK + (el.tail or "")
    flat = root.text_content().replace("\n", " ").replace(_BREAK, "\n")
    return _plain(flat)


# --------------------------------------------------------------------------- full text


def extract_main_text(page: bytes, url: str | None = None) -> str:
    """The article's main text from a page, one paragraph per line (trafilatura)."""
    import trafilatura

    text = trafilatura.extract(
        page, url=url, include_comments=False, include_tables=False, favor_precision=True
    )
    return _plain(text or "")


def add_full_text(
    client: httpx.Client,
    items: list[FeedItem],
    *,
    deadline: float = DEFAULT_DEADLINE,
    max_bytes: int = 5 * MB,
    limiter: HostLimiter | None = None,
    max_pages: int = FULL_TEXT_MAX_PAGES,
    budget: float = 120.0,
) -> int:
    """For items carrying only a short summary, fetch the article page through the same
    guarded client and keep the extracted text when it is longer. Failures keep the
    summary (logged). At most ``max_pages`` pages and ``budget`` seconds per poll, so
    one feed cannot turn a poll into a crawl. Returns the number of items enriched."""
    limiter = limiter or HOST_LIMITER
    enriched = 0
    todo = [it for it in items if it.url and len(it.text) < FULL_TEXT_MIN_CHARS][:max_pages]
    stop_at = time.monotonic() + budget
    for done, item in enumerate(todo):
        assert item.url is not None
        if time.monotonic() >= stop_at:
            log.info("full-text budget spent", extra={"skipped": len(todo) - done})
            break
        try:
            resp = _get(
                client,
                item.url,
                {"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
                max_bytes=max_bytes,
                deadline_s=deadline,
                limiter=limiter,
            )
            if resp.status != 200:
                raise FetchError(f"HTTP {resp.status}")
            text = extract_main_text(resp.body, item.url)
        except Exception as exc:
            log.info(
                "full text not fetched",
                extra={"url": item.url, "error": _describe(exc, deadline, None)},
            )
            continue
        if len(text) > len(item.text):
            item.text = text
            enriched += 1
    return enriched
