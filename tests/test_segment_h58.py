"""Line roles in context from the h58 review (a bird-flu outbreak, a bridge inquiry and
a film-festival jury row across farming and trade papers, agencies in translation,
fact-checkers, newsletters and press releases). Every line here is written for the
test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BOILER, classify


def test_share_prompt_naming_the_kind_of_page_is_furniture() -> None:
    """"Share this <kind of page>" over the share buttons: furniture, not a headline
    that would open a page of its own above the buttons."""
    for text in ("Share this fact check", "Share this recipe", "Share this explainer"):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "Share this fact check",
        "Facebook",
        "X",
        "Email",
        *STORY,
    ]
    assert starts(lines) == [1, 10]
