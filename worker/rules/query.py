"""The query language of spec/rules.md: a lark LALR grammar and a small AST.

Precedence, tight to loose: NEAR, NOT, AND (explicit or implicit), OR.
Operators are recognised only in capitals; ``and``/``or``/``not``/``near`` are
plain words.  Terms are tokenised exactly like article text (normalize.py), so
a term that splits into several tokens (``forced-labour``, ``COVID-19``) is a
phrase.

Our own regex lexer feeds lark's LALR parser (lark's lexer costs ~100 µs per
query, too slow for 100,000 rules), and the parser builds the AST through an
inline transformer, so neither step recurses: very deep or very long queries
are refused by explicit limits with a clear message instead of a hang or a
RecursionError.  lark itself is imported only when a query is more than one
term or an OR of terms, which keeps `newswatch match` quick to start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from worker.rules.normalize import Tokens, is_acronym, plain_punctuation

MAX_QUERY_CHARS = 20_000
MAX_TERMS = 2_000
MAX_DEPTH = 64
MAX_NEAR = 1_000
MIN_PREFIX = 3


class QueryError(ValueError):
    """A query that cannot be parsed or is out of bounds; the message is for users."""


@dataclass(frozen=True, slots=True)
class Term:
    """A word, phrase or prefix, as normalised tokens (case kept)."""

    text: str  # as written in the query, for evidence
    tokens: tuple[str, ...]  # NFKC + accent folded, case kept
    prefix: bool = False  # last token is a prefix (written ``word*``)
    title_only: bool = False

    @property
    def case_sensitive(self) -> tuple[bool, ...]:
        """Per token: is it an all-capitals acronym (matched as written)?"""
        return tuple(is_acronym(t) for t in self.tokens)


@dataclass(frozen=True, slots=True)
class Entity:
    """``@id``: any alias of the entity."""

    id: str
    title_only: bool = False


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class Near:
    """Occurrences of left and right whose first tokens are <= n tokens apart."""

    n: int
    left: Node
    right: Node


Node = Term | Entity | And | Or | Not | Near

_GRAMMAR = r"""
?start: or_expr
?or_expr: and_expr (OR and_expr)*
?and_expr: not_expr (AND? not_expr)*
?not_expr: unary (NOT near_expr)*
?unary: NOT unary -> neg
      | near_expr
?near_expr: atom (NEAR atom)*
?atom: WORD -> word
     | PHRASE -> phrase
     | ENTITY -> entity
     | FIELD atom -> field
     | LPAR or_expr RPAR -> group
