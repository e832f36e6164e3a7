"""Page forms from held-out sets h44 and h45 (own text, no line of the sets)."""

from __future__ import annotations

import numpy as np

from worker.clean import APPEAL, BODY, BOILER, CLOSE, CREDIT, HEAD, classify
from worker.dumpio import RawLine
from worker.segment import _push, _voice_shift, segment_text


def _roles(lines: list[str]) -> list[int]:
    window: list = []
    for no, text in enumerate(lines, 1):
        _push(window, RawLine(no, 0, 0, text))
    return [e.info.role for e in window]


def _starts(lines: list[str]) -> list[int]:
    return [a.start_line for a in segment_text("\n".join(lines) + "\n")]


def test_signature_under_a_letters_closing_ends_the_letter() -> None:
    lines = [
        "Tenants vote to keep the rent strike going",
        "May 4, 2026",
        "Friends and neighbours:",
        "Tonight the tenants of the three towers voted to keep withholding rent.",
        "We know the landlord is counting on us to tire. We will not, and we thank you.",
        "With gratitude,",
        "Mara Delgado",
        "Chair, Harbour Towers Tenants Union",
    ]
    assert _roles(lines)[-2:] == [CLOSE, CLOSE]


def test_end_sign_after_the_last_sentence_keeps_it_a_paragraph() -> None:
    line = "The regulator said it would not comment on an investigation that is still open. ®"
    assert classify(line).role == BODY
    assert classify("Acme launches Widget Pro®").role == HEAD


def test_more_articles_on_a_topic_labels_a_link_list() -> None:
    assert classify("More articles on public transport:").lead > 0
    assert classify("More stories about the harbour strike").lead > 0


def test_read_more_between_paragraphs_is_inline() -> None:
    window: list = []
    lines = [
        "Tram drivers walk out over pay",
        "By Ana Ruiz",
        "The city's tram drivers walked out on Monday after talks over a new contract broke down.",
        "READ MORE",
        "The union said it had offered to return to talks at any time but had heard nothing back.",
    ]
    for no, text in enumerate(lines, 1):
        _push(window, RawLine(no, 0, 0, text))
    assert window[3].info.ad


def test_way_back_links_are_furniture() -> None:
    for line in ("Back to News", "Return to all posts", "« Back to the newsroom"):
        assert classify(line).role == BOILER, line
    assert classify("Back to school").role != BOILER


def test_sign_up_box_titles_are_furniture() -> None:
    para = "The council said the new timetable would take effect at the start of next month."
    box = ["Get the Evening Digest", "Top stories, in your inbox every weekday.", "Sign up"]
    assert _roles([para, *box])[1:] == [BOILER, BOILER, BOILER]
    alerts = ["Interested in Transit?", "Get automatic alerts for this topic."]
    assert _roles([para, "Topics: transit, council", *alerts])[2:] == [BOILER, BOILER]


def test_credit_between_live_entries_is_no_sign_off() -> None:
    lines = [
        "LIVE: Storm moves across the region",
        "Last updated 6:40 PM",
        "6:40 PM",
        "Power has been restored to most homes on the east side, the utility said.",
        "5:15 PM",
        "The river crested about a foot below flood stage at the downtown gauge.",
        "Volunteers stack sandbags along the river walk on Tuesday.",
        "KXTV",
        "3:05 PM",
        "Schools in the county will open two hours late on Wednesday, the district said.",
    ]
    assert _roles(lines)[7] == CREDIT
    assert _starts(lines) == [1]


def test_donation_box_lines_are_appeals() -> None:
    assert classify("Back the Herald. Choose one-off or monthly support.").role == APPEAL
    assert classify("Give what you can today. It only takes a minute.").role == APPEAL


def test_paywall_station_and_release_furniture() -> None:
    for line in (
        "Subscribe for unlimited access to the Gazette. Just $2 for your first month.",
        "Subscribe now to stay ahead of the market with our daily analysis.",
        "This is a developing story. Check back for updates.",
        "This content is available exclusively to Acme Pro subscribers.",
        "Valley Ledger is part of Plains Newsroom, a nonprofit news network funded by donors.",
        "This release may be considered Attorney Advertising in some states.",
        "Know more about the outage? You can contact this reporter by email.",
        "(555) 555-0147",
    ):
        assert classify(line).role == BOILER, line
    assert classify("KVLR is supported by listeners like you. Give today.").role == APPEAL


def test_a_post_speaking_to_its_reader_is_a_change_of_voice() -> None:
    report = [
        f"The board approved the budget on Tuesday after a debate, item {n}." for n in range(5)
    ]
    post = [
        "Some quick sums on the budget, because I keep seeing it called a windfall.",
        "Divide the total by the number of homes and you get about forty dollars a year.",
        "That is less than the fee increase passed in the spring.",
        "I'm not saying the board did a bad job with what it had.",
        "The rules make it hard to do more than this.",
        "So pay your bill when it comes. Just don't call it a windfall.",
    ]
    window: list = []
    for no, text in enumerate(report + post, 1):
        _push(window, RawLine(no, 0, 0, text))
    body = list(range(len(window)))
    cands = body[5:7]
    assert _voice_shift(window, body, cands, np.zeros(len(cands))) == 0


def test_document_links_and_information_lines_are_furniture() -> None:
    for line in (
        "Read the complaint",
        "Download the full report (PDF)",
        "For more information visit www.example.org or call 555-0100.",
    ):
        assert classify(line).role == BOILER, line


def test_more_button_in_a_header_is_furniture() -> None:
    lines = ["Port strike ends after two days", "By Staff", "May 4, 2026, at 9:05 a.m.", "Save"]
    assert _roles([*lines, "More"])[-1] == BOILER
    assert _roles(["May 4, 2026, at 9:05 a.m.", "More"])[-1] == BOILER


def test_pull_quote_repeating_a_paragraph_is_dropped() -> None:
    lines = [
        "Hospitals rarely plan for long outages",
        "By Ana Ruiz",
        "May 4, 2026",
        'Most plans cover a few hours. "Nobody plans for the second week," said one nurse.',
        '"Nobody plans for the second week."',
        "The state has asked hospitals to review their downtime procedures by the autumn.",
    ]
    (article,) = segment_text("\n".join(lines) + "\n")
    assert (5, "boilerplate") in [(d.line, d.reason) for d in article.dropped_lines]
    assert "review their downtime" in article.text


def test_an_interviewees_first_person_is_no_change_of_voice() -> None:
    """An interview's turns ("Okafor: I'd start with ...", a label that recurs) are
    speech: the first person in them is the guest's, not a new post's."""
    lines = [
        "KTRN: Start with the basics. Does the levy raise what the county says?",
        "Okafor: The estimate is sound, though it leans on a good year for sales.",
        "KTRN: And the timing?",
        "Okafor: I'd wait a year. I think the county is moving too fast on it.",
        "Okafor: I would ask for an audit first. My worry is the reserve fund.",
        "Okafor: I have seen levies like this fail when the economy turned.",
    ]
    window: list = []
    for no, text in enumerate(lines, 1):
        _push(window, RawLine(no, 0, 0, text))
    body = list(range(len(window)))
    cands = body[2:4]
    assert _voice_shift(window, body, cands, np.zeros(len(cands))) == -1
    # the same guest's words without the labels read as a post of its own
    window = []
    for no, text in enumerate(lines, 1):
        _push(window, RawLine(no, 0, 0, text.split(": ", 1)[1]))
    assert _voice_shift(window, body, cands, np.zeros(len(cands))) != -1
