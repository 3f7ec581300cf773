"""Events a title's kind settles over its phrases: an auction's sale (none), a spy shot (a
launch), a fleet's order (partnership), unless the title tells a firmer event of its own."""

from __future__ import annotations

from autonews.classify.event_model import RuleHit
from autonews.classify.event_names import _LAUNCH, _OTHER, _PARTNERSHIP
from autonews.classify.title_kinds import (
    AUCTION,
    ORDER,
    SPY,
    a_fleet_order,
    an_auction_or_a_spy_shot,
    title_kind,
)
from autonews.models import Event


def _as_its_kind(title: str, event: Event, hits: list[RuleHit], reasons: list[str]) -> Event:
    """The event of a title whose kind settles it (knowledge/title_kinds.toml): an auction's
    sale has none ("1962 Ferrari 250 GT SWB fetches £8.9m" is no financial result); a spy shot
    tells a coming model, a launch ("Porsche 718 Cayman EV Caught Testing With Production Body"
    is no production news), unless the title tells a firmer event of its own by a strong
    phrase: a fire, a crash, a recall, a fine ("Xiaomi YU7 prototype caught testing bursts into
    flames" is an incident; "Ford fined after Mustang Mach-E seen testing" legal)."""
    kind = an_auction_or_a_spy_shot(title)
    if kind == AUCTION:
        reasons.append(f"event other: an auction's sale of a car, no maker's {event.value}")
        return _OTHER
    if kind == SPY and event is not _LAUNCH and not _told_firmly(event, hits):
        reasons.append(f"event launch: a spy shot of a coming model, not {event.value}")
        return _LAUNCH
    return event


def _an_order(title: str) -> bool:
    """Whether ``title`` reports a fleet's order: not a question about one, nor a piece of
    another kind (a review, a list, a column) that names one."""
    return (
        a_fleet_order(title) and not title.rstrip().endswith("?") and title_kind(title) in _ORDERS
    )


_ORDERS = frozenset({None, ORDER})


def _as_an_order(event: Event, hits: list[RuleHit], reasons: list[str]) -> Event:
    """A fleet's order of a maker's vehicles is partnership news, one type for every maker and
    wording (trial 54: six orders were other, partnership and financials), unless the title
    tells a recall, an incident or a legal event by a firm phrase of its own."""
    if _told_firmly(event, hits):
        return event
    reasons.append(f"event partnership: a fleet's order of a maker's vehicles, not {event.value}")
    return _PARTNERSHIP


# What befalls a prototype on test is its own news, not the teaser stage of its model.
_FIRM_BESIDE_A_SPY_SHOT = frozenset({Event.INCIDENT, Event.RECALL, Event.LEGAL})
_FIRM_STRENGTHS = frozenset({"decisive", "strong"})


def _told_firmly(event: Event, hits: list[RuleHit]) -> bool:
    """Whether the title tells ``event`` (an incident, a recall, a legal event) by a decisive or
    strong phrase of its own."""
    return event in _FIRM_BESIDE_A_SPY_SHOT and any(
        hit.event is event and hit.strength in _FIRM_STRENGTHS for hit in hits
    )
