"""Page paths and rubrics met in freshly written dumps (sixteenth and seventeenth
sessions), on invented text: a forum's path of three steps, a "Transcript:" or "Q&A:"
title, a letter signed "Name and address supplied", and the lines of the table below
(a forum poster's block, a newsletter's foot, a thread's and a journal's own links, a
fact check's review box, a page's language links, a parliament's speakers)."""

from __future__ import annotations

import pytest
from test_segment_pages import FLOODS, ORCHESTRA, _starts, _two_pages
from test_segment_subheads import _entries

from worker import segment as S
from worker.clean import BODY, BOILER, BYLINE, CLOSE, CONT, HEAD, TIMESTAMP, classify, outlet_name
from worker.segment import segment_text

THREAD = [
    "Japan tour – who else has a kid going?",
    "Started by violamum, 3 March 2025 19:02",
    "Our daughter got her place last week and we are already panicking about the kit"
    " list. Does anyone know if they need their own concert blacks for every venue?",
    "Reply from cellodad_harv, 3 March 2025 19:40",
    "Same boat here. The letter says two sets of blacks, and the school is lending"
    " suitcases to anyone who needs one, which is a relief for us.",
]


# One line each, as classify() reads it: (line, role, the flag it must carry).
LINES = [
    ("Name and address supplied", CONT, None),  # a letter's unnamed sign-off
    ("Name withheld by request", CONT, None),
    ("Names and addresses withheld.", CONT, None),
    ("[END OF TRANSCRIPT]", CLOSE, None),  # end marks
    ("End of statement.", CLOSE, None),
    ("[Transcript continues]", CLOSE, None),
    ("[Transcript continues – full episode for supporters]", CLOSE, None),
    ("SW - ops/pb", CLOSE, None),  # an agency's tag and its desk's initials
    ("/s/ Gloria M. Etxeberria, City Clerk", CLOSE, None),  # a notice's signature
    # a paragraph signed by its agency: closes the story, stays its text
    ("Renn earns a place in the championship next year and 40,000 kronar. – NNA", CLOSE, "kept"),
    ("The city plans to build several treatment plants by 2030. — VNS", CLOSE, "kept"),
    # footer rows and a forum thread's foot: a page's end
    (
        "Forum rules | Contact the moderators | MoneyChat is not affiliated with any bank.",
        BOILER,
        "end",
    ),
    ("Help centre · Contact us · Acme Ltd, 1 High St", BOILER, "end"),
    ("Display posts from previous: All posts | Sort by Post time | Ascending", BOILER, "end"),
    ("Jump to page: 1 2 3 Next", BOILER, "end"),
    ("Who is online", BOILER, "end"),
    ("Users browsing this forum: PawPrint72 and 41 guests", BOILER, "end"),
    (
        "We’ve put some small files called cookies on your device to make our site work.",
        BOILER,
        "end",
    ),
    ("Posts 1–11 of 2,847 | Next page", BOILER, None),  # pagers
    ("Showing 1-20 of 212 comments", BOILER, None),
    ("#2", BOILER, "ad"),  # a thread's post number, inside the thread
    ("Ledger staff", BYLINE, None),  # an outlet's staff byline in lower case
    # a notice's date under its text: its own line, no page's date
    ("Dated: 7 March 2025", BODY, None),
    ("Dated this 9th day of July 2024", BODY, None),
    ("Dated: November 26, 2025", BODY, None),
    ("By Wednesday, more than 400 trains a day were being cancelled.", BODY, None),
    # speech trailing off is prose; a short cut headline stays one
    ("RAMSEY: It’s 7.16. Now the travel, and there are delays on the coast road this…", BODY, None),
    ("Delays on the coast road this morning at Penhallow…", HEAD, None),
    # seventeenth session (tests/test_segment_threads_and_feet.py has the rest)
    # a poster's block: rank, counts, reactions
    ("Senior Member", BOILER, "ad"),
    ("Established Member", BOILER, "ad"),
    ("Moderator", BOILER, "ad"),
    ("Posts: 3,455", BOILER, "ad"),
    ("Messages 9,022", BOILER, "ad"),
    ("Reaction score: 1,204", BOILER, "ad"),
    ("Reactions: quayside_jo, 43019 and Harbourman", BOILER, "ad"),
    # eighteenth session: more of a poster's block
    ("#88231 9,847 posts", BOILER, "ad"),
    ("1,206 posts", BOILER, "ad"),
    ("Forum Regular", BOILER, "ad"),
    ("Participant", BOILER, "ad"),
    ("Site Admin", BOILER, "ad"),
    ("Joined: Sat Jun 05, 2021", BOILER, "ad"),
    ("Joined on 3 May 2020", BOILER, "ad"),
    # an audio player's button
    ("Play episode", BOILER, "widget"),
    ("Play", BOILER, "widget"),
    ("The play that changed Broadway", HEAD, None),
    # a fact check's or a review's verdict, inside its page
    ("The verdict", BOILER, "ad"),
    ("Verdict: Misleading", BOILER, "ad"),
    ("Our rating: UNPROVEN", BOILER, "ad"),
    ("Fact Check: FALSE", BOILER, "ad"),
    ("Verdict: the trams are smooth, quiet and spotless, and two years late.", BODY, None),
    ("Joined the council in 2019 as a planning officer and rose to chief executive", HEAD, None),
    # a newsletter's foot ends its page
    (
        "You received this email because you signed up at tidewatch.example. Unsubscribe.",
        BOILER,
        "end",
    ),
    ("You're receiving this newsletter because you subscribed on our website.", BOILER, "end"),
    ("Manage your preferences or unsubscribe at any time.", BOILER, "end"),
    # a thread's own links, a journal's access box, a fact check's review box
    ("Continue this thread", BOILER, "ad"),
    ("Top posts of June 2026", BOILER, "ad"),
    ("Top posts of 2026", BOILER, "ad"),
    ("Access through your institution", BOILER, "ad"),
    ("Buy article PDF", BOILER, "ad"),
    ("Claimed By: Social media users", BOILER, "ad"),
    ("Claim Review: Video shows flooded underpass in the capital", BOILER, "ad"),
    # a page's own language links and foot
    ("Translate this page", BOILER, None),
    ("Página en español", BOILER, None),
    ("Acknowledgement of Country", BOILER, None),
    (
        "Calder Shire Council acknowledges the Wiradjuri people as the Traditional"
        " Custodians of the land on which we live and work.",
        BOILER,
        None,
    ),
    # a speaker's turn in a parliament's record is the debate's own line
    ("Dr Miriam Okafor-Lind (Severn Vale) (LD)", BODY, None),
    ("Sir Alan Pettigrew (Calder North) (Con):", BODY, None),
    ("The Minister for Flood Defences (Tom Hale)", BODY, None),
    ("The Parliamentary Under-Secretary of State for Health (Ruth Amadi):", BODY, None),
]


