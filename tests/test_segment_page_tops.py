"""Page shapes met in freshly written dumps (fourteenth session), on invented text:
how a page's header opens under the end of the page above (a related-links label
with an ampersand, a rubric over a headline written as full sentences)."""

from __future__ import annotations

import io

import pytest
from support_stories import window
from test_segment_explainer import _entries
from test_segment_pages import FLOODS, ORCHESTRA, _starts, _two_pages

from worker import segment as S
from worker.clean import (
    APPEAL,
    BODY,
    BOILER,
    BYLINE,
    CAPTION,
    CLOSE,
    CREDIT,
    HEAD,
    TIMESTAMP,
    classify,
)


def test_more_in_a_section_with_an_ampersand_is_a_links_label() -> None:
    """ "More in Science & Tech" over links labels them, as "More in Sport" does."""
    for line in ("More in Science & Tech", "More in Arts and Culture", "More in Sport"):
        assert classify(line).role == BOILER, line


def test_a_rubric_over_a_headline_in_full_sentences_after_a_page_end() -> None:
    """release / "SOURCE X" / "OPINION" / "The river keeps rising. The town keeps
    building." / standfirst / byline: the rubric opens the page, though its headline
    ends with a full stop (after a page's end nothing of the last story is left)."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "SOURCE Halverton Youth Orchestra",
        "OPINION",
        "The river keeps rising. The town keeps building.",
        "Ten years of flood plans have changed who pays for the damage, not whether it comes",
        "By Ada Merrow",
        "March 13, 2024",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 3]


def test_a_sites_name_over_its_menu_row_opens_the_page() -> None:
    """story / "Kestrel Valley Trust" / "About us   Our work   Shop   Donate" / headline /
    byline / story: the site's name and its menu top the next page, though the menu
    has buttons ("Donate", "Contact") like a tools row under a story."""
    for menu in (
        "About us   Our work   Reserves   Shop   Donate",
        "Visitors | Our hospitals | Work for us | News | Contact",
    ):
        lines = [
            "Orchestra to tour Japan after appeal",
            *ORCHESTRA,
            "Kestrel Valley Trust",
            menu,
            "River defences hold as Severn peaks",
            "By Tom Hale",
            *FLOODS,
        ]
        assert _starts(lines) == [1, len(ORCHESTRA) + 2], menu


def test_more_labels_over_links() -> None:
    """ "More on Line 4", "Similar discussions": labels over a list of links."""
    for line in ("More on Line 4", "Similar discussions", "Related threads"):
        assert classify(line).role == BOILER, line


def test_a_gallery_at_the_end_of_a_dump_is_a_page() -> None:
    """story / "Gallery" / "In pictures: ..." / "1 / 4" / caption / ...: the photos at
    the dump's end are a page of their own, though no date or byline heads them."""
    captions = [
        "Volunteers stack sandbags along the quay at Upton on Sunday afternoon before the"
        " river reached its peak. Photograph: Ana Ruiz",
        "A farmer moves his sheep to higher ground near Tewkesbury as the water rises over"
        " the lower fields. Photograph: Ana Ruiz",
        "Engineers check the temporary barrier at dusk while residents watch from the bridge"
        " above the flooded car park. Photograph: Ana Ruiz",
        "The abbey stands above the flood water on Monday morning, with the town's lanes"
        " closed to traffic all day. Photograph: Ana Ruiz",
    ]
    lines = ["River defences hold as Severn peaks", "By Tom Hale", *FLOODS]
    lines += ["Gallery", "In pictures: the Severn in flood"]
    for k, c in enumerate(captions, 1):
        lines += [f"{k} / {len(captions)}", c]
    assert _starts(lines) == [1, len(FLOODS) + 3]


