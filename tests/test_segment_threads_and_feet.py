"""Furniture met in freshly written dumps (seventeenth session), on invented text: a
forum poster's block under their handle, and lines that keep their roles beside the
session's new patterns (the lines those patterns take are in the table of
test_segment_page_paths)."""

from __future__ import annotations

import pytest
from test_segment_pages import _starts

from worker.clean import BOILER, HEAD, classify

# Lines that keep their roles.
KEPT = [
    ("Member of Parliament", HEAD),  # a rank needs nothing after it
    ("Top posts", BOILER),
    ("Claim: The bridge was never inspected", HEAD),  # the fact check's own claim
    ("Severn Vale (LD) wins recount", HEAD),
    ("Load more comments", BOILER),  # ends a comment section, as before (see below)
]


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
