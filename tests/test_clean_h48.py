"""Page notes from the h48 review: public radio credits, letters-page rules,
obituary furniture, machine-translation notices, subscriber labels and arrow-led
links to the previous post. Every line is written for the test."""

from __future__ import annotations

import pytest

from worker.clean import APPEAL, BODY, BOILER, classify


@pytest.mark.parametrize(
    "line",
    [
        "Letters should be no more than 180 words and must include your name and town.",
        "Share your view. Letters may not exceed 250 words and must include an address.",
        "Send us your letter; it will be considered for publication on Saturday.",
        "Copyright 2024 Valley Public Radio. To see more, visit valleyradio.org.",
        "Support for Valley News comes from listeners and from the Orchard Trust.",
        "Support for this podcast is provided by the Harbour Foundation.",
        "This story was automatically translated from Portuguese.",
        "This text was translated by machine and checked by an editor.",
        "Leave a memory or offer condolences in the online guest book.",
        "Sign the guestbook for Mary at rosefuneralhome.example.",
        "Death notices are paid announcements. To place a death notice, call the desk.",
        "To submit an obituary, email obits@example.com",
        "Subscribers: download the full council budget spreadsheet from our data page.",
        "← Previous: Council delays vote on harbour bridge",
    ],
)
def test_page_notes_are_furniture(line: str) -> None:
    assert classify(line).role == BOILER


def test_listener_appeal() -> None:
    line = "Valley Radio is supported by viewers like you. Give today to keep it on the air."
    assert classify(line).role == APPEAL


def test_copyright_line_with_a_pointer_ends_the_page() -> None:
    assert classify("Copyright 2024 Valley Public Radio. To see more, visit x.org.").end


@pytest.mark.parametrize(
    "line",
    [
        "Hundreds of neighbours came to the hall to offer condolences to the family on Friday.",
        "The letters, which must be read aloud at the hearing, include the names of 40 donors.",
        "Support for the plan has grown since the council published the cost estimate in May.",
        "Her poems were translated into Spanish and Portuguese by her daughter.",
        "Subscribers to the water scheme will pay 4% more from July, the utility said.",
        "The previous owner kept the guestbook from the 1950s in a drawer by the door.",
    ],
)
def test_prose_about_the_same_things_is_no_furniture(line: str) -> None:
    assert classify(line).role == BODY
