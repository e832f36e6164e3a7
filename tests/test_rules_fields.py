"""Captions are matched as a field of their own, with offsets into the captions."""

from worker.rules import compile_rules, load_rules
from worker.rules.fields import match_article

RULES = """
entities:
  - id: ada
    name: Ada Lovelace
    aliases: [Ada Lovelace]
topics:
  - id: engines
    query: 'engine* AND @ada'
"""


def _matcher(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text(RULES, encoding="utf-8")
    return compile_rules(load_rules(p))


def test_a_name_only_in_a_caption_matches_with_caption_evidence(tmp_path) -> None:
    m = _matcher(tmp_path)
    text = "The analytical engine was never finished.\nIts plans survive."
    captions = ["Portrait of a mathematician", "FILE PHOTO: Ada Lovelace in 1840"]
    found = {r.rule: r for r in match_article(m, None, text, captions)}
    assert set(found) == {"@ada", "engines"}
    ev = next(e for e in found["@ada"].evidence if e.term == "Ada Lovelace")
    joined = "\n".join(captions)
    assert ev.field == "caption"
    assert joined[ev.start : ev.end] == "Ada Lovelace"
    # Evidence in the text keeps its own offsets.
    eng = next(e for e in found["engines"].evidence if e.field == "text")
    assert text[eng.start : eng.end].lower().startswith("engine")


def test_without_captions_nothing_changes(tmp_path) -> None:
    m = _matcher(tmp_path)
    text = "Ada Lovelace wrote about the engine."
    plain = {r.rule for r in m.match(None, text)}
    assert {r.rule for r in match_article(m, None, text, None)} == plain == {"@ada", "engines"}
    assert match_article(m, None, "An engine.", []) == []
