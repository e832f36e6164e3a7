"""Furniture met in freshly written dumps (seventeenth session), on invented text: a
forum poster's block under their handle, a newsletter's foot, a link aggregator's
thread links, a journal page's access box, a fact check's review box, a page's
language links and foot, and a speaker in a parliament's record."""

from __future__ import annotations

import pytest
from test_segment_pages import _starts

from worker.clean import BODY, BOILER, HEAD, classify

# One line each, as classify() reads it: (line, role, the flag it must carry).
LINES = [
    # a poster's block: rank, counts, reactions
    ("Senior Member", BOILER, "ad"),
    ("Established Member", BOILER, "ad"),
    ("Moderator", BOILER, "ad"),
    ("Posts: 3,455", BOILER, "ad"),
    ("Messages 9,022", BOILER, "ad"),
    ("Reaction score: 1,204", BOILER, "ad"),
    ("Reactions: quayside_jo, 43019 and Harbourman", BOILER, "ad"),
    # a newsletter's foot ends its page
    (
        "You received this email because you signed up at tidewatch.example. Unsubscribe.",
        BOILER,
        "end",
    ),
    ("You're receiving this newsletter because you subscribed on our website.", BOILER, "end"),
    ("Manage your preferences or unsubscribe at any time.", BOILER, "end"),
    # a thread's own links, a journal's access box, a fact check's review box
    ("Continue this thread", BOILER, "ad"),
    ("Top posts of June 2026", BOILER, "ad"),
    ("Top posts of 2026", BOILER, "ad"),
    ("Access through your institution", BOILER, "ad"),
    ("Buy article PDF", BOILER, "ad"),
    ("Claimed By: Social media users", BOILER, "ad"),
    ("Claim Review: Video shows flooded underpass in the capital", BOILER, "ad"),
    # a page's own language links and foot
    ("Translate this page", BOILER, None),
    ("Página en español", BOILER, None),
    ("Acknowledgement of Country", BOILER, None),
    (
        "Calder Shire Council acknowledges the Wiradjuri people as the Traditional"
        " Custodians of the land on which we live and work.",
        BOILER,
        None,
    ),
    # a speaker's turn in a parliament's record is the debate's own line
    ("Dr Miriam Okafor-Lind (Severn Vale) (LD)", BODY, None),
    ("Sir Alan Pettigrew (Calder North) (Con):", BODY, None),
    ("The Minister for Flood Defences (Tom Hale)", BODY, None),
    ("The Parliamentary Under-Secretary of State for Health (Ruth Amadi):", BODY, None),
]

# Lines that keep their roles.
KEPT = [
    ("Member of Parliament", HEAD),  # a rank needs nothing after it
    ("Top posts", BOILER),
    ("Claim: The bridge was never inspected", HEAD),  # the fact check's own claim
    ("Severn Vale (LD) wins recount", HEAD),
    ("Load more comments", BOILER),  # ends a comment section, as before (see below)
]


@pytest.mark.parametrize(("line", "role", "flag"), LINES)
def test_a_lines_role(line: str, role: int, flag: str | None) -> None:
    info = classify(line)
    assert info.role == role, (line, info)
    assert flag is None or getattr(info, flag), (line, info)


@pytest.mark.parametrize(("line", "role"), KEPT)
def test_lines_that_keep_their_roles(line: str, role: int) -> None:
    assert classify(line).role == role, line


def test_also_interesting_labels_a_list() -> None:
    assert classify("Also interesting").lead > 0
    assert classify("Also of interest").lead > 0


def test_load_more_comments_still_ends_the_comments() -> None:
    info = classify("Load more comments")
    assert info.end and not info.ad


THREAD = [
    "Bridge closure – anyone else adding an hour to the school run?",
    "Thread starter: ferrygirl_88 · Start date: 24 Nov 2025",
    "ferrygirl_88",
    "Member",
    "Posts: 87",
    "Posted 24 Nov 2025 6:20 PM",
    "Shuttle buses are decent now they have the bus lane. Forty minutes door to door,"
    " which still hurts when it used to be twelve.",
    "GrahamD",
    "Senior Member",
    "Posts: 3,455",
    "Posted 24 Nov 2025 7:02 PM",
    "The detour through the industrial estate is the killer. Whoever planned the"
    " lights there has never driven it at half past eight.",
    "Quayside_Jo",
    "Member",
    "Posts: 310",
    "Posted 25 Nov 2025 8:15 AM",
    "Council says the temporary ferry starts Monday. I will believe it when I see the"
    " boat, but it would save us a fortune in fuel.",
]


def test_a_posters_handle_over_their_block_is_no_new_page() -> None:
    """handle / "Senior Member" / "Posts: 3,455" / time / post: each post of the thread
    stays in the thread's page (a handle alone reads like a byline or a headline)."""
    assert _starts(["Roundabout Forums › Transport › Bridges", *THREAD]) == [1]
    assert classify("GrahamD").role != BOILER  # alone it is no poster's handle
