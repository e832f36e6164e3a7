"""Lines that end a page and were read as prose or as a headline: a wire story's "where
from" credit, what a gift buys, a donation's ask, a citation button, and a reader
appeal whose heading runs on into its text after an ellipsis."""

from __future__ import annotations

import pytest
from support_stories import LONG_STORY, NEXT_PAGE, starts, window

from worker import placement as P
from worker import segment as S
from worker.clean import APPEAL, BIO, BODY, BOILER, BYLINE, CAPTION, CLOSE, HEAD, classify
from worker.segment import segment_text

#: The next page's first paragraphs, with no header, for the tests of where a cue-less
#: split lands.
FERRY_LEAD = [
    "Fares on the island ferry will rise by a fifth from April, the operator said on Monday.",
    "The company blamed the cost of fuel and a new contract with the crews' union.",
]


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
        "$300 pays a former hunter's salary as a forest guardian for a month",
        "£60 trains a village volunteer in water-saving planting.",
    ],
)
def test_what_a_gift_buys_is_an_appeal(line: str) -> None:
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "Some names have been changed to protect their identity.",
        "Names of some tenants and their children have been changed.",
        "Some names in this article have been withheld at the request of those interviewed.",
        "Some sources in this article requested anonymity for their safety.",
    ],
)
def test_an_editing_note_on_names_closes_its_page(line: str) -> None:
    """The note under a story's last paragraph that names were changed or sources kept
    anonymous: the page's last line in every written dump that has one."""
    assert classify(line).role == CLOSE


@pytest.mark.parametrize(
    "line",
    [
        "Sources say the names have been changed on the ballot.",
        "Some sources spoke on condition of anonymity because they were not authorised.",
        "The names have been changed on the ballot. Voters were not told.",
    ],
)
def test_names_changed_in_the_story_are_prose(line: str) -> None:
    assert classify(line).role == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Quay Street Action is funded entirely by supporters. We take no money from builders.",
        "The Lantern is funded by readers, not advertisers.",
        "Our work is funded by members and small donors.",
        "We are an independent, reader-funded newsroom. No shareholders, no owner.",
        "The Quay Street Voice is a member-supported newsroom.",
    ],
)
def test_a_campaign_funded_by_its_supporters_is_an_appeal(line: str) -> None:
    """The funding pitch at a campaign's or a newsroom's foot, as "made possible by
    supporters" is."""
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "The sea wall study is funded by the research council and the port.",
        "The new ferry is funded by the regional government.",
        "The station, a listener-supported outlet, said it would appeal the fine.",
    ],
)
def test_a_project_funded_by_a_body_is_prose(line: str) -> None:
    assert classify(line).role == BODY


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
        "At this critical moment for the valley's towns, we need your help.",
        "Legal action is expensive. We need your help to see this through.",
        "Now we need your support to keep the clinics open through the winter.",
        "Independent reporting on the housing crisis has never been more important.",
        "Support the Harbour Gazette today from just 3 crowns a month.",
        "If you can, please support us with a contribution from as little as 5 francs.",
        "Every crown you give goes to legal advice for the families.",
        "Quay Street Action is a volunteer group. We take no money from builders or the state.",
        "We receive no money from banks. If you believe in cash, please support our work.",
        "Every crown we raise pays for lawyers, hydrologists and buses to the capital.",
        "Contribute from 3 florins",
        "Save Fenwick is run by volunteers. If you can, chip in $5 to keep the campaign going.",
    ],
)
def test_an_outlets_or_a_campaigns_ask_for_help_is_an_appeal(line: str) -> None:
    """The ask at an outlet's or a campaign's page foot: its need, its price, why now."""
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "“We need your help to find him,” Inspector Dana Roe told reporters on Monday.",
        "Police said: “We need your help. Anyone who saw the van should call us.”",
        "The mayor said the ferry service had never been more important to the islands.",
        "Fares will rise from just 3 crowns to 5 crowns in April, the operator said.",
        "Every euro raised will go to the family of the drowned fisherman, organisers said.",
        "“We take no money from the council,” said the food bank's founder, Ada Mirren.",
        "“Please support us,” the mayor told the crowd outside the flooded town hall.",
    ],
)
def test_a_quoted_plea_or_a_price_in_the_news_is_prose(line: str) -> None:
    assert classify(line).role == BODY


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


# --- the twenty-eighth session's round: a disclaimer, two-writer bylines, an opinion
# headline, a kicker, membership buttons and a brief's last label.

OPINION = [
    "The tram depot is the wrong plan in the wrong place",
    "By Marta Eklund",
    "The council wants a tram depot on the old goods yard, and the depot plan is a mistake.",
    "A tram depot there would put night shifts next to four hundred homes on the yard.",
    "The depot's wall would not stop the noise of trams leaving the yard at five.",
    "The council should build the tram depot by the ring road, where nobody sleeps.",
    "Marta Eklund chairs the Goods Yard Residents' Association.",
]
DEPOT_NEWS = [
    "Council approves tram depot on goods yard despite residents' protest",
    "The council approved the tram depot on the old goods yard on Tuesday night.",
    "The depot will house twelve trams, and work on the yard starts in May.",
    "Residents of the goods yard said they would take the depot plan to court.",
    "The tram operator said the depot wall would be finished before the trams arrive.",
]


@pytest.mark.parametrize(
    "line",
    [
        "The views expressed are the author's own.",
        "This commentary reflects the views of the author and not necessarily those of the"
        " Harbour Institute.",
        "The views expressed in this paper are those of the authors.",
    ],
)
def test_an_opinion_disclaimer_ends_its_page(line: str) -> None:
    info = classify(line)
    assert info.role == BOILER and info.end


@pytest.mark.parametrize(
    "line",
    [
        "This editorial appeared in the Saturday print edition of the Valmora Herald.",
        "This article appeared in the print edition under the headline “The truce that holds”",
        "This commentary is part of the Centre's Election Monitor series. Sign up for updates.",
    ],
)
def test_where_a_piece_ran_in_print_ends_its_page(line: str) -> None:
    info = classify(line)
    assert info.role == BOILER and info.end


def test_a_magazine_issue_note_does_not_end_a_page() -> None:
    """ "This article appears in the June issue": a magazine puts it at a piece's top as
    often as at its foot, so it ends nothing."""
    assert not classify("This article appears in the June 2024 issue of Fathom.").end


