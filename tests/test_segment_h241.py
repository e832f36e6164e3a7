"""Starts from the h241-h244 review (a fisheries dispute, a volcano's ash cloud, a rent
freeze, a hospital network's ransomware attack, among others): an appeal's pitch over
its button, a page's "Updated" time under the last paragraph of the page above, a row
of a page's kind, date and writer, and a photo between two stories. Every line here is
written for the test; none comes from an evaluation set."""

from __future__ import annotations

from support_stories import LONG_STORY, starts, window

from worker.clean import APPEAL, BOILER, TIMESTAMP, classify
from worker.cueless import CuelessModel
from worker.segment import (
    _below_appeals,
    _cohesion_terms,
    _explainer_title,
    _section_sim,
    segment_text,
)

#: A report that follows a story with no header of its own.
REPORT = [
    "The island's harbour board approved a second ferry berth on Thursday after two years"
    " of objections from fishermen and residents of the old quay.",
    "The berth, which will cost 18 million euros, is due to open in the spring of next year.",
    "Board chair Ines Varga said the berth would end the queues of lorries on the quay road.",
    "Fishermen said the work would close part of the harbour during the herring season.",
    "The board promised to pay for moorings elsewhere while the work goes on.",
]


def test_page_opens_under_an_appeals_button() -> None:
    """A charity's note, then its pitch ("Everything we do is paid for by members") and
    its button ("Become a member"): the pitch and the button are the page's last words,
    so the next page opens under the button (_below_appeals moves a start that lands
    on the pitch; the test below checks it alone)."""
    lines = [
        *LONG_STORY,
        "Harbour Watch is an independent charity. We take no money from shipping firms or"
        " the port authority.",
        "Everything we do is paid for by members. Join from three euros a month and help us"
        " hold the port to account.",
        "Become a member",
        *REPORT,
    ]
    assert classify("Become a member").role == APPEAL
    assert starts(lines) == [1, len(LONG_STORY) + 4]


def test_below_appeals_keeps_a_start_with_no_button_under_it() -> None:
    """A start whose paragraph asks for nothing, or with no appeal's button within
    reach, stays where it is; one on a pitch at the very end is dropped."""
    plain = window([*REPORT, *REPORT])
    assert _below_appeals(plain, [0, len(REPORT)], len(plain)) == [0, len(REPORT)]
    pitch = "Your support keeps our reporting on the harbour going."
    pitched = window([*REPORT, pitch, "Donate now"])
    assert _below_appeals(pitched, [0, len(REPORT)], len(pitched)) == [0]
    # (not at the dump's end: the start stays for the next window to settle)
    assert _below_appeals(pitched, [0, len(REPORT)], len(pitched) - 1) == [0, len(REPORT)]


def test_bare_updated_time_is_the_pages() -> None:
    """ "Updated 11:32 GMT" under a story's last paragraph and over a lead: the next
    page's time, not a live entry's (those say "Updated at 11.21")."""
    assert classify("Updated 11:32 GMT").clock is False
    assert classify("Updated 9:05").clock is False
    assert classify("Updated at 11.21 BST").clock is True
    assert classify("14:32").clock is True
    lines = [*LONG_STORY, "Updated 11:32 GMT", *REPORT]
    assert starts(lines) == [1, len(LONG_STORY) + 1]


def test_row_of_kind_date_and_writer_is_a_stamp() -> None:
    """ "Commentary | 24 March 2025 | Dr Jo Park, Senior Fellow": the page's kind, date
    and writer, a header's stamp, not a menu; a card of facts or a comment's head is not."""
    for text in (
        "Commentary | 24 March 2025 | Dr Ana Morel, Senior Fellow",
        "Policy brief · 21 August 2024 · Ana Morel and Ivo Lang",
        "Analysis | March 3, 2025 | Ivo Lang",
    ):
        assert classify(text).role == TIMESTAMP, text
    assert classify("Label: Fenland Records | Released: 14 March 2025 | Genre: folk").role != (
        TIMESTAMP
    )
    assert classify("Home | News | Sport | Weather").role == BOILER
    lines = [
        *LONG_STORY,
        "Centre for Coastal Studies",
        "After the storm: why the harbour walls failed",
        "Commentary | 24 March 2025 | Dr Ana Morel, Senior Fellow",
        *REPORT,
    ]
    assert starts(lines) == [1, len(LONG_STORY) + 1]


def test_photo_between_two_stories_opens_the_second() -> None:
    """A caption and its credit between a story's last paragraph and a lead with no
    headline: the second story's photo, which opens its page."""
    lines = [
        *LONG_STORY,
        "Fishermen unload herring at the old quay on Thursday morning.",
        "(Photo: Ana Morel/Coast Press)",
        *REPORT,
        "The harbour master said the quay would stay open to small boats during the work.",
        "Residents of the old quay will be asked for their views at a meeting in May.",
    ]
    assert starts(lines) == [1, len(LONG_STORY) + 1]


