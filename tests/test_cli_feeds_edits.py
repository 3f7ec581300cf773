"""Editing the feed list as a new user did in trial 25: edits at once, a feed that moved, names
and addresses as people write them. Through the real CLI, against HTTP servers on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from autonews.errors import ExitStatus
from tests.helpers.site import FAST_FETCH, Site, feed_xml, feeds_toml, write_config


def config_feeds(home: Path) -> list[dict[str, object]]:
    return tomllib.loads((home / "config.toml").read_text("utf-8")).get("feeds", [])


def test_feeds_added_at_once_are_all_kept(home: Path) -> None:
    """`for i in ...; do autonews feeds add URL & done`: every command says "added", and every
    feed is in the file (each edit waits for the one before it)."""
    write_config(home, "# my comment\n")
    urls = [f"http://127.0.0.1:9/race/{n}.xml" for n in range(10)]
    env = {**os.environ, "AUTONEWS_HOME": str(home)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "autonews", "feeds", "add", "--offline", url],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for url in urls
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert out.startswith("added: "), out
    assert sorted(str(feed["url"]) for feed in config_feeds(home)) == sorted(urls)
    assert (home / "config.toml").read_text("utf-8").startswith("# my comment\n")


def test_a_feed_given_a_new_url_keeps_its_stories_and_delivered_marks(
    cli, home: Path, site: Site
) -> None:
    """The feed moved (http -> https, a new path): its items go with it, so the stories keep
    their ids, and `--new` does not send again what it sent."""
    feed = feed_xml(
        "Fleet Wire",
        [
            ("Toyota Recalls 145,000 Tundra Pickups Over Rear Axle Nut", "http://n.example/1"),
            ("Nissan and Honda Begin Merger Talks", "http://n.example/2"),
        ],
    )
    site.routes["/old.xml"] = (200, "application/rss+xml", feed)
    site.routes["/new.xml"] = (200, "application/rss+xml", feed)
    write_config(home, feeds_toml([("FW", site.url("/old.xml"))]) + FAST_FETCH)
    sent = cli("digest", "--new", "--no-extract", "--format", "json")
    assert sent.code == 0, sent.err
    ids = sorted(story["id"] for story in sent.json()["stories"])
    assert len(ids) == 2

    edited = cli("feeds", "edit", "FW", "--url", site.url("/new.xml"))
    assert edited.code == 0, edited.err
    assert "2 stored items now belong to" in edited.out
    offline = cli("digest", "--offline", "--format", "json")
    assert sorted(story["id"] for story in offline.json()["stories"]) == ids
    again = cli("digest", "--new", "--no-extract", "--format", "json")
    assert again.code == 0, again.err
    assert again.json()["stories"] == []  # fetched from the new URL: nothing new
    assert site.hits["/new.xml"] >= 1


def test_feeds_edit_url_is_checked_as_feeds_add_checks_it(cli, home: Path, site: Site) -> None:
    """A new URL the site answers 404 for is refused (the file unchanged) unless --offline; one
    that cannot be fetched now is set as given, with a warning."""
    site.routes["/a.xml"] = (200, "application/rss+xml", feed_xml("A", []))
    write_config(home, feeds_toml([("A", site.url("/a.xml"))]) + FAST_FETCH)
    before = (home / "config.toml").read_text("utf-8")
    gone = cli("feeds", "edit", "A", "--url", site.url("/nothere.xml"))
    assert gone.code == ExitStatus.USAGE
    assert "/nothere.xml does not exist: HTTP 404" in gone.err and "--offline" in gone.err
    assert (home / "config.toml").read_text("utf-8") == before
    offline = cli("feeds", "edit", "A", "--offline", "--url", site.url("/nothere.xml"))
    assert offline.code == 0 and config_feeds(home)[0]["url"] == site.url("/nothere.xml")
    from tests.helpers.net import free_port_url

    down = cli("feeds", "edit", "A", "--url", free_port_url())
    assert down.code == 0 and "could not fetch" in down.err and "set as given" in down.err


def test_feeds_add_refuses_a_redirect_loop(cli, home: Path, httpserver) -> None:
    httpserver.expect_request("/loop").respond_with_data("", 301, {"Location": "/loop2"})
    httpserver.expect_request("/loop2").respond_with_data("", 301, {"Location": "/loop"})
    result = cli("feeds", "add", httpserver.url_for("/loop"))
    assert result.code == ExitStatus.USAGE
    assert "redirect loop" in result.err and "--offline" in result.err
    assert not (home / "config.toml").exists()


def test_renaming_a_feed_to_nothing_is_a_usage_error(cli, home: Path) -> None:
    write_config(home, feeds_toml([("Auto Insider", "http://example.com/a.xml")]))
    for empty in ("", "  "):
        result = cli("feeds", "rename", "Auto Insider", empty)
        assert result.code == ExitStatus.USAGE
        assert "empty" in result.err and "--name ''" in result.err
    assert config_feeds(home)[0]["name"] == "Auto Insider"


def test_addresses_without_a_scheme_are_found_or_get_a_did_you_mean(
    cli, home: Path, site: Site
) -> None:
    """`feeds add cnevpost.com/feed` stores https://cnevpost.com/feed; `feeds remove` takes the
    address as it was written. A local host with a port is no file: did you mean http://...?"""
    assert cli("feeds", "add", "--offline", "cnevpost.com/feed").code == 0
    assert config_feeds(home) == [{"url": "https://cnevpost.com/feed"}]
    removed = cli("feeds", "remove", "cnevpost.com/feed")
    assert removed.code == 0, removed.err
    assert config_feeds(home) == []

    site.routes["/x"] = (200, "application/rss+xml", feed_xml("X", []))
    bare = site.url("/x").removeprefix("http://")  # 127.0.0.1:PORT/x
    for written in (bare, bare.replace("127.0.0.1", "localhost")):
        added = cli("feeds", "add", written)
        assert added.code == ExitStatus.USAGE
        assert f"did you mean 'http://{written}'?" in added.err
    digest = cli("digest", "--feed", bare, "--no-extract")
    assert digest.code == ExitStatus.USAGE  # found before any network work
    assert f"did you mean 'http://{bare}'?" in digest.err
    assert site.hits["/x"] == 0
    assert cli("feeds", "add", "--offline", f"http://{bare}").code == 0
    assert cli("feeds", "remove", bare).code == 0
    assert config_feeds(home) == []


