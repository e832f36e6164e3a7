"""Line roles in context from the h58 review (a bird-flu outbreak, a bridge inquiry and
a film-festival jury row across farming and trade papers, agencies in translation,
fact-checkers, newsletters and press releases). Every line here is written for the
test; none comes from an evaluation set."""

from __future__ import annotations

import pytest
from support_stories import LONG_STORY, NEXT_PAGE, STORY, cueless_late, starts

from worker.clean import BOILER, BYLINE, CLOSE, classify
from worker.segment import segment_text


def test_share_prompt_naming_the_kind_of_page_is_furniture() -> None:
    """ "Share this <kind of page>" over the share buttons: furniture, not a headline
    that would open a page of its own above the buttons."""
    for text in ("Share this fact check", "Share this recipe", "Share this explainer"):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "Share this fact check",
        "Facebook",
        "X",
        "Email",
        *STORY,
    ]
    assert starts(lines) == [1, 10]


def test_related_label_of_any_kind_is_furniture() -> None:
    """ "Related <kind>: <link> · <link>" under a story (a fact-checker's "Related
    fact checks:", "Related explainers:"): a row of links, not a headline; the page
    below starts at its own kicker."""
    for text in (
        "Related fact checks: No, the mayor did not sell the park · Old flood photo is from 2009",
        "Related explainers: What a tram depot needs · Why night shifts are noisy",
    ):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "Related fact checks: No, the mayor did not sell the park · Old flood photo is from 2009",
        "Morning Desk",
        "A planner on what the depot vote means for the east side",
        "By Cleo Marsh",
        "The council's vote leaves the depot's design open, and the planners must now"
        " agree the wall with the neighbours.",
        "The committee will see the revised drawings in the spring, a planner said.",
        "Nothing will be built before the trams are delivered in two years' time.",
    ]
    assert starts(lines) == [1, 7]


def test_obituary_publication_line_closes_the_obituary() -> None:
    """ "Published by the <paper> on <date>." under an obituary's buttons: the platform's
    note of where and when it ran (as "Published in the X from <date> to <date>"), the
    obituary's last line, not a byline opening a page above the next kicker."""
    assert classify("Published by the Marsh Valley Courier on Jun. 3, 2024.").role == CLOSE
    lines = [
        "Edith Marlow taught piano to half the children of the valley for forty years.",
        "She was born in Ashby in 1941 and moved to the valley when she married.",
        "She leaves two sons, five grandchildren and a great many grateful pupils.",
        "Sign the guest book | Send flowers",
        "Published by the Marsh Valley Courier on Jun. 3, 2024.",
        "Business / Transport",
        *STORY,
    ]
    assert starts(lines) == [1, 6]


def test_agency_translation_note_with_initials_closes_the_story() -> None:
    """A translated wire story's last line: the desk's initials with the translation
    note ("JN/SK (translated by the X English Service)", "(X English Service, translated
    from Spanish) jn/sk"): the story's close, not a headline."""
    for text in (
        "JN/SK (translated by the Nordpress English Service)",
        "(Nordpress English Service, translated from Swedish) jn/sk",
        "(translated from Portuguese by the Lusopress desk)",
    ):
        assert classify(text).role == CLOSE, text


def test_copyright_mark_after_a_label_is_furniture() -> None:
    """A copyright line whose "© Copyright X" follows a label in the agency's language
    ("RESERVADOS TODOS LOS DERECHOS © Copyright X"): furniture, not a photo credit run
    into a caption, which would open a page under the story."""
    assert classify("DERECHOS RESERVADOS © Copyright Nordpress").role == BOILER
    lines = [
        *STORY,
        "JN/SK (translated by the Nordpress English Service)",
        "DERECHOS RESERVADOS © Copyright Nordpress",
        "Keywords: Transport, Trams, Councils",
        "There is a moment, late in the first act, when the whole cast stops singing and"
        " the orchestra carries the tune alone for a full minute.",
        "It is the best thing in a production that too often mistakes volume for feeling,"
        " and it shows what the director could have made of the piece.",
        "The leads are strong, the chorus less so, and the sets creak in the second half.",
        "The opera runs at the city theatre until the end of the month.",
        "Tickets are on sale from the box office and the theatre's website now.",
        "Four stars out of five for the music, two for everything else.",
    ]
    assert starts(lines) == [1, 9]