def test_a_statement_under_a_print_note_opens_a_page() -> None:
    """editorial / "This editorial appeared in the ... print edition ..." / a union's
    headline: the headline opens the next page, though the two share their subject."""
    lines = [*OPINION, "This editorial appeared in the Saturday print edition.", *DEPOT_NEWS]
    assert starts(lines) == [1, len(OPINION) + 2]


def test_an_editors_note_on_the_writers_views_does_not_end_a_page() -> None:
    """The same words at a column's top, as the editor's note over it, end nothing."""
    info = classify("Editor's note: The views expressed in this commentary are the author's own.")
    assert not info.end


def test_a_same_subject_headline_under_a_disclaimer_opens_a_page() -> None:
    """A headline under an op-ed's disclaimer is the next story's, however much it shares
    with the op-ed (no subheading sits under the writer's last words)."""
    lines = [*OPINION, "The views expressed are the author's own.", *DEPOT_NEWS]
    assert starts(lines) == [1, len(OPINION) + 2]


@pytest.mark.parametrize(
    "line",
    [
        "Hélène Marchal in Dabira and Omar Lalande",
        "Jason Birch and Amal Haddad in Beirut",
        "Peter Beaumont in Jerusalem and agencies",
        "Jo Park in Paris, Sam Roe in Lyon and Kim Lee",
    ],
)
def test_writers_and_where_they_filed_from_are_a_byline(line: str) -> None:
    assert classify(line).role == BYLINE


@pytest.mark.parametrize(
    "line",
    ["Floods and Fires in Europe", "Rescue Teams in Dabira and Beyond", "Protesters in Paris"],
)
def test_a_headline_with_in_and_and_is_no_byline(line: str) -> None:
    assert classify(line).role != BYLINE


def test_a_two_sentence_opinion_headline_is_no_subheading() -> None:
    """ "The depot is no luxury. It is the network's lifeline" under a paragraph on the
    same depot is a comment piece's headline: what the text around it shares is not held
    against it, as it is against a one-phrase subheading in the same place."""
    news = [*DEPOT_NEWS, "The full council will vote on the depot's budget in March."]
    comment = [
        "Every tram network needs a depot, and the goods yard is the only site with a track.",
        "The residents of the yard deserve a wall, a curfew and a say on the depot's shifts.",
        "But a tram depot by the ring road would cost twice as much and open years late.",
        "The council was right to approve the depot, and it should now keep its promises.",
    ]
    sims = {}
    for title in ("The tram depot is no luxury. It is the network's lifeline", "Depot costs"):
        w = window([*news, title, *comment])
        coh, terms = S._cohesion_terms(w)
        sims[title] = S._section_sim(w, len(news), terms, coh[2])
    assert sims["Depot costs"] > 0
    assert sims["The tram depot is no luxury. It is the network's lifeline"] == 0


def test_a_kicker_over_a_headline_is_no_photo_credit() -> None:
    """ "EXCLUSIVE" over a headline under an explainer's answer: the next page's kicker,
    not the credit of a photo whose caption the answer would be."""
    lines = [
        "What is the council doing?",
        "It has promised a wall along the yard and a curfew on night shifts at the depot.",
        "Can it fix the problem?",
        "Engineers say the noise can be cut, but not by a wall alone, and not this year.",
        "EXCLUSIVE",
        "Leaked report warned ferry fares would rise by a fifth",
        "By Ilse Varga",
        "An internal report warned the ferry operator last year that fares would rise.",
        "The company blamed the cost of fuel and a new contract with the crews' union.",
    ]
    w = window(lines)
    assert w[4].info.role == HEAD
    assert starts([*LONG_STORY, *lines])[-1] == len(LONG_STORY) + 5


@pytest.mark.parametrize(
    "line",
    [
        "Become a Tidepool member",
        "Become a volunteer — training courses begin in October",
        "Stand with Aminata. Donate to the Table Watch Fund",
    ],
)
def test_a_membership_or_donation_button_is_an_appeal(line: str) -> None:
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "She hoped to become a Tidepool member one day.",
        "The other side has the government and the unions. We have you. Donate to our last"
        " week of campaigning",
    ],
)
def test_a_sentence_about_membership_or_a_long_pitch_is_no_button(line: str) -> None:
    assert classify(line).role != APPEAL


@pytest.mark.parametrize(
    ("last", "move"),
    [
        # "What's next: ..." is a news brief's last paragraph
        (
            "What's next: The full council votes on the depot's budget in March.",
            "_past_brief_label",
        ),
        # the paragraph right over "Related: ..." never opens a page in the written dumps
        # (0 of 374); the related link is the page's last line
        ("Related: How the depot vote was won", "_past_related_link"),
        # nor, nearly, over "Read more: ...", "See also: ...", "Also read: ..." (3 of 1,275
        # such links with "Related:"; the line under them opens a page 512 times)
        ("Read more: How the depot vote was won", "_past_related_link"),
        ("See also: The depot's neighbours fear night-time noise", "_past_related_link"),
        ("Also read: Five questions about the tram extension", "_past_related_link"),
    ],
)
def test_a_cue_less_split_over_a_pages_last_line_moves_under_it(last: str, move: str) -> None:
    """A cue-less split found on (a brief's label) or right over (a related link) a
    page's last line opens the next page on the paragraph under it; a split on any other
    paragraph stays."""
    lines = [
        "The council's transport committee backed the new tram depot by six votes to three.",
        "The depot's final cost is put at 40 million euros.",
        last,
        *FERRY_LEAD,
    ]
    w = window(lines)
    at = 2 if move == "_past_brief_label" else 1
    assert getattr(S, move)(w, at, len(w)) == 3
    assert getattr(S, move)(w, 0, len(w)) == 0
    assert getattr(S, move)(w, 3, len(w)) == 3


@pytest.mark.parametrize(
    "last",
    [
        "Read the committee's report in full on the council's website.",
        "More than 200 residents signed the petition against the depot.",
    ],
)
def test_a_split_over_a_sentence_about_reading_stays(last: str) -> None:
    """A paragraph that speaks of reading, or begins with "More", is no related link:
    a split right over it stays where it is."""
    lines = [
        "The council's transport committee backed the new tram depot by six votes to three.",
        "The depot's final cost is put at 40 million euros.",
        last,
        *FERRY_LEAD,
    ]
    w = window(lines)
    assert S._past_related_link(w, 1, len(w)) == 1


