"""A long story's subheadings against the headlines of short stories side by side.

Real pages showed both: a long read cut at every subheading (its sections differ
in their words at six paragraphs' range, and the rules read each lone headline as
a page), and a dump of short stories on one subject whose bare headlines were
missed or had their start moved onto the paragraph under them. The texts here are
invented; the sections of the first story share its names, the stories do not.
"""

from __future__ import annotations

import io
import math
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from worker import segment as S
from worker.clean import BIO, BODY, CLOSE, classify
from worker.cohesion import wide_similarity
from worker.dumpio import iter_lines

FEATURE = [
    "Harbour council gambles on reviving the Quayside ferry",
    "Councillor Ruth Abernethy has spent two years arguing that the Quayside ferry, which "
    "stopped running between Tollbridge and Marram Point in 2019, should be brought back "
    "into service before the new bridge tolls begin.",
    "On Tuesday the Tollbridge harbour council finally agreed, voting by nine to four to buy "
    "a second-hand vessel and restart the crossing next spring.",
    "Abernethy called the vote a victory for commuters on the Marram Point side, who face a "
    "forty-minute drive round the estuary when the old bridge closes for repairs.",
    "Opponents on the council said the ferry had lost money for a decade before it stopped, "
    "and warned that the Quayside service would do so again.",
    "Borrowing against the mooring fees to close the gap",
    "The purchase will cost £1.2 million, of which £800,000 comes from a government grant "
    "that Abernethy secured last autumn and must be spent by March.",
    "The rest will be borrowed against the harbour's income from mooring fees, which the "
    "council's treasurer says have risen by a third since the marina was extended.",
    "Ticket prices have not been set, but the business plan assumes a single fare of £3.50 "
    "and an average of four hundred passengers a day on the Quayside crossing.",
    "Tollbridge's finance committee questioned those figures, pointing out that the ferry "
    "carried fewer than two hundred a day in its final year.",
    "Abernethy replied that the new tolls would change the sums, because drivers from Marram "
    "Point would pay £6 each way to cross the estuary by road.",
    "A thirty-year-old Norwegian vessel with corrosion in its hull",
    "Engineers who surveyed the vessel, a forty-metre ferry built in Norway in 1998, found "
    "corrosion in its hull plating and recommended that both diesel engines be overhauled.",
    "The Tollbridge harbourmaster said the pier at Marram Point would also need dredging, "
    "because silt has built up since the Quayside ferry last tied up there.",
    "Abernethy said the repairs were already in the budget and that the vessel would be ready "
    "by April, in time for the summer timetable.",
    "Two councillors who voted against the plan asked for the engineers' full report to be "
    "published, and the council agreed to do so next week.",
    '"If the Quayside ferry fails a second time, nobody will trust us to run anything in '
    'Tollbridge again," one of them said.',
    "Abernethy said she would resign her seat if the ferry was not carrying passengers by "
    "the end of May.",
]
NEXT = [
    "Museum returns stolen painting to Polish family",
    "A portrait looted from a Warsaw apartment in 1944 has been returned to the granddaughter "
    "of its original owner by the Eastmoor Art Gallery, which bought it at auction in 1971.",
    "Katarzyna Nowicka travelled from Krakow for the handover, which took place in the "
    "gallery's main hall in front of a small group of relatives and museum staff.",
    "The painting, a small oil portrait of a young woman by an unknown artist, had hung in "
    "the gallery's Victorian room for more than fifty years.",
    "Researchers traced its history after a volunteer noticed a faded stamp on the back of "
    "the frame that matched records held by a Polish ministry.",
    "Nowicka said her grandmother had described the portrait to her many times but had never "
    "expected to see it again.",
]
SUBHEADS = (5, 11)  # indices of the feature's two subheadings
HEADLINE = len(FEATURE)  # the next story's headline


def _entries(lines: list[str]) -> list:
    ents: list = []
    for raw in iter_lines(io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))):
        S._push(ents, raw)
    return ents


def _section_sims(lines: list[str]) -> dict[int, float]:
    ents = _entries(lines)
    coh, terms = S._cohesion_terms(ents)
    return {i: S._section_sim(ents, i, terms, coh[2]) for i in (*SUBHEADS, HEADLINE)}


def test_sections_of_one_story_share_more_than_two_stories() -> None:
    sims = _section_sims(FEATURE + NEXT)
    assert all(sims[i] > 0 for i in SUBHEADS), sims  # each subheading is held back
    assert sims[HEADLINE] == 0.0, sims  # the museum story shares nothing to speak of


