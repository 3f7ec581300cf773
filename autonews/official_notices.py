"""A vehicle-safety regulator's recall notice as its own feed publishes it: NHTSA's recalls feed
titles each notice by the manufacturer's legal name and the defect ("Ford Motor Company: Rearview
Camera Image May Not Display/FMVSS 111", "Kia America, Inc.: Power Seat Motor May Overheat"),
with a summary in set words ("… is recalling certain 2020-2023 Ford Explorer … NHTSA Campaign
Number: 26V-101. Potential Number of Units Affected: 240,510."); Transport Canada's titles the
model years, the models and the defect in English and French ("2024-2025 Mazda CX-90: Fuel
injector may leak / Injecteur de carburant …"), its summary "Transport Canada recall number
2026-612 … Units affected: 18,904".

Such a notice is a recall of vehicles or their equipment, whatever its words ("Power", "Control
Unit", "Engine Software" are no race, takeover or launch), its "may" the defect's, not a rumour's
(trial 48: 14 notices told as speculation), and the units it states are the recall's population.
A news title's "may" stays speculative ("Tesla may cut prices"): only these shapes are notices.
The other listings' shapes (a campaign number first, a count last) are in
``autonews.recall_listings``."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

# The legal name's last word, as a manufacturer registers with NHTSA: "Inc.", "LLC", "Motor
# Company", "Co.", "Hyundai Motor America", "Mercedes-Benz USA, LLC", "Toyota Motor Engineering &
# Manufacturing" ("Ford:" or "Analysis:" is a news title's lead-in, never a notice's).
_LEGAL_NAME_END = (
    r"(?:Inc|LLC|L\.L\.C|Company|Co|Corp|Corporation|Ltd|Limited|GmbH|AG|S\.?p\.?A|America|USA"
    r"|U\.S\.A|Manufacturing|Industries)\.?"
)
# NHTSA's title: the manufacturer's legal name, a colon, the component (title case) and what it
# May do; or any "Name: …" title that cites a safety standard ("…/FMVSS 111"). The ``defect``
# group is what the notice names before "May": a part of the vehicle (``_COMPONENT``).
_NHTSA_TITLE = re.compile(
    rf"^[A-Z][\w&.,'’ -]{{0,60}}?\b{_LEGAL_NAME_END}\s*:\s+(?P<defect>[A-Z][^:%]*?)\bMay\s+\w"
    r"|^[A-Z][^:]{0,70}:\s+\S.*?/\s*FMVSS\s*\d{3}"
)
# Transport Canada's title: the model years first, the models, a colon, the defect that "may"
# happen, then the French after a slash.
_TC_TITLE = re.compile(
    r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s[^:]{2,90}:\s(?P<defect>[^/]*?)\bmay\b.*?\s/\s\S"
)
# A news title's question or the market's words are no defect ("…: why prices may rise").
_NOT_A_DEFECT = re.compile(r"^(?:why|what|how|when|where|who|will|could|shares?|stocks?)\b", re.I)
# What only a regulator's notice says in its summary: its set phrases with their colon and
# number, or its first sentence's "<Manufacturer> is recalling certain <model year>" (a news
# summary says "units affected" and "which is recalling certain Explorer SUVs" too).
_NOTICE_SUMMARY = re.compile(
    r"potential number of units affected\s*:|nhtsa campaign number\s*:"
    r"|transport canada recall number|\bunits affected\s*:\s*\d"
    r"|^[^.]{0,120}?\bis recalling certain (?:model[- ]year )?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# The recall's population, as the notice's summary states it.
_UNITS_AFFECTED = re.compile(
    r"\bunits\s+affected\s*:\s*(?P<count>\d{1,3}(?:,\d{3})+|\d+)\b", re.IGNORECASE
)


def notice_title(title: str) -> bool:
    """Whether ``title`` has the shape of NHTSA's or Transport Canada's recall notice."""
    if ":" not in title:
        return False  # most titles (a cheap test before the patterns)
    if title[:1].isdigit():
        if " may " not in title or " / " not in title:
            return False
        return _names_a_component(_TC_TITLE.match(title))
    if " May " not in title and "FMVSS" not in title:
        return False
    return _names_a_component(_NHTSA_TITLE.match(title))


def _names_a_component(match: re.Match[str] | None) -> bool:
    """Whether a notice-shaped title's defect is a part of the vehicle, not a company's shares,
    layoffs, rollout or prices ("Nikola Corporation: Shares May Be Delisted" is news)."""
    if match is None:
        return False
    defect = match["defect"]
    if defect is None:  # the safety standard it cites says it is a notice
        return True
    return _NOT_A_DEFECT.match(defect) is None and _component().search(defect) is not None


@functools.cache
def _component() -> re.Pattern[str]:
    source = resources.files("autonews.knowledge").joinpath("notice_defects.toml")
    words = tomllib.loads(source.read_text("utf-8"))["components"]
    alternatives = "|".join(re.escape(str(word)) for word in words)
    return re.compile(rf"\b(?:{alternatives})(?:s|es)?\b", re.IGNORECASE)


def notice_summary(summary: str) -> bool:
    """Whether a summary is in a regulator's notice's set words ("Potential Number of Units
    Affected: 61,812", "Ford Motor Company (Ford) is recalling certain 2020-2023 Ford Explorer",
    "Transport Canada recall number")."""
    return _NOTICE_SUMMARY.search(summary) is not None


def official_notice(title: str, summary: str = "") -> bool:
    """Whether an item is a regulator's recall notice: by its title's shape, or a "Subject:
    defect" title over a notice's summary ("2022-2025 Hyundai Ioniq 5 and 2023-2025 Ioniq 6: Loss
    of drive power / Perte de puissance", "Transport Canada recall number 2026-640 …")."""
    if notice_title(title):
        return True
    return bool(summary) and ":" in title and notice_summary(summary)


def units_affected(summary: str) -> tuple[str, int] | None:
    """The units a notice's summary says the recall covers ("Potential Number of Units Affected:
    61,812": ("61,812", 61812)), if it says."""
    if "ffected" not in summary:
        return None
    match = _UNITS_AFFECTED.search(summary)
    if match is None:
        return None
    written = match["count"]
    return written, int(written.replace(",", ""))
