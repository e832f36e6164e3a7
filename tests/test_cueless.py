"""The learned choice of cue-less splits (worker.cueless) and its fitting script."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

from support_stories import window

from worker.cueless import (
    CuelessModel,
    NamesAbove,
    above_features,
    adjacent_overlap,
    attribution_shift,
    default_model,
    first_word,
    length_shift,
    names_in,
    own_length,
    paragraph_features,
    quoting_run,
)
from worker.segment import (
    _content_words,
    _own_evidence,
    _plain_start,
    _roles,
    _sparse_of,
    _SplitMemo,
    _words_over,
    segment_text,
)

REPO = Path(__file__).resolve().parents[1]

# Two reports from one harbour town, the second with no header of any kind: its lead
# names the board's chair in full again and dates its news by the weekday.
VOTE = [
    "The harbour board of Kelmar voted on Monday to extend the ferry contract held by"
    " Norvik Lines for another five years, despite complaints about cancelled sailings.",
    "Board chair Annika Ferro said the decision had been difficult but that no other"
    " operator had bid for the route to the islands.",
    "“We looked hard at every option, and none of them would have kept the boats running"
    " next winter,” Ferro told reporters after the meeting.",
    "Islanders had asked the board to put the contract out to tender again after more"
    " than 400 sailings were cancelled last year.",
    "Norvik Lines blamed the cancellations on its two ageing vessels, one of which spent"
    " four months in dry dock.",
    "The company has promised to lease a third ferry from a Danish operator while it"
    " waits for a new ship.",
    "The new contract includes penalties of 20,000 crowns for every sailing cancelled for"
    " reasons other than the weather.",
]
MEETING = [
    "Annika Ferro faced hundreds of angry islanders on Thursday at a packed meeting in"
    " the village hall on Sorna, where parents and fishermen queued to speak.",
    "More than 300 people crowded into the hall, and dozens more listened from the car"
    " park through an open window.",
    "Fishermen, shopkeepers and parents whose children take the boat to school lined up"
    " to ask why the board had not sought other bids.",
    "One woman held up a folder of refund slips she said she had collected from"
    " neighbours over the past year.",
    "Ferro apologised for the disruption but defended the vote, saying the board had no"
    " legal way to force a new operator onto the route.",
    "The meeting ended after three hours with a promise to publish the board's legal"
    " advice before Christmas.",
    "A petition calling for the board's members to resign has gathered 2,100 signatures,"
    " organisers said.",
]


def _starts(lines: list[str], **kw) -> list[int]:
    return [a.start_line for a in segment_text("\n".join(lines) + "\n", **kw)]


def test_the_shipped_model_splits_two_reports_the_rules_leave_as_one() -> None:
    """Same town, same board, same chair: the parts' cosine is too high for the rules,
    but a lead that names the chair in full again and dates its news opens a story."""
    assert default_model() is not None
    assert _starts(VOTE + MEETING, cueless=None) == [1]
    assert _starts(VOTE + MEETING) == [1, len(VOTE) + 1]


def test_one_story_is_not_split() -> None:
    """The meeting told as the vote's story goes on ("She then faced ..."): no lead,
    no name given again, so the two parts stay one article."""
    one = [
        *VOTE,
        "She then faced hundreds of angry islanders at a packed meeting in the village"
        " hall on Sorna, where parents and fishermen queued to speak.",
        *MEETING[1:],
    ]
    assert _starts(one) == [1]


def test_a_column_s_opening_judgement_may_open_a_piece() -> None:
    """ "It is tempting, ..., to ..." judges what follows, as a column opens (the last
    answer of an explainer above it, say); "It said ..." and "It was ..." carry on
    with what the paragraph above named."""
    above = "Nobody knows. The restrictions will be reviewed every two weeks."
    for lead, opens in (
        ("It is tempting, in a drought, to blame the sky. The sky is an easy target.", True),
        ("It has become fashionable in Port Meren to describe the trial as a reckoning.", True),
        ("It is easy to be on the side of the nurses. I am.", True),
        ("It said on Monday that the restrictions would stay in place until March.", False),
        ("It was the driest winter on record, the weather service said.", False),
    ):
        assert _plain_start(window([above, lead]), 1) is opens, lead


def test_a_lead_under_a_photo_whose_credit_ends_with_no_stop() -> None:
    """A caption's credit ("Photograph: ...") ends with no full stop, and the paragraph
    under it may still open a piece: whether the paragraph over the photo finished its
    sentence decides. The split then stays with the photo, not a paragraph lower."""
    caption = "Islanders queue outside the village hall on Sorna. Photograph: Ane Vik/Isle Post"
    lead = MEETING[0]
    assert _plain_start(window([VOTE[-1], caption, lead]), 2)
    assert not _plain_start(window(["The board said it would", caption, lead]), 2)
    assert _starts([*VOTE, caption, *MEETING]) == [1, len(VOTE) + 1]


def test_names_above_tell_a_full_name_given_again_from_a_surname_met_before() -> None:
    names = NamesAbove()
    names.add(names_in("Culture Minister Ivo Stennard said the report was wrong."))
    names.add(names_in("Sollis declined to comment on Tuesday."))
    again = names.features("Ivo Stennard on Tuesday called the reports a fabrication")
    assert again["reintro"] == 1.0 and again["sur_seen"] == 0.0
    surname = names.features("Margit Sollis told the committee she alone had decided")
    assert surname["reintro"] == 0.0 and surname["sur_seen"] == 1.0
    fresh = names.features("The protest began when Lena Horak and others met in Drevna")
    assert fresh["reintro"] == 0.0 and fresh["sur_seen"] == 0.0
    assert fresh["cap_new"] == 1.0  # Lena, Horak, Drevna: none met above
    assert names.features("nothing capitalised here") == {}


def test_a_line_that_closes_a_piece_between_two_paragraphs() -> None:
    """An appeal, a writer's note or a download link between two paragraphs closes
    the piece above (gap_close); a photo's caption there does not."""
    last = "The talks resume in Vellamo next month, the ministry said on Friday."
    lead = "For three months now, Karvassan fishermen have been told to wait for the talks."
    model = default_model()
    assert model is not None
    for between, closes in (
        (["Support our work"], True),
        (["Download the full report (PDF, 64 pages)"], True),
        (["Dr Tomas Hekla is a senior fellow at Northern Seas Monitor."], True),
        (["Fishing boats moored in Port Amsel. Photograph: Ane Vik/Reuters"], False),
    ):
        w = window([last, *between, lead])
        f, _ = _own_evidence(w, len(w) - 1, 0, model, _sparse_of(_roles(w)))
        assert f["gap_close"] == float(closes), between


