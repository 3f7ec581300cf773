"""Feeds through the real CLI (issue 16): a footer that stays short with many feeds and names a
broken feed once a day; article pages that failed are not fetched again on every run; `feeds add`
finds a site's feed; `feeds list/edit/rename/disable`; OPML folders. Everything against a real
HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from autonews.errors import ExitStatus
from tests.helpers.feeds import rfc822, rss

ARTICLE = (
    "<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body><article>"
    "<h1>{title}</h1>"
    + "<p>Volvo said the recall covers cars built between March and June, and owners will be "
    "contacted by letter. Dealers will check the halfshaft nut and tighten it free of charge. "
    "No accidents or injuries have been reported so far.</p>" * 4 + "</article></body></html>"
)


@dataclass
class Site:
    """A loopback web server: path -> (status, content type, body), or a callable answering
    late (a hanging page). Counts every request by path."""

    routes: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds before answering
    hits: Counter[str] = field(default_factory=Counter)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            state.hits[path] += 1
            if path in state.slow:
                release.wait(state.slow[path])
            status, kind, body = state.routes.get(path, (404, "text/plain", "not found"))
            data = body.encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up (a hanging page)
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    release.set()
    server.shutdown()
    server.server_close()


def feed_xml(title: str, links: list[tuple[str, str]]) -> str:
    return rss(
        [
            {"title": headline, "link": link, "guid": link, "date": rfc822(n + 1)}
            for n, (headline, link) in enumerate(links)
        ],
        title=title,
    )


def write_config(home: Path, text: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def feeds_toml(feeds: list[tuple[str, str]]) -> str:
    return "".join(f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n\n' for name, url in feeds)


FAST_FETCH = "[fetch]\nretries = 0\ntimeout = 1.0\ndeadline = 20.0\n"


@contextlib.contextmanager
def store_db(home: Path) -> Iterator[sqlite3.Connection]:
    """The store's SQLite file, to read it or to move its clock back (a day passing)."""
    db = sqlite3.connect(home / "data" / "autonews.sqlite3")
    try:
        with db:
            yield db
    finally:
        db.close()


def flat(text: str) -> str:
    """Text with its line wrapping undone."""
    return " ".join(text.split())


def footer_of(text: str) -> list[str]:
    return text.rsplit("\nFeeds: ", 1)[1].splitlines()


# --- 7: the footer counts feeds, and names a broken one once a day ---------------------------


@pytest.fixture
def twelve_feeds(site: Site, home: Path) -> Callable[..., object]:
    """Eleven good feeds and one that answers HTTP 500."""
    names = []
    for n in range(11):
        path = f"/feeds/{n}.xml"
        title = f"Volvo Recalls {1000 + n} Cars Over Halfshaft Nut"
        site.routes[path] = (
            200,
            "application/rss+xml",
            feed_xml(f"Wire {n}", [(title, f"http://news.example/{n}")]),
        )
        names.append((f"Wire {n}", site.url(path)))
    site.routes["/feeds/broken.xml"] = (500, "text/plain", "oops")
    names.append(("Broken Wire", site.url("/feeds/broken.xml")))
    write_config(home, feeds_toml(names) + FAST_FETCH)
    return lambda: names


def test_footer_counts_the_good_feeds_and_names_the_broken_one(
    cli, home: Path, twelve_feeds
) -> None:
    result = cli("digest", "--no-extract", "--format", "text")
    assert result.code == ExitStatus.FEEDS_FAILED, result.err
    assert "1 feed(s) failed: Broken Wire" in result.err
    footer = footer_of(result.out)
    assert footer[0] == "11 ok · 1 failed"
    assert footer[1].startswith("  FAILED Broken Wire: HTTP 500")
    assert len(footer) == 2  # not one line per feed
    assert "Wire 3" not in "\n".join(footer)


def test_json_keeps_every_feed(cli, home: Path, twelve_feeds, validate_digest) -> None:
    result = cli("digest", "--no-extract", "--format", "json")
    assert result.code == ExitStatus.FEEDS_FAILED
    document = result.json()
    validate_digest(document)
    assert len(document["feeds"]) == 12
    assert [f["name"] for f in document["feeds"] if f["status"] == "error"] == ["Broken Wire"]


