"""Figures of Chinese text: a sum in a money word (298.7亿元, in Taiwan's dollars where a
Traditional text about Taiwan says a bare 元) and a count by a measure word (86215台)."""

from __future__ import annotations

import re

from autonews.classify.counted import Names, cjk_counted
from autonews.classify.figure_context import Spot, orders_counted
from autonews.classify.figures_in_words import CURRENCY_WORDS
from autonews.classify.scripts import simplified
from autonews.models import Figure
from autonews.numbers import CJK_MONEY

_CJK_CURRENCY_AFTER = re.compile(rf"\s?({CJK_MONEY})")


def _cjk_figure(
    text: str, number: re.Match[str], after: int, value: float, names: Names
) -> Spot | None:
    """A sum in a Chinese money word (298.7亿元) or a count by a measure word (86215台)."""
    start = number.start()
    if match := _CJK_CURRENCY_AFTER.match(text, after):
        currency = _currency(match, text, start)
        return Spot(Figure("money", text[start : match.end()], value, currency), start)
    if (counted := cjk_counted(text, after)) and not names.at(start):
        end, unit = counted
        if unit == "vehicles" and (ordered := orders_counted(text, start)):
            figure = Figure("units", text[start:end], value, "orders")  # 锁单破2万台
            return Spot(figure, start, f"{ordered!r} before it")
        return Spot(Figure("units", text[start:end], value, unit), start)
    return None


def _currency(match: re.Match[str], text: str, start: int) -> str:
    """The currency of a Chinese money word: a bare 元 of a Traditional text about Taiwan is
    Taiwan's ("在台開賣 售價99.9萬元" is NT$), unless 人民幣 is said; BYD's revenue told in
    Traditional characters is still in yuan."""
    word = match.group(1)
    if (
        word == "元"
        and _IN_TAIWAN.search(text)
        and simplified(text) != text
        and not _RENMINBI.search(text, 0, start)
        and not text.startswith(("人民幣", "人民币"), match.end())
    ):
        return "TWD"
    return CURRENCY_WORDS[word]


_RENMINBI = re.compile(r"(?:人民[幣币]|RMB)\s?$")
_IN_TAIWAN = re.compile(r"[台臺]灣|[在來来抵][台臺]|[台臺]灣?(?:市場|市场|上市|開賣|售價)")