def test_a_tag_only_disabled_feeds_have_is_named_as_such(cli, home: Path) -> None:
    write_config(
        home,
        feeds_toml([("On", "http://example.com/on.xml")])
        + '[[feeds]]\nurl = "http://example.com/down.xml"\nname = "Down Feed"\n'
        'tags = ["test"]\nenabled = false\n',
    )
    result = cli("digest", "--offline", "--tag", "TEST")
    assert result.code == ExitStatus.USAGE
    assert "only disabled feeds have the tag 'TEST': Down Feed" in result.err
    assert "autonews feeds enable 'Down Feed'" in result.err


def test_opml_names_duplicates_and_exports_file_feeds_as_file_urls(
    cli, home: Path, tmp_path: Path
) -> None:
    from xml.etree import ElementTree

    local = tmp_path / "my feeds" / "gbk_liar.xml"
    local.parent.mkdir()
    local.write_text(feed_xml("Local", []), "utf-8")
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        '<outline text="A" xmlUrl="http://a.example/feed"/>'
        '<outline text="Bad" xmlUrl="javascript:alert(1)"/>'
        '<outline text="cars"><outline text="A again" xmlUrl="HTTP://A.example/feed"/></outline>'
        "</body></opml>",
        "utf-8",
    )
    result = cli("feeds", "import", str(opml))
    assert result.code == 0, result.err
    assert "imported 1 new feed of 3" in result.out
    assert "1 skipped, 1 duplicate of an earlier outline" in result.out
    assert "'A again': a duplicate of an earlier outline" in result.err
    assert config_feeds(home) == [{"url": "http://a.example/feed", "name": "A", "tags": ["cars"]}]

    assert cli("feeds", "add", "--offline", str(local)).code == 0
    exported = cli("feeds", "export").out
    urls = [o.get("xmlUrl") for o in ElementTree.fromstring(exported).iter("outline")]
    assert local.as_uri() in urls and str(local) not in urls
    assert local.as_uri().startswith("file:///") and "%20" in local.as_uri()
    # Read back, by autonews too: the file URL names the same file.
    other = tmp_path / "other.toml"
    (tmp_path / "back.opml").write_text(exported, "utf-8")
    back = cli("feeds", "import", str(tmp_path / "back.opml"), "--config", str(other))
    assert back.code == 0 and "imported 2 new feeds of 2" in back.out, back.err
    assert local.as_uri() in [
        feed["url"] for feed in tomllib.loads(other.read_text("utf-8"))["feeds"]
    ]
    read = cli("digest", "--feed", local.as_uri(), "--no-extract", "--format", "json")
    assert read.code == 0, read.err
    assert [feed["status"] for feed in read.json()["feeds"]] == ["ok"]


