"""Lexical cohesion between the paragraphs of a window, for the segmenter.

worker.segment scores every candidate article start partly on how little the
paragraphs before a gap share with those after it: a TextTiling-style block
similarity (cosine of tf-idf vectors of the BLOCK content lines on each side,
with document frequencies counted over the DF_RADIUS lines around each line), the
depth of the gap below the peaks on either side, and how much of a line's rare
vocabulary it carries over from the CARRY lines before it. At article scale
(a window of ten thousand lines, every gap) that is only affordable vectorised,
so this module holds the machinery that makes it so: a word-key scheme that
turns words into 64-bit integers numpy can sort and count, a tokeniser that
finds and keys the words of a whole window in one pass, and the similarity
computation over those keys.

It works on plain texts (the content lines worker.segment selects) and knows
nothing of line roles, so it does not import worker.segment.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable

import numpy as np

#: Paragraphs on each side of a gap compared for lexical cohesion.
BLOCK = 6
#: Content lines on each side whose words count for a line's document frequencies.
DF_RADIUS = 250
#: Content lines before a line searched for the words it carries over.
CARRY = 3
#: Characters of a line used for cohesion tokens (bounds the cost of huge lines).
TOKEN_CHARS = 3000

_TOKEN = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "are",
        "but",
        "not",
        "you",
        "all",
        "any",
        "can",
        "had",
        "her",
        "was",
        "one",
        "our",
        "out",
        "has",
        "his",
        "how",
        "its",
        "may",
        "new",
        "now",
        "old",
        "see",
        "two",
        "who",
        "did",
        "get",
        "let",
        "say",
        "she",
        "too",
        "use",
        "that",
        "with",
        "have",
        "this",
        "will",
        "your",
        "from",
        "they",
        "know",
        "want",
        "been",
        "good",
        "much",
        "some",
        "time",
        "very",
        "when",
        "come",
        "here",
        "just",
        "like",
        "long",
        "make",
        "many",
        "more",
        "only",
        "over",
        "such",
        "take",
        "than",
        "them",
        "well",
        "were",
        "what",
        "which",
        "their",
        "there",
        "would",
        "could",
        "about",
        "after",
        "again",
        "also",
        "into",
        "most",
        "other",
        "said",
        "says",
        "should",
        "these",
        "those",
        "where",
        "while",
        "being",
        "because",
        "between",
        "both",
        "each",
        "even",
        "first",
        "last",
        "made",
        "might",
        "must",
        "since",
        "still",
        "then",
        "through",
        "under",
        "until",
        "upon",
        "whether",
        "year",
        "years",
        "told",
        "according",
        "just",
        "people",
        "including",
        "among",
        "during",
        "before",
        "against",
        "however",
        "week",
    ]
)


# 1000 * ln(n), rounded, for the counts a DF_RADIUS neighbourhood can produce.
_LOG = [0] + [round(1000 * math.log(n)) for n in range(1, 4 * 2048)]


def _depths(sims: list[float]) -> list[float]:
    """TextTiling depth: climb to the highest similarity on each side, sum the drops.

    The climb is bounded (3 * BLOCK - 1 steps; flat stretches would be quadratic)
    and monotone, so it stops at the end of the run of non-decreasing steps: the
    peak is found from run lengths, for all gaps at once.
    """
    s = np.asarray(sims, dtype=np.float64)
    m = len(s)
    if m < 2:
        return [0.0] * m
    limit = 3 * BLOCK - 1
    g = np.arange(m)
    # left: steps g -> g-1 -> ... while each value is >= the one after it
    up = np.ones(m, dtype=bool)
    up[1:] = s[:-1] >= s[1:]  # up[j]: a step from j to j - 1 is allowed
    last_stop = np.maximum.accumulate(np.where(up, 0, g))
    left = g - np.minimum(g - last_stop, limit)
    # right: steps g -> g+1 -> ... likewise
    down = np.ones(m, dtype=bool)
    down[:-1] = s[1:] >= s[:-1]  # down[j]: a step from j to j + 1 is allowed
    next_stop = np.minimum.accumulate(np.where(down, m - 1, g)[::-1])[::-1]
    right = g + np.minimum(next_stop - g, limit)
    return ((s[left] - s) + (s[right] - s)).tolist()


#: (word rank, content line, tf-idf weight) of every word occurrence, in line order.
_Terms = tuple[np.ndarray, np.ndarray, np.ndarray]


def _text_cohesion(
    texts: list[str], carry: _WordCarry | None = None
) -> tuple[tuple[list[float], list[float], list[float]], _Terms]:
    """Similarities, depths and carry of the gaps between content lines ``texts``
    (as worker.segment._cohesion gives them), and the lines' word terms, with numpy.

    The words of all content lines of the window are found in one pass over
    their joined text (_window_words); the (word, line) pairs are sorted by word,
    then line, and counted, so that document frequencies are two binary searches
    and the dot products between lines up to 2*BLOCK-1 apart (all that block
    similarities need) are products of neighbours in that order. Block dot
    products and norms are then prefix sums over that band. Every weight is an
    integer, so all sums are exact whatever order they are added in.
    ``carry`` holds the last window's words, when there was one (see _WordCarry).
    """
    m = len(texts)
    if m == 0:
        empty = np.zeros(0, dtype=np.int64)
        return ([0.0], [0.0], [0.0]), (empty, empty, np.zeros(0))
    h, c, line = _pair_counts(*_window_words(texts, carry))
    total = len(h)
    same_prev = np.zeros(total, dtype=bool)
    if total > 1:
        same_prev[1:] = h[1:] == h[:-1]
    rank = np.cumsum(~same_prev) - 1
    del h  # (arrays of the window's size are let go as soon as they are used)
    span = m + 2 * DF_RADIUS + 2
    df = _window_df(rank * span + line + DF_RADIUS)
    n1 = np.minimum(m, line + DF_RADIUS + 1) - np.maximum(0, line - DF_RADIUS) + 1
    w = c * (_LOG_NP[n1] - _LOG_NP[df])
    del c, df, n1
    band = _band(w, line, same_prev, m)
    sims = _block_sims(band, m)
    near = np.zeros(total, dtype=bool)
    if total > 1:
        near[1:] = same_prev[1:] & (line[1:] - line[:-1] <= CARRY)
    wsum = np.bincount(line, weights=w, minlength=m)
    wnear = np.bincount(line, weights=w * near, minlength=m)
    carry = np.where(wsum > 0, wnear / np.where(wsum > 0, wsum, 1), 0.0)
    by_line = _line_order(line, m)  # the article-level split reads by line
    terms = (rank[by_line], line[by_line], w[by_line])
    return (sims, _depths(sims), carry.tolist()), terms


def _window_df(key: np.ndarray) -> np.ndarray:
    """For each (word, line) pair, keyed word * span + line and sorted, the number of
    lines within DF_RADIUS of its line that hold the word: two binary searches.

    Keys that fit in 32 bits (a window's nearly always do) are searched as int32,
    which numpy does some 15 % faster than int64: the same counts.
    """
    if len(key) and int(key[-1]) + DF_RADIUS < 1 << 31:
        key = key.astype(np.int32)
    r = key.dtype.type(DF_RADIUS)
    return np.searchsorted(key, key + r, "right") - np.searchsorted(key, key - r, "left")


def _line_order(lines: np.ndarray, m: int) -> np.ndarray:
    """np.argsort(lines, kind="stable") of line indices below ``m``.

    Indices that fit in 16 bits (a window's content lines nearly always do) are
    sorted as uint16, which numpy radix-sorts: the same permutation, 5-7 times
    faster than its merge sort of int64.
    """
    if m <= 1 << 16:
        return np.argsort(lines.astype(np.uint16), kind="stable")
    return np.argsort(lines, kind="stable")


def _pair_counts(keys: np.ndarray, lines: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (word, line) pairs sorted by word, then line, and their counts.

    ``keys``/``lines`` are word occurrences in line order. The sort is two
    16-bit radix passes over a 32-bit hash of the key (stable, so lines stay in
    order within a word); should two words share a hash, the sorted keys change
    where the hash does not, and an exact (slower) sort is used instead.
    """
    n = len(keys)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    hs = keys * _SORT_MUL  # (in place from here: fewer temporaries of the window's size)
    hs >>= np.uint64(32)
    hs = hs.astype(np.uint32)
    p1 = np.argsort(hs.astype(np.uint16), kind="stable")  # low 16 bits
    high = hs[p1]
    high >>= np.uint32(16)
    order = p1[np.argsort(high.astype(np.uint16), kind="stable")]
    del p1, high
    ks, ls = keys[order], lines[order]
    hs = hs[order]
    del order
    word_changes = ks[1:] != ks[:-1]
    if np.count_nonzero(word_changes) != np.count_nonzero(hs[1:] != hs[:-1]):
        order = np.lexsort((lines, keys))  # two words share a hash: sort exactly
        ks, ls = keys[order], lines[order]
        word_changes = ks[1:] != ks[:-1]
    new = np.ones(n, dtype=bool)
    new[1:] = word_changes | (ls[1:] != ls[:-1])
    first = np.flatnonzero(new)
    counts = np.diff(first, append=n)
    return ks[first], counts, ls[first]


def _band(w: np.ndarray, line: np.ndarray, same_prev: np.ndarray, m: int) -> np.ndarray:
    """band[d, i] = dot product of content lines i and i + d, for d < 2 * BLOCK.

    Pairs are occurrences p, p + s of one word (sorted by word, then line) whose
    lines are less than 2 * BLOCK apart; those at offset s + 1 extend those at
    offset s, so the candidate set only shrinks.
    """
    width = 2 * BLOCK
    size = width * m
    band = np.bincount(line, weights=w * w, minlength=size)
    # one past the end: never the same word, so no pair runs off the end
    same = np.append(same_prev, False)
    lines = np.append(line, line[-1] if len(line) else 0)
    p = np.flatnonzero(same_prev[1:] & (line[1:] - line[:-1] < width))
    s = 1
    while len(p):  # added offset by offset: no list of every pair's index and weight
        q = p + s
        lp = line[p]
        band += np.bincount((line[q] - lp) * m + lp, weights=w[q] * w[p], minlength=size)
        q += 1
        p = p[same[q] & (lines[q] - lp < width)]
        s += 1
    return band.reshape(width, m)


def _block_sims(band: np.ndarray, m: int) -> list[float]:
    """Cosine similarity of the BLOCK lines before and after each gap 0..m, from the band.

    Every sum is over band[d, g + lo .. g + hi] for offsets lo, hi fixed per term, so
    it is a difference of two shifted slices of the row's prefix sums (padded at both
    ends: lines outside the window add nothing). Every weight is an integer, so the
    sums are exact whatever order they are added in.
    """
    width = band.shape[0]
    pad = BLOCK  # the farthest offset from a gap
    pre = np.zeros((width, m + 1 + 2 * pad), dtype=np.float64)
    np.cumsum(band, axis=1, out=pre[:, pad + 1 : pad + m + 1])
    pre[:, pad + m + 1 :] = pre[:, pad + m : pad + m + 1]

    def span_sum(d: int, lo: int, hi: int) -> np.ndarray:
        """band[d, g + lo .. g + hi] summed (inclusive), for every gap g."""
        return pre[d, pad + hi + 1 : pad + hi + 2 + m] - pre[d, pad + lo : pad + lo + m + 1]

    dot = np.zeros(m + 1)
    nl = span_sum(0, -BLOCK, -1)
    nr = span_sum(0, 0, BLOCK - 1)
    for d in range(1, width):
        # lines i < g <= i + d, both within BLOCK lines of the gap
        dot += span_sum(d, -min(BLOCK, d), -1 - max(0, d - BLOCK))
        if d < BLOCK:
            nl += 2 * span_sum(d, -BLOCK, -1 - d)
            nr += 2 * span_sum(d, 0, BLOCK - 1 - d)
    ok = (dot > 0) & (nl > 0) & (nr > 0)
    sims = np.where(ok, dot / np.sqrt(np.where(ok, nl * nr, 1.0)), 0.0)
    return sims.tolist()


#: Content lines on each side of a lone headline the segmenter compares (wide_similarity).
WIDE_BLOCK = 12


def wide_similarity(terms: _Terms, g: int, lo: int, hi: int) -> float:
    """Cosine of the tf-idf vectors of content lines [lo, g) and [g + 1, hi): the
    text on either side of content line ``g``, which is left out.

    BLOCK's six lines suit pages of a few paragraphs, but a long story's sections,
    each a few paragraphs under a subheading, differ about as much from one another
    as two short stories do. Up to WIDE_BLOCK lines a side take in whole sections,
    and two sections of a story share its names and subject: between two stories
    this stays near zero, across one story's subheading it does not. ``g`` itself
    is the heading in question, and a headline may echo anything. ``terms`` are
    _text_cohesion's (sorted by line). Computed for a few lines only.
    """
    rank, line, w = terms
    lo, mid, mid1, hi = np.searchsorted(line, (lo, g, g + 1, hi))
    if mid <= lo or hi <= mid1:
        return 0.0  # a side with no words (or a span that ends before it starts)
    # both sides' words numbered together, then one weight vector a side over them
    words, at = np.unique(np.concatenate((rank[lo:mid], rank[mid1:hi])), return_inverse=True)
    split = mid - lo
    vl = np.bincount(at[:split], weights=w[lo:mid], minlength=len(words))
    vr = np.bincount(at[split:], weights=w[mid1:hi], minlength=len(words))
    norm = math.sqrt(float(vl @ vl) * float(vr @ vr))
    return float(vl @ vr) / norm if norm > 0 else 0.0


# Word keys. A word is identified by a 64-bit key: up to 8 letters, its
# lower-cased ASCII bytes (little-endian); 9 to 12 ASCII letters, 5 bits a letter
# with the top bit set (both exact); anything else (non-ASCII, longer) its
# hash() with the two top bits set (as likely to collide as the word hashes
# this replaced). Keys are a function of the word alone, so caches of them
# can be cleared at any time and shared between threads.
_PACKED = 1 << 63
_NAMED_KEY = 3 << 62
_HASH_BITS = (1 << 62) - 1
_LOWER8 = np.uint64(0x2020202020202020)
_MASK8 = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
#: Bytes after the joined text that 8-byte loads may read (at up to 16 bytes past
#: a run's start, see _other_runs).
_PAD = 32
_SORT_MUL = np.uint64(0x9E3779B97F4A7C15)
#: Keys of the words in runs numpy does not key (non-ASCII, long), by the run's bytes.
_RUN_KEYS: dict[bytes, tuple[int, ...]] = {}
_CACHE_MAX = 200_000


def _word_key(word: str) -> int:
    """The key of one normalised word (see above)."""
    if word.isascii():
        if len(word) <= 8:
            return int.from_bytes(word.encode("ascii"), "little")
        if len(word) <= 12:
            k = 0
            for i, ch in enumerate(word.encode("ascii")):
                k |= (ch & 31) << (5 * i)
            return _PACKED | k
    return _NAMED_KEY | (hash(word) & _HASH_BITS)


def _normal_keys(words: list[str]) -> list[int]:
    """Keys of a line's words as _tokens counts them: stop words out, plural 's' folded."""
    out = []
    for w in words:
        if w in _STOP:
            continue
        if w[-1] == "s" and len(w) > 4 and w[-2] != "s":
            w = w[:-1]
        out.append(_word_key(w))
    return out


def _stop_table() -> tuple[np.uint64, np.ndarray]:
    """A multiplier giving every stop word its own 16-bit bucket, and the bucket table."""
    keys = {_word_key(w) for w in _STOP}
    mul = 0x9E3779B97F4A7C15
    while True:
        tab = {((k * mul) & (2**64 - 1)) >> 48: k for k in keys}
        if len(tab) == len(keys):
            arr = np.full(1 << 16, 1, dtype=np.uint64)  # 1 is no word's key
            for h, k in tab.items():
                arr[h] = k
            return np.uint64(mul), arr
        mul = ((mul * 6364136223846793005 + 1442695040888963407) & (2**64 - 1)) | 1


_STOP_MUL, _STOP_TAB = _stop_table()


def _pack5(v: np.ndarray) -> np.ndarray:
    """5 bits a letter: the low 5 bits of each of 8 bytes, packed into 40 bits."""
    c = v & np.uint64(0x1F1F1F1F1F1F1F1F)
    c = (c & np.uint64(0x001F001F001F001F)) | ((c >> np.uint64(3)) & np.uint64(0x03E003E003E003E0))
    c = (c & np.uint64(0x000003FF000003FF)) | ((c >> np.uint64(6)) & np.uint64(0x000FFC00000FFC00))
    return (c & np.uint64(0xFFFFF)) | ((c >> np.uint64(12)) & np.uint64(0xFFFFF00000))


def _ascii_keys(v: np.ndarray, load: np.ndarray, s: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Keys of ASCII letter runs of 1 to 12 letters at byte offsets ``s``, lengths ``n``
    (longer runs get a key too, not meant to be used).

    ``load[i]`` is the 8 bytes from offset i as a little-endian integer and
    ``v`` = ``load[s]`` lower-cased (OR 0x20 lower-cases letters).
    """
    keys = v & _MASK8[np.minimum(n, 8)]
    long_ = np.flatnonzero(n > 8)
    if len(long_):
        nl = n[long_]
        v2 = load[s[long_] + 8] & _MASK8[np.minimum(nl - 8, 8)]  # > 12: not used
        keys[long_] = np.uint64(_PACKED) | _pack5(v[long_]) | (_pack5(v2) << np.uint64(40))
    return keys


class _WordCarry:
    """The last window's content texts and their words (keys, and lines in line order).

    A window starts with the last one's final lines (its left context and what
    followed its last cut: an eighth of its lines), and the words of a line
    depend on its text alone, so those lines' words are taken from the last
    window instead of being found again. Lines, not a memo of texts: only the
    very same line objects are recognised, and only one window is kept.
    """

    __slots__ = ("keys", "lines", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.keys = np.zeros(0, dtype=np.uint64)
        self.lines = np.zeros(0, dtype=np.int64)


def _window_words(
    texts: list[str], carry: _WordCarry | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Keys and line indices of the words _tokens counts in each text, in line order.

    Texts are tokenised afresh, but for the lines ``carry`` has from the last
    window: a memo of each distinct text's keys cost more to keep and reassemble
    than tokenising again saved, even on generated dumps where a third of a
    window's texts were known (real dumps repeat furniture lines, which seldom
    are content lines, not paragraphs).
    """
    if carry is None:
        keys, lines = _tokenise(texts)
    else:
        keys, lines = _carried_words(texts, carry)
        carry.texts, carry.keys, carry.lines = texts, keys, lines
    if keys.dtype != np.uint64:
        keys = keys.astype(np.uint64)
    return keys, lines


def _carried_words(texts: list[str], carry: _WordCarry) -> tuple[np.ndarray, np.ndarray]:
    """_tokenise(texts), with the words of the lines shared with the last window copied."""
    a, b, shift = _shared_run(carry.texts, texts)
    if b - a < CARRY_MIN_LINES:
        return _tokenise(texts)
    lo, hi = np.searchsorted(carry.lines, [a + shift, b + shift])
    keys = [carry.keys[lo:hi]]
    lines = [carry.lines[lo:hi] - shift]
    if a:
        k, ln = _tokenise(texts[:a])
        keys.insert(0, k)
        lines.insert(0, ln)
    if b < len(texts):
        k, ln = _tokenise(texts[b:])
        keys.append(k)
        lines.append(ln + b)
    return np.concatenate(keys).astype(np.uint64, copy=False), np.concatenate(lines)


#: Fewest shared lines worth copying the last window's words for.
CARRY_MIN_LINES = 16


def _shared_run(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """new[a:b] is old[a + shift : b + shift], the very same objects, ending at old's last
    text: (a, b, shift), or an empty run. (A window's content texts start with the
    last one's final ones; its first few may differ, as repeats are judged within.)"""
    if not old or not new:
        return 0, 0, 0
    last = old[-1]
    end = next((j for j, t in enumerate(new) if t is last), -1)
    if end < 0:
        return 0, 0, 0
    shift = len(old) - 1 - end
    a = end
    while a > 0 and a + shift > 0 and new[a - 1] is old[a - 1 + shift]:
        a -= 1
    return a, end + 1, shift


def _tokenise(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Keys and line indices of the words of each text, in line order (no memo).

    The texts are done in groups of about CHUNK_CHARS characters (_chunk_words):
    words never span two lines, and bounded groups keep the work arrays small.
    """
    if len(_RUN_KEYS) > _CACHE_MAX:
        _RUN_KEYS.clear()  # bounded memory
    cuts, size = [0], 0
    for i, t in enumerate(texts):
        size += min(len(t), TOKEN_CHARS) + 1
        if size >= CHUNK_CHARS:
            cuts.append(i + 1)
            size = 0
    if cuts[-1] != len(texts):
        cuts.append(len(texts))
    if len(cuts) <= 2:
        return _chunk_words(texts)
    keys, lines = [], []
    for a, b in itertools.pairwise(cuts):
        k, ln = _chunk_words(texts[a:b])
        keys.append(k)
        lines.append(ln + a)
    return np.concatenate(keys), np.concatenate(lines)


#: Characters of text tokenised together (see _tokenise): _chunk_words holds
#: several byte-sized arrays of its text at once, so a quarter of a megabyte bounds
#: them to a few megabytes, at the speed a whole window's text in one pass had.
CHUNK_CHARS = 1 << 18


def _chunk_words(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """_tokenise of a group of texts, in one pass.

    The texts (their first TOKEN_CHARS characters) are encoded and joined, runs
    of 3 or more letters are found with numpy, and runs of 3 to 12 ASCII letters
    — nearly all words — get their keys with numpy too. Other runs (non-ASCII,
    longer) are lower-cased and matched by _TOKEN in Python as _tokens does, once
    per distinct run; lower-casing is per character except for a capital sigma,
    so lines holding one are done whole.
    """
    m = len(texts)
    raw = b" " + b"\n".join([t[:TOKEN_CHARS].encode("utf-8", "surrogatepass") for t in texts])
    raw += b"\n" + bytes(_PAD)
    size = len(raw) - _PAD
    arr = np.frombuffer(raw, dtype=np.uint8, count=size)
    newlines = np.flatnonzero(arr == np.uint8(10))
    if len(newlines) != m:  # a text with a newline of its own: no shortcut
        return _slow_words(texts, range(m))
    starts, ends, high = _letter_runs(arr)
    n = ends - starts
    other = n > 12
    whole: list[int] = []
    if len(high) and len(starts):
        run = np.maximum(np.searchsorted(starts, high, "right") - 1, 0)
        other[run[(high >= starts[run]) & (high < ends[run])]] = True
        sigma = high[(arr[high] == np.uint8(0xCE)) & (arr[high + 1] == np.uint8(0xA3))]
        whole = np.unique(np.searchsorted(newlines, sigma)).tolist()
    load = np.ndarray(shape=(len(raw) - 7,), dtype="<u8", buffer=raw, strides=(1,))
    v = load[starts] | _LOWER8
    keys = _ascii_keys(v, load, starts, n)
    keep = _STOP_TAB[(keys * _STOP_MUL) >> np.uint64(48)] != keys
    keep &= ~other
    last = arr[ends - 1] | np.uint8(0x20)
    fold = np.flatnonzero(
        keep & (n > 4) & (last == np.uint8(ord("s"))) & ((arr[ends - 2] | np.uint8(0x20)) != last)
    )
    if len(fold):
        keys[fold] = _ascii_keys(v[fold], load, starts[fold], n[fold] - 1)
    final = np.flatnonzero(keep)
    keys = keys[final]
    lines = _line_of(starts[final], newlines, m)
    if not whole and not other.any():
        return keys, lines
    runs = np.flatnonzero(other)
    xk, xl = _other_runs(raw, load, starts[runs], ends[runs], _line_of(starts[runs], newlines, m))
    keys = np.concatenate((keys, xk))
    lines = np.concatenate((lines, xl))
    if whole:  # those lines' words come from the whole text instead
        keep = ~np.isin(lines, whole)
        wk, wl = _slow_words(texts, whole)
        keys = np.concatenate((keys[keep], wk))
        lines = np.concatenate((lines[keep], wl))
    order = _line_order(lines, m)
    return keys[order], lines[order]


def _letter_runs(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start and end offsets of the runs of 3 or more letters in UTF-8 text, and the
    offsets of the non-ASCII bytes counted as letters (here every non-ASCII
    character is one, except the punctuation of _never_letters). ``arr`` starts
    and ends with a non-letter. (In-place operations: fewer large temporaries.)"""
    size = len(arr)
    if size < 5:  # no room for a separator, three letters and a separator
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    folded = arr | np.uint8(0x20)
    folded -= np.uint8(ord("a"))
    letter = folded < np.uint8(26)
    high = arr >= np.uint8(0x80)
    if high.any():
        high &= ~_never_letters(arr)
        letter |= high
        high = np.flatnonzero(high)
    else:
        high = np.zeros(0, dtype=np.int64)
    other = ~letter
    three = letter[:-2] & letter[1:-1]
    three &= letter[2:]  # three letters from here
    edge = three[1:] & other[: size - 3]
    starts = np.flatnonzero(edge)
    starts += 1
    np.logical_and(three[: size - 3], other[3:], out=edge)
    ends = np.flatnonzero(edge)
    ends += 3
    return starts, ends, high


def _line_of(pos: np.ndarray, newlines: np.ndarray, m: int) -> np.ndarray:
    """Line index of each (sorted) byte offset, from the offsets of the m line ends."""
    per_line = np.diff(np.searchsorted(pos, newlines), prepend=0)
    return np.repeat(np.arange(m, dtype=np.int64), per_line)


def _never_letters(arr: np.ndarray) -> np.ndarray:
    """Bytes of U+2000-U+206F (punctuation) and U+00A0 characters: never part of a word."""
    out = np.zeros(len(arr), dtype=bool)
    e2 = np.flatnonzero(arr[:-2] == np.uint8(0xE2))
    b1, b2 = arr[e2 + 1], arr[e2 + 2]
    e2 = e2[(b1 == np.uint8(0x80)) | ((b1 == np.uint8(0x81)) & (b2 < np.uint8(0xB0)))]
    out[e2] = out[e2 + 1] = out[e2 + 2] = True
    c2 = np.flatnonzero(arr[:-1] == np.uint8(0xC2))
    c2 = c2[arr[c2 + 1] == np.uint8(0xA0)]
    out[c2] = out[c2 + 1] = True
    return out


def _other_runs(
    raw: bytes, load: np.ndarray, starts: np.ndarray, ends: np.ndarray, lines: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Keys and lines of the words in runs numpy leaves alone (non-ASCII, long).

    Such runs repeat (names, long words): runs of up to 24 bytes are told apart
    by their bytes with numpy, and each distinct run is matched once (and cached).
    """
    n = ends - starts
    short = np.flatnonzero(n <= 24)
    found: list[tuple[int, ...]] = [()] * len(starts)
    if len(short):
        s, k = starts[short], n[short]
        rows = np.stack(
            [load[s + 8 * j] & _MASK8[np.clip(k - 8 * j, 0, 8)] for j in range(3)], axis=1
        )
        _, first, inverse = np.unique(rows, axis=0, return_index=True, return_inverse=True)
        bounds = zip(s[first].tolist(), (s + k)[first].tolist(), strict=True)
        distinct = [_run_keys(raw[a:b]) for a, b in bounds]
        for i, d in zip(short.tolist(), inverse.ravel().tolist(), strict=True):
            found[i] = distinct[d]
    for i in np.flatnonzero(n > 24).tolist():
        found[i] = _run_keys(raw[starts[i] : ends[i]])
    sizes = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    flat = itertools.chain.from_iterable(found)
    return np.fromiter(flat, dtype=np.uint64, count=int(sizes.sum())), np.repeat(lines, sizes)


def _run_keys(run: bytes) -> tuple[int, ...]:
    """Keys of the words _tokens finds in one run of letters (cached)."""
    ks = _RUN_KEYS.get(run)
    if ks is None:
        text = run.decode("utf-8", "surrogatepass").lower()
        ks = _RUN_KEYS[run] = tuple(_normal_keys(_TOKEN.findall(text)))
    return ks


def _slow_words(texts: list[str], which: Iterable[int]) -> tuple[np.ndarray, np.ndarray]:
    """Keys and lines of the words of whole texts, done as _tokens does them."""
    keys: list[int] = []
    lines: list[int] = []
    for i in which:
        ks = _normal_keys(_TOKEN.findall(texts[i][:TOKEN_CHARS].lower()))
        keys.extend(ks)
        lines.extend([i] * len(ks))
    return np.array(keys, dtype=np.uint64), np.array(lines, dtype=np.int64)


_LOG_NP = np.array(_LOG, dtype=np.float64)