# --- from the session's second round: a credit with a dash, datelines in any Latin
# capitals, writers named with their institute, a bureau's byline.


@pytest.mark.parametrize(
    "line", ["— With inputs from Rajbir Sandhu in Jhalwara", "With inputs from agencies"]
)
def test_with_inputs_from_is_a_closing_credit(line: str) -> None:
    assert classify(line).role == CLOSE


@pytest.mark.parametrize(
    "line",
    [
        "KADIÉRA, March 11 (SPA) – Militants released 12 hostages on Tuesday.",
        "ZÜRICH (Reuters) - Swiss banks said on Monday they would cut 2,000 jobs.",
    ],
)
def test_a_dateline_in_accented_capitals_is_a_dateline(line: str) -> None:
    assert classify(line).dateline


@pytest.mark.parametrize(
    "line",
    [
        "Dr. Marija Vuković-Stern, Centre for Rule of Law Studies",
        "Dr Matej Kralj and Irena Novak, Digital Rights Observatory",
        "Jo Park and Sam Roe, Institute for Public Policy Research",
        "NewsLine 24 Bureau",
    ],
)
def test_writers_with_their_institute_or_a_bureau_are_a_byline(line: str) -> None:
    assert classify(line).role == BYLINE


@pytest.mark.parametrize(
    "line",
    [
        "Talks Resume, Council of Europe Says",
        "Donald Trump, Council of Europe and the Future of Democracy",
        "The Bureau",
    ],
)
def test_a_title_naming_a_council_is_no_byline(line: str) -> None:
    assert classify(line).role != BYLINE


INTERVIEW = [
    "INTERVIEW",
    "‘We will not look away’: the ferry operator’s chief on the fare rise",
    "Ilse Varga has run the island ferry since 2019. On Monday, a day after fares rose by a"
    " fifth, she spoke to us about fuel, the crews and the islanders.",
    "Why raise fares by a fifth in the middle of a cost-of-living crisis on the islands?",
    "It was the hardest decision I have taken in this job. Fuel costs have doubled since the"
    " contract was signed, and the crews deserve their new wage.",
    "We looked at every other way to close the gap, and none of them kept every crossing.",
    "Did you ask the islanders before the fares went up?",
    "That is not correct. We held four meetings on the islands last autumn.",
    "Two hundred people came to the one on the north island, and we changed the plan after it.",
    "Will the winter timetable be cut as well?",
    "No. Every crossing stays, and the first boat still leaves at six.",
    "The night boat on Fridays stays too, because the hospital shifts depend on it.",
]
#: More of the depot story, so that the text around the interview is plain prose.
DEPOT_MORE = [
    "The depot's neighbours have asked for the night shifts to end at midnight.",
    "The operator said the first trams would leave the yard at five in the morning.",
    "A petition against the depot has gathered more than two thousand signatures.",
    "The council's planning officer said the wall would be four metres high.",
    "Work on the yard's drainage is due to begin before the winter.",
    "The mayor said she would meet the residents again in the spring.",
]


def test_an_interviews_first_question_is_no_explainers_title() -> None:
    """A long question under a headline and its introduction asks the interview's first
    question; it opens no page of its own."""
    story = [*LONG_STORY, *DEPOT_MORE]
    assert starts([*story, *INTERVIEW]) == [1, len(story) + 1]


# --- from the twenty-ninth session's round: a campaign's and a fund's buttons, a
# reader-funded pitch, a petition's counter, a share prompt, a map's credit, captions
# between paragraphs of sparse text, an explainer's later questions.


@pytest.mark.parametrize(
    "line",
    [
        "Join us. Volunteer for your local campaign",
        "Volunteer with the campaign",
        "Give to the Harbour Strike Families Fund",
        "Give to the legal fund",
        "The Ferry Crews' Union is funded by its members. Join today: it takes two minutes.",
        "Harbour Watch is funded entirely by its 9,400 supporters.",
        "The Lantern is reader-funded. Good reporting on the harbour costs money.",
        "Tidepool is listener-supported",
        "8,312 people have signed. Help us reach 10,000.",
        "Chip in 20 crowns to help us win",
        "Chip in today and help us keep the night boat running.",
        "Chip in 10 guilders",
        "Chip in 20 crowns. Chip in what you can. Every crown keeps a boat running.",
        "Chip in $10 to the Fair Fares Fund",
        "Contribute to the crews' solidarity fund",
        "Please give what you can today.",
        "Please donate now",
        "$25 could provide a winter blanket for one family.",
        "£100 could replace a family's bedding",
        "50 crowns can buy a week of school meals for a child.",
        "Every gift helps us keep our reporting free for everyone. Support Lantern today.",
        "The Lantern is independent and reader-funded.",
        "Before you go",
        "Before you go …",
        "If you can, please support us today with a regular gift. It takes less than a minute.",
        "Give what you can. Every crown goes directly to the striking crews.",
        "Harbour Watch is independent and accepts no money from the ferry operators.",
    ],
)
def test_a_campaigns_or_charitys_button_or_ask_is_an_appeal(line: str) -> None:
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "Volunteer for the army was what he did at nineteen, he said.",
        "The party is donor-funded and proud of it, its treasurer said.",
        "Give to the poor, the bishop told the congregation on Sunday.",
        "Chip in on the cost of the wall, the council told the operator.",
        "The new ferry is funded by its operator and by a council loan.",
        "Contribute to the debate on the ferry's future",
        "Chip in to the discussion on the fares fund, the council asked.",
        "More than 8,000 people have signed up for the ferry's new season ticket.",
        "Please give the operator a chance, the mayor told the islanders.",
        "Ten million could fund a new wing, the minister said.",
        "He urged voters to back the plan. Support Labour today, he said.",
        "Before you go, check the ferry timetable for the winter crossings.",
    ],
)
def test_a_sentence_about_giving_volunteers_or_signatures_is_no_appeal(line: str) -> None:
    assert classify(line).role != APPEAL


def test_share_on_social_media_is_a_widget() -> None:
    info = classify("Share on social media")
    assert info.role == BOILER and info.widget
    assert classify("Social media firms face new rules on ferry adverts").role != BOILER


