"""Line roles in context from the h65 review (a flood barrier, a creamery's closure and a
storm on the coast across regional papers, trade titles, press releases, letters pages,
Q&As and wire copy). Every line here is written for the test; none comes from an
evaluation set."""

from __future__ import annotations

import io

from support_stories import NEXT_PAGE, STORY, refit_miss, starts

from worker.clean import BOILER, CLOSE, CONT, classify
from worker.dumpio import iter_lines
from worker.segment import _push, segment_text


def _foot_of_story(line: str) -> list[int]:
    """Starts of STORY / ``line`` / NEXT_PAGE: the line is the story's foot."""
    return starts([*STORY, line, *NEXT_PAGE])


def test_station_pointer_to_its_frequencies_is_furniture() -> None:
    """ "Listen to <station> on 96.2FM, DAB and online" under a story: the station's
    promo, not a headline opening the next page."""
    for text in (
        "Listen to Dale Sound on 96.2FM, DAB and online",
        "Tune in live to Radio Fenmoor on 103.7 FM and the app",
        "Listen to us on DAB+ across the county",
    ):
        assert classify(text).role == BOILER, text
    assert _foot_of_story("Listen to Dale Sound on 96.2FM, DAB and online") == [1, 7]


def test_live_page_reload_note_is_furniture() -> None:
    """ "Refresh for updates" at a live page's foot: the page's note, not a headline."""
    for text in ("Refresh for updates", "Reload the page to see the latest posts"):
        assert classify(text).role == BOILER, text
    assert _foot_of_story("Refresh for updates") == [1, 7]


def test_letters_page_address_is_furniture() -> None:
    """ "Write to: The Editor, <paper>, <street>, or email letters@..." under the last
    letter: the page's address, not the next page's headline."""
    for text in (
        "Write to: The Editor, Dale Courier, 4 Mill Lane, Dalebury, or email"
        " letters@dalecourier.co.uk",
        "Send your letters to the editor at letters@fenmoorpost.co.uk",
    ):
        assert classify(text).role == BOILER, text
    line = "Write to: The Editor, Dale Courier, 4 Mill Lane, Dalebury"
    assert _foot_of_story(line) == [1, 7]


def test_shop_link_under_a_review_is_furniture() -> None:
    """ "Buy this book from ..." / "Order your copy for £9.99 at ..." under a review: an
    affiliate link, not the next page's headline."""
    for text in (
        "Buy this book from our partner shop and support local booksellers",
        "Order your copy for £9.99 at the Courier bookshop",
    ):
        assert classify(text).role == BOILER, text
    assert _foot_of_story("Buy this book from our partner shop and support local booksellers") == [
        1,
        7,
    ]


def test_booking_line_with_a_site_price_or_number_is_furniture() -> None:
    """ "Tickets: <site>" (or a price, a box-office number) closing a listing: the
    booking line, not a headline; a field with words ("Tickets: on sale Friday") is not
    matched by this rule."""
    for text in (
        "Tickets: dalehallboxoffice.co.uk",
        "Tickets: £14.50",
        "Box office: 0161 496 0123",
    ):
        assert classify(text).role == BOILER, text
    assert _foot_of_story("Tickets: dalehallboxoffice.co.uk") == [1, 7]


def test_print_pointer_to_another_page_is_furniture() -> None:
    """ "Results from around the league: see page 46" under a match report: the print
    edition's pointer, not a headline; a sentence citing a page is still a paragraph."""
    for text in ("Results from around the league: see page 46", "Full report, turn to page 12"):
        assert classify(text).role == BOILER, text
    assert classify("The council said, see page 4 of its report.").role != BOILER
    assert _foot_of_story("Results from around the league: see page 46") == [1, 7]


def _titles(lines: list[str]) -> list[str | None]:
    return [a.title for a in segment_text("\n".join(lines) + "\n")]