def test_a_headline_under_a_photo_essays_appeal_opens_the_page() -> None:
    """photo essay (captions and credits) / "X is supported by readers. ..." / headline /
    "Brief | 28 November 2025 | 4 min read" / byline / story: the appeal ends the essay's
    page, so the headline under it starts the next one (neither a header line of the
    essay, nor moved up over the appeal onto its photos)."""
    essay = []
    for k in range(4):
        essay += [
            f"Volunteers fill sandbags on the quay at Upton, where the river rose {k + 2} feet"
            " overnight and the barrier held.",
            "Ana Ruiz for Halverton Pictures",
        ]
    lines = [
        "Photos: the Severn in flood",
        "Photographs by Ana Ruiz | Text by Tom Hale",
        "November 10, 2025",
        *essay,
        "Halverton Pictures is supported by readers. If you value independent photography,"
        " consider becoming a member.",
        "Orchestra to tour Japan after appeal",
        "Arts Brief | 28 November 2025 | 4 min read",
        "By Nia Bell",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(essay) + 5]


def test_a_posts_footer_and_a_social_prompt_are_furniture() -> None:
    """ "Posted in X · 212 comments" ends a blog post as "Posted in X | 212 comments"
    does; "Follow the team on social media" is a prompt, not a headline; "Our
    Standards: ..." is a wire page's footer link; "Get our X every Friday" and "Enter your
    email address" are a newsletter's sign-up box."""
    for line in (
        "Posted in Launch analysis · 212 comments",
        "Follow the team on social media",
        "Follow us on social media",
        "Our Standards: Editorial Principles.",
        "Get our Justice Brief every Friday",
        "Enter your email address    Sign up",
    ):
        assert classify(line).role == BOILER, line
    assert classify("Fans used social media to follow the race").role != BOILER


def test_a_page_starts_under_a_tables_numbered_rows() -> None:
    """story / "General classification" / "1. Leo Marchal (Verdant) 14:55:02" / "2. ..." /
    "3. ..." / "Explained" / headline / byline / text: the rows are a table, not a
    listicle's item heading over its text, so the page under them starts."""
    lines = [
        "Orchestra to tour Japan after appeal",
        "By Nia Bell",
        *ORCHESTRA,
        "General classification",
        "1. Leo Marchal (Verdant Cycling) 14:55:02",
        "2. Aurelio Fonti (Team Castellane) +0:24",
        "3. Jonas Weiland (Nordhaus) +0:52",
        "Explained",
        "The barrier scheme: a timeline",
        "By Tom Hale",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 7]


def test_a_charitys_footer_ends_its_page() -> None:
    """ "X is a registered charity. © X", "Registered charity number 1092773. ...": a
    charity's footer ends its page (not a caption or a headline); a story's sentence
    naming a registered charity stays text."""
    for line in (
        "Threadline is a registered charity. © Threadline",
        "Registered charity number 1092773. The Moorland Trust, Heathside House, Kesby",
    ):
        info = classify(line)
        assert info.role == BOILER and info.end, line
    assert (
        classify(
            "The trust, a registered charity since 1990, said it would appeal the ruling."
        ).role
        != BOILER
    )


def test_a_short_page_end_over_the_next_header() -> None:
    """release / "Press Office, Ministry of Health" / "Tags: health, doctors" / share
    buttons / "24/05/2024 - 09:14" / headline / story: the short tags line ended the
    release's page, so the date under the buttons tops the next one."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "Press Office, Halverton Town Council",
        "Tags: music, youth, Japan",
        "Share on Facebook",
        "Share on X",
        "Print",
        "24/05/2024 - 09:14",
        "River defences hold as Severn peaks",
        *FLOODS,
    ]
    assert _starts(lines)[1] in (len(ORCHESTRA) + 7, len(ORCHESTRA) + 8)


def test_a_public_sites_footer_is_furniture() -> None:
    """ "Help us improve GOV.UK" asks for feedback; "All content is available under the
    Open Government Licence v3.0" is the site's licence."""
    for line in (
        "Help us improve GOV.UK",
        "Help us improve this page",
        "All content is available under the Open Government Licence v3.0",
    ):
        assert classify(line).role == BOILER, line
    assert classify("Help us improve schools in the county by 2030").role != BOILER


