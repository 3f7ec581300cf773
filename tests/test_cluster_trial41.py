"""Clustering: what blind trial 41 (a fleet manager reading UK and German fleet feeds, DVSA's
recall notices and two van makers' press rooms) saw merged that are different events, and told
apart that are one. A recall is never hidden in another story of its model: not in its lease
rates, a trim's launch or a strike's delays; two recalls of different faults or models are two
stories; a notice's number, a model's name and a maker's name are no shared subject."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from pathlib import Path

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster
from autonews.cluster.figures import numbers
from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import FAST_FETCH, Site, feeds_toml, write_config

CLASSIFIER = Classifier()


def story_of(*told: tuple[float, str, str], feeds: tuple[str, ...] = ()) -> list[list[int]]:
    """Clustered items of (hours after the first, title, summary), each from its own car feed
    (the trial's trade outlets and DVSA's notices) unless ``feeds`` names them."""
    start = datetime(2026, 12, 1, 8, tzinfo=UTC)
    items = [
        ClusterInput(
            n,
            title,
            summary,
            None,
            start + timedelta(hours=hours),
            CLASSIFIER.classify(title, summary, car_feed=True),
            feeds[n] if feeds else f"feed {n}",
        )
        for n, (hours, title, summary) in enumerate(told)
    ]
    return sorted(cluster(items))


ID4_RECALL = (
    "Volkswagen recalls ID.4 and ID.5 over high-voltage battery module fault",
    "Around 4,300 UK cars are affected. Owners are told to limit charging to 80% until a dealer "
    "replaces the faulty battery module.",
)
ID4_LEASE = (
    "Volkswagen cuts ID.4 contract hire rates by up to £80 a month",
    "Volkswagen Financial Services has cut business contract hire rates on the ID.4 Pro and Pro S "
    "by up to £80 a month on three-year, 30,000-mile agreements.",
)


def test_two_notices_numbers_are_no_shared_figure() -> None:
    # R/2026/334 and R/2026/336 were read as 334 and 336: alike, so a Citroën recall took the
    # Vauxhall one (and filed it under Citroën, out of a Vauxhall reader's email).
    stories = story_of(
        (
            0,
            "CITROEN BERLINGO: ABS module may fail (R/2026/334)",
            "Recall number R/2026/334. Number of vehicles affected: 1,042.",
        ),
        (
            1,
            "VAUXHALL COMBO: Brake pedal may detach (R/2026/336)",
            "Recall number R/2026/336. Number of vehicles affected: 431.",
        ),
    )
    assert stories == [[0], [1]]
    assert numbers("Recall number R/2026/334. Safety Gate A12/00428/26, Canada's 2026-101") == (
        frozenset()
    )


def test_a_percentage_written_out_is_a_percentage() -> None:
    # "80 Prozent" of a charging limit was the £80 of a lease rate.
    assert {f.percent for f in numbers("limit charging to 80 per cent")} == {True}
    assert {f.percent for f in numbers("nur noch bis 80 Prozent laden")} == {True}


def test_a_maker_and_a_place_are_no_shared_subject() -> None:
    # "FORD TRANSIT …" gives "ford" as a word before its model: two German recalls of other
    # faults, whose words the classifier does not read, shared only it and Germany ("ford,
    # germany") among feeds where the Transit is in every other headline.
    vans = [
        (3 * n, f"{city} council adds {100 + 10 * n} Transit vans from Ford to its fleet", "")
        for n, city in enumerate(
            "Leeds York Hull Bath Derby Stoke Truro Wells Ripon Ely Perth Leicester Bristol "
            "Exeter Durham Carlisle Lincoln Norwich Oxford Salford Preston Chester".split()
        )
    ]
    stories = story_of(
        *vans,
        (
            30,
            "Rückruf: Ford Transit Custom wegen scheuernder Bremsleitung",
            "In Deutschland 9.400 Transporter.",
        ),
        (
            31,
            "Rückruf: Ford Transit – Schraube an der Lenksäule kann sich lösen",
            "In Deutschland 7.300 Wagen.",
        ),
    )
    brake = len(vans)
    assert not any(brake in story and brake + 1 in story for story in stories)


def test_a_model_called_custom_is_no_customs_news() -> None:
    stories = story_of(
        (0, "FORD TRANSIT CUSTOM: Rear brake hose may chafe (R/2026/318)", ""),
        (2, "UK customs checks delay van imports at Dover", ""),
    )
    assert stories == [[0], [1]]


def test_a_recall_and_a_lease_rate_cut_of_its_model_are_two_stories() -> None:
    # The lease cut was the story's headline, and the recall hid in it under [recall].
    assert story_of((0, *ID4_LEASE), (3, *ID4_RECALL)) == [[0], [1]]


def test_a_trim_launch_is_not_its_models_recall() -> None:
    stories = story_of(
        (
            0,
            "Toyota Corolla Touring Sports hybrid gets fleet-focused Business Edition",
            "Toyota has added a Business Edition to the Corolla Touring Sports range with a "
            "1.8-litre hybrid, navigation and BIK rate of 25%.",
        ),
        (
            4,
            "Toyota recalls Corolla over fuel pump fault",
            "Toyota GB is recalling 9,455 Corolla and Corolla Touring Sports cars because the "
            "low-pressure fuel pump may fail, causing the engine to stall.",
        ),
    )
    assert stories == [[0], [1]]


def test_a_strike_delaying_a_model_is_not_its_recall() -> None:
    stories = story_of(
        (
            0,
            "Transit Custom deliveries delayed by supplier strike in Turkey",
            "Ford says a strike at a seat supplier near its Kocaeli plant will delay Transit "
            "Custom deliveries to UK fleets by up to four weeks.",
        ),
        (
            1,
            "Ford Pro Statement on Transit Custom Rear Brake Hose Recall",
            "Ford Pro is contacting owners of affected Transit Custom vans. The inspection takes "
            "about 30 minutes.",
        ),
        (
            2,
            "Ford recalls Transit Custom vans over rear brake hose chafing",
            "Around 11,800 UK-registered Transit Custom vans are being recalled because a rear "
            "brake hose can rub against the suspension and leak fluid.",
        ),
    )
    assert stories == [[0], [1, 2]]


def test_a_recall_told_in_its_owners_words_still_joins_it() -> None:
    # Nothing but the model in common, but nothing else surely told either: the recall's news.
    stories = story_of(
        (0, "Ford recalls 43,000 Escape, Bronco Sport SUVs over fuel-leak fire risk", ""),
        (5, "Ford tells some Escape owners to watch for a fuel smell", ""),
    )
    assert stories == [[0, 1]]


def test_brake_hose_and_steering_column_recalls_of_one_van_are_two_stories() -> None:
    stories = story_of(
        (0, "FORD TRANSIT CUSTOM: Rear brake hose may chafe (R/2026/318)", ""),
        (1, "Ford Recalls 2026 Transit Vans for Loose Steering Column Bolt", ""),
        (2, "Ford recalls Transit Custom vans over rear brake hose chafing", ""),
        (3, "FORD TRANSIT: Steering column bolt may loosen (R/2026/331)", ""),
    )
    assert stories == [[0, 2], [1, 3]]


def test_a_regulators_notices_of_sibling_models_for_one_fault_are_one_recall() -> None:
    # DVSA lists one recall model by model: the ID.4 and the ID.5 were two more stories. Its
    # feed opens every title with the maker and the model ("VOLKSWAGEN ID.#:"), which read as a
    # newsletter's numbered issues, briefings that join nothing.
    notice = (
        "Recall number R/2026/{}. Number of vehicles affected: {}. Defect: a high voltage "
        "battery module may overheat while charging. Remedy: replace the affected module."
    )
    stories = story_of(
        (0, *ID4_RECALL),
        (
            1,
            "VOLKSWAGEN ID.4: High voltage battery module may overheat (R/2026/323)",
            notice.format(323, "3,102"),
        ),
        (
            1,
            "VOLKSWAGEN ID.5: High voltage battery module may overheat (R/2026/324)",
            notice.format(324, "1,215"),
        ),
        feeds=("Fleet News", "DVSA", "DVSA"),
    )
    assert stories == [[0, 1, 2]]


def test_a_lessors_different_news_are_different_stories() -> None:
    stories = story_of(
        (0, "Ayvens opens van remarketing centre in Coventry", ""),
        (1, "Leasing: Ayvens erhöht Raten für Diesel-Transporter in Großbritannien", ""),
        (2, "Ayvens: salary sacrifice EV orders up 40%", ""),
        (3, "Ayvens and Ford Pro agree European electric van leasing deal", ""),
        (4, "Ford Pro and Ayvens Sign Pan-European E-Transit Leasing Agreement", ""),
    )
    assert stories == [[0], [1], [2], [3, 4]]


def test_a_verb_of_fitting_parts_is_no_shared_subject() -> None:
    # "will fit racking" / "Remedy: fit the clip": a van maker's conversion centre had joined
    # a Vauxhall recall notice on "fit" alone.
    stories = story_of(
        (
            0,
            "Stellantis Pro One Opens Van Conversion Centre in Luton",
            "A new Pro One conversion centre in Luton will fit racking, refrigeration and crew "
            "cabs to Vauxhall, Peugeot, Citroën and Fiat vans.",
        ),
        (
            4,
            "VAUXHALL COMBO: Brake pedal may detach (R/2026/336)",
            "Recall number R/2026/336. Number of vehicles affected: 431. Defect: the brake pedal "
            "pivot clip may be missing. Remedy: fit the clip.",
        ),
    )
    assert stories == [[0], [1]]


def _feed(site: Site, name: str, items: list[tuple[str, str]]) -> tuple[str, str]:
    path = "/" + "".join(ch for ch in name.lower() if ch.isalnum())
    entries = [
        {
            "title": html.escape(title),
            "link": site.url(f"{path}/{n}"),
            "date": rfc822(n + 1),
            "guid": f"{path}/{n}",
            "description": html.escape(summary),
        }
        for n, (title, summary) in enumerate(items)
    ]
    site.routes[f"{path}.xml"] = (200, "application/rss+xml", rss(entries, title=name))
    return name, site.url(f"{path}.xml")


def test_a_fleet_managers_digest_never_heads_a_recall_with_its_lease_rates(
    cli, home: Path, site: Site
) -> None:
    """Trial 41's day 2: the email's lead was "[recall] Volkswagen cuts ID.4 contract hire rates
    by up to £80 a month", the recall inside it. Now the recall is a story of its own, under its
    own headline, and the lease cut another."""
    feeds = [
        _feed(site, "Fleet News", [ID4_LEASE, ID4_RECALL]),
        _feed(
            site,
            "DVSA recalls",
            [("VOLKSWAGEN ID.4: High voltage battery module may overheat (R/2026/323)", "")],
        ),
    ]
    write_config(home, feeds_toml(feeds) + FAST_FETCH)
    result = cli("digest", "--format", "json", "--no-extract")
    assert result.code == 0, result.err
    stories = {
        story["title"]: (story["event"], sorted(s["title"] for s in story["sources"]))
        for story in result.json()["stories"]
    }
    assert stories[ID4_LEASE[0]] == ("pricing", [ID4_LEASE[0]])
    (recall,) = [value for title, value in stories.items() if title != ID4_LEASE[0]]
    assert recall[0] == "recall"
    assert ID4_LEASE[0] not in recall[1]
    assert ID4_RECALL[0] in recall[1]