def test_small_messages_say_what_is_there(cli, home: Path, tmp_path: Path) -> None:
    """A directory is said to be one; `feeds check` with nothing to check says so; a store that
    is not a database is said to be damaged, not a matter of permissions."""
    folder = tmp_path / "feeds"
    folder.mkdir()
    directory = cli("feeds", "add", str(folder))
    assert directory.code == ExitStatus.USAGE
    assert "is a directory, not a feed file" in directory.err
    none = cli("feeds", "check")
    assert none.code == 0 and "No feeds configured" in none.err
    write_config(home, feeds_toml([("Off", "http://example.com/a.xml")]))
    assert cli("feeds", "disable", "Off").code == 0
    disabled = cli("feeds", "check")
    assert disabled.code == 0 and "No enabled feeds to check (1 disabled" in disabled.err
    store = home / "data" / "autonews.sqlite3"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(bytes(range(256)) * 64)
    damaged = cli("feeds", "list")
    assert damaged.code == ExitStatus.ERROR
    assert "is damaged" in damaged.err and "move it away" in damaged.err
    assert "permissions" not in damaged.err


def test_feed_names_are_matched_in_any_case_with_a_did_you_mean(cli, home: Path) -> None:
    write_config(
        home,
        feeds_toml(
            [("Auto Insider", "http://a.example/feed"), ("Down Feed", "http://d.example/f")]
        ),
    )
    assert cli("feeds", "disable", "down feed").code == 0
    assert config_feeds(home)[1]["enabled"] is False
    assert cli("feeds", "enable", "DOWN FEED").code == 0
    renamed = cli("feeds", "rename", "auto insider", "Insider")
    assert renamed.code == 0 and "name 'Auto Insider' -> 'Insider'" in renamed.out
    assert cli("feeds", "edit", "insider", "--tag", "ev").code == 0
    near = cli("feeds", "remove", "Insidr")
    assert near.code == ExitStatus.USAGE and "did you mean 'Insider'?" in near.err
    clash = cli("feeds", "rename", "Down Feed", "INSIDER")  # would differ only by case
    assert clash.code == ExitStatus.USAGE and "already named 'INSIDER'" in clash.err
    write_config(
        home, feeds_toml([("Wire", "http://a.example/feed"), ("wire", "http://b.example/feed")])
    )
    both = cli("feeds", "remove", "WIRE")
    assert both.code == ExitStatus.USAGE and "2 feeds are named 'Wire' and 'wire'" in both.err
    assert cli("feeds", "remove", "http://b.example/feed").code == 0
    assert cli("feeds", "remove", "WIRE").code == 0
    assert config_feeds(home) == []


