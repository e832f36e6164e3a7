"""Short lines real article texts showed read as the wrong furniture: a how-to's
section labels taken for an author's bare name, and a letter's sign-off taken for a
headline (so the next piece's first paragraph stayed under it)."""

from __future__ import annotations

import io

import pytest

from worker import segment as S
from worker.clean import BIO, BODY, BOILER, BYLINE, CAPTION, CLOSE, classify
from worker.dumpio import iter_lines


@pytest.mark.parametrize(
    "line", ["Getting Started", "Next Steps", "Additional Factors", "FINAL THOUGHTS", "Bonus Tips"]
)
def test_a_section_label_is_no_byline(line: str) -> None:
    assert classify(line).role != BYLINE


@pytest.mark.parametrize("line", ["Eric Lascelles", "Julian Jessop", "Marta Nowak-Reyes"])
def test_a_bare_name_is_still_a_byline(line: str) -> None:
    assert classify(line).role == BYLINE


@pytest.mark.parametrize(
    "line",
    ["—Warmly, Michael", "Sincerely, Jo Park", "Yours truly, Sam", "Kind regards, Ann Lee"],
)
def test_a_letter_s_sign_off_closes_it(line: str) -> None:
    assert classify(line).role == CLOSE


@pytest.mark.parametrize(
    "line",
    [
        "Regards to all the readers who wrote in after last week's column about the ferry.",
        "Sincerely held beliefs, the court said, deserve the same protection as any other.",
    ],
)
def test_a_sentence_that_opens_like_a_sign_off_is_prose(line: str) -> None:
    assert classify(line).role == BODY


@pytest.mark.parametrize(
    "line",
    [
        "(Graphic: Global assets in 2024 - here)",
        "(Interactive graphic: tracking the storm's path - here)",
        "Buy Now",
        "Shop now",
        "Available from Amazon",
        "Get it at Walmart for $238.99",
    ],
)
def test_links_inside_a_story_are_furniture_that_sits_inside_it(line: str) -> None:
    """A link to a graphic (its text cut out by the scraper) and a buying guide's shop
    buttons: furniture, but inside the story (``ad``), so they close no page."""
    info = classify(line)
    assert info.role == BOILER and info.ad


@pytest.mark.parametrize(
    "line",
    [
        "(Photo: Jo Park)",
        "Shop around for the best rates before you renew.",
        "Available from today",
    ],
)
def test_lines_like_them_are_not(line: str) -> None:
    info = classify(line)
    assert not (info.role == BOILER and info.ad)


def test_a_photo_s_copyright_over_its_caption_sits_inside_the_story() -> None:
    """paragraph / "© Alamy" / the photo's caption / paragraph: the copyright holder is
    the photo's credit, inside the story (a page's own "© Jo Park" under its last
    paragraph, with a paragraph next, still ends that page:
    tests/test_segment_subheads.py)."""
    lines = [
        "The council bought the vessel from a Norwegian operator last winter.",
        "© Alamy",
        "The Quayside ferry at its mooring in Tollbridge harbour",
        "Engineers found corrosion in its hull plating and recommended new engines.",
    ]
    window: list[S._Entry] = []
    data = ("\n".join(lines) + "\n").encode()
    for raw in iter_lines(io.BytesIO(data)):
        S._push(window, raw)
    info = window[1].info
    assert info.role == BOILER and info.ad and not info.end


@pytest.mark.parametrize(
    "line", ["© 2024 Acme News", "© Acme News Ltd. All rights reserved.", "Copyright 2024 Acme"]
)
def test_a_page_s_copyright_line_still_ends_it(line: str) -> None:
    assert classify(line).end


