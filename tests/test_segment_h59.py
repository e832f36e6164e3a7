"""Line roles in context from the h59 review (a freight-train derailment, a teachers'
strike and a city's vote on rental scooters across wires, local TV, trade papers,
press releases, newsletters and a government page). Every line here is written for
the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BOILER, classify


def test_cookie_banner_naming_whose_cookies_is_furniture() -> None:
    """A consent banner that says whose cookies the site uses ("its own and third-party
    cookies") is furniture that parts two pages, like "This site uses cookies". Right
    under the last page's paragraph it is the next page's first line (it opened the
    next page 18 times in 21 there in the written dumps: segment._page_first_line)."""
    for text in (
        "This site uses its own and third-party cookies to measure traffic and to tailor "
        "the adverts you see on other websites. Accept all | Settings | Refuse",
        "Our website uses third-party cookies for statistics. Accept | Decline",
    ):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "This site uses its own and third-party cookies to measure traffic and to tailor "
        "the adverts you see on other websites. Accept all | Settings | Refuse",
        "TRANSPORT",
        *STORY,
    ]
    assert starts(lines) == [1, 6]


def test_feedback_links_under_a_page_are_furniture() -> None:
    """A row of feedback links ("Report an error | Send us a tip", "Was this helpful? Yes |
    No | Report a problem with this page") is furniture: the page below starts at its own
    first line, not at the links (a headline-less story follows them here)."""
    for text in (
        "Report an error | Send us a tip",
        "Was this helpful? Yes | No | Report a problem with this page",
    ):
        assert classify(text).role == BOILER, text
    assert classify("Residents can report a problem to the council by phone.").role != BOILER
    body = STORY[2:]
    lines = [*STORY, "© 2025 The Valley Courier", "Report an error | Send us a tip", *body]
    assert starts(lines) == [1, 8]


def test_push_notification_prompt_is_furniture() -> None:
    """An app's push prompt under a story ("More regional stories like this: turn on
    the X app's alerts ... notifications") is furniture, not the next page's first line."""
    text = "More regional stories like this: turn on Valley Courier notifications for Eastside."
    assert classify(text).role == BOILER
    lines = [*STORY, "© 2025 The Valley Courier", text, *STORY[2:]]
    assert starts(lines) == [1, 8]
