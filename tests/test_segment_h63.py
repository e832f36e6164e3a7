"""Line roles in context from the h63 review (a coastal storm, a general election's count
and a city's water shortage, each told by several outlets in a row: reports, columns,
blog posts, explainers). Every line here is written for the test; none comes from an
evaluation set."""

from __future__ import annotations

from support_stories import LONG_STORY, starts

from worker.clean import BOILER, BYLINE, classify

COLUMN = [
    "Some thoughts on the depot, since the whole street seems to be talking about it.",
    "First, the noise. I have lived next to the old yard for eleven years and the night"
    " shifts were never the problem people now say they were.",
    "Second, the wall. Nobody has yet said who will pay for it or when it would go up,"
    " and I would like to know before the budget is voted.",
    "Finally, come to the meeting on Thursday. Bring a neighbour, and bring questions.",
]


def test_spent_paywall_meter_ends_the_page() -> None:
    """ "You've read your 3 free articles this month. Subscribe ..." under a story: the
    meter has run out and the story is cut there (furniture that ends its page), so an
    unheaded piece under the gate starts a page of its own."""
    for text in (
        "You’ve read your 3 free articles this month. Subscribe today from just £2 for your"
        " first two months to keep reading.",
        "You have reached your free article limit for this month.",
        "You've used all of your free stories for May.",
    ):
        assert classify(text).role == BOILER, text
    assert classify("You have read the report, so you know what it says.").role != BOILER
    lines = [
        *LONG_STORY,
        "This story is for subscribers only",
        "You’ve read your 3 free articles this month. Subscribe today from just £2 for your"
        " first two months to keep reading.",
        "Already a subscriber? Log in",
        *COLUMN,
    ]
    assert starts(lines) == [1, len(LONG_STORY) + 4]


def test_more_from_our_coverage_labels_a_link_list() -> None:
    """ "More from our <topic> coverage:" under a story, link headlines under it: a list
    of the site's other stories, so the page that follows starts at its own headline
    (not at the first link, read as a headline over the next ones)."""
    lines = [
        *LONG_STORY,
        "More from our Tram Depot 2025 coverage:",
        "Map: where the new tram lines will run",
        "Explained: who pays for the depot",
        "Comment – The yard's neighbours deserve a wall now",
        "Ferry fares to rise by a fifth from April",
        "By Ilse Varga",
        "Fares on the island ferry will rise by a fifth from April, the operator said.",
        "The company blamed the cost of fuel and a new contract with the crews' union.",
        "Season tickets will rise by less, the company said in a statement on Monday.",
    ]
    assert starts(lines) == [1, len(LONG_STORY) + 5]


def test_obituary_by_a_name_is_a_byline() -> None:
    """ "Obituary by <name>" under an obituary's headline and standfirst: its writer's
    byline (as "An appreciation by ..."), so the obituary starts at its headline even
    right under the last paragraph of a story on the same town."""
    for text in ("Obituary by Marta Ellison", "An appreciation by Joel Varga"):
        assert classify(text).role == BYLINE, text
    lines = [
        *LONG_STORY,
        "Oona Brask, ferry captain who ran the island crossing for 30 years, dies aged 88",
        "Took the night boat through three winters of gales and never once missed a tide",
        "Obituary by Marta Ellison",
        "Oona Brask, who has died aged 88, was for three decades the captain of the island"
        " ferry and the best-known face on the crossing.",
        "She was born on the island, the daughter of a boatbuilder, and first took the"
        " wheel at nineteen.",
        "She is survived by her son, Tomas, and by two grandchildren.",
    ]
    assert starts(lines) == [1, len(LONG_STORY) + 1]


def test_column_speaking_for_its_town_splits_from_the_report() -> None:
    """A report that speaks for no one, then with no cue a column on the same subject
    that says "I" in only two paragraphs but "we", "us" and "our" in others: the
    column's voice (singular or plural, in more paragraphs than the singular alone
    needs) marks a new piece."""
    column = [
        "Nobody on our street is against trams, and nobody here wants the old buses back either.",
        "I have lived beside the old yard for eleven years, and I have never once been kept"
        " awake by a tram coming in from the night shift.",
        "The committee heard plenty about noise and almost nothing about the buses the depot"
        " would take off the ring road every morning.",
        "The wall is a fair ask, and the council should agree to it before the budget vote.",
        "The depot is a chance for the east side to get the service it has been promised for"
        " a generation, and it should not be lost to a row over a fence.",
        "What I would say to the neighbours is to take the wall and stop there.",
        "We should welcome the trams when they come, and ask for a stop of our own.",
    ]
    assert starts([*LONG_STORY, *column]) == [1, len(LONG_STORY) + 1]


def test_column_under_its_lead_photo_starts_at_the_caption() -> None:
    """A report, then with no headline a photo's caption and credit over a column that
    opens "It is easy to ..." and goes on in the first person: the paragraph under the
    photo may open a piece though it starts with a pronoun, and the piece starts at
    its photo's caption, not under it."""
    column = [
        "Neighbours of the tram yard at a residents' meeting in the church hall on Monday evening",
        "(Ana Ruiz / Riverside Post)",
        "It is easy to read the depot vote as a defeat for the east side. It was nothing of the"
        " kind.",
        "I have sat through four of these committee nights now, and I have rarely seen one listen"
        " so closely to the people who live beside the yard.",
        "The wall was not in the first plan. I asked for it in January, and so did forty of my"
        " neighbours, in letters the chair read out at the start.",
        "There is more to win yet, and the budget vote in March is where it will be won or lost.",
        "I will be at the meeting on Thursday; come, and bring someone who has never been to one.",
    ]
    assert starts([*LONG_STORY, *column]) == [1, len(LONG_STORY) + 1]