def test_a_list_of_links_ends_at_the_storys_tags() -> None:
    """story / "Related stories" / two links / "Topics: rivers, floods" / "HALVERTON
    TRUST" / "About | Campaigns | Press | Donate" / "Press release" / headline / date /
    release: the tags line ends the list and the page, so the site's name under it (over
    its menu) is no link of the list, nor a label between two pieces of furniture."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Related stories",
        "Farmers count the cost of a third flooded winter",
        "Why the barrier went up only after the peak",
        "Topics: rivers, floods, Severn, barrier scheme",
        "HALVERTON TRUST",
        "About | Campaigns | Press | Donate",
        "Press release",
        "Orchestra to tour Japan after appeal",
        "For immediate release — 19 September",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 7]


def test_a_sites_name_over_its_menu_is_a_start_below_the_last_pages_links() -> None:
    """story / "Register as a priority customer" (a link, read as a headline) / "Last
    reviewed: 27 July" / "Met Service" / "Forecasts | Warnings | Climate | Marine" /
    headline / text: the start moves down from the link onto the site's name, which
    with its menu tops the page."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Register as a priority customer",
        "Last reviewed: 27 July",
        "Halverton Arts Service",
        "Concerts | Tickets | Venues | Education | Support",
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 5]


def test_a_posts_sign_off_by_given_names_closes_it() -> None:
    """ "— Dave & Maia, Southern Reef Divers" under a small site's post signs it off (a
    closing line, so the kicker under its footer opens the next page); a dash over
    words that are no names stays as it was."""
    for line in ("— Dave & Maia, Southern Reef Divers", "– Sarah, Riverside Allotments"):
        assert classify(line).role == CLOSE, line
    assert classify("— Read More Here").role != CLOSE
    lines = [
        *ORCHESTRA,
        "— Dave & Maia, Halverton Youth Orchestra",
        "Filed under: Tours, Japan",
        "Book a ticket | Gift vouchers | Contact us",
        "3 comments",
        "EXPLAINER",
        "What is a flood barrier? A visual guide",
        "By the Data & Graphics team · March 25, 2024",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 5]


def test_a_desks_live_page_title() -> None:
    """ "Business live" / "Markets live: ..." over a live page's first entry time: the
    page's kicker and title, a start (not a live entry inside the page above)."""
    from worker.segment import _LIVE_TITLE

    for title in ("Business live", "Markets live: Dollar soars", "Ukraine war live – latest"):
        assert _LIVE_TITLE.match(title), title
    for line in ("Where they live", "How we live: a guide", "Nipah virus LIVE: Two more tests"):
        assert not _LIVE_TITLE.match(line), line
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Subscribe to river alerts",
        "The Halverton Observer",
        "Business live",
        "Markets live: shares slide as the river closes the port",
        "Latest update 4:12pm",
        "4:12pm",
        *ORCHESTRA[:2],
        "3:58pm",
        *ORCHESTRA[2:],
    ]
    assert _starts(lines)[1] in (len(FLOODS) + 3, len(FLOODS) + 4)


def test_a_comments_head_is_furniture_in_its_page() -> None:
    """ "OldStandBlue — July 15 at 9:14 am", "Petra L. — 9 April 2025 at 12:03",
    "OldDev_73 · 12h": a comment's handle and time, inside its page (no page's date);
    a date with its time, or a writer's name with a date, stays a timestamp."""
    for line in (
        "OldStandBlue — July 15 at 9:14 am",
        "Petra L. — 9 April 2025 at 12:03",
        "OldDev_73 · 12h",
        "Joined Mar 2019 · 214 posts",
    ):
        info = classify(line)
        assert info.role == BOILER and info.ad, line
    for line in ("05.05.2025 · 13:20", "Jo Park — March 3, 2024"):
        assert classify(line).role == TIMESTAMP, line


