"""The EV battery's supply chain: a title about battery metals and materials (lithium, cobalt,
nickel, graphite, cathodes, their prices, mines and export quotas) or the rules of battery
supply (FEOC, the EU's battery supply-chain rules) is car news, as a lithium producer's own news
is (companies.toml's battery role). One rule for all of them (trial 52: Albemarle's lithium
plant was shown, the same lithium rally's other two reports hidden). The words are
events.toml's ``[context] battery_materials``."""

from __future__ import annotations

from autonews.classify.knowledge import Knowledge
from autonews.classify.relevance import WEAK, Evidence


def battery_supply_evidence(k: Knowledge, stems: list[str]) -> Evidence | None:
    """Weak evidence from a battery material the title names as such ("lithium prices", not
    "lithium battery plant": a battery's chemistry), held as a car-industry company's is: its
    summary naming another field (a grid's storage, a phone) outweighs it. None if none, or
    where the title names another field itself."""
    materials = k.battery_materials
    if not materials.may_match(stems):
        return None
    if k.other_topics.may_match(stems) and k.other_topics.scan(stems):
        return None
    if k.not_cars.may_match(stems) and k.not_cars.scan(stems):
        return None
    for _, end, hits in materials.scan(stems):
        if end < len(stems) and stems[end] in k.battery_not_materials:
            continue
        reason = f"the battery material '{hits[0]}' in the title: the EV battery supply chain"
        return Evidence(WEAK, reason, company=True)
    return None
