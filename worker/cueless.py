"""Where a run of plain paragraphs holds a second page: a learned choice of cue-less split.

Half the pages of a scrape like the seed dump lost their whole header: one story's
last paragraph is followed by the next story's first, on the same subject, with no
headline, byline or date between. worker.segment finds the candidate splits of such
a run (paragraphs that could open a story) and the tf-idf cosine between the two
parts each would leave; its rules took the lowest cosine when it was low enough, or
a change of voice, the end of an interview's turns or of an explainer. Over the
seed-like written dumps those rules missed nearly half of these starts.

So the choice is made by a conditional logit (one choice per run, among its
candidates and "no split") over each candidate's evidence, the rules' pick among them:
how low its cosine is against the run's others, the cohesion dip at it, whether its
paragraph reads as a lead (a day of the week, one long sentence, a first word such as
"There" or "Every"; not "That" or "Some"), whether the paragraph above reads as a
story's last (a quote's attribution, what "will" happen next, a writer's note, a
pointer to a download), whether it introduces again by full name a person the part
above already named, whether the paragraph under it opens with a quote, whether a
photo (its caption, its credit), a line that closes a piece (an appeal, a writer's
note, a download link) or other furniture lies between it and the paragraph above,
how many paragraphs either side give someone's words (a report attributes, the
comment under it argues), how far the paragraph lengths change across it and how long
it is against the paragraphs above, how many words it shares with the two paragraphs
over it (a story carries on with the words it just used), and whether the run quotes
text from elsewhere (paragraphs ending with a colon). The best-scoring candidate
splits the run when its log-odds against "no split" pass a threshold, a higher one
where the rules themselves would not split the run; a split the rules made is dropped
only when no candidate comes near (thresholds set by cross-validation; the seed dump,
the one real scrape, weighs twenty times in the fit, so that it keeps its exact starts).
The parts are then split again the same way.

Fitted by benchmarks/cueless_fit.py on the labelled dumps (worker/cueless.json).
A first word is a feature only when it opened candidates in many dumps: no writer's
names are learned. Pure functions over plain data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from worker.placement import load_weights

MODEL_PATH = Path(__file__).with_name("cueless.json")

#: A paragraph's first word, the feature's key (lower-cased; "fw:_other" for the rest).
_FIRST_WORD = re.compile(r"[A-Za-z\u00c0-\u00ff'’]+")
#: A capitalised word (a name's, most often).
_CAPITALISED = r"[A-Z][a-z\u00e0-\u00ff'’-]+"
#: A name of two capitalised words ("Mette Dahlgren"); the second may be met alone.
_NAME_PAIR = re.compile(rf"\b({_CAPITALISED}) ({_CAPITALISED})\b")
#: A token that opens with a capitalised word (its trailing punctuation left out).
_CAP_TOKEN = re.compile(_CAPITALISED)
#: A capitalised word inside a sentence (after a lower-case word or a comma): a name.
_INNER_CAP = re.compile(r"(?<=[a-z,] )[A-Z][a-z\u00e0-\u00ff]+")
#: A capitalised word anywhere (the names a part above has used).
_CAP_WORD = re.compile(rf"\b{_CAPITALISED}\b")
#: What a story's last paragraph often looks ahead to.
_FUTURE = re.compile(r"\b(?:will|expected to|is due|are due|next (?:week|month|year)|later this)\b")
#: A lead's time words other than a weekday.
_TEMPORAL = re.compile(
    r"\b(?:yesterday|today|tonight|this (?:week|morning|year)|last (?:week|month|year|night)"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d)"
)
#: A paragraph that ends with whose words it gave ("..., she said.").
_ATTRIBUTED = re.compile(r"\b(?:said|says|added|told [a-z ]+)\.?[”\"]?$")
#: One sentence on who a piece's writer is ("Conrad Vey is finance spokesman for the
#: National Union party."): an op-ed's last line, under which a new piece begins.
_BIO_LINE = re.compile(
    r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3} (?:is|was|has been|are) "
    r"(?!(?:said|expected|due|set|to)\b)[^.;:“\"]{5,160}\.$"
)
#: A line that points the reader elsewhere (a download, the website): a page's end.
_POINTER = re.compile(
    r"\b(?:download|downloaded|our website|available (?:at|on|from)|sign up)\b", re.I
)
#: A line between two paragraphs that sends the reader away from the piece above
#: ("Download the full report", "Sign the petition", "Support our work"): its end.
_LINK_AWAY = re.compile(r"\b(?:download|sign the petition|support our work)\b", re.I)
#: A sentence's end inside a paragraph.
_INNER_STOP = re.compile(r"[.!?][”\"]? [A-Z“]")
_QUOTES = '“"'
#: A paragraph that gives someone's words.
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|[Aa]ccording to)\b")
#: Paragraphs each side of a split whose attributions are counted (attribution_shift).
ATTRIBUTION_SPAN = 6
#: Body paragraphs on the shorter side of a split, at or under which a part is small.
SMALL_SIDE = 6
TINY_SIDE = 4


@dataclass(frozen=True)
class CuelessModel:
    """Log-odds of a candidate split against no split of its run: the summed ``weights``
    of its features.
    ``first_words``: the first words that are features of their own.

    Where the rules chose a split of the run themselves, the best candidate takes its
    place when its log-odds pass ``threshold``; else the rules' split stands unless
    the best falls to ``threshold_drop`` or under (no candidate looks like a start:
    the run is one story). Where they chose none, the best splits the run only when
    it passes ``threshold_new`` (a split the rules would never have made)."""

    weights: dict[str, float]
    first_words: frozenset[str]
    threshold: float = 0.0
    threshold_drop: float = 0.0
    threshold_new: float = 0.0

    @classmethod
    def from_json(cls, data: dict) -> CuelessModel:
        return cls(
            dict(data["weights"]),
            frozenset(data["first_words"]),
            data["threshold"],
            data["threshold_drop"],
            data["threshold_new"],
        )

    def to_json(self) -> dict:
        return {
            "threshold": self.threshold,
            "threshold_drop": self.threshold_drop,
            "threshold_new": self.threshold_new,
            "first_words": sorted(self.first_words),
            "weights": dict(sorted(self.weights.items())),
        }

    def score(self, features: dict[str, float]) -> float:
        w = self.weights.get
        return sum(w(name, 0.0) * v for name, v in features.items())

    def first_word(self, word: str) -> str:
        return "fw:" + (word if word in self.first_words else "_other")

    def pick(
        self,
        features: Sequence[dict[str, float]],
        lines: Sequence[tuple[int, int]],
        rules_pick: int,
    ) -> int:
        """The candidate to split at, or -1 (``rules_pick``: the rules' own choice, -1
        for none). ``lines``, each candidate's possible first lines, are for the
        fitting script's stand-in, which labels candidates by them."""
        scores = [self.score(f) for f in features]
        k = max(range(len(scores)), key=scores.__getitem__)
        if rules_pick < 0:
            return k if scores[k] > self.threshold_new else -1
        if scores[k] > self.threshold:
            return k
        return rules_pick if scores[k] > self.threshold_drop else -1


