"""Whole articles, written for this test, each with the exact set of rules it must match.

Like the acceptance check (new rules, new articles, every article exact), the
expected sets were worked out by hand from spec/rules.md, trap by trap.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.rules import compile_rules, load_rules

RULES = """
entities:
  - id: us
    name: United States
    aliases: [United States, US, U.S.]
  - id: nato
    name: NATO
    aliases: [NATO, North Atlantic Treaty Organization]
  - id: zurich
    name: Zürich
    aliases: [Zürich]
  - id: it-dept
    name: IT department
    aliases: [IT department, IT]
  - id: tibet
    name: Tibet
    aliases: [Tibet, 西藏]
topics:
  - id: tariffs
    name: Tariffs
    query: 'tariff* AND (@us OR China)'
  - id: alliance-exercise
    name: Military exercises near NATO
    query: '@nato NEAR/6 (exercise* OR drill*)'
  - id: banking-not-crypto
    name: Banking without crypto
    query: '(bank OR banks OR banking) NOT (crypto* OR bitcoin)'
  - id: headline-strike
    name: Strike in the headline
    query: 'title:(strike OR strikes OR walkout)'
  - id: forced-labour
    name: Forced labour
    query: '"forced labour" OR "forced labor"'
  - id: or-and
    name: a OR b c
    query: 'drought OR harvest failure'
  - id: words-not-operators
    name: lower-case operators
    query: '"trial and error"'
  - id: cyber
    name: Cyber
    query: '"data breach" NEAR/3 (bank* OR hospital*)'
"""

ARTICLES = {
    "a1": (
        "NATO ALLIES BEGIN EXERCISES IN THE BALTIC",
        "Thousands of troops joined the drills on Monday. Officials told us the exercise "
        "was planned months ago.\nThe US embassy declined to comment.",
        {"@nato", "@us", "alliance-exercise"},
    ),
    "a2": (
        "Who pays for tariffs?",
        "Economists said consumers in the U.S. would pay most of the new tariffs. "
        "Nato members were not consulted.",
        {"@us", "tariffs"},
    ),
    "a3": (
        None,
        "The bank said it would review its lending. It was not clear whether banking rules "
        "apply. Customers asked us about it.",
        {"banking-not-crypto"},
    ),
    "a4": (
        "Bank shares fall as crypto slumps",
        "Banks in Zurich reported losses; the IT department was blamed for a data\nbreach "
        "at banks (first tokens 3 apart). Another data breach hit, at the bank, later.",
        {"@zurich", "@it-dept", "cyber"},
    ),
    "a5": (
        "Rail workers strike over pay",
        "Unions say it is a matter of trial and error. Allegations of forced-\nlabour were "
        "denied. The much-trumpeted harvest failed; harvest failure followed drought.",
        {"headline-strike", "forced-labour", "or-and", "words-not-operators"},
    ),
    "a6": (
        "Trial, error and striking",
        "A trial or an error. Ｔｉｂｅｔ and 西藏 were mentioned; 在西藏 was not a match "
        "on its own. US-China tariff talks resumed.",
        {"@tibet", "@us", "tariffs"},
    ),
}


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("unseen") / "rules.yaml"
    path.write_text(RULES, encoding="utf-8")
    return compile_rules(load_rules(path))


@pytest.mark.parametrize("aid", sorted(ARTICLES))
def test_article_is_exact(matcher, aid: str) -> None:
    title, text, want = ARTICLES[aid]
    found = matcher.match(title, text)
    assert {m.rule for m in found} == want
    for m in found:
        assert m.evidence, m.rule
        for ev in m.evidence:
            src = title if ev.field == "title" else text
            assert src is not None and src[ev.start : ev.end]
            assert ev.snippet