def test_names_in_pairs_only_words_side_by_side() -> None:
    words, pairs = names_in("Culture Minister Ivo Stennard, who met “Lena Horak” in Drevna")
    assert words == ["Culture", "Minister", "Ivo", "Stennard", "Lena", "Horak", "Drevna"]
    # (a comma or a quote between two words parts them)
    assert pairs == [("Culture", "Minister"), ("Minister", "Ivo"), ("Ivo", "Stennard")]


def test_paragraph_and_above_features() -> None:
    lead = "A fire destroyed a warehouse in the port of Alvik yesterday, police said."
    f = paragraph_features(lead, lead)
    assert f["temporal"] == 1.0 and f["one_sent"] == 1.0 and f["quote_in"] == 0.0
    two = "The firm said so. It gave “no further details” to reporters."
    g = paragraph_features(two, "The firm said so.")
    assert g["one_sent"] == 0.0 and g["quote_in"] == 1.0 and g["temporal"] == 0.0
    assert paragraph_features("2,000 jobs are at risk?", "")["num_first"] == 1.0
    end = above_features("“We will be back,” she said.")
    assert end["prev_said_end"] == 1.0 and end["prev_future"] == 1.0
    assert end["prev_qstart"] == 1.0 and end["prev_short"] == 1.0
    assert above_features("")["prev_short"] == 1.0
    # an op-ed's note on its writer, a pointer to a download: a page's last lines
    bio = above_features("Conrad Vey is finance spokesman for the National Union party.")
    assert bio["prev_bio"] == 1.0 and bio["prev_pointer"] == 0.0
    assert above_features("Anne Hale is expected to resign on Friday.")["prev_bio"] == 0.0
    assert above_features("Mira Holt is, she says, “tired”.")["prev_bio"] == 0.0
    brief = above_features("The full briefing can be downloaded from our website.")
    assert brief["prev_pointer"] == 1.0 and brief["prev_bio"] == 0.0
    assert first_word("“There is, he said, no plan.”") == "there"
    assert first_word("...") == ""


