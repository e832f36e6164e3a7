"""Lists of links at a page's foot that real pages showed the rules reading as pages.

Three shapes, all seen on real news pages (docs/segmentation.md, "Real article
texts"): a bulleted list of links longer than a label's usual run, a box of dated
teasers (date / teaser / date / teaser ...), and a site's navigation row whose
cells include initials ("U.S."). Each ended up opening an article of its own. The
texts here are invented.
"""

from __future__ import annotations

import io

from support_stories import refit_miss, window

from worker import segment as S
from worker.clean import BODY, BOILER, BYLINE, TIMESTAMP, classify
from worker.dumpio import iter_lines

STORY_A = [
    "Harbour council votes to restore the Quayside ferry",
    "Councillor Ruth Abernethy has spent two years arguing that the Quayside ferry, which "
    "stopped running between Tollbridge and Marram Point in 2019, should return.",
    "On Tuesday the Tollbridge harbour council finally agreed, voting by nine to four to buy "
    "a second-hand vessel and restart the crossing next spring.",
    "Abernethy called the vote a victory for commuters on the Marram Point side, who face a "
    "forty-minute drive round the estuary when the old bridge closes.",
    "Opponents said the ferry had lost money for a decade before it stopped, and warned "
    "that the Quayside service would do so again.",
    "The vessel, built in Norway in 1998, needs its hull plating repaired and both diesel "
    "engines overhauled before it can carry passengers to Marram Point.",
    "The Courier's Jo Pennick contributed to this report.",
]

STORY_B = [
    "Glassworks reopens as a museum of the valley's industry",
    "The old Pemberton glassworks in Ashcombe opened its doors on Saturday as a museum, "
    "eleven years after its last furnace was put out.",
    "Volunteers spent four winters cataloguing moulds, blowpipes and ledgers left behind "
    "when the works closed, and the county archive lent its photographs.",
    "The museum's curator, Idris Penhallow, said the furnace hall would host glassblowing "
    "demonstrations every weekend through the summer.",
    "Admission is free for Ashcombe residents, and the museum's café occupies the former "
    "packing shed beside the canal.",
]

BULLETED_LINKS = [
    "More From The Courier",
    "- Why the ring road will take another decade",
    "- Five walks along the old canal towpath",
    "- The bakery that survived three floods",
    "- What the census says about our villages",
    "- A guide to the county's summer fairs",
    "- How the library fought off closure",
    "- The best allotments in the county, ranked by the people who tend them every year",
    "- Want the week's best reads in your inbox every Friday morning? Sign up for our "
    "newsletter here today",
]

DATED_TEASERS = [
    "Part of our coverage of",
    "Coastal weather",
    "March 3, 2024 -- Updated 0940 GMT",
    "Here is what the new flood barriers along the estuary are built to withstand.",
    "January 19, 2024 -- Updated 1115 GMT",
    "Forecasters explain why the winter storms have grown stronger this decade.",
    "February 2, 2024 -- Updated 1620 GMT",
    "A look at the ferry crossings that close first when the wind rises.",
    "April 11, 2024 -- Updated 0805 GMT",
    "Keeping a household ready for a power cut takes less than an afternoon.",
    "What to pack in a bag that can be grabbed in the dark when the sirens sound.",
    "May 6, 2024 -- Updated 1300 GMT",
    "The coastguard's advice for anyone caught on the causeway by a rising tide.",
]

NAV_ROW = (
    "Home | Video | World | U.S. | Europe | Middle East | Business | Sport | Tech | Travel | "
    "Weather"
)


def _roles(lines: list[str]) -> list[int]:
    window: list[S._Entry] = []
    for raw in iter_lines(io.BytesIO(("\n".join(lines) + "\n").encode())):
        S._push(window, raw)
    return [e.info.role for e in window]


def _starts(lines: list[str]) -> list[int]:
    text = "\n".join(lines) + "\n"
    return [a.start_line for a in S.segment_text(text)]


def test_a_bulleted_list_of_links_goes_on_while_its_bullets_do() -> None:
    roles = _roles(STORY_A + BULLETED_LINKS)
    assert roles[len(STORY_A) :] == [BOILER] * len(BULLETED_LINKS)


def test_a_bulleted_list_past_a_labels_run_opens_no_article() -> None:
    lines = STORY_A + BULLETED_LINKS + STORY_B
    assert _starts(lines) == [1, len(STORY_A) + len(BULLETED_LINKS) + 1]


