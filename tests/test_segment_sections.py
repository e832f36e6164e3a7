"""A headline-only start among a feature's section headings is one of them."""

from __future__ import annotations

import io

from worker import segment as S
from worker.clean import HEAD
from worker.dumpio import iter_lines


def _entries(lines: list[str]) -> list:
    ents: list = []
    for raw in iter_lines(io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))):
        S._push(ents, raw)
    return ents


def _drop(ents: list, bounds: list[int], start: int) -> list[int]:
    coh, terms = S._cohesion_terms(ents)
    return S._drop_sections(ents, bounds, start, terms, coh[2])


PARA = [
    "Glaciologists on the plateau have measured the snow at the same stakes since 1988.",
    "This spring the depth at the highest stake was less than half its long-term average.",
    "The melt now peaks in May, several weeks earlier than it did three decades ago.",
]


# The feature's later sections: each goes on about the same glaciers, snow and water.
SECTIONS = [
    [
        "The glaciers feed the river that both countries share, and the snow decides its flow.",
        "Engineers say the old treaty assumed winters with far more snow on the plateau.",
        "Its quotas were set in 1961, when the glaciers reached almost to the valley floor.",
    ],
    [
        "The reservoir below the plateau can store one summer of melt, but not two.",
        "When the snow fails, its engineers release water early and the river runs low by August.",
        "Farmers downstream have asked for the reservoir to be enlarged before the glaciers go.",
    ],
    [
        "In the delta the river reaches the sea weeks later than it did when the snow was deep.",
        "Salt water creeps up the channels, and rice growers have lost two harvests to it.",
        "The glaciologists expect the plateau's snow to keep shrinking for decades.",
    ],
]


def _feature(first_section: list[str]) -> list[str]:
    return [
        "The mountain that ran out of winter",
        "By Ana Ferreira",
        "March 3, 2025",
        *PARA,
        *first_section,
        *SECTIONS[0],
        "What the reservoir can and cannot do",
        *SECTIONS[1],
        "A harder summer for the delta",
        *SECTIONS[2],
    ]


def test_headline_only_start_followed_by_sibling_subheadings_is_dropped() -> None:
    lines = _feature(["A treaty written for a very different climate"])
    ents = _entries(lines)
    sub = 6
    assert ents[sub].info.role == HEAD
    assert _drop(ents, [sub], 0) == []


def test_headline_with_its_own_byline_stays_a_start() -> None:
    lines = _feature(["A treaty written for a very different climate", "By Jon Moss"])
    ents = _entries(lines)
    assert _drop(ents, [6], 0) == [6]


def test_headline_under_a_headline_only_article_stays_a_start() -> None:
    lines = _feature(["A treaty written for a very different climate"])
    lines[1:3] = []  # the article above has no byline or date: a run of briefs
    ents = _entries(lines)
    assert _drop(ents, [4], 0) == [4]


def test_plain_report_after_an_interviews_turns_is_the_next_piece() -> None:
    """Turns labelled with their speaker, then paragraphs with no label: the Q&A ended
    and a report on the same subject follows, with no headline of its own."""
    lines = [
        "‘The snow is the real treaty’: Mira Holt on the river talks",
        "By Ana Ferreira",
        "March 3, 2025",
        "Mira Holt has run the basin's measuring network since 2015.",
        "Herald: Both countries accuse your agency of hiding its numbers. Is that fair?",
        "Holt: Partly. We published one number every morning, and it became a weapon.",
        "Herald: Why was there only one?",
        "Holt: Because the governments preferred to keep their own data to themselves.",
        "Herald: Will the talks this week produce a lasting agreement on the flows?",
        "Holt: An interim deal, I think. The long term depends on winters nobody can forecast.",
        "The commission's engineers have published a joint estimate of last summer's abstractions.",
        "The estimate found that irrigation canals upstream took a third more than allowed.",
        "Evaporation from the reservoir accounted for a further six cubic metres per second.",
        "Downstream networks lost almost half of the water they diverted through seepage.",
        "Both delegations welcomed the report while drawing different conclusions from it.",
        "The engineers recommended publishing storage and salinity data daily from next year.",
    ]
    arts = S.segment_text("\n".join(lines) + "\n")
    assert [a.start_line for a in arts] == [1, 11]
    ents = _entries(lines)
    body = [i for i, e in enumerate(ents) if e.info.role == S.BODY]
    assert S._turns_end(ents, body, [8, 9, 10, 11]) == 2
    assert S._turns_end(ents, body, [8, 9]) == -1  # turns on both sides: the Q&A goes on


def test_no_starts_no_sections() -> None:
    assert _drop(_entries(PARA), [], 0) == []
    assert len(S.segment_text("\n".join(PARA) + "\n")) == 1
