"""Page shapes met in freshly written dumps (thirteenth session), on invented text:
app-style bylines and ages, an outlet's newsroom as the byline, a press release's
dateline in mixed case, an audio player's label, a story's tags as its page's end,
a column's label between its headline and byline, a cue-less split that belongs
under the furniture closing the piece above, and a bulletin's dated title."""

from __future__ import annotations

import pytest
from test_segment_pages import FLOODS, ORCHESTRA, _starts

from worker.clean import (
    APPEAL,
    BIO,
    BODY,
    BOILER,
    BYLINE,
    CLOSE,
    HEAD,
    TIMESTAMP,
    _is_dateline,
    classify,
    opens_by,
)
from worker.segment import _dated_title, _updated_page

# A piece on the same river, told in the first person (no headline, no byline).
DIARY = [
    "Day four on the embankment. The water is a foot lower than yesterday, which in this"
    " job counts as good news, though nobody on the crew is celebrating yet.",
    "We spent the morning pumping out the cellar of the old mill, then the afternoon"
    " filling sandbags for a care home whose garden wall finally gave way at noon.",
    "The residents watched from the day room, waving at us whenever a bag went in, and"
    " the cook sent out tea in paper cups every hour without being asked.",
    "By six the wall was rebuilt, after a fashion, and the pumps had the garden back to"
    " mud. Tomorrow we move downstream to the caravan park.",
    "I keep thinking about the farmer who told me he has lost three harvests in ten years"
    " and still cannot imagine living anywhere else.",
]


# Another piece on the same floods, in the same words (no headline, no byline).
SAME_RIVER = [
    "The river at Upton peaked just below the 2007 record, and the barrier held, but the"
    " Environment Agency says the Severn will keep rising downstream for days.",
    "Homes in the low-lying streets of Tewkesbury were evacuated on Sunday as the river"
    " crept up the lanes, and the agency's temporary walls took the strain overnight.",
    "Farmers along the lower Severn have lost winter crops to flood water in three of the"
    " past ten winters, and the barrier scheme was meant to end that.",
    "The agency has promised a review of the barrier scheme by spring; ministers will want"
    " to know why the walls at Upton went up only after the river had peaked upstream.",
    "Drivers were warned again not to attempt flooded crossings on minor roads near the"
    " river, where the water will stay for several days.",
]


def test_app_bylines_and_compact_ages() -> None:
    """ "Updated 2h ago", "Story by X • 6h": the ages news apps print, in short units."""
    for line in ("Updated 2h ago", "5m ago", "Posted 3d ago", "1 hr ago"):
        assert classify(line).role == TIMESTAMP, line
    for line in ("Story by Mia Torres • 6h", "By Mia Torres · 2d", "By Ana Lima | 45m ago"):
        assert classify(line).role == BYLINE, line
    assert classify("By the way • 6h").role != BYLINE  # not a name
    assert opens_by("Story by Mia Torres • 6h") and opens_by("Written by Ana Lima")
    assert not opens_by("Storyboard artists at work")


def test_an_outlets_newsroom_is_a_byline() -> None:
    """ "Harbour Gazette newsroom", "KTVX News Desk": the outlet signs the story."""
    for line in ("Harbour Gazette newsroom", "KTVX News Desk", "Valley Post Staff Writers"):
        assert classify(line).role == BYLINE, line
    for line in ("The Newsroom", "Inside the newsroom"):
        assert classify(line).role != BYLINE, line


def test_a_press_releases_dateline_in_mixed_case() -> None:
    """ "Lisbon, 4 June 2024 – The ...": a place and the full date open a release."""
    for line in (
        "Lisbon, 4 June 2024 – The Coastal Trust today called on ministers to act.",
        "Austin, Texas, Jan. 9, 2025 - Brightwell Labs said on Thursday it would expand.",
        "Geneva, March 3, 2024 /Newswire/ -- The Alliance today published its report.",
    ):
        assert _is_dateline(line), line
    for line in (
        "Monday, 3 March 2024 - The council met again.",  # a day, not a place
        "Update, 3 March 2024 - the council met again.",
    ):
        assert not _is_dateline(line), line


def test_an_audio_players_label_is_furniture_inside_the_story() -> None:
    for line in ("Listen · 4:12", "Audio · 2:31", "Play audio 3:05"):
        info = classify(line)
        assert info.role == BOILER and info.ad, line