def test_a_long_headline_of_a_story_on_the_same_subject_is_no_subheading() -> None:
    """A name and a verb at length ("Tollbridge harbour council says ...") right under a
    paragraph heads the next story, however many words the two share (one subject per
    dump); under a "Read more" label the same line is a related story's link, and a
    short label in that place still heads a section."""
    headline = "Tollbridge Harbour Council says it will ‘review’ the Quayside ferry plan"
    story = [*FEATURE[1:5], headline, *FEATURE[6:11]]
    ents = _entries(story)
    coh, terms = S._cohesion_terms(ents)
    assert S._section_sim(ents, 4, terms, coh[2]) == 0.0
    linked = [*FEATURE[1:5], "Read more", headline, *FEATURE[6:11]]
    ents = _entries(linked)
    coh, terms = S._cohesion_terms(ents)
    assert S._section_sim(ents, 5, terms, coh[2]) > 0
    labelled = [*FEATURE[1:5], FEATURE[5], *FEATURE[6:11]]
    ents = _entries(labelled)
    coh, terms = S._cohesion_terms(ents)
    assert S._section_sim(ents, 4, terms, coh[2]) > 0


def test_section_similarity_weighs_against_a_lone_headline() -> None:
    """With a prior that takes a lone headline for a page, the section similarity alone
    keeps the feature's first subheading (its sections share the most) inside it."""
    eager = S.Weights(head_only=1.5, subhead=0.0)
    blind = S.Weights(head_only=1.5, subhead=0.0, section_sim=0.0)
    text = "\n".join(FEATURE + NEXT) + "\n"
    rules = {"placement": None, "starts_check": None}
    off = [a.start_line for a in S.segment_text(text, weights=blind, **rules)]
    on = [a.start_line for a in S.segment_text(text, weights=eager, **rules)]
    first = SUBHEADS[0] + 1
    assert first in off and HEADLINE + 1 in off  # without it: cut at the subheading
    assert first not in on and HEADLINE + 1 in on


def test_default_segmentation_keeps_the_feature_whole() -> None:
    arts = S.segment_text("\n".join(FEATURE + NEXT) + "\n")
    assert [(a.start_line, a.title) for a in arts] == [
        (1, FEATURE[0]),
        (HEADLINE + 1, NEXT[0]),
    ]


def _reference_similarity(terms, g: int, lo: int, hi: int) -> float:
    """wide_similarity the slow way: a dict per side."""
    left: dict[int, float] = defaultdict(float)
    right: dict[int, float] = defaultdict(float)
    for r, line, w in zip(*(t.tolist() for t in terms), strict=True):
        if lo <= line < g:
            left[r] += w
        elif g < line < hi:
            right[r] += w
    dot = sum(w * right.get(r, 0.0) for r, w in left.items())
    norm = math.sqrt(sum(w * w for w in left.values()) * sum(w * w for w in right.values()))
    return dot / norm if norm else 0.0


def test_wide_similarity_matches_a_reference() -> None:
    ents = _entries(FEATURE + NEXT)
    _coh, terms = S._cohesion_terms(ents)
    m = int(terms[1].max()) + 1
    for g in range(m):
        for lo, hi in ((g - 12, g + 13), (g - 3, g + 2), (0, m), (g, g + 1), (g + 2, g - 1)):
            got = wide_similarity(terms, g, lo, hi)
            assert got == pytest.approx(_reference_similarity(terms, g, lo, hi), abs=1e-12)


@pytest.mark.parametrize(
    ("line", "headlinese"),
    [
        ("Holmes secures comeback victory", True),
        ("Campbell to extend sprint career", True),
        ("Parliament passed the bill", True),
        ("What is a heat dome?", False),
        ("The revenue piece", False),
        ("Day two: the islands", False),
        ("Verdict", False),
        ("Why is it controversial", False),
        ("Rydo says it will ‘review’ driver pay after strike", True),
        ("Harbour Council backs “temporary” ferry fares", True),
    ],
)
def test_headlinese(line: str, headlinese: bool) -> None:
    """A short line with a name and a verb is a headline's grammar; a label is not."""
    assert bool(S._HEADLINESE.match(line)) is headlinese


def test_a_headline_its_first_paragraph_restates_keeps_the_start() -> None:
    lines = [
        "Storm closes the Skellan ferry for a week",
        "The Skellan ferry will not sail until next Monday after a storm damaged its pier.",
        "Bakery chain faces flour shortage",
        "Ticket holders were told on Friday that the concert had been moved to June.",
    ]
    ents = _entries(lines)
    assert S._restated(ents, 0)  # "Skellan", "ferry" again in the lead
    assert not S._restated(ents, 2)  # the paragraph under it is about something else
    assert not S._restated(ents, 1)  # not a headline line at all


def test_a_lead_under_a_headline_is_not_a_bio() -> None:
    """ "Justice Jo Park is the tip of the spear ..." right under a headline opens the
    story; the same sentence under a byline is the writer's bio."""
    lead = "Justice Jo Park is the tip of the spear for the court's conservative wing this term."
    ents = _entries(["Judge and lawyer spar again at the high court", lead])
    assert ents[1].info.role == BODY
    bio = "Jo Park is a reporter for the Daily Ledger based in Leeds."
    ents = _entries(["The last word on the harbour vote", "By Sam Roe", "The vote was close.", bio])
    assert ents[3].info.role == BIO


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("(Reuters) — The attorney general is investigating the firm, two people said.", True),
        ("Dekalb, Ill. — Jo Park threw for three touchdowns as the Huskies won on Tuesday.", True),
        ("New York, NY – With engagement moving to phones, publishers are rethinking ads.", True),
        ("Jo Park, Leeds – the former mayor said on Monday that she would stand again.", False),
        ("Opening hours, Monday – Friday 9am to 5pm at the main library on Fore Street.", False),
    ],
)
def test_datelines_in_mixed_case(line: str, dateline: bool) -> None:
    """A place with its state, or a wire's tag alone, before a dash opens a story."""
    assert classify(line).dateline is dateline