@pytest.mark.parametrize(("line", "role", "flag"), LINES)
def test_a_lines_role(line: str, role: int, flag: str | None) -> None:
    info = classify(line)
    assert info.role == role, (line, info)
    assert flag is None or getattr(info, flag), (line, info)
    assert not info.dateline, line


def test_related_guides_label_a_list() -> None:
    assert classify("Related guides").lead > 0


@pytest.mark.parametrize(
    "path",
    [
        "Halverton Talk Forums › Music › Orchestras & bands",
        "ParentsBoard › Schools › Music and drama",
        "Lakeside Community » Youth » Tours (2025)",
    ],
)
def test_a_forums_path_of_three_steps_opens_a_page(path: str) -> None:
    """an official notice signed by a panel ("The Panel" / three names) / a forum's path
    / its thread: a path of three steps is printed only at a page's top."""
    notice = [
        "Notice of decision",
        *FLOODS[:3],
        "The Panel",
        "Margaret Ellison",
        "Tomas Varga",
        "Neil Ashby",
    ]
    assert _starts([*notice, path, *THREAD]) == [1, len(notice) + 1]


def test_a_path_is_known_by_its_steps_not_by_a_chevron_alone() -> None:
    assert S._site_path("Home › News › Weather")
    assert S._site_path("Home » Sport")
    assert S._site_path("MoneyChat › Consumer rights › Faulty goods and refunds")
    assert not S._site_path("See all results ›")
    assert not S._site_path("Weather › Storm Perrin")  # two steps: a section label
    assert not S._site_path("The council said › that was wrong › and it would appeal the ruling")


@pytest.mark.parametrize(
    "title",
    [
        "Transcript: Halverton council budget briefing, 3 May 2025",
        "Q&A: What the flood grant means for your home",
        "Ask the expert: can my landlord refuse a flood repair?",
    ],
)
def test_a_rubric_title_opens_a_page_under_a_related_story(title: str) -> None:
    """a story / a rubric and its title ("Transcript: ...") / the page's text: the
    rubric names a page of its own kind, as "Letters:" and "Review:" do."""
    story = ["Youth orchestra heads to Japan after appeal succeeds", *ORCHESTRA]
    page = [
        title,
        "MODERATOR: Thank you for coming. We will take questions after the statement.",
        *FLOODS[:4],
    ]
    _two_pages(story, page)


def test_a_letter_signed_without_a_name_is_no_headline_over_the_next() -> None:
    """letters page: heading / letter / "Name and address supplied" / heading / letter /
    signature / the page's foot: one page, the unnamed signature is no headline of a page
    of its own, and the second letter's heading is not signed by the name under it."""
    letters = [
        "Letters",
        "Tour was money well spent",
        "Sir, " + ORCHESTRA[0],
        "Name and address supplied",
        "Barriers must be kept up",
        "Sir, " + FLOODS[5],
        "Jo Marsh, Upton",
        "Write to us at letters@halvertonpost.example",
    ]
    story = ["Flood barriers hold as river peaks", *FLOODS]
    starts = _starts([*story, *letters])
    assert starts[0] == 1
    # (whether "Letters" over the first heading opens the page is another rule's)
    assert not set(starts) & {len(story) + 4, len(story) + 5}, starts


