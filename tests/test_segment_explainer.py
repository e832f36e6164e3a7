"""Pages that open with no header of their own under a Q&A explainer or a photo, in
text with little furniture (the seed dump's kind): segment._explainer_end,
segment._asked_again and the sparse_photo weight. The stories share their subject,
as one dump's stories do, so word cohesion alone does not part them."""

from __future__ import annotations

from worker import segment as S
from worker.clean import BYLINE, CAPTION, CREDIT, classify

REPORT = [
    "Flood barriers along the Tessaly river were raised on Monday as forecasters warned "
    "that the water could reach its highest level in forty years by the weekend.",
    "The regional water authority said crews had worked through the night to close the "
    "last gaps in the barrier at Marrow Quay, where the river burst its banks in 2019.",
    "“We are as ready as we can be, but nobody should think the barriers make the town "
    "safe,” said Ilse Damaris, the authority’s chief engineer, at a briefing in Velt.",
    "About 2,400 households in low-lying streets have been told to prepare to leave, and "
    "schools near the river will close from Wednesday, the council said.",
    "Farmers upstream said fields that were sown only last month were already under "
    "water, and that the losses would run to millions of crowns if the rain continued.",
    "The army has sent 300 soldiers and a dozen amphibious trucks to the valley, and "
    "volunteers have filled more than 40,000 sandbags at the sports hall in Velt.",
]
EXPLAINER = [
    "Why is the Tessaly flooding again?",
    "Three weeks of rain have fallen on ground that was already soaked, and the reservoirs "
    "upstream are full, so every new storm runs straight into the river.",
    "Who is most at risk?",
    "People in the old town and in the riverside estates of Velt, which were built on the "
    "flood plain in the 1970s, and farmers whose fields border the river.",
    "Can the barriers hold?",
    "Engineers say the barriers are designed for a flood one metre higher than the record, "
    "but they worry about seepage under the older sections near the quay.",
    "What should residents do?",
    "Keep a bag packed with medicines and documents, move valuables upstairs, and follow "
    "the council’s alerts, which are sent by text message and broadcast on local radio.",
    "What happens next?",
    "Forecasters expect the rain to ease by Sunday, but the river will keep rising for two "
    "or three days after the rain stops as water drains from the hills.",
]
LEAD = [
    "Hundreds of residents of Velt’s old town left their homes on Thursday as the Tessaly "
    "river rose above the flood barriers at Marrow Quay for the first time.",
    "Water poured over a low section of the barrier shortly after dawn and spread through "
    "the streets around the market square, reaching the windows of parked cars.",
    "“We heard the sirens and we just took the children and went,” said Petra Holm, who "
    "lives above a bakery on Quay Street, speaking at an evacuation centre in a school.",
    "The council said nobody had been hurt and that most people had gone to stay with "
    "relatives, while about 300 spent the night in the school and a church hall.",
    "Ilse Damaris of the water authority said the barrier had held along most of its "
    "length, and that crews would pump the water back into the river once it fell.",
    "The prime minister is expected to visit Velt on Friday, and the government has "
    "promised emergency payments to households whose homes have been flooded.",
]


def _starts(lines: list[str]) -> list[int]:
    return [a.start_line for a in S.segment_text("\n".join(lines) + "\n")]


def test_a_news_lead_under_an_explainers_last_answer_opens_the_next_story() -> None:
    """Question headings each answered in a paragraph, then a paragraph that dates its
    news by the day: the explainer has ended and the next story begins there."""
    lines = ["Tessaly river expected to peak this weekend", *REPORT, *EXPLAINER, *LEAD]
    lead = 2 + len(REPORT) + len(EXPLAINER)
    assert lead in _starts(lines)


