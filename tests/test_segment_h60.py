"""Line roles in context from the h60 review (a rocket failure, a drought's crop-insurance
claims and a celebrity chef's closed restaurants across trade papers, farm radio, live
blogs, newsletters and tabloids). Every line here is written for the test; none comes
from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BOILER, classify
from worker.segment import _page_end

OTHER = [
    "Harbour ferry fares to rise in spring",
    "By Nell Ambrose",
    "The harbour board voted on Monday to raise single ferry fares by twenty pence from April.",
    "The board said fuel and crew costs had risen faster than it had expected last year.",
    "Commuters' groups said the rise would hit shift workers hardest.",
]


def test_social_embed_attribution_is_furniture() -> None:
    """ "A post shared by <name> (@handle)" under an embedded post: the embed's
    attribution, not a headline opening a page above the story's next paragraph."""
    for text in (
        "A post shared by Mira Okonjo (@miraokonjo)",
        "A video shared by The Depot Bakery (@depot.bakery)",
    ):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "View this post on Instagram",
        "A post shared by Mira Okonjo (@miraokonjo)",
        "In the post, the councillor wrote that the night shifts would be kept to a minimum.",
        "Residents replied that they had heard such promises before the last depot opened.",
    ]
    assert starts(lines) == [1]


def test_newsletter_pitch_behind_a_question_is_furniture() -> None:
    """ "Want more <beat> news? Get our free daily newsletter." under a story: a
    sign-up box, not a caption opening a page above the next story's kicker."""
    for text in (
        "Want more Riverside transport news? Get our free daily newsletter.",
        "Hungry for more? Sign up for our weekly food newsletter.",
    ):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "Want more Riverside transport news? Get our free daily newsletter.",
        "TOP STORY",
        *OTHER,
    ]
    assert starts(lines) == [1, 7]


def test_mailing_footer_naming_the_mailing_is_furniture() -> None:
    """ "You are receiving <mailing> because you signed up at <site>." at a digest's
    foot: the mailing's footer (as "You are receiving this ... Unsubscribe"), not a
    paragraph that keeps the digest's link list open above the next story."""
    for text in (
        "You are receiving The Depot Brief because you signed up at depotbrief.com."
        " Manage your subscription.",
        "You're getting this email because you subscribed to Harbour Notes.",
    ):
        assert classify(text).role == BOILER, text
    lines = [
        *STORY,
        "MORE IN TODAY'S BRIEF",
        "Bus lane on the ring road to open in May",
        "Cycle hire scheme adds forty docks",
        "You are receiving The Depot Brief because you signed up at depotbrief.com."
        " Manage your subscription.",
        "The ferry crossing to the island will cost twenty pence more from April, after"
        " the harbour board voted on Monday to raise single fares.",
        "The board said fuel and crew costs had risen faster than it had expected.",
        "Commuters' groups said the rise would hit shift workers hardest.",
    ]
    assert starts(lines) == [1, 10]


def test_photo_with_credit_label_inside_a_live_entry_goes_on() -> None:
    """Paragraph / photo caption / "Image: <credit>" closing a live page's entry, the next
    entry's time under it: the entry's photo, not a page of its own (its caption read
    as a headline over the credit)."""
    lines = [
        "Depot vote: live updates",
        "By Oskar Lind",
        "Share",
        "19:40",
        "Committee sits",
        "The council's transport committee has begun its debate on the new tram depot.",
        "The chair said every member who wished to speak would be heard before the vote.",
        "Share",
        "19:58",
        "Residents speak",
        "Three neighbours of the yard addressed the committee about the night shifts.",
        "They asked for a wall along the yard and for the shifts to end at midnight.",
        "Share",
        "20:15",
        "Vote passes six to three",
        "The committee backed the depot by six votes to three, with one member absent.",
        "Neighbours in the public gallery left quietly after the result was read out.",
        "Members of the committee raise their hands during the vote on Tuesday evening",
        "Image: Riverside Evening News",
        "Share",
        "20:32",
        "Chair: 'The wall will be built'",
        "The committee chair told reporters that the wall along the yard was a condition.",
        "She said the depot could not open until the wall had been finished and inspected.",
    ]
    assert starts(lines) == [1]


def test_interview_editing_note_ends_no_page() -> None:
    """Headline / standfirst / byline / date / "This interview has been edited for length
    and clarity." / first question: the note sits inside the interview's header (it
    is furniture, but it closes no page), so the question under it is the interview's,
    not the headline of a page of its own."""
    for text in (
        "This interview has been edited for length and clarity.",
        "The conversation below has been condensed and edited for clarity.",
        "Answers have been lightly edited and condensed for publication.",
    ):
        info = classify(text)
        assert info.role == BOILER and not _page_end(info), text
    lines = [
        *STORY,
        "Share",
        "Interview",
        "The depot's neighbour who wants a wall, not a fight",
        "Retired signalman Amos Reed spoke for the residents at the depot vote. He talks"
        " about the night shifts, the wall and why he is not against trams.",
        "Interview by Cleo Marsh",
        "12 March 2025",
        "This interview has been edited for length and clarity.",
        "How did a retired signalman end up speaking for a whole street at the depot vote?",
        "Honestly, by saying yes before I knew how hard it would be. My grandson signed me"
        " up at a street party last summer, and one letter led to another.",
        "What do you want the council to do?",
        "Listen to pensioners who have slept beside railways for fifty years; we know what"
        " a siding sounds like at four in the morning.",
    ]
    assert starts(lines) == [1, 7]
