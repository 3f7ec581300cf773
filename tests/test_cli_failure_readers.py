"""Trial 33 #13, whom a failing feed's warning is told to, through the real CLI against feeds on
127.0.0.1 and a real SMTP server there: a terminal try-out named the failing feeds, and the
cron mail minutes later said only "3 failing as reported earlier", to people never told which.
A failure counts as reported only to those who saw it: each mail's recipients, each file's
readers, the terminal, and stdout where it is no terminal (cron mails what a job prints)."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from pathlib import Path

import pytest

from autonews.errors import ExitStatus
from tests.helpers.site import FAST_FETCH, Site, feed_xml, feeds_toml, flat, write_config
from tests.helpers.terminal import run_in_terminal

NAMED = "Broken Wire: HTTP 500"  # a footer naming the failure, in any format
COUNTED = "1 failing as reported earlier"


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server: object, session: object, envelope) -> str:
        raw = envelope.original_content
        self.messages.append(email.message_from_bytes(raw, policy=email.policy.default))
        return "250 OK"

    def last_text(self) -> str:
        body = self.messages[-1].get_body(("plain",))
        assert body is not None
        return flat(body.get_content())


@pytest.fixture
def inbox(home: Path, site: Site) -> Iterator[_Inbox]:
    """A mail server on 127.0.0.1, and a config with a good feed and one that answers 500."""
    from tests.helpers.smtp import smtp_server

    box = _Inbox()
    with smtp_server(box) as port:
        news = [("Volvo Recalls 1,000 Cars Over Halfshaft Nut", "http://news.example/1")]
        site.routes["/good.xml"] = (200, "application/rss+xml", feed_xml("Good Wire", news))
        site.routes["/broken.xml"] = (500, "text/plain", "oops")
        feeds = [("Good Wire", site.url("/good.xml")), ("Broken Wire", site.url("/broken.xml"))]
        mail = f'[email]\nsmtp = "smtp://127.0.0.1:{port}"\nfrom = "news@example.org"\n'
        write_config(home, feeds_toml(feeds) + FAST_FETCH + mail)
        yield box


def test_the_mail_names_a_failure_its_readers_were_not_told(
    cli, home: Path, inbox: _Inbox, tmp_path: Path
) -> None:
    tried = cli("digest", "--no-extract", "--format", "text")  # trying it out
    assert "1 feed failed: Broken Wire" in tried.err and NAMED in flat(tried.out)

    cron = ("digest", "--no-extract", "--new", "--email", "editor@example.org")
    mailed = cli(*cron)
    assert mailed.code == ExitStatus.FEEDS_FAILED
    assert "1 feed failed: Broken Wire" in mailed.err  # cron's mail of stderr
    assert NAMED in inbox.last_text() and COUNTED not in inbox.last_text()

    # The next mail to the same readers counts it; another recipient is told.
    same_readers = ("digest", "--no-extract", "--email", "Editor@example.org")
    again = cli(*same_readers)
    assert again.err == "" and COUNTED in inbox.last_text()
    other = cli("digest", "--no-extract", "--email", "desk@example.org")
    assert "Broken Wire" in other.err and NAMED in inbox.last_text()

    # A file written for others names it too, once.
    page = tmp_path / "digest.html"
    cli("digest", "--no-extract", "-o", str(page))
    assert NAMED in flat(page.read_text("utf-8"))
    assert cli("digest", "--no-extract", "-o", str(page)).err == ""
    assert COUNTED in flat(page.read_text("utf-8"))


def test_a_terminal_try_out_does_not_use_up_what_cron_mails_of_its_output(
    cli, home: Path, inbox: _Inbox
) -> None:
    """The README's first cron recipe: cron mails what `digest --new --format text` prints. A
    try-out in a terminal before it is not what cron's mail says."""
    terminal = run_in_terminal(["digest", "--no-extract"], home, 100, ExitStatus.FEEDS_FAILED)
    assert NAMED in flat(terminal)
    printed = cli("digest", "--no-extract", "--new", "--format", "text")
    assert "1 feed failed: Broken Wire" in printed.err and NAMED in flat(printed.out)
    # Each is counted by its own next run.
    assert cli("digest", "--no-extract", "--format", "text").err == ""
    again = run_in_terminal(["digest", "--no-extract"], home, 100, ExitStatus.FEEDS_FAILED)
    assert COUNTED in flat(again) and NAMED not in flat(again)
