"""Where an article starts inside the page furniture between two stories: a learned placement.

The boundary rules in worker.segment find *that* a new page starts somewhere in a
run of furniture — the lines between the last paragraph of one story and the first
paragraph of the next (related links, share rows, a masthead, a site menu, a
breadcrumb, a cookie banner, a kicker, the headline, the byline). *Which* of those
lines opens the new page is where hand-written rules generalised worst: each new
site template brings furniture no rule has seen, and a start two lines off is both
a missed and a spurious boundary. Rules tuned on one writer's furniture never
carried over to the next writer's.

So the start is placed by a model learned from the labelled dumps: a conditional
logit over the lines of the run, scoring each line as the first of the new page
from the words and shape of that line, of the lines above and under it, and of the
lines it leaves to the story above. A line's words are general furniture vocabulary
("home", "cookies", "related", "subscribe"): only features seen in several
writers' dumps are kept, so no site's name can be learned. Weights are fitted by
benchmarks/placement_fit.py and stored next to this module (placement.json).

Pure functions over plain data: texts, LineInfos and start indices.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from worker.clean import (
    APPEAL,
    BLANK,
    BODY,
    BYLINE,
    CAPTION,
    CLOSE,
    CONT,
    CREDIT,
    HEAD,
    PHOTO_CREDIT_LABEL,
    LineInfo,
    cookie_banner,
    opens_by,
)

#: LineInfo flags used as features.
FLAGS = (
    "ends_colon",
    "connective",
    "quote_start",
    "dateline",
    "clock",
    "ad",
    "end",
    "kept",
    "listed",
    "tags",
    "widget",
)
_WORD = re.compile(r"[a-z]+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")
_DIGIT = re.compile(r"\d")
# Marks that tell furniture apart: a menu's bars, a breadcrumb's arrows, a tagline's
# dash, a copyright sign, an address, stars of a rating.
_MARK_NAMES = {
    "|": "c_bar",
    "›": "c_crumb",
    "»": "c_crumb",
    " > ": "c_crumb",
    " / ": "c_slash",
    "·": "c_dot",
    "•": "c_dot",
    "—": "c_dash",
    " – ": "c_dash",
    " - ": "c_dash",
    "©": "c_copy",
    "@": "c_at",
    "http": "c_url",
    "www.": "c_url",
    ".com": "c_url",
    "★": "c_star",
}
_MARKS = re.compile("|".join(re.escape(m) for m in _MARK_NAMES))
_FLAGS = operator.attrgetter(*FLAGS)
#: Words of a line whose tokens are features, and over which title case is judged.
TOKEN_WORDS = 20


def line_features(text: str, info: LineInfo) -> list[str]:
    """The features of one line: its role and flags, its length, its shape, its words."""
    f, toks = _line_parts(text, info)
    return f + [f"t_{t}" for t in toks]


def _line_parts(text: str, info: LineInfo) -> tuple[list[str], set[str]]:
    """line_features, less the words' features ("t_<word>"): and those words.

    A paragraph (BODY, CONT) gets only its role, flags, length and end marks: its
    words and shape told the fit nothing more, and paragraphs, unlike furniture,
    never repeat, so their features are computed for each one."""
    s = text.strip()
    f = [f"r{info.role}"]
    f += [name for name, on in zip(FLAGS, _FLAGS(info), strict=True) if on]
    if info.lead:
        f.append("lead")
    mark = _end_mark(s)
    if mark:
        f.append(mark)
    first = s[:1]
    if first.islower():
        f.append("lower0")
    elif first == "(":
        f.append("paren0")
    if info.role in (BODY, CONT):
        f.append(_length(info.words))
        return f, set()
    words = s.split()
    n = len(words)
    f.append(_length(n))
    if s.isupper():
        f.append("allcaps")
    # (a furniture line is short; of a long one, its first words tell enough)
    head = words[:TOKEN_WORDS]
    if _titlecase(head):
        f.append("titlecase")
    h = " ".join(head) if n > TOKEN_WORDS else s
    f += {_MARK_NAMES[m] for m in _MARKS.findall(h)}
    if _DIGIT.search(h):
        f.append("digit")
        if _YEAR.search(h):
            f.append("year")
        if _CLOCK.search(h):
            f.append("clock")
    toks = _WORD.findall(h.lower())
    if toks:
        f.append(f"first_{toks[0]}")
    return f, set(toks)


def _length(n: int) -> str:
    """A line's length in words, bucketed."""
    if n < 2:
        return "w0" if n == 0 else "w1"
    return "w2-4" if n <= 4 else "w5-9" if n <= 9 else "w10-19" if n <= 19 else "w20+"


