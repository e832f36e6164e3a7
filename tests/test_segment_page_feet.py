"""Page feet met in freshly written dumps (fifteenth session), on invented text: where
a page's footer ends it, the paragraph under it opens the next page, cue or none."""

from __future__ import annotations

import pytest
from test_segment_pages import FLOODS, ORCHESTRA, _starts, _two_pages
from test_segment_subheads import _entries

from worker import segment as S
from worker.clean import BOILER, BYLINE, CLOSE, TIMESTAMP, classify


def test_a_footer_ending_in_a_copyright_line_ends_the_page() -> None:
    """an official page / "Was this page helpful?" / "Yes" / "No" / its links row /
    "© Halverton County Council" / a story with no header: the footer closed the page,
    so the headline-like lines above it (the page's own links) are no header of the
    paragraph under it."""
    page = [
        "Apply for a flood recovery grant",
        "Households flooded in March can apply for a one-off grant of up to £500.",
        "Who can apply",
        "Apply online",
        "Check what help you can get",
        "Was this page helpful?",
        "Yes",
        "No",
        "Contact us | Accessibility statement | Cookies | Privacy notice",
        "© Halverton County Council",
    ]
    _two_pages(page, FLOODS)


def test_a_comment_sections_furniture_ends_its_page() -> None:
    """The comment form's title and foot, the button under the comments, a licence
    notice: lines that only ever close a page."""
    for line in (
        "Leave a Reply",
        "Leave a reply Cancel reply",
        "Load more comments",
        "Show more comments",
        "Your email address will not be published. Required fields are marked *",
        "All content is available under the Open Government Licence v3.0, except where"
        " otherwise stated",
    ):
        info = classify(line)
        assert info.role == BOILER and info.end, line


def test_a_story_under_a_comment_form_opens_a_page() -> None:
    """a blog post / its comments / "Leave a Reply" / "Your email address will not be
    published." / a story with no header: the form closed the blog's page."""
    post = [
        "Why our orchestra fundraiser worked",
        *ORCHESTRA[:4],
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ]
    _two_pages(post, FLOODS)


def test_a_short_official_page_closed_by_its_licence_keeps_its_start() -> None:
    """a guidance page (a headline, a few paragraphs, its list of contents) /
    "Is this page useful?" / its licence notice / a story with no header: the story
    starts under the licence, though the page above would keep no second paragraph."""
    page = [
        "National Minimum Wage rates",
        "Guidance",
        "Updated 28 November 2026",
        "Most workers aged 21 and over must be paid at least the National Living Wage, which"
        " rises every April after a review by the Low Pay Commission.",
        "If you pay less than the minimum wage, you may have to pay arrears to your workers"
        " and a penalty of up to twice the amount owed.",
        "Check you are paying the right amount with the minimum wage calculator.",
        "Contents",
        "1. Who gets the minimum wage",
        "2. Rates from 1 April 2027",
        "3. What counts as pay",
        "4. Penalties for underpaying",
        "Is this page useful? Yes  No  Report a problem with this page",
        "All content is available under the Open Government Licence v3.0, except where"
        " otherwise stated",
    ]
    _two_pages(page, FLOODS)


def test_an_interview_starts_at_its_headline_over_its_interviewer() -> None:
    """story / headline / "Interview by Jo Park" / introduction with its editing note /
    question / answer ...: the page starts at the headline signed by the line under it,
    not at the first question (the learned placement may not move a start down past a
    headline's "By" line)."""
    interview = [
        "‘We are triaging justice’: a public defender on caseloads and burnout",
        "Interview by Callum Reyes",
        "The county's public defender's office has lost a third of its lawyers in two years."
        " We spoke to a supervising attorney about what that means for clients. This"
        " interview has been edited for length and clarity.",
        "How many cases are you carrying right now?",
        "About 140 open felony files. The national standards say it should be closer to 50,"
        " and some of my newer colleagues are over 200.",
        "What does that mean for a client?",
        "It means I might meet them for the first time ten minutes before their arraignment,"
        " in a hallway, with three other people listening.",
        "Does that push people toward plea deals?",
        "Of course it does. A plea is the one thing the system can always process quickly,"
        " and everyone in the building knows it.",
    ]
    _two_pages(FLOODS, interview)