def test_a_maps_caption_with_its_graphic_credit_is_a_caption() -> None:
    line = "A map of the yard and the planned wall along it. Graphic: Harbour Courier"
    assert classify(line).role == CAPTION
    assert classify("The tally, in a graphic: Blue 41, Red 39.").role != CAPTION


#: The next story's first paragraphs, with no header, on the same depot.
DEPOT_AGAIN = [
    "The tram depot on the old goods yard will open in 2027, the council's transport chief"
    " said on Monday.",
    "Neighbours of the yard have asked the council for a wall and for the night shifts at the"
    " depot to end at midnight.",
    "The depot's twelve longer trams will leave the yard at five in the morning, the operator"
    " said.",
]


@pytest.mark.parametrize(
    "photo",
    [
        ["Trams stand in the old goods yard, the site of the depot.", "Photograph: Ilse Varga/KPA"],
        ["Trams stand in the old goods yard, the site of the depot. Photograph: Ilse Varga/KPA"],
    ],
)
def test_a_photo_with_its_credit_between_paragraphs_opens_a_page(photo: list[str]) -> None:
    """In sparse text a caption with its credit under a story's last paragraph is the
    next page's lead photo, even where that page carries on with the words of the story
    above: whether the credit has a line of its own ("Photograph: X", a labelled photo
    inside a story in dense pages) or is run in."""
    story = LONG_STORY[2:]
    assert starts([*story, *photo, *DEPOT_AGAIN]) == [1, len(story) + 1]


EXPLAINER = [
    "Ferry fares: what islanders need to know",
    "Fares on the island ferry will rise by a fifth from April. Here is what we know.",
    "Why are fares rising?",
    "The operator blames the cost of fuel and a new contract with the crews' union.",
    "Who decides the fares?",
    "The island council sets a ceiling, and the operator may charge anything under it.",
    "Can islanders get a discount?",
    "Residents with an island card pay half, and children under twelve travel free.",
]


def test_an_explainers_later_question_gets_no_sparse_texts_bonus() -> None:
    w = window([*LONG_STORY[2:], *EXPLAINER])
    first = len(LONG_STORY) - 2
    weights = S.DEFAULT_WEIGHTS
    assert not S._later_question(w, first)
    assert not S._later_question(w, first + 2)  # (the first question: none above it)
    assert S._later_question(w, first + 4) and S._later_question(w, first + 6)
    assert S._sparse_bonus(w, first + 4, weights) == 0.0
    assert S._sparse_bonus(w, first + 2, weights) == weights.sparse


FERRY_QA = [
    "Ferry fares: what islanders need to know",
    "Fares on the island ferry will rise by a fifth from April. Here is what we know so far.",
    "Why are fares rising?",
    "The operator blames the cost of fuel and a new contract with the crews' union.",
    "Who decides the fares?",
    "The island council sets a ceiling, and the operator may charge anything under it.",
    "Can islanders get a discount?",
    "Residents with an island card pay half, and children under twelve travel free.",
    "Will the timetable change?",
    "Not this year. Every crossing stays, and the first boat still leaves at six.",
    "What help is available?",
    "Commuters on low incomes can apply to the council for a travel grant of up to 200 crowns.",
]
FERRY_OPED = [
    "There is a number every councillor on the island should pin above their desk this"
    " week: twenty.",
    "That is the percentage by which a commuter's fare will rise in April, and nobody voted"
    " for it.",
    "The operator's case is not absurd. Fuel has doubled, and the crews deserve their new wage.",
    "But a ferry is not a luxury. For the island's nurses and teachers it is the only road to"
    " work.",
    "The council should use the ceiling it already has, and freeze the commuter fare for a year.",
]


def test_a_piece_under_an_explainers_last_short_answer_opens_a_page() -> None:
    """A Q&A's questions are its text, not furniture: an explainer of short answers is
    sparse text, where a paragraph under a one-paragraph answer that no question follows
    is the next piece's first (before, the questions made the page look crowded with
    headers, and the comment piece under it ran on as one more answer)."""
    lines = [*FERRY_QA, *FERRY_OPED]
    w = window(lines)
    assert not S._sparse_at(w, len(FERRY_QA))
    assert S._sparse_at(w, len(FERRY_QA), asked=True)
    assert starts(lines, starts_check=None) == [1, len(FERRY_QA) + 1]


def test_the_check_keeps_a_piece_under_an_explainers_last_short_answer() -> None:
    """(The thirtieth session's first refit lost it, its second got it back.)"""
    assert starts([*FERRY_QA, *FERRY_OPED]) == [1, len(FERRY_QA) + 1]


# --- from the twenty-ninth session's second round: an editorial's title, a charity's
# ask and what a gift buys, an outlet's call-out for tips, a job title with the outlet's
# name, a topic kicker over a headline.


def test_an_outlets_call_out_for_tips_closes_its_story() -> None:
    line = "If you have information about this story, contact our investigations team securely."
    assert classify(line).role == CLOSE
    police = "If you have any information that could assist the inquiry, please call 101."
    assert classify(police).role == BODY


def test_a_job_at_the_outlet_named_with_its_possessive_is_a_bio() -> None:
    assert classify("Ilse Varga is Harbour Courier's transport editor.").role == BIO
    assert classify("Ilse Varga is Norway's chief negotiator in the talks, he said.").role == BODY


#: A story's last paragraphs, then (under a test's header) the next story's.
DEPOT_END = LONG_STORY[2:]


def test_an_editorials_view_title_is_a_pages_title() -> None:
    """ "The Courier view on X: Y" is an editorial's own title, which only a page's top
    prints: as good as a repeated headline."""
    w = window([*DEPOT_END, "The Courier view on the depot: build it, then fix the yard"])
    coh, terms = S._cohesion_terms(w)
    zone = S._appeal_zone(w)
    f = dict(zip(S.FEATURES, S._features(w, len(DEPOT_END), zone, coh, terms), strict=True))
    assert f["repeat"] == 1.0
    w = window([*DEPOT_END, "The Courier view on the depot"])
    f = dict(zip(S.FEATURES, S._features(w, len(DEPOT_END), zone, coh, terms), strict=True))
    assert f["repeat"] == 0.0


