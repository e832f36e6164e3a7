"""Which header line is an article's title when a page stacks labels over its headline.

Own text, written for these tests. Each case is a whole page (header lines, then
body paragraphs) segmented alone; the title must be the headline, the labels above
it reported as kickers (dropped, not article text)."""

from __future__ import annotations

import pytest

from worker.segment import segment_text

BODY = [
    "The harbour board voted on Thursday to close the old grain quay to ships for two years.",
    "Engineers found that the quay's timber piles had rotted far faster than expected.",
    "Fishing boats will move to the north basin while the piles are replaced.",
]


def _only(header: list[str]):
    arts = segment_text("\n".join([*header, *BODY]) + "\n")
    assert len(arts) == 1, [a.start_line for a in arts]
    return arts[0]


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # a one-word section over the headline
        (["Harbour", "Old grain quay to close for two years of repairs"], 1),
        # a breadcrumb path of short parts
        (["Home › Local › Waterfront", "Old grain quay to close for two years of repairs"], 1),
        (["News | Ports", "Old grain quay to close for two years of repairs"], 1),
        # a short banner in capitals, then a sentence-case section, then the headline
        (["THE WATERFRONT", "Ports", "Old grain quay to close for two years of repairs"], 2),
        # three words with one in lower case are a headline, not a label
        (["Grain quay shut", "Repairs to rotten piles will take two years, the board said"], 0),
    ],
)
def test_labels_over_the_headline_are_passed_over(header: list[str], title: int) -> None:
    art = _only(header)
    assert art.title == header[title]
    reasons = {d.line: d.reason for d in art.dropped_lines}
    assert all(reasons.get(k + 1) == "kicker" for k in range(title))
    assert all(label not in art.text for label in header[:title])


def test_labels_only_the_first_is_the_title() -> None:
    """With nothing but labels in the header, the first stays the title (as before)."""
    art = _only(["Weekend", "Ports"])
    assert art.title == "Weekend"
