"""Page notes from the h51 review: a credit led by a dash, an obituary's furniture,
a journal's disclosure, label-led teasers. Every line is written for the test."""

from __future__ import annotations

import pytest

from worker.clean import APPEAL, BOILER, CLOSE, TIMESTAMP, classify


@pytest.mark.parametrize(
    "line",
    [
        "— With files from The Coastal Wire",
        "-- With reports from Harbour Radio",
        "Published in the Millbrook Gazette from March 2 to March 4, 2025.",
        "Published in The Valley Times on Jan. 9, 2024.",
    ],
)
def test_story_credits_close_it(line: str) -> None:
    assert classify(line).role == CLOSE


@pytest.mark.parametrize(
    "line",
    [
        "Online condolences may be left for the family at greenfuneral.example",
        "Condolences can be shared at www.oakhillchapel.example",
        "Competing interests: None declared.",
        "Conflict of interest: The author reports no conflicts.",
        "Related posts: Ten lunchbox ideas · Our spring garden plan",
        "Trending: Council approves new library hours",
    ],
)
def test_page_notes_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


@pytest.mark.parametrize(
    "line",
    [
        "Published in the journal Nature on Tuesday, the study followed 400 patients.",
        "Condolences poured in from across the league after the coach's death.",
    ],
)
def test_sentences_stay_body(line: str) -> None:
    assert classify(line).role not in (BOILER, CLOSE)


def test_mailing_footer_is_furniture() -> None:
    line = "You are receiving this email because you signed up at the club. Unsubscribe | Settings"
    assert classify(line).role == BOILER
    assert classify("Manage your alerts · Unsubscribe · Privacy").role == BOILER


def test_a_letter_headline_about_a_topic_is_no_appeal() -> None:
    assert classify("A message from the principal about snow days").role != APPEAL
    assert classify("A message from our editor").role == APPEAL


def test_iso_date_line_is_a_timestamp() -> None:
    assert classify("2025-11-03").role == TIMESTAMP
    assert classify("+44 20 7946 0000").role == BOILER  # a phone number stays furniture


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Trust · 12 Quay Street, Portree · 01478 555 010",
        "Millbrook Library | 7 Station Road, Millbrook | millbrooklibrary.example",
        "Backgrounder: Where the new clinics will open",
        "Fact sheet: Flood insurance in five questions",
    ],
)
def test_footer_rows_and_release_links_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


def test_address_in_a_sentence_stays_body() -> None:
    line = "The clinic at 12 Quay Street, Portree, opens on Monday · more details to come."
    assert classify(line).role != BOILER