def test_comments_between_reply_rows_open_no_page() -> None:
    """story / "Comments (3)" / a comment: name, time, text, "Reply · 12 likes" / two
    more, each closed by its row of actions / next page: the names and short lines
    between two action rows are one reader's comment, never a page's headline."""
    comments = [
        "Comments (3)",
        "river_watcher",
        "2 hours ago",
        "Great coverage. The barrier held because of the 2007 money, not luck.",
        "Reply · 12 likes",
        "Dr Fenwick",
        "Upton Residents Say Thanks",
        "Reply · 4 likes",
        "Port Tewkesbury Renter · 3 hours ago",
        "Tewkesbury flooded anyway, whatever the agency says about its walls and pumps.",
        "Reply · 1 like",
    ]
    lines = [
        "Severn barriers hold as river peaks",
        *FLOODS,
        *comments,
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(FLOODS) + len(comments) + 2]


def test_a_start_under_a_sites_crumb_moves_up_to_the_sites_name() -> None:
    """statement / its status line, app button and copyright / "TRAVEL SENSE" / "Home  ›
    Ferries  ›  Advice" / headline / "By ... | 5 min read" / story: a start put on the
    crumb under the site's name moves up onto the name, the top of the page."""
    lines = [
        "Halverton Youth Orchestra statement on the cancelled Vienna tour",
        *ORCHESTRA,
        "Tour status: All concerts going ahead",
        "Download the Halverton app",
        "© Halverton Youth Orchestra Ltd. Registered in Halverton No. 41172.",
        "TRAVEL SENSE",
        "Home  ›  Ferries  ›  Advice",
        "Is it safe to travel by river this winter? What passengers need to know",
        "By Anoushka Feld | 18 November | 5 min read",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 5]


def test_a_short_rubric_over_a_headline_is_no_subheading() -> None:
    """story on energy bills / "How a smart meter talks to your supplier" / "Explainer" /
    the explainer: two headline lines between paragraphs, a headline and its short
    rubric, are a new page's header, not a subheading (which is one line): the short
    rubric does not count against it as a short subheading would."""
    story = [
        "Energy firms told to refund customers billed years late",
        "Energy suppliers have been ordered to refund customers who were sent bills for gas"
        " and electricity used more than a year earlier, the regulator said on Monday.",
        "The rules limit back-billing to twelve months, but the regulator found that three"
        " suppliers had charged customers for energy used up to four years before.",
        "About 40,000 households are owed refunds averaging £310, the regulator said, and"
        " suppliers must contact them by the end of the month.",
        "Consumer groups said many customers had paid the late bills without knowing that"
        " the law protected them, and urged anyone billed late to check their statements.",
        "One supplier said it had fixed the smart meter fault that stopped readings reaching"
        " its billing system and apologised to the customers affected.",
    ]
    page = [
        "How a smart meter talks to your supplier",
        "Explainer",
        "A smart meter sends its readings over a radio link to a communications hub, a"
        " small box usually fixed on top of it or beside it under the stairs.",
        "The hub passes them over a mobile network to a national data company, which"
        " forwards them every half hour to whichever firm holds the account.",
        "In tower blocks and rural valleys the signal is often too weak, and engineers fit"
        " an aerial or a mesh repeater on a landing or in a loft.",
        "If the screen of the in-home display shows a red cross, the hub has lost touch"
        " and the readings are queued until the link returns.",
    ]
    entries = _entries([*story, *page])
    at = len(story)  # the headline
    assert _subhead(entries, at) == 0.0
    lone = [*story, "What to do next", *page[2:]]
    assert _subhead(_entries(lone), at) == 1.0  # a short line alone between paragraphs


def _subhead(entries: list, i: int) -> float:
    coh, terms = S._cohesion_terms(entries)
    features = S._features(entries, i, S._appeal_zone(entries), coh, terms)
    assert features is not None
    return features[S.FEATURES.index("subhead")]


def test_a_readers_obituary_opens_with_a_lead() -> None:
    """ "My friend Jo Park, who has died aged 91, ...": the opening of a reader's
    obituary reads as a lead, like "Jo Park, who has died aged 91, ..."."""
    for line in (
        "My friend Margaret Ellery, who has died aged 91, read meters for thirty years.",
        "Our colleague Tom Hale, who died on Sunday aged 64, ran the newsroom for a decade.",
        "Margaret Ellery, who has died aged 91, read meters for thirty years.",
    ):
        assert classify(line).dateline, line
    assert not classify("My friend said the meter was read in March, aged or not.").dateline


