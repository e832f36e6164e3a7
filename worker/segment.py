"""Split a plain-text news dump into articles, in bounded memory.

One scoring model decides every boundary. Each candidate line (a line that can
start an article) gets a feature vector — header cues found in the zone of
short furniture lines it opens (headline-like line, repeated headline, byline,
timestamp, caption/credit, dateline on the first paragraph), what ends just
before it (closing credit, author bio, donation appeal, share/related furniture,
a lead-in colon), lexical cohesion between the blocks of paragraphs on either
side (a TextTiling-style depth score with document-frequency weights, computed
in worker.cohesion), and for starts with no cue at all, how much of the line's
rare vocabulary it carries over from the lines just before it (a topic drift
inside one article keeps naming the same things; a new article does not) — and
a weighted sum of the features is compared with zero. Boundaries are then chosen greedily
by score with a minimum article length, so strong cues win and weak ones
fill in only where nothing stronger is near.

Some furniture is only known from the line before it: headline-like lines
after a bare list label ("Related", "Most read") are link furniture until an
article header shows, and paragraphs after "Notes to editors" are furniture
(_lead_in, applied as lines are read, so a resumed run sees the same roles).

Each start is then put on the line of the furniture around it that opens the page,
by a model learned from labelled dumps (worker.placement): where a page begins in
the furniture between two stories is what hand-made rules got wrong most on pages
they had not seen. A second learned check (worker.startcheck) then drops starts
that open no page: the inner parts of one page the rules took for pages.

Streaming: lines are read into a sliding window; when the window is full,
articles that end well before its end (enough right-hand context) are emitted
and the open article is carried over, with a few lines of left context.
"""

from __future__ import annotations

import bisect
import functools
import io
import itertools
import math
import operator
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from worker import spans
from worker.clean import (
    _AD_LINE,
    _BARE_NAME,
    _COMMENT_END,
    _CONTACT,
    _COPYRIGHT,
    _DATA_ROW,
    _EMBED_BY,
    _FORM_FOOT,
    _HAS_DATE,
    _LABEL_LINE,
    _MEMBER_LINE,
    _MONTH,
    _NEXT_PAGE,
    _OBITUARY_LEAD,
    _PAYWALL_LABEL,
    _POSTED_BY,
    _QUOTE,
    _RULE_LINE,
    _SECTIONS,
    _TIP_LINE,
    _TRANSLATED_BY,
    _URL_ONLY,
    APPEAL,
    APPEAL_LOOKAHEAD,
    BIO,
    BLANK,
    BLOCK_LINES,
    BODY,
    BOILER,
    BYLINE,
    CAPTION,
    CLOSE,
    COMMENT_LINES,
    COMMENTER,
    CONT,
    CREDIT,
    HEAD,
    HEADERISH,
    LIST_ITEMS,
    MORE_COMMENTS,
    NAME_SUPPLIED,
    NOTICE_DATED,
    NUMBERED,
    PAGE_TOP_LINK,
    PAYWALL_METER,
    PHOTO_COPYRIGHT,
    PHOTO_CREDIT_LABEL,
    TIMESTAMP,
    LineInfo,
    _is_dateline,
    _is_mostly_date,
    _is_name,
    _source_of,
    appeal_ends,
    classify,
    classify_many,
    clean_article,
    cookie_banner,
    ends_mid_sentence,
    is_agency_tag,
    opens_by,
    outlet_name,
)
from worker.cohesion import (
    _STOP,
    BLOCK,
    WIDE_BLOCK,
    _Terms,
    _text_cohesion,
    _WordCarry,
    wide_similarity,
)
from worker.cueless import (
    SMALL_SIDE,
    TINY_SIDE,
    CuelessModel,
    NamesAbove,
    above_features,
    adjacent_overlap,
    attributes,
    attribution_shift,
    first_word,
    length_shift,
    links_away,
    names_in,
    own_length,
    paragraph_features,
    quoting_run,
)
from worker.cueless import default_model as default_cueless
from worker.dumpio import (
    DecodeStats,
    DumpError,
    RawLine,
    check_text,
    iter_line_batches,
    open_dump,
)
from worker.placement import PlacementModel, default_model, place
from worker.startcheck import StartCheck, check, default_check

__all__ = [
    "DecodeStats",
    "DroppedLine",
    "DumpError",
    "SegmentedArticle",
    "Weights",
    "segment_file",
    "segment_text",
]

#: Lines held before the oldest finished articles are emitted.
WINDOW_LINES = 10000
#: Bytes of new lines after which the window is full though it holds fewer lines:
#: memory follows bytes, not lines (the text, and the cohesion arrays of its words),
#: and a dump of whole articles on one line each (5 KB a line) held 10,000 of them.
#: Dumps of paragraphs (200-300 bytes a line) fill WINDOW_LINES first.
WINDOW_BYTES = 3 << 20
#: Fewest new lines a window takes whatever their bytes: more than MARGIN, so that
#: every window emits something, and enough that a window's own costs (its context
#: lines are scored again) stay spread: on 5 KB lines, 1,200 lines a window took 40 %
#: longer than 2,000 and 1,600 about as long, at 102, 128 and 117 MB.
MIN_WINDOW_LINES = 1600
#: Lines of right-hand context a boundary needs before it is final (covers the
#: cohesion blocks, depth climb and DF_RADIUS, so every decision is local).
MARGIN = 600
#: Lines before the open article kept as left context (cohesion, repeats, cues);
#: also what a resumed run reads back, so both see the same neighbourhood.
CONTEXT = 700
#: Most bytes read back for that context when resuming.
CONTEXT_BYTES = 512 * 1024
#: Lines after a donation/subscription appeal line that still belong to it.
APPEAL_SPAN = 12
#: Lines within which a repeated line is ignored for cohesion: a paragraph the
#: scraper doubled. Farther repeats are a wire story run twice; each copy keeps
#: its text, or the copy's paragraphs would all share the gap before the next
#: article and its depth.
DUP_SPAN = 15
#: A headline-only start this short (in words) or ending with "?" is likely a subheading.
SUBHEAD_WORDS = 4
#: Shortest article, in lines.
MIN_LEN = 3


@dataclass(frozen=True)
class DroppedLine:
    """A line whose content is not in the article text, and why."""

    line: int
    reason: str


@dataclass
class SegmentedArticle:
    """One article found in a dump: its span, cleaned text and what was dropped."""

    start_line: int
    end_line: int
    title: str | None
    byline: str | None
    text: str
    dropped_lines: list[DroppedLine]
    start_offset: int
    end_offset: int
    #: Caption and photo-credit lines (dropped from ``text``; kept for callers who want them).
    captions: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The ``segment --json`` article shape of the command-line contract."""
        return {
            "start_line": self.start_line,
            "end_line": self.end_line,
            "title": self.title,
            "byline": self.byline,
            "text": self.text,
            "dropped_lines": [{"line": d.line, "reason": d.reason} for d in self.dropped_lines],
            "start_offset": self.start_offset,
            "end_offset": self.end_offset,
        }


@dataclass(frozen=True)
class Weights:
    """Weights of the boundary score.

    Starting point: a logistic fit on generated dumps (benchmarks/segment_tune.py);
    then bias, head_only, depth and valley were set by a small grid search on
    generated dumps, because the short hand-written fixtures carry little lexical
    cohesion and under-weight it. dateline, prev_furniture, subhead and carry were
    set by hand on generated dumps plus six hand-written held-out dumps (the
    seed dump only checked). sparse was set by six-fold cross-validation with the
    learned stages (benchmarks/placement_fit.py --cv) on the written dumps and the
    seed-like ones: 0.5 (with 48 seed-like dumps in the folds 0.4 to 0.7 did alike,
    0.1 and 0.25 worse; on paragraphs too, not only headers, it added false starts,
    one of them in the seed dump). sparse_photo and sparse_title were set on the
    written dumps in-sample (1.0; 0.5-2.0 gave the same starts). A candidate is a
    boundary when the score > 0.
    """

    bias: float = -1.6
    head: float = 1.24
    repeat: float = 0.23
    byline: float = 1.2
    timestamp: float = 1.6
    caption: float = 0.59
    dateline: float = 1.8
    prev_close: float = 1.5
    prev_colon: float = -1.0
    connective: float = -0.36
    quote: float = -0.08
    depth: float = 2.0
    lowsim: float = 0.31
    cues2: float = 1.5
    head_only: float = -0.6
    valley: float = 5.0
    head_only_coh: float = 0.22
    prev_furniture: float = 0.8
    subhead: float = -1.0
    carry: float = -4.0
    section_sim: float = -40.0
    #: Added to a header line's score where the text around it is nearly all
    #: paragraphs (_sparse_of).
    sparse: float = 0.5
    #: Added besides, in such text, to a photo's caption with its credit under a
    #: paragraph (_photo_under_prose).
    sparse_photo: float = 1.0
    #: Added besides, in such text, to an explainer's title (_explainer_title).
    sparse_title: float = 1.0


DEFAULT_WEIGHTS = Weights()
#: The fitted placement model shipped in the package (worker/placement.json).
DEFAULT_PLACEMENT = default_model()
#: The fitted check of starts shipped in the package (worker/startcheck.json).
DEFAULT_CHECK = default_check()
#: The fitted choice of cue-less splits shipped in the package (worker/cueless.json).
DEFAULT_CUELESS = default_cueless()


@dataclass(slots=True)
class _Entry:
    raw: RawLine
    info: LineInfo


_CONTENT_ROLES = frozenset({BODY, CONT, HEAD, CAPTION})
#: What _cohesion gives: block similarities, depths, content-line index of each
#: entry, carried-over share.
_Coherence = tuple[list[float], list[float], list[int], list[float]]


#: Carried-over share above which a cue-less start is penalised.
CARRY_MID = 0.15


def _cohesion(
    entries: list[_Entry],
) -> tuple[list[float], list[float], list[int], list[float]]:
    """Block similarities, depths, content-line index of each entry, carried-over share."""
    return _cohesion_terms(entries)[0]


def _cohesion_terms(
    entries: list[_Entry], carry: _WordCarry | None = None
) -> tuple[tuple[list[float], list[float], list[int], list[float]], _Terms]:
    """Vectorised _cohesion: same similarities, depths and carry, computed with numpy
    (worker.cohesion._text_cohesion, over the texts of the content lines), and the
    word terms of those lines.

    ``carry`` holds the last window's words, when there was one (see _WordCarry).
    """
    gap_of, texts = _content_texts(entries)
    (sims, depths, shares), terms = _text_cohesion(texts, carry)
    return (sims, depths, gap_of, shares), terms


def _content_texts(entries: list[_Entry]) -> tuple[list[int], list[str]]:
    """Each entry's gap index, and the texts of the content lines that count.

    A content line repeating one within DUP_SPAN lines before it is left out:
    nearby repeats would fake cohesion.
    """
    roles, dup = _CONTENT_ROLES, DUP_SPAN
    gap_of: list[int] = []
    texts: list[str] = []
    seen: dict[str, int] = {}
    add_gap, add_text, get = gap_of.append, texts.append, seen.get
    n = 0
    for i, e in enumerate(entries):
        add_gap(n)
        info = e.info
        if info.role in roles:
            key = info.key
            last = get(key)
            seen[key] = i
            if last is None or i - last > dup:
                add_text(e.raw.text)
                n += 1
    return gap_of, texts


def _appeal_heading(entries: list[_Entry], zone, p: int, i: int) -> bool:
    """entries[p], a headline right over an appeal's zone that runs on to entries[i],
    is the appeal's own heading ("Before you go…" / "Good local journalism costs money
    to produce ..."), not a header's: the appeal's first line is a sentence, not a
    fundraising page's button under its headline ("Donate")."""
    e = entries[p + 1] if p + 1 < i else None
    return (
        e is not None
        and bool(zone[p + 1])
        and e.info.role == APPEAL
        and e.info.words >= APPEAL_SENTENCE_WORDS
    )


#: Fewest words of an appeal's first line under its own heading.
APPEAL_SENTENCE_WORDS = 8


def _appeal_zone(entries: list[_Entry], roles: np.ndarray | None = None) -> list[bool]:
    """Lines inside a donation/subscription appeal: from its trigger to the next header cue.

    Only a stretch that starts at an appeal line can be a zone, so the walk
    starts at each appeal line (found with numpy; ``roles`` is _roles(entries)
    when the caller has it) and stops where the appeal covers no more lines.
    """
    n = len(entries)
    zone = [False] * n
    if roles is None:
        roles = _roles(entries)
    done = 0  # entries before this one have been walked (or cannot be in a zone)
    sparse = _sparse_of(roles)
    for start in np.flatnonzero(roles == APPEAL).tolist():
        if start < done:
            continue  # inside the stretch just walked
        left = 0  # lines the current appeal may still cover (bounded: decisions stay local)
        i = start
        while i < n:
            e = entries[i]
            role = e.info.role
            if role == APPEAL:
                left = APPEAL_SPAN
            elif left and (
                role in HEADERISH
                or role == CLOSE
                or e.info.dateline
                or appeal_ends(_ahead(entries, i))
            ):
                left = 0
            zone[i] = left > 0
            if left and _THANKED.search(e.raw.text):
                left = 1  # an appeal that signs off with its thanks covers no line after
                # it: a paragraph there is the next story's (6 times in 6 in the written dumps)
            elif left and role == APPEAL:
                left = _button_tail(entries, i, sparse) or left
            left = max(0, left - 1)
            i += 1
            if not left:
                break
        done = i
    return zone


def _button_tail(entries: list[_Entry], i: int, sparse: Callable[[int], bool]) -> int:
    """How many lines an appeal still covers from entries[i], a bare donation button
    ("Donate now", "Give") in sparse text: 1, the button itself, when the line under
    it is no note of the charity's own ("X is a registered charity", "We accept no
    ..."), so a paragraph under it is the next page's (29 times in 36 in the seed-like
    written dumps; the 7 others are such notes); 2 when it is, the note being the
    appeal's last line. 0 for any other line (the appeal's own span goes on)."""
    if _BARE_BUTTON.match(entries[i].raw.text.strip()) is None:
        return 0
    if i + 1 < len(entries) and _ORG_NOTE.search(entries[i + 1].raw.text) is not None:
        # (in dense text too, when a paragraph follows the note: 4 times in 5 it opens
        # the next page)
        if sparse(i) or (i + 2 < len(entries) and entries[i + 2].info.role == BODY):
            return 2
        return 0
    return 1 if sparse(i) else 0


_BARE_BUTTON = re.compile(r"(?:donate|give)(?: (?:now|today|here))?\W*$", re.I)
#: What a charity says of itself under its button.
_ORG_NOTE = re.compile(
    r"\b(?:is|are) an? (?:registered|independent|non-?profit|not-for-profit|humanitarian"
    r"|volunteer|community|coalition|campaign|alliance)\b|\bregistered (?:charity|charitable"
    r"|as an?)\b|\baccepts? no\b"
    r"|\bdoes not accept\b|\bthank you\b|\d+ ?(?:%|p) of (?:every|each|all|your)\b"
    r"|\bgift aid\b",
    re.I,
)


# An appeal's last words: "... It takes less than a minute. Thank you.", "Thanks for
# reading."
_THANKED = re.compile(
    r"\b(?:thank you|thanks)(?: for (?:your|reading|being)[^.!]{0,40})?[.!]?\s*$", re.I
)


def _roles(entries: list[_Entry]) -> np.ndarray:
    """The role of every entry, as an int8 array."""
    return np.fromiter((e.info.role for e in entries), dtype=np.int8, count=len(entries))


#: Lines either side of a candidate over which the share of furniture is taken.
SPARSE_SPAN = 60
#: Furniture share (lines that are not paragraphs) under which the text is sparse.
SPARSE_SHARE = 0.3


def _sparse_of(roles: np.ndarray) -> Callable[[int], bool]:
    """Whether the lines within SPARSE_SPAN of line i are nearly all paragraphs: a
    scrape of article text with little furniture, as the seed dump is, where a page
    more often starts with no cue at all than where every page has its header.
    (A prefix count over the window; the span lies within any window's context.)"""
    prose = np.concatenate(([0], np.cumsum((roles == BODY) | (roles == CONT))))
    n = len(roles)

    def sparse(i: int) -> bool:
        lo, hi = max(0, i - SPARSE_SPAN), min(n, i + SPARSE_SPAN)
        return _few_furniture(hi - lo, int(prose[hi] - prose[lo]))

    return sparse


def _few_furniture(lines: int, prose: int) -> bool:
    """Of ``lines`` lines, ``prose`` paragraphs: furniture under SPARSE_SHARE of them."""
    return lines - prose < SPARSE_SHARE * lines


def _ahead(entries: list[_Entry], i: int) -> list[tuple[str, int]]:
    """(text, role) of the non-blank entries from i on, as many as appeal_ends looks at."""
    out = []
    for k in range(i, len(entries)):  # (islice would walk entries[:i] first)
        e = entries[k]
        if e.info.role != BLANK:
            out.append((e.raw.text, e.info.role))
            if len(out) == APPEAL_LOOKAHEAD:
                break
    return out


_CANDIDATE = frozenset({BODY, HEAD, BYLINE, TIMESTAMP, CAPTION, CREDIT})
_TRANSPARENT = frozenset({BLANK, BOILER})


#: Names of the features, in the order _features returns them.
FEATURES = (
    "head",
    "repeat",
    "byline",
    "timestamp",
    "caption",
    "dateline",
    "prev_close",
    "prev_colon",
    "connective",
    "quote",
    "cues2",
    "head_only",
    "depth",
    "lowsim",
    "valley",
    "head_only_coh",
    "prev_furniture",
    "subhead",
    "carry",
    "section_sim",
)


def _features(
    entries: list[_Entry],
    i: int,
    zone: list[bool],
    coh,
    terms: _Terms | None = None,
    lazy: bool = False,
) -> tuple[float, ...] | None:
    """The feature vector of 'an article starts at entries[i]' (FEATURES order).

    None when entries[i] sits inside a header zone (the line before it is
    furniture): an article starts at the top of its header zone. ``terms``: the
    window's word terms (_cohesion_terms), for section_sim; without them it is 0.
    ``lazy``: leave section_sim at 0 for the caller to add when it can matter
    (_positive_scores: it only ever lowers a score).
    """
    sims, depths, gap_of, carry = coh
    n = len(entries)
    if entries[i].info.role in (HEAD, BYLINE) and _recipe_card(entries, i):
        return None
    if i and _table_row(entries[i - 1]):
        return None  # a paragraph under a table's rows: the table's story goes on
    if entries[i].info.ad and entries[i].info.role == BODY:
        return None  # a reader's comment (_between_reply_bars): no page opens there
    if _in_pipe_table(entries, i):
        return None  # "Jan. 21 | Eastgate Mall | 11:00 a.m.": a table's row, inside its page
    if _under_crumbs(entries, i):
        return None  # "Home › Money › Travel" / short headline / this: the crumbs' page
    if _first_question(entries, i):
        return None  # an interview's editing note, then its first question: one page
    if _profile_item(entries, i):
        return None  # "Jo Park, chair of X" / a sentence on her, and more such: a who's who
    if _asked_before_another(entries, i):
        return None  # paragraph / "How did you feel ...?" / answer / next question: an
        # interview's first question, under its introduction
    p = i - 1
    after_appeal = False  # a donation/subscription appeal ends the article before it
    furniture = False  # share prompts, "Related:", newsletter sign-ups end articles too
    ended = False  # a page-end notice lies between the line above and this one
    zoned = False  # an appeal's zone lies between
    header = entries[i].info.role != BODY  # (a short page end counts over a header line)
    related = False  # a list of links ("Related galleries", not "Key events") lies between
    while p >= 0 and (entries[p].info.role in _TRANSPARENT or zone[p]):
        zoned = zoned or zone[p]
        info = entries[p].info
        furniture = furniture or (info.role == BOILER and not info.ad)
        after_appeal = after_appeal or info.end  # a copyright line ends the page
        if (info.listed and not info.ad) or (info.role == BOILER and _menu_under_story(entries, p)):
            after_appeal = True  # a list of links or tags under the story ends its page (or
            # the site's menu row over the next one)
        related = related or _links_label(info)
        ended = ended or _page_end(info) or (header and _short_end(info)) or _footer_end(entries, p)
        p -= 1
    if related and not ended and _by_under(entries, i):
        ended = True  # "Related galleries" / links / headline / "By ...": the links were the
        # last page's foot, the signed headline the next page's top
    after_appeal = after_appeal or zoned
    prev = entries[p].info if p >= 0 else None
    if prev is not None and prev.role == CLOSE and _wire_credit(entries[p].raw.text):
        furniture = True  # "(Reporting by ...; Editing by ...)": a wire story's very end
    if zoned and prev is not None and prev.role in _PHOTO_ROLES:
        ended = True  # photos, their credits, an appeal: a photo essay's foot, not a header
    if zoned and prev is not None and prev.role == BYLINE and _signed_off(entries, p):
        ended = True  # statement / "Jo Park" / "General Secretary" / "Donate ...": its foot
    if prev is not None and prev.role == HEAD and _appeal_heading(entries, zone, p, i):
        ended = True  # the appeal's own heading: no headline of this header
    if (
        prev is not None
        and prev.role in _PHOTO_ROLES
        and p >= 1
        and entries[p - 1].info.role in (HEAD, CAPTION)
        and _signed_below(entries, i)
    ):
        ended = True  # a gallery's last photo, then a headline signed under it: a new page
    if prev is not None and prev.role in HEADERISH and not ended and not _opens_page(entries, i):
        return None  # inside a header zone (unless a page ended between: not this one's,
        # nor under a page's path or an outlet's name, which only a page's top prints)
    if p == i - 1 and _item_heading(entries[p]) and not (p and entries[p - 1].info.item):
        return None  # "4. Stay hydrated" / its paragraph: a listicle's item, not a page
    if _after_standfirst(entries, i, p):
        return None
    if _live_label_under_header(entries, i, p):
        return None
    if (
        p == i - 1
        and prev is not None
        and prev.role == BODY
        and _name_between(entries, i)
        and not entries[i + 1].info.dateline  # (a wire story's byline over its dateline lead)
        and not _name_under_story(entries, i)
    ):
        return None  # paragraph / "Jo Park, Ph.D." / paragraph: a photo's caption or credit
        # (under a story's last paragraphs, over a lead, it is scored as a byline)
    if prev is not None and prev.ends_colon and _item_run(entries, i) >= COLON_LIST_RUN:
        return None  # "Common mutations include:" / "EGFR mutations" / "KRAS ...": its items
    head = repeat = byline = stamp = caption = 0.0
    short_head = clock = long_head = signed = False
    heads = 0  # headline lines in the zone
    live = False  # a live page's title or kicker among them
    j = i
    end = min(n, i + 8)
    while j < end:
        info = entries[j].info
        r = info.role
        if r in _TRANSPARENT:
            if j > i and _page_end(info):
                break  # the header above ended with its page; this is the next one's
            j += 1
            continue
        if r not in HEADERISH:
            if r == BODY and j > i and entries[j - 1].info.role == HEAD and _standfirst(entries, j):
                j += 1  # headline, standfirst, byline: one header zone
                continue
            if (
                r == BODY
                and j > i
                and entries[j - 1].info.role == BYLINE
                and j + 1 < end
                and entries[j + 1].info.dateline
            ):
                j += 1  # byline, a note or promo, dateline lead: the lead is the byline's
            break
        if r == HEAD:
            head = 1.0
            heads += 1
            clock = clock or info.clock  # "7:52 p.m.: Jury returns": a live entry's heading
            text = entries[j].raw.text.strip()
            # a question, or a quotation standing alone, heads a section of the story
            short_head = (
                (info.words <= SUBHEAD_WORDS and not _HEADLINESE.match(text))
                or text.endswith("?")
                or _quoted(text)
            )
            long_head = long_head or info.words > SUBHEAD_WORDS
            if any(_same_title(e.info.key, info.key) for e in entries[j + 1 : j + 3]):
                repeat = 1.0  # repeated at once, or after a standfirst
            elif _site_title(text):
                repeat = 1.0  # the page's own title, with the site's name: as good as a repeat
            elif _rubric_title(text):
                repeat = 1.0  # "Letters: Readers on the derailment": a page's rubric and title
            elif _site_path(text) or _flat_menu(text):
                repeat = 1.0  # "Home › News › Releases": the page's path from the site's root
                short_head = False  # (or its menu, "Home About News Donate")
            elif j == i and outlet_name(text):
                repeat = 1.0  # "The Wenlow Gazette" over the header: the page's masthead
                short_head = False
            elif _LIVE_TITLE.match(text) is not None:
                # a live page's title or kicker ("LIVE: Church names new leader", "LIVE"):
                # as good as a repeat, and its first entry's time under it is no sign of
                # an entry inside the page
                repeat = 1.0
                live = True
            elif j == i and _own_title(entries, j):
                repeat = 1.0  # "Tavaro election: why is the result disputed?" in sparse
                short_head = False  # text: an explainer's title, which opens its page (or
                # a campaign's: "Stand with the Lindmark shareholders")
            if not stamp and _dated_title(text):
                stamp = 1.0  # "Fire Update — Wednesday, August 6, 2025": the page's date
        elif r == BYLINE:
            byline = 1.0
            signed = signed or not clock  # signed above the time: a page's byline
            if j == i and outlet_name(entries[j].raw.text.strip()):
                repeat = 1.0  # "Carrick Bay Courier" over the header: the page's masthead
        elif r == TIMESTAMP:
            if not info.clock:
                stamp = 1.0
            else:
                clock = True
        else:
            caption = 1.0
        j += 1
    if (
        caption
        and head
        and (not long_head or (short_head and heads == 1))
        and not (byline or stamp or repeat)
        and _midstory(prev)
    ):  # a photo and its caption, then a subheading (a question, a quotation): the story
        # goes on
        caption = head = 0.0
    if (
        caption
        and not (byline or stamp or repeat)
        and _midstory(prev)
        and _same_photographer(entries, i, j)
    ):  # a photo credited to the photographer of one just above, then a heading: the story's
        caption = head = 0.0
    if caption and clock and not stamp and _midstory(prev) and _labelled_photo(entries, i, j):
        caption = 0.0  # paragraph / photo / "Image: X" / next entry's time: the entry goes on
    if (
        clock
        and not (stamp or caption or live)
        and (
            entries[i].info.clock
            or not signed
            or (entries[i].info.role == BYLINE and _midstory(prev))
        )
    ):
        # "Posted at 14:10" / entry headline / "From CNN's Jo Park": a live page's entry
        # (a headline and byline above the first entry's time are the page's own; a
        # byline under an entry's time, or over it right under a paragraph, is the entry's)
        head = repeat = byline = 0.0
        furniture = False  # the share row above ends the last entry, not the page
    if byline and not (head or stamp or caption) and _speaker_turn(entries, i, p):
        byline = 0.0  # name / speech / name / speech: a transcript's speakers, not bylines
    dateline = 1.0 if j < end and entries[j].info.dateline else 0.0
    if (
        caption
        and not (head or byline or stamp or repeat or dateline)
        and _midstory(prev)
        and _labelled_photo(entries, i, j)
        and not (_photo_under_prose(entries, i) and _sparse_at(entries, i))
    ):
        # "Image caption, ..." / "Image source, ..." between two paragraphs, no header under
        # it: a page's labelled in-story figure, the story goes on (an unlabelled caption
        # there may be the next story's lead photo)
        caption = 0.0
    first = entries[i].info
    if first.clock and not (head or byline or stamp or caption):
        dateline = 0.0  # "posted at 16:54" / "GOAL – Rovers 0-3 ...": a live entry, not a wire lead
    if p == i - 1 and prev is not None and prev.role == BODY and _live_page_end(entries, p):
        after_appeal = True  # "Good morning and welcome to our live coverage ..." last
    prev_close = 1.0 if after_appeal or (prev is not None and prev.role in (CLOSE, BIO)) else 0.0
    prev_colon = 1.0 if prev is not None and prev.ends_colon else 0.0
    ncues = head + repeat + byline + stamp + caption + dateline + prev_close
    head_only = 1.0 if head and ncues == 1 else 0.0
    if (
        head_only
        and first.role == HEAD
        and first.words > BLOCK_HEAD_WORDS
        and (heads == 1 or (i > 0 and entries[i - 1].info.lead > 0))
        and _midstory(prev)
    ):  # a long caption or pull quote between paragraphs, or a story's key points under
        # their label (not a headline over more header lines)
        head = head_only = ncues = 0.0
    if head_only and _counts_on(entries, i):
        head = head_only = ncues = 0.0  # "2 Second item" under "1 First item": a list
    if head_only and _head_run(entries, i) >= HEAD_RUN:
        head = head_only = ncues = 0.0  # ingredients or links, not a headline
        short_head = False
    g = min(gap_of[i], len(sims) - 1)
    s = sims[g]
    lo, hi = max(0, g - BLOCK), min(len(sims), g + BLOCK + 1)
    valley = max(0.0, min(max(sims[lo : g + 1]), max(sims[g:hi])) - s)
    carried = 0.0  # only cue-less starts: a headline may well repeat the last story's words
    own = i + 1 < n and gap_of[i + 1] > g  # entries[i] is content line number g
    if ncues == 0 and own and g < len(carry):
        carried = max(0.0, carry[g] - CARRY_MID)
    depth = depths[g]
    if ncues == 0 and not own:
        # a repeated paragraph left out of cohesion has no gap of its own; the
        # next line's gap (maybe the next article's) is no evidence about it
        depth = valley = 0.0
        s = 1.0
    titled = bool(head_only) and _own_title(entries, i)
    return (
        head,
        repeat,
        byline,
        stamp,
        caption,
        dateline,
        prev_close,
        prev_colon,
        1.0 if first.connective else 0.0,
        1.0 if first.quote_start else 0.0,
        1.0 if ncues >= 2 else 0.0,
        head_only,
        depth,
        1.0 - s,
        valley,
        head_only * (depths[g] + valley),
        1.0 if furniture else 0.0,
        1.0 if head_only and short_head and (heads == 1 or not long_head) and not titled else 0.0,
        carried,
        _section_sim(entries, i, terms, gap_of)
        if head_only
        and terms is not None
        and not lazy
        and not titled
        and not _after_page_foot(entries, i)
        else 0.0,
    )


def _signed_off(entries: list[_Entry], p: int) -> bool:
    """entries[p] ends a signature under a paragraph, a name and the signer's post
    ("Dorota Maelin" / "General Secretary, PHWF"): a piece signed at its foot, so an
    appeal under it ends the page. (One name line alone there is as often the next
    page's site, "Aldermere Wildlife Trust" over its menu.)"""
    k = p
    while k > 0 and entries[k - 1].info.role == BYLINE and p - k < 2:
        k -= 1
    return p - k >= 1 and k > 0 and entries[k - 1].info.role == BODY


def _under_crumbs(entries: list[_Entry], i: int) -> bool:
    """entries[i] lies two lines under a page's path ("Home › Money › Travel") with a
    short line between (its headline, read as a sentence: "Skerry Air has collapsed.
    What are my rights?"): the path's page header, not a page of its own."""
    if i < 2 or entries[i - 1].info.words > CRUMB_HEADLINE_WORDS:
        return False
    up = entries[i - 2]
    return up.info.role == HEAD and _site_path(up.raw.text.strip())


#: Most words of a headline between a page's path and a line under it.
CRUMB_HEADLINE_WORDS = 12


def _explainer_title(entries: list[_Entry], i: int) -> bool:
    """entries[i] is an explainer's or a guide's title ("Sattari Dam: why is the project
    so controversial?", "The Arrabal case, explained", "Teachers' strike: your questions
    answered") in sparse text: there a title of that kind under a paragraph opened a
    page 58 times in 60 in the written dumps, so it is held to be no subheading of the
    story above however much it shares with it (in dense pages the same shape is most
    often an interviewer's question, "Outlet: How did you ...?", and stays a subheading)."""
    e = entries[i]
    if e.info.role != HEAD or e.info.words < EXPLAINER_TITLE_WORDS:
        return False
    text = e.raw.text.strip()
    if _EXPLAINER_TITLE.search(text) is None and not _asks_first(entries, i, text):
        return False
    if _GOES_ON.match(text):
        return False  # "But we should ask a harder question: why ...?": a sentence going on
    label = text.split(":", 1)[0] if ":" in text else ""
    if label and (label.isupper() or "(" in label or _ASKER.match(label)):
        return False  # "DANA WOLCOTT: How ...?", "Question (Radio X): Will ...?": a turn
    if text.endswith("?") and _interviewed(entries, i):
        return False  # "Before you go: what is ...?" two lines under the last question
    return _sparse_at(entries, i)


def _asks_first(entries: list[_Entry], i: int, text: str) -> bool:
    """entries[i] is a long question ("Who pays for the Saren Pride oil spill?") with no
    other question a few lines above it (it asks no section of an explainer above), and
    the first section's question a few lines below (under a standfirst or lead): an
    explainer's title (38 times in 44 in sparse text in the written dumps)."""
    return (
        text.endswith("?")
        and entries[i].info.words >= QUESTION_TITLE_WORDS
        and not _under_intro(entries, i)
        and not _asked_again(entries, i)
        and not any(_question_head(x) for x in entries[max(0, i - QA_REACH) : i])
        and not _explained_above(entries, i)
        and any(_question_head(x) for x in entries[i + 2 : i + 2 + QA_REACH_BELOW])
        and not _in_interview(entries, i)
        and _YOU.search(text) is None  # ("How did you feel when ...?": the interviewer's)
    )


def _explained_above(entries: list[_Entry], i: int) -> bool:
    """An explainer's title ("Grave leases: your questions answered") lies a few lines
    over entries[i]: a long question there is one of its sections (its first questions
    were long enough to read as paragraphs, so no question heading lies right above)."""
    return any(
        e.info.role == HEAD and _EXPLAINER_TITLE.search(e.raw.text) is not None
        for e in entries[max(0, i - EXPLAINED_REACH) : i]
    )


def _section_asked(entries: list[_Entry], h: int) -> bool:
    """entries[h] is a question heading a few lines under an explainer's title: one of
    its sections (its answer under it is no new page's lead)."""
    return h > 0 and _question_head(entries[h]) and _explained_above(entries, h)


#: Lines over a question within which an explainer's title makes it a section.
EXPLAINED_REACH = 16
#: A question put to someone: an interviewer's, not an explainer's title.
_YOU = re.compile(r"\byou\b", re.I)


def _interviewed(entries: list[_Entry], i: int) -> bool:
    """A question two lines over entries[i] (a question too), with a short answer
    between: the interviewer's next question, not a new explainer's title."""
    return i >= 2 and _question_head(entries[i - 2]) and entries[i - 1].info.role == BODY


def _in_interview(entries: list[_Entry], i: int) -> bool:
    """An interview's editing note or "Interview by X" lies a few lines over entries[i]:
    a question there is the interviewer's (93 such long questions in the written dumps
    open no page, none does)."""
    return any(
        _edit_note(e.info.key) or ("nterview" in e.info.key and _INTERVIEW_BY.match(e.info.key))
        for e in entries[max(0, i - INTERVIEW_REACH) : i]
    )


#: Lines over a question within which an interview's mark makes it the interviewer's.
INTERVIEW_REACH = 15
# An interview's byline, one of its marks with its editing note: "Interview by Jo Park".
_INTERVIEW_BY = re.compile(r"interview(?:ed)? by\b", re.I)


def _under_intro(entries: list[_Entry], i: int) -> bool:
    """entries[i] sits under a headline and one paragraph, with at most the header's
    byline, date and photo between: an interview's first question under its header and
    introduction ("'We cannot look away': the agency's chief on ..." / "Jo Park has run
    ..." / "Why stop ...?"), or an explainer's first section under its title and lead
    ("Explained: ..." / "QBC News" / "Posted 2h ago" / "The basin has ..." / "What is
    lithium and why does it matter?"), not an explainer's own title."""
    if i < 2 or entries[i - 1].info.role != BODY:
        return False
    k = i - 2
    while k > 0 and i - 2 - k < INTRO_HEADER_LINES and entries[k].info.role in _HEADER_FURNITURE:
        k -= 1
    return entries[k].info.role == HEAD and not entries[k].raw.text.rstrip().endswith("?")


#: Most lines of byline, date and photo between a header's headline and its lead.
INTRO_HEADER_LINES = 3
_HEADER_FURNITURE = frozenset({BYLINE, TIMESTAMP, CAPTION, CREDIT})


#: Fewest words of a question read as an explainer's title (sections ask in fewer).
QUESTION_TITLE_WORDS = 8
#: Lines under such a title within which its first section's question lies (over it,
#: none may lie within QA_REACH).
QA_REACH_BELOW = 4


#: Fewest words of an explainer's title (a section's question is shorter).
EXPLAINER_TITLE_WORDS = 5
_EXPLAINER_TITLE = re.compile(
    r"\b(?:explained|(?:your )?questions answered|what we know(?: so far)?"
    r"|what (?:you|we) need to know|everything you need to know|the key questions"
    r"|what happens (?:now|next))\b"
    r"|^\S+(?: [^:?\s]+){1,9}: (?:why|how|what|who|where|when|will|can|is|are|does|do|should"
    r"|could|(?:the )?key (?:facts|findings|dates|points)$)\b",
    re.I,
)
# A line that opens with a conjunction goes on from the one above it: no page's title.
_GOES_ON = re.compile(r"(?:And|But|So|Yet|Or|Because)\b")
_ASKER = re.compile(r"(?:questions?|q|answer|a|presenter|interviewer|host|anchor)\b", re.I)


