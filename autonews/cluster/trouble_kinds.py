"""The kind of trouble a title tells (``trouble_kind``): a lawsuit, a recall, a stop-sale, a
probe and a probe's turn, a local crash naming no company, or an incident (trial 51's robotaxi
hitting a pedestrian, then NHTSA's probe of it, then the recall). Two titles of different kinds
are two events, whatever part, fault and model both name: owners suing over a recall are not the
recall, nor is a probe the recall later ends, nor the stop-sale told before its filing, nor a
local crash a probe of the same kind of vehicle, nor a crash the probe it brings; nor are a
probe's opening, its upgrade and its closing one event (``other_trouble``)."""

from __future__ import annotations

from autonews.cluster.concept_sets import (
    INCIDENT_AUTHORITIES,
    INCIDENT_HITS,
    INCIDENT_VICTIMS,
    TROUBLE_KINDS,
)
from autonews.cluster.features import _Features
from autonews.models import Event

_SALES = "c:sales"
_HALT = "halt"  # the turn of a halt: "halts sales" is a stop-sale
# A probe is a regulator's legal news, told by its word ("Feds probe Hyundai EVs") or by a turn
# of it alone ("US opens probe into ...", read as its opening). Its word in other news is no
# probe's: a police inquiry into a fire, a recall "after investigation".
_PROBE_WORD = "c:probe"
# A probe's turns: opened, upgraded (to an engineering analysis), closed. A probe opened or
# upgraded is the probe's news whatever recall its title names ("NHTSA upgrades FSD probe, step
# before a recall"); one closed as its maker recalls is the recall's ("NHTSA closes Ioniq probe
# after automaker recalls 190,000 EVs", "Hyundai recalls 190,000 EVs, ending US probe").
_PROBE_TURNS = ("begin", "expand", "end")
_OPEN_TURNS = frozenset(_PROBE_TURNS[:2])
_RECALL, _STOP_SALE, _PROBE, _CRASH = "recall", "stop-sale", "probe", "crash"
_INCIDENT = "incident"
# A crash that names no company is a one-off, local one: no probe's, recall's or lawsuit's
# news, whatever vehicle both name ("NHTSA investigation into Waymo school bus incidents
# widened" / "Two hurt in crash involving pickup truck and school bus on Route 9", trial 48).
# A crash of a maker's car may be what its probe or recall is about, told another way.
_CRASH_WORD = "c:crash"
# A crash naming no company and an incident are both the event itself, told without and with
# the car's maker ("Two hurt in crash involving pickup truck and school bus" / "Cybertruck and
# school bus crash ..."): one collision, whatever its kinds.
_ONE_COLLISION = frozenset({_CRASH, _INCIDENT})
_LAWSUIT = TROUBLE_KINDS[0]


Trouble = tuple[str, str]  # (kind, turn): ("probe", "begin"), ("recall", "")


def trouble_kind(item: _Features) -> Trouble | None:
    """The kind of trouble the title tells and, for a probe, the turn it tells ("" for none);
    None for none it names."""
    if not _LAWSUIT[1].isdisjoint(item.title):
        return _LAWSUIT[0], ""
    turn = _probe_turn(item)
    if turn in _OPEN_TURNS:
        return _PROBE, turn
    for kind, concepts in TROUBLE_KINDS[1:]:
        if not concepts.isdisjoint(item.title):
            return kind, ""
    if _HALT in item.stages and _SALES in item.title:
        return _STOP_SALE, ""  # "Toyota halts US sales of Grand Highlander over air bag issue"
    if turn is not None:
        return _PROBE, turn  # "NHTSA investigates Zoox robotaxis after pedestrian is struck"
    if _CRASH_WORD in item.title and not (item.makers or item.actors):
        return _CRASH, ""  # "Two hurt in crash involving pickup truck and school bus on Route 9"
    return (_INCIDENT, "") if _tells_an_incident(item) else None


def _tells_an_incident(item: _Features) -> bool:
    """The classifier is sure of an incident (a crash, a fire), or the title tells a vehicle
    hitting a person ("Waymo robotaxi hits child near school"): the incident, not the probe or
    recall that follows it. Not a regulator's notice of a fault ("Injuries", "May Catch Fire":
    the recall's words) nor a title naming an inquiry or an authority ("Nach vier Unfällen:
    US-Behörde untersucht ...")."""
    if item.notice is not None or _PROBE_WORD in item.title:
        return False
    if not INCIDENT_AUTHORITIES.isdisjoint(item.title):
        return False
    if item.event is Event.INCIDENT and item.event_sure:
        return True
    return not (INCIDENT_HITS.isdisjoint(item.title) or INCIDENT_VICTIMS.isdisjoint(item.title))


def _probe_turn(item: _Features) -> str | None:
    """For a regulator's probe, the turn its title tells ("" for none); None for no probe."""
    if item.event is not Event.LEGAL:
        return None
    turn = next((turn for turn in _PROBE_TURNS if turn in item.stages), "")
    if turn and item.event_sure:
        return turn
    return "" if _PROBE_WORD in item.title else None


def other_trouble(a: _Features, b: _Features) -> str | None:
    """Both titles tell a model's trouble, of different kinds or a probe's different turns:
    which is which ("the first is a probe, the second a recall"), or None. A stop-sale told
    with or after its recall is the recall's ("Jeep 4xe owners told to stop charging; dealer
    stop-sale issued" hours after the recall); one told before it is news of its own, and the
    recall filed days later is news again (trial 48's Grand Highlander)."""
    trouble_a = trouble_kind(a)
    if trouble_a is None:
        return None
    trouble_b = trouble_kind(b)
    if trouble_b is None:
        return None
    if not _two_troubles(a, trouble_a, b, trouble_b):
        return None
    return f"the first is {_told(*trouble_a)}, the second {_told(*trouble_b)}"


def _two_troubles(a: _Features, trouble_a: Trouble, b: _Features, trouble_b: Trouble) -> bool:
    (kind_a, turn_a), (kind_b, turn_b) = trouble_a, trouble_b
    if kind_a == kind_b:
        return turn_a != turn_b and (
            bool(turn_a and turn_b)
            or _before_the_turn(a, turn_a, b)
            or _before_the_turn(b, turn_b, a)
        )
    if {kind_a, kind_b} == _ONE_COLLISION:
        return False  # the crash itself, its car named by one title only (review 37, F3)
    if {kind_a, kind_b} == {_RECALL, _STOP_SALE}:
        stop_sale, recall = (a, b) if kind_a == _STOP_SALE else (b, a)
        return stop_sale.stamp < recall.stamp
    return True


_TURNS_TOLD = {"begin": " opened", "expand": " widened or upgraded", "end": " closed"}


def _told(kind: str, turn: str) -> str:
    """A trouble as a reader names it: "a lawsuit", "a probe opened", "an incident"."""
    article = "an" if kind[0] in "aeiou" else "a"
    return f"{article} {kind}{_TURNS_TOLD.get(turn, '')}"


def _before_the_turn(a: _Features, turn: str, b: _Features) -> bool:
    """``a`` tells a probe upgraded or closed, ``b`` the probe without a turn, told before
    ``a``: the probe as it stood, not its turn ("NHTSA Investigates Tesla FSD After Four
    Crashes" / days later "NHTSA upgrades Tesla FSD probe to engineering analysis")."""
    return turn not in ("", _PROBE_TURNS[0]) and b.stamp < a.stamp
