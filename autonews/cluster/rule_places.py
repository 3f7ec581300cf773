"""Where a rule and other news share only a place: a state's rule (California repeals its
Advanced Clean Fleets mandate) and a company's news there (Walmart adds 30 electric trucks to
its California fleet) both name the state, and a title naming a state implies its country; one
place told at two scales, no two places that would make them one event (trial 54).
``proof.unproven`` asks it beside ``company_ground.one_side_only``."""

from __future__ import annotations

from autonews.cluster.features import _Features
from autonews.models import Event


def a_rule_and_other_news(a: _Features, b: _Features) -> bool:
    """One title tells a rule (the classifier's verdict: regulation) and the other other news:
    a place both name is where each happens, not what they share."""
    return (a.event is Event.REGULATION) is not (b.event is Event.REGULATION)