# "Holmes secures comeback victory", "Campbell to extend career": a name and a verb,
# a headline's grammar however short (a section's label is a noun or a question).
_HEADLINESE = re.compile(
    r"^(?!(?:What|Who|Why|How|Which|When|Where|Is|Are|Was|Do|Does|Can|So|The|A|An|Our|Your)\b)"
    r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)* (?:[a-z]+s|to [a-z]+|[a-z]+ed)(?: [‘“]?[\w'’-]+[’”]?)+$"
)


# Two short sentences, the second left without its stop: a comment piece's headline.
_TWO_PART_TITLE = re.compile(r"^[A-Z][^.!?:;“”\"]{10,}\. [A-Z][^.!?:;“”\"]{6,}[^.!?:;,“”\"\s]$")
#: Longest such headline, in words.
TWO_PART_WORDS = 20


#: Similarity (worker.cohesion.wide_similarity) of the sections on either side of a
#: lone headline above which it reads as a subheading of the story around it: two
#: stories side by side, even on one subject, share less (dumps of real pages:
#: docs/segmentation.md).
SECTION_SIM_MID = 0.06


# A live page's title or kicker: "LIVE", "LIVE: ...", "Live updates: ...", "As it happened".
_LIVE_TITLE = re.compile(
    r"^(?:LIVE|Live|LIVE UPDATES|Live updates|Live blog|As it happened)(?:\s*[:|–—-]\s*\S.*)?$"
    # "Business live", "Markets live: Dollar soars after rate rise", "Ukraine war live – ..."
    r"|^[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2} (?:live|LIVE)$"
    r"|^[A-Z][\w&'’-]*(?: (?!(?:we|they|you|I|to)\b)[\w&'’-]+)? live(?: updates| blog)?"
    r"\s*[:|–—]\s*\S.*$"  # (not an entry's "Nipah virus LIVE: ..." of a live page)
)


def _own_title(entries: list[_Entry], i: int) -> bool:
    """entries[i] titles a page of its own kind (an explainer's, a campaign's): no
    subheading of the story above, whatever words the two share."""
    if _explainer_title(entries, i):
        return True
    return _campaign_title(entries[i].raw.text.strip()) and not any(
        e.info.role == APPEAL for e in entries[i + 1 : i + 3]
    )  # ("Stand with the valley" / "Every crown we raise ..." / "Donate now": the appeal's)


def _campaign_title(text: str) -> bool:
    """A campaign page's title ("Stand with the Lindmark shareholders", "Save Our
    Stations", "Sign the petition: No more deaths at the door"): a page's own, however
    much it shares with the story above on its cause (not a bare button, "Sign the
    letter", "Join the campaign")."""
    return _CAMPAIGN_TITLE.match(text) is not None


_CAMPAIGN_TITLE = re.compile(
    r"(?:stand with|save (?:our|the)|bring (?:\S+ ){0,3}home|return (?:our|the)"
    r"|sign (?:the|our) (?:petition|open letter|letter|pledge)\s*:)\s*\S.{3,}$",
    re.I,
)


def _dated_title(text: str) -> bool:
    """A headline that ends with its full date ("Cougar Flat Fire Update — Wednesday,
    August 6, 2025", "Daily briefing: 3 March 2024"): a bulletin's title, dated like a
    page (a subheading names a day, seldom the year; a quoted post ends with its date
    and who posted it, after a comma)."""
    return (
        text[-4:].isdigit()
        and text[:1] not in _QUOTE_MARKS
        and _DATED_TITLE.search(text) is not None
    )


_QUOTE_MARKS = "“\"‘'«"
# A full date at a line's end, after a dash or a colon (see _dated_title).
_DATED_TITLE = re.compile(
    r"(?:\s[–—|-]|:)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?i:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+(?:19|20)\d\d$"
)


def _same_title(a: str, b: str) -> bool:
    """Two lines that are one headline: the same, or one of them with its site's name
    after a separator, as a page's title shows it ("Voice interfaces • Dustin Curtis"
    over "Voice interfaces")."""
    if a == b:
        return True
    if len(a) == len(b) or not a or not b:
        return False
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if not long.startswith(short):
        return False
    rest = long[len(short) :]
    return rest[:3] in _TITLE_SEPARATORS and len(rest.split()) <= SITE_WORDS + 1


#: How a page's title sets off its site's name ("Title | Site", "Title • Site").
_TITLE_SEPARATORS = frozenset([" | ", " • ", " - ", " – ", " — ", " · "])
#: Most words of the site's name after a title.
SITE_WORDS = 4


# A headline led by its page's rubric ("Letters: Readers on the derailment", "Review: The
# Marchioness jewels return", "Obituary: Jo Park"): the title of a page of that kind,
# not a section heading inside a story (whose rubric would be the story's own).
_RUBRIC_TITLE = re.compile(
    r"^(?:letters?(?: to the editor)?|reviews?|editorial|obituary|interview|explainer|essay"
    r"|profile|podcast|in pictures|fact[- ]check|the big read|long read|transcript|q ?& ?a"
    r"|ask the expert|opinion|timeline|explained|factbox|fact box"
    r"|press release|statement)\s*[:|–—]\s*\S.{8,}$",
    re.I,
)
_RUBRIC_FIRST = frozenset("LlRrEeOoIiPpFfTtQqAaCcSs")
#: An editorial's title: "The Post view on measles: politicians must now help end it".
_VIEW_TITLE = re.compile(r"The (?:[A-Z][\w’'&.-]*\s){1,4}view on [^:]{2,60}: \S")


def _rubric_title(text: str) -> bool:
    """A headline that names its page's kind: led by a rubric (_RUBRIC_TITLE), or an
    editorial's "The Post view on X: Y"; only a page's top prints either."""
    if text[:4] == "The " and _VIEW_TITLE.match(text) is not None:
        return True
    return text[:1] in _RUBRIC_FIRST and _RUBRIC_TITLE.match(text) is not None


def _site_title(text: str) -> bool:
    """A page's title as its browser tab shows it: a headline of four or more words,
    no figures and no closing punctuation, then the site's name after a separator
    ("Here Comes Apple's Real TV - BusinessWeek", "Voice interfaces | Jo Park").
    Not a caption's credit ("... in April. | Kyodo") nor an agency's capitals ("• PTI")."""
    parts = _SITE_SEPARATOR.split(text)
    if len(parts) < 2 or len(parts) > 4:
        return False
    title, site = " ".join(parts[:-1]), parts[-1]
    return (
        len(title.split()) >= SITE_TITLE_WORDS
        and title[-1] not in _TITLE_END
        and not any(c.isdigit() for c in title)
        and not site.isupper()
        and _SITE_NAME.match(site) is not None
    )


_SITE_SEPARATOR = re.compile(r"\s[-|–—•·]\s")
_SITE_NAME = re.compile(r"^[A-Z][\w&.'’]*(?:\s(?:[A-Z][\w&.'’]*|of|the|and|&)){0,3}$")
_TITLE_END = frozenset('.?!"”:')
#: Fewest words of a page title's headline.
SITE_TITLE_WORDS = 4


def _section_sim(entries: list[_Entry], i: int, terms: _Terms, gap_of: list[int]) -> float:
    """How far the text between the last headline line above entries[i] and the next
    one below (at most WIDE_BLOCK content lines each side) shares more than
    SECTION_SIM_MID."""
    n = len(entries)
    if (
        i > 0
        and entries[i - 1].info.role == BODY
        and entries[i].info.words > SUBHEAD_WORDS
        and _HEADLINESE.match(entries[i].raw.text.strip())
    ):
        return 0.0  # "Corvel to strip 40 tankers of its flag after sanctions pressure" under
        # a paragraph: a story's headline (a name and a verb, at length), however much it
        # shares (under "Read more", a related story's link)
    if (
        i > 0
        and entries[i - 1].info.role == BODY
        and entries[i].info.words <= TWO_PART_WORDS
        and i + 1 < n
        and entries[i + 1].info.role == BODY
        and _TWO_PART_TITLE.match(entries[i].raw.text.strip())
    ):
        return 0.0  # "The flood was no accident. It was a business model": an opinion
        # piece's headline, a claim and its turn (a subheading is one phrase)
    if i + 1 < n and entries[i + 1].info.role == HEAD and entries[i + 1].raw.text[-1:] != "?":
        return 0.0  # two title lines (a headline and its dek): a page's header (an
        # explainer's map over its next question is no header)
    g = gap_of[i]
    lo = i - 2
    while lo >= 0 and entries[lo].info.role != HEAD and g - gap_of[lo] <= WIDE_BLOCK:
        lo -= 1
    hi = i + 2
    while hi < n and entries[hi].info.role != HEAD and gap_of[hi] - g <= WIDE_BLOCK:
        hi += 1
    left = max(g - WIDE_BLOCK, gap_of[lo] + 1 if lo >= 0 else 0)
    right = min(g + 1 + WIDE_BLOCK, gap_of[hi] if hi < n else g + 1 + WIDE_BLOCK)
    return max(0.0, wide_similarity(terms, g, left, right) - SECTION_SIM_MID)


def _item_heading(e: _Entry) -> bool:
    """A listicle's numbered item heading ("4. Stay hydrated", LineInfo.item) still read
    as a paragraph: the paragraph under it is the item's text, inside the story (unless
    the item is one of a run, "2. Fonti +0:11" / "3. Hradil +0:19": a table's rows, under
    which a page may start; the callers look at the line above)."""
    return e.info.item and e.info.role == BODY


# A caption's credit to a named photographer: "... Photograph: Jo Park".
_PHOTOGRAPHER = re.compile(
    r"\b(?:photo(?:graph)?|picture|image)s?(?: by)?\s*:?\s+"
    r"((?-i:[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}))\s*$",
    re.I,
)


def _same_photographer(entries: list[_Entry], i: int, j: int) -> bool:
    """A caption in entries[i:j] credits a named photographer whose name is on a
    caption or byline in the PHOTO_SPAN lines above: the same story's pictures."""
    for e in entries[i:j]:
        if e.info.role != CAPTION:
            continue
        m = _PHOTOGRAPHER.search(e.raw.text.strip())
        if m is None:
            continue
        name = m.group(1)
        return any(
            a.info.role in (CAPTION, BYLINE) and name in a.raw.text
            for a in entries[max(0, i - PHOTO_SPAN) : i]
        )
    return False


#: Lines above a caption searched for its photographer's earlier credit.
PHOTO_SPAN = 12


def _table_row(e: _Entry) -> bool:
    """e is a market table's row flattened to a line, inside a story (a page does not
    open on a table's rows: the paragraph under them is the table's story)."""
    return e.info.role == BOILER and e.info.ad and _DATA_ROW.match(e.raw.text.strip()) is not None


def _in_pipe_table(entries: list[_Entry], i: int) -> bool:
    """entries[i] is a row of a table flattened with bars ("Date | Location | Time"): two
    bars or more, as many as the row above or below it has."""
    t = entries[i].raw.text
    if t.count(" | ") < 2:
        return False
    cells = t.count(" | ")
    return any(
        0 <= k < len(entries) and entries[k].raw.text.count(" | ") == cells for k in (i - 1, i + 1)
    )


def _labelled_photo(entries: list[_Entry], i: int, j: int) -> bool:
    """entries[i:j] hold a figure's labelled line ("Image caption, ...", "Image source, X"):
    the accessible labels a page gives the photos inside its story."""
    return any(
        e.raw.text.lstrip()[:13].lower().startswith(_PHOTO_LABELS)
        or (e.info.words <= CREDIT_LABEL_WORDS and _CREDIT_LABEL.match(e.raw.text.lstrip()))
        for e in entries[i:j]
    )


_PHOTO_LABELS = ("image caption", "image source")


def _speaker_turn(entries: list[_Entry], i: int, p: int) -> bool:
    """entries[i], a name line with no headline, sits under a paragraph (entries[p])
    and another name line amid paragraphs comes just before it (or, when a paragraph
    follows it, just after it): the turns of a transcript or interview."""
    n = len(entries)
    if p < 1 or entries[p].info.role != BODY:
        return False
    spans = [range(p - 1, max(0, p - SPEAKER_SPAN), -1)]
    if i + 1 < n and entries[i + 1].info.role == BODY:
        spans.append(range(i + 2, min(n - 1, i + SPEAKER_SPAN)))
    for ks in spans:
        for k in ks:
            r = entries[k].info.role
            if r == BYLINE:
                if entries[k + 1].info.role == BODY and entries[k - 1].info.role == BODY:
                    return True
                break
            if r not in (BODY, BLANK):
                break
    return False


#: Lines above a name line searched for the speaker's turn before it.
SPEAKER_SPAN = 6

_ITEM_NO = re.compile(r"^(\d{1,2})[.)]?\s")


def _counts_on(entries: list[_Entry], i: int) -> bool:
    """entries[i] opens with a number one above that of a line just above it: the
    next item of a numbered list ("2 A tuition agency's chatbot ..."), not a headline."""
    m = _ITEM_NO.match(entries[i].raw.text)
    if m is None or m.group(1) in ("0", "1"):
        return False
    before = str(int(m.group(1)) - 1)
    for e in entries[max(0, i - ITEM_GAP) : i]:
        k = _ITEM_NO.match(e.raw.text)
        if k is not None and k.group(1) == before:
            return True
    return False


#: Lines back within which a numbered list's previous item lies.
ITEM_GAP = 4


def _quoted(text: str) -> bool:
    """The whole line is one quotation ("‘He held the whole thing hostage’"), maybe
    after its speaker's name ("Pell: ‘Bolton has chosen hope’")."""
    if len(text) > 2 and text[-1] in "’”\"'" and text[0] not in "‘“\"'":
        k = text.find(": ")
        if 0 < k <= SPEAKER_CHARS:
            text = text[k + 2 :]
    if len(text) <= 2 or text[0] not in "‘“\"'" or text[-1] not in "’”\"'":
        return False
    # one closing mark (a straight one also opens: two); an apostrophe inside ends it early
    return text.count(text[-1]) == (2 if text[0] == text[-1] else 1)


#: Longest speaker's name before a quotation heading a section, in characters.
SPEAKER_CHARS = 30


def _page_end(info: LineInfo) -> bool:
    """Furniture that closes a page (a republishing notice, a copyright line, a
    comment prompt, a box of dated teasers): header lines above it and below it belong
    to two articles."""
    if info.dated:
        return True  # (a box's label above, "Coastal weather", is no headline of the next)
    if info.end and info.role == BOILER and info.words <= 4 and _NEXT_PAGE.match(info.key):
        return True  # "Next story": the link to the page after this one
    return (
        info.role == BOILER
        and not info.listed
        and not info.widget  # share buttons sit under headlines too
        and info.words >= PAGE_END_WORDS
        and (not info.ad or _SIGN_UP_SENTENCE.search(info.key) is not None)
        and not _tab_row(info.key)
        and not _edit_note(info.key)
    )


def _after_gallery(entries: list[_Entry], b: int) -> bool:
    """entries[b], a start, is a headline signed under it right after a gallery's last
    photo (its counter or caption, then a caption or credit): the photos are the
    gallery's, so the placement leaves the start on the headline."""
    return (
        b >= 2
        and entries[b - 1].info.role in _PHOTO_ROLES
        and entries[b - 2].info.role in (HEAD, CAPTION)
        and _signed_below(entries, b)
    )


def _dated_row(key: str) -> bool:
    """A row of cells ("·" or "|" apart) whose first is a date or time of publication
    ("Updated 9:58 p.m. · All 11 polls reporting", "Issued: 26 June 2025 | Next issue:
    ...")."""
    if " · " not in key and " | " not in key:
        return False
    first = _ROW_CELL.split(key, 1)[0]
    info = classify(first)
    return info.role == TIMESTAMP and not info.clock


_ROW_CELL = re.compile(r"\s+[·|]\s+")
#: Longest line read as a list's row when it looks like a dateline lead ("PLACE, X – ..."),
#: with another such line next to it: a lead is a paragraph's first words.
ROW_LEAD_WORDS = 8
#: Longest row led by a date, in words.
DATED_ROW_WORDS = 14


def _live_page_end(entries: list[_Entry], p: int) -> bool:
    """entries[p] is a live page's opening entry ("Good morning and welcome to our live
    coverage ...") with no entry's time in the lines under it: the page runs newest
    first, so its first entry is its last line, and the paragraph under it is another
    page's."""
    t = entries[p].raw.text.lstrip()
    if t[:1] not in "GgWwPp" or _LIVE_WELCOME.match(t) is None:
        return False
    return not any(e.info.clock for e in entries[p + 1 : p + 1 + LIVE_ENTRY_REACH])


# A live page's welcome, or its note on how it updates.
_LIVE_WELCOME = re.compile(
    r"^(?:good (?:morning|afternoon|evening)(?: and|,)? )?welcome to (?:our|the|this) live"
    r" (?:coverage|blog|updates|page)"
    r"|^(?:we['’]ll|we will) (?:be )?(?:updating|update) this (?:post|page|blog)"
    r"|^please refresh (?:the|this) page",
    re.I,
)
#: Lines under a live page's welcome searched for an entry's time.
LIVE_ENTRY_REACH = 4


def _wire_credit(text: str) -> bool:
    """A closing credit in brackets ("(Reporting by Jo Park; Editing by Tom Hale)"):
    nothing of its story follows it."""
    t = text.strip()
    return t[:1] == "(" and t[-1:] == ")" and " by " in t


# A live page's or a long read's own list of links, inside its header.
_KEY_LIST = re.compile(
    r"(?:key (?:events|moments|updates|points)|in this (?:article|story|guide)|on this page"
    r"|contents|summary|jump to)\b",
    re.I,
)


def _links_label(info: LineInfo) -> bool:
    """A list of links' label ("Related galleries"; not a live page's "Key events" or a
    page's "On this page", which sit inside a header), itself no link of a list."""
    return (
        info.role == BOILER
        and info.lead > 0
        and not (info.listed and not info.ad)
        and _KEY_LIST.match(info.key) is None
    )


def _by_under(entries: list[_Entry], i: int, reach: int = 3) -> bool:
    """entries[i] is a headline with a "By ..." line within ``reach`` lines under it (a
    standfirst may come between)."""
    if entries[i].info.role != HEAD:
        return False
    for e in entries[i + 1 : i + 1 + reach]:
        if e.info.role == BYLINE and opens_by(e.raw.text):
            return True
        if e.info.role not in (HEAD, BODY, CAPTION, CREDIT):
            return False
    return False


def _signed_below(entries: list[_Entry], i: int) -> bool:
    """entries[i] is a headline with its "By ..." line right under it."""
    return _by_under(entries, i, reach=1)


def _footer_end(entries: list[_Entry], k: int) -> bool:
    """entries[k] is a short end line ("© Ardenshire County Council") under more of a
    page's footer (a row of its links, "Report a problem with this page"): the foot of a
    page, so the header lines above it are not those of the paragraph below."""
    if not _short_end(entries[k].info):
        return False
    j = k - 1
    while j >= 0 and entries[j].info.role == BLANK:
        j -= 1
    return j >= 0 and entries[j].info.role == BOILER and not entries[j].info.ad


def _short_end(info: LineInfo) -> bool:
    """A short line that ends a page ("Tags: health, doctors", "© Jo Park"), seen
    between a header line above and a header line below: the page above ended there.
    (Not over a paragraph, nor a break in a header's walk down: a photo's copyright or a
    story's tags may sit between a headline and its dateline lead.)"""
    return info.end and info.role == BOILER and not info.listed and not info.widget


# An interview's editing note ("This interview has been edited for length and clarity."):
# it sits between the interview's header and its first question, it ends no page.
_EDIT_NOTE = re.compile(
    r"\b(?:edited|condensed)(?: and (?:edited|condensed))? for (?:length|clarity|brevity)\b"
    r"|\b(?:lightly )?(?:edited and condensed|condensed and edited)\b",
    re.I,
)


def _edit_note(key: str) -> bool:
    """The line is an interview's editing note (_EDIT_NOTE)."""
    return "dited" in key and _EDIT_NOTE.search(key) is not None


def _first_question(entries: list[_Entry], i: int) -> bool:
    """entries[i] is a question right under an interview's editing note, its answer
    under it: the interview's first, never a page's top (25 of 25 in the written
    dumps). The note also ends interviews (59 times a page opens under it), but then
    no question follows it, or one that is a headline (repeated, or over a byline)."""
    if not entries[i].raw.text.rstrip().endswith("?"):
        return False
    q = i + 1
    while q < len(entries) and entries[q].info.role == BLANK:
        q += 1
    if q >= len(entries) or entries[q].info.role != BODY:
        return False  # (a headline that asks, repeated or over its standfirst: a new page)
    p = i - 1
    while p >= 0 and entries[p].info.role == BLANK:
        p -= 1
    return p >= 0 and _edit_note(entries[p].info.key)


def _profile_item(entries: list[_Entry], i: int) -> bool:
    """entries[i] is one name of a who's who ("Jo Park, chair of the union" over one
    paragraph on her, then the next name): at least three such names, two lines apart,
    with one paragraph each. Each name reads as a byline or a headline over a lead, but
    no page opens inside such a list (0 of 23 names in the written dumps)."""
    if not _is_profile_name(entries, i):
        return False
    paired = [
        k
        for k in (i - 2, i + 2)
        if _is_profile_name(entries, k) and entries[(i + k) // 2].info.role == BODY
    ]
    further = [k for k in (i - 4, i + 4) if _is_profile_name(entries, k)]
    return bool(paired) and len(paired) + len(further) >= 2


def _is_profile_name(entries: list[_Entry], k: int) -> bool:
    if not 0 <= k < len(entries) - 1:
        return False
    e = entries[k]
    t = e.raw.text.strip()
    return (
        entries[k + 1].info.role == BODY  # (its own paragraph under it: a letter's signer
        # under her letter, over the next page's mark, is no such name)
        and e.info.role in (HEAD, BYLINE)
        and e.info.words <= PROFILE_NAME_WORDS
        and t[-1:] not in ".!?"
        and _PROFILE_NAME.match(t) is not None
    )


#: Most words of a who's who's name line ("Jo Park, chair of the Growers' Union").
PROFILE_NAME_WORDS = 12
# A name and, after a comma, what the person is: "Pernille Haug, chair of the union".
_PROFILE_NAME = re.compile(r"(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+, \S")


def _tab_row(key: str) -> bool:
    """A row of short links ("Match stats | Line-ups | Table | Report"): a page's tabs
    under its header, no sentence closing a page (its bars count as words)."""
    if " | " not in key and " · " not in key:
        return False
    return all(c.count(" ") < TAB_WORDS for c in _TAB_SPLIT.split(key))


_TAB_SPLIT = re.compile(r" [|·] ")
#: Words of a tab in a row of tabs, at most.
TAB_WORDS = 3


# A sign-up sentence ("Get more local news by signing up for our daily newsletter."): a
# promo that may sit inside a story, but never inside a header: header zones part at it.
_SIGN_UP_SENTENCE = re.compile(
    r"\b(?:sign(?:ing)? up|subscrib(?:e|ing)|register(?:ing)?)\b.{0,80}\bnewsletters?\b"
    r".{0,40}[.!]$",
    re.I,
)


#: Shortest end-furniture sentence that separates two header zones, in words.
PAGE_END_WORDS = 8


def _name_between(entries: list[_Entry], i: int) -> bool:
    """entries[i] is a bare name (no "By", not in capitals), a paragraph right under
    it: between two paragraphs, with no headline over it, a photo's caption or credit
    (a page's byline sits under its headline, or under the last page's closing
    furniture)."""
    e = entries[i]
    return (
        e.info.role == BYLINE
        and i + 1 < len(entries)
        and entries[i + 1].info.role == BODY
        and not opens_by(e.raw.text)
        and not e.raw.text.isupper()  # ("MARCUS VALE": a column's byline, set in capitals)
        and not e.raw.text.rstrip().endswith(" read")  # ("Jo Park · Desk · 6 min read")
        and _PLACE_ROW.match(e.raw.text) is None  # ("Aviemore, Scotland | X Press": a wire's)
        and _POSTED.search(e.raw.text) is None  # ("Posted by X · 19 July 2025": a post's)
    )


def _name_under_story(entries: list[_Entry], i: int) -> bool:
    """entries[i], a bare name between two paragraphs (_name_between), is under a run of
    at least two whole paragraphs, the last one ending its sentence: not under a
    headline's standfirst or a caption, so it may be the next page's byline."""
    return (
        2 <= i < len(entries) - 2
        and entries[i - 2].info.role in (BODY, CONT)
        and entries[i - 1].raw.text.rstrip()[-1:] in _SENTENCE_END
        and entries[i + 2].info.role == BODY  # (a lead and more: no comment under its poster)
        and entries[i - 1].raw.text != entries[i - 2].raw.text  # (nor a headline run twice)
        and "," not in entries[i].raw.text  # ("Ruth Abernethy, Ph.D.", "Jo Park, Leeds")
        and entries[i].raw.text.split()[-1].lower() not in _CREDITED_BODIES
    )


#: The last word of a body credited for a photo ("Tollbridge Harbour Police").
_CREDITED_BODIES = frozenset(
    [
        "police",
        "agency",
        "service",
        "ministry",
        "department",
        "office",
        "authority",
        "council",
        "news",
        "press",
        "images",
        "photos",
        "pictures",
        "media",
        "archive",
        "archives",
    ]
)


# What a page's byline row holds and a photo's credit does not: who posted it, when.
_POSTED = re.compile(
    rf"\b(?:posted|published|written) by\b|\b\d{{1,2}} {_MONTH} (?:19|20)\d\d\b"
    rf"|\b{_MONTH} \d{{1,2}},? (?:19|20)\d\d\b",
    re.I,
)


# A place and what follows it in one row: "Aviemore, Scotland | Transatlantic Press".
_PLACE_ROW = re.compile(
    r"^\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?, [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?\s*[|·•]\s*\S"
)


def _item_run(entries: list[_Entry], i: int) -> int:
    """Short headline- or name-like lines in a row from entries[i]: under a line
    ending in a colon, the items it introduces."""
    return _role_run(entries, i, (HEAD, BYLINE), COLON_LIST_RUN + 1, ITEM_WORDS)


#: Items in a row under a line ending in a colon that make them its list.
COLON_LIST_RUN = 3
#: Longest such item, in words.
ITEM_WORDS = 8


def _head_run(entries: list[_Entry], i: int) -> int:
    """Headline-like lines in a row from entries[i]."""
    return _role_run(entries, i, (HEAD,), HEAD_RUN)


def _role_run(
    entries: list[_Entry], i: int, roles: tuple[int, ...], most: int, words: int | None = None
) -> int:
    """Lines of ``roles`` (of at most ``words`` words) in a row from entries[i], among
    the next ``most`` lines (blank lines skipped)."""
    run = 0
    for e in entries[i : i + most]:
        if e.info.role == BLANK:
            continue
        if e.info.role not in roles or (words is not None and e.info.words > words):
            break
        run += 1
    return run


#: Headline-like lines in a row that make a list (ingredients, links), not a header.
HEAD_RUN = 4


def _recipe_card(entries: list[_Entry], i: int) -> bool:
    """A recipe's title with its yield ("Serves 6", "Makes one 10-inch galette") right
    under a paragraph: the post's own recipe card, not a new article."""
    p = i - 1
    while p >= 0 and entries[p].info.role == BLANK:
        p -= 1
    if p < 0 or not _midstory(entries[p].info):
        return False
    for e in entries[i + 1 : i + 4]:
        t = e.raw.text.strip()
        if e.info.words <= 12 and _RECIPE_YIELD.match(t) and _DIGITS.search(t):
            return True
        if e.info.role not in HEADERISH and e.info.role != BLANK:
            break
    return False


_RECIPE_YIELD = re.compile(
    r"^(?:serves|makes|yields?|yield\s*:|servings\s*:|prep(?:aration)?(?: time)?\s*:?"
    r"|cook(?:ing)?(?: time)?\s*:?|total time\s*:?)\s*\S.{0,60}$",
    re.I,
)


def _midstory(prev: LineInfo | None) -> bool:
    """The line above is a story's paragraph (not furniture that could end it)."""
    return prev is not None and prev.role in (BODY, CONT)


def _live_label_under_header(entries: list[_Entry], i: int, p: int) -> bool:
    """A bare "Live" label under a headline, or under the one paragraph under one (its
    standfirst): the live page's own label, under its header, not another page's title."""
    if entries[i].info.role != HEAD or entries[i].info.words > 2 or p != i - 1 or p < 0:
        return False  # (right under it: no page's end, no menu between)
    t = entries[i].raw.text.strip()
    if t.lower() not in ("live", "live updates", "live blog"):
        return False
    above = entries[p].info.role
    return above == HEAD or (above == BODY and p > 0 and entries[p - 1].info.role == HEAD)


def _standfirst(entries: list[_Entry], j: int) -> bool:
    """entries[j] is a short paragraph under a headline with a byline after it (and
    maybe a photo caption between); a longer one (an investigation's summary) only
    over a "By ..." line, since a letter under its subheading is signed below with a
    bare name ("Jo Park, Leeds")."""
    words = entries[j].info.words
    if words > BYLINED_STANDFIRST_WORDS or _asked_again(entries, j - 1):
        return False
    k = j + 1
    while k < len(entries) and (
        entries[k].info.role in (CAPTION, CREDIT, BLANK)
        or (
            entries[k].info.role == BOILER
            and entries[k].info.ad
            and _RELATED_LINE.match(entries[k].raw.text.lstrip()) is None
        )
    ):  # the lead photo's caption (or a listen button) may sit between standfirst and byline
        # (not "Related: <headline>" links: a story's last paragraph sits over those)
        k += 1
    if (
        k + 1 < len(entries)
        and entries[k].info.role == HEAD
        and entries[k].info.words <= 2
        and entries[k + 1].info.role == BYLINE
    ):
        k += 1  # standfirst / "Investigation" / byline: the section's label over the byline
    if k >= len(entries):
        return False
    info = entries[k].info
    if words > STANDFIRST_WORDS:
        return info.role == BYLINE and entries[k].raw.text.lstrip()[:3].lower() in ("by ", "by:")
    if info.role == BYLINE:
        return True
    if (
        info.role == HEAD
        and info.words <= DATED_BYLINE_WORDS
        and not entries[k].raw.text.rstrip().endswith("?")  # (the next page's headline)
        and k + 1 < len(entries)
        and entries[k + 1].info.role == TIMESTAMP
        and not entries[k + 1].info.clock
    ):
        return True  # a byline read as a heading over the date ("Jo Park on Sitoka Island")
    # a dated header ("Published On 4 Mar 2024"); not under a question, which in an
    # interview is followed by its answer and maybe the next article's date
    question = j > 0 and entries[j - 1].raw.text.rstrip().endswith("?")
    return (
        info.role == TIMESTAMP and not info.clock and not question and not _last_section(entries, j)
    )


def _last_section(entries: list[_Entry], j: int) -> bool:
    """entries[j] is the paragraph under a short heading ("Talk to someone") that follows
    another heading's paragraph: a guide's last section, not a headline's standfirst (a
    date under it is the next page's)."""
    return (
        j >= 3
        and entries[j - 1].info.words <= SECTION_HEAD_WORDS
        and entries[j - 2].info.role == BODY
        and entries[j - 3].info.role == HEAD
    )


#: Most words of a guide's section heading ("Keep records", "Talk to someone").
SECTION_HEAD_WORDS = 3


#: Most words of a byline read as a heading, right over the page's date.
DATED_BYLINE_WORDS = 8


def _after_standfirst(entries: list[_Entry], i: int, p: int) -> bool:
    """A byline (or the photo caption before it) under a headline and its standfirst:
    not a start of its own."""
    if entries[i].info.role not in (BYLINE, TIMESTAMP, CAPTION, CREDIT) or p < 1:
        return False
    if any(e.info.role != BLANK and not e.info.ad for e in entries[p + 1 : i]):
        return False  # (a listen button may sit between)
    # (a closing credit under a list's last line is no standfirst: "(Writing by ...)";
    # an obituary's life dates, kept, may be)
    return (
        not (entries[p].info.role == CLOSE and not entries[p].info.kept)
        and entries[p - 1].info.role == HEAD
        and _standfirst(entries, p)
        and not _profile_item(entries, p - 1)  # (a who's who's last name, its paragraph)
    )


#: Longest standfirst, in words.
STANDFIRST_WORDS = 40
#: Longest standfirst when a byline (or date) right under it closes the header: an
#: investigation's summary may run to three sentences, and a paragraph that long
#: under a headline and signed below it is no story of its own.
BYLINED_STANDFIRST_WORDS = 60


def score_gaps(
    entries: list[_Entry],
    lo: int,
    weights: Weights = DEFAULT_WEIGHTS,
    coh=None,
    terms: _Terms | None = None,
) -> list[tuple[float, int]]:
    """Score every candidate start in entries[lo:]; returns (score, index) pairs."""
    if coh is None:
        coh, terms = _cohesion_terms(entries)
    zone = _appeal_zone(entries)
    wvec = tuple(getattr(weights, k) for k in FEATURES)
    bias = weights.bias
    mul = operator.mul
    sparse = _sparse_of(_roles(entries)) if weights.sparse else None
    out = []
    for i in _candidates(entries, lo, zone):
        f = _features(entries, i, zone, coh, terms)
        if f is not None:
            score = bias + sum(map(mul, f, wvec))
            if sparse is not None and entries[i].info.role != BODY and sparse(i):
                score += _sparse_bonus(entries, i, weights)
            out.append((score, i))
    return out


def _positive_scores(
    entries: list[_Entry],
    lo: int,
    weights: Weights,
    coh,
    roles: np.ndarray | None = None,
    zone: list[bool] | None = None,
    terms: _Terms | None = None,
) -> list[tuple[float, int]]:
    """score_gaps, less body paragraphs that certainly score at most zero.

    pick_boundaries takes positive scores only, and most candidates are body
    paragraphs, nearly all scoring below zero. A body paragraph has no header
    zone of its own (_features stops at it), so its features are array lookups:
    all are scored at once with numpy (_body_maybe, summed in another order,
    so a margin far above rounding error is kept), and only those that may be
    above zero are scored exactly, by _features, like every other candidate.
    Every pair returned is exactly as score_gaps gives it. ``roles`` and ``zone``
    are _roles(entries) and _appeal_zone(entries) when the caller has them; ``terms``
    the window's word terms, for section_sim (_features).
    """
    if roles is None:
        roles = _roles(entries)
    if zone is None:
        zone = _appeal_zone(entries, roles)
    wvec = tuple(getattr(weights, k) for k in FEATURES)
    bias = weights.bias
    zone_a = np.array(zone, dtype=bool)
    cands = _role_candidates(roles, zone_a, lo)
    if all(map(math.isfinite, (bias, *wvec))):
        cands = _body_maybe(entries, cands, roles, zone_a, coh, weights)
    # (else no safe margin: score them all; numbered items go last, as the fewest are left)
    mul = operator.mul
    out = []
    # section_sim only lowers a score (a weight of at most 0): it is computed only for
    # a lone headline that scores above zero without it; one that does not is left
    # out, as certainly at most zero
    lazy = terms is not None and weights.section_sim <= 0
    sparse = _sparse_of(roles) if weights.sparse else None
    for i in _unnumbered(entries, cands.tolist()):
        f = _features(entries, i, zone, coh, terms, lazy)
        if f is not None:
            score = bias + sum(map(mul, f, wvec))
            if (
                lazy
                and f[_HEAD_ONLY]
                and not _after_page_foot(entries, i)
                and not _own_title(entries, i)
            ):
                if score + max(0.0, weights.sparse) + _most_extra(weights) <= 0:
                    continue
                section = _section_sim(entries, i, terms, coh[2])
                f = (*f[:_SECTION_AT], section, *f[_SECTION_AT + 1 :])
                score = bias + sum(map(mul, f, wvec))  # (summed as score_gaps does)
            if sparse is not None and entries[i].info.role != BODY and sparse(i):
                score += _sparse_bonus(entries, i, weights)
            out.append((score, i))
    return out


def _later_question(entries: list[_Entry], i: int) -> bool:
    """entries[i] is an explainer's second question or later (_asked_again), not its
    title: sparse text is no sign of a page's start there (4 of 3,329 such questions in
    the written dumps open a page, each an explainer's own title)."""
    return (
        entries[i].info.role == HEAD
        and entries[i].raw.text.rstrip().endswith("?")
        and _asked_again(entries, i)
        and not _explainer_title(entries, i)
    )


def _kicked_headline(entries: list[_Entry], i: int) -> bool:
    """entries[i] is a kicker of a word or three ("Junior doctors", "Veridane") over a
    headline of KICKED_WORDS or more, right under a paragraph, a paragraph under them:
    in sparse text the next page's header (32 times in 33 in the written dumps). A site's
    name may top its rubric there ("Bytewire" / "Analysis" / headline)."""
    if not 0 < i < len(entries) - 2 or entries[i - 1].info.role not in (BODY, CONT):
        return False
    h = i + 1
    if (
        entries[h].info.role == HEAD
        and entries[h].info.words <= KICKER_ONLY_WORDS
        and h < len(entries) - 2
        and ":" not in entries[h].raw.text
    ):
        h += 1  # (a second kicker: the rubric under the site's name)
    kicker, head, lead = entries[i], entries[h], entries[h + 1]
    if (kicker.info.role, head.info.role, lead.info.role) != (HEAD, HEAD, BODY):
        return False
    k, h = kicker.raw.text.strip(), head.raw.text.strip()
    return (
        kicker.info.words <= KICKER_ONLY_WORDS
        and head.info.words >= KICKED_WORDS
        and ":" not in k
        and k[-1:] not in _TITLE_END
        and h[-1:] not in _TITLE_END
    )


#: Most words of a topic kicker over a headline, fewest of the headline under it.
KICKER_ONLY_WORDS = 3
KICKED_WORDS = 6


def _most_extra(weights: Weights) -> float:
    """The most _sparse_bonus adds to the sparse weight."""
    return max(0.0, weights.sparse_photo, weights.sparse_title)


def _sparse_bonus(entries: list[_Entry], i: int, weights: Weights) -> float:
    """What a header line gains in sparse text (_sparse_of): more for a photo's caption
    with its credit right under a paragraph, which there opens a page nearly always
    (33 times in 36 in the seed-like written dumps) where in dense furniture it is
    most often a photo inside the story (9 in 100)."""
    if _later_question(entries, i):
        return 0.0
    if _photo_under_prose(entries, i):
        return weights.sparse + weights.sparse_photo
    if weights.sparse_title and (_explainer_title(entries, i) or _kicked_headline(entries, i)):
        return weights.sparse + weights.sparse_title
    return weights.sparse


def _photo_under_prose(entries: list[_Entry], i: int) -> bool:
    """entries[i] is a caption, the line under it its credit ("Photograph: Jo Park/
    Agency" may be read as a caption of its own), the line above prose or the last
    page's closing furniture (a wire credit, a "Related: ..." link)."""
    return (
        entries[i].info.role == CAPTION
        and 0 < i < len(entries) - 1
        and (
            entries[i + 1].info.role == CREDIT
            or (entries[i + 1].info.role == CAPTION and _bare_credit(entries[i + 1].raw.text))
            or (
                entries[i].info.words >= INLINE_CREDIT_WORDS
                and _INLINE_CREDIT.search(entries[i].raw.text) is not None
            )
        )
        and entries[i - 1].info.role in (BODY, CONT, CLOSE, BOILER)
    )


#: A caption's own credit at its end ("... in Kessby. Photograph: Jo Park/Dagspost"): in
#: sparse text, 42 of the 46 such captions between paragraphs of the seed-like written
#: dumps open a page, as a caption over its credit line does.
_INLINE_CREDIT = re.compile(r"\b(?:Photograph|Photo|Picture|Image|Graphic)s?:\s*[^.]{2,60}$")
#: Fewest words of a caption with its credit run in (a credit alone is no caption).
INLINE_CREDIT_WORDS = 6


def _bare_credit(text: str) -> bool:
    """A labelled credit and little else ("Photograph: Jo Park/Agency"), not a caption
    led by the label ("Photo: Rental e-scooters at the square on Monday. © X/Archive")."""
    m = PHOTO_CREDIT_LABEL.match(text)
    return m is not None and 0 < len(text[m.end() :].strip()) <= BARE_CREDIT_CHARS


#: Most characters of a bare credit after its label.
BARE_CREDIT_CHARS = 61
#: Longest sentence read as a photo's caption over its labelled credit, in words.
PHOTO_CAPTION_WORDS = 40
#: Longest such labelled credit, in words ("Illustration: Jo Park for The Ledger").
PHOTO_CREDIT_WORDS = 10


_HEAD_ONLY = FEATURES.index("head_only")
_SECTION_AT = FEATURES.index("section_sim")


def _after_page_foot(entries: list[_Entry], i: int) -> bool:
    """Furniture that closes a page (an end line, a row of share buttons) lies between
    entries[i] and the line above it that is not furniture: a lone headline there is
    no subheading of the story above, however much the two share (no section
    similarity is held against it)."""
    k = i - 1
    while k >= 0 and entries[k].info.role in _TRANSPARENT:
        info = entries[k].info
        if (info.end or info.widget) and not info.lead:
            return True
        k -= 1
    return False


def _body_maybe(
    entries: list[_Entry],
    cands: np.ndarray,
    role: np.ndarray,
    zone_a: np.ndarray,
    coh,
    weights: Weights,
) -> list[int]:
    """The candidates left after dropping those that get no score or at most zero.

    Mirrors _features. For any candidate i, p is the last line before i that
    is neither transparent nor in an appeal zone, and the lines between (all
    transparent or in a zone) say whether an appeal, a page-closing line or a
    list of links or tags ended the article above, whether end furniture did, and whether a page-end
    notice lies between; when p is a header line and no such notice lies
    between, i gets no score. A body paragraph has no headline, byline,
    timestamp or caption cue (the header-zone walk stops at i at once); its
    dateline, connective and quote flags are its own; cohesion terms are those
    of its gap (none for a cue-less repeat without a gap of its own). A change
    to _features must be mirrored here:
    tests/test_segment_fastpaths.py compares the two.
    """
    sims, depths, gap_of, carry = coh
    n = len(entries)
    c = cands.astype(np.int64)
    if not len(c):
        return c
    infos = [e.info for e in entries]
    skip = zone_a | (role == BLANK) | (role == BOILER)
    last = np.maximum.accumulate(np.where(skip, -1, np.arange(n, dtype=np.int64)))
    pc = np.where(c > 0, last[np.maximum(c - 1, 0)], -1)
    prole = np.where(pc >= 0, role[np.maximum(pc, 0)], -1)
    boiler = np.flatnonzero(role == BOILER)
    page_end = np.zeros(n, dtype=bool)
    page_end[boiler] = np.fromiter(
        map(_page_end, map(infos.__getitem__, boiler.tolist())), dtype=bool, count=len(boiler)
    )
    short_end = np.zeros(n, dtype=bool)
    short_end[boiler] = np.fromiter(
        map(_short_end, map(infos.__getitem__, boiler.tolist())), dtype=bool, count=len(boiler)
    )
    footer_end = np.zeros(n, dtype=bool)
    footer_end[boiler] = np.fromiter(
        (_footer_end(entries, k) for k in boiler.tolist()), dtype=bool, count=len(boiler)
    )
    ended = _between(page_end | footer_end, pc, c) | (
        _between(short_end, pc, c) & (role[c] != BODY)
    )
    # a gallery's last photo, then a headline signed under it (_features)
    above_p = role[np.maximum(pc - 1, 0)]
    gallery = np.isin(prole, _PHOTO_ROLE_IDS) & (pc >= 1) & np.isin(above_p, [HEAD, CAPTION])
    for k in np.flatnonzero(gallery & (role[c] == HEAD)).tolist():
        ended[k] = ended[k] or _signed_below(entries, int(c[k]))
    # a list of links' label between, then a headline signed under it (_features)
    related = np.zeros(n, dtype=bool)
    for k in boiler.tolist():
        related[k] = _links_label(infos[k])
    for k in np.flatnonzero(~ended & (role[c] == HEAD) & _between(related, pc, c)).tolist():
        ended[k] = _by_under(entries, int(c[k]))
    unscored = np.isin(prole, _HEADERISH_ROLES) & ~ended
    for k in np.flatnonzero(unscored & np.isin(role[c], [HEAD, BYLINE])).tolist():
        unscored[k] = not _opens_page(entries, int(c[k]))  # (a page's mark, _features)
    unscored |= (role[c] == BODY) & _attr(infos, c, "ad")  # a reader's comment (_features)
    # (photos and their credits over an appeal: the page ended, as in _features)
    unscored &= ~(np.isin(prole, _PHOTO_ROLE_IDS) & _between(zone_a, pc, c))
    # (a piece signed at its foot over an appeal: the page ended, as in _features)
    for k in np.flatnonzero(unscored & (prole == BYLINE) & _between(zone_a, pc, c)).tolist():
        unscored[k] = not _signed_off(entries, int(pc[k]))
    # a headline right over an appeal's zone may be the appeal's own heading (_features)
    nxt = np.minimum(np.maximum(pc, 0) + 1, n - 1)
    for k in np.flatnonzero(unscored & (prole == HEAD) & (pc + 1 < c) & zone_a[nxt]).tolist():
        unscored[k] = not _appeal_heading(entries, zone_a, int(pc[k]), int(c[k]))
    right_above = np.flatnonzero((pc == c - 1) & (prole == BODY))
    if len(right_above):  # a listicle's item heading right above (_features)
        above = pc[right_above]
        item = _attr(infos, above, "item")
        item &= ~_attr(infos, np.maximum(above - 1, 0), "item") | (above == 0)
        unscored[right_above] |= item
    is_body = (role[c] == BODY) & ~unscored
    body, p, prole = c[is_body], pc[is_body], prole[is_body]
    has_prev = p >= 0
    every = np.arange(n)
    ad = _attr(infos, every, "ad")
    furn = (role == BOILER) & ~ad
    # an appeal zone, a copyright line or a list of links or tags under the story
    closing = zone_a | _attr(infos, every, "end") | (_attr(infos, every, "listed") & ~ad)
    for k in boiler.tolist():  # (a site's menu row, as in _features)
        closing[k] = closing[k] or _menu_under_story(entries, k)
    after_appeal = _between(closing, p, body)
    for k in np.flatnonzero((p == body - 1) & (prole == BODY)).tolist():  # (as in _features)
        after_appeal[k] = after_appeal[k] or _live_page_end(entries, int(p[k]))
    furniture = _between(furn, p, body)
    for k in np.flatnonzero(has_prev & (prole == CLOSE)).tolist():  # (as in _features)
        furniture[k] = furniture[k] or _wire_credit(entries[int(p[k])].raw.text)
    flag = _attr(infos, body, "dateline", "connective", "quote_start")
    prev_colon = np.zeros(len(body), dtype=bool)
    prev_colon[has_prev] = _attr(infos, p[has_prev], "ends_colon")
    dateline = flag[:, 0]
    prev_close = after_appeal | np.isin(prole, [CLOSE, BIO])
    ncues = dateline.astype(np.int64) + prev_close
    gaps = np.asarray(gap_of, dtype=np.int64)
    sim = np.asarray(sims, dtype=np.float64)
    g = np.minimum(gaps[body], len(sim) - 1)
    s = sim[g]
    valley = _valleys(sim)[g]
    depth = np.asarray(depths, dtype=np.float64)[g]
    own = np.zeros(len(body), dtype=bool)
    inside = body + 1 < n
    own[inside] = gaps[np.minimum(body + 1, n - 1)][inside] > g[inside]
    car = np.asarray(carry, dtype=np.float64)
    use = (ncues == 0) & own & (g < len(car))
    carried = np.zeros(len(body))
    carried[use] = np.maximum(0.0, car[g[use]] - CARRY_MID)
    gapless = (ncues == 0) & ~own  # a repeat left out of cohesion: no cohesion evidence
    depth[gapless] = valley[gapless] = 0.0
    s[gapless] = 1.0
    w = weights
    score = (
        w.bias
        + w.dateline * dateline
        + w.prev_close * prev_close
        + w.prev_colon * prev_colon
        + w.connective * flag[:, 1]
        + w.quote * flag[:, 2]
        + w.cues2 * (ncues >= 2)
        + w.depth * depth
        + w.lowsim * (1.0 - s)
        + w.valley * valley
        + w.prev_furniture * furniture
        + w.carry * carried
    )
    margin = 1e-9 * (1.0 + sum(abs(getattr(w, k)) for k in ("bias", *FEATURES)))
    keep = ~unscored
    keep[np.flatnonzero(is_body)[score < -margin]] = False
    return c[keep]


_HEADERISH_ROLES = np.array(sorted(HEADERISH), dtype=np.int8)
_PHOTO_ROLE_IDS = np.array([CAPTION, CREDIT], dtype=np.int8)


def _between(flags: np.ndarray, p: np.ndarray, i: np.ndarray) -> np.ndarray:
    """Whether any of flags[p + 1 : i] is set, for each pair of p and i."""
    count = np.concatenate(([0], np.cumsum(flags)))
    return count[i] - count[p + 1] > 0


def _attr(infos: list[LineInfo], which: np.ndarray, *names: str) -> np.ndarray:
    """Boolean fields of the LineInfos at ``which``: an array, or rows of them for many names."""
    picked = map(infos.__getitem__, which.tolist())
    get = operator.attrgetter(*names)
    if len(names) == 1:
        return np.fromiter(map(get, picked), dtype=bool, count=len(which))
    flat = itertools.chain.from_iterable(map(get, picked))
    return np.fromiter(flat, dtype=bool, count=len(names) * len(which)).reshape(-1, len(names))


def _valleys(sims: np.ndarray) -> np.ndarray:
    """_features' valley of every gap: how far its similarity sits below the lower of
    the highest similarities within BLOCK gaps on either side (max/min: exact)."""
    m = len(sims)
    pad = np.full(BLOCK, -np.inf)
    left = sliding_window_view(np.concatenate((pad, sims)), BLOCK + 1)
    right = sliding_window_view(np.concatenate((sims, pad)), BLOCK + 1)
    v = np.minimum(left.max(axis=1)[:m], right.max(axis=1)[:m]) - sims
    return np.where(v > 0.0, v, 0.0)


def _candidates(entries: list[_Entry], lo: int, zone: list[bool]) -> list[int]:
    """Indices from ``lo`` on of lines that can start an article, outside appeal zones
    (not an item of a numbered list)."""
    maybe = _role_candidates(_roles(entries), np.array(zone, dtype=bool), lo)
    return _unnumbered(entries, maybe.tolist())


def _role_candidates(roles: np.ndarray, zone_a: np.ndarray, lo: int) -> np.ndarray:
    """_candidates by role and zone alone (numbered items not yet taken out)."""
    ok = np.isin(roles[lo:], _CANDIDATE_ROLES) & ~zone_a[lo:]
    return np.flatnonzero(ok) + lo


def _unnumbered(entries: list[_Entry], which: list[int]) -> list[int]:
    """``which`` less the items of numbered lists ("2. Preheat the oven")."""
    out = []
    for i in which:
        t = entries[i].raw.text
        if not (t[:1].isdigit() and NUMBERED.match(t)):
            out.append(i)
    return out


_CANDIDATE_ROLES = np.array(sorted(_CANDIDATE), dtype=np.int8)


def pick_boundaries(
    scored: Iterable[tuple[float, int]], start: int, min_len: int = MIN_LEN
) -> list[int]:
    """Greedy peak picking: best scores first, positive only, min_len apart (and from start)."""
    chosen: list[int] = []  # kept sorted
    for s, i in sorted(scored, reverse=True):
        if s <= 0:
            break
        if i - start < min_len:
            continue
        k = bisect.bisect_left(chosen, i)
        if k < len(chosen) and chosen[k] - i < min_len:
            continue
        if k > 0 and i - chosen[k - 1] < min_len:
            continue
        chosen.insert(k, i)
    return chosen


def _boundaries(
    entries: list[_Entry],
    ctx: int,
    weights: Weights,
    limit: int,
    carry: _WordCarry | None = None,
    placement: PlacementModel | None = None,
    starts_check: StartCheck | None = None,
    cueless: CuelessModel | None = None,
) -> list[int]:
    """Article starts after entries[ctx]: the rules' (_rule_boundaries), each then put
    on the line of its furniture run that opens the page (``placement``), but those
    the rules fixed (_rule_boundaries); then those ``starts_check`` finds to be no
    page's start dropped.
    """
    found, fixed = _rule_boundaries(entries, ctx, weights, limit, carry, cueless)
    if (placement is None and starts_check is None) or not found:
        return found
    # a page's mark under the name signing the page above, or over its site's menu: the
    # learned stages may read the name over it as a header's, but only a page's top
    # prints a path or an outlet's name over its menu
    sure = {b for b in found if _opens_page(entries, b) or _under_foot_mark(entries, b)}
    fixed = (
        fixed
        | sure
        | {
            b
            for b in found
            if _by_over_dateline(entries, b) or _after_gallery(entries, b) or _over_menu(entries, b)
        }
    )
    roles = [e.info.role for e in entries]
    line = _line_of(entries)
    if placement is not None:
        found = place(line, roles, found, ctx, placement, fixed, MIN_LEN)
    if starts_check is not None:
        kept = check(line, roles, found, ctx, starts_check)
        found = sorted(set(kept).union(sure.intersection(found))) if sure else kept
    return _below_credits(entries, _below_appeals(entries, _below_feet(entries, found, ctx), limit))


def _below_appeals(entries: list[_Entry], bounds: list[int], limit: int) -> list[int]:
    """Each start on the pitch of a donation appeal (a paragraph or two asking for the
    reader's support, right over the appeal's button: "Our work is funded by readers
    like you." / "Donate now") moved under the button: an appeal closes the page it
    is printed on, so the next page opens below it. The pitch reads like a page's
    first paragraph after the bio or the last paragraph above it, which is why a
    start lands on it. With nothing under the button (the dump's end: ``limit`` is
    then the window's length), the start is dropped."""
    out: list[int] = []
    for b, nxt in itertools.pairwise([*bounds, len(entries)]):
        k = b
        for f in range(b, min(b + PITCH_LINES + 1, len(entries))):
            e = entries[f]
            if e.info.role == APPEAL and f > b:
                k = f + 1
                while k < len(entries) and entries[k].info.role == APPEAL:
                    k += 1
                break
            if e.info.role != BODY or _PITCH.search(e.raw.text) is None:
                break
        if k == nxt == limit == len(entries):
            continue  # the appeal closes the dump's last page
        out.append(k if b < k < nxt else b)
    return out


def _below_credits(entries: list[_Entry], bounds: list[int]) -> list[int]:
    """Each start on a dashed credit right under a paragraph ("— Coastline Press",
    "— With files from Ledger staff", "— Gail Pruitt, Pelham Wells") moved to the line
    under it: such a line signs or sources the page above, ending it (the last line of a
    page 46 times in the written dumps, never a page's first in about 290). A byline
    there over a related link ("By Maja Sørbø" / "Related: ...") signs the page above as
    well (3 times in the written dumps, each over the next page's first line): the start
    moves under the link."""
    out: list[int] = []
    for b, nxt in itertools.pairwise([*bounds, len(entries)]):
        k = b
        if 0 < b < nxt - 1 and entries[b - 1].info.role == BODY and entries[b].info.role != BODY:
            text = entries[b].raw.text.strip()
            if _dashed_credit(text) or (entries[b].info.role == CLOSE and text[:1] == "("):
                k = b + 1
            elif entries[b].info.role == BYLINE and _related_link(entries[b + 1]):
                k = _run_end(entries, b + 1, nxt, _related_link)
        elif 0 < b < nxt - 1 and entries[b].info.role == BODY and entries[b + 1].info.role == CLOSE:
            k = _run_end(entries, b + 1, nxt, lambda e: e.info.role == CLOSE)
        out.append(k if k < nxt else b)
    return out


def _dashed_credit(t: str) -> bool:
    """ "— Coastline Press": a short line led by a dash, no sentence in it."""
    return (
        t[:1] in "—–-"
        and _DASHED_CREDIT.match(t) is not None
        and t.count(" ") < DASHED_CREDIT_WORDS
    )


#: Most words of a dashed credit.
DASHED_CREDIT_WORDS = 10
_DASHED_CREDIT = re.compile(r"^[—–-] ?[A-Z][^.!?]{2,80}$")


#: Most paragraphs of an appeal's pitch over its button.
PITCH_LINES = 3


def _below_feet(entries: list[_Entry], bounds: list[int], ctx: int) -> list[int]:
    """Each start on the last lines of the page above (a "Back to ..." link, a sponsor's
    line) moved down under the page's foot just below it (its links row, its copyright,
    "Page last reviewed"): nothing of a page lies under its foot, so the next page opens
    there (when its first line is no paragraph: the header it opens with)."""
    out: list[int] = []
    for b, nxt in itertools.pairwise([*bounds, len(entries)]):
        k = b
        for f in range(b, min(b + FOOT_REACH, len(entries) - 1)):
            e = entries[f]
            if e.info.role == BODY:
                break
            if e.info.role not in _PHOTO_ROLES and _foot_line(e.raw.text.strip()):
                k = f + 1
        moved = k != b and k < nxt and k > ctx and (not out or k > out[-1])
        out.append(k if moved and entries[k].info.role in _FOOT_NEXT else b)
    return out


#: Roles of the line under a page's foot that a start moves onto (a header's).
_FOOT_NEXT = frozenset({HEAD, BYLINE, BOILER, TIMESTAMP})


def _foot_line(t: str) -> bool:
    """A page's very last lines: its legal links row ("Privacy | Cookies | Accessibility"),
    a copyright line (not a photo's, see _below_feet), "Back to incidents", "Page last
    reviewed: 3 March 2025", its tools ("Print this page"), a blog's links to the posts
    before and after it ("« Packing list", "Home at last »")."""
    return (
        (t[:1] == "«" or t[-1:] == "»")  # the links to the blog's previous and next posts
        or any(_PAGE_TOOL.match(c) for c in _ROW_CELL.split(t))
        or (
            len(_LEGAL_LINK.findall(t)) >= 2
            and len(t) <= FOOT_ROW_CHARS
            and ("|" in t or "·" in t or "  " in t)  # (a row of links; a consent banner is
            and ". " not in t  # sentences, and the next page's first line)
        )
        or (t[:1] in "©Cc" and _COPYRIGHT.search(t) is not None and len(t) <= FOOT_ROW_CHARS)
    )


# A page's own tools, alone or in a row of links ("Back to incidents", "Print this page |
# Back to press releases", "Embed this chart | Download the data (CSV)"), or its review date.
_PAGE_TOOL = re.compile(
    r"^(?:back to (?!top\b)\w|print this (?:page|article)|embed this (?:chart|map|graphic)"
    r"|download the (?:data|report|full report)|page last (?:reviewed|updated)\b)",
    re.I,
)
_LEGAL_LINK = re.compile(
    r"\b(?:privacy(?: policy| notice)?|cookies?(?: policy| settings)?|accessibility"
    r"(?: statement)?|terms(?: of (?:use|service))?|sitemap|modern slavery statement|legal"
    r"(?: notices?)?|guidelines|faqs?|imprint|impressum|advertise(?: with us)?)\b",
    re.I,
)
#: Lines under a start searched for the foot of the page above.
FOOT_REACH = 3
#: Longest footer row or copyright line, in characters.
FOOT_ROW_CHARS = 160


def _by_over_dateline(entries: list[_Entry], b: int) -> bool:
    """entries[b], a start, is a "By ..." byline right over a dateline lead ("By Jo Park,
    USA TODAY" / "ANAHEIM, Calif. — ..."): the page's header, not a sign-off."""
    e = entries[b]
    if e.info.role != BYLINE or not opens_by(e.raw.text):
        return False
    k = b + 1
    while k < len(entries) and entries[k].info.role == BLANK:
        k += 1
    return k < len(entries) and entries[k].info.dateline


def _restated(entries: list[_Entry], b: int) -> bool:
    """A headline line whose story's first paragraph, just under it, repeats one of
    its words ("Yukos unit buyer faces loan claim" / "The owners of ... Yukos"): the
    headline of that story, not a link to another left at the foot of the page
    above, so the start stays on it."""
    if entries[b].info.role != HEAD or (b and entries[b - 1].info.role not in (BODY, CONT)):
        return False  # (under another title-like line: a list of links, maybe on the topic)
    for e in entries[b + 1 : b + 1 + RESTATE_SPAN]:
        if e.info.role == BODY:
            head = _content_words(entries[b].raw.text)
            return bool(head) and not head.isdisjoint(_content_words(e.raw.text))
    return False


#: Lines under a headline searched for its story's first paragraph.
RESTATE_SPAN = 3
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}|\d[\d,.]*\d")


def _content_words(text: str) -> set[str]:
    """A line's words of four letters or more (and its multi-digit numbers), less the
    commonest, lower-cased."""
    return {w for w in map(str.lower, _CONTENT_WORD.findall(text)) if w not in _STOP}


def _rule_boundaries(
    entries: list[_Entry],
    ctx: int,
    weights: Weights,
    limit: int,
    carry: _WordCarry | None = None,
    cueless: CuelessModel | None = None,
) -> tuple[list[int], set[int]]:
    """Article starts after entries[ctx]: cue-scored boundaries, then cue-less splits;
    and those of them the placement must leave where they are: those _page_top moved
    up over page-top furniture, and headlines their lead restates (_restated).

    Only articles that end by ``limit`` (enough right context) are split further.
    ``carry``: the last window's words (_WordCarry), when the caller keeps them.
    ``cueless``: the learned choice of cue-less splits (None: the rules' own).
    """
    coh, terms = _cohesion_terms(entries, carry)
    roles = _roles(entries)
    zone = _appeal_zone(entries, roles)  # (once: the stages below all read it)
    scores = _unsigned(
        entries, _positive_scores(entries, ctx + 1, weights, coh, roles, zone, terms)
    )
    scored = [b for b in pick_boundaries(scores, ctx) if not _introduced(entries, b)]
    score_of = dict(map(reversed, scores))
    paras = _paragraph_counts(entries, zone)
    bounds = _drop_empty(entries, _drop_stubs(entries, scored, ctx, paras), ctx, score_of, paras)
    bounds = _drop_sections(entries, bounds, ctx, terms, coh[2])
    bounds = _drop_cards(entries, bounds, paras)
    topped = _page_top(entries, bounds, ctx)
    fixed = {t for t, b in zip(topped, bounds, strict=True) if t != b}
    bounds, named = _mastheads(entries, topped, ctx)
    fixed |= named
    bounds, mailed = _mail_tops(entries, bounds, ctx)
    fixed |= mailed
    if (
        limit >= len(entries)
        and bounds
        and _paragraphs(paras, bounds[-1], limit) == 0
        and not _gallery(entries, bounds[-1], limit, titled=False)
    ):  # (photos and their captions under a headline alone, at the end: a gallery)
        bounds.pop()  # the input ends in furniture after the last story: its own tail
    extra: list[int] = []
    memo = _SplitMemo(sparse=_sparse_of(roles)) if cueless is not None else None
    for a, b in itertools.pairwise([ctx, *bounds, len(entries)]):
        if b <= limit:
            extra += _split_cueless(entries, terms, coh, a, b, cueless, memo)
    found = sorted(bounds + extra)
    return found, fixed | {b for b in found if _restated(entries, b)}


def _unsigned(entries: list[_Entry], scores: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """The scores less those of a signature's lines over a page's mark (_signed_above):
    the name that signs the last page is no header of the next, the mark under it is."""
    marks = [i for _, i in scores if _signed_above(entries, i)]
    if not marks:
        return scores
    signed = {k for m in marks for k in range(_signature_top(entries, m), m)}
    return [(s, i) for s, i in scores if i not in signed]


def _line_of(entries: list[_Entry]):
    """entries[i]'s text and LineInfo, by index (for worker.placement)."""

    def line(i: int) -> tuple[str, LineInfo]:
        e = entries[i]
        return e.raw.text, e.info

    return line


def _gallery(entries: list[_Entry], b: int, end: int, titled: bool = True) -> bool:
    """entries[b:end] is a photo gallery: a headline and its date or byline in its first
    lines (unless not ``titled``: either of them), then captions (GALLERY_CAPTIONS or
    more), and no paragraph: a page of its own."""
    head = [e.info.role for e in entries[b : min(end, b + 4)] if e.info.role != BLANK]
    dated = BYLINE in head or TIMESTAMP in head
    if not ((HEAD in head and dated) or (not titled and (HEAD in head or dated))):
        return False
    captions = sum(
        1 for e in entries[b:end] if e.info.role == CAPTION and e.info.words >= STUB_WORDS
    )
    return captions >= GALLERY_CAPTIONS


#: Captioned photos that make a page of photos with no text a gallery.
GALLERY_CAPTIONS = 3


#: Shortest line that counts as a paragraph of its own when judging a stub.
STUB_WORDS = 8


def _drop_stubs(
    entries: list[_Entry], bounds: list[int], start: int, paras: list[int]
) -> list[int]:
    """Drop a cue-less start whose article would end before a second paragraph: the
    last paragraph of a story, set apart from it by the end furniture that follows
    ("A second debate will be held on May 8." / "Have your say" / next headline).

    ``start`` is the start of the article the window opens with (an article already
    emitted, or the resume point): the article above the first of ``bounds``, so a
    pass resumed there decides exactly as the full pass did. ``paras`` is
    _paragraph_counts(entries, zone).
    """
    keep: list[int] = [start]
    given_way: set[int] = set()  # cue-less starts that gave way to a byline just above
    for i, nxt in itertools.pairwise(bounds):
        if i in given_way:
            continue
        info = entries[i].info
        if info.role == BODY and not info.dateline:
            # paragraphs proper: a linked name or a continuation is part of one
            own = _paragraphs(paras, i, nxt)
            if own < 2 or (own < 3 and entries[nxt].info.role != BODY):
                continue  # too short to be an article of its own (the cued start wins)
            above = _paragraphs(paras, keep[-1], i)
            if (
                above == 0
                and _label_over_furniture(entries, keep[-1], i)
                and len(keep) > 1
                and not _page_mark(entries[keep[-1]])  # (a masthead is no box's label)
            ):
                keep[-1] = i  # a box's label over furniture only: no page's headline
                continue
            if (
                above < 2
                and not (above == 0 and _gallery(entries, keep[-1], i, titled=False))
                and not _under_page_foot(entries, i)
            ):
                continue  # the article above would keep a single paragraph (not a gallery,
                # nor a page its own foot closed: a form, a list of links may be all it had)
        elif (
            info.role == BYLINE
            and _paragraphs(paras, i, nxt) <= 1
            and not outlet_name(entries[i].raw.text.strip())  # (a masthead: no author)
        ):
            if not _byline_over_story(entries, i, nxt):
                continue  # a label that reads like a name ("Private Notes"), not an author
            given_way.add(nxt)  # "By Jo Park" / headline / lead: the paragraph after the
            # lead that scored as a cue-less start is the story going on
        keep.append(i)
    tail = [b for b in bounds[-1:] if b not in given_way]
    return _drop_headless(entries, keep + tail)[1:]


def _under_page_foot(entries: list[_Entry], i: int) -> bool:
    """entries[i] sits right under a page's very foot: a comment form's or comment
    section's last line, a licence notice, a copyright line under the footer's links.
    (Not any end line: a photo's copyright, an outlet's note or the tags may sit in a
    header, over its story's lead.)"""
    k = i - 1
    while k >= 0 and entries[k].info.role == BLANK:
        k -= 1
    if k < 0 or entries[k].info.role != BOILER or not entries[k].info.end:
        return False
    key = entries[k].info.key
    return (
        _COMMENT_END.match(key) is not None
        or _FORM_FOOT.search(key) is not None
        or _footer_end(entries, k)
    )


def _byline_over_story(entries: list[_Entry], i: int, nxt: int) -> bool:
    """entries[i], a byline start, reads as a story's ("By ..." or over a headline), and
    the start after it at ``nxt`` has no cue of its own (a plain paragraph)."""
    after = entries[nxt].info
    if after.role != BODY or after.dateline:
        return False
    if opens_by(entries[i].raw.text):
        return True
    return any(entries[k].info.role == HEAD for k in range(i + 1, nxt))


def _drop_cards(entries: list[_Entry], bounds: list[int], paras: list[int]) -> list[int]:
    """Drop starts that open the cards of a list inside one article: a run of at least
    CARD_RUN starts whose headers have one shape of several lines (title / author /
    "Publisher, $16.99; ages 8-12"), each over at most one paragraph. Pages in a dump
    differ in their headers and run longer; a list's items repeat one layout."""
    if len(bounds) < CARD_RUN:
        return bounds
    ends = [*bounds[1:], len(entries)]
    shapes = [_header_shape(entries, b) for b in bounds]
    card = [
        len(shape) >= CARD_LINES and _paragraphs(paras, b, e) <= CARD_PARAGRAPHS
        for shape, b, e in zip(shapes, bounds, ends, strict=True)
    ]
    drop: set[int] = set()
    k = 0
    while k < len(bounds):
        m = k
        while m + 1 < len(bounds) and card[m + 1] and card[k] and shapes[m + 1] == shapes[k]:
            m += 1
        if m - k + 1 >= CARD_RUN:
            # (a card of another header shape just above, a section's label over its
            # first card: the run began there)
            drop.update(bounds[k + 1 - (k > 0 and card[k - 1]) : m + 1])
        k = m + 1
    return [b for b in bounds if b not in drop] if drop else bounds


def _header_shape(entries: list[_Entry], b: int) -> tuple[int, ...]:
    """The roles of the lines from entries[b] down to its first paragraph (at most
    CARD_HEADER lines; blank lines left out)."""
    out: list[int] = []
    for e in entries[b : b + CARD_HEADER]:
        r = e.info.role
        if r in (BODY, CONT):
            break
        if r != BLANK:
            out.append(r)
    return tuple(out)


#: Starts in a run, each a card of one header shape, that make a list.
CARD_RUN = 3
#: Most paragraphs under a card's header.
CARD_PARAGRAPHS = 2
#: Fewest header lines of a card (a bare headline over a paragraph is a brief, not a card).
CARD_LINES = 2
#: Most header lines looked at for a card's shape.
CARD_HEADER = 6


def _label_over_furniture(entries: list[_Entry], a: int, b: int) -> bool:
    """entries[a:b] is a "headline" over furniture, with no paragraph, byline or date:
    a box's label ("Part of complete coverage on") over its links, not a page."""
    return entries[a].info.role == HEAD and not any(
        e.info.role in (BYLINE, TIMESTAMP) for e in entries[a:b]
    )


def _drop_sections(
    entries: list[_Entry], bounds: list[int], start: int, terms: _Terms, gap_of: list[int]
) -> list[int]:
    """Drop a headline-only start right under a paragraph when more lines like it follow
    in its article, each between paragraphs, and the article above opened with a byline
    or date: those are the section headings of one feature, the first of them as much a
    subheading as the rest (a new page shows a byline, date or photo under its headline
    and standfirst, or furniture ends the last). Unless the text above and below share
    almost no words (_two_stories): a feature's sections keep naming its people and
    places, while a story with sections of its own may follow one with no cue but its
    headline ("Takeaways from ..." under the last paragraph of another story)."""
    keep = [start]
    # (each start's article runs to the next start that is not itself between two
    # paragraphs: the sections of one piece are counted past those that scored)
    ends, nxt = [], len(entries)
    for i in reversed(bounds):
        ends.append(nxt)
        if not _between_paragraphs(entries, i):
            nxt = i
    ends.reverse()
    for i, nxt in zip(bounds, ends, strict=True):
        if (
            entries[i].info.role == HEAD
            and i > 0
            and entries[i - 1].info.role == BODY
            and i + 1 < len(entries)
            and entries[i + 1].info.role == BODY
            and not any(e.info.role in _PAGE_HEADER for e in entries[i + 2 : min(nxt, i + 5)])
            and _sections(entries, i + 1, nxt) >= SECTION_HEADS
            and any(e.info.role in (BYLINE, TIMESTAMP) for e in entries[keep[-1] : i])
            and not _explainer_title(entries, i)  # (its questions are its own sections)
            and not _two_stories(entries, terms, gap_of, (keep[-1], i, nxt))
        ):
            continue
        keep.append(i)
    return keep[1:]


def _two_stories(
    entries: list[_Entry], terms: _Terms, gap_of: list[int], span: tuple[int, int, int]
) -> bool:
    """entries[a:i] and entries[i:b] (``span`` = (a, i, b)) share so few rare words
    (tf-idf cosine below SECTIONS_COS) that they read as two stories."""
    a, i, b = span
    run = _run_parts(entries, terms, gap_of, a, b)
    if run is None:
        return False
    parts, ga = run
    return float(parts.split_cosines(np.array([gap_of[i] - ga - 1]))[0]) < SECTIONS_COS


def _run_parts(
    entries: list[_Entry], terms: _Terms, gap_of: list[int], a: int, b: int
) -> tuple[_Parts, int] | None:
    """The word weights of entries[a:b] (_Parts, rows counted from the run's first
    gap, which is returned with it), or None when the run has no words."""
    rank, line, w = terms
    ga = gap_of[a]
    gb = gap_of[b] if b < len(entries) else (int(line[-1]) + 1 if len(line) else 0)
    lo, hi = np.searchsorted(line, [ga, gb])
    if hi <= lo:
        return None
    return _Parts(line[lo:hi] - ga, rank[lo:hi], w[lo:hi], gb - ga), ga


#: Cosine below which the parts above and below a subheading-like start are two stories:
#: above the cue-less split's SPLIT_COS, since a headline is a cue of its own (the
#: sections of the written features share 0.15 and more; two stories 0.07-0.08).
SECTIONS_COS = 0.09


def _sections(entries: list[_Entry], a: int, b: int) -> int:
    """Headline lines in entries[a:b] with a paragraph right above and below: subheadings."""
    return sum(
        1 for k in range(max(a, 1), min(b, len(entries) - 1)) if _between_paragraphs(entries, k)
    )


def _between_paragraphs(entries: list[_Entry], k: int) -> bool:
    """entries[k] is a headline line with a paragraph right above and below it."""
    return (
        0 < k < len(entries) - 1
        and entries[k].info.role == HEAD
        and entries[k - 1].info.role == BODY
        and entries[k + 1].info.role == BODY
    )


#: Subheadings under a headline-only start that show it to be one more of them.
SECTION_HEADS = 2
#: Lines that show a page's header under a headline and its standfirst.
_PAGE_HEADER = frozenset({BYLINE, TIMESTAMP, CAPTION, CREDIT})


def _drop_empty(
    entries: list[_Entry],
    bounds: list[int],
    start: int,
    score_of: dict[int, float],
    paras: list[int],
) -> list[int]:
    """Drop one of the two starts around an "article" with no paragraph of its own.

    Furniture alone is not an article: a page's trailing date line and tag list
    taken for a start just before the next headline, or a headline whose own
    byline or list of facts was taken for a start. When end-of-page furniture
    lies right above the second start, the first goes (the lines were the last
    page's tail); otherwise the one with the weaker evidence goes. The window's
    first start is never dropped: it is already decided. ``paras`` is
    _paragraph_counts(entries, _appeal_zone(entries)).
    """
    keep = [start]
    for b in bounds:
        if (
            _paragraphs(paras, keep[-1], b) == 0
            and not (len(keep) == 1 and _decided_story(entries, start, b))
            and not _gallery(entries, keep[-1], b, titled=False)  # (captions: a page)
        ):
            if (
                len(keep) > 1
                and not _photo_only(entries, b)
                and not _masthead_stays(entries, keep[-1], b)
                and (
                    _furniture_above(entries, b)
                    or score_of.get(keep[-1], 0.0) < score_of.get(b, 0.0)
                    or _path_opens(entries, keep[-1], b)
                )
            ):
                keep.pop()  # the furniture above b is the tail of the article before
            else:
                continue  # a header whose byline or facts were taken for a start
        keep.append(b)
    return keep[1:]


def _page_mark(e: _Entry) -> bool:
    """_marks_page of an entry."""
    return _marks_page(e.info, e.raw.text.strip())


def _marks_page(info: LineInfo, t: str) -> bool:
    """A line only a page's top prints: a forum's or a site's path of three steps
    ("PitWall Forum › Sportscars › Endurance"), or an outlet's name ("The Clarion").
    ``t`` is the line's stripped text."""
    if info.role not in (HEAD, BYLINE):
        return False
    if "›" in t or "»" in t:
        return info.role == HEAD and _site_path(t)
    return outlet_name(t)


def _opens_page(entries: list[_Entry], i: int) -> bool:
    """entries[i] is a page's mark (_page_mark) that opens a page whatever header line
    lies above it: under a signature (_signed_above), over its site's menu, or under a
    list of links."""
    if _signed_above(entries, i):
        return True
    if not _page_mark(entries[i]):
        return False
    for k in range(i + 1, min(i + 3, len(entries))):  # (a tagline may lie between)
        if _nav_cells(entries[k].raw.text.strip()) >= MENU_CELLS - 1:
            return True
    return _under_list(entries, i)


def _under_list(entries: list[_Entry], i: int) -> bool:
    """A list of links ("Related galleries" and its links) right above entries[i]: the
    list closed the page above, whatever header line lies over its label."""
    k = i - 1
    while k >= 0 and i - k <= LIST_ITEMS + 1 and entries[k].info.role == BOILER:
        if entries[k].info.lead > 0 and not entries[k].info.listed:
            return True
        k -= 1
    return False


def _under_foot_mark(entries: list[_Entry], b: int) -> bool:
    """entries[b] is a page's mark right under a page's foot (an end line: a copyright,
    a footer's legal links): nothing of a page lies under its foot, so the mark's page,
    however short (a correction), is a page of its own."""
    return b > 0 and entries[b - 1].info.end and _page_mark(entries[b])


def _path_opens(entries: list[_Entry], a: int, b: int) -> bool:
    """entries[b] is a page's mark under a signature (_signed_above) that the start at
    a lies in: the lines from a are the last page's end, not a header over the mark."""
    return a >= b - SIGNATURE_LINES - 1 and _signed_above(entries, b)


def _signed_above(entries: list[_Entry], b: int) -> bool:
    """A page's mark (_page_mark) right under a signature (_signature_top)."""
    return _page_mark(entries[b]) and _signature_top(entries, b) >= 0


def _signature_top(entries: list[_Entry], b: int) -> int:
    """The first line of the signature right above entries[b], -1 if none: a name,
    maybe a title, place or date, short lines under a paragraph ("The Stewards" and
    their names, a letter's writer and town, a notice's officer and date, "Gazette
    reporter"). A header's byline under a headline, "By Jo Park" / "USA TODAY", is no
    signature: a headline is longer, "By" opens it."""
    k = b - 1
    named = False
    while k >= 0 and b - k <= SIGNATURE_LINES + 1:
        e = entries[k]
        if e.info.role == BODY and NOTICE_DATED.match(e.raw.text.strip()) is not None:
            k -= 1  # "Dated: 8 October 2025" under the officer's name and title
            continue
        if e.info.role not in (BYLINE, HEAD, TIMESTAMP):
            break
        if e.info.words > SIGNATURE_WORDS or opens_by(e.raw.text.strip()):
            return -1
        named = named or e.info.role == BYLINE or _STAFF_SIGNOFF.search(e.raw.text) is not None
        k -= 1
    # (under a story's paragraph, not under a headline's standfirst)
    if (
        named
        and 0 < k < b - 1
        and entries[k].info.role in (BODY, CONT)
        and entries[k - 1].info.role not in HEADERISH
    ):
        return k + 1
    return -1


# The line under a statement's signer: "On behalf of the General Executive".
_ON_BEHALF = re.compile(r"\s*on behalf of\b", re.I)
# The same under a statement's last paragraph: "Press contact: press@x.org" (a name
# between the two signs it; a release's header also gives its contact, under its
# organisation's name).
_PRESS_CONTACT = re.compile(
    r"\s*(?:for )?(?:press|media) (?:contact|enquiries|inquiries|queries)\b", re.I
)
# A staff sign-off under a story ("Gazette reporter", "Our Political Correspondent").
_STAFF_SIGNOFF = re.compile(r"\b(?:reporter|correspondent|staff|editor|writer)s?\s*$", re.I)
#: Lines of a signature over a page's mark (name, title, date), and their longest.
SIGNATURE_LINES = 3
SIGNATURE_WORDS = 6


def _masthead_stays(entries: list[_Entry], a: int, b: int) -> bool:
    """entries[a] is an outlet's name opening a page's header, no footer's: no page's
    foot (_foot_line: "© 2025 Acme Media Ltd", its legal links) lies between it and b."""
    return outlet_name(entries[a].raw.text.strip()) and not any(
        e.info.role == BOILER and _foot_line(e.raw.text.strip()) for e in entries[a:b]
    )


def _decided_story(entries: list[_Entry], start: int, b: int) -> bool:
    """The window's first article (already emitted, or the resume point) has paragraphs
    of its own above ``b``, if only inside an appeal's zone: the full pass split them
    off after the appeal as a story, so the start at ``b`` under them stands (a pass
    resumed there must keep it as the full pass did)."""
    return any(e.info.role == BODY and e.info.words >= STUB_WORDS for e in entries[start:b])


def _photo_only(entries: list[_Entry], b: int) -> bool:
    """The start at ``b`` is a photo's caption or credit with the story's text under it,
    no headline, byline or date: the lead photo of the header above (its disclosure or
    sidebar furniture between), not a page of its own."""
    k = b
    while k < len(entries) and entries[k].info.role in (CAPTION, CREDIT, BLANK, BOILER):
        k += 1
    return (
        entries[b].info.role in (CAPTION, CREDIT)
        and k < len(entries)
        and (entries[k].info.role == BODY)
    )


def _page_top(entries: list[_Entry], bounds: list[int], start: int) -> list[int]:
    """Move each start up over the furniture that tops a page above its headline (a
    breadcrumb "Home / News / UK", an audio player "Press play to listen to this
    article", a reading time): those lines open the next page, not end the last."""
    out: list[int] = []
    for b in bounds:
        floor = max(out[-1] if out else start, start) + 1
        k, top = b, b
        while (
            entries[b].info.role != BODY
            and k - 1 >= floor
            and entries[k - 1].info.role in (BOILER, BLANK)
        ):
            k -= 1
            e = entries[k]
            if e.info.role == BLANK:
                continue
            t = e.raw.text.strip()
            if _page_first_line(entries, k):
                top = k  # "Skip to main content": the first line of any page
                break
            if k == b - 1 and _section_button(entries, k, b):
                # "COMMENT" / headline: the opinion page's kicker, not a button (a skip
                # link or a paywall's meter just above still tops the page)
                top = _skip_link_over(entries, k, floor, k)
                break
            if (
                e.info.listed
                or (e.info.widget and not _HOME_CRUMB.match(t))  # "Home » News": a path
                or not _page_top_line(t, top < b)
            ):
                home = _home_path(entries, k, floor)
                if home < 0:
                    home = _masthead_over_menu(entries, k, floor)
                # "Home" / "News centre" / headline: a path, one line a step
                top = home if home >= 0 else _skip_link_over(entries, k, floor, top)
                break
            top = k
        if top - 1 >= floor and _page_first_line(entries, top - 1):
            top -= 1  # "Skip to main content" / the site's name over its menu / headline
        out.append(top)
    return out


def _mastheads(entries: list[_Entry], bounds: list[int], ctx: int) -> tuple[list[int], set[int]]:
    """The starts with each site's name over its menu (_masthead_over_menu: a row of
    sections, or sections one a line, _vertical_menu) made one:
    a start a few furniture lines above the name (the last page's links, read as
    headlines) moves down onto it, and a name with no start near it gets one. A start
    up to ACROSS_REACH lines over the name with at most ACROSS_BODY paragraphs between
    (a notice's "Sd/-" and its "Copy to: ..." line, a fact check's verdict and its
    accreditation note) was the page above's end: it moves down onto the name too. A
    site's name over its menu tops a page (66 of 69 in the written sets); returns the
    starts and those put on a name (for the placement to leave)."""
    names = [
        m
        for k in range(ctx + 2, len(entries))
        if entries[k].info.role in (BOILER, HEAD)
        and (m := _masthead_over_menu(entries, k, ctx + 1)) > 0
    ]
    if not names:
        return bounds, set()
    out = list(bounds)
    named: set[int] = set()
    for m in names:
        if m in out:
            named.add(m)  # (already there: the placement leaves it too)
            continue
        menu = _menu_lines(entries, m + 1)  # (a menu laid out one section a line)
        near = [b for b in [ctx, *out] if -MASTHEAD_REACH <= b - m <= MASTHEAD_REACH + menu]
        if any(ctx < b < m and _page_first_line(entries, b) for b in near):
            continue  # ("Skip to main content" over the name: the page's first line)
        above = [b for b in near if ctx < b < m and all(e.info.role != BODY for e in entries[b:m])]
        below = [
            b
            for b in near
            if m < b
            # (a list's label over a footer's row: no name; a list's item may be one)
            and not (entries[m].info.lead and not entries[m].info.listed)
            and all(e.info.role != BODY and not e.info.end for e in entries[m:b])
        ]
        across = [
            b
            for b in out
            if ctx < b < m <= b + ACROSS_REACH
            and sum(e.info.role == BODY for e in entries[b:m]) <= ACROSS_BODY
        ]
        if above:
            out[out.index(above[-1])] = m
            named.add(m)
        elif across:
            # a start a few lines over the name with a short paragraph between ("Sd/-" /
            # "Secretary" / "Copy to: ..." / name / menu): the end of the page above (a
            # signature, a verdict, a footer's note), which the name's page follows
            out[out.index(across[-1])] = m
            named.add(m)
        elif below and not any(ctx < b < m for b in near):
            out[out.index(below[0])] = m  # (a start on the crumb or kicker under the menu)
            named.add(m)
        elif not near:
            bisect.insort(out, m)
            named.add(m)
    return sorted(set(out)), named


# A newsletter's first line, a link to its copy on the web ("View this email in your
# browser", "Read online", "Having trouble viewing this email? Open in browser"),
# alone or with its other links ("View in browser | Forward to a friend").
_VIEW_ONLINE = re.compile(
    r"^(?:(?:view|read|open)(?: (?:this|the|it))?(?: e-?mail| newsletter| message| issue)?"
    r" (?:online|in (?:your |a |the )?(?:web ?)?browser|on the web|as a web ?page)"
    r"|having trouble (?:viewing|reading) (?:this|the) (?:e-?mail|newsletter|message)\b.{0,40}"
    r"|(?:can't|cannot) see (?:this|the) (?:e-?mail|newsletter|message)\b.{0,40})"
    r"\W*(?:[|·•]\s*[^|·•]{1,30}){0,3}$",
    re.I,
)
#: Lines between a newsletter's first line and a start under it (its name, sender and
#: date) for the start to move up onto it, and the longest of those lines.
MAIL_TOP_REACH = 4
MAIL_TOP_WORDS = 8


def _mail_tops(entries: list[_Entry], bounds: list[int], ctx: int) -> tuple[list[int], set[int]]:
    """Each start a few short lines under a newsletter's first line (_VIEW_ONLINE) moved
    up onto it, across its name and sender ("The Morning Brief" / "from the Daily
    Mercury", read as a headline continued, hence prose): 41 of 59 such lines in the
    written dumps opened a page, and 15 more sat a line or three under its first line.
    Returns the starts and those so moved (for the placement to leave)."""
    out: list[int] = []
    moved: set[int] = set()
    for b in bounds:
        floor = max(out[-1] if out else ctx, ctx) + 1
        top = b
        for m in range(b - 1, max(floor, b - MAIL_TOP_REACH - 1) - 1, -1):
            e = entries[m]
            if e.info.words > MAIL_TOP_WORDS:
                break
            if e.info.words and _VIEW_ONLINE.match(e.raw.text.strip()):
                top = m
                break
        if top != b:
            moved.add(top)
        out.append(top)
    return out, moved


#: Lines between a start and a site's name (either way) for the two to be one start.
MASTHEAD_REACH = 4
#: Farthest a start moves down onto a site's name over paragraphs, and most of those.
ACROSS_REACH = 8
ACROSS_BODY = 2


def _masthead_over_menu(entries: list[_Entry], k: int, floor: int) -> int:
    """The site's name, when entries[k] is its row of sections right under it ("Kestrel
    Gazette" / "News   Sport   What's On   Jobs", "Local | Politics | Schools"): a site's
    name and menu top its page (a menu at a page's foot follows a footer's notice or
    links, not a bare name); -1 when it is none."""
    m = k - 1
    if m < floor:
        return -1
    cells = _nav_cells(entries[k].raw.text.strip())
    # "GRID & PIPE" / "Transmission / Safety": a name in capitals over two sections
    capitals = cells == 2 and _capitals(entries[m].raw.text.strip())
    if cells < 3 and not capitals:
        cells = _vertical_menu(entries, k, m, floor)
    if cells < 3 and not capitals:
        return -1
    if m - 1 >= floor and _tagline(entries[m]):
        m -= 1  # "Dark Skies, Cold Coffee" / "a backyard astronomy blog" / menu
    name = entries[m].info
    t = entries[m].raw.text.strip()
    if not (
        (name.role in (HEAD, BYLINE, BODY) or (name.role == BOILER and _run_item(name)))
        and (name.words > 1 or _one_word_masthead(name, cells, entries[k].raw.text, t))
        and name.words <= MASTHEAD_WORDS
        and (t[:1].isupper() or t[:1].isdigit())
        and t[-1:] not in ".!?:;,"
        and not opens_by(t)
        and not _HAS_DATE.search(t)
    ):
        return -1
    if not m:
        return m
    if not entries[m - 1].info.widget and _nav_cells(entries[m - 1].raw.text.strip()) >= MENU_CELLS:
        return -1  # name / menu / "X Navigation" / its menu: the second is the section's
    above = entries[m - 1].info
    if above.role in HEADERISH and above.role != TIMESTAMP and above.words <= KICKER_WORDS:
        return -1  # (a kicker over it, not the last page's date nor a long line of its end)
    if name.listed and above.listed and cells < MENU_CELLS and not capitals:
        return -1  # (a list's last item over a short row; a menu of four or more: a site's)
    return m


def _vertical_menu(entries: list[_Entry], k: int, m: int, floor: int) -> int:
    """The sections of a menu laid out one a line from entries[k] ("News" / "Sport" /
    "What's On" / "Jobs"), MENU_CELLS or more, under entries[m], the site's name; 0
    when there is none. The name is a headline or byline line no section above it
    (it tops the run), of two words or a name-like one ("CIRCUIT", not "UK"), and no
    list's label ("On this page", "Explore more on these topics"); the run ends
    neither at a copyright line (a footer's links) nor in a paragraph (a list of
    topics, or a page's own contents, under its header)."""
    name = entries[m].info
    if (
        name.role not in (HEAD, BYLINE)
        or name.lead
        or name.widget
        or (name.words < 2 and not _one_word_name(entries[m].raw.text.strip()))
        or (m - 1 >= floor and _cell_line(entries[m - 1]))
    ):
        return 0
    n = _menu_lines(entries, k)
    if k + n < len(entries) and (
        entries[k + n].info.end or entries[k + n].info.role in (BODY, CONT)
    ):
        return 0
    return n


def _menu_lines(entries: list[_Entry], k: int) -> int:
    """How many lines from entries[k] are a menu's sections, one a line (0 for a row)."""
    n = 0
    while k + n < len(entries) and n < 12 and _cell_line(entries[k + n]):
        n += 1
    return n if n >= MENU_CELLS else 0


def _one_word_name(t: str) -> bool:
    """A site's name of one word, told from a section's ("CIRCUIT", "HealthWise", not
    "UK" or "Business"): five letters or more, in capitals or with a capital inside."""
    return len(t) >= 5 and (t.isupper() or any(c.isupper() for c in t[1:]))


def _cell_line(e: _Entry) -> bool:
    """A menu's section on a line of its own: a capitalised word or three."""
    info = e.info
    return (
        info.role in (HEAD, BOILER, BYLINE)
        and info.words <= MENU_CELL_WORDS
        and not info.end
        and (not info.widget or info.words == 1)  # ("Home", "Menu": widget words)
        and not info.lead
        and _NAV_CELL.match(e.raw.text.strip()) is not None
        and e.raw.text.rstrip()[-1:] not in ".!?:;,"
    )


#: Longest section of a menu laid out one a line, in words ("What's On").
MENU_CELL_WORDS = 2


def _one_word_masthead(name: LineInfo, cells: int, row: str, t: str) -> bool:
    """A one-word name with a capital inside ("HealthWise", "KVRD") over a menu of four
    sections or more, none with a figure (not a film's "2024 · PG-13 · 2h 48m" under
    its title, nor "Menu" over a crumb): the site's name."""
    return (
        name.role == HEAD
        and cells >= MENU_CELLS
        and any(c.isupper() for c in t[1:])
        and not any(c.isdigit() for c in row)
    )


def _capitals(t: str) -> bool:
    """A line in capitals, a few words ("THE EASTMARCH LANTERN", "GRID & PIPE")."""
    return t.isupper() and 1 < len(t.split()) <= MASTHEAD_WORDS and t[-1:] not in ".!?:;,"


def _run_item(info: LineInfo) -> bool:
    """A line a run of furniture above took in: a list's link, or a line of a notes or
    contact block (which may end, unmarked, where the next page's masthead begins)."""
    return info.listed or info.lead < 0


def _tagline(e: _Entry) -> bool:
    """A site's tagline under its name ("a blog about payments and plumbing"): short,
    in lower case, no sentence."""
    t = e.raw.text.strip()
    return (
        e.info.role in (BODY, CONT, HEAD)
        and e.info.words <= TAGLINE_WORDS
        and t[:1].islower()
        and t[-1:] not in ".!?:;,"
    )


#: Longest tagline under a site's name, in words.
TAGLINE_WORDS = 12
#: Longest site name over its menu row, in words.
MASTHEAD_WORDS = 5
_NAV_SPLIT = re.compile(r"\s+[/|·›>»]\s+|\s{2,}")
_NAV_CELL = re.compile(r"^[☰≡]$|^(?:[A-Z0-9]|[a-z]-?[A-Z])[\w&'’.-]*(?: [\w&'’.-]+){0,3}$")


def _nav_row(t: str) -> bool:
    """A row of three or more section links, each a capitalised word or few ("News |
    Local | Sport", "About us   Our work   Shop"), with no label or sentence."""
    return _nav_cells(t) >= 3


def _nav_cells(t: str) -> int:
    """The number of section links in ``t`` if it is a row of them (_nav_row), else 0."""
    if ":" in t:
        return 0  # "Share: X · Y", "Follow us: ...": a prompt's buttons
    cells = [c for c in _NAV_SPLIT.split(t) if c]
    if all(_NAV_CELL.match(c) for c in cells):
        return len(cells)
    if len(cells) >= MENU_CELLS and all(_LOWER_CELL.match(c) for c in cells):
        return len(cells)  # "new | past | comments | ask | show": a menu in lower case
    return 0


# A menu's cell in lower case: a word or two ("new", "show hn").
_LOWER_CELL = re.compile(r"^[a-z]+(?: [a-z]+)?$")


#: Cells of a menu row under a list's last item for the item to be a site's name.
MENU_CELLS = 4
#: Longest line over a site's name that may be its kicker (longer: the last page's end).
KICKER_WORDS = 8


def _skip_link_over(entries: list[_Entry], k: int, floor: int, top: int) -> int:
    """Where the page starts when a "Skip to content" link or a paywall's meter ("You
    have read 2 of 4 free articles") sits at most SKIP_NAV lines above entries[k], over
    nothing but short lines (the site's menu, "News | Sport | Weather"; the meter's
    offer): either is the first line of a page, so the lines under it are the next
    page's top too; else ``top``."""
    for j in range(k - 1, max(floor, k - SKIP_NAV) - 1, -1):
        e = entries[j]
        if e.info.role == BLANK:
            continue
        if e.info.role != BOILER or e.info.listed:
            return top
        t = e.raw.text.strip()
        if _SKIP_LINK.match(t) or (t[:1] in "Yy" and _METER.match(t)):
            menu = entries[j + 1 : k + 1]
            return j if all(x.info.words <= SKIP_NAV_WORDS for x in menu) else top
    return top


# A paywall's meter over a page's header: "You have read 3 of 5 free articles this month."
_METER = re.compile(PAYWALL_METER, re.I)
# A page's first link, for keyboard and screen-reader users: "Skip to main content".
_SKIP_LINK = re.compile(
    r"^(?:skip|jump|go) to (?:the )?(?:main |page )?(?:content|navigation|menu)\W*$", re.I
)
#: Lines of a site's menu that may sit between a "Skip to content" link and a headline.
SKIP_NAV = 3
#: Longest line of a site's menu under a "Skip to content" link, in words (bars count).
SKIP_NAV_WORDS = 12


def _section_button(entries: list[_Entry], k: int, b: int) -> bool:
    """entries[k], right over the headline entries[b], is a button's word that also names
    a section ("Comment", "COMMENT"), alone: the next page's kicker. A row of buttons one
    a line ("Share" / "Comment" / "Save") keeps it a button."""
    e = entries[k]
    t = e.raw.text.strip()
    return (
        e.info.widget
        and e.info.words == 1
        and entries[b].info.role == HEAD
        and t[:1].isupper()
        and t.lower() in _SECTION_BUTTONS
        and not (k > 0 and entries[k - 1].info.widget)
    )


#: Button words that also name a page's section.
_SECTION_BUTTONS = frozenset({"comment", "obituaries"})


def _home_path(entries: list[_Entry], k: int, floor: int) -> int:
    """Where a breadcrumb laid out one step a line ("Home" / "News centre") begins, when
    entries[k] is its last step; -1 when it is none."""
    for j in range(k, max(floor, k - 3) - 1, -1):
        e = entries[j]
        if e.info.role != BOILER or e.info.words > 3:
            return -1
        t = e.raw.text.strip()
        if t.lower() == "home":
            if j == k and k + 2 < len(entries):
                # "Home" / "Crime and law" / "Immigration" / headline: its steps as headings
                step, nxt = entries[k + 1].info, entries[k + 2].info
                if step.role == HEAD and step.words <= 4 and nxt.role == HEAD and nxt.words <= 4:
                    return j
            return j if j < k else -1
        if not _RUBRIC.match(t):
            return -1
    return -1


# Furniture over a page's headline: audio players, reading times, a paywall's label, a
# newsletter's first line ("View this email in your browser"), a station's alert bar
# and player.
_PAGE_TOP = re.compile(
    r"^(?:press play to listen\b|listen to this (?:article|story)\b|voiced by artificial intel"
    r"|(?:view|read|open|see) (?:this |the )?(?:e-?mail|newsletter|message)(?: online| (?:in|on)"
    r" (?:your |a |the )?(?:web ?)?browser)\W*$"
    r"|\d{1,2}\s*-?\s*min(?:ute)?s?(?: read| listen)?$|(?:" + _PAYWALL_LABEL + r")\W*$"
    r"|(?:weather|traffic|travel) alerts?\s*:"  # a station's alert bar
    r"|listen live$|now playing\s*:)"  # a station's player: "Listen Live" / "Now Playing: X"
    rf"|^{PAGE_TOP_LINK}"  # "View in browser", "Read in English"
    rf"|^{PAYWALL_METER}",  # "You have 2 free stories remaining this month."
    re.I,
)
# A breadcrumb from the site's root ("Home » News"), though its words are widget words.
_HOME_CRUMB = re.compile(r"^home\s*[/›>»]\s*\S", re.I)
# A path of three or more steps joined by chevrons ("AdleyTalk Forums › The Terrace ›
# Hallam Cup"): a forum's or a site's place of the page, printed only at its top.
_CHEVRON = re.compile(r"\s+[›»]\s+")
#: Words of one step of a page's path ("Historic cases (pre-1990)").
PATH_STEP_WORDS = 6


def _site_path(text: str) -> bool:
    """The page's path from the site's root or a forum's board: only over a page."""
    if text[:1] in "Hh" and _HOME_CRUMB.match(text) is not None:
        return True
    if "›" not in text and "»" not in text:
        return False
    steps = _CHEVRON.split(text)
    return len(steps) >= 3 and all(map(_path_step, steps))


def _over_menu(entries: list[_Entry], b: int) -> bool:
    """entries[b], a line under a paragraph, is right over a flattened menu row
    (_flat_menu): the site's name, its page's first line (the learned placement reads
    a name there, "Annika Morell for General Secretary", as the last page's credit)."""
    return (
        0 < b < len(entries) - 1
        and entries[b - 1].info.role == BODY
        and entries[b].info.role != BODY
        and _flat_menu(entries[b + 1].raw.text.strip())
    )


def _menu_under_story(entries: list[_Entry], k: int) -> bool:
    """entries[k] is a site's menu row (_site_menu_row) right under a story's last
    paragraph (a sentence's end): the story's page has ended. (Under a short line, the
    row is the site's, under its name: "CONFAPA – Confederación de Asociaciones"; that
    name opens the page.)"""
    return (
        k > 0
        and entries[k - 1].info.role == BODY
        and entries[k - 1].raw.text.rstrip()[-1:] in _SENTENCE_END
        and _site_menu_row(entries[k])
    )


def _site_menu_row(e: _Entry) -> bool:
    """A site's menu row, its links set apart by bars or dots ("Home · About · Our
    campaigns · News · Donate", "Visit | Exhibitions | Collections | Learn | Support us
    | Shop"): a row of MENU_CELLS links or more (_nav_cells), no figure in it, two of
    them a site's sections. Under a story's paragraph it ends that page, or opens the
    next (in the written dumps a page opened at the row or the line under it 111 times
    in 125 where a paragraph was above it)."""
    t = e.raw.text.strip()
    if ("|" not in t and "·" not in t) or any(ch.isdigit() for ch in t):
        return False
    if _nav_cells(t) < MENU_CELLS:
        return False
    sections = (_MENU_EXTRA.match(c) or _SECTION_WORD.match(c) for c in _NAV_SPLIT.split(t))
    return sum(m is not None for m in sections) >= 2


# A menu's link beyond a section's name (_SECTION_WORD): "Home", "Support us", "Visit".
_MENU_EXTRA = re.compile(r"(?:home|support|visit|exhibitions|collections|learn)\b", re.I)


def _flat_menu(text: str) -> bool:
    """A site's menu row flattened by the scraper into one line of words, from "Home"
    ("Home About us Our campaigns News Get involved Donate"): only a page's top prints
    it (its line above was a page's first line 60 times in 70 in the written dumps, the
    row itself 13 more times). Two section names at least, no sentence's punctuation."""
    if text[:5] != "Home " or not text[5:6].isupper():
        return False
    words = text.split()
    return (
        FLAT_MENU_WORDS[0] <= len(words) <= FLAT_MENU_WORDS[1]
        and _SENTENCE_MARK.search(text) is None
        and _NEXT_TO_HOME.match(words[1]) is None
        and sum(_SECTION_WORD.fullmatch(w) is not None for w in words[1:]) >= 2
    )


#: Fewest and most words of a flattened menu row.
FLAT_MENU_WORDS = (4, 16)
_SENTENCE_MARK = re.compile(r"[.,;:!?\"“”()]")
# "Home Office ...", "Home Secretary ...": a headline's subject, not a menu's first link
_NEXT_TO_HOME = re.compile(r"(?:Office|Secretary|Minister|Ministry|Affairs|Guard|Depot)\b")
_SECTION_WORD = re.compile(
    r"(?:news|about|contact|donate|campaigns?|join|sports?|opinion|business|politics|culture"
    r"|weather|subscribe|events|research|publications|reports|members(?:hip)?|volunteer|shop"
    r"|podcasts?|videos?|jobs|obituaries|classifieds|blog|press|media|resources|analysis|data"
    r"|newsroom|faq|help|search|account|world|science|health|travel|tech(?:nology)?|property"
    r"|markets|involved|action|lifestyle|entertainment|local|careers|programmes|projects"
    r"|issues|commentary)",
    re.I,
)


def _path_step(step: str) -> bool:
    """A step of a page's path: a short name in capitals, no sentence's end."""
    return (
        0 < len(step.split()) <= PATH_STEP_WORDS
        and (step[0].isupper() or step[0].isdigit())
        and step[-1] not in ".,;:!?"
    )


# A breadcrumb: the page's section path ("Home / News / UK", "News|Climate Crisis"), a
# step of it may end in a year or number ("Strike 2025").
_CRUMBS = re.compile(r"\s*[/|›>»]\s*")
_CRUMB = re.compile(r"^[A-Z][\w&'’.-]*(?: (?:&|and|[A-Z][\w&'’.-]*|\d{1,4})){0,3}$")


def _page_first_line(entries: list[_Entry], k: int) -> bool:
    """entries[k] is a line only a page's first line is: a skip link ("Skip to main
    content"), or a cookie banner right under the last page's paragraph or closing
    line. (Under the last page's footer a banner is as often that page's last line:
    19 times in 35 in the written dumps; under a paragraph or a closing line it opened
    the next page 18 times in 21.)"""
    t = entries[k].raw.text.strip()
    if _SKIP_LINK.match(t):
        return True
    if entries[k].info.role != BOILER or "ookie" not in t or not cookie_banner(t):
        return False
    p = k - 1
    while p >= 0 and entries[p].info.role == BLANK:
        p -= 1
    return p >= 0 and entries[p].info.role in (BODY, CONT, CLOSE)


def _page_top_line(t: str, over_crumb: bool = False) -> bool:
    """A breadcrumb, audio player or reading time over a page's headline; a rubric
    set off by a bar ("| Running dry"), and the section's name over one of those."""
    if _PAGE_TOP.match(t):
        return True
    cells = _CRUMBS.split(t)
    if len(cells) == 2 and not cells[0] and _RUBRIC.match(cells[1]):
        return True  # "| Running dry": a rubric under the section's name
    if over_crumb and len(cells) == 1:
        return _CRUMB.match(t) is not None  # "The Americas" over its rubric
    if len(cells) > 4 and not _HOME_CRUMB.match(t):
        return False  # five topics or more with no root: the tag row under the last story
    return (
        2 <= len(cells) <= 6
        and all(_CRUMB.match(c) for c in cells)
        and not any(_ACTION_CELL.match(c) for c in cells)
    )  # ("Reprints | Today's Paper | Subscribe": the tools row under the last story)


# A cell of a page's tools row, not a section of a breadcrumb.
_ACTION_CELL = re.compile(
    r"^(?:subscribe|sign (?:in|up)|log ?(?:in|out)|register|share|print|e-?mail|donate"
    r"|(?:order )?reprints?(?: (?:&|and) permissions)?|my account|contact us)$",
    re.I,
)


_RUBRIC = re.compile(r"^[A-Z][\w&'’.-]*(?: [\w&'’.-]+){0,3}$")


def _furniture_above(entries: list[_Entry], b: int) -> bool:
    """The line above ``b`` (over blanks) is end-of-page furniture: share buttons, a
    copyright line, links or tags, an appeal; then the lines above are the last
    page's tail and ``b`` opens the next one."""
    k = b - 1
    while k >= 0 and entries[k].info.role == BLANK:
        k -= 1
    if k < 0:
        return False
    info = entries[k].info
    return info.role == APPEAL or (info.role == BOILER and not info.ad)


def _paragraph_counts(entries: list[_Entry], zone: list[bool]) -> list[int]:
    """Body paragraphs of at least STUB_WORDS words outside appeals in entries[:i], for
    every i: the drop rules ask about many spans of one window, each a difference."""
    is_para = (e.info.role == BODY and e.info.words >= STUB_WORDS for e in entries)
    counted = (int(p and not z) for p, z in zip(is_para, zone, strict=True))
    return list(itertools.accumulate(counted, initial=0))


def _paragraphs(paras: list[int], a: int, b: int) -> int:
    """Body paragraphs of at least STUB_WORDS words in entries[a:b], outside appeals
    (``paras`` is _paragraph_counts of the entries)."""
    return paras[b] - paras[a]


def _drop_headless(entries: list[_Entry], bounds: list[int]) -> list[int]:
    """Drop a paragraph start (often a dateline lead) right under an article that has
    no paragraph of its own yet: headline, byline, a caption or teaser sentence, then
    "SPRINGFIELD, Mass. (AP) - ..." is one article, not a header and a story."""
    keep: list[int] = bounds[:1]  # the window's first article start: always kept
    for i in bounds[1:]:
        if (
            (
                entries[i].info.role == BODY
                or (entries[i].info.role == CAPTION and _photo_only(entries, i))
            )
            and _header_only(entries[keep[-1] : i])
            # (not past a copyright line: the header's page ended there, this is the next)
            and not any(e.info.end for e in entries[keep[-1] : i])
        ):
            continue  # (or the header's lead photo: its caption, then the story's text)
        keep.append(i)
    return keep


def _header_only(part: list[_Entry]) -> bool:
    """Furniture and at most two short sentences (captions, teasers): no story text."""
    short = 0
    if not any(e.info.role in (HEAD, BYLINE) for e in part):
        return False  # a lone timestamp or caption: maybe the start was wrong, not this one
    asks = [k for k, e in enumerate(part) if e.info.role == APPEAL]
    if (
        asks
        and part[asks[0]].info.words >= APPEAL_SENTENCE_WORDS
        and not any(e.info.role in (HEAD, BYLINE) for e in part[asks[0] :])
    ):
        return False  # "... needs independent reporting" / the appeal's sentences: the
        # appeal box under the last page, no header of the story below it
    longest = 0
    for e in part:
        if e.info.role in (BODY, CONT):
            if e.info.words > STANDFIRST_WORDS:
                return False
            longest = max(longest, e.info.words)
            short += 1
    if short <= 2 and longest <= HEADER_SENTENCE_WORDS:
        return True
    # "Key ideas" and its points: a summary box in the header, not the story's text
    return short <= SUMMARY_ITEMS and any(
        e.info.role == HEAD and e.info.words <= 4 and _SUMMARY_LABEL.match(e.raw.text.strip())
        for e in part
    )


#: Most points of a labelled summary box in a header ("Key ideas" / three sentences).
SUMMARY_ITEMS = 6
_SUMMARY_LABEL = re.compile(
    r"^(?:key (?:ideas|points|takeaways|facts|findings)|highlights|summary|at a glance|in brief"
    r"|in short|the big picture|why it matters|what you need to know|tl;?dr)\W*$",
    re.I,
)


#: Longest sentence that a header may hold (a caption or a teaser), in words.
HEADER_SENTENCE_WORDS = 30


def _split_cueless(
    entries: list[_Entry],
    terms: _Terms,
    coh: _Coherence,
    a: int,
    b: int,
    cueless: CuelessModel | None = None,
    memo: _SplitMemo | None = None,
) -> list[int]:
    """Starts inside entries[a:b] where one article ends and the next begins with no cue.

    Article-level cohesion: every plausible start with at least SPLIT_MIN body
    paragraphs on each side splits the run in two; the tf-idf vectors of the
    two whole parts are compared, and the split with the lowest cosine is taken
    when it is below SPLIT_COS (two stories share almost no rare words; the two
    halves of one story keep naming the same people, places and things), or when
    it is a clear dip among many splits and opens like a piece's first paragraph
    (_clear_dip, _lead_paragraph).
    Block-level cohesion (a few lines each side) is too noisy for this at
    article scale. Recurses into both parts.
    ``cueless`` (worker.cueless), when given, makes the choice from those rules'
    pick and the rest of each candidate's evidence (_split_features); ``memo`` keeps
    what a paragraph tells of it for the recursion into the parts.
    """
    gap_of = coh[2]
    body = [i for i in range(a, b) if entries[i].info.role == BODY]
    if len(body) < 2 * SPLIT_MIN:
        return []
    # (a split under a lone headline opens at the headline, which leaves it below)
    opens = {i: _headed(entries, i, body[0]) for i in body[SPLIT_MIN : len(body) - SPLIT_MIN + 1]}
    cands = [
        i
        for i, h in opens.items()
        if (h >= 0 or _plain_start(entries, i)) and not entries[i].info.ad
    ]
    cands = _outside_parallel(entries, body, cands)
    # (an answer under an explainer's question, another question above it: its section)
    cands = [
        c for c in cands if not _asked_again(entries, c - 1) and not _section_asked(entries, c - 1)
    ]
    run = _run_parts(entries, terms, gap_of, a, b) if cands else None
    if run is None:
        return []
    parts, ga = run
    rows = [gap_of[i if opens[i] < 0 else opens[i]] - ga - 1 for i in cands]
    cos = parts.split_cosines(np.array(rows))
    k, how = _rules_split(entries, body, cands, cos, a)
    if cueless is not None:
        memo = memo or _SplitMemo(sparse=_sparse_of(_roles(entries)))
        view = _SplitView(entries, a, body, cands, opens, cos, parts, rows, coh)
        k = cueless.pick(_split_features(view, (k, how), cueless, memo), _split_lines(view), k)
    if k < 0:
        return []
    i = cands[k]
    if opens[i] >= 0:
        i = opens[i]  # (the headline fixes where its story starts)
    elif not (
        _under_furniture(entries, i) or _under_answer(entries, i) or _under_photo(entries, i)
    ):
        i = _settle(cands, k, parts, [gap_of[c] - ga for c in cands])
        down = _down_to_page_end(entries, i, b)
        i = _up_to_page_end(entries, body, a, i) if down == i else down
        i = _past_brief_label(entries, i, b)
        i = _past_related_link(entries, i, b)
    if _repeat_across(entries, body, i) or _inside_sections(entries, a, b, i):
        return []
    k = i - 1
    while k > a and (entries[k].info.role in _PHOTO_ROLES or entries[k].info.role == BLANK):
        if entries[k].info.role != BLANK:
            i = k  # the new piece's photo over its first paragraph: its caption opens it
        k -= 1
    return [
        *_split_cueless(entries, terms, coh, a, i, cueless, memo),
        i,
        *_split_cueless(entries, terms, coh, i, b, cueless, memo),
    ]


def _introduced(entries: list[_Entry], i: int) -> bool:
    """Paragraph entries[i] lies right under a paragraph ending with a colon ("The
    report makes five recommendations:"), which introduces it: never a page's first
    line in the written dumps (0 of 1,171)."""
    return (
        i > 0
        and entries[i].info.role == BODY
        and entries[i - 1].info.role == BODY
        and entries[i - 1].info.ends_colon
    )


def _under_answer(entries: list[_Entry], i: int) -> bool:
    """entries[i] lies right under an explainer's answer (a question heading, one
    paragraph): where the explainer ends, however much the next paragraph shares with
    the part above (the answers are no candidates, _split_cueless)."""
    return i >= 2 and entries[i - 1].info.role == BODY and _question_head(entries[i - 2])


def _rules_split(
    entries: list[_Entry], body: list[int], cands: list[int], cos, a: int
) -> tuple[int, str]:
    """The rules' choice among ``cands`` (-1 for none), and which rule made it: the
    lowest cosine, when low enough or a clear dip at a lead ("low"), moved up to where
    a new voice opens ("opening"); else a change of voice ("shift"), the end of an
    interview's turns ("turns") or of an explainer ("explainer")."""
    k = int(np.argmin(cos))
    if cos[k] < SPLIT_COS or (_clear_dip(cos, k) and _lead_paragraph(entries, cands[k])):
        j = _voice_opening(entries, body, cands, k)
        return j, "low" if j == k else "opening"
    for how, found in (
        ("shift", lambda: _voice_shift(entries, body, cands, cos)),
        ("turns", lambda: _turns_end(entries, body, cands)),
        ("explainer", lambda: _explainer_end(entries, cands, a)),
    ):
        k = found()
        if k >= 0:
            return k, how
    return -1, ""


@dataclass(slots=True)
class _SplitView:
    """One run's candidate splits, as _split_cueless found them, for the learned choice."""

    entries: list[_Entry]
    a: int
    body: list[int]
    cands: list[int]
    opens: dict[int, int]
    cos: np.ndarray
    parts: _Parts
    rows: list[int]
    coh: _Coherence

    def above(self, c: int) -> int:
        """The last paragraph of the run above ``c`` (-1 for none)."""
        p = c - 1
        while p >= self.a and self.entries[p].info.role != BODY:
            p -= 1
        return p if p >= self.a else -1


def _split_lines(view: _SplitView) -> list[tuple[int, int]]:
    """For each candidate, the first and last line numbers its page may start at: from
    the line under the paragraph above (or over its headline) to the line under it."""
    out = []
    e = view.entries
    for c in view.cands:
        p = view.above(c)
        hi = e[c].raw.no + 1
        lo = e[p].raw.no + 1 if p >= 0 else e[c].raw.no - 1
        top = e[view.opens[c]].raw.no if view.opens[c] >= 0 else hi
        out.append((min(lo, top - 1), hi))
    return out


@dataclass(slots=True)
class _SplitMemo:
    """What each paragraph tells the learned choice, whatever run it is split in
    (kept for one window's runs and their parts): a candidate's own evidence (with
    its first sentence), a paragraph's names, whether it attributes words to
    someone; and where the text is sparse."""

    sparse: Callable[[int], bool]  # (_sparse_of the window)
    own: dict[int, tuple[dict[str, float], str]] = field(default_factory=dict)
    names: dict[int, tuple[list[str], list[tuple[str, str]]]] = field(default_factory=dict)
    attributed: dict[int, bool] = field(default_factory=dict)

    def attributes(self, entries: list[_Entry], j: int) -> bool:
        """Whether paragraph entries[j] gives someone's words ("said", "according to")."""
        hit = self.attributed.get(j)
        if hit is None:
            hit = self.attributed[j] = attributes(entries[j].raw.text)
        return hit


def _own_evidence(
    entries: list[_Entry], c: int, p: int, model: CuelessModel, sparse: Callable[[int], bool]
) -> tuple[dict[str, float], str]:
    """The evidence of candidate entries[c] that no run changes: how its paragraph
    opens, how entries[p] (the paragraph above) closes, what lies between them,
    how the next paragraph opens; and the candidate's first sentence."""
    t = entries[c].raw.text.strip()
    first = _first_sentence(t)
    f = {
        "lead": float(_lead_paragraph(entries, c)),
        "sparse": float(sparse(c)),
        "day": float(_NEWS_DAY.search(first) is not None),
        "we": float(_FIRST_PLURAL.search(_QUOTED.sub("", t)) is not None),
        model.first_word(first_word(t)): 1.0,
    }
    f.update(paragraph_features(t, first))
    f.update(above_features(entries[p].raw.text if p >= 0 else ""))
    f.update(adjacent_overlap(_content_words(t), _words_over(entries, p)))
    f.update(_gap_features(entries[p + 1 : c] if p >= 0 else []))
    nxt = next((j for j in range(c + 1, len(entries)) if entries[j].info.role == BODY), -1)
    if nxt >= 0:
        f["next_quote"] = float(entries[nxt].raw.text.lstrip()[:1] in '“"')
    return f, first


def _gap_features(gap: list[_Entry]) -> dict[str, float]:
    """What lies between a candidate and the paragraph over it, in one pass: any
    furniture, a photo (its caption, its credit), and a line that ends a piece there
    (an appeal, a writer's note, a closing credit, a page's end line, or a link away
    such as "Download the full report", worker.cueless.links_away)."""
    furn = photo = close = False
    for e in gap:
        info = e.info
        furn = furn or info.role not in (BLANK, BODY, CONT)
        photo = photo or info.role in _PHOTO_ROLES
        close = close or (info.role in (APPEAL, BIO, CLOSE) or info.end or links_away(e.raw.text))
    return {"gap_furn": float(furn), "gap_photo": float(photo), "gap_close": float(close)}


#: Lines over a paragraph searched for the paragraph before it (_words_over).
ADJACENT_LINES = 3


def _words_over(entries: list[_Entry], p: int) -> set[str]:
    """The content words of paragraph entries[p] and of the paragraph over it (when
    one lies within ADJACENT_LINES lines): what a candidate under entries[p] would
    carry on with (worker.cueless.adjacent_overlap)."""
    if p < 0:
        return set()
    words = _content_words(entries[p].raw.text)
    for q in range(p - 1, max(-1, p - 1 - ADJACENT_LINES), -1):
        if entries[q].info.role == BODY:
            return words | _content_words(entries[q].raw.text)
    return words


def _split_features(
    view: _SplitView, rules: tuple[int, str], model: CuelessModel, memo: _SplitMemo
) -> list[dict[str, float]]:
    """The evidence for each candidate split of a run (worker.cueless): its cosine
    against the others', the rules' pick and which rule made it (_rules_split), the
    cohesion at it, how the paragraph under it opens and the one over it closes, and
    the names it gives again."""
    k_rule, how = rules
    entries, cos, body = view.entries, view.cos, view.body
    n = len(cos)
    med = float(np.median(cos))
    rank1 = int(np.argsort(cos, kind="stable")[1]) if n > 1 else -1
    sims, depths, gap_of = view.coh[0], view.coh[1], view.coh[2]
    names, bi = NamesAbove(), 0
    attributed = list(itertools.accumulate((memo.attributes(entries, j) for j in body), initial=0))
    sizes = list(itertools.accumulate((entries[j].info.words for j in body), initial=0))
    quoting = quoting_run(sum(1 for j in body if entries[j].info.ends_colon))
    out = []
    for k, c in enumerate(view.cands):
        while body[bi] < c:
            j = body[bi]
            if j not in memo.names:
                memo.names[j] = names_in(entries[j].raw.text)
            names.add(memo.names[j])
            bi += 1
        if c not in memo.own:
            memo.own[c] = _own_evidence(entries, c, view.above(c), model, memo.sparse)
        own, first = memo.own[c]
        x = float(cos[k])
        f = {
            "bias": 1.0,
            "cos": x,
            "cos_sq": x * x,
            "cos_rel": min(2.0, x / med) if med > 0 else 1.0,
            "rank1": float(k == rank1),
            "below_split": float(x < SPLIT_COS),
            "rule": float(k == k_rule),
            "logn": math.log(n),
            "headed": float(view.opens[c] >= 0),
            **own,
        }
        f.update(names.features(first))
        f.update(attribution_shift(attributed, bi))
        f.update(length_shift(sizes, bi))
        f.update(own_length(entries[c].info.words, sizes, bi))
        f.update(quoting)
        side = min(bi, len(body) - bi)
        f["small_side"] = float(side <= SMALL_SIDE)
        f["side4"] = float(side <= TINY_SIDE)
        up, down = view.parts.row_cosines(view.rows[k])
        f["up"], f["down"], f["down_up"] = up, down, down - up
        g = gap_of[view.opens[c] if view.opens[c] >= 0 else c]
        if g < len(sims):
            f["sim"], f["depth"] = float(sims[g]), float(depths[g])
        if f["sparse"]:
            f["sp*headed"], f["sp*day"] = f["headed"], f["day"]
            f["sp*depth"] = f.get("depth", 0.0)
        if k == k_rule:
            f["rule_" + how] = 1.0
        out.append(f)
    return out


def _outside_parallel(entries: list[_Entry], body: list[int], cands: list[int]) -> list[int]:
    """``cands`` less those inside a run of parallel paragraphs: when most of the run's
    paragraphs open with the same two words ("I will take credit ...", "I will never
    ..."), a list of vows or points, each on its own subject, so the parts either
    side of a split inside it share few words though they are one piece."""
    openings = [" ".join(entries[i].raw.text.split(None, 2)[:2]).lower() for i in body]
    common, count = Counter(openings).most_common(1)[0]
    if count < PARALLEL_MIN or count < PARALLEL_SHARE * len(body):
        return cands
    at = {i for i, o in zip(body, openings, strict=True) if o == common}
    first, last = min(at), max(at)
    return [c for c in cands if not first < c <= last or _outside_run(at, c)]


def _inside_sections(entries: list[_Entry], a: int, b: int, i: int) -> bool:
    """A split at ``i`` falls between the first and the last of SECTION_HEADS or more
    subheadings in entries[a:b] (_between_paragraphs; not counting one at the split or
    a headline's length right under it): inside a piece in sections, whose parts may
    each name other things ("Federal: ..." / "Local: ..."), not between two pieces."""
    heads = [
        k
        for k in range(a, b)
        if _between_paragraphs(entries, k)
        and not entries[k].info.listed
        and not (k == i or (k == i + 1 and entries[k].info.words >= HEADED_WORDS))
    ]  # (a headline at the split, or a long one right under it, may be the next piece's)
    return len(heads) >= SECTION_HEADS and heads[0] < i <= heads[-1]


def _outside_run(at: set[int], c: int) -> bool:
    """None of the parallel paragraphs at or after ``c``, or fewer than two before it."""
    return sum(1 for i in at if i < c) < 2 or not any(i >= c for i in at)


#: Fewest paragraphs, and least share of a run's, opening alike for a parallel list.
PARALLEL_MIN = 5
PARALLEL_SHARE = 0.4


def _headed(entries: list[_Entry], i: int, top: int = 0) -> int:
    """The lone headline right over paragraph entries[i] (under a finished paragraph,
    not a list's item, and with no other heading below ``top``, the first paragraph of
    the piece it would end), or -1: a story's first paragraph under its title, which
    the scoring left alone (a lone headline between paragraphs mostly heads a section,
    and a piece with sections has more than one)."""
    p = i - 1
    while p >= 0 and entries[p].info.role == BLANK:
        p -= 1
    if p < 1:
        return -1
    h = entries[p].info
    if h.role != HEAD or h.listed or not HEADED_WORDS <= h.words <= HEADLINE_WORDS:
        return -1  # (a section's heading is short: "What to eat", "The weak link")
    q = p - 1
    while q >= 0 and entries[q].info.role == BLANK:
        q -= 1
    above = entries[q]
    if above.info.role != BODY or above.raw.text.rstrip()[-1:] not in _SENTENCE_END:
        return -1
    if entries[p].raw.text.lstrip()[:1].isdigit():
        return -1  # "2 A chatbot leaked test scores": a numbered item of a list
    for k in range(q - 1, max(top, q - HEADED_SPAN) - 1, -1):
        if entries[k].info.role == HEAD and not entries[k].info.listed:
            return -1  # one of a piece's subheadings ("What to eat" ... "What to do")
    return p


#: Lines above a lone headline with no other heading, for a cue-less split to open there.
HEADED_SPAN = 30
#: Fewest words of such a headline.
HEADED_WORDS = 7


def _repeat_across(entries: list[_Entry], body: list[int], i: int) -> bool:
    """A paragraph after ``i`` repeats one before it word for word: one page that shows
    a paragraph twice (a pull quote, a scraper's repeat), not two pieces."""
    above = {entries[j].info.key for j in body if j < i and entries[j].info.words >= REPEAT_WORDS}
    return any(entries[j].info.key in above for j in body if j >= i)


#: Shortest paragraph whose repeat across a cue-less split shows one page, in words.
REPEAT_WORDS = 12


def _under_furniture(entries: list[_Entry], i: int) -> bool:
    """entries[i] is the first paragraph under furniture (a note, an offer, a credit, an
    appeal): where a page's tail ends, so a split there stays there."""
    return _role_over(entries, i) in (BOILER, APPEAL, CLOSE)


def _under_photo(entries: list[_Entry], i: int) -> bool:
    """entries[i] is the first paragraph under a caption or its credit: a piece's lead
    photo over its lead, so the split stays with the photo, however much the lead
    shares with the story above (one event, two outlets)."""
    return _role_over(entries, i) in _PHOTO_ROLES


def _role_over(entries: list[_Entry], i: int) -> int:
    """The role of the first non-blank line over entries[i] (BLANK when there is none)."""
    k = i - 1
    while k >= 0 and entries[k].info.role == BLANK:
        k -= 1
    return entries[k].info.role if k >= 0 else BLANK


def _up_to_page_end(entries: list[_Entry], body: list[int], a: int, i: int) -> int:
    """The split ``i``, moved up one paragraph when that paragraph sits right under
    closing furniture (a contact line, a note, an appeal; not an ad slot): what follows
    a page's end cannot finish that page, though it opens like a continuation ("It has
    been ...") and the voice or the cosine only changes a paragraph later."""
    p = i - 1
    while p > a and entries[p].info.role == BLANK:
        p -= 1
    q = p - 1
    while q > a and entries[q].info.role == BLANK:
        q -= 1
    if p <= a or entries[p].info.role != BODY or p not in body[SPLIT_MIN:]:
        return i
    above = entries[q].info
    if above.role in (CLOSE, APPEAL) or (above.role == BOILER and not above.ad):
        return p
    return i


def _down_to_page_end(entries: list[_Entry], i: int, b: int) -> int:
    """The split ``i``, moved down to the first paragraph under closing furniture (a
    republishing note, a contact line, an appeal; not an ad slot) that follows it
    within PAGE_END_REACH paragraphs: the piece above ends with its own furniture, so
    the paragraphs between are its last ones, however little they share with it."""
    k, paras = i, 0
    while k < b and entries[k].info.role in (BODY, CONT, BLANK):
        paras += entries[k].info.role == BODY
        k += 1
    if paras > PAGE_END_REACH or k >= b:
        return i
    info = entries[k].info
    if not (info.role in (CLOSE, APPEAL) or (info.role == BOILER and not info.ad)):
        return i
    j = k + 1
    while j < b and entries[j].info.role in (BOILER, APPEAL, CLOSE, BIO, BLANK):
        j += 1
    return j if j < b and entries[j].info.role == BODY else i


def _past_brief_label(entries: list[_Entry], i: int, b: int) -> int:
    """The split ``i``, moved down past a news brief's labelled last paragraphs ("What's
    next: ...", "Go deeper: ..."): they end the brief above (none of 249 such lines in
    the written dumps opens a page; 35 are the last line before one)."""
    k = _run_end(entries, i, b, _brief_label)
    return k if k < b and k > i and entries[k].info.role in _OPENING_ROLES else i


def _past_related_link(entries: list[_Entry], i: int, b: int) -> int:
    """The split ``i``, a paragraph right over a related link ("Related: How the rota
    works", "Read more: ..."), moved under the link: in the written dumps the line over
    such a link opens a page 3 times in 1,275, the line under it 512 times."""
    if entries[i].info.role != BODY:
        return i
    k = _run_end(entries, i + 1, b, _related_link)
    return k if i + 1 < k < b and entries[k].info.role == BODY else i


def _run_end(entries: list[_Entry], k: int, b: int, within: Callable[[_Entry], bool]) -> int:
    """The first line from entries[k] up to b that is not ``within`` the run (b if all are)."""
    while k < b and within(entries[k]):
        k += 1
    return k


def _related_link(e: _Entry) -> bool:
    """A related-story link line ("Related: ...", "Read more: ...", "See also: ...")."""
    return e.info.role == BOILER and _RELATED_LINE.match(e.raw.text.lstrip()) is not None


# A link set in a story, the one pattern for it (_related_link, _standfirst).
_RELATED_LINE = re.compile(
    r"(?:related(?: stor(?:y|ies)| articles?| coverage| reading)?|read(?: more| also| next)?"
    r"|also read|see also|more on this(?: story)?)\s*:",
    re.I,
)


#: Roles of a line that may open the page under a brief's last paragraph.
_OPENING_ROLES = frozenset({BODY, HEAD, BYLINE, TIMESTAMP, CAPTION})


# A news brief's section labels ("Why it matters:", "What's next:"), and the first
# letters they open with.
_BRIEF_LABEL = re.compile(
    r"(?:What[’']s next|Why it matters|The big picture|Driving the news|What they[’']re saying"
    r"|Yes, but|The bottom line|Go deeper|Between the lines|By the numbers|Zoom (?:in|out)"
    r"|State of play|What to watch|Reality check|Flashback|The intrigue|Catch up quick"
    r"|Where it stands)\s*:",
    re.I,
)
_BRIEF_FIRST = frozenset("wtdygbzsrfc")


def _brief_label(e: _Entry) -> bool:
    """A paragraph under a news brief's section label ("Why it matters: ...")."""
    text = e.raw.text.lstrip()
    if e.info.role != BODY or text[:1].lower() not in _BRIEF_FIRST:
        return False
    return _BRIEF_LABEL.match(text) is not None


#: Most paragraphs between a cue-less split and closing furniture below it, for the
#: split to move under that furniture.
PAGE_END_REACH = 2


def _settle(cands: list[int], k: int, parts: _Parts, rows: list[int]) -> int:
    """The split cands[k], moved one candidate down when its first paragraph shares more
    with the part above than with the part below (the old story's last paragraph may
    name things the new one does too: the split's cosine barely tells the two apart)."""
    if k + 1 >= len(cands):
        return cands[k]
    r = rows[k]
    above, below = parts.row_cosines(r)
    if above > below and rows[k + 1] == r + 1:
        return cands[k + 1]
    return cands[k]


class _Parts:
    """The tf-idf weights of a run's content lines, as sparse (row, word, weight)
    entries, and what the cue-less split asks of them: the cosine between the part
    above each split and the part below, and between one line and either part.

    A dense lines x words matrix and its running sums would take rows x words x 8
    bytes twice (a long run with no cue of any kind: gigabytes); these are computed
    from the entries alone, in memory that grows with the run's words. For a part L
    above a split and the run's total T, the part below is T - L, so
    dot(L, T - L) = dot(L, T) - |L|^2 and |T - L|^2 = |T|^2 - 2 dot(L, T) + |L|^2;
    |L|^2 and dot(L, T) grow line by line, each entry x of word c adding
    2 * (c's weight above it) * x + x^2 and x * T[c].
    """

    __slots__ = ("_before", "_l2", "_lt", "_starts", "_t2", "_total", "_x")

    def __init__(self, rows: np.ndarray, words: np.ndarray, weights: np.ndarray, n: int):
        # rows are sorted (terms come sorted by line); each (row, word) pair once
        inv, nwords = _dense(words)
        x = weights.astype(np.float64)
        total = np.bincount(inv, weights=x, minlength=nwords)
        by_word = np.lexsort((rows, inv))  # each word's entries in line order
        xs = x[by_word]
        run = np.cumsum(xs)
        first = np.ones(len(xs), dtype=bool)
        first[1:] = inv[by_word][1:] != inv[by_word][:-1]
        start = np.maximum.accumulate(np.where(first, np.arange(len(xs)), 0))
        base = np.where(start > 0, run[start - 1], 0.0)
        before = np.empty(len(xs))
        before[by_word] = run - xs - base  # the word's weight in the lines above the entry
        self._x, self._before = x, before
        self._total = total[inv]  # T[c] of each entry's word
        self._t2 = float(total @ total)
        self._l2 = np.cumsum(np.bincount(rows, weights=2.0 * before * x + x * x, minlength=n))
        self._lt = np.cumsum(np.bincount(rows, weights=x * self._total, minlength=n))
        self._starts = np.searchsorted(rows, np.arange(n + 1))

    def split_cosines(self, last_rows: np.ndarray) -> np.ndarray:
        """Cosine between the lines up to and including each of ``last_rows`` and the
        rest (1.0 where either side has no words)."""
        l2, lt = self._l2[last_rows], self._lt[last_rows]
        dot = lt - l2
        r2 = self._t2 - 2.0 * lt + l2
        eps = _EMPTY * self._t2  # (a side with no words: rounding leaves a trace, not zero)
        ok = (l2 > eps) & (r2 > eps)
        return np.where(ok, dot / np.sqrt(np.where(ok, l2 * r2, 1.0)), 1.0)

    def row_cosines(self, r: int) -> tuple[float, float]:
        """Cosines between line ``r`` and the lines above it, and the lines below it."""
        a, b = self._starts[r], self._starts[r + 1]
        x, before, total = self._x[a:b], self._before[a:b], self._total[a:b]
        r2 = float(x @ x)
        up2 = float(self._l2[r - 1]) if r > 0 else 0.0
        down2 = self._t2 - 2.0 * float(self._lt[r]) + float(self._l2[r])
        eps = _EMPTY * self._t2
        return (
            _cos2(float(x @ before), r2, up2, eps),
            _cos2(float(x @ (total - before - x)), r2, down2, eps),
        )


def _cos2(dot: float, u2: float, v2: float, eps: float) -> float:
    """The cosine from a dot product and two squared norms (0.0 for an empty side)."""
    if u2 <= eps or v2 <= eps:
        return 0.0
    return dot / math.sqrt(u2 * v2)


#: A part's squared norm at or below this share of the run's is an empty part's.
_EMPTY = 1e-9


def _clear_dip(cos: np.ndarray, k: int) -> bool:
    """cos[k], the lowest, is low and well below the cosines of the other splits of a
    long run: two pieces that share few words meet there (one story's halves share
    about as many words wherever it is split)."""
    if len(cos) < DIP_SPLITS or cos[k] >= DIP_COS:
        return False
    return bool(cos[k] <= DIP_RATIO * np.median(np.delete(cos, k)))


def _lead_paragraph(entries: list[_Entry], i: int) -> bool:
    """entries[i] reads as a piece's first paragraph: it reports no one's words at once
    ("Jo Park said the firm ..." goes on a story; the present tense, "The Federal
    Government says a man ...", is how broadcasters' leads attribute), it is not right
    under an ad slot, and
    two full paragraphs end the piece above (not the first lines under a subheading or a
    list's item)."""
    if any(w in _SAID for w in entries[i].raw.text.split()[:LEAD_SAID_WORDS]):
        return False
    p = i - 1
    while p >= 0 and entries[p].info.role == BLANK:
        p -= 1
    if p >= 0 and entries[p].info.ad and _AD_LINE.match(entries[p].raw.text.strip()):
        return False  # under an ad slot ("Advertisement"): the story the slot sits in goes on
    p, n = i - 1, 0
    while p >= 0 and n < 2:
        info = entries[p].info
        if info.role not in _TRANSPARENT:
            if info.role != CONT and (info.role != BODY or info.words < STUB_WORDS):
                return False
            n += 1
        p -= 1
    return n == 2


_SAID = frozenset(["said", "said,"])
#: Opening words of a paragraph that may name a speaker before a lead's "said".
LEAD_SAID_WORDS = 8
#: A dip in cosine splits a run with at least this many candidate splits, when it is
#: below DIP_COS and at most DIP_RATIO of the median of the others.
DIP_SPLITS = 4
DIP_COS = 0.1
DIP_RATIO = 0.74


def _voice_shift(entries: list[_Entry], body: list[int], cands: list[int], cos) -> int:
    """The candidate where a report with no first person (outside quotes) gives way to
    a first-person column or blog post ("I have spent two decades ..."): the change
    of voice marks a new piece even on the same subject; a column that speaks for its
    readers' town ("we", "us", "our") as much as for its writer counts too, on more
    paragraphs. -1 when there is none."""
    if not any(c < VOICE_COS for c in cos):
        return -1  # (no split parts two pieces that little alike: none to look at)
    label = {i: _turn_label(entries[i].raw.text) for i in body}
    turns = Counter(label.values())
    own = {
        # a transcript's turn, or an interview's ("Jo Park: ...", a label that recurs), is
        # speech, all quoted
        i: ""
        if _SPEAKER.match(t) or (label[i] is not None and turns[label[i]] > 1)
        else _QUOTED.sub("", t)
        for i, t in ((i, entries[i].raw.text) for i in body)
    }
    mine = {i: _FIRST_PERSON.search(own[i]) is not None for i in body}
    yours: dict[int, bool] = {}  # found only when the first person alone falls short

    def _yours(i: int) -> bool:
        # a post also speaks to its reader ("file your claim if you got a letter")
        if i not in yours:
            yours[i] = mine[i] or _SECOND_PERSON.search(own[i]) is not None
        return yours[i]

    ours: dict[int, bool] = {}

    def _ours(i: int) -> bool:
        if i not in ours:
            ours[i] = mine[i] or _FIRST_PLURAL.search(own[i]) is not None
        return ours[i]

    best = -1
    for k, c in enumerate(cands):
        if cos[k] >= VOICE_COS:
            continue
        if any(mine[i] for i in body if i < c):
            continue
        right = [mine[i] for i in body if i >= c]
        if not any(right[:2]):
            continue
        if not _voiced(right) and not any(_yours(i) for i in body if i < c):
            # a report that speaks to no one above a post that speaks to its reader too
            right = [_yours(i) for i in body if i >= c]
        if not _voiced(right) and not any(_ours(i) or _yours(i) for i in body if i < c):
            # a column that speaks for its town ("what happened to us") under a report that
            # speaks for no one: one paragraph more, as a report's "we" may be its newsroom's
            ours_right = [_ours(i) for i in body if i >= c]
            if sum(ours_right) > VOICE_MIN:
                right = ours_right
        if _voiced(right) and (best < 0 or cos[k] < cos[best]):
            best = k  # of the candidates, the one where the parts share least
    return best


def _turns_end(entries: list[_Entry], body: list[int], cands: list[int]) -> int:
    """The candidate where labelled paragraphs end: an interview's turns ("Q:", "Jo Park:",
    "The Herald: ..."), two speakers or more, or a match report's facts ("Referee: ...",
    "Attendance: ..."), up to the paragraph above, give way to paragraphs with no label
    at all. The Q&A or the facts close a piece; a plain report after them is the next
    one. -1 when there is none."""
    turns = {i: _turn_label(entries[i].raw.text) for i in body}
    for k, c in enumerate(cands):
        left = [turns[i] for i in body if i < c]
        if not left or left[-1] is None or any(turns[i] for i in body if i >= c):
            continue
        labelled = [t for t in left if t]
        if len(labelled) >= TURNS_MIN and len(set(labelled)) >= 2:
            return k
    return -1


def _explainer_end(entries: list[_Entry], cands: list[int], a: int) -> int:
    """The candidate where a Q&A explainer ends and a news report begins: questions
    head the explainer's sections ("What happens next?"), each answered in a paragraph
    or two; a paragraph under the last answer that dates its news by the day of the
    week ("... said on Tuesday") is no third paragraph of the answer but the next
    story's lead (in the seed-like written dumps, 8 times in 10). Where the text is
    sparse (_sparse_of: a scrape with little furniture, whose pages more often open
    with no cue), so is a paragraph under a one-paragraph answer. Neither where a
    question follows a line or two below: the explainer goes on asking ("... is due in
    court on Friday." / "What can the Union do?"). -1 when there is none."""
    for k, c in enumerate(cands):
        dated = _NEWS_DAY.search(_first_sentence(entries[c].raw.text)) is not None
        if not dated and not _sparse_at(entries, c, asked=True):
            continue
        # (sections' questions: under the piece's first paragraph, not its headline)
        top = next((i for i in range(a, c) if entries[i].info.role == BODY), c)
        asked = [i for i in range(top, c) if _question_head(entries[i])]
        if len(asked) < QA_MIN or c - asked[-1] > QA_ANSWER_LINES + 1:
            continue
        if any(_question_head(e) for e in entries[c + 1 : c + 3]):
            continue  # (a question just below: the explainer goes on asking)
        if dated or c - asked[-1] == 2:  # (or a one-paragraph answer above)
            return k
    return -1


def _sparse_at(entries: list[_Entry], i: int, asked: bool = False) -> bool:
    """_sparse_of at entries[i], counted here (for the few lines that ask). ``asked``:
    an explainer's questions count as its text, not as furniture (a Q&A of seven
    questions in twenty lines is no page crowded with headers)."""
    lo, hi = max(0, i - SPARSE_SPAN), min(len(entries), i + SPARSE_SPAN)
    prose = sum(
        1 for e in entries[lo:hi] if e.info.role in (BODY, CONT) or (asked and _question_head(e))
    )
    return _few_furniture(hi - lo, prose)


def _asked_again(entries: list[_Entry], h: int) -> bool:
    """entries[h] is a question heading with another one a few lines above it, only
    paragraphs between (the answer to that one): the sections of an explainer, whose
    paragraph under it is an answer, no standfirst (so the name of the next page's site
    under that answer is no byline of the section)."""
    if h <= 0 or not _question_head(entries[h]):
        return False
    k = h - 1
    while k >= max(0, h - QA_REACH) and entries[k].info.role in (BODY, CONT):
        k -= 1  # (the answer above, paragraphs only)
    return k < h - 1 and k >= 0 and _question_head(entries[k])


#: Lines above a question heading that the one before it may lie in.
QA_REACH = 8


def _asked_before_another(entries: list[_Entry], h: int) -> bool:
    """entries[h] is a question heading right under a paragraph, with another question
    a few lines under it, only paragraphs between (its answer): an interview's or an
    explainer's first question under its introduction, unless it reads as an
    explainer's own title (_explainer_title)."""
    if not 0 < h < len(entries) - 2 or not _question_head(entries[h]):
        return False
    if entries[h - 1].info.role not in (BODY, CONT):
        return False
    k = h + 1
    while k < min(len(entries), h + QA_REACH + 1) and entries[k].info.role in (BODY, CONT):
        k += 1  # (the answer under it, paragraphs only)
    return (
        k > h + 1
        and k < len(entries)
        and _question_head(entries[k])
        and not _explainer_title(entries, h)
    )


def _question_head(e: _Entry) -> bool:
    """A section's heading put as a question ("Who else has been charged?")."""
    return e.info.role == HEAD and e.raw.text.rstrip().endswith("?")


def _first_sentence(text: str) -> str:
    """The text up to its first full stop followed by a space (all of it if none)."""
    m = _FIRST_STOP.search(text)
    return text[: m.start()] if m else text


_FIRST_STOP = re.compile(r"[.!?][”\"’']?\s")
# A news lead's day: "... said on Tuesday", "on Sunday afternoon", "late on Friday".
_NEWS_DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
#: Question headings above the end of an explainer.
QA_MIN = 2
#: Most lines of the last answer, between its question and the next story's lead.
QA_ANSWER_LINES = 2


def _turn_label(text: str) -> str | None:
    """A paragraph's label ("Q", "Jo Park", "DENISE ARROYO", "Referee"), or None."""
    if ":" not in text[:TURN_LABEL_CHARS]:
        return None
    m = _TURN.match(text)
    return m.group(1) if m else None


#: Labelled paragraphs above the end of a Q&A or fact box (at least two labels).
TURNS_MIN = 4
#: Longest speaker label with its colon, in characters.
TURN_LABEL_CHARS = 32
_TURN = re.compile(r"^\s*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}):\s")


def _voiced(right: list[bool]) -> bool:
    """Enough paragraphs in a voice (flags, in order) to be a post of its own: VOICE_MIN,
    and VOICE_SHARE of them or VOICE_MIN where it opens (a post speaks in its own
    voice most where it opens)."""
    n = sum(right)
    return n >= VOICE_MIN and (
        n >= VOICE_SHARE * len(right) or sum(right[:VOICE_OPENING]) >= VOICE_MIN
    )


def _voice_opening(entries: list[_Entry], body: list[int], cands: list[int], k: int) -> int:
    """The split cands[k], moved up to a candidate just before it that opens in the first
    person under paragraphs with none ("Most of the coverage ... and I understand why"):
    a column on the same story names its subject first, so the parts' cosine alone
    puts the split a paragraph or two late."""
    for j in range(max(0, k - VOICE_BACK), k):
        c = cands[j]
        if _first_person(entries[c]) and not any(_first_person(entries[i]) for i in body if i < c):
            return j
    for j in range(max(0, k - SPLIT_MIN + 1), k):
        if _GREETING.match(entries[cands[j]].raw.text.lstrip()):
            return j  # "Morning. The freeze is a day old ...": a newsletter's first line
    for j in range(max(0, k - VOICE_BACK), k):
        m = _NEW_PLACE.match(entries[cands[j]].raw.text.lstrip())
        if m and not any(m.group(1) in entries[i].raw.text for i in body if i < cands[j]):
            return j  # "In Hoboken, where ...": a piece set somewhere the part above never was
    return k


def _first_person(e: _Entry) -> bool:
    """A paragraph in the first person outside quotes (not a transcript's turn)."""
    t = e.raw.text
    return not _SPEAKER.match(t) and _FIRST_PERSON.search(_QUOTED.sub("", t)) is not None


#: Candidates before a cue-less split that may be its first-person opening instead.
VOICE_BACK = 3
# A greeting that opens a newsletter or a post: "Morning.", "Good evening from ...",
# "Hello and welcome", "Welcome back to ...".
_GREETING = re.compile(
    r"^(?:good )?(?:morning|afternoon|evening)(?:,? (?:all|everyone|folks))?[.!,]"
    r"|^good (?:morning|afternoon|evening) from\b|^(?:hello|hi|hey)(?: all| everyone| there)?[.!,]"
    r"|^(?:hello and )?welcome (?:back )?to\b",
    re.I,
)
# A paragraph that opens on a place: "In Hoboken, where ...", "In Santa Rosa, the ...".
_NEW_PLACE = re.compile(
    r"^In (?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Addition|Short"
    r"|Fact|Total|Theory|Practice|General|Particular|Response|Return|Contrast|Comparison)\b)"
    r"((?:[A-Z][\w'’.-]+)(?: [A-Z][\w'’.-]+)?),\s"
)

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
# A speaker's turn in a transcript: "DENISE ARROYO: ...", "JO PARK, HOST: ...", "Q: ...".
_SPEAKER = re.compile(r"^\s*(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Z ]+)?|Q|A):\s")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|I['’](?:m|ve|d|ll))\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|us|[Oo]ur)\b")  # (not "US", the country)
#: Highest cosine between two parts split at a change of voice.
VOICE_COS = 0.3
#: First-person paragraphs after a change of voice: at least this many, and this share.
VOICE_MIN = 3
VOICE_SHARE = 0.4
#: Opening paragraphs of a post that may hold its VOICE_MIN first-person ones instead.
VOICE_OPENING = 4


def _dense(values: np.ndarray) -> tuple[np.ndarray, int]:
    """np.unique(values, return_inverse=True)'s inverse and number of distinct
    values, without its checks and copies (called once per article)."""
    order = np.argsort(values)
    ordered = values[order]
    new = np.empty(len(values), dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    ids = np.cumsum(new) - 1
    inv = np.empty(len(values), dtype=np.int64)
    inv[order] = ids
    return inv, int(ids[-1]) + 1 if len(ids) else 0


def _plain_start(entries: list[_Entry], i: int) -> bool:
    """A paragraph that can open a story: not a continuation, a reply or a quote,
    and the paragraph before it finished its sentence."""
    info = entries[i].info
    if info.quote_start or info.ends_colon or NUMBERED.match(entries[i].raw.text.lstrip()):
        return False  # a quote, a line introducing the next, an item of a list
    first = entries[i].raw.text.lstrip().split(" ", 1)[0].lower()
    if first in _ENUMERATORS:
        return False  # "Second, ..." continues a list of points
    p = i - 1
    while p >= 0 and entries[p].info.role in _TRANSPARENT:
        p -= 1
    if p < 0:
        return False
    if (
        info.connective
        and first.strip("“\"'‘,") not in _OPENERS
        and entries[p].info.role not in _PHOTO_ROLES
        and _EXTRAPOSED.match(entries[i].raw.text.lstrip()) is None
    ):
        # "He said ...", "But ..." continue a story; "I", "We", "There" may open one, and so
        # may any paragraph under a photo and its caption (the piece's lead photo), or
        # a column's opening judgement ("It is tempting ... to", _EXTRAPOSED)
        return False
    while p > 0 and entries[p].info.role in _OVER_PHOTO:
        p -= 1  # (a caption's credit ends with no stop: the paragraph over the photo counts)
    return entries[p].raw.text.rstrip()[-1:] in _SENTENCE_END


_PHOTO_ROLES = frozenset({CAPTION, CREDIT})
#: What lies between a photo's paragraph and the one over the photo (_plain_start).
_OVER_PHOTO = _PHOTO_ROLES | _TRANSPARENT
# "It is tempting, in a drought, to blame the sky.", "It has become fashionable to ...":
# a column's opening judgement (the "it" stands for what follows, not for anything above).
_EXTRAPOSED = re.compile(
    r"It (?:is|was|has (?:long )?(?:been|become)|would be|will be|may be|might be|seems|feels)"
    r" (?!(?:the|a|an|this|that|his|her|its|their|our|my|your|not|now|also|here|there)\b)"
    r"(?:\w+ ){0,4}?\w+(?:,| to | that )"
)


#: Connectives that a column or feature often opens with.
_OPENERS = frozenset({"i", "we", "there"})
_ENUMERATORS = frozenset(
    w + ","
    for w in [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "finally",
        "lastly",
        "next",
        "moreover",
        "furthermore",
        "similarly",
        "likewise",
        "again",
        "plus",
        "also",
        "besides",
        "otherwise",
    ]
)
_SENTENCE_END = frozenset(".!?\"”’')")
#: Body paragraphs each side of a cue-less split (shorter parts carry too few words).
SPLIT_MIN = 5
#: Highest cosine between two parts that are still two articles (0.03 on the written
#: sets; real article texts, longer and plainer, share more common words across two
#: stories: 0.06 found more of their cue-less starts and kept the written sets level).
SPLIT_COS = 0.06


def _obituary_lead(text: str) -> bool:
    """The paragraph is an obituary's sentence "X, who has died aged N, ..." (which
    classify reads as a lead, like a dateline)."""
    return " died " in text[:90] and _OBITUARY_LEAD.match(text.lstrip()) is not None


def _article(entries: list[_Entry]) -> SegmentedArticle:
    """Clean a run of entries into one SegmentedArticle."""
    lines = [(e.raw.no, e.raw.text) for e in entries]
    cleaned = clean_article(lines, [e.info for e in entries])
    return SegmentedArticle(
        start_line=entries[0].raw.no,
        end_line=entries[-1].raw.no,
        title=cleaned.title,
        byline=cleaned.byline,
        text=cleaned.text,
        dropped_lines=[DroppedLine(no, why) for no, why in cleaned.dropped],
        start_offset=entries[0].raw.start,
        end_offset=entries[-1].raw.end,
        captions=cleaned.captions,
    )


#: Roles that _push's rules test, by stretch of them: each stretch runs only for a line
#: of one of them (its rules fire only on those roles, and no rule of the stretch
#: turns a line of another role into one of them, so a line of another role would
#: pass every rule of it unchanged).
_UNDER_BYLINE_RULES = frozenset({BODY, CONT, BYLINE, TIMESTAMP, BOILER})
_HEADER_RULES = frozenset({HEAD, BYLINE, CREDIT, BOILER, CLOSE, BIO})
_LATE_RULES = frozenset({BOILER, CREDIT, CLOSE, BIO})
#: Whether _push takes its shortcut for a paragraph under a paragraph (False: tests).
_PUSH_SHORTCUT = True
# "Watch: <title> (2:14)": a video player's label, title and running time.
_VIDEO_TITLE = re.compile(r"^(?:watch|video)\s*:\s*\S.{0,200}\(\d{1,2}:\d{2}\)$", re.I)
_PLAIN_ROLES = frozenset({BODY, APPEAL})
_PLAIN_AFTER = frozenset({BODY, CONT, APPEAL})


#: A line that carries on the sentence of the line above after an ellipsis.
_ELLIPSIS_ON = re.compile(r"\s*(?:…|\.\.\.)\s*[a-z]")
#: What a reader appeal asks about (lower case: not "Professor of Journalism").
_APPEAL_WORDS = re.compile(
    r"\b(?:journalism|funded|readers?|favou?r to ask|support|donat\w*|billionaire|subscri\w*"
    r"|costs?)\b"
)


def _appeal_teaser(above: str, text: str) -> bool:
    """Whether a 'headline' and the line under it are one reader appeal's opening,
    broken at an ellipsis ("Before you go …" / "… the Herald's reporting is funded by
    its readers."): the appeal that ends a page, not the next page's headline. Not a
    petition's last signatory over "… and 187 others": that names no appeal."""
    if _ELLIPSIS_ON.match(text) is None:
        return False
    return above.rstrip().endswith(("…", "...")) or bool(_APPEAL_WORDS.search(f"{above} {text}"))


#: Most words of a headline in sentences that a page prints twice (_push).
TWICE_TITLE_WORDS = 30


def _push(window: list[_Entry], raw: RawLine, info: LineInfo | None = None) -> None:
    """Classify a line (unless ``info`` is given) and append it; a 'headline' continued
    by the next line is prose."""
    if info is None:
        info = classify(raw.text)
    last = window[-1].info if window else None
    if info.end and last is not None and last.end and info.role == BOILER and "ookie" in info.key:
        # "© 2026 X. All rights reserved." / "We use cookies ...": the page above has
        # ended already, so the consent banner may be the next page's first line (12
        # times in 18 in the written dumps): not a line a start may not move up over
        info.end = False
    if (
        last is not None
        and (last.role == BOILER or last.ad)
        and info.role in (BODY, CONT)
        and ":" in raw.text[:HANDLE_CHARS]
        and _HANDLE_COMMENT.match(raw.text) is not None
        and _in_comments(window)
    ):
        info.ad = True  # "Sorrel_skipper: Easy to write this ..." under "Comments (4)"
    elif (
        last is not None
        and (last.role == BOILER or last.ad)
        and info.words <= COMMENTER_WORDS
        and _COMMENTER.match(raw.text) is not None
        and _in_comments(window)
    ):
        info.role, info.ad = BOILER, True  # "Joan R." / "Anna_M" under "6 comments"
    elif (
        last is not None
        and last.role == BOILER
        and last.ad
        and info.role in (BODY, CONT)
        and _COMMENTER.match(window[-1].raw.text) is not None
        and _in_comments(window)
    ):
        info.ad = True  # the comment under its reader's name: no story opens there
    if info.dateline and last is not None and last.role == BODY and _obituary_lead(raw.text):
        info.dateline = False  # "X, who has died aged 85, ..." under a paragraph: its piece
        # opened with an anecdote (a lead only where a page starts, under furniture)
    if (
        (info.dateline or (last is not None and last.dateline))
        and info.words <= ROW_LEAD_WORDS
        and last is not None
        and last.words <= ROW_LEAD_WORDS
        and (last.dateline or _is_dateline(last.key))
        and (info.dateline or _is_dateline(info.key))
    ):  # "PRICE, Delphine – Greenway" / "O'HALLORAN, Martin – Progressive Union": list rows
        info.dateline = last.dateline = False
    elif info.dateline and info.words <= ROW_LEAD_WORDS and last is not None and last.ends_colon:
        info.dateline = False  # "Candidates in ballot paper order:" / "PRICE, Delphine – ..."
    if info.dateline and last is not None and last.role == BODY:
        _dateline_run(window, info)
    if (
        info.role in (BYLINE, TIMESTAMP)
        and last is not None
        and last.role == BODY
        and last.words <= TWICE_TITLE_WORDS
        and len(window) >= 2
        and window[-2].info.role == BODY
        and window[-1].raw.text == window[-2].raw.text
    ):  # "Six months on, the river runs clear. The valley does not." twice, then "By ...":
        # a headline in sentences, printed twice over its byline or date
        last.role = window[-2].info.role = HEAD
    if (
        info.role == BYLINE
        and last is not None
        and last.role == BODY
        and _REPORT_AUTHORS.match(raw.text) is not None
    ):
        info.role = CLOSE  # a paper's last paragraph / "Authors: Dr Jo Park and Ed Lin"
    if info.role == TIMESTAMP and last is not None and last.role == BODY:
        _thread_stamp(window, info, raw.text)
    if info.role == TIMESTAMP and "#" in raw.text:
        _numbered_post(window, info, raw.text)
    elif (
        info.words == 1
        and last is not None
        and last.role == TIMESTAMP
        and raw.text.strip()[:1] == "#"
    ):
        _post_number_under(window, info, raw.text)
    if (
        info.role == BOILER
        and info.ad
        and last is not None
        and last.role in (HEAD, BYLINE)
        and last.words == 1
        and _MEMBER_LINE.match(info.key) is not None
    ):
        last.role, last.ad = BOILER, True  # "GrahamD" / "Senior Member": a poster's handle
    if (
        last is not None
        and last.role == CAPTION
        and info.role in (HEAD, BODY)
        and last.words <= 2
        and _BARE_IMAGE_LABEL.match(window[-1].raw.text.strip()) is not None
    ):
        info.role = CAPTION  # "Image caption," / its text on the next line: the caption
    if info.role in (HEAD, BODY) and info.words <= DATED_ROW_WORDS and _dated_row(info.key):
        info.role = TIMESTAMP  # "Updated 9:58 p.m. · All 11 polls reporting": the page's time
    if (
        info.role == HEAD
        and last is not None
        and last.role == HEAD
        and info.words <= TEAM_SIGN_WORDS
        and _TEAM_SIGN.match(raw.text.strip())
        and not any(map(str.isdigit, raw.text))  # (dated: a source in a list of them)
    ):
        info.role = BYLINE  # headline / "Shoal Watch campaign team": who signs the page
    if (
        info.role in (CLOSE, BOILER)
        and last is not None
        and last.role == BYLINE
        and last.words <= SIGNATURE_WORDS
        and (
            _ON_BEHALF.match(raw.text)
            or (_PRESS_CONTACT.match(raw.text) and len(window) >= 2 and _midstory(window[-2].info))
        )
    ):
        last.role = CLOSE  # "Jo Park, General Secretary" / "On behalf of the Board": its signer
    if last is not None and last.role == HEAD and _appeal_teaser(window[-1].raw.text, raw.text):
        last.role = APPEAL  # "Before you go …" / "… the Herald is funded by its readers."
        if info.role in (BODY, CONT, HEAD):
            info.role = APPEAL
    if (
        _PUSH_SHORTCUT
        and info.role in _PLAIN_ROLES
        and info.words > FACT_WORDS
        and last is not None
        and last.role in _PLAIN_AFTER
        and not last.lead
        and not last.listed
    ):
        # most lines: a paragraph (or an appeal's) under a paragraph, a continued one
        # or an appeal: no rule below changes it
        # (tests/test_segment_fastpaths.py checks that the full path agrees)
        window.append(_Entry(raw, info))
        return
    if _PUSH_SHORTCUT and info.role == BODY and info.words > FACT_WORDS and last is not None:
        _push_paragraph(window, raw, info, last)
        return
    if info.role == BOILER and info.ad and _QUOTE.match(raw.text.strip()):
        _ticker_above(window)
    elif (
        last is not None
        and last.role == HEAD
        and not last.listed
        and last.words <= PRODUCT_WORDS
        and raw.text.lstrip()[:1] in "$€£"
        and _PRICE_ONLY.match(raw.text.strip())
    ):  # "Powerbeats3 Wireless Earphones - Black" / "$119.00" / "Buy Now": a buying
        # guide's product card, inside the story
        last.role, last.ad = BOILER, True
        info.role, info.ad = BOILER, True
    elif (
        info.role == BOILER
        and info.ad
        and last is not None
        and last.role in (HEAD, TIMESTAMP)
        and last.words <= TABLE_LABEL_WORDS
        and not last.listed
        and _DATA_ROW.match(raw.text.strip())
    ):  # "Currencies" / "Prices at 15:00" over a table's first row: the table's label
        last.role, last.ad = BOILER, True
    elif (
        info.role == BOILER
        and info.ad
        and last is not None
        and last.role in (HEAD, BODY, CONT)
        and not last.listed
        and raw.text.lstrip()[:1] in "—–-"
        and _EMBED_BY.match(raw.text.strip())
    ):  # a post's text / "— Jo Park (@jopark) March 25, 2021": the embedded post, inline
        last.role, last.ad = BOILER, True
    elif (
        info.role == HEAD
        and info.words >= BULLET_ITEM_WORDS
        and last is not None
        and last.role in _BELOW_STORY
        and _bulleted(raw.text.lstrip())
    ):  # paragraph / "- How important is innovation to national success?": an item of a
        # list of links or highlights under a story, not the next page's headline
        info.role = BOILER
    elif info.words <= 2 and last is not None and last.role == BOILER and info.role != BOILER:
        above, t = window[-1].raw.text.strip(), raw.text.strip()
        if _TICKER.match(t) and (
            _TICKER_LABEL.match(above) or (last.ad and _TICKER.match(above))
        ):  # "In this article:" / "CNI" / "CP": a quote box's tickers, inside the story
            info.role, info.ad = BOILER, True
    if info.role == CONT:
        last = _over_inline(window) or last
    if last is not None and last.role in (HEAD, BYLINE) and info.role == CONT:
        # a "headline" continued on the next line is prose; a "byline" so
        # continued is a linked name inside a paragraph
        last.role = BODY
    elif last is not None and last.role == HEAD and info.role == BIO:
        # headline / "Justice Jo Park is the tip of the spear ...": a lead, not its
        # writer's bio (bios sit under a byline or at the page's foot)
        info.role = BODY
    elif last is not None and last.end and info.role == CREDIT and info.words == 1:
        info.role = BOILER  # "Copyright: X, 2025." / "www.x.org": the page's footer, not a credit
    elif last is not None and last.role == HEAD and info.role == CREDIT and info.lead != -1:
        # a short line with a photo credit is a caption (not over a press release's
        # "News provided by": lead -1, the release's headline)
        last.role = CAPTION
    elif (
        last is not None
        and last.role == HEAD
        and info.role == CAPTION
        and info.words <= CREDIT_LABEL_WORDS
        and len(window) >= 2
        and window[-2].info.role == BODY
        and _CREDIT_LABEL.match(raw.text.lstrip())
        and _live_above(window)
    ):  # paragraph / "Crowds watch the launch" / "Image: X News": a photo inside a live
        # page's entry, its caption over its credit (not the next page's headline)
        last.role = CAPTION
    elif (
        last is not None
        and last.role == HEAD
        and info.role == BOILER
        and raw.text.rstrip()[-1:] == ")"
        and _VIDEO_TITLE.match(raw.text.strip())
    ):  # headline / "WATCH: Jo Park on the vote (2:14)": the lead video's title, a caption
        info.role = CAPTION
    elif (
        last is not None
        and last.role == BODY
        and last.words <= PHOTO_CAPTION_WORDS
        and info.role == CAPTION
        and info.words <= PHOTO_CREDIT_WORDS
        and _bare_credit(raw.text)
    ):  # "Shelf labels in a Saltby store." / "Illustration: Jo Park for The Ledger": the
        # labelled credit makes the sentence over it the picture's caption
        last.role = CAPTION
    if (
        info.clock
        and last is not None
        and last.role == CLOSE
        and last.words <= 2
        and len(window) >= 2
        and _live_above(window)
    ):  # entry / "WEWL" / "2:02 PM": a photo's credit inside a live page, no sign-off
        last.role = CREDIT
    if info.role == TIMESTAMP and not info.clock:
        _dated_teasers(window, info, raw.text)
    if info.role == TIMESTAMP and not info.clock:
        _live_entry_times(window, info, raw.text)
        _day_sections(window, info, raw.text)
        if not info.clock and _repeats_header_date(window, raw.text):
            info.role = CLOSE  # "Published - April 22, 2025 10:12 am IST" again at the end
        if not info.clock:
            _foot_date_above(window)
    if info.role in _UNDER_BYLINE_RULES:  # (see _UNDER_BYLINE_RULES)
        if info.role in (BODY, CONT) and last is not None and last.role == BYLINE:
            _name_mid_sentence(window, raw.text)
        elif (
            info.role == BYLINE
            and last is not None
            and last.role == BODY
            and info.words <= 5
            and last.words > FACT_WORDS
            and window[-1].raw.text.rstrip()[-1:] == ","
        ):
            # "... a day after the death of her teacher," / "Jo Park.": a paragraph broken at a
            # linked name (a valediction, "In solidarity,", is a short line of its own)
            info.role = CONT
        if info.role in (BYLINE, TIMESTAMP) and last is not None and last.role in (HEAD, CREDIT):
            _signature_above(window)
        if info.role in (BYLINE, TIMESTAMP) and not info.clock and last is not None:
            _unlabelled_tags(window)
        elif info.role == BOILER and not info.ad and last is not None and last.role in _TAG_ROLES:
            _tags_over_button(window)
        if (
            info.role == BYLINE
            and len(window) >= 4
            and window[-3].info.role == HEAD
            and window[-4].info.role in (HEAD, BOILER, CLOSE, BIO, APPEAL)
            and window[-2].info.role == BODY
            and window[-2].info.words <= STANDFIRST_WORDS
            and not window[-2].info.dateline
            and _is_caption_sentence(window[-1])
        ):
            last.role = CAPTION  # headline, standfirst, the photo's caption, byline
        elif (
            info.role == BYLINE
            and last is not None
            and last.role == BODY
            and raw.text[:1] != "("
            and _is_caption_sentence(window[-1])
            and _PAREN_CREDIT.search(window[-1].raw.text[-80:].rstrip())
        ):
            last.role = CAPTION  # "... in Redmond. (Jo Park / The Times, 2023)" / byline: a caption
        if info.role == BODY and last is not None and last.role in (HEAD, BYLINE):
            _writer_and_town(window)
    if (
        last is not None
        and last.role == BYLINE
        and info.role in (CLOSE, BOILER, APPEAL)
        and window[-1].raw.text.lstrip()[:1] in "—–"
    ):
        _dash_signoff(window)
    if last is not None and last.role in (BYLINE, HEAD) and len(window) > LETTER_MIN:
        _signed_letters(window)
    if info.role in _HEADER_RULES:  # (see _HEADER_RULES)
        if (
            info.role in (HEAD, BYLINE, CREDIT)
            and info.words <= 8
            and last is not None
            and last.role in (BODY, CONT, CLOSE)
        ):
            _foot_credit(window, info, raw.text.strip())
        if info.role in _LATE_RULES:
            if (
                info.role == BOILER
                and not info.ad
                and last is not None
                and last.role == CREDIT
                and last.words == 1
                and window[-1].raw.text[:1] == "("
                and is_agency_tag(window[-1].raw.text.strip()[1:-1])
                and _after_paragraphs(window[:-1])
            ):
                last.role = CLOSE  # paragraphs / "(PNA)" / "Related stories": the agency's sign-off
            elif (
                info.role == CREDIT
                and info.words == 1
                and raw.text[:1] == "("
                and _after_paragraphs(window)
                and _signs_dateline(window, raw.text.strip()[1:-1])
            ):
                info.role = (
                    CLOSE  # "Athens (AFP) – ..." / paragraphs / "(AFP)": the wire's sign-off
                )
            if (
                info.role == CLOSE
                and last is not None
                and last.role == BOILER
                and last.ad
                and "hear from you" in window[-1].raw.text.lower()
                and _TIP_LINE.search(raw.text)
            ):  # "Do you know more about X? We want to hear from you." / "Contact Jo at ...": the
                # story's call-out box, between its paragraphs
                info.role, info.ad = BOILER, True
            if info.role == BIO and last is not None and last.role == BYLINE:
                if not _about_writer(window[-1].raw.text, raw.text):
                    info.role = BODY  # "By Jo Park" / "Justice Al Ruiz is the tip of ...": the lead
                elif _after_paragraphs(window[:-1]) or (
                    len(window) >= 2 and window[-2].info.role == CLOSE
                ):
                    # (or under the story's closing credit: "Edited by: X" / name / bio)
                    last.role = BIO  # name, then bio, under the last paragraph: the author box
                else:
                    info.role = BYLINE  # the author's bio under the byline: part of the header
        if info.role in (BYLINE, BOILER, HEAD) and _after_paragraphs(window):
            t = raw.text.strip()
            if info.role == BYLINE and _TRANSLATED_BY.match(t):
                info.role = CLOSE  # "Translated from the German by X" under the story: its credit
            elif _AUTHOR_BOX.match(t):
                info.role, info.lead = (
                    BOILER,
                    -BLOCK_LINES,
                )  # "Authors" / name / bio: the author box
        if info.role == BOILER:
            if (
                info.role == BOILER
                and not info.ad
                and window
                and window[-1].info.role == TIMESTAMP
                and not window[-1].info.clock
                and _after_story(_over_buttons(window[:-1]))
            ):
                window[
                    -1
                ].info.role = CLOSE  # story / "Published - <date>" / share row: the story's date
            if (
                info.role == BOILER
                and (not info.ad or info.lead > 0)  # (or a label of its own: "Sponsored")
                and last is not None
                and last.role == HEAD
                and last.words <= 2
                and len(window) >= 2
                and _ends_page(window[-2].info)
                and not _nav_row(raw.text.strip())  # ("DATA LIBERTY" / its menu: a site's name)
            ):
                last.role = BOILER  # "Partners" between end furniture and end furniture: its label
        if info.role == HEAD:
            if (
                info.role == HEAD
                and last is not None
                and last.role == BYLINE
                and len(window) >= 2
                and window[-2].info.role == CLOSE
                and _SIGNOFF_CREDIT.match(window[-1].raw.text.strip())
            ):
                last.role = (
                    CLOSE  # credit / "Jo Park, The Canadian Press" / next headline: a sign-off
                )
            if info.role == HEAD and info.words == 1 and _signs_dateline(window, raw.text.strip()):
                info.role = CLOSE  # "Reuters" under a story that opened "TAIPEI (Reuters) -"
            elif info.role == HEAD and info.words == 1 and _signs_byline(window, info.key):
                info.role = CLOSE  # "Reuters" under a story whose header credits it: the sign-off
            elif info.role == HEAD and info.words <= 2 and _signs_first_name(window, raw.text):
                info.role = CLOSE  # "Jolene" / "— Jo" under a post by "Jolene Barstow": signed
            if (
                info.role == HEAD
                and info.words == 1
                and last is not None
                and (last.role in (BYLINE, TIMESTAMP) or (last.role == BOILER and last.words == 1))
                and raw.text.strip().lower() == "more"
            ):  # date / "Save" / "More": the header's share menu, no kicker
                info.role = BOILER
        if info.role in (BYLINE, HEAD) and info.words <= SIGNATURE_WORDS and _valediction(window):
            info.role = CLOSE  # "In solidarity," / "Jo Park" / "President, Acme": the signature
        if info.role == CLOSE:
            if (
                last is not None
                and info.role == CLOSE
                and (last.role in HEADERISH or _under_headline(window))
                and (is_agency_tag(raw.text.strip()) or is_agency_tag(_source_of(raw.text.strip())))
            ):
                info.role = CREDIT  # "AFP" under a headline credits the story, it does not end one
            elif (
                last is not None
                and info.role == CLOSE
                and info.words <= 6
                and (last.role in HEADERISH or last.listed)
                and _HEADER_FIELD.match(raw.text.lstrip())
            ):  # "Source: Xinhua" / "Editor: Jo Park" under a headline (or a list's last "link",
                # which it shows to be one): the story's header, not the last one's end
                info.role = CREDIT
            if (
                last is not None
                and info.role == CLOSE
                and (last.role == APPEAL or (last.role == BOILER and not last.ad and not last.lead))
                and is_agency_tag(raw.text.strip())
            ):
                info.role = HEAD  # "GAA" after a page's end furniture: no sign-off, the next kicker
            if (
                last is not None
                and info.role == CLOSE
                and last.role in HEADERISH
                and info.words <= 12
            ):
                t = raw.text.strip()
                if _CONTACT.match(t) or _TIP_LINE.search(t):
                    info.role = CREDIT  # "Contact: Jo Park" under a release's date: its header
                elif last.role == HEAD and _POSTED_BY.match(t) and _HAS_DATE.search(t):
                    info.role = (
                        BYLINE  # "Posted by Jo Park | May 2, 2023" under a headline: its byline
                    )
        if (
            info.role == HEAD
            and last is not None
            and (last.role == BOILER or (last.role == CLOSE and _after_story(window)))
            and info.words <= 12
            and "ewsletter" in raw.text
        ):  # "Sign up to our daily newsletter" / "The Morning newsletter: ...": the box's title
            info.role, info.ad = BOILER, last.ad
            if last.role == CLOSE:
                info.lead = -1  # under the story: the box's pitch follows ("Start every day ...")
    if window:
        if (
            _is_credit_info(info)
            and _is_caption_sentence(window[-1])
            and not raw.text.lstrip()[:12].lower().startswith("image source")
        ):  # ("Image source, X" heads the caption below it, not the line above)
            window[-1].info.role = CAPTION  # "X at her home in 2011." / "Photo: Y"
        if info.role == HEAD:
            _unlist_repeat(window, info)
            if last is not None and last.end and _photo_copyright(window[-1].raw.text):
                last.end, last.ad = False, True  # "© Alamy" / the photo's caption: inline
        elif info.role == BODY and window[-1].info.role in (TIMESTAMP, BYLINE):
            _credited_caption(window, info, raw.text)
            _sentence_headline(window, info)
        if info.words <= FACT_WORDS and ":" in raw.text:  # (_factbox's own first test)
            _factbox(window, info, raw.text.strip())
        above = window[-1].info
        if above.lead or above.listed or above.role in _LEAD_IN_ABOVE:
            _lead_in(window, info, raw.text)
        if info.role == BYLINE:
            _headline_above(window, raw.text)
        elif info.role == TIMESTAMP and not info.clock:
            _dated_name(window)
        if info.role == BYLINE or (info.role == TIMESTAMP and not info.clock):
            _kicker_after_list(window)
        if info.role == BOILER and last is not None and last.role == HEAD:
            _promo_title(window, raw.text)
        if info.role in (HEAD, BYLINE) and "/" in raw.text and last is not None:
            _agency_credit(window, info, raw.text.strip())
    window.append(_Entry(raw, info))
    if len(window) >= 4 and window[-2].info.role == HEAD:
        _caption_before_head(window)
    if info.role == CLOSE and raw.text.lstrip()[:6].lower() == "posted":
        _signed_comments(window)
    elif (
        info.key
        and info.words <= REPLY_BAR_WORDS
        and (
            (info.key[0] in "RrLlQqSsVv" and _closes_comment(info))
            or (info.end and info.key[0] in "LlAaPpWw" and _COMMENT_FORM.match(info.key))
        )
    ):
        info.role, info.widget = BOILER, True  # (a row of buttons, wherever it stands)
        _between_reply_bars(window)


def _in_comments(window: list[_Entry]) -> bool:
    """The line to come follows a thread's count ("Comments (4)", "38 comments"), with
    only readers' comments or furniture between: a line there in the form "handle:
    text" is one more reader's comment (none of 39 such lines in the written dumps opens
    a page). The count alone does not make the next paragraph a comment: a page may
    end on it."""
    for k in range(len(window) - 1, max(-1, len(window) - 1 - HANDLE_COMMENT_RUN), -1):
        info = window[k].info
        if info.role == BOILER and _COMMENT_COUNT.match(info.key) is not None:
            return True
        if not (info.role == BOILER or (info.ad and info.role in (BODY, CONT))):
            return False
    return False


#: Most lines between a thread's count and a comment under it.
HANDLE_COMMENT_RUN = 16
#: Most characters before a reader's comment's colon ("handle: text").
HANDLE_CHARS = 64
# A reader's comment set as "handle: text" ("Gordie1962: ...", "Zé do Cais: ...").
_HANDLE_COMMENT = re.compile(r"^[\w.@'’-]{2,30}(?: [\w.'’-]{1,20}){0,2}: \S")
# A paper's or a brief's authors under its text ("Authors: Dr Jo Park and Ed Lin"): its
# signature, never a page's first line in the written dumps (the page's last, 6 in 7;
# "Written by:" is met once there, under a date, where the rule does not apply).
_REPORT_AUTHORS = re.compile(r"^\s*(?:authors|written by)\s*:\s*\S", re.I)
#: Most words of a reader's name over a comment (_COMMENTER).
COMMENTER_WORDS = 3
# A reader's name over a comment: a first name and an initial ("Joan R.", "Mary-Ann K.",
# "Per K"), which opens no page in the written dumps (0 of 30 with the full stop, 0 of
# 22 without), or a handle ("Anna_M", "kel88").
_COMMENTER = re.compile(
    r"^\s*(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z]\.?|(?=[\w.-]*[_\d])[A-Za-z][\w.-]{2,29})\s*$"
)


def _signed_comments(window: list[_Entry]) -> None:
    """comment / "Posted by: Jo Park, 27 Sep 2011 | 15:22" (the last line): when another
    comment within COMMENT_SPAN lines above was signed the same way, the two signatures
    and the comment between them are readers' comments under a story, not pages: the
    furniture that ends the story's page, dropped from its text (a new page may start
    only after them)."""
    s = len(window) - 1
    head = _comment_head(window[s].raw.text)
    for k in range(s - 2, max(0, s - COMMENT_SPAN) - 1, -1):
        e = window[k]
        if e.info.role in (CLOSE, BOILER) and _comment_head(e.raw.text) == head:
            for x in window[k : s + 1]:
                if x.info.role in _COMMENT_ROLES:  # (other furniture keeps its own role)
                    x.info.role, x.info.ad, x.info.end = BOILER, False, True
            return


def _between_reply_bars(window: list[_Entry]) -> None:
    """A comment's action row ("Reply · 12 likes", "Like · Reply · 2h", "Reply  Quote
    Report"; the last line) or the thread's "Load more comments", with a row of the same
    kind a few lines above, or the thread's count ("Comments (3)"): what lies between
    is one reader's comment (a name, a time, the text), no page's header or story; it
    is furniture, as _signed_comments makes it."""
    s = len(window) - 1
    more = (
        MORE_COMMENTS.match(window[s].info.key) is not None
        or _COMMENT_FORM.match(window[s].info.key) is not None
    )
    first = window[s].info.key.split(None, 1)[0].lower()
    for k in range(s - 2, max(0, s - REPLY_BAR_SPAN) - 1, -1):
        key = window[k].info.key
        if (
            key[:1] in "RrLlQq"
            and key  # (a blank line's key is "", which `in` finds in any string)
            and (more or key.split(None, 1)[0].lower() == first)
            and _REPLY_BAR.match(key) is not None
        ) or (window[k].info.role == BOILER and _COMMENT_COUNT.match(key) is not None):
            closing = window[s].info.end and _COMMENT_FORM.match(window[s].info.key) is not None
            for x in window[k : s + 1]:
                if x.info.role in _REPLY_ROLES:
                    x.info.role, x.info.ad, x.info.end = BOILER, True, False
                elif x.info.role in (BODY, CONT):
                    x.info.ad = True  # (a comment's text: no story opens there, see
                    # _split_cueless; a thread of them may be a page of its own)
            if closing:  # (the comment form's title under them still ends the page)
                window[s].info.ad, window[s].info.end = False, True
            return


# A comment's row of actions and counts, with a reply or quote button among them.
_REPLY_BAR = re.compile(
    r"^(?=.*(?:reply|quote))(?:(?:reply|like|quote|report|share|flag|permalink|"
    r"\d[\d.,]*k? (?:likes?|replies|points|upvotes)|likes? \(\d+\)|\d[\d.,]*k?|"
    r"\d+[smhdw]|\d+ (?:mins?|minutes?|hours?|days?) ago)"
    r"(?:\s*[·|•]\s*|\s+|$|(?-i:(?<=[a-z])(?=[A-Z]))))+$",  # ("ReplyQuote": run together)
    re.I,
)


def _closes_comment(info: LineInfo) -> bool:
    """The line is a comment's action row, or the button under a thread's comments (the
    comment form's title, _COMMENT_FORM, closes a thread too: see _push)."""
    return _REPLY_BAR.match(info.key) is not None or (
        info.end and MORE_COMMENTS.match(info.key) is not None
    )


# The title of a comment form under the comments ("Leave a comment", "Add a reply").
_COMMENT_FORM = re.compile(r"^(?:leave|add|post|write) (?:a|your) (?:comment|reply)\b", re.I)


# A comment thread's count or label ("Comments (3)", "12 comments", "Reader comments").
_COMMENT_COUNT = re.compile(
    r"^(?:.*\s[·|]\s+)?(?:\d[\d,.]*k? )?(?:top |all |latest |newest |reader |user )?comments?"
    r"(?: \(\d+\))?:?$",
    re.I,
)
#: Most words in a comment's action row; lines within which two rows mark one comment.
REPLY_BAR_WORDS = 10
REPLY_BAR_SPAN = 8
#: Roles of the lines of a comment between two action rows (the rows' own, too).
_REPLY_ROLES = frozenset({HEAD, CLOSE, BYLINE, TIMESTAMP, BOILER})


def _comment_head(text: str) -> str:
    """A comment signature's opening words ("posted by:"), the part every one shares
    (a post's own "Posted by Jo Park on ..." is of another shape)."""
    return " ".join(text.lower().split()[:2])


#: Lines within which two signatures of one shape mark a run of readers' comments.
COMMENT_SPAN = 12
#: Roles of a comment's lines and signatures.
_COMMENT_ROLES = frozenset({BODY, CONT, HEAD, CLOSE})


# A photo's caption label whose text went to the next line ("Image caption,").
_BARE_IMAGE_LABEL = re.compile(r"^(?:image|photo|picture|video) caption\s*[,:]?$", re.I)


def _numbered_post(window: list[_Entry], info: LineInfo, text: str) -> None:
    """ "Jan 11, 2026 #4": a thread's fourth post's date; its poster's name and rank over
    it ("CluckNorris" / "Free Ranging") head a post inside the thread, not a page."""
    m = _POST_NUMBER.search(text.strip())
    if m is None or int(m.group(1) or m.group(2)) < 2:
        return
    info.role, info.ad = BOILER, True
    for e in window[-1 : -POST_HEAD_LINES - 1 : -1]:
        if e.info.role not in (HEAD, BYLINE, CONT, CLOSE) or e.info.words > POST_HEAD_WORDS:
            break
        e.info.role, e.info.ad = BOILER, True


def _post_number_under(window: list[_Entry], info: LineInfo, text: str) -> None:
    """ "Stu_1904" / "Feb 12, 2026" / "#2": a thread's second post's number on its own
    line under its date; the date and the poster's name over it head a post inside
    the thread, as _numbered_post reads them on one line."""
    m = _POST_NUMBER.match(text.strip())
    if m is None or int(m.group(1)) < 2 or text.strip() != m.group(0):
        return
    info.role, info.ad = BOILER, True
    stamp = window[-1].info
    stamp.role, stamp.ad = BOILER, True
    for e in window[-2 : -POST_HEAD_LINES - 2 : -1]:
        if e.info.role not in (HEAD, BYLINE, CONT, CLOSE) or e.info.words > POST_HEAD_WORDS:
            break
        e.info.role, e.info.ad = BOILER, True


# A post's number in a thread, after its date or before it ("Jan 11, 2026 #4", "#121 · 6 Nov").
_POST_NUMBER = re.compile(r"^#(\d{1,5})\b|\s#(\d{1,5})$")
#: Lines over a numbered post's date that name its poster (name, rank), and their words.
POST_HEAD_LINES = 2
POST_HEAD_WORDS = 3


def _thread_stamp(window: list[_Entry], info: LineInfo, text: str) -> None:
    """ "Gingerbreadmum · Tue 07-Oct-25 21:30" under a post, when a post above was headed
    the same way by a handle that reads as one ("SunshineMum_2014 · ..."): a thread's
    post head too, not a new page's date (a plain one-word name reads as a byline)."""
    m = _ONE_NAME_STAMP.match(text.strip())
    if m is None:
        return
    sep = m.group(1)
    for k in range(len(window) - 1, max(-1, len(window) - COMMENT_SPAN - 1), -1):
        e = window[k]
        if e.info.role == BOILER and e.info.ad:
            n = _ONE_NAME_STAMP.match(e.raw.text.strip())
            if n is not None and n.group(1) == sep:
                info.role, info.ad = BOILER, True
                return


# A one-word name, a separator and a date or time: "Fennelandfig · Tue 07-Oct-25 21:03".
_ONE_NAME_STAMP = re.compile(r"^[\w.'’@-]{3,30} ([·•—–]) [^·•—–|]*\d[^·•—–|]*$")


def _dateline_run(window: list[_Entry], info: LineInfo) -> None:
    """A dateline's shape a few paragraphs under another, no header between: items of a
    list ("Night Market (Foundry Quarter stop) – Friday, 5pm"), not two stories' leads
    (a story of one or two paragraphs has a header of its own)."""
    for k in range(len(window) - 1, max(-1, len(window) - DATELINE_RUN - 1), -1):
        e = window[k].info
        if e.role != BODY:
            return
        if e.dateline:
            e.dateline = info.dateline = False
            return


#: Lines above a dateline searched for another under no header (_dateline_run).
DATELINE_RUN = 4


def _push_paragraph(window: list[_Entry], raw: RawLine, info: LineInfo, last: LineInfo) -> None:
    """_push of a paragraph longer than a fact-box item, under a line that is no plain
    paragraph (one line in eight): of _push's rules only those on a byline or a headline
    just above, _lead_in's and the caption before a headline can apply to it (classify
    marks no paragraph a clock; tests/test_segment_fastpaths.py checks that the full
    path agrees)."""
    if last.role == BYLINE:
        _name_mid_sentence(window, raw.text)
        if last.role == BYLINE and len(window) > LETTER_MIN:
            _signed_letters(window)
        if last.role == BYLINE:
            _writer_and_town(window)  # "Dr Jo Park" / "Halden Bay" (read as two names)
    elif last.role == HEAD:
        _writer_and_town(window)
        if last.role == HEAD and len(window) > LETTER_MIN:
            _signed_letters(window)
    if window[-1].info.role in (TIMESTAMP, BYLINE):
        _credited_caption(window, info, raw.text)
        _sentence_headline(window, info)
    above = window[-1].info
    if above.lead or above.listed or above.role in _LEAD_IN_ABOVE:
        _lead_in(window, info, raw.text)
    window.append(_Entry(raw, info))
    if len(window) >= 4 and window[-2].info.role == HEAD:
        _caption_before_head(window)


def _agency_credit(window: list[_Entry], info: LineInfo, text: str) -> None:
    """A photo's sentence / "KNA/Bence Lakatos", "EBrisNews / Franz Holler": an agency's
    (or outlet's) one-word name and the photographer's under a sentence are the photo's
    credit, and the sentence its caption. Read as a headline or a byline, the credit
    made the caption look like the last line of the page above, or a page's lead (in
    the written dumps the line over such a credit, so misread, opened a page 13 times
    in 14)."""
    last = window[-1].info
    m = _AGENCY_PHOTOGRAPHER.match(text)
    if (
        m is None
        or last.role not in (HEAD, BODY, CAPTION)
        or last.words > CAPTION_WORDS
        or window[-1].raw.text.rstrip()[-1:] not in ".)"
        or _SECTION_WORD.fullmatch(m[1]) is not None
        or not _is_name(m[2])
    ):
        return
    info.role = CREDIT
    last.role = CAPTION


# "KNA/Bence Lakatos", "EBrisNews / Franz Holler": an agency's name in one word, then
# the photographer's (two or three capitalised words).
_AGENCY_PHOTOGRAPHER = re.compile(
    r"^([A-Z][A-Za-z]{1,15}) ?/ ?([A-Z][a-z\u00e0-\u00ff'’-]+"
    r"(?: [A-Z][a-z\u00e0-\u00ff'’-]+){1,2})$"
)


def _credited_caption(window: list[_Entry], info: LineInfo, text: str) -> None:
    """headline / byline / date / "The mill opened in 1963. (Agency/Jo Park)": a short
    sentence closed by a photo's credit in brackets, under the header's byline or date,
    is the lead photo's caption (a part of the header), not the story's first paragraph."""
    last = window[-1].info
    t = text.rstrip()
    if (
        info.role == BODY
        and t[-1:] == ")"
        and last.role in (TIMESTAMP, BYLINE)
        and not last.clock
        and info.words <= CAPTION_WORDS
        and not (info.dateline or info.quote_start or info.connective)
        and _PAREN_CREDIT.search(t[-80:]) is not None
    ):
        info.role = CAPTION


#: Most words of a signing body's line under a headline.
TEAM_SIGN_WORDS = 8
#: A body signing a statement or a campaign's page, under its headline: "Statement by
#: the Clean Wheels Alliance", "Port Sallis Marathon Press Office", "Shoal Watch
#: campaign team" (a person's "From Jo Park" is left alone: "From the Vicarage" too).
_TEAM_SIGN = re.compile(
    r"(?i)^(?:(?:a |joint )?statement (?:by|from) .{3,80}"
    r"|.{2,60}\b(?:press office|newsroom"
    r"|(?:campaigns?|media|communications|comms|press|news|editorial|policy|research) team))$"
)


#: Most words of a headline written in sentences over a bare byline.
SENTENCE_TITLE_WORDS = 14
#: Fewest words of the paragraph above such a headline (the last page's) and of the
#: one under its byline (the first of its own).
SENTENCE_TITLE_ABOVE_WORDS = 18
SENTENCE_TITLE_BELOW_WORDS = 15
_SENTENCES = re.compile(r"[.!?][”’\"']?\s+[A-Z“‘\"]")


def _sentence_headline(window: list[_Entry], info: LineInfo) -> None:
    """paragraph / "Felmoor was a warning. Will anyone listen?" / "Open Doors Belmarre" /
    (date) / paragraph: a campaign's or an opinion page's headline in sentences is read
    as a short last paragraph, and its page started at the signer's name under it. Two
    sentences, a question or no full stop make it a headline; a last paragraph's
    quote ("It's slower," she said.) or a signer's "On behalf of the Board," do not."""
    if info.role != BODY or info.words < SENTENCE_TITLE_BELOW_WORDS or info.dateline:
        return
    i = len(window) - 1
    if window[i].info.role == TIMESTAMP:
        i -= 1
    if i < 2 or window[i].info.role != BYLINE or window[i].raw.text.isupper():
        return  # ("GARAGE SALES": a classified section's label)
    up, above = window[i - 1], window[i - 2].info
    t = up.raw.text.strip()
    if (
        up.info.role != BODY
        or up.info.words > SENTENCE_TITLE_WORDS
        or above.role != BODY
        or above.words < SENTENCE_TITLE_ABOVE_WORDS
        or t[-1:] in ",:;"
        or any(q in t for q in '“”"')
        or not (t[-1:] not in _SENTENCE_END or t[-1:] == "?" or _SENTENCES.search(t))
    ):
        return
    up.info.role = HEAD


#: Roles of a line above (with no lead and not listed) under which _lead_in can
#: change anything: a short widget that may sit in a list, a caption or a date
#: under a list's last link (see _list_ended); under any other such line it does
#: nothing, and most lines are under one, so _push does not call it there.
_LEAD_IN_ABOVE = frozenset({BOILER, CAPTION, TIMESTAMP})


def _name_mid_sentence(window: list[_Entry], text: str) -> None:
    """A short "byline" between a paragraph cut mid-sentence and a line (``text``) that
    opens with "(" or ",": a linked name inside the paragraph ("... engineer of the" /
    "Water Development Board" / "(WDB) in ...")."""
    last = window[-1].info
    if (
        len(window) > 1
        and text[:1] in "(,"
        and last.words <= 5
        and window[-2].info.role in (BODY, CONT)
        and ends_mid_sentence(window[-2].raw.text.rstrip())
    ):
        last.role = BODY


def _writer_and_town(window: list[_Entry]) -> None:
    """letter / "Jo Park" / "Hastings, East Sussex" (the last line, a "headline") / a
    paragraph, the next letter: the name and town are the letter's writer, no header."""
    last = window[-1].info
    if (
        len(window) >= 3
        and window[-2].info.role == BYLINE
        and _midstory(window[-3].info)
        and _name_item(window[-2].info, window[-2].raw.text)
        and last.words <= SIGNER_PLACE_WORDS
        and _signer_place(window[-1].raw.text.strip())
    ):
        last.role = window[-2].info.role = CONT


def _signer_place(t: str) -> bool:
    """A letter writer's town ("Hastings, East Sussex"), or what they are and where
    ("Retired veterinary inspector, Dalmir", "OSPB volunteer, Karsh Valley"): under a
    paragraph and a bare name, never a page's header in the written dumps (27 times)."""
    return _PLACE_LINE.match(t) is not None or (
        len(t.split()) <= SIGNER_PLACE_WORDS and _ROLE_PLACE.match(t) is not None
    )


#: Longest "what and where" line under a letter writer's name, in words.
SIGNER_PLACE_WORDS = 8
_ROLE_PLACE = re.compile(
    r"^[A-Z][\w'’.-]*(?: [\w'’.&-]+){0,5}, [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?$"
)


def _foot_date_above(window: list[_Entry]) -> None:
    """A date under a header ("Updated: May 16, 2025" / headline / byline / this date)
    whose headline has a labelled date right above it, under a story's last lines: the
    one above ("Updated", "Originally published") is the last page's foot, not this
    page's top (a page dates itself once above its headline and once below)."""
    k = len(window) - 1
    lo = max(1, k - HEADER_RUN)
    heads = standfirst = 0
    while k >= lo:
        info = window[k].info
        if info.role == HEAD:
            heads += 1
        elif info.role == BODY and not standfirst and info.words <= STANDFIRST_WORDS:
            standfirst = 1
        elif info.role not in (BYLINE, CAPTION, CREDIT):
            break
        k -= 1
    if not heads or k < lo or window[k + 1].info.role != HEAD:
        return
    top = window[k]
    if (
        top.info.role == TIMESTAMP
        and not top.info.clock
        and (
            window[k - 1].info.role in (BODY, CONT, CLOSE, BIO)
            or (window[k - 1].info.role == BOILER and not window[k - 1].info.ad)
        )
        and _FOOT_DATE.match(top.raw.text)
    ):
        top.info.role = CLOSE


#: Header lines between a headline and its date.
HEADER_RUN = 6
_FOOT_DATE = re.compile(r"^\s*(?:last |originally |first )?(?:updated|published|modified)\b", re.I)


def _foot_credit(window: list[_Entry], info: LineInfo, t: str) -> None:
    """Under a story's last paragraphs, "Reporter: Jo Park" / "Editor: Sam Roe" (and the
    ones under it) are the wire's closing credits, not a next header."""
    last = window[-1]
    if (
        info.role != CREDIT
        and _STAFF_CREDIT.match(t)
        and (
            _after_paragraphs(window)
            or (last.info.role == CLOSE and _STAFF_CREDIT.match(last.raw.text.strip()))
        )
    ):
        info.role = CLOSE


# "Reporter: Jo Park", "Editor: Sam Roe", "Translator: Kim Lee": a staff credit.
_STAFF_CREDIT = re.compile(
    r"^(?:reporter|editor|sub-?editor|translator|writer|photographer|photos?|video|camera"
    r"|producer|reporting|editing|translation|translated by|edited by|uploaded by)s?\s*:\s*"
    r"[A-Z][\w'’.\-]*(?:\s+[\w'’.\-]+){0,4}$",
    re.I,
)

# A header's field naming the story's source or editor ("Source: Xinhua", "Editor: Jo Park").
_HEADER_FIELD = re.compile(r"^\[?(?:sources?|(?:chief |responsible |duty )?editors?)\s*:", re.I)


# A name and its outlet or role ("Jo Park, The Canadian Press", "Jo Park | Reuters"): under
# a closing credit and over the next headline, the story's sign-off (a byline sits under
# its headline; a byline over its headline follows the story's last paragraph).
_SIGNOFF_CREDIT = re.compile(r"^(?!by\b)[^,|·•/]{3,40}\s*[,|·•/]\s*\S.{0,50}$", re.I)


# A photo's credit closing its caption: "(Jo Park / The Times, 2023)", "(Photo: Jo Park/Acme)".
_PAREN_CREDIT = re.compile(
    r"\((?i:(?:photo|image|picture)s?:? )?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}\s*/\s*"
    r"(?:the )?[A-Z][^()/]{1,40}\)$"
)


def _dash_signoff(window: list[_Entry]) -> None:
    """paragraph / "— Jo Park" (the last line) / closing furniture ("Got a story? Call
    ..."): a name set off by a dash between the story's last paragraph and its page's
    foot is the writer's sign-off, closing the story, not the byline of a next page.
    (Over a date or a heading it may sign a live page's entry, and a name with a place,
    "— Jo Park, Leeds", may sign a letter: _signed_letters reads those.)"""
    t = window[-1].raw.text.strip().lstrip("—– ")
    if (
        len(window) >= 2
        and window[-2].info.role in (BODY, CONT)
        and window[-1].info.words <= SIGNOFF_NAME_WORDS
        and "," not in t
        and _BARE_NAME.match(t) is not None
    ):
        window[-1].info.role = CLOSE


#: Longest dash-led sign-off ("— Jo van Park"), in words with the dash.
SIGNOFF_NAME_WORDS = 5


def _signed_letters(window: list[_Entry]) -> None:
    """letter / "Jo Park, Leeds" (the last line): when a letter just above, under its
    own heading, was signed the same way, both name lines sign the letters of a
    letters page, not bylines of new articles (the heading after each is the next
    letter's). A signature with a title or a second place ("Dr Jo Park, Leeds",
    "Jo Park, Upper Dale, Kent") reads as a heading: it signs a letter all the same."""
    s = len(window) - 1
    if not _place_signature(window, s):
        return
    # (from two lines up: a one-paragraph letter between two signatures, no heading)
    for k in range(s - 2, max(0, s - LETTER_SPAN) - 1, -1):
        if window[k].info.role not in (BYLINE, CONT, HEAD):
            continue
        n = k + 1
        while n < s and window[n].info.role == BLANK:
            n += 1  # (letters set apart by blank lines)
        if (
            n < s
            and (
                window[n].info.role == BODY  # a page of letters with no headings
                or (window[n].info.role == HEAD and window[n + 1].info.role == BODY)
            )
            and _place_signature(window, k)
        ):
            window[s].info.role = window[k].info.role = CONT
            return


def _place_signature(window: list[_Entry], k: int) -> bool:
    """window[k] is a short "Name, Place" line under a paragraph."""
    if k < 1 or window[k].info.words > LETTER_SIGNATURE_WORDS:
        return False
    t = window[k].raw.text.strip()
    if t[:1] in "—–-":
        t = t.lstrip("—–- ")  # "— Jo Park, Leeds": the dash only marks the signature
    if not _midstory(window[k - 1].info):
        return False
    if t[:1] in "Nn" and NAME_SUPPLIED.match(t) is not None:
        return True  # "Name and address supplied": signed all the same
    return ", " in t and _SIGNATURE.match(t) is not None


#: Lines above a letter's signature searched for the signature of the letter before.
LETTER_SPAN = 12
#: Longest letter signature ("Jo Park, Upper East Side"), in words.
LETTER_SIGNATURE_WORDS = 6
#: Lines a window holds before the letter rules look back for a signature.
LETTER_MIN = 3


# A town under a letter writer's name ("Hastings, East Sussex", "Cardiff").
_PLACE_LINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][\w'’.-]+(?: [A-ZÀ-ÖØ-Þ][\w'’.-]+)?"
    r"(?:, [A-ZÀ-ÖØ-Þ][\w'’.-]+(?: [A-ZÀ-ÖØ-Þ][\w'’.-]+)?)?$"
)  # (a capital of Latin-1 too: "Østerlund", "Århus")
# A letter's signature: a name (maybe with a title, "Dr", "Captain (retd)", "Cllr") and
# a town, maybe its county ("Jo Park, Leeds", "Dr Jo van Park, Upper Dale, Kent").
_SIGNATURE = re.compile(
    r"^(?:[A-Z][a-z]{1,8}\.?(?: \([a-z]{2,8}\.?\))? )?"
    r"[A-Z][\w'’.-]+(?: (?:[a-z]{2,3} )?[A-Z][\w'’.-]+){0,2}"
    r"(?:, [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}){1,2}$"
)


# An item of a fact box: a short field name and its value ("Venue: Royal Exchange").
_FACT_ITEM = re.compile(r"^[A-Z][\w'’()&/-]*(?: [\w'’()&/-]+){0,2}\s*:\s+\S")
#: Longest fact-box item, in words; longest fact-box label.
FACT_WORDS = 10
FACT_LABEL_WORDS = 3


def _factbox(window: list[_Entry], info: LineInfo, text: str) -> None:
    """A short heading under a story's last paragraph, then field lines ("Details" /
    "Record label: X" / "Release date: <date>"): the story's fact box, furniture
    inside it (its fields are no headline, byline or date of a next article)."""
    if info.words > FACT_WORDS or ":" not in text or not _FACT_ITEM.match(text):
        return
    k = len(window) - 1
    while k >= 0 and window[k].info.role == BOILER and window[k].info.ad:
        if not _FACT_ITEM.match(window[k].raw.text.strip()):
            break
        k -= 1  # the fields taken already
    if k == len(window) - 1:
        # none yet: this is the second field, the first is above it, the label above that
        first = window[k].info if k >= 1 else None
        if first is None or first.words > FACT_WORDS or not _FACT_ITEM.match(window[k].raw.text):
            return
        if first.key == info.key:
            return  # "Probe: what is X accused of?" twice: a headline repeated, no fields
        label = window[k - 1].info
        if (
            label.role != HEAD
            or label.words > FACT_LABEL_WORDS
            or not _after_paragraphs(window[: k - 1])
        ):
            return
        label.role, label.ad = BOILER, True
        first.role, first.ad, first.clock = BOILER, True, False
    elif (
        k < 0
        or not (window[k].info.role == BOILER and window[k].info.ad)
        or window[k].info.words > FACT_LABEL_WORDS
        or classify(window[k].raw.text).role != HEAD
    ):
        return  # (the label above the fields taken, a heading made furniture)
    info.role, info.ad, info.clock = BOILER, True, False


def _kicker_after_list(window: list[_Entry]) -> None:
    """A byline or date under a headline under a name-like line that ended a list of
    links ("Most read" / links / "Inside Housing" / headline / "By Jo Park"): that line
    was no byline (a headline comes under its byline only once) but the next page's
    kicker or masthead; the "headline" that the list ended at is its last link."""
    k, long_head = len(window) - 1, False
    while k >= 1 and len(window) - k <= KICKER_ZONE:
        info = window[k].info
        if info.role == HEAD and not info.listed:
            long_head = long_head or (
                info.words > SUBHEAD_WORDS and _lower_words(window[k].raw.text) >= 2
            )  # (a headline in sentence case, not a name list "Jo Park and Sam Roe, Outlet")
        elif not (
            k == len(window) - 1
            and info.role == BODY
            and info.words <= STANDFIRST_WORDS
            and window[k - 1].info.role == HEAD
        ):  # (a standfirst may sit between headline and byline)
            break
        k -= 1
    name = window[k]
    if not long_head or k < 2 or not _name_item(name.info, name.raw.text):
        return
    j = k - 1
    while j >= 0 and k - j <= 2 and window[j].info.role == HEAD and not window[j].info.listed:
        j -= 1
    if j < 0 or j == k - 1 or not (window[j].info.listed or window[j].info.lead > 0):
        return
    if all(e.info.words <= SUBHEAD_WORDS for e in window[j + 1 : k]):
        return  # "OPINION" / "GLOBAL VIEW" / headline: a kicker and a column's name
    for e in window[j + 1 : k]:
        e.info.role, e.info.listed, e.info.lead = BOILER, True, 0
    name.info.role = HEAD


def _lower_words(text: str) -> int:
    """Words starting in lower case."""
    return sum(1 for w in text.split() if w[:1].islower())


#: Lines of a header under the kicker (kicker, headline, repeat, standfirst).
KICKER_ZONE = 6


def _under_headline(window: list[_Entry]) -> bool:
    """The lines above (over buttons) are a headline and its standfirst."""
    k = len(window) - 1
    while k >= 0 and (window[k].info.role == BLANK or window[k].info.ad):
        k -= 1
    return (
        k >= 1
        and window[k].info.role == BODY
        and window[k].info.words <= STANDFIRST_WORDS
        and window[k - 1].info.role == HEAD
    )


def _over_buttons(window: list[_Entry]) -> list[_Entry]:
    """``window`` less the short furniture lines that end it ("Comments", "Share")."""
    k = len(window)
    while k > 0 and window[k - 1].info.role in (BOILER, BLANK) and window[k - 1].info.words <= 3:
        k -= 1
    return window[:k]


def _ticker_above(window: list[_Entry]) -> None:
    """A price or change ("+0.41%") is a quote box's: the short lines right above it
    (the company's name, its ticker, "HALV NO", "USD/MXN") are the box too, inline."""
    for e in window[: -QUOTE_LINES - 1 : -1]:
        if e.info.role not in (HEAD, BYLINE, CLOSE, CREDIT) or e.info.words > 4 or e.info.listed:
            return
        e.info.role, e.info.ad = BOILER, True


# The label of a box of the tickers a story names, and a ticker in it ("CNI", "BRK.B +1.2%").
_TICKER_LABEL = re.compile(
    r"^(?:in this (?:article|story)|(?:stocks?|companies|tickers|securities|quotes)"
    r" (?:mentioned|in this (?:article|story))|related (?:tickers|quotes|stocks))\s*:?$",
    re.I,
)
_TICKER = re.compile(r"^[A-Z][A-Z0-9.\-]{0,7}(?:\s*[+\-−–]?\d[\d.,]*%?)?$")

#: Lines of a quote box above its price: the company's name and its ticker.
QUOTE_LINES = 2
#: Longest product name over a bare price in a buying guide's card, in words.
PRODUCT_WORDS = 16
_PRICE_ONLY = re.compile(r"^[$€£]\s?\d[\d,]*(?:\.\d\d)?$")

#: Words of a market table's label over its first row ("Index snapshot (09:00 local)").
TABLE_LABEL_WORDS = 6


def _over_inline(window: list[_Entry]) -> LineInfo | None:
    """The line above the inline furniture (a quote box, an advert) that ends the
    window, when there is some: a paragraph broken by it goes on after it."""
    k = len(window) - 1
    while k >= 0 and window[k].info.role == BOILER and window[k].info.ad:
        k -= 1
    return window[k].info if 0 <= k < len(window) - 1 else None


def _dated_teasers(window: list[_Entry], info: LineInfo, text: str) -> None:
    """date / teaser / date / teaser / date: a box of dated links to other stories
    ("Part of complete coverage on ..."), not pages each opened by its date. The
    third dated line in such a run (each date with its year, each teaser one line of
    a few words) turns the run into listed furniture; once a run is found, a teaser
    may take two lines. A live page's entries (date / heading / text) and a log's
    day sections ("Monday, March 25") make no such run."""
    if not _YEAR.search(text):
        return
    stamps: list[int] = []
    k = len(window)
    while len(stamps) < TEASER_DATES - 1:
        j = _teaser_date(window, k - 2, 1) or _teaser_date(window, k - 3, 2)
        if j is None:
            return
        stamps.append(j)
        k = j
    for e in window[k:]:
        e.info.role, e.info.listed, e.info.lead, e.info.ad = BOILER, True, 0, False
    for j in stamps:
        window[j].info.dated = True
    info.role, info.listed, info.dated = BOILER, True, True


def _teaser_date(window: list[_Entry], j: int, lines: int) -> int | None:
    """j, when window[j] is a dated line over a teaser of ``lines`` lines (two only
    under a date already found in a run)."""
    if j < 0:
        return None
    e = window[j].info
    if lines > 1 and not e.dated:
        return None
    if not (e.dated or (e.role == TIMESTAMP and not e.clock and _YEAR.search(window[j].raw.text))):
        return None
    for t in window[j + 1 : j + 1 + lines]:
        if t.info.role == TIMESTAMP or t.info.words < TEASER_MIN_WORDS:
            return None
        if lines == 1 and not (t.info.listed or t.info.role == BODY):
            return None
    return j


#: Dates in a run (each over its teaser) that make a list of dated links.
TEASER_DATES = 3
#: Shortest teaser under a date in such a list, in words (a sentence, no heading).
TEASER_MIN_WORDS = 5


def _dated_name(window: list[_Entry]) -> None:
    """A date under a bare name (and maybe the author's title): the name was a byline, not
    a kicker that reads like one, so the sentences over it head the article."""
    for j in (1, 2):
        if len(window) <= j:
            return
        e = window[-j]
        if e.info.role == BYLINE and e.info.words <= 4:
            if j == 1 and e.raw.text[:3].lower() == "by ":
                _headline_above(window[:-j], e.raw.text, True, True)  # "By Jo Park" / date
            elif _BARE_CAPS.match(e.raw.text.strip()):
                _headline_above(window[:-j], e.raw.text, True)
            return
        if e.info.words > 12 or not (
            e.info.role in (BYLINE, BIO) or (e.info.role == HEAD and "," in e.raw.text)
        ):
            return  # (the author's title: "Senior Lecturer in Law, University of Leeds")


def _headline_above(
    window: list[_Entry], byline: str, named: bool = False, dated: bool = False
) -> None:
    """A byline under short sentences that follow the end of a page (or a section
    kicker): the sentences are the next article's headline and standfirst, though
    they end with full stops ("Few voters know they're on the ballot."; an op-ed's
    may open "I ..."). Only the standfirst may be left ("The ex-deputy is ..." / byline)."""
    k = len(window) - 1
    while k >= 0 and (
        window[k].info.role == BLANK
        or (window[k].info.role == TIMESTAMP and not window[k].info.clock)
    ):  # (the page's date may come between its headline and byline)
        k -= 1
    if k < 0:
        return
    if _label_under_headline(window, k):
        return
    if window[k].info.role == HEAD and window[k].info.words > SUBHEAD_WORDS:
        h = k - 1  # kicker, "headline" read as a sentence, standfirst read as a headline, byline
        if (
            h >= 1
            and (
                (
                    _header_sentence(window[h].info, HEADLINE_WORDS, True)
                    and (
                        window[h].raw.text.rstrip()[-1:] not in ".!?:;,\"'”’)"  # read as cut
                        or (h >= 2 and _ends_page(window[h - 2].info))
                    )
                )  # at a link, or after a page's end ("SOURCE X" / "OPINION" / "The West
                # keeps sanctioning the oil. Zamoria keeps selling it." / standfirst /
                # byline); or a headline that is one quotation ("'Will I see it again?'")
                or (
                    window[h].info.role == BODY
                    and window[h].info.words <= HEADLINE_WORDS
                    and _quoted(window[h].raw.text.strip())
                )
            )
            and _kicker(window[h - 1].info)
            and not window[h - 1].raw.text.rstrip().endswith("?")  # a section's subheading
        ):
            window[h].info.role = HEAD
        return
    if not _header_sentence(window[k].info, STANDFIRST_WORDS):
        return
    h = k - 1
    if (
        h >= 0
        and _header_sentence(window[h].info, HEADLINE_WORDS, True)
        and (
            h == 0
            or _ends_page(window[h - 1].info)
            or _kicker(window[h - 1].info)
            or (dated and _story_above(window, h, k))
        )
    ):
        window[h].info.role = HEAD  # then _standfirst takes window[k] into its header
    elif (
        h >= 0
        and _ends_page(window[h].info)
        and (named or byline.lstrip()[:3] == "By " or not _BARE_CAPS.match(byline.strip()))
    ):
        # (a byline proper, "By X", "X / March 29", "X, Columnist"; not a kicker that
        # reads like a name, "Disease Outbreak News")
        window[k].info.role = HEAD
    elif (
        h >= 0
        and byline.lstrip()[:3] == "By "
        and _header_sentence(window[k].info, BY_HEADLINE_WORDS, True)
        and window[h].info.role == BODY
        and window[h].info.words > window[k].info.words
        and window[h].raw.text.rstrip()[-1:] in _SENTENCE_END
        and _titled(window[k].raw.text.strip())
    ):  # paragraph / "The Few. The Proud. The Marines ... Getting a Makeover?" / "By Jo
        # Park": pages that abut with no furniture between; a short line over "By" is
        # the next one's headline, whatever its punctuation
        window[k].info.role = HEAD


def _label_under_headline(window: list[_Entry], k: int) -> bool:
    """Whether window[k], over a byline, is a column's label under a headline written
    as a sentence ("Share" / "Crypto needs no new rulebook. It needs the old one
    enforced." / "Comment" / byline; a kicker may top it): then that sentence is made
    the headline. Only after a page's end, so a story's last paragraph over its
    sign-off label stays one."""
    label = window[k].info
    if not (
        label.role in (HEAD, BOILER)
        and label.words <= LABEL_WORDS
        and not label.ad
        and not label.lead
        and k >= 1
        and _header_sentence(window[k - 1].info, HEADLINE_WORDS, True)
    ):
        return False
    h = k - 2
    if h >= 0 and _kicker(window[h].info):
        h -= 1  # "Opinion" / headline / "Guest column"
    if h >= 0 and not _ends_page(window[h].info):
        return False
    window[k - 1].info.role = HEAD
    return True


#: Longest column label between a headline and its byline, in words.
LABEL_WORDS = 2


def _box_headline(window: list[_Entry]) -> bool:
    """The last line, taken into a notes box above it (its lead one less than the line
    before), reads as a title: over a "By ..." byline it is the next page's headline
    ("About Our Reviews" / note / "MEANWHILE: Developments In Greece..." / "By Jo Park")."""
    if len(window) < 2:
        return False
    head, above = window[-1].info, window[-2].info
    return (
        head.role == BOILER
        and not head.ad
        and above.lead == head.lead - 1
        and head.words <= BY_HEADLINE_WORDS
        and _titled(window[-1].raw.text.strip())
    )


def _titled(text: str) -> bool:
    """A line that reads as a title rather than a paragraph's last sentence: it ends
    with a question or an ellipsis ("Developments In Greece..."), or every long word
    is capitalised ("The Middle Manager's Oath.")."""
    if text.split(" ", 1)[0].lower() in _PROMPTS:
        return False  # "See TIME's Pictures of the Week.": the page's pointer to more
    t = text.rstrip("\"'”’ ")
    if t.endswith(("?", "...", "…")):
        return True
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    return len(words) >= 2 and all(w.lstrip("\"'“‘(")[:1].isupper() for w in words)


_PROMPTS = frozenset(
    ["see", "read", "watch", "click", "follow", "listen", "subscribe", "sign", "get", "join"]
)


def _story_above(window: list[_Entry], h: int, k: int) -> bool:
    """Over "By X" and its date, a sentence (window[h]) shorter than the one under it
    (window[k]), under a longer paragraph: headline and standfirst under the last
    story's text, which ended with no furniture."""
    above, head, sub = window[h - 1].info, window[h].info, window[k].info
    return (
        above.role == BODY
        and head.words < sub.words
        and head.words <= HEADLINE_WORDS
        and above.words > head.words
        and not ends_mid_sentence(window[h].raw.text.rstrip())
    )


# Capitalised words only: a name, or a kicker that reads like one.
_BARE_CAPS = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}$")


