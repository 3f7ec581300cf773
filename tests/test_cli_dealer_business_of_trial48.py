"""Trial 48's dealer business and local items read as events they are not: the pay for recall
work and a dealer group's service profit were recalls, a car wash's fundraiser an incident for
the fire it raised money for, a plan kept despite tariffs regulation. Through the CLI, as the
service director's digest labels them, and real recalls beside them stay recalls."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish

NOT_RECALLS = [
    "Stellantis raises recall labor reimbursement rates after dealer pushback",
    "AutoNation says service and parts gross profit rose 9% as recalls swell",
    "Lithia says warranty and recall work lifted quarterly service revenue",
]
RECALLS = [
    "Ford recalls over 240,000 Explorer, Aviator SUVs over rearview camera issue",
    "Honda recalls 1.7 million vehicles in US over steering issue",
]


def _events(cli, site: Site, clock: Clock, titles: list[str]) -> dict[str, str]:
    url = publish(site, "/d.xml", [entry(clock, t, n, 1 + n) for n, t in enumerate(titles)])
    result = cli("digest", "--feed", url, "--no-extract", "--all-topics", "--format", "json")
    assert result.code == 0, result.err
    return {s["title"]: s["event"] for s in json.loads(result.out)["stories"]}


def test_a_dealers_business_that_recalls_bring_is_no_recall(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    events = _events(cli, site, clock, [*NOT_RECALLS, *RECALLS])
    for title in NOT_RECALLS:
        assert events[title] in ("financials", "other"), (title, events[title])
    for title in RECALLS:
        assert events[title] == "recall", title


def test_a_fundraiser_and_a_plan_kept_despite_tariffs_tell_no_event(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    titles = [
        "Car wash fundraiser raises $5,000 for local fire victims",
        "Honda sticks to U.S. EV plans despite tariff costs, CEO says",
        "Toyota sticks with hydrogen plans despite tariffs",
    ]
    events = _events(cli, site, clock, titles)
    assert events == dict.fromkeys(titles, "other"), events