@refit_miss
def test_organisation_news_page_over_a_release_is_no_title() -> None:
    """ "Fenmoor District Council – Newsroom" over a release's headline: the
    organisation's news page, a label; the headline under it is the title. A headline
    with a dash ("Tram depot – the vote") stays the title."""
    page = [
        "Fenmoor District Council – Newsroom",
        "Council opens three warm spaces in village halls",
        "Posted on 4 December 2024",
        "Fenmoor District Council has opened warm spaces in three village halls for the winter.",
        "The halls will open on weekday afternoons with hot drinks and free wifi.",
    ]
    assert _titles([*STORY, *page]) == [STORY[0], page[1]]
    dashed = ["Tram depot – the vote", *page[1:]]
    assert _titles([*STORY, *dashed])[1] == dashed[0]


def test_breadcrumb_headed_by_a_long_site_name_is_no_title() -> None:
    """ "North Dale Evening Courier › Opinion › Letters" over the letters page's headline: a
    path headed by the site's name (four words), not the title."""
    page = [
        "North Dale Evening Courier › Opinion › Letters",
        "Your letters: the tram depot, bin days and the ferry",
        "The depot will bring jobs, but nobody has explained where the night crews will park.",
        "The council should publish its parking plan before the full vote in March.",
        "Jo Marsh, Dalebury",
    ]
    assert _titles([*STORY, *page]) == [STORY[0], page[1]]


def test_sentence_closed_by_a_bracketed_photo_credit_under_the_date_is_a_caption() -> None:
    """headline / byline / date / "The mill opened in 1963. (Wirewest/Jo Park)" / dateline
    lead: the lead photo's caption, in the header; the page starts at its masthead, not
    at the dateline under the caption."""
    page = [
        "Dale Courier",
        "Business",
        "Paper mill to close with the loss of 90 jobs",
        "By Nell Ambrose, Wirewest",
        "15/03/2024 09:12",
        "The mill opened in 1963 and buys pulp from four northern suppliers. (Wirewest/Jo Park)",
        "DALEBURY, March 15 (Wirewest) — The owners of the Dalebury paper mill will close it"
        " by the end of the year with the loss of 90 jobs, they said on Tuesday.",
        "Production will move to a larger mill in the south, the company said.",
        "The union said the closure was a heavy blow for the town.",
    ]
    # (the rules alone: the learned placement may put the start a line lower, on the
    # section's name under the masthead, as some writers do; tests/test_placement.py)
    arts = segment_text("\n".join([*STORY, *page]) + "\n", placement=None)
    assert [a.start_line for a in arts] == [1, 6]
    assert not any("(Wirewest/Jo Park)" in line for line in arts[1].text.splitlines())


def test_lone_comment_label_over_a_headline_is_the_kicker() -> None:
    """story / "COMMENT" / opinion headline / byline: the one-word label is the column's
    kicker (it opens the page), though "Comment" is also a button's word; in a row of
    buttons one a line ("Share" / "Comment" / "Save") it stays with the story above."""
    column = [
        "The depot is the right plan in the wrong place",
        "By Mara Quist",
        "I have lived beside the tram yard for twenty years and I want the new trams to come.",
        "But nobody asked the streets behind the yard what a night shift sounds like.",
        "The committee should move the washing sheds to the far side of the site.",
    ]
    for label in ("COMMENT", "Comment"):
        assert starts([*STORY, label, *column]) == [1, 6], label
    assert 7 not in starts([*STORY, "Share", "Comment", "Save", *column])


def test_one_paragraph_letter_between_signatures_signs_no_byline() -> None:
    """letter / "Jo Park, Dalebury" / a one-paragraph letter / "Sam Roe, Fenmoor": the
    first name line signs a letter too (the page has no headings and the letter under it
    is one paragraph), not the byline of a new article."""
    page = [
        "Opinion",
        "Letters: the depot, the ferry and the bins",
        "Thursday 6 March 2025",
        "Your report on the tram depot left out the people who live behind the yard.",
        "The council should publish the noise survey before the full vote in March.",
        "Jo Park, Dalebury",
        "The new ferry timetable has no sailing after six in the evening, which leaves"
        " shift workers stranded on the island.",
        "Sam Roe, Fenmoor",
        "Bin collections in our street have been missed three weeks running and nobody"
        " at the depot answers the phone.",
        "When I rang the council I was told the lorry had broken down, again, and that"
        " nobody could say when it would be mended.",
        "Ann Lee, Kelby",
    ]
    assert starts([*STORY, *page]) == [1, 6]
    roles = _roles([*STORY, *page])
    assert roles[len(STORY) + 5] == CONT  # "Jo Park, Dalebury": no byline


