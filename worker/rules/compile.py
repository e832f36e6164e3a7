"""Compile a RuleSet into one Matcher: one automaton for every term of every rule.

Every term and alias becomes a pattern over the normalised token stream
``" tok1 tok2 … "``: a whole-token term is ``" word "``, a phrase
``" forced labour "``, a prefix ``" uyghur"`` (no closing space).  Spaces on
both sides make every hit a whole-token hit, so a hit needs no boundary check
in Python.  Patterns are shared by equal terms; case-sensitive acronyms share
the folded pattern and are confirmed against the case-kept tokens only when
they hit.  Each rule's boolean tree is compiled to nested tuples and evaluated
only when one of its trigger terms hit (see _triggers; rules such as ``NOT x``
are evaluated for every article): the percolator idea, so cost follows hits,
not rules.
"""

from __future__ import annotations

from typing import Any

import ahocorasick_rs

from worker.rules.load import RuleErrorItem, RulesError
from worker.rules.match import (
    AND,
    BY_CNF,
    FULL,
    NEAR,
    NOT,
    OR,
    SIMPLE,
    TERM,
    Cnf,
    Matcher,
)
from worker.rules.model import RuleSet
from worker.rules.normalize import is_acronym
from worker.rules.query import (
    And,
    Entity,
    Not,
    Or,
    QueryError,
    Slot,
    Term,
    leaf,
    make_term,
    parse_shape,
)


class _Builder:
    """Interns terms and patterns while rule trees are compiled."""

    def __init__(self, rs: RuleSet) -> None:
        self.rs = rs
        self.patterns: list[str] = []
        self.pattern_ids: dict[str, int] = {}
        self.pat_terms: list[list[int]] = []
        self.term_ids: dict[tuple[tuple[str, ...], bool], int] = {}
        self.term_len: list[int] = []
        self.term_checks: list[tuple[tuple[int, str, bool], ...] | None] = []
        self.entity_trees: dict[str, tuple] = {}
        self.leaves: dict[tuple[str, str, bool], tuple] = {}

    def leaf(self, tok: tuple[str, str, int], title_only: bool) -> tuple:
        """Compiled leaf for a query token, cached (rules repeat words a lot)."""
        key = (tok[0], tok[1], title_only)
        node = self.leaves.get(key)
        if node is None:
            ast = leaf(tok, title_only)
            if isinstance(ast, Entity):
                if ast.id not in self.rs.entities:
                    raise QueryError(f"unknown entity @{ast.id}")
                node = self.entity(ast.id, title_only)
            else:
                assert isinstance(ast, Term)
                node = (TERM, self.term(ast), title_only, ast.text)
            self.leaves[key] = node
        return node

    def shape(self, node: Any, toks: list[tuple[str, str, int]]) -> tuple:
        """A parsed query shape filled with its terms -> nested tuples."""
        if isinstance(node, Slot):
            return self.leaf(toks[node.i], node.title_only)
        if isinstance(node, And):
            return (AND, tuple([self.shape(c, toks) for c in node.children]))
        if isinstance(node, Or):
            return (OR, tuple([self.shape(c, toks) for c in node.children]))
        if isinstance(node, Not):
            return (NOT, self.shape(node.child, toks))
        return (NEAR, node.n, self.shape(node.left, toks), self.shape(node.right, toks))

    def term(self, t: Term) -> int:
        key = (t.tokens, t.prefix)
        tid = self.term_ids.get(key)
        if tid is not None:
            return tid
        tid = len(self.term_len)
        self.term_ids[key] = tid
        self.term_len.append(len(t.tokens))
        last = len(t.tokens) - 1
        checks = tuple(
            (k, tok, t.prefix and k == last) for k, tok in enumerate(t.tokens) if is_acronym(tok)
        )
        self.term_checks.append(checks or None)
        folded = " ".join(tok.casefold() for tok in t.tokens)
        pattern = f" {folded}" if t.prefix else f" {folded} "
        pid = self.pattern_ids.get(pattern)
        if pid is None:
            pid = len(self.patterns)
            self.pattern_ids[pattern] = pid
            self.patterns.append(pattern)
            self.pat_terms.append([])
        self.pat_terms[pid].append(tid)
        return tid

    def entity(self, eid: str, title_only: bool) -> tuple:
        key = f"{eid}:{title_only}"
        tree = self.entity_trees.get(key)
        if tree is None:
            leaves = []
            for alias in self.rs.entities[eid].aliases:
                t = make_term(alias.replace("*", ""))
                leaves.append((TERM, self.term(t), title_only, alias))
            tree = leaves[0] if len(leaves) == 1 else (OR, tuple(leaves))
            self.entity_trees[key] = tree
        return tree


def compile_rules(rs: RuleSet) -> Matcher:
    """One Matcher for every topic and entity of a validated RuleSet."""
    b = _Builder(rs)
    rules: list[tuple[str, tuple]] = []
    for eid in rs.entities:
        rules.append((f"@{eid}", b.entity(eid, False)))
    errors = []
    for tid, topic in rs.topics.items():
        try:
            shape, toks = parse_shape(topic.query)
            tree = b.shape(shape, toks)
        except QueryError as exc:  # only for RuleSets built by hand: load_rules checks this
            errors.append(RuleErrorItem(topic.file or "-", topic.line, tid, str(exc)))
            continue
        rules.append((tid, tree))
    if errors:
        raise RulesError(errors)
    term_rules: list[list[int]] = [[] for _ in b.term_len]
    kinds = bytearray(len(rules))
    cnfs: list[Cnf | None] = [None] * len(rules)
    always: list[int] = []
    cost = [1.0 / len(p) for p in b.patterns]  # longer patterns hit less often
    term_cost = [0.0] * len(b.term_len)
    for pid, tids in enumerate(b.pat_terms):
        for t in tids:
            term_cost[t] = cost[pid]
    for ri, (_, tree) in enumerate(rules):
        trig = _triggers(tree, term_cost)
        if trig is None:
            always.append(ri)
        else:
            for t in trig:
                term_rules[t].append(ri)
        kinds[ri], cnfs[ri] = _kind(tree)
    automaton = _automaton(b.patterns) if b.patterns else None
    return Matcher(
        version=rs.version,
        automaton=automaton,
        pat_terms=[tuple(p) for p in b.pat_terms],
        term_len=b.term_len,
        term_checks=b.term_checks,
        rules=rules,
        term_rules=[tuple(r) for r in term_rules],
        always=tuple(always),
        kinds=bytes(kinds),
        cnfs=cnfs,
    )