def test_a_config_edit_held_too_long_is_busy_not_a_usage_error(tmp_path: Path) -> None:
    import pytest

    from autonews.errors import ConfigLockedError
    from autonews.lock import config_edit_lock

    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    # Another command's edit, still going; this one waits 0.1 s for it.
    with (
        config_edit_lock(config),
        pytest.raises(ConfigLockedError) as busy,
        config_edit_lock(config, wait=0.1),
    ):
        pass
    assert busy.value.exit_status == ExitStatus.LOCKED  # 4, as a store another run holds


def test_a_list_of_disabled_feeds_says_so(cli, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        '[[feeds]]\nurl = "https://example.com/feed"\nname = "Wire"\nenabled = false\n',
        encoding="utf-8",
    )
    result = cli("digest", "--offline")
    assert result.code == 2
    assert "the 1 feed of the list is disabled" in result.err
    assert "autonews feeds enable 'Wire'" in result.err


def test_an_address_redirecting_to_a_listed_feed_is_refused(cli, home: Path, httpserver) -> None:
    """Two addresses of one feed would bring each article twice."""
    from tests.helpers.feeds import item, rss

    httpserver.expect_request("/feed.xml").respond_with_data(
        rss([item("Volvo Recalls 14,768 XC70s", 1)]), content_type="application/rss+xml"
    )
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/feed.xml")}
    )
    assert cli("feeds", "add", httpserver.url_for("/feed.xml"), "--name", "Wire").code == 0
    twin = cli("feeds", "add", httpserver.url_for("/old"))
    assert twin.code == ExitStatus.USAGE
    assert "which the list has as 'Wire'" in twin.err
    assert "/old" not in (home / "config.toml").read_text(encoding="utf-8")


def test_removing_the_starter_feeds_keeps_every_comment_and_the_layout(cli, home: Path) -> None:
    """Trial 28: removing the last starter feed took the `# --- Digest ---` banner with it, and
    the next `feeds add` glued `[[feeds]]` to `[digest]`."""
    assert cli("config", "init").code == 0
    path = home / "config.toml"
    starter = path.read_text("utf-8")
    comments = [line for line in starter.splitlines() if line.startswith("#")]
    names = [str(feed["name"]) for feed in config_feeds(home)]
    for name in names[1:] + names[:1]:  # the last one removed while others are left, then all
        assert cli("feeds", "remove", name).code == 0
        text = path.read_text("utf-8")
        # A comment inside a feed's table (IT之家's `topic = "mixed"`, why) goes with the feed.
        comments = [line for line in comments if line not in _comments_inside(starter, name)]
        assert [line for line in text.splitlines() if line.startswith("#")] == comments
        assert "\n\n\n" not in text and "feeds = []" not in text
    assert config_feeds(home) == []
    assert cli("config", "check").code == 0

    assert cli("feeds", "add", "--offline", "http://127.0.0.1:8928/en-rss.xml").code == 0
    text = path.read_text("utf-8")
    assert [line for line in text.splitlines() if line.startswith("#")] == comments
    feeds_banner = text.index("# --- Feeds ---")
    digest_banner = text.index("# --- Digest ---")
    assert feeds_banner < text.index("[[feeds]]") < digest_banner  # under its own banner
    assert '[[feeds]]\nurl = "http://127.0.0.1:8928/en-rss.xml"\n\n# --- Digest ---' in text
    assert "\n\n\n" not in text


def _comments_inside(config: str, name: str) -> list[str]:
    """The comment lines within the `[[feeds]]` table named ``name`` (after its header)."""
    for table in config.split("[[feeds]]")[1:]:
        body = table.split("\n\n")[0]
        if f'name = "{name}"' in body:
            return [line for line in body.splitlines() if line.startswith("#")]
    return []


