"""Whether a start the rules found opens a page at all: a learned check.

The boundary rules read a short line over paragraphs as a headline, so the inner
parts of one page are taken for pages of their own: a live page's timed entries,
a classified page's "FOR SALE" and "WANTED", a forum's user names, a Hansard-style
speaker line, a notice under a listings page. No rule names them all, and each new
writer brought more. This check scores each start (after worker.placement has put
it on its line) with a logistic model and drops those it finds more likely inner
parts than pages, so the article above runs on over them.

Features: the start line's, the line above's and the line under's
(worker.placement.line_features:
role, flags, length, shape, words), the lengths of the article the start opens and
of the one above it, in lines and in paragraphs, whether a page header (headline,
byline, date, caption) follows within a few lines, whether the starts just
before and after it have the same shape (role, how the line begins, its length),
the mark of a list's items, and how much of the text around it is furniture
(_density: where little is, as in a scrape of article text, a start with no cue
opens a page more often). Fitted by benchmarks/placement_fit.py on the labelled
dumps (worker/startcheck.json); a start is kept when it is a page's first line, or
within four lines of one, with odds of at least even.

Pure functions over plain data: texts, LineInfos and start indices.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from worker.clean import (
    _COMMENT_STAMP,
    BODY,
    BYLINE,
    CAPTION,
    COMMENT_STAMP_WORDS,
    CONT,
    HEAD,
    TIMESTAMP,
    LineInfo,
)
from worker.placement import MEMO_TEXT_CHARS, info_key, line_features, load_weights

MODEL_PATH = Path(__file__).with_name("startcheck.json")
#: Log-odds below which a start is dropped: even odds. It was -0.5 (odds of 3 to 5
#: against, for short pages of a few paragraphs are the check's weak side); six-fold
#: cross-validation over the written dumps (benchmarks/placement_fit.py --cv) put the
#: best at 0 to 0.5 (Pk 0.0577 at -1, 0.0569 at -0.5, 0.0560 at 0, 0.0559 at 0.25,
#: 0.0565 at 1), though at 0 it drops the short pages of a few constructed layouts.
DROP_BELOW = 0.0
#: Lines under a start searched for a page header.
HEADER_SPAN = 5
_HEADER = ((HEAD, "hdr_head"), (BYLINE, "hdr_byline"), (TIMESTAMP, "hdr_ts"), (CAPTION, "hdr_cap"))
_CLOCK_START = re.compile(r"\d{1,2}[:.]\d\d")


@dataclass(frozen=True)
class StartCheck:
    """A start's log-odds of opening a page: ``bias`` plus the weights of its features."""

    weights: dict[str, float]
    bias: float = 0.0
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_json(cls, data: dict) -> StartCheck:
        return cls(dict(data["weights"]), data["bias"])

    def to_json(self) -> dict:
        return {"weights": dict(sorted(self.weights.items())), "bias": self.bias}

    def line_weight(self, prefix: str, text: str, info: LineInfo) -> float:
        """The summed weights of one line's features under ``prefix`` ("S_", "P_")."""
        if len(text) > MEMO_TEXT_CHARS:  # (see placement.MEMO_TEXT_CHARS)
            return self._weight(prefix, text, info)
        key = (prefix, text, info_key(info))
        w = self._memo.get(key)
        if w is None:
            w = self._weight(prefix, text, info)
            if len(self._memo) >= MEMO_LINES:
                self._memo.clear()
            self._memo[key] = w
        return w

    def _weight(self, prefix: str, text: str, info: LineInfo) -> float:
        get = self.weights.get
        return sum(get(prefix + x, 0.0) for x in line_features(text, info))


#: Distinct lines whose weights are remembered (then forgotten all at once).
MEMO_LINES = 2_000


@lru_cache(maxsize=1)
def default_check() -> StartCheck | None:
    """The fitted check shipped with the package (None before one is fitted)."""
    data = load_weights(MODEL_PATH)
    return None if data is None else StartCheck.from_json(data)