def _roles(lines: list[str]) -> list[int]:
    """Each line's role after the segmenter has read it in context."""
    window: list = []
    for raw in iter_lines(io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))):
        _push(window, raw)
    return [e.info.role for e in window]


def test_dash_led_name_under_the_last_paragraph_is_a_signoff() -> None:
    """paragraph / "— Nell Ambrose" / "Got a story? Call our newsdesk ..." / next page:
    the dash-led name signs the story off; it is no byline of a page starting there."""
    lines = [
        *STORY,
        "— Nell Ambrose",
        "Got a story? Call our newsdesk on 01632 960000",
        "Dale Review of Books",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 8]


def test_cueless_split_moves_up_to_the_paragraph_under_closing_furniture() -> None:
    """release / "Media contact: ..." / "It has been a dry spring ..." / a first-person
    column: the split found one paragraph down (where the first person begins) moves up
    to the paragraph right under the release's closing line, which cannot end the
    release it follows, though it opens with "It"."""
    release = [
        "Dale Water fined for pumping failures at three stations",
        "Press release | 3 April 2025",
        "Dale Water has been fined 2.1 million pounds after pumping stations at Kelby,"
        " Marsh End and Fenwick failed during storms in 2022 and 2023.",
        "Magistrates heard that alarms at the stations had been switched off for weeks"
        " while contractors replaced the control panels.",
        "The company pleaded guilty to six offences and said it had since installed"
        " backup generators at every station on the lower river.",
        "Inspectors found that overflow monitors had not been calibrated since the"
        " stations were built, and that logs had been kept on paper.",
        "The regulator said the fine was the largest it had secured against a water"
        " company in the region and should serve as a warning to others.",
        "A full summary of the case and the sentencing remarks is available on the"
        " regulator's website from Friday.",
        "Media contact: Press office, press@daleregulator.example, 01632 960111",
    ]
    column = [
        "It has been a dry spring on the lower river, and the water has rarely looked"
        " so clear over the gravel at Kelby weir.",
        "I have swum that stretch every week for eleven years, in every season, with a"
        " small group of neighbours who meet at seven.",
        "My neighbours and I learned long ago to read the colour of the water after"
        " rain, and to stay out when it turns the shade of strong tea.",
        "I do not need a court to tell me what the pumps were doing in those storms;"
        " my skin told me, and so did the smell on the bank.",
        "What I want now is for the testing results to be posted at the weir, where"
        " swimmers can see them before they get in.",
        "I will keep swimming, and I will keep asking for the numbers, until someone"
        " nails a board to the fence and writes them up every Monday.",
    ]
    lines = [*release, *column]
    assert starts(lines) == [1, len(release) + 1]


def test_media_enquiries_sentence_with_a_number_closes_the_release() -> None:
    """ "For media enquiries please contact Jo Park on 01632 960000 ..." at a release's
    foot: its contact line, closing it (as "Media contact: ..." does), so a story with
    no headline under it starts there; without a number or an address it is prose."""
    line = "For media enquiries please contact Jo Park on 01632 960000 or jo@daletrust.co.uk"
    assert classify(line).role == CLOSE
    assert classify("For media enquiries, please contact the press office.").role != CLOSE
    release = [
        "Dale Trust opens twenty winter beds at its Mill Lane shelter",
        "Press release | 2 December 2024",
        "Dale Trust has opened twenty extra beds at its Mill Lane shelter for the coldest"
        " weeks of the winter, with hot meals every evening.",
        "The beds will stay open until the end of February and can be booked through the"
        " council's outreach team or by calling at the door.",
        "Chief executive Sam Roe said the trust had seen more people sleeping out this"
        " autumn than in any year since it opened the shelter in 1991.",
        line,
    ]
    story = [
        "Volunteers at the Mill Lane shelter spent Saturday carrying donated blankets up"
        " from a lorry that had driven down from the north of the county.",
        "Shelter manager Priya Nair said every one of the new beds had been used on the"
        " first two nights, most of them by men in their twenties.",
        "The trust is now asking for socks, gloves and phone chargers rather than coats,"
        " which it has more of than it can store.",
    ]
    assert starts([*release, *story]) == [1, len(release) + 1]
