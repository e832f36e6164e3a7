"""Short lines real article texts showed read as the wrong furniture: a how-to's
section labels taken for an author's bare name, and a letter's sign-off taken for a
headline (so the next piece's first paragraph stayed under it)."""

from __future__ import annotations

import pytest

from worker.clean import BODY, BOILER, BYLINE, CLOSE, classify


@pytest.mark.parametrize(
    "line", ["Getting Started", "Next Steps", "Additional Factors", "FINAL THOUGHTS", "Bonus Tips"]
)
def test_a_section_label_is_no_byline(line: str) -> None:
    assert classify(line).role != BYLINE


@pytest.mark.parametrize("line", ["Eric Lascelles", "Julian Jessop", "Marta Nowak-Reyes"])
def test_a_bare_name_is_still_a_byline(line: str) -> None:
    assert classify(line).role == BYLINE


@pytest.mark.parametrize(
    "line",
    ["—Warmly, Michael", "Sincerely, Jo Park", "Yours truly, Sam", "Kind regards, Ann Lee"],
)
def test_a_letter_s_sign_off_closes_it(line: str) -> None:
    assert classify(line).role == CLOSE


@pytest.mark.parametrize(
    "line",
    [
        "Regards to all the readers who wrote in after last week's column about the ferry.",
        "Sincerely held beliefs, the court said, deserve the same protection as any other.",
    ],
)
def test_a_sentence_that_opens_like_a_sign_off_is_prose(line: str) -> None:
    assert classify(line).role == BODY


@pytest.mark.parametrize(
    "line",
    [
        "(Graphic: Global assets in 2024 - here)",
        "(Interactive graphic: tracking the storm's path - here)",
        "Buy Now",
        "Shop now",
        "Available from Amazon",
        "Get it at Walmart for $238.99",
    ],
)
def test_links_inside_a_story_are_furniture_that_sits_inside_it(line: str) -> None:
    """A link to a graphic (its text cut out by the scraper) and a buying guide's shop
    buttons: furniture, but inside the story (``ad``), so they close no page."""
    info = classify(line)
    assert info.role == BOILER and info.ad


@pytest.mark.parametrize(
    "line",
    [
        "(Photo: Jo Park)",
        "Shop around for the best rates before you renew.",
        "Available from today",
    ],
)
def test_lines_like_them_are_not(line: str) -> None:
    info = classify(line)
    assert not (info.role == BOILER and info.ad)
