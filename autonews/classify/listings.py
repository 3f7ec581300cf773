"""A recall listing's title, as safety regulators publish them and feeds relay them: the maker,
the model years and models, the fault, and the count reached at the end ("Ford Motor Company:
2025-2026 Bronco Sport, Escape — Fuel Injector May Crack, Fire Risk (14,768 vehicles)"). No
recall word is in it, and its "may" is the fault's, not a rumour's."""

from __future__ import annotations

import re

# The count a listing ends with: vehicles, or the equipment a supplier's recall reaches.
_COUNT_AT_END = re.compile(
    r"\(\s*(?:about |approx\.? )?\d[\d,.]*\s*(?:vehicles?|units?|equipment items?|tires|tyres"
    r"|child seats?|辆)\s*\)\s*$",
    re.IGNORECASE,
)
# What else a listing says: model years, or a fault that "may" happen.
_LISTING_SIGNS = re.compile(r"\b(?:19|20)\d\d\b|\bmay\b", re.IGNORECASE)


def recall_listing(title: str) -> bool:
    """Whether ``title`` reads as a regulator's recall listing."""
    return (
        title.endswith(")")
        and _COUNT_AT_END.search(title) is not None
        and _LISTING_SIGNS.search(title) is not None
    )
