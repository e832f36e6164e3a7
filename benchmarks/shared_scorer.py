"""The project's shared segmentation scorer (../shared/eval/score_segmentation.py),
loaded from beside the repository for the benchmark scripts that score dumps."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_segmentation.py"


def load_score() -> Callable[[dict, dict, int], dict]:
    """The scorer's score(gold, pred, tolerance)."""
    spec = importlib.util.spec_from_file_location("score_segmentation", SCORER)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod.score
