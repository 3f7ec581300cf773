"""Where two titles of car news naming no maker share only companies and places: whether that is
one event (a supplier's plant news seldom names a maker, so its company and the ground it acts
on are a subject as a maker's are) or two (a company alone, a company with a country).
``proof.unproven`` asks it; its answer's name is ``ONLY_A_COMPANY_OR_PLACE``."""

from __future__ import annotations

from autonews.cluster.features import _Features
from autonews.cluster.places import COUNTRY_OF
from autonews.cluster.shared import PLACES

COMPANY = "o:"  # the subject term of a company an item names: "o:Waymo"


def a_company_and_its_ground(
    a: _Features, b: _Features, both: frozenset[str], other_turns: bool
) -> bool:
    """Whether both titles name one company (a cell maker, a supplier: companies.toml) and,
    besides it, a region or a town, or a second side (a company, a joint venture's parent)
    where both tell one turn of a story (a deal done, a delay), and tell no other turns: a
    supplier's plant news seldom names a maker, so its company is a subject as a maker is
    (trial 52: "Panasonic delays full operation of Kansas EV battery plant" / "Panasonic
    pushes back full production at Kansas battery plant"; "Lyten completes takeover of
    Northvolt Ett" / "Lyten closes deal for bankrupt Northvolt's Swedish plants"). A company
    alone is not enough (a robotaxi firm's funding / its recall), nor with a country, every
    other day's ("Ayvens opens van centre in Coventry" / "Ayvens erhöht Raten in
    Großbritannien"), nor a plant's start and its delay, nor two companies' deal for one plant
    and their restart of another (trial 42: "Northvolt Heide: Lyten buys" / "Northvolt Ett:
    Lyten restarts cell line")."""
    if other_turns:
        return False
    companies = sum(term.startswith(COMPANY) for term in both)
    if not companies:
        return False
    if any(term in COUNTRY_OF for term in both):
        return True  # a region or a town both titles name; a country is every other day's
    # The sides both name, a joint venture's parents among them ("StarPlus Energy" is
    # Stellantis's and Samsung SDI's).
    sides = len(a.actors & b.actors)
    return sides >= 2 and not a.stages.isdisjoint(b.stages)


def one_side_only(both: frozenset[str], other_turns: bool) -> bool:
    """Whether the terms two titles share are only companies and at most one place. A place
    and the country it implies are two places, as a city and its region may be one told at two
    scales ("Stellantis to idle Windsor plant" / "Windsor shutdown: ... dealers say": Ontario,
    Canada), but one when the titles tell other turns of a story (``other_turns``: "Doug Ford
    says Ontario will hit back ... again" / "Honda pushes back Ontario EV plant start"): what
    happens in one province is not one event."""
    places = 0
    for term in both:
        if term in PLACES:
            places += not (other_turns and COUNTRY_OF.get(term) in both)
        elif not term.startswith(COMPANY):
            return False
    return places <= 1
