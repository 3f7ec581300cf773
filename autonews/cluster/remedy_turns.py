"""A recall's remedy changed is a turn of its own (trial 37: "Tesla switches Model Y steering
recall fix to hardware replacement" joined the recall sent days before with its over-the-air
fix, and the regulators' notices of it). The turn is knowledge/turns.toml's "remedy", read as
``autonews.story_turns`` reads it for `digest --new`; clustering counts it in a title that names
a recall, so that a maker "changing" a part and "replacing" another in other news is no turn."""

from __future__ import annotations

from collections.abc import Mapping

from autonews.story_turns import turns_of

REMEDY = "remedy"  # the turn's id in knowledge/turns.toml
_RECALL = "c:recall"


def remedy_turn(title: str, told: Mapping[str, int]) -> frozenset[str]:
    """{"remedy"} when ``title`` (whose terms are ``told``) tells a recall's fix changed."""
    if _RECALL not in told:
        return frozenset()
    return turns_of(title) & {REMEDY}


def remedy_changed(a_stages: frozenset[str], b_stages: frozenset[str]) -> bool:
    """One title tells a recall's remedy changed and the other does not: the recall itself, its
    notices, or its other turns are other news than its new fix, whenever each was told."""
    return (REMEDY in a_stages) is not (REMEDY in b_stages)