@lru_cache(maxsize=1)
def default_model() -> CuelessModel | None:
    """The fitted model shipped with the package (None before one is fitted)."""
    data = load_weights(MODEL_PATH)
    return None if data is None else CuelessModel.from_json(data)


def first_word(text: str) -> str:
    """The paragraph's first word, lower-cased ("" when it has none)."""
    m = _FIRST_WORD.search(text, 0, 40)
    return m.group().lower() if m else ""


def paragraph_features(text: str, first: str) -> dict[str, float]:
    """What a candidate's own paragraph says of it (``first``: its first sentence)."""
    t = text.strip()
    return {
        "temporal": float(_TEMPORAL.search(first) is not None),
        "one_sent": float(_INNER_STOP.search(t[:-1]) is None),
        "q_end": float(t.endswith("?")),
        "num_first": float(bool(re.match(r"\W*\d", t))),
        "quote_in": float(any(q in t for q in _QUOTES)),
    }


def above_features(text: str) -> dict[str, float]:
    """What the paragraph above a candidate says of it: a story's last paragraph often
    attributes a quote or looks ahead; a short one, or one opening with a quote, rarely
    closes a story."""
    t = text.strip()
    return {
        "prev_future": float(_FUTURE.search(t) is not None),
        "prev_qstart": float(t[:1] in _QUOTES),
        "prev_said_end": float(_ATTRIBUTED.search(t[-40:]) is not None),
        "prev_short": float(len(t.split()) < 15),
        "prev_bio": float(_BIO_LINE.match(t) is not None),
        "prev_pointer": float(_POINTER.search(t) is not None),
    }


def links_away(text: str) -> bool:
    """Whether a line between two paragraphs sends the reader away from the piece
    above (a download, a petition, a donation): where that piece ends."""
    return _LINK_AWAY.search(text) is not None


