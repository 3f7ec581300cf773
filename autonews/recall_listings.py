"""A recall listing's title, as safety regulators publish them and feeds relay them: the maker,
the model years and models, the fault, and the count reached at the end ("Ford Motor Company:
2025-2026 Bronco Sport, Escape — Fuel Injector May Crack, Fire Risk (14,768 vehicles)"; "Kia
Telluride (2024-2025): seat belt buckle may not latch, 62,000 units"), or the campaign number it
opens with ("26E-011: ZF Active Safety US Inc. — TRW Aftermarket Brake Calipers — Bleeder Screw May
Crack", "2026-089 — Ford Explorer (2025–2026) — Brakes: Rear brake hose could wear through"), or
the recall number it ends with (the UK's DVSA: "FORD TRANSIT CUSTOM: Rear brake hose may chafe
(R/2026/318)", make and model in capitals, then the defect). No recall word is in it, and its
"may" or "could" is the fault's, not a rumour's.

A product-safety regulator's notice (the EU's Safety Gate: "Passenger car — Renault Clio —
Injuries (A12/00428/26)") is a listing too: the product, a risk, and the alert's number; the
regulator lists a product found to carry a risk, which its maker recalls or withdraws. Its first
part is what kind of product it is ("Toy — Remote-controlled car — Chemical risk")."""

from __future__ import annotations

import re

from autonews.official_notices import notice_title

# What a listing counts: vehicles, or the equipment a supplier's recall reaches.
_COUNTED = (
    r"(?:about |approx\.? )?\d[\d,.]*\s*(?:vehicles?|units?|equipment items?|tires|tyres"
    r"|child seats?|items?|辆)"
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


# A recall campaign's number, as a regulator's listing opens with it: NHTSA's for vehicles,
# equipment, tires and child seats (26V-101, 26E-011, 26T-004, 26C-002), Transport Canada's
# (2026-089); then at least two parts, told apart by dashes or a colon (maker, models, fault).
_CAMPAIGN = re.compile(
    r"^\s*(?:recall\s+)?(\d\d[VETC]-\d{3}|(?:19|20)\d\d-\d{3})(?![\d-])\s*[:—–-]\s*\S"
    r"(?=.*?\s[—–-]\s)",
    re.IGNORECASE,
)
# A product-safety alert's number at the end: the EU's Safety Gate (A12/00428/26, SR/01234/25).
_ALERT = re.compile(r"\((?:A\d{1,2}|SR)/\d{3,6}/\d\d\)\s*$")
# A vehicle recall's number at the end: the UK's DVSA (R/2026/318), after the make, the model and
# the defect ("BMW 5 SERIES: Passenger airbag may not deploy (R/2026/322)").
_RECALL_NUMBER = re.compile(r"\((R/(?:19|20)\d\d/\d{2,5})\)\s*$")


def recall_listing(title: str) -> bool:
    """Whether ``title`` reads as a regulator's recall listing or product-safety notice."""
    if notice_title(title):  # NHTSA's and Transport Canada's own feeds' titles
        return True
    if title.endswith(")"):
        if _ALERT.search(title) is not None or _RECALL_NUMBER.search(title) is not None:
            return True
        if (
            _COUNT_IN_PARENTHESES.search(title) is not None
            and _LISTING_SIGNS.search(title) is not None
        ):
            return True
    opens_with_a_number = title[:2].isdigit() or title.startswith(("R", "r"))
    if opens_with_a_number and campaign_number(title) is not None:
        return True
    if title.endswith(")") or not title.rstrip().endswith(_COUNT_WORD_ENDINGS):
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


def campaign_number(title: str) -> str | None:
    """The recall campaign's number a regulator's listing opens with ("26E-011"), or ends with
    in parentheses ("R/2026/318"), if it does."""
    match = _CAMPAIGN.match(title)
    if match is None and title.endswith(")"):
        match = _RECALL_NUMBER.search(title)
    return match.group(1) if match else None


def notice_category(title: str) -> str | None:
    """What kind of product a product-safety notice lists ("Toy" of "Toy — Remote-controlled car
    — Chemical risk (A12/00442/26)"), where it names one before the product; else None."""
    if _ALERT.search(title) is None:
        return None
    parts = [part.strip() for part in re.split(r"\s[—–]\s", _ALERT.sub("", title))]
    return parts[0] if len(parts) >= 3 else None


# The part after a campaign's number, up to the next dash: NHTSA's names the manufacturer.
_MANUFACTURER = re.compile(r"[^—–]+?(?=\s[—–-]\s)")


def listed_manufacturer(title: str) -> str | None:
    """The manufacturer an NHTSA listing names after its campaign number ("Indian Motorcycle
    Company" of "26V-158: Indian Motorcycle Company — 2025 Indian Scout — …"), if it does."""
    match = _CAMPAIGN.match(title)
    if match is None or title[match.end(1) :].lstrip()[:1] != ":":
        return None
    after = title[match.end(1) :].lstrip()[1:]
    part = _MANUFACTURER.match(after)
    return part.group().strip() if part else None
