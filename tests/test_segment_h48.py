"""Header and page-note cues from the h48 review (a city's ballpark saga across
papers, a public radio station, a nonprofit newsroom and a letters page). Every
line here is written for the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import classify


def test_long_standfirst_over_a_by_line_is_the_header() -> None:
    """A summary of 41-60 words between the headline and a "By ..." line is the
    standfirst, not a story whose byline starts another."""
    standfirst = (
        "A review of land records, council minutes and company filings shows that a firm"
        " set up by a former depot contractor bought six plots beside the planned yard in"
        " the months before the vote, and that two of its directors sit on the board of a"
        " charity chaired by a committee member."
    )
    assert 41 <= len(standfirst.split()) <= 60
    lines = [
        *STORY,
        "The land next to the tram depot",
        standfirst,
        "By Hedda Marsk and Tor Ulven",
        "May 8, 2025",
        "When the firm bought its first plot on the edge of the old rail yard, nobody noticed.",
        "Eighteen months later it owned six, all of them along the line of the planned yard.",
        "The firm paid more than the asking price for four of them, land records show.",
    ]
    assert starts(lines) == [1, 6]


def test_cookie_banner_ends_the_page_above() -> None:
    """A cookie-consent banner sits between two pages: a paragraph under it with no
    header of its own starts the next story. The banner opens that page (a scraper
    keeps it at a page's top far more often than at its foot)."""
    lines = [
        *STORY,
        "We use cookies to improve your experience. By continuing to browse, you agree to"
        " our use of cookies. Accept",
        "On the hill above the depot, the allotment holders were picking the last of their beans.",
        "Most have kept their plots for decades and say the yard will change little up here.",
        "The allotment society meets on Sunday to decide whether to object to the plan anyway.",
    ]
    assert classify(lines[5]).end
    assert starts(lines) == [1, 6]


def test_banner_glued_to_a_paragraph_ends_nothing() -> None:
    """A banner whose line goes on with the story's sentences is no page end."""
    line = (
        "We use cookies to improve your experience. By continuing you accept our cookie"
        " policy. The depot would house the twelve longer trams the city ordered last year."
    )
    assert not classify(line).end


def test_letters_signed_name_comma_place_are_one_page() -> None:
    """A letters page: each letter under its own heading, signed "Name, Place" below
    it. The signatures are no bylines of new articles."""
    lines = [
        *STORY,
        "Opinion | Letters",
        "Letters: the tram depot and the people who live beside it",
        "May 20, 2025",
        "Noise at night",
        "Anyone who thinks a depot is quiet has never lived next to one. The night shift"
        " will wake every house on our street, and a wall will not stop it.",
        "Edith Rask, Eastbank",
        "Trams are worth it",
        "I have waited twenty years for trams that run on time. If a depot is the price of"
        " that, it is a small price, and the city should stop dithering.",
        "Pavel Orr, Old Town",
        "Ask the drivers",
        "Nobody has asked the drivers where the depot should go. They know which sites"
        " flood, which roads jam at shift change and which neighbours complain.",
        "Lena Sato, the Docks",  # read as a heading: two letters under the signature above
        "Mind the trees",
        "The plan fells forty plane trees along the yard. Plant twice as many before a"
        " single rail is laid, or the committee should vote it down next month.",
        "Ruth Vale, Hillcrest",
        "Letters should be no more than 200 words and include your name and neighbourhood.",
    ]
    assert starts(lines) == [1, 6]


def test_speaker_and_quotation_heads_a_section() -> None:
    """A speaker and a quotation alone between paragraphs heads a section of the story, like
    a bare quotation does."""
    lines = [
        "Depot contractor charged over payments to council aide",
        "By Oskar Lind",
        "May 3, 2025",
        "Prosecutors on Friday charged the contractor who built the city's tram depot with"
        " paying a council aide to steer the contract his way.",
        "The charge sheet lists eleven payments made over two years through a catering firm"
        " owned by the aide's brother.",
        "The aide was suspended in March and has not been charged. Her lawyer said she would"
        " cooperate with the investigation.",
        "Stenberg: ‘I never paid anyone for anything’",
        "The contractor, Arne Stenberg, said through his lawyer that every payment was for"
        " catering at site events and that invoices would prove it.",
        "Stenberg's firm has built three depots for the city since 2015 and employs about"
        " ninety people in the region.",
        "The council said it would review every contract the firm holds.",
    ]
    assert starts(lines) == [1]


def test_quotation_heading_forms() -> None:
    from worker.segment import _quoted

    assert _quoted("‘I never paid anyone for anything’")
    assert _quoted("Stenberg: ‘I never paid anyone for anything’")
    assert _quoted('Transport minister: "the door remains open"')
    assert not _quoted("Stenberg: the contractor who built three depots")
    assert not _quoted("Tram depot: what the council’s vote means for ‘Eastbank’ and ‘Docks’")
