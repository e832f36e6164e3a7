"""Header cues from the h52 review (a podcast page under a link list, a video label
under a headline). Every line here is written for the test; none comes from an
evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BYLINE, classify


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
    assert starts(lines) == [1, 9]


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
    assert starts(lines) == [1, 6]


def test_live_page_writers_with_shift_notes_are_a_byline() -> None:
    assert classify("Jo Marren (now) and Sam Roeder (earlier)").role == BYLINE
    assert classify("Court (today) and Council (now)").role != BYLINE


def test_live_page_header_keeps_its_byline() -> None:
    """Kicker, headline, a standfirst read as a paragraph, then the writers with
    their shifts: one header, no page starting at the byline."""
    lines = [
        *STORY,
        "LIVE",
        "Depot vote: council backs tram yard by six votes to three – as it happened",
        "Committee approves the yard after a four-hour debate; neighbours vow to fight on in"
        " the courts and ask for a noise wall along the line",
        "Jo Marren (now) and Sam Roeder (earlier)",
        "Tue 9 May 2025 18.02 BST",
        "The committee has backed the new tram depot, after four hours of debate and two"
        " adjournments, by six votes to three.",
        "Neighbours in the public gallery booed the result and said they would go to court.",
        "The depot will house the twelve longer trams the city ordered last year.",
    ]
    assert starts(lines) == [1, 6]


def test_quoted_headline_between_kicker_and_standfirst() -> None:
    """Kicker / a headline that is one quotation (a reader's question) / standfirst /
    byline: the page starts at the kicker."""
    lines = [
        *STORY,
        "ASK THE EXPERT",
        "'I sold my flat to the depot firm. Can I undo the sale now?'",
        "Our property columnist on what sellers near the planned tram yard can do now",
        "Hedda Marsk",
        "Sun 14 May 2025 07.00 BST",
        "Q: Last spring I sold my flat beside the old rail yard to a firm I now learn was"
        " buying land for the depot.",
        "A: I'm sorry to hear it. A sale can be undone only in narrow cases, and this may"
        " not be one of them.",
        "If you believe the buyer hid what it knew, a solicitor can tell you whether to act.",
    ]
    assert starts(lines) == [1, 6]


def _window(texts: list[str]):
    from worker.dumpio import RawLine
    from worker.segment import _push

    window: list = []
    for no, text in enumerate(texts, 1):
        _push(window, RawLine(no, 0, 0, text))
    return window


REPORT = [
    "The council's transport committee backed the new tram depot on Tuesday by six votes to three.",
    "The depot would house the twelve longer trams the city ordered last year.",
    "Residents of the streets beside the yard fear noise from the night shifts.",
    "The committee asked the operator to build a wall along the yard.",
    "Building work is due to start in the autumn and the first trams should arrive.",
    "Opponents said they would ask the regional government to review the decision.",
]


def test_cueless_split_moves_up_to_a_greeting() -> None:
    """A newsletter on the same story opens "Morning." a few paragraphs above the
    split the cosine found: the split moves up to the greeting."""
    from worker.segment import _voice_opening

    texts = [
        *REPORT,
        "Morning. The depot vote is a day old and nobody has yet published what the yard costs.",
        "The operator says the depot will cost about forty million, which seems low for its size.",
        "Land near the yard sold for twice the usual price last spring, according to the records.",
        "The operator has not said who bought it, or whether the buyers knew of the plan at all.",
    ]
    window = _window(texts)
    body = list(range(len(texts)))
    cands = body[1:]
    assert _voice_opening(window, body, cands, len(cands) - 1) == cands.index(6)


def test_cueless_split_moves_up_to_a_new_place() -> None:
    """A paragraph opening "In <Place>, ..." on a place the part above never names,
    just above the split: a piece set elsewhere starts there. A month is no place."""
    from worker.segment import _voice_opening

    texts = [
        *REPORT,
        "In Westhaven, where the old depot stood for sixty years, the news was met with relief.",
        "The cafe across the road lost half its trade when the old depot closed, its owner said.",
        "Former drivers who used to park there said they hoped some of the jobs would come back.",
    ]
    window = _window(texts)
    body = list(range(len(texts)))
    cands = body[1:]
    assert _voice_opening(window, body, cands, len(cands) - 1) == cands.index(6)
    texts[6] = "In September, the old depot stood empty for the first time in sixty years."
    window = _window(texts)
    assert _voice_opening(window, body, cands, len(cands) - 1) == len(cands) - 1


def test_station_gift_prompt_is_an_appeal() -> None:
    from worker.clean import APPEAL

    line = "Valley Radio is listener-supported. Make a gift today and keep local news free."
    assert classify(line).role == APPEAL
    assert classify("She chose to make a gift of the land to the town in 1990.").role != APPEAL