def test_a_start_on_a_sites_name_over_its_menu_stays_there() -> None:
    """story / "Halverton Policy Forum" / "Research · Commentary · Events · About" /
    "Commentary" / headline / writer / date / story: the start the rules put on the
    site's name stays there (the learned placement moved it to the rubric under the
    menu)."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "Halverton Policy Forum",
        "Research · Commentary · Events · About",
        "Commentary",
        "A deal on paper: why the Severn flood plan may not survive its first wet winter",
        "Dr. Mireille Tambwe, Senior Fellow, Water and Security Programme",
        "14 May 2025 · 9 min read",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 2]


def test_a_blogs_name_and_tagline_over_its_menu_top_its_page() -> None:
    """story / "Dark Skies, Cold Coffee" / "a backyard astronomy blog" / its menu / date /
    post title / post: the blog's name tops the page, over its tagline and menu."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "Dark Skies, Cold Coffee",
        "a backyard astronomy blog",
        "Home   About   Gear   Sketches   Contact",
        "Friday, June 14",
        "Observing log: chasing the comet with an 8-inch telescope from a dark backyard",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 2]


def test_a_signed_headline_under_a_gallerys_last_photo_opens_a_page() -> None:
    """gallery: title / "Photo 1 of 3" / caption / ... / last caption / headline / "By
    ..." / story: the headline signed under it opens the next page; the photos above it
    are the gallery's, not its lead photo."""
    gallery = [
        "In pictures: the Severn floods",
        "Photo 1 of 3",
        "The river overtops the quay wall in Upton on Monday morning. Photograph: Dylan Roake",
        "Photo 2 of 3",
        "A firefighter carries a resident from a house on Quarry Street. Photograph: Dylan Roake",
        "Photo 3 of 3",
        "Volunteers fill sandbags at the village hall. Photograph: Beth Ngata",
    ]
    lines = [
        *gallery,
        "Orchestra to tour Japan after appeal",
        "By Sol Hemmings, arts correspondent",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(gallery) + 1]


def test_a_sites_name_under_a_press_releases_notes_tops_the_next_page() -> None:
    """release / "ENDS" / "Notes to editors" / notes / "Kelsford Evening News" / its menu
    row / crumb / headline / story: the notes block took the site's name in as one of
    its lines, but a name over a menu row tops the next page."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "ENDS",
        "Notes to editors",
        "High-resolution images are available on request.",
        "For media enquiries contact the orchestra's office on 01632 960 440.",
        "Kelsford Evening News",
        "News | Sport | Kelsford FC | What's On | Business | Property | Jobs",
        "News › Weather",
        "River defences hold as Severn peaks",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 6]


def test_a_story_under_a_wire_storys_closing_credit_opens_a_page() -> None:
    """wire story / "(Reporting by ...; Editing by ...)" / a column on the same floods
    with no header, opening "There is ...": the bracketed credit is the wire story's
    very end, so the column starts a page though it opens like a continuation."""
    column = [
        "There is a particular kind of flood story that the broadcasters adore, and you are"
        " about to be drowned in it: the barrier that held, the engineers in hi-vis.",
        "What the studio will not say out loud is that the walls at Upton were paid for by"
        " a scheme that ministers tried to cancel twice in the last decade.",
        "Ask the farmers downstream, whose fields are under water every winter now, whether"
        " they feel protected by a wall that was built to save a car park.",
        "The review due in the spring will be told that the barriers worked. It should ask"
        " who they worked for, and who was left on the wrong side of them.",
        "Until then, enjoy the footage of the river lapping at the top of the wall. It is"
        " the most expensive television the agency has ever made.",
    ]
    lines = [
        "Severn barriers hold as river peaks",
        *FLOODS,
        "(Reporting by Owen Hadlee; Editing by Priya Mannan)",
        *column,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 3]


def test_a_row_led_by_its_date_is_the_pages_time() -> None:
    """ "Updated June 2 · By the Forkful staff", "Issued: 26 June 2025 | Next issue: 24
    July 2025": a row whose first cell is a date is the page's time, not a headline or
    a paragraph, so the header it sits in opens a page."""
    rows = [
        "Updated June 2 · By the Forkful staff",
        "Issued: 26 June 2025 | Next issue: 24 July 2025",
        "Updated 9 March 2025 · All 11 polls reporting",
    ]
    for row in rows:
        entries = _entries([*FLOODS, "Ossia is closing. Here is where to eat", row])
        assert entries[-1].info.role == TIMESTAMP, row
    # a paragraph with a bar in it is no such row
    entries = _entries([*FLOODS, "Prices rose in the U.S. | and fell in Europe last month."])
    assert entries[-1].info.role != TIMESTAMP


def test_a_list_of_rows_shaped_like_datelines_holds_no_leads() -> None:
    """notice / "Candidates in ballot paper order:" / "PRICE, Delphine – Greenway" /
    "FAIRWEATHER, Jesse – Independent" / ...: rows in the shape of a dateline ("PLACE,
    Country – ...") next to one another are a list's, none of them a story's lead."""
    rows = [
        "PRICE, Delphine – Greenway",
        "O'HALLORAN, Martin – Progressive Union",
        "FAIRWEATHER, Jesse – Independent",
        "MACAULAY, Tessa – Country & Coast",
    ]
    entries = _entries([*FLOODS, "Candidates in ballot paper order:", *rows])
    assert not any(e.info.dateline for e in entries[-len(rows) :])
    assert classify(
        "BEIJING, China – Officials said on Tuesday that the talks would resume."
    ).dateline


def test_a_start_on_a_pages_last_links_moves_under_its_foot() -> None:
    """recall notice / "Back to recall search" / "Page last reviewed: 3 March 2025" /
    "DriveWise" / headline / story: a start put on the notice's last links (over its
    review date, which reads like a header's) moves under the foot of its page, onto the
    next page's first line."""
    notice = [
        "Recall: braking software fault in Halverton vans",
        "Owners of affected vans should book a free software update at any dealer.",
        "Status: Mandatory recall. Vans that have not received the update will not pass"
        " their next safety inspection.",
        "Check whether your vehicle is affected: enter your vehicle identification number",
        "Back to recall search",
        "Page last reviewed: 3 March 2025",
    ]
    _two_pages(notice, ["DriveWise", "Severn barriers hold as river peaks", *FLOODS])


def test_a_sites_name_at_the_end_of_a_topics_list_over_its_menu_tops_the_page() -> None:
    """story / "Related Topics" / topics / "Northvale Bank" / "Personal  Business  Help &
    Support  Log in" / crumb / headline / story: the list's last "topic" over a menu of
    four sections is the next site's name, the top of its page."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "Related Topics",
        "Music",
        "Halverton",
        "Northvale Bank",
        "Personal  Business  Help & Support  Log in",
        "Help & Support › Service status",
        "Service update: problems logging in to Online Banking",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 5]


def test_a_name_in_capitals_over_two_sections_tops_the_page() -> None:
    """story / "More from Higher Education" / links / "THE EASTMARCH LANTERN" / "OPINION ·
    EDITORIAL" / headline / editorial: the paper's name in capitals over its two
    sections tops the page, though the links list above took it in."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "More from Higher Education",
        "Why universities struggle to police their own labs",
        "Federal research funding: the cuts coming to your state's campuses",
        "THE EASTMARCH LANTERN",
        "OPINION · EDITORIAL",
        "The Lantern's view: the county must not plan its flood defences in the dark",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 5]