def test_link_ending_in_an_arrow_is_furniture() -> None:
    """A link's call to action ending in an arrow ("Read all our opera reviews →"),
    like one ending in a chevron: furniture under the story, not a headline whose page
    would take the next page's header."""
    assert classify("Read all our opera reviews from the season →").role == BOILER
    lines = [
        *STORY,
        "Read all our opera reviews from the season →",
        "Culture",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 7]


def test_feedback_prompt_is_furniture() -> None:
    """ "Tell us what you think: <how to reach the newsroom>" under a story: the
    outlet's feedback prompt, not a caption or paragraph that keeps the next page's
    kicker from opening it."""
    for text in (
        "Tell us what you think: email the newsroom or find us on social media.",
        "Let us know what you think by writing to the desk at the address below.",
    ):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "Tell us what you think: email the newsroom or find us on social media.",
        "THE BIG INTERVIEW",
        "Ilse Varga: 'Ferries are the island's only road'",
        "By Oskar Lind",
        "Ilse Varga has run the island ferry for twenty years and has never seen fuel so dear.",
        "She says the fares must rise by a fifth from April or the boats will stop.",
    ]
    assert starts(lines) == [1, 7]


def test_interview_note_and_magazine_offer_are_furniture() -> None:
    """An interview's note ("This interview has been edited and condensed.") and a
    magazine's offer ("Subscribe and save 30%") under it: the page's furniture, not
    paragraphs of the interview."""
    for text in (
        "This interview has been condensed and edited for clarity.",
        "Our interview was edited and condensed.",
        "The spring issue is out now. Subscribe and save 30% on the cover price.",
    ):
        assert classify(text).role == BOILER, text


@pytest.mark.parametrize("learned", [False, pytest.param(True, marks=cueless_late)])
def test_cueless_split_under_furniture_stays_under_it(learned: bool) -> None:
    """A report, its furniture, then a blog post with no header whose first paragraph
    names the report's subject before turning to the writer ("Okay, I need to talk about
    the depot vote: ..."): the post starts right under the furniture, not a paragraph
    later because its first paragraph shares the report's words. The rules see the
    voice change; the learned choice weighs the shared words more and takes the dated
    paragraph under it."""
    lines = [
        *LONG_STORY,
        "This report has been edited and condensed.",
        "The spring issue is out now. Subscribe and save 30% on the cover price.",
        "Okay, I need to talk about the tram depot vote: the committee, the wall, the night"
        " shifts, the budget, the council, the trams.",
        "On Wednesday I went down to the yard with a flask of coffee and my old camera.",
        "I have lived next to that yard for eleven years and I have never heard a quiet night.",
        "My neighbours think I am mad for caring this much about where trains sleep.",
        "I will keep writing about this until somebody at the town hall answers my letters.",
        "The man from the gas board says I should get double glazing and stop complaining.",
        "My sister says I should move to the hills, where the only noise is sheep.",
        "You know where to find me, and my inbox is always open for your stories.",
    ]
    assert starts(lines, **({} if learned else {"cueless": None})) == [1, 11]


def test_download_link_with_file_type_is_furniture() -> None:
    """A link to a file with its type and size ("Download the statement (PDF, 84 KB)"),
    maybe beside a language link: the release's furniture, not a heading whose page
    would swallow the next page's breadcrumb."""
    for text in (
        "Download the statement (PDF, 84 KB) | Version française",
        "Download the annual accounts (XLSX, 1.2 MB)",
    ):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "Download the statement (PDF, 84 KB) | Version française",
        "Home / Transport / Ferries",
        *NEXT_PAGE,
    ]
    assert starts(lines) == [1, 7]


