"""Cues from held-out set h47 (own text, no line of the set): reader call-outs after a
story, fact-checkers' notes."""

from __future__ import annotations

import io

from support_stories import refit_miss

from worker import segment as S
from worker.clean import APPEAL, BOILER, CLOSE, HEAD, classify
from worker.dumpio import iter_lines
from worker.segment import segment_text


def _entries(lines: list[str]) -> list:
    ents: list = []
    for raw in iter_lines(io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))):
        S._push(ents, raw)
    return ents


def test_reader_call_outs_close_a_story() -> None:
    for line in (
        "Were you at the match on Saturday? Send us your photos and memories at sport@example.org",
        "Mistakes? Spotted an error in this report? Let us know",
        "Know more about the closure or work at the plant? Contact us in confidence on"
        " 0161 496 0000 or at news@example.org",
    ):
        assert classify(line).role == CLOSE, line
    # a question in a story, or a headline asking one, is no call-out
    assert classify("Who will pay for the new bridge? Councillors still cannot agree").role == HEAD
    line = "Why did the pier close? Contact with the sea had rotted its legs, engineers said."
    assert classify(line).role != CLOSE
    line = "Harbourview Facts is a verified signatory of the IFCN fact-checking Code of Principles."
    assert classify(line).role == BOILER


@refit_miss
def test_call_out_is_no_headline_of_the_next_story() -> None:
    dump = [
        "Ferry fares to rise by a fifth from April",
        "By Ana Ruiz",
        "4 March 2026",
        "Fares on the island ferry will rise by a fifth from April, the operator said on Tuesday.",
        "The operator blamed fuel costs and said the timetable would not change.",
        "Do you use the ferry every day? Tell us how the rise will affect you at news@example.org",
        "Comments (12)",
        "Library to open on Sundays after petition",
        "5 March 2026",
        "The town library will open on Sundays from next month after a petition of 2,000.",
    ]
    starts = [a.start_line for a in segment_text("\n".join(dump) + "\n")]
    assert starts == [1, 8]


def test_more_on_the_story_labels_a_link_list() -> None:
    for line in ("MORE ON THE PIER FIRE", "More on the Budget"):
        info = classify(line)
        assert info.role == BOILER and info.lead > 0, line
    assert classify("More on the way for flood-hit towns").role != BOILER


def test_paragraph_under_an_ad_slot_opens_no_piece() -> None:
    paras = [
        "The council approved the budget on Tuesday after a debate that ran past midnight.",
        "Opposition members said the cuts to libraries would fall hardest on older residents.",
        "Water rates will rise by four per cent from April under the plan agreed last night.",
    ]
    ents = _entries([*paras[:2], "Advertisement", paras[2]])
    assert not S._lead_paragraph(ents, 3)
    ents = _entries([*paras[:2], "Read more: Library opening hours cut", paras[2]])
    assert S._lead_paragraph(ents, 3)


def test_obituary_dates_line_ends_the_obituary_and_stays_in_it() -> None:
    life = "Ana Ruiz, harbour pilot and author, born 2 May 1931; died 9 January 2026"
    info = classify(life)
    assert info.role == CLOSE and info.kept
    assert classify("Tom Hale: born June 4th, 1940; died March 2nd, 2025").role == CLOSE
    line = "She was born in 1931 in Leith and died on Friday in Edinburgh, her family said."
    assert classify(line).role != CLOSE
    dump = [
        "Obituary",
        "Ana Ruiz obituary",
        "Harbour pilot who guided ships into Leith for forty years",
        "By Ben Ode",
        "12 January 2026",
        "Ana Ruiz, who has died aged 94, was the first woman to qualify as a pilot at Leith.",
        "She joined the harbour board in 1955 and retired in 1995 after forty years of service.",
        "She is survived by her son, Tomas, and three grandchildren.",
        life,
        "Mourners filled the seamen's mission in Leith on Saturday to remember the pilot.",
        "Former colleagues from the harbour board carried the coffin along the quay.",
        "A collection raised more than £3,000 for the lifeboat station.",
    ]
    text = "\n".join(dump) + "\n"
    # the rules end the obituary at its dates line; whether the learned check keeps the
    # start under it comes and goes with each refit (a page of three paragraphs), but
    # the dates line stays in the obituary either way
    rules = segment_text(text, placement=None, starts_check=None)
    assert [a.start_line for a in rules] == [1, 10]
    arts = segment_text(text)
    assert 9 not in [a.start_line for a in arts]
    assert life in arts[0].text and life in rules[0].text


