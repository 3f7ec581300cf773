"""A feed whose document is broken and read only in part (trial 44: AutoWeek's half document,
cut in the middle of a broken <title>, read as 4 of its 9 items and reported "status: ok", exit
0, nothing on stderr or in `feeds list`): the run says so everywhere a failure is said, keeps
the items it read, and reads the feed whole again next run. Through the real CLI, against a
loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss

TITLES = [
    "Volkswagen recalls 48,000 ID.3 and ID.4 over software fault",
    "BYD cuts the price of the Seal 6 Touring in Europe",
    "Ionity opens 40 new charging sites in Germany",
    "Renault names new chief executive",
    "Kia EV3 was Europe's best-selling EV in November",
    "Stellantis to build batteries in Spain with CATL",
    "Hyundai Ioniq 9 goes on sale in Norway",
    "Tesla Model Y deliveries rise 12% in Netherlands",
    "Volvo EX30 production moves to Ghent",
]


def _document() -> str:
    return rss([item(title, n, hours_ago=1 + n) for n, title in enumerate(TITLES)])


def _cut_short() -> str:
    """The trial's damage: a <title> closed by a misspelt tag, and the document cut in half."""
    whole = _document()
    broken = whole.replace("<item><title>", "<item><title>Prijzen & uitvoeringen </titel>", 1)
    return broken[: len(whole) // 2]


def _config(home: Path, url: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        f'[[feeds]]\nurl = "{url}"\nname = "AutoWeek"\n\n[digest]\nsince = "7d"\n', "utf-8"
    )


def test_a_document_cut_short_is_a_partial_feed_everywhere_and_its_items_stay(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        _cut_short(), content_type="application/rss+xml"
    )
    _config(home, httpserver.url_for("/feed"))
    result = cli("digest", "--new", "--no-extract", "--format", "json")
    assert result.code == ExitStatus.FEEDS_FAILED, result.err
    document = result.json()
    validate_digest(document)
    feed = document["feeds"][0]
    assert feed["status"] == "partial"
    read = len(document["stories"])  # what was read is delivered, not thrown away
    assert 0 < read < len(TITLES)
    assert "cut short" in feed["error"] and f"{read} items read before the cut" in feed["error"]
    # stderr names the feed and what was wrong, with what to do on a hint line.
    assert "autonews: 1 feed failed: AutoWeek (the document is cut short" in result.err
    assert "hint: AutoWeek: its publisher has to fix the document" in result.err

    listing = cli("feeds", "list")
    assert listing.code == 0, listing.err
    assert "partial" in listing.out and "cut short" in listing.out
    # Its items were read, in part: its last success is no "never" (review 34 F5).
    assert "never" not in listing.out and "in part" in listing.out
    check = cli("feeds", "check")
    assert check.code == ExitStatus.FEEDS_FAILED
    assert check.out.startswith("partial") and f"{read} items read before the cut" in check.out

    # Mended, the feed is read whole (not "not modified"), and what was read before stays
    # delivered: only the items the cut hid are new.
    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_data(
        _document(), content_type="application/rss+xml"
    )
    mended = cli("digest", "--new", "--no-extract", "--format", "json")
    assert mended.code == 0, mended.err
    document = mended.json()
    assert document["feeds"][0]["status"] == "ok"
    assert document["feeds"][0]["items"] == 9
    assert len(document["stories"]) == len(TITLES) - read
    assert not any(story["delivered_before"] for story in document["stories"])


def test_a_tag_left_open_that_costs_items_is_partial_and_one_that_costs_none_is_not(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    whole = _document()
    # A <title> never closed swallows what follows it: not every item is read.
    swallowing = whole.replace(f"<item><title>{TITLES[2]}</title>", f"<item><title>{TITLES[2]}", 1)
    httpserver.expect_request("/feed").respond_with_data(
        swallowing, content_type="application/rss+xml"
    )
    _config(home, httpserver.url_for("/feed"))
    result = cli("digest", "--no-extract", "--format", "json")
    assert result.code == ExitStatus.FEEDS_FAILED, result.err
    feed = result.json()["feeds"][0]  # type: ignore[index]
    assert feed["status"] == "partial", feed
    assert "malformed XML (mismatched tag" in feed["error"]
    assert f"of its {len(TITLES)} items read" in feed["error"]
    # A broken document read whole (an unescaped "&", a misspelt end tag the repair mends)
    # stays a healthy feed: nothing is missing.
    httpserver.clear()
    mended_by_repair = whole.replace("</title>", "</titel>", 1).replace("BYD", "BYD & Co", 1)
    httpserver.expect_request("/feed").respond_with_data(
        mended_by_repair, content_type="application/rss+xml"
    )
    again = cli("digest", "--no-extract", "--format", "json")
    assert again.code == 0, again.err
    assert again.json()["feeds"][0]["status"] == "ok"  # type: ignore[index]


def _atom() -> str:
    entries = "".join(
        f"<entry><title>{title}</title><id>urn:x:{n}</id><link href='http://example.com/e/{n}'/>"
        f"<updated>2030-01-01T00:00:00Z</updated></entry>"
        for n, title in enumerate(TITLES)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Test Atom</title><id>urn:x</id><updated>2030-01-01T00:00:00Z</updated>{entries}"
        "</feed>"
    )


@pytest.mark.parametrize(
    "never_closed",
    [
        pytest.param(lambda: _document().replace("</rss>", ""), id="rss-without-its-root-end"),
        pytest.param(lambda: _document().replace("</rss>", "\n\n"), id="rss-and-blank-lines"),
        pytest.param(lambda: _atom().replace("</feed>", ""), id="atom-without-its-root-end"),
    ],
)
def test_a_feed_never_closed_but_read_whole_is_a_healthy_feed(
    cli, home: Path, httpserver: HTTPServer, never_closed
) -> None:
    """Review 34 F1: templated output that leaves off "</rss>" (its channel and every item
    closed) lost nothing, yet was "partial" on every run: exit 3, its ETag dropped, the whole
    document downloaded every hour. Every item read, it is an ok feed."""
    httpserver.expect_request("/feed").respond_with_data(
        never_closed(), content_type="application/rss+xml"
    )
    _config(home, httpserver.url_for("/feed"))
    result = cli("digest", "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    feed = result.json()["feeds"][0]  # type: ignore[index]
    assert feed["status"] == "ok", feed
    assert feed["items"] == len(TITLES)
    assert "AutoWeek" not in result.err
    check = cli("feeds", "check")
    assert check.code == 0, check.out + check.err
    assert check.out.startswith("ok")


def test_a_document_cut_after_an_item_but_inside_its_channel_is_still_partial(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """The other side of F1: an RSS 2.0 document that ends after an item's "</item>" but
    before "</channel>" was cut where more items may have followed."""
    whole = _document()
    cut = whole[: whole.index("</item>", len(whole) // 2) + len("</item>")]
    httpserver.expect_request("/feed").respond_with_data(cut, content_type="application/rss+xml")
    _config(home, httpserver.url_for("/feed"))
    result = cli("digest", "--no-extract", "--format", "json")
    assert result.code == ExitStatus.FEEDS_FAILED, result.err
    feed = result.json()["feeds"][0]  # type: ignore[index]
    assert feed["status"] == "partial"
    assert "cut short" in feed["error"]


def _cut_inside_item(n: int) -> str:
    """The document cut in the middle of its item ``n`` (0-based): ``n`` items whole."""
    whole = _document()
    start = 0
    for _ in range(n + 1):
        start = whole.index("<item>", start) + 1
    return whole[: start + len("item>")]


def test_a_feed_cut_at_another_place_each_run_is_not_named_again_before_the_reminder(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Review 34 F5: "1 item read before the cut", then "2 items read": the plural made it
    another failure, named again on the next hourly run rather than once a day."""
    httpserver.expect_request("/feed").respond_with_data(
        _cut_inside_item(1), content_type="application/rss+xml"
    )
    _config(home, httpserver.url_for("/feed"))
    first = cli("digest", "--no-extract", "--format", "text")
    assert first.code == ExitStatus.FEEDS_FAILED
    assert "AutoWeek (the document is cut short" in first.err
    assert "1 item read before the cut" in first.err
    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_data(
        _cut_inside_item(2), content_type="application/rss+xml"
    )
    again = cli("digest", "--no-extract", "--format", "text")
    assert again.code == ExitStatus.FEEDS_FAILED
    assert again.err == ""
    assert "failing as reported earlier" in again.out