def test_a_cue_less_piece_after_a_storys_tags_starts_there() -> None:
    """story / "Tags: ..." / share buttons / a piece with no headline on the same
    floods, in the same words: the tags close the story's page, so the next paragraph
    opens another piece, though no headline, byline or change of words marks it."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Tags: Severn, flooding, Environment Agency",
        "Share on Facebook | Share on X | Send by email",
        *SAME_RIVER,
    ]
    assert classify(lines[len(FLOODS) + 2]).end
    assert _starts(lines) == [1, len(FLOODS) + 5]


def test_a_column_label_between_headline_and_byline() -> None:
    """story / "Share" / a headline written as sentences / "Comment" / byline: the
    sentences are the column's headline, so the page starts there, not at the byline."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Share",
        "Rivers need room to spread. Higher walls only move the water along.",
        "Comment",
        "Ruth Okafor",
        *DIARY,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 4]


def test_a_kicker_over_the_column_headline_opens_the_page() -> None:
    """... / "Share this story" / "Opinion" / sentence / "Guest column" / "By ...": the
    kicker opens the page."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Share this story",
        "Opinion",
        "We keep rebuilding on the same riverbanks. It is time to stop.",
        "Guest column",
        "By Harold Venn",
        *DIARY,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 4]


def test_a_cue_less_split_goes_under_the_piece_above_its_closing_note() -> None:
    """story / a last paragraph in the next piece's words / its republishing note / a
    piece with no header: the words change a paragraph early, but the split goes
    under the note that closes the piece above."""
    lines = [
        "Orchestra to tour Japan after appeal",
        "By Nia Bell",
        *ORCHESTRA,
        "Its leader, a cellist, spent last winter with a flood crew on the embankment, filling"
        " sandbags and pumping out cellars; the pumps and the mud, she says, taught her patience.",
        "This story was produced by the Valley Arts Desk, a nonprofit newsroom, and is"
        " republished here under a Creative Commons licence.",
        *DIARY,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 5]


def test_a_bulletins_dated_title() -> None:
    """ "Fire Update — Tuesday, July 8, 2025": the headline carries the page's date."""
    assert _dated_title("Cougar Flat Fire Update — Tuesday, July 8, 2025")
    assert _dated_title("Daily briefing: 3 March 2024")
    assert not _dated_title("Screenshot of the post, taken on February 11, 2026")
    assert not _dated_title("“Stop the turbines!” — Facebook post, February 20, 2025")
    assert not _dated_title("Timeline of the floods since 2007")


def test_a_reviews_credits_box_closes_it() -> None:
    """ "Producers: ...", "Running time: 128 minutes": a review's credits, its last lines
    (kept), not a header for the page after it."""
    for line in (
        "Production company: Lantern Films",
        "Producers: Sofia Lage, Mathieu Perrault",
        "Running time: 128 minutes",
        "Reviewed at Locarno Film Festival, Aug. 9, 2025. Running time: 104 MIN.",
        "Crew: Director: Ana Reis. Camera: Tomas Vidal. Editor: Jo Park.",
    ):
        info = classify(line)
        assert info.role == CLOSE and info.kept, line


def test_closing_credits_and_ages_in_short_units() -> None:
    assert classify("Associated writer Ben Lowe contributed from Washington.").role == CLOSE
    assert classify("Ana Lima contributed reporting from Kyiv and Lviv.").role == CLOSE
    assert classify("He contributed from his own pocket.").role == BODY
    for line in ("3h", "45m", "2d"):
        assert classify(line).role == TIMESTAMP, line


def test_a_feedback_prompt_and_a_more_link_end_a_page() -> None:
    for line in (
        "Is this page useful?",
        "Was this guide helpful?",
        "Maybe",
        "Yes this page is useful",
        "Thanks for your feedback.",
        "See more galleries",
        "Browse all videos",
    ):
        info = classify(line)
        assert info.role == BOILER and info.end, line
    assert classify("Is this the end of cheap flights?").role == HEAD
    assert not classify("See more").end  # (an expander, maybe inside a story)