def test_press_contact_line_reading_as_a_dateline_is_furniture() -> None:
    """A release's contact line under "Press contacts" that opens like a dateline
    ("Press Office — Acme Trust, +44 ..."): a line of the contact block, not text."""
    contact = "Ufficio Comunicazione / Press Office — press office of the Trust, +39 02 555 0147"
    lines = [
        "Statement of the Board of the Harbour Trust",
        "Portovenere, 2 May 2024",
        "The Board of the Harbour Trust met today to consider the ferry contract.",
        "The Board has approved the new timetable, which starts on 1 June.",
        "The Board thanks the crews and the islanders for their patience this winter.",
        "Press contacts",
        contact,
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert len(arts) == 1
    assert contact not in arts[0].text


def test_curated_by_is_a_byline() -> None:
    """A newsletter's "Curated by <Name>" under its title: the byline, not a heading
    that opens the issue a line below its title."""
    assert classify("Curated by Marta Eklund").role == BYLINE
    lines = [
        *STORY,
        "Recommended",
        "Harbour fees to double next year",
        "Lorry ban on the old bridge extended",
        "THE WEEKLY TRACK | Issue #88: The depot fight, explained",
        "Curated by Marta Eklund",
        "Friday, 3 May",
        "Hello and happy Friday. This week is mostly about one story, the tram depot vote.",
        "The committee backed it, the neighbours want a wall and the budget comes in March.",
        "We will be at the full council meeting and will report back next week.",
    ]
    assert starts(lines)[1] == 9


def test_newsletter_trouble_viewing_line_opens_the_issue() -> None:
    """ "Having trouble viewing this email? Open it online." over a newsletter's title:
    furniture that opens the issue (like "View in browser"), even under the last
    page's list of links."""
    assert classify("Trouble viewing this email? View it online.").role == BOILER
    lines = [
        *STORY,
        "Recommended",
        "Harbour fees to double next year",
        "Lorry ban on the old bridge extended",
        "Having trouble viewing this email? Open it online.",
        "THE WEEKLY TRACK | Issue #88: The depot fight, explained",
        "Curated by Marta Eklund",
        "Friday, 3 May",
        "Hello and happy Friday. This week is mostly about one story, the tram depot vote.",
        "The committee backed it, the neighbours want a wall and the budget comes in March.",
        "We will be at the full council meeting and will report back next week.",
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 9]
    assert arts[1].title == "THE WEEKLY TRACK | Issue #88: The depot fight, explained"


def test_tipline_prompt_is_furniture() -> None:
    """A short prompt pointing to the outlet's tip line ("Seen a claim we should check?
    Message our tipline.") under the last story: furniture, not a one-line story."""
    assert classify("Seen a claim we should check? Message our tipline.").role == BOILER
    lines = [
        *STORY,
        "Our fact checks follow a published code.",
        "Seen a claim we should check? Message our tipline.",
    ]
    assert starts(lines) == [1]


def test_paywall_meter_opens_the_page_below() -> None:
    """A paywall's meter ("You have 3 free articles left this month. Subscribe ...") over
    a breadcrumb and headline: furniture at the top of the page it meters."""
    meter = "You have 3 free articles left this month. Subscribe now for £1 a week."
    assert classify(meter).role == BOILER
    lines = [
        *STORY,
        meter,
        "Local / Ferries",
        *NEXT_PAGE,
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 6]
    assert arts[1].title == "Ferry fares to rise by a fifth from April"


def test_page_repeating_its_own_paragraph_is_not_split() -> None:
    """A story that turns to the first person half-way and shows one of its paragraphs a
    second time (a pull quote, a scraper's repeat): one page, though its voice changes;
    two pieces do not share a paragraph word for word."""
    lines = [
        *LONG_STORY,
        "On Wednesday I went down to the yard with a flask of coffee and my old camera.",
        "I have lived next to that yard for eleven years and I have never heard a quiet night.",
        "Councillor Rhea Dunmore said the wall would be built before the first trams arrive.",
        "My neighbours think I am mad for caring this much about where trains sleep.",
        "The man from the gas board says I should get double glazing and stop complaining.",
        "My sister says I should move to the hills, where the only noise is sheep.",
        "I will keep writing about this until somebody at the town hall answers my letters.",
    ]
    assert starts(lines) == [1]
