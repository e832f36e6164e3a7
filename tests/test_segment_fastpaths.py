"""Shortcuts of the segmenter give exactly what the plain code gives.

_positive_scores drops body paragraphs whose vectorised score is below zero
and scores the rest with _features: every pair it returns must be one of
score_gaps', and every positive pair of score_gaps must be there (so that
pick_boundaries picks the same starts), for any weights.
"""

from __future__ import annotations

import dataclasses
import io
import random

import pytest
from support_dumpgen import FIXTURES, make_dump

from worker import cohesion as C
from worker import segment as S
from worker.dumpio import iter_lines


def _entries(text: str) -> list:
    ents: list = []
    for raw in iter_lines(io.BytesIO(text.encode("utf-8"))):
        S._push(ents, raw)
    return ents


def _same_positive(ents: list, *weights: S.Weights) -> None:
    coh, terms = S._cohesion_terms(ents)
    for w in weights or (S.DEFAULT_WEIGHTS,):
        full = S.score_gaps(ents, 1, w, coh, terms)
        fast = S._positive_scores(ents, 1, w, coh, terms=terms)
        assert set(fast) <= set(full)
        assert {p for p in full if p[0] > 0} <= set(fast)


def _other_weights(n: int, seed: int) -> list[S.Weights]:
    """Random weights of either sign (a feature the shortcut got wrong would show
    under some of them), and the cohesion terms alone, reversed."""
    rng = random.Random(seed)
    names = [f.name for f in dataclasses.fields(S.Weights)]
    out = [
        S.Weights(**{k: getattr(S.DEFAULT_WEIGHTS, k) * rng.uniform(-2, 3) for k in names})
        for _ in range(n)
    ]
    out.append(S.Weights(bias=1.0, depth=-3.0, valley=-6.0, lowsim=-2.0))
    return out


def test_positive_scores_on_generated_dumps() -> None:
    for seed in range(40):
        _same_positive(_entries(make_dump(seed, 14).text), *_other_weights(3, seed))


#: Shards of the held-out dumps for the tests that read them all, so that the test
#: runner's workers share them (one test over all of them ran for minutes on its own).
HELD_OUT_SHARDS = 4


def _held_out(shard: int) -> list:
    """Every HELD_OUT_SHARDS-th of every second held-out dump from ``shard`` on, with
    its index. (Half of them: over all 2,196 these two checks of equivalence cost over
    three minutes of the suite's CPU time on a slow day; half still holds dumps of
    every set.)"""
    paths = sorted((FIXTURES / "heldout").glob("*.txt"))[::2]
    return list(enumerate(paths))[shard::HELD_OUT_SHARDS]


@pytest.mark.parametrize("shard", range(HELD_OUT_SHARDS))
def test_positive_scores_on_held_out_dumps(shard: int) -> None:
    """Hand-written dumps hold the rarer cases: page-end notices, copyright lines."""
    for k, path in _held_out(shard):
        _same_positive(_entries(path.read_text(encoding="utf-8")), *_other_weights(2, k))


def test_positive_scores_with_other_weights() -> None:
    ents = _entries(make_dump(99, 20).text)
    _same_positive(ents, *_other_weights(20, 3), S.Weights(bias=float("inf")))


def test_positive_scores_of_tiny_inputs() -> None:
    for text in ("", "\n\n", "A single line of text here.\n", "Head\nBody line here.\n"):
        _same_positive(_entries(text), S.DEFAULT_WEIGHTS)


def _zone_reference(entries: list) -> list[bool]:
    """_appeal_zone as a plain walk over every line."""
    zone = [False] * len(entries)
    left = 0
    for i, e in enumerate(entries):
        role = e.info.role
        if role == S.APPEAL:
            left = S.APPEAL_SPAN
        elif left and (
            role in S.HEADERISH
            or role == S.CLOSE
            or e.info.dateline
            or S.appeal_ends(S._ahead(entries, i))
        ):
            left = 0
        zone[i] = left > 0
        left = max(0, left - 1)
    return zone


def test_appeal_zone_walks_only_from_appeals() -> None:
    covered = 0
    for seed in range(30):
        ents = _entries(make_dump(seed, 14).text)
        zone = S._appeal_zone(ents)
        assert zone == _zone_reference(ents)
        covered += sum(zone)
    assert covered > 100  # the dumps do have appeals