%declare OR AND NOT NEAR WORD PHRASE ENTITY FIELD LPAR RPAR
"""

# Whitespace matches no alternative, so finditer skips it without a token.
_LEX = re.compile(r'([()])|("[^"]*")|(")|((?i:title):)|([^\s()"]+)')
_NEAR = re.compile(r"NEAR/([0-9]{1,9})")
_OPS = {"AND", "OR", "NOT"}
_SPECIAL_START = frozenset("ANO@")


Token = tuple[str, str, int]  # (kind, text, column): cheap; lark Tokens are built only in _shape


def _lex(query: str) -> list[Token]:
    """Tokens of a query; raises QueryError for quotes and parentheses.

    Written for speed (100,000 rules compile in seconds): ``findall`` does
    the scanning in C and columns are worked out only to explain an error.
    """
    out: list[Token] = []
    depth = 0
    terms = 0
    for paren, phrase, quote, fieldname, word in _LEX.findall(query):
        if word:
            if word[0] in _SPECIAL_START:
                try:
                    kind = _word_kind(word, 0)
                except QueryError:
                    break  # explained with its column below
                if kind in _TERM_KINDS:
                    terms += 1
                out.append((kind, word, 0))
            else:
                terms += 1
                out.append(("WORD", word, 0))
        elif phrase:
            terms += 1
            out.append(("PHRASE", phrase, 0))
        elif paren == "(":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(f"query nested too deeply (more than {MAX_DEPTH} levels)")
            out.append(("LPAR", paren, 0))
        elif paren:
            depth -= 1
            if depth < 0:
                break
            out.append(("RPAR", paren, 0))
        elif quote:
            break
        else:
            out.append(("FIELD", fieldname, 0))
    else:
        if terms > MAX_TERMS:
            raise QueryError(f"query too large: more than {MAX_TERMS} terms")
        if depth > 0:
            raise QueryError("unbalanced parenthesis: '(' is never closed")
        return out
    return _lex_columns(query)


def _lex_columns(query: str) -> list[Token]:
    """The slow lexer: same tokens with columns, and the error messages."""
    depth = 0
    terms = 0
    out: list[Token] = []
    for m in _LEX.finditer(query):
        paren, phrase, quote, fieldname, word = m.groups()
        col = m.start() + 1
        if word is not None:
            kind = "WORD" if word[0] not in _SPECIAL_START else _word_kind(word, col)
            if kind in _TERM_KINDS:
                terms += 1
            out.append((kind, word, col))
        elif phrase is not None:
            terms += 1
            out.append(("PHRASE", phrase, col))
        elif paren is not None:
            if paren == "(":
                depth += 1
                if depth > MAX_DEPTH:
                    raise QueryError(f"query nested too deeply (more than {MAX_DEPTH} levels)")
                out.append(("LPAR", paren, col))
            else:
                depth -= 1
                if depth < 0:
                    raise QueryError(f"unbalanced parenthesis: ')' at column {col} closes nothing")
                out.append(("RPAR", paren, col))
        elif quote is not None:
            raise QueryError(f"unbalanced quote at column {col}")
        else:
            out.append(("FIELD", fieldname, col))
    if terms > MAX_TERMS:
        raise QueryError(f"query too large: more than {MAX_TERMS} terms")
    if depth > 0:
        raise QueryError("unbalanced parenthesis: '(' is never closed")
    return out


_TERM_KINDS = frozenset(("WORD", "PHRASE", "ENTITY"))


def _word_kind(value: str, col: int) -> str:
    """Operators in capitals, entities, or a plain word."""
    if value in _OPS:
        return value
    if value.startswith("NEAR"):
        if _NEAR.fullmatch(value):
            return "NEAR"
        if value == "NEAR" or value.startswith("NEAR/"):
            raise QueryError(f"NEAR needs a distance, e.g. NEAR/5 (column {col})")
    if value.startswith("@"):
        return "ENTITY"
    return "WORD"


_ENTITY_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def make_term(raw: str, col: int = 0) -> Term:
    """A term from a word or phrase as written; checks prefixes.

    Cached: large rule sets repeat the same words many times.
    """
    return _make_term(raw)


@lru_cache(maxsize=1 << 17)
def _make_term(raw: str) -> Term:
    text = raw if raw.isascii() else plain_punctuation(raw)
    prefix = False
    if "*" in text:
        if text.count("*") > 1 or not text.endswith("*"):
            raise QueryError(f"'*' is only allowed at the end of a term: {raw!r}")
        text = text[:-1]
        if not text or not text[-1].isalnum():
            raise QueryError(f"'*' must follow a letter or digit: {raw!r}")
        prefix = True
    tokens = tuple(Tokens(text).cased)
    if not tokens:
        raise QueryError(f"term {raw!r} has no letters or digits")
    if prefix and len(tokens[-1]) < MIN_PREFIX:
        raise QueryError(
            f"prefix {raw!r} is too short: at least {MIN_PREFIX} characters before '*'"
        )
    return Term(text=raw, tokens=tokens, prefix=prefix)


@dataclass(frozen=True, slots=True)
class Slot:
    """Placeholder leaf of a cached query shape: the i-th term of the query."""

    i: int
    title_only: bool = False


def _title(node: Any) -> Any:
    """Restrict every term under ``node`` to the title."""
    if isinstance(node, Slot):
        return Slot(node.i, True)
    if isinstance(node, And):
        return And(tuple(_title(c) for c in node.children))
    if isinstance(node, Or):
        return Or(tuple(_title(c) for c in node.children))
    if isinstance(node, Not):
        return Not(_title(node.child))
    return Near(node.n, _title(node.left), _title(node.right))


def _flat(cls: type[And] | type[Or], parts: list[Any]) -> Any:
    """Merge nested nodes of the same kind: (a OR b) OR c is one OR."""
    out: list[Any] = []
    for p in parts:
        if isinstance(p, cls):
            out.extend(p.children)
        else:
            out.append(p)
    return out[0] if len(out) == 1 else cls(tuple(out))


@lru_cache(maxsize=1)
def _parser() -> Any:
    """The LALR parser (built on first use; lark is imported here)."""
    from lark import Lark, Transformer
    from lark import Token as LarkToken
    from lark.lexer import Lexer

    class _NoLexer(Lexer):
        """Tokens are fed by _shape; lark's own lexer is never used."""

        def __init__(self, lexer_conf: Any) -> None:
            pass

        def lex(self, data: str) -> Iterator[Any]:  # type: ignore[override]
            return iter(())

    class _Build(Transformer):
        """Inline (non-recursive) construction of a shape's AST while parsing."""

        def word(self, c: list[Token]) -> Any:
            return Slot(int(c[0]))

        phrase = entity = word

        def field(self, c: list[Any]) -> Any:
            return _title(c[1])

        def group(self, c: list[Any]) -> Any:
            return c[1]

        def neg(self, c: list[Any]) -> Any:
            return Not(c[1])

        def or_expr(self, c: list[Any]) -> Any:
            return _flat(Or, [x for x in c if not isinstance(x, LarkToken)])

        def and_expr(self, c: list[Any]) -> Any:
            return _flat(And, [x for x in c if not isinstance(x, LarkToken)])

        def not_expr(self, c: list[Any]) -> Any:
            parts: list[Any] = [c[0]]
            parts.extend(Not(x) for x in c[2::2])
            return _flat(And, parts)

        def near_expr(self, c: list[Any]) -> Any:
            node: Any = c[0]
            for op, right in zip(c[1::2], c[2::2], strict=True):
                n = int(str(op)[5:])
                if n > MAX_NEAR:
                    raise QueryError(f"NEAR distance {n} is too large (at most {MAX_NEAR})")
                for side in (node, right):
                    if isinstance(side, Not):
                        raise QueryError("NOT cannot be an operand of NEAR")
                node = Near(n, node, right)
            return node

    return Lark(
        _GRAMMAR,
        parser="lalr",
        lexer=_NoLexer,
        transformer=_Build(),
        maybe_placeholders=False,
    )