def test_a_headline_led_by_its_rubric_opens_a_page() -> None:
    """Q&A / "Related: ..." / "Letters: Readers on the floods" / "Trains at night" (the
    first letter's heading) / letter: a headline led by its page's rubric is a page's
    title (as good as a repeated headline), though a short heading follows it."""
    from worker.segment import _RUBRIC_TITLE

    for title in ("Letters: Readers on the floods", "Review: The jewels return, scars and all"):
        assert _RUBRIC_TITLE.match(title), title
    for line in ("Letters", "Analysis: what it means", "Review: good"):
        assert not _RUBRIC_TITLE.match(line), line
    lines = [
        "Your questions about the floods, answered",
        *FLOODS[:3],
        "Q: What would you want to know that we don't know yet?",
        "A: Where the water goes next, and whether the barrier can be raised in time.",
        "Related: Free sandbags - how to sign up",
        "Letters: Readers on the floods",
        "Sandbags at night",
        "I have lived on Mill Street for thirty years and I can count on one hand the times the"
        " council has knocked on my door; this week it knocked twice, and brought sandbags.",
        "Gerald Pinkney, Upton",
        *ORCHESTRA,
    ]
    assert _starts(lines)[1] == 8


def test_an_obituarys_lead_under_furniture_opens_it() -> None:
    """story / "Sign up for our daily briefing" / "Enter your email  Sign up" / "Maureen
    Lindqvist, who has died aged 78, spent ..." / obituary: the obituary's sentence is a
    lead, like a dateline, so the obituary starts there; under a paragraph of its own
    piece (an anecdote told first) it is no start."""
    obituary = [
        "Maureen Lindqvist, who has died aged 78, spent 41 years as a nurse at Halverton"
        " General and trained more than a thousand students on its wards.",
        "Born in Ketley, the youngest of five children of a railway signalman and a school"
        " cook, she left school at sixteen to work in a laundry before starting her training.",
        "In the 1990s she kept a handwritten ledger of every shift on her wards that fell below"
        " safe staffing, and sent a copy to the hospital's board every month for ten years.",
        "She is survived by her husband, Anders, their two sons and four grandchildren.",
    ]
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Sign up for our daily health briefing",
        "Enter your email  Sign up",
        *obituary,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 5]
    anecdote = [
        "In the winter of 1972 a young nurse walked into the board's meeting with a ledger of"
        " unsafe shifts and asked, politely, that it be read into the minutes.",
    ]
    lines = ["Nurse who counted every unsafe shift", "By Ana Ruiz", *anecdote, *obituary]
    assert _starts(lines) == [1]


def test_live_times_comment_heads_and_timeline_entries() -> None:
    """ "11:30 p.m. (yesterday)" is a live entry's time like "11:30 p.m."; "Gloria R. on
    November 6, 2025 at 9:12 pm" a comment's head; "November 16, 2023: Withdrawals
    halted." a timeline's entry, not a page's date."""
    from worker.clean import BODY

    for line in ("11:30 p.m. (yesterday)", "11:30 p.m."):
        info = classify(line)
        assert info.role == TIMESTAMP and info.clock, line
    assert classify("Gloria R. on November 6, 2025 at 9:12 pm").role == BOILER
    assert classify("November 16, 2023: Withdrawals halted.").role == BODY
    for line in ("Updated: Nov 16, 2023", "March 3, 2024: 9:14 AM GMT"):
        assert classify(line).role == TIMESTAMP, line


def test_file_links_a_rating_prompt_and_an_obituarys_dates() -> None:
    """ "Management response (PDF, 210 KB)" links a file; "Did you find this helpful?
    Rate this post: ..." asks for feedback; "Jo Park, nurse, born 3 February 1946; died
    30 April 2025" closes an obituary."""
    for line in (
        "Management response (PDF, 210 KB)",
        "Downloads: Press release (PDF, 212 KB) | Photos (ZIP)",
        "Did you find this helpful? Rate this post: ★★★★★ (412 votes)",
    ):
        assert classify(line).role == BOILER, line
    dates = "Maureen Elsie Lindqvist, nurse, born 3 February 1946; died 30 April"
    assert classify(dates).role == CLOSE
    assert classify("The council published its response (PDF) on Monday.").role != BOILER


