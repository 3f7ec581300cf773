"""Trials 46 and 47, through the real CLI: car news hidden (China's weekly insurance
registrations, German titles in car compounds, the EU's Batteries Regulation), other news shown as
car news (a loan's "special purpose vehicle", the Peugeot family's holding, Xiaomi's phone
software, a car blog's deals posts), events misread, and a French feed taken without a word."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss, serve_titles
from tests.helpers.site import Site

CAR_NEWS = [
    "Tesla China insurance registrations rise to 14,650 in Oct 20-26, up 21% week-on-week",
    "Flottengrenzwerte: EU-Parlament stimmt für Dringlichkeitsverfahren",
    "US-Zölle auf Autoteile: Washington weitet Section 232 aus, Zulieferer alarmiert",
    "Commission proposes to postpone due diligence obligations under the Batteries Regulation",
    "Council backs two-year delay of battery due diligence rules",
    "Batterieverordnung: Rat stimmt Verschiebung der Sorgfaltspflichten zu",
]
NOT_CAR_NEWS = [
    "Commission floats special purpose vehicle to channel €140B reparations loan to Ukraine",
    "Peugeot Invest entre au capital du groupe de cliniques vétérinaires IVC Evidensia",
    # A grid's battery storage is no car's battery (README: the Batteries Regulation is).
    "State aid: Commission approves €1.2 billion German scheme to support battery storage for"
    " the electricity grid",
]
PHONES = [
    {
        "title": "小米澎湃OS 3正式版推送 首批支持12款机型",
        "summary": "小米宣布澎湃OS 3正式版开始推送。",
    },
    {"title": "Xiaomi rolls out HyperOS 3 to 12 more models"},
]
EVENTS = {
    "UBS cuts Tesla to 'sell', says robotaxi upside already priced in": "other",
    "Stellantis cuts second shift at Mirafiori as Fiat 500e demand stays weak": "production",
    "Volkswagen to cut a shift at Zwickau EV plant from January": "production",
    "UNECE adopts R155 amendment extending cybersecurity rules to vehicle software": "regulation",
    "Porsche: Neuer Chef Leiters streicht 1.900 weitere Stellen": "restructuring",
    "Ford CEO Jim Farley says aluminum supplier fire will cost up to $1 billion": "incident",
    "Xiaomi YU7 deliveries top 40,000, wait times stretch to 38 weeks": "financials",
    "特斯拉Model Y标准版在中国上市 售价22.99万元": "launch",
}
LES_ECHOS = [
    "Voitures thermiques : Bruxelles assouplit l'interdiction de 2035",
    "Le marché automobile européen recule de 2,1 % en novembre",
    "Droits de douane : Washington étend les taxes à 130 nouvelles catégories de pièces",
    "Matières premières critiques : Bruxelles retient 13 nouveaux projets stratégiques",
    "TotalEnergies cède 50 % de ses actifs solaires américains",
    "Airbus livre 72 avions en novembre",
]


def _labels(cli, *titles: str, stdin: str | None = None) -> list[dict]:
    result = cli("classify", "--format", "jsonl", *titles, stdin=stdin)
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def test_car_news_of_insurance_registrations_car_compounds_and_the_batteries_regulation(
    cli,
) -> None:
    """Each was hidden as "not about cars" ("makers dropped: 'insurance' is not about cars")."""
    labels = _labels(cli, *CAR_NEWS)
    for label in labels:
        assert label["automotive"], label["title"]
    assert [m["name"] for m in labels[0]["makers"]] == ["Tesla"]
    assert labels[0]["event"] == "financials"
    assert [label["event"] for label in labels[1:]] == ["regulation"] * 5


def test_a_loans_vehicle_a_family_holding_and_phones_are_no_car_news(cli) -> None:
    """The special purpose vehicle was a regulation car story, Peugeot Invest's vets Peugeot's
    news, and Xiaomi's phone OS Xiaomi's car news."""
    stdin = "\n".join(json.dumps(item, ensure_ascii=False) for item in PHONES) + "\n"
    for label in [*_labels(cli, *NOT_CAR_NEWS), *_labels(cli, stdin=stdin)]:
        assert not label["automotive"], label["title"]
        assert label["makers"] == [], label["title"]
    in_a_car_feed = cli("classify", "--car-feed", "--format", "jsonl", stdin=stdin)
    assert all(not json.loads(line)["automotive"] for line in in_a_car_feed.out.splitlines())


def test_a_car_blogs_deals_posts_are_no_car_stories(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Electrek's "Green Deals" posts (a power station, a robot mower) were shown as car stories,
    one as regulation, its feed being a car feed; a deals post naming a car stays car news."""
    deals = [
        "Green Deals: EcoFlow Delta 3 Plus power station drops to $499, more",
        "Green Deals: Segway Navimow i105 robot mower falls to $599",
    ]
    news = [
        "Ford Mustang Mach-E gets 2027 refresh with new LFP battery",
        "Tesla Giga Berlin to add third shift again and hire 500",
        "Rivian R2 deliveries start in the spring",
        "Lucid Gravity gets a cheaper trim",
        "Green Deals: Tesla Model 3 Long Range gets $2,000 off",
    ]
    feed = serve_titles(httpserver, [*deals, *news], "/electrek")
    digest = cli("digest", "--feed", feed, "--no-extract", "--format", "json")
    assert digest.code == 0, digest.err
    shown = {story["title"] for story in digest.json()["stories"]}
    assert shown.isdisjoint(deals)
    assert "Green Deals: Tesla Model 3 Long Range gets $2,000 off" in shown


def test_event_types_of_the_trials(cli) -> None:
    """The trials': "priced in" was pricing, a shift cut pricing, an R155 amendment
    partnership, a new chief's job cuts leadership, a supplier's fire leadership, deliveries past
    a mark other, and a launch with its price pricing."""
    labels = _labels(cli, *EVENTS)
    assert {label["title"]: label["event"] for label in labels} == EVENTS


def test_a_french_feed_is_said_to_be_french(cli, home: Path, site: Site) -> None:
    """Les Echos was added and listed without a word, and `classify --explain` read its titles
    as Dutch ("de", "en") or English."""
    entries = [item(text, n, hours_ago=n + 1) for n, text in enumerate(LES_ECHOS)]
    site.routes["/rss_europe.xml"] = (200, "application/rss+xml", rss(entries, "Les Echos"))
    added = cli("feeds", "add", site.url("/rss_europe.xml"))
    assert added.code == 0, added.err
    assert "Les Echos: its titles are in French, which autonews does not read" in added.err
    explained = cli("classify", "--explain", LES_ECHOS[0], LES_ECHOS[1])
    assert explained.out.count("read as French, which autonews does not read") == 2
