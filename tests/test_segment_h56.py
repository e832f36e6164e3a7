"""Line roles in context from the h56 review (an oil shock and a football takeover
across papers, a radio site, a newsletter and a trade paper). Every line here is
written for the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import NEXT_PAGE, STORY, refit_miss, starts

from worker.clean import BOILER, CLOSE, classify
from worker.segment import segment_text


def test_letters_signed_with_a_title_or_a_county_are_one_page() -> None:
    """A letters page whose writers sign "Dr Name Name, Town" or "Name, Village,
    County": the signatures (read as bylines or headings) sign letters, no new
    articles start at the headings under them."""
    lines = [
        "Letters: Bus cuts, the bypass and the cost of parking",
        "Tuesday 4 June 2024",
        "Villages need their buses",
        "The loss of the evening service leaves our village with no way into town after six,"
        " and most of the people who rely on it are too old to drive.",
        "Wilfred Ambrose Pike, Lower Hatch, Somerset",
        "The bypass will not help",
        "Every new road we build fills up within a few years, and the bypass will be no"
        " different once the new estates to the north are finished.",
        "Dr Rosalind Faye Okoro, Brinsworth",
        "Parking charges drive shoppers away",
        "The council has doubled the charge at the market car park and then wonders why"
        " half the shops on the high street stand empty this spring.",
        "Major (retd) Tobias Venn, Ashby",
        "Do cyclists count for nothing?",
        "Not one of the plans published this year mentions a cycle lane, though the town"
        " is flat and most journeys into the centre are shorter than three miles.",
        "Hester Quayle-Dunn, Marlow Bottom",
    ]
    assert starts([*STORY, *lines, *STORY]) == [1, 6, 6 + len(lines)]


def test_letters_page_footer_is_furniture() -> None:
    """The letters page's footer ("... Letters may be edited."): the page's furniture."""
    for text in (
        "Send your views to views@dalepost.example. Letters may be shortened for space.",
        "Email the letters desk with your name and town. Letters will be edited for length.",
    ):
        assert classify(text).role == BOILER, text


def test_station_promos_and_alert_bars_are_furniture() -> None:
    """A station's promo of its shows or channel, its player and its alert bar."""
    for text in (
        "Catch The Night Shift with Mo Barker weeknights from 10 p.m. to 2 a.m. on 98.4 Dale FM.",
        "Watch Dale Sport on Freesat channel 112, or stream it on the Dale Sport app.",
        "Now playing: The Kinks – Waterloo Sunset",
        "Weather alerts: 3 active",
        "TRAFFIC ALERT: Lane closures in effect on Route 9 until noon Sunday",
    ):
        assert classify(text).role == BOILER, text


@refit_miss
def test_station_player_and_alert_bar_top_the_next_page() -> None:
    """ "Listen Live" / "Now playing: X" or an alert bar over a headline: the top of the
    station's page, whose title is the headline under them."""
    for top in (
        ["Listen Live", "Now playing: The Kinks – Waterloo Sunset"],
        ["WEATHER ALERT: Flood watch in effect for the valley until 8 p.m. Monday"],
    ):
        lines = [
            *STORY,
            *top,
            *NEXT_PAGE,
        ]
        arts = segment_text("\n".join(lines) + "\n")
        assert [a.start_line for a in arts] == [1, 6]
        assert arts[1].title == "Ferry fares to rise by a fifth from April"


def test_offers_and_ad_labels_are_furniture() -> None:
    """A subscription offer with its price, a betting ad's small print, a sponsor's label."""
    for text in (
        "Join the Dale Post for £2 a month. No commitment, stop whenever you like.",
        "Back the Rovers at 9/2 to win on Saturday. 18+ only. Bet responsibly.",
        "Sponsored: Five ways small firms are cutting their energy bills this winter",
    ):
        assert classify(text).role == BOILER, text


def test_a_row_of_tabs_inside_a_header_ends_no_page() -> None:
    """Score line / scorers / "Match stats | Line-ups | Table | Report" / headline: the
    match page's tabs sit inside its header (their bars make the row look like a long
    sentence, which would close a page between two headers)."""
    lines = [
        *STORY,
        "FT  Dale Town 3-0 Marsh United",
        "Pike 12’, Orr 40’, 77’",
        "Match stats | Line-ups | Table | Report",
        "Orr double keeps Dale Town top after a cold night at the Mill Ground",
        "Sam Rowley at the Mill Ground",
        "Tue 4 Feb 2025, 21:50",
        "Dale Town stayed top of the table with a comfortable win over Marsh United on a"
        " freezing night, with Kit Orr scoring twice after Lee Pike's early header.",
        "Marsh United had chances before the break but their keeper was kept busy all night.",
    ]
    # (the rules and placement: a match page of two paragraphs under a five-line story
    # is shorter than the learned check of starts gives the benefit of the doubt)
    arts = segment_text("\n".join(lines) + "\n", starts_check=None)
    assert [a.start_line for a in arts] == [1, 6]


def test_market_data_furniture() -> None:
    """A ticker's row of quotes, a quote box's label and the data's delay note."""
    for text in (
        "Copper HGc1 4.12 ▼ 0.08 (-1.90%) | Gold GCc1 2,310.40 ▲ 12.10 (+0.53%)",
        "Stocks mentioned in this article: Dale Mining plc (DMP) ▲ 2.1%",
        "Quotes delayed by up to 20 minutes.",
    ):
        assert classify(text).role == BOILER, text


def test_long_contact_the_reporters_trailer_closes_the_story() -> None:
    """A wire's trailer naming two reporters with their towns and addresses is the
    story's closing line, however long, like the one naming a single reporter."""
    text = (
        "To contact the reporters on this story: Mina Hale in Oslo at mhale@dalewire.example;"
        " Tom Brack in Leeds at tbrack@dalewire.example"
    )
    assert classify(text).role == CLOSE
