"""The learned start placement (worker/placement.py) and its fitting script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support_stories import STORY

from worker import placement as P
from worker.clean import BLANK, BODY, BOILER, HEAD, LineInfo, classify
from worker.segment import segment_text
from worker.startcheck import StartCheck

REPO = Path(__file__).resolve().parents[1]
HELD = REPO / "tests" / "fixtures" / "segment" / "heldout"


def _line(role: int, text: str = "x") -> tuple[str, LineInfo]:
    return text, LineInfo(role=role, words=len(text.split()))


def _model(**start: float) -> P.PlacementModel:
    return P.PlacementModel(dict(start), {}, {}, 0.0)


# A short page with its headline and byline, under the furniture a test puts over it.
FERRY_PAGE = [
    "Ferry fares to rise by a fifth from April",
    "By Ada Lorne",
    "Ferry fares between Kelmouth and the islands will rise by a fifth from April, the"
    " operator said on Monday, blaming fuel costs.",
    "Islanders said the rise would hit those who commute to the mainland hardest.",
    "The operator said concession fares for pensioners would not change.",
]


def test_features_read_a_menu_row_and_a_paragraph_by_its_first_words() -> None:
    menu = P.line_features("Home | News | Sport | Contact", classify("Home | News | Sport"))
    assert {"c_bar", "first_home", "t_home", "t_sport", "w5-9"} <= set(menu)
    long = " ".join(["Word"] * P.TOKEN_WORDS + ["tailword", "2024", "|"])
    feats = set(P.line_features(long, LineInfo(role=BOILER, words=P.TOKEN_WORDS + 3)))
    assert "t_word" in feats and "t_tailword" not in feats  # words past TOKEN_WORDS: none
    assert "year" not in feats and "c_bar" not in feats and {"w20+", "titlecase"} <= feats
    # a paragraph: role, flags, length and end marks only
    para = "The council said on Monday that it would not raise the tax this year."
    assert set(P.line_features(para, LineInfo(role=BODY, words=14))) == {"r1", "end_p", "w10-19"}


def test_line_weights_sum_the_weights_of_the_line_features() -> None:
    """The fast path (memo, words apart) scores a line as its features say, on every
    line of a few fixture dumps: what the fit learned is what runs."""
    model = P.default_model()
    assert model is not None
    for dump in sorted(HELD.glob("h7-[0-9].txt"))[:2]:
        for text in dump.read_text(encoding="utf-8").splitlines():
            info = classify(text)
            feats = P.line_features(text, info)
            want = tuple(
                sum(part.get(x, 0.0) for x in feats)
                for part in (model.start, model.above, model.left, model.below)
            )
            got = model.line_weights(text, info)
            assert got == pytest.approx(want, abs=1e-9), text


def test_run_is_the_furniture_between_paragraphs_and_at_most_max_move_lines() -> None:
    roles = [BODY, BODY, BOILER, BOILER, BLANK, HEAD, BOILER, BODY, BODY]
    assert P.run_around(roles, 5, 0, len(roles) - 1) == (2, 7)
    assert P.run_around(roles, 5, 3, len(roles) - 1) == (4, 7)  # not over the last start
    assert P.run_around(roles, 5, 0, 6) == (2, 6)  # nor past the next
    # down to a headline over a paragraph, not below it: the top of a story
    heads = [BODY, BODY, BOILER, BOILER, BLANK, HEAD, HEAD, BODY, BODY]
    assert P.run_around(heads, 5, 0, len(heads) - 1) == (2, 6)
    n = P.MAX_MOVE
    far = [BODY] + [BOILER] * (3 * n) + [BODY]
    assert P.run_around(far, 2 * n, 0, len(far) - 1) == (n, 3 * n)


def test_run_moves_up_over_a_short_line_of_prose_inside_furniture() -> None:
    """A site's tagline ("Your region. Your farm. Every Thursday.") reads as prose, but
    between its name and its menu it is furniture: the run reaches the name."""
    roles = [BODY, BODY, HEAD, BODY, BOILER, HEAD, BODY]
    words = [30, 25, 3, 6, 8, 9, 40]
    short = lambda i: words[i] <= P.TAGLINE_WORDS  # noqa: E731
    assert P.run_around(roles, 4, 0, len(roles) - 1) == (4, 5)
    assert P.run_around(roles, 4, 0, len(roles) - 1, short=short) == (2, 5)
    # a long paragraph stops it, and so does a short one under a paragraph
    words[3] = P.TAGLINE_WORDS + 1
    assert P.run_around(roles, 4, 0, len(roles) - 1, short=short) == (4, 5)
    words[3], roles[2] = 6, BODY
    assert P.run_around(roles, 4, 0, len(roles) - 1, short=short) == (4, 5)


def test_a_start_moves_to_the_best_line_of_its_run_unless_fixed() -> None:
    lines = [
        _line(BODY, "The story's last paragraph ends here."),
        _line(BOILER, "Gazette masthead"),
        _line(HEAD, "A headline"),
        _line(BODY, "The next story's first paragraph."),
    ]
    model = _model(t_masthead=3.0)
    assert P.place(lines.__getitem__, [r.role for _, r in lines], [2], 0, model) == [1]
    assert P.place(lines.__getitem__, [r.role for _, r in lines], [2], 0, model, {2}) == [2]
    # nothing scores better than where the rules put it: it stays (ties too)
    assert P.place(lines.__getitem__, [r.role for _, r in lines], [2], 0, _model()) == [2]


def test_a_start_never_crosses_the_one_before() -> None:
    lines = [_line(BODY, "para"), *(_line(BOILER, w) for w in ("alpha", "beta", "gamma"))]
    lines.append(_line(BODY, "para"))
    roles = [r.role for _, r in lines]
    # two starts in one run, "beta" the best line for either: the first takes it, the
    # second may not go to it or above it
    assert P.place(lines.__getitem__, roles, [1, 3], 0, _model(t_beta=5.0)) == [2, 3]


def test_the_shipped_model_moves_a_start_up_to_a_sites_menu_over_its_headline() -> None:
    """Invented page: a site's menu row and its section over the headline, under the last
    story's tail. The page opens at the menu; the rules alone start it at the section."""
    lines = [
        *STORY,
        "Comments are closed on this story.",
        "Kelmouth Advertiser | News | Sport | What's On | Jobs",
        "Local News",
        *FERRY_PAGE,
    ]
    placed = [a.start_line for a in segment_text("\n".join(lines) + "\n")]
    rules = [a.start_line for a in segment_text("\n".join(lines) + "\n", placement=None)]
    menu = len(STORY) + 2
    assert placed == [1, menu], rules


