"""Line roles and starts from the h54 review (a flood-insurance row, a research-misconduct
case and a transit strike across papers, releases, live pages and newsletters). Every line
here is written for the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import APPEAL, BOILER, BYLINE, classify
from worker.segment import segment_text


def test_registration_number_in_the_footer_is_furniture() -> None:
    """A charity's or company's registration number under its page: no headline of a next
    story, so the kicker and headline after it start one."""
    for line in (
        "Registered charity no. 2044178",
        "Charity number: SC031207",
        "Company number 08812345",
        "Registered in England and Wales No. 4412873",
    ):
        assert classify(line).role == BOILER, line
    lines = [
        *STORY,
        "Appeal for the depot's neighbours passes its target",
        "By Lena Berg",
        "The appeal for families living beside the depot has passed its target of 20,000 pounds.",
        "Grants will be paid from next month to households on the two streets nearest the yard.",
        "Registered charity no. 2044178",
        "Business",
        "Tram maker wins second order from the city",
        "By Maja Holm",
        "The company that builds the city's trams has won a second order worth 40 million euros.",
        "The new trams will run on the route to the airport from the spring of next year.",
    ]
    assert starts(lines) == [1, 6, 11]


def test_ad_slot_label_with_its_note_is_furniture() -> None:
    assert classify("Advertisement · Scroll to continue with content").role == BOILER
    assert classify("Sponsored | Story continues below").role == BOILER


def test_view_in_browser_and_language_links_open_the_next_page() -> None:
    """A newsletter's "View in browser" and a link to the page in another language sit over
    the headline: furniture, the start of the page below, and never its title."""
    for top in ("View in browser", "Read this story in Spanish", "Lire cet article en français"):
        assert classify(top).role == BOILER, top
        lines = [
            *STORY,
            top,
            "Night buses return to the harbour route",
            "By Maja Holm",
            "Night buses will run on the harbour route again from Monday after a year's break.",
            "The operator said it had hired enough drivers to cover the late shifts once more.",
        ]
        arts = segment_text("\n".join(lines) + "\n")
        assert [a.start_line for a in arts] == [1, 6], top
        assert arts[1].title == "Night buses return to the harbour route", top


def test_breadcrumb_step_ending_in_a_year_opens_the_next_page() -> None:
    """A breadcrumb whose last step ends in a year ("Home / Updates / Strike 2025") still
    tops the page below it. (A known miss of the learned models until the thirty-third
    session read "Posted by the union's press office" as the page's byline.)"""
    lines = [
        *STORY,
        "Home / Updates / Strike 2025",
        "Why the drivers are walking out",
        "Posted by the union's press office",
        "March 3, 2025",
        "At four this morning the drivers, fitters and cleaners of the tram depot stopped work.",
        "We did not take this step lightly, and we want riders to know what we are asking for.",
    ]
    assert starts(lines) == [1, 6]


def test_donation_and_membership_pitches_are_appeals() -> None:
    """The outlet's pitch under a story, worded as a gift, a price or a button."""
    for line in (
        "The Depot Gazette is run by volunteers. Your donation keeps our reporters on the"
        " street. Support the Gazette →",
        "Enjoy our work? You can make a tax-deductible contribution, or follow us online.",
        "The Tram Weekly is free to pick up. Become a Weekly Friend for £4 a month to keep it so.",
        "Donate to the Depot Neighbours Fund →",
        "To donate to the neighbours' appeal, visit example.org/appeal or call the office.",
    ):
        assert classify(line).role == APPEAL, line


def test_reader_notes_under_a_story_are_furniture() -> None:
    """A letters page's call for views, a help note and a newsletter's welcome."""
    for line in (
        "We'd like to hear what you think about this or any of our stories. Write to us.",
        "If you have been affected by the closure, support is available from the council.",
        "Welcome to the 120 new subscribers who joined us this week, and thanks for reading.",
    ):
        assert classify(line).role == BOILER, line


def test_donate_button_under_a_post_is_no_headline() -> None:
    lines = [
        *STORY,
        "Donate to the Depot Neighbours Fund →",
        "#TramDepot #NightShifts",
        "Business",
        "Tram maker wins second order from the city",
        "By Maja Holm",
        "The company that builds the city's trams has won a second order worth 40 million euros.",
        "The new trams will run on the route to the airport from the spring of next year.",
    ]
    assert starts(lines) == [1, 8]


def test_station_staff_byline_under_a_standfirst() -> None:
    """The outlet's staff byline with a channel number in its name ("Harbour 9 News
    Staff") under a live page's standfirst is part of its header, no next page's start."""
    assert classify("Harbour 9 News Staff").role == BYLINE
    lines = [
        "LIVE UPDATES",
        "Tram strike, day 3: depot gates stay shut as talks go on",
        "About 900 drivers and fitters stayed off the job on Wednesday. Here is the latest.",
        "Harbour 9 News Staff",
        "Updated 5:10 PM, Wed March 5, 2025",
        "4:55 PM",
        "Talks to resume Thursday",
        "The mediator says both sides will meet again at nine on Thursday morning downtown.",
    ]
    assert starts(lines) == [1]


def test_release_title_is_under_its_banner() -> None:
    """A release's letterhead and banner over its headline: the headline is the title."""
    lines = [
        *STORY,
        "TOWN OF EASTMERE — OFFICE OF THE HARBOUR MASTER",
        "NEWS RELEASE",
        "FOR IMMEDIATE RELEASE | April 2, 2025",
        "Harbour Master Opens Night Moorings to Stranded Ferry Crews",
        "EASTMERE — The harbour master today opened the night moorings to ferry crews.",
        "The moorings will stay open until the strike ends, the harbour office said.",
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 6]
    assert arts[1].title == "Harbour Master Opens Night Moorings to Stranded Ferry Crews"


def test_section_joined_by_and_the_is_a_label() -> None:
    """A regional section's name ("Harbour & the Coast") over a headline is not its title."""
    lines = [
        *STORY,
        "Harbour & the Coast",
        "Ferry firm defends cancellations as councillors demand answers",
        "By Maja Holm",
        "March 4, 2025",
        "The ferry company said on Tuesday that it had cancelled crossings only for safety.",
        "Councillors want the company's managers to appear before the transport committee.",
    ]
    arts = segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 6]
    assert arts[1].title == "Ferry firm defends cancellations as councillors demand answers"
