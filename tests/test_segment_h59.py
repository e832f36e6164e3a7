"""Line roles in context from the h59 review (a freight-train derailment, a teachers'
strike and a city's vote on rental scooters across wires, local TV, trade papers,
press releases, newsletters and a government page). Every line here is written for
the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BOILER, classify


def test_cookie_banner_naming_whose_cookies_is_furniture() -> None:
    """A consent banner that says whose cookies the site uses ("its own and third-party
    cookies") is furniture that parts two pages, like "This site uses cookies"."""
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
    assert starts(lines) == [1, 7]