_TERM_TYPES = ("WORD", "PHRASE", "ENTITY")
_SLOT0 = Slot(0)
_SHAPES: dict[tuple[str, ...], Any] = {}
_MAX_SHAPES = 10_000


def _shape(toks: list[Token]) -> Any:
    """Parse the query's token kinds with the grammar, cached per shape.

    The structure of a query depends only on its sequence of token kinds (and
    NEAR distances), so rule sets of many similar queries parse each shape
    once.  Leaves are Slot(i) for the i-th term.
    """
    key = tuple(kind if kind != "NEAR" else value for kind, value, _ in toks)
    tree = _SHAPES.get(key)
    if tree is not None:
        return tree
    from lark import Token as LarkToken
    from lark.exceptions import LarkError, UnexpectedInput

    i = 0
    try:
        ip = _parser().parse_interactive("")
        for kind, value, col in toks:
            if kind in _TERM_TYPES:
                value = str(i)
                i += 1
            ip.feed_token(LarkToken(kind, value, start_pos=col - 1, column=col))
        tree = ip.feed_eof()
    except UnexpectedInput as exc:
        raise QueryError(_explain(exc, {col: value for _, value, col in toks})) from None
    except LarkError as exc:
        orig = getattr(exc, "orig_exc", None)
        if isinstance(orig, QueryError):
            raise orig from None
        raise QueryError(f"cannot parse query: {exc}") from None
    _check_depth(tree)
    if len(_SHAPES) >= _MAX_SHAPES:
        _SHAPES.clear()
    _SHAPES[key] = tree
    return tree


