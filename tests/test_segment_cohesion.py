"""worker.segment's vectorised cohesion (worker.cohesion) equals the reference implementation."""

from __future__ import annotations

import io

from support_dumpgen import make_dump
from support_segment_ref import cohesion_reference

from worker import segment as S
from worker.dumpio import iter_lines


def _entries(text: str) -> list:
    ents: list = []
    for raw in iter_lines(io.BytesIO(text.encode("utf-8"))):
        S._push(ents, raw)
    return ents


def test_numpy_cohesion_matches_reference_on_generated_dumps() -> None:
    """Same gaps, similarities, depths and carry shares (to float rounding)."""
    for seed in range(8):
        ents = _entries(make_dump(seed, 12).text)
        sims, depths, gaps, carry = S._cohesion(ents)
        r_sims, r_depths, r_gaps, r_carry = cohesion_reference(ents)
        assert gaps == r_gaps
        assert len(sims) == len(r_sims) and len(carry) == len(r_carry)
        assert max(abs(a - b) for a, b in zip(sims, r_sims, strict=True)) < 1e-9
        assert max(abs(a - b) for a, b in zip(depths, r_depths, strict=True)) < 1e-9
        assert max(abs(a - b) for a, b in zip(carry, r_carry, strict=True)) < 1e-9
        assert max(sims) > 0.1  # the dumps do have cohesive stretches


def test_cohesion_of_tiny_and_empty_inputs() -> None:
    """No content lines, one line, and lines of stop words only do not break it."""
    for text in ("", "\n\n", "A single line of text here.\n", "the and for\nwith that\n"):
        ents = _entries(text)
        sims, depths, gaps, carry = S._cohesion(ents)
        assert len(gaps) == len(ents)
        assert all(s == 0.0 for s in sims) and all(d == 0.0 for d in depths)
        assert all(c == 0.0 for c in carry)


def test_cueless_story_is_split_by_article_level_cohesion() -> None:
    """Two stories with no header between them: the whole parts share no rare words."""
    from worker.segment import segment_text

    first = [
        "Storm Maren brings flooding to the northern coast",
        "By Lise Aune",
        "Storm Maren flooded harbour roads in three coastal towns on Thursday night.",
        "Fishermen hauled boats onto the slipways as waves broke over the harbour walls.",
        "The coastguard said two trawlers had sheltered in the fjord until the storm passed.",
        "Power lines along the coast road were cut, leaving four thousand homes in the dark.",
        "Engineers expected to restore the harbour towns' power by Saturday morning.",
        "The storm is forecast to move east across the mountains on Friday.",
    ]
    second = [
        "A violin maker in the old quarter has restored a cello played in the city orchestra"
        " for a century.",
        "The cello arrived in pieces after its case was crushed on a concert tour.",
        "Restoring the instrument took eight months of gluing, clamping and varnishing.",
        "The orchestra's principal cellist played it again at a rehearsal on Tuesday.",
        "She said the restored cello sounded warmer than before the accident.",
        "The violin maker now has a waiting list of musicians stretching into next year.",
    ]
    arts = segment_text("\n".join(first + second) + "\n")
    assert [a.start_line for a in arts] == [1, len(first) + 1]