def test_a_lone_headline_under_share_buttons_is_no_subheading() -> None:
    """story on the floods / "Share on Facebook  Share on X  Email" / "Barrier failed
    again at Upton, say residents" / a story on the same floods: a headline under the
    buttons that close a page opens the next, however much the two stories share."""
    story = [
        "Severn barriers hold as river peaks",
        *FLOODS,
        "Share on Facebook  Share on X  Email",
    ]
    nxt = [
        "Upton residents say the barrier failed them again",
        "Shopkeepers on Old Street spent Tuesday pumping brown water out of their cellars and"
        " asking why the new walls had not kept it out.",
        "The water came up through the drains behind the walls, said Margaret Ellis, whose"
        " bakery has flooded four times since she opened it.",
        "Her neighbours have started a petition asking the council to fit valves on the"
        " outfalls before next winter, and it has nearly a thousand names.",
        "The agency said it would send an engineer to look at the outfalls once the level"
        " had fallen, and would meet the traders at the library next week.",
    ]
    _two_pages(story, nxt)


def test_a_pages_tools_and_a_blogs_post_links_are_its_foot() -> None:
    """ "Print this page | Back to press releases", "Embed this chart | Download the data
    (CSV)", a blog's links to its previous and next posts: a page's last lines; and a
    start put on the post links moves under them, onto the next page's first line."""
    for line in (
        "Print this page | Back to press releases",
        "Embed this chart | Download the data (CSV)",
        "« Packing list for a fortnight on tour",
        "Home at last (and never flying economy again) »",
    ):
        assert S._foot_line(line), line
    assert not S._foot_line("Print journalism is not dead | says the editor")
    post = [
        "Why our orchestra fundraiser worked",
        *ORCHESTRA[:4],
        "Posted in Fundraising | Tagged orchestra, Japan | 23 Comments",
        "« Packing list for a fortnight on tour",
        "Home at last (and never flying economy again) »",
    ]
    _two_pages(post, ["Halverton Water", "Severn barriers hold as river peaks", *FLOODS])


