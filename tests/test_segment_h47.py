"""Cues from held-out set h47 (own text, no line of the set): reader call-outs after a
story, fact-checkers' notes."""

from __future__ import annotations

from worker.clean import BOILER, CLOSE, HEAD, classify
from worker.segment import segment_text


def test_reader_call_outs_close_a_story() -> None:
    for line in (
        "Were you at the match on Saturday? Send us your photos and memories at sport@example.org",
        "Mistakes? Spotted an error in this report? Let us know",
        "Know more about the closure or work at the plant? Contact us in confidence on"
        " 0161 496 0000 or at news@example.org",
    ):
        assert classify(line).role == CLOSE, line
    # a question in a story, or a headline asking one, is no call-out
    assert classify("Who will pay for the new bridge? Councillors still cannot agree").role == HEAD
    line = "Why did the pier close? Contact with the sea had rotted its legs, engineers said."
    assert classify(line).role != CLOSE
    line = "Harbourview Facts is a verified signatory of the IFCN fact-checking Code of Principles."
    assert classify(line).role == BOILER


def test_call_out_is_no_headline_of_the_next_story() -> None:
    dump = [
        "Ferry fares to rise by a fifth from April",
        "By Ana Ruiz",
        "4 March 2026",
        "Fares on the island ferry will rise by a fifth from April, the operator said on Tuesday.",
        "The operator blamed fuel costs and said the timetable would not change.",
        "Do you use the ferry every day? Tell us how the rise will affect you at news@example.org",
        "Comments (12)",
        "Library to open on Sundays after petition",
        "5 March 2026",
        "The town library will open on Sundays from next month after a petition of 2,000.",
    ]
    starts = [a.start_line for a in segment_text("\n".join(dump) + "\n")]
    assert starts == [1, 8]


def test_more_on_the_story_labels_a_link_list() -> None:
    for line in ("MORE ON THE PIER FIRE", "More on the Budget"):
        info = classify(line)
        assert info.role == BOILER and info.lead > 0, line
    assert classify("More on the way for flood-hit towns").role != BOILER