def test_a_dated_answer_with_a_question_under_it_is_no_new_story() -> None:
    """An answer's paragraph that names a day of the week ("... on Friday.") with the
    next question right under it is still the explainer's: the next story begins
    under the last answer, not there."""
    dated = (
        "Crews will start closing the last gap in the barrier at Marrow Quay on Friday, "
        "the water authority said, weather permitting."
    )
    explainer = [*EXPLAINER[:4], dated, *EXPLAINER[4:]]
    lines = ["Tessaly river expected to peak this weekend", *REPORT, *explainer, *LEAD]
    lead = 2 + len(REPORT) + len(explainer)
    starts = _starts(lines)
    assert lead in starts and lead - len(EXPLAINER) + 4 not in starts


def test_an_answer_that_goes_on_is_no_new_story() -> None:
    """The same explainer with a second paragraph to its last answer that names no day
    of the week: the explainer goes on, no start is put there."""
    more = (
        "Officials say that even after the water falls it could take weeks to dry out "
        "cellars and to test the wells, and they ask people not to return before then."
    )
    lines = ["Tessaly river expected to peak this weekend", *REPORT, *EXPLAINER, more]
    assert _starts(lines) == [1]


def test_the_explainers_last_question_is_no_header_of_the_next_page() -> None:
    """An explainer's last question and its answer, then a campaign's name and its
    statement's headline: the question heads a section, its answer is no standfirst and
    the name under it no byline of it; the next page opens at the name."""
    site = "Riverside Action Network"
    assert classify(site).role == BYLINE
    statement = [
        site,
        "Joint statement: protect the flood plain now",
        "We, the undersigned residents’ groups, call on the council to stop all building on "
        "the Tessaly flood plain until a new flood map has been published.",
        "For thirty years the riverside estates have been allowed to grow on land that the "
        "river has always claimed, and the people who live there pay the price.",
        "We ask for a new flood map, a fund for families who want to move, and a seat for "
        "residents on the board that decides where the barriers are built.",
    ]
    lines = ["Tessaly river expected to peak this weekend", *REPORT, *EXPLAINER, *statement]
    question = 2 + len(REPORT) + len(EXPLAINER) - 2
    starts = _starts(lines)
    assert question + 2 in starts and question not in starts


