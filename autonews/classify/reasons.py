"""The reasons list of a classification: kept for --explain, otherwise never built."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from autonews.classify.knowledge import EventHit


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


def rules_choice(hit: EventHit, position: int, decided: str, written: str = "") -> str:
    """What the rules chose, for --explain, and what became of it (``decided``): "weighed" by
    the event model, as one of its features (its phrase's strength, "decisive", read as the
    verdict above the model's other event: trial 38, "rules: production, 'begins building'
    (decisive)", then "event launch"); "yours", a phrase of the user's, which decides; else the
    strength of a phrase that decides with no model. ``written``: the words as the text has
    them, quoted where given (trial 49: "'signs' at word 37" was the phrase matched, the text
    said "sign up"); else the phrase that matched them."""
    chose = f"rules: {hit.event.value}, '{written or hit.phrase}' at word {position + 1}"
    if decided == "weighed":
        return f"{chose}, weighed by the model"
    if decided == "yours":
        return f"{chose} (your [classify.event_keywords] phrase: it decides)"
    return f"{chose} ({decided})"