def test_an_appeals_own_heading_is_the_appeal() -> None:
    for line in (
        "Independent journalism in Lisbon depends on you",
        "Local news needs your support",
    ):
        assert classify(line).role == APPEAL, line
    assert classify("The city needs your help to plant trees, the mayor said.").role == BODY


# A photo gallery: a date, then numbered captions (no paragraph).
GALLERY = [
    "May 18, 2025 • 8:14 PM",
    "1 / 3",
    "Marchers carry a banner along the river road at dawn, before the rally begins."
    " Credit: Lena Ortiz",
    "2 / 3",
    "A choir sings on the steps of the town hall as the crowd gathers in the square."
    " Credit: Lena Ortiz",
    "3 / 3",
    "Volunteers hand out water and sun hats to families waiting for the speeches. Credit: Sam Webb",
    "See more galleries",
]


def test_a_gallery_is_a_page_and_the_piece_after_it_another() -> None:
    """story / copyright / a gallery of captions / "See more galleries" / a piece with
    no header: three pages, though the gallery has no paragraph of its own."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Copyright © 2025 The Valley Courier. All rights reserved.",
        *GALLERY,
        *DIARY,
    ]
    g = len(FLOODS) + 4
    assert _starts(lines) == [1, g, g + len(GALLERY)]


def test_a_page_updated_stamp_under_links_tops_the_next_page() -> None:
    """ "More from Opinion:" / link / "Updated 2h ago" / "Key events" / links / entry: the
    stamp is the live page's own time (a link shows when it was published), so the page
    starts there, not among the key events' links under it."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "More from Opinion:",
        "The barrier was worth every penny. Here is why",
        "Updated 2h ago",
        "Key events",
        "Severn peaks below 2007 record",
        "Upton walls hold overnight",
        "Evacuated residents return",
        "13.05 BST",
        "That's all from us today. Thanks for following along; the live page returns"
        " tomorrow morning with the latest from the river.",
        "12.48 BST",
        "The Environment Agency has lifted the last severe flood warning on the Severn,"
        " though minor roads around Tewkesbury remain closed.",
    ]
    assert _starts(lines) == [1, len(FLOODS) + 5]


def test_a_letters_signer_and_office_close_it() -> None:
    """statement / "Laurel A. Haskett" / "President" / "Q&A" / headline / "Interview by
    ...": the signer and office close the statement, the next page opens at its kicker."""
    lines = [
        "A message to our students about the encampment",
        *ORCHESTRA[:4],
        "We are at our best when we disagree with each other honestly. Thank you.",
        "Laurel A. Haskett",
        "President",
        "Q&A",
        "‘We built a system that runs on debt’: an economist on student loans",
        "Interview by Samira Kotecha",
        *DIARY,
    ]
    assert _starts(lines) == [1, 9]


def test_a_long_headline_over_more_header_lines_opens_a_page() -> None:
    """paragraph / promo / a long headline / "Press release" / place and date / text: a
    headline of many words between paragraphs may be a pull quote, but not with more
    header lines under it."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Newsletter | Click to get the day's best explainers in your inbox",
        "Youth orchestras thrive: new survey finds two in three county ensembles have grown"
        " since the pandemic ended",
        "Press release",
        "Gloucester and Worcester, 24 June 2025",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 4]


def test_a_reports_next_update_and_contact_numbers_close_it() -> None:
    assert classify("Next update: 21 July 2026").role == CLOSE
    assert classify("The next report will be issued on Friday.").role == CLOSE
    for line in ("Cell: 082 555 0172", "Mobile: +27 82 555 0172", "Tel: 021 555 0133"):
        assert classify(line).role == BOILER, line


def test_a_headline_over_a_dateline_lead_keeps_the_start() -> None:
    """story / appeal / headline / "Westminster, Friday, 20 March 2026 – ...": the
    headline over a dateline lead is the page's top; the start does not move down onto
    the lead."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Investigations like this one take months and cost money. If you value this work,"
        " please consider a donation.",
        "Support us",
        "Committee demands full report on orchestra funding",
        "Westminster, Friday, 20 March 2026 – The culture committee has resolved to summon"
        " the board of the Halverton Youth Orchestra over the tour appeal.",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 5]


