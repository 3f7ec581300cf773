"""Through the real CLI: regulators' recall listings and safety notices as the recalls they are
(trial 37) — the EU's Safety Gate notices of cars and car equipment, Transport Canada's listings
that say "could", NHTSA's equipment campaigns — and a notice of a toy as no car news."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

# (title, summary): each its own recall, as the regulators' feeds list them.
NOTICES = [
    (
        "Passenger car — Renault Clio — Injuries (A12/00428/26)",
        "Country of notification: France. Product: passenger car, Renault Clio V. A rear brake "
        "pipe may not be correctly clipped. Measures: recall of the product from end users.",
    ),
    (
        "Hydraulic car jack — Injuries (A12/00437/26)",
        "Country of notification: Germany. Product: 2-tonne hydraulic trolley jack. The lifting "
        "arm can lower unexpectedly under load. Measures: recall of the product from end users.",
    ),
    (
        "2026-089 — Ford Explorer (2025–2026) — Brakes: Rear brake hose could wear through",
        "Recall number: 2026-089. Units affected: 18,422. On certain vehicles, the left rear "
        "brake hose could rub against the suspension and wear through.",
    ),
    (
        "2026-091 — Goodyear Wrangler Workhorse AT tires — Tread could separate",
        "Recall number: 2026-091. Units affected: 2,930. Certain tires could develop a tread "
        "separation. Goodyear will notify owners and replace the tires.",
    ),
    (
        "26E-011: ZF Active Safety US Inc. — TRW Aftermarket Brake Calipers — Bleeder Screw May "
        "Crack (31,560 items)",
        "ZF Active Safety US Inc. is recalling certain TRW aftermarket brake calipers. The "
        "bleeder screw may crack, causing a brake fluid leak.",
    ),
]
TOY = (
    "Toy — Remote-controlled car — Chemical risk (A12/00442/26)",
    "Country of notification: Cyprus. The plastic contains phthalates. Measures: withdrawal of "
    "the product from the market.",
)


def notices_feed(httpserver: HTTPServer) -> str:
    entries = [*NOTICES, TOY]
    items = [
        item(title, n, hours_ago=n + 1, description=summary)
        for n, (title, summary) in enumerate(entries)
    ]
    httpserver.expect_request("/notices").respond_with_data(
        rss(items, title="Recalls"), content_type="application/rss+xml"
    )
    return str(httpserver.url_for("/notices"))


def test_regulators_notices_are_recalls_told_surely(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    """Safety Gate's car notices were incidents, Transport Canada's "could" and an NHTSA
    equipment campaign's "may" rumours (26E-011 not even a recall): none reached a register of
    `--event recall`."""
    url = notices_feed(httpserver)
    args = ("digest", "--feed", url, "--no-extract", "--format", "json")
    result = cli(*args, "--event", "recall")
    assert result.code == 0, result.err
    document = result.json()
    validate_digest(document)
    told = {source["title"]: story for story in document["stories"] for source in story["sources"]}
    assert set(told) == {title for title, _ in NOTICES}
    for title, story in told.items():
        assert (story["event"], story["speculative"]) == ("recall", False), title
    text = cli(*args[:-2], "--format", "text", "--event", "recall").out
    assert "speculative" not in text


def test_a_notice_of_a_toy_car_is_no_car_news(cli, home: Path, httpserver: HTTPServer) -> None:
    """Safety Gate's "Toy — Remote-controlled car" was car news (restructuring) beside the cars."""
    url = notices_feed(httpserver)
    document = cli("digest", "--feed", url, "--no-extract", "--format", "json").json()
    titles = {source["title"] for story in document["stories"] for source in story["sources"]}
    assert TOY[0] not in titles
    assert document["not_about_cars"] == 1


OPINIONS = [
    (
        "Opinion: Recall fatigue is eroding trust in over-the-air fixes",
        "Tesla's third steering recall this year shows why owners stop trusting software fixes.",
    ),
    (
        "观察｜召回频发背后：OTA能否替代硬件整改",
        "今年以来多家车企通过OTA实施召回，汽车召回数量创新高。",
    ),
]


def test_commentary_on_recalls_is_no_recall(cli, home: Path, httpserver: HTTPServer) -> None:
    """Trial 37: "Opinion: Recall fatigue…" and "观察｜召回频发背后…" were recalls, each its own
    story, in `--event recall` and a recall register."""
    items = [
        item(title, n, hours_ago=n + 1, description=summary)
        for n, (title, summary) in enumerate([*OPINIONS, NOTICES[0]])
    ]
    httpserver.expect_request("/news").respond_with_data(
        rss(items, title="Car News"), content_type="application/rss+xml"
    )
    url = str(httpserver.url_for("/news"))
    args = ("digest", "--feed", url, "--no-extract", "--format", "json")
    recalls = cli(*args, "--event", "recall").json()
    assert [story["title"] for story in recalls["stories"]] == [NOTICES[0][0]]
    stories = cli(*args, "--offline").json()["stories"]
    events = {story["title"]: story["event"] for story in stories}
    assert {title: events.get(title) for title, _ in OPINIONS} == {
        title: "other" for title, _ in OPINIONS
    }
