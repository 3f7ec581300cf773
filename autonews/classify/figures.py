"""Key figures in a headline: units, money with currency, percentages."""

from __future__ import annotations

import re

from autonews.models import Figure

_NUMBER = r"(\d{1,3}(?:[,\s]\d{3})+|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(million|billion|trillion|bn|mn|m|k|thousand))?"
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "￥": "CNY",
    "₹": "INR",
    "₩": "KRW",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "RMB": "CNY",
}
_CURRENCY_WORDS = {
    "yuan": "CNY",
    "rmb": "CNY",
    "yen": "JPY",
    "euro": "EUR",
    "euros": "EUR",
    "dollars": "USD",
    "dollar": "USD",
    "won": "KRW",
    "rupees": "INR",
    "rupee": "INR",
    "pounds": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "cny": "CNY",
    "jpy": "JPY",
    "krw": "KRW",
    "inr": "INR",
    "gbp": "GBP",
}
_MONEY_SYMBOL = re.compile(
    r"(US\$|HK\$|A\$|C\$|RMB\s?|[$€£¥￥₹₩])\s?" + _NUMBER + _SCALE + r"\b", re.IGNORECASE
)
_MONEY_WORD = re.compile(
    _NUMBER + _SCALE + r"\s+(yuan|rmb|yen|euros?|dollars?|won|rupees?|pounds|usd|eur|cny|jpy|krw|"
    r"inr|gbp)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(%|percent\b|per cent\b)", re.IGNORECASE)
_UNITS = re.compile(
    _NUMBER + _SCALE + r"\s+((?:[A-Z][\w.+-]*\s){0,3}?"
    r"(?:vehicles?|cars?|units?|EVs?|SUVs?|trucks?|buses|vans?|models?|hybrids?|sedans?|"
    r"pickups?|motorcycles?|scooters?|[A-Z]{1,4}\d+\w*s?|[A-Z][a-z]+\s?\d*s))",
)
_CJK_MONEY = re.compile(r"(\d+(?:\.\d+)?)\s?(万|亿)?\s?(元|美元|欧元|日元)")
_CJK_UNITS = re.compile(r"(\d+(?:\.\d+)?)\s?(万)?\s?(辆|台)")
_CJK_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")
_CJK_CURRENCY = {"元": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY"}


def _number(text: str, scale: str | None) -> float:
    value = float(re.sub(r"[,\s]", "", text))
    return value * _SCALES.get((scale or "").lower(), 1.0)


def extract_figures(text: str) -> tuple[Figure, ...]:
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], figure: Figure) -> None:
        span = match.span()
        if any(span[0] < end and start < span[1] for start, end in taken):
            return
        taken.append(span)
        figures.append(figure)

    for match in _MONEY_SYMBOL.finditer(text):
        currency = _CURRENCY_SYMBOLS.get(match.group(1).strip().upper(), "USD")
        add(
            match,
            Figure(
                "money", match.group().strip(), _number(match.group(2), match.group(3)), currency
            ),
        )
    for match in _MONEY_WORD.finditer(text):
        add(
            match,
            Figure(
                "money",
                match.group().strip(),
                _number(match.group(1), match.group(2)),
                _CURRENCY_WORDS[match.group(3).lower()],
            ),
        )
    for match in _CJK_MONEY.finditer(text):
        scale = {"万": 1e4, "亿": 1e8}.get(match.group(2) or "", 1.0)
        add(
            match,
            Figure(
                "money", match.group(), float(match.group(1)) * scale, _CJK_CURRENCY[match.group(3)]
            ),
        )
    for match in _PERCENT.finditer(text):
        add(match, Figure("percent", match.group(), float(match.group(1)), "%"))
    for match in _CJK_UNITS.finditer(text):
        scale = 1e4 if match.group(2) else 1.0
        add(match, Figure("units", match.group(), float(match.group(1)) * scale, "vehicles"))
    for match in _UNITS.finditer(text):
        value = _number(match.group(1), match.group(2))
        if 1900 <= value <= 2100 and "," not in match.group(1):
            continue  # a year, not a count
        add(match, Figure("units", match.group().strip(), value, match.group(3).split()[-1]))
    return tuple(sorted(figures, key=lambda f: text.find(f.text)))