def test_a_wire_credit_under_a_list_closes_the_story() -> None:
    """story / winners, one per line / "(Writing by ...; editing by ...)" / caption /
    "Interview by ...": the credit closes the story and its list (it is no standfirst
    of the last winner), so the next page opens at the caption, and a start is not
    moved up over the credit."""
    lines = [
        "Festival honours go to Portuguese drama",
        "By Tom Hale",
        *ORCHESTRA,
        "Full list of main winners:",
        "Golden Ibex: “The Salt Orchard” (Ines Carvalho, Portugal/France)",
        "Best Director: Annick Dufresne, “Tidewater” (Canada)",
        "Best Actress: Luisa Tavares, “The Salt Orchard”",
        "Audience Award: “Blackout Songs” (Oksana Hrytsenko, Ukraine)",
        "(Writing by Ruth Delacroix; editing by Simon Fairweather)",
        "Amara Nwosu at the river festival on August 15. (Photo by Luca Pellegrini/Alpine"
        " Press Agency)",
        "Interview by Sadie Orr",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 9]


def test_a_press_releases_date_line_is_no_review_credit() -> None:
    assert classify("Release date: October 9, 2025").role != CLOSE


def test_a_page_age_in_lower_case_is_a_timestamp() -> None:
    """ "published 3 hours ago" under a byline: the page's age, not a link's fragment."""
    for line in ("published 3 hours ago", "updated 2 hours ago", "posted 5 mins ago"):
        assert classify(line).role == TIMESTAMP, line
    assert classify("a week ago, the river rose past the old mark").role != TIMESTAMP


def test_an_appeals_heading_does_not_hide_the_next_header() -> None:
    """story / "Before you go…" / appeal / "Offshore Wind | Finance" / headline / byline:
    the short heading over the appeal's sentence is the appeal's own, so the header
    under the appeal is the next page's (it was read as a header zone's inside)."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "Before you go…",
        "Good local journalism costs money to produce, and fewer people pay for it every"
        " year. If you valued this article, please consider becoming a supporter.",
        "Support us from £3 a month",
        "Orchestra | Tours",
        "Halverton Youth Orchestra sets off for Japan after appeal",
        "By Nia Bell",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 6]


def test_a_last_updated_time_is_the_pages_not_a_live_entrys() -> None:
    """ "Last updated 12:41 a.m." tops a page (a live entry's time stands bare, or
    "Posted at 14:10"; an entry may carry its own "Updated at 11.21")."""
    info = classify("Last updated 12:41 a.m.")
    assert info.role == TIMESTAMP and not info.clock
    assert classify("Updated 9:05am").role == TIMESTAMP
    assert classify("Posted at 14:10").clock and classify("Updated at 11.21 BST").clock
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "RELATED: Full river level readings",
        "Last updated 12:41 a.m.",
        "LIVE RESULTS: county council by-elections in the river towns",
        "Results are unofficial until declared. Vote totals include postal ballots counted so far.",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 4]


def test_dotted_dates_read_bylines_interviewers_and_editorial_sign_offs() -> None:
    assert classify("10.06.2024").role == TIMESTAMP
    assert classify("1,234.56").role == BOILER  # a figure, not a date
    assert classify("— The Editorial Board").role == CLOSE
    assert classify("Amos Wafula · Religion desk · 6 min read").role == BYLINE
    assert classify("Home · News · Sport · 6 min read").role == BOILER  # a menu
    assert classify("Interview Conducted by Katharina Vogt and Jonas Lemke").role == BYLINE


def test_a_press_contacts_post_stays_in_the_contact_block() -> None:
    """statement / "Press contacts" / name / "Lead Spokesperson for ..." / number /
    caption / headline / byline: the post is the contact's, so the next page opens at
    the caption (it read as a headline and opened the page two lines early)."""
    lines = [
        "Statement on the orchestra's tour",
        *ORCHESTRA,
        "Press contacts",
        "Aleksandra Winterberg",
        "Lead Spokesperson for Foreign Affairs and Security Policy",
        "+32 (0)2 29 00000",
        "Engineers check the barrier at Upton on Sunday. Photograph: Tom Hale/River Images",
        "Who pays for the river walls? The questions the review must answer",
        "Kasia Lenhardt in Worcester",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 6]


def test_a_live_pages_kicker_and_title_open_it() -> None:
    """story / "LIVE" / "LIVE: ..." / "Follow our coverage ..." / entries: a live page's
    kicker and title are a page's start, though no byline or date is under them."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "LIVE",
        "LIVE: Halverton Youth Orchestra sets off for Japan",
        "Follow our coverage from the airport",
        "19:10 BST",
        "That's where we'll end our live coverage for today. Thank you for following along.",
        "18:52 BST",
        *ORCHESTRA[:3],
    ]
    assert _starts(lines) == [1, len(FLOODS) + 3]