#: A page's last paragraphs (of 25 words or more), then the next page's first ones.
_REPORT = [
    "The harbour board met on Thursday to hear the engineers' report on the old sea wall,"
    " which was patched twice last winter after storms broke through its lower course.",
    "Board members said the repairs would cost more than the whole of this year's budget"
    " for the port, and asked the ministry to share the bill before the autumn storms return.",
    "The ministry said it would answer within a month, once its own inspectors had"
    " walked the length of the wall and compared their findings with the board's.",
]
_CAMPAIGN = [
    "Three winters ago the residents of Quay Street wrote to the harbour board about the"
    " cracks in the wall behind their houses. Nobody answered the letter.",
    "Since then the sea has come over the wall four times, and twice it reached the"
    " ground floors of the houses nearest the slipway, where two families still live.",
    "We have collected the photographs, the insurance claims and the engineers' notes,"
    " and we are sending them to every member of the board this week.",
    "If you live on the harbour front and the water has reached your home, tell us what"
    " happened, so that the board cannot say again that it did not know.",
]


def test_a_headline_in_sentences_over_its_signer_opens_the_page() -> None:
    """paragraph / "The wall held this time. Will it hold next winter?" / "Save Quay
    Street" / (date) / paragraph: a campaign's headline in sentences, read as a short
    last paragraph, left the page to start at the campaign's name under it."""
    for title in (
        "The wall held this time. Will it hold next winter?",
        "We warned them about the wall. We are warning them again.",
        "Who will pay for the sea wall?",
        "The sea wall cannot wait for another winter",
    ):
        for date in ([], ["14 March 2025"]):
            lines = [*_REPORT, title, "Save Quay Street", *date, *_CAMPAIGN]
            assert _starts(lines) == [1, 4], (title, date)


def test_a_headline_in_sentences_under_a_short_answer_opens_the_page() -> None:
    """The same under a paragraph of twenty words (an explainer's last answer): the
    headline opens the page; a classified section's label in capitals ("GARAGE SALES")
    under a short advertisement is no signer."""
    answer = "Unlikely. The board says the repairs will be paid from the port's reserves and"
    answer += " not from the fares paid by the island's commuters."
    lines = [
        *_REPORT,
        answer,
        "The sea wall cannot wait for another winter. Act now.",
        "Save Quay Street",
        *_CAMPAIGN,
    ]
    assert _starts(lines) == [1, len(_REPORT) + 2]
    ads = [
        *_REPORT,
        answer,
        "Part-time cook wanted. Mornings only. Apply at the office.",
        "GARAGE SALES",
        *_CAMPAIGN,
    ]
    assert window(ads)[len(_REPORT) + 1].info.role == BODY


def test_a_short_last_paragraph_over_a_byline_stays_in_its_page() -> None:
    """A last paragraph of one sentence, a quote or a signer's "On behalf of ..." over
    the next page's byline stays a paragraph of the last page, however short."""
    for last in (
        "The board meets again in May.",
        "“It was slower,” she said. “It is the speed it should have been.”",
        "On behalf of the residents of Quay Street,",
    ):
        lines = [*_REPORT, last, "Save Quay Street", *_CAMPAIGN]
        roles = [e.info.role for e in window(lines)]
        assert roles[len(_REPORT) : len(_REPORT) + 2] == [BODY, BYLINE], last


def test_a_body_signing_under_its_headline_is_its_byline() -> None:
    """headline / "Statement by the Quay Street Residents" (or a press office, a
    campaign team) / paragraph: the body that signs the page, read as a second
    headline, left the page with one cue; as its byline the page opens on the
    headline. A dated line there is a source in a list ("Statement by X, 21 May
    2024"), and a person's "From the Chair" stays a heading."""
    for signer in (
        "Statement by the Quay Street Residents",
        "Quay Street Residents Press Office",
        "Save Quay Street campaign team",
    ):
        lines = [*_REPORT, "The sea wall cannot wait another winter", signer, *_CAMPAIGN]
        roles = [e.info.role for e in window(lines)]
        assert roles[len(_REPORT) : len(_REPORT) + 2] == [HEAD, BYLINE], signer
        assert _starts(lines) == [1, len(_REPORT) + 1], signer
    for line in ("Statement by the Quay Street Residents, 14 March 2025", "From the Chair"):
        lines = [*_REPORT, "Sources", line, *_CAMPAIGN]
        assert window(lines)[len(_REPORT) + 1].info.role == HEAD, line


