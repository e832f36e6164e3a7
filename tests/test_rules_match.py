"""Matching semantics of spec/rules.md, one trap per test, on hand-written articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.rules import compile_rules, load_rules

RULES = """
entities:
  - id: who
    name: World Health Organization
    aliases: [World Health Organization, World Health Organisation, WHO]
  - id: eu
    name: European Union
    aliases: [European Union, EU]
  - id: trump
    name: Donald Trump
    aliases: [Donald Trump, Trump]
  - id: sao-paulo
    name: São Paulo
    aliases: [São Paulo]
  - id: xinjiang
    name: Xinjiang
    aliases: [Xinjiang, 新疆]
  - id: nato
    name: NATO
    aliases: [NATO]
topics:
  - id: forced-labour
    name: Forced labour
    query: '"forced labour" OR "forced labor"'
  - id: uyghur
    name: Uyghurs
    query: 'uyghur*'
  - id: secrets
    name: Secrets
    query: 'China NEAR/3 secrets'
  - id: scs
    name: South China Sea
    query: '"South China Sea"'
  - id: covid-who
    name: WHO and covid
    query: '@who AND (Wuhan OR covid*)'
  - id: taiwan-civil
    name: Taiwan, not military
    query: 'Taiwan NOT (navy OR military)'
  - id: not-only
    name: Only negative
    query: 'NOT zzzunseen'
  - id: headline-vote
    name: Vote in the headline
    query: 'title:vote'
  - id: implicit-and
    name: Implicit AND
    query: 'climate summit'
  - id: precedence
    name: OR is loosest
    query: 'alpha OR beta gamma'
  - id: not-binds-tighter
    name: NOT binds tighter than AND
    query: 'delta epsilon NOT zeta'
  - id: lower-ops
    name: lower-case operators are words
    query: '"rock and roll"'
  - id: near-phrase
    name: NEAR with phrases and groups
    query: '"human rights" NEAR/4 (council OR commission)'
  - id: curly
    name: curly quotes in a query
    query: '“tear gas”'
  - id: hyphen-term
    name: hyphenated term
    query: 'much-trumpeted'
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("rules") / "r.yaml"
    path.write_text(RULES, encoding="utf-8")
    return compile_rules(load_rules(path))


def rules(matcher, text: str, title: str | None = None) -> set[str]:
    return {m.rule for m in matcher.match(title, text)} - {"not-only"}


def test_acronym_is_case_sensitive(matcher) -> None:
    assert "@who" not in rules(matcher, "Who knew? The people who came.", "Who are they")
    assert "@who" in rules(matcher, "The WHO said so.")
    assert "@who" in rules(matcher, "The WHO’s team.")
    assert "@who" not in rules(matcher, "The WHOs team and the Whos.")
    assert "@eu" not in rules(matcher, "eu and Eu are not the union")
    assert "@eu" in rules(matcher, "EU leaders met.")


def test_all_caps_headline_matches_acronym_only_in_capitals(matcher) -> None:
    # an all-caps headline "WHO" is written exactly like the acronym: it matches
    assert "@who" in rules(matcher, "", "WHO TEAM ARRIVES IN WUHAN")
    assert "@nato" not in rules(matcher, "Nato allies met.")
    assert "@nato" in rules(matcher, "NATO allies met.")


def test_case_insensitive_words_and_long_aliases(matcher) -> None:
    assert "@who" in rules(matcher, "the world health organisation said")
    assert "@trump" in rules(matcher, "TRUMP spoke")


def test_whole_tokens_only(matcher) -> None:
    found = rules(matcher, "A much-trumpeted plan; trumpets sounded.")
    assert "@trump" not in found
    assert "hyphen-term" in found
    assert "@trump" in rules(matcher, "Trump’s plan")


def test_phrase_across_hyphen_and_line_break(matcher) -> None:
    assert "forced-labour" in rules(matcher, "claims of forced-labour in camps")
    assert "forced-labour" in rules(matcher, "claims of forced\nlabour in camps")
    assert "forced-labour" in rules(matcher, "FORCED LABOR")
    assert "forced-labour" not in rules(matcher, "forced to labour")


def test_phrase_is_not_a_prefix_of_a_longer_name(matcher) -> None:
    assert "scs" not in rules(matcher, "the South China Morning Post reported")
    assert "scs" in rules(matcher, "ships in the South China Sea.")
    assert "scs" in rules(matcher, "ships in the south china sea")


def test_prefix(matcher) -> None:
    assert "uyghur" in rules(matcher, "Uyghurs and UYGHUR groups")
    assert "uyghur" not in rules(matcher, "the Uighur minority")


def test_accents_fold_both_ways(matcher) -> None:
    assert "@sao-paulo" in rules(matcher, "flights to Sao Paulo")
    assert "@sao-paulo" in rules(matcher, "flights to SÃO PAULO")
    assert "@sao-paulo" in rules(matcher, "flights to Sa\u0303o Paulo")  # combining tilde


