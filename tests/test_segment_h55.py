"""Page furniture and layouts from the h55 review: a link card's label glued to its
headline; a paywall's label, button and offer. Every line is written for the test."""

from __future__ import annotations

import pytest
from support_stories import STORY, refit_miss, starts

from worker.clean import BODY, BOILER, classify
from worker.segment import segment_text


@pytest.mark.parametrize(
    "line",
    [
        "RecommendedTram fares rise again as operator blames energy costs",
        "Read moreHarbour wall repairs to start in May",
        "RelatedCouncil agrees budget after late-night session",
    ],
)
def test_glued_teaser_label_is_furniture(line: str) -> None:
    info = classify(line)
    assert info.role == BOILER
    assert info.ad  # a link inside the story: it does not part the story


@pytest.mark.parametrize(
    "line",
    [
        "Recommended by the committee, the plan now goes to a full council vote.",
        "Trending toward a deal, the talks resumed on Monday after a week's pause.",
    ],
)
def test_story_sentences_stay_paragraphs(line: str) -> None:
    assert classify(line).role == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Premium content",
        "Subscriber exclusive",
        "Continue reading with a Digital subscription",
        "Continue reading the full story on Harbour News Network",
        "Get unlimited access to our journalism from $1 a week. Cancel anytime.",
    ],
)
def test_paywall_lines_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


@pytest.mark.parametrize(
    "line",
    [
        "Continue reading the letter, she said, and you will see what I mean.",
        "Premium petrol prices rose again in March, the motoring group said.",
    ],
)
def test_paywall_words_in_sentences_stay_paragraphs(line: str) -> None:
    assert classify(line).role == BODY


def test_paywall_label_over_a_headline_opens_the_page() -> None:
    lines = [
        *STORY,
        "Subscribers only",
        "Harbour ferry fares to double from June",
        "By Mira Holt",
        "Ferry fares across the harbour will double from June, the operator said on Monday.",
        "The operator blamed fuel costs and the end of a council subsidy for the rise.",
        "Commuters said the new fares would push them back into their cars next summer.",
    ]
    assert starts(lines) == [1, len(STORY) + 1]


def test_news_app_card_line_is_no_link_row() -> None:
    # outlet, writer and the story's age, set apart by dots: the header of a news app's card
    assert classify("Harbour Post · Mira Holt · 2d").role != BOILER
    assert classify("Harbour Post · Mira Holt · 5 hours ago").role != BOILER
    assert classify("News · Sport · Weather · Travel").role == BOILER


def test_headline_over_a_news_app_card_line_opens_the_page() -> None:
    lines = [
        *STORY,
        "Read the Courier's full coverage of the tram depot vote",
        "Ferry fares to double from June as subsidy ends",
        "Harbour Post · Mira Holt · 2d",
        "PORT ELLIS (HP) - Ferry fares across the harbour will double from June, the operator"
        " said on Monday.",
        "The operator blamed fuel costs and the end of a council subsidy for the rise.",
        "Commuters said the new fares would push them back into their cars next summer.",
    ]
    assert starts(lines) == [1, len(STORY) + 2]


@pytest.mark.parametrize(
    "line",
    [
        "Read our full coverage of the harbour flood",
        "See all of the Courier's coverage of the trial",
        "Follow our live coverage of the storm here.",
    ],
)
def test_coverage_pointer_is_furniture(line: str) -> None:
    assert classify(line).role == BOILER


def test_coverage_words_in_a_sentence_stay_a_paragraph() -> None:
    line = "Read the coverage of the trial and you will see the bias, he said."
    assert classify(line).role == BODY


@pytest.mark.parametrize("line", ["[MUSIC BREAK]", "[THEME MUSIC]", "[Music fades out]"])
def test_bracketed_stage_note_is_an_ad_line(line: str) -> None:
    info = classify(line)
    assert info.role == BOILER and info.ad


