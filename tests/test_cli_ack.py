"""Delivery a script commits (trial 44): with `digest --new --no-mark` the stories printed count
as delivered only once `autonews ack` says the script delivered them (posted them to Slack), so a
webhook that is down loses nothing; `--new` alone is unchanged. Through the real CLI, against a
loopback server."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer

from autonews.errors import ExitStatus
from tests.conftest import Clock
from tests.helpers.feeds import serve_titles
from tests.helpers.site import Site, write_config
from tests.test_new_over_time import entry, publish

TITLES = [
    "Volvo recalls 14,768 XC70 plug-in hybrids over halfshaft fault",
    "BYD opens its first European car plant in Hungary",
]
HELD = ("digest", "--new", "--no-mark", "--no-extract", "--format", "json")
KIA = "http://example.com/kia-ev4"
TESLA = "http://example.com/tesla-recall"


def _stories(result) -> dict[str, str]:
    assert result.code == 0, result.err
    return {story["title"]: story["id"] for story in result.json()["stories"]}


def test_stories_not_acknowledged_come_again_and_acknowledged_ones_do_not(
    cli, home: Path, httpserver: HTTPServer, clock: Clock
) -> None:
    feed = ("--feed", serve_titles(httpserver, TITLES))
    first = _stories(cli(*HELD, *feed))
    assert sorted(first) == sorted(TITLES)
    # The script's post failed: nothing was acknowledged, and once its lease ([digest]
    # ack_within, 15 minutes) has run out the next run prints both again, as never delivered.
    clock.advance(minutes=16)
    again = cli(*HELD, *feed)
    assert _stories(again) == first
    assert not any(story["delivered_before"] for story in again.json()["stories"])
    # It posts the recall and says so: quiet, exit 0 (twice too: a retry does no harm).
    volvo = first[TITLES[0]]
    acked = cli("ack", volvo)
    assert (acked.code, acked.out, acked.err) == (0, "", "")
    assert cli("ack", volvo).code == 0
    clock.advance(minutes=16)
    assert _stories(cli(*HELD, *feed)) == {TITLES[1]: first[TITLES[1]]}
    assert cli("ack", "--all").code == 0
    assert _stories(cli(*HELD, *feed)) == {}
    assert _stories(cli("digest", "--new", "--no-extract", "--format", "json", *feed)) == {}


def test_a_named_digest_keeps_its_own_held_stories_and_plain_new_is_unchanged(
    cli, home: Path, httpserver: HTTPServer, clock: Clock
) -> None:
    url = serve_titles(httpserver, TITLES)
    write_config(
        home, f'[[feeds]]\nurl = "{url}"\nname = "Wire"\n\n[[digests]]\nname = "slackbot"\n'
    )
    held = _stories(cli(*HELD, "--name", "slackbot"))
    assert len(held) == 2
    # The plain --new digest marks as it always did, whatever the bot's digest holds.
    assert len(_stories(cli("digest", "--new", "--no-extract", "--format", "json"))) == 2
    assert _stories(cli("digest", "--new", "--no-extract", "--format", "json")) == {}
    # An id of the plain digest's is not the bot's to acknowledge without its name.
    assert cli("ack", *held.values()).code == 0  # delivered to the plain digest: no harm
    clock.advance(minutes=16)  # the bot's lease ran out: its script failed
    assert len(_stories(cli(*HELD, "--name", "slackbot"))) == 2
    assert cli("ack", "--name", "slackbot", *held.values()).code == 0
    assert _stories(cli(*HELD, "--name", "slackbot")) == {}


def test_an_unknown_id_is_named_and_the_others_are_acknowledged(
    cli, home: Path, httpserver: HTTPServer, clock: Clock
) -> None:
    feed = ("--feed", serve_titles(httpserver, TITLES))
    first = _stories(cli(*HELD, *feed))
    result = cli("ack", first[TITLES[0]], "0123456789ab")
    assert result.code == ExitStatus.USAGE
    assert "not printed by a --no-mark run of the digest, nor delivered: 0123456789ab" in (
        result.err
    )
    assert "1 of the digest's stories wait for an ack" in result.err
    clock.advance(minutes=16)
    assert _stories(cli(*HELD, *feed)) == {TITLES[1]: first[TITLES[1]]}
    refused = cli("digest", "--no-mark", *feed)
    assert refused.code == ExitStatus.USAGE and "--no-mark is for --new digests" in refused.err
    assert cli("ack").code == ExitStatus.USAGE


def _held(result) -> dict[str, dict]:
    assert result.code == 0, result.err
    return {story["title"]: story for story in result.json()["stories"]}


def test_a_source_that_joins_between_the_print_and_the_ack_is_news_next_run(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Review 34 F3: the ack recorded the delivery at ack time, so a source stored between the
    print and the ack (by another run holding the store, which the ack waited for) counted as
    told: a launch become pricing was never sent. What the script posted is what the run
    printed, so the story counts as delivered as of the print."""
    launch = entry(clock, "Kia launches EV4 sedan in the US", 1, 1, link=KIA, description="EV4.")
    feeds = ("--feed", publish(site, "/a.xml", [launch]), "--feed", publish(site, "/b.xml", []))
    (story,) = _held(cli(*HELD, *feeds)).values()
    clock.advance(hours=20)
    pricing = [
        entry(clock, "Kia announces EV4 US price", 3, 1, link=KIA),
        entry(clock, "Kia EV4 US pricing revealed", 4, 2, link=KIA),
    ]
    publish(site, "/b.xml", pricing, title="Motor Desk")
    # Another run (a mail digest, a `feeds check`) stores the new sources; the ack comes after.
    assert cli("digest", *feeds, "--no-extract", "--format", "json").code == 0
    clock.advance(minutes=2)
    assert cli("ack", story["id"]).code == 0
    clock.advance(hours=1)
    (again,) = _held(cli(*HELD, *feeds)).values()
    assert again["id"] == story["id"] and again["changed"] == ["event"]


