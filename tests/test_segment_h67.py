"""Line roles in context from the h67 review (international business news: market
reports with flattened tables, press releases, features, letters). Every line here is
written for the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import NEXT_PAGE, STORY, starts

from worker.clean import BOILER, BYLINE, CLOSE, HEAD, classify


def test_market_table_row_is_not_a_headline() -> None:
    """A market table flattened one row a line (a name, a price, its changes) is data
    inside the story, not a headline; a headline with a number in it stays one."""
    for text in (
        "Ostland Index 12,480.20 -54.10 -0.43%",
        "EUR/OSK 7.3310 +0.12%",
        "Ostland 5-year 0.88% +2bp",
        "Zinc (cash) $2,905 unch",
        "Silver (spot) $24.10/oz +1.2%",
        "Order book 1.80 bn crowns +12%",
    ):
        assert classify(text).role == BOILER, text
    for text in ("Ostland index falls 2.1% as lenders slide", "Inflation hits 4.6% in May"):
        assert classify(text).role == HEAD, text


def test_paragraph_under_a_labelled_table_goes_on() -> None:
    """A related-links box, then a table's label and rows, then a paragraph: the label
    heads the table and the paragraph goes on with the story (a page does not open on
    a table)."""
    lines = [
        *STORY,
        "Related stories",
        "Ferry operator posts record summer traffic",
        "Harbour board approves new fuel levy",
        "Exchange rates",
        "EUR/OSK 7.3310 +0.12%",
        "USD/OSK 6.8120 -0.05%",
        "Dealers said the crown barely moved after the vote, as investors looked to the budget.",
        "The central bank meets next week and is expected to leave rates on hold.",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 14]


def test_words_and_pictures_byline_after_semicolon() -> None:
    """ "Words by <name>; photographs by <name>": a feature's joint byline, the
    pictures' credit after a semicolon, not a headline opening a page under the
    feature's own headline and standfirst."""
    for text in (
        "Words by Tilde Ommen; photographs by Raoul Besnard",
        "Words by Tilde Ommen; pictures by Raoul Besnard",
    ):
        assert classify(text).role == BYLINE, text
    lines = [
        "A week on the lighthouse keepers' island",
        "Words by Tilde Ommen; photographs by Raoul Besnard",
        "The supply boat comes twice a week, weather permitting, and it did not come at all"
        " in the first week I was there.",
        "The keepers left in 1991, but their cottages have been turned into a small hostel.",
        "Most guests come for the seabirds, which nest on the cliffs below the lamp.",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 6]


def test_dash_led_staff_credit_closes_the_story() -> None:
    """ "— <Outlet> staff" under the last paragraph: the outlet's staff credit closing
    the story, not a headline taking the next page's headline into its header."""
    for text in ("— Lakeside Courier staff", "-- Valley Post staff writers"):
        assert classify(text).role == CLOSE, text
    lines = [
        *STORY,
        "— Lakeside Courier staff",
        "Letters: Tram depots, ferry fares and the bypass",
        "The council's tram depot vote was the right call, whatever the neighbours say.",
        "Jo Park, Eastfield",
        "Ferry fares are already the highest on the coast and should not rise again.",
        "Sam Roe, Westhaven",
    ]
    assert starts(lines) == [1, 7]


def test_reproduction_notice_is_furniture() -> None:
    """ "Reproduction is permitted provided the source is acknowledged." at a press
    release's foot: the release's terms of reuse, furniture, not a caption opening the
    next page one line above its headline."""
    for text in (
        "Reproduction is permitted provided that the source is acknowledged.",
        "Reproduction prohibited without the written consent of the publisher.",
    ):
        assert classify(text).role == BOILER, text
    assert classify("Reproductions of the old maps hang in the station hall.").role != BOILER
    lines = [
        *STORY,
        "Press office: tel. 555 0100, press@depot.example",
        "Reproduction is permitted provided that the source is acknowledged.",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 8]


def test_embedded_post_and_its_attribution_are_inline() -> None:
    """A post's text, then "— <name> (@handle) <date>": an embedded social post inside
    the story, not a headline and a timestamp opening a page between two paragraphs."""
    for text in ("— Depot Works (@depotworks) May 4, 2024", "— Jo Park (@jopark) 4 May 2024"):
        info = classify(text)
        assert info.role == BOILER and info.ad, text
    lines = [
        *STORY,
        "Delighted to be building the city's new trams right here. See you at the depot! 🚋",
        "— Depot Works (@depotworks) May 4, 2024",
        "The maker said it would hire forty fitters for the depot once the site is ready.",
        "Work on the yard wall is due to start in the autumn.",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 10]


def test_photo_by_the_features_photographer_stays_in_the_feature() -> None:
    """A caption crediting the photographer of a caption just above, then a longer
    section heading: another picture of the same feature, not the next page's lead
    photo and headline."""
    lines = [
        "A week on the lighthouse keepers' island",
        "By Tilde Ommen",
        "The lamp tower at dawn. Photograph: Raoul Besnard",
        "The supply boat comes twice a week, weather permitting, and it did not come at all"
        " in the first week I was there.",
        "The keepers left in 1991, but their cottages have been turned into a small hostel.",
        "Seabirds drying their wings on the jetty. Photograph: Raoul Besnard",
        "Week two: the far side of the island",
        "The path to the north cliffs takes an hour and passes the old fog-signal house.",
        "From the top you can see the mainland on a clear day, and the ferry coming in.",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 10]