def test_a_pages_tools_and_feedback_prompts_are_furniture() -> None:
    """ "Cite this article", "Load earlier entries", "Was this explainer helpful? Yes /
    No", "Report this page": a page's tools and its feedback prompt, not headlines over
    the next page's header ("Report" alone is a rubric, and stays a headline)."""
    for line in ("Cite this article", "Load earlier entries"):
        info = classify(line)
        assert info.role == BOILER and info.widget, line
    for line in ("Was this explainer helpful? Yes / No", "Report this page"):
        info = classify(line)
        assert info.role == BOILER and info.end, line
    assert classify("Report").role != BOILER
    entries = _entries([*FLOODS, "Reply  Quote  Report"])
    assert entries[-1].info.role == BOILER  # a post's buttons, even alone


def test_a_live_pages_welcome_at_its_foot_ends_it() -> None:
    """live page, newest entry first / ... / "09:00" / "Good morning and welcome to our
    live coverage ..." / a story on the same floods with no header: the welcome is the
    page's oldest entry, its last line, so the story under it opens a page; a welcome
    with entries' times under it (oldest first) ends nothing."""
    live = [
        "Live: Severn floods – river peaks at Upton",
        "12:40",
        "The Environment Agency says the river has peaked at Upton, just below 2007's record.",
        "10:15",
        "About 40 homes in low-lying streets have been evacuated as a precaution.",
        "09:00",
        "Good morning and welcome to our live coverage of the Severn floods. Please do not"
        " travel unless you must.",
    ]
    story = [
        "Shopkeepers on Old Street spent Tuesday pumping brown water out of their cellars and"
        " asking why the new walls had not kept it out.",
        "The water came up through the drains behind the walls, said Margaret Ellis, whose"
        " bakery has flooded four times since she opened it.",
        "Her neighbours have started a petition asking the council to fit valves on the"
        " outfalls before next winter, and it has nearly a thousand names.",
        "The agency said it would send an engineer to look at the outfalls once the level"
        " had fallen, and would meet the traders at the library next week.",
    ]
    _two_pages(live, story)
    entries = _entries([*live[:1], live[-1], "09:05", live[2]])
    assert not S._live_page_end(entries, 1)


def test_two_short_lines_between_paragraphs_stay_subheadings() -> None:
    """A list's short entries between paragraphs ("Bookworld (1989–2022)" / "The Travel
    Shop (1999–2023)") keep the subheading weight: only a header with a headline of some
    length is spared it."""
    story = ["Severn barriers hold as river peaks", *FLOODS]
    lines = [*story, "Bookworld (1989–2022)", "The Travel Shop (1999–2023)", *ORCHESTRA[:2]]
    assert _subhead(_entries(lines), len(story)) == 1.0


def test_run_together_reply_buttons_make_a_comment_row() -> None:
    """ "ReplyQuote" (a forum's two buttons with the space lost) is a comment's row of
    actions like "Reply  Quote": the name and time between two of them are a post's."""
    assert S._REPLY_BAR.match("ReplyQuote")
    assert not S._REPLY_BAR.match("Replying to the council")
    posts = [
        "Planning to walk the gorge in May. Is the upper path open by then?",
        "ReplyQuote",
        "trailmix_tom",
        "Posted 14 April 2024",
        "It was closed last year until June because of rockfall. Check the park website.",
        "ReplyQuote",
    ]
    entries = _entries([*FLOODS, *posts])
    assert entries[-3].info.role != TIMESTAMP  # the post's time, furniture now


def test_a_pointer_to_the_broadcast_version_is_a_promo() -> None:
    """ "Listen to the full story on Territory Drive", "Watch FOX Weather on your favorite
    streaming service": the station's promo, dropped from the story's text; advice that
    opens with "Watch" is not."""
    for line in (
        "Listen to the full story on Territory Drive, weekdays from 4pm.",
        "Watch the full report from the courthouse on KXVA 7 News at 6.",
        "Watch FOX Weather on your favorite streaming service.",
    ):
        assert classify(line).role == BOILER, line
    advice = "Watch out for SIM swaps. Ask your network to put a PIN on your account."
    assert classify(advice).role != BOILER