def test_a_name_in_capitals_the_last_pages_links_took_in_tops_its_page() -> None:
    """story / "Related Stories" / two links / a name in capitals / its two sections /
    "EXPLAINER" / headline: the list's label reaches over the name, but a name in
    capitals over its sections is the next page's masthead, not one of the links."""
    story = ["Youth orchestra heads to Japan after appeal succeeds", *ORCHESTRA]
    links = [
        "Related Stories",
        "Orchestra parents plan a second summer of bake sales",
        "Halverton town hall to host the send-off concert in July",
    ]
    page = [
        "RIVER & RAIN",
        "Floods / Safety",
        "EXPLAINER",
        "What we know about the Severn barriers, and why they held",
        *FLOODS,
    ]
    assert _starts([*story, *links, *page]) == [1, len(story) + len(links) + 1]


def test_a_one_word_site_name_over_its_menu_tops_its_page() -> None:
    """story / its tags / "FloodWise" / a menu of four sections / "EXPLAINER" /
    headline: a one-word name over a menu of sections is the site's."""
    story = ["Youth orchestra heads to Japan after appeal succeeds", *ORCHESTRA]
    page = [
        "FloodWise",
        "Rivers  Insurance  Home repairs  Family safety",
        "EXPLAINER",
        "Is it safe to go home? Your flood questions answered",
        *FLOODS,
    ]
    assert _starts([*story, "Tags: orchestra, Japan, Halverton", *page]) == [1, len(story) + 2]


def test_a_films_details_under_its_title_are_no_menu() -> None:
    """a one-word title over "2024 · PG-13 · 2h 48m · Drama": a film's card, not a
    site's name over its menu."""
    ents = _entries(["Sunfall", "2024 · PG-13 · 2h 48m · Drama", "A pilot suspects his crew."])
    assert S._masthead_over_menu(ents, 1, 0) == -1


def test_a_long_line_over_a_sites_name_is_the_last_pages_end() -> None:
    """a public notice / "Published in the Halverton Post, 19 and 26 February 2025" /
    a site's name / its menu / a headline: a line of eight words or more over the name
    is no kicker of it but the last page's end, so the name tops the next page."""
    notice = [
        "Notice of public hearing",
        *FLOODS[:3],
        "Published in the Halverton Post, 19 February and 26 February 2025",
    ]
    page = [
        "Valley Public Media",
        "News | Rivers | Politics | Arts | Podcasts | Donate",
        "Youth orchestra heads to Japan after appeal succeeds",
        *ORCHESTRA,
    ]
    _two_pages(notice, page)


def test_menu_over_a_crumb_is_no_sites_name() -> None:
    ents = _entries(
        ["Search this site", "Menu", "Home > Community > Emergencies > Flooding", "Flood help"]
    )
    assert S._masthead_over_menu(ents, 2, 0) == -1
    ents = _entries(["FloodWise", "Rivers  Insurance  Home repairs  Family safety", "Help"])
    assert S._masthead_over_menu(ents, 1, 0) == 0


@pytest.mark.parametrize(
    "name",
    [
        "The Wenlow Gazette",
        "Carrick Bay Courier",
        "THE CLARION",
        "Atlas News Service",
        "Ashbourne & District Advertiser",
        "Heartland Public Media",
    ],
)
def test_an_outlets_name_is_known_by_its_last_word(name: str) -> None:
    assert outlet_name(name)


@pytest.mark.parametrize(
    "line",
    [
        "Related News",
        "More from the Post",
        "ONE THING TO DO TODAY",
        "Photograph: Jo Park/The Northern Examiner",
        "Rosa Whitfield, Midwest Ledger",
        "Chief Reporter",
        "The paper said it would review the Post.",
        "Courier",
    ],
)
def test_a_list_label_credit_or_sentence_is_no_outlets_name(line: str) -> None:
    assert not outlet_name(line)


def test_an_outlets_name_over_a_live_page_keeps_its_start() -> None:
    """a wire story / its credits / "Halverton Evening Courier" / a live page's headline,
    standfirst, "Live" and times: the outlet's name tops the page, though it reads as a
    name (a byline) and only a standfirst lies between it and the "Live" label."""
    story = ["Flood barriers hold as Severn peaks", *FLOODS]
    page = [
        "Halverton Evening Courier",
        "Youth orchestra tour: live updates from the send-off concert",
        "Sixty players are on stage at the town hall tonight before they fly to Osaka.",
        "Live",
        "Updated 3 minutes ago",
        "Conductor thanks parents",
        *ORCHESTRA[2:5],
    ]
    credit = "(Reporting by Tom Hale; Editing by Sam Roe)"
    assert _starts([*story, credit, *page]) == [1, len(story) + 2]