def _header_sentence(info: LineInfo, most: int, head: bool = False) -> bool:
    """A plain sentence of at most ``most`` words (not a dateline lead or a quote;
    not opening with a connective, unless it is the ``head``line)."""
    return (
        info.role == BODY
        and info.words <= most
        and not info.dateline
        and not info.quote_start
        and (head or not info.connective)
    )


def _ends_page(info: LineInfo) -> bool:
    """A line that ends an article's page: an appeal, a closing credit or bio, or
    end furniture (not an inline advert)."""
    return info.role in (APPEAL, CLOSE, BIO) or (info.role == BOILER and not info.ad)


def _kicker(info: LineInfo) -> bool:
    """A section label over a headline ("Courts", "Opinion | Commentary")."""
    return info.role == HEAD and info.words <= SUBHEAD_WORDS


#: Longest headline written as sentences, in words.
HEADLINE_WORDS = 20
#: Longest line over a "By ..." byline read as its headline after a paragraph, in words.
BY_HEADLINE_WORDS = 15


def _after_paragraphs(window: list[_Entry]) -> bool:
    """The last two non-blank lines are paragraphs: a story's text, not its header."""
    n = 0
    for e in reversed(window):
        if e.info.role == BLANK:
            continue
        if e.info.role not in (BODY, CONT):
            return False
        n += 1
        if n == 2:
            return True
    return False


