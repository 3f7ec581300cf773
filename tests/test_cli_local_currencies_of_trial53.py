"""Trial 53's prices in the currencies of Southeast Asia, as `autonews classify --format jsonl`
gives them: baht, ringgit (RM, with The Star's "mil"), rupiah (Rp), dong (VND glued to the sum),
pesos in the Philippines, Singapore and Taiwan dollars: each a money figure with its ISO code,
so that an ASEAN price-war analyst's JSON carries the prices (it carried none: `figures: []`).
Numbers that are no sum stay what they were."""

from __future__ import annotations

import json

FIGURES = [
    # title, figure's text, value, currency
    ("Proton launches e.MAS 5 EV at RM79,800", "RM79,800", 79800, "MYR"),
    ("BYD slashes Thai prices again, Seal down 340,000 baht", "340,000 baht", 340000, "THB"),
    ("Wuling cuts BinguoEV price to Rp 299 million", "Rp 299 million", 2.99e8, "IDR"),
    (
        "Excise department seeks 1.2bn baht refund of EV subsidies from Neta",
        "1.2bn baht",
        1.2e9,
        "THB",
    ),
    ("Isuzu launches D-Max EV in Thailand at 1.29m baht", "1.29m baht", 1290000, "THB"),
    (
        "VinFast opens bookings for Limo Green MPV at VND749 million",
        "VND749 million",
        7.49e8,
        "VND",
    ),
    ("Geely pays RM170mil for a further 0.9% of Proton", "RM170mil", 1.7e8, "MYR"),
    ("Omoda C5 EV price cut by RM15k in Malaysia", "RM15k", 15000, "MYR"),
    ("VinFast VF 3 now 585,000 pesos in the Philippines", "585,000 pesos", 585000, "PHP"),
    ("Toyota Vios priced at ₱ 1.1 million", "₱ 1.1 million", 1.1e6, "PHP"),
    ("BYD Dolphin now S$99,888 in Singapore", "S$99,888", 99888, "SGD"),
    ("Tesla cuts Model Y price in Taiwan by NT$100,000", "NT$100,000", 100000, "TWD"),
]


def classified(cli, titles: list[str]) -> list[dict[str, object]]:
    result = cli("classify", "--format", "jsonl", stdin="\n".join(titles) + "\n")
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def test_local_currencies_are_money_with_their_iso_code(cli) -> None:
    records = classified(cli, [title for title, *_ in FIGURES])
    for (title, text, value, currency), record in zip(FIGURES, records, strict=True):
        told = {figure["text"]: figure for figure in record["figures"]}
        assert text in told, (title, list(told))
        figure = told[text]
        assert (figure["kind"], figure["value"], figure["unit"]) == ("money", value, currency)


def test_a_bound_before_a_local_sum_is_kept(cli) -> None:
    (record,) = classified(cli, ["BYD launches Seal 6 in Thailand from 1.09m baht"])
    (figure,) = record["figures"]
    assert (figure["text"], figure["qualifier"]) == ("from 1.09m baht", "at_least")


def test_numbers_that_are_no_local_sum_stay_as_they_were(cli) -> None:
    records = classified(
        cli,
        [
            "Thai car sales fall 14% to 48,000 units",
            "Mexico fines Ford 5 million pesos",  # pesos placed in no Philippines: no PHP
            "Perodua rm 2 plans",  # "rm" in lower case is no ringgit
            "Rupiah weakens past 16,800 per dollar",
        ],
    )
    units = [[(f["kind"], f["unit"]) for f in record["figures"]] for record in records]
    assert units == [[("percent", "%"), ("units", "vehicles")], [], [], []]