#: LineInfo flags that join a line's coarse shape (see coarse_features).
COARSE_FLAGS = ("end", "ad", "listed", "widget", "tags", "dateline", "clock")
_COARSE_FLAGS = operator.attrgetter(*COARSE_FLAGS)


def coarse_features(text: str, info: LineInfo) -> tuple[str, ...]:
    """A line's shape in a few words (role, length, case, last mark, furniture flags): the
    terms of the pair features, which weigh a start's line *together with* the line over
    it or under it. One line's features weigh each line alone, so they cannot say that a
    cookie banner opens a page under a copyright line but ends one over a headline, or
    that a site's name starts a page over its menu but not over its story."""
    s = text.strip()
    words = info.words if info.role in (BODY, CONT) else len(s.split())
    f = [f"r{info.role}", _length(words)]
    f += [name for name, on in zip(COARSE_FLAGS, _COARSE_FLAGS(info), strict=True) if on]
    if info.lead:
        f.append("lead")
    if info.role not in (BODY, CONT):
        if s.isupper():
            f.append("allcaps")
        elif s[:1].isupper() and _titlecase(s.split()[:TOKEN_WORDS]):
            f.append("titlecase")
    mark = _end_mark(s, quotes=False)
    if mark:
        f.append(mark)
    return tuple(f)


def _end_mark(s: str, quotes: bool = True) -> str:
    """How a line ends: a sentence's stop, a colon, a closing quote (or "")."""
    last = s[-1:]
    if last and last in ".?!":
        return "end_p"
    if last == ":":
        return "end_colon"
    if quotes and last and last in "\"'”’":
        return "end_q"
    return ""


def _titlecase(head: list[str]) -> bool:
    return bool(head) and sum(1 for w in head if w[:1].isupper()) / len(head) > 0.6


@dataclass(frozen=True)
class PlacementModel:
    """Weights of the placement: for each feature, its weight on the line a start is
    put on (``start``), on the line above that (``above``), on each line left to the
    story above within the run (``left``) and on the line under the start (``below``:
    a site's name is told from its menu's items by what follows it); plus one per
    line so left."""

    start: dict[str, float]
    above: dict[str, float]
    left: dict[str, float]
    per_left: float = 0.0
    below: dict[str, float] = field(default_factory=dict)
    #: Pair weights: "S|a|P|b" for a start's line of coarse feature a under a line of
    #: coarse feature b, "S|a|B|b" over one (see coarse_features).
    pairs: dict[str, float] = field(default_factory=dict)
    # feature -> its three weights, and line -> its three sums (furniture lines
    # repeat across a dump's pages)
    _by_feature: dict = field(default_factory=dict, compare=False, repr=False)
    _by_word: dict = field(default_factory=dict, compare=False, repr=False)
    _memo: dict = field(default_factory=dict, compare=False, repr=False)
    # start's coarse feature -> (weights by the line over's, by the line under's)
    _by_pair: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for key, w in self.pairs.items():
            _, a, side, b = key.split("|", 3)
            over, under = self._by_pair.setdefault(a, ({}, {}))
            (over if side == "P" else under)[b] = w
        for name in {*self.start, *self.above, *self.left, *self.below}:
            w = (
                self.start.get(name, 0.0),
                self.above.get(name, 0.0),
                self.left.get(name, 0.0),
                self.below.get(name, 0.0),
            )
            if name.startswith("t_"):
                self._by_word[name[2:]] = w
            else:
                self._by_feature[name] = w

    @classmethod
    def from_json(cls, data: dict) -> PlacementModel:
        return cls(
            dict(data["start"]),
            dict(data["above"]),
            dict(data["left"]),
            data["per_left"],
            dict(data.get("below", {})),
            dict(data.get("pairs", {})),
        )

    def to_json(self) -> dict:
        return {
            "start": dict(sorted(self.start.items())),
            "above": dict(sorted(self.above.items())),
            "left": dict(sorted(self.left.items())),
            "below": dict(sorted(self.below.items())),
            "pairs": dict(sorted(self.pairs.items())),
            "per_left": self.per_left,
        }

    def pair_score(
        self, start: tuple[str, ...], above: tuple[str, ...], below: tuple[str, ...]
    ) -> float:
        """The pair weights of a start on a line of coarse features ``start`` between
        lines of ``above`` and ``below`` (empty: no such line)."""
        score = 0.0
        for a in start:
            by = self._by_pair.get(a)
            if by is not None:
                over, under = by
                score += sum(over.get(b, 0.0) for b in above)
                score += sum(under.get(b, 0.0) for b in below)
        return score

    def line_weights(self, text: str, info: LineInfo) -> tuple[float, float, float, float]:
        """The line's summed weights as a start, as the line above one, as a line left,
        as the line under one."""
        if info.role in (BODY, CONT) or len(text) > MEMO_TEXT_CHARS:
            # (few features, and a paragraph never repeats; a long line seldom does,
            # and remembered it would keep its text alive after its window has gone)
            return self._weights(text, info)
        key = (text, info_key(info))
        w = self._memo.get(key)
        if w is None:
            w = self._weights(text, info)
            if len(self._memo) >= MEMO_LINES:
                self._memo.clear()
            self._memo[key] = w
        return w

    def _weights(self, text: str, info: LineInfo) -> tuple[float, float, float, float]:
        ws = wa = wl = wb = 0.0
        f, toks = _line_parts(text, info)
        for get, names in ((self._by_feature.get, f), (self._by_word.get, toks)):
            for x in names:
                t = get(x)
                if t is not None:
                    ws += t[0]
                    wa += t[1]
                    wl += t[2]
                    wb += t[3]
        return ws, wa, wl, wb