def _after_story(window: list[_Entry]) -> bool:
    """_after_paragraphs, or the story's closing credit or contact line last."""
    return _after_paragraphs(window) or (
        len(window) >= 2 and window[-1].info.role == CLOSE and window[-2].info.role in (BODY, CLOSE)
    )


# The label of an author box under a story ("Authors", "About the author").
_AUTHOR_BOX = re.compile(r"^(?:about )?(?:the )?authors?\s*:?$", re.I)


def _unlabelled_tags(window: list[_Entry]) -> None:
    """Short topic lines between end furniture and a headline with a byline or date
    under it ("Join our channel" / "Kenya" / "Cholera" / "Health" / headline): the
    tags of the page above, not kickers. Breadcrumbs of section names ("News" /
    "Health") and a kicker in capitals right over the headline ("OP-ED") stay."""
    k = len(window) - 1
    for _ in range(2):  # a widget between headline and date ("2 min read", "Share")
        w = window[k].info
        if k < 1 or w.role != BOILER or w.words > 3 or w.listed or w.lead:
            break
        k -= 1
    if k >= 1 and window[k].info.role == BODY and window[k - 1].info.role == HEAD:
        if window[k].info.words > STANDFIRST_WORDS or window[k].info.dateline:
            return
        k -= 1  # the standfirst
    if k < 3 or window[k].info.role != HEAD or window[k].info.words <= TAG_LIST_WORDS + 2:
        return
    j = k - 1
    if window[j].info.role == HEAD and window[j].raw.text.strip().isupper():
        j -= 1  # a kicker
    run, j = _tag_run(window, j)
    if j < 0 or len(run) < TAG_RUN:
        return
    if window[j].info.role not in (BOILER, APPEAL, CLOSE) and not (
        len(run) > TAG_RUN and window[j].info.role == BODY
    ):
        return  # (four or more under a paragraph: a story's tags, no kicker path)
    if all(e.raw.text.strip().lower() in _SECTIONS for e in run):
        return
    if len(run) <= TAG_RUN and run[-1].raw.text.strip().lower() in _SECTIONS:
        return  # "Sport" / "Rugby" / "Super Rugby": a section path, widest first
    if len(run) > TAG_RUN and run[0].raw.text.strip().lower() in _SECTIONS:
        run = run[1:]  # tags / "Politics" / headline: the section name is the kicker
    _mark_tags(run)


