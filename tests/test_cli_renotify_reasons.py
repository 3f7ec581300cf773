"""Why a story --new delivered is sent again, chosen by reason (trial 44: a Slack channel read
eight re-sends as duplicates, one of them real news, and the only switch,
renotify_on_figure_change, turned every re-send off). `[digest] renotify_on` and a named
digest's own `renotify_on` name the reasons (figure, confirmed, event, turn, notice). Through
the real CLI, feeds on a loopback site, a clock the test moves."""

from __future__ import annotations

from pathlib import Path

from autonews.errors import ExitStatus
from tests.conftest import Clock
from tests.helpers.site import Site, write_config
from tests.test_new_over_time import NEW, entry, publish, titles

KIA = "http://example.com/kia-ev4"
TESLA = "http://example.com/tesla-recall"


def _first_run(cli, site: Site, clock: Clock, *args: str) -> tuple[str, ...]:
    """A launch and a recall delivered; a day later, sources that make the launch pricing
    (another event), and the recall's feed correcting its count (another figure)."""
    first = [
        entry(clock, "Kia launches EV4 sedan in the US", 1, 1, link=KIA, description="Kia EV4."),
        entry(clock, "Tesla recalls 13,200 Model Y over seat belt fault", 2, 1, link=TESLA),
    ]
    feeds = ("--feed", publish(site, "/a.xml", first), "--feed", publish(site, "/b.xml", []))
    sent = cli("digest", *feeds, *NEW, *args)
    assert sent.code == 0, sent.err
    assert len(sent.json()["stories"]) == 2
    clock.advance(hours=20)
    later = [
        entry(clock, "Kia announces EV4 US price", 3, 1, link=KIA),
        entry(clock, "Kia EV4 US pricing revealed", 4, 2, link=KIA),
    ]
    publish(site, "/b.xml", later, title="Motor Desk")
    # The recall's feed corrects its count (the same item, retitled).
    corrected = entry(clock, "Tesla recalls 132,000 Model Y over seat belt fault", 2, 21)
    corrected["link"] = TESLA
    publish(site, "/a.xml", [first[0], corrected])
    return feeds


def _changed(result) -> dict[str, list[str]]:
    assert result.code == 0, result.err
    return {story["title"]: story["changed"] for story in result.json()["stories"]}


def test_by_default_a_story_is_sent_again_for_every_reason(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    feeds = _first_run(cli, site, clock)
    changed = _changed(cli("digest", *feeds, *NEW))
    assert sorted(changed.values()) == [["event"], ["figure"]]


def test_renotify_on_figure_sends_a_corrected_count_and_not_a_relabelled_story(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    write_config(home, '[digest]\nrenotify_on = ["figure"]\n')
    feeds = _first_run(cli, site, clock)
    changed = _changed(cli("digest", *feeds, *NEW))
    assert list(changed.values()) == [["figure"]]
    assert "132,000" in next(iter(changed))
    # The story told as another event was not sent, and is not sent later either.
    assert titles(cli("digest", *feeds, *NEW)) == []


def test_a_named_digest_chooses_its_own_reasons_beside_the_plain_one(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """A bot's named digest takes corrections only; the plain digest's readers keep every
    reason (its record and its reasons are its own)."""
    write_config(home, '[[digests]]\nname = "slackbot"\nformat = "json"\nrenotify_on = []\n')
    feeds = _first_run(cli, site, clock, "--name", "slackbot")
    assert cli("digest", *feeds, *NEW).code == 0  # the plain digest's first run: both stories
    assert titles(cli("digest", *feeds, *NEW, "--name", "slackbot")) == []
    assert titles(cli("digest", *feeds, *NEW)) == []  # it saw them as they are now


def test_an_unknown_reason_is_refused_with_the_one_meant(cli, home: Path) -> None:
    write_config(home, '[digest]\nrenotify_on = ["figures", "event"]\n')
    checked = cli("config", "check")
    assert checked.code == ExitStatus.USAGE
    assert "config key 'digest.renotify_on': 'figures' is no reason to send a story again" in (
        checked.err
    )
    assert "did you mean 'figure'?" in checked.err
    assert "figure, confirmed, event, turn, notice" in checked.err