def test_a_letters_pages_address_for_letters_ends_its_page() -> None:
    """ "Send your letters to letters@...", "Letters should be no more than 250 words and
    must include ...": the foot of a letters page, so what follows is another page."""
    for line in (
        "Send your letters to letters@courierreview.example. Letters may be edited.",
        "Letters should be no more than 250 words and must include the writer's address.",
    ):
        info = classify(line)
        assert info.role == BOILER and info.end, line
    assert not classify("Letters to the editor").end


def test_a_paywalls_login_line_ends_its_page() -> None:
    """ "Already a subscriber? Log in": the last line of a paywall's box, where the page
    is cut off; the story under it is another page's."""
    info = classify("Already a subscriber? Log in")
    assert info.role == BOILER and info.end
    story = [
        "Severn barriers hold as river peaks",
        *FLOODS[:3],
        "Subscribe to continue reading",
        "Already a subscriber? Log in",
    ]
    column = [
        "There is a particular kind of flood story that the broadcasters adore, and you are"
        " about to be drowned in it: the barrier that held, the engineers in hi-vis.",
        "What the studio will not say out loud is that the walls at Upton were paid for by"
        " a scheme that ministers tried to cancel twice in the last decade.",
        "Ask the farmers downstream, whose fields are under water every winter now, whether"
        " they feel protected by a wall that was built to save a car park.",
    ]
    _two_pages(story, column)


def test_a_blank_line_above_a_comments_row_is_no_row() -> None:
    """A blank line a few lines over a comment's row of actions: its empty text is no row
    of buttons (it crashed the look back for the row above)."""
    text = (
        "A headline about the harbour\n\nJo Park\nGreat story, thanks.\nReply · Quote · 3 likes\n"
    )
    assert [a.start_line for a in S.segment_text(text)] == [1]
    blanks = ["", *FLOODS[:2], "", "Reply · 12 likes", "", "river_watcher", "Reply · 4 likes"]
    assert _entries([*FLOODS, *blanks])  # no error


def test_blank_lines_anywhere_in_written_dumps_break_nothing() -> None:
    """Blank and whitespace lines sprinkled through the written dumps that hold comment
    threads (scrapers leave them anywhere): segmentation runs through, every line in
    exactly one article."""
    import itertools
    import random
    from pathlib import Path

    rng = random.Random(7)
    held = Path(__file__).parent / "fixtures" / "segment" / "heldout"
    dumps = [p for p in sorted(held.glob("*-[0-9].txt")) if "Reply" in p.read_text("utf-8")]
    assert dumps
    for path in dumps:
        lines: list[str] = []
        for line in path.read_text("utf-8").split("\n"):
            lines.append(line)
            if rng.random() < 0.15:
                lines.append(rng.choice(["", "   "]))
        arts = S.segment_text("\n".join(lines))
        spans = [(a.start_line, a.end_line) for a in arts]
        assert spans[0][0] == 1 and all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans))


# --- thirty-fifth session: a statement signed at its foot, then its appeal's button.

_STATEMENT = [
    "Statement on the harbour pilots' dispute",
    "3 March 2025",
    "The Harbour Pilots' Association notes reports that ministers are drafting a law to"
    " order our members back to the boats.",
    "Our members did not choose this dispute lightly. They voted for action by 91% after"
    " fourteen months in which the port authority refused to discuss rest periods.",
    "We have attended every meeting the mediator has called, and we have said in public"
    " and in private that we are ready to settle on fair terms.",
    "If the government legislates, it will not be ending a dispute. It will be taking"
    " sides in one, and every pilot in the country will remember it.",
]
_PILOTS_REPORT = [
    "Ministers to end harbour pilots' strike by law",
    "Ministers to end harbour pilots' strike by law",
    "Ministers to end harbour pilots' strike by law",
    "By Tomas Reyes",
    "NORRVIK (NPA) – The government said on Tuesday it would bring in emergency legislation"
    " to end a nine-day strike by harbour pilots that has stranded ships at three ports.",
    "The transport minister told parliament the bill would be tabled on Thursday and could"
    " pass by the weekend, with the coalition's majority of eleven seats.",
    "More than 60 vessels were waiting at anchor off Norrvik on Tuesday, the port authority"
    " said, and two ferry lines have cancelled crossings until further notice.",
    "The pilots' association said it would challenge any such law in the courts.",
]


