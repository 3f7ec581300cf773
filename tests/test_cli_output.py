"""What the CLI writes, as a first week of use meets it (issue 16): the format a file's name asks
for and its permissions, `--new` for JSON consumers, `stats` without silent cuts, grammar, and
times in the reader's zone. Through the real entry point, feeds on a loopback server."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss
from tests.helpers.invariants import valid_jsonl
from tests.helpers.terminal import run_in_terminal

HEADLINES = [
    "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
    "BYD Cuts Prices on Seven Models by Up to 34%",
]


def serve(httpserver: HTTPServer, items: list[dict[str, str]], path: str = "/feed") -> str:
    httpserver.expect_request(path).respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return httpserver.url_for(path)


@pytest.fixture
def feed(httpserver: HTTPServer) -> str:
    return serve(httpserver, [item(title, n) for n, title in enumerate(HEADLINES)])


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def digest_to(cli, feed: str, target: Path, *extra: str):
    result = cli("digest", "--feed", feed, "--no-extract", "-o", str(target), *extra)
    assert result.code == 0, result.err
    assert result.out == ""
    return target.read_text("utf-8")


# --- 4. -o picks the format from the file's name; files get the usual permissions ------------


def test_output_format_follows_the_extension(cli, home: Path, feed: str, tmp_path: Path) -> None:
    html = digest_to(cli, feed, tmp_path / "digest.html")
    assert html.startswith("<!DOCTYPE html>") and HEADLINES[0] in html
    document = json.loads(digest_to(cli, feed, tmp_path / "x.json"))
    assert {s["title"] for s in document["stories"]} == set(HEADLINES)
    *stories, status = map(json.loads, digest_to(cli, feed, tmp_path / "x.jsonl").splitlines())
    assert {story["title"] for story in stories} == set(HEADLINES)
    assert status["type"] == "status"
    assert digest_to(cli, feed, tmp_path / "notes.MD").startswith("# autonews digest")
    text = digest_to(cli, feed, tmp_path / "digest.txt")
    assert text.startswith("autonews digest · ") and "╭" not in text


def test_a_file_without_a_known_extension_gets_text_not_the_terminal_layout(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    out = digest_to(cli, feed, tmp_path / "digest")
    assert out.startswith("autonews digest · ")
    assert "╭" not in out and "\nFeeds: 1 ok" in out  # the text format's footer


def test_format_beats_the_extension(cli, home: Path, feed: str, tmp_path: Path) -> None:
    out = digest_to(cli, feed, tmp_path / "digest.html", "--format", "markdown")
    assert out.startswith("# autonews digest")
    out = digest_to(cli, feed, tmp_path / "x.json", "--format", "terminal")
    assert "╭─ Lead" in out


def test_a_named_digest_without_a_format_follows_the_extension(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[[digests]]\nname = "recalls"\nevents = ["recall"]\n\n'
        '[[digests]]\nname = "prices"\nevents = ["pricing"]\nformat = "markdown"\n',
        "utf-8",
    )
    args = ("--config", str(config), "--feed", feed, "--no-extract")
    assert cli("digest", *args, "--name", "recalls", "-o", str(tmp_path / "r.html")).code == 0
    assert (tmp_path / "r.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    # its own format, when it has one, beats the extension; --format beats both
    assert cli("digest", *args, "--name", "prices", "-o", str(tmp_path / "p.html")).code == 0
    assert (tmp_path / "p.html").read_text("utf-8").startswith("# autonews digest")
    out = cli("digest", *args, "--name", "prices", "-o", str(tmp_path / "p.json"), "-f", "json")
    assert out.code == 0 and json.loads((tmp_path / "p.json").read_text("utf-8"))["stories"]


def test_output_files_get_the_umask_permissions(
    cli, home: Path, feed: str, tmp_path: Path, umask_022: None
) -> None:
    target = tmp_path / "site" / "digest.html"
    target.parent.mkdir()
    digest_to(cli, feed, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # a web server can read it
    target.chmod(0o600)  # a file an earlier version made private is not kept so
    digest_to(cli, feed, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    os.umask(0o077)
    digest_to(cli, feed, tmp_path / "private.txt")
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600


def test_feeds_add_keeps_the_config_files_own_permissions(
    cli, home: Path, tmp_path: Path, umask_022: None
) -> None:
    config = tmp_path / "config.toml"
    add = ("feeds", "add", "--offline", "--config", str(config))  # as given: no network
    assert cli(*add, "https://example.org/a.xml").code == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o644
    config.chmod(0o600)
    assert cli(*add, "https://example.org/b.xml").code == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    # No temporary left; the edit lock's file stays (removing it would race another edit).
    assert sorted(p.name for p in tmp_path.iterdir()) == [".config.toml.lock", "config.toml"]


# --- 5. --new with nothing new: JSON consumers still get a document -------------------------


NEW = ("--no-extract", "--new")


def test_new_with_nothing_new_gives_json_an_empty_document(
    cli, home: Path, feed: str, validate_digest
) -> None:
    first = cli("digest", "--feed", feed, *NEW, "--format", "json")
    assert len(first.json()["stories"]) == 2
    again = cli("digest", "--feed", feed, *NEW, "--format", "json")
    assert again.code == 0, again.err
    document = again.json()
    validate_digest(document)
    assert document["stories"] == [] and document["groups"] == []
    assert document["lead_id"] is None
    assert [f["status"] for f in document["feeds"]] == ["ok"]  # the feeds were still read
    jsonl = cli("digest", "--feed", feed, *NEW, "--format", "jsonl")
    assert jsonl.code == 0, jsonl.err
    (status,) = map(json.loads, jsonl.out.splitlines())  # no story: the status line alone
    valid_jsonl(jsonl.out)
    assert status["type"] == "status" and status["groups"] == []
    assert [f["status"] for f in status["feeds"]] == ["ok"]
    assert status["last_new_digest"] is not None  # it says when the last --new digest ran


def test_new_with_nothing_new_writes_the_empty_json_file_but_no_human_file(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    assert cli("digest", "--feed", feed, *NEW, "-o", str(tmp_path / "first.json")).code == 0
    assert cli("digest", "--feed", feed, *NEW, "-o", str(tmp_path / "again.json")).code == 0
    assert json.loads((tmp_path / "again.json").read_text("utf-8"))["stories"] == []
    assert cli("digest", "--feed", feed, *NEW, "-o", str(tmp_path / "again.jsonl")).code == 0
    (status,) = (tmp_path / "again.jsonl").read_text("utf-8").splitlines()
    assert json.loads(status)["type"] == "status"
    for name in ("again.txt", "again.html", "again.md"):
        assert cli("digest", "--feed", feed, *NEW, "-o", str(tmp_path / name)).code == 0
        assert not (tmp_path / name).exists(), name


@pytest.mark.parametrize("fmt", ["terminal", "text", "markdown", "html"])
def test_new_with_nothing_new_prints_nothing_in_human_formats(
    cli, home: Path, feed: str, fmt: str
) -> None:
    assert cli("digest", "--feed", feed, *NEW, "--format", "json").code == 0
    again = cli("digest", "--feed", feed, *NEW, "--format", fmt)
    assert again.code == 0 and again.out == ""


# --- 9. stats: every row in JSON, no silent cut, no count drawn as "…" ------------------------

MAKERS = [
    "Volvo", "BYD", "Toyota", "Ford", "BMW", "Kia", "Hyundai", "Honda", "Nissan", "Mazda",
    "Subaru", "Tesla", "Audi", "Porsche", "Renault", "Peugeot", "Fiat", "Skoda", "Lexus", "Jeep",
    "Xpeng",
]  # fmt: skip
MODELS = "XC70 Seal Corolla Bronco X5 EV9 Ioniq Civic Leaf CX-5 Outback Model-Y Q6 Taycan Clio"


def stats_store(cli, httpserver: HTTPServer, volvo_extra: int = 0, days_apart: int = 1) -> None:
    """A store with one recall per maker, ``days_apart`` days apart (Volvo with ``volvo_extra``
    more stories)."""
    models = MODELS.split()
    items = [
        item(
            f"{maker} Recalls {1000 + 37 * n} {models[n % len(models)]} Cars",
            n,
            5 + 24 * days_apart * n,
        )
        for n, maker in enumerate(MAKERS)
    ]
    items += [
        item(f"Volvo Opens Plant Number {n} in Region {n * 7}", 100 + n, 3 + 9 * n)
        for n in range(volvo_extra)
    ]
    url = serve(httpserver, items)
    result = cli("digest", "--feed", url, "--no-extract", "--since", "all", "--format", "json")
    assert result.code == 0, result.err


def test_stats_json_has_every_row_and_the_terminal_says_how_many_more(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    stats_store(cli, httpserver)
    document = json.loads(cli("stats", "--format", "json").out)
    assert len(document["rows"]) == len(MAKERS) == document["stories"]
    drawn = cli("stats").out
    assert "(21 stories; timeline per week)" in drawn
    assert drawn.count("█") >= 15 and "… and 6 more makers, with 6 stories" in drawn
    everything = cli("stats", "--all").out
    assert "more makers" not in everything
    assert all(f"\n{row['key']} " in everything for row in document["rows"])


def test_stats_of_one_story_says_story(cli, home: Path, httpserver: HTTPServer) -> None:
    url = serve(httpserver, [item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1)])
    assert cli("digest", "--feed", url, "--no-extract", "--format", "json").code == 0
    assert "(1 story; timeline per week)" in cli("stats").out


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_stats_never_cuts_a_count_in_a_narrow_terminal(
    cli, home: Path, httpserver: HTTPServer, columns: int
) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text("[store]\nkeep_days = 1000\n", "utf-8")
    stats_store(cli, httpserver, volvo_extra=11, days_apart=20)  # 400 days: 58 weeks to draw
    out = run_in_terminal(["stats", "--since", "all", "--all"], home, columns)
    rows = [line for line in out.splitlines() if "█" in line]
    assert len(rows) == len(MAKERS)
    assert all(len(line) <= columns for line in out.splitlines())
    assert "…" not in "".join(rows)
    counts = {line.split()[0]: int(line.split()[1]) for line in rows}  # every count, whole
    assert counts["Volvo"] == 12 and counts["BYD"] == 1


# --- 10. grammar; times in the reader's zone, absolute wherever the digest is read later ------

LAUNCHES = [
    "Toyota Launches New Land Cruiser FJ",
    "Mazda Unveils CX-6e Electric SUV for Europe",
    "Kia Launches EV3 Crossover in India",
]
# A fixed moment long enough ago for every test's --since all: 15 Jan 2026, 08:30 UTC.
JAN_15 = "Thu, 15 Jan 2026 08:30:00 +0000"


def test_one_story_from_one_feed_is_singular(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    url = serve(httpserver, [item(LAUNCHES[0], 1)])
    for fmt in ("terminal", "text", "markdown", "html"):
        out = cli("digest", "--feed", url, "--no-extract", "--format", fmt).out
        assert "1 story from 1 feed" in out, fmt
        assert "stories" not in out and "feeds" not in out, fmt
        assert "1 ok" in out and "1 items" not in out, fmt  # the footer counts the feeds
    config = tmp_path / "config.toml"
    config.write_text(f'[[feeds]]\nurl = "{url}"\n', "utf-8")
    checked = cli("feeds", "check", "--config", str(config)).out  # each feed's items
    assert checked.rstrip().endswith(" 1 item"), checked


def test_mail_subject_counts_events_in_english(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    url = serve(httpserver, [item(title, n) for n, title in enumerate(LAUNCHES)])
    config = tmp_path / "config.toml"
    config.write_text('[email]\nsmtp = "smtp://127.0.0.1:1"\nfrom = "a@example.org"\n', "utf-8")
    args = ("--config", str(config), "--feed", url, "--no-extract", "--email", "b@example.org")
    result = cli("digest", *args, "--dry-run")
    assert result.code == 0, result.err
    subject = parse_mail(result.out)["Subject"]
    assert subject.startswith("autonews: 3 stories — 3 launches (")
    assert "launchs" not in subject


def parse_mail(text: str):
    import email
    import email.policy

    return email.message_from_string(text, policy=email.policy.default)


def dated_feed(httpserver: HTTPServer) -> str:
    return serve(httpserver, [item(HEADLINES[0], 1, date=JAN_15)])


def zone_config(tmp_path: Path, zone: str) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[digest]\ntimezone = "{zone}"\n\n[email]\nsmtp = "smtp://127.0.0.1:1"\n', "utf-8"
    )
    return config


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_file_formats_show_absolute_times_in_the_configured_zone(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path, fmt: str
) -> None:
    config = zone_config(tmp_path, "Asia/Kolkata")  # UTC+05:30 all year
    url = dated_feed(httpserver)
    result = cli(
        "digest", "--config", str(config), "--feed", url, "--no-extract", "--since", "all",
        "--format", fmt,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "15 Jan 14:00" in result.out  # 08:30 UTC, read in India
    assert " IST (UTC+05:30) · 1 story from 1 feed" in result.out
    assert " ago" not in result.out and "08:30" not in result.out


def test_the_terminal_keeps_relative_times_but_names_the_zone(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    config = zone_config(tmp_path, "Asia/Kolkata")
    url = serve(httpserver, [item(HEADLINES[0], 1, hours_ago=5)])
    out = cli("digest", "--config", str(config), "--feed", url, "--no-extract").out
    assert "· 5h ago ·" in out and " IST (UTC+05:30) · 1 story from 1 feed" in out


def test_the_terminal_format_in_a_file_has_no_stale_relative_times(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    config = zone_config(tmp_path, "Asia/Kolkata")
    url = dated_feed(httpserver)
    extra = ("--config", str(config), "--since", "all", "--format", "terminal")
    out = digest_to(cli, url, tmp_path / "digest.out", *extra)
    assert "╭─ Lead" in out and "15 Jan 14:00" in out and " ago" not in out


def test_mail_shows_absolute_times_in_the_configured_zone(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    config = zone_config(tmp_path, "America/New_York")  # EST in January
    url = dated_feed(httpserver)
    result = cli(
        "digest", "--config", str(config), "--feed", url, "--no-extract", "--since", "all",
        "--email", "me@example.org", "--dry-run",
    )  # fmt: skip
    assert result.code == 0, result.err
    message = parse_mail(result.out)
    for part in ("plain", "html"):
        body = message.get_body((part,)).get_content()
        assert "15 Jan 03:30" in body and " ago" not in body, part


def test_without_a_configured_zone_the_systems_is_used(
    home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    import subprocess
    import sys

    url = dated_feed(httpserver)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTONEWS_")}
    env.update(AUTONEWS_HOME=str(home), TZ="Asia/Tokyo")
    args = ["digest", "--feed", url, "--no-extract", "--since", "all", "--format", "text"]
    result = subprocess.run(
        [sys.executable, "-m", "autonews", *args], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "15 Jan 17:30" in result.stdout and " JST (UTC+09:00) · 1 story" in result.stdout


def test_an_unknown_zone_is_a_config_error_naming_the_key(cli, home: Path, tmp_path: Path) -> None:
    config = zone_config(tmp_path, "Mars/Olympus_Mons")
    result = cli("digest", "--config", str(config), "--feed", "http://127.0.0.1:1/x")
    assert result.code == 2
    assert "digest.timezone" in result.err and "Europe/Berlin" in result.err


def test_an_offline_digest_before_any_fetch_says_so_once_and_fails_nothing(cli, home: Path) -> None:
    """Feeds never fetched have not failed: an --offline run before the first fetch says, in
    one line, that a run without --offline fetches them, and exits 0."""
    for url in ("http://a.example/feed", "http://b.example/feed"):
        assert cli("feeds", "add", "--offline", url).code == 0
    result = cli("digest", "--offline", "--format", "text")
    assert result.code == 0, result.err
    assert "2 not fetched yet (a run without --offline fetches them)" in result.out
    assert "failed" not in result.out + result.err


RECALLS = [
    "Ford recalls 19,000 Transit vans over airbag fault",
    "Vauxhall recalls Vivaro Electric vans over 12V battery fault",
    "Bosch recalls 50,000 brake boosters fitted to vans",
]


@pytest.mark.parametrize(
    ("grouping", "named"),
    [("maker", "(Ford, Vauxhall, Industry)"), ("group", "(Ford, Stellantis, Industry)")],
)
def test_mail_subject_names_the_groups_its_events_are_filed_in(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path, grouping: str, named: str
) -> None:
    """Trial 41 4.5: "3 recalls (Ford, Toyota)" where a third recall was filed elsewhere: the
    subject names the groups the mail files them in, the industry's and a maker's group too."""
    url = serve(httpserver, [item(title, n) for n, title in enumerate(RECALLS)])
    config = tmp_path / "config.toml"
    config.write_text('[email]\nsmtp = "smtp://127.0.0.1:1"\nfrom = "a@example.org"\n', "utf-8")
    args = ("--config", str(config), "--feed", url, "--no-extract", "--email", "b@example.org")
    result = cli("digest", *args, "--group-by", grouping, "--dry-run")
    assert result.code == 0, result.err
    message = parse_mail(result.out)
    assert message["Subject"] == f"autonews: 3 stories — 3 recalls {named}"
    text = message.get_body(("plain",)).get_content()
    headings = [line for line in text.splitlines() if line.startswith("== ")]
    assert [h.split(" · ")[0][3:].split(" (")[0] for h in headings] == named[1:-1].split(", ")


def test_columns_sets_the_width_of_a_piped_terminal_digest(
    home: Path, feed: str, httpserver: HTTPServer
) -> None:
    """Trial 42: `COLUMNS=60 autonews digest --format terminal | …` still drew 100-column boxes.
    $COLUMNS, where set, is the width asked for, piped or on a terminal (as rich and `ls` take
    it); without it a pipe gets 100 columns, a terminal its own width."""
    import subprocess
    import sys

    from rich.cells import cell_len

    env = {k: v for k, v in os.environ.items() if not k.startswith(("AUTONEWS_", "COLUMNS"))}
    env.update(AUTONEWS_HOME=str(home), NO_COLOR="1")
    args = ["digest", "--feed", feed, "--no-extract", "--format", "terminal"]

    def widths(columns: str | None) -> list[int]:
        asked = env if columns is None else {**env, "COLUMNS": columns}
        result = subprocess.run(
            [sys.executable, "-m", "autonews", *args], env=asked, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        lines = [line for line in result.stdout.splitlines() if "http://" not in line]
        return [cell_len(line) for line in lines if line.startswith(("╭", "╰"))]

    assert set(widths("60")) == {60}
    assert set(widths(None)) == {100}
    assert set(widths("20")) == {40}  # the narrowest layout, as on a terminal of 20 columns
    assert set(widths("wide")) == {100}  # not a width: as without it
    # On a terminal, $COLUMNS stands over its width too.
    out = run_in_terminal(args[:-2], home, columns=120, COLUMNS="70")
    assert {cell_len(line) for line in out.splitlines() if line.startswith("╭")} == {70}, out
