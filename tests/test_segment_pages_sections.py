"""Page shapes met in newspaper4k's test pages (twelfth session), on invented text:
a story in sections after another story, a sign-off set off by a dash, a byline with
a quoted nickname, a lead that reads like a bio, a link in brackets, a page title
with its site's name, and where the learned placement may move a start."""

from __future__ import annotations

from test_segment_pages import FLOODS, _starts  # (the same invented flood story)

from worker import placement as P
from worker.clean import BIO, BODY, BOILER, BYLINE, CLOSE, HEAD, classify
from worker.segment import _site_title, segment_text

# A story in sections, each on its own subject: the laws that take effect in a year.
LAWS = [
    "Hundreds of new state laws take effect on Monday, from a ban on plastic straws to"
    " new rules for landlords, after legislatures wrapped up a busy session.",
    "Many of the measures passed with little debate, but a handful drew protests at"
    " statehouses and promises of challenges in court.",
    "Tenants in Oregon must now get ninety days' notice of a rent rise, and landlords who"
    " skip it face fines of up to three months' rent.",
    "Renters' groups called the rule overdue; a landlords' association said small owners"
    " would sell rather than deal with the paperwork.",
    "Eviction hearings will also move online, with tenants allowed to join by telephone.",
    "Shark fins can no longer be sold in Delaware, the latest state to ban the trade, which"
    " conservation groups blame for collapsing populations off the Atlantic coast.",
    "Restaurants that served shark fin soup have until spring to clear their freezers.",
    "Marine biologists at the state university had lobbied for the ban for six years.",
    "Illinois hunters and fishermen may not be harassed by drones, and police need a"
    " warrant before flying one over private land.",
    "Hobby pilots said the rules were vague about what counts as harassment of a hunter.",
    "Sheriffs asked for an exception for searches after missing hikers, and got one.",
    "Colorado becomes the first state to let adults over 21 buy marijuana at licensed"
    " dispensaries, with a tax of 25 percent on each sale.",
    "Shops in Denver expected queues on the first morning and hired extra security guards.",
]


def _laws_in_sections() -> list[str]:
    return [
        *LAWS[:2],
        "Rents and notice",
        *LAWS[2:5],
        "Sharks",
        *LAWS[5:8],
        "Drones over fields",
        *LAWS[8:11],
        "Legal marijuana",
        *LAWS[11:],
    ]


def test_a_story_in_sections_is_not_cut_between_its_subheadings() -> None:
    """A story whose sections each name other things (housing, sharks, drones): the
    parts share few words, yet no cue-less start falls between its subheadings."""
    lines = ["New laws take effect across the states", "By Tom Hale", *_laws_in_sections()]
    assert _starts(lines) == [1]


def _entries(lines: list[str]) -> list:
    import io

    from worker import segment as S
    from worker.dumpio import iter_lines

    ents: list = []
    for raw in iter_lines(io.BytesIO(("\n".join(lines) + "\n").encode())):
        S._push(ents, raw)
    return ents


def test_a_headline_only_story_in_sections_after_a_story_is_kept() -> None:
    """bylined story / headline / story in sections: the headline sits between two
    paragraphs like a subheading, and the story under it has more of them, but the two
    stories share no words, so it opens a story (it used to be read as the first
    section of the one above); the first subheading of one story stays a subheading."""
    from worker import segment as S

    ents = _entries(
        [
            "By Tom Hale",
            *FLOODS,
            "Hundreds of new state laws take effect from straws to drones",
            *_laws_in_sections(),
        ]
    )
    coh, terms = S._cohesion_terms(ents)
    assert ents[7].info.role == HEAD
    assert S._drop_sections(ents, [7], 0, terms, coh[2]) == [7]
    more = [
        "Upton residents said the river rose faster than in 2007, and the barrier walls were"
        " in place with hours to spare.",
        "The Environment Agency said the temporary walls at Tewkesbury would stay up until the"
        " river fell below its warning level.",
    ]
    ents = _entries(
        [
            "By Tom Hale",
            *FLOODS[:2],
            "Walls raised in time",
            *FLOODS[2:4],
            "Homes and fields",
            *FLOODS[4:],
            "What the review will ask",
            *more,
        ]
    )
    coh, terms = S._cohesion_terms(ents)
    assert ents[3].info.role == HEAD
    assert S._drop_sections(ents, [3], 0, terms, coh[2]) == []


def test_a_sign_off_set_off_by_a_dash_closes_the_story() -> None:
    """ "-- By Jo Park Follow @jopark" under the last paragraph is the writer's sign-off:
    it closes that story and opens none."""
    assert classify("-- By Tom Hale Follow @tomhale").role == CLOSE
    assert classify("— By Tom Hale").role == CLOSE
    assert classify("By Tom Hale").role == BYLINE
    lines = [
        "River defences hold as Severn peaks",
        *FLOODS,
        "-- By Tom Hale Follow @tomhale",
        "Related Stories",
        "Youth orchestra heads to Japan after appeal succeeds",
        "By Anna Bright",
        "The Halverton Youth Orchestra will tour Japan next summer, its first overseas trip"
        " since the pandemic, after a crowdfunding appeal raised more than its target.",
        "Sixty musicians aged between 14 and 19 will play concerts in Osaka, Kyoto and Tokyo.",
    ]
    assert _starts(lines) == [1, 10]


def test_a_byline_may_quote_a_nickname() -> None:
    assert classify('By Amanda "Tania Mae" Tan').role == BYLINE
    assert classify("By Lee “Faker” Sang-hyeok").role == BYLINE


