"""Review 38's findings on session 38's classification, through `autonews classify`: "CKD",
"CBU" and "MAA" alone made a kidney drug, a university and an airline car news; new strong
event words fired in other senses (a stock grant was regulation, "to lead the way" leadership);
"RM19", "RM20e" (Hyundai prototypes), "PHP 7" (the language) and "4 Dong-A" were money."""

from __future__ import annotations

import json

import pytest


def _classified(cli, title: str) -> dict:
    result = cli("classify", "--format", "json", title)
    assert result.code == 0, result.err
    record = json.loads(result.out)
    return dict(record[0] if isinstance(record, list) else record)


@pytest.mark.parametrize(
    "title",
    [
        "FDA approves new CKD drug that slows kidney failure",
        "MAA grants licence to new airline",
        "CBU students win design award",
    ],
)
def test_car_trade_abbreviations_alone_are_no_car_news(cli, title: str) -> None:
    """F2: "CKD" (kidney disease), "CBU" (a university), "MAA" (an aviation body) made car news."""
    assert _classified(cli, title)["automotive"] is False


def test_car_trade_abbreviations_as_the_trades_phrases_are_car_news(cli) -> None:
    for title in ["Chery starts CKD assembly in Kulim", "Malaysia eases CBU imports rules"]:
        assert _classified(cli, title)["automotive"] is True, title


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Rivian grants stock options to new CEO", "leadership"),
        ("Toyota to lead the way in solid-state batteries", "launch"),
        ("Hyundai bosses the compact SUV segment with new Tucson", "launch"),
        ("Toyota to compensate suppliers for chip shortage costs", "production"),
        ("Ford swerves away from EV targets", "other"),
        ("特斯拉在中国实施新的FSD测试", "financials"),
    ],
)
def test_event_words_in_other_senses_keep_the_titles_event(cli, title: str, event: str) -> None:
    """F5: a stock grant was regulation, "to lead the way" leadership, a maker's compensation of
    its suppliers legal, a change of course an incident (each its event before session 38)."""
    assert _classified(cli, title)["event"] == event


@pytest.mark.parametrize(
    "title",
    [
        "Hyundai N's RM19 prototype finally revealed",
        "Hyundai shows RM20e and N Vision 74 at Goodwood",
        "Tesla's parts site moves from PHP 7 to Go after data breach",
        "Samsung SDI wins Hyundai battery deal; 4 Dong-A Daily reports",
    ],
)
def test_a_model_code_or_a_version_is_no_local_money(cli, title: str) -> None:
    """F7: "RM19"/"RM20e" (prototypes), "PHP 7" (the language), "4 Dong-A" were sums."""
    figures = _classified(cli, title).get("figures", [])
    assert [f for f in figures if f["kind"] == "money"] == [], figures


def test_local_money_still_reads_prices(cli) -> None:
    for title, text in [
        ("Proton launches e.MAS 5 EV at RM79,800", "RM79,800"),
        ("Leapmotor B10 now RM119k in Malaysia", "RM119k"),
        ("Toyota Vios priced at PHP 799,000 in Manila", "PHP 799,000"),
        ("Zeekr owners can charge at RM1.20/kWh", "RM1.20/kWh"),  # (per kWh: trial 52's `per`)
    ]:
        figures = _classified(cli, title).get("figures", [])
        assert text in [f["text"] for f in figures if f["kind"] == "money"], (title, figures)
