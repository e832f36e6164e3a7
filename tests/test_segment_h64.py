"""Line roles in context from the h64 review (busy commercial news sites: heavy page
furniture between stories, reviews, letters pages, live pages and wire copy). Every
line here is written for the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import NEXT_PAGE, STORY, starts

from worker.clean import BOILER, CLOSE, TIMESTAMP, classify


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


def test_ticket_button_closing_a_promo_is_furniture() -> None:
    """A tour promo ending in its ticket button ("Buy tickets from £30") under a
    review: furniture, not a headline that opens a page above the next one's own."""
    for text in (
        "The quartet tours the north from 4 June. Buy tickets from £30",
        "The play transfers to the Lyric in May. Book your tickets now.",
    ):
        assert classify(text).role == BOILER, text
    assert classify("The mayor told fans to buy tickets.").role != BOILER
    lines = [
        *STORY,
        "The quartet tours the north from 4 June. Buy tickets from £30",
        NEXT_PAGE[0],
        NEXT_PAGE[0],
        *NEXT_PAGE[1:],
    ]
    assert starts(lines) == [1, 7]


def test_date_clock_and_update_row_is_a_date() -> None:
    """ "Mar 4, 2021 / 09:15 AM / Updated 2 hours ago" under a byline: the story's date
    in cells, not a menu of links (a menu under the header parts it from the story's
    photo caption, which was then taken for a page of its own)."""
    for text in (
        "Mar 4, 2021 / 09:15 AM / Updated 2 hours ago",
        "April 2, 2022 | 6:05 p.m. ET | Updated 40 minutes ago",
    ):
        assert classify(text).role == TIMESTAMP, text
    assert classify("News / Sport / Weather").role == BOILER
    lines = [
        *STORY,
        "Ferry fares to rise by a fifth from April",
        "Ferry fares to rise by a fifth from April",
        "By Ilse Varga",
        "Mar 4, 2021 / 09:15 AM / Updated 2 hours ago",
        "Passengers queue for the island ferry at the harbour terminal, March 3, 2021."
        " HARBOUR WIRE/Ana Lutz",
        "FERRYPORT, March 4 (Harbour Wire) - Fares on the island ferry will rise by a fifth"
        " from April, the operator said on Thursday.",
        "The company blamed the cost of fuel and a new contract with the crews' union.",
        "Passenger groups said the rise would hit island families hardest.",
    ]
    assert starts(lines) == [1, 6]


def test_two_word_capitalised_kicker_is_no_photo_credit() -> None:
    """ "THE PROFILE" is a kicker; two capitalised words over a headline credit a photo
    only with a photo word ("GETTY IMAGES"). Read as a credit, it made the live entry's
    last paragraph above it a caption and the entry's clock the next page's start."""
    lines = [
        "Harbour strike live: ferries stay in port",
        "By Oskar Lind",
        "Updated 9.40pm",
        "9.15pm",
        "Crews vote to stay out",
        "Crews at the ferry port have voted to extend their strike into a second week.",
        "8.50pm",
        "Welcome",
        "Good evening and welcome to our live coverage of the harbour strike tonight.",
        "THE PROFILE",
        "'The yard will be quiet for a generation'",
        "The last shipwright at the old yard talks about what the depot will replace.",
        "By Ilse Varga",
        "Posted: 4h ago",
        "The old yard closed its gates for the last time on a wet Friday in March.",
        "For forty years it built and mended the ferries that cross to the island.",
        "Now the council wants to put a tram depot on the site.",
    ]
    assert starts(lines) == [1, 10]


def test_agency_tag_with_desk_initials_signs_the_story_off() -> None:
    """ "NTA kb/rs" under a wire story's last paragraph: the agency's tag and its desk's
    initials close the story, they do not head the next page."""
    assert classify("NTA kb/rs").role == CLOSE
    assert starts([*STORY, "NTA kb/rs", "Gallery", *NEXT_PAGE]) == [1, 7]
    assert starts([*STORY, "NTA kb/rs", *NEXT_PAGE]) == [1, 7]


def test_read_count_meter_and_its_offer_open_the_next_page() -> None:
    """ "You have read 2 of 4 free articles this month." and the offer under it, between
    a story's sign-off and the next page's kicker: a paywall's meter tops the page it
    counts, so the next page starts at the meter."""
    assert classify("You have read 2 of 4 free articles this month.").role == BOILER
    lines = [
        *STORY,
        "(Reporting by Oskar Lind; Editing by Ruth Amsel)",
        "You have read 2 of 4 free articles this month.",
        "Subscribe today for unlimited reading from £2 a month",
        "COMMENT",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 7]


def test_photo_gallery_ending_the_input_is_a_page() -> None:
    """A gallery at the end of a dump (headline, date, captioned photos, no paragraph):
    a page of its own, not furniture trailing the story above it."""
    lines = [
        *STORY,
        "Share | Email | Print",
        "The week in photos: trams, ferries and a frozen harbour",
        "Photo desk | Friday 4 March 2022",
        "The first of the longer trams is lifted off a lorry at the depot site on Monday.",
        "Photograph: Ana Lutz",
        "Ice covers the inner harbour for the first time in eleven winters on Wednesday.",
        "Photograph: Oskar Lind",
        "A ferry crew member clears snow from the car deck before the morning crossing.",
        "Photograph: Ilse Varga",
    ]
    assert starts(lines) == [1, 7]
