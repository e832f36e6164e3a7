"""Page feet met in freshly written dumps (fifteenth session), on invented text: where
a page's footer ends it, the paragraph under it opens the next page, cue or none."""

from __future__ import annotations

from test_segment_pages import FLOODS, _starts


def test_a_footer_ending_in_a_copyright_line_ends_the_page() -> None:
    """an official page / "Was this page helpful?" / "Yes" / "No" / its links row /
    "© Halverton County Council" / a story with no header: the footer closed the page,
    so the headline-like lines above it (the page's own links) are no header of the
    paragraph under it."""
    page = [
        "Apply for a flood recovery grant",
        "Households flooded in March can apply for a one-off grant of up to £500.",
        "Who can apply",
        "Apply online",
        "Check what help you can get",
        "Was this page helpful?",
        "Yes",
        "No",
        "Contact us | Accessibility statement | Cookies | Privacy notice",
        "© Halverton County Council",
    ]
    assert _starts([*page, *FLOODS]) == [1, len(page) + 1]
