"""A slow, obviously-correct evaluator of the query language, for property tests.

It shares nothing with the compiled matcher except the per-token folding
definition (normalize.fold_piece): tokens are found one character at a time,
terms are compared token by token at every position, and the AST is evaluated
directly.  If the automaton, the percolator, the position bookkeeping or the
parser disagree with this, the property test shows the smallest example.
"""

from __future__ import annotations

from worker.rules.normalize import fold_piece, is_acronym
from worker.rules.query import And, Entity, Near, Node, Not, Or, Term, make_term


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x2FDF
        or o in (0x3005, 0x3007)
        or 0x3021 <= o <= 0x3029
        or 0x3040 <= o <= 0x309F
        or 0x30A1 <= o <= 0x30FF
        or 0x3100 <= o <= 0x312F
        or 0x31A0 <= o <= 0x31FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xA960 <= o <= 0xA97F
        or 0xAC00 <= o <= 0xD7A3
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
    )


def _word_char(ch: str) -> bool:
    o = ord(ch)
    return (
        ch.isalnum()
        or 0x300 <= o <= 0x36F
        or 0x1AB0 <= o <= 0x1AFF
        or 0x1DC0 <= o <= 0x1DFF
        or 0x20D0 <= o <= 0x20FF
        or 0xFE20 <= o <= 0xFE2F
        or 0x900 <= o <= 0x963
        or 0x966 <= o <= 0xD7F
        or 0xE00 <= o <= 0xE7F
    )


def slow_tokens(text: str) -> list[str]:
    """Case-kept folded tokens, found character by character."""
    raw: list[str] = []
    cur = ""
    for ch in text:
        if _word_char(ch):
            if cur and _is_cjk(cur[-1]) != _is_cjk(ch):
                raw.append(cur)
                cur = ""
            cur += ch
        elif cur:
            raw.append(cur)
            cur = ""
    if cur:
        raw.append(cur)
    out: list[str] = []
    for r in raw:
        out.extend(fold_piece(r))
    return out


def _tok_eq(text_tok: str, q: str, prefix: bool) -> bool:
    if not is_acronym(q):
        text_tok, q = text_tok.casefold(), q.casefold()
    return text_tok.startswith(q) if prefix else text_tok == q


def term_positions(term: Term, fields: dict[str, list[str]]) -> set[tuple[str, int]]:
    """Every (field, index) where the term's tokens start."""
    out = set()
    n = len(term.tokens)
    for name, toks in fields.items():
        if term.title_only and name != "title":
            continue
        for i in range(len(toks) - n + 1):
            if all(
                _tok_eq(toks[i + k], term.tokens[k], term.prefix and k == n - 1) for k in range(n)
            ):
                out.add((name, i))
    return out


class SlowEvaluator:
    """Direct evaluation of an AST over an article's token lists."""

    def __init__(self, entities: dict[str, list[str]]) -> None:
        self.entities = entities

    def _entity(self, e: Entity) -> Node:
        terms = [make_term(a) for a in self.entities[e.id]]
        terms = [Term(t.text, t.tokens, t.prefix, e.title_only) for t in terms]
        return Or(tuple(terms))

    def occ(self, node: Node, fields: dict[str, list[str]]) -> set[tuple[str, int]]:
        if isinstance(node, Term):
            return term_positions(node, fields)
        if isinstance(node, Entity):
            return self.occ(self._entity(node), fields)
        if isinstance(node, Or):
            return set().union(*(self.occ(c, fields) for c in node.children))
        if isinstance(node, And):
            if not self.truth(node, fields):
                return set()
            parts = [self.occ(c, fields) for c in node.children if not isinstance(c, Not)]
            return set().union(*parts)
        if isinstance(node, Not):
            return set()
        assert isinstance(node, Near)
        left = self.occ(node.left, fields)
        right = self.occ(node.right, fields)
        out = set()
        for fa, a in left:
            for fb, b in right:
                if fa == fb and abs(a - b) <= node.n:
                    out.add((fa, a))
                    out.add((fb, b))
        return out

    def truth(self, node: Node, fields: dict[str, list[str]]) -> bool:
        if isinstance(node, Term | Entity | Near):
            return bool(self.occ(node, fields))
        if isinstance(node, And):
            return all(self.truth(c, fields) for c in node.children)
        if isinstance(node, Or):
            return any(self.truth(c, fields) for c in node.children)
        assert isinstance(node, Not)
        return not self.truth(node.child, fields)

    def matches(self, node: Node, title: str | None, text: str) -> bool:
        fields = {"text": slow_tokens(text), "title": slow_tokens(title or "")}
        return self.truth(node, fields)


def render(node: Node, implicit: bool = False) -> str:
    """A fully parenthesised query string for an AST."""
    if isinstance(node, Term):
        body = " ".join(node.tokens)
        text = f'"{body}"' if len(node.tokens) > 1 else body
        if node.prefix:
            text = text[:-1] + '*"' if text.endswith('"') else text + "*"
        return f"title:{text}" if node.title_only else text
    if isinstance(node, Entity):
        return f"title:@{node.id}" if node.title_only else f"@{node.id}"
    if isinstance(node, And):
        sep = " " if implicit else " AND "
        return "(" + sep.join(render(c, implicit) for c in node.children) + ")"
    if isinstance(node, Or):
        return "(" + " OR ".join(render(c, implicit) for c in node.children) + ")"
    if isinstance(node, Not):
        return f"(NOT {render(node.child, implicit)})"
    return f"({render(node.left, implicit)} NEAR/{node.n} {render(node.right, implicit)})"