def names_in(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """A paragraph's capitalised words, and its pairs of capitalised words side by
    side ("Minister Ivo", "Ivo Stennard"), for NamesAbove."""
    pairs = []
    prev = None
    for tok in text.split():
        m = _CAP_TOKEN.match(tok)
        word = m.group() if m else None
        if word is not None and prev is not None:
            pairs.append((prev, word))
        prev = word if word is not None and len(word) == len(tok) else None
    return _CAP_WORD.findall(text), pairs


def attributes(text: str) -> bool:
    """Whether a paragraph gives someone's words ("said", "told", "according to")."""
    return _ATTRIBUTION.search(text) is not None


def attribution_shift(counts: Sequence[int], bi: int) -> dict[str, float]:
    """The share of the ATTRIBUTION_SPAN paragraphs above a run's paragraph ``bi``, and
    of those from it down, that give someone's words (``counts[k]``: how many of the
    run's first k paragraphs do): a report attributes paragraph after paragraph, an
    op-ed or an analysis argues in its own voice, so a report followed by comment on
    the same subject shows where the second piece begins (and a report's second half
    attributes as much as its first)."""
    lo, hi = max(0, bi - ATTRIBUTION_SPAN), min(len(counts) - 1, bi + ATTRIBUTION_SPAN)
    up = (counts[bi] - counts[lo]) / max(1, bi - lo)
    down = (counts[hi] - counts[bi]) / max(1, hi - bi)
    return {"att_up": up, "att_down": down, "att_shift": up - down}


#: Paragraphs each side of a split whose mean lengths are compared (length_shift).
LENGTH_SPAN = 4


def length_shift(sizes: Sequence[int], bi: int) -> dict[str, float]:
    """How far the mean length of the LENGTH_SPAN paragraphs above a run's paragraph
    ``bi`` and of those from it down differ (|log ratio|; ``sizes[k]``: the words in
    the run's first k paragraphs): each outlet and each kind of piece keeps its own
    paragraph length (a wire report's one-sentence paragraphs, an op-ed's long argued
    ones), so two pieces on one subject often differ there where their words do not."""
    lo, hi = max(0, bi - LENGTH_SPAN), min(len(sizes) - 1, bi + LENGTH_SPAN)
    if bi == lo or hi == bi:
        return {}
    up = (sizes[bi] - sizes[lo]) / (bi - lo)
    down = (sizes[hi] - sizes[bi]) / (hi - bi)
    return {"len_shift": abs(math.log((up + 1.0) / (down + 1.0)))}


def own_length(words: int, sizes: Sequence[int], bi: int) -> dict[str, float]:
    """How long a candidate paragraph (``words``) is against the mean of the up to
    LENGTH_SPAN paragraphs over it (log ratio; ``sizes`` as for length_shift): a lead
    is often one long sentence, longer than the last paragraphs of the story above."""
    if bi < 2:
        return {}
    lo = max(0, bi - LENGTH_SPAN)
    mean = (sizes[bi] - sizes[lo]) / (bi - lo)
    return {"own_len": math.log((words + 1.0) / (mean + 1.0))}


#: Paragraphs ending with a colon at which a run counts as a quoting piece in full.
QUOTE_INTROS = 3


def quoting_run(colons: int) -> dict[str, float]:
    """A run whose paragraphs end with a colon (``colons`` of them) introduces text
    quoted from elsewhere ("Parton, meanwhile, writes that:"): a newsletter or a blog
    post that quotes reports at length, whose quoted leads read like new stories but
    are not. The same for every candidate of the run: it weighs them against "no
    split"."""
    return {"colon_run": min(colons, QUOTE_INTROS) / QUOTE_INTROS}


def adjacent_overlap(words: set[str], above: set[str]) -> dict[str, float]:
    """The overlap (cosine of the two sets) of a candidate paragraph's content words
    with those of the two paragraphs over it: a story's next paragraph carries on with
    the words just used ("coal-fired capacity ... in 2020" again), while a new story's
    lead, even on the same event, starts over from its own."""
    if not words or not above:
        return {}
    return {"adj_sim": len(words & above) / math.sqrt(len(words) * len(above))}


class NamesAbove:
    """The names used in the paragraphs above a point of a run, gathered as it is
    walked down: whole names ("Ivo Stennard"), and every capitalised word."""

    __slots__ = ("pairs", "words")

    def __init__(self) -> None:
        self.pairs: set[tuple[str, str]] = set()
        self.words: set[str] = set()

    def add(self, names: tuple[list[str], list[tuple[str, str]]]) -> None:
        """Take in one paragraph's names (names_in)."""
        self.words.update(names[0])
        self.pairs.update(names[1])

    def features(self, first: str) -> dict[str, float]:
        """A first sentence that names again in full someone the part above named in
        full (a new story introduces its people again; one story says "Stennard"),
        or by the surname alone; and the share of its inner names the part above
        never used."""
        out: dict[str, float] = {}
        names = set(_NAME_PAIR.findall(first))
        if names:
            full = sum(1 for pair in names if pair in self.pairs)
            out["reintro"] = float(full > 0)
            out["sur_seen"] = float(
                any(pair not in self.pairs and pair[1] in self.words for pair in names)
            )
        caps = set(_INNER_CAP.findall(first))
        if caps:
            out["cap_new"] = 1.0 - sum(1 for w in caps if w in self.words) / len(caps)
        return out
