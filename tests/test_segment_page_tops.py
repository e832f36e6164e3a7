"""Page shapes met in freshly written dumps (fourteenth session), on invented text:
how a page's header opens under the end of the page above (a related-links label
with an ampersand, a rubric over a headline written as full sentences)."""

from __future__ import annotations

from test_segment_pages import FLOODS, ORCHESTRA, _starts

from worker.clean import BOILER, classify


def test_more_in_a_section_with_an_ampersand_is_a_links_label() -> None:
    """ "More in Science & Tech" over links labels them, as "More in Sport" does."""
    for line in ("More in Science & Tech", "More in Arts and Culture", "More in Sport"):
        assert classify(line).role == BOILER, line


def test_a_rubric_over_a_headline_in_full_sentences_after_a_page_end() -> None:
    """release / "SOURCE X" / "OPINION" / "The river keeps rising. The town keeps
    building." / standfirst / byline: the rubric opens the page, though its headline
    ends with a full stop (after a page's end nothing of the last story is left)."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "SOURCE Halverton Youth Orchestra",
        "OPINION",
        "The river keeps rising. The town keeps building.",
        "Ten years of flood plans have changed who pays for the damage, not whether it comes",
        "By Ada Merrow",
        "March 13, 2024",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 3]
