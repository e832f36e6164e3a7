"""Closing notes of translated stories, radio pages and newsletters are furniture.

Lines written for these tests: a translator's note, a copyright line with its
reproduction terms, a station's "Listen live" promo, reader call-outs, a desk's
pointer to its hub page, a paper's notices service, a long tip line, a membership
pitch and a "More on the ..." list label.
"""

from __future__ import annotations

from worker.clean import APPEAL, BODY, BOILER, BYLINE, CLOSE, classify


def test_translation_note_is_furniture_but_translator_credit_is_not() -> None:
    for line in (
        "This article was translated from the Norwegian original.",
        "This story has been translated from Portuguese. Read it in Portuguese.",
        "The interview was machine translated into English.",
    ):
        assert classify(line).role == BOILER, line
    assert classify("Translated from Norwegian by Kari Holm").role == BYLINE


def test_copyright_with_reproduction_terms_is_furniture() -> None:
    for line in (
        "© Nordvik Avis AS 2024. Reproduction without permission is prohibited.",
        "Reproduction in whole or in part without written permission is strictly prohibited.",
    ):
        assert classify(line).role == BOILER, line
    line = "He said copying without permission was prohibited by the licence."
    assert classify(line).role == BODY


def test_station_and_desk_promos_are_furniture() -> None:
    for line in (
        "Listen live: Coast FM 101.4 – news every half hour.",
        "Watch again: The Evening Bulletin, 3 March",
        "Send us your snow photos – message the newsroom or tag us.",
        "For more of our climate coverage, visit the Environment hub.",
        "Death notices can be placed through our Family Notices service.",
        "More on the harbour strike",
    ):
        assert classify(line).role == BOILER, line
    line = "For more than a decade the station was the town's only source of news."
    assert classify(line).role == BODY


def test_long_tip_line_closes_and_membership_pitch_is_an_appeal() -> None:
    line = "Got a story? Call the newsdesk on 0800 123 456 or send us a message on WhatsApp."
    assert classify(line).role == CLOSE
    for line in (
        "Our work is made possible by readers in nine countries. Become a monthly supporter.",
        "Become a regular donor today.",
    ):
        assert classify(line).role == APPEAL, line