def test_an_outlets_name_under_a_letters_signature_opens_a_page() -> None:
    """a letter / its writer / her town / "The Halverton Times" / "Obituaries" / a
    headline: the name and town sign the letter, the outlet's name tops the next page."""
    letter = [
        "Letters",
        "Sir, " + ORCHESTRA[0],
        ORCHESTRA[1],
        "Margaret Ellison",
        "Upton",
    ]
    page = [
        "The Halverton Times",
        "Obituaries",
        "Priya Anand, conductor who took a youth orchestra to Vienna, dies aged 71",
        *ORCHESTRA[2:],
    ]
    _two_pages(letter, page)


def test_an_outlets_name_under_a_headlines_byline_is_the_bylines() -> None:
    """story / headline / standfirst / "By Tom Hale" / "HALVERTON TIMES" / story: the
    outlet under the byline is the writer's, no page of its own."""
    story = ["Youth orchestra heads to Japan after appeal succeeds", *ORCHESTRA]
    page = [
        "Flood barriers hold as Severn peaks",
        "By Tom Hale",
        "HALVERTON TIMES",
        *FLOODS,
    ]
    _two_pages(story, page)


def test_a_headline_under_a_paragraph_signed_by_its_agency_opens_a_page() -> None:
    """wire story / its last paragraph ending "– NNA" / "Letters: ..." / a letter: the
    signed paragraph is no headline over the rubric (it has no full stop at its end),
    and it stays the story's text."""
    story = [
        "Youth orchestra heads to Japan after appeal succeeds",
        *ORCHESTRA[:4],
        "Tickets for a send-off concert at the town hall go on sale next month. – HNA",
    ]
    page = ["Letters: Flood barriers were money well spent", "Sir, " + FLOODS[0], *FLOODS[1:]]
    arts = segment_text("\n".join([*story, *page]) + "\n")
    assert [a.start_line for a in arts] == [1, len(story) + 1]
    assert arts[0].text.endswith("next month. – HNA")


def test_a_search_boxs_label_and_a_legal_links_row_are_a_pages_foot() -> None:
    assert classify("Search:").widget and classify("Search").widget
    assert classify("Search continues for missing boy").role != BOILER
    assert S._foot_line("Guidelines | FAQ | Lists | API | Security | Legal | Contact")
    assert not S._foot_line("Home | News | Sport | Guidelines")  # (one: a menu may hold it)


def test_a_footer_row_with_an_organisations_address_ends_its_page() -> None:
    """ "Halverton Council · 1 High St · Accessibility · Site Map": two legal links make
    the row a footer's, whatever else it holds; the dateline story under it opens a page."""
    row = "Halverton Council · 1 High Street, Halverton · Accessibility · Site Map"
    info = classify(row)
    assert info.role == BOILER and info.end
    assert not classify("News | Sport | Privacy").end  # (one legal link: a menu's)
    notice = ["Flood grants: how to apply", *FLOODS[:3], row]
    story = ["HALVERTON (HNA) — " + ORCHESTRA[0], *ORCHESTRA[1:]]
    _two_pages(notice, story)


def test_the_rows_of_a_table_flattened_with_bars_are_no_starts() -> None:
    """a health notice's table of exposure sites ("Date | Location | Time" and its rows,
    one a date): rows of a table inside the page, not pages or their dates."""
    page = [
        "Measles: public exposure locations",
        "Last updated: February 6, 2025, 3:00 p.m.",
        "The places below are where people may have been exposed to measles.",
        "Date | Location | Time",
        "Jan. 21 | Eastgate Mall food court, 3100 E. Sunshine Ave. | 11:00 a.m. – 3:00 p.m.",
        "Jan. 23 | Eastgate Mall food court | 11:30 a.m. – 2:45 p.m.",
        "Jan. 31 | HyVale Foods, 2255 Dunham Road | 4:00 p.m. – 6:30 p.m.",
        "Feb. 1 | Regional Airport, Concourse B | 1:00 p.m. – 4:00 p.m.",
        "If you were exposed and develop symptoms, call your doctor before you visit.",
        "Monitor for symptoms for 21 days after your exposure date.",
    ]
    assert _starts(page) == [1]


def test_a_list_of_tags_ends_at_an_outlets_name() -> None:
    """story / "Related topics" / two tags / "The Halverton Gazette" / "Letters to the
    Editor" / a letter: the label reaches over the outlet's name, but an outlet's name
    is no tag nor link: it tops the next page."""
    story = ["Flood barriers hold as Severn peaks", *FLOODS]
    tags = ["Related topics", "Floods", "Halverton"]
    page = [
        "The Halverton Gazette",
        "Letters to the Editor",
        "Tour was money well spent",
        "Sir, " + ORCHESTRA[0],
        ORCHESTRA[1],
        "Margaret Ellison, Upton",
    ]
    assert _starts([*story, *tags, *page]) == [1, len(story) + len(tags) + 1]