def test_a_topic_kicker_over_a_headline_is_a_header_in_sparse_text() -> None:
    lines = [*DEPOT_END, "Ferries", "Island ferry fares to rise by a fifth from April", *FERRY_LEAD]
    w = window(lines)
    k = len(DEPOT_END)
    assert S._kicked_headline(w, k)
    assert S._sparse_bonus(w, k, S.DEFAULT_WEIGHTS) > S.DEFAULT_WEIGHTS.sparse
    short = window([*DEPOT_END, "Ferries", "Fares rise", *FERRY_LEAD])
    assert not S._kicked_headline(short, k)


def test_a_sites_name_over_its_rubric_and_headline_is_a_header_in_sparse_text() -> None:
    """ "Bytewire" / "Analysis" / headline under a paragraph: the site's name tops the
    rubric, which tops the headline; the three open the next page."""
    head = "Can the ferry company really cut fares by a fifth? We asked the crews who sail them"
    lines = [*DEPOT_END, "Harbourwire", "Analysis", head, *FERRY_LEAD]
    k = len(DEPOT_END)
    assert S._kicked_headline(window(lines), k)
    assert starts(lines) == [1, k + 1]
    labelled = [*DEPOT_END, "Harbourwire", "Analysis: fares", head, *FERRY_LEAD]
    assert not S._kicked_headline(window(labelled), k)


@pytest.mark.parametrize(
    "line",
    [
        "Tomas Ardeleanu is president of the Plastics Industry Council of Estrevia.",
        "Rupert Eastlake is chair of the Historic Playhouses Forum.",
        "Henrik Vassbotn is secretary general of the Nordic Cruise Association.",
    ],
)
def test_a_writers_office_in_one_plain_clause_is_a_bio(line: str) -> None:
    assert classify(line).role == BIO


def test_an_office_with_more_said_of_it_is_prose() -> None:
    line = "Maria Lopez is president of the growers union, which represents 4,000 farms."
    assert classify(line).role == BODY


def test_a_sentence_reporting_what_someone_said_is_no_caption_over_a_credit() -> None:
    """A bare credit under a short sentence makes it a photo's caption, but not under a
    report's sentence ("the publisher said it had postponed ..."): that is the story's
    last paragraph over its wire credit."""
    said = "The operator said it had postponed the new timetable until the spring."
    its = "The crews' union said its hardship fund had paid 310,000 crowns to 162 members."
    photo = "Passengers wait for the morning ferry at the island pier."
    for line, role in ((said, BODY), (its, BODY), (photo, CAPTION)):
        w = window([*LONG_STORY[2:], line, "(Harbour News Service)"])
        assert w[-2].info.role == role, line


APPEAL_END = [
    "The crews' union is paying for the families' lawyers, and it needs help to go on.",
    "Every crown you give goes to the families of the crews who lost their jobs.",
    "Donate now",
]


@pytest.mark.parametrize(
    ("under", "zoned"),
    [
        # the next piece's lead, a column that talks to its readers: a bare button is the
        # appeal's last line in sparse text
        ("We should be honest about what a fifth more on the ferry means for our island.", False),
        # the charity's own note under its button is still the appeal's
        ("Harbour Relief is a registered charity in Velmora, number 40418.", True),
        # a campaign's ("... is a coalition of ...; we are registered as ...")
        ("Fair Fares Now is a coalition of island groups, registered as a campaign.", True),
    ],
)
def test_a_bare_donate_button_ends_its_appeal_in_sparse_text(under: str, zoned: bool) -> None:
    column = [
        "Our nurses and teachers cross every morning, and you will pay for it in your rates.",
        "We have been told the crews deserve their wage. They do, and so do our commuters.",
    ]
    w = window([*LONG_STORY[2:], *APPEAL_END, under, *column])
    zone = S._appeal_zone(w)
    assert zone[len(LONG_STORY) - 2 + len(APPEAL_END) - 1]  # (the button itself)
    assert zone[len(LONG_STORY) - 2 + len(APPEAL_END)] is zoned


# --- from the thirtieth session's first rounds: an interview's first question under its
# editing note, a statement's signature, a brief's "Go deeper" link, a headline repeated
# with a colon in it, what a gift buys and "Please support our work".

FERRY_INTERVIEW = [
    "‘We should have moved sooner’: the ferry operator's chief on the fare rise",
    "Interview by Ilse Varga",
    "Rhea Dunmore has run the island ferry company for six years and has rarely spoken"
    " to the press. She agreed to talk after the council's vote on the new fares.",
    "This interview has been edited for length and clarity.",
    "Why do fares have to rise by a fifth?",
    "Because fuel has doubled in two years and the crews' contract is finally fair. We"
    " held the fares for as long as we could, longer than our own board wanted us to.",
    "Islanders say you should have warned them. Do you accept that?",
    "Yes. We should have told people last autumn, when we knew the numbers were bad.",
]


def test_an_interviews_first_question_under_its_editing_note_opens_no_page() -> None:
    lines = [*LONG_STORY, *FERRY_INTERVIEW]
    w = window(lines)
    at = len(LONG_STORY) + 4  # (the first question, under the editing note)
    assert S._first_question(w, at)
    assert not S._first_question(w, at - 1)  # (the note itself)
    assert not S._first_question(w, at + 2)  # (a later question, under an answer)
    assert starts(lines) == [1, len(LONG_STORY) + 1]


def test_a_page_under_an_interviews_closing_editing_note_still_opens() -> None:
    """The note also closes interviews: a page under it is no question, and opens."""
    lines = [*FERRY_INTERVIEW[:4], *FERRY_INTERVIEW[5:], FERRY_INTERVIEW[3], *NEXT_PAGE]
    w = window(lines)
    assert not S._first_question(w, len(lines) - len(NEXT_PAGE))
    assert starts(lines) == [1, len(lines) - len(NEXT_PAGE) + 1]


def test_a_statements_signature_on_behalf_of_its_board_closes_it() -> None:
    assert classify("On behalf of the General Executive").role == CLOSE
    assert classify("On behalf of the Executive Board").role == CLOSE
    sentence = "On behalf of the family, I thank everyone who came to the funeral."
    assert classify(sentence).role != CLOSE
    statement = [
        "We say to the operator once more: our door is open. Come back with a guarantee.",
        "We thank every branch that has sent money and messages to the picket lines.",
        "Ilse Varnholt, General Secretary",
        "On behalf of the General Executive",
    ]
    lines = [*LONG_STORY, *statement, *FERRY_LEAD, *LONG_STORY[3:]]
    assert starts(lines) == [1, len(LONG_STORY) + len(statement) + 1]


