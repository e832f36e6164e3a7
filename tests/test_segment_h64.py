"""Line roles in context from the h64 review (busy commercial news sites: heavy page
furniture between stories, reviews, letters pages, live pages and wire copy). Every
line here is written for the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import NEXT_PAGE, STORY, starts


def test_root_path_under_a_link_list_opens_the_next_page() -> None:
    """ "Home › Travel › Rail" under the links of a "Most read" box: no link reads so,
    the list has ended and the path tops the next page above its kicker."""
    lines = [
        *STORY,
        "Most read",
        "Bus lane on the ring road to open in May after two years of delays",
        "Cycle hire scheme adds forty docks across the northern suburbs",
        "Home › Travel › Rail",
        "ANALYSIS",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 9]


def test_section_and_rubric_over_a_headline_end_a_link_list() -> None:
    """ "Books | Novel of the month" between the last link of a "More from" box and a
    review's headline: the next page's section and rubric, not one more link."""
    lines = [
        *STORY,
        "More from Sport",
        "Harbour rowing club wins the regional sculls after a tense final",
        "Why the new cycle lanes are dividing the town's runners",
        "Books | Novel of the month",
        "The Salt Orchard review – a patient portrait of a fishing town's last winter",
        "Reviewed by Ines Albright",
        "It would be easy to call this a quiet book, and it would be wrong.",
        "Each chapter follows one family through one week of a storm that never quite comes.",
        "The ending, when it arrives, is both earned and unexpected.",
    ]
    assert starts(lines) == [1, 9]


def test_skip_link_and_site_menu_open_the_next_page() -> None:
    """ "Skip to main content" and the site's menu bar under it, between a story's last
    paragraph and the next headline: a page's first lines, so the next page starts at
    the link, not at its headline under the menu."""
    lines = [
        *STORY,
        "Jump to content",
        "Home | Local | Weather | Traffic | Sport | Listen",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 6]
    assert starts([*STORY, "Skip to main content", *NEXT_PAGE]) == [1, 6]


def test_letters_set_apart_by_blank_lines_are_signed_not_bylined() -> None:
    """A letters page whose letters are set apart by blank lines: each "Name, Town"
    under a letter signs it, so the last one, over the page's "write to us" note and
    the next page's kicker, is no byline opening an article there."""
    lines = [
        "Letters",
        "Readers on the tram depot",
        "The depot will bring jobs to a part of the city that has waited years for them.",
        "Kasia Nowak, Eastfield",
        "",
        "Nobody asked the families who live by the yard what they think of night shifts.",
        "Tom Berrow, Millbrook",
        "",
        "A wall along the yard is the least the council can do for its neighbours.",
        "Amal Idris, Westgate",
        "Write to us: letters are edited for length and clarity.",
        "Ferries",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 12]