def test_dated_teasers_are_a_box_of_links() -> None:
    roles = _roles(STORY_A + DATED_TEASERS)
    assert TIMESTAMP not in roles[len(STORY_A) :]
    assert roles[len(STORY_A) + 2 :] == [BOILER] * (len(DATED_TEASERS) - 2)


@refit_miss
def test_a_box_of_dated_teasers_opens_no_article() -> None:
    lines = STORY_A + DATED_TEASERS + STORY_B
    assert _starts(lines) == [1, len(STORY_A) + len(DATED_TEASERS) + 1]


def test_a_live_page_s_dated_entries_stay_dated() -> None:
    """date / heading / text, three times: a live page's entries, no teaser box (only a
    run of one-line teasers under dates starts one)."""
    entries = []
    for day, head, text in [
        ("March 3, 2024 09:40 AM", "Ferry vote delayed", STORY_A[1]),
        ("March 3, 2024 11:15 AM", "Council meets again", STORY_A[2]),
        ("March 3, 2024 04:20 PM", "Crossing to restart", STORY_A[3]),
    ]:
        entries += [day, head, text]
    roles = _roles(entries)
    assert roles[0::3] == [TIMESTAMP] * 3


def test_a_log_s_day_sections_stay_dated() -> None:
    """Day headings without a year ("Monday, March 25") over a log's items."""
    lines = [
        "Monday, March 25",
        "THEFT: A bicycle was reported stolen from a rack outside the Ashcombe library.",
        "Tuesday, March 26",
        "ARREST: A 34-year-old man was arrested on suspicion of driving while impaired.",
        "Wednesday, March 27",
        "FRAUD: A resident reported losing money to a caller posing as a bank officer.",
    ]
    assert BOILER not in _roles(lines)


def test_a_navigation_row_with_initials_is_furniture() -> None:
    assert classify(NAV_ROW).role == BOILER
    assert classify("Home | Video | World | Europe | Business | Sport | Tech").role == BOILER
    # a sentence that happens to hold a bar is no row of links
    assert classify("Prices rose in the U.S. | and fell in Europe last month.").role != BOILER


def test_a_label_over_furniture_gives_way_to_the_story_under_it() -> None:
    """A story, a box label over links and a site's footer, then a headline-less story:
    the next story starts at its first paragraph, not at the box's label."""
    footer = [
        "Part of our coverage of",
        "Coastal weather",
        *DATED_TEASERS[2:8],
        "Most read today",
        NAV_ROW,
        "© 2024 The Courier Media Group. All rights reserved. Reproduction in whole or in "
        "part without permission is prohibited.",
    ]
    lines = STORY_A + footer + STORY_B[1:]
    assert _starts(lines) == [1, len(STORY_A) + len(footer) + 1]
    assert BODY in _roles(STORY_B[1:])


BOOK_CARDS = [
    ("The Lighthouse Keeper's Cat", "Mara Quell", "Tidewater Books, $17.99; ages 4-8"),
    ("A Winter on the Moor", "Elias Brandt", "Fernhill Press, $16.99; ages 8-12"),
    ("Counting the Herons", "Ottilie Crane", "Marsh & Reed, $15.99; ages 3-6"),
    ("The Clockmaker's Apprentice", "Jonah Pettifer", "Gearwheel, $18.99; ages 10-14"),
]


def _book_list() -> list[str]:
    lines = [
        "Our reviewers pick the season's best new books for young readers, from picture "
        "books to novels for teenagers, with something for every shelf.",
    ]
    blurbs = [
        "A cat who keeps a lighthouse lamp burning through a storm saves a fishing boat in "
        "this gently funny picture book.",
        "Two sisters spend a hard winter on their grandmother's moor farm and learn what the "
        "old shepherd's songs were really about.",
        "Toddlers count herons, frogs and reeds along a misty river in luminous watercolours "
        "that reward many readings.",
        "An orphan apprenticed to a clockmaker uncovers a plot to stop every clock in the "
        "city at midnight on New Year's Eve.",
    ]
    for (title, author, imprint), blurb in zip(BOOK_CARDS, blurbs, strict=True):
        lines += [title, author, imprint, blurb]
    return lines


def test_a_list_of_cards_inside_a_story_opens_no_articles() -> None:
    """title / author / "Imprint, $17.99; ages 4-8" / blurb, four times: one article's
    list of books, however much each card looks like a page's header."""
    lines = STORY_A + _book_list()
    starts = _starts(lines)
    assert starts[0] == 1
    assert len(starts) <= 2  # (the list may be an article of its own, not four)
    assert all(s <= len(STORY_A) + 2 for s in starts)


