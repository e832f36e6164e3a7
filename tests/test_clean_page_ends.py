"""Lines that end a page and were read as prose or as a headline: a wire story's "where
from" credit, what a gift buys, a donation's ask, a citation button, and a reader
appeal whose heading runs on into its text after an ellipsis."""

from __future__ import annotations

import pytest
from support_stories import LONG_STORY, NEXT_PAGE, starts, window

from worker import placement as P
from worker.clean import APPEAL, BODY, BOILER, CLOSE, HEAD, classify
from worker.segment import segment_text


@pytest.mark.parametrize(
    "line",
    [
        "Okello reported from Kampala, Uganda.",
        "Harbor Press writer Ben Kolawole reported from Greer County.",
        "Dupree reported from Harlan; Abernathy from Kessler Falls.",
        "Lindsay Fraser reported from Glasgow and Tom Achterberg from London.",
        "Rosa Etxeberri-Lund reported from Kesharia and Dalmoria. Research support by Tamsin"
        " Okafor.",
    ],
)
def test_who_reported_from_where_is_a_closing_credit(line: str) -> None:
    assert classify(line).role == CLOSE


@pytest.mark.parametrize(
    "line",
    [
        "Officials said most of the cases were reported from Potohar Town.",
        "Reuters reported from Geneva that officials had agreed.",
        "Priya Raman covers space. She previously reported from Houston and Cape Canaveral.",
    ],
)
def test_a_sentence_about_reports_from_a_place_is_prose(line: str) -> None:
    assert classify(line).role == BODY


def test_a_wire_credit_closes_its_page_for_the_placement() -> None:
    """A start is never moved up over "X reported from Y." nor "X contributed to this
    report.": they are the story's last lines."""
    for line in ("Okello reported from Kampala, Uganda.", "Jo Park contributed to this report."):
        info = classify(line)
        assert P.closes_page(line, info, info.role), line
    tag = "ANN"  # an agency's tag, a closing line that may also top a page
    assert not P.closes_page(tag, classify(tag), CLOSE)


@pytest.mark.parametrize(
    "line",
    [
        "A gift of 30 francs pays for one child’s place on a glacier trip.",
        "A donation of any size helps us pay for lawyers and food parcels for detainees.",
        "A gift of just £5 a month helps us put investigators where the animals are.",
        "A monthly gift of 15 crowns pays for a caseworker to spend an hour on a file.",
    ],
)
def test_what_a_gift_buys_is_an_appeal(line: str) -> None:
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "A contribution of $2bn from the World Bank will fund the dam.",
        "A donation of 5 million euros will be made by the state.",
    ],
)
def test_a_large_contribution_in_the_news_is_prose(line: str) -> None:
    assert classify(line).role == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Donate to keep the campaign on track.",
        "Donate today and help us hold the shipping industry to account.",
        "Please donate — 12 crowns could fund a debt adviser for an hour.",
        "Donate now at relief.example.org or call our donation line.",
        "Please donate today",
    ],
)
def test_a_donation_ask_is_an_appeal(line: str) -> None:
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "Donate long-life food such as tinned fish and pasta at any of our collection points.",
        "Donate through the charity’s own website rather than a link in a text message.",
    ],
)
def test_advice_on_what_to_donate_is_not_an_appeal(line: str) -> None:
    assert classify(line).role != APPEAL


@pytest.mark.parametrize("line", ["Cite this paper", "Cite this brief", "Cite this report"])
def test_a_citation_button_is_furniture(line: str) -> None:
    assert classify(line).role == BOILER


def test_a_sentence_starting_cite_this_is_not_a_button() -> None:
    assert classify("Cite this as evidence of a plot").role != BOILER


TEASER = [
    "Independent journalism has never mattered more",
    "… and it has never cost more to produce. The Ledger is owned by a trust, not a"
    " billionaire, and our reporters answer to no one.",
    "If you value our reporting, please consider supporting us with a monthly contribution.",
]


def test_an_appeal_heading_run_on_by_an_ellipsis_is_the_appeal() -> None:
    w = window([*LONG_STORY, *TEASER])
    roles = [e.info.role for e in w[len(LONG_STORY) :]]
    assert roles == [APPEAL, APPEAL, APPEAL]


def test_an_appeal_heading_does_not_open_a_page() -> None:
    lines = [*LONG_STORY, *TEASER, *NEXT_PAGE]
    assert starts(lines) == [1, len(LONG_STORY) + len(TEASER) + 1]
    first = segment_text("\n".join(lines) + "\n")[0]
    assert "never mattered more" not in first.text
    dropped = {d.line for d in first.dropped_lines}
    assert {len(LONG_STORY) + 1, len(LONG_STORY) + 2} <= dropped


def test_a_signatory_list_run_on_by_an_ellipsis_stays_a_heading() -> None:
    """A petition's last signatory over "… and 187 others" asks for nothing."""
    w = window(
        ["Kwame Adjei, Assistant Professor of Journalism", "… and 187 others. View the list"]
    )
    assert w[0].info.role == HEAD
