"""Named digests and where they go, through the real CLI: several --name with one -o (a file
each, by {name}), an Atom feed id of each named digest's own; and --feed with a relative path."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pytest_httpserver import HTTPServer

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss, serve_titles

HEADLINES = [
    "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
    "BYD Cuts Prices on Seven Models by Up to 34%",
]
NAMED = (
    '[[digests]]\nname = "recalls"\nevents = ["recall"]\nformat = "json"\n\n'
    '[[digests]]\nname = "prices"\nevents = ["pricing"]\n'
)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def feed(httpserver: HTTPServer) -> str:
    return serve_titles(httpserver, HEADLINES)


def test_several_named_digests_need_a_file_each(
    cli, home: Path, feed: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(NAMED, "utf-8")
    args = ("digest", "--config", str(config), "--feed", feed, "--no-extract", "--new")
    names = ("--name", "recalls", "--name", "prices")
    shared = cli(*args, *names, "-o", str(tmp_path / "both.txt"))
    assert shared.code == ExitStatus.USAGE
    assert "-o: 2 named digests (recalls, prices) cannot share one file" in shared.err
    assert "{name}" in shared.err
    assert not (tmp_path / "both.txt").exists() and httpserver.log == []  # before any fetch
    each = cli(*args, *names, "-o", str(tmp_path / "digest-{name}.txt"))
    assert each.code == 0, each.err
    recalls = json.loads((tmp_path / "digest-recalls.txt").read_text("utf-8"))  # its format
    assert [s["title"] for s in recalls["stories"]] == [HEADLINES[0]]
    prices = (tmp_path / "digest-prices.txt").read_text("utf-8")
    assert HEADLINES[1] in prices and HEADLINES[0] not in prices
    # Each went out, so each is delivered: nothing new for either on the next run.
    (tmp_path / "digest-prices.txt").unlink()
    again = cli(*args, *names, "--offline", "-o", str(tmp_path / "digest-{name}.txt"))
    assert again.code == 0 and not (tmp_path / "digest-prices.txt").exists()
    alone = cli("digest", "--feed", feed, "--offline", "-o", str(tmp_path / "{name}.txt"))
    assert alone.code == ExitStatus.USAGE and "--name" in alone.err


def test_each_named_digest_is_an_atom_feed_of_its_own(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(NAMED.replace('format = "json"', 'format = "atom"'), "utf-8")
    args = ("digest", "--config", str(config), "--feed", feed, "--no-extract")
    assert cli(*args, "--name", "recalls", "-o", str(tmp_path / "r.atom")).code == 0
    assert cli(*args, "--offline", "-o", str(tmp_path / "all.atom")).code == 0
    named = ElementTree.parse(tmp_path / "r.atom").getroot()
    plain = ElementTree.parse(tmp_path / "all.atom").getroot()
    assert named.findtext(f"{ATOM}id") == "urn:autonews:digest:recalls"
    assert named.findtext(f"{ATOM}title") == "autonews digest: recalls"
    assert plain.findtext(f"{ATOM}id") == "urn:autonews:digest"


def test_a_relative_feed_path_is_one_feed_from_any_directory(
    cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "wire.xml").write_text(rss([item(HEADLINES[0], 1)]), "utf-8")
    monkeypatch.chdir(feeds)
    assert cli("digest", "--feed", "wire.xml", "--no-extract").code == 0
    monkeypatch.chdir(tmp_path)
    again = cli("digest", "--feed", str(feeds / "wire.xml"), "--offline", "-f", "json")
    assert [s["title"] for s in again.json()["stories"]] == [HEADLINES[0]]
    assert len(again.json()["feeds"]) == 1


def test_demo_help_names_every_format(cli) -> None:
    text = " ".join(cli("demo", "--help").out.split())
    assert "terminal, text, markdown, html, json, jsonl, atom or slack" in text


def test_a_named_digest_is_titled_by_its_name_in_html_and_mail(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    # (trial 25, wish 9) every --name gave "autonews digest": the mails and pages of several
    # named digests could not be told apart.
    import email
    import email.policy

    config = tmp_path / "config.toml"
    config.write_text(NAMED + '\n[email]\nfrom = "news@example.org"\n', "utf-8")
    args = ("digest", "--config", str(config), "--feed", feed, "--no-extract")
    html = cli(*args, "--name", "prices", "--format", "html")
    assert html.code == 0, html.err
    assert "<title>autonews digest: prices</title>" in html.out
    assert ">autonews digest: prices</h1>" in html.out
    plain = cli(*args, "--offline", "--format", "html").out
    assert "<title>autonews digest</title>" in plain and ">autonews digest</h1>" in plain
    mail = cli(*args, "--offline", "--name", "recalls", "--email", "r@example.org", "--dry-run")
    assert mail.code == 0, mail.err
    message = email.message_from_string(mail.out, policy=email.policy.default)
    assert message["Subject"].startswith("autonews recalls: 1 story — 1 recall (Volvo)")
    assert "<title>autonews digest: recalls</title>" in message.get_body(("html",)).get_content()


def test_a_named_digests_mail_subject_names_only_its_makers(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Trial 30 #4: a story naming BMW and Toyota, filed under Toyota in a digest of Ford and
    Toyota, made the subject "(Ford, Toyota, BMW)", though the mail had no BMW section."""
    import email
    import email.policy

    feed = serve_titles(
        httpserver,
        [
            "Joyson Safety Systems Recalls 35,000 Airbag Inflators Used in BMW and Toyota Vehicles",
            "Ford Recalls 14,768 Bronco Sport and Escape SUVs Over Cracked Fuel Injectors",
        ],
    )
    config = tmp_path / "config.toml"
    config.write_text(
        '[[digests]]\nname = "recalls"\nevents = ["recall"]\nmakers = ["Ford", "Toyota"]\n\n'
        '[email]\nfrom = "news@example.org"\n',
        "utf-8",
    )
    args = ("digest", "--config", str(config), "--feed", feed, "--no-extract", "--name", "recalls")
    mail = cli(*args, "--email", "r@example.org", "--dry-run")
    assert mail.code == 0, mail.err
    message = email.message_from_string(mail.out, policy=email.policy.default)
    text = message.get_body(("plain",)).get_content()
    assert "== Toyota" in text and "== BMW" not in text  # filed under the maker asked for
    assert message["Subject"] == "autonews recalls: 2 stories — 2 recalls (Ford, Toyota)"


