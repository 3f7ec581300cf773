"""Delivery a script commits (trial 44): with `digest --new --no-mark` the stories printed count
as delivered only once `autonews ack` says the script delivered them (posted them to Slack), so a
webhook that is down loses nothing; `--new` alone is unchanged. Through the real CLI, against a
loopback server."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from autonews.errors import ExitStatus
from tests.helpers.feeds import serve_titles
from tests.helpers.site import write_config

TITLES = [
    "Volvo recalls 14,768 XC70 plug-in hybrids over halfshaft fault",
    "BYD opens its first European car plant in Hungary",
]
HELD = ("digest", "--new", "--no-mark", "--no-extract", "--format", "json")


def _stories(result) -> dict[str, str]:
    assert result.code == 0, result.err
    return {story["title"]: story["id"] for story in result.json()["stories"]}


def test_stories_not_acknowledged_come_again_and_acknowledged_ones_do_not(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    feed = ("--feed", serve_titles(httpserver, TITLES))
    first = _stories(cli(*HELD, *feed))
    assert sorted(first) == sorted(TITLES)
    # The script's post failed: nothing was acknowledged, and the next run prints both again,
    # as never delivered.
    again = cli(*HELD, *feed)
    assert _stories(again) == first
    assert not any(story["delivered_before"] for story in again.json()["stories"])
    # It posts the recall and says so: quiet, exit 0 (twice too: a retry does no harm).
    volvo = first[TITLES[0]]
    acked = cli("ack", volvo)
    assert (acked.code, acked.out, acked.err) == (0, "", "")
    assert cli("ack", volvo).code == 0
    assert _stories(cli(*HELD, *feed)) == {TITLES[1]: first[TITLES[1]]}
    assert cli("ack", "--all").code == 0
    assert _stories(cli(*HELD, *feed)) == {}
    assert _stories(cli("digest", "--new", "--no-extract", "--format", "json", *feed)) == {}


def test_a_named_digest_keeps_its_own_held_stories_and_plain_new_is_unchanged(
    cli, home: Path, httpserver: HTTPServer
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
    assert len(_stories(cli(*HELD, "--name", "slackbot"))) == 2
    assert cli("ack", "--name", "slackbot", *held.values()).code == 0
    assert _stories(cli(*HELD, "--name", "slackbot")) == {}


def test_an_unknown_id_is_named_and_the_others_are_acknowledged(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    feed = ("--feed", serve_titles(httpserver, TITLES))
    first = _stories(cli(*HELD, *feed))
    result = cli("ack", first[TITLES[0]], "0123456789ab")
    assert result.code == ExitStatus.USAGE
    assert "not printed by a --no-mark run of the digest, nor delivered: 0123456789ab" in (
        result.err
    )
    assert "1 of the digest's stories wait for an ack" in result.err
    assert _stories(cli(*HELD, *feed)) == {TITLES[1]: first[TITLES[1]]}
    refused = cli("digest", "--no-mark", *feed)
    assert refused.code == ExitStatus.USAGE and "--no-mark is for --new digests" in refused.err
    assert cli("ack").code == ExitStatus.USAGE
