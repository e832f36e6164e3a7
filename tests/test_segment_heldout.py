"""Regression guard on hand-written dumps with gold segmentations.

Sets h1 and h2 were used to tune the segmenter's cues; h3 was written after the
last tuning and scored once (mean Pk 0.120, F1 0.908 at ±1 line) — it is the
honest picture of accuracy on unseen text. The bounds below are the levels
reached, so a change that makes any set worse fails; raise them as the
segmenter improves. Scoring uses the project's shared scorer
(../shared/eval/score_segmentation.py).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from worker.segment import segment_file

HERE = Path(__file__).parent / "fixtures" / "segment" / "heldout"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_segmentation.py"

# set: (max mean Pk, min mean boundary F1 at ±1 line)
BOUNDS = {"h1": (0.03, 0.97), "h2": (0.04, 0.96), "h3": (0.13, 0.90)}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_segmentation", SCORER)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_heldout_set_does_not_get_worse(name: str) -> None:
    score = _scorer().score
    dumps = sorted(HERE.glob(f"{name}-[0-9].txt"))
    assert dumps
    pks, f1s = [], []
    for dump in dumps:
        gold = json.loads(dump.with_name(dump.stem + "-gold.json").read_text(encoding="utf-8"))
        pred = {"articles": [a.to_json() for a in segment_file(str(dump))]}
        r = score(gold, pred, 1)
        pks.append(r["pk"])
        f1s.append(r["boundary_f1"])
        assert not r["duplicates_leaked"], (dump.name, r)
    max_pk, min_f1 = BOUNDS[name]
    mean_pk, mean_f1 = sum(pks) / len(pks), sum(f1s) / len(f1s)
    assert mean_pk <= max_pk and mean_f1 >= min_f1, (name, pks, f1s)
