"""What a user may type for a company (``--company``, ``companies --search``): its name or any alias
(``LGES``, ``宁德时代``), resolved to the name stories carry; a maker's name is told apart."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches

from autonews.classify.knowledge import Company, Knowledge
from autonews.classify.lexicon import phrase_key
from autonews.classify.lookup import resolve_maker
from autonews.errors import AutonewsError


def resolve_companies(
    values: Iterable[str],
    knowledge: Knowledge,
    where: str,
    error: type[AutonewsError],
    said: list[str] | None = None,
) -> tuple[str, ...]:
    """The company names ``values`` name (a supplier, a battery or chip maker... by its name or
    any alias, in any script and case: ``CATL``, ``宁德时代``, ``寧德時代``), as stories carry them
    in ``companies``; a value naming an automaker or nothing known raises ``error``. A name
    several companies' names start with ("LG": LG Electronics, LG Energy Solution) is the
    car-industry one among them, which ``said`` is told; with several such, it raises."""
    names: list[str] = []
    by_name = {company.name.casefold(): company.name for company in knowledge.companies}
    for value in values:
        found = _company_named(value, knowledge)
        if found is None:
            raise _not_a_company(value, knowledge, where, error, by_name)
        could_be = [found, *(c for c in _starting_with(value, knowledge) if c != found)]
        if len(could_be) > 1 and value.strip().casefold() != found.name.casefold():
            found = _the_car_industrys(value, could_be, where, error, said)
        names.append(found.name)
    return tuple(dict.fromkeys(names))


def search_companies(needle: str, knowledge: Knowledge) -> list[Company]:
    """Companies whose name, role or country contains ``needle`` (any case), or that it names
    (an alias in any script: LGES, 宁德时代)."""
    wanted = needle.strip().casefold()
    named = _company_named(needle, knowledge) if wanted else None
    return [
        company
        for company in knowledge.companies
        if company == named
        or any(wanted in text.casefold() for text in (company.name, company.role, company.country))
    ]


def _company_named(value: str, knowledge: Knowledge) -> Company | None:
    """The company ``value`` names, by its name or any alias, if any."""
    wanted = value.strip()
    if not wanted:
        return None
    for company in knowledge.companies:
        if company.name.casefold() == wanted.casefold():
            return company
    hits = knowledge.entities.get(phrase_key(wanted))
    hit = next((h for h in hits if h.kind == "company"), None)
    return knowledge.companies[hit.index] if hit is not None else None


def _starting_with(value: str, knowledge: Knowledge) -> list[Company]:
    """Companies whose names start with the words of ``value`` ("SK": SK Hynix, SK On)."""
    key = phrase_key(value)
    if not key:
        return []
    return [c for c in knowledge.companies if phrase_key(c.name)[: len(key)] == key]


def _the_car_industrys(
    value: str,
    could_be: list[Company],
    where: str,
    error: type[AutonewsError],
    said: list[str] | None,
) -> Company:
    """Of the companies ``value`` could be, the one in the car industry (LG Energy Solution,
    not LG Electronics), told in ``said``; else the one it is a name of. Several in the car
    industry: ``error``, naming them."""
    listed = " or ".join(f"{c.name} ({c.role})" for c in could_be)
    cars = [company for company in could_be if company.automotive]
    if len(cars) > 1:
        raise error(
            f"{where}: {value!r} could be {listed}", hint="give the full name of the one you mean"
        )
    taken = cars[0] if cars else could_be[0]
    if said is not None:
        why = ", the car-industry one" if cars else ""
        said.append(
            f"{where} {value!r} could be {listed}: taken as {taken.name}{why}; give another's "
            "full name for its stories"
        )
    return taken


def _not_a_company(
    value: str,
    knowledge: Knowledge,
    where: str,
    error: type[AutonewsError],
    by_name: dict[str, str],
) -> AutonewsError:
    maker = resolve_maker(value, knowledge)
    if maker.names:
        return error(
            f"{where}: {value!r} is an automaker ({', '.join(maker.names)}), not a company",
            hint=f"use --maker {value!r}",
        )
    close = [c.name for c in _starting_with(value, knowledge)][:3]  # "Hitachi": Hitachi Astemo
    close = close or [
        by_name[c]
        for c in get_close_matches(value.strip().casefold(), list(by_name), n=3, cutoff=0.7)
    ]
    hint = "`autonews companies --search TEXT` lists the companies autonews knows"
    if close:
        hint = f"did you mean {' or '.join(map(repr, close))}? {hint}"
    return error(f"{where}: unknown company {value!r}", hint=hint)