def test_a_buying_guide_s_product_cards_open_no_articles() -> None:
    """product name / "$119.00" / "Available from X" / "Buy Now", under a paragraph on
    each product: a buying guide's cards, inside it."""
    guide = [
        "The best wireless earphones for running this spring",
        "We tested a dozen pairs of earphones on long runs in the rain to find the ones "
        "that stay put, last the distance and still sound good at the finish.",
    ]
    for name, price, blurb in [
        ("Trailbeat Sport Earbuds - Black", "$119.00", "Light hooks keep these in place."),
        ("Pacer Air 2 Wireless Earphones", "$89.99", "The battery lasts a marathon twice."),
        ("Strider Pro Buds (2024 model)", "$149.50", "Sweat-proof and easy to pair."),
    ]:
        guide += [
            f"{blurb} Our testers wore them for a month of early runs and liked them.",
            name,
            price,
            "Available from Amazon",
            "Buy Now",
        ]
    roles = _roles(guide)
    for k, line in enumerate(guide):
        if line.startswith("$") or line in ("Available from Amazon", "Buy Now"):
            assert roles[k] == BOILER and roles[k - 1] == BOILER, line  # (and its name)
    starts = _starts(STORY_A + guide)
    first = len(STORY_A) + 1
    assert starts[0] == 1 and first <= starts[1] <= first + 1
    assert len(starts) == 2  # no product card opens an article


@refit_miss
def test_a_list_of_items_of_several_lines_goes_on_past_a_label_s_run() -> None:
    """ "Most Popular" / (section / headline / author) four times: twelve lines, more
    than a label's LIST_ITEMS, all the list's."""
    items = [
        ("Gear", "Thirty Essential Tools Every Home Workshop Should Have", "Mara Quell"),
        ("Business", "The Ferry Company That Bet Everything on Electric Boats", "Elias Brandt"),
        ("Culture", "Why Nobody Can Agree on the Best Seaside Town", "Ottilie Crane"),
        ("Science", "What the Estuary's Mud Tells Us About the Last Ice Age", "Jonah Pettifer"),
    ]
    box = ["Most Popular"] + [line for item in items for line in item]
    roles = _roles(STORY_A + box)
    assert roles[len(STORY_A) :] == [BOILER] * len(box)
    starts = _starts(STORY_A + box + STORY_B)
    # (one story after the box; the learned placement may take the last item's author,
    # a bare name over a headline, for the next story's byline: within a line)
    assert len(starts) == 2 and abs(starts[1] - (len(STORY_A) + len(box) + 1)) <= 1


def test_items_under_a_line_ending_in_a_colon_are_its_list() -> None:
    """ "... include:" / three short item lines (one reads like a name) / paragraph:
    the items of the story's list, not a new page's headline and byline."""
    story = [
        "Doctors now test lung tumours for the changes that drive them, because each one "
        "has a drug aimed at it and the right choice can add years to a patient's life.",
        "The driver mutations found most often in lung tumours include:",
        "EGFR mutations",
        "KRAS mutations",
        "Dana Rearrangements",
        "MET mutations",
        "Each is found with a test of the tumour's tissue or of a sample of the patient's "
        "blood, and the results usually come back within two weeks.",
        "Patients whose tumours carry none of them are treated with immunotherapy first, "
        "the clinic's lead oncologist said.",
    ]
    assert _starts(STORY_A + story) == [1, len(STORY_A) + 1]


def test_a_bare_name_between_two_paragraphs_opens_no_page() -> None:
    """paragraph / "Michael Shadlen, Ph.D." / paragraph: a photo's caption (or its
    credit, "West Merica Police") inside the story, no page's byline."""
    for name in ["Ruth Abernethy, Ph.D.", "Tollbridge Harbour Police"]:
        lines = [*STORY_A[:4], name, *STORY_A[4:6]]
        assert _starts(lines) == [1], name


def test_a_post_s_byline_with_its_date_between_paragraphs_may_open_a_page() -> None:
    """paragraph / "Posted by <group> · 19 July 2025" / paragraph: a campaign's post
    under its slogan of a headline, not a photo's credit (a credit names no date and
    posts nothing): the rules weigh it as the byline it is."""
    for row, credit in (
        ("Posted by Climate Action Velmora · 19 July 2025", False),
        ("Malaria Free Future | Statement | 10 November 2025", False),
        ("Anneke Strand", True),
    ):
        w = window([STORY_A[3], row, STORY_A[4]])
        assert w[1].info.role == BYLINE and S._name_between(w, 1) is credit, row
