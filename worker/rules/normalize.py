"""Text normalisation and tokenisation shared by queries and articles.

Queries and article text must go through exactly the same steps, otherwise a
term could never meet its own spelling in the text.  The steps (spec/rules.md):

* a token is a maximal run of letters or digits (combining accents stay inside
  their word); punctuation, apostrophes, hyphens and underscores split tokens;
* a run of CJK characters is one token as written, separate from Latin
  letters or digits touching it;
* each token is NFKC-normalised and accent-folded (``São`` -> ``Sao``,
  ``ø`` -> ``o``, ``ß`` -> ``ss``); the case-kept form is needed for acronyms,
  the case-folded form for everything else.

Offsets always refer to the text as given, so evidence can point into the
stored article.  Plain-ASCII text (most news) takes a fast path that does all
of its work in C (``str.lower`` and ``re.findall``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate, chain

# Combining diacritics that accent folding removes (Latin, Greek, Cyrillic).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Scripts whose vowel signs are combining marks but belong inside the word.
_INDIC = "\u0900-\u0963\u0966-\u0d7f\u0e00-\u0e7f"
_CJK = (
    "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3040-\u309f\u30a1-\u30ff\u3100-\u312f"
    "\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff"
    "\U00020000-\U0003ffff"
)

_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")
# Underscore is a word character for ``re`` but punctuation for us: callers
# replace it with a space first (same length, so offsets do not move).
_TOKEN = re.compile(rf"[\w{_MARKS}{_INDIC}]+")
_CJK_SPLIT = re.compile(rf"[{_CJK}]+|[^{_CJK}]+")
_PIECE = re.compile(rf"[{_CJK}]+|(?:(?![{_CJK}_])[\w{_INDIC}])+")
_STRIP_MARKS = re.compile(rf"[{_MARKS}]+")
_CJK_RUN = re.compile(rf"[{_CJK}]+")

# Letters that NFD does not decompose but readers treat as accented forms.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ẞ": "SS",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
    }
)


def is_cjk(token: str) -> bool:
    """True when the token is a run of CJK characters (matched as written)."""
    return _CJK_RUN.fullmatch(token) is not None


@lru_cache(maxsize=65536)
def fold_piece(piece: str) -> tuple[str, ...]:
    """NFKC + accent folding of one raw token, case kept.

    Returns the resulting tokens: usually one, none when only marks were
    left, several when NFKC produced punctuation (``½`` -> ``1⁄2``).
    """
    s = unicodedata.normalize("NFKC", piece)
    if not s.isascii():
        s = _STRIP_MARKS.sub("", unicodedata.normalize("NFD", s))
        s = unicodedata.normalize("NFC", s.translate(_SPECIAL))
    return tuple(_PIECE.findall(s))


# Common non-ASCII punctuation and spaces, each to one ASCII separator (same
# length, so offsets are unchanged): news text that is ASCII apart from curly
# quotes and dashes then takes the fast path.
_PUNCT_TO_SPACE = re.compile(
    "[\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\u2018-\u201f\u2010-\u2015"
    "\u2026\u2022\u00ab\u00bb\u2032\u2033\u2212\u00b7\ufeff]"
)


@lru_cache(maxsize=65536)
def fold_token(tok: str) -> tuple[str, ...]:
    """A raw non-ASCII token: CJK runs split off, each piece folded."""
    out: list[str] = []
    for sub in _CJK_SPLIT.findall(tok):
        out.extend(fold_piece(sub))
    return tuple(out)


_BYTE_TOKENS = re.compile(rb"([^ ]+)")
# ASCII letters lower-cased, digits kept, every other byte a space.
_ASCII_FOLD = bytes(
    c if 48 <= c <= 57 or 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256)
)


class Tokens:
    """The tokens of one text, as the haystack the automaton scans.

    ``hay`` is ``b" tok0 tok1 … "`` in UTF-8: folded tokens, one space before
    and after each (bytes, because the automaton scans bytes; a token's index
    is the number of spaces before it either way).  For ASCII text (after
    mapping curly quotes, dashes and odd spaces to spaces, which keeps
    offsets) it is made by C-level byte operations.
    Everything else (token lists, case-kept forms for acronym checks, spans
    for evidence, token indexes of hits) is computed on first use, since most
    articles hit few patterns.
    """

    __slots__ = ("_ascii", "_bytes", "_cased", "_folded", "_spans", "hay", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._cased: list[str] | None = None
        self._folded: list[str] | None = None
        self._spans: list[tuple[int, int]] | None = None
        self._bytes: bytes | None = None
        self._ascii = text
        if not text.isascii():
            self._ascii = _PUNCT_TO_SPACE.sub(" ", text)
        if self._ascii.isascii():
            # bytes.translate + split + join run in C (~3x faster than re.sub)
            self._bytes = self._ascii.encode("ascii").translate(_ASCII_FOLD)
            words = self._bytes.split()
            self.hay = b" " + b" ".join(words) + b" " if words else b" "
        else:
            self._ascii = self._ascii.replace("_", " ")
            raw = _TOKEN.findall(self._ascii)
            self._cased = list(
                chain.from_iterable([(t,) if t.isascii() else fold_token(t) for t in raw])
            )
            self._folded = list(map(str.casefold, self._cased))
            hay = " " + " ".join(self._folded) + " " if self._folded else " "
            self.hay = hay.encode("utf-8")

    @property
    def folded(self) -> list[str]:
        """Case-folded tokens (what patterns are matched against)."""
        if self._folded is None:
            self._folded = self.hay.decode("ascii").split()
        return self._folded

    def indexes(self, offsets: list[int]) -> dict[int, int]:
        """Token index of each hay (byte) offset of a token's leading space.

        Offsets are visited in order and the spaces between neighbours counted
        in C, so all hits of an article cost one pass over its haystack.
        """
        out: dict[int, int] = {}
        idx = 0
        prev = 0
        count = self.hay.count
        for s in sorted(set(offsets)):
            idx += count(b" ", prev, s)
            out[s] = idx
            prev = s
        return out

    def _slow_spans(self) -> list[tuple[int, int]]:
        """Spans in the general path, in the same order as ``cased``."""
        spans: list[tuple[int, int]] = []
        for m in _TOKEN.finditer(self._ascii):
            tok = m.group()
            start = m.start()
            if tok.isascii():
                spans.append((start, m.end()))
                continue
            for sub in _CJK_SPLIT.finditer(tok):
                span = (start + sub.start(), start + sub.end())
                spans.extend([span] * len(fold_piece(sub.group())))
        return spans

    @property
    def cased(self) -> list[str]:
        """Folded tokens with their case kept (acronyms compare these)."""
        if self._cased is None:
            self._cased = _ASCII_TOKEN.findall(self._ascii)
        return self._cased

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of each token in the given text."""
        if self._spans is None:
            if self._bytes is not None:
                # separators and tokens alternate; running lengths give offsets,
                # all in C (no match object per token)
                offs = list(accumulate(map(len, _BYTE_TOKENS.split(self._bytes))))
                self._spans = list(zip(offs[0::2], offs[1::2], strict=False))
            else:
                self._spans = self._slow_spans()
        return self._spans

    def span(self, i: int) -> tuple[int, int]:
        """Offsets of token i in the given text."""
        return self.spans[i]


_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "―": "-",
        "−": "-",
        "＂": '"',
    }
)


def plain_punctuation(query: str) -> str:
    """Curly quotes and dashes as their plain forms (so “a b” is a phrase)."""
    return query.translate(_QUOTES)


def is_acronym(token: str) -> bool:
    """An all-capitals token with 2+ letters: matched case-sensitively."""
    if not token.isupper() or len(token) < 2:
        return False
    return token.isalpha() or sum(1 for c in token if c.isalpha()) >= 2
