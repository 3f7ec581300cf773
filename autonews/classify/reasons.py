"""The reasons list of a classification: kept for --explain, otherwise never built."""

from __future__ import annotations


class Discard(list[str]):
    """A reasons list that keeps nothing: classifying without --explain builds no strings."""

    def append(self, item: str) -> None:
        return None


DISCARD = Discard()  # compared by identity: `reasons is not DISCARD` guards costly messages
