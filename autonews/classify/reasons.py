"""The reasons list of a classification: kept for --explain, otherwise never built."""

from __future__ import annotations


class Discard(list[str]):
    """A reasons list that keeps nothing: classifying without --explain builds no strings."""

    def append(self, item: str) -> None:
        return None

    # Every way of adding keeps nothing: the one list is shared by every classification.
    def extend(self, items: object) -> None:
        return None

    def insert(self, index: object, item: str) -> None:
        return None

    def __iadd__(self, items: object) -> Discard:  # type: ignore[override,misc]
        return self


DISCARD = Discard()  # compared by identity: `reasons is not DISCARD` guards costly messages