def test_go_deeper_is_a_briefs_last_line() -> None:
    brief = [
        "Why it matters: The ferry is the island's only link for goods and commuters.",
        "What's next: The council votes on the fares in March.",
        "Go deeper: Why the island's ferry costs so much to run",
    ]
    assert classify(brief[-1]).end
    assert not classify("Go deeper into the bay and the water turns cold.").end
    lines = [*LONG_STORY, *brief, *FERRY_LEAD, *LONG_STORY[3:]]
    assert starts(lines) == [1, len(LONG_STORY) + len(brief) + 1]


def test_a_headline_with_a_colon_repeated_is_no_fact_box() -> None:
    """Outlet's name, then "Probe: what is X accused of?" twice: a page's masthead and
    repeated headline, not a fact box's label over two "Field: value" lines."""
    head = "Ferry fares probe: what is the operator accused of?"
    lines = [*LONG_STORY, "Channel 6 News", head, head, *FERRY_LEAD, *LONG_STORY[3:]]
    w = window(lines)
    assert [e.info.role for e in w[len(LONG_STORY) + 1 : len(LONG_STORY) + 3]] == [HEAD, HEAD]
    assert len(LONG_STORY) + 1 in starts(lines) or len(LONG_STORY) + 2 in starts(lines)


@pytest.mark.parametrize(
    "line",
    [
        "$30 buys a set of protective gear for a volunteer. $75 pays for a day of patrols.",
        "£60 funds a volunteer team for a day of home visits.",
        "€15 provides laboratory testing of one water sample.",
        "Please support our work. A monthly gift of 10 euros helps us monitor prices.",
        "Please support us with a gift today.",
    ],
)
def test_what_a_gift_buys_and_please_support_our_work_are_appeals(line: str) -> None:
    assert classify(line).role == APPEAL


@pytest.mark.parametrize(
    "line",
    [
        "The fund provides money for ferries and buses on the smaller islands.",
        "$30m funds the new terminal, the council said on Monday.",
        "Please support the ferry crews, the mayor told the council.",
    ],
)
def test_a_sentence_about_money_or_support_is_no_appeal(line: str) -> None:
    assert classify(line).role != APPEAL


def test_a_charitys_note_under_its_button_ends_the_appeal_over_a_paragraph() -> None:
    """Button, the charity's own note, then a paragraph: in dense text too the note is
    the appeal's last line, the paragraph the next page's."""
    appeal = [
        "Winter is coming early in the mountains and families have no heating.",
        "$25 provides a winter blanket and a hygiene kit for one family.",
        "Donate now",
        "Harbour Relief is an independent humanitarian organisation working since 1995.",
    ]
    w = window([*LONG_STORY, *appeal, *FERRY_LEAD])
    zone = S._appeal_zone(w)
    note = len(LONG_STORY) + len(appeal) - 1
    assert zone[note] and not zone[note + 1]


def test_a_headline_that_asks_under_an_editing_note_still_opens_its_page() -> None:
    """The note ends an interview; a headline that asks, repeated under it, is the next
    page's (no answer under it, as under an interview's first question)."""
    head = "Ferry fares: what is the operator planning, and who will pay?"
    lines = [*FERRY_INTERVIEW, head, head, "By the Explainer Team", *FERRY_LEAD]
    w = window(lines)
    assert not S._first_question(w, len(FERRY_INTERVIEW))
    assert len(FERRY_INTERVIEW) + 1 in starts(lines)


WHOS_WHO = [
    "Karin Solvik, minister of transport",
    "A former shipping executive and the architect of the fare reform.",
    "Kasper Moen, chief executive of the ferry company",
    "The operator's boss since 2019, who asked for the rise in a letter to the council.",
    "Pernille Haug, chair of the crews' union",
    "Led the first strike in the ferry's history in June. A former deckhand.",
    "Ragnhild Saether, leader of the opposition",
    "Has promised to freeze the fares on the first day of any council she leads.",
]


def test_the_names_of_a_whos_who_open_no_page() -> None:
    """Name and role, one paragraph on the person, the next name: each name reads as a
    byline over a lead, but a page opens under the list, at its date line."""
    lines = [*LONG_STORY, *WHOS_WHO, "Wed, October 22, 2025, 3:40 PM", *FERRY_LEAD]
    w = window(lines)
    names = [len(LONG_STORY) + k for k in range(0, len(WHOS_WHO), 2)]
    assert all(S._profile_item(w, k) for k in names)
    assert not S._profile_item(w, len(LONG_STORY) + 1)  # (a paragraph)
    assert starts(lines) == [1, len(LONG_STORY) + len(WHOS_WHO) + 1]


def test_two_names_or_letters_signers_are_no_whos_who() -> None:
    """Two names make no list; a letter's signer sits under her letter, not over it."""
    w = window([*LONG_STORY, *WHOS_WHO[:4], *NEXT_PAGE])
    assert not any(S._profile_item(w, len(LONG_STORY) + k) for k in (0, 2))
    letters = [
        "Sir — The fare rise ignores the islanders who cross every day for work.",
        "Mrs Ailsa Brennock, Drumcallow",
        "Sir — Let us not celebrate the crews' contract too soon.",
        "Kwame Tolliver, shop steward, Port Ellery",
        "Sir — The council's decision ignores the farmers who ship their milk.",
        "Orla Fitzwarren, Western Dairy Producers",
        "FactCheck Carrowmoor",
    ]
    w = window([*LONG_STORY, *letters])
    assert not any(S._profile_item(w, len(LONG_STORY) + k) for k in (1, 3, 5))


# --- from the thirtieth session's record round: an interviewer's questions read as an
# explainer's title.


