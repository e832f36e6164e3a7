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
from dataclasses import dataclass, field
from typing import Any

from worker.rules.normalize import Tokens

TERM, AND, OR, NOT, NEAR = "t", "and", "or", "not", "near"
TITLE_BASE = 1 << 40
MAX_EVIDENCE = 20
SNIPPET_CHARS = 300

Hits = dict[int, list[int]]


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


@dataclass
class RuleMatch:
    rule: str  # topic id, or "@entity"
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "evidence": [e.to_json() for e in self.evidence]}


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
    ) -> None:
        self.version = version
        self._ac = automaton
        self._pat_terms = pat_terms
        self._term_len = term_len
        self._checks = term_checks
        self._rules = rules
        self._term_rules = term_rules
        self._always = always

    @property
    def rule_count(self) -> int:
        return len(self._rules)

    @property
    def pattern_count(self) -> int:
        return len(self._pat_terms)

    def _scan(self, toks: Tokens, base: int, hits: Hits) -> None:
        """Add the token positions of every term found in one field."""
        if self._ac is None or len(toks.hay) < 3:
            return
        raw = self._ac.find_matches_as_indexes(toks.hay, overlapping=True)
        if not raw:
            return
        by_pat: dict[int, list[int]] = {}
        for pid, s, _e in raw:
            lst = by_pat.get(pid)
            if lst is None:
                by_pat[pid] = [s]
            else:
                lst.append(s)
        index = toks.indexes([s for _p, s, _e in raw])
        checks = self._checks
        for pid, offs in by_pat.items():
            idxs = [index[s] for s in offs]
            for tid in self._pat_terms[pid]:
                chk = checks[tid]
                good = idxs if chk is None else self._confirm(toks.cased, idxs, chk)
                if not good:
                    continue
                if base:
                    good = [i + base for i in good]
                lst = hits.get(tid)
                if lst is None:
                    hits[tid] = list(good)
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
        """Every rule that matches the article, with evidence, in rule order."""
        text = text or ""
        body = Tokens(text)
        head = Tokens(title) if title else None
        hits: Hits = {}
        self._scan(body, 0, hits)
        if head is not None:
            self._scan(head, TITLE_BASE, hits)
        candidates = set(self._always)
        term_rules = self._term_rules
        for tid in hits:
            candidates.update(term_rules[tid])
        out = []
        for ri in sorted(candidates):
            rule_id, tree = self._rules[ri]
            if evaluate(tree, hits):
                out.append(RuleMatch(rule_id, self._evidence(tree, hits, body, head)))
        return out

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
                start = toks.spans[i][0]
                end = toks.spans[i + last][1]
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
