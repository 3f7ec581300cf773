"""Energy, mass and what a price is paid for, in a headline: the battery supply chain's figures
(trial 52: "78.4 GWh", "9 MWh", "150 kWh", "96,600 tonnes", "250 million tonnes" were never
read; "$4,050/t" was a plain sum). A figure of kind ``energy`` has its unit as written in the
usual case (Wh, kWh, MWh, GWh, TWh); one of kind ``mass`` is in tonnes (unit ``t``: "250 Mt"
is 250,000,000); a sum paid for one of something carries it as ``per`` (t, kg, kWh, MWh, W).
Kept apart from figures.py, whose numbers take a measure's word as "no count"."""

from __future__ import annotations

import re
from dataclasses import replace

from autonews.models import Figure
from autonews.numbers import NUMBER, number_value

_ENERGY = {"wh": "Wh", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh"}
_MASS_SCALES = {"kt": 1e3, "mt": 1e6, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_MASSES = ("tonnes", "tons", r"metric\s+tons", "t", "Mt", "kt")
_MASS_WORD_SCALES = ("thousand", "million", "billion")
_SCALE = "|".join(rf"{word}\s+" for word in _MASS_WORD_SCALES)
_MEASURED = re.compile(
    rf"(?<![$€£¥₹₩\w.,])(?P<number>{NUMBER})\s?"
    r"(?:(?P<energy>[kMGT]?Wh)\b"
    rf"|(?P<scale>{_SCALE})?(?P<mass>{'|'.join(_MASSES)})"
    r"(?![\w/-]))",
    re.IGNORECASE,
)
# What _MEASURED needs, cheap to look for: a digit, then a unit's or a scale's first letter. Its
# lookbehind comes before the number, so the engine tries it at every character; this pattern
# opens with the digit the engine skips to, and most titles with a figure have no measure.
_FIRST_LETTERS = "".join(sorted({w[0].lower() for w in (*_ENERGY, *_MASSES, *_MASS_WORD_SCALES)}))
_MEASURE_CUE = re.compile(rf"\d\s?[{_FIRST_LETTERS}]", re.IGNORECASE)
# What a sum is paid for: "$4,050/t", "98,500 yuan per tonne", "$0.09 per watt", "$52/kWh".
_PER = re.compile(
    r"\s?(?:/|per\s+|a\s+)(?P<unit>tonne|ton|t|kg|kWh|MWh|Wh|watt|W)\b(?!-)", re.IGNORECASE
)
_PER_UNITS = {"tonne": "t", "ton": "t", "t": "t", "kg": "kg", "watt": "W", "w": "W"}


def measured(text: str) -> list[tuple[int, Figure]]:
    """The energy and mass figures of ``text``, each with where it starts."""
    found = []
    for match in _MEASURED.finditer(text):
        digits = match.group("number")
        if match.group("energy"):
            unit = _ENERGY[match.group("energy").lower()]
            figure = Figure("energy", match.group(), number_value(digits), unit)
        else:
            mass = match.group("mass")
            if mass == "t" and match.group("scale") is None and " " in match.group():
                continue  # "5 t" alone may be a letter; "96,600t" is tonnes
            scale = (match.group("scale") or "").strip().lower() or mass.lower()
            value = number_value(digits) * _MASS_SCALES.get(scale, 1.0)
            figure = Figure("mass", match.group(), value, "t")
        found.append((match.start(), figure))
    return found


def with_measures(text: str, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """``figures`` with what each sum is paid for, and the energy and mass figures of ``text``
    among them in the order the text has them."""
    # (extract_figures asks only of a text with a digit: no check for one here.)
    measures = measured(text) if _MEASURE_CUE.search(text) else []
    if not figures and not measures:
        return figures
    placed: list[tuple[int, Figure]] = []
    searched = 0
    for figure in figures:
        at = text.find(figure.text, searched)
        if at < 0:
            at = searched
        else:
            searched = at + len(figure.text)
            if _a_products_number(text, at, figure):
                continue
            if figure.kind == "money":
                figure = _priced_per(text, searched, figure)
        placed.append((at, figure))
    taken = [(at, at + len(f.text)) for at, f in placed]
    for at, figure in measures:
        end = at + len(figure.text)
        if not any(a < end and at < b for a, b in taken):
            placed.append((at, figure))
    placed.sort(key=lambda pair: pair[0])
    return tuple(figure for _, figure in placed)


# A product's one-digit number after its name, mid-title: "1.6 GWh of Megapack 3 units" are
# Megapack 3s, no 3 vehicles (trial 52).
_NAME_BEFORE = re.compile(r"\s[A-Z][a-z]+[A-Za-z]*\s$")


def _a_products_number(text: str, at: int, figure: Figure) -> bool:
    single = figure.kind == "units" and figure.value is not None and figure.value < 10
    return single and _NAME_BEFORE.search(text, max(0, at - 30), at) is not None


def _priced_per(text: str, end: int, figure: Figure) -> Figure:
    per = _PER.match(text, end)
    if per is None:
        return figure
    unit = per.group("unit")
    unit = _PER_UNITS.get(unit.lower(), _ENERGY.get(unit.lower(), unit))
    return replace(figure, text=figure.text + per.group(), per=unit)
