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
    Near,
    Node,
    Not,
    Or,
    QueryError,
    Term,
    entity_refs,
    make_term,
    parse_query,
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

    def tree(self, node: Node) -> tuple:
        """AST -> nested tuples understood by match.evaluate."""
        if isinstance(node, Term):
            return (TERM, self.term(node), node.title_only, node.text)
        if isinstance(node, Entity):
            return self.entity(node.id, node.title_only)
        if isinstance(node, And):
            return (AND, tuple(self.tree(c) for c in node.children))
        if isinstance(node, Or):
            return (OR, tuple(self.tree(c) for c in node.children))
        if isinstance(node, Not):
            return (NOT, self.tree(node.child))
        assert isinstance(node, Near)
        return (NEAR, node.n, self.tree(node.left), self.tree(node.right))


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
    for eid in rs.entities:
        rules.append((f"@{eid}", b.entity(eid, False)))
    errors = []
    for tid, topic in rs.topics.items():
        try:
            ast = parse_query(topic.query)
            missing = sorted(entity_refs(ast) - set(rs.entities))
            if missing:
                raise QueryError(f"unknown entity @{missing[0]}")
        except QueryError as exc:  # only for RuleSets built by hand: load_rules checks this
            errors.append(RuleErrorItem(topic.file or "-", topic.line, tid, str(exc)))
            continue
        rules.append((tid, b.tree(ast)))
    if errors:
        raise RulesError(errors)
    term_rules: list[list[int]] = [[] for _ in b.term_len]
    always: list[int] = []
    simple = bytearray(len(rules))
    for ri, (_, tree) in enumerate(rules):
        for t in _term_ids(tree):
            term_rules[t].append(ri)
        if evaluate(tree, {}):
            always.append(ri)
        simple[ri] = _is_simple(tree)
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