def test_a_signature_and_an_appeal_under_a_statement_end_its_page() -> None:
    """statement / "Mara Lindqvist" / "General Secretary, HPA" / "Donate
    to the pilots' hardship fund" / a headline printed three times, a byline, a dateline
    lead: a name and the signer's post under a paragraph sign the page above, and the
    appeal under them ends it, so the headline opens the next page (before, the signature
    was read as a header over the headline, and the report ran on inside the statement)."""
    statement = [
        *_STATEMENT,
        "Mara Lindqvist",
        "General Secretary, HPA",
        "Donate to the pilots' hardship fund",
    ]
    starts = _starts([*FLOODS, *statement, *_PILOTS_REPORT])
    assert starts == [1, len(FLOODS) + 1, len(FLOODS) + len(statement) + 1], starts


def test_a_site_name_over_an_appeal_row_opens_the_next_page() -> None:
    """story / "Harbour Pilots' Association" / its menu row with "Donate" / headline: one
    name line alone under a paragraph is as often the next page's site over its menu as a
    signature (so the name, not the headline, opens the next page)."""
    starts = _starts(
        [
            *FLOODS,
            "Harbour Pilots' Association",
            "Donate | Become a member | Contact us",
            *_PILOTS_REPORT,
        ]
    )
    assert starts == [1, len(FLOODS) + 1], starts


# --- thirty-fifth session: readers' comments set as "handle: text" under their count.

_OP_ED = [
    "Opinion: The river has moved. Our flood maps have not",
    "By Dr Lisa Hale",
    "Every flood map in the valley was drawn for a river that no longer exists. The"
    " channel has shifted west by forty metres since the maps were made in 1998.",
    "Insurers know this. Their own models were redrawn three years ago, and premiums in"
    " the lower town have doubled since, while the council's maps still show it as safe.",
    "The result is a town where people buy houses that the law says are dry and the"
    " market says are not, and find out which is right only when the water comes.",
    "The maps should be redrawn every five years, at the council's cost, and published.",
    "Dr Lisa Hale is a hydrologist at the University of the Marches.",
]
_HANDLE_COMMENTS = [
    "Comments (3)",
    "Severn_skipper: Easy to write this from an office. Who pays for the new survey?",
    "marit.h: The first sensible thing I have read about this whole mess.",
    "Old Mill Row: Our street flooded twice in ten years and the map says it never will.",
]


def test_comments_set_as_handle_and_text_under_their_count_open_no_page() -> None:
    """op-ed / bio / "Comments (3)" / "Severn_skipper: Easy to write this ..." / two more
    / a story with no header: a line "handle: text" under a thread's count, or under
    such a comment, is a reader's comment (39 in the written dumps, none a page's first
    line), no page's start, and the comments go with the op-ed, so the story under them
    stands apart (before, op-ed, comments and story were read as one page)."""
    lines = [*_OP_ED, *_HANDLE_COMMENTS, *ORCHESTRA]
    assert _starts(lines) == [1, len(_OP_ED) + len(_HANDLE_COMMENTS) + 1]
    w = _entries(lines)
    first = len(_OP_ED) + 1
    assert [e.info.ad for e in w[first : first + 3]] == [True, True, True]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Update: the council said on Wednesday that the survey would begin in May.",
            "Update: Tickets for the send-off concert go on sale on Monday at the town hall.",
        ),
        ("Joan R.", "Tom B."),  # (a reader's name, thirty-sixth session)
    ],
)
def test_a_comments_shape_away_from_a_thread_is_no_comment(first: str, second: str) -> None:
    """ "Update: the council ..." or "Joan R." under a paragraph, or under a count with a
    headline between, is no reader's comment or name: those are read only inside a
    thread."""
    lines = [*FLOODS[:2], first, "Comments (3)", "Orchestra to tour Japan after appeal", second]
    w = _entries(lines)
    assert not w[2].info.ad and not w[5].info.ad


# --- thirty-sixth session: readers' names over their comments under the count.

_NAMED_COMMENTS = [
    "6 comments",
    "Joan R.",
    "Well done. The map is years late, and the insurers knew it first.",
    "river_watcher88",
    "And who pays for the new survey? Not the insurers, I bet.",
    "Mary-Ann K.",
    "Our street flooded twice in ten years and the map says it never will.",
    "Per K",
    "Beautifully put. The council should read this before the next vote.",
]


def test_readers_names_over_their_comments_open_no_page() -> None:
    """op-ed / bio / "6 comments" / "Joan R." / her comment / "river_watcher88" / "Per K" ...
    / a story with no header: a first name and an initial (never a page's first line in
    30 cases in the written dumps), or a handle, under a thread's count or another
    comment is a reader's name, and the text under it a comment: before, each name was
    read as a byline opening a page."""
    lines = [*_OP_ED, *_NAMED_COMMENTS, *ORCHESTRA]
    assert _starts(lines) == [1, len(_OP_ED) + len(_NAMED_COMMENTS) + 1]
    w = _entries(lines)
    first = len(_OP_ED) + 1
    assert [e.info.ad for e in w[first : first + 8]] == [True] * 8
    assert all(e.info.role == BOILER for e in w[first : first + 8 : 2])


