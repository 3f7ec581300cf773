"""A recall listing's title, as safety regulators publish them and feeds relay them: the maker,
the model years and models, the fault, and the count reached at the end ("Ford Motor Company:
2025-2026 Bronco Sport, Escape — Fuel Injector May Crack, Fire Risk (14,768 vehicles)"; "Kia
Telluride (2024-2025): seat belt buckle may not latch, 62,000 units"). No recall word is in it,
and its "may" is the fault's, not a rumour's."""

from __future__ import annotations

import re

# What a listing counts: vehicles, or the equipment a supplier's recall reaches.
_COUNTED = (
    r"(?:about |approx\.? )?\d[\d,.]*\s*(?:vehicles?|units?|equipment items?|tires|tyres"
    r"|child seats?|辆)"
)
# The count a listing ends with, in parentheses ...
_COUNT_IN_PARENTHESES = re.compile(rf"\(\s*{_COUNTED}\s*\)\s*$", re.IGNORECASE)
# ... or after a comma or a dash, where only a fault that "may" happen and the model years make
# it a listing ("Tesla's 2025 deliveries, 1,636,000 vehicles" is none).
_COUNT_AFTER_A_BREAK = re.compile(rf"(?:[,;]|\s[—–-])\s*{_COUNTED}\s*$", re.IGNORECASE)
# What else a listing says: model years, or a fault that "may" happen.
_LISTING_SIGNS = re.compile(r"\b(?:19|20)\d\d\b|\bmay\b", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_MAY = re.compile(r"\bmay\b", re.IGNORECASE)


def recall_listing(title: str) -> bool:
    """Whether ``title`` reads as a regulator's recall listing."""
    if title.endswith(")"):
        return (
            _COUNT_IN_PARENTHESES.search(title) is not None
            and _LISTING_SIGNS.search(title) is not None
        )
    if not title.rstrip().endswith(_COUNT_WORD_ENDINGS):
        return False  # most titles: no count at the end (a regex search of each costs more)
    return (
        _COUNT_AFTER_A_BREAK.search(title) is not None
        and _MAY.search(title) is not None
        and _YEARS.search(title) is not None
    )


# How a title ending in a listing's count ends (see _COUNTED), cased as titles write it.
_COUNT_WORDS = ("vehicle", "unit", "item", "tire", "tyre", "seat")
_COUNT_WORD_ENDINGS = (
    *(form for word in _COUNT_WORDS for form in (word, word.capitalize(), word.upper())),
    *(form + "s" for word in _COUNT_WORDS for form in (word, word.capitalize())),
    *(word.upper() + "S" for word in _COUNT_WORDS),
    "辆",
)
