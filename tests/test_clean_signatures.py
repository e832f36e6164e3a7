"""Lines that sign or close a piece: a writer's note with its disclaimer, a name with
the body its writer speaks for, an advocacy page's petition button."""

from __future__ import annotations

import pytest

from worker.clean import APPEAL, BIO, BOILER, BYLINE, HEAD, classify


@pytest.mark.parametrize(
    "line",
    [
        "Tomasz Wren is a senior fellow at the Lakeside Policy Centre. The views expressed "
        "are his own.",
        "Amara Osei is a professor of hydrology at the University of Velt. The opinions "
        "expressed here are hers alone.",
    ],
)
def test_a_bio_with_its_disclaimer_is_a_bio(line: str) -> None:
    """The op-ed's last line names its writer first: a bio, which ends the piece."""
    assert classify(line).role == BIO


def test_a_disclaimer_alone_stays_boilerplate() -> None:
    assert classify("The views expressed are the author’s own.").role == BOILER


@pytest.mark.parametrize(
    "line",
    ["Jonas Eide, Wild Salmon Alliance", "Mira Castell, Tenants’ Rights Network"],
)
def test_a_name_and_the_body_it_speaks_for_is_a_byline(line: str) -> None:
    assert classify(line).role == BYLINE


@pytest.mark.parametrize("line", ["Rangers and the Lost Alliance", "Why the Union Council Failed"])
def test_a_title_naming_a_body_is_no_byline(line: str) -> None:
    assert classify(line).role == HEAD


@pytest.mark.parametrize(
    "line",
    ["Sign our petition to the Water Board", "Sign the open letter against the dam"],
)
def test_a_petition_button_with_its_addressee_is_boilerplate(line: str) -> None:
    assert classify(line).role == BOILER


@pytest.mark.parametrize(
    "line", ["Sunniva Leck, Senior Research Economist", "Ana Ruiz, senior fellow"]
)
def test_a_think_tanks_writer_with_her_title_is_a_byline(line: str) -> None:
    assert classify(line).role == BYLINE


@pytest.mark.parametrize(
    "line", ["Senior economist warns of recession", "Researchers find new species"]
)
def test_a_headline_about_economists_is_no_byline(line: str) -> None:
    assert classify(line).role == HEAD


def test_a_campaigns_request_for_a_donation_is_an_appeal() -> None:
    line = "If you share our aims, please support our work with a donation. It keeps us going."
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "This essay is part of The Lantern’s series on drug policy in Merevia.",
        "This briefing is part of our programme on trust in science. The full report is "
        "available on our website.",
    ],
)
def test_a_series_note_closes_its_piece(line: str) -> None:
    info = classify(line)
    assert info.role == BOILER and info.end


def test_a_paragraph_about_a_series_is_prose() -> None:
    line = "The series is part of a wider push by the broadcaster to win back younger viewers."
    assert classify(line).role not in (BOILER,)
