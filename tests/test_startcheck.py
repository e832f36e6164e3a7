"""The learned check of starts (worker/startcheck.py)."""

from __future__ import annotations

from support_stories import STORY

from worker import startcheck as SC
from worker.clean import BODY, BYLINE, HEAD, LineInfo
from worker.segment import segment_text


def _lines(*rows: tuple[int, str]):
    infos = [(text, LineInfo(role=role, words=len(text.split()))) for role, text in rows]
    return infos.__getitem__, [r for r, _ in rows]


def _starts(lines: list[str], **kw) -> list[int]:
    return [a.start_line for a in segment_text("\n".join(lines) + "\n", **kw)]


def test_shape_tells_timed_entries_labels_and_headlines_apart() -> None:
    def shape(role: int, text: str) -> tuple[int, str, int]:
        return SC.shape(text, LineInfo(role=role, words=len(text.split())))

    assert shape(HEAD, "16:40 Ferries cancelled") == shape(HEAD, "15:55 Power cut")
    assert shape(HEAD, "16:40 Ferries cancelled")[1] == "time"
    assert shape(HEAD, "FOR SALE")[1] == "caps"
    assert shape(HEAD, "Ferry fares to rise by a fifth from April")[1] == "cap"


def test_start_features_read_lengths_header_and_neighbours_shapes() -> None:
    line, roles = _lines(
        (BODY, "The story above ends here with its last paragraph."),
        (HEAD, "16:40 Ferries cancelled"),
        (BODY, "All sailings are off, the operator says."),
        (HEAD, "15:55 Power cut"),
        (BODY, "About 2,000 homes lost power."),
        (HEAD, "15:10 Schools close"),
        (BODY, "Parents are asked to collect children."),
    )
    f = SC.start_features(line, roles, 1, 3, 5)
    assert {"len_2", "plen_2", "body_1", "pbody_1", "same_prev", "same_next", "same_both"} <= set(f)
    assert "hdr_head" in f and "hdr_byline" not in f


def test_check_drops_what_scores_below_the_line_but_a_signed_page() -> None:
    line, roles = _lines(
        (HEAD, "A headline"),
        (BODY, "Its first paragraph."),
        (HEAD, "16:40 Ferries cancelled"),
        (BODY, "All sailings are off."),
        (HEAD, "Another headline"),
        (BYLINE, "By Ada Lorne"),
        (BODY, "Its first paragraph."),
    )
    no_page = SC.StartCheck({"S_t_ferries": -5.0, "S_t_another": -5.0}, bias=1.0)
    # the timed entry goes; the page under a byline stays, whatever its words score
    assert SC.check(line, roles, [2, 4], 0, no_page) == [4]
    assert SC.check(line, roles, [2, 4], 0, SC.StartCheck({}, bias=1.0)) == [2, 4]


def test_all_starts_are_scored_before_any_is_dropped() -> None:
    """Dropping one start does not change what its neighbours are scored with."""
    line, roles = _lines(*((HEAD if i % 2 == 0 else BODY, f"line {i}") for i in range(8)))
    same_both = SC.StartCheck({"same_both": -5.0}, bias=1.0)
    # the middle two each have a same-shaped start on both sides: both go
    assert SC.check(line, roles, [2, 4, 6], 0, same_both) == [6]


def test_the_shipped_check_merges_a_live_pages_entry_and_keeps_the_page() -> None:
    """Invented live page under a story: the rules take a timed entry for a page of its
    own; the check drops it and keeps the live page's own start."""
    story = [
        *STORY,
        "The committee will meet again in March to hear from the depot's operator.",
        "Work could start next year if the full council agrees, officials said.",
        "The opposition group said it would table amendments on noise limits.",
    ]
    entries = [
        ("16:40 Ferries cancelled", "All afternoon sailings from the north pier are off."),
        ("15:55 Power cut in the old town", "About 2,000 homes lost power on Quay Street."),
        ("15:10 Schools close early", "Parents are asked to collect children by three."),
        ("14:30 Warning upgraded", "The forecaster raised its wind warning to amber."),
        ("13:45 Bridge closed to lorries", "Gusts of 70mph were measured on the bridge."),
        ("13:00 Trains slowed", "Coastal services are running at reduced speed."),
    ]
    live = [*story, "Live: Harbour storm", "Updated 16:40", *(x for e in entries for x in e)]
    unchecked = _starts(live, starts_check=None)
    checked = _starts(live)
    page = len(story) + 1
    assert page in unchecked and page in checked
    assert len(checked) < len(unchecked), (unchecked, checked)


def test_signed_briefs_stay_apart() -> None:
    """Three short wire briefs, each with a byline and a dateline: short, like a page's
    inner parts, but signed, so the check keeps every one."""

    def brief(head: str, lead: str) -> list[str]:
        return [head, "By Staff", f"LONDON (Wire) - {lead} said on Monday.", "No more was said."]

    lines = [
        *brief("Bank holds rates", "The central bank"),
        *brief("Storm closes port", "The harbour master"),
        *brief("Rail strike called off", "The union"),
    ]
    assert _starts(lines) == [1, 5, 9]


def test_density_feature_says_how_much_furniture_is_around_a_start() -> None:
    """A scrape of article text (a headline every dozen paragraphs) and a page of
    furniture (every other line a menu, caption or byline) fall in different buckets,
    counted over DENSITY_SPAN lines either side only."""
    span = SC.DENSITY_SPAN
    sparse = ([HEAD] + [BODY] * 11) * 20
    dense = [HEAD, BODY, BYLINE, BODY] * 60
    assert SC._density(sparse, 120) == "dens_0"
    assert SC._density(dense, 120) == "dens_3"
    # furniture beyond the span does not count
    far = [BYLINE] * (2 * span) + [BODY] * (2 * span) + [BYLINE] * (2 * span)
    assert SC._density(far, 3 * span) == "dens_0"
    assert SC._density(far, 2 * span) == "dens_3"