def test_a_wire_story_s_long_credit_closes_it() -> None:
    """A credit naming a dozen reporters in five cities runs past sixty words, past
    the short-line patterns; in brackets, it is still the story's closing credit."""
    towns = ["JAKARTA", "KUALA LUMPUR", "SINGAPORE", "SYDNEY", "BEIJING", "PARIS", "TOKYO", "DELHI"]
    names = ", ".join(f"Ana Reporter{k} and Ben Writer{k} in {t}" for k, t in enumerate(towns))
    line = f"(Additional reporting by {names}; Writing by Dean Yates; Editing by Mia Perry)"
    assert len(line.split()) > 60
    assert classify(line).role == CLOSE


@pytest.mark.parametrize(
    "line", ["Continue reading the main story", "Image", "Photo", "Expand full story"]
)
def test_a_break_in_the_story_is_inline_furniture(line: str) -> None:
    """A "continue reading" break or a media slot's bare label between paragraphs:
    inline furniture (read as a headline, a repeated one opened a page)."""
    info = classify(line)
    assert info.role == BOILER and info.ad


@pytest.mark.parametrize(
    "line",
    [
        "Ana Quell is a Metro reporter covering courts and city hall. She writes the Night "
        "Shift column in the Sunday section and was part of the team that won the 2019 "
        "Pulitzer Prize for Local Reporting. @anaquell • Facebook",
        "Ben Otter / Ben is the Science Editor at the Courier, which he joined in 2012 after "
        "a decade covering climate and energy for wire services in Europe and Asia.",
    ],
)
def test_a_long_author_bio_is_a_bio(line: str) -> None:
    assert classify(line).role == BIO


@pytest.mark.parametrize(
    "line",
    [
        "Ilse Marrow taught chemistry at the Harbour Lyceum in Tessin from 1998 to 2021",
        "Justice Pavo Renn has served on the Appeals Bench of Orlavia since 2011",
        "Tamsin Ekdal is policy director at the Institute for Fair Rents",
        "Orrin Vale is Kestovia’s Minister of Transport",
        "Mira Holt is chair of Coastwatch Alliance, which represents 90 fishing towns",
        "Ilse Marrow and Orrin Vale are research fellows at the Institute for Fair Rents.",
        "Tamsin Ekdal and Pavo Renn are economists at the Harbour Bank",
    ],
)
def test_a_writer_s_note_without_its_full_stop_is_a_bio(line: str) -> None:
    """An op-ed's last line on who wrote it, which pages often leave without a full
    stop, so that it reads like the next page's headline."""
    assert classify(line).role == BIO


@pytest.mark.parametrize(
    "line",
    [
        "Orrin Vale is sworn in as minister at the palace in Tessin",
        "Ilse Marrow taught me more than any teacher I had.",
        "Tamsin Ekdal is back at the helm of the Institute for Fair Rents",
        "Justice Pavo Renn served the court well. Now he must go",
        "Ilse Marrow and Orrin Vale were arrested at the harbour on Tuesday.",
    ],
)
def test_a_headline_or_caption_about_a_person_is_no_bio(line: str) -> None:
    assert classify(line).role != BIO


@pytest.mark.parametrize(
    "line",
    [
        "Words by Ilse Marrow · Photographs by Tavi Renn",
        "Interview by Orrin Vale · Photographs by Mira Holt",
        "By Tamsin Ekdal • Photos by Ola Brenn",
    ],
)
def test_credits_run_on_a_middle_dot_are_a_byline(line: str) -> None:
    """The writer's and the photographer's credits on one line, parted by a middle
    dot, under a feature's standfirst: a byline, not the next page's headline."""
    assert classify(line).role == BYLINE
    assert classify("By the way • 6h").role != BYLINE  # (no credit after the dot)


def test_a_long_paragraph_that_opens_like_a_bio_is_prose() -> None:
    line = (
        "Storm Hedda is the first named storm of the season to reach the coast, and "
        "forecasters said on Tuesday that gusts of up to ninety miles an hour could bring "
        "down trees and power lines across the west of the county before the weekend."
    )
    assert classify(line).role == BODY


