"""Keyed regular-expression alternations: big alternations tried cheaply per line.

worker.clean classifies every line of a dump against some 200 general
patterns, many of them large alternations of furniture phrases. Python's re
tries every branch of an alternation at every position (and, with IGNORECASE,
enters each branch whatever the line's first letter), which made line
classification the largest part of segmentation time. The two classes here give the
same matches for much less work, by reading the pattern's parse (re._parser)
once when it is compiled:

- AnchoredOrNot: '^'-anchored branches tried once at the line's start, the rest
  only when a literal each of their matches must contain is in the line (one
  Aho-Corasick pass), searched from where it can first start.
- ByFirst: a start-of-line alternation tried through only the branches that can
  begin with the line's first character.

They are general machinery, independent of which patterns clean.py defines.
"""

from __future__ import annotations

import re
import re._compiler
import re._parser
from collections.abc import Iterator
from typing import Any

import ahocorasick_rs

__all__ = ["AnchoredOrNot", "ByFirst"]


def _structure(pattern: str) -> Iterator[tuple[int, str]]:
    """(index, character) of each "(", ")" and "|" of a regular expression that is
    syntax: outside character classes and not escaped."""
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1  # "[]...]": a literal "]" first
        elif c in "()|":
            yield i, c
        i += 1


def _top_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split at '|' outside
    groups and character classes)."""
    alts, depth, start = [], 0, 0
    for i, c in _structure(pattern):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            alts.append(pattern[start:i])
            start = i + 1
    alts.append(pattern[start:])
    return alts


class AnchoredOrNot:
    """A compiled alternation whose '^'-anchored branches are tried once at the
    start of the line (re.match) and the rest anywhere (re.search): Python's
    search would otherwise try every anchored branch at every position.

    The unanchored branches are tried one by one, and only those whose required
    literal (see _required) is in the line: a search of the whole alternation
    tries every branch at every position of the line, 60-300 µs on a paragraph
    that merely holds one family keyword; one Aho-Corasick pass over the
    lower-cased line and one or two small searches take a few.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        alts = _top_alternatives(pattern)
        head = [a[1:] for a in alts if a.startswith("^")]
        rest = [a for a in alts if not a.startswith("^")]
        self._head = ByFirst("|".join(head), flags) if head else None
        self._rest = re.compile("|".join(rest), flags) if rest else None
        self._alts = [re.compile(a, flags) for a in rest]
        # how far before its literal a branch's match can start: its longest match
        # (huge for one that can run on without bound: searched from the line's start)
        self._reach = [re._parser.parse(a, flags).getwidth()[1] for a in rest]
        needs = [_required(a, flags) for a in rest]
        self._always = [k for k, need in enumerate(needs) if not need]
        words = sorted({w for need in needs for w in need})
        self._owners = [[k for k, need in enumerate(needs) if w in need] for w in words]
        self._ac = ahocorasick_rs.AhoCorasick(words) if words else None

    def search(self, s: str, rest: bool = True) -> re.Match[str] | None:
        """A match of the whole alternation in ``s`` (not always the leftmost one,
        as re.search would give), or None when it has none. ``rest`` False: the
        caller knows no unanchored branch can match (its keyword is missing)."""
        m = self._head.match(s) if self._head is not None else None
        if m is not None or self._rest is None or not rest:
            return m
        if self._ac is None or (not s.isascii() and any(c in s for c in _FOLDS_TO_ASCII)):
            return self._rest.search(s)  # (isascii() is a flag: no scan of the line)
        found = self._ac.find_matches_as_indexes(s.lower(), overlapping=True)
        if not found and not self._always:
            return None  # (most lines: no branch's literal)
        # where each branch's first literal is (s.lower() has the indexes of s: only
        # "İ", one of _FOLDS_TO_ASCII, lengthens): no match can start a branch's
        # reach before it, so its search starts there, not at the line's start
        first = dict.fromkeys(self._always, 0)
        for idx, start, _end in found:
            for k in self._owners[idx]:
                if first.get(k, start + 1) > start:
                    first[k] = start
        for k in sorted(first):
            if (m := self._alts[k].search(s, max(0, first[k] - self._reach[k]))) is not None:
                return m
        return None


#: The non-ASCII characters that re.IGNORECASE matches with an ASCII letter (İ, ı,
#: ſ, the Kelvin sign): a line holding one is searched whole, since its lower
#: case may not hold a branch's required literal although the branch matches.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _required(pattern: str, flags: int) -> set[str]:
    """Lower-cased literals one of which every match of ``pattern`` contains (empty
    when none is found): the longest such choice among its literal runs and its
    groups of alternatives."""
    best: set[str] = set()
    for need in _needs(list(re._parser.parse(pattern, flags))):
        if not best or (min(map(len, need)), -len(need)) > (min(map(len, best)), -len(best)):
            best = need
    return best


def _needs(items: list) -> list[set[str]]:
    """What a parsed sequence requires: each set holds literals one of which every
    match contains. Literal runs are cut at anything not a plain character (a
    class, an assertion, an optional part); cased non-ASCII characters cut them
    too, since their case folding is not str.lower()'s."""
    p = re._parser
    needs: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            needs.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is p.LITERAL and (av < 128 or chr(av).lower() == chr(av).upper()):
            run.append(chr(av).lower())
            continue
        flush()
        if op is p.SUBPATTERN:
            needs.extend(_needs(list(av[3])))
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT, p.POSSESSIVE_REPEAT) and av[0] >= 1:
            needs.extend(_needs(list(av[2])))
        elif op is p.BRANCH:
            choice: set[str] = set()
            for branch in av[1]:
                own = _needs(list(branch))
                if not own:
                    choice = set()
                    break
                choice |= max(own, key=lambda n: (min(map(len, n)), -len(n)))
            if choice:
                needs.append(choice)
    flush()
    return needs


