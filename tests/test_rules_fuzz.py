"""Fuzzing the query parser: any string either parses or raises QueryError, quickly.

Seeds that once found bugs are kept as explicit examples.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from worker.rules import RulesError, compile_rules
from worker.rules.model import Entity, RuleSet, Topic
from worker.rules.query import QueryError, parse_query

PIECES = [
    "a",
    "WHO",
    "who",
    "São",
    "新疆",
    "covid*",
    "co*",
    "*",
    "@who",
    "@",
    "@Bad",
    "(",
    ")",
    '"',
    '"forced labour"',
    "“",
    "”",
    "AND",
    "OR",
    "NOT",
    "NEAR/2",
    "NEAR/",
    "NEAR",
    "NEAR/99999999999",
    "title:",
    "Title:",
    "and",
    "or",
    "-",
    "’",
    "_",
    ":",
    " ",
    " ",
    "\n",
]

query_text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.text(max_size=60),
)


def _check(q: str) -> None:
    try:
        node = parse_query(q)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    rs = RuleSet(
        entities={"who": Entity(id="who", name="WHO", aliases=("WHO",))},
        topics={"q": Topic(id="q", name="q", query=q)},
    )
    assert node is not None
    try:
        matcher = compile_rules(rs)
    except RulesError as exc:  # an unknown @entity: refused with the rule's id
        assert "unknown entity" in str(exc) and ": q: " in str(exc)
        return
    matcher.match("WHO title", "a São 新疆 covid-19 forced labour who")


@settings(max_examples=1500, deadline=None)
@given(q=query_text)
@example(q="NOT")
@example(q="title:")
@example(q="()")
@example(q='""')
@example(q="(NOT a) NEAR/2 b")
@example(q="a NEAR/2 (NOT b)")
@example(q="NEAR/3")
@example(q="* OR a")
@example(q="@ OR a")
@example(q="title:title:a")
@example(q="a NOT NOT b")
@example(q="½*")
@example(q="@0")
@example(q='" \n " OR a')
def test_parser_never_crashes(q: str) -> None:
    _check(q)


def test_not_inside_near_is_refused() -> None:
    for q in ("(NOT a) NEAR/2 b", "a NEAR/2 (b NOT c) NEAR/1 (NOT d)"):
        try:
            parse_query(q)
        except QueryError as exc:
            assert "NOT cannot be an operand of NEAR" in str(exc)
        else:
            raise AssertionError(q)