def _tags_over_button(window: list[_Entry]) -> None:
    """Short topic lines under a story's last paragraph, its signature or bio, then
    a button ("Gig Economy" / "Labor Rights" / "Platform Work" / "Follow"): the
    page's tags, not the kicker and headline of the next article."""
    run, j = _tag_run(window, len(window) - 1)
    if len(run) < TAG_RUN or j < 0 or window[j].info.role not in (BODY, BIO, CLOSE):
        return
    if any(e.raw.text.strip().lower() in _SECTIONS for e in run):
        return
    _mark_tags(run)


def _tag_run(window: list[_Entry], j: int) -> tuple[list[_Entry], int]:
    """The short topic-like lines from window[j] upwards, and the index of the line
    above them; no run (and j -1) where one of them is a link or a labelled field."""
    run = []
    while j >= 0 and window[j].info.role in _TAG_ROLES and window[j].info.words <= TAG_WORDS + 1:
        if window[j].info.listed or _TAG_STOP.search(window[j].raw.text):
            return [], -1
        run.append(window[j])
        j -= 1
    return run, j


def _mark_tags(run: list[_Entry]) -> None:
    """The lines of ``run`` are a page's topic tags: furniture of a list."""
    top = min(run, key=lambda e: e.raw.no)
    if outlet_name(top.raw.text.strip()) or _RELEASE_OPENER.match(top.raw.text) is not None:
        return  # "Kessington Standard" / "Sports" / "Columns": a masthead over its sections;
        # "MEDIA RELEASE" / "Jo Park MP" / "Shadow Treasurer": a release's banner and author
    for e in run:
        e.info.role, e.info.listed, e.info.tags = BOILER, True, True
        e.info.lead, e.info.ad = 0, False


