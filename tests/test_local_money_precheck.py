"""The cheap check before the local currencies' patterns (classify/local_money.py) is derived
from knowledge/currencies.toml: every sign and word there, in every case the patterns accept,
passes it and is still read as money, so titles that skip the patterns are only those that
cannot hold such a sum (speed52: the patterns cost 37,000 instructions a headline)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from autonews.classify.local_money import local_money, may_hold_local_money


def _table() -> dict:
    data = resources.files("autonews.knowledge").joinpath("currencies.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _written() -> list[tuple[str, str, str]]:
    """(text, code, cue): a sum for each sign before and word after, in each accepted case."""
    cases = []
    for currency in _table()["currency"]:
        place = " in the Philippines" if currency.get("only_with") else ""
        for sign in currency["before"]:
            cases += [(f"Priced at {sign}79,800{place}", currency["code"], sign)]
        for word in currency["after"]:
            for form in {word, word.lower(), word.upper(), word.title()}:
                cases += [(f"Priced at 340,000 {form}{place}", currency["code"], form)]
    return cases


@pytest.mark.parametrize(("text", "code", "cue"), _written())
def test_every_currency_of_the_knowledge_passes_the_check(text: str, code: str, cue: str) -> None:
    assert may_hold_local_money(text)
    assert [spot.figure.unit for spot in local_money(text)] == [code]


def test_titles_without_a_local_currency_skip_the_patterns() -> None:
    titles = ("Toyota sales up 5% to 240,000 cars", "比亚迪11月销量48万辆", "Ford cuts 2,900 jobs")
    for title in titles:
        assert not may_hold_local_money(title)


@pytest.mark.parametrize("text", ["Priced at 340,000 rınggit", "Priced at 340,000 RİNGGIT"])
def test_a_dotless_or_dotted_i_is_no_currency_word_and_no_crash(text: str) -> None:
    # The patterns' case rules make "ı" and "İ" an "i"; the words' table did not (a KeyError).
    assert local_money(text) == []
