"""Page shapes met in the goose fixtures' news pages (eleventh session), on invented
text: a bulleted list under a story, readers' comments, a headline ending in
initials, a lone headline over a story that the scoring leaves alone."""

from __future__ import annotations

from worker.clean import BODY, HEAD, classify
from worker.segment import segment_text

FLOODS = [
    "Flood barriers along the lower Severn held overnight as the river peaked just below"
    " the record set in 2007, the Environment Agency said on Tuesday.",
    "Engineers had raised temporary walls at Upton and Tewkesbury on Sunday after two days"
    " of heavy rain across the Welsh hills swelled the river's upper reaches.",
    "About 40 homes in low-lying streets were evacuated as a precaution, and most residents"
    " were expected to return by the weekend once the water had receded.",
    "The agency warned that fields and minor roads would stay under water for several days"
    " and urged drivers not to attempt flooded crossings.",
    "Farmers near the river said the timing was cruel, with winter crops only weeks old and"
    " lambing due to start across the valley within the month.",
    "A review of the barrier scheme, funded after the 2007 floods, is due to report to"
    " ministers in the spring.",
]
ORCHESTRA = [
    "The Halverton Youth Orchestra will tour Japan next summer, its first overseas trip"
    " since the pandemic, after a crowdfunding appeal raised more than its target.",
    "Sixty musicians aged between 14 and 19 will play concerts in Osaka, Kyoto and Tokyo,"
    " including a programme of Elgar and a new commission by a local composer.",
    "The conductor, Priya Anand, said the players had rehearsed every Saturday morning in a"
    " church hall while the appeal was running.",
    "Parents organised bake sales, a sponsored swim and a raffle whose first prize was a"
    " week in a cottage donated by a retired violin teacher.",
    "The orchestra's last tour, to Vienna, was cancelled two weeks before departure, and"
    " several players who missed it have since left for university.",
    "Tickets for a send-off concert at the town hall in July go on sale next month.",
]


def _starts(lines: list[str]) -> list[int]:
    return [a.start_line for a in segment_text("\n".join(lines) + "\n")]


def _two_pages(first: list[str], second: list[str]) -> None:
    """The lines of two pages, one after the other, come back as those two pages."""
    starts = _starts([*first, *second])
    assert starts == [1, len(first) + 1], starts


def test_a_bulleted_item_under_a_story_is_no_headline() -> None:
    """story / "- Read more about the barrier scheme" / headline: the bulleted line is
    the story's list of links, the page starts at the headline under it."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "- Read more about the barrier scheme and its funding",
        "Youth orchestra heads to Japan after appeal succeeds",
        "By Anna Bright",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, 10]
    assert classify("- Read more about the barrier scheme and its funding").role == HEAD


def test_readers_comments_stay_with_their_story() -> None:
    """Comments signed "Posted by: name, date | time" under a story: no page starts
    between them, and the comments and signatures are dropped from the story's text."""
    comments = [
        "Glad to see the walls worked this time. In 2007 we were under a metre of water.",
        "Posted by: Jan from Upton, 14 Jan 2025 | 08:12",
        "The real question is why the review has taken seventeen years to report back.",
        "Posted by: R. Mills, Tewkesbury resident, 14 Jan 2025 | 09:40",
        "Spare a thought for the farmers, their fields will be under water for a week.",
        "Posted by: Sam, 14 Jan 2025 | 11:03",
    ]
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        *comments,
        "Youth orchestra heads to Japan after appeal succeeds",
        "By Anna Bright",
        *ORCHESTRA,
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 15]
    assert "seventeen years" not in arts[0].text and "Posted by" not in arts[0].text


def test_a_headline_may_end_in_initials() -> None:
    """The full stop of "U.S." ends no sentence: a title-case line ending in initials is
    a headline; a sentence ending in initials stays a paragraph."""
    assert classify("Talks Stall Over Steel Tariff Deal With U.S.").role == HEAD
    assert classify("Russia's Help to Iran Stirs Questions About Its Ties With U.K.").role == HEAD
    assert classify("The president flew back to Washington, D.C.").role == BODY
    assert classify("Officials said the talks would resume in the U.S.").role == BODY


