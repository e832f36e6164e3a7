"""Line roles in context from the h53 review (a film festival across papers, a live
page, a newsletter and a trade paper). Every line here is written for the test; none
comes from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BYLINE, classify
from worker.dumpio import RawLine
from worker.segment import _push, segment_text


def test_name_after_a_paragraph_cut_at_a_comma_runs_on() -> None:
    """A paragraph ending in a comma, then a bare name ("Jo Park."): the paragraph was
    broken at a linked name, which is no byline of a next story."""
    lines = [
        *STORY,
        "Rail museum names its new director",
        "By Hedda Marsk",
        "The rail museum has named a new director after a search that lasted most of a year.",
        "She takes over in September from the man who founded the collection, her mentor,",
        "Arvid Nyqvist.",
        "Asked what he meant to her, she said he had taught her to read a timetable at six.",
        "The museum will close for two weeks in August while the new galleries are fitted.",
    ]
    assert starts(lines) == [1, 6]


def test_linked_name_under_a_comma_is_no_byline() -> None:
    lines = [
        "She takes over in September from the man who founded the collection, her mentor,",
        "Arvid Nyqvist.",
    ]
    assert classify(lines[1]).role == BYLINE
    window: list = []
    for no, text in enumerate(lines, 1):
        _push(window, RawLine(no, 0, 0, text))
    assert window[1].info.role != BYLINE


def test_live_page_key_events_box_is_furniture() -> None:
    """The "Key events" box over the live page's entry headlines: a box of links, no headlines."""
    lines = [
        "Harbour strike - live: ferries halted as talks resume",
        "By Oskar Lind",
        "Updated 20 minutes ago",
        "Key events",
        "14:10 Union leaders arrive at the port office",
        "11:05 Harbour Ferries Cancels Crossings",
        "15:02",
        "That is where we leave our coverage of the strike for today. Thanks for reading along.",
        "14:10",
        "Union leaders have arrived at the port office for talks with the ferry company today.",
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert len(arts) == 1
    dropped = {d.line for a in arts for d in a.dropped_lines}
    assert {4, 5} <= dropped