@pytest.mark.parametrize(
    "line", ["March 14, 2022 was a Monday.", "12 June 2024 marked ten years since the flood."]
)
def test_a_sentence_about_a_date_is_no_timestamp(line: str) -> None:
    """A short paragraph that opens with a date and says something of it is prose, not
    the next page's date line (it opened a page between two paragraphs)."""
    assert classify(line).role == BODY
    lines = [*_REPORT, line, *_REPORT]
    assert _starts(lines) == [1]


@pytest.mark.parametrize(
    "line", ["Published: April 9, 2025 at 5:48 p.m.", "Monday, March 14, 2022", "Oct. 13, 2025."]
)
def test_a_dates_line_ending_in_a_full_stop_is_still_a_timestamp(line: str) -> None:
    assert classify(line).role == TIMESTAMP


def test_a_skip_link_or_a_cookie_banner_over_a_sites_name_opens_the_page() -> None:
    """story / "Skip to main content" (or a cookie banner) / "Kestrel Valley Trust" /
    menu / headline: the page starts at its first line, not at the site's name under it
    (the name over its menu had drawn the start down onto itself)."""
    for first in (
        "Skip to main content",
        "We use cookies to give you the best experience on our site. Accept all cookies",
    ):
        lines = [
            "Orchestra to tour Japan after appeal",
            *ORCHESTRA,
            first,
            "Kestrel Valley Trust",
            "About us   Our work   Reserves   Shop   Donate",
            "River defences hold as Severn peaks",
            "By Tom Hale",
            *FLOODS,
        ]
        assert _starts(lines) == [1, len(ORCHESTRA) + 2], first


@pytest.mark.parametrize(
    "banner",
    [
        "We use essential cookies to make this site work, and optional cookies to"
        " understand how it is used. OK   No thanks",
        "We use some essential cookies to make this website work.",
        "This site uses necessary and analytics cookies. Accept | Reject",
    ],
)
def test_a_banner_naming_its_kind_of_cookies_opens_the_page(banner: str) -> None:
    """story / "We use essential cookies to make this site work ... OK   No thanks" /
    the next page's headline and story: a banner that says which cookies ("essential",
    "some necessary") with its buttons on its line is a consent banner like "We use
    cookies ...", the next page's first line (before, it read as a headline or a
    paragraph, and the page started over it or under it)."""
    info = classify(banner)
    assert info.role == BOILER and info.end, banner
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        banner,
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 2], banner


def test_a_sentence_on_cookies_is_no_banner() -> None:
    for text in (
        "Some cookies are essential, the regulator said, but most are not.",
        "We use essential oils in every treatment, she said.",
    ):
        assert classify(text).role != BOILER, text


def test_a_cookie_banner_under_the_last_pages_footer_stays_with_it() -> None:
    """Under the last page's footer links a banner is as often that page's own last
    line: it is no page's first line there."""
    banner = "We use cookies to give you the best experience on our site. Accept all cookies"
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "Terms of Use | Privacy Policy | Contact us",
        banner,
        "Kestrel Valley Trust",
        "About us   Our work   Reserves   Shop   Donate",
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
    ]
    w = window(lines)
    assert not S._page_first_line(w, len(ORCHESTRA) + 2)
    assert S._page_first_line(window([*lines[: len(ORCHESTRA) + 1], banner]), len(ORCHESTRA) + 1)


def test_a_dateline_lead_under_an_appeal_box_opens_its_page() -> None:
    """story / "Quay Street needs independent reporting" / the appeal's sentences /
    "TESSIN (QPA) — ...": the appeal box with its heading closes the page above; it is
    no header of the wire story under it, whose dateline lead opens the next page."""
    appeal = [
        "Quay Street needs independent reporting",
        "We are an independent, reader-funded newsroom. No shareholders and no owner to please.",
        "If you value this reporting, please support us with a monthly contribution.",
    ]
    wire = [
        "TESSIN (QPA) — Firefighters fought a wildfire in the hills north of Tessin for a"
        " third day on Thursday as strong winds fanned the flames towards two villages.",
        "The fire has burned around 9,200 hectares of pine forest since it broke out on"
        " Tuesday afternoon, the regional authorities said.",
        "More than 600 firefighters and 22 aircraft were deployed, the civil protection"
        " agency said, and about 1,400 people have left their homes.",
    ]
    assert [e.info.role for e in window(appeal)][1:] == [APPEAL, APPEAL]
    lines = [*_REPORT, *appeal, *wire]
    assert len(_REPORT) + len(appeal) + 1 in _starts(lines)