def test_a_long_question_under_an_interviews_mark_is_the_interviewers() -> None:
    """With its editing note a few lines up, a long question with more under it is
    the interviewer's, not an explainer's title that opens a page."""
    interview = [
        *FERRY_INTERVIEW[:4],
        "Islanders say the fare rise was decided long before the council's vote on it.",
        "It was not. We brought the numbers to the council in January, as we always do.",
        "Is a ferry to the mainland a public service or a business?",
        "Both. The crossing is a lifeline, and it has to pay its crews and its fuel.",
        "Your critics say the timetable was cut to save money on the night crossings.",
        "My critics say many things. The night boat carried eleven people a week.",
        "Can you name one islander who lost a job because of the cut?",
        "No, and I would like to meet anyone who did. My door is open.",
    ]
    w = window([*LONG_STORY, *interview])
    question = len(LONG_STORY) + 6
    assert S._in_interview(w, question)
    assert not S._asks_first(w, question, interview[6])
    assert starts([*LONG_STORY, *interview]) == [1, len(LONG_STORY) + 1]
    # the same question with no interview's mark over it: an explainer's title
    w = window([*LONG_STORY, *interview[4:]])
    assert S._asks_first(w, len(LONG_STORY) + 2, interview[6])


def test_a_labelled_question_under_a_question_and_its_answer_is_no_explainers_title() -> None:
    """ "Before you go: what is ...?" two lines under the interviewer's last question."""
    qa = [
        "Will you still be running the ferry when the contract is renewed in 2030?",
        "She laughed. I hope by then someone else is being shouted at.",
        "Before you go: what is the biggest misconception about the ferry?",
        "That it loses money. The crossing pays for itself in summer and the council"
        " pays for the winter, as it pays for the roads.",
    ]
    w = window([*LONG_STORY, *FERRY_INTERVIEW[4:], *qa])
    at = len(LONG_STORY) + len(FERRY_INTERVIEW) - 4 + 2
    assert S._interviewed(w, at)
    assert not S._explainer_title(w, at)


@pytest.mark.parametrize(
    "bio",
    [
        "Ilse Marrow taught chemistry at the Harbour Lyceum in Tessin from 1998 to 2021",
        "Tamsin Ekdal is policy director at the Institute for Fair Rents",
    ],
)
def test_a_writer_s_note_without_its_full_stop_ends_the_piece_above(bio: str) -> None:
    """The note on an op-ed's writer, left without its full stop, over the next page's
    headline: the note is the op-ed's last line, and the page opens at the headline."""
    lines = [*LONG_STORY, bio, NEXT_PAGE[0], *NEXT_PAGE]
    assert starts(lines) == [1, len(LONG_STORY) + 2]
    first = segment_text("\n".join(lines) + "\n")[0]
    assert bio not in first.text


def test_a_letter_signed_under_its_appeal_s_button_keeps_its_signature() -> None:
    """A union's letter that ends with its appeal's button, then "In solidarity," and
    the signer: the signature is the letter's, and the next page opens at its
    headline."""
    letter = [
        *LONG_STORY[2:],
        *APPEAL_END,
        "In solidarity,",
        "Ilse Varnholt, General Secretary",
    ]
    lines = [*letter, NEXT_PAGE[0], *NEXT_PAGE]
    assert starts(lines) == [1, len(letter) + 1]
    w = window(lines)
    assert [e.info.role for e in w[len(letter) - 2 : len(letter)]] == [BODY, CLOSE]


@pytest.mark.parametrize(
    "line",
    [
        "Authorised by J. Marrow for the Harbour Party, 14 Quay Street, Tessin.",
        "Promoted by Ilse Varga on behalf of Fair Fares, 3 Kirk Lane, Tarn.",
        "Paid for and published by the Harbour Front, Avenida Pardo 1120, Tessin.",
        "Paid for by the Committee to Elect Ilse Varga, 12 Main Street.",
        "Authorised by T. Ekdal, Branch Secretary, Ferry Crews' Union, 22 Pier Road, Tarn.",
    ],
)
def test_a_campaign_s_imprint_closes_its_page(line: str) -> None:
    """The imprint a campaign's page must carry ("Authorised by ... for ...,
    address"): its last line."""
    assert classify(line).role == CLOSE


@pytest.mark.parametrize(
    "line",
    [
        "Promoted by the club for the second time, Jo Park said.",
        "Paid for by taxpayers, the scheme cost 4 million, Jo Park said.",
        "Paid for by The Gazette, the trip took three weeks.",
        "Authorised by the council, the work began on Monday.",
    ],
)
def test_a_sentence_about_a_promotion_is_no_imprint(line: str) -> None:
    assert classify(line).role != CLOSE


def test_a_statement_s_signer_over_its_press_contact_closes_it() -> None:
    """A party's statement signed with a name, then "Press contact: ...", over a wire
    report that opens on its dateline: the name signs the statement, the report is
    the next page. A release's header (its organisation, then its contact, over its
    headline) is no signature."""
    statement = [
        *LONG_STORY[2:],
        "Ilse Varnholt",
        "Press contact: press@harbourparty.example",
    ]
    report = [
        "TESSIN (Harbour Wire) – The island's ferry fares will rise by a fifth in April,"
        " the operator said on Monday.",
        *FERRY_LEAD[1:],
        *LONG_STORY[3:],
    ]
    lines = [*statement, *report]
    assert starts(lines) == [1, len(statement) + 1]
    release = [
        "FOR IMMEDIATE RELEASE",
        "Harbour Ferry Company",
        "Media contact: Jo Park, press@harbourferry.example",
        "Ferry fares to rise by a fifth from April",
        *FERRY_LEAD,
        *LONG_STORY[3:],
    ]
    w = window([*LONG_STORY, *release])
    assert w[len(LONG_STORY) + 1].info.role != CLOSE


#: An interview under its introduction: the interviewer's questions, each answered.
INTRODUCED_INTERVIEW = [
    "Mara Ilves found out that she had won her case at 9.42 on a Wednesday morning, in the"
    " staff room of the school where she teaches cello.",
    "The 44-year-old, who has played with the orchestra for nineteen years, will now be paid"
    " for her holidays for the first time.",
    "How did you feel when you first read the judgment?",
    "Honestly? Relieved, and then angry that it took so long. We had said the same thing for"
    " years, and nobody listened until a judge did.",
    "Did the board ever offer to settle?",
    "No. The lawyers kept telling us it could go either way, and I believed them.",
]


def test_an_interviews_first_question_under_its_introduction_opens_no_page() -> None:
    """introduction / "How did you feel ...?" / answer / next question: the interviewer's
    first question (put to "you"), not an explainer's title, and no page's start."""
    w = window(INTRODUCED_INTERVIEW)
    assert S._asked_before_another(w, 2)
    assert not S._explainer_title(w, 2)
    assert S._features(w, 2, S._appeal_zone(w), S._cohesion_terms(w)[0]) is None


