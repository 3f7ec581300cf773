"""What a regulator's listing says of its subject, beyond its words: a vehicle-safety regulator's
recall campaign (NHTSA's 26E-011, Transport Canada's 2026-089) is about vehicles or their
equipment, whatever the listing names ("TRW Aftermarket Brake Calipers", "Evenflo child seat");
a product-safety notice of a toy is about no car, whatever car word the toy's name has ("Toy —
Remote-controlled car — Chemical risk (A12/00442/26)"). The listings' shapes are in
``autonews.recall_listings``."""

from __future__ import annotations

from autonews.classify.knowledge import Knowledge
from autonews.classify.lexicon import phrase_key
from autonews.classify.relevance import STRONG, Evidence
from autonews.recall_listings import campaign_number, notice_category


def campaign_evidence(title: str) -> Evidence | None:
    """A recall campaign's listing as evidence that the title is about vehicles, if it is one."""
    if not title[:1].isdigit() and not title.startswith(("R", "r")):
        return None  # most titles: no campaign number opens them
    number = campaign_number(title)
    if number is None:
        return None
    return Evidence(STRONG, f"a vehicle-safety regulator's recall campaign '{number}'")


def another_product(k: Knowledge, title: str) -> str | None:
    """The kind of product, no car, that a product-safety notice says it lists ("Toy"), if so."""
    if not title.endswith(")"):
        return None
    category = notice_category(title)
    if category is None or phrase_key(category) not in k.other_products:
        return None
    return category