def shape(text: str, info: LineInfo) -> tuple[int, str, int]:
    """A start line's shape: its role, how it begins, its length (coarsely)."""
    t = text.strip()
    if _CLOCK_START.match(t):
        first = "time"
    elif t[:1].isdigit():
        first = "num"
    elif t.isupper():
        first = "caps"
    elif t[:1].islower():
        first = "lower"
    elif t[:1] and not t[:1].isalnum():
        first = "sym"
    else:
        first = "cap"
    return info.role, first, min(len(t.split()), 6) // 2


def start_features(
    line: Callable[[int], tuple[str, LineInfo]],
    roles: Sequence[int],
    a: int,
    b: int,
    c: int,
) -> list[str]:
    """The features of the start at ``b`` that are not its lines' own: ``a`` is the
    start before it, ``c`` the one after it (or the end)."""
    own = shape(*line(b))
    nxt = shape(*line(c)) if c < len(roles) else None
    return _features(roles, a, b, c, shape(*line(a)) == own, nxt == own)


def _features(
    roles: Sequence[int], a: int, b: int, c: int, same_prev: bool, same_next: bool
) -> list[str]:
    f = [f"len_{min(c - b, 12)}", f"plen_{min(b - a, 12)}"]
    f.append(f"body_{min(roles[b:c].count(BODY), 6)}")
    f.append(f"pbody_{min(roles[a:b].count(BODY), 6)}")
    if same_prev:
        f.append("same_prev")
    if same_next:
        f.append("same_next")
    if same_prev and same_next:
        f.append("same_both")
    head = roles[b : min(c, b + HEADER_SPAN)]
    f += [name for role, name in _HEADER if role in head]
    f.append(_density(roles, b))
    return f


#: Lines either side of a start over which the share of furniture is taken.
DENSITY_SPAN = 60
#: Shares of furniture lines (not paragraphs) that bound the density features.
DENSITY_CUTS = (0.1, 0.2, 0.35)
_PROSE = frozenset({BODY, CONT})


def _density(roles: Sequence[int], b: int) -> str:
    """How much of the text around a start is furniture, bucketed: where pages carry
    little of it (a scrape of article text, as the seed dump is), a start with no cue
    is a page's more often than where every page has a header."""
    lo, hi = max(0, b - DENSITY_SPAN), min(len(roles), b + DENSITY_SPAN)
    prose = sum(1 for r in roles[lo:hi] if r in _PROSE)
    return f"dens_{bisect.bisect(DENSITY_CUTS, 1 - prose / max(1, hi - lo))}"


# A letter to the editor's first words ("SIR – ...", "Sir, ...", "Dear Editor,").
_LETTER = re.compile(r"(?:SIR|Sir)\s*[–—,:-]\s|Dear (?:Editor|Sir)\b")
# A letter's signature under it, after a dash ("— Jo Park, Kendal", "— Name withheld").
_DASH_SIGNED = re.compile(
    r"[—–-]\s*(?:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3},\s.{2,60}|Name withheld\b.*)$"
)
#: Longest signature line over a letter ("Jo Park, Kendal, Cumbria"), in words.
SIGNER_WORDS = 10


def _letter(line: Callable[[int], tuple[str, LineInfo]], roles: Sequence[int], b: int) -> bool:
    """The start at ``b`` is a letter of a letters page, or the signature of the letter
    above right over the next one, or a signature after a dash: never a page's first
    line (of 78 letters in the written dumps one opened a page, and no start the rules
    put on one was right; of 84 dash signatures none opened a page)."""
    text, info = line(b)
    if _LETTER.match(text.lstrip()):
        return True
    if info.words <= SIGNER_WORDS and _DASH_SIGNED.match(text.strip()):
        return True  # "— Jo Park, Kendal": the letter above's signature
    return (
        b > 0
        and b + 1 < len(roles)
        and roles[b - 1] == BODY
        and info.words <= SIGNER_WORDS
        and text.rstrip()[-1:] not in ".!?:"
        and _LETTER.match(line(b + 1)[0].lstrip()) is not None
    )