def test_a_lone_headline_opens_a_story_that_shares_no_words() -> None:
    """Prose, then a lone headline of seven words or more over prose on another subject:
    the cue-less split opens the new story at its headline, not at its first paragraph
    (nor nowhere: the paragraph under a headline was never a candidate)."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Halverton youth orchestra will tour Japan next summer",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, 9]


def test_a_short_heading_is_no_headline_for_the_cue_less_split() -> None:
    """A heading of a few words between paragraphs is mostly a piece's section: a
    cue-less split never opens a story there (these two parts share no words, so the
    split is made all the same, further down, by the words alone)."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Music in the valley",
        *ORCHESTRA,
    ]
    assert 9 not in _starts(lines)


def test_a_byline_over_a_headline_wins_over_a_cue_less_start_under_its_lead() -> None:
    """ "By Jo Park" / label / headline / lead / paragraph: when the paragraph after the
    lead scored as a cue-less start, the byline's start is kept and that one gives way
    (a byline with a single paragraph before the next start used to be dropped as a
    label that reads like a name, leaving the start under the lead)."""
    import io

    from worker import segment as S
    from worker.dumpio import iter_lines

    lines = [
        *FLOODS[:3],
        "By Anna Bright and Tom Hale",
        "Main Content",
        "Youth orchestra heads to Japan after appeal succeeds",
        *ORCHESTRA,
    ]
    ents: list = []
    for raw in iter_lines(io.BytesIO(("\n".join(lines) + "\n").encode())):
        S._push(ents, raw)
    zone = S._appeal_zone(ents)
    paras = S._paragraph_counts(ents, zone)
    byline, second = 3, 7  # the byline, and the paragraph after the lead (line 6)
    assert S._drop_stubs(ents, [byline, second], 0, paras) == [byline]
    # a name-like label over a single paragraph, no headline: still dropped
    ents[5].info.role = S.BODY
    ents[3].raw = ents[3].raw.__class__(4, 0, 0, "Private Notes")
    assert S._drop_stubs(ents, [byline, second], 0, paras) == [second]


def test_a_skip_links_target_is_furniture() -> None:
    """ "Main Content", the target of a page's skip link, is no writer's name."""
    from worker.clean import BOILER

    for line in ("Main Content", "Main navigation", "Main menu"):
        assert classify(line).role == BOILER, line
    assert classify("Main content of the report is due in May").role != BOILER


def test_a_title_over_by_after_a_paragraph_is_the_next_headline() -> None:
    """Pages that abut with no furniture between: paragraph / a short line that reads as
    a title (a question, an ellipsis, every long word capitalised) / "By ...": that line
    is the next page's headline whatever its punctuation. A paragraph's short last
    sentence, or a pointer to more ("See ..."), stays with the page above."""
    for title in (
        "A Town Band Goes Global. Can It Pay the Fare?",
        "MEANWHILE: Developments In Halverton...",
        "The Youth Orchestra's Long Road to Osaka.",
    ):
        lines = [*FLOODS, title, "By Anna Bright", *ORCHESTRA]
        assert _starts(lines) == [1, 7], title
    for last in ("Nobody was hurt.", "See TIME's Pictures of the Week."):
        lines = [*FLOODS, last, "By Anna Bright", *ORCHESTRA]
        assert _starts(lines) == [1, 8], last


def test_an_outlets_highlights_box_of_bulleted_sentences_is_furniture() -> None:
    """story / "KXTV HIGHLIGHTS" / bulleted teaser sentences / headline: the box is the
    story's furniture (dropped) and the next page starts at its headline."""
    box = [
        "KXTV HIGHLIGHTS",
        "- With the harvest running late, growers say prices at the market will rise again.",
        "- Not every school board meets in public. Here are the ones that do not.",
        "- A retired pilot restores a wartime trainer in his barn. See the photos.",
        "- How safe are the county's older bridges?",
    ]
    lines = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS, *box]
    lines += ["Youth orchestra heads to Japan after appeal succeeds", "By Anna Bright", *ORCHESTRA]
    arts = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 14]
    assert "harvest" not in arts[0].text and "bridges" not in arts[0].text


