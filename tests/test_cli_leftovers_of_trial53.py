"""Trial 53's leftovers (a Bangkok analyst of the ASEAN car markets): stories joined on a model
range's letters ("VF" of "VF 3") and its maker's nationality ("Vietnam's VinFast"), a recall
joined to a model's coming launch. Through the CLI over loopback feeds, with the trial's
headlines and summaries."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_cli_asean_markets_of_trial53 import THAI_WEEK, _stories, _story_of


def _alone(stories: list[dict], title: str) -> bool:
    return [source["title"] for source in _story_of(stories, title)["sources"]] == [title]


VINFAST = [
    (
        "VinFast VF 3 tops Vietnam's best-selling car list for October",
        "VinFast sold 9,200 VF 3s in October, more than any other model in Vietnam, the carmaker "
        "said.",
    ),
    (
        "Vietnam's VinFast starts trial production at Indonesia plant",
        "VinFast Auto said on Friday it had started trial production at its plant in Indonesia's "
        "West Java province, which will assemble the VF 3 and VF 5.",
    ),
]


# Vietnam's week beside them: a country many stories name is no subject of one.
VIETNAM_WEEK = [
    (
        "Vietnam car sales up 8% in November",
        "VAMA members sold 38,910 vehicles in November, up 8% year-on-year, with Toyota, Hyundai "
        "and Mitsubishi leading; VinFast does not report to VAMA.",
    ),
    (
        "VinFast recalls 2,100 VF 8 cars over brake software",
        "VinFast is recalling 2,104 VF 8 SUVs sold in Vietnam to update brake control software.",
    ),
    (
        "Pham Nhat Vuong pledges another $1.5 billion to VinFast",
        "Vingroup chairman Pham Nhat Vuong will give VinFast a further US$1.5 billion from his "
        "personal funds to cover losses until it breaks even in 2027.",
    ),
    (
        "Vietnam's coffee export revenue hits record $8 billion",
        "High prices offset lower volumes.",
    ),
    (
        "Motorbike sales fall 5% in November as HCMC eyes petrol bike curbs",
        "VAMM members sold 265,400 motorcycles in November; Honda Vietnam held 80% share.",
    ),
]


def test_a_model_ranges_letters_are_no_shared_subject(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """VinFast's Indonesian plant (its lead: "will assemble the VF 3 and VF 5") joined the VF 3's
    October sales on "shared subject: vietnam, VF": a sales story typed production. (Told
    hours apart, as the trial's were.)"""
    stories = _stories(cli, site, clock, [*THAI_WEEK, VINFAST[0], *VIETNAM_WEEK, VINFAST[1]])
    for title, _ in VINFAST:
        assert _alone(stories, title)


HILUX = [
    (
        "Toyota recalls 28,000 Hilux Revo over airbag fault",
        "Toyota Motor Thailand is recalling 28,370 Hilux Revo pickups built between March and "
        "August 2025 to replace a front passenger airbag inflator.",
    ),
    (
        "Toyota Hilux Travo BEV to arrive in Thailand in Q2 2027",
        "Battery-electric Hilux to be built at Ban Pho plant.",
    ),
]


def test_a_model_due_to_arrive_is_a_launch_no_recall_of_its_name(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """ "Hilux Travo BEV to arrive in Thailand in Q2 2027" was typed financials (its quarter)
    and joined the Hilux Revo's airbag recall, the lead of day 3 as "3 sources"."""
    stories = _stories(cli, site, clock, [*THAI_WEEK, *HILUX])
    arrival = _story_of(stories, HILUX[1][0])
    assert [source["title"] for source in arrival["sources"]] == [HILUX[1][0]]
    assert arrival["event"] == "launch"


EV_35 = [
    (
        "EV board extends EV 3.5 production deadline to 2027",
        "The National Electric Vehicle Policy Committee has given carmakers under the EV 3.5 "
        "scheme until end-2027 to meet local production quotas, easing pressure on Chinese "
        "brands.",
    ),
    (
        "Thailand gives EV makers extra year to meet local output pledges",
        "Thailand will give electric vehicle makers an extra year to offset imported cars with "
        "local production under its EV 3.5 incentive scheme, the Board of Investment said.",
    ),
    ("Thailand extends EV 3.5 local production deadline as price war bites - Nikkei Asia", ""),
    (
        "EV 3.5 deadline pushed to 2027",
        "Excise and BOI confirm one-year extension; penalty ratio for unbuilt units cut from 1.5 "
        "to 1.2.",
    ),
    (
        "Thailand eases EV subsidy terms for Chinese carmakers",
        "Bangkok relaxes production offset rules under EV 3.5 after BYD, GWM and Changan warned "
        "of overcapacity.",
    ),
]


def test_a_national_programmes_name_is_what_its_reports_share(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Thailand's EV 3.5 extension was three stories ("titles name nothing in common": "3.5"
    is no word); the Neta refund of EV 3.0 subsidies, the programme before it, stays apart."""
    stories = _stories(cli, site, clock, [*THAI_WEEK, *EV_35])
    extension = _story_of(stories, EV_35[0][0])
    assert {source["title"] for source in extension["sources"]} == {title for title, _ in EV_35}
    assert _alone(stories, "Excise department seeks 1.2bn baht refund of EV subsidies from Neta")


def test_a_count_of_bookings_is_a_figure_of_orders(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """The Motor Expo's final tally carried "4%" as its only figure: "52,400 bookings", the
    number the analyst wanted, was none."""
    final = ("Motor Expo ends with 52,400 bookings, down 4%", "BYD topped the bookings.")
    stories = _stories(cli, site, clock, [*THAI_WEEK, final])
    figures = _story_of(stories, final[0])["figures"]
    orders = [f for f in figures if f["kind"] == "units" and f["value"] == 52400]
    assert [f["unit"] for f in orders] == ["orders"], figures


def test_fr_before_a_price_is_from(cli) -> None:
    """paultan.org's "fr RM129k" is "from RM129k": a price's least, as "from" is."""
    result = cli("classify", "--format", "json", "Proton e.MAS 7 launched in Malaysia – fr RM129k")
    assert result.code == 0, result.err
    (figure,) = result.json()[0]["figures"]
    assert (figure["text"], figure["unit"], figure["qualifier"]) == (
        "fr RM129k",
        "MYR",
        "at_least",
    )
