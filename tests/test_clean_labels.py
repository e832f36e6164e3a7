"""Short lines real article texts showed read as the wrong furniture: a how-to's
section labels taken for an author's bare name, and a letter's sign-off taken for a
headline (so the next piece's first paragraph stayed under it)."""

from __future__ import annotations

import pytest

from worker.clean import BODY, BYLINE, CLOSE, classify


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
