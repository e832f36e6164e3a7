"""Parts of pages met in the eighteenth session's reviews, on invented text.

Page tops: a forum community's name ("r/gardening") over its thread, a menu word
with a hyphen ("e-Edition") under a masthead, a consent banner under the copyright
line of the page above, a site's name over its menu laid out one section a line,
a newsletter's "View this email in your browser", a start over a short note that
moves onto the next site's name. Inner parts, no pages: a poster's block in a
thread, a post's number under its date, a fact check's verdict, the letters and
signatures of a letters page, minutes' numbered sections, a live page's timed
entries, a print story's jump."""

from __future__ import annotations

import pytest
from test_segment_pages import FLOODS, ORCHESTRA, _starts, _two_pages
from test_segment_subheads import _entries

from worker import segment as S
from worker import startcheck as SC
from worker.clean import BOILER, CONT, HEAD, classify

THREAD = [
    "Posted by u/marrow_mike · 5h",
    "Anyone else lose their whole courgette crop to the hail on Sunday?",
    "Forty minutes of hail the size of peas and every plant on the allotment is shredded."
    " Is it worth resowing this late in the season or should I give up until spring?",
    "412 upvotes",
    "Comments (58)",
    "Resow now. Courgettes grow fast once it warms up again, and you will still get a crop"
    " in September if the autumn is mild like the last two have been.",
]


@pytest.mark.parametrize("line", ["r/gardening", "r/AskUK", "r/new_zealand"])
def test_a_communitys_name_is_furniture_not_a_continued_paragraph(line: str) -> None:
    assert classify(line).role == BOILER


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("e-Edition", HEAD),  # a menu item, not a paragraph's lower-case tail
        ("e-Paper", HEAD),
        ("and the council said it would appeal", CONT),
        ("e-mail the editor with your news", CONT),
    ],
)
def test_a_hyphened_menu_word_is_no_continuation(line: str, role: int) -> None:
    assert classify(line).role == role


def test_a_communitys_name_opens_its_thread_under_a_story() -> None:
    """story / footer / "r/gardening" / the poster's line / thread: the thread's page
    starts at the community's name, not at its poster (a lower-case line after a
    footer had been read as the footer's continuation)."""
    story = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "© 2026 Severn Valley Press. All rights reserved.",
    ]
    _two_pages(story, ["r/gardening", *THREAD])


def test_a_masthead_over_a_hyphened_menu_item_opens_its_page() -> None:
    """An outlet's name in capitals over "e-Edition" / "Subscribe" / "Sign in": the
    name was taken for a headline continued by a lower-case line, hence prose."""
    story = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS]
    other = [
        "THE HALVERTON GAZETTE",
        "e-Edition",
        "Subscribe",
        "Sign in",
        "Youth orchestra to tour Japan after appeal beats target",
        "By Ruth Ellery",
        *ORCHESTRA,
    ]
    _two_pages(story, other)


def test_a_consent_banner_under_the_last_pages_copyright_may_top_the_next() -> None:
    """ "© ... All rights reserved." / "We use cookies ...": the copyright line ended the
    page above, so the banner may be the next page's first line (a start may move up
    onto it); a banner under a paragraph still ends its page (no start moves over it),
    and either way the next page starts at or under the banner, not above it."""
    story = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "© 2026 Severn Valley Press. All rights reserved.",
    ]
    banner = (
        "We use cookies to improve your experience. By continuing you agree to our use of cookies."
    )
    other = [
        "Accept all",
        "THE HALVERTON GAZETTE",
        "News | Sport | What's On | Jobs",
        "Youth orchestra to tour Japan after appeal beats target",
        "By Ruth Ellery",
        *ORCHESTRA,
    ]
    after_copyright = _entries([*story, banner])
    after_story = _entries([*story[:-1], banner])
    assert after_copyright[-2].info.end and not after_copyright[-1].info.end
    assert after_story[-1].info.end
    for lines, banner_line in (
        ([*story, banner, *other], len(story) + 1),
        ([*story[:-1], banner, *other], len(story)),
    ):
        starts = _starts(lines)
        assert len(starts) == 2 and banner_line <= starts[1] <= banner_line + 2, starts