class ByFirst:
    """A compiled alternation tried at the start of a line (re.match) through only
    the alternatives that can begin with the line's first character.

    re tries the alternatives one by one, and with re.IGNORECASE it enters each
    even when its first letter differs (1-6 µs on a headline for the large
    furniture patterns); picking the candidates by the first character takes a dict
    look-up. The first characters an alternative can begin with are read from its
    parse (see _first_chars); a line whose first character is not ASCII, or an
    empty one, is tried against the whole alternation. The alternatives kept keep
    their order, so the match is the one re.match would give; the pattern may
    have no groups, whose numbers would differ.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._whole = re.compile(pattern, flags)
        assert self._whole.groups == 0, "alternatives are recompiled: no group numbers"
        self._alts = [x for a in _top_alternatives(pattern) for x in _distributed(a)]
        self._flags = flags
        firsts = [_first_chars(re._parser.parse(a, self._whole.flags)) for a in self._alts]
        #: Which alternatives each ASCII first character selects; their pattern is
        #: compiled on first use (_for), so that importing costs no compiling of
        #: patterns for characters a run never meets.
        self._which = {
            c: tuple(k for k, f in enumerate(firsts) if f is None or c in f)
            for c in map(chr, range(128))
        }
        self._compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {(): None}
        self._by_first: dict[str, re.Pattern[str] | None] = {}

    def match(self, s: str) -> re.Match[str] | None:
        """re.match of the whole alternation."""
        c = s[:1]
        rx = self._by_first[c] if c in self._by_first else self._for(c)
        return rx.match(s) if rx is not None else None

    def _for(self, c: str) -> re.Pattern[str] | None:
        """The pattern for lines starting with ``c`` (the whole one unless ASCII)."""
        which = self._which.get(c)
        if which is None:
            return self._whole
        rx = self._compiled.get(which, _UNSET)
        if rx is _UNSET:
            rx = self._compiled[which] = re.compile(
                "|".join(self._alts[k] for k in which), self._flags
            )
        self._by_first[c] = rx
        return rx


_UNSET: Any = object()


def _distributed(alt: str) -> list[str]:
    """An alternative opening with a group of alternatives, ``^(?:A|B)rest``, as
    ``^Arest`` and ``^Brest`` (again for theirs): re tries them in the same order,
    so the match is the same, and they can then be told apart by first character."""
    anchor = "^" if alt.startswith("^") else ""
    body = alt[len(anchor) :]
    if not body.startswith("(?:"):
        return [alt]
    end = _group_end(body)
    if end is None or body[end + 1 : end + 2] in ("?", "*", "+", "{"):
        return [alt]  # "(?:...)?": repeated, not one of its alternatives
    inner, rest = body[3:end], body[end + 1 :]
    parts = _top_alternatives(inner)
    if len(parts) == 1:
        return [alt]
    return [x for part in parts for x in _distributed(anchor + part + rest)]


def _group_end(pattern: str) -> int | None:
    """Index of the parenthesis closing the group ``pattern`` opens with."""
    depth = 0
    for i, c in _structure(pattern):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _first_chars(parsed: re._parser.SubPattern) -> frozenset[str] | None:
    """The ASCII characters a match of a parsed pattern can begin with (a superset:
    assertions are passed over), or None when it can match the empty string or
    holds what is not followed here (a back reference, a conditional group)."""
    chars, empty = _seq_firsts(list(parsed), parsed.state.flags)
    return None if chars is None or empty else frozenset(chars)


def _seq_firsts(items: list, flags: int) -> tuple[set[str] | None, bool]:
    """What a parsed sequence can begin with (None: anything) and whether it can
    match the empty string."""
    p = re._parser
    out: set[str] = set()
    for op, av in items:
        if op in (p.LITERAL, p.NOT_LITERAL, p.IN, p.ANY):
            return out | _item_firsts((op, av), flags), False
        if op is p.SUBPATTERN:
            chars, empty = _seq_firsts(list(av[3]), (flags | av[1]) & ~av[2])
        elif op is p.ATOMIC_GROUP:
            chars, empty = _seq_firsts(list(av), flags)
        elif op is p.BRANCH:
            chars, empty = set(), False
            for branch in av[1]:
                bchars, bempty = _seq_firsts(list(branch), flags)
                if bchars is None:
                    return None, True
                chars |= bchars
                empty = empty or bempty
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT, p.POSSESSIVE_REPEAT):
            chars, empty = _seq_firsts(list(av[2]), flags)
            empty = empty or av[0] == 0
        elif op in (p.AT, p.ASSERT, p.ASSERT_NOT):
            chars, empty = set(), True  # zero width
        else:
            return None, True
        if chars is None:
            return None, True
        out |= chars
        if not empty:
            return out, False
    return out, True


def _item_firsts(item: tuple, flags: int) -> set[str]:
    """The ASCII characters one single-character item matches, as re decides with
    its flags (case folding included)."""
    sub = re._parser.SubPattern(re._parser.State(), [item])
    rx = re._compiler.compile(sub, flags)
    return {c for c in map(chr, range(128)) if rx.match(c)}
