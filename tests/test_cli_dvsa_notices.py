"""Through the real CLI: the UK DVSA's recall notices (trial 41, a fleet manager) — "MAKE MODEL:
defect may … (R/2026/318)" — are recalls told surely, of the maker and model their capitals
name, and a notice number a regulator's notice that makes a delivered story news again."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.conftest import Clock
from tests.helpers.feeds import item, rss
from tests.helpers.site import Site
from tests.test_new_over_time import NEW, entry, publish

# (title, summary, maker, model): as the DVSA's feed lists them.
NOTICES = [
    (
        "FORD TRANSIT CUSTOM: Rear brake hose may chafe (R/2026/318)",
        "Recall number R/2026/318. Number of vehicles affected: 11,812. Defect: the rear brake "
        "hose may contact the suspension and chafe. Remedy: inspect and reroute the hose.",
        "Ford",
        "Transit Custom",
    ),
    (
        "BMW 5 SERIES: Passenger airbag may not deploy (R/2026/322)",
        "Recall number R/2026/322. Number of vehicles affected: 884. Defect: the seat occupancy "
        "sensor may fail and the passenger airbag may not deploy. Remedy: replace the sensor mat.",
        "BMW",
        "5 Series",
    ),
    (
        "VAUXHALL COMBO: Brake pedal may detach (R/2026/336)",
        "Recall number R/2026/336. Number of vehicles affected: 1,204. Defect: the brake pedal "
        "pivot bolt may not be tightened and the pedal may detach. Remedy: tighten the bolt.",
        "Vauxhall",
        "Vauxhall Combo",
    ),
    (
        "PEUGEOT EXPERT: Front seat belt anchorage may fail (R/2026/327)",
        "Recall number R/2026/327. Number of vehicles affected: 640. Defect: the front seat belt "
        "anchorage may not be welded correctly. Remedy: inspect and reinforce the anchorage.",
        "Peugeot",
        "Peugeot Expert",
    ),
]


def test_dvsa_notices_are_sure_recalls_of_the_maker_and_model_they_name(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    """The DVSA's notices came out "speculative" (their "may" is the fault's), two of them not
    even recalls ("BMW 5 SERIES: Passenger airbag may not deploy" was `other`), and the Combo
    and the Expert named no model: `--event recall` missed them and a fleet manager deciding
    whether to take vans off the road read "speculative"."""
    items = [
        item(title, n, hours_ago=n + 1, description=summary)
        for n, (title, summary, _, _) in enumerate(NOTICES)
    ]
    httpserver.expect_request("/recalls.atom").respond_with_data(
        rss(items, title="DVSA vehicle recalls"), content_type="application/rss+xml"
    )
    url = str(httpserver.url_for("/recalls.atom"))
    args = ("digest", "--feed", url, "--no-extract")
    document = cli(*args, "--format", "json", "--event", "recall").json()
    validate_digest(document)
    told = {source["title"]: story for story in document["stories"] for source in story["sources"]}
    assert set(told) == {title for title, _, _, _ in NOTICES}
    for title, _, maker, model in NOTICES:
        story = told[title]
        assert (story["event"], story["speculative"]) == ("recall", False), title
        assert [m["name"] for m in story["makers"]] == [maker], title
        assert model in [m["name"] for m in story["models"]], title
    text = cli(*args, "--format", "text", "--offline").out
    assert "speculative" not in text


def test_a_dvsa_notice_joining_a_delivered_recall_is_news_again(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 41: DVSA's notice R/2026/328 joined the Model Y seat-belt recall a fleet outlet
    had told the day before, and --new never mailed it: the README promises "new notice since
    your last digest" for a regulator's notice, but R/YYYY/NNN was none."""
    report = entry(
        clock,
        "Tesla recalls Model Y in UK over seat belt warning chime",
        1,
        2,
        description="Tesla is recalling Model Y cars in the UK because the seat belt warning "
        "chime may not sound when the driver is unbuckled; an over-the-air update fixes it.",
    )
    feeds = (
        "--feed",
        publish(site, "/news.xml", [report], title="Fleet News"),
        "--feed",
        publish(site, "/dvsa.xml", [], title="DVSA vehicle recalls"),
    )
    (story,) = cli("digest", *feeds, *NEW).json()["stories"]
    clock.advance(hours=20)
    title = "TESLA MODEL Y: Seat belt warning chime may not sound (R/2026/328)"
    notice = entry(
        clock,
        title,
        2,
        1,
        description="Recall number R/2026/328. Number of vehicles affected: 7,431. Defect: the "
        "seat belt warning chime may not sound. Remedy: update the software over the air.",
    )
    publish(site, "/dvsa.xml", [notice], title="DVSA vehicle recalls")
    result = cli("digest", *feeds, "--no-extract", "--new", "--format", "text")
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert "new notice since your last digest" in text
    assert f"new: {title} (DVSA vehicle recalls)" in text
    assert story["id"] in text  # the story delivered the day before, told again


def test_a_dvsa_recall_number_is_a_regulators_notice() -> None:
    from autonews.recall_listings import campaign_number, recall_listing
    from autonews.story_turns import is_notice

    assert is_notice(NOTICES[0][0])
    assert is_notice("Tesla Model Y UK recall R/2026/328: owners told to update software")
    assert recall_listing(NOTICES[1][0])
    assert campaign_number(NOTICES[1][0]) == "R/2026/322"
    assert not recall_listing("Ford Transit Custom: what fleet managers need to know (2026)")