@pytest.mark.parametrize(
    "line",
    [
        "Sign the letter",
        "Sign the appeal",
        "Sign our open letter",
        "Add your name to our open letter",
        "Add your name to the petition",
        "Join the campaign",
        "Support Northlight",
        "Support Workers' Voice",
        "Follow the campaign",
    ],
)
def test_a_campaigns_button_is_furniture(line: str) -> None:
    """A campaign page's button, not a headline that could open the next page."""
    assert classify(line).role == BOILER


def test_a_headline_about_signing_a_letter_is_a_headline() -> None:
    assert classify("Ministers sign the letter on harbour funding").role == HEAD
    assert classify("Support grows for Northlight").role == HEAD


@pytest.mark.parametrize(
    "line",
    [
        "The Institute for Public Finance is an independent research charity. Its work is"
        " funded by research councils and charitable foundations.",
        "The Harbour Institute is an independent, non-partisan think tank.",
        "The Observatory is an independent research centre funded by university partners.",
    ],
)
def test_a_think_tanks_note_under_its_paper_ends_the_page(line: str) -> None:
    info = classify(line)
    assert info.role == BOILER and info.end


def test_a_think_tank_named_in_a_story_is_prose() -> None:
    line = "Analysts at the Harbour Institute, an independent think tank, said the cuts would bite."
    assert classify(line).role == BODY


def test_a_statements_issuer_and_a_magazines_teasers_end_the_page() -> None:
    """ "Issued on behalf of the Council, ..." signs a statement; "Also in this issue:
    ... · ..." lists a magazine's other pieces under the last one: both end a page."""
    assert classify("Issued on behalf of the Council, Kerrovian Society of Actuaries").role == CLOSE
    info = classify("Also in this issue: The walking routes most pilgrims never take · Letters")
    assert info.role == BOILER and info.end
    assert classify("Issued by the city's health office, the leaflet was shared.").role != CLOSE


def test_a_personal_essay_under_an_appeal_ends_it() -> None:
    """An appeal goes on while its lines talk to the reader ("we", "our", "you"); a
    personal essay's first paragraphs ("My brother rang our mother ...") speak in one
    person's voice with no "you": the appeal ends and the essay is the next page."""
    from worker.clean import appeal_ends

    essay = [
        "My brother Danny rang our mother every day of his adult life. Sometimes it was"
        " just to say he had got home safely from the night shift.",
        "On 2 February, she made a call for him. She rang the emergency services because"
        " he was ill and had not slept for three nights.",
        "The people who came were police officers. Four hours later he was dead on the"
        " floor of a cell at the station on Quay Street.",
        "I have been asked many times how my family is coping. The honest answer is that"
        " we are not coping, we are functioning.",
    ]
    assert appeal_ends([(t, BODY) for t in essay])
    pitch = [
        "Our caseworkers sit with families through every day of an inquest. Without you,"
        " we could not be there for them.",
        *essay[1:],
    ]
    assert not appeal_ends([(t, BODY) for t in pitch])


def test_a_writers_latest_book_under_the_bio_is_the_bio() -> None:
    """ "Jo Park's most recent book is ..." under an op-ed's writer's note goes on with
    it: the page's last line, not a paragraph opening the next page."""
    line = "Temir Ismailov's most recent book is The Price of Gold: Mining and the State."
    assert classify(line).role == BIO
    assert classify("Temir Ismailov's book shop is closing after forty years.").role == BODY


@pytest.mark.parametrize(
    "paragraph",
    [
        "Morrow Labs, the company that makes Lingwo, said its terms of use state that the app"
        " “is not intended for legal, medical or other high-stakes purposes”, and that it had"
        " never marketed the app to public bodies or to their contractors.",
        "The Haldish edition banned machine-translated articles in 2019, after volunteers"
        " discovered several hundred entries that had been translated by a free online tool"
        " and contained what Skov called “Haldish that no Haldish speaker has ever spoken”.",
        "We asked three accredited translators to examine a sample of 25 machine-translated"
        " documents from files shared with us by lawyers. They described serious errors in 17"
        " of them, including mistaken tenses and confused pronouns.",
    ],
)
def test_a_long_reported_paragraph_naming_furniture_is_the_storys_text(paragraph: str) -> None:
    """A paragraph of thirty words or more that quotes or reports someone is a story's
    text, though it names a furniture phrase ("its terms of use", "machine-translated"):
    before, it was read as boilerplate and dropped from the article (57 such paragraphs
    in the written dumps)."""
    assert classify(paragraph).role == BODY
    lines = [*LONG_STORY[:3], paragraph, *LONG_STORY[3:]]
    (article,) = segment_text("\n".join(lines))
    assert paragraph in article.text


def test_a_consent_banner_quoting_its_buttons_stays_furniture() -> None:
    banner = (
        "We use cookies and similar technologies to improve your experience, measure site"
        " traffic and personalise content and ads. By clicking “Accept all”, you agree to"
        " the storing of cookies on your device."
    )
    assert classify(banner).role == BOILER


@pytest.mark.parametrize(
    "paragraph",
    [
        "He said he would also make a donation to the cancer ward at Wrenfield General."
        " “They gave me twenty more years with my wife,” he said.",
        "“Unlike many platforms, we don’t take a slice of every dollar raised,” he said."
        " “We rely on the generosity of donors who choose to leave a tip.”",
        "The fly-past went ahead. The government announced on Thursday evening that it would"
        " also make a donation of 2 million lusos to the miners’ widows’ fund.",
    ],
)
def test_someone_elses_gift_in_a_report_is_no_appeal(paragraph: str) -> None:
    """A report of someone's donation ("he would also make a donation to the ward") or a
    quoted company's "we rely on the generosity of donors" is the story's text, not the
    outlet's appeal (before, it was read as one, and the page was ended under it)."""
    assert classify(paragraph).role == BODY


@pytest.mark.parametrize(
    "appeal",
    [
        "Please make a donation today.",
        "If you can, make a one-off contribution to keep us going.",
        "We rely on the support of readers like you.",
    ],
)
def test_the_outlets_own_ask_is_still_an_appeal(appeal: str) -> None:
    assert classify(appeal).role == APPEAL
