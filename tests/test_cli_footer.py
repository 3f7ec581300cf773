"""The digest's footer through the real CLI (issue 16): it stays short with many feeds and names
a broken feed once a day or when its error changes; article pages that failed are not fetched
again until their backoff ends, and the footer says what was skipped. Against a real HTTP
server on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autonews.errors import ExitStatus
from tests.helpers.net import free_port_url
from tests.helpers.site import (
    ARTICLE,
    FAST_FETCH,
    Site,
    feed_xml,
    feeds_toml,
    flat,
    footer_of,
    store_db,
    write_config,
)


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
    # Why, too (trial 30 #18: stderr, which cron mails, said only the feed's name).
    assert "autonews: 1 feed failed: Broken Wire (HTTP 500 Internal Server Error)\n" in result.err
    footer = footer_of(result.out)
    assert footer[0] == "11 ok · 1 failed"
    assert footer[1].startswith("  FAILED Broken Wire: HTTP 500")
    assert len(footer) == 2  # not one line per feed
    assert "Wire 3" not in "\n".join(footer)


def test_a_feed_refusing_connections_is_named_with_what_it_means(
    cli, home: Path, site: Site
) -> None:
    """Trial 41 4.3: "1 feed failed: Automotive Fleet (connection failed: All connection attempts
    failed)" left the reader to guess whose fault it was and what to do; the 12 MB and 301 cases
    said it. The footer tells it with the failure; stderr, whose line stays short, on a hint
    line of its own."""
    from autonews.fetch_errors import HINTS

    site.routes["/good.xml"] = (
        200,
        "application/rss+xml",
        feed_xml("Fleet News", [("Ford recalls Transit Custom vans", "http://news.example/1")]),
    )
    feeds = [("Fleet News", site.url("/good.xml")), ("Automotive Fleet", free_port_url())]
    write_config(home, feeds_toml(feeds) + FAST_FETCH)
    result = cli("digest", "--no-extract", "--format", "text")
    assert result.code == ExitStatus.FEEDS_FAILED, result.err
    assert "autonews: 1 feed failed: Automotive Fleet (connection refused)\n" in result.err
    assert f"hint: Automotive Fleet: {HINTS['refused']}\n" in result.err
    footer = " ".join(" ".join(footer_of(result.out)).split())
    assert f"FAILED Automotive Fleet: connection refused ({HINTS['refused']})" in footer
    assert "tries again next run" in HINTS["refused"] and "check the feed's URL" in footer


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
    assert "1 feed failed: Broken Wire" in changed.err
    assert "  FAILED Broken Wire: HTTP 404" in changed.out
    assert cli("digest", "--no-extract", "--format", "text").err == ""

    # A day later: named again.
    with store_db(home) as db:
        day_ago = (datetime.now(UTC) - timedelta(hours=25)).isoformat(timespec="seconds")
        db.execute("UPDATE feed_notices SET told_at = ?", (day_ago,))
    assert "Broken Wire" in cli("digest", "--no-extract", "--format", "text").err

    # It recovers, then breaks again with another error: a new failure, named at once.
    site.routes["/feeds/broken.xml"] = (200, "application/rss+xml", feed_xml("Broken Wire", []))
    assert cli("digest", "--no-extract", "--format", "text").code == 0
    site.routes["/feeds/broken.xml"] = (503, "text/plain", "down")
    assert "Broken Wire" in cli("digest", "--no-extract", "--format", "text").err


def test_a_feed_that_flaps_is_named_once_a_day_not_at_each_failure(
    cli, home: Path, site: Site, twelve_feeds
) -> None:
    """Trial 35: a feed failing every other run was named on every failure ("autonews: 1 feed
    failed: Flip Flop Motors (an HTML page, not a feed)"), and cron mailed each. The same
    failure back within [digest] failure_reminder is the one told: counted, not named."""
    working = (200, "application/rss+xml", feed_xml("Broken Wire", []))
    broken = site.routes["/feeds/broken.xml"]
    assert "1 feed failed: Broken Wire" in cli("digest", "--no-extract", "--format", "text").err
    for _ in range(3):
        site.routes["/feeds/broken.xml"] = working
        assert cli("digest", "--no-extract", "--format", "text").code == 0
        site.routes["/feeds/broken.xml"] = broken
        again = cli("digest", "--no-extract", "--format", "text")
        assert (again.code, again.err) == (ExitStatus.FEEDS_FAILED, "")
        assert "1 failing as reported earlier" in again.out
    # A day after it was named: named again, once.
    with store_db(home) as db:
        day_ago = (datetime.now(UTC) - timedelta(hours=25)).isoformat(timespec="seconds")
        db.execute("UPDATE feed_notices SET told_at = ?", (day_ago,))
    site.routes["/feeds/broken.xml"] = working
    assert cli("digest", "--no-extract", "--format", "text").code == 0
    site.routes["/feeds/broken.xml"] = broken
    assert "1 feed failed: Broken Wire" in cli("digest", "--no-extract", "--format", "text").err


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


@pytest.mark.parametrize("fmt", ["terminal", "text"])
def test_a_footer_line_wrapped_in_a_narrow_terminal_keeps_its_indent(
    cli, home: Path, twelve_feeds, fmt: str
) -> None:
    """Trial 28: at 44 columns the footer's "failing as reported earlier" line went on at
    column 0: `feeds check` lists every feed)."""
    from tests.helpers.terminal import run_in_terminal

    # A digest in the terminal names the broken feed; the next one there counts it.
    run_in_terminal(["digest", "--no-extract"], home, 44, ExitStatus.FEEDS_FAILED)
    out = run_in_terminal(["digest", "--offline", "--format", fmt], home, 44)
    footer = out[out.rindex("Feeds") :].splitlines()
    assert "1 failing as reported earlier (`autonews feeds check` lists every feed)" in flat(
        " ".join(footer)
    )
    assert all(len(line) <= 44 for line in footer), footer
    assert all(line.startswith("  ") for line in footer[1:] if line), footer


def test_failure_reminder_is_configurable(cli, home: Path, twelve_feeds, monkeypatch) -> None:
    cli("digest", "--no-extract", "--format", "text")
    monkeypatch.setenv("AUTONEWS_DIGEST_FAILURE_REMINDER", "0s")
    assert "Broken Wire" in cli("digest", "--no-extract", "--format", "text").err


@pytest.mark.parametrize("machine", ["json", "jsonl", "atom"])
def test_a_run_for_programs_does_not_use_up_the_reminder_of_a_digest_people_read(
    cli, home: Path, twelve_feeds, machine: str
) -> None:
    """Trial 26, item 6: a JSON job "named" a failing feed, and the mailed digest after it only
    counted it for a day. A document for programs (the JSON has every feed's status) names a
    failure on stderr on a reminder of its own; the digests people read keep theirs."""
    for_scripts = ("digest", "--no-extract", "--format", machine)
    first = cli(*for_scripts)
    assert first.code == ExitStatus.FEEDS_FAILED
    assert "1 feed failed: Broken Wire" in first.err  # cron mails the job's stderr
    read = cli("digest", "--no-extract", "--format", "text")
    assert "1 feed failed: Broken Wire" in read.err
    assert footer_of(read.out)[1].startswith("  FAILED Broken Wire: HTTP 500")
    # Then each kind of run counts it until its own reminder is due.
    assert cli(*for_scripts).err == ""
    assert cli("digest", "--no-extract", "--format", "markdown").err == ""
    if machine == "json":
        document = cli(*for_scripts).json()
        assert [f["name"] for f in document["feeds"] if f["status"] == "error"] == ["Broken Wire"]


def test_a_run_with_a_digest_people_read_names_the_failure_even_beside_a_json_file(
    cli, home: Path, twelve_feeds, tmp_path: Path
) -> None:
    """Two named digests from one fetch, one a JSON file and one printed as text: the text is
    read, so the failure is named there (and then counted by the next such run)."""
    config = home / "config.toml"
    config.write_text(
        config.read_text("utf-8")
        + '[[digests]]\nname = "scripts"\nformat = "json"\n\n[[digests]]\nname = "me"\n',
        "utf-8",
    )
    both = ("digest", "--no-extract", "--name", "scripts", "--name", "me")
    out = str(tmp_path / "{name}.out")
    first = cli(*both, "-o", out)
    assert "1 feed failed: Broken Wire" in first.err
    assert "FAILED Broken Wire" in (tmp_path / "me.out").read_text("utf-8")
    assert cli(*both, "-o", out).err == ""
    assert "FAILED Broken Wire" not in (tmp_path / "me.out").read_text("utf-8")


def test_an_offline_digest_does_not_fail_on_failures_of_earlier_runs(
    cli, home: Path, twelve_feeds
) -> None:
    """Trial 26, item 18: `digest --offline` fetched nothing, yet exited 3 (with nothing on
    stderr) for the failures stored from earlier runs. It shows them in its footer, as the
    store has them, exits 0, and uses up no reminder."""
    cli("digest", "--no-extract", "--format", "json")  # a script's run: the failure is stored
    offline = cli("digest", "--offline", "--format", "text")
    assert (offline.code, offline.err) == (0, "")
    footer = footer_of(offline.out)
    assert footer[0] == "11 ok · 1 failed"
    assert footer[1].startswith("  FAILED Broken Wire: HTTP 500")
    assert cli("digest", "--offline", "--format", "text").code == 0
    fetched = cli("digest", "--no-extract", "--format", "text")
    assert fetched.code == ExitStatus.FEEDS_FAILED
    assert "1 feed failed: Broken Wire" in fetched.err


def test_when_every_feed_fails_stderr_says_so(cli, home: Path, site: Site) -> None:
    """Trial 26, item 18: with the network down every feed fails; stderr says so, with a hint
    to check the network, under the same reminder (the exit code is 3: a digest of what the
    store holds is still made)."""
    site.routes["/a.xml"] = (503, "text/plain", "down")
    names = [("A Wire", site.url("/a.xml")), ("B Wire", site.url("/b.xml"))]  # b: HTTP 404
    write_config(home, feeds_toml(names) + FAST_FETCH)
    down = cli("digest", "--no-extract", "--new", "--format", "text")
    assert down.code == ExitStatus.FEEDS_FAILED == 3
    new_store, message, hint = down.err.splitlines()  # a first run: the store is made
    assert new_store.startswith("autonews: a new store at ")
    assert message == (
        "autonews: every feed failed (2): A Wire (HTTP 503 Service Unavailable), "
        "B Wire (HTTP 404 Not Found)"
    )
    assert hint.startswith("hint: ") and "network" in hint and "feeds check" in hint
    again = cli("digest", "--no-extract", "--new", "--format", "text")
    assert (again.code, again.out, again.err) == (ExitStatus.FEEDS_FAILED, "", "")
    assert cli("feeds", "check").code == ExitStatus.FEEDS_FAILED
    site.routes["/b.xml"] = (200, "application/rss+xml", feed_xml("B Wire", []))
    some = cli("digest", "--no-extract", "--new", "--format", "text")
    assert some.code == ExitStatus.FEEDS_FAILED


def test_a_reason_every_failed_feed_shares_is_said_once(cli, home: Path, site: Site) -> None:
    """With the network down, every feed fails the same way: said once, not after each."""
    names = [("A Wire", site.url("/a.xml")), ("B Wire", site.url("/b.xml"))]  # both HTTP 404
    write_config(home, feeds_toml(names) + FAST_FETCH)
    message = cli("digest", "--no-extract", "--format", "text").err.splitlines()[1]
    assert message == "autonews: every feed failed (2): A Wire, B Wire (HTTP 404 Not Found)"


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
        "Article pages: 2 failed this run (HTTP 500: 127.0.0.1, timeout: 127.0.0.1) · 1 "
        "skipped: link to a private "
        "address (set [fetch] allow_private = true to follow)"
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


@pytest.mark.parametrize("file_first", [True, False])
def test_a_page_a_loopback_feed_read_is_not_counted_skipped(
    cli, home: Path, site: Site, tmp_path: Path, file_first: bool
) -> None:
    # (trial 25, C1) A feed read from a file and a feed on 127.0.0.1 link to the same loopback
    # page: the loopback feed's link was followed, so the page was read, and the footer must not
    # say it was skipped as a link to a private address (nor advise allow_private).
    site.routes["/a/shared"] = (200, "text/html", ARTICLE.format(title="Volvo Recalls XC70s"))
    story = [("Volvo Recalls 14,768 XC70s Over Halfshaft Nut", site.url("/a/shared"))]
    site.routes["/feed.xml"] = (200, "application/rss+xml", feed_xml("Wire", story))
    file_feed = tmp_path / "local.xml"
    file_feed.write_text(feed_xml("Local", story), encoding="utf-8")
    feeds = [("Wire", site.url("/feed.xml")), ("Local", str(file_feed))]
    write_config(home, feeds_toml(feeds[::-1] if file_first else feeds) + FAST_FETCH)
    for args in ([], ["--offline"]):
        result = cli("--debug", "digest", *args, "--format", "text")
        assert result.code == 0, result.err
        assert "Article pages" not in result.out and "allow_private" not in result.out
        assert "article page not read" not in result.err
    assert site.hits["/a/shared"] == 1
    (body,) = [
        s.get("body") for s in cli("digest", "--offline", "--format", "json").json()["stories"]
    ]
    assert body and "halfshaft nut" in body


# --- 12: feeds add finds a site's feed; list, edit, rename, disable; OPML folders -------------


def test_a_failure_is_not_spent_on_a_new_run_that_wrote_people_nothing(
    cli, home: Path, site: Site, tmp_path: Path
) -> None:
    """Trial 29 b6: a --new run with nothing new wrote no chat digest (its stderr named the
    failing feed, for cron's mail), and the next chat digest said "1 failing as reported
    earlier" without ever having named it. It names it, once."""
    wire = [("Volvo Recalls 1,000 Cars Over Halfshaft Nut", "http://news.example/1")]
    site.routes["/a.xml"] = (200, "application/rss+xml", feed_xml("Wire A", wire))
    site.routes["/b.xml"] = (200, "application/rss+xml", feed_xml("Wire B", []))
    digests = '[[digests]]\nname = "chat"\nformat = "markdown"\n\n'
    digests += '[[digests]]\nname = "bot"\nformat = "json"\n'
    names = [("Wire A", site.url("/a.xml")), ("Wire B", site.url("/b.xml"))]
    write_config(home, feeds_toml(names) + FAST_FETCH + digests)
    hourly = ("digest", "--no-extract", "--new", "--name", "chat", "--name", "bot")
    out = str(tmp_path / "{name}.out")
    chat = tmp_path / "chat.out"
    assert cli(*hourly, "-o", out).code == 0 and "Volvo" in chat.read_text("utf-8")
    chat.unlink()

    site.routes["/b.xml"] = (500, "text/plain", "oops")
    quiet = cli(*hourly, "-o", out)
    assert quiet.code == ExitStatus.FEEDS_FAILED
    assert "1 feed failed: Wire B" in quiet.err  # cron's mail
    assert not chat.exists()  # nothing new: the chat got nothing
    assert cli(*hourly, "-o", out).err == ""  # and cron does not mail it again

    wire.append(("BYD Cuts Prices on Seven Models", "http://news.example/2"))
    site.routes["/a.xml"] = (200, "application/rss+xml", feed_xml("Wire A", wire))
    assert cli(*hourly, "-o", out).code == ExitStatus.FEEDS_FAILED
    posted = flat(chat.read_text("utf-8"))
    assert "Wire B: HTTP 500" in posted and "reported earlier" not in posted
    wire.append(("Ford Opens a Plant in Spain", "http://news.example/3"))
    site.routes["/a.xml"] = (200, "application/rss+xml", feed_xml("Wire A", wire))
    cli(*hourly, "-o", out)
    assert "1 failing as reported earlier" in flat(chat.read_text("utf-8"))


_REASONS = st.sampled_from(
    [
        "fetch failed: HTTP 403 Forbidden",
        "fetch failed: HTTP 404 Not Found",
        "fetch failed: HTTP 503 Service Unavailable (retry after 5 s)",
        "fetch failed: timed out after 20 s",
        "fetch failed: timed out (ReadTimeout)",
        "fetch failed: connection failed: [Errno 111] Connection refused",
        "fetch failed: unfinished at the run deadline (60 s)",
    ]
)


@settings(max_examples=200, deadline=None)
@given(reasons=st.lists(_REASONS | st.text("ab :(", max_size=30), min_size=1, max_size=80))
def test_the_footers_failure_causes_count_every_page_once(reasons: list[str]) -> None:
    """Trial 34 #17: "67 failed this run" said nothing of why. The causes in a few words add
    up to the pages failed, commonest first, and name no more than three and the rest."""
    from autonews.page_policy import failure_causes

    told = failure_causes(reasons).split(", ")
    counts = [int(part.rsplit(" ×", 1)[1]) if " ×" in part else 1 for part in told]
    assert sum(counts) == len(reasons)
    assert len(told) <= 4
    named = counts[:3] if told[-1].startswith("other ×") and len(told) == 4 else counts
    assert named == sorted(named, reverse=True)
