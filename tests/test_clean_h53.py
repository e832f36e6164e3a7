"""Page furniture from the h53 review: a press release's "About the <Organisation>"
note, reuse and price notes, a newsletter's first and last lines, a broadcaster's
schedule promo and a "topics" row with its label. Every line is written for the test."""

from __future__ import annotations

import pytest

from worker.clean import BODY, BOILER, classify


@pytest.mark.parametrize(
    "line",
    [
        "About the Harbour Arts Trust",
        "About the Northfield Chamber Orchestra",
        "Maps and figures may be reproduced with attribution to the survey.",
        "Prices correct at the time of publication.",
        "All fares were correct at time of going to press.",
        "Forwarded this email? Subscribe here.",
        "Got this forwarded? Sign up for the morning edition.",
        "Watch Valley Tonight every weekday at 18:30 on channel 4.",
        "View this email in your browser",
        "Read this newsletter online",
        "Explore more on these topics: Farming · Weather · Rural life",
        "VIDEO: Crowds at the station after the storm (2:05)",
        "Watch: The harbour at dawn (0:58)",
    ],
)
def test_page_notes_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


@pytest.mark.parametrize(
    "line",
    [
        "About the time the council met, the river burst its banks at Millford.",
        "The figures were not available at the time of publication, the ministry said.",
        "She forwarded the email to the police, who said they would investigate the matter.",
        "Viewers can watch the final every evening this week on channel 5, the league said.",
        # a video's caption under its headline, with the running time: the caption, no link
        "Video: Crowds queued for hours at the clinic on Monday. Jo Park reports. (2:14)",
    ],
)
def test_story_sentences_stay_paragraphs(line: str) -> None:
    assert classify(line).role == BODY
