"""Feeds commands through the real CLI (issue 16): `feeds add` finds a site's feed and takes its
title; `feeds list/edit/rename/disable/enable`; OPML folders. Against a real HTTP server on
127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from autonews.errors import ExitStatus
from tests.helpers.site import (
    FAST_FETCH,
    Site,
    feed_xml,
    feeds_toml,
    write_config,
)

SITE_PAGE = """<!DOCTYPE html><html><head><title>Wire — car news</title>
<link rel="alternate" type="application/rss+xml" title="Wire » Comments Feed"
      href="/comments/feed/">
<link rel="alternate" type="application/rss+xml" title="Wire » Feed" href="/feed/">
</head><body><p>News.</p></body></html>"""


@pytest.fixture
def wire(site: Site) -> Site:
    site.routes["/"] = (200, "text/html; charset=utf-8", SITE_PAGE)
    site.routes["/feed/"] = (
        200,
        "application/rss+xml",
        feed_xml("AutoWire Daily", [("Volvo Recalls XC70s", "http://news.example/1")]),
    )
    site.routes["/comments/feed/"] = (200, "application/rss+xml", feed_xml("Comments", []))
    site.routes["/plain"] = (200, "text/html", "<!DOCTYPE html><html><body>hi</body></html>")
    return site


def config_feeds(home: Path) -> list[dict[str, object]]:
    import tomllib

    return tomllib.loads((home / "config.toml").read_text("utf-8")).get("feeds", [])


def test_feeds_add_finds_the_feed_a_site_page_links_and_takes_its_title(
    cli, home: Path, wire: Site
) -> None:
    result = cli("feeds", "add", wire.url("/"))
    assert result.code == 0, result.err
    assert f"found the feed linked from {wire.url('/')}: {wire.url('/feed/')}" in result.out
    assert 'as "AutoWire Daily"' in result.out
    assert config_feeds(home) == [{"url": wire.url("/feed/"), "name": "AutoWire Daily"}]
    # The feed's own URL: its title too; --name wins over it.
    assert cli("feeds", "add", wire.url("/comments/feed/"), "--name", "Talk").code == 0
    assert config_feeds(home)[1] == {"url": wire.url("/comments/feed/"), "name": "Talk"}
    assert "already listed" in cli("feeds", "add", wire.url("/")).out


def test_feeds_add_refuses_a_page_without_a_feed_and_keeps_an_unreachable_url(
    cli, home: Path, wire: Site
) -> None:
    from tests.helpers.net import free_port_url

    plain = cli("feeds", "add", wire.url("/plain"))
    assert plain.code == ExitStatus.USAGE
    assert "links no RSS, Atom or JSON feed" in plain.err and "hint:" in plain.err
    down = free_port_url()
    result = cli("feeds", "add", down, "--name", "Later")
    assert result.code == 0
    assert "could not fetch" in result.err and "added as given" in result.err
    assert config_feeds(home) == [{"url": down, "name": "Later"}]
    offline = cli("feeds", "add", "--offline", wire.url("/plain"))  # no fetch, no questions
    assert offline.code == 0 and wire.hits["/plain"] == 1
    typo = cli("feeds", "add", wire.url("/plain").replace("http://", "htp://"))
    assert typo.code == ExitStatus.USAGE and "did you mean" in typo.err  # before any fetch
    assert wire.hits["/plain"] == 1 and len(config_feeds(home)) == 2


def test_new_feeds_go_with_the_other_feeds_not_under_the_next_section(
    cli, home: Path, wire: Site
) -> None:
    write_config(
        home,
        '# my list\n[[feeds]]\nurl = "http://example.com/a.xml"\nname = "A"\n\n'
        "# --- Named digests ---\n# several digests from one fetch\n\n"
        '[[digests]]\nname = "recalls"\nevents = ["recall"]\n',
    )
    assert cli("feeds", "add", wire.url("/")).code == 0
    text = (home / "config.toml").read_text("utf-8")
    assert text.index("AutoWire Daily") < text.index("# --- Named digests ---")
    assert text.startswith("# my list\n")
    assert '\n\n[[feeds]]\nurl = "' + wire.url("/feed/") in text
    assert "# several digests from one fetch\n\n[[digests]]" in text


def test_feeds_list_is_an_aligned_table(cli, home: Path, site: Site) -> None:
    site.routes["/a.xml"] = (
        200,
        "application/rss+xml",
        feed_xml("A", [("Volvo Recalls XC70s", "http://news.example/1"), ("BYD", "http://n/2")]),
    )
    site.routes["/b.xml"] = (500, "text/plain", "oops")
    write_config(
        home,
        feeds_toml([("汽车新闻", site.url("/a.xml")), ("Broken", site.url("/b.xml"))])
        + '[[feeds]]\nurl = "http://example.com/c.xml"\nname = "Off"\nenabled = false\n\n'
        + FAST_FETCH,
    )
    cli("digest", "--no-extract", "--format", "json")
    cli("digest", "--no-extract", "--format", "json")
    d = ("http://example.com/d.xml", "--tag", "ev", "--tag", "china")
    assert cli("feeds", "add", "--offline", *d).code == 0
    lines = cli("feeds", "list").out.splitlines()
    assert lines[0].split() == [
        "NAME",
        "STATUS",
        "LAST",
        "SUCCESS",
        "ITEMS",
        "TAGS",
        "TOPIC",
        "URL",
        "ERROR",
    ]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert "ok" in rows["汽车新闻"] and "ago" in rows["汽车新闻"]
    assert rows["汽车新闻"].split()[4] == "2"  # items kept
    assert "HTTP 500 Internal Server Error (the site's server failed;" in rows["Broken"]
    assert rows["Broken"].endswith("tries again next run) (2 in a row)")
    assert "never" in rows["Broken"]
    assert "disabled" in rows["Off"]
    assert "not fetched yet" in rows["http://example.com/d.xml"]
    assert "ev, china" in rows["http://example.com/d.xml"]
    # Aligned: every column starts at the same place on every line (汽车新闻 is 8 columns wide).
    url_column = lines[0].index("URL")
    for line, url in zip(lines[1:], ["/a.xml", "/b.xml", "/c.xml", "/d.xml"], strict=True):
        start = line.rindex("http")
        wide = sum(1 for ch in line[:start] if "\u4e00" <= ch <= "\u9fff")
        assert start + wide == url_column, line
        assert line[start:].split()[0].endswith(url)


def test_feeds_edit_rename_disable_enable(cli, home: Path, site: Site) -> None:
    site.routes["/a.xml"] = (200, "application/rss+xml", feed_xml("A", []))
    write_config(
        home,
        "# keep me\n"
        + feeds_toml([("A", site.url("/a.xml")), ("B", "http://example.com/b.xml")])
        + FAST_FETCH,
    )
    renamed = cli("feeds", "rename", "A", "AutoWire")
    assert renamed.code == 0 and "name 'A' -> 'AutoWire'" in renamed.out
    edited = cli("feeds", "edit", "AutoWire", "--tag", "ev", "--tag", "china")
    assert edited.code == 0 and "tags '' -> 'ev, china'" in edited.out
    assert cli("feeds", "edit", "B", "--offline", "--url", "http://example.com/b2.xml").code == 0
    assert cli("feeds", "edit", "B").code == ExitStatus.USAGE  # nothing to change
    assert (
        cli("feeds", "edit", "B", "--offline", "--url", site.url("/a.xml")).code == ExitStatus.USAGE
    )
    typo = cli("feeds", "edit", "B", "--url", "htp://example.com/b3.xml")  # checked as add does
    assert typo.code == ExitStatus.USAGE and "did you mean 'http://example.com/b3.xml'" in typo.err
    assert cli("feeds", "rename", "nobody", "x").code == ExitStatus.USAGE
    feeds = config_feeds(home)
    assert feeds[0] == {"url": site.url("/a.xml"), "name": "AutoWire", "tags": ["ev", "china"]}
    assert feeds[1]["url"] == "http://example.com/b2.xml"
    assert (home / "config.toml").read_text("utf-8").startswith("# keep me\n")

    assert "disabled" in cli("feeds", "disable", "AutoWire").out
    assert config_feeds(home)[0]["enabled"] is False
    cli("feeds", "disable", "B")
    assert cli("digest", "--no-extract").code == ExitStatus.USAGE  # no enabled feed left
    assert site.hits["/a.xml"] == 0
    assert cli("feeds", "check").out == ""
    assert "enabled" in cli("feeds", "enable", "AutoWire").out
    assert "enabled" not in config_feeds(home)[0]
    assert cli("digest", "--no-extract", "--format", "json").code == 0
    assert site.hits["/a.xml"] == 1
    assert cli("feeds", "edit", "AutoWire", "--no-tags").code == 0
    assert "tags" not in config_feeds(home)[0]


def test_opml_export_keeps_folders_as_nested_outlines(cli, home: Path, tmp_path: Path) -> None:
    from xml.etree import ElementTree

    write_config(
        home,
        '[[feeds]]\nurl = "http://example.com/cnev.xml"\nname = "CnEV"\ntags = ["china", "ev"]\n'
        '[[feeds]]\nurl = "http://example.com/ithome.xml"\nname = "IT之家"\ntags = ["china"]\n'
        '[[feeds]]\nurl = "http://example.com/wire.xml"\nname = "Wire"\n',
    )
    exported = cli("feeds", "export").out
    body = ElementTree.fromstring(exported).find("body")
    assert body is not None
    folder, top = list(body)
    assert (folder.get("text"), folder.get("xmlUrl")) == ("china", None)
    assert [o.get("title") for o in folder] == ["CnEV", "IT之家"]
    assert folder[0].get("category") == "china,ev"
    assert top.get("xmlUrl") == "http://example.com/wire.xml"
    # Read back by autonews: the same feeds and tags; a feed in two folders gets both.
    other = tmp_path / "other" / "config.toml"
    other.parent.mkdir()
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        exported.replace(
            "</body>",
            '<outline text="ev"><outline text="CnEV" xmlUrl="http://example.com/cnev.xml"/>'
            '<outline text="Solo" xmlUrl="http://example.com/solo.xml"/></outline></body>',
        ),
        encoding="utf-8",
    )
    result = cli("feeds", "import", str(opml), "--config", str(other))
    assert "imported 4 new feeds of 5" in result.out  # CnEV twice: counted, named
    assert ", 1 duplicate of an earlier outline" in result.out
    assert "'CnEV': a duplicate of an earlier outline" in result.err
    import tomllib

    feeds = tomllib.loads(other.read_text("utf-8"))["feeds"]
    assert feeds[0] == {
        "url": "http://example.com/cnev.xml",
        "name": "CnEV",
        "tags": ["china", "ev"],
    }
    assert feeds[1]["tags"] == ["china"] and "tags" not in feeds[2]
    assert feeds[3] == {"url": "http://example.com/solo.xml", "name": "Solo", "tags": ["ev"]}


def test_feeds_add_to_an_inline_feeds_array_writes_tables_that_read_back(cli, home: Path) -> None:
    path = write_config(home, "# mine\nfeeds = []\n\n[fetch]\ntimeout = 5.0\n")
    added = cli("feeds", "add", "--offline", "http://example.com/a.xml", "--name", "A")
    assert added.code == 0, added.err
    assert config_feeds(home) == [{"url": "http://example.com/a.xml", "name": "A"}]
    assert path.read_text("utf-8").startswith("# mine\n")
    assert cli("feeds", "add", "--offline", "http://example.com/b.xml").code == 0
    assert cli("feeds", "remove", "A").code == 0  # the file still reads: nothing lost
    assert config_feeds(home) == [{"url": "http://example.com/b.xml"}]
    assert cli("config", "check").code == 0
    write_config(home, 'feeds = [{url = "http://example.com/a.xml", name = "A"}]\n')
    assert cli("feeds", "add", "--offline", "http://example.com/c.xml").code == 0
    assert [f["url"] for f in config_feeds(home)] == [
        "http://example.com/a.xml",
        "http://example.com/c.xml",
    ]


@pytest.mark.parametrize("feeds", ['[feeds]\nurl = "http://example.com/a.xml"\n', 'feeds = "x"\n'])
def test_a_malformed_feeds_key_is_one_config_error_for_every_feeds_command(
    cli, home: Path, tmp_path: Path, feeds: str
) -> None:
    path = write_config(home, feeds)
    opml = tmp_path / "one.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="A" xmlUrl="http://example.com/a.xml"/>'
        "</body></opml>"
    )
    commands = [
        ("feeds", "add", "--offline", "http://example.com/b.xml"),
        ("feeds", "remove", "A"),
        ("feeds", "edit", "A", "--name", "B"),
        ("feeds", "rename", "A", "B"),
        ("feeds", "disable", "A"),
        ("feeds", "enable", "A"),
        ("feeds", "import", str(opml)),
        ("feeds", "list"),
        ("feeds", "export"),
    ]
    for command in commands:
        result = cli(*command)
        assert result.code == ExitStatus.USAGE, command
        assert result.err.startswith("autonews: error: config key 'feeds'"), (command, result.err)
        assert "Traceback" not in result.err
    assert path.read_text("utf-8") == feeds


def test_feeds_add_writes_a_config_file_not_there_yet(
    cli, home: Path, tmp_path: Path, wire: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = tmp_path / "by-env.toml"
    monkeypatch.setenv("AUTONEWS_CONFIG", str(named))
    result = cli("feeds", "add", wire.url("/"))  # fetched first: the file is not there yet
    assert result.code == 0, result.err
    assert "AutoWire Daily" in named.read_text("utf-8")
    monkeypatch.delenv("AUTONEWS_CONFIG")
    write_config(home, "[fetch\n")  # the default file is broken: --config must not read it
    other = tmp_path / "new.toml"
    given = cli("feeds", "add", wire.url("/feed/"), "--config", str(other))
    assert given.code == 0, given.err
    assert "AutoWire Daily" in other.read_text("utf-8")


def test_feeds_add_refuses_an_address_that_does_not_exist(cli, home: Path, wire: Site) -> None:
    result = cli("feeds", "add", wire.url("/no-such-feed"))
    assert result.code == ExitStatus.USAGE
    assert "/no-such-feed does not exist: HTTP 404" in result.err
    assert "--offline" in result.err
    assert not (home / "config.toml").exists()
    assert cli("feeds", "add", "--offline", wire.url("/no-such-feed")).code == 0


def test_a_config_file_that_cannot_be_written_is_told_in_one_line(
    cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A config the system refuses to replace (made immutable, a read-only disk) is an error
    naming the file, with a hint, and the file is left as it was."""
    assert cli("feeds", "add", "--offline", "http://a.example/feed").code == 0
    config = home / "config.toml"
    before = config.read_text("utf-8")

    def refused(source: str, target: str) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("os.replace", refused)
    result = cli("feeds", "add", "--offline", "http://b.example/feed")
    assert result.code != 0
    assert "cannot write" in result.err and str(config) in result.err and "hint:" in result.err
    assert "Traceback" not in result.err
    assert config.read_text("utf-8") == before