def test_cjk_run_is_one_token(matcher) -> None:
    assert "@xinjiang" in rules(matcher, "(新疆, officially the region)")
    assert "@xinjiang" in rules(matcher, "新疆2020")
    assert "@xinjiang" not in rules(matcher, "在新疆的")


def test_near_counts_tokens(matcher) -> None:
    assert "secrets" in rules(matcher, "China stole secrets")
    assert "secrets" in rules(matcher, "secrets, said China")
    assert "secrets" in rules(matcher, "China a b secrets")  # 3 apart
    assert "secrets" not in rules(matcher, "China a b c secrets")  # 4 apart
    assert "secrets" not in rules(matcher, "China's secretary")


def test_near_with_phrase_and_group(matcher) -> None:
    assert "near-phrase" in rules(matcher, "the human rights council met")
    assert "near-phrase" in rules(matcher, "a commission on human rights")
    assert "near-phrase" not in rules(
        matcher, "human rights were discussed at length by the council"
    )


def test_entity_inside_query(matcher) -> None:
    assert "covid-who" in rules(matcher, "WHO experts in Wuhan")
    assert "covid-who" in rules(matcher, "World Health Organization and Covid-19")
    assert "covid-who" not in rules(matcher, "who went to Wuhan")


def test_not_means_absent_anywhere(matcher) -> None:
    assert "taiwan-civil" in rules(matcher, "Taiwan elections")
    assert "taiwan-civil" not in rules(matcher, "Taiwan elections. Later, the navy sailed.")
    assert "not-only" in {m.rule for m in matcher.match(None, "nothing here")}
    assert "not-only" not in {m.rule for m in matcher.match(None, "zzzunseen")}


def test_title_field(matcher) -> None:
    assert "headline-vote" in rules(matcher, "nothing", "MPs vote on genocide")
    assert "headline-vote" not in rules(matcher, "MPs vote on genocide", "Other")


def test_implicit_and_and_precedence(matcher) -> None:
    assert "implicit-and" in rules(matcher, "a summit on climate")
    assert "implicit-and" not in rules(matcher, "a climate of fear")
    assert "precedence" in rules(matcher, "alpha")
    assert "precedence" not in rules(matcher, "beta")
    assert "precedence" in rules(matcher, "beta gamma")
    assert "not-binds-tighter" in rules(matcher, "delta epsilon")
    assert "not-binds-tighter" not in rules(matcher, "delta epsilon zeta")
    assert "not-binds-tighter" not in rules(matcher, "epsilon")


def test_lower_case_operators_are_words(matcher) -> None:
    assert "lower-ops" in rules(matcher, "Rock and roll!")
    assert "lower-ops" not in rules(matcher, "rock or roll")


def test_curly_quotes_and_dashes(matcher) -> None:
    assert "curly" in rules(matcher, "police fired tear\u2011gas")
    assert "forced-labour" in rules(matcher, "forced\u2014labour")


def test_evidence_offsets_and_snippet(matcher) -> None:
    text = "Intro line.\nExperts said the WHO’s findings matter. Next sentence here."
    found = {m.rule: m for m in matcher.match("Headline on Wuhan", text)}
    ev = found["@who"].evidence[0]
    assert text[ev.start : ev.end] == "WHO"
    assert ev.snippet == "Experts said the WHO’s findings matter."
    assert ev.field == "text"
    covid = found["covid-who"].evidence
    title_ev = [e for e in covid if e.field == "title"]
    assert title_ev and "Headline on Wuhan"[title_ev[0].start : title_ev[0].end] == "Wuhan"
    assert ev.to_json() == {
        "term": "WHO",
        "snippet": ev.snippet,
        "start": ev.start,
        "end": ev.end,
        "field": "text",
    }


def test_evidence_offsets_in_non_ascii_text(matcher) -> None:
    text = "Ünïcode first. Then São Paulo’s mayor and 新疆."
    found = {m.rule: m for m in matcher.match(None, text)}
    ev = found["@sao-paulo"].evidence[0]
    assert text[ev.start : ev.end] == "São Paulo"
    ev = found["@xinjiang"].evidence[0]
    assert text[ev.start : ev.end] == "新疆"


def test_empty_inputs(matcher) -> None:
    assert rules(matcher, "") == set()
    assert rules(matcher, "   \n  ", None) == set()


def test_rules_without_trigger_terms_are_always_evaluated(tmp_path: Path) -> None:
    """Double negation and OR with a NOT hold without any positive trigger term."""
    path = tmp_path / "r.yaml"
    path.write_text(
        "topics:\n"
        "  - id: dbl\n    query: 'NOT (NOT alpha)'\n"
        "  - id: or-not\n    query: 'alpha OR NOT beta'\n"
        "  - id: and-rare\n    query: 'common AND rareword'\n",
        encoding="utf-8",
    )
    m = compile_rules(load_rules(path))

    def got(text: str) -> set[str]:
        return {r.rule for r in m.match(None, text)}

    assert got("alpha") == {"dbl", "or-not"}
    assert got("beta") == set()
    assert got("gamma") == {"or-not"}
    assert got("common words and a rareword") == {"or-not", "and-rare"}
    assert got("common only") == {"or-not"}
