"""Compile a RuleSet into one Matcher: one automaton for every term of every rule.

Every term and alias becomes a pattern over the normalised token stream
``" tok1 tok2 … "``: a whole-token term is ``" word "``, a phrase
``" forced labour "``, a prefix ``" uyghur"`` (no closing space).  Spaces on
both sides make every hit a whole-token hit, so a hit needs no boundary check
in Python.  Patterns are shared by equal terms; case-sensitive acronyms share
the folded pattern and are confirmed against the case-kept tokens only when
they hit.  Each rule's boolean tree is compiled to nested tuples and evaluated
only when one of its terms hit (or when it is true with no hits at all, such
as ``NOT x``): the percolator idea, so cost follows hits, not rules.
"""

from __future__ import annotations

from typing import Any

import ahocorasick_rs

from worker.rules.load import RuleErrorItem, RulesError
from worker.rules.match import (
    AND,
    NEAR,
    NOT,
    OR,
    TERM,
    Matcher,
    evaluate,
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
        self.leaves: dict[tuple[str, str, bool], tuple[tuple, tuple[int, ...]]] = {}
        self.has_not = False
        self.tids: list[int] = []  # term ids of the rule being compiled

    def leaf(self, tok: tuple[str, str, int], title_only: bool) -> tuple:
        """Compiled leaf for a query token, cached (rules repeat words a lot)."""
        key = (tok[0], tok[1], title_only)
        cached = self.leaves.get(key)
        if cached is None:
            ast = leaf(tok, title_only)
            if isinstance(ast, Entity):
                if ast.id not in self.rs.entities:
                    raise QueryError(f"unknown entity @{ast.id}")
                node = self.entity(ast.id, title_only)
            else:
                assert isinstance(ast, Term)
                node = (TERM, self.term(ast), title_only, ast.text)
            cached = self.leaves[key] = (node, tuple(_term_ids(node)))
        self.tids.extend(cached[1])
        return cached[0]

    def shape(self, node: Any, toks: list[tuple[str, str, int]]) -> tuple:
        """A parsed query shape filled with its terms -> nested tuples."""
        if isinstance(node, Slot):
            return self.leaf(toks[node.i], node.title_only)
        if isinstance(node, And):
            return (AND, tuple([self.shape(c, toks) for c in node.children]))
        if isinstance(node, Or):
            return (OR, tuple([self.shape(c, toks) for c in node.children]))
        if isinstance(node, Not):
            self.has_not = True
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


def _term_ids(tree: tuple) -> set[int]:
    """Every term of a compiled tree (positive or negated)."""
    out: set[int] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        kind = node[0]
        if kind == TERM:
            out.add(node[1])
        elif kind in (AND, OR):
            stack.extend(node[1])
        elif kind == NOT:
            stack.append(node[1])
        else:
            stack.extend(node[2:])
    return out


def compile_rules(rs: RuleSet) -> Matcher:
    """One Matcher for every topic and entity of a validated RuleSet."""
    b = _Builder(rs)
    rules: list[tuple[str, tuple]] = []
    rule_tids: list[list[int]] = []
    for eid in rs.entities:
        tree = b.entity(eid, False)
        rules.append((f"@{eid}", tree))
        rule_tids.append(list(_term_ids(tree)))
    errors = []
    maybe_always: list[int] = []
    for tid, topic in rs.topics.items():
        b.has_not = False
        b.tids = []
        try:
            shape, toks = parse_shape(topic.query)
            tree = b.shape(shape, toks)
        except QueryError as exc:  # only for RuleSets built by hand: load_rules checks this
            errors.append(RuleErrorItem(topic.file or "-", topic.line, tid, str(exc)))
            continue
        if b.has_not:  # only a tree with NOT can hold when nothing hit
            maybe_always.append(len(rules))
        rules.append((tid, tree))
        rule_tids.append(b.tids)
    if errors:
        raise RulesError(errors)
    term_rules: list[list[int]] = [[] for _ in b.term_len]
    simple = bytearray(len(rules))
    for ri, (_, tree) in enumerate(rules):
        for t in set(rule_tids[ri]):
            term_rules[t].append(ri)
        simple[ri] = _is_simple(tree)
    always = [ri for ri in maybe_always if evaluate(rules[ri][1], {})]
    automaton = ahocorasick_rs.AhoCorasick(b.patterns, store_patterns=False) if b.patterns else None
    return Matcher(
        version=rs.version,
        automaton=automaton,
        pat_terms=[tuple(p) for p in b.pat_terms],
        term_len=b.term_len,
        term_checks=b.term_checks,
        rules=rules,
        term_rules=[tuple(r) for r in term_rules],
        always=tuple(always),
        simple=bytes(simple),
    )


def _is_simple(tree: tuple) -> bool:
    """A term or an OR of terms, none title-only: true whenever one term hit."""
    if tree[0] == TERM:
        return not tree[2]
    return tree[0] == OR and all(c[0] == TERM and not c[2] for c in tree[1])