_TAG_ROLES = frozenset({HEAD, BYLINE, CONT, CLOSE})
_TAG_STOP = re.compile(r"[:@|]")  # "Contact: x@y.com" is no topic
#: Short lines in a row that make a tag list, not a kicker and a column name.
TAG_RUN = 3


def _signature_above(window: list[_Entry]) -> None:
    """Two name-like lines between a paragraph and a headline that has a byline or
    date of its own ("Dr Jo Park" / "Director General, NCDC"): the signature
    closing the statement above, not a header (a byline comes under its headline)."""
    k, standfirst = len(window) - 1, False  # over the headline's zone: the line above it
    while k >= 0 and len(window) - k <= SIGNED_ZONE:
        info = window[k].info
        if info.role == BODY and not standfirst and info.words <= STANDFIRST_WORDS:
            standfirst = True  # headline, standfirst, listen button, "Source: X", date
        elif info.role not in (HEAD, BOILER, BLANK, CREDIT):
            break
        k -= 1
    if k < 2 or window[k + 1].info.role != HEAD:
        return
    a, b = window[k - 1].info, window[k].info
    if a.role == BYLINE and b.role == BYLINE and _midstory(window[k - 2].info):
        a.role = b.role = CLOSE
    elif (
        b.role == BYLINE
        and _midstory(a)
        and window[k + 1].info.words <= SIGNER_PLACE_WORDS
        and k + 2 < len(window)
        and window[k + 2].info.role == HEAD
        and ", " in window[k + 1].raw.text
        and _name_item(b, window[k].raw.text)
        and _signer_place(window[k + 1].raw.text.strip())
    ):  # letter / "Jo Park" / "Tongi, Gazipur" / next headline: the writer and town
        b.role = window[k + 1].info.role = CLOSE
    elif (
        b.role == BYLINE
        and _midstory(a)
        and not opens_by(window[k].raw.text)
        and window[k + 1].info.words <= SUBHEAD_WORDS
        and k + 2 < len(window)
        and window[k + 2].info.role == HEAD
        and _OFFICE_TITLE.match(window[k + 1].raw.text.strip())
        and _name_item(b, window[k].raw.text)
    ):  # letter / "Laurel A. Haskett" / "President" / next kicker: the signer and office
        b.role = window[k + 1].info.role = CLOSE


