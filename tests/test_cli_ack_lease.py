"""A story a `digest --new --no-mark` run printed is leased to that run's script (trial 44's
re-check, N1): a second run queued with --wait took the store after the first printed its
stories and before the bot acknowledged them, printed them again, and Slack got three stories
twice. Another --new run of the digest now prints a leased story only when it is news again;
once the lease ([digest] ack_within) runs out without an ack, the script is taken to have
failed and the story is printed again. Through the real CLI, against a loopback server."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site, write_config
from tests.test_new_over_time import entry, publish

HELD = ("digest", "--new", "--no-mark", "--no-extract", "--format", "json")
PLAIN = ("digest", "--new", "--no-extract", "--format", "json")
VOLVO = "Volvo recalls 14,768 XC70 plug-in hybrids over halfshaft fault"
BYD = "BYD opens its first European car plant in Hungary"
TESLA = "http://example.com/tesla-recall"


def _stories(result) -> dict[str, dict]:
    assert result.code == 0, result.err
    return {story["title"]: story for story in result.json()["stories"]}


def _wire(site: Site, clock: Clock) -> tuple[str, str]:
    return ("--feed", publish(site, "/a.xml", [entry(clock, VOLVO, 1, 1), entry(clock, BYD, 2, 2)]))


def test_a_second_run_prints_none_of_the_stories_waiting_for_an_ack_until_the_lease_runs_out(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    feeds = _wire(site, clock)
    first = _stories(cli(*HELD, *feeds))
    assert sorted(first) == sorted([VOLVO, BYD])
    # A run queued with --wait takes the store before the bot acknowledged: it prints neither,
    # nor does a plain --new run of the same digest.
    clock.advance(minutes=2)
    assert _stories(cli(*HELD, *feeds)) == {}
    assert _stories(cli(*PLAIN, *feeds)) == {}
    # The bot posts the recall and acknowledges it; the BYD post failed and is never acked.
    clock.advance(minutes=1)
    acked = cli("ack", first[VOLVO]["id"])
    assert (acked.code, acked.out, acked.err) == (0, "", "")
    clock.advance(minutes=10)
    assert _stories(cli(*HELD, *feeds)) == {}  # 13 minutes on: still leased
    # 16 minutes after the print, the lease ([digest] ack_within = 15m) has run out: the story
    # not acknowledged comes again, as never delivered; the acknowledged one does not.
    clock.advance(minutes=3)
    again = _stories(cli(*HELD, *feeds))
    assert list(again) == [BYD]
    assert again[BYD]["id"] == first[BYD]["id"] and not again[BYD]["delivered_before"]
    clock.advance(minutes=1)
    assert cli("ack", "--all").code == 0
    clock.advance(hours=1)
    assert _stories(cli(*HELD, *feeds)) == {}


def test_a_late_ack_of_a_story_printed_again_does_no_harm(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """The first run's script acknowledges after its lease ran out and a second run printed the
    story again: both acks exit 0 quietly, and the story is delivered once, not again."""
    feeds = _wire(site, clock)
    first = _stories(cli(*HELD, *feeds))
    clock.advance(minutes=20)
    second = _stories(cli(*HELD, *feeds))
    second_at = clock.now
    assert sorted(second) == sorted(first)
    clock.advance(minutes=1)
    for ids in ([s["id"] for s in first.values()], [s["id"] for s in second.values()]):
        acked = cli("ack", *ids)
        assert (acked.code, acked.out, acked.err) == (0, "", "")
    # Nothing waits: the digest's --new mark moved to the run that printed them last.
    clock.advance(hours=1)
    later = cli(*HELD, *feeds)
    assert _stories(later) == {}
    made = datetime.fromisoformat(later.json()["last_new_digest"])
    assert made == second_at


def test_a_leased_story_with_news_since_is_printed_again(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """The lease holds back a repeat, not news: a count corrected while the first run's script
    posts is sent, as the renotify rules would send it to a digest that had delivered it."""
    recall = entry(clock, "Tesla recalls 13,200 Model Y over seat belt fault", 1, 1, link=TESLA)
    feeds = ("--feed", publish(site, "/a.xml", [recall]))
    (held,) = _stories(cli(*HELD, *feeds)).values()
    clock.advance(minutes=5)
    corrected = entry(clock, "Tesla recalls 132,000 Model Y over seat belt fault", 1, 1, link=TESLA)
    publish(site, "/a.xml", [corrected])
    (again,) = _stories(cli(*HELD, *feeds)).values()
    assert again["id"] == held["id"] and again["changed"] == ["figure"]
    assert "132,000" in again["title"]
    # Both scripts acknowledge; the corrected count went out and is not sent a third time.
    assert cli("ack", held["id"]).code == 0
    assert cli("ack", again["id"]).code == 0
    clock.advance(hours=1)
    assert _stories(cli(*HELD, *feeds)) == {}


def test_a_named_digest_has_its_own_lease_and_config_check_shows_its_settings(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 44 N2 too: `config check` showed [digest]'s renotify_on on the digest line and
    not the named digest's own, so one could not see that the bot's ["figure"] was in effect."""
    feeds = _wire(site, clock)
    url = feeds[1]
    write_config(
        home,
        f'[[feeds]]\nurl = "{url}"\nname = "Wire"\n\n[[digests]]\nname = "slackbot"\n'
        'format = "json"\nrenotify_on = ["figure"]\nack_within = "1h"\n\n'
        '[[digests]]\nname = "team"\n',
    )
    checked = cli("config", "check")
    assert checked.code == 0, checked.err
    assert "slackbot (printed, json; renotify_on figure; ack_within 1h)" in checked.out
    assert "; team (printed, text, or as the -o file name says)\n" in checked.out
    assert "ack_within 15m" in checked.out  # the [digest] line: every setting, defaults too
    bot = ("digest", "--new", "--no-mark", "--no-extract", "--name", "slackbot")
    assert len(_stories(cli(*bot))) == 2
    clock.advance(minutes=30)
    assert _stories(cli(*bot)) == {}
    clock.advance(minutes=31)
    assert len(_stories(cli(*bot))) == 2


def test_ack_within_is_a_span_of_time(cli, home: Path) -> None:
    write_config(home, '[[digests]]\nname = "slackbot"\nack_within = "soon"\n')
    result = cli("config", "check")
    assert result.code == 2
    assert "digests[0].ack_within" in result.err + result.out
    write_config(home, "[digest]\nack_within = 15\n")
    result = cli("config", "check")
    assert result.code == 2
    assert '"15h"' in result.err + result.out