def test_a_pages_title_with_its_sites_name_repeats_its_headline() -> None:
    """ "Voice interfaces • Dustin Curtis" over "Voice interfaces": one headline, shown as
    the page's title and again over the text (a repeated headline, a strong cue)."""
    from worker.segment import _same_title

    assert _same_title("Voice interfaces • Dustin Curtis", "Voice interfaces")
    assert _same_title("Voice interfaces", "Voice interfaces | The Daily Byte")
    assert not _same_title("Voice interfaces", "Voice interfaces are getting better")
    long_rest = "Voice interfaces • a history of talking to machines"
    assert not _same_title(long_rest, "Voice interfaces")
    lines = [
        *FLOODS,
        "Halverton orchestra • Valley Notes",
        "Halverton orchestra",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, 7]


def test_a_by_line_over_a_dateline_keeps_the_start() -> None:
    """story / "By Anna Bright, WXYZ NEWS" / "HALVERTON, England — ...": the start stays on
    the byline (the learned placement took such a line for the last story's sign-off and
    moved the start onto the dateline under it)."""
    import io

    from worker import segment as S
    from worker.dumpio import iter_lines

    lead = "HALVERTON, England — " + ORCHESTRA[0]
    lines = [*FLOODS, "By Anna Bright, WXYZ NEWS", lead, *ORCHESTRA[1:]]
    assert _starts(lines) == [1, 7]
    ents: list = []
    text = "\n".join([*lines, "By Anna Bright", *ORCHESTRA]) + "\n"
    for raw in iter_lines(io.BytesIO(text.encode())):
        S._push(ents, raw)
    assert S._by_over_dateline(ents, 6)  # "By ..." over the dateline: fixed
    assert ents[13].info.role == S.BYLINE
    assert not S._by_over_dateline(ents, 13)  # over a plain paragraph: the model decides
    assert not S._by_over_dateline(ents, 5)  # a paragraph


VOWS = [
    "I will reply to every email within a week, unless it asks me to decide something.",
    "I will praise my team in public and correct them in a spreadsheet nobody can open.",
    "I will hold a meeting to plan the agenda of the meeting about our meetings.",
    "I will call every budget cut an opportunity and every opportunity a stretch goal.",
    "I will keep my door open, and my calendar closed until the end of the quarter.",
    "I will learn the names of the interns by the day they leave for university.",
    "I will bring donuts on Fridays and mention it in my annual self-assessment twice.",
    "I will trust the data whenever it agrees with what I decided last month anyway.",
    "I will delegate the credit upwards and the blame in whatever direction is open.",
    "I will champion work-life balance from the airport lounge at eleven at night.",
    "I will never say synergy again, except in the slides, the memo and the toast.",
    "I will retire at sixty and start a consultancy teaching others to do all this.",
]


def test_a_list_of_parallel_paragraphs_is_one_piece() -> None:
    """A column of vows, each opening "I will" and each on its own subject, then a news
    story with no headline: the vows share few words with one another, but a split
    inside the list would leave "I will" paragraphs on both sides; the story after
    them is still split off."""
    lines = ["By Anna Bright", *VOWS, *FLOODS]
    assert _starts(lines) == [1, 14]


def test_a_notes_box_ends_at_the_next_pages_by_line() -> None:
    """story / "About Valley Notes' Reviews" (a box of notes that takes the lines under
    it) / "By Anna Bright" / story: the byline is the next page's, not the box's."""
    lines = [*FLOODS, "About Valley Notes' Reviews", "By Anna Bright", *ORCHESTRA]
    assert _starts(lines) == [1, 8]


def test_a_figure_of_speech_is_no_writers_bio() -> None:
    """ "Larry Page is the Steve Jobs of Google." is the story's sentence (a bio ends a
    page: read as one, it split the story there); a bio names a job, an office, an
    outlet or a place."""
    from worker.clean import BIO

    figures = ("Larry Page is the Steve Jobs of Google.", "Halverton is the Venice of the North.")
    for line in figures:
        assert classify(line).role == BODY, line
    for line in (
        "Jo Park is the Mayor of Halverton.",
        "Jo Park is the health correspondent for the Valley Times.",
        "Jo Park is the author of The Quiet Room.",
    ):
        assert classify(line).role == BIO, line