def test_a_broken_feed_is_named_once_a_day_or_when_its_error_changes(
    cli, home: Path, site: Site, twelve_feeds
) -> None:
    first = cli("digest", "--no-extract", "--format", "text")
    assert "Broken Wire" in first.err

    # The next cron run: still exit 3, but nothing on stderr (cron mails nothing), and the
    # footer counts the failure without naming it again.
    again = cli("digest", "--no-extract", "--format", "text")
    assert again.code == ExitStatus.FEEDS_FAILED
    assert again.err == ""
    footer = footer_of(again.out)
    assert footer[0] == "11 ok · 1 failed"
    assert footer[1] == "  1 failing as reported earlier (`autonews feeds check` lists every feed)"
    # --new with nothing new prints nothing at all, and still exits 3.
    cli("digest", "--no-extract", "--new", "--format", "text")
    quiet = cli("digest", "--no-extract", "--new", "--format", "text")
    assert (quiet.code, quiet.out, quiet.err) == (ExitStatus.FEEDS_FAILED, "", "")

    # The error changes: named again.
    site.routes["/feeds/broken.xml"] = (404, "text/plain", "gone")
    changed = cli("digest", "--no-extract", "--format", "text")
    assert "1 feed(s) failed: Broken Wire" in changed.err
    assert "  FAILED Broken Wire: HTTP 404" in changed.out
    assert cli("digest", "--no-extract", "--format", "text").err == ""

    # A day later: named again.
    with store_db(home) as db:
        day_ago = (datetime.now(UTC) - timedelta(hours=25)).isoformat(timespec="seconds")
        db.execute("UPDATE feeds SET failure_reported_at = ?", (day_ago,))
    assert "Broken Wire" in cli("digest", "--no-extract", "--format", "text").err

    # It recovers, then breaks again: a new failure, named at once.
    site.routes["/feeds/broken.xml"] = (200, "application/rss+xml", feed_xml("Broken Wire", []))
    assert cli("digest", "--no-extract", "--format", "text").code == 0
    site.routes["/feeds/broken.xml"] = (404, "text/plain", "gone")
    assert "Broken Wire" in cli("digest", "--no-extract", "--format", "text").err


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_every_format_counts_feeds_and_names_failures_once(
    cli, home: Path, twelve_feeds, fmt: str
) -> None:
    first = cli("digest", "--no-extract", "--format", fmt)
    assert "Broken Wire" in first.out and "11 ok · 1 failed" in first.out
    assert "Wire 3" not in first.out.split("Feeds", 1)[1]
    again = cli("digest", "--no-extract", "--format", fmt)
    assert "Broken Wire" not in again.out
    assert "1 failing as reported earlier" in flat(again.out)


def test_failure_reminder_is_configurable(cli, home: Path, twelve_feeds, monkeypatch) -> None:
    cli("digest", "--no-extract", "--format", "text")
    monkeypatch.setenv("AUTONEWS_DIGEST_FAILURE_REMINDER", "0s")
    assert "Broken Wire" in cli("digest", "--no-extract", "--format", "text").err


# --- 8: article pages that failed are not fetched on every run --------------------------------


@pytest.fixture
def pages(site: Site, home: Path, tmp_path: Path) -> Site:
    """A feed linking to a good article, a page that hangs and one that answers HTTP 500; and a
    feed read from a file (a public source) linking to a loopback address."""
    site.routes["/a/good"] = (200, "text/html", ARTICLE.format(title="Volvo Recalls XC70s"))
    site.routes["/a/broken"] = (500, "text/plain", "oops")
    site.routes["/a/hang"] = (200, "text/html", ARTICLE.format(title="Never"))
    site.routes["/a/private"] = (200, "text/html", ARTICLE.format(title="Local"))
    site.slow["/a/hang"] = 30.0
    site.routes["/feed.xml"] = (
        200,
        "application/rss+xml",
        feed_xml(
            "Wire",
            [
                ("Volvo Recalls 14,768 XC70s Over Halfshaft Nut", site.url("/a/good")),
                ("BYD Opens Plant in Hungary", site.url("/a/hang")),
                ("Toyota Names New CEO", site.url("/a/broken")),
            ],
        ),
    )
    file_feed = tmp_path / "local.xml"
    file_feed.write_text(
        feed_xml("Local", [("Geely Buys Stake in Renault Unit", site.url("/a/private"))]),
        encoding="utf-8",
    )
    write_config(
        home,
        feeds_toml([("Wire", site.url("/feed.xml")), ("Local", str(file_feed))])
        + "[fetch]\nretries = 0\ntimeout = 0.5\ndeadline = 20.0\n",
    )
    return site