@pytest.mark.parametrize("name", ["Towpath Talk – Forums", "TenantTalk Forums", "r/Lorrimer"])
def test_a_forums_name_is_an_outlets(name: str) -> None:
    assert outlet_name(name)


def test_a_forums_name_under_a_reporters_sign_off_opens_a_page() -> None:
    """story / "Gazette reporter" / "Halverton Talk – Forums" / its thread: the sign-off
    closes the story (it loses its own score as a header), the forum's name tops the
    thread, and the story's own cue-less start stays."""
    story = ["Flood barriers hold as Severn peaks", *FLOODS]
    brief = [*ORCHESTRA[:3], "Gazette reporter"]
    page = ["Halverton Talk – Forums", *THREAD]
    starts = _starts([*story, *brief, *page])
    assert starts[0] == 1 and starts[-1] == len(story) + len(brief) + 1, starts


def test_an_outlets_name_over_its_menu_under_a_short_story_keeps_its_start() -> None:
    """a brief of three paragraphs / "The Halverton Courier" / its menu / a crumb / a
    long read's headline: the learned check, which drops starts close to the one
    above, leaves a start on an outlet's name over its menu."""
    brief = ["Orchestra tour dates confirmed", "By Tom Hale", *ORCHESTRA[:3]]
    page = [
        "The Halverton Courier",
        "World | Business | Markets | Tech | Opinion | Life & Arts",
        "Courier Weekend › Long reads",
        "The river that would not stay in its banks: inside the Severn barrier scheme",
        *FLOODS,
    ]
    story = ["Flood barriers hold as Severn peaks", *FLOODS]
    starts = _starts([*story, *brief, *page])
    assert len(story) + len(brief) + 1 in starts, starts


def test_a_run_of_dateline_shapes_is_a_list_not_stories() -> None:
    """a newsletter's list of events ("Night Market (Foundry stop) – Friday, 5pm–11pm."),
    each line shaped like a wire dateline: a few paragraphs apart, under no header of
    their own, they are a list's items, not stories' leads."""
    page = [
        "Ten things to do along the river this weekend",
        "Hello, readers! The barriers held, the sun is out and there is plenty on.",
        "Night Market (Foundry Quarter stop) – Friday and Saturday, 5pm–11pm. Street food.",
        "Guided walk along the barrier (Upton stop) – Saturday, 11am. Free, no booking.",
        "Choir Evensong (Cathedral Square) – Sunday 3.30pm. Free.",
        "Paddleboard taster (Marina) – Saturday and Sunday, £12, booking essential.",
        "Family trail (all stops) – Collect stamps at six stops and win a family ticket.",
        "Know an event we should include? Reply to this email.",
    ]
    starts = _starts([*page, "Flood barriers hold as Severn peaks", *FLOODS])
    assert starts[0] == 1 and not set(starts) & set(range(3, 8)), starts


def test_a_threads_post_heads_with_plain_names_are_no_pages() -> None:
    """a thread: "SunshineMum_2014 · Tue 07-Oct-25 20:14" / post / "Gingerbreadmum · Tue
    07-Oct-25 21:30" / post ...: the plain one-word names head posts as the handles
    above did, not new pages with their dates."""
    thread = [
        "Halverton Talk › Community › Floods",
        "Did the barriers hold on your street?",
        "SunshineMum_2014 · Tue 07-Oct-25 20:14",
        FLOODS[0],
        "CastlemereDad77 · Tue 07-Oct-25 20:29",
        FLOODS[1],
        "Gingerbreadmum · Tue 07-Oct-25 21:30",
        FLOODS[2],
        "Fennelandfig · Tue 07-Oct-25 21:38",
        FLOODS[3],
    ]
    assert _starts(thread) == [1]


def test_an_outlets_name_in_the_last_pages_footer_gives_way_to_the_next_masthead() -> None:
    """story / the site's footer: its own name, "Follow us", legal links, "© 2025 ..." /
    the next page's outlet name / headline: the footer's name is the last page's, the
    name under the copyright opens the next page."""
    story = ["Flood barriers hold as Severn peaks", *FLOODS]
    footer = [
        "Halverton Evening Post",
        "Follow us",
        "Facebook",
        "Contact us",
        "Terms & Conditions",
        "© 2025 Northern Local Media Ltd",
    ]
    page = [
        "The Halverton Dispatch",
        "Your free weekday briefing on the city",
        "Good morning, Halverton: the orchestra flies to Japan",
        "Thursday 9 October 2025",
        *ORCHESTRA,
    ]
    starts = _starts([*story, *footer, *page])
    assert starts == [1, len(story) + len(footer) + 1], starts