def test_a_story_delivered_by_a_plain_new_run_waits_for_no_ack(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Review 34 F4: what a --no-mark run held stayed held once a plain --new run delivered it:
    the count of stories waiting never went down, and an ack by id never moved the digest's
    --new mark again."""
    first = [
        entry(clock, "Volvo recalls 14,768 XC70 plug-in hybrids over halfshaft fault", 1, 1),
        entry(clock, "BYD opens its first European car plant in Hungary", 2, 1),
    ]
    feeds = ("--feed", publish(site, "/a.xml", first))
    assert len(_held(cli(*HELD, *feeds))) == 2
    clock.advance(hours=1)
    assert len(_held(cli("digest", "--new", "--no-extract", "--format", "json", *feeds))) == 2
    clock.advance(hours=1)
    kia = entry(clock, "Kia names new chief executive for Europe", 3, 0.5)
    publish(site, "/a.xml", [*first, kia])
    (held,) = _held(cli(*HELD, *feeds)).values()
    unknown = cli("ack", held["id"], "0123456789ab")
    assert unknown.code == ExitStatus.USAGE
    assert "0 of the digest's stories wait for an ack" in unknown.err
    # With nothing left waiting, the --new mark moved to the run that printed the Kia story.
    clock.advance(hours=1)
    later = cli(*HELD, *feeds)
    assert _held(later) == {}
    made = datetime.fromisoformat(later.json()["last_new_digest"])
    assert made >= clock.now - timedelta(hours=1, minutes=1)


def test_ack_all_does_not_overwrite_a_newer_delivery_with_the_held_snapshot(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Review 34 F4: `ack --all` wrote the held snapshot (13,200) over the plain --new run's
    newer delivery (132,000), and a source repeating 132,000 then sent the story again."""
    recall = entry(clock, "Tesla recalls 13,200 Model Y over seat belt fault", 1, 1, link=TESLA)
    feeds = ("--feed", publish(site, "/a.xml", [recall]), "--feed", publish(site, "/b.xml", []))
    assert len(_held(cli(*HELD, *feeds))) == 1
    clock.advance(hours=20)
    corrected = entry(clock, "Tesla recalls 132,000 Model Y over seat belt fault", 1, 21)
    corrected["link"] = TESLA
    publish(site, "/a.xml", [corrected])
    # The plain digest had not delivered it: it goes out now, told with the corrected count.
    (sent,) = _held(cli("digest", "--new", "--no-extract", "--format", "json", *feeds))
    assert "132,000" in sent
    clock.advance(minutes=5)
    assert cli("ack", "--all").code == 0
    clock.advance(hours=1)
    echo = entry(clock, "Tesla Model Y recall covers 132,000 vehicles", 2, 0.5, link=TESLA)
    publish(site, "/b.xml", [echo], title="Motor Desk")
    assert _held(cli(*HELD, *feeds)) == {}


def test_ack_on_a_home_without_a_store_makes_none(cli, home: Path) -> None:
    """Review 34 F7: `ack --all` before any digest made an empty store without a word."""
    write_config(home, "")
    result = cli("ack", "--all")
    assert result.code == 0
    assert "nothing to acknowledge" in result.err
    assert not (home / "data" / "autonews.sqlite3").exists()
    by_id = cli("ack", "0123456789ab")
    assert by_id.code == ExitStatus.USAGE and "0123456789ab" in by_id.err
    assert not (home / "data").exists() or not any((home / "data").iterdir())