@pytest.mark.parametrize("sentences", [1, 4])
def test_a_wire_photo_s_caption_is_a_caption_however_long(sentences: int) -> None:
    """ "In this photo dated Tuesday, ..." over a wire story, one sentence or several
    with the credit run in at the end (past sixty words)."""
    line = " ".join(
        ["In this photo dated Tuesday, March 5, 2024, a ferry leaves Tollbridge harbour."]
        + [
            "The crossing to Marram Point had been closed for five years after the old "
            "vessel failed its inspection and the council ran out of money to repair it."
        ]
        * (sentences - 1)
        + ["(Jo Park/Courier via AP)"]
    )
    assert classify(line).role == CAPTION


@pytest.mark.parametrize(
    "line",
    [
        "Hong Kong (CNN Business) A muddled view of trade talks sent stocks lower on Friday.",
        "Mumbai (Reuters) Shares rose for a third day as banks led gains on hopes of a deal.",
    ],
)
def test_a_place_and_a_wire_s_tag_open_a_dateline_without_a_dash(line: str) -> None:
    info = classify(line)
    assert info.role == BODY and info.dateline


def test_a_name_and_a_party_are_no_dateline() -> None:
    assert not classify(
        "John Smith (Labour) said the vote was a disgrace and vowed to fight."
    ).dateline
    assert classify("-- BERNAMA").role == CLOSE  # (the agency's sign-off is still one)


@pytest.mark.parametrize("line", ["Anzeige", "Werbung", "Publicité", "Publicidad", "Pubblicità"])
def test_an_ad_slot_s_label_in_another_language_sits_inside_the_story(line: str) -> None:
    """Multilingual dumps carry European sites' furniture: their ad labels are the
    same inside-the-story furniture as "Advertisement"."""
    info = classify(line)
    assert (info.role, info.ad) == (BOILER, True)


@pytest.mark.parametrize(
    "line",
    [
        "Artikel teilen",
        "Partager l'article",
        "Leggi anche: Lidi, ecco quanto costa un ombrellone quest'estate",
        "Mehr zum Thema: Überall Proteste — wo Urlauber unerwünscht sind",
        "Lire aussi : la grève des contrôleurs reconduite jusqu'à lundi",
        "Leia também: Governo anuncia novo pacote para o setor",
    ],
)
def test_share_buttons_and_link_labels_in_another_language_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


@pytest.mark.parametrize(
    "line",
    [
        "Teilen Sie uns Ihre Meinung mit, schrieb der Verband am Montag an seine Mitglieder.",
        "Delen van de stad stonden dinsdag urenlang zonder stroom, meldt de netbeheerder.",
    ],
)
def test_a_sentence_that_opens_with_such_a_word_is_prose(line: str) -> None:
    assert classify(line).role != BOILER


@pytest.mark.parametrize(
    "line",
    [
        "If you have been affected by the issues in this article, the Patients' Association"
        " can be contacted on 0808 157 0220.",
        "If you are affected by issues raised in this article, the Patients First helpline is"
        " open 24 hours a day.",
        "If you or someone you know is affected by gambling, the Second Chance helpline is free"
        " and confidential: 0800 44 21 21.",
    ],
)
def test_a_help_note_under_a_story_is_furniture(line: str) -> None:
    assert classify(line).role == BOILER


def test_a_sentence_on_who_is_affected_is_prose() -> None:
    line = "If you are affected by the closure, the council says, you will be offered a new route."
    assert classify(line).role == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Read the full letter and list of signatories",
        "Read our full briefing on the bill here.",
        "Read the full judgment and our summary here.",
        "Read the ombudsman's report in full",
    ],
)
def test_a_link_to_the_full_document_is_furniture(line: str) -> None:
    assert classify(line).role == BOILER


def test_a_sentence_on_reading_a_document_is_prose() -> None:
    line = "Read the full report, she said, and you will see that nobody was warned in time."
    assert classify(line).role == BODY
