"""Fit the segmenter's boundary weights on generated dumps (logistic regression).

Why: the boundary score is one weighted sum of features; rather than guess the
weights, fit them on dumps rendered from the hand-written fixtures
(tests/support_dumpgen.py), then pick the decision threshold that maximises
boundary F1 on held-out generated dumps. The seed dump is never used here.

usage: uv run python benchmarks/segment_tune.py [--train 150] [--dev 50]
Prints the fitted Weights(...) to paste into worker/segment.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support_dumpgen import make_dump, score

from worker import segment as S
from worker.dumpio import iter_lines

KEYS = list(S.FEATURES)


def rows(seed: int):
    """Feature rows and labels for every candidate start of one generated dump."""
    import io

    d = make_dump(seed, 12)
    ents: list = []
    for raw in iter_lines(io.BytesIO(d.text.encode())):
        S._push(ents, raw)
    coh = S._cohesion(ents)
    zone = S._appeal_zone(ents)
    gold = set(d.starts)
    X, y = [], []
    for i, e in enumerate(ents):
        if i == 0 or e.info.role not in S._CANDIDATE or zone[i]:
            continue
        f = S._features(ents, i, zone, coh)
        if f is None:
            continue
        X.append(list(f))
        y.append(1.0 if e.raw.no in gold else 0.0)
    return X, y


def fit(X: np.ndarray, y: np.ndarray, l2: float = 0.01, iters: int = 3000) -> np.ndarray:
    """Plain batch gradient descent on the logistic loss (positives up-weighted)."""
    Xb = np.hstack([np.ones((len(X), 1)), X])
    w = np.zeros(Xb.shape[1])
    pos = y.sum()
    cw = np.where(y > 0, (len(y) - pos) / pos / 3, 1.0)
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Xb @ w))
        grad = Xb.T @ ((p - y) * cw) / len(y) + l2 * np.r_[0, w[1:]]
        w -= 0.5 * grad
    return w


def evaluate(weights: S.Weights, seeds) -> tuple[float, float, float, float]:
    """Mean Pk, mean F1, worst Pk, worst F1 over generated dumps."""
    rs = []
    for sd in seeds:
        d = make_dump(sd, 12)
        pred = [a.start_line for a in S.segment_text(d.text, weights=weights)]
        rs.append(score(d, pred))
    pks = [r["pk"] for r in rs]
    f1s = [r["f1"] for r in rs]
    return statistics.mean(pks), statistics.mean(f1s), max(pks), min(f1s)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=int, default=150)
    ap.add_argument("--dev", type=int, default=50)
    a = ap.parse_args()
    X, y = [], []
    for sd in range(1000, 1000 + a.train):
        xs, ys = rows(sd)
        X += xs
        y += ys
    w = fit(np.array(X), np.array(y))
    base = S.Weights(bias=float(w[0]), **{k: float(v) for k, v in zip(KEYS, w[1:], strict=True)})
    dev = range(5000, 5000 + a.dev)
    best = None
    for shift in np.arange(-3, 3.01, 0.5):
        wt = replace(base, bias=base.bias + float(shift))
        r = evaluate(wt, dev)
        print(f"shift {shift:+.1f}: pk {r[0]:.4f} f1 {r[1]:.4f} worst pk {r[2]:.3f} f1 {r[3]:.3f}")
        if best is None or r[1] - r[0] > best[0]:
            best = (r[1] - r[0], wt)
    print(best[1])


if __name__ == "__main__":
    main()