def test_a_caption_and_its_credit_under_a_paragraph_open_a_page_in_sparse_text() -> None:
    """In text that is nearly all paragraphs, a photo's caption with its credit right
    under a story's last paragraph is the next page's first line."""
    caption = "Volunteers fill sandbags at the sports hall in Velt on Wednesday."
    credit = "(Photo: Anja Berg / Valley Courier)"
    lines = [*REPORT, *REPORT[:3], caption, credit, *LEAD]
    ents: list = []
    S._push_many(ents, [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    at = len(REPORT) + 3
    assert ents[at].info.role == CAPTION and ents[at + 1].info.role == CREDIT
    assert S._photo_under_prose(ents, at)
    assert at + 1 in _starts(lines)
    # a credit labelled "Photograph:" may be read as a caption line of its own
    lines[at + 1] = "Photograph: Anja Berg/Valley Courier"
    S._push_many(ents := [], [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    assert S._photo_under_prose(ents, at)
    lines[at + 1] = credit
    # (without the extra weight the rules read the same caption as a photo inside the
    # story; the learned cue-less choice, left out here, may still split under it)
    weights = S.Weights(sparse_photo=0.0)
    data = "\n".join(lines) + "\n"
    starts = [a.start_line for a in S.segment_text(data, weights=weights, cueless=None)]
    assert at + 1 not in starts


def test_an_interviews_credit_and_outlet_are_its_header_not_a_letters_signature() -> None:
    """ "Interview by <name>" and the outlet's name under a standfirst sign the
    interview's header; a letter's signature is a bare name (and its town)."""
    interview = [
        "Ilse Damaris: “The river always wins in the end”",
        "The water authority’s chief engineer has spent twenty years on the Tessaly’s "
        "barriers. We asked her what happens when they are not enough.",
        "Interview by Jorun Veldt",
        "Valley Courier",
        "You were on the quay all night. How close did the river come to the top?",
        "Closer than I would like. At Marrow Quay we had perhaps forty centimetres to "
        "spare at two in the morning, and the rain had not stopped.",
    ]
    lines = ["Tessaly river expected to peak this weekend", *REPORT, *interview]
    ents: list = []
    S._push_many(ents, [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    credit = 1 + len(REPORT) + 2
    assert [e.info.role for e in ents[credit : credit + 2]] == [BYLINE, BYLINE]
    assert 2 + len(REPORT) in _starts(lines)


def test_an_appeal_that_signs_off_with_thanks_covers_no_paragraph_after_it() -> None:
    """An appeal's zone runs on over paragraphs that still talk to the reader, but one
    that ends with its thanks is over: the first-person column under it is a new page."""
    appeal = [
        "Before you go …",
        "… we have a favour to ask. Reporting from the valley is slow and expensive, and "
        "we keep it free for everyone to read.",
        "If you can, please support us with a single gift or a monthly one. It takes less "
        "than a minute. Thank you.",
    ]
    column = [
        "We have lived beside the Tessaly all our lives, and we have never seen our "
        "neighbours so frightened of the river that feeds our orchards.",
        "Our street flooded twice in ten years. Each time we were told the barrier would "
        "be raised, and each time the money went to the new estates instead.",
        "We do not ask for sympathy. We ask that the people who decide where the barriers "
        "go come and stand in our kitchens when the water is at the door.",
    ]
    lines = ["Tessaly river expected to peak this weekend", *REPORT, *appeal, *column]
    ents: list = []
    S._push_many(ents, [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    zone = S._appeal_zone(ents)
    first = 1 + len(REPORT) + len(appeal)
    assert zone[first - 1] and not any(zone[first:])
    assert first in _scored(ents)  # (a candidate, its page closed above it)
    # the same appeal without its thanks covers the column's first lines: no candidate
    lines[first - 1] = lines[first - 1].removesuffix(" Thank you.")
    S._push_many(ents := [], [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    assert S._appeal_zone(ents)[first]
    assert first not in _scored(ents)


def _scored(ents: list) -> set[int]:
    coh, terms = S._cohesion_terms(ents)
    return {i for _, i in S.score_gaps(ents, 1, S.DEFAULT_WEIGHTS, coh, terms)}


def test_in_sparse_text_a_paragraph_no_question_follows_ends_the_explainer() -> None:
    """Where the text is nearly all paragraphs, a paragraph under a one-paragraph answer
    with no question after it opens the next piece, dated or not; in dense furniture
    the explainer is left whole."""
    feature = [
        "The road to the flood camp at Marrow Quay runs along the top of the old dyke, "
        "past orchards where only the crowns of the apple trees show above the water.",
        *LEAD[1:],
    ]
    lines = ["Tessaly river expected to peak this weekend", *REPORT, *EXPLAINER, *feature]
    first = 2 + len(REPORT) + len(EXPLAINER)
    assert first in _starts(lines)
    dense = [x for line in lines for x in (line, "Share this article", "Advertisement")]
    ents: list = []
    S._push_many(ents, [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(dense)])
    at = 3 * (first - 1)
    assert ents[at].raw.text == feature[0] and not S._sparse_at(ents, at)
    S._push_many(ents := [], [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    assert S._sparse_at(ents, first - 1)


def test_a_labelled_credit_makes_the_sentence_over_it_a_caption() -> None:
    """ "Illustration: Jo Park for The Ledger" under a sentence: the sentence is the
    picture's caption (reported, not matched), whatever it reads like; a paragraph too
    long to be a caption stays a paragraph."""
    caption = "Electronic shelf labels in a Saltby store. Prices now change in minutes."
    for credit in ("Illustration: Ottilie Brenn for The Ledger", "Photograph: Jo Park/KPA"):
        ents: list = []
        S._push_many(ents, [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate([caption, credit])])
        assert [e.info.role for e in ents] == [CAPTION, CAPTION]
    long = " ".join([REPORT[0], REPORT[1]])
    ents = []
    S._push_many(ents, [S.RawLine(1, 0, 0, long), S.RawLine(2, 0, 0, "Photograph: Jo Park/KPA")])
    assert ents[0].info.role != CAPTION


def test_a_question_headline_is_no_section_of_its_explainer() -> None:
    """An explainer whose headline is a question and which has asked one question of
    its own so far: a paragraph under that question's one-paragraph answer goes on (the
    seed dump's explainer, whose headline asks "Who are the Uighurs ...?", is one)."""
    more = (
        "Engineers add that the river has been narrowed by two centuries of building, and "
        "that every new estate on the flood plain leaves the water less room to spread."
    )
    lines = ["Why is the Tessaly flooding again?", *REPORT, EXPLAINER[2], EXPLAINER[3], more]
    ents: list = []
    S._push_many(ents, [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    at = len(lines) - 1
    assert S._sparse_at(ents, at)
    assert S._explainer_end(ents, [at], 0) == -1
    # with a second section asked above, the same paragraph ends the explainer
    lines[1 + len(REPORT) : 1 + len(REPORT)] = EXPLAINER[:2]
    S._push_many(ents := [], [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    assert S._explainer_end(ents, [len(lines) - 1], 0) == 0


def _entries(lines: list[str]) -> list:
    ents: list = []
    S._push_many(ents, [S.RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    return ents


def test_an_explainers_title_under_a_story_is_no_subheading_of_it() -> None:
    """In sparse text an explainer's title right under a story's last paragraph ("Topic:
    why ...?", "... explained", "Topic: the key facts", a long question with the first
    section's question a few lines below) opens the next page however much it shares
    with the story above."""
    for title in (
        "Tessaly floods: why does the river keep breaking its banks?",
        "The Tessaly river and its flood barriers, explained",
        "Why does the Tessaly river keep flooding the old town of Velt?",
        "Tessaly floods 2025: the key facts",
    ):
        lines = [*REPORT, *REPORT[:3], title, REPORT[3], *EXPLAINER]
        at = len(REPORT) + 3
        ents = _entries(lines)
        assert S._explainer_title(ents, at), title
        assert at + 1 in _starts(lines), title
    # the explainer's own sections, an interviewer's turn, dense pages: no such title
    ents = _entries([*REPORT, *EXPLAINER])
    assert not any(S._explainer_title(ents, i) for i in range(len(ents)))
    turn = "RIVER RADIO: Why does the Tessaly keep flooding the old town of Velt?"
    ents = _entries([*REPORT, turn, REPORT[3], *EXPLAINER])
    assert not S._explainer_title(ents, len(REPORT))
    lines = [*REPORT, "Tessaly floods: why does the river keep breaking its banks?", REPORT[3]]
    dense = [x for line in lines for x in (line, "Share this article", "Advertisement")]
    ents = _entries(dense)
    assert not S._explainer_title(ents, 3 * len(REPORT))


def test_a_rubric_titles_a_page_under_a_story() -> None:
    """ "Opinion: ...", "Timeline: ...", "Press release: ..." under a story's last
    paragraph: a page of that kind, its rubric and title, not a subheading of the story."""
    for title in (
        "Opinion: The barriers were built for the last flood, not the next one",
        "Timeline: Forty years of floods on the Tessaly",
        "Press release: Riverside residents call for a flood-plain building freeze",
    ):
        lines = [*REPORT, *REPORT[:3], title, *LEAD]
        assert S._RUBRIC_TITLE.match(title), title
        assert len(REPORT) + 4 in _starts(lines), title


def test_an_explainers_questions_are_its_own_sections_not_the_story_aboves() -> None:
    """A bylined story, then an explainer's title right under its last paragraph, with
    its questions below: the questions make the explainer's sections; they do not make
    its title one more section heading of the story above."""
    lines = [
        *REPORT,
        *LEAD,
        "Barriers raised as the Tessaly nears a forty-year high",
        "By Jorun Veldt",
        *REPORT,
        *REPORT[:3],
        "Tessaly floods: what we know, and what it means for your home",
        "Here are answers to the questions readers have sent us since the river began to rise.",
        *EXPLAINER,
        *LEAD,
        *REPORT,
    ]
    title = len(REPORT) + len(LEAD) + 3 + len(REPORT) + 3
    assert S._explainer_title(_entries(lines), title - 1)
    assert title in _starts(lines)


def test_a_bare_byline_over_a_dateline_lead_opens_a_page() -> None:
    """A name alone between two paragraphs is most often a photo's credit or a letter's
    signature; over a wire story's dateline lead it is that story's byline."""
    lead = (
        "VELT, Tessaly (Valley Wire) – Emergency crews pumped water out of the old town on "
        "Friday as the river fell for the first time in ten days, officials said."
    )
    lines = [*REPORT, *REPORT[:3], "Harriet Dole", lead, *LEAD[1:]]
    at = len(REPORT) + 3
    ents = _entries(lines)
    assert ents[at + 1].info.dateline
    assert at + 1 in _starts(lines)


def test_a_caption_and_credit_under_a_related_link_open_a_page_in_sparse_text() -> None:
    caption = "Volunteers fill sandbags at the sports hall in Velt on Wednesday."
    related = "Related: Tessaly barrier holds as river peaks"
    lines = [*REPORT, *REPORT[:3], related, caption, "(Photo: Anja Berg / Valley Courier)", *LEAD]
    at = len(REPORT) + 4
    assert S._photo_under_prose(_entries(lines), at)
    assert at + 1 in _starts(lines)


def test_an_explainers_first_question_under_its_dated_header_is_a_section() -> None:
    """The first question under an explainer's headline, outlet, date and lead is its
    first section, not a new explainer's title: the page opens at its headline only
    (the same question right under a story's paragraphs still titles a page)."""
    header = [
        "Tessaly barriers: what the new flood plan means for Velt",
        "TVR News",
        "Posted 2h ago",
        "The government has announced a new flood plan for the Tessaly valley. Here are "
        "answers to some of the most common questions about it.",
    ]
    first = "What is a flood barrier and how does it actually work?"
    lines = [*REPORT, *header, first, *EXPLAINER[1:]]
    assert _starts(lines) == [1, len(REPORT) + 1]
    at = len(REPORT) + len(header)
    ents = _entries(lines)
    assert S._under_intro(ents, at)
    assert not S._asks_first(ents, at, first)
    # under the story's paragraphs the same question is the next explainer's title
    lines = [*REPORT, first, *EXPLAINER[1:]]
    ents = _entries(lines)
    assert not S._under_intro(ents, len(REPORT))
    assert S._asks_first(ents, len(REPORT), first)


def test_a_question_that_goes_on_with_but_titles_no_explainer() -> None:
    """ "But we should ask a harder question: why ...?" under an opinion piece's first
    paragraphs has an explainer title's shape ("Topic: why ...?") but opens with a
    conjunction: the piece goes on, no page opens there."""
    lines = [*REPORT, "But we should ask a harder question: why was the barrier built so low?"]
    lines += [LEAD[1], LEAD[2]]
    at = len(REPORT)
    assert not S._explainer_title(_entries(lines), at)
    lines[at] = "Tessaly barrier row: why was the barrier built so low?"
    assert S._explainer_title(_entries(lines), at)


def test_a_date_under_a_guides_last_section_opens_the_next_page() -> None:
    """guide / "Keep records" / paragraph / "Talk to someone" / paragraph / "5 hours ago"
    / lead: the last section's paragraph is no standfirst of its short heading, so the
    date under it is the next page's first line, not the section's header."""
    guide = [
        "Flood season: how to protect your home",
        *REPORT[:2],
        "Move valuables upstairs",
        EXPLAINER[9],
        "Keep records",
        "Photograph the damage before you clean up, and keep every receipt for repairs.",
        "Talk to someone",
        "Floods are distressing. The Velt helpline offers free, confidential support.",
    ]
    lines = [*guide, "5 hours ago", *LEAD]
    assert _starts(lines) == [1, len(guide) + 1]
    ents = _entries(lines)
    assert S._last_section(ents, len(guide) - 1)
    assert not S._last_section(ents, 2)  # (under the guide's own headline)


def test_a_long_question_under_an_explainers_paragraph_questions_is_a_section() -> None:
    """ "Tessaly flood plan: your questions answered" / its lead / a first question long
    enough to read as a paragraph, its answer / "How do I find out whether my street is
    in the new flood zone?" / more sections: the long question is a section of the
    explainer titled a few lines above, not a new explainer's title (before, the page
    was split there, since no question heading lay right above it)."""
    header = [
        "Tessaly flood plan: your questions answered",
        "TVR News | Explainer",
        "The new flood plan takes effect in January. Readers have sent in hundreds of "
        "questions. Here are the answers to the most common ones.",
        "My parents live on the quay in Velt. Will their house be inside the new zone?",
        "Only if the survey finds the quay lower than the barrier. Most of the old town is "
        "expected to stay outside the zone, but the riverside estates will not.",
    ]
    long_q = "How do I find out whether my street is in the new flood zone?"
    lines = [*REPORT, *header, long_q, *EXPLAINER[1:]]
    at = len(REPORT) + len(header)
    ents = _entries(lines)
    assert not S._asks_first(ents, at, long_q)
    assert _starts(lines) == [1, len(REPORT) + 1]
    # with no explainer's title over it, the same question still titles a page
    assert S._asks_first(_entries([*REPORT, long_q, *EXPLAINER[1:]]), len(REPORT), long_q)


def test_a_question_heading_under_an_explainers_title_opens_no_cueless_page() -> None:
    """ "Can I still get flood cover? Your questions answered ..." / date / lead / three
    questions long enough to read as paragraphs, with their answers / "Why is it so hard
    to find flood cover in the valley anyway?" / its answer ...: the question heading a
    few lines under the explainer's title is one of its sections, and the answer under it
    no new page's lead (before, the cue-less choice split the page there)."""
    header = [
        "Can I still get flood cover? Your questions answered after the Velt floods",
        "Wed, 13 March 2024, 9:42 AM",
        "The floods have left more than 2,000 homes in Velt without insurance cover, and the "
        "insurers say they will not renew policies until the new barrier is finished.",
        "I was insured with Tessaly Mutual. What happens now?",
        "All Tessaly Mutual policies in the valley lapse at the end of the month. The "
        "administrators say they are looking for another insurer to take them on.",
        "My house flooded last week. Where do I go for help?",
        "Call the council's flood line. The numbers are on its website and on the posters in "
        "every library, and the line is open every day until the end of the month.",
        "I paid a year in advance. Will I get my money back?",
        "Possibly, but not quickly. Payments you made are a debt owed to you by the company, "
        "and you can register the claim with the administrators online.",
        "The ministry says it is exploring options so that nobody pays twice for cover.",
    ]
    question = "Why is it so hard to find flood cover in the valley anyway?"
    lines = [*REPORT, *header, question, *EXPLAINER[1:]]
    assert _starts(lines) == [1, len(REPORT) + 1]
    assert S._section_asked(_entries(lines), len(REPORT) + len(header))


def test_no_start_is_scored_under_a_paragraph_ending_with_a_colon(monkeypatch) -> None:
    """ "The report makes five recommendations:" / "First, postal ballots should be
    available ...": the paragraph under one that ends with a colon is what it
    introduces, never a page's first line in the written dumps (0 of 1,171); a start
    the boundary score puts there is dropped (before, two such starts split a paper's
    recommendations from the paper)."""
    lines = [
        *REPORT,
        "The report makes five recommendations:",
        "First, postal ballots should be available to any registered voter who asks for"
        " one, with no reason required, from the next municipal elections onwards.",
        "Second, requests should be possible online, with a paper form at every town hall.",
    ]
    ents = _entries(lines)
    under = len(REPORT) + 1
    assert S._introduced(ents, under) and not S._introduced(ents, under + 1)
    monkeypatch.setattr(S, "pick_boundaries", lambda scores, ctx: [under, under + 1])
    found, _ = S._rule_boundaries(ents, 0, S.DEFAULT_WEIGHTS, len(ents))
    assert under not in found and under + 1 in found
