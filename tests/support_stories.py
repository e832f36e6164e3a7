"""Text shared by the segmenter's rule tests: a short news story, written for the
tests, for a rule's lines to follow or precede, and the article starts of a text."""

from __future__ import annotations

from worker.segment import segment_text

STORY = [
    "Tram depot plan clears its first vote",
    "By Oskar Lind",
    "The council's transport committee backed the new tram depot on Tuesday by six votes to three.",
    "The depot would house the twelve longer trams the city ordered last year.",
    "Neighbours fear noise from the night shifts and asked for a wall along the yard.",
]


def starts(lines: list[str]) -> list[int]:
    """First line of each article the segmenter finds in ``lines``."""
    return [a.start_line for a in segment_text("\n".join(lines) + "\n")]