def test_dense_ids_are_numpy_unique_inverse() -> None:
    import numpy as np

    rng = np.random.default_rng(5)
    for n in (0, 1, 2, 7, 300):
        values = rng.integers(0, 40, n)
        uniq, inv = np.unique(values, return_inverse=True)
        got, count = S._dense(values)
        assert got.tolist() == inv.ravel().tolist() and count == len(uniq)


def _pairs_reference(keys, lines):  # type: ignore[no-untyped-def]
    """Distinct (word, line) pairs and counts by an exact sort."""
    from collections import Counter

    counts = Counter(zip(keys.tolist(), lines.tolist(), strict=True))
    return sorted(counts.items())


def test_pair_counts_with_and_without_hash_collisions() -> None:
    """Words sharing a 32-bit sort hash take the exact path; others the radix path."""
    import numpy as np

    rng = np.random.default_rng(7)
    keys = rng.integers(1, 1 << 40, 300_000, dtype=np.uint64)
    hs = (keys * C._SORT_MUL) >> np.uint64(32)
    _, first, counts = np.unique(hs, return_index=True, return_counts=True)
    dup = hs == hs[first[np.flatnonzero(counts > 1)[0]]]
    pair = keys[dup][:2]
    assert pair[0] != pair[1]  # two keys, one hash
    for words in (keys[:5000], np.concatenate([keys[:3000], pair, pair[::-1], keys[:50]])):
        lines = np.sort(rng.integers(0, 40, len(words)))
        ks, cs, ls = C._pair_counts(words, lines)
        got = sorted(zip(zip(ks.tolist(), ls.tolist(), strict=True), cs.tolist(), strict=True))
        assert got == _pairs_reference(words, lines)
        order = list(zip(C._SORT_MUL * ks >> np.uint64(32), ls, strict=True))
        exact = len(words) < 5000
        assert exact or order == sorted(order)  # radix path: by hash, then line


def _roles(text: str) -> list[tuple]:
    return [
        (e.raw.no, e.info.role, e.info.listed, e.info.lead, e.info.ad, e.info.clock)
        for e in _entries(text)
    ]


@pytest.mark.parametrize("shard", range(HELD_OUT_SHARDS))
def test_push_shortcut_gives_the_roles_of_the_full_path(monkeypatch, shard: int) -> None:  # type: ignore[no-untyped-def]
    """A paragraph under a paragraph skips _push's context rules: none of them may
    change a line's role there (on generated and on every held-out dump).

    The comparison covers _push_paragraph's own rules: the texts send long
    paragraphs through it under every kind of line, and some of them there change
    the lines above (a letter's writer and town, a signed letter)."""
    texts = [make_dump(seed, 14).text for seed in range(shard, 20, HELD_OUT_SHARDS)]
    texts += [p.read_text(encoding="utf-8") for _, p in _held_out(shard)]
    look, calls, changed = 16, set(), 0
    plain = S._push_paragraph

    def counted(window, raw, info, last):  # type: ignore[no-untyped-def]
        nonlocal changed
        before = [e.info.role for e in window[-look:]]
        plain(window, raw, info, last)
        calls.add(last.role)
        changed += [e.info.role for e in window[-look - 1 : -1]] != before

    monkeypatch.setattr(S, "_push_paragraph", counted)
    fast = [_roles(t) for t in texts]
    assert {S.HEAD, S.BYLINE, S.TIMESTAMP, S.BOILER, S.CAPTION, S.CREDIT} <= calls
    assert changed >= 20
    monkeypatch.setattr(S, "_push_paragraph", plain)
    monkeypatch.setattr(S, "_PUSH_SHORTCUT", False)
    assert [_roles(t) for t in texts] == fast


def test_window_df_int32_and_int64_keys() -> None:
    """_window_df searches int32 keys when they fit and int64 ones when not: the same
    counts as the plain int64 search, on both sides of the limit."""
    import numpy as np

    rng = np.random.default_rng(11)
    r = C.DF_RADIUS
    for base in (0, (1 << 31) - 5 * r, (1 << 31) - r - 1, 1 << 33):
        key = np.unique(base + rng.integers(0, 6 * r, 400)).astype(np.int64)
        plain = np.searchsorted(key, key + r, "right") - np.searchsorted(key, key - r, "left")
        assert C._window_df(key).tolist() == plain.tolist()
    assert C._window_df(np.zeros(0, dtype=np.int64)).tolist() == []