# Lines that only the inside of a page holds: a section of minutes or a report numbered
# in Roman numerals ("VII. TREASURER'S REPORT"), a live page's entry led by its time
# ("4:05 p.m. — Power is back in ..."), a print story's jump ("Continued from Page B1").
_ROMAN_SECTION = re.compile(r"[IVXL]{1,5}\.\s+[A-Z][A-Za-z'’&,/ -]{2,60}$")
_LIVE_ENTRY = re.compile(r"\d{1,2}[:.]\d\d\s?(?:[ap]\.?m\.?)?\s+[—–-]\s+\S")
_JUMP_IN = re.compile(r"continued from (?:page|p\.)\s?[A-Z]?\d+\b", re.I)


def _under_stamp(line: Callable[[int], tuple[str, LineInfo]], b: int) -> bool:
    """The start at ``b`` is a paragraph right under a comment's stamp ("brennan_k · 2
    hours ago", "Fenrik — 9 November 2024 at 10:02"): a comment of a thread, never a
    page's first line (of 161 such paragraphs in the written dumps none opened one)."""
    if b == 0 or line(b)[1].role != BODY:
        return False
    above, info = line(b - 1)
    return info.words <= COMMENT_STAMP_WORDS and _COMMENT_STAMP.match(above.strip()) is not None


def _inner_mark(line: Callable[[int], tuple[str, LineInfo]], b: int, n: int) -> bool:
    """The start at ``b`` is on a line only a page's inside holds (_ROMAN_SECTION,
    _LIVE_ENTRY), or a print story's jump is its first or second line: in the written
    dumps none of 16 numbered sections, 96 timed entries or 7 jump lines opened a page."""
    text = line(b)[0].strip()
    if _ROMAN_SECTION.match(text) or _LIVE_ENTRY.match(text):
        return True
    return any(_JUMP_IN.match(line(k)[0].strip()) for k in range(b, min(n, b + 2)))


def _signed(
    line: Callable[[int], tuple[str, LineInfo]], roles: Sequence[int], b: int, c: int
) -> bool:
    """A byline or a dateline lead within HEADER_SPAN lines under the start: a page's
    own header, which no inner part of a page has (a live entry has its time, a
    listing its heading, not a byline or "PLACE (Agency) -")."""
    under = range(b, min(c, b + HEADER_SPAN))
    return any(roles[i] == BYLINE or line(i)[1].dateline for i in under)


def check(
    line: Callable[[int], tuple[str, LineInfo]],
    roles: Sequence[int],
    starts: Sequence[int],
    first: int,
    model: StartCheck,
) -> list[int]:
    """``starts`` (sorted; ``first`` starts the article before them all) less those the
    model scores below DROP_BELOW, but for signed ones (_signed). All are scored
    before any is dropped."""
    n = len(roles)
    bounds = [first, *starts, n]
    shapes = [shape(*line(x)) for x in bounds[:-1]]
    shapes.append(None)
    get = model.weights.get
    keep = []
    for k in range(1, len(bounds) - 1):
        a, b, c = bounds[k - 1], bounds[k], bounds[k + 1]
        if _letter(line, roles, b) or _inner_mark(line, b, n) or _under_stamp(line, b):
            continue
        if _signed(line, roles, b, c):
            keep.append(b)
            continue
        own = shapes[k]
        f = _features(roles, a, b, c, shapes[k - 1] == own, shapes[k + 1] == own)
        s = model.bias + sum(get(x, 0.0) for x in f) + model.line_weight("S_", *line(b))
        if b > 0:
            s += model.line_weight("P_", *line(b - 1))
        if b + 1 < n:
            s += model.line_weight("B_", *line(b + 1))
        if s >= DROP_BELOW:
            keep.append(b)
    return keep