def test_a_masthead_over_its_sections_is_no_list_of_tags() -> None:
    """a podcast's end / "Support the show" / "Halverton Standard" / "Sports" / "Columns"
    / a column's headline and byline: an outlet's name over its sections tops the page,
    it is no list of the podcast's topic tags."""
    show = ["Youth orchestra on tour: the podcast", *ORCHESTRA[:4], "[Transcript ends]"]
    page = [
        "Support the show on Patreon",
        "Halverton Standard",
        "Sports",
        "Columns",
        "Hale: the barriers didn't just hold back a river. They held a town together",
        "Tom Hale",
        *FLOODS,
    ]
    starts = _starts([*show, *page])
    assert starts[-1] in (len(show) + 1, len(show) + 2), starts


def test_an_outlets_name_under_a_list_of_links_opens_a_page() -> None:
    """a gallery's last photo and its credit / "Related galleries" / two links / "The
    Halverton Times" / "Opinion" / "Letters" / a headline: the links closed the gallery's
    page, so its credit over their label is no header of the outlet's name."""
    gallery = [
        "In pictures: the night the barriers held",
        "Photo 1 of 2",
        "Sandbags stacked outside homes on Quay Street.",
        "Tom Hale / The Halverton Times",
        "Photo 2 of 2",
        "The river at its peak on Tuesday evening.",
        "Tom Hale / The Halverton Times",
        "Related galleries",
        "Photos: Halverton County Fair 2025",
        "Photos: the youth orchestra's send-off concert",
    ]
    page = [
        "The Halverton Times",
        "Opinion",
        "Letters",
        "Letters to the editor: readers thank the barrier crews",
        "Nov. 4, 2025",
        "Sir, " + FLOODS[0],
        *FLOODS[1:],
    ]
    assert _starts([*gallery, *page])[-1] == len(gallery) + 1


def test_rubric_reviews_are_no_outlets() -> None:
    assert not outlet_name("Theater Review")
    assert outlet_name("Aviation Business Review")


def test_a_time_written_with_a_point_is_a_live_entrys_time() -> None:
    """A live page timing its entries "16.20", "09.30": times of day, so the entries
    under them are the page's own, not pages with a bare number over them."""
    info = classify("16.20")
    assert info.role == TIMESTAMP and info.clock
    assert classify("24.50").role != TIMESTAMP  # (no hour 24: a figure)
    live = [
        "Bus strike live: day two of the walkout",
        "16.20",
        "A reader writes in from Upton: " + FLOODS[0],
        "15.02",
        "Mayor calls emergency board meeting",
        FLOODS[1],
        "09.30",
        "Metro line closed at the quay again",
        FLOODS[2],
    ]
    assert _starts(live) == [1]


@pytest.mark.parametrize(
    "name", ["CITY OF PORT ARDELL", "CALDER PUBLIC HEALTH DIRECTORATE", "EASTMERE AIRPORT"]
)
def test_a_public_bodys_name_in_capitals_is_a_masthead(name: str) -> None:
    assert outlet_name(name)
    assert not outlet_name(name.title())  # (in title case: a signature's or a credit's)


def test_a_public_bodys_name_in_capitals_opens_its_release() -> None:
    story = ["Flood barriers hold as Severn peaks", *FLOODS, "Share this page"]
    release = [
        "HALVERTON COUNTY COUNCIL",
        "News release",
        "Youth orchestra tour: council confirms travel grant",
        *ORCHESTRA[:3],
    ]
    _two_pages(story, release)


def test_a_caption_over_a_question_subheading_goes_on_with_the_story() -> None:
    """paragraph / "Sandbags piled in Quay Street. Photograph: Tom Hale/The Courier" /
    "Is there a health risk?" / paragraph: a photo and a question subheading inside
    the story, not a new page (a question heads a section however long)."""
    story = [
        "Flood barriers hold as Severn peaks",
        *FLOODS[:3],
        "Sandbags piled outside homes in Quay Street. Photograph: Tom Hale/The Courier",
        "Is there a health risk from the flood water?",
        *FLOODS[3:],
    ]
    assert _starts(story) == [1]


def test_a_caption_under_a_bare_image_caption_label_is_the_caption() -> None:
    """paragraph / "Image source, PA Media" / "Image caption," / the caption's text with
    no full stop / paragraph: the label's text went to the next line; it is the photo's
    caption inside the story, not a headline over a new page."""
    story = [
        "Flood barriers hold as Severn peaks",
        *FLOODS[:3],
        "Image source, PA Media",
        "Image caption,",
        "Temporary walls at Upton held back the river on Tuesday night",
        *FLOODS[3:],
    ]
    assert _starts(story) == [1]


def test_an_outlets_name_over_its_tagline_and_menu_opens_a_page() -> None:
    """gallery / its date / share buttons / "THE HALVERTON HERALD" / "Serving Halverton
    since 1887" / "Home | Local News | ... | e-Edition" / headline: the name over its
    tagline and menu tops the next page (a menu's cell may open in lower case)."""
    gallery = [
        "In pictures: the night the barriers held",
        "From sandbags to searchlights, the flood in photographs",
        "Thursday 13 June 2024",
        FLOODS[0],
        FLOODS[1],
        "Share on Facebook",
        "Share on X",
    ]
    page = [
        "THE HALVERTON HERALD",
        "Serving Halverton and the Severn valley since 1887",
        "Home | Local News | Schools | Obituaries | Sports | Classifieds | e-Edition",
        "Youth orchestra heads to Japan after appeal succeeds",
        *ORCHESTRA,
    ]
    _two_pages(gallery, page)


