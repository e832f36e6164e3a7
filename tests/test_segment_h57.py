"""Line roles in context from the h57 review (a heat wave and water rationing, a rate
cut, a museum's looted plaques, across papers, stations, releases, a forum, a gallery
and a newsletter). Every line here is written for the test; none comes from an
evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BOILER, CAPTION, CLOSE, CREDIT, HEAD, classify


def test_buttons_and_offers_under_a_story_are_furniture() -> None:
    """A row of links joined by ' // ', an embed's placeholder, a print story's jump
    line, a locator or adviser button and a priced subscription offer under the story:
    furniture, which opens no article of its own."""
    for text in (
        "Report an error // Send us a story tip",
        "Loading…",
        "Continued on Page A7",
        "Find a Dale Pharmacy branch near you",
        "Speak with one of our mortgage advisers: book a free call today",
        "Subscribe and save 30% — 6 issues for £12",
        "Read related topics: Rail | Budget",
    ):
        assert classify(text).role == BOILER, text
        assert starts([*STORY, text, *STORY]) == [1, 7], text


def test_dated_rows_joined_by_slashes_stay_header_lines() -> None:
    """A date and time or a byline and date joined by ' // ' are no row of links."""
    for text in ("Tue 4 Mar 2025 // 09:12 UTC", "By Ilse Varga // 4 March 2025"):
        assert classify(text).role != BOILER, text


def test_disclaimers_and_thread_controls_are_furniture() -> None:
    """A closed comment thread, an opinion page's disclaimer, a general-advice warning
    and a thread's sort control: furniture, not text of the story."""
    for text in (
        "Comments are now closed on this story.",
        "Opinion pieces reflect the views of their authors. To write one, email the desk.",
        "This is general advice only and does not take into account your objectives,"
        " financial situation or needs.",
        "Sort by: Newest",
    ):
        assert classify(text).role == BOILER, text


def test_commissioned_photo_credit_under_a_caption_opens_no_article() -> None:
    """ "Jo Park for The Dale Echo" under the lead photo's caption: the photo's credit,
    not a headline (a headline "Parks brace for the dark-sky era" stays one)."""
    assert classify("Ilse Varga for The Dale Echo").role == CREDIT
    assert classify("Dark-Sky Parks Brace for the Satellite Era").role == HEAD
    lines = [
        *STORY,
        "Ferry fares to rise by a fifth from April",
        "Passengers queue at the island terminal on Monday morning.",
        "Ilse Varga for The Dale Echo",
        "By Sam Roe",
        "Fares on the island ferry will rise by a fifth from April, the operator said.",
        "The company blamed the cost of fuel and a new contract with the crews' union.",
    ]
    assert starts(lines) == [1, 6]


def test_gallery_slides_and_picture_terms_end_no_page_early() -> None:
    """A photo gallery's slides ("2/4 <caption>" then the photo's credit) are captions,
    one page, and the picture desk's terms under them end it: the next page starts at
    its headline."""
    assert classify("2/4 Ferry crews tie up at the island pier on Monday.").role == CAPTION
    assert classify("1/2 cup rolled oats").role != CAPTION
    assert classify("Pictures are for editorial use only. No resale. © Dale Photos 2025").role == (
        BOILER
    )
    gallery = [
        "Dale Photos › News › Transport",
        "IN PICTURES: Ferry crews strike over rosters",
        "Crews walked out at dawn and the island's only ferry stayed in port all day.",
    ]
    for n, (caption, credit) in enumerate(
        [
            ("Ferry crews tie up at the island pier on Monday morning.", "Photo: Ilse Varga/Dale"),
            ("A striker hands leaflets to drivers in the queue.", "Photo: Sam Roe/Dale"),
            ("The empty car deck of the island ferry at noon.", "Photo: Ilse Varga/Dale"),
            ("Union officials address crews at the harbour gate.", "Photo: Sam Roe/Dale"),
        ],
        1,
    ):
        gallery += [f"{n}/4 {caption}", credit]
    gallery.append("Pictures are for editorial use only. No resale. © Dale Photos 2025")
    assert starts([*gallery, *STORY]) == [1, len(gallery) + 1]


def test_letters_page_without_headings_is_one_page() -> None:
    """A letters page whose letters have no headings, each signed "Name, Town" (or with
    a role and a society, "Name, Chair, Dale Valley Society"): one page, the
    signatures start no articles."""
    lines = [
        "Letters",
        "The ferry strike was avoidable",
        "The island's crews warned the operator about the new rosters for a year, and"
        " nobody in the head office listened until the boats stopped.",
        "A strike was the only way left for them to be heard, and I support it.",
        "Wilfred Pike, Lower Hatch",
        "As a pensioner who relies on the ferry for hospital visits, I cannot support a"
        " strike that leaves the sick stranded on the wrong side of the water.",
        "Hester Quayle, Chair, Dale Valley Society",
        "Our members have crossed on that ferry for forty years and never once seen the"
        " operator consult the crews before changing the timetable.",
        "Tobias Venn, Ashby, Somerset",
        "Surely the council, which owns the pier, could step in and broker a deal before"
        " the summer season begins and the visitors stay away.",
        "Rosalind Okoro, Brinsworth",
    ]
    assert starts([*STORY, *lines, *STORY]) == [1, 6, 6 + len(lines)]


def test_newsletter_section_headings_in_capitals_are_headings() -> None:
    """A newsletter's section headings in capitals ("THE BIG ONE", "BY THE NUMBERS") are
    headings inside the issue, not a desk's sign-off or a byline: the issue is one page,
    opening at its "View this email in your browser" line. A desk's initials stay a
    sign-off."""
    assert classify("THE BIG ONE").role == HEAD
    assert classify("BY THE NUMBERS").role == HEAD
    assert classify("PTI KRS JN").role == CLOSE
    issue = [
        "View this email in your browser",
        "DALE MONEY BRIEF | Tuesday 4 March",
        "Ferry fares, and who pays",
        "Good morning, it's Ilse here. Ferry fares are going up again, and by more than you think.",
        "THE BIG ONE",
        "Fares on the island ferry will rise by a fifth from April, the operator said on Monday.",
        "The company blamed fuel and a new contract with the crews' union.",
        "BY THE NUMBERS",
        "20%: the rise in the adult single fare from April.",
        "£4.80: what a return will cost a foot passenger.",
    ]
    assert starts([*STORY, *issue]) == [1, 6]
