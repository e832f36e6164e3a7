"""Cues from the h51 review (a measles outbreak across papers, a health agency, a
school board and a letters page). Every line here is written for the test; none
comes from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BYLINE, classify
from worker.segment import segment_text


def test_dash_led_signature_is_a_name_line() -> None:
    assert classify("— Ingrid Holm, Lower Marsh").role == BYLINE
    assert classify("– Tomas Berg").role == BYLINE


def test_letters_signed_with_a_dash_stay_one_page() -> None:
    """Letters signed "— Name, Town", each under its own heading: one letters page, even
    when a heading reads like a name."""
    lines = [
        *STORY,
        "Letters to the editor",
        "Readers on the tram depot",
        "Saturday, May 10, 2025",
        "Keep the depot out of the valley",
        "I have lived beside the rail yard for thirty years and the noise is bad enough already.",
        "— Ingrid Holm, Lower Marsh",
        "The city needs the trams",
        "Every morning my bus is full by the second stop; longer trams cannot come soon enough.",
        "— Tomas Berg, Eastgate",
        "Remember Anna Lund",
        "Anna Lund fought for the old tram line in the seventies and would have loved this plan.",
        "— Greta Nyman, Eastgate",
    ]
    assert starts(lines) == [1, 6]


def test_related_box_between_interview_turns_stays_inside() -> None:
    """Q / A / "Related:" / links / Q: the box sits inside the interview; its last
    link is no headline and the next question starts no article."""
    lines = [
        *STORY,
        "Q&A",
        "'The depot is the easy part': the transit chief on the tram plan",
        "By Maren Sund",
        "May 9, 2025",
        "Q: Why build the depot first?",
        "A: Because nothing else can run without it. The trams need somewhere to sleep.",
        "Q: Neighbours say the yard will be loud at night. Are they wrong?",
        "A: They are not wrong to worry. We will build the wall before the yard opens.",
        "Related:",
        "Tram depot plan clears its first vote",
        "City orders twelve longer trams",
        "Opinion: The depot belongs by the river",
        "Q: When will the first longer tram carry passengers?",
        "A: If the vote holds, in the spring of the year after next, on the harbour line.",
        "Q: And the fares?",
        "A: Unchanged. The council fixed them until the end of the decade.",
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert len(arts) == 2  # the story, the interview
