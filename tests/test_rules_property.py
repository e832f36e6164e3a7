"""Property test: the compiled matcher agrees with a slow direct evaluator.

Random queries (every operator, phrases, prefixes, entities, title:, NEAR at
and just past its limit) over random texts built from a small vocabulary full
of traps: acronyms in several cases, accents, CJK runs, hyphens, apostrophes,
lower-case operator words.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support_rules import SlowEvaluator, render, slow_tokens

from worker.rules import compile_rules
from worker.rules.model import Entity as EntityModel
from worker.rules.model import RuleSet, Topic
from worker.rules.normalize import Tokens
from worker.rules.query import And, Entity, Near, Node, Not, Or, Term, make_term, parse_query

VOCAB = [
    "who",
    "WHO",
    "Who",
    "sao",
    "São",
    "SAO",
    "paulo",
    "Paulo",
    "forced",
    "labour",
    "labor",
    "trump",
    "Trump",
    "trumpeted",
    "新疆",
    "在新疆",
    "uyghur",
    "Uyghurs",
    "UYGHUR",
    "naïve",
    "naive",
    "and",
    "or",
    "not",
    "near",
    "covid",
    "COVID",
    "Covid19",
    "19",
    "EU",
    "eu",
    "Eu",
    "Straße",
    "strasse",
    "Øresund",
    "oresund",
    "ﬁnal",
    "final",
    "x",
    "İstanbul",
    "istanbul",
]
SEPS = [" ", " ", " ", "-", "\n", "’s ", ", ", ". ", "_", " — ", "“", "” ", "'"]
ENTITIES = {
    "who": ["World Health Organization", "WHO"],
    "sp": ["São Paulo", "SAO"],
    "cn": ["新疆", "East Turkestan"],
}

words = st.sampled_from(VOCAB)


@st.composite
def texts(draw: st.DrawFn, max_words: int = 14) -> str:
    ws = draw(st.lists(words, min_size=0, max_size=max_words))
    out = []
    for w in ws:
        out.append(w)
        out.append(draw(st.sampled_from(SEPS)))
    return "".join(out)


@st.composite
def terms(draw: st.DrawFn) -> Node:
    kind = draw(st.sampled_from(["word", "word", "phrase", "prefix", "entity"]))
    title = draw(st.booleans()) and draw(st.booleans())
    if kind == "entity":
        return Entity(draw(st.sampled_from(sorted(ENTITIES))), title)
    if kind == "phrase":
        raw = draw(words) + " " + draw(words)
        t = make_term(raw)
        return Term(t.text, t.tokens, False, title)
    if kind == "prefix":
        w = draw(st.sampled_from([v for v in VOCAB if len(Tokens(v).cased[0]) >= 3]))
        tok = Tokens(w).cased[0]
        k = draw(st.integers(3, len(tok)))
        t = make_term(tok[:k] + "*")
        return Term(t.text, t.tokens, True, title)
    t = make_term(draw(words))
    return Term(t.text, t.tokens, False, title)


def _extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    positive = children.filter(lambda n: not isinstance(n, Not))
    return st.one_of(
        st.lists(children, min_size=2, max_size=3).map(lambda c: And(tuple(c))),
        st.lists(children, min_size=2, max_size=3).map(lambda c: Or(tuple(c))),
        children.map(Not),
        st.builds(Near, st.integers(0, 4), positive, positive),
    )


queries = st.recursive(terms(), _extend, max_leaves=6)


def _ruleset(query: str) -> RuleSet:
    ents = {k: EntityModel(id=k, name=k, aliases=tuple(v)) for k, v in ENTITIES.items()}
    return RuleSet(entities=ents, topics={"q": Topic(id="q", name="q", query=query)})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(node=queries, text=texts(), title=st.one_of(st.none(), texts(6)), implicit=st.booleans())
def test_compiled_matcher_agrees_with_slow_evaluator(
    node: Node, text: str, title: str | None, implicit: bool
) -> None:
    slow = SlowEvaluator(ENTITIES)
    query = render(node, implicit)
    parsed = parse_query(query)
    want = slow.matches(node, title, text)
    assert slow.matches(parsed, title, text) == want, query
    matcher = compile_rules(_ruleset(query))
    found = {m.rule: m for m in matcher.match(title, text)}
    assert ("q" in found) == want, (query, title, text)
    for eid in ENTITIES:
        ent_want = slow.matches(Entity(eid), title, text)
        assert (f"@{eid}" in found) == ent_want, (eid, title, text)
    for m in found.values():
        for ev in m.evidence:
            src = title if ev.field == "title" else text
            assert src is not None and 0 <= ev.start < ev.end <= len(src)
            assert ev.snippet


@settings(max_examples=300, deadline=None)
@given(text=texts(30))
def test_fast_tokeniser_agrees_with_character_loop(text: str) -> None:
    toks = Tokens(text)
    assert toks.cased == slow_tokens(text)
    assert toks.folded == [t.casefold() for t in slow_tokens(text)]
    assert len(toks.spans) == len(toks.cased)


@settings(max_examples=200, deadline=None)
@given(
    gap=st.integers(0, 6),
    n=st.integers(0, 6),
    swap=st.booleans(),
    filler=st.sampled_from(["the", "x", "naïve", "新疆", "who"]),
)
def test_near_at_the_distance_limit(gap: int, n: int, swap: bool, filler: str) -> None:
    """a and b with `gap` tokens between them are gap+1 apart: NEAR/n holds iff gap+1 <= n."""
    a, b = ("Trump", "São") if not swap else ("São", "Trump")
    text = " ".join([a, *([filler] * gap), b])
    matcher = compile_rules(_ruleset(f"trump NEAR/{n} sao"))
    got = any(m.rule == "q" for m in matcher.match(None, text))
    assert got == (gap + 1 <= n)