def test_attribution_shift_counts_the_paragraphs_that_give_someone_s_words() -> None:
    """A report attributes ("said", "told", "according to"); the comment under it
    argues in its own voice."""
    lines = [
        "The minister said the plan would go ahead.",
        "Officials told reporters the cost had doubled.",
        "According to the auditor, nobody was in charge.",
        "There is a kind of cowardice that calls itself strategy.",
        "It is time the government owned its mistakes.",
    ]
    w = window(lines)
    memo = _SplitMemo(sparse=_sparse_of(_roles(w)))
    flags = [memo.attributes(w, j) for j in range(5)]
    assert flags == [True, True, True, False, False]
    counts = list(itertools.accumulate(flags, initial=0))
    assert attribution_shift(counts, 3) == {"att_up": 1.0, "att_down": 0.0, "att_shift": 1.0}
    assert attribution_shift(counts, 1)["att_down"] == 0.5  # (two of the four under it)


def test_length_shift_compares_the_mean_paragraph_lengths_either_side() -> None:
    """A wire report's short paragraphs, then an op-ed's long ones: the shift is largest
    where the one gives way to the other, and nothing is said at a run's ends."""
    words = [20, 22, 18, 20, 80, 90, 85, 75]
    sizes = list(itertools.accumulate(words, initial=0))
    at = {bi: length_shift(sizes, bi).get("len_shift", -1.0) for bi in range(len(words) + 1)}
    assert at[0] == -1.0 and at[len(words)] == -1.0
    assert max(at, key=at.get) == 4
    assert at[4] > 1.3 and at[2] < at[4]
    assert length_shift(list(itertools.accumulate([30] * 8, initial=0)), 4) == {"len_shift": 0.0}


def test_own_length_and_a_quoting_run() -> None:
    """A lead twice as long as the paragraphs over it; a run with paragraphs ending in
    a colon (quotes introduced from elsewhere) counts in full from three of them."""
    sizes = list(itertools.accumulate([30, 20, 20, 20, 20, 60], initial=0))
    assert own_length(62, sizes, 5)["own_len"] > 1.0
    assert own_length(20, sizes, 5)["own_len"] == 0.0
    assert own_length(62, sizes, 1) == {}  # (one paragraph above: no mean to speak of)
    assert quoting_run(0) == {"colon_run": 0.0}
    assert quoting_run(1)["colon_run"] < quoting_run(2)["colon_run"] < 1.0
    assert quoting_run(7) == {"colon_run": 1.0}


def test_adjacent_overlap_of_a_paragraph_with_those_over_it() -> None:
    """A story's next paragraph carries on with the words it just used; a new lead on
    the same subject starts over from its own (the segmenter's content words)."""
    lines = [
        "China put 38 gigawatts of new coal-fired capacity into operation in 2020.",
        "Regulators have come under fire for failing to control the coal power sector.",
        "Including closures, the coal-fired fleet's capacity rose by 29 gigawatts in 2020.",
        "Farmers in the northern provinces fear a second drought this summer, officials say.",
    ]
    w = window(lines)
    above = _words_over(w, 1)
    assert above == _content_words(lines[0]) | _content_words(lines[1])
    near = adjacent_overlap(_content_words(lines[2]), above)["adj_sim"]
    far = adjacent_overlap(_content_words(lines[3]), _words_over(w, 2))["adj_sim"]
    assert near > 0.3 and far < 0.15
    assert adjacent_overlap(set(), above) == {} and _words_over(w, -1) == set()