def test_a_wires_credit_closes_the_story() -> None:
    for line in ("With Post wires", "— With wire services", "With wires"):
        assert classify(line).role == CLOSE, line
    assert classify("With great power").role != CLOSE
    assert classify("This article was reprinted on Wired.com.").role == CLOSE
    assert classify("This article reprinted the myth that monks built the bridge.").role != CLOSE


def test_a_listicles_item_text_opens_no_page() -> None:
    """ "4. Stay hydrated" over its paragraph: the paragraph is the item's text, however
    new its words, so no start is scored there (nor on the fast path)."""
    items = [
        (
            "Stay hydrated",
            "Drinking plenty of water through the day is a simple way to curb "
            "cravings, and a glass before each meal helps you notice when you are full.",
        ),
        (
            "Try yoga",
            "Yoga combines breathing exercises, poses and meditation, and regular "
            "classes have been linked to calmer moods and steadier eating habits.",
        ),
        (
            "Sleep more",
            "Short nights raise the hormones that drive appetite, so a regular "
            "bedtime of seven or eight hours makes late snacking less tempting.",
        ),
    ]
    lines = ["Fifteen ways to stop overeating, according to dietitians"]
    lines.append("Overeating is common, and small changes to routine can make a real difference.")
    for k, (head, text) in enumerate(items, 1):
        lines += [f"{k}. {head}", text]
    ents = _entries(lines)
    assert all(S._item_heading(ents[i]) for i in (2, 4, 6))
    coh, terms = S._cohesion_terms(ents)
    zone = S._appeal_zone(ents)
    assert all(S._features(ents, i, zone, coh, terms) is None for i in (3, 5, 7))
    fast = {i for _s, i in S._positive_scores(ents, 1, S.DEFAULT_WEIGHTS, coh, terms=terms)}
    assert not fast & {3, 5, 7}
    assert [a.start_line for a in S.segment_text("\n".join(lines) + "\n")] == [1]


def test_a_fact_checks_verdict_closes_it() -> None:
    assert classify("We rate the statement Mostly True.").role == CLOSE
    assert classify("We rate this claim False.").role == CLOSE
    assert classify("We rate the restaurant highly for its view.").role != CLOSE


def test_a_story_after_a_copyright_line_is_not_the_header_above() -> None:
    """Heading, one sentence, "© Name", then a paragraph: the copyright ended that
    page, so the paragraph opens the next story rather than joining the header's."""
    recipe = [
        "Pear jam for the pantry shelf",
        "Pears from the orchard at Millbeck make the best jam of the autumn, and the recipe "
        "below keeps for a year in a cool cupboard if the jars are properly sealed.",
        "Peel, core and cube two kilos of ripe pears and cook them with the juice of a lemon.",
        "Add the honey and boil until the jam is thick enough to coat the back of a spoon.",
        "Boil the filled jars for ten minutes",
        "Leave them to cool overnight; the jam sets within two days.",
        "© Jo Park",
    ]
    story = [
        "The harbour council voted on Tuesday to restart the Quayside ferry next spring, "
        "ending a five-year gap in the crossing between Tollbridge and Marram Point.",
        "Councillors agreed by nine votes to four to buy a second-hand vessel from Norway.",
        "Opponents said the service had lost money for a decade before it stopped in 2019.",
        "The first sailings are planned for April, in time for the summer timetable.",
    ]
    ents = _entries(recipe + story)
    head, lead = 4, len(recipe)  # "Boil the filled jars ..." taken for a page, and the story
    assert S._drop_headless(ents, [0, head, lead]) == [0, head, lead]
    unsigned = _entries(recipe[:-1] + story)  # no copyright line: the lead joins the header
    assert S._drop_headless(unsigned, [0, head, lead - 1]) == [0, head]


def test_real_texts_benchmark_scores_supplied_articles(tmp_path) -> None:
    """benchmarks/real_texts.py joins supplied articles and scores the segmentation:
    the feature and the museum story, headlines kept, come back as two articles."""
    repo = Path(__file__).resolve().parents[1]
    (tmp_path / "a.txt").write_text("\n\n".join(FEATURE), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(NEXT), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            str(repo / "benchmarks" / "real_texts.py"),
            str(tmp_path),
            "--headlines",
            "keep",
            "--per-dump",
            "2",
            "-v",
        ],
        check=True,
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "1 dumps of 2 articles: mean Pk 0.000, boundary F1 (±1 line) 1.000" in done.stdout