def leaf(tok: Token, title_only: bool) -> Node:
    """The term or entity written as ``tok``."""
    kind, raw, col = tok
    if kind == "ENTITY":
        ident = raw[1:]
        if not _ENTITY_ID.fullmatch(ident):
            raise QueryError(f"bad entity reference {raw!r}: use @id with a-z, 0-9, -")
        return Entity(ident, title_only)
    if kind == "PHRASE":
        if not raw[1:-1].strip():
            raise QueryError("empty phrase: nothing between the quotes")
        raw = raw[1:-1]
    term = make_term(raw, col)
    return Term(term.text, term.tokens, term.prefix, title_only) if title_only else term


def _fill(node: Any, leaves: list[Token]) -> Node:
    """Instantiate a shape with the query's own terms (depth already bounded)."""
    if isinstance(node, Slot):
        return leaf(leaves[node.i], node.title_only)
    if isinstance(node, And):
        return And(tuple(_fill(c, leaves) for c in node.children))
    if isinstance(node, Or):
        return Or(tuple(_fill(c, leaves) for c in node.children))
    if isinstance(node, Not):
        return Not(_fill(node.child, leaves))
    return Near(node.n, _fill(node.left, leaves), _fill(node.right, leaves))


def parse_shape(query: str) -> tuple[Any, list[Token]]:
    """The query's structure (leaves are Slot(i)) and its term tokens.

    compile.py builds matcher trees straight from this, without an AST; the
    leaves are checked (and become Terms) when they are filled in.
    """
    if not query or not query.strip():
        raise QueryError("empty query")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: {len(query)} characters (at most {MAX_QUERY_CHARS})")
    toks = _lex(query if query.isascii() else plain_punctuation(query))
    if not toks:
        raise QueryError("empty query")
    leaves = [t for t in toks if t[0] in _TERM_TYPES]
    if len(toks) == 1 and leaves:
        return _SLOT0, leaves
    try:
        return _shape(toks), leaves
    except QueryError:
        if toks[0][2]:
            raise
    # explain the error with columns (the fast lexer does not track them)
    toks = _lex_columns(query if query.isascii() else plain_punctuation(query))
    return _shape(toks), [t for t in toks if t[0] in _TERM_TYPES]


def parse_query(query: str) -> Node:
    """Parse a query into its AST or raise QueryError with a readable message."""
    shape, leaves = parse_shape(query)
    return _fill(shape, leaves)


def _explain(exc: Any, texts: dict[int, str]) -> str:
    """A one-line reason for a syntax error (texts: the query's token texts by column)."""
    tok = getattr(exc, "token", None)
    if tok is None or getattr(tok, "type", "") == "$END":
        return "query ends too early (an operator with nothing after it?)"
    col = getattr(tok, "column", "?")
    tok = texts.get(col, tok) if isinstance(col, int) else tok
    kind = exc.token.type
    if kind in _OPS or kind == "NEAR":
        return f"operator {tok!s} at column {col} is missing an operand"
    if kind == "RPAR":
        return f"empty parentheses or missing operand before ')' at column {col}"
    return f"unexpected {tok!s} at column {col}"


def _check_depth(root: Node) -> None:
    """Refuse ASTs deeper than MAX_DEPTH (iteratively: no recursion here)."""
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, d = stack.pop()
        if d > MAX_DEPTH:
            raise QueryError(f"query nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(node, And | Or):
            stack.extend((c, d + 1) for c in node.children)
        elif isinstance(node, Not):
            stack.append((node.child, d + 1))
        elif isinstance(node, Near):
            stack.append((node.left, d + 1))
            stack.append((node.right, d + 1))


def entity_refs(root: Node) -> set[str]:
    """Every ``@id`` used in a query (to check they exist)."""
    out: set[str] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Entity):
            out.add(node.id)
        elif isinstance(node, And | Or):
            stack.extend(node.children)
        elif isinstance(node, Not):
            stack.append(node.child)
        elif isinstance(node, Near):
            stack.extend((node.left, node.right))
    return out
