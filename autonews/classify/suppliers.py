"""A supplier a car item's summary or body names as such ("battery cells supplied by Samsung
SDI", "a 58 kWh LFP battery from CATL"): the item is that supplier's news too, for `--company`,
never its maker (trial 52: `--company "Samsung SDI"` found 1 of 4 stories of its cell recall,
whose summaries named it; only titles were read). A battery maker or a supplier counts where a
word of supply (`[context] supply_words` of events.toml: cells, battery, supplied) is within a
few words of its name."""

from __future__ import annotations

from dataclasses import replace

from autonews.classify.knowledge import EntityHit, Knowledge
from autonews.classify.relevance import Spotted

_NEAR = 4  # words either side of the name
_ROLES = frozenset({"battery", "supplier"})


def named_suppliers(
    k: Knowledge, spotted: list[Spotted], stems: list[str], reasons: list[str]
) -> list[EntityHit]:
    """The battery makers and suppliers ``spotted`` in a summary or body (its ``stems``) that
    it names as what a car is made with, each once."""
    found: list[EntityHit] = []
    for start, end, hit in spotted:
        if hit.kind != "company" or k.companies[hit.index].role not in _ROLES:
            continue
        if any(h.index == hit.index for h in found):
            continue
        near = stems[max(0, start - _NEAR) : start] + stems[end : end + _NEAR]
        word = next((w for w in near if w in k.supply_words), None)
        if word is not None:
            found.append(hit)
            reasons.append(
                f"company {k.companies[hit.index].name}: the summary/body's supplier "
                f"('{hit.written}' beside '{word}'), for --company, not its maker"
            )
    return found


def as_battery_units(
    k: Knowledge, named: list[EntityHit], stems: list[str], reasons: list[str]
) -> list[EntityHit]:
    """``named`` with a group's short name read as its battery maker where the title is about
    batteries ("… in Tennessee with LG": LG Energy Solution; `[context] battery_units`)."""
    if not any(h.kind == "company" and h.written in k.battery_units for h in named):
        return named
    if k.supply_words.isdisjoint(stems) and not (
        k.battery_materials.may_match(stems) and k.battery_materials.scan(stems)
    ):
        return named
    read = []
    for hit in named:
        unit = k.battery_units.get(hit.written) if hit.kind == "company" else None
        index = next((i for i, c in enumerate(k.companies) if c.name == unit), None)
        if index is not None:
            reasons.append(f"company {unit}: '{hit.written}' in a title about batteries")
            hit = replace(hit, index=index)
        read.append(hit)
    return read
