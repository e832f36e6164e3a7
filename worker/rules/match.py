"""Running a compiled rule set over one article, with evidence.

The hot path per article: tokenise (in C for ASCII text), one Aho–Corasick
pass over the folded token stream, then a few dict operations per raw hit.
Everything else (acronym case checks, token offsets, boolean trees, NEAR,
evidence) happens only for patterns and rules that hit.

Positions are token indexes; title tokens are offset by TITLE_BASE so one
sorted list per term holds both fields and NEAR never pairs a title token with
a text token.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any

from worker.rules.normalize import Tokens

TERM, AND, OR, NOT, NEAR = "t", "and", "or", "not", "near"
# How a candidate rule is decided (see compile._kind).
SIMPLE, BY_CNF, FULL = 0, 1, 2
TITLE_BASE = 1 << 40
MAX_EVIDENCE = 20
SNIPPET_CHARS = 300

Hits = dict[int, list[int]]
# (terms that must all hit, clauses of which one term each must hit, terms that must not)
Cnf = tuple[frozenset[int], tuple[frozenset[int], ...], frozenset[int]]
_PATTERN_ID = itemgetter(0)


@dataclass
class Evidence:
    """Why a rule matched: the term or alias, its sentence, offsets into the text."""

    term: str
    snippet: str
    start: int
    end: int
    field: str = "text"  # "text" | "title" (offsets then point into the title)

    def to_json(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "snippet": self.snippet,
            "start": self.start,
            "end": self.end,
            "field": self.field,
        }


class RuleMatch:
    """A matched rule; its evidence is built on first access.

    Deciding which rules match is the hot path; evidence (offsets and the
    sentence around each term) is only needed for what gets stored or shown.
    """

    __slots__ = ("_evidence", "_source", "_tree", "rule")

    def __init__(
        self,
        rule: str,
        evidence: list[Evidence] | None = None,
        source: _Article | None = None,
        tree: tuple | None = None,
    ) -> None:
        self.rule = rule  # topic id, or "@entity"
        self._evidence = evidence
        self._source = source
        self._tree = tree

    @property
    def evidence(self) -> list[Evidence]:
        if self._evidence is None:
            src = self._source
            self._evidence = src.evidence(self._tree) if src is not None and self._tree else []
            self._source = None
        return self._evidence

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "evidence": [e.to_json() for e in self.evidence]}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RuleMatch):
            return NotImplemented
        return self.rule == other.rule and self.evidence == other.evidence

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RuleMatch(rule={self.rule!r}, evidence={self.evidence!r})"


class _Article:
    """One match() call: raw automaton hits, and token positions on demand.

    Positions (token indexes per term) cost a pass over the haystack, so they
    are computed only for rules that need them (NEAR, ``title:``, acronym
    checks) and for evidence.
    """

    __slots__ = ("_hits", "body", "head", "matcher", "raw_body", "raw_head")

    def __init__(
        self,
        matcher: Matcher,
        body: Tokens,
        head: Tokens | None,
        raw_body: list[tuple[int, int, int]],
        raw_head: list[tuple[int, int, int]],
    ) -> None:
        self.matcher = matcher
        self.body = body
        self.head = head
        self.raw_body = raw_body
        self.raw_head = raw_head
        self._hits: Hits | None = None

    @property
    def hits(self) -> Hits:
        """Sorted token positions of every term that hit (title at TITLE_BASE+)."""
        if self._hits is None:
            hits: Hits = {}
            if self.raw_body:
                self.matcher._positions(self.body, self.raw_body, 0, hits)
            if self.raw_head and self.head is not None:
                self.matcher._positions(self.head, self.raw_head, TITLE_BASE, hits)
            self._hits = hits
        return self._hits

    def evidence(self, tree: tuple) -> list[Evidence]:
        return self.matcher._evidence(tree, self.hits, self.body, self.head)


def _positions(node: tuple, hits: Hits) -> list[int]:
    pos = hits.get(node[1])
    if not pos:
        return []
    if node[2]:  # title only
        return pos[bisect_left(pos, TITLE_BASE) :]
    return pos


def evaluate(node: tuple, hits: Hits) -> bool:
    """Truth of a compiled tree given each term's sorted positions."""
    kind = node[0]
    if kind == TERM:
        return bool(_positions(node, hits))
    if kind == AND:
        return all(evaluate(c, hits) for c in node[1])
    if kind == OR:
        return any(evaluate(c, hits) for c in node[1])
    if kind == NOT:
        return not evaluate(node[1], hits)
    return bool(occurrences(node, hits))