def test_fitting_script_writes_both_models_and_they_load(tmp_path: Path) -> None:
    out = tmp_path / "placement.json"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "placement_fit.py"),
            "--out",
            str(out),
            "--sets",
            "h7,h8,h9",
        ],
        check=True,
        cwd=REPO,
        capture_output=True,
        timeout=300,
    )
    model = P.PlacementModel.from_json(json.loads(out.read_text(encoding="utf-8")))
    assert model.start and model.above and model.left
    check = StartCheck.from_json(json.loads((tmp_path / "startcheck.json").read_text("utf-8")))
    assert check.weights  # the check of starts is fitted beside it


def test_a_cookie_banner_over_a_headline_opens_the_page_under_a_wire_credit() -> None:
    """A consent banner parts two pages; under a wire story's closing credit and over a
    headline it is the next page's first line (in the seed-like written dumps it tops
    the next page every time). Other end furniture (a copyright line, a footer's
    "Cookie settings" link) still stops the run: the start may not move up over it."""
    cookie = (
        "We use cookies to give you the best experience on our website. By continuing to"
        " browse you agree to our use of cookies. Find out more"
    )
    info = classify(cookie)
    assert info.role == BOILER and info.end
    assert not P.closes_page(cookie, info, info.role)
    copyright_line = "© 2025 Kelmouth Advertiser. All rights reserved."
    kept = classify(copyright_line)
    assert kept.end and P.closes_page(copyright_line, kept, kept.role)
    footer = "About us · Contact · Advertise · Terms · Privacy · Cookie settings"
    links = classify(footer)
    assert links.end and P.closes_page(footer, links, links.role)  # a footer, no banner
    lines = [
        *STORY,
        "(Reporting by Ada Lorne; Editing by Per Vik)",
        cookie,
        *FERRY_PAGE,
    ]
    starts = [a.start_line for a in segment_text("\n".join(lines) + "\n")]
    assert starts == [1, len(STORY) + 2]
