"""Duplicate and near-duplicate detection (pure: no database, network or Celery).

Two signals:

* ``content_hash`` — SHA-256 of the normalised text (NFKC, case-folded, tokens
  joined by one space). Whitespace, punctuation and case differences vanish, so
  the same article scraped twice hashes the same: exact duplicates are skipped.
* ``signature`` — a 64-value MinHash of the set of word 3-shingles. Syndicated
  copies of one wire story (another headline, a paragraph dropped or added,
  small wording edits, other boilerplate) share most shingles; distinct articles
  on the same topic share almost none. The estimated Jaccard similarity
  ``similarity(a, b)`` is the fraction of equal MinHash values.

Why MinHash rather than SimHash: syndication edits change 10–40% of the
shingles, which moves a 64-bit SimHash by ~8–20 bits, too far for exact band
lookups (pigeonhole banding only guarantees recall within 3 bits). MinHash with
LSH banding (16 bands of 4 values) finds pairs at Jaccard 0.5 with probability
0.64, at 0.6 with 0.88 and at 0.7 with 0.99, while pairs at 0.1 collide with
probability 0.002. Candidates are then verified against ``NEAR_DUP_THRESHOLD``.

``NEAR_DUP_THRESHOLD`` = 0.5 was chosen by measurement on the seed dump
(``benchmarks/dedupe_threshold.py``, numbers in ``docs/dedupe-threshold.md``):
syndication-style variants scored 0.54–1.00 (all but the heaviest combined
edits ≥ 0.6), distinct articles on the same topic ≤ 0.05.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
NEAR_DUP_THRESHOLD = 0.5

_TOKEN = re.compile(r"\w+")
_rng = np.random.default_rng(20261128)  # fixed seed: signatures must be stable forever
# Multiply-shift hashing: h_j(x) = (a_j * x + b_j) mod 2^64, high 32 bits; a_j odd.
_A = (_rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


@dataclass(frozen=True)
class Fingerprint:
    """Everything dedupe needs to know about one article's text."""

    content_hash: str
    signature: bytes  # NUM_PERM little-endian uint32 values
    bands: tuple[int, ...]  # BANDS signed 63-bit band keys

    def similarity(self, other_signature: bytes) -> float:
        return similarity(self.signature, other_signature)


def tokens(text: str) -> list[str]:
    """Case-folded word tokens of the NFKC-normalised text."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """SHA-256 hex of the normalised token stream (exact-duplicate key)."""
    return hashlib.sha256(" ".join(tokens(text)).encode("utf-8")).hexdigest()


def _shingle_hashes(toks: list[str]) -> np.ndarray:
    """64-bit hashes of the distinct word 3-shingles (or of the tokens when fewer)."""
    if not toks:
        return np.zeros(1, dtype=np.uint64)
    ids = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in toks), dtype=np.uint64)
    if len(ids) < SHINGLE:
        return np.unique(ids * _MIX[0])
    n = len(ids) - SHINGLE + 1
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        acc = (acc ^ ids[k : k + n]) * _MIX[k]
        acc ^= acc >> np.uint64(29)
    return np.unique(acc)


def signature(text: str) -> bytes:
    """MinHash signature of ``text``'s shingle set (NUM_PERM uint32, 256 bytes)."""
    return _signature_of(tokens(text))


def _signature_of(toks: list[str]) -> bytes:
    sh = _shingle_hashes(toks)
    with np.errstate(over="ignore"):
        hv = (sh[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return hv.min(axis=0).astype("<u4").tobytes()


def band_keys(sig: bytes) -> tuple[int, ...]:
    """LSH band keys: a stable signed 63-bit hash of each band of ROWS values."""
    width = ROWS * 4
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * width : (b + 1) * width], digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return tuple(keys)


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    """Estimated Jaccard similarity: the fraction of equal MinHash values."""
    a = np.frombuffer(sig_a, dtype="<u4")
    b = np.frombuffer(sig_b, dtype="<u4")
    if a.shape != b.shape or not len(a):
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def fingerprint(text: str) -> Fingerprint:
    """Content hash, MinHash signature and band keys in one tokenisation pass."""
    return fingerprints([text])[0]


def fingerprints(texts: list[str]) -> list[Fingerprint]:
    """:func:`fingerprint` of many texts at once: the shingles of the whole batch go
    through numpy together (per-call numpy overhead dominates for one short text)."""
    toks = [tokens(t) for t in texts]
    sigs: list[bytes | None] = [None] * len(texts)
    long_idx = [i for i, t in enumerate(toks) if len(t) >= SHINGLE]
    for i, t in enumerate(toks):
        if len(t) < SHINGLE:
            sigs[i] = _signature_of(t)
    if long_idx:
        for i, sig in zip(long_idx, _batch_signatures([toks[i] for i in long_idx]), strict=True):
            sigs[i] = sig
    out = []
    for t, sig in zip(toks, sigs, strict=True):
        assert sig is not None
        chash = hashlib.sha256(" ".join(t).encode("utf-8")).hexdigest()
        out.append(Fingerprint(content_hash=chash, signature=sig, bands=band_keys(sig)))
    return out


def _batch_signatures(toks: list[list[str]]) -> list[bytes]:
    """MinHash signatures of texts with at least SHINGLE tokens each."""
    flat = [w.encode("utf-8") for t in toks for w in t]
    ids = np.fromiter(map(zlib.crc32, flat), dtype=np.uint64, count=len(flat))
    lens = np.fromiter((len(t) for t in toks), dtype=np.int64, count=len(toks))
    n = len(ids) - SHINGLE + 1
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        acc = (acc ^ ids[k : k + n]) * _MIX[k]
        acc ^= acc >> np.uint64(29)
    # Shingle j is valid for its text if it starts at least SHINGLE-1 before the text's end.
    ends = np.cumsum(lens)
    starts = ends - lens
    valid_counts = lens - SHINGLE + 1
    idx = np.concatenate([np.arange(s, s + c) for s, c in zip(starts, valid_counts, strict=True)])
    sh = acc[idx]
    with np.errstate(over="ignore"):
        hv = (sh[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    offsets = np.concatenate(([0], np.cumsum(valid_counts)[:-1]))
    mins = np.minimum.reduceat(hv, offsets, axis=0).astype("<u4")
    return [row.tobytes() for row in mins]


def jaccard(text_a: str, text_b: str) -> float:
    """Exact Jaccard similarity of the shingle sets (slow; for measurement and tests)."""
    a = set(_shingle_hashes(tokens(text_a)).tolist())
    b = set(_shingle_hashes(tokens(text_b)).tolist())
    return len(a & b) / len(a | b) if a | b else 1.0
