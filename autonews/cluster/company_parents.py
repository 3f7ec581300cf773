"""The owners of joint ventures and units (knowledge/companies.toml's ``parents``): PowerCo's
news is Volkswagen's, BlueOval SK's is Ford's and SK On's. A title naming the unit and another
naming its parent tell of one side, never of "different companies" (trial 52: "PowerCo postpones
St. Thomas gigafactory" / "Volkswagen delays St. Thomas battery plant by a year")."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from autonews.classify.knowledge_loading import default_knowledge


@lru_cache(maxsize=1)
def _parents() -> dict[str, frozenset[str]]:
    """Each company with parents: its parents as the clustering names sides, a maker by its
    group ("Volkswagen": "Volkswagen Group"), a company by its name."""
    knowledge = default_knowledge()
    group_of = {maker.name.casefold(): maker.group for maker in knowledge.makers}
    return {
        company.name: frozenset(
            group_of.get(parent.casefold(), parent) for parent in company.parents
        )
        for company in knowledge.companies
        if company.parents
    }


@lru_cache(maxsize=1)
def _parent_terms() -> dict[str, tuple[str, ...]]:
    """Each company with parents: its parents' terms as the clustering writes named sides
    (``texts._named_terms``): "m:Ford" for a maker, "o:SK On" for a company."""
    knowledge = default_knowledge()
    makers = {maker.name.casefold(): maker.name for maker in knowledge.makers}
    return {
        company.name: tuple(
            "m:" + makers[parent.casefold()] if parent.casefold() in makers else "o:" + parent
            for parent in company.parents
        )
        for company in knowledge.companies
        if company.parents
    }


def parent_terms(companies: Iterable[str]) -> list[str]:
    """The terms of the parents of the joint ventures and units among ``companies``: a title
    naming StarPlus Energy names Stellantis and Samsung SDI's venture."""
    terms = _parent_terms()
    return [term for name in companies for term in terms.get(name, ())]


def with_parents(companies: Iterable[str]) -> frozenset[str]:
    """The companies and the parents of those that are joint ventures or units."""
    named = frozenset(companies)
    parents = _parents()
    return named.union(*(parents.get(name, frozenset()) for name in named))


def units_of_named_parents(words: list[str], groups: Iterable[str]) -> list[int]:
    """The companies (their indices in the knowledge) whose name ``words`` write only in a
    form that needs context ("PowerCo", ambiguous in companies.toml: a utility's name too),
    where a parent is among the item's makers' ``groups``: in Volkswagen's news, "PowerCo"
    is its battery unit (trial 52: "PowerCo starts cell production in Salzgitter" and
    "Volkswagen's PowerCo begins battery cell production in Germany" named it apart)."""
    owners = frozenset(groups)
    if not owners:
        return []
    knowledge = default_knowledge()
    parents = _parents()
    found = []
    for _start, _end, hits in knowledge.entities.scan(words, True):
        for hit in hits:
            if hit.kind != "company" or not hit.ambiguous or hit.index in found:
                continue
            if not parents.get(knowledge.companies[hit.index].name, frozenset()).isdisjoint(owners):
                found.append(hit.index)
    return found
