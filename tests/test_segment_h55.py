"""Page furniture and layouts from the h55 review: a link card's label glued to its
headline. Every line is written for the test."""

from __future__ import annotations

import pytest

from worker.clean import BODY, BOILER, classify


@pytest.mark.parametrize(
    "line",
    [
        "RecommendedTram fares rise again as operator blames energy costs",
        "Read moreHarbour wall repairs to start in May",
        "RelatedCouncil agrees budget after late-night session",
    ],
)
def test_glued_teaser_label_is_furniture(line: str) -> None:
    info = classify(line)
    assert info.role == BOILER
    assert info.ad  # a link inside the story: it does not part the story


@pytest.mark.parametrize(
    "line",
    [
        "Recommended by the committee, the plan now goes to a full council vote.",
        "Trending toward a deal, the talks resumed on Monday after a week's pause.",
    ],
)
def test_story_sentences_stay_paragraphs(line: str) -> None:
    assert classify(line).role == BODY
