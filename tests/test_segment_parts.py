"""The cue-less split's cosines from sparse entries (worker.segment._Parts) against
the dense lines x words computation they replaced, which took rows x words x 8
bytes twice: a long run with no cue of any kind could take gigabytes."""

from __future__ import annotations

import numpy as np
import pytest

from worker import segment as S


def _dense_reference(rows, words, x, n):
    inv, nw = S._dense(words)
    mat = np.zeros((n, nw))
    mat[rows, inv] = x
    cum = np.cumsum(mat, axis=0)
    return mat, cum


def _cos(u, v) -> float:
    n = float(np.sqrt((u * u).sum() * (v * v).sum()))
    return float((u * v).sum()) / n if n > 0 else 0.0


@pytest.mark.parametrize("seed", range(40))
def test_sparse_cosines_match_the_dense_computation(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, nwords = int(rng.integers(2, 50)), int(rng.integers(1, 60))
    pairs = sorted({(int(rng.integers(0, n)), int(rng.integers(0, nwords))) for _ in range(n * 4)})
    rows = np.array([p[0] for p in pairs])
    words = np.array([p[1] * 7919 + 3 for p in pairs], dtype=np.int64)
    x = rng.random(len(pairs))
    parts = S._Parts(rows, words, x, n)
    mat, cum = _dense_reference(rows, words, x, n)
    left = cum
    right = cum[-1] - left
    for k in range(n):
        want = _cos(left[k], right[k]) if left[k].any() and right[k].any() else 1.0
        assert parts.split_cosines(np.array([k]))[0] == pytest.approx(want, abs=1e-9)
        above = cum[k - 1] if k > 0 else np.zeros_like(mat[k])
        got_up, got_down = parts.row_cosines(k)
        assert got_up == pytest.approx(_cos(mat[k], above), abs=1e-9)
        assert got_down == pytest.approx(_cos(mat[k], cum[-1] - cum[k]), abs=1e-9)