def test_posts_under_handles_with_counts_and_ranks_are_one_thread() -> None:
    """A forum's name and crumb, the thread's title, then handle / "#88231 9,847
    posts" / "Forum Regular" / time / post, three times: one thread, the handles no
    headlines of pages of their own (they were, before the counts and ranks were
    known as a poster's block: [1, 10, 20])."""
    posts = []
    for handle, number, rank, text in (
        ("Dekko_R", "#88231 9,847 posts", "Forum Regular", THREAD[2]),
        ("marrow_mike", "#510773 88 posts", "Participant", THREAD[5]),
        ("Allotment_Al", "#40012 1,206 posts", "Site Admin", ORCHESTRA[3]),
    ):
        posts += [handle, number, rank, "Posted 2026-Feb-03, 8:31 pm AEDT", text]
    thread = ["Allotment Chat", "Board index » Growing » Vegetables", "Hail damage?", *posts]
    story = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS]
    _two_pages(story, thread)


def test_a_start_over_a_short_note_moves_onto_the_next_sites_name() -> None:
    """A notice's signature ("Sd/-" / "Secretary", read as headlines), its "Copy to"
    paragraph, then a site's name over its menu row: the next page starts at the name,
    not at the signature over the note."""
    notice = [
        "NOTICE",
        "Re-examination in Physics for Class 12",
        "The Council has decided to hold the Physics examination again on 21 March 2026"
        " at the same centres, after the paper set for 4 March was found to have leaked.",
        "Candidates may use the admit cards already issued to them for the cancelled paper.",
        "All district officers are directed to give this notice wide publicity.",
        "Sd/-",
        "Secretary",
        "Copy to: all district education officers, for information and necessary action.",
    ]
    other = [
        "Coal Town Times",
        "News | Sport | Jobs | Obituaries",
        "Youth orchestra to tour Japan after appeal beats target",
        "By Ruth Ellery",
        *ORCHESTRA,
    ]
    _two_pages(notice, other)


def test_a_fact_checks_verdict_is_no_page_of_its_own() -> None:
    """site's name / menu / headline / the claim / "Verdict: Misleading" / byline /
    text: one page from the name; the verdict, short and title-like, had been taken
    for the headline of a page starting there."""
    story = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS]
    check = [
        "ClaimWatch",
        "Fact checks | Health | Politics | Explainers",
        "Fact check: River barriers were not opened to flood farmland on purpose",
        "Claim: A viral post says the agency opened the barriers at night to spare the towns"
        " and drown the fields, and that farmers were never told.",
        "Verdict: Misleading",
        "By ClaimWatch Team | Published on: 06 Oct 2025, 4:20 PM",
        "The barriers along the lower river are fixed walls and cannot be opened; the"
        " agency did release water from two storage basins upstream, as it does every winter.",
        "Farmers in the basins are paid to accept the water and are warned a day ahead,"
        " according to the agency's published agreements with landowners.",
        "ClaimWatch is a signatory of the International Fact-Checking Network's code.",
    ]
    _two_pages(story, check)


def test_the_letters_of_a_letters_page_are_one_page() -> None:
    """ "SIR – ..." letters, each signed on the line under it: one letters page; a
    letter, or the signature over the next one, opens no page of its own."""
    story = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS]
    letters = [
        "The Valley Courier",
        "Letters to the Editor",
        "Your letters: 'The barriers held, but the fields paid for it'",
        "SIR – The flood barriers held at Upton, and the agency deserves credit for that,"
        " but nobody has yet explained why the storage basins were filled a week early.",
        "Alan Rigby, Kendal",
        "SIR – Your correspondent misses the point. Farmers in the basins are paid to take"
        " the water; the rest of us pay for the barriers through our council tax.",
        "Jennifer Matlock, Chelmsford",
        "SIR – Perhaps the agency could start by answering its telephones during a flood,"
        " rather than after one. I tried for three days and never reached a person.",
        "Rosemary Dean, Stroud",
        "Write to us at letters@valleycourier.example",
    ]
    _two_pages(story, letters)
    # the check itself: with a model that keeps every start, those on a letter or on
    # the signature right over one still go
    lines = [*story, *letters]
    first = len(story)  # (0-based: the courier's name; its headline is first + 2)
    kept = _kept_by_check(lines, [first, first + 2, *range(first + 3, first + 9)])
    assert kept == [first, first + 2, first + 8]  # letters and signatures go