def test_writer_notes_editor_sign_offs_wire_tags_and_more_labels() -> None:
    assert (
        classify("The author is a researcher at the Kalistad Institute for Maritime Studies.").role
        == BIO
    )
    assert classify("The author is a dangerous man, prosecutors said in a filing.").role == BODY
    assert classify("(Responsible editor: Mei Sarrow)").role == CLOSE
    assert classify("WANA/md/ak").role == CLOSE
    assert classify("Aviemore, Scotland | Transatlantic Press").role == BYLINE
    assert classify("You might also like: The best streaming deals this month").role == BOILER
    assert classify("Must Read").role == BOILER
    assert _is_dateline(
        "NEW YORK and BURBANK, Calif., March 2, 2026 /Business NewsLine/ -- Paragon Media"
        " Group, Inc. and Northlight today announced an agreement."
    )


def test_a_wire_place_line_between_paragraphs_opens_a_story() -> None:
    """story / "Aviemore, Scotland | Transatlantic Press" / a wire story: the place and
    wire under the last paragraph head the next story (a bare name there would be a
    photo's credit)."""
    lines = [
        "Orchestra to tour Japan after appeal",
        "By Nia Bell",
        *ORCHESTRA,
        "Tewkesbury, England | Transatlantic Press",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 3]


def test_a_path_from_the_sites_home_opens_a_page() -> None:
    """interview / "Home › Support Us › Our New Base Appeal" / title / text: the path
    from the site's root tops the next page, though it reads like a short heading."""
    lines = [
        "River defences hold as Severn peaks",
        "By Tom Hale",
        *FLOODS,
        "This interview has been condensed.",
        "Home › Support Us › Our Tour Appeal",
        "Our Tour Appeal",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, len(FLOODS) + 4]


def test_a_page_updated_on_a_date_is_the_pages_own_time() -> None:
    """ "Updated 21 June 2025" under a list's link is the next page's time, like
    "Updated 1 minute ago" (a link shows when it was published)."""
    for line in ("Updated 21 June 2025", "Updated: June 21, 2025", "Updated 1 minute ago"):
        assert _updated_page(line), line
    assert not _updated_page("Updated rules for the river")
    assert not _updated_page("21 June 2025")


def test_a_last_answer_over_related_links_is_no_standfirst() -> None:
    """explainer / question / answer / "Related: ..." links / "By Owen Tully" / masthead /
    story: the answer is the explainer's last paragraph, not a standfirst of the next
    page's header (a listen button may sit between a standfirst and its byline; links
    set in the story do not)."""
    lines = [
        "Your questions about the floods, answered",
        *FLOODS[:2],
        "Where can I get sandbags?",
        "The council hands them out at the depot on Mill Lane every morning from seven,"
        " two bags a household.",
        "Related: River defences hold as Severn peaks",
        "Related: Review of the barrier scheme due in spring",
        "By Owen Tully",
        "The Halverton Messenger",
        *ORCHESTRA,
    ]
    assert _starts(lines) == [1, 8]


def test_release_ends_wire_ends_credits_and_dated_questions() -> None:
    assert classify("Associated reporting by Ines Calder.").role == CLOSE
    assert classify("Ends/Sunday, September 15, 2024").role == CLOSE
    assert classify("NNNN").role == CLOSE
    assert classify("Endless summer").role == HEAD
    assert classify("What happened on March 3?").role == HEAD  # a question, no date line
    assert classify("Posted on March 3, 2024").role == TIMESTAMP


