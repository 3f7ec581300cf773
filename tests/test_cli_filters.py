"""What a digest says when the reader's filters leave nothing (trial 25, C4): which filter
emptied the window, in every format, rather than "No stories in this window."; the JSON counts
what each filter left. Through the real CLI, against a feed on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss
from tests.helpers.site import write_config

STORIES = [
    "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
    "Volvo Opens Its First Plant in India",
    "Ford Recalls 90,000 Broncos Over Seat Belts",
    "BYD Cuts Prices on Seven Models by Up to 34%",
]


@pytest.fixture
def feed(cli, home: Path, httpserver: HTTPServer) -> tuple[str, ...]:
    """Four car stories fetched once; ``--feed`` arguments for offline digests of them."""
    httpserver.expect_request("/wire").respond_with_data(
        rss([item(title, n, hours_ago=n + 1) for n, title in enumerate(STORIES)])
    )
    args = ("--feed", httpserver.url_for("/wire"))
    result = cli("digest", *args, "--no-extract", "--format", "json")
    assert len(result.json()["stories"]) == 4, result.err
    return args


@pytest.mark.parametrize("fmt", ["terminal", "text", "markdown", "html"])
def test_an_empty_digest_names_the_filter_that_emptied_it(cli, feed, fmt: str) -> None:
    out = cli("digest", *feed, "--offline", "--model", "SU7", "--format", fmt).out
    out = out.replace("\\", "")  # markdown escapes
    assert "4 stories in the window, none naming the model SU7." in out
    assert "No stories in this window" not in out


def test_it_names_the_filter_after_those_that_left_some(cli, feed) -> None:
    args = ("--offline", "--format", "text", "--maker", "Volvo", "--event", "pricing")
    out = cli("digest", *feed, *args).out
    assert "4 stories in the window, 2 by Volvo, none of them labelled pricing." in out


def test_an_excluded_event_reads_plainly_and_cannot_also_be_asked_for(cli, feed) -> None:
    args = ("--offline", "--format", "text", "--maker", "Ford", "--exclude-event", "recall")
    out = cli("digest", *feed, *args).out
    assert "4 stories in the window, 1 by Ford, none of them labelled other than recall." in out
    both = cli("digest", *feed, "--offline", "--event", "recall", "--exclude-event", "recall")
    assert both.code == 2 and "--event and --exclude-event both name recall" in both.err


def test_the_json_counts_what_each_filter_left(cli, feed, validate_digest) -> None:
    args = ("--offline", "--format", "json", "--maker", "Volvo", "--event", "recall")
    document = cli("digest", *feed, *args).json()
    validate_digest(document)
    assert document["before_filters"] == 4
    assert document["filters"] == [
        {"filter": "maker", "values": ["Volvo"], "left": 2},
        {"filter": "event", "values": ["recall"], "left": 1},
    ]
    unfiltered = cli("digest", *feed, "--offline", "--format", "json").json()
    assert (unfiltered["before_filters"], unfiltered["filters"]) == (4, [])


def test_an_empty_window_still_says_so(cli, feed) -> None:
    out = cli("digest", *feed, "--offline", "--since", "1m", "--model", "SU7", "--format", "text")
    assert "No stories in this window." in out.out


MUTE = '[classify]\nmute_makers = ["Ford"]\nmute_patterns = ["^BYD"]\n'


@pytest.mark.parametrize("fmt", ["terminal", "text", "markdown", "html"])
def test_the_footer_counts_the_stories_muted(cli, feed, home: Path, fmt: str) -> None:
    # (trial 25, wish 3) a muted story is never lost without a word
    (home / "config.toml").write_text(MUTE)
    out = cli("digest", *feed, "--offline", "--format", fmt).out.replace("\\", "")
    assert "2 stories muted by the [classify] mute rules" in out
    assert "Broncos" not in out and "Volvo Opens" in out
    (home / "config.toml").write_text("")
    assert "muted" not in cli("digest", *feed, "--offline", "--format", fmt).out


def test_the_json_counts_the_stories_muted(cli, feed, home: Path, validate_digest) -> None:
    (home / "config.toml").write_text(MUTE)
    document = cli("digest", *feed, "--offline", "--format", "json").json()
    validate_digest(document)
    assert document["muted"] == 2 and len(document["stories"]) == 2
    volvo = cli("digest", *feed, "--offline", "--format", "json", "--maker", "Volvo").json()
    assert volvo["muted"] == 0  # only what the filters kept is muted


def test_a_digest_the_mute_rules_emptied_says_so(cli, feed, home: Path) -> None:
    (home / "config.toml").write_text(MUTE)
    out = cli("digest", *feed, "--offline", "--format", "text", "--maker", "Ford").out
    assert "4 stories in the window, 1 by Ford, all of them muted." in out
    assert "1 story muted by the [classify] mute rules" in out


@pytest.mark.parametrize("value", ["Ford,byd", '["Ford", "BYD"]', " Ford , BYD "])
def test_makers_muted_from_the_environment_are_muted(
    cli, feed, home: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """Trial 29 a1: AUTONEWS_CLASSIFY_MUTE_MAKERS was listed by `config check` as in effect and
    ignored by the digest. A list is comma-separated, or a TOML array."""
    monkeypatch.setenv("AUTONEWS_CLASSIFY_MUTE_MAKERS", value)
    document = cli("digest", *feed, "--offline", "--format", "json").json()
    assert document["muted"] == 2
    assert sorted(s["title"] for s in document["stories"]) == sorted(STORIES[:2])
    (home / "config.toml").write_text("")
    assert "muted: 2 makers" in cli("config", "check").out


def test_a_maker_misspelt_in_the_environment_is_refused(
    cli, feed, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unknown maker is refused as it is in the file, naming the variable and the maker."""
    monkeypatch.setenv("AUTONEWS_CLASSIFY_MUTE_MAKERS", "Fordd")
    result = cli("digest", *feed, "--offline", "--format", "text")
    assert result.code == 2 and result.out == ""
    assert "$AUTONEWS_CLASSIFY_MUTE_MAKERS: " in result.err
    assert "unknown maker or group 'Fordd'" in result.err
    assert (
        "did you mean 'Ford'?" in result.err
        and "unset $AUTONEWS_CLASSIFY_MUTE_MAKERS" in result.err
    )