#: Lines of a headline's zone (headline, standfirst, buttons) under a signature.
SIGNED_ZONE = 6


def _lead_in(window: list[_Entry], info: LineInfo, text: str = "") -> None:
    """Furniture introduced by a label: link headlines after "Related", paragraphs after
    "Notes to editors". A headline run ends where an article header shows: the line
    before a byline, timestamp or paragraph is the next article's headline (and the
    line before that too when that one reads as a standfirst), not a link.
    """
    prev = window[-1].info
    lead = prev.lead
    if not lead and not prev.listed:
        _list_ended(window, info)  # (most lines: no label or link above, no rule below applies)
        return
    if prev.dated and info.role in (HEAD, BODY, CONT):
        info.role, info.listed = BOILER, True  # a dated teaser's text, under its date
        return
    bulleted = prev.listed and _same_bullet(window[-1].raw.text, text)
    if not bulleted and lead > 0 and info.words <= BULLET_LINK_WORDS:
        # "CNBC HIGHLIGHTS" / "- With the debt crisis shaking markets, the IMF ...": the
        # label's links, bulleted, may be whole sentences
        bulleted = info.role in (HEAD, BODY) and _bulleted(text.lstrip())
    if bulleted and not lead:
        lead = 1  # a bulleted list of links goes on past LIST_ITEMS while its bullets do
    elif not lead and prev.listed and _periodic_item(window, info, text):
        lead = 1  # items of a few lines each (kicker / title / author): the list goes on
    if lead > 0 and prev.listed and info.words <= 2 and _DATE_LABEL.match(text.strip()):
        # link / "Published" / "12 March 2021": the label of the link's date, on its own line
        info.role, info.listed, info.lead, info.ad = BOILER, True, lead, prev.ad
        return
    paired = lead > 0 and _paired_kicker(window, info, text)
    if (
        lead > 0
        and not bulleted
        and _not_a_link(prev, info, text)
        and not _listed_label(window, info)
        and not paired
    ):
        back = _last_listed(window)
        if back and info.words > BLOCK_HEAD_WORDS:
            _end_list(window, back)  # a standfirst: the last "link" was its headline
        return  # the list ends: this line heads the next article
    if (
        lead == LIST_ITEMS
        and info.role == BODY
        and info.words > LINK_SENTENCE_WORDS
        and not bulleted
        and not info.dateline
        and prev.words <= 3
        and len(window) >= 2
        and _midstory(window[-2].info)
    ):  # paragraph / "Read more" / paragraph: a teaser box's label inside the story
        prev.ad = True
        return
    if (
        (lead == LIST_ITEMS or (prev.listed and prev.words <= TAG_WORDS))
        and prev.role == BOILER
        and not prev.tags
        and _name_item(info, text)
    ):
        # the first item under a bare label reads like a name ("Powys County Council",
        # "HAND CURATED"): a link or a sub-label, not a byline; so does one under a
        # one- or two-word item, a tag ("Colorado" / "State Legislation"), never a headline
        info.role, info.listed, info.lead, info.ad = BOILER, True, lead - 1, prev.ad
        return
    if lead > 0 and (
        (info.role == HEAD and not (prev.tags and _headline_like(info, text)))
        or (info.role == BODY and info.words <= 20 and NUMBERED.match(text))
        or (info.role == BODY and info.words <= LINK_SENTENCE_WORDS and not info.dateline)
        or (bulleted and info.role == BODY)
        or (prev.tags and info.words <= TAG_LIST_WORDS and info.role in (BYLINE, CONT))
        or (prev.listed and info.words <= TAG_WORDS and info.role == CLOSE)
        or paired
    ):  # (topic tags may read like names, "Met Office", be lower-case words or acronyms)
        info.role, info.listed, info.lead = BOILER, True, lead - 1
        info.ad = prev.ad  # the links of an inline teaser box ("Also read") sit inside a story
        info.tags = prev.tags
    elif (
        lead > 0
        and info.role == BOILER
        and not info.lead
        and not info.end  # ("Topics: oceans, climate": the story's tags end its page)
        and info.words <= LINK_SENTENCE_WORDS
        and _LABEL_LINE.match(text.strip())
    ):
        info.lead, info.ad = lead - 1, prev.ad  # "Photos: ..." among the links: the list goes on
    elif lead < 0 and info.role == BOILER and info.words == 1 and _URL_ONLY.match(text.strip()):
        info.lead = lead + 1  # an address inside a contact block: the block goes on
    elif (
        lead > 0
        and info.role == BOILER
        and info.words == 1
        and not info.lead
        and not (text[:1] in "#*-=_" and _RULE_LINE.match(text.strip()))
    ):  # (a rule, "###", "* * *", ends the page: what follows is no link of its list)
        info.lead, info.ad = lead, prev.ad  # a widget inside a list ("Previous", "1", "Next")
        info.tags = prev.tags  # (a price under a quote box's ticker: the box goes on)
        if _PAGER.match(text.strip()):
            _carousel(window, info)
    elif lead > 0 and prev.listed and info.role == TIMESTAMP and not _listed_byline(window, 1):
        if len(window) >= 2 and window[-2].info.listed and _listed_date(window, 1):
            # a second date under one link ("Issued on: ..." / "Modified: ..."): no link
            # has two; the list ended, that "link" is an article's headline
            prev.role, prev.listed, prev.lead = TIMESTAMP, False, 0
            head = window[-2].info
            head.role, head.listed, head.lead = HEAD, False, 0
        elif _updated_page(text) and not prev.dated:
            # link / "Updated 1 minute ago": a page's own time, under no link's (a link
            # shows when it was published); the list ended, the time tops the next page
            return
        elif _HAS_DATE.search(text) and _undated_links(window):
            # link / link / date: the links above carried no date, so this one is no
            # link's date; the list ended, the last "link" is the next headline (a
            # relative time, "2 hours ago", may top the next page above its headline)
            _end_list(window, 1)
        else:
            info.role, info.listed, info.lead = BOILER, True, lead - 1  # a link's date
    elif (
        lead < 0
        and info.role in (TIMESTAMP, HEAD)
        and any(COMMENTER.match(e.raw.text.strip()) for e in window[-COMMENT_LINES:])
    ):
        info.role, info.lead = BOILER, lead + 1  # a comment's date (or its one-line text)
    elif lead < 0 and info.role == BYLINE and opens_by(text) and _box_headline(window):
        prev.role, prev.lead = HEAD, 0  # box / "Developments In Greece..." / "By Jo Park"
    elif lead < 0 and _after_contacts(window[-1], info, text):
        prev.role, prev.lead = CLOSE, 0  # the release's last line: what follows is not its own
    elif (
        lead < 0
        and (not info.dateline or _CONTACT_MARK.search(text) is not None)
        # (a "By ..." byline under a notes box is the next page's, not the box's)
        and not (info.role == BYLINE and text.lstrip()[:3] == "By ")
        and (
            info.role in (BODY, CONT, CLOSE, BYLINE, BIO)
            # a contact's line with its number, though it reads as a dateline or a heading
            # ("Press Office — Acme Trust, +44 20 7946 0000")
            or (info.role == HEAD and _CONTACT_MARK.search(text) is not None)
            or (info.role == HEAD and info.words <= 8 and "," in text and _lower_words(text) < 3)
            # ("Press officer, Acme"; not a headline, "Plan could end not-spots, says Acme")
            or (info.role == HEAD and info.words <= 8 and _ORG_UNIT.search(text.strip()))
            or (info.role == HEAD and info.words <= 6 and _OFFICE_TITLE.match(text.strip()))
            # ("Lead Spokesperson for Foreign Affairs and Security Policy": a contact's post)
            or (info.role == HEAD and info.words <= 10 and _CONTACT_POST.match(text.strip()))
            or (info.role == HEAD and info.words > BLOCK_HEAD_WORDS)  # a reference, a company note
        )
    ):
        info.role, info.lead = BOILER, lead + 1
    else:
        _list_ended(window, info)


def _updated_page(text: str) -> bool:
    """ "Updated 1 minute ago", "Last updated 2h ago", "Updated 21 June 2025": when the page
    was last changed (a link in a list shows when it was published)."""
    t = text.strip()
    if not t[:12].lower().startswith(("updated", "last updated")):
        return False
    return t.endswith("ago") or (_HAS_DATE.search(t) is not None and _is_mostly_date(t))


def _list_ended(window: list[_Entry], info: LineInfo) -> None:
    """_lead_in when no label's run goes on: a header line under a list's last link
    (maybe over widgets, a caption or a date) shows the list has ended."""
    prev = window[-1].info  # (_last_listed is 0 at once unless this line may be a link)
    back = _last_listed(window) if prev.listed or (prev.role == BOILER and prev.words <= 3) else 0
    if (
        back
        and (back == 1 or info.role != BODY)
        and _ends_list(window[-back].info, info)
        and not _turns_around_box(window, info)
    ):
        _end_list(window, back)
    elif back and info.role == HEAD and _BREADCRUMB.match(window[-back].raw.text.strip()):
        kicker = window[-back].info  # a section path over the headline ending the list
        kicker.role, kicker.listed, kicker.lead = HEAD, False, 0
    elif (
        back == 1
        and info.role == HEAD
        and prev.tags
        and len(window) >= 2
        and _kicker_item(window[-1], window[-2])
    ):  # "drug safety" / "migraine" / "Health & Science" / headline: its kicker
        prev.role, prev.listed, prev.lead = HEAD, False, 0
    elif (
        info.role in (BYLINE, TIMESTAMP)
        and not info.clock
        and len(window) >= 2
        and prev.role == CAPTION
        and window[-2].info.listed
        and _STANDFIRST.search(window[-2].raw.text)
    ):  # link, a standfirst-like one, the photo's caption, byline: the two head an article
        _end_list(window, 2)
    elif (
        info.role in (BODY, BYLINE, CAPTION, CREDIT)
        and len(window) >= 3
        and prev.role == TIMESTAMP
        and not prev.clock
        and window[-2].info.role == HEAD
        and window[-2].info.words <= 2
        and window[-3].info.listed
        and not window[-3].info.tags
        and window[-3].info.words > TAG_WORDS + 2
    ):  # link, "Economy", date, and no headline under them: the link was the headline
        _end_list(window, 3)


# A date's label alone on its line ("Published", "Last updated:").
_DATE_LABEL = re.compile(
    r"^(?:(?:first |last |originally )?(?:published|updated|posted|modified)|issued)(?: on)?\s*:?$",
    re.I,
)


def _undated_links(window: list[_Entry]) -> bool:
    """The last two lines are links of a list, headline-like, with no date between."""
    return (
        len(window) >= 3
        and window[-2].info.listed
        and not window[-2].info.tags
        and window[-1].info.words > TAG_WORDS + 2
        and window[-2].info.words > TAG_WORDS + 2
        and classify(window[-1].raw.text).role == HEAD
        and classify(window[-2].raw.text).role == HEAD
    )


def _after_contacts(last: _Entry, info: LineInfo, text: str) -> bool:
    """A long paragraph with no address or number under a contact's line ("Media: Jo
    Park, jo@acme.com, +1 555 0134"): the contact block has ended, a story goes on."""
    return (
        info.role == BODY
        and info.words > CONTACT_END_WORDS
        and (
            _CONTACT_MARK.search(last.raw.text) is not None
            or _MEDIA_ENQUIRIES.match(last.raw.text) is not None
        )
        and _CONTACT_MARK.search(text) is None
        # (a shorter one may be the sender's note on itself: "The International
        # Federation of ... is the world's largest humanitarian network, ...")
        and (info.words > LONG_CONTACT_END_WORDS or _SELF_NOTE.match(text) is None)
    )