def test_choice_model_fit_learns_which_candidate_of_a_run_is_the_start() -> None:
    """The fitting script's conditional logit: in each run the start is the candidate
    with "lead" set (whatever their shared "run_x", which marks no start here), and runs
    whose candidates all have "bad" set hold none. The weights say so, and the fitted
    model picks the start and leaves the runs of "bad" candidates whole."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import cueless_fit

    runs = []
    for r in range(60):
        x = float(r % 3)
        feats = [
            {"bias": 1.0, "fw:the": 1.0, "run_x": x, "lead": float(k == r % 4)} for k in range(4)
        ]
        runs.append((f"s{r % 10}", feats, [k == r % 4 for k in range(4)]))
        bad = [{"bias": 1.0, "fw:the": 1.0, "run_x": x, "bad": 1.0} for _ in range(3)]
        runs.append((f"s{r % 10}", bad, [False] * 3))
    model = cueless_fit.fit(runs, min_sets=1, threshold=0.0, threshold_new=0.0)
    w = model.weights
    assert w["lead"] > 2.0 and w["bad"] < -2.0 and abs(w.get("run_x", 0.0)) < 0.5
    assert model.pick(runs[0][1], [(1, 2)] * 4, rules_pick=-1) == 0
    assert model.pick(runs[1][1], [(1, 2)] * 3, rules_pick=-1) == -1


def test_pick_takes_the_best_candidate_over_the_threshold_for_its_run() -> None:
    """Thresholds: -0.5 to choose where the rules split, -1.5 to drop their split,
    1.5 to split where they did not."""
    model = CuelessModel({"bias": 1.0, "x": 2.0}, frozenset({"the"}), -0.5, -1.5, 1.5)
    feats = [{"bias": 1.0}, {"bias": 1.0, "x": -1.0}, {"bias": -1.0}]
    assert model.score(feats[0]) == 1.0 and model.score({"unknown": 5.0}) == 0.0
    assert model.pick(feats, [(1, 2)] * 3, rules_pick=2) == 0  # 1.0 > -0.5
    assert model.pick(feats, [(1, 2)] * 3, rules_pick=-1) == -1  # 1.0 <= 1.5: rules split none
    # under the threshold, the rules' own split stands unless the best is far under it
    assert model.pick([{"bias": -1.0}, {"bias": -1.2}], [(1, 2)] * 2, rules_pick=1) == 1
    assert model.pick([{"bias": -2.0}, {"bias": -3.0}], [(1, 2)] * 2, rules_pick=1) == -1
    assert model.first_word("the") == "fw:the" and model.first_word("ivo") == "fw:_other"
    assert CuelessModel.from_json(json.loads(json.dumps(model.to_json()))) == model


def test_fitting_script_writes_a_model_that_loads(tmp_path: Path) -> None:
    """A quick fit on three sets: the model loads, and a first word used in fewer
    sets than the script asks for is no feature of its own (no writer's names)."""
    out = tmp_path / "cueless.json"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "cueless_fit.py"),
            "--out",
            str(out),
            "--sets",
            "h77,h78,h79",
            "--min-sets",
            "3",
        ],
        check=True,
        cwd=REPO,
        capture_output=True,
        timeout=300,
    )
    model = CuelessModel.from_json(json.loads(out.read_text(encoding="utf-8")))
    assert "cos" in model.weights and model.weights["cos"] < 0  # alike parts: one story
    assert all(f"fw:{w}" in model.weights for w in model.first_words)
    assert "fw:_other" in model.weights
    assert len(model.first_words) < 40  # only words that open candidates in all three