@pytest.mark.parametrize(
    "first", ["View this email in your browser", "Read online", "Open in browser"]
)
def test_a_newsletters_first_line_opens_its_page_over_its_name(first: str) -> None:
    """ "View this email in your browser" / "The Morning Brief" / "from the Valley
    Courier" / date / text: the newsletter's page starts at its first line (its name,
    read as a headline continued by the lower-case sender line, is prose)."""
    story = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS]
    mail = [
        first,
        "The Morning Brief",
        "from the Valley Courier",
        "Wednesday, 18 March 2026",
        "Good morning. Here is what you need to know today.",
        *ORCHESTRA,
    ]
    _two_pages(story, mail)


def test_posts_numbered_under_their_dates_are_one_thread() -> None:
    """handle / "Feb 12, 2026" / "#2" / post, four times: one thread; each handle over
    its date read as a page's header before its number was seen under the date."""
    posts = []
    for k, (handle, text) in enumerate(
        (
            ("Stu_1904", THREAD[2]),
            ("BrookEndBeth", THREAD[5]),
            ("Oldmanofthehill", ORCHESTRA[3]),
            ("NotThatGary", ORCHESTRA[4]),
        ),
        start=2,
    ):
        posts += [handle, "Feb 12, 2026", f"#{k}", text]
    thread = ["Allotment Chat", "Board index » Growing » Vegetables", "Hail damage?", *posts]
    story = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS]
    _two_pages(story, thread)
    # the post's head, as the window holds it: name and date are the post's furniture
    ents = _entries([*THREAD[2:3], "Stu_1904", "Feb 12, 2026", "#2", THREAD[5]])
    assert [(e.info.role, e.info.ad) for e in ents[1:4]] == [(BOILER, True)] * 3
    first = _entries([*THREAD[2:3], "Stu_1904", "Feb 12, 2026", "#1", THREAD[5]])
    assert first[1].info.role != BOILER  # (the first post heads the thread)


def test_a_letters_dash_signature_opens_no_page() -> None:
    """ "— Julie Renshaw, New Town" under a letter: the check drops a start there,
    whatever the model says; a headline after it is kept."""
    lines = [
        "NOT THE END OF IT",
        ORCHESTRA[0],
        "— Julie Renshaw, New Town",
        "CREDIT TO THE STAR",
        ORCHESTRA[1],
        "— Name withheld at the writer's request",
    ]
    kept = _kept_by_check(lines, [2, 3, 5])
    assert kept == [3]


MENU_LINES = ["News", "Sport", "What's On", "Property", "Jobs"]


CONTACT_FOOT = [
    "Comment: Association President Sgt Rhys Cotterill, 0418 555 217",
    "Police Association of Tasmania, 20 Kirksway Place, Battery Point TAS 7004",
]
THREAD_FOOT = [
    "Reply to this thread",
    "Severn Talk is an independent community. Not affiliated with any agency.",
    "Privacy | Rules | Contact",
]


@pytest.mark.parametrize(
    ("name", "tail"),
    [
        ("The Porto Post", CONTACT_FOOT),
        ("THE SOUTHERN REVIEW", CONTACT_FOOT),
        ("The Porto Post", THREAD_FOOT),
        ("THE SOUTHERN REVIEW", THREAD_FOOT),
    ],
)
def test_a_sites_name_over_a_menu_one_section_a_line_opens_its_page(
    name: str, tail: list[str]
) -> None:
    """The last page's contact lines or footer, then a site's name over its sections
    one a line (not a row with bars): the next page starts at the name (the rules put
    it three lines above, on the contact lines, or on the first section under it).
    (Not read: a one-word name that a list of links above takes in.)"""
    story = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS, *tail]
    other = [
        name,
        *MENU_LINES,
        "Youth orchestra to tour Japan after appeal beats target",
        "By Ruth Ellery",
        *ORCHESTRA,
    ]
    _two_pages(story, other)


