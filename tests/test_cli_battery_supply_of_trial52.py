"""Trial 52's EV battery supply chain, as a battery-materials analyst's digest labelled it: grid
storage, solar and e-bikes shown as car news (the day's lead, an LG Energy Solution storage
order, filed under the Tesla its summary named), a carmaker's battery plant turned to storage
cells hidden, battery metals shown or hidden by whether a title happened to name a lithium
producer, energy, tonnes and per-tonne prices never read as figures, a supplier its summaries
named missing from `--company`, "with LG" read as LG Electronics, a joint venture's end read as
a partnership, and `--event cancellation` refused as a typo of "regulation". Through the CLI
over a loopback feed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish

STORAGE = [
    (
        "LG Energy Solution wins $4.3bn LFP battery order for energy storage",
        "LG Energy Solution signed a 4.3 trillion won supply deal for LFP batteries for energy "
        "storage systems from its Michigan plant; the customer is reported to be Tesla.",
    ),
    ("Tesla to supply 1.6 GWh of Megapack 3 units to Texas grid storage project", ""),
    ("Tesla Powerwall 3 now available with expansion units in Europe", ""),
    ("BYD Energy Storage signs 12.5 GWh storage deal in Saudi Arabia", ""),
    ("CATL unveils 9 MWh TENER Stack energy storage system", ""),
    ("Solar panel prices hit record low of $0.09 per watt in China", ""),
    ("Rad Power Bikes files for bankruptcy protection", ""),
]
CAR_NEWS = [
    (
        "Ford to repurpose Kentucky battery plant to make energy storage cells",
        "Ford will spend $2 billion to convert its Kentucky battery plant, formerly part of "
        "BlueOval SK, to make LFP cells for grid storage, selling them to utilities and data "
        "centers.",
    ),
    ("QuantumScape and PowerCo demonstrate QSE-5 cells in Ducati motorcycle", ""),
    ("EU lawmakers back two-year delay to battery supply chain rules", ""),
]
MATERIALS = [
    ("China lithium futures jump 9% on supply worries", ""),
    ("Congo sets cobalt export quota at 96,600 tonnes for 2027", ""),
    ("Indonesia to cut nickel ore quota to 250 million tonnes in 2027", ""),
    ("Cathode prices: LFP cathode holds at $4,050/t as producers resist cuts", ""),
    ("SQM shares jump as lithium rally lifts outlook", ""),
    ("Albemarle to halt lithium hydroxide output at Australian plant", ""),
]
# Beside them, what must stay as it was: a phone's lithium-ion battery is no car news.
OTHERS = [("Samsung Galaxy S26 gets a bigger lithium-ion battery", "")]


def _stories(cli, site: Site, clock: Clock, items: list[tuple[str, str]]) -> dict[str, dict]:
    entries = [
        entry(clock, title, n, 1 + n, **({"description": summary} if summary else {}))
        for n, (title, summary) in enumerate(items)
    ]
    url = publish(site, "/supply.xml", entries)
    result = cli("digest", "--feed", url, "--no-extract", "--all-topics", "--format", "json")
    assert result.code == 0, result.err
    return {story["title"]: story for story in result.json()["stories"]}


def test_storage_solar_and_e_bikes_are_not_car_news_but_battery_metals_are(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    stories = _stories(cli, site, clock, STORAGE + CAR_NEWS + MATERIALS + OTHERS)
    for title, _ in STORAGE + OTHERS:
        assert stories[title]["automotive"] is False, title
        assert stories[title]["makers"] == [], title  # no Tesla for LGES's storage order
    for title, _ in CAR_NEWS + MATERIALS:
        assert stories[title]["automotive"] is True, title
    ford = stories["Ford to repurpose Kentucky battery plant to make energy storage cells"]
    assert [maker["name"] for maker in ford["makers"]] == ["Ford"]


def _figures(cli, title: str) -> list[dict]:
    result = cli("classify", title, "--format", "json")
    assert result.code == 0, result.err
    figures: list[dict] = result.json()[0]["figures"]
    return figures


def test_energy_tonnes_and_prices_per_tonne_are_figures(cli) -> None:
    (gwh, share) = _figures(
        cli, "China EV battery installations at 78.4 GWh in Nov, CATL share 43.5%"
    )
    assert (gwh["kind"], gwh["value"], gwh["unit"]) == ("energy", 78.4, "GWh")
    assert share["kind"] == "percent"
    (quota,) = _figures(cli, "Indonesia to cut nickel ore quota to 250 million tonnes in 2027")
    assert (quota["kind"], quota["value"], quota["unit"]) == ("mass", 250_000_000, "t")
    (cobalt,) = _figures(cli, "Congo sets cobalt export quota at 96,600 tonnes for 2027")
    assert (cobalt["kind"], cobalt["value"]) == ("mass", 96_600)
    (price,) = _figures(
        cli, "Cathode prices: LFP cathode holds at $4,050/t as producers resist cuts"
    )
    assert (price["kind"], price["value"], price["unit"], price["per"]) == (
        "money",
        4050,
        "USD",
        "t",
    )
    (watt,) = _figures(cli, "Solar panel prices hit record low of $0.09 per watt in China")
    assert watt["per"] == "W"
    # "Megapack 3" is the product, no 3 vehicles; a plant's cost is no price "from".
    megapack = _figures(
        cli, "Tesla to supply 1.6 GWh of Megapack 3 units to Texas grid storage project"
    )
    assert [(f["kind"], f["text"]) for f in megapack] == [("energy", "1.6 GWh")]
    (plant,) = _figures(cli, "Toyota starts shipping batteries from $13.9bn North Carolina plant")
    assert plant["qualifier"] is None and plant["text"] == "$13.9bn"
    (price,) = _figures(cli, "Mini Cooper Electric on sale from £29,995")
    assert price["qualifier"] == "at_least"  # a price's least stays one


RECALLS = [
    (
        "Stellantis recalls 320,000 Jeep plug-in hybrids over battery fire risk",
        "Stellantis is recalling about 320,000 Jeep Wrangler 4xe and Grand Cherokee 4xe plug-in "
        "hybrids in the United States because battery cells supplied by Samsung SDI may catch "
        "fire.",
    ),
    (
        "Ford recalls 20,500 Escape and Lincoln Corsair plug-in hybrids for battery cell defect",
        "Ford's recall covers 2020-2024 Escape PHEV and Corsair Grand Touring models; the "
        "high-voltage cells made by Samsung SDI may short internally.",
    ),
    ("Samsung SDI cell defect behind Jeep and Ford plug-in hybrid recalls", ""),
    ("Volvo recalls 10,000 XC90 SUVs over seat belts", ""),
]


def test_company_takes_the_stories_whose_summaries_name_it_as_the_supplier(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    entries = [
        entry(clock, title, n, 1 + 7 * n, **({"description": summary} if summary else {}))
        for n, (title, summary) in enumerate(RECALLS)
    ]
    url = publish(site, "/recalls.xml", entries)
    result = cli(
        "digest", "--feed", url, "--no-extract", "--company", "Samsung SDI", "--format", "json"
    )
    assert result.code == 0, result.err
    stories = result.json()["stories"]
    titles = {source["title"] for story in stories for source in story["sources"]}
    assert {title for title, _ in RECALLS[:3]} <= titles
    assert RECALLS[3][0] not in titles
    for story in stories:  # the supplier is no maker of the recalled cars
        assert "Samsung SDI" not in [maker["name"] for maker in story["makers"]]
    jeep = cli("classify", RECALLS[0][0], "--summary", RECALLS[0][1])
    assert "suppliers: Samsung SDI (battery)" in jeep.out


def test_lg_in_a_battery_title_is_lg_energy_solution(cli) -> None:
    result = cli(
        "classify", "GM will build cheaper LFP batteries in Tennessee with LG to cut EV prices"
    )
    assert "LG Energy Solution (battery)" in result.out and "LG Electronics" not in result.out
    tv = cli("classify", "LG unveils new OLED TV lineup")
    assert "LG Electronics" in tv.out


def test_a_joint_venture_ended_is_restructuring_and_a_cancellation_a_production_kind(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    jv = cli("classify", "Ford, SK On to dissolve BlueOval SK battery joint venture")
    assert "event: restructuring" in jv.out
    gotion = cli("classify", "Gotion officially walks away from Big Rapids battery plant")
    assert "event: restructuring" in gotion.out
    url = publish(
        site, "/one.xml", [entry(clock, "Honda delays Ontario EV plant by two years", 1, 1)]
    )
    for word in ("cancellation", "delay"):
        result = cli("digest", "--feed", url, "--no-extract", "--event", word)
        assert result.code == 0, result.err
        assert "told as production" in result.err and "regulation" not in result.err