def occurrences(node: tuple, hits: Hits) -> list[int]:
    """Sorted first-token positions where ``node`` holds (for NEAR).

    A term: its hits.  OR: the union.  AND (and ``a NOT b``): the union of
    its positive parts when the whole holds.  NEAR: the positions of both
    sides that take part in a pair at most n tokens apart.
    """
    kind = node[0]
    if kind == TERM:
        return _positions(node, hits)
    if kind == OR:
        return sorted({p for c in node[1] for p in occurrences(c, hits)})
    if kind == AND:
        if not evaluate(node, hits):
            return []
        return sorted({p for c in node[1] if c[0] != NOT for p in occurrences(c, hits)})
    if kind == NOT:
        return []
    n = node[1]
    left = occurrences(node[2], hits)
    if not left:
        return []
    right = occurrences(node[3], hits)
    out: set[int] = set()
    for a in left:
        lo = bisect_left(right, a - n)
        hi = bisect_right(right, a + n)
        if lo < hi:
            out.add(a)
            out.update(right[lo:hi])
    return sorted(out)


def _positive_terms(tree: tuple) -> list[tuple]:
    """Term leaves not under a NOT, in query order (they are the evidence)."""
    out: list[tuple] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        kind = node[0]
        if kind == TERM:
            out.append(node)
        elif kind in (AND, OR):
            stack.extend(reversed(node[1]))
        elif kind == NEAR:
            stack.extend((node[3], node[2]))
    return out


_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*\s|\n")