def test_a_campaigns_title_under_a_story_on_its_cause_opens_the_page() -> None:
    """A campaign page's title ("Stand with ...", "Save Our ...", "Sign the petition:
    ...") under a story on the same cause opens its page, however many words the two
    share; over an appeal and its button it is the appeal's heading, no page's."""
    for title in (
        "Stand with the Quay Street families",
        "Save Our Sea Wall",
        "Sign the petition: repair the harbour wall before winter",
    ):
        lines = [*_REPORT, title, *_CAMPAIGN]
        w = window(lines)
        assert S._own_title(w, len(_REPORT)), title
        assert _starts(lines) == [1, len(_REPORT) + 1], title
    appeal = [
        "Stand with the Quay Street families",
        "Every crown we raise pays for engineers and lawyers. A gift of 20 crowns helps.",
        "Donate now",
    ]
    assert S._own_title(window([*_REPORT, appeal[0], *_CAMPAIGN]), len(_REPORT))
    assert not S._own_title(window([*_REPORT, *appeal, *_CAMPAIGN]), len(_REPORT))


def test_a_campaigns_name_over_its_flattened_menu_opens_the_page() -> None:
    """report / "Justice for Quay Street" / "Home Our demands The families Donate News" /
    heading / campaign: the scraper ran the menu's links into one line of words; under
    the campaign's name it marks a page's top as a menu with bars does, even where the
    campaign shares the report's words and the name reads as a credit."""
    for name in ("Justice for Quay Street", "Ada Merrow for Harbour Board"):
        lines = [
            *_REPORT,
            name,
            "Home Our demands The families Donate News Get involved",
            "Our demands",
            *_CAMPAIGN,
        ]
        assert _starts(lines) == [1, len(_REPORT) + 1], name
    assert S._flat_menu("Home About us Our campaigns News Get involved Donate")
    assert not S._flat_menu("Home Secretary says News Sport and Politics staff will move")
    assert not S._flat_menu("Home prices rise again as News of rate cut spreads")
    assert not S._flat_menu("Home News: Sport, Politics and Weather")
    # the first line of a window has no paragraph above it (not the window's last line)
    ents = _entries(["Justice for Quay Street", "Home About us Our demands Donate News", *_REPORT])
    assert not S._over_menu(ents, 0)


def test_a_line_two_under_a_pages_path_is_its_header() -> None:
    """report / "Home › Money › Travel" / "The sea wall failed. What are my rights?" /
    "If your home flooded, here's what you need to know" / paragraphs: the page opens
    at its path; the standfirst under the question-headline is no explainer's title
    of a page of its own."""
    lines = [
        *_REPORT,
        "Home › Money › Housing",
        "The sea wall failed. What are my rights?",
        "If your home flooded, here's what you need to know",
        "The harbour board said on Tuesday that repairs would take a year. Here is what it"
        " means for you.",
        "My ground floor flooded. Will my insurer pay?",
        "Most home policies cover flood damage, but check the excess and whether the policy"
        " excludes homes that flooded before.",
        "I rent my flat. Who pays for the repairs?",
        "Your landlord is responsible for the building; your own policy covers what you own"
        " inside it, if you have one.",
    ]
    assert _starts(lines) == [1, len(_REPORT) + 1]
    ents = _entries(lines)
    coh, terms = S._cohesion_terms(ents, None)
    at = len(_REPORT) + 2  # the standfirst: scored as no start of its own
    assert S._features(ents, at, S._appeal_zone(ents), coh, terms) is None
    assert S._under_crumbs(ents, at)