INDUSTRY_NEWS = "NHTSA Finalizes Heavy-Truck Automatic Emergency Braking Rule, Effective 2029"


def test_industry_is_a_maker_a_digest_may_ask_for(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Trial 30 #17: digests show an "Industry" group (car news naming no maker), which
    `--maker Industry` refused, so a recall digest of some makers missed the industry's
    regulation."""
    titles = [*STORIES, INDUSTRY_NEWS]
    httpserver.expect_request("/wire").respond_with_data(
        rss([item(title, n, hours_ago=n + 1) for n, title in enumerate(titles)])
    )
    feed = ("--feed", httpserver.url_for("/wire"))
    assert cli("digest", *feed, "--no-extract").code == 0
    industry = cli("digest", *feed, "--offline", "--maker", "industry", "--format", "json")
    assert industry.code == 0, industry.err
    assert [s["title"] for s in industry.json()["stories"]] == [INDUSTRY_NEWS]
    assert [g["key"] for g in industry.json()["groups"]] == ["Industry"]
    config = tmp_path / "config.toml"
    config.write_text(
        '[[digests]]\nname = "safety"\nevents = ["recall", "regulation"]\n'
        'makers = ["Ford", "Industry"]\n',
        "utf-8",
    )
    named = cli(
        "digest", "--config", str(config), *feed, "--offline", "--name", "safety", "-f", "json"
    )
    assert named.code == 0, named.err
    assert {s["title"] for s in named.json()["stories"]} == {STORIES[2], INDUSTRY_NEWS}
    assert cli("config", "check", "--config", str(config)).code == 0


@pytest.mark.parametrize("name", ["Recall", "recalls", "召回"])
def test_a_config_names_events_as_the_flags_do(cli, home: Path, feed, name: str) -> None:
    """Trial 35: `--event Recalls --event 召回` worked while `events = ["Recalls"]` in a named
    digest, and `mute_events` in the file or the environment, were refused. One reading."""
    write_config(home, f'[[digests]]\nname = "safety"\nevents = ["{name}"]\n')
    assert cli("config", "check").code == 0
    named = cli("digest", *feed, "--offline", "--name", "safety", "--format", "json").json()
    assert sorted(s["title"] for s in named["stories"]) == sorted(STORIES[0::2])
    write_config(home, f'[classify]\nmute_events = ["{name}"]\n')
    muted = cli("digest", *feed, "--offline", "--format", "json").json()
    assert muted["muted"] == 2 and len(muted["stories"]) == 2


def test_an_event_named_in_the_environment_is_read_as_the_flag_reads_it(
    cli, feed, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTONEWS_CLASSIFY_MUTE_EVENTS", "Recalls,价格")
    result = cli("digest", *feed, "--offline", "--format", "json")
    assert result.code == 0, result.err
    assert [s["title"] for s in result.json()["stories"]] == [STORIES[1]]
    monkeypatch.setenv("AUTONEWS_CLASSIFY_MUTE_EVENTS", "Recal")
    wrong = cli("digest", *feed, "--offline")
    assert wrong.code == 2 and "$AUTONEWS_CLASSIFY_MUTE_EVENTS" in wrong.err
    assert "did you mean 'recall'?" in wrong.err


def test_a_muted_story_not_about_cars_is_still_counted_as_such(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 38 re-check: with a mute pattern matching stories not about cars, the footer's
    count of them fell from 271 to 265 and no "muted" line said where six went (the mute rules
    counted only stories the digest shows)."""
    titles = [
        "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
        "Fed holds rates steady in December",
    ]
    httpserver.expect_request("/mixed").respond_with_data(
        rss([item(title, n, hours_ago=n + 1) for n, title in enumerate(titles)])
    )
    args = ("--feed", httpserver.url_for("/mixed"))
    assert cli("digest", *args, "--no-extract", "--format", "json").json()["not_about_cars"] == 1
    write_config(home, '[classify]\nmute_patterns = ["^Fed "]\n')
    document = cli("digest", *args, "--offline", "--format", "json").json()
    assert (document["not_about_cars"], document["muted"]) == (1, 0)
    assert "1 story not about cars" in cli("digest", *args, "--offline", "--format", "text").out
    everything = cli("digest", *args, "--offline", "--all-topics", "--format", "json").json()
    assert everything["muted"] == 1 and len(everything["stories"]) == 1
