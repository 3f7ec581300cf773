"""Numbers as headlines write them: digits with thousands separators and decimals, and the scale
after them (万, 亿, million, mn, mln, bln, thousand, k...). The classifier's figures and
clustering's figures read numbers with these same patterns and one table of scales.
"""

from __future__ import annotations

# A number not glued to a word or another number. The lookbehind comes after the first digit
# (it looks at the character before that digit), so the pattern starts with a digit and the
# regex engine skips to the digits instead of trying the lookbehind at every character.
NUMBER = r"\d(?<![A-Za-z\d.,]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "万": 1e4,
    "亿": 1e8,
}
# Alternations for a pattern (case-insensitive): the words end at a word boundary (put ``\b``
# after them: "5m" but not "5 models"); Chinese scales have no boundary before the next word.
SCALE_WORDS = "|".join(word for word in SCALES if word.isascii())
CJK_SCALES = "|".join(word for word in SCALES if not word.isascii())


def number_value(digits: str, scale: str | None = None) -> float:
    """The value of a number as written: "14,768" -> 14768.0; "1.48" with "万" -> 14800.0;
    "2.2" with "Billion" -> 2.2e9."""
    value = float(digits.replace(",", ""))
    return value * SCALES[scale.lower()] if scale else value