@pytest.mark.parametrize("credit", ["KNA/Bence Lakatos", "EBrisNews / Franz Holler"])
def test_an_agencys_photo_credit_under_a_sentence_makes_it_a_caption(credit: str) -> None:
    """story / "The entrance to the auction house on Linden Quay." / "EBrisNews / Franz
    Holler" / the next story: an agency's one-word name over a photographer's is the
    photo's credit, the sentence over it the photo's caption, and the caption the next
    page's first line (read as a headline, the credit left the caption to the page
    above)."""
    first = ["Severn barriers hold as river peaks", *FLOODS]
    page = ["The orchestra rehearses in a church hall in Halverton.", credit, *ORCHESTRA]
    w = _entries([*first, *page])
    assert [w[len(first)].info.role, w[len(first) + 1].info.role] == [CAPTION, CREDIT]
    _two_pages(first, page)


@pytest.mark.parametrize(
    ("above", "line"),
    [
        ("Tuesday, April 8, 2025", "Home / Regional News"),  # a path under a date
        ("Orchestra heads to Japan", "News / Helen Marsh"),  # a section's name
        ("The orchestra rehearses in a church hall in Halverton.", "Kelsey Tran / The Tribune"),
    ],
)
def test_a_slashed_line_elsewhere_is_no_agency_credit(above: str, line: str) -> None:
    w = _entries([*FLOODS[:2], above, line])
    assert w[3].info.role != CREDIT


@pytest.mark.parametrize(
    "menu",
    [
        "Home · About · Our campaigns · Anzeret · News · Donate",
        "Visit | Exhibitions | Collections | Learn | Support us | Shop",
    ],
)
def test_a_sites_menu_row_under_a_story_ends_its_page(menu: str) -> None:
    """story / a site's menu row, links set apart by dots or bars / a campaign's
    tagline, its name, its text: the row under the story's last paragraph is the next
    page's top, as a list of links there is the page's end; the story's page has ended,
    so the paragraph under it opens a page of its own."""
    page = [
        menu,
        "The orchestra has weeks left. Help us send it to Japan.",
        "Friends of the Halverton Youth Orchestra",
        *ORCHESTRA,
    ]
    starts = _starts(["Severn barriers hold as river peaks", *FLOODS, *page])
    assert starts[0] == 1 and len(starts) == 2 and abs(starts[1] - (len(FLOODS) + 2)) <= 1


def test_a_menu_row_under_a_sites_name_is_no_storys_end() -> None:
    """A row under a short line, the site's name, is its menu: that name opens the
    page, not the headline under the row."""
    w = _entries([*FLOODS, "CONFAPA – Confederation of Parents", "Home · About us · Press · Join"])
    assert not S._menu_under_story(w, len(FLOODS) + 1)
    w = _entries([*FLOODS, "Home · About us · Campaigns · Press · Join"])
    assert S._menu_under_story(w, len(FLOODS))


@pytest.mark.parametrize(
    "caption",
    [
        "Dr Anna Berg, centre, with nurses and volunteers at the weekly clinic in Velt town hall",
        "Jo Park, left, and Ed Lin at the quay in Velt on Tuesday",
        "Council leader Annette Obi, second from left, visits the flooded library",
    ],
)
def test_a_caption_saying_where_its_people_stand_is_no_title(caption: str) -> None:
    """story / "Related: ..." / "Dr Anna Berg, centre, with nurses ..." / a story with
    no headline: a line that says where the photo's people stand (", left,", ", centre,")
    is a caption (32 of 62 such lines in the written dumps open a page, as this one
    does), reported as dropped, not the page's title (before, it read as a headline)."""
    assert classify(caption).role == CAPTION
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "Related: Velt clinic to open on Sundays",
        caption,
        *FLOODS[2:],
    ]
    last = list(S.segment_file(io.BytesIO("\n".join(lines).encode())))[-1].to_json()
    assert last["start_line"] == len(ORCHESTRA) + 3
    assert last["title"] is None
    assert {"line": len(ORCHESTRA) + 3, "reason": "caption"} in last["dropped_lines"]


def test_a_sentence_with_left_or_right_is_no_caption() -> None:
    for text in (
        "The party moved to the right, and the unions followed it there.",
        "Smith, left, said nothing.",
    ):
        assert classify(text).role != CAPTION, text
