"""Header cues from the h52 review (a podcast page under a link list, a video label
under a headline). Every line here is written for the test; none comes from an
evaluation set."""

from __future__ import annotations

from worker.clean import BYLINE, classify
from worker.segment import segment_text

STORY = [
    "Tram depot plan clears its first vote",
    "By Oskar Lind",
    "The council's transport committee backed the new tram depot on Tuesday by six votes to three.",
    "The depot would house the twelve longer trams the city ordered last year.",
    "Neighbours fear noise from the night shifts and asked for a wall along the yard.",
]


def test_posted_by_a_handle_is_a_byline() -> None:
    assert classify("Posted by harbourwatch").role == BYLINE
    assert classify("Posted by Site Admin").role == BYLINE
    assert classify("Posted by the river on a cold morning, the boats waited").role != BYLINE


def test_post_under_a_link_list_keeps_its_header() -> None:
    """A link list ends at a headline over a "Posted by <handle>" line and a date:
    the next page starts at that headline."""
    lines = [
        *STORY,
        "Recommended",
        "Council names new harbour master after long search",
        "Why the night buses stopped running in March",
        "Depot Talk Ep. 14 — The Vote, Explained (Transcript)",
        "Posted by depottalk",
        "May 9, 2025 · 38 min",
        "HOST ONE: Welcome back to the show, where this week we finally talk about the depot vote.",
        "HOST TWO: And it was a close one, six to three, with two members absent from the room.",
        "HOST ONE: The neighbours turned up in force, with placards about the noise at night.",
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 9]


def test_video_label_under_a_headline_is_its_caption() -> None:
    """Headline / "WATCH: <title> (2:14)" / byline: the lead video's title belongs to
    the header, so the page starts at the headline, not at the byline."""
    lines = [
        *STORY,
        "Depot contractor tells inquiry he 'never saw the plans'",
        "WATCH: Contractor questioned over depot land deals (2:14)",
        "By Staff Reporters",
        "Published: May 9, 2025 at 6:14 PM",
        "The contractor at the centre of the depot land inquiry told councillors on Friday that"
        " he never saw the plans before buying the plots.",
        "He said his firm bought the land for storage and had no idea the yard would go there.",
        "Councillors will question two of his fellow directors next week.",
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 6]