def test_one_feed_is_listed_once_and_each_name_names_one_feed(cli, home: Path) -> None:
    """The case of a scheme and a host names the same server; a name two feeds would share
    could not say which one to disable or remove."""
    assert cli("feeds", "add", "--offline", "http://a.example/feed", "--name", "A").code == 0
    again = cli("feeds", "add", "--offline", "HTTP://A.Example:80/feed")
    assert again.code == 0 and "already listed" in again.out
    assert len(config_feeds(home)) == 1
    assert cli("feeds", "add", "--offline", "http://b.example/feed", "--name", "B").code == 0
    clash = cli("feeds", "rename", "B", "A")
    assert clash.code == ExitStatus.USAGE and "already named 'A'" in clash.err
    assert [feed["name"] for feed in config_feeds(home)] == ["A", "B"]
    (home / "config.toml").write_text(
        '[[feeds]]\nurl = "http://a.example/feed"\nname = "Same"\n\n'
        '[[feeds]]\nurl = "http://b.example/feed"\nname = "Same"\n',
        "utf-8",
    )
    both = cli("feeds", "disable", "Same")
    assert both.code == ExitStatus.USAGE and "2 feeds are named 'Same'" in both.err
    assert cli("feeds", "disable", "http://b.example/feed").code == 0


def test_a_feed_over_the_size_cap_is_not_added(cli, home: Path, httpserver) -> None:
    """A feed larger than [fetch] max_bytes fails every run, not only now: refused, saying
    which key would let it in."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("[fetch]\nmax_bytes = 1000\n", "utf-8")
    httpserver.expect_request("/huge.xml").respond_with_data(
        "<rss><channel>" + "<item><title>x</title></item>" * 200 + "</channel></rss>",
        content_type="application/rss+xml",
    )
    result = cli("feeds", "add", httpserver.url_for("/huge.xml"))
    assert result.code == ExitStatus.USAGE
    assert "max_bytes" in result.err and "not added" in result.err
    assert config_feeds(home) == []


def test_feeds_check_is_in_columns_and_a_304_says_the_items_it_still_has(
    cli, home: Path, httpserver
) -> None:
    """Trial 33 #16: names were not padded, so the item counts wandered, and a 304 line said
    nothing after the name. An item with nothing to show is counted there too (#1)."""
    from tests.helpers.feeds import rss

    httpserver.expect_request("/short").respond_with_data(
        rss([{"title": "Volvo Recalls XC70s", "link": "http://news.example/1"}, {"title": ""}]),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/etag", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304
    )
    two = [{"title": f"Kia story {n}", "link": f"http://news.example/k{n}"} for n in (1, 2)]
    httpserver.expect_request("/etag").respond_with_data(
        rss(two), content_type="application/rss+xml", headers={"ETag": '"v1"'}
    )
    feeds = [("EV", httpserver.url_for("/short")), ("汽车快讯 Daily", httpserver.url_for("/etag"))]
    write_config(home, feeds_toml(feeds) + FAST_FETCH)
    assert cli("feeds", "check").code == 0
    out = cli("feeds", "check").out
    assert out.splitlines() == [
        "ok           HTTP 200  EV              1 item; 1 item skipped (no title, link or text)",
        "not_modified HTTP 304  汽车快讯 Daily  2 items, unchanged",
    ]


def test_feeds_add_names_the_other_feeds_a_page_offers(cli, home: Path, site: Site) -> None:
    """Trial 33 #17: a page linking an Atom feed and a JSON Feed gave the first and said
    nothing of the other. Comment feeds are not offered."""
    site.routes["/"] = (
        200,
        "text/html",
        '<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml">'
        '<link rel="alternate" type="application/feed+json" title="EV Brief" href="/feed.json">'
        '<link rel="alternate" type="application/rss+xml" title="Comments Feed" href="/c/">'
        "</head><body>EAW</body></html>",
    )
    site.routes["/atom.xml"] = (200, "application/rss+xml", feed_xml("Euro Auto Wire", []))
    result = cli("feeds", "add", site.url("/"))
    assert result.code == 0, result.err
    assert result.out.splitlines()[1] == (
        f"also offered: {site.url('/feed.json')}; "
        f"add it with `autonews feeds add {site.url('/feed.json')}`"
    )
    assert "/c/" not in result.out