def snippet(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], at most about SNIPPET_CHARS long."""
    lo = max(0, start - SNIPPET_CHARS // 2)
    a = lo
    for m in _SENT_END.finditer(text, lo, start):
        a = m.end()
    if a == lo and lo > 0:
        space = text.find(" ", lo, start)
        a = space + 1 if space >= 0 else lo
    hi = min(len(text), end + SNIPPET_CHARS // 2)
    m = _SENT_END.search(text, end, hi)
    if m is not None:
        b = m.start() + 1
    elif hi < len(text):
        space = text.rfind(" ", end, hi)
        b = space if space >= 0 else hi
    else:
        b = hi
    return " ".join(text[a:b].split())


class Matcher:
    """A compiled rule set (see compile.py); thread-safe and read-only."""

    def __init__(
        self,
        *,
        version: str,
        automaton: Any,
        pat_terms: list[tuple[int, ...]],
        term_len: list[int],
        term_checks: list[tuple[tuple[int, str, bool], ...] | None],
        rules: list[tuple[str, tuple]],
        term_rules: list[tuple[int, ...]],
        always: tuple[int, ...],
        kinds: bytes,
        cnfs: list[Cnf | None],
    ) -> None:
        self.version = version
        self._ac = automaton
        self._pat_terms = pat_terms
        # per pattern: its only term when no acronym check is needed, else -1
        self._pat_single = [
            p[0] if len(p) == 1 and term_checks[p[0]] is None else -1 for p in pat_terms
        ]
        self._term_len = term_len
        self._checks = term_checks
        self._rules = rules
        self._term_rules = term_rules
        self._always = always
        self._kinds = kinds  # per rule: SIMPLE, BY_CNF or FULL
        self._cnfs = cnfs
        # per pattern: the terms it proves by hitting (none if a term needs a check)
        self._pat_proves = [() if any(term_checks[t] for t in p) else p for p in pat_terms]
        self._checked = frozenset(
            i for i, p in enumerate(pat_terms) if any(term_checks[t] for t in p)
        )
        # per pattern: the rules it makes candidates (one tuple: one lookup per hit)
        self._pat_cands = [
            tuple(sorted(set(chain.from_iterable([term_rules[t] for t in proves]))))
            for proves in self._pat_proves
        ]

    @property
    def rule_count(self) -> int:
        return len(self._rules)

    @property
    def pattern_count(self) -> int:
        return len(self._pat_terms)

    def _find(self, toks: Tokens) -> list[tuple[int, int, int]]:
        """Raw (pattern, start, end) hits of the automaton in one field."""
        if self._ac is None or len(toks.hay) < 3:
            return []
        return self._ac.find_matches_as_indexes(toks.hay, overlapping=True)

    def _positions(
        self, toks: Tokens, raw: list[tuple[int, int, int]], base: int, hits: Hits
    ) -> None:
        """Add the token positions of every term found in one field."""
        index = toks.indexes([s for _p, s, _e in raw])
        single = self._pat_single
        slow: dict[int, list[int]] = {}
        for pid, s, _e in raw:
            tid = single[pid]
            if tid < 0:  # several terms share the pattern, or an acronym check
                lst = slow.get(pid)
                if lst is None:
                    slow[pid] = [index[s]]
                else:
                    lst.append(index[s])
                continue
            lst = hits.get(tid)
            # one pattern per term, reported in order, and the title (base > 0)
            # is scanned after the text: every list stays sorted
            if lst is None:
                hits[tid] = [index[s] + base]
            else:
                lst.append(index[s] + base)
        for pid, idxs in slow.items():
            self._add_checked(pid, idxs, toks, base, hits)

    def _add_checked(self, pid: int, idxs: list[int], toks: Tokens, base: int, hits: Hits) -> None:
        """Terms of a shared or case-checked pattern: confirm, then record."""
        for tid in self._pat_terms[pid]:
            chk = self._checks[tid]
            good = idxs if chk is None else self._confirm(toks.cased, idxs, chk)
            if not good:
                continue
            good = [i + base for i in good]
            lst = hits.get(tid)
            if lst is None:
                hits[tid] = good
            else:
                lst.extend(good)
                lst.sort()

    @staticmethod
    def _confirm(
        cased: list[str], idxs: list[int], chk: tuple[tuple[int, str, bool], ...]
    ) -> list[int]:
        """Keep hits whose acronym tokens have exactly the written capitals."""
        out = []
        for i in idxs:
            for k, tok, prefix in chk:
                got = cased[i + k]
                if not (got.startswith(tok) if prefix else got == tok):
                    break
            else:
                out.append(i)
        return out

    def match(self, title: str | None, text: str) -> list[RuleMatch]:
        """Every rule that matches the article, with evidence, in rule order.

        The hot path works on the set of patterns that hit: C-level set and
        chain operations give the rules that hold outright (a term or an OR
        of terms) and the other candidates, which are decided on the set of
        terms without token positions where possible (see compile._kind).
        """
        body = Tokens(text or "")
        head = Tokens(title) if title else None
        raw_body = self._find(body)
        raw_head = self._find(head) if head is not None else []
        if not raw_body and not raw_head and not self._always:
            return []
        art = _Article(self, body, head, raw_body, raw_head)
        pids = set(map(_PATTERN_ID, raw_body))
        if raw_head:
            pids.update(map(_PATTERN_ID, raw_head))
        if not self._checked.isdisjoint(pids):
            return self._match_checked(art)
        found = set(chain.from_iterable(map(self._pat_cands.__getitem__, pids)))
        kinds = self._kinds
        other = [ri for ri in found if kinds[ri] != SIMPLE]
        if other or self._always:
            terms = set(chain.from_iterable(map(self._pat_proves.__getitem__, pids)))
            found.difference_update([ri for ri in other if not self._holds(ri, terms, art)])
            found.update([ri for ri in self._always if self._holds(ri, terms, art)])
        rules = self._rules
        return [RuleMatch(rules[ri][0], None, art, rules[ri][1]) for ri in sorted(found)]

    def _match_checked(self, art: _Article) -> list[RuleMatch]:
        """match() when an acronym pattern hit: terms come from confirmed positions."""
        terms = set(art.hits)
        candidates = set(chain.from_iterable(map(self._term_rules.__getitem__, terms)))
        candidates.update(self._always)
        kinds = self._kinds
        rules = self._rules
        return [
            RuleMatch(rules[ri][0], None, art, rules[ri][1])
            for ri in sorted(candidates)
            if kinds[ri] == SIMPLE or self._holds(ri, terms, art)
        ]

    def _holds(self, ri: int, terms: set[int], art: _Article) -> bool:
        """Whether candidate rule ri (not SIMPLE) holds, given the terms that hit.

        Exact for BY_CNF; for FULL the CNF is a necessary condition, checked
        before token positions are computed for the full evaluation.
        """
        req, alts, neg = self._cnfs[ri]  # type: ignore[misc]
        if not (req <= terms and neg.isdisjoint(terms)):
            return False
        if any(map(terms.isdisjoint, alts)):
            return False
        return self._kinds[ri] != FULL or evaluate(self._rules[ri][1], art.hits)

    def _evidence(
        self, tree: tuple, hits: Hits, body: Tokens, head: Tokens | None
    ) -> list[Evidence]:
        """First occurrence, per field, of each positive term that hit."""
        out: list[Evidence] = []
        seen: set[tuple[int, bool]] = set()
        for node in _positive_terms(tree):
            pos = _positions(node, hits)
            if not pos:
                continue
            last = self._term_len[node[1]] - 1
            for in_title in (False, True):
                if (node[1], in_title) in seen:
                    continue
                k = bisect_left(pos, TITLE_BASE)
                chosen = (
                    pos[k]
                    if in_title and k < len(pos)
                    else pos[0]
                    if not in_title and k > 0
                    else None
                )
                if chosen is None:
                    continue
                seen.add((node[1], in_title))
                toks = head if in_title else body
                assert toks is not None
                i = chosen - TITLE_BASE if in_title else chosen
                start = toks.span(i)[0]
                end = toks.span(i + last)[1]
                src = toks.text
                out.append(
                    Evidence(
                        term=node[3],
                        snippet=snippet(src, start, end),
                        start=start,
                        end=end,
                        field="title" if in_title else "text",
                    )
                )
                if len(out) >= MAX_EVIDENCE:
                    return sorted(out, key=lambda e: (e.field != "title", e.start))
        return sorted(out, key=lambda e: (e.field != "title", e.start))
