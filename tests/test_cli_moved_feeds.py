"""A feed that moved for good (HTTP 301 or 308 to another address), through the real CLI against
a real HTTP server on 127.0.0.1 (trial 26, item 16: the cron store fetched an old address through
its redirect for 30 days and nothing said so). `feeds check` says it each time, a digest once
(in its footer and on stderr) with the command that updates the list; the config is left as the
user wrote it."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss
from tests.helpers.site import FAST_FETCH, footer_of, write_config


def moved_feed(httpserver: HTTPServer, status: int = 301) -> tuple[str, str]:
    """A feed at /new, and its old address /old redirecting there with ``status``; the
    config lists the old one as "Auto Wire"."""
    httpserver.expect_request("/new.xml").respond_with_data(
        rss([item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1)]),
        content_type="application/rss+xml",
    )
    old, new = httpserver.url_for("/old.xml"), httpserver.url_for("/new.xml")
    httpserver.expect_request("/old.xml").respond_with_data(
        "", status=status, headers={"Location": new}
    )
    return old, new


def update_command(new: str) -> str:
    return f"`autonews feeds edit 'Auto Wire' --url {shlex.quote(new)}` updates the feed list"


@pytest.mark.parametrize("status", [301, 308])
def test_a_feed_that_moved_for_good_is_told_once_with_the_command_to_update_it(
    cli, home: Path, httpserver: HTTPServer, status: int
) -> None:
    old, new = moved_feed(httpserver, status)
    config = write_config(home, f'[[feeds]]\nurl = "{old}"\nname = "Auto Wire"\n' + FAST_FETCH)
    written = config.read_text("utf-8")
    told = f"Auto Wire moved for good to {new}: {update_command(new)}"

    checked = cli("feeds", "check")
    assert checked.code == 0, checked.out + checked.err
    assert checked.out.rstrip().endswith(f"1 item; {told[len('Auto Wire ') :]}")

    first = cli("digest", "--no-extract", "--format", "text")
    assert first.code == 0  # the feed was read: no failure
    assert first.err == f"autonews: {told}\n"
    assert footer_of(first.out) == ["1 ok", f"  {told}"]
    again = cli("digest", "--no-extract", "--format", "text")
    assert (again.err, footer_of(again.out)) == ("", ["1 ok"])
    assert "moved for good" in cli("feeds", "check").out  # checked: said every time
    assert config.read_text("utf-8") == written  # the user's config is theirs to change

    # JSON has the new address for scripts, every time; such a run tells its own stderr once.
    document = cli("digest", "--no-extract", "--format", "json")
    assert document.err == f"autonews: {told}\n"
    assert [feed["moved_to"] for feed in document.json()["feeds"]] == [new]
    assert cli("digest", "--no-extract", "--format", "json").err == ""

    # Updated as told: the feed keeps its stories, and nothing more is said.
    assert cli("feeds", "edit", "Auto Wire", "--url", new).code == 0
    after = cli("digest", "--no-extract", "--format", "json")
    assert (after.code, after.err) == (0, "")
    assert [feed["moved_to"] for feed in after.json()["feeds"]] == [None]
    assert "moved" not in cli("feeds", "check").out


def test_every_format_people_read_tells_the_move(cli, home: Path, httpserver: HTTPServer) -> None:
    old, new = moved_feed(httpserver)
    write_config(home, f'[[feeds]]\nurl = "{old}"\nname = "Auto Wire"\n' + FAST_FETCH)
    cli("feeds", "check")  # the move is stored: an offline digest tells it too
    for fmt in ("terminal", "markdown", "html", "text"):
        shown = cli("digest", "--offline", "--format", fmt).out
        assert "Auto Wire moved for good to" in shown and new in shown, fmt


def test_a_temporary_redirect_is_no_move(cli, home: Path, httpserver: HTTPServer) -> None:
    old, _ = moved_feed(httpserver, 302)
    write_config(home, f'[[feeds]]\nurl = "{old}"\nname = "Auto Wire"\n' + FAST_FETCH)
    result = cli("digest", "--no-extract", "--format", "json")
    assert result.code == 0
    assert "moved" not in result.err  # a first run: it says only that the store is new
    assert [feed["moved_to"] for feed in result.json()["feeds"]] == [None]
    assert "moved" not in cli("feeds", "check").out


def test_a_feed_that_moved_and_then_fails_is_a_failure(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """A permanent redirect to an address that fails: the failure is what the reader needs."""
    old = httpserver.url_for("/old.xml")
    httpserver.expect_request("/old.xml").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/gone.xml")}
    )
    write_config(home, f'[[feeds]]\nurl = "{old}"\nname = "Auto Wire"\n' + FAST_FETCH)
    result = cli("digest", "--no-extract", "--format", "text")
    assert result.code == ExitStatus.FEEDS_FAILED
    assert "moved for good" not in result.out + result.err


def test_feeds_list_shows_a_move_with_the_command_to_update_it(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """`feeds list` is where a reader looks at the feed list: a feed read through a permanent
    redirect says so in its row, and under the table where it went and how to update the list,
    until the list has the new address (trial 26, item 16)."""
    old, new = moved_feed(httpserver)
    write_config(home, f'[[feeds]]\nurl = "{old}"\nname = "Auto Wire"\n' + FAST_FETCH)
    assert "moved" not in cli("feeds", "list").out  # not fetched yet: nothing known
    cli("digest", "--no-extract", "--format", "json")
    listed = cli("feeds", "list")
    assert listed.code == 0
    _, row, blank, note = listed.out.splitlines()
    assert row.split()[:3] == ["Auto", "Wire", "ok,"] and "ok, moved" in row and old in row
    assert blank == ""
    assert note == f"Auto Wire moved for good to {new}: {update_command(new)}"
    assert cli("feeds", "edit", "Auto Wire", "--url", new).code == 0
    assert "moved" not in cli("feeds", "list").out
