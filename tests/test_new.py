"""--new across runs: nothing shown twice, nothing lost (failed delivery; SIGKILL at any point is
tests/test_kill.py), no floods."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pytest_httpserver import HTTPServer

from autonews.errors import ExitStatus
from autonews.store import SCHEMA_VERSION
from tests.helpers.feeds import item, rss


def serve(httpserver: HTTPServer, items: list[dict[str, str]]) -> str:
    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return httpserver.url_for("/feed")


def titles(result) -> list[str]:
    return (
        sorted(story["title"] for story in json.loads(result.out)["stories"]) if result.out else []
    )


NEW = ("--no-extract", "--new", "--format", "json")


def test_new_shows_each_story_once(cli, home: Path, httpserver: HTTPServer) -> None:
    first = [
        item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1),
        item("BYD Cuts Prices on Seven Models by Up to 34%", 2),
    ]
    url = serve(httpserver, first)
    assert len(titles(cli("digest", "--feed", url, *NEW))) == 2
    again = cli("digest", "--feed", url, *NEW)
    assert again.code == 0 and again.json()["stories"] == []  # nothing new: an empty document
    url = serve(httpserver, [*first, item("Toyota Names New CEO", 3)])
    assert titles(cli("digest", "--feed", url, *NEW)) == ["Toyota Names New CEO"]


def test_failed_delivery_is_retried(cli, home: Path, httpserver: HTTPServer, tmp_path) -> None:
    url = serve(httpserver, [item("Kia Recalls 80,000 Sorento Hybrids", 1)])
    too_long = tmp_path / ("x" * 300 + ".json")  # refused by the file system, even to root
    failed = cli("digest", "--feed", url, *NEW, "--output", str(too_long))
    assert failed.code == ExitStatus.ERROR
    assert "cannot write" in failed.err
    assert titles(cli("digest", "--feed", url, *NEW)) == ["Kia Recalls 80,000 Sorento Hybrids"]


def test_new_feed_does_not_flood(cli, home: Path, httpserver: HTTPServer) -> None:
    url = serve(
        httpserver,
        [item("Fresh Ford Recall", 1, hours_ago=3), item("Old Honda Launch", 2, hours_ago=24 * 5)],
    )
    assert titles(cli("digest", "--feed", url, *NEW, "--since", "all")) == ["Fresh Ford Recall"]
    # Without --new the old item is still there to read.
    everything = cli("digest", "--feed", url, "--no-extract", "--since", "all", "--format", "json")
    assert titles(everything) == ["Fresh Ford Recall", "Old Honda Launch"]


def test_redated_feed_is_not_new_again(cli, home: Path, httpserver: HTTPServer) -> None:
    url = serve(httpserver, [item("Nissan Posts Loss", 1, hours_ago=2)])
    assert titles(cli("digest", "--feed", url, *NEW)) == ["Nissan Posts Loss"]
    redated = item("Nissan Posts Loss", 1, hours_ago=0.1)
    redated["guid"] = "brand-new-guid"
    url = serve(httpserver, [redated])
    assert titles(cli("digest", "--feed", url, *NEW)) == []


def test_growing_story_keeps_its_identity(cli, home: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(
        rss([item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1)])
    )
    first = cli("digest", "--feed", httpserver.url_for("/a"), *NEW).json()
    httpserver.expect_request("/b").respond_with_data(
        rss([item("Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles", 9)])
    )
    feeds = ("--feed", httpserver.url_for("/a"), "--feed", httpserver.url_for("/b"))
    grown = cli("digest", *feeds, "--no-extract", "--format", "json").json()
    (story,) = grown["stories"]
    assert story["id"] == first["stories"][0]["id"] and story["cluster_size"] == 2
    # Same figure, already delivered: not news under --new.
    assert titles(cli("digest", *feeds, *NEW)) == []


def test_second_run_while_locked_exits_with_code_4(cli, home: Path, httpserver) -> None:
    from autonews.store import run_lock

    url = serve(httpserver, [item("Ford Recall", 1)])
    with run_lock(home / "data"):
        result = cli("digest", "--feed", url, "--no-extract")
    assert result.code == ExitStatus.LOCKED
    assert "another autonews run" in result.err


def test_upgrade_from_schema_1_keeps_items(cli, home: Path, httpserver: HTTPServer) -> None:
    from autonews.store import MIGRATIONS

    (home / "data").mkdir(parents=True)
    db = sqlite3.connect(home / "data" / "autonews.sqlite3")
    db.executescript(MIGRATIONS[0])
    db.execute(
        "INSERT INTO items (feed_url, key, fingerprint, title, link, summary, published, dated,"
        " first_seen) VALUES ('x', 'k', 'f', 'Old Stored Story', NULL, '', "
        "'2026-11-26T00:00:00+00:00', 1, '2026-11-26T00:00:00+00:00')"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    url = serve(httpserver, [item("Mazda Launches CX-6e", 1)])
    assert cli("digest", "--feed", url, "--no-extract").code == 0
    db = sqlite3.connect(home / "data" / "autonews.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT title FROM items WHERE feed_url = 'x'").fetchone() == (
        "Old Stored Story",
    )


def test_new_is_shared_by_every_format_of_a_digest_and_a_name_keeps_its_own(
    cli, home: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Trial 30 #16, as the README's Cron section says it: a JSON job and a text job of the
    plain digest take the news from each other; a named digest keeps its own record."""
    url = serve(httpserver, [item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1)])
    config = tmp_path / "config.toml"
    config.write_text('[[digests]]\nname = "scripts"\nformat = "json"\n', "utf-8")
    args = ("digest", "--config", str(config), "--feed", url, "--no-extract", "--new")
    assert len(titles(cli(*args, "--format", "json"))) == 1
    assert cli(*args, "--format", "text").out == ""  # the JSON job delivered it already
    named = cli(*args, "--name", "scripts")
    assert titles(named) == ["Volvo Recalls 14,768 XC70s Over Halfshaft Risk"]
    # the README's Cron section in full
    cron = (Path(__file__).parents[1] / "docs" / "cron.md").read_text("utf-8")
    assert "What `--new` has delivered is kept per digest, not per format" in cron


def test_a_store_made_anew_says_so_once(cli, home: Path, httpserver: HTTPServer) -> None:
    """Trial 35: a deleted store (or an empty file in its place) was made again without a word,
    and every --new job sent the whole window to every team again. A digest that makes the
    store while the config lists feeds, or over an empty file, says so once on stderr."""
    url = serve(httpserver, [item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1)])
    store = home / "data" / "autonews.sqlite3"
    assert "new store" not in cli("digest", "--feed", url, *NEW).err  # first use, by --feed
    home.joinpath("config.toml").write_text(f'[[feeds]]\nurl = "{url}"\n', encoding="utf-8")
    assert cli("digest", *NEW).err == ""
    for path in store.parent.glob("autonews.sqlite3*"):
        path.unlink()
    deleted = cli("digest", *NEW)
    assert deleted.code == 0, deleted.err
    assert deleted.err == (
        f"autonews: a new store at {str(store)!r} (none was there): --new digests send "
        "everything of the window, as on a first run\n"
    )
    assert titles(deleted) == ["Volvo Recalls 14,768 XC70s Over Halfshaft Risk"]
    assert cli("digest", *NEW).err == ""  # once
    for path in store.parent.glob("autonews.sqlite3*"):
        path.unlink()
    store.write_bytes(b"")
    assert "(the file was empty)" in cli("digest", *NEW).err