@pytest.mark.parametrize("label", ["On this page", "UK", "Explore more on these topics"])
def test_a_pages_own_list_of_short_lines_is_no_menu(label: str) -> None:
    """A page's contents ("On this page" / "Evacuation zone" / ...) or a section word
    over short lines inside a story: no site's name, no page."""
    lines = [
        "Calder Ridge Reservoir incident: information for residents",
        "Last updated: 4 October 2024, 8:15am",
        FLOODS[0],
        label,
        "Evacuation zone",
        "Rest centres",
        "Financial support",
        "Contact us",
        *FLOODS[1:],
    ]
    assert _starts(lines) == [1]


def test_a_signed_headline_under_a_header_and_a_related_list_may_open_a_page() -> None:
    """A gallery's title and date (a header with no paragraph), its "Related galleries"
    links, then a headline, standfirst and "By ..." line: the headline may open a page
    (it is scored). It was read as a line of the gallery's header zone, inside which no
    page starts; a live page's "Key events" list in its header does not end it."""
    obituary = [
        "Peggy Lister, 1947-2026: the usher who knew every seat in the house",
        "Theatre volunteer and retired music teacher, remembered by the company she served",
        "By Dominic Fahey",
        "Published 23 January 2026",
        *ORCHESTRA,
    ]
    for label, scored in (("Related galleries", True), ("Key events", False)):
        lines = [
            *FLOODS,
            "In pictures: the day the theatre roof came down",
            "Sun 18 Jan 2026",
            label,
            "Fringe opening night 2025",
            "Storm damage across the state",
            "Obituaries",
            *obituary,
        ]
        ents = _entries(lines)
        coh, terms = S._cohesion_terms(ents)
        zone = S._appeal_zone(ents)
        head = len(FLOODS) + 5  # ("Obituaries", the section's name over the headline)
        assert (S._features(ents, head, zone, coh, terms) is not None) == scored, label
        # the fast path agrees (it picks the candidates _features would score)
        weights = S.DEFAULT_WEIGHTS
        fast = S._positive_scores(ents, 1, weights, coh, terms=terms)
        assert any(i == head for _, i in fast) == scored, label


def test_minutes_sections_timed_entries_and_jumps_open_no_page() -> None:
    """With a model that keeps every start, the check still drops those on "VII.
    TREASURER'S REPORT", on "4:05 p.m. — ..." and over "Continued from Page B1"."""
    lines = [
        "VII. TREASURER'S REPORT",
        "Treasurer Basset presented the January financial statements, which were approved.",
        "4:05 p.m. — Power is back for most customers in the county, the utility says.",
        "HAWKS",
        "Continued from Page B1",
        FLOODS[0],
        "Youth orchestra to tour Japan after appeal beats target",
        ORCHESTRA[0],
    ]
    kept = _kept_by_check(lines, [0, 2, 3, 4, 6])
    assert kept == [6]


def test_a_comment_under_its_stamp_opens_no_page() -> None:
    """With a model that keeps every start, the check drops one on a comment, the
    paragraph right under its handle and time; a paragraph under a headline stays."""
    lines = [
        "342 Comments",
        "brennan_k · 2 hours ago",
        "Cut the cord?? So I'm left with no air fryer for however many weeks it takes them.",
        "Fenrik_Gunnar — 9 November 2024 at 10:02",
        "Good list. On the second point, the police found a van near the base on Wednesday.",
        "Youth orchestra to tour Japan after appeal beats target",
        ORCHESTRA[0],
    ]
    kept = _kept_by_check(lines, [2, 4, 5, 6])
    assert kept == [5, 6]


def _kept_by_check(lines: list[str], starts: list[int]) -> list[int]:
    """The starts (0-based) the check keeps with a model that keeps every start: only
    its hard drops (letters, inner marks, comments) remove any."""
    infos = [classify(t) for t in lines]
    roles = [i.role for i in infos]
    keep_all = SC.StartCheck({}, 10.0)
    return SC.check(lambda i: (lines[i], infos[i]), roles, starts, 0, keep_all)