_BRIEF = [
    "Beyond the harbour: can Tessin keep its shipyards?",
    "Harbour Policy Institute · Policy Brief",
    "Tessin builds about a tenth of the region's ferries but captures little of the value"
    " of the engines, electronics and design work that go into them.",
    "The yards' order books are full until 2027, but almost every order depends on a"
    " public subsidy that the government has said it will not renew.",
    "We recommend that the ministry tie any renewed subsidy to training places and to"
    " the share of each ship's value that is made in Tessin.",
]


def test_a_papers_authors_under_its_text_end_its_page() -> None:
    """policy brief / "Authors: Dr Ivo Radek and Milena Sorel" / the next page's
    dateline lead: the authors' line under a paper's last paragraph is its signature
    (never a page's first line in the written dumps; the page's last in 6 of 7), so the
    next page opens under it, not on it."""
    lines = [
        *_BRIEF,
        "Authors: Dr Ivo Radek and Milena Sorel, Harbour Policy Institute",
        "VESSENBURG (Meridian Press) – The ferry operator Nordlink said on Tuesday it had"
        " ordered four new ships from a yard abroad, citing the cost of building in Tessin.",
        *ORCHESTRA[1:],
    ]
    assert _starts(lines) == [1, len(_BRIEF) + 2]
    assert _entries(lines)[len(_BRIEF)].info.role == CLOSE


def test_authors_under_a_headline_stay_a_byline() -> None:
    w = _entries([_BRIEF[0], "Authors: Dr Ivo Radek and Milena Sorel", *_BRIEF[2:]])
    assert w[1].info.role == BYLINE


@pytest.mark.parametrize(
    "credit", ["— Coastline Press", "— Pacific Rim News Service", "– Helen Marsh"]
)
def test_a_dashed_credit_under_a_story_ends_its_page(credit: str) -> None:
    """story / "— Coastline Press" / headline / byline / the next page: a short line led
    by a dash under a paragraph sources or signs the page above (its last line 46 times
    in the written dumps, never a page's first), so the next page opens under it, not on
    it."""
    page = [
        "How the youth orchestra paid its way to Japan",
        "By Niall Ferrier",
        "The Sorrel Review",
        *ORCHESTRA,
    ]
    _two_pages(["Severn barriers hold as river peaks", *FLOODS, credit], page)


def test_a_dashed_line_with_a_sentence_is_no_credit() -> None:
    assert S._dashed_credit("— Coastline Press")
    assert not S._dashed_credit("— The barrier held. The town did not.")
    assert not S._dashed_credit("Coastline Press")


def test_a_byline_over_a_related_link_signs_the_page_above() -> None:
    """story / "By Maja Sørbø" / "Related: ..." / "OBC News" / headline twice / date /
    the next story: a byline right under the last paragraph with a related link under it
    signs the story above (3 times in the written dumps, each over the next page's first
    line), so the next page opens under the link, at its outlet's name."""
    first = ["Severn barriers hold as river peaks", *FLOODS]
    first += ["By Maja Sørbø", "Related: Government to fund a new survey of the valley"]
    page = [
        "OBC News",
        "Youth orchestra heads to Japan after appeal succeeds",
        "Youth orchestra heads to Japan after appeal succeeds",
        "Thu, July 11, 2024, 4:52 PM",
        *ORCHESTRA,
    ]
    _two_pages(first, page)


def test_a_start_over_or_on_a_closing_credit_moves_below_it() -> None:
    """story / "(Reporting by ...)" or "(VPA)" / the next page: a closing credit under a
    paragraph ends the page above (the line under such a credit opens a page 3,345 times
    in the written dumps, the paragraph over it twice), so a start found on that
    paragraph, or on a credit in brackets, goes under the credit."""
    lines = [
        *FLOODS,
        "(Reporting by Jo Park; Editing by Sam Roe)",
        "2 hours ago",
        *ORCHESTRA,
    ]
    w = _entries(lines)
    last, credit = len(FLOODS) - 1, len(FLOODS)
    assert S._below_credits(w, [last]) == [credit + 1]
    assert S._below_credits(w, [credit]) == [credit + 1]
    assert S._below_credits(w, [last - 1]) == [last - 1]  # (not right over the credit)