#: Distinct lines whose weights are remembered (then forgotten all at once).
MEMO_LINES = 2_000
#: Longest line remembered: furniture, the lines that repeat, is short, and the memo's
#: size in bytes stays bounded whatever the dump's line lengths (2,000 lines of 15 KB
#: each, whole articles on one line, held 30 MB).
MEMO_TEXT_CHARS = 400
_INFO_FIELDS = operator.attrgetter(*(f.name for f in fields(LineInfo)))


def info_key(info: LineInfo) -> tuple:
    """All of a LineInfo's fields, as a key (the segmenter's context rules change some)."""
    return _INFO_FIELDS(info)


MODEL_PATH = Path(__file__).with_name("placement.json")


@lru_cache(maxsize=1)
def default_model() -> PlacementModel | None:
    """The fitted model shipped with the package (None before one is fitted)."""
    data = load_weights(MODEL_PATH)
    return None if data is None else PlacementModel.from_json(data)


def load_weights(path: Path) -> dict | None:
    """A fitted model's JSON, or None when there is none yet."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


#: Farthest a start is moved, in lines. It was 3 (longer moves were mostly wrong
#: with the fit of the day). Refitted in the seventeenth session on dumps whose pages
#: open with their own cookie banners, menus and mastheads, longer moves paid: record
#: sets' Pk 0.0825 at 3, 0.0813 at 5, 0.0797 at 7, 0.0780 at 10 and 15, 0.0772 at 25.
#: A start now moves within its furniture run; this only bounds a pathological run.
MAX_MOVE = 25


def closes_page(text: str, info: LineInfo, role: int) -> bool:
    """A line a start's run does not move up over: end furniture, a wire story's closing
    credit ("(Writing by ...; editing by ...)", "Okello reported from Kampala.", "Jo Park
    contributed to this report."), or an appeal longer than a button. Not other closing
    lines: an agency's tag ("ANN") or a correction's heading may top a page. Not a
    cookie banner: it parts two pages, but on which side of the start is for the model
    (it tops the next page far more often than it ends the last). A footer's "Cookie
    settings" link still closes its page."""
    return (
        (info.end and not ("ookie" in text and cookie_banner(text)))
        or (role == APPEAL and info.words > APPEAL_BUTTON_WORDS)
        or (
            role == CLOSE
            and (
                (text.lstrip()[:1] == "(" and text.rstrip()[-1:] == ")")
                or _CREDITED.search(text) is not None
            )
        )
    )


#: A closing credit's sentence: who reported from where, or contributed.
_CREDITED = re.compile(r"\b(?:reported from|contributed)\b")


#: Most words of a short line of prose a start's run moves up over, inside furniture.
TAGLINE_WORDS = 12


def run_around(
    roles: Sequence[int],
    b: int,
    floor: int,
    ceiling: int,
    closes: Callable[[int], bool] | None = None,
    down: bool = True,
    short: Callable[[int], bool] | None = None,
) -> tuple[int, int]:
    """The furniture run a start at ``b`` can move within: up over lines that are not
    paragraphs (BODY, CONT) to just after the one above, but not to ``floor`` or
    above, nor over a line that only closes a page (``closes(i)``: a copyright
    line); down (unless not ``down``) to the first paragraph at or after ``b``, or
    the first headline over a paragraph (furniture may come between) after ``b``, at
    most ``ceiling``; and at most MAX_MOVE lines either way."""
    lo = b
    top = max(floor, b - MAX_MOVE - 1)
    while lo - 1 > top:
        if roles[lo - 1] in (BODY, CONT) and not (
            short is not None
            and lo - 2 > top
            and roles[lo - 2] not in (BODY, CONT)
            and short(lo - 1)
        ):
            break
        if closes is not None and closes(lo - 1):
            break
        lo -= 1
    hi = b
    ceiling = min(ceiling, b + MAX_MOVE) if down else b
    while hi < ceiling and roles[hi] != BODY and not (hi > b and _heads_below(roles, hi)):
        hi += 1
    return lo, min(hi, ceiling)


def moves_down(role: int, text: str) -> bool:
    """Whether a start on this line may move down: not from a "By ..." byline, which
    opens a page's header (a sign-off under a last paragraph seldom says "By"; the
    rules already weighed the lines around it)."""
    return not (role == BYLINE and opens_by(text))


#: Longest appeal that is a button ("Donate", "DONATE NOW"), which may top the next page;
#: a longer one ("X is supported by readers. If you value ...") ends the page above.
APPEAL_BUTTON_WORDS = 3


def _over_dateline(
    line: Callable[[int], tuple[str, LineInfo]], roles: Sequence[int], b: int
) -> bool:
    """Line b is a headline right over a dateline lead ("Committee demands report" /
    "Parliament, Friday, 20 March 2026 – The committee ..."): a page's top, so a start
    there does not move down onto the lead (unless that "headline" may be a link of a
    list above it, its label or its other links, over a wire story of its own)."""
    return (
        roles[b] == HEAD
        and b + 1 < len(roles)
        and roles[b + 1] == BODY
        and line(b + 1)[1].dateline
        and not (b > 0 and (line(b - 1)[1].listed or line(b - 1)[1].lead > 0))
    )


#: Whether a start on a headline between two paragraphs stays there (see _sandwiched).
SANDWICH_STAYS = True


def _sandwiched(roles: Sequence[int], b: int) -> bool:
    """Line b is a headline right under one story's paragraph and right over the next's:
    the page's top. In the written dumps 79 such headlines opened a page and 18 times
    the paragraph under one did (a page whose header was lost, under a teaser of the
    page above), which the model, weighing two lines at a time, took too often."""
    return (
        roles[b] == HEAD
        and 0 < b < len(roles) - 1
        and roles[b - 1] in (BODY, CONT)
        and roles[b + 1] == BODY
    )


def _heads_below(roles: Sequence[int], i: int) -> bool:
    """Line i, below a start, is a headline over a paragraph, or over furniture and then
    a paragraph ("Thursday 14 November 2024 7:31am" / headline / "Share" / text): a
    start moved down stops there, never passing a story's headline for its text."""
    if roles[i] != HEAD:
        return False
    k = i + 1
    while k < len(roles) and roles[k] not in (BODY, CONT, HEAD):
        k += 1
    return k < len(roles) and roles[k] == BODY


def candidates_scores(
    weights: Sequence[tuple[float, float, float, float]],
    roles: Sequence[int],
    lo: int,
    hi: int,
    per_left: float,
) -> list[float]:
    """The score of each line of lo..hi as the first line of the new page.

    ``weights[i]`` is line i's (start, above, left, below) weight sums (line lo - 1's
    and hi + 1's too, when there are such lines): a start's score adds its own start
    weights, the above weights of the line over it, the below weights of the line
    under it and the left weights of the run's lines it leaves above."""
    out = []
    n = len(roles)
    left = 0.0  # the lines left above, summed as the start moves down
    for s in range(lo, hi + 1):
        score = left + per_left * (s - lo) / 5.0 + weights[s][0]
        if s > 0:
            score += weights[s - 1][1]
        if s + 1 < n:
            score += weights[s + 1][3]
        out.append(score)
        if roles[s] != BLANK:
            left += weights[s][2]
    return out


def place(
    line: Callable[[int], tuple[str, LineInfo]],
    roles: Sequence[int],
    bounds: Sequence[int],
    first: int,
    model: PlacementModel,
    fixed: Collection[int] = (),
    min_gap: int = 1,
) -> list[int]:
    """Each start of ``bounds`` (sorted line indices; ``first`` starts the article
    before them all) put on the line of its run the model scores best, but those in
    ``fixed``. ``line(i)`` gives line i's text and LineInfo, ``roles[i]`` its role.
    A start never crosses the one before it, nor the one after it, nor comes closer
    to either than ``min_gap`` lines (unless the rules' start was closer)."""
    weights = _Lazy(lambda i: model.line_weights(*line(i)))
    coarse = _Lazy(lambda i: coarse_features(*line(i)))

    def closes(i: int) -> bool:
        return closes_page(*line(i), roles[i])

    def short(i: int) -> bool:
        return line(i)[1].words <= TAGLINE_WORDS

    out: list[int] = []
    n = len(roles)
    for k, b in enumerate(bounds):
        above = out[-1] if out else first
        below = bounds[k + 1] if k + 1 < len(bounds) else n
        # no shorter article than the rules made, if shorter than min_gap lines
        floor = above + min(min_gap, b - above) - 1
        ceiling = below - min(min_gap, below - b)
        down = (
            moves_down(roles[b], line(b)[0])
            and not _over_dateline(line, roles, b)
            and not (SANDWICH_STAYS and _sandwiched(roles, b))
        )
        lo, hi = run_around(roles, b, floor, ceiling, closes, down, short)
        if lo == hi or b in fixed:
            out.append(b)
            continue
        scores = candidates_scores(weights, roles, lo, hi, model.per_left)
        if model.pairs:
            for j in range(lo, hi + 1):
                above_j = coarse[j - 1] if j > 0 else ()
                below_j = coarse[j + 1] if j + 1 < n else ()
                scores[j - lo] += model.pair_score(coarse[j], above_j, below_j)
        for j in range(max(lo, 1), hi + 1):
            if j != b and roles[j - 1] == CAPTION and PHOTO_CREDIT_LABEL.match(line(j)[0]):
                scores[j - lo] = -math.inf  # a photo's credit goes with its caption above
        for j in range(b + 1, hi + 1):
            if line(j)[1].listed:
                scores[j - lo] = -math.inf  # a list's link (below a start): no page opens there
        signed = _signed_headline(line, roles, b, hi)
        if signed >= 0:  # a headline over its "By ..." line: the page is open by then
            scores[signed + 1 - lo :] = [-math.inf] * (hi - signed)
        best = max(range(len(scores)), key=scores.__getitem__)
        out.append(lo + best if scores[best] > scores[b - lo] else b)
    return out


#: Most lines of a lead photo's caption and credit between a headline and its byline.
PHOTO_LINES = 2

# "By Jo Park", "Interview by Jo Park", "Words and pictures by Jo Park".
_SIGNED = re.compile(r"\s*(?:[a-z]+ ){0,3}by\s", re.I)


def _signed_headline(line, roles: Sequence[int], b: int, hi: int) -> int:
    """The first headline line at or under the start ``b`` (up to ``hi``) that has a
    "By ..." byline right under it ("Interview by ...", too), or -1."""
    n = len(roles)
    for k in range(b, hi):
        if roles[k] != HEAD:
            continue
        j = k + 1
        while j < min(n, k + 1 + PHOTO_LINES) and roles[j] in (CAPTION, CREDIT):
            j += 1  # (the lead photo's caption and credit between them)
        if j < n and roles[j] == BYLINE and _SIGNED.match(line(j)[0]):
            return k
    return -1


class _Lazy:
    """seq[i] = get(i), computed on first use (only lines in runs are looked at)."""

    __slots__ = ("_get", "_got")

    def __init__(self, get) -> None:
        self._get = get
        self._got: dict[int, tuple] = {}

    def __getitem__(self, i: int) -> tuple:
        w = self._got.get(i)
        if w is None:
            w = self._got[i] = self._get(i)
        return w