_CONTACT_MARK = re.compile(r"\S@\S|\+?\d[\d ().-]{7,}\d")
# "For media enquiries contact the Press Office, ...": a contact's line with no number.
_MEDIA_ENQUIRIES = re.compile(
    r"^\s*(?:for )?(?:all )?(?:media|press) (?:enquiries|inquiries)\b", re.I
)
# A signatory's office under the name in a signature or contact block ("Chairperson",
# "Executive Director", "Deputy Secretary-General").
_CONTACT_POST = re.compile(
    r"^(?:(?:lead|chief|senior|deputy|principal|head|press|media)\s+)*"
    r"(?:spokes(?:person|man|woman)|press officer|media officer|communications (?:officer|manager"
    r"|director|lead)|press secretary|media relations(?: manager| officer)?)\b",
    re.I,
)
_OFFICE_TITLE = re.compile(
    r"^(?:(?:national|deputy|vice|executive|acting|interim|general|chief|senior|assistant"
    r"|regional|country|programme|program|media|press|communications?)[ -])*"
    r"(?:chair(?:person|man|woman)?|president|director|secretary(?:[ -]general)?|coordinator"
    r"|spokes(?:person|man|woman)|manager|officer|treasurer|commissioner|chief executive"
    r"|founder|head of [\w ]{1,30})$",
    re.I,
)
#: Shortest paragraph that ends a contact block, in words; and shortest that ends it
#: even when it reads as the sender's note on itself.
CONTACT_END_WORDS = 15
LONG_CONTACT_END_WORDS = 25
#: A sender's note on itself: its name, then what it is ("The Acme Trust is the ...").
_SELF_NOTE = re.compile(
    r"^\s*(?:The )?(?:[A-Z][\w'’&.-]*,? (?:(?:of|for|and|the|on) )*){1,10}(?:\([A-Z]+\) )?"
    r"(?:is|are|was) (?:the|an?|one)\b"
)


# An office named in a contact block ("Office of Public Affairs", "Acme Press Office",
# "Acme Council Communications and Marketing").
_ORG_UNIT = re.compile(
    r"^(?:the )?(?:office|department|bureau|division|ministry|directorate) (?:of|for)\b"
    r"|\b(?:press|communications?|media|news|public affairs|public relations|newsroom)"
    r" (?:office|team|desk|unit|department|service)s?$"
    r"|\b(?:communications|media relations|public affairs) (?:and|&) (?:marketing|engagement"
    r"|media|campaigns|events|public affairs)$",  # "Acme Council Communications and Marketing"
    re.I,
)


_PAGER = re.compile(r"^(?:previous|prev|next|\d{1,2})$", re.I)


def _carousel(window: list[_Entry], info: LineInfo) -> None:
    """A list with a pager ("Previous", "1", "Next") is a carousel inside the page:
    it and its label are inline furniture, not the end of the story."""
    info.ad = True
    for e in reversed(window):
        if e.info.role != BOILER or not e.info.lead:
            break
        e.info.ad = True


def _listed_label(window: list[_Entry], info: LineInfo) -> bool:
    """A one-word line that is already an item of the list above ("Obituaries" /
    link / "Obituaries" / link): each link's section label, not a kicker."""
    return info.words == 1 and any(
        e.info.listed and e.info.key == info.key for e in window[-LIST_ITEMS:]
    )


def _paired_kicker(window: list[_Entry], info: LineInfo, text: str) -> bool:
    """A short line after a link headline whose own kicker came before it ("Business" /
    link / "Markets" / link): each link's section label, so the list goes on."""
    if len(window) < 2 or info.words > 3 or info.role not in (HEAD, BYLINE):
        return False
    link, kicker = window[-1].info, window[-2].info
    return (
        link.listed
        and kicker.listed
        and not (link.tags or kicker.tags)
        and link.words > TAG_WORDS + 2
        and kicker.words <= 3
        and not text.lstrip()[:3].lower().startswith("by")
    )


def _periodic_item(window: list[_Entry], info: LineInfo, text: str) -> bool:
    """The list above is made of items of 2 to ITEM_PERIOD lines each (a section
    kicker, a link headline, its author), all listed, and this line reads like the
    line one item back: the next item, past the run a label's LIST_ITEMS allow."""
    n = len(window)
    for period in range(2, ITEM_PERIOD + 1):
        j = n - period
        if j < period or not all(e.info.listed for e in window[j - period : n]):
            continue
        like = window[j]
        if like.info.words <= 2 and info.words <= 2:
            return True
        if classify(like.raw.text).role == info.role and abs(like.info.words - info.words) <= 6:
            return True
    return False


#: Most lines of one item in a list of links (kicker, headline, author, date).
ITEM_PERIOD = 4


def _photo_copyright(text: str) -> bool:
    """A copyright holder alone ("© Alamy"): over a headline-like line, a photo's
    credit over its caption between paragraphs, not the copyright line ending a page."""
    s = text.strip()
    return s[:1] == "©" and len(s) <= PHOTO_COPYRIGHT_CHARS and PHOTO_COPYRIGHT.match(s) is not None


#: Longest photo copyright line, in characters.
PHOTO_COPYRIGHT_CHARS = 40


def _same_bullet(above: str, text: str) -> bool:
    """Both lines open with the same list bullet ("- ", "• ", "* ")."""
    return (
        len(above) > 2
        and len(text) > 2
        and above[0] in _BULLETS
        and above[:2] == text[:2]
        and above[1] == " "
    )


_BULLETS = frozenset("-–•*·▪►")


def _bulleted(text: str) -> bool:
    """The (left-stripped) line opens with a list bullet and a space ("- How ...")."""
    return len(text) > 2 and text[0] in _BULLETS and text[1] == " " and not text[2].isspace()


#: Most words of a bulleted line under a list's label read as one of its links.
BULLET_LINK_WORDS = 30
#: Fewest words of a bulleted line read as a list's item rather than as a headline.
BULLET_ITEM_WORDS = 3
#: Roles of the line over a bulleted item that put it below a story (a list at its end).
_BELOW_STORY = frozenset({BODY, CONT, CLOSE, BOILER})


def _not_a_link(prev: LineInfo, info: LineInfo, text: str) -> bool:
    """A line a list of links stops at: a headline longer than a block's (never a
    link), a section path from the site's root, or a one-word kicker ("Elections")
    after a link headline."""
    if _marks_page(info, text.strip()):
        return True  # "The Wenlow Gazette", "TalkTown › Outdoor Pursuits › Hillwalking":
        # the next page's masthead or path, no link nor tag
    if prev.tags or info.role != HEAD:
        return False
    if info.words > BLOCK_HEAD_WORDS or _RELEASE_OPENER.match(text):
        return True
    if text[:1] in "Hh" and _HOME_CRUMB.match(text):
        return True  # "Home › News › Politics": the next page's path from the site's root
    return info.words == 1 and prev.listed and prev.words > TAG_WORDS + 2


# A press release's first line ("FOR IMMEDIATE RELEASE"): never a link.
_RELEASE_OPENER = re.compile(
    r"^\W*(?:for immediate release|(?:news|press|media) release|embargoed (?:until|till))\b", re.I
)


def _name_item(info: LineInfo, text: str) -> bool:
    """A short name-like line (read as a byline) without "by" ("Interview by Jo Park",
    "Words by ..." credit a piece, not sign a letter)."""
    return info.role == BYLINE and info.words <= 4 and " by " not in f" {text.lower()} "


def _headline_like(info: LineInfo, text: str) -> bool:
    """Longer than a topic tag and not a comma list of tags: the next article's
    headline, which ends a list of tags."""
    return info.words > TAG_LIST_WORDS + 2 and text.count(",") < 2


def _last_listed(window: list[_Entry]) -> int:
    """How far back (1-3) the last link of a list is, over widgets after it ('Share',
    'Save'); 0 when the line above is not (after widgets) a listed link."""
    for back in range(1, min(3, len(window)) + 1):
        info = window[-back].info
        if info.listed:
            return back
        if info.role != BOILER or info.words > 3 or info.end:
            return 0  # (a copyright line under the links: the page ended there)
    return 0


def _turns_around_box(window: list[_Entry], info: LineInfo) -> bool:
    """An interview's turn ("Q: ...", "MAYOR: ...") under a list of links whose label
    sat under another turn: the box of links is inside the interview (marked ad), the
    next turn is no article's first paragraph (its last link no headline)."""
    t = info.key
    if info.role != BODY or ":" not in t[:40] or not _SPEAKER.match(t):
        return False
    for k in range(len(window) - 1, max(0, len(window) - LIST_ITEMS - 2), -1):
        e = window[k].info
        if e.listed:
            continue
        if e.role != BOILER or e.lead <= 0 or k == 0:
            return False
        above = window[k - 1]
        if above.info.role != BODY or _SPEAKER.match(above.raw.text) is None:
            return False
        for f in window[k:]:
            f.info.ad = True  # an inline box: it does not end the page
        return True
    return False


def _ends_list(last: LineInfo, info: LineInfo) -> bool:
    """A byline, a credit, a date or (not after a tag or an inline box) a paragraph
    after a list's last link: a header follows; the list has ended."""
    return (
        info.role in (BYLINE, CREDIT)
        or (info.role == TIMESTAMP and not info.clock)
        or (info.role == BODY and not last.ad and last.words > TAG_WORDS)
    )  # (a topic tag above a paragraph is a tag: the paragraph starts with no headline)


def _end_list(window: list[_Entry], back: int) -> None:
    """The list ended at window[-back]: that link (and a standfirst-like one before
    it) is the next article's headline, unless it is a link's date (_end_dated_list)."""
    if _listed_date(window, back):
        _end_dated_list(window, back)
        return
    if _listed_byline(window, back):
        name = window[-back].info  # link headline, name, date: the name signs the headline
        name.role, name.listed, name.lead = BYLINE, False, 0
        back += 1
    last = window[-back].info
    last.role, last.listed, last.lead = HEAD, False, 0
    standfirst = _STANDFIRST.search(window[-back].raw.text)
    if len(window) > back and window[-back - 1].info.listed and standfirst:
        before = window[-back - 1].info
        before.role, before.listed, before.lead = HEAD, False, 0
        back += 1
    k = len(window) - back - 1  # a short first item right under the label is the kicker
    if (
        k >= 0
        and window[k].info.listed
        and (
            _BREADCRUMB.match(window[k].raw.text.strip())
            or (
                k >= 1
                and _kicker_item(window[k], window[k - 1])
                and not (k >= 2 and _first_link_date(window[k], window[k - 2].info))
            )
        )
    ):
        kicker = window[k].info  # "Politics | East Asia", "New Zealand" over the headline
        kicker.role, kicker.listed, kicker.lead = HEAD, False, 0
        return
    if k >= 1:
        item, label = window[k].info, window[k - 1].info
        if (
            item.listed
            and not item.tags
            and item.words <= 3
            and label.role == BOILER
            and not label.listed
            and label.lead > 0
            and not label.tags
        ):
            item.role, item.listed, item.lead = HEAD, False, 0


# A section path over a headline ("Politics | East Asia", "World › Europe"): no link reads so.
_BREADCRUMB = re.compile(
    r"^[A-Z][\w&'’-]*(?: [\w&'’-]+){0,2}(?: [|›>/] [A-Z][\w&'’-]*(?: [\w&'’-]+){0,2}){0,2}"
    r"(?: [|›>/] [A-Z][\w&'’-]*(?: [\w&'’-]+){0,3})$"
)  # (its last step may be a rubric of four words: "Music | Album of the week")


def _first_link_date(item: _Entry, label: LineInfo) -> bool:
    """``item`` is a date under the first link of a list (label / link / "Published 28
    July"): that link's date, not the top of the next page."""
    return (
        label.role == BOILER
        and label.lead > 0
        and not label.listed
        and classify(item.raw.text).role == TIMESTAMP
    )


def _kicker_item(item: _Entry, before: _Entry) -> bool:
    """The last "link" above a list-ending headline is its kicker: a short section
    name after a link headline ("New Zealand"), or a line in capitals after one in
    lower case (an agency's name over its advisory)."""
    info, prior = item.info, before.info
    if info.tags and prior.tags and info.listed and prior.listed:
        # lower-case topic tags, then a capitalised section name: the kicker
        t, last = item.raw.text.strip(), before.raw.text.strip()
        return info.words <= 4 and last[:1].islower() and _CRUMB.match(t) is not None
    if not (info.listed and prior.listed) or info.tags or prior.tags:
        return False
    if info.words <= 3 and prior.words > TAG_WORDS + 2:
        return True
    t = item.raw.text.strip()
    return info.words >= 2 and t.isupper() and not before.raw.text.strip().isupper()


def _listed_byline(window: list[_Entry], back: int) -> bool:
    """window[-back] is a name taken into a list as a link's section label, right
    under a link headline ("Business" / link / "Jo Park"): where the list ends there,
    it is the byline of that headline."""
    if len(window) <= back or window[-back].info.words > 3:
        return False
    e, link = window[-back], window[-back - 1].info
    return (
        e.info.listed
        and link.listed
        and link.words > TAG_WORDS + 2
        and (classify(e.raw.text).role == BYLINE or is_agency_tag(e.raw.text.strip()))
    )  # (an agency's name under the headline, "AFP", credits it alike)


def _listed_date(window: list[_Entry], back: int) -> bool:
    """window[-back] is a date taken into a list of links (a link's publication date)."""
    if len(window) < back:
        return False
    e = window[-back]
    return e.info.listed and classify(e.raw.text).role == TIMESTAMP


def _end_dated_list(window: list[_Entry], back: int = 1) -> None:
    """A list of links ends with a date, then a paragraph or byline. When every link
    carries a date ('More on this story': headline, 'Published 2 May', ...) the list
    simply ended; otherwise the last link and its date head the next article."""
    date = window[-back].info
    if len(window) > back + 1 and _DATE_LABEL.match(window[-back - 1].raw.text.strip()):
        back += 1  # link / "Published" / date: the label goes with its date
    if len(window) >= back + 2 and window[-back - 2].info.listed and _listed_date(window, back + 2):
        return
    if (
        len(window) >= back + 3
        and _DATE_LABEL.match(window[-back - 2].raw.text.strip())
        and window[-back - 3].info.listed
        and _listed_date(window, back + 3)
    ):
        return  # (the link above dated alike, by a label and a date)
    head = window[-back - 1].info
    date.role, date.listed, date.lead = TIMESTAMP, False, 0
    if back > 1 and window[-back].info.listed and _DATE_LABEL.match(window[-back].raw.text.strip()):
        window[-back].info.listed, window[-back].info.lead, window[-back].info.ad = False, 0, True
    if head.listed:
        head.role, head.listed, head.lead = HEAD, False, 0
        k = len(window) - back - 2  # and a kicker over it, as at the end of any list
        if k >= 0 and window[k].info.listed:
            crumb = _BREADCRUMB.match(window[k].raw.text.strip())
            if crumb or (k >= 1 and _kicker_item(window[k], window[k - 1])):
                window[k].info.role, window[k].info.listed, window[k].info.lead = HEAD, False, 0


#: Longest name-like item taken into a list of topic tags ("European Commission").
TAG_LIST_WORDS = 4
#: Longest topic tag ("Extreme weather"): never a headline.
TAG_WORDS = 2
#: Longest sentence-like link text in a list ("Hospitals lost money. Here's what's next.").
LINK_SENTENCE_WORDS = 14
#: A headline-like line in a labelled block longer than this is the block's text.
BLOCK_HEAD_WORDS = 16


def _live_entry_times(window: list[_Entry], info: LineInfo, text: str) -> None:
    """Three times of day of one shape within a few lines ('10:52 p.m. ET, January
    14, 2025', '10:03 p.m. ET, ...', ...) mark the entries of a live page: they are
    entry times (clocks), not the dates of three articles."""
    if not _TIME_OF_DAY.search(text):
        return  # "1 hour ago" twice: two short stories from one site
    _clocks_of_one_shape(window, info, text, _time_shape)


CREDIT_LABEL_WORDS = 5
# A photo's credit line: "Image: X News", "Photo: Jo Park/Reuters", "Picture: PA".
_CREDIT_LABEL = re.compile(r"(?:image|photo(?:graph)?|picture|pic|credit)s?\s*:\s*\S", re.I)


def _live_above(window: list[_Entry]) -> bool:
    """LIVE_ENTRIES - 1 entry times (clocks) within LIVE_SPAN lines above: a live page."""
    n = 0
    for e in itertools.islice(reversed(window), LIVE_SPAN):
        if e.info.clock and e.info.role == TIMESTAMP:
            n += 1
            if n >= LIVE_ENTRIES - 1:
                return True
    return False


def _day_sections(window: list[_Entry], info: LineInfo, text: str) -> None:
    """Three days with no year or time within a few lines ('Monday, March 25',
    'Tuesday, March 26', ...): the day headings of a log or diary, not three
    articles' dates (which carry a year or a time)."""
    if _TIME_OF_DAY.search(text) or _YEAR.search(text):
        return
    _clocks_of_one_shape(window, info, text, _day_shape)


def _clocks_of_one_shape(window: list[_Entry], info: LineInfo, text: str, shape_of) -> None:
    """With LIVE_ENTRIES - 1 dates of the same shape as ``text`` (by ``shape_of``) within
    LIVE_SPAN lines above, all of them and this one are entry times, not article dates."""
    shape = shape_of(text)
    same = [
        e.info
        for e in itertools.islice(reversed(window), LIVE_SPAN)
        if e.info.role == TIMESTAMP and shape_of(e.raw.text) == shape
    ]
    if len(same) >= LIVE_ENTRIES - 1:
        info.clock = True
        for other in same:
            other.clock = True


def _day_shape(text: str) -> str:
    """A date line with its numbers and day and month names blanked out."""
    return _DIGITS.sub("9", _DAY_NAME.sub("D", text.strip()))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY_NAME = re.compile(
    r"\b(?:(?:mon|tues?|wednes|thu(?:rs)?|fri|satur|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?"
    r"|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b\.?",
    re.I,
)


def _promo_title(window: list[_Entry], text: str) -> None:
    """A short 'headline' right above a sign-up or promo line that repeats its words
    ("Read the Top 8" / "Sign up for the Top 8, a roundup ..."): the promo's title."""
    head = window[-1]
    if head.info.words <= HEADLINE_WORDS and _CTA_BUTTON.match(text.strip()):
        head.info.role = BOILER  # "Before it's here, it's on X" / "LEARN MORE": an ad's text
        return
    if head.info.words > PROMO_TITLE_WORDS:
        return
    title = head.raw.text.strip()
    if _SIGN_UP_VERB.match(title) or (title[-1:] == "?" and _SIGN_UP_VERB.match(text.strip())):
        # "Get the Morning Briefing" / its pitch; "Interested in X?" / "Get alerts ...": a
        # sign-up box's title, not a headline
        head.info.role = BOILER
        return
    own = {w for w in _PROMO_WORD.findall(head.raw.text.lower()) if w not in _STOP}
    said = set(_PROMO_WORD.findall(text.lower()))
    if len(own & said) >= 2 and 2 * len(own & said) >= len(own):
        head.info.role = BOILER


_PROMO_WORD = re.compile(r"\w+")
# A promo's button alone on its line: the line above is the promo, not a headline.
_CTA_BUTTON = re.compile(
    r"^(?:learn more|find out (?:more|how)|discover more|get started|get (?:the )?app"
    r"|(?:subscribe|sign up|join|register|donate|shop|buy|order|download|upgrade|try it|start)"
    r"(?: now| today| here| for free| free)?|start (?:your |a )?free trial"
    r"|try (?:it )?(?:for )?free)\W*$",
    re.I,
)
# A sign-up box's verb, opening its title or its pitch.
_SIGN_UP_VERB = re.compile(r"^(?:get|sign up|subscribe|join|receive|register|follow)\b", re.I)
#: Longest title of a promo box, in words.
PROMO_TITLE_WORDS = 6


def _time_shape(text: str) -> str:
    """A date line with its digits and its half of the day masked: "11:10 AM" and
    "12:30 PM" have one shape."""
    return _MERIDIEM.sub("m", _DIGITS.sub("9", text.strip()))


_DIGITS = re.compile(r"\d+")  # runs: "8:00 p.m." has the shape of "10:52 p.m."
_MERIDIEM = re.compile(r"(?<=9)(\s?)[ap](\.?)m\b", re.I)
_TIME_OF_DAY = re.compile(r"\d[:.]\d\d")
#: Lines back within which dates of the same shape mark a live page's entries.
LIVE_SPAN = 20
#: Dates of one shape within LIVE_SPAN lines that make a live page.
LIVE_ENTRIES = 3


def _repeats_header_date(window: list[_Entry], text: str) -> bool:
    """The same date and time as one above with at least two paragraphs between:
    the article's header date repeated at its end."""
    if not _TIME_OF_DAY.search(text):
        return False
    t, paras = text.strip(), 0
    above = window[-REPEAT_DATE_SPAN:]
    k = len(above)
    while paras < 2 and k:  # up to the second paragraph (usually a line or two)
        k -= 1
        info = above[k].info
        if info.role == BODY and info.words >= STUB_WORDS:
            paras += 1
    if paras < 2:
        return False
    # (a line equal to t holds t: only those and dates are looked at closely; any will
    # do, so they are picked in a list comprehension, a third faster than a loop)
    for e in [e for e in above[: k + 1] if e.info.role == TIMESTAMP or t in e.raw.text]:
        u = e.raw.text.strip()
        if u == t or (e.info.role == TIMESTAMP and _same_date(u, t)):
            return True
    return False


def _same_date(a: str, b: str) -> bool:
    """Two date lines that say the same, one maybe with the place after it
    ("Published - May 2, 2024 08:14 pm IST - KAMPALA")."""
    short, long = (b, a) if len(a) > len(b) else (a, b)
    # (the shorter must carry the time too: "April 23, 2025" is not "April 23, 2025 5:04 AM")
    return a == b or (long.startswith(short) and _TIME_OF_DAY.search(short) is not None)


#: Lines back within which an article's header date may be repeated at its end.
REPEAT_DATE_SPAN = 80


def _signs_dateline(window: list[_Entry], word: str) -> bool:
    """``word`` is the agency named in a dateline of the story above ("(Reuters)")."""
    tag = f"({word})"
    for e in itertools.islice(reversed(window), SIGNOFF_LOOKBACK):
        if e.info.dateline and tag in e.raw.text[:100]:
            return True
    return False


def _signs_byline(window: list[_Entry], key: str) -> bool:
    """Under paragraphs, ``key`` repeats a one-word credit of the story's header (a
    line with a date under it, "Reuters" / "March 15, 2023"): the agency signs off."""
    if not _after_paragraphs(window):
        return False
    lo = max(0, len(window) - SIGNOFF_LOOKBACK)
    for k in range(len(window) - 3, lo - 1, -1):
        e = window[k]
        if e.info.key == key and e.info.role in HEADERISH and window[k + 1].info.role == TIMESTAMP:
            return True
    return False


def _signs_first_name(window: list[_Entry], text: str) -> bool:
    """Under paragraphs, ``text`` is the first name of the byline of the post above
    (a letter or newsletter signed "Jolene" under "Jolene Barstow")."""
    name = text.strip().lstrip("—–-~ ").rstrip(".,!")
    if not name[:1].isupper() or " " in name or not _after_paragraphs(window):
        return False
    lo = max(0, len(window) - SIGNOFF_LOOKBACK)
    for k in range(len(window) - 2, lo - 1, -1):
        e = window[k]
        if e.info.role == BYLINE:
            words = e.raw.text.split()
            if words and words[0].lower() == "by":
                words = words[1:]
            return len(words) >= 2 and words[0] == name
    return False


def _valediction(window: list[_Entry]) -> bool:
    """The line above is a letter's closing ("Sincerely,", "In solidarity,") under its
    paragraphs or its appeal, or the name signed under one: what follows signs the
    letter."""
    k = len(window) - 1
    if k >= 1 and window[k].info.role == CLOSE and window[k].info.words <= SIGNATURE_WORDS:
        k -= 1  # "Jo Park" under the closing: the office under the name signs too
    if k < 1:
        return False
    info = window[k].info
    above = window[k - 1].info
    if info.role != BODY or info.words > VALEDICTION_WORDS:
        return False
    if not (_midstory(above) or above.role == APPEAL):
        return False  # (a union's letter may end with its appeal's button, then sign)
    t = window[k].raw.text.rstrip()
    return t[-1:] == "," and t[:1].isupper()


#: Longest closing of a letter ("With best wishes,"), in words.
VALEDICTION_WORDS = 4
#: Longest line of a signature under it (name, office), in words.
SIGNATURE_WORDS = 8


#: Lines above an agency's name searched for the dateline it signs.
SIGNOFF_LOOKBACK = 60


def _unlist_repeat(window: list[_Entry], info: LineInfo) -> None:
    """A headline repeated within three lines is an article's headline, not a link:
    the run of link headlines ended at its first copy (link lists do not repeat; a
    one-word section label over each link does)."""
    if info.words == 1 and window and window[-1].info.key != info.key:
        return
    for k in range(len(window) - 1, max(-1, len(window) - 4), -1):
        if window[k].info.key == info.key and window[k].info.listed:
            for e in window[k:]:
                if e.info.listed:
                    e.info.role, e.info.listed, e.info.lead = HEAD, False, 0
            info.lead = 0
            return


def _caption_before_head(window: list[_Entry]) -> None:
    """A photo caption written as a plain sentence, just before the next article's headline.

    Pages often open with the lead photo: its caption is a short sentence with
    no marker, so it reads as body text and the article would start one line
    late. It is a caption when a photo credit sits between it and the headline
    ("... at dusk." / "LUSA" / headline), or when the article before has plainly
    ended (closing credit, bio, appeal, end furniture) just above it.
    """
    head = len(window) - 2
    k = head - 1
    info = window[k].info
    agency = info.role == CLOSE and is_agency_tag(window[k].raw.text.strip())
    if (agency or _is_credit_line(window[k])) and k > 0:
        prev = window[k - 1]
        # under an agency name, only a short sentence reads as a caption ("Firefighters
        # battle flames near X."); a longer one is the story's last paragraph, signed
        if _is_caption_sentence(prev) and (not agency or prev.info.words <= AGENCY_CAPTION_WORDS):
            window[k - 1].info.role = CAPTION
            info.role = CREDIT  # "PA" is the photo's credit, not the headline
        return
    if not _is_caption_sentence(window[k]):
        return
    p = k - 1
    while p >= 0 and window[p].info.role == BLANK:
        p -= 1
    if p < 0:
        return
    before = window[p].info
    # end furniture (share buttons, tags, follow prompts) closes a page; inline promos don't
    ended = before.role in (CLOSE, BIO) or (before.role == BOILER and not before.ad)
    if before.role == APPEAL:  # unless it is the appeal's own pitch ("We believe ... you")
        ended = _PITCH.search(window[k].raw.text) is None
    if ended:
        info.role = CAPTION


_PITCH = re.compile(r"\b(?:we|our|us|you|your)\b|journalis|donat|subscri|support", re.I)


def _is_credit_line(e: _Entry) -> bool:
    """A photo credit on its own line: "(AP Photo/...)", "Picture: Supplied", "LUSA"."""
    role = e.info.role
    return (
        role == CREDIT
        or (role == CAPTION and e.info.words <= 3)
        # a short capitalised "headline" is an agency ("PA", "LUSA"); "Pros" or
        # "Ingredients" is a section label over a list
        # ("BUSINESS" is a section's kicker; of two words, only "GETTY IMAGES" or "AP
        # PHOTO" is a credit, "THE INTERVIEW" or "LOCAL NEWS" is a kicker)
        or (
            role == HEAD
            and e.info.words <= 2
            and e.raw.text.strip().isupper()
            and e.raw.text.strip().lower() not in _SECTIONS
            and e.raw.text.strip().lower() not in _KICKERS
            and (e.info.words == 1 or _PHOTO_WORD.search(e.raw.text) is not None)
        )
    )


# A story's kicker over its headline ("EXCLUSIVE" / headline): no agency's credit. (Not
# clean._SECTION_WORDS: put in its place, it moved the starts of five written dumps,
# all for the worse.)
_KICKERS = frozenset(
    {
        "exclusive",
        "analysis",
        "breaking",
        "explainer",
        "explained",
        "comment",
        "commentary",
        "investigation",
        "interview",
        "editorial",
        "obituary",
        "feature",
        "review",
        "insight",
        "podcast",
    }
)
# A word that makes two capitalised words a photo credit ("GETTY IMAGES", "AP PHOTO").
_PHOTO_WORD = re.compile(r"\b(?:IMAGES?|PHOTOS?|PICTURES?|PIX|FILE|POOL|HANDOUT)\b")


def _about_writer(byline: str, bio: str) -> bool:
    """A bio-like sentence under a byline names the writer ("By Jo Park" / "Park is a
    reporter ..."): one of the byline's names among its first words. A sentence that
    opens with someone else ("Justice Al Ruiz is the tip of the spear ...") is the
    story's first paragraph."""
    names = {w.lower() for w in _NAME_WORD.findall(byline) if len(w) > 2 and w[0].isupper()}
    names.discard("by")
    return not names or not names.isdisjoint(
        w.lower() for w in _NAME_WORD.findall(" ".join(bio.split()[:BIO_NAME_WORDS]))
    )


#: Opening words of a bio searched for the writer's name.
BIO_NAME_WORDS = 4
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _is_credit_info(info: LineInfo) -> bool:
    """A photo credit line by its role alone: "(AP Photo)", "Photo: Jo Park/Agency"."""
    return info.role == CREDIT or (info.role == CAPTION and info.words <= CREDIT_WORDS)


#: Longest caption line that is only a credit ("Photo: Jan Peeters/BWR Archive").
CREDIT_WORDS = 5


def _is_caption_sentence(e: _Entry) -> bool:
    """A short plain sentence that can be a caption (not a dateline lead or a quote)."""
    info = e.info
    return (
        info.role == BODY
        and info.words <= CAPTION_WORDS
        and not info.dateline
        and not info.quote_start
        and not info.connective
        and not _SPEECH.search(e.raw.text)  # "X, 48, said: '...'" reports speech
    )


_SPEECH = re.compile(
    r"\b(?:said|says|added|told [\w ]{1,20})\s*[:,]\s*['‘\"“]"
    # "X's publisher said it had postponed ...": a report's sentence, no photo's
    r"|\b(?:said|says) (?:it|its|he|his|she|her|they|their|that|on)\b"
)


#: Longest caption sentence above a bare agency name ("LUSA"), in words.
AGENCY_CAPTION_WORDS = 15
#: Longest caption sentence, in words.
CAPTION_WORDS = 35

# A standfirst: long, or two sentences ("... gone. Try benches ...").
_STANDFIRST = re.compile(r"^(?:\S+\s+){14}\S|[a-z][.!?]\s+[A-Z]")


def _segment_lines(
    batches: Iterable[tuple[list[RawLine], list[LineInfo]]],
    weights: Weights = DEFAULT_WEIGHTS,
    context: list[RawLine] | None = None,
    placement: PlacementModel | None = None,
    starts_check: StartCheck | None = None,
    cueless: CuelessModel | None = None,
) -> Iterator[SegmentedArticle]:
    """The streaming core: window, score, emit finished articles, carry the rest.

    ``batches`` are the lines in lists (as read) with their LineInfos (classified
    a list at a time, see _classified); their lines are pushed in order,
    up to the window's end.
    ``context`` are lines just before the first one, read again when resuming so
    that decisions near the resume point see the same neighbourhood as a full pass.
    """
    learned = (placement, starts_check, cueless)
    window: list[_Entry] = []
    carry = _WordCarry()  # the last window's words: the next starts with its last lines
    if context:
        _push_many(window, context)
    ctx = len(window)  # entries[:ctx] are left context from already emitted articles
    for batch, infos in batches:
        done = 0
        while done < len(batch):
            take, full = _room(window, ctx, batch, done)
            _extend(window, batch[done : done + take], infos[done : done + take])
            done += take
            if not full:
                continue
            bounds = _starts_after(window, ctx, weights, len(window) - MARGIN, carry, learned)
            cut = [b for b in bounds if b <= len(window) - MARGIN]
            if not cut:
                cut = [len(window) - MARGIN]  # no boundary in a whole window: cut anyway
            starts = [ctx, *cut]
            for a, b in itertools.pairwise(starts):
                yield _article(window[a:b])
            last = cut[-1]
            keep_from = max(0, last - CONTEXT)
            window = window[keep_from:]
            ctx = last - keep_from
    if len(window) > ctx:
        bounds = _starts_after(window, ctx, weights, len(window), carry, learned)
        starts = [ctx, *bounds, len(window)]
        for a, b in itertools.pairwise(starts):
            yield _article(window[a:b])


def _room(window: list[_Entry], ctx: int, batch: list[RawLine], done: int) -> tuple[int, bool]:
    """How many lines of batch[done:] the window takes, and whether it is then full:
    WINDOW_LINES new lines (after ``ctx``), or fewer, but no fewer than
    MIN_WINDOW_LINES, once they span WINDOW_BYTES. Where a window is cut changes no
    article (every decision is local), only how much is held at once."""
    new = len(window) - ctx
    take = min(WINDOW_LINES - new, len(batch) - done)
    floor = max(0, MIN_WINDOW_LINES - new)
    if take > floor:
        first = window[ctx].raw.start if new else batch[done].start
        end = done + take
        fit = bisect.bisect_right(batch, first + WINDOW_BYTES, done + floor, end, key=_END)
        if fit < end:
            return fit - done, True
    return take, new + take >= WINDOW_LINES


#: A line's end offset (the window's byte bound is a bisection over a batch's lines).
_END = operator.attrgetter("end")


def _starts_after(
    window: list[_Entry],
    ctx: int,
    weights: Weights,
    limit: int,
    carry: _WordCarry,
    learned: tuple[PlacementModel | None, StartCheck | None, CuelessModel | None],
) -> list[int]:
    """The article starts after window[ctx], the start of the article being read.

    The rules run from the window's first line, not from ``ctx``: a placed start
    (worker.placement) may sit up to MAX_MOVE lines from the line where the rules
    started that article, and rules run from a placed start would see the header
    under it differently (the headline just below it too close to be a start, a
    byline further down far enough). Run from the context before it, they see what
    a pass that never stopped saw, so a pass resumed at an article, or a window
    cut at one, finds the same articles after it.
    """
    if learned[:2] == (None, None) or ctx == 0:
        return _boundaries(window, ctx, weights, limit, carry, *learned)
    return [b for b in _boundaries(window, 0, weights, limit, carry, *learned) if b > ctx]


def _push_many(window: list[_Entry], lines: list[RawLine]) -> None:
    """_push of each line, classified together."""
    _extend(window, lines, classify_many([r.text for r in lines]))


def _extend(window: list[_Entry], lines: list[RawLine], infos: list[LineInfo]) -> None:
    """_push of each line with its LineInfo, in order."""
    push = _push
    for raw, info in zip(lines, infos, strict=True):
        push(window, raw, info)


def segment_file(
    path_or_binary_file: str | os.PathLike[str] | BinaryIO,
    *,
    start_offset: int = 0,
    first_line: int = 1,
    stats: DecodeStats | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    processes: int = 1,
    placement: PlacementModel | None = DEFAULT_PLACEMENT,
    starts_check: StartCheck | None = DEFAULT_CHECK,
    cueless: CuelessModel | None = DEFAULT_CUELESS,
) -> Iterator[SegmentedArticle]:
    """Stream a dump in bounded memory. Resuming: pass start_offset=last.end_offset and
    first_line=last.end_line + 1 of the last article already processed.

    ``processes=n`` segments a dump given as a path in n processes, a span of it
    each (worker.spans): the same articles, about n times sooner on n cores.
    ``placement``: the model that puts each start on its page's first line
    (worker.placement); None leaves the starts where the boundary rules put them.
    ``starts_check``: the model that drops starts that open no page (worker.startcheck);
    None keeps them all.
    ``cueless``: the model that chooses where a run of plain paragraphs splits
    (worker.cueless); None leaves it to the rules.
    Raises DumpError (missing, unreadable or binary input) before the first article.
    """
    models = functools.partial(
        _segment_lines,
        weights=weights,
        placement=placement,
        starts_check=starts_check,
        cueless=cueless,
    )
    if isinstance(path_or_binary_file, (str, os.PathLike)):
        fh = open_dump(path_or_binary_file)
        owned = True
    else:
        fh, owned = path_or_binary_file, False
    try:
        if owned and processes > 1 and _worth_spans(fh, start_offset):
            fh.close()
            yield from spans.segment_spans(
                path_or_binary_file,
                models,
                lambda offset, line: _one_pass(path_or_binary_file, offset, line, None, models),
                start_offset=start_offset,
                first_line=first_line,
                stats=stats,
                processes=processes,
            )
            return
        yield from _one_pass(fh, start_offset, first_line, stats, models)
    finally:
        if owned:
            fh.close()


def _worth_spans(fh: BinaryIO, start_offset: int) -> bool:
    """Whether the dump left to read holds two spans or more (worker.spans); the
    binary check is made here first, so that it fails before any child starts."""
    size = os.fstat(fh.fileno()).st_size
    if size - start_offset < spans.MIN_SPLIT_BYTES:
        return False
    check_text(fh, start_offset)
    return True


def _one_pass(
    source: str | os.PathLike[str] | BinaryIO,
    start_offset: int,
    first_line: int,
    stats: DecodeStats | None,
    segment_lines: Callable,
) -> Iterator[SegmentedArticle]:
    """One process's pass over ``source`` (a path or an open binary file) from
    ``start_offset``, an article's start."""
    fh = open_dump(source) if isinstance(source, (str, os.PathLike)) else source
    try:
        context = _read_context(fh, start_offset, first_line) if start_offset else None
        batches = iter_line_batches(
            fh, start_offset=start_offset, first_line=first_line, stats=stats
        )
        yield from segment_lines(_classified(batches), context=context)
    finally:
        if fh is not source:
            fh.close()


def _classified(
    batches: Iterable[list[RawLine]],
) -> Iterator[tuple[list[RawLine], list[LineInfo]]]:
    """Each batch of lines with their LineInfos."""
    for batch in batches:
        yield batch, classify_many([r.text for r in batch])


def _read_context(fh: BinaryIO, start_offset: int, first_line: int) -> list[RawLine]:
    """The last CONTEXT lines before ``start_offset`` (empty when not seekable).

    Reads at most CONTEXT_BYTES back; the first, possibly partial, line is dropped.
    """
    try:
        back = max(0, start_offset - CONTEXT_BYTES)
        fh.seek(back)
        data = fh.read(start_offset - back)
    except (OSError, ValueError, io.UnsupportedOperation):
        return []
    parts = data.split(b"\n")
    if parts and parts[-1] == b"":
        parts.pop()
    if back > 0 and parts:
        back += len(parts[0]) + 1
        parts = parts[1:]
    parts = parts[-CONTEXT:]
    out: list[RawLine] = []
    offset = start_offset - sum(len(p) + 1 for p in parts)
    no = first_line - len(parts)
    for p in parts:
        text = p.rstrip(b"\r").decode("utf-8", "replace").replace("\x00", " ")
        out.append(RawLine(no, offset, offset + len(p) + 1, text))
        offset += len(p) + 1
        no += 1
    return out


def segment_text(
    text: str,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    placement: PlacementModel | None = DEFAULT_PLACEMENT,
    starts_check: StartCheck | None = DEFAULT_CHECK,
    cueless: CuelessModel | None = DEFAULT_CUELESS,
) -> list[SegmentedArticle]:
    """Segment an in-memory string (tests and small inputs); offsets are UTF-8 bytes."""
    data = io.BytesIO(text.encode("utf-8"))
    models = {"placement": placement, "starts_check": starts_check, "cueless": cueless}
    return list(segment_file(data, weights=weights, **models))