def _section_similarity(lines: list[str], i: int) -> float:
    """_section_sim of lines[i] (0-based) in a window of ``lines``."""
    w = window(lines)
    coh, terms = _cohesion_terms(w)
    return _section_sim(w, i, terms, coh[2])


#: A column on the story's own subject: its words are the story's.
COLUMN = [
    "The council's transport committee voted for the tram depot on Tuesday without"
    " hearing the neighbours of the yard.",
    "Night shifts at the depot would bring noise to the yard's neighbours every night of the year.",
    "A wall along the yard will not stop the noise of twelve trams leaving the depot before dawn.",
    "We ask every councillor to vote against the depot's budget in March.",
    "The full council must find another site for the depot before work begins in the summer.",
]


def test_a_headline_with_its_dek_is_no_section_of_the_story_above() -> None:
    """A lone headline whose text shares the story's words above it reads as the
    story's subheading (section similarity lowers its score); a headline with a second
    title line under it (its dek: "Residents' statement on ...") is a page's header,
    whatever the words, as a subheading never has one. An explainer's map or photo
    label over its next question keeps the similarity."""
    head = "The tram depot must not be built on the yard"
    dek = "Residents' association statement on the council's tram depot vote"
    lone = [*LONG_STORY, head, *COLUMN]
    assert _section_similarity(lone, len(LONG_STORY)) > 0
    headed = [*LONG_STORY, head, dek, *COLUMN]
    assert _section_similarity(headed, len(LONG_STORY)) == 0
    asked = [*LONG_STORY, "Map showing the depot's yard", "Why does the yard matter?", *COLUMN]
    assert _section_similarity(asked, len(LONG_STORY)) > 0


def test_explainer_title_under_a_report_opens_its_page() -> None:
    """ "The depot dispute, explained" under a report's last paragraph, in text of
    paragraphs: an explainer's title, which opens its page whatever the words it shares
    with the report (its sections' questions follow); an interview's "Presenter: ...?"
    turn is no such title."""
    explainer = [
        "The tram depot dispute, explained",
        "The council's plan for a tram depot by the old yard has divided the district."
        " Here are the main questions.",
        "What is the depot for?",
        "It would house the twelve longer trams the city ordered last year, and their night crews.",
        "Why are the neighbours opposed?",
        "They fear the noise of trams leaving the yard before dawn, and say a wall"
        " will not stop it.",
        "What happens next?",
        "The full council votes on the depot's budget of 40 million euros in March.",
    ]
    lines = [*LONG_STORY[2:], *REPORT, *LONG_STORY[2:], *explainer]
    at = len(lines) - len(explainer)
    assert starts(lines) == [1, at + 1]
    assert _explainer_title(window(lines), at)  # (five words: a section's question is shorter)
    turn = "Presenter: Isn't it the case that your own members like the tram depot plan?"
    lines[at] = turn
    assert not _explainer_title(window(lines), at)


def test_an_explainers_last_answer_is_no_column_s_first_paragraph() -> None:
    """An explainer's questions and answers, then a column in the first person: no
    answer under a question with another question above it is a candidate for a
    cue-less split (it is the explainer's section; in the written dumps the change of
    voice to the column split at the last answer over it, a paragraph early)."""
    explainer = [
        "The tram depot dispute: what is at stake?",
        "The council wants a depot for twelve new trams by the old yard. Neighbours object.",
        "What is the depot for?",
        "It would house the twelve longer trams the city ordered last year, and the crews"
        " who drive them at night.",
        "Why are the neighbours opposed?",
        "They fear the noise of trams leaving the yard before dawn, and say a wall will not"
        " stop it.",
        "Who would pay for it?",
        "The city, from a transport fund it shares with the regional government, which has"
        " not yet said whether it agrees.",
        "Could it be built elsewhere?",
        "Two other sites were studied. Both were rejected as too far from the tram lines.",
        "What happens next?",
        "The full council votes on the depot's budget of 40 million euros in March, and"
        " the transport board has promised a public meeting before then.",
    ]
    column = [
        "My grandmother lived by the yard for fifty years, and I grew up hearing the old"
        " buses leave it at five in the morning.",
        "I never minded. The sound meant the city was waking up, and that people like my"
        " mother would get to work on time.",
        "I understand why the neighbours worry about the trams. But I think they are wrong"
        " about what a depot will do to the street.",
        "I have watched this district lose its post office, its bank and its bus garage."
        " I would rather it gained something for once.",
        "If the council builds the wall it has promised, I will be the first to welcome"
        " the trams home each night.",
        "My grandmother would have done the same, I am sure of it.",
    ]
    lines = [*LONG_STORY, *explainer, *column]
    seen: list[int] = []

    class Recorder(CuelessModel):
        def pick(self, features, lines, rules_pick):
            seen.extend(hi - 1 for _, hi in lines)
            return -1

    segment_text("\n".join(lines) + "\n", cueless=Recorder({}, frozenset()))
    answers = [n for n, t in enumerate(lines, 1) if n > 1 and lines[n - 2].endswith("?")]
    assert seen and not set(seen) & set(answers[1:])