def test_stage_note_inside_a_transcript_parts_nothing() -> None:
    lines = [
        "Episode 12: Why the harbour keeps flooding",
        "Hosted by Mira Holt",
        "[THEME MUSIC]",
        "MIRA HOLT, HOST: This is Tideline. This week the harbour flooded for the third time"
        " since the new sea wall was finished.",
        "HOLT: I'm joined by engineer Tomas Berg, who helped design the wall. Welcome.",
        "TOMAS BERG: Thanks, Mira. It is good to be here, even if the news is not good.",
        "HOLT: So what went wrong with the wall this time?",
        "BERG: The wall did its job. The water came in through the drains behind it, which"
        " nobody had fitted with valves.",
        "HOLT: And why not?",
        "BERG: Money, mostly. The valves were in the first plan and cut from the second.",
        "[MUSIC BREAK]",
        "HOLT: Before we go, what should people on the quay do now?",
        "BERG: Keep the sandbags handy. The valves will not be fitted before the winter.",
        "HOLT: Tomas Berg, thank you.",
        "BERG: Thank you, Mira.",
    ]
    assert starts(lines) == [1]


@pytest.mark.parametrize(
    "line",
    [
        "Book a free eye test at your nearest Clearview store",
        "Call (555) 010-0199 or fill in the form below for a free case review.",
        "ATTORNEY ADVERTISEMENT. Prior results do not guarantee a similar outcome.",
    ],
)
def test_business_calls_to_action_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


@pytest.mark.parametrize(
    "line",
    [
        "Get your flu jab at your local pharmacy before winter, the health board urged on Monday.",
        "Residents can book a test at their nearest pharmacy from Monday.",
    ],
)
def test_shop_words_in_sentences_stay_paragraphs(line: str) -> None:
    assert classify(line).role == BODY


@refit_miss
def test_shop_button_under_a_story_ends_it() -> None:
    lines = [
        *STORY,
        "Book a free hearing test at your nearest Soundwell store",
        "Home » News » Local",
        "Ferry fares to double from June as subsidy ends",
        "By Mira Holt",
        "Ferry fares across the harbour will double from June, the operator said on Monday.",
        "The operator blamed fuel costs and the end of a council subsidy for the rise.",
        "Commuters said the new fares would push them back into their cars next summer.",
    ]
    assert starts(lines) == [1, len(STORY) + 2]


@pytest.mark.parametrize(
    "line", ["Share a memory (12 entries)", "Leave a condolence", "View all tributes (4)"]
)
def test_guest_book_buttons_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


def test_guest_book_words_in_a_sentence_stay_a_paragraph() -> None:
    line = "Share a memory of the day the bridge opened, the museum asks its visitors."
    assert classify(line).role == BODY


def test_newsletter_first_line_opens_its_page() -> None:
    lines = [
        *STORY,
        "View this email in your browser",
        "Tideline: what the flood means for the quay",
        "By Mira Holt",
        "Good morning, and welcome back to Tideline, the weekly letter about the harbour.",
        "The harbour flooded again on Tuesday, the third time since the sea wall was finished.",
        "The water came in through the drains behind the wall, which had no valves fitted.",
    ]
    assert starts(lines) == [1, len(STORY) + 1]


@pytest.mark.parametrize(
    "line",
    [
        "This story was co-published with Harbour Public Radio.",
        "This investigation was produced in partnership with the Tideline Project.",
        "This statement is also available in French and Dutch.",
    ],
)
def test_partner_and_language_notes_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


@pytest.mark.parametrize(
    "line",
    [
        "This story was published with the help of readers who sent in photos of the flood.",
        "The report is also available in libraries across the county, the ministry said.",
    ],
)
def test_partner_words_in_sentences_stay_paragraphs(line: str) -> None:
    assert classify(line).role == BODY


def test_release_headline_over_news_provided_by_is_the_title() -> None:
    headline = (
        "Harbour Ferries Issues Voluntary Recall of Select Tidewell® Lifejackets Due to"
        " a Faulty Inflation Valve"
    )
    lines = [
        *STORY,
        headline,
        "News provided by Harbour Ferries Ltd.",
        "Apr 02, 2025, 09:00 ET",
        "PORT ELLIS, April 2, 2025 /NewsWire/ -- Harbour Ferries Ltd. today announced that it"
        " is voluntarily recalling 4,000 Tidewell lifejackets sold on its boats since 2023.",
        "The company said a valve in some jackets may fail to inflate the jacket in the water.",
        "Customers should stop using the jackets and return them to any ticket office.",
    ]
    articles = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in articles] == [1, len(STORY) + 1]
    assert articles[1].title == headline