def test_failed_pages_are_not_fetched_again_until_their_backoff_ends(
    cli, home: Path, pages: Site, monkeypatch
) -> None:
    first = cli("digest", "--format", "text")
    assert first.code == 0, first.err
    assert pages.hits["/a/hang"] == 1 and pages.hits["/a/broken"] == 1
    assert pages.hits["/a/private"] == 0  # the guard: a public feed's link to a loopback address
    assert (
        "Article pages: 2 failed this run · 1 skipped: link to a private address "
        "(set [fetch] allow_private = true to follow)"
    ) in flat(first.out)

    started = time.monotonic()
    second = cli("--debug", "digest", "--format", "text")
    assert time.monotonic() - started < 10
    assert second.code == 0, second.err
    assert pages.hits["/a/hang"] == 1 and pages.hits["/a/broken"] == 1  # not requested again
    assert pages.hits["/a/good"] == 1  # its body comes from the store
    assert "Article pages: 2 skipped after failing recently (next try after " in flat(second.out)
    with store_db(home) as db:
        retries = [row[0] for row in db.execute("SELECT retry_after FROM page_failures")]
    first_retry = min(datetime.fromisoformat(when) for when in retries)
    local = first_retry.astimezone().strftime("%d %b %H:%M")  # the reader's zone, as story times
    assert f"(next try after {local})" in flat(second.out)
    lines = [line for line in second.err.splitlines() if "article page not read" in line]
    said = "\n".join(lines)
    assert len(lines) == 3, second.err
    assert "/a/hang: fetch failed: timed out" in said
    assert "(next try after " in said
    assert "/a/broken: fetch failed: HTTP 500" in said
    assert "/a/private: link to a private or loopback address (set [fetch] allow_private" in said
    without_debug = cli("digest", "--format", "text")
    assert "article page not read" not in without_debug.err

    # The hour has passed: tried again once, and now left alone for longer (6 h).
    with store_db(home) as db:
        db.execute("UPDATE page_failures SET retry_after = '2000-01-01T00:00:00+00:00'")
    cli("digest", "--format", "text")
    assert pages.hits["/a/hang"] == 2 and pages.hits["/a/broken"] == 2
    with store_db(home) as db:
        rows = db.execute("SELECT failures, retry_after FROM page_failures").fetchall()
    assert [failures for failures, _ in rows] == [2, 2]
    for _, retry_after in rows:
        wait = datetime.fromisoformat(retry_after) - datetime.now(UTC)
        assert timedelta(hours=5.9) < wait <= timedelta(hours=6)

    # A page that answers at last is read, and forgotten as a failure.
    pages.routes["/a/broken"] = (200, "text/html", ARTICLE.format(title="Toyota Names New CEO"))
    with store_db(home) as db:
        db.execute("UPDATE page_failures SET retry_after = '2000-01-01T00:00:00+00:00'")
    after = cli("digest", "--format", "json")
    bodies = {s["url"]: s.get("body") for s in after.json()["stories"]}
    assert bodies[pages.url("/a/broken")]
    with store_db(home) as db:
        assert db.execute("SELECT count(*) FROM page_failures").fetchone()[0] == 1

    # allow_private takes effect at once: the refusal was not remembered.
    monkeypatch.setenv("AUTONEWS_FETCH_ALLOW_PRIVATE", "true")
    cli("digest", "--format", "text")
    assert pages.hits["/a/private"] == 1


# --- 12: feeds add finds a site's feed; list, edit, rename, disable; OPML folders -------------

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
        "URL",
        "ERROR",
    ]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert "ok" in rows["汽车新闻"] and "ago" in rows["汽车新闻"]
    assert rows["汽车新闻"].split()[4] == "2"  # items kept
    assert "HTTP 500 Internal Server Error (2 in a row)" in rows["Broken"]
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
    assert cli("feeds", "edit", "B", "--url", "http://example.com/b2.xml").code == 0
    assert cli("feeds", "edit", "B").code == ExitStatus.USAGE  # nothing to change
    assert cli("feeds", "edit", "B", "--url", site.url("/a.xml")).code == ExitStatus.USAGE
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
    assert "imported 4 new feed(s) of 4" in result.out
    import tomllib

    feeds = tomllib.loads(other.read_text("utf-8"))["feeds"]
    assert feeds[0] == {
        "url": "http://example.com/cnev.xml",
        "name": "CnEV",
        "tags": ["china", "ev"],
    }
    assert feeds[1]["tags"] == ["china"] and "tags" not in feeds[2]
    assert feeds[3] == {"url": "http://example.com/solo.xml", "name": "Solo", "tags": ["ev"]}