def test_a_notes_box_ends_at_a_contact_line_with_no_number() -> None:
    """release / "Notes to editors" / notes / "For media enquiries contact the Press
    Office, ..." / a long first-person piece: the box ends at its contact line (which
    gives no number or address), so the piece under it is not taken into the box."""
    lines = [
        "Orchestra to tour Japan after appeal",
        *ORCHESTRA,
        "Notes to editors",
        "Images are available for media use with credit to the orchestra.",
        "For media enquiries contact the Press Office, Halverton Town Council.",
        "I have lived by the river for forty years, and I have filled sandbags in six of"
        " them; this winter was the first time the barrier held and the lane stayed dry.",
        *FLOODS,
    ]
    assert _starts(lines) == [1, len(ORCHESTRA) + 5]


#: A union's statement on a pay case, with its notes box and a contact line.
PAY_CASE = [
    "STATEMENT: Orchestra players win their pay case – now pay what you owe",
    "The Musicians' Union welcomes today's judgment confirming that the players of the"
    " Halverton Orchestra are employees with the rights that brings.",
    "This victory belongs to Mara Ilves and the 21 other players who put their names to this"
    " case three years ago, knowing the risks. Two of them lost their seats during the"
    " proceedings.",
    "Union secretary Tomas Brae said:",
    "“Today the tribunal has said what every player already knew: we work for the orchestra."
    " We follow its rota, we wear its dress, we are hired and dropped at its word.”",
    "“The orchestra has spent three years fighting to avoid paying us holiday pay. It is time"
    " to accept the ruling and start paying players what they are owed.”",
    "Players who want advice about a claim should contact the union on 0800 614 2209."
    " Membership costs $6 a month.",
    "Notes to editors",
    "The Musicians' Union was founded in 1921 and is an independent trade union. It"
    " represents players, singers and teachers across the country.",
    "Mara Ilves and other players are available for interview. Please contact"
    " press@halverton-mu.org",
]


def test_a_short_lead_under_a_contact_line_ends_the_notes_box() -> None:
    """statement / "Notes to editors" / note / "... Please contact press@..." / a
    feature's lead of twenty words on the same people: the box has ended at the contact
    line and the feature begins there. A note as short on the sender itself ("The
    Musicians' Union is the largest ...") is still the box's."""
    feature = [
        "The first thing Mara Ilves does when she wakes up is check the weather. The second"
        " is check the rota.",
        "It is a little after eight on a wet Monday in Halverton, and the hall where the"
        " orchestra rehearses is still locked. She waits under the awning with a flask of tea"
        " and the case on her back.",
        "She has played with the orchestra for nineteen years, through two conductors, one"
        " near-bankruptcy and a winter when the heating failed and the strings went out of"
        " tune by the interval.",
        "“When I go to the tribunal they call me Ms Ilves,” she says. “When I come back to the"
        " hall I am a number on the rota again.”",
        "She did not set out to be a test case. She trained as a nurse and played only in the"
        " evenings, until a deputy's place came up and nobody else could read the part at a"
        " day's notice.",
        "Now she is the section's principal, and the one who rings round when a player falls"
        " ill before a concert.",
        "“The union saved us,” she says. “I want the players who come after us to be paid for"
        " the work they do.”",
    ]
    assert _starts([*PAY_CASE, *feature]) == [1, len(PAY_CASE) + 1]
    note = (
        "The Musicians' Union is the largest union for performers in the country, with 30,000"
        " members in orchestras, bands and schools."
    )
    obituary = [
        "Other lives",
        "Elin Varga obituary",
        "Oboist whose recordings of the river songs are still played on the radio",
        *FLOODS,
    ]
    assert _starts([*PAY_CASE, note, *obituary]) == [1, len(PAY_CASE) + 2]


#: A report on a pay ruling, and a follow-up a month later on the same people.
PAY_RULING = [
    "Players at the Halverton Orchestra have won their claim for holiday pay, after a"
    " tribunal ruled that they were employees of the orchestra and not freelancers.",
    "The ruling covers 22 players who brought the case three years ago, and the union said it"
    " could apply to as many as 400 musicians across the country.",
    "The orchestra's chief executive, Pia Lund, said the board would study the judgment"
    " before deciding whether to appeal.",
    "“We have always valued our players,” she said. “We will do what the law requires of us.”",
    "The union said the orchestra should pay what it owed at once and stop spending money on"
    " lawyers.",
    "The players' leader, Mara Ilves, said the ruling was “a good day for every musician who"
    " has been told to be grateful for the work”.",
]
PAY_FOLLOW_UP = [
    "A month after the tribunal ruled on the Halverton Orchestra's contracts, the shape of what"
    " replaces the old freelance rota is becoming clear, and it is not what most players"
    " hoped for.",
    "On Monday the orchestra's board confirmed that it would offer employment contracts to 40"
    " of its players, but only for the concert season, leaving the summer months unpaid.",
    "The union called the offer “a way of obeying the letter of the judgment and ignoring its"
    " spirit”, and said it would take the orchestra back to the tribunal if needed.",
    "Pia Lund said the orchestra could not afford to pay players for months in which it gives"
    " no concerts. “The money is not there,” she said.",
    "Several players said they would look for work elsewhere. “I love this orchestra,” said"
    " one. “But I cannot live on love for four months a year.”",
]