def test_a_sections_name_under_the_sites_menu_is_no_masthead() -> None:
    """ "NBN News" / its menu / "NBN News Navigation" / the section's menu: the site's
    name is the first, the second line names the section's own menu."""
    ents = _entries(
        [
            "NBN News",
            "Home | News | Sport | Weather | Sounds",
            "NBN News Navigation",
            "Home | UK | World | Business | Politics | Tech",
            "Police chief resigns over inquiry findings",
        ]
    )
    assert S._masthead_over_menu(ents, 1, 0) == 0
    assert S._masthead_over_menu(ents, 3, 0) == -1


def test_a_court_transcripts_page_numbers_are_no_page_ends() -> None:
    """a trial transcript's excerpt: Q. / A. turns with the printed pages' numbers ("85")
    between them: the numbers sit inside the text, no turn after one opens a page."""
    assert classify("85").ad
    assert classify("[Transcript continues – full episode for supporters]").role == CLOSE
    turns = [
        "Q. Mr. Benfield, before the break you told the jury about a phone call in May.",
        "A. Yes. It was with Greg Stanhope, who ran pricing at the other company then.",
        "85",
        "Q. What did you tell him when he asked about the price of the drug that week?",
        "A. I told him we would follow within a couple of weeks and keep our customers.",
        "86",
        "Q. What, if anything, did you do after the call with Mr. Stanhope that day?",
        "A. I went to my boss and told him they were going up about four hundred percent.",
    ]
    page = ["Excerpt of the official transcript, pages 84 to 86", *turns]
    assert _starts(page) == [1]


def test_a_forum_name_over_a_lower_case_menu_opens_a_page() -> None:
    """an interview's last answer / "Hacker Forum" / "new | past | comments | ask | show"
    / a linked story's title: the forum's name over its menu in lower case tops it."""
    interview = [
        "Q&A: what the flood insurers will pay for",
        "Q. Was the barrier scheme worth the money in the end?",
        "A. " + FLOODS[5],
    ]
    page = [
        "Hacker Forum",
        "new | past | comments | ask | show | jobs | submit",
        "Severn barriers held: 40 homes evacuated, none flooded (halvertonpost.example)",
        "612 points by grepmaster 7 hours ago | hide | past | favorite | 344 comments",
        "Good to see infrastructure money that actually paid off for once, honestly.",
    ]
    _two_pages(interview, page)


def test_a_media_releases_banner_and_author_are_no_tags() -> None:
    """a wire story's credits / "MEDIA RELEASE" / an MP's name and titles / headline:
    the release's banner and its author, not the wire story's topic tags."""
    story = ["Flood barriers hold as Severn peaks", *FLOODS, "(Reporting by Tom Hale)"]
    release = [
        "MEDIA RELEASE",
        "Devinder Kaur MP",
        "Shadow Treasurer",
        "Member for Upton",
        "GOVERNMENT MUST FUND YOUTH ORCHESTRA TOUR IN FULL",
        "Tuesday, 3 June 2025",
        *ORCHESTRA[:3],
    ]
    _two_pages(story, release)


def test_numbered_posts_of_a_thread_are_no_pages() -> None:
    """a thread: poster / rank / "Jan 11, 2026 #2" / post ...: a post's number after its
    date shows it one of the thread's, so its poster's name and rank head no page."""
    thread = [
        "Halverton Talk › Gardens › Flooded allotments",
        "Flooded allotments – what to do?",
        "BarredRockBarb",
        "Crowing",
        "Jan 11, 2026 #1",
        FLOODS[0],
        "CluckNorris",
        "Free Ranging",
        "Jan 11, 2026 #2",
        FLOODS[1],
        "HenHouseHannah",
        "Crossing the Road",
        "Jan 12, 2026 #3",
        FLOODS[2],
    ]
    assert _starts(thread) == [1]


def test_comments_between_their_count_and_the_comment_form_are_no_pages() -> None:
    """story / "12 comments" / name / "19 October 2025 at 10:14 am" / comment / ... /
    "Leave a comment" / next story: the readers' comments between the count and the
    form are the story's furniture, no pages; the form still closes the page."""
    story = ["Flood barriers hold as Severn peaks", *FLOODS]
    comments = [
        "12 comments",
        "Maureen T",
        "19 October 2025 at 10:14 am",
        "Thank you for all you have done. I was one of the ones whose street flooded in 2007.",
        "Dave R",
        "19 October 2025 at 11:52 am",
        "Well said. Will be there on the 12th with the rest of the residents' group.",
        "Leave a comment",
    ]
    page = ["Youth orchestra heads to Japan after appeal succeeds", *ORCHESTRA]
    assert _starts([*story, *comments, *page]) == [1, len(story) + len(comments) + 1]