def test_a_lead_about_someone_else_under_a_byline_is_no_bio() -> None:
    """ "By Jo Park" / "Justice Al Ruiz is the tip of the spear ...": a sentence shaped like
    a bio under a byline that names someone else is the story's lead; one that names
    the writer is the writer's bio (the author box under a story)."""
    lead = (
        "Justice Samuel Ruiz is the tip of the spear for conservatives challenging the"
        " administration during oral arguments at the court."
    )
    assert classify(lead).role == BIO  # (alone, it reads like one)
    arts = segment_text("\n".join([*FLOODS, "By Joan Mercer", lead, *FLOODS[:0]]) + "\n")
    text = " ".join(a.text for a in arts)
    assert "tip of the spear" in text
    bio = "Joan Mercer is a senior legal analyst for the Valley Times."
    arts = segment_text("\n".join([*FLOODS, "By Joan Mercer", bio]) + "\n")
    assert all("legal analyst" not in a.text for a in arts)


def test_a_link_in_brackets_inside_a_story_is_furniture() -> None:
    for line in (
        "(MORE: 'Laughter Shocks': 13 Best Tweets About the Earthquake)",
        "(READ: Why the quake was felt so far away)",
        "[Related: What to do in an earthquake]",
    ):
        info = classify(line)
        assert (info.role, info.ad) == (BOILER, True), line
    assert classify("(Photo: Jo Park)").role != BOILER  # a photo's credit


def test_a_pages_title_with_its_sites_name_is_a_cue() -> None:
    """A headline with the site's name after a separator is the page's title, as its
    browser tab shows it: a second cue beside the headline, so a lone one between two
    stories opens the second."""
    assert _site_title("Washington Monument Closes to Repair Crack - TIME NewsFeed")
    assert _site_title("Here Comes Apple's Real TV | BusinessWeek")
    assert not _site_title("Atlantic salmon at a fish market in February. | Kyodo")  # a credit
    assert not _site_title("Kiran Patel hit his maiden hundred with a pull • PTI")  # capitals
    assert not _site_title("Updated - April 24, 2025 11:32 pm IST - New Delhi")
    assert not _site_title("Brexit - What Next")  # too short for a page title
    orchestra = [
        "Sixty musicians aged between 14 and 19 will play concerts in Osaka, Kyoto and Tokyo,"
        " including a programme of Elgar and a new commission by a local composer.",
        "The conductor, Priya Anand, said the players had rehearsed every Saturday morning.",
    ]
    lines = [
        "River defences hold as Severn peaks",
        *FLOODS[:3],
        "Youth Orchestra Heads to Japan After Appeal - Valley Notes",
        *orchestra,
    ]
    assert _starts(lines) == [1, 5]


def test_the_placement_never_moves_a_start_below_a_by_line_or_a_headline() -> None:
    """A start the rules put on a "By ..." byline stays there or above it (a page's header
    opens with it; a sign-off seldom says "By"); a start moved down stops at a headline
    over a paragraph, the top of a story."""
    roles = [BODY, BOILER, BYLINE, HEAD, BODY, BODY]
    assert P.run_around(roles, 2, 0, 6, down=P.moves_down(BYLINE, "By Jo Park")) == (1, 2)
    assert P.run_around(roles, 1, 0, 6) == (1, 3)  # down to the headline, not below it
    assert P.moves_down(BYLINE, "Jo Park")  # a bare name may be the last story's
    assert P.moves_down(HEAD, "By the numbers")


def test_a_title_under_a_notes_box_over_a_by_line_is_the_next_headline() -> None:
    """story / "About Valley Notes' Reviews" / "MEANWHILE: Floods In The Valley..." /
    "By Anna Bright": the notes box takes the lines under it, but a title over a "By"
    byline is the next page's headline, which the page starts at."""
    lines = [
        *FLOODS,
        "About Valley Notes' Reviews",
        "MEANWHILE: Youth Orchestra Heads To Japan...",
        "By Anna Bright",
        "The Halverton Youth Orchestra will tour Japan next summer, its first overseas trip"
        " since the pandemic, after a crowdfunding appeal raised more than its target.",
        "Sixty musicians aged between 14 and 19 will play concerts in Osaka, Kyoto and Tokyo.",
    ]
    assert _starts(lines) == [1, 8]
    arts = segment_text("\n".join(lines) + "\n")
    assert arts[1].title == "MEANWHILE: Youth Orchestra Heads To Japan..."


def test_a_widgets_placeholder_is_furniture() -> None:
    assert classify("Loading weather data ...").role == BOILER
    assert classify("Loading comments…").role == BOILER
    assert classify("Loading the lorries took the crew all night and half the morning...").role != (
        BOILER
    )


def test_a_by_line_over_a_promo_over_a_dateline_opens_the_page() -> None:
    """story / "By Anna Bright and Tom Hale" / "Are you in the grips of the storm ...?
    Share your pictures ..." / "HALVERTON (WXYZ) -- ...": the dateline lead one paragraph
    under the byline is the byline's page, so the page starts at the byline, not at the
    lead."""
    lines = [
        "River defences hold as Severn peaks",
        *FLOODS,
        "By Anna Bright and Tom Hale",
        "Are you in the grips of the storm sweeping the valley? Share your pictures and"
        " stories at ValleyReport.",
        "HALVERTON (WXYZ) -- The Halverton Youth Orchestra will tour Japan next summer, its"
        " first overseas trip since the pandemic, after a crowdfunding appeal succeeded.",
        "Sixty musicians aged between 14 and 19 will play concerts in Osaka, Kyoto and Tokyo,"
        " including a programme of Elgar and a new commission by a local composer.",
        "The conductor, Priya Anand, said the players had rehearsed every Saturday morning.",
    ]
    assert _starts(lines) == [1, 8]