def test_removing_a_feed_keeps_the_comments_above_the_next_one(cli, home: Path) -> None:
    write_config(
        home,
        '[[feeds]]\nurl = "http://example.com/a.xml"\nname = "A"\n\n'
        '# B is paywalled\n[[feeds]]\nurl = "http://example.com/b.xml"\nname = "B"\n\n'
        '# C: the trade press\n[[feeds]]\nurl = "http://example.com/c.xml"\nname = "C"\n\n'
        '# --- Digest ---\n[digest]\nsince = "48h"\n',
    )
    assert cli("feeds", "remove", "A").code == 0
    assert cli("feeds", "remove", "C").code == 0
    assert (home / "config.toml").read_text("utf-8") == (
        '# B is paywalled\n[[feeds]]\nurl = "http://example.com/b.xml"\nname = "B"\n\n'
        '# C: the trade press\n\n# --- Digest ---\n[digest]\nsince = "48h"\n'
    )


def test_opml_import_names_and_counts_every_outline(cli, home: Path, tmp_path: Path) -> None:
    """Trial 28: an outline whose feed was listed already went unnamed and uncounted, its
    folders were not made tags as promised; link outlines and an empty xmlUrl vanished; an
    xmlUrl with spaces around it was refused."""
    write_config(
        home,
        '[[feeds]]\nurl = "http://example.com/en.xml"\nname = "Existing"\n\n'
        '# --- Digest ---\n[digest]\nsince = "48h"\n',
    )
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        '<outline text="A"><outline text="One" xmlUrl="http://example.com/en.xml"/></outline>'
        '<outline text="B"><outline text="One again" xmlUrl="http://example.com/en.xml"/>'
        '<outline text="Spaces" xmlUrl="  http://example.com/json.json  "/></outline>'
        '<outline type="link" text="A web link" url="http://example.com/page.html"/>'
        '<outline type="rss" text="Empty url" xmlUrl=""/>'
        "</body></opml>",
        "utf-8",
    )
    result = cli("feeds", "import", str(opml))
    assert result.code == 0, result.err
    assert result.out == (
        f"imported 1 new feed of 5 in {opml}, 2 skipped, 1 already in the list, "
        "1 duplicate of an earlier outline\n"
    )
    assert "'One' (http://example.com/en.xml) is already in the list as 'Existing'" in result.err
    assert "tags added: A, B" in result.err
    assert "skipped 'A web link': a link to a page (http://example.com/page.html)" in result.err
    assert "skipped 'Empty url': its feed address (xmlUrl) is empty" in result.err
    assert config_feeds(home) == [
        {"url": "http://example.com/en.xml", "name": "Existing", "tags": ["A", "B"]},
        {"url": "http://example.com/json.json", "name": "Spaces", "tags": ["B"]},
    ]
    text = (home / "config.toml").read_text("utf-8")
    assert 'tags = ["A", "B"]\n\n[[feeds]]' in text
    assert "\n\n# --- Digest ---\n[digest]" in text


def test_several_feeds_are_removed_in_one_command(cli, home: Path) -> None:
    """Trial 40: removing the 7 starter feeds took 7 commands. `feeds remove` takes several
    names or URLs; when one of them is not in the list, it removes none and says which."""
    starters = [(f"Starter {n}", f"http://s{n}.example/feed") for n in range(4)]
    comment = "# my own feeds below\n"
    write_config(home, feeds_toml([*starters, ("Mine", "http://mine.example/feed")]) + comment)
    missing = cli("feeds", "remove", "starter 0", "Startr 1")
    assert missing.code == ExitStatus.USAGE and "'Startr 1'" in missing.err, missing.err
    assert len(config_feeds(home)) == 5  # nothing removed
    removed = cli("feeds", "remove", "starter 0", "s1.example/feed", "Starter 2", "STARTER 0")
    assert removed.code == 0, removed.err
    assert removed.out.splitlines() == [f"removed: Starter {n}" for n in range(3)], removed.out
    assert [feed["name"] for feed in config_feeds(home)] == ["Starter 3", "Mine"]
    assert cli("feeds", "remove", "Mine", "Starter 3").code == 0
    assert config_feeds(home) == []
    assert comment in (home / "config.toml").read_text("utf-8")