def test_an_outlets_name_over_a_letters_page_is_no_boxs_label() -> None:
    """an interview's end / "More interviews" and its links / "THE HALVERTON POST" /
    "Letters: ..." / its standfirst / the letters' form note / a letter: the masthead
    over the letters page keeps its start (it is no box's label over furniture)."""
    interview = [
        "Q&A: the conductor on touring Japan",
        "Q. " + ORCHESTRA[0],
        "A. " + ORCHESTRA[1],
        "This interview has been condensed and edited.",
        "More interviews",
        "Kengo Ishida on timber concert halls",
        "Bjarke Lund on designing for the Arctic night",
    ]
    page = [
        "THE HALVERTON POST",
        "Letters: The barriers must stay – and other views on the flood",
        "Readers write in response to the county's decision on the Severn scheme",
        "Send your letters to letters@halvertonpost.example. Letters should be under 250 words.",
        "Sir, " + FLOODS[0],
        FLOODS[1],
        "Eldrid Skaar, Upton",
    ]
    _two_pages(interview, page)


def test_a_letters_writer_and_town_on_two_lines_sign_the_letter() -> None:
    """letters page: letter / "Dr Ellen Saarinen" / "Halden Bay" / letter / "Margit
    Hansen" / "Østerlund" / letter: each name and town (read as two names, or a name
    and a headline in a non-English capital) sign a letter, they open no page."""
    letters = [
        "Letters: Flood barriers were money well spent",
        "Sir, " + FLOODS[0],
        "Dr Ellen Saarinen",
        "Halden Bay",
        "Sir, " + ORCHESTRA[0],
        "Margit Hansen",
        "Østerlund",
        "Sir, " + FLOODS[5],
        "Per Ingvaldsen",
        "Brennick",
        "Write to us at letters@halvertonpost.example",
    ]
    assert _starts(letters) == [1]


def test_a_sections_label_between_standfirst_and_byline_is_the_headers() -> None:
    """comments / share row / headline / standfirst / "Investigation" / "By ..." /
    date / story: the section's label sits inside the header, the page opens at the
    headline (not at the label two lines under it)."""
    blog = [
        "Friends of the river: our autumn sampling results",
        *ORCHESTRA[:3],
        "6 comments",
        "Share: Facebook · X · Bluesky · Email",
    ]
    page = [
        "The Severn, by numbers: how one river became a byword for floods",
        "The barriers held this year, but the records show how close the county came to"
        " losing whole streets, and how little of the money went where it was promised.",
        "Investigation",
        "By Saoirse Malley and Daniel Okwuosa",
        "Sunday 14 September 2025",
        *FLOODS,
    ]
    _two_pages(blog, page)


def test_a_letters_writer_with_what_they_do_and_where_signs_the_letter() -> None:
    """letter / "Dr Ellen Saarinen" / "Retired harbour engineer, Halden Bay" / letter /
    "Margit Hansen" / "Flood warden, Upton" / letter: a writer's name over what they
    are and where signs the letter as a bare town under it does."""
    letters = [
        "Letters: Flood barriers were money well spent",
        FLOODS[0],
        FLOODS[1],
        "Dr Ellen Saarinen",
        "Retired harbour engineer, Halden Bay",
        ORCHESTRA[0],
        "Margit Hansen",
        "Flood warden, Upton",
        FLOODS[5],
        "Per Ingvaldsen",
        "Brennick",
        "Write to us at letters@halvertonpost.example",
    ]
    assert _starts(letters) == [1]
    roles = [e.info.role for e in _entries(letters)]
    assert roles[3:5] == [CONT, CONT] and roles[6:8] == [CONT, CONT]
    assert S._signer_place("Retired harbour engineer, Halden Bay")
    assert not S._signer_place("Ministers say the barrier will be finished soon, Halden Bay told")


@pytest.mark.parametrize("path", ["Home › Retail › Halloran’s", "News » Shops » Marrow's"])
def test_a_path_ending_in_a_possessive_is_no_broken_paragraph(path: str) -> None:
    """A path's last step may be a shop's or a family's name in the possessive; ending
    with "’s" makes a paragraph broken at a link, never a path. Read as a paragraph,
    it kept the page's masthead and menu over it from opening the page."""
    assert classify(path).role != BODY
    page = [
        "The Book Trade",
        "News | Publishers | Retail | People | Charts | Subscribe",
        path,
        "Publishers owed millions as bookshop chain collapses",
        "By Hamish Ure",
        *FLOODS[:4],
    ]
    story = ["Youth orchestra heads to Japan after appeal succeeds", *ORCHESTRA]
    _two_pages(story, page)


def test_a_paragraph_broken_at_a_possessive_is_still_one() -> None:
    """Without a path's chevrons, a line ending with "’s" is a paragraph cut at a link."""
    assert classify("The festival will close with a concert in the grounds of Halloran’s").role in (
        BODY,
        CONT,
    )