def _automaton(patterns: list[str]) -> ahocorasick_rs.BytesAhoCorasick:
    """One automaton over the UTF-8 haystack of normalize.Tokens.

    Bytes, not str: the haystack is built as bytes and the offsets stay byte
    offsets (only spaces are counted to turn them into token indexes), so no
    decode and no char-offset conversion.  The crate's default (a contiguous
    NFA beyond 100 patterns) is kept: a full DFA scans ~1.4x faster when its
    table is in cache, but on this shared machine, with matching interleaved
    with tokenising, its larger table (6 MB at 10,000 rules) made whole
    match() calls no faster.
    """
    return ahocorasick_rs.BytesAhoCorasick([p.encode("utf-8") for p in patterns])


def _triggers(tree: tuple, term_cost: list[float]) -> frozenset[int] | None:
    """Terms of which at least one must hit for the tree to hold (None: no such set).

    The percolator registers a rule only under these terms, so ``a AND b``
    is looked at only when its rarer side hit, not on every common word.
    Terms in the set are only candidates: the whole tree is still evaluated.
    """
    kind = tree[0]
    if kind == TERM:
        return frozenset((tree[1],))
    if kind == NOT:
        return None
    if kind == OR:
        out: set[int] = set()
        for c in tree[1]:
            sub = _triggers(c, term_cost)
            if sub is None:
                return None
            out |= sub
        return frozenset(out)
    children = tree[1] if kind == AND else tree[2:]
    best: frozenset[int] | None = None
    best_cost = 0.0
    for c in children:
        sub = _triggers(c, term_cost)
        if sub is None:
            continue
        c_cost = sum(term_cost[t] for t in sub)
        if best is None or c_cost < best_cost:
            best, best_cost = sub, c_cost
    return best


def _kind(tree: tuple) -> tuple[int, Cnf | None]:
    """How match() decides a candidate rule: SIMPLE, by its CNF, or FULL evaluation.

    A term or an OR of terms (none title-only) holds as soon as the rule is a
    candidate.  An AND of such parts and NOTs of them needs only the set of
    terms that hit, checked with C-level set operations; anything with NEAR or
    ``title:`` needs token positions, which are then computed for the article,
    but only once a necessary condition (_need) holds on the set of terms.
    """
    cnf = _cnf(tree)
    if cnf is None:
        return FULL, _need(tree)
    req, alts, neg = cnf
    if not neg and (len(req) + len(alts)) == 1:
        return SIMPLE, None
    return BY_CNF, cnf


def _terms_of(node: tuple) -> frozenset[int] | None:
    """Terms of a term or an OR of terms, none title-only (else None)."""
    if node[0] == TERM:
        return None if node[2] else frozenset((node[1],))
    if node[0] != OR:
        return None
    out: set[int] = set()
    for c in node[1]:
        sub = _terms_of(c)
        if sub is None:
            return None
        out |= sub
    return frozenset(out)


def _cnf(tree: tuple) -> Cnf | None:
    """(required terms, OR-clauses, forbidden terms) equivalent to tree, or None.

    The tree holds iff every required term hit, each clause has a term that
    hit and no forbidden term hit.
    """
    terms = _terms_of(tree)
    if terms is not None:
        if len(terms) == 1:
            return terms, (), frozenset()
        return frozenset(), (terms,), frozenset()
    if tree[0] == NOT:
        neg = _terms_of(tree[1])
        return None if neg is None else (frozenset(), (), neg)
    if tree[0] != AND:
        return None
    req: set[int] = set()
    alts: list[frozenset[int]] = []
    forbidden: set[int] = set()
    for c in tree[1]:
        sub = _cnf(c)
        if sub is None:
            return None
        req |= sub[0]
        alts.extend(sub[1])
        forbidden |= sub[2]
    return frozenset(req), tuple(alts), frozenset(forbidden)


_TRUE: Cnf = (frozenset(), (), frozenset())


def _need(tree: tuple) -> Cnf:
    """A CNF that every article matching tree satisfies (necessary, not sufficient).

    NEAR needs both sides, ``title:x`` needs x somewhere; what cannot be
    summarised this way relaxes to always-true.  match() checks it on the
    set of terms before paying for token positions.
    """
    kind = tree[0]
    if kind == TERM:
        return frozenset((tree[1],)), (), frozenset()
    if kind == NOT:
        neg = _terms_of(tree[1])
        return _TRUE if neg is None else (frozenset(), (), neg)
    if kind == OR:
        clause: set[int] = set()
        for c in tree[1]:
            req, alts, _neg = _need(c)
            if req:
                clause.add(min(req))
            elif alts:
                clause |= alts[0]
            else:
                return _TRUE
        return frozenset(), (frozenset(clause),), frozenset()
    parts = [_need(c) for c in (tree[1] if kind == AND else tree[2:])]
    return (
        frozenset().union(*(p[0] for p in parts)),
        tuple(a for p in parts for a in p[1]),
        frozenset().union(*(p[2] for p in parts)),
    )
