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


PARA = [
    "Glaciologists on the plateau have measured the snow at the same stakes since 1988.",
    "This spring the depth at the highest stake was less than half its long-term average.",
    "The melt now peaks in May, several weeks earlier than it did three decades ago.",
]


def _feature(first_section: list[str]) -> list[str]:
    return [
        "The mountain that ran out of winter",
        "By Ana Ferreira",
        "March 3, 2025",
        *PARA,
        *first_section,
        *PARA,
        "What the reservoir can and cannot do",
        *PARA,
        "A harder summer for the delta",
        *PARA,
    ]


def test_headline_only_start_followed_by_sibling_subheadings_is_dropped() -> None:
    lines = _feature(["A treaty written for a very different climate"])
    ents = _entries(lines)
    sub = 6
    assert ents[sub].info.role == HEAD
    assert S._drop_sections(ents, [sub], 0) == []


def test_headline_with_its_own_byline_stays_a_start() -> None:
    lines = _feature(["A treaty written for a very different climate", "By Jon Moss"])
    ents = _entries(lines)
    assert S._drop_sections(ents, [6], 0) == [6]


def test_headline_under_a_headline_only_article_stays_a_start() -> None:
    lines = _feature(["A treaty written for a very different climate"])
    lines[1:3] = []  # the article above has no byline or date: a run of briefs
    ents = _entries(lines)
    assert S._drop_sections(ents, [4], 0) == [4]


def test_no_starts_no_sections() -> None:
    assert S._drop_sections(_entries(PARA), [], 0) == []
    assert len(S.segment_text("\n".join(PARA) + "\n")) == 1
