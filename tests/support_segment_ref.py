"""Reference (pure-Python, dict-based) cohesion of the segmenter, for tests.

worker.cohesion computes lexical cohesion with numpy over a whole window; this
is the straightforward incremental version it replaced. Tests check that both
give the same similarities, depths and carry-over shares on generated dumps, so
the fast version can be changed without silently changing the model.
"""

from __future__ import annotations

import math
from collections import Counter

from worker.cohesion import (
    _LOG,
    _STOP,
    _TOKEN,
    BLOCK,
    CARRY,
    DF_RADIUS,
    TOKEN_CHARS,
    _depths,
)
from worker.segment import _CONTENT_ROLES, DUP_SPAN, _Entry


def _tokens(text: str) -> dict[str, int]:
    """Content-word counts of a line: lower-cased, stop words out, plural 's' folded."""
    counts = Counter(_TOKEN.findall(text[:TOKEN_CHARS].lower()))
    for w in _STOP.intersection(counts):
        del counts[w]
    for w in [w for w in counts if w[-1] == "s" and len(w) > 4 and w[-2] != "s"]:
        counts[w[:-1]] += counts.pop(w)
    return counts


def cohesion_reference(
    entries: list[_Entry],
) -> tuple[list[float], list[float], list[int], list[float]]:
    """Similarity and depth at every gap between content lines, and each line's gap index.

    Blocks of BLOCK content lines on either side of a gap are compared by
    cosine similarity with weights log(N/df) (df over the window's lines), so
    words shared by the whole dump (its common topic) count little. Blocks slide
    incrementally: each step moves one line across the gap and updates dot
    products and norms from that line's words only.
    """
    content: list[dict[str, int]] = []
    gap_of: list[int] = []
    seen: dict[str, int] = {}
    for i, e in enumerate(entries):
        gap_of.append(len(content))
        if e.info.role not in _CONTENT_ROLES:
            continue
        last = seen.get(e.info.key)
        seen[e.info.key] = i
        if last is None or i - last > DUP_SPAN:  # nearby repeats would fake cohesion
            content.append(_tokens(e.raw.text))
    wvecs = _local_idf(content)
    sims = _sliding_sims(wvecs)
    return sims, _depths(sims), gap_of, _carry(wvecs)


def _local_idf(content: list[dict[str, int]]) -> list[dict[str, int]]:
    """Weight each line's words by log(N/df), df over the DF_RADIUS lines around it.

    Local rather than per-window document frequencies keep every decision a
    function of a bounded neighbourhood, so a resumed run decides exactly like a
    full pass; words common to the whole neighbourhood (its shared topic) count little.
    """
    m = len(content)
    df: Counter[str] = Counter()
    hi = 0  # content[lo:hi] are counted in df
    lo = 0
    out = []
    log = _LOG
    for j, vec in enumerate(content):
        while hi < m and hi <= j + DF_RADIUS:
            df.update(content[hi].keys())
            hi += 1
        while lo < j - DF_RADIUS:
            for t in content[lo]:
                df[t] -= 1
            lo += 1
        logn = log[hi - lo + 1]
        # Integer weights: the incremental dot products below are then exact, so a
        # resumed run (different window start) computes bit-identical similarities.
        out.append({t: c * (logn - log[df[t]]) for t, c in vec.items()})
    return out


def _sliding_sims(wvecs: list[dict[str, int]]) -> list[float]:
    """Cosine similarity of the BLOCK vectors before and after each gap 0..m.

    Incremental: moving one line x across the gap changes dot(L, R) and the
    norms by terms that only involve x's own words, so each step costs
    O(words in the line), not O(words in the blocks).
    """
    m = len(wvecs)
    sq = [_sq(v) for v in wvecs]
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    nl = nr = dot = 0
    for k in range(min(BLOCK, m)):
        nr += 2 * _add(right, wvecs[k], 1) + sq[k]
    sims = []
    for g in range(m + 1):
        sims.append(dot / math.sqrt(nl * nr) if dot > 0 and nl > 0 and nr > 0 else 0.0)
        if g == m:
            break
        x, xx = wvecs[g], sq[g]
        xl = _add(left, x, 1)  # each _add returns x·acc from before the update
        xr = _add(right, x, -1)
        dot += xr - xl - xx
        nl += 2 * xl + xx
        nr += xx - 2 * xr
        if g - BLOCK >= 0:
            z = wvecs[g - BLOCK]
            dot -= _dot(z, right)
            nl += sq[g - BLOCK] - 2 * _add(left, z, -1)
        if g + BLOCK < m:
            y = wvecs[g + BLOCK]
            dot += _dot(y, left)
            nr += 2 * _add(right, y, 1) + sq[g + BLOCK]
    return sims


def _dot(x: dict[str, int], acc: dict[str, int]) -> int:
    """Dot product of a (small) line vector with a block vector."""
    get = acc.get
    return sum([w * get(t, 0) for t, w in x.items()])


def _sq(x: dict[str, int]) -> int:
    """Squared norm of a line vector."""
    return sum([w * w for w in x.values()])


def _add(acc: dict[str, int], vec: dict[str, int], sign: int) -> int:
    """acc += sign * vec (entries falling to 0 are deleted so blocks stay small);
    returns vec·acc as it was before the update."""
    get = acc.get
    dot = 0
    for t, w in vec.items():
        old = get(t, 0)
        dot += w * old
        v = old + sign * w
        if v > 0:
            acc[t] = v
        elif old:
            del acc[t]
    return dot


def _carry(wvecs: list[dict[str, int]]) -> list[float]:
    """Share of each line's weighted words already used in the CARRY lines before it.

    A line that picks up the rare words of the lines just before it ("the response
    from Beijing to the ... South China Sea") continues their story even when the
    block-level topic shifts; a new article's first line carries over little.
    """
    out = []
    for k, vec in enumerate(wvecs):
        total = sum(vec.values())
        if total <= 0:
            out.append(0.0)
            continue
        prev = set()
        for v in wvecs[max(0, k - CARRY) : k]:
            prev.update(v)
        out.append(sum([w for t, w in vec.items() if t in prev]) / total)
    return out