FLEET_TITLES = [
    "Ford recalls Transit Custom vans over rear brake hose chafing",
    "Volkswagen cuts ID.4 contract hire rates by up to £80 a month",
    "Tesla Recalls 52,000 Model Y Vehicles Over Seat Belt Warning Chime",
    "Toyota Recalls 145,000 Corolla Sedans for Rearview Camera Issue",
]


def test_a_named_digest_filters_by_model(
    cli, home: Path, tmp_path: Path, httpserver: HTTPServer
) -> None:
    """Trial 41 wish 3: `models = [...]` in [[digests]] was refused ("a digest takes name, to,
    makers, events, exclude_events, tags, format"); it takes what --model takes, and narrows
    the digest's other filters."""
    feed = serve_titles(httpserver, FLEET_TITLES)
    config = tmp_path / "config.toml"
    config.write_text(
        '[[digests]]\nname = "fleet"\nformat = "json"\nmodels = ["transit custom", "VW ID.4"]\n\n'
        '[[digests]]\nname = "recalls"\nformat = "json"\nmodels = ["Model Y", "Transit Custom"]\n'
        'events = ["recall"]\nmakers = ["Tesla"]\n',
        "utf-8",
    )
    args = ("digest", "--config", str(config), "--feed", feed, "--no-extract")
    fleet = cli(*args, "--name", "fleet")
    assert fleet.code == 0, fleet.err
    assert {s["title"] for s in fleet.json()["stories"]} == set(FLEET_TITLES[:2])
    steps = {step["filter"]: step["values"] for step in fleet.json()["filters"]}
    assert steps == {"model": ["transit custom", "VW ID.4"]}
    recalls = cli(*args, "--offline", "--name", "recalls")
    assert [s["title"] for s in recalls.json()["stories"]] == [FLEET_TITLES[2]]
    assert cli("config", "check", "--config", str(config)).code == 0


def test_a_named_digests_model_typo_is_refused_naming_its_key(
    cli, home: Path, tmp_path: Path, httpserver: HTTPServer
) -> None:
    feed = serve_titles(httpserver, FLEET_TITLES)
    config = tmp_path / "config.toml"
    config.write_text('[[digests]]\nname = "fleet"\nmodels = ["Modle Y"]\n', "utf-8")
    refused = cli("digest", "--config", str(config), "--feed", feed, "--name", "fleet")
    assert refused.code == ExitStatus.USAGE, refused.err
    assert "config key 'digests[0].models': no model 'Modle Y'" in refused.err
    assert "did you mean 'Model Y'" in refused.err
    assert httpserver.log == []  # found before any fetch
    check = cli("config", "check", "--config", str(config))
    assert check.code == ExitStatus.USAGE and "digests[0].models" in check.out + check.err