def test_a_bare_name_under_a_storys_last_paragraph_may_open_a_page() -> None:
    """report / "Livia Marden" / a follow-up on the same people: under a run of whole
    paragraphs, a name alone over a lead and more text is the next page's byline, not a
    photo's credit. Under a comment's poster there is no such lead: one page."""
    assert _starts([*PAY_RULING, "Livia Marden", *PAY_FOLLOW_UP]) == [1, len(PAY_RULING) + 1]
    thread = [
        "Jim Ferrier",
        "Well done to the players. About time someone stood up to that board.",
        "Sal_H",
        "The board has been taking them for granted for years. Good luck to them.",
    ]
    assert _starts([*PAY_RULING, *thread]) == [1]


@pytest.mark.parametrize("photo", [[], ["A cellist in the empty hall. Photograph: Jo Park"]])
def test_a_byline_read_as_a_heading_over_the_date_closes_a_standfirst(photo: list[str]) -> None:
    """story / headline / standfirst / (caption) / "Livia Marden Arts and music
    correspondent" / date / story: the name with its post reads as a heading, but over
    the page's date it is the byline, so the paragraph over it is the headline's
    standfirst and the page opens at the headline."""
    header = [
        "The orchestra that plays for nothing in summer",
        "In Halverton, where the orchestra has played since 1952, 22 players won their case in"
        " court, and a month on they are still waiting to be paid for the season",
        *photo,
        "Livia Marden Arts and music correspondent",
        "Saturday 19 April",
    ]
    assert _starts([*PAY_RULING, *header, *PAY_FOLLOW_UP]) == [1, len(PAY_RULING) + 1]


def test_a_headline_in_sentences_printed_twice_over_its_byline_opens_the_page() -> None:
    """story / "A month after the ruling, ... The summer does not." twice / "By ..." /
    story: a headline in whole sentences, printed twice over its byline, is the page's
    headline (not two paragraphs of the story above); a paragraph printed twice in a
    story, with no byline under it, is only a repeat."""
    title = "A month after the ruling, the players have contracts. The summer does not."
    lines = [*PAY_RULING, title, title, "By Livia Marden", *PAY_FOLLOW_UP]
    assert _starts(lines) == [1, len(PAY_RULING) + 1]
    again = PAY_FOLLOW_UP[1]
    assert _starts([*PAY_RULING, again, again, *PAY_FOLLOW_UP[2:]]) == [1]


def test_a_start_is_never_moved_past_a_headline_for_its_text() -> None:
    """essay / date / headline / "Share" / text: the date tops the page; the placement
    may not move the start down past the headline onto the text."""
    lines = [
        "Orchestra to tour Japan after appeal",
        "By Nia Bell",
        *ORCHESTRA,
        "Thursday 14 November 2024 7:31am",
        "Campaigners call for river meadows to be saved from housing development",
        "Share",
        *FLOODS,
    ]
    assert _starts(lines)[1] in (len(ORCHESTRA) + 3, len(ORCHESTRA) + 4)


def test_a_rubric_in_capitals_and_a_republish_button() -> None:
    """ "GUEST ESSAY" over a headline is a rubric (a kicker), not a name; "... Republish
    this article." closes the page it ends."""
    for line in ("GUEST ESSAY", "Guest Column", "COMMENTARY"):
        assert classify(line).role == HEAD, line
    assert classify("MARCUS VALE").role == BYLINE  # (a column's byline in capitals)
    info = classify(
        "Research Ledger is published by the Society for Open Science. Republish this article."
    )
    assert info.role == BOILER and info.end
