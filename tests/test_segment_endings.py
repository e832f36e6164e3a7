"""Article tails and header forms from held-out set h26 (own text, no line of the set):
closing marks, disclaimers, author boxes, link rows and bylines with a label."""

from __future__ import annotations

from worker.clean import APPEAL, BIO, BOILER, BYLINE, CLOSE, byline_name, classify
from worker.segment import segment_text


def test_tail_lines_and_labelled_bylines() -> None:
    assert classify("(END)").role == CLOSE
    assert classify("Enditem/JK").role == CLOSE
    assert classify("abc-de/fg").role == CLOSE
    assert classify("Main image credit: Jo Park/Agency").role == CLOSE
    assert classify("This story has been viewed 812 times.").role == BOILER
    line = "The Institute does not take collective positions. Its papers are the authors' own."
    assert classify(line).role == BOILER
    assert classify("Donate today").role == APPEAL
    assert classify("Related Research from the Institute").lead > 0
    assert classify("Politics  Budget  Local elections  Transport").role == BOILER
    assert classify("#budget #city council #transport").role == BOILER
    assert classify("#1 seed falls in the final").role != BOILER
    assert classify("Ana Ruiz is Lecturer in Politics at the University of Leeds.").role == BIO
    for line in ("Author: Ana Ruiz, University of Leeds", "A Commentary by Ana Ruiz"):
        assert classify(line).role == BYLINE
        assert byline_name(line, BYLINE) == "Ana Ruiz"
    line = "By Ana Ruiz (Leeds, special correspondent)"
    assert classify(line).role == BYLINE
    assert byline_name(line, BYLINE) == "Ana Ruiz"


def test_story_tails_do_not_start_articles() -> None:
    para = "The council voted on the plan after a long debate about its cost and timing."
    dump = [
        "Council approves new tram line after long debate",
        "By Ana Ruiz",
        "May 4, 2026",
        para,
        "Opponents said the route would split the old town and called for a referendum.",
        "Translated from the Spanish by Tom Hale",
        "Harbour board names new chief after year-long search",
        "By Ben Ode",
        "May 5, 2026",
        "The harbour board named a former shipping executive as its new chief on Tuesday.",
        "She will start in June and replaces a chief who retired after ten years in the job.",
        "Published - May 05, 2026 10:05 pm",
        "Harbour / Shipping / Local government / Appointments",
        "Share",
        "Kicker",
        "Storm closes schools across the region for a second day",
        "By Cy Lam",
        "May 6, 2026",
        "Schools across the region stayed closed on Wednesday as the storm moved north.",
    ]
    starts = [a.start_line for a in segment_text("\n".join(dump) + "\n")]
    assert starts == [1, 7, 15]
