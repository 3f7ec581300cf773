"""What a regulator's listing says of its subject, beyond its words: a vehicle-safety regulator's
recall campaign (NHTSA's 26E-011, Transport Canada's 2026-089, the UK DVSA's R/2026/318) is about
vehicles or their equipment, whatever the listing names ("TRW Aftermarket Brake Calipers",
"Evenflo child seat");
a listing names its manufacturer, whose models are no other maker's brands ("Indian Scout" is
Indian's Scout, not VW's Scout); a product-safety notice of a toy is about no car, whatever car
word the toy's name has ("Toy — Remote-controlled car — Chemical risk (A12/00442/26)"). The
listings' shapes are in ``autonews.recall_listings``."""

from __future__ import annotations

from autonews.classify.knowledge import Knowledge
from autonews.classify.lexicon import Tokens, phrase_key
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import STRONG, Evidence, Spotted
from autonews.models import Figure
from autonews.official_notices import units_affected
from autonews.recall_listings import campaign_number, listed_manufacturer, notice_category

# A regulator's own recall notice (autonews.official_notices) is about vehicles or their
# equipment, whatever it names ("Evenflo Company, Inc.: Harness Chest Clip May Break").
NOTICE = Evidence(STRONG, "a vehicle-safety regulator's recall notice")


def campaign_evidence(title: str) -> Evidence | None:
    """A recall campaign's listing as evidence that the title is about vehicles, if it is one."""
    if not title[:1].isdigit() and not title.startswith(("R", "r")) and not title.endswith(")"):
        return None  # most titles: no campaign number opens or ends them
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


def without_the_manufacturers_models(
    title: str, tokens: Tokens, found: list[Spotted], reasons: list[str]
) -> list[Spotted]:
    """The names found in a listing, but a brand named right after the listed manufacturer's
    own name: that is the manufacturer's model ("26V-158: Indian Motorcycle Company — 2025
    Indian Scout — …"; "Hyundai Motor America — 2012 Hyundai Genesis — …")."""
    manufacturer = listed_manufacturer(title)
    words = phrase_key(manufacturer) if manufacturer else ()
    if not words or words[0] not in tokens.norms:
        return found
    first = tokens.norms.index(words[0])  # where the manufacturer is named
    listed = {hit.index for start, end, hit in found if start <= first < end}
    kept = []
    for spotted in found:
        start, end, hit = spotted
        after_its_name = start > first + 1 and tokens.norms[start - 1] == words[0]
        if after_its_name and hit.via != "model" and hit.index not in listed:
            if reasons is not DISCARD:
                reasons.append(f"ignored '{tokens.span(start, end)}': a model of {manufacturer}")
            continue
        kept.append(spotted)
    return kept


def with_units_affected(
    figures: tuple[Figure, ...], summary: str, reasons: list[str]
) -> tuple[Figure, ...]:
    """A notice's figures with the units its summary says the recall covers ("Potential Number of
    Units Affected: 61,812"), the recall's population, where its title counts none. The count is
    told as implied: one country's population (Transport Canada's 18,904) is no other event
    than another's (NHTSA's 240,510), so the clustering does not tell notices apart by it."""
    if any(figure.kind == "units" for figure in figures):
        return figures
    stated = units_affected(summary)
    if stated is None:
        return figures
    written, count = stated
    if reasons is not DISCARD:
        reasons.append(f"units {count:,}: the notice's 'Units Affected: {written}'")
    units = Figure("units", f"{written} units affected", float(count), "vehicles", implied=True)
    return (units, *figures)
