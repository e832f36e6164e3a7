"""Line roles in context from the h60 review (a rocket failure, a drought's crop-insurance
claims and a celebrity chef's closed restaurants across trade papers, farm radio, live
blogs, newsletters and tabloids). Every line here is written for the test; none comes
from an evaluation set."""

from __future__ import annotations

from support_stories import STORY, starts

from worker.clean import BOILER, classify
from worker.segment import _page_end, segment_file

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


def test_resume_after_an_appeal_keeps_the_next_headline(tmp_path) -> None:
    """Story / donation appeal / a blogger's post talking to its readers (read as the
    appeal's continuation) / "Posted by" / next page's headline, date and byline: a
    pass resumed at the post (split off after the appeal by the full pass) keeps the
    headline under it as the full pass does."""
    lines = [
        *STORY,
        *STORY[2:],
        "The Riverside Ledger is a nonprofit newsroom. Our reporting is free to read because"
        " of readers like you. Donate today.",
        "We sold the old tractor on Saturday. I have been putting off writing about it"
        " because you all know how much Dad loved that thing, and so did I.",
        "If you have been reading here for a while you know it was meant to last us"
        " another ten years, but the parts cannot be found any more for love or money.",
        "A lot of you have asked what we will do for haying. We have a neighbour who will"
        " cut for us this year, and we will see about next year when it comes.",
        "The hay itself is thin this year. The top field made about half what it did last"
        " summer, and the creek meadow was too wet to cut until the second week of July.",
        "Anyway, I don't want this to be all gloom. The kids have been helping their grandpa"
        " mend the fence, the garden is loaded with beans and the heifers look good.",
        "Thank you for reading, and for all your kind notes. They mean more than you know.",
        "Posted by Ruth Alder at 8:40 PM",
        "4 comments:",
        "Labels: farm life, tractors",
        "How the depot's night shifts will be policed, and who will check them",
        "March 14, 2025 · 6:10 PM",
        "By Cleo Marsh",
        "The council will hire two inspectors to check the noise from the depot's night"
        " shifts, the chair of the transport committee said on Friday.",
        "The inspectors will take readings at the yard's fence every night for a year and"
        " publish them on the council's website each month.",
        "Neighbours said they welcomed the readings but still wanted the wall built first.",
    ]
    dump = tmp_path / "dump.txt"
    dump.write_text("\n".join(lines) + "\n")
    full = list(segment_file(str(dump)))
    for k in range(1, len(full)):
        prev = full[k - 1]
        rest = segment_file(str(dump), start_offset=prev.end_offset, first_line=prev.end_line + 1)
        assert [a.start_line for a in rest] == [a.start_line for a in full[k:]], k
    assert [a.start_line for a in full][-1] == 19