def _caption_cue(lines: list[str], i: int) -> float:
    ents = _entries(lines)
    coh, _terms = S._cohesion_terms(ents)
    feats = S._features(ents, i, S._appeal_zone(ents), coh)
    return feats[S.FEATURES.index("caption")]


def test_photo_between_paragraphs_is_no_caption_cue() -> None:
    paras = [
        "The council approved the budget on Tuesday after a debate that ran past midnight.",
        "Opposition members said the cuts to libraries would fall hardest on older residents.",
        "Water rates will rise by four per cent from April under the plan agreed last night.",
    ]
    photo = [
        "Image caption, The town hall in Dunmere, where the vote took place",
        "Image source, PA",
    ]
    assert _caption_cue([*paras[:2], *photo, paras[2]], 2) == 0.0
    headline = "Ferry fares to rise by a fifth from April"
    assert _caption_cue([*paras[:2], *photo, headline, paras[2]], 2) == 1.0
    # an unlabelled caption there may be the next story's lead photo: still a cue
    lead_photo = "Ferry passengers queue at the harbour in Leith. (AFP / Getty Images)"
    assert _caption_cue([*paras[:2], lead_photo, paras[2]], 2) == 1.0


def test_release_contacts_station_promos_consent_buttons_and_mastheads() -> None:
    for line in ("Enquiries:", "Investor enquiries"):
        info = classify(line)
        assert info.role == BOILER and info.lead < 0, line  # a contact block follows
    for line in (
        "Hear the Breakfast Show weekdays from 6am, or catch up on the Radio Dale app.",
        "Yes, I accept / No, manage my choices",
        "I agree",
        "ABC Number : 1234X",
        "Comment on this story (registered users only)",
        "The Dale Echo – serving the upper dale since 1881",
    ):
        assert classify(line).role == BOILER, line
    line = "The Dale Echo is free. If it helps you, please consider chipping in – £3 a month."
    assert classify(line).role == APPEAL
    for line in ("I agree.", "The bakery has been serving the upper dale since 1881."):
        assert classify(line).role not in (BOILER, APPEAL), line


def test_capitals_release_kicker_is_no_dateline_and_more_from_outlet_is_a_label() -> None:
    info = classify("NEWS RELEASE – EMBARGOED UNTIL 00:01 MONDAY")
    assert not info.dateline and info.role == HEAD
    assert classify("LEEDS (Dale Wire) - The council said on Monday ...").dateline
    line = "More from The Dale Echo: Why the ferry is late again | The last bookshop in town"
    assert classify(line).role == BOILER


def test_a_lead_may_attribute_in_the_present_tense() -> None:
    """ "The state government says ..." opens a broadcaster's story; "Jo Park said ..."
    within its first words goes on one (a lead reports no one's words in the past)."""
    paras = [
        "Flood warnings remain in place for towns along the lower river tonight.",
        "Emergency crews spent the afternoon filling sandbags at the showground.",
    ]
    for lead, ok in [
        ("The state government says it will spend $40 million on new rural train stations.", True),
        ("The Reserve Bank says, after months of debate, it will leave rates on hold.", True),
        ("Jo Park said the council had ignored advice from its own engineers for years.", False),
        ("The mayor, Jo Park, said, however, that the levee would hold until morning.", False),
    ]:
        assert S._lead_paragraph(_entries([*paras, lead]), 2) is ok, lead
