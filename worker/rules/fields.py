"""Matching an article's fields: title, text, and its photo captions.

Captions are page furniture: the segmenter drops them from the stored text and
reports them. But a name that appears only in a photo caption ("FILE PHOTO:
President X shakes hands with …") still tells a reader what the article is
about, and the reference expectations count it as a match. So captions are
matched as a third field, appended after the text; their evidence carries
``field="caption"`` with offsets into the captions joined by newlines, and the
text's own offsets are untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from worker.rules.match import Evidence, Matcher, RuleMatch

CAPTION_SEPARATOR = "\n\n"


def join_captions(captions: str | Sequence[str] | None) -> str:
    """Captions as stored: one per line."""
    if not captions:
        return ""
    return captions if isinstance(captions, str) else "\n".join(captions)


class _CaptionedMatch(RuleMatch):
    """A match over text + captions whose evidence is mapped back per field."""

    __slots__ = ("_base", "_inner")

    def __init__(self, inner: RuleMatch, base: int) -> None:
        super().__init__(inner.rule, evidence=None)
        self._inner = inner
        self._base = base

    @property
    def evidence(self) -> list[Evidence]:
        if self._evidence is None:
            self._evidence = [self._map(e) for e in self._inner.evidence]
        return self._evidence

    def _map(self, ev: Evidence) -> Evidence:
        if ev.field != "text" or ev.start < self._base:
            return ev
        return replace(ev, field="caption", start=ev.start - self._base, end=ev.end - self._base)


def match_article(
    matcher: Matcher, title: str | None, text: str, captions: str | Sequence[str] | None = None
) -> list[RuleMatch]:
    """Rules matched by an article's title, text and captions."""
    joined = join_captions(captions)
    if not joined:
        return list(matcher.match(title, text))
    base = len(text) + len(CAPTION_SEPARATOR)
    found = matcher.match(title, text + CAPTION_SEPARATOR + joined)
    return [_CaptionedMatch(m, base) for m in found]
