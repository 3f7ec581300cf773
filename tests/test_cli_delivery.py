"""Delivery that ops can trust, as trial 35 ran it unattended (cron, three teams' mails, JSON
exports, monitoring on exit codes and stderr): `-o` writes what is there the way it asks (a
symlink's target, a FIFO or device written through, a missing folder named), every named digest
is delivered on its own, a refused recipient is named, a mail server's temporary refusal is
tried again, an unwritable stdout is one line. Through the real entry point (or the program
itself, where stdout is the point), feeds in files, SMTP on loopback."""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss
from tests.helpers.smtp import smtp_server

HEADLINES = [
    "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
    "BYD Cuts Prices on Seven Models by Up to 34%",
]


class Inbox:
    """A mail server that refuses as told: ``refuse_rcpt`` (addresses, 550), ``answers`` (the
    DATA replies still to give, then 250)."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.refuse_rcpt: set[str] = set()
        self.answers: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address: str, options) -> str:
        if address in self.refuse_rcpt:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.answers:
            return self.answers.pop(0)
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with smtp_server(inbox) as port:
        yield inbox, port


@pytest.fixture
def feed(tmp_path: Path) -> str:
    path = tmp_path / "feed.xml"
    path.write_text(rss([item(title, n) for n, title in enumerate(HEADLINES)]), "utf-8")
    return str(path)


def configure(home: Path, port: int, extra: str = "") -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        f'[email]\nsmtp = "smtp://127.0.0.1:{port}"\nfrom = "news@example.org"\n{extra}'
    )


def digest(*args: str) -> tuple[str, ...]:
    return ("digest", "--no-extract", *args)


def new_titles(cli, feed: str, *args: str) -> list[str]:
    """What a --new JSON digest still has to deliver (and now delivers)."""
    result = cli(*digest("--feed", feed, "--new", "--format", "json", *args))
    assert result.code == 0, result.err
    return [story["title"] for story in result.json()["stories"]]


# --- 1. -o writes what is at FILE the way it asks ----------------------------------------------


def test_o_writes_a_symlinks_target_and_the_link_stays_a_link(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "export").mkdir()
    real = tmp_path / "shared" / "real.json"
    real.write_text("{}")
    link = tmp_path / "export" / "link.json"
    link.symlink_to(Path("..") / "shared" / "real.json")  # relative, from the link's folder
    result = cli(*digest("--feed", feed, "--new", "-o", str(link)))
    assert result.code == 0, result.err
    assert link.is_symlink() and os.readlink(link) == str(Path("..") / "shared" / "real.json")
    assert len(json.loads(real.read_text("utf-8"))["stories"]) == 2  # the reader's file
    assert list((tmp_path / "shared").iterdir()) == [real]  # no temporary left beside it


def test_o_writes_through_a_fifo_and_a_link_to_dev_null(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    fifo = tmp_path / "digest.pipe"
    os.mkfifo(fifo)
    read: list[str] = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_text("utf-8")), daemon=True)
    reader.start()
    result = cli(*digest("--feed", feed, "-o", str(fifo), "--format", "json"))
    reader.join(10)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a FIFO, not a regular file
    assert len(json.loads(read[0])["stories"]) == 2
    null = tmp_path / "null"
    null.symlink_to("/dev/null")  # the device is reached through a link only: never replaced
    assert cli(*digest("--feed", feed, "-o", str(null), "--format", "json")).code == 0
    assert null.is_symlink() and stat.S_ISCHR(null.stat().st_mode)


def test_o_to_a_link_to_stdout_prints_the_digest(feed: str, tmp_path: Path) -> None:
    """`-o /dev/stdout` in a script, reached through a link in a tmp folder (a descriptor's
    link: /proc/self/fd/1 names a pipe, no path): written through to stdout."""
    out = tmp_path / "out.json"
    out.symlink_to("/dev/stdout")
    env = {**os.environ, "AUTONEWS_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "autonews", *digest("--feed", feed, "-o", str(out))]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["stories"]) == 2
    assert out.is_symlink()


def test_o_in_a_missing_folder_is_named_before_the_fetch_and_marks_nothing(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    missing = tmp_path / "nonexist" / "new.json"
    result = cli(*digest("--feed", feed, "--new", "-o", str(missing)))
    assert result.code == ExitStatus.USAGE
    assert f"its folder {str(missing.parent)!r} does not exist" in result.err
    assert "mkdir -p" in result.err
    assert not missing.parent.exists()  # not created: a typo stays visible
    assert new_titles(cli, feed) == HEADLINES  # still all queued


def test_new_with_nothing_new_leaves_the_file_quietly(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    out = tmp_path / "digest.txt"
    first = cli(*digest("--feed", feed, "--new", "-o", str(out)))
    assert first.code == 0 and first.err == ""
    written = out.read_text("utf-8")
    again = cli(*digest("--feed", feed, "--new", "-o", str(out)))
    assert again.code == 0
    assert again.err == ""  # cron mails whatever is printed
    assert out.read_text("utf-8") == written
    as_json = tmp_path / "new.json"
    assert cli(*digest("--feed", feed, "--new", "-o", str(as_json))).err == ""  # rewritten


# --- 2. and 3. refused recipients, and one failed digest among several ------------------------


def test_one_refused_recipient_is_named_and_fails_the_run(cli, home: Path, feed: str, smtp) -> None:
    inbox, port = smtp
    configure(home, port)
    inbox.refuse_rcpt = {"cfo@example.org"}
    args = digest("--feed", feed, "--new", "--email", "finance@example.org")
    result = cli(*args, "--email", "cfo@example.org")
    assert result.code == ExitStatus.ERROR
    first, *hints = result.err.splitlines()
    assert first.startswith("autonews: error: the mail server 127.0.0.1 refused the recipients: ")
    assert "cfo@example.org (550 5.1.1 no such user)" in first
    assert "finance@example.org got it, so its 2 stories count as delivered" in first
    assert "cfo@example.org will not get them from a --new digest" in first
    assert any("--email cfo@example.org" in hint for hint in hints)
    ((envelope, message),) = inbox.messages
    assert envelope == ["finance@example.org"] and "2 stories" in message["Subject"]
    again = cli(*args, "--email", "cfo@example.org")  # what the README says: not sent again
    assert again.code == 0 and len(inbox.messages) == 1


NAMED = """
[[digests]]
name = "safety"
to = ["safety@example.org"]
events = ["recall"]

[[digests]]
name = "finance"
to = ["finance@example.org"]

[[digests]]
name = "allscripts"
format = "json"
"""


def test_each_named_digest_is_delivered_on_its_own_and_every_failure_named(
    cli, home: Path, feed: str, smtp, tmp_path: Path
) -> None:
    inbox, port = smtp
    configure(home, port, NAMED)
    refusal = "554 5.7.1 rejected by policy"
    inbox.answers = [refusal, refusal]
    names = ("--name", "safety", "--name", "finance", "--name", "allscripts")
    pattern = str(tmp_path / "{name}.json")
    result = cli(*digest("--feed", feed, "--new", *names, "-o", pattern))
    assert result.code == ExitStatus.ERROR
    lines = result.err.splitlines()
    assert lines[0] == "autonews: error: 2 of 3 digests not delivered, 1 delivered:"
    assert lines[1].startswith("  safety: the mail server 127.0.0.1 refused the message: 554")
    assert lines[1].endswith("its 1 story stays queued: the next --new digest sends it")
    assert lines[2].startswith("  finance: the mail server 127.0.0.1 refused the message: 554")
    assert lines[3].startswith("hint: ")
    scripts = json.loads((tmp_path / "allscripts.json").read_text("utf-8"))
    assert len(scripts["stories"]) == 2  # the export for scripts was not stopped by the mail
    again = cli(*digest("--feed", feed, "--new", *names, "-o", pattern))
    assert again.code == 0, again.err
    assert sorted(message["To"] for _, message in inbox.messages) == [
        "finance@example.org",
        "safety@example.org",
    ]
    assert json.loads((tmp_path / "allscripts.json").read_text("utf-8"))["stories"] == []


# --- 4. stdout that cannot be written -----------------------------------------------------------


def run_autonews(tmp_path: Path, *args: str, stdout) -> subprocess.Popen[bytes]:
    env = {**os.environ, "AUTONEWS_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "autonews", *args]
    return subprocess.Popen(command, env=env, stdout=stdout, stderr=subprocess.PIPE)


def test_a_full_stdout_is_one_line_and_a_closed_pipe_is_quiet(feed: str, tmp_path: Path) -> None:
    args = digest("--feed", feed, "--new", "--format", "text")
    with open("/dev/full", "w") as full:  # opened for writing only: the device is not touched
        process = run_autonews(tmp_path, *args, stdout=full)
        _, err = process.communicate(timeout=60)
    assert process.returncode == ExitStatus.ERROR
    assert err.decode().splitlines() == [
        "autonews: error: cannot write the digest to stdout: No space left on device",
        "hint: stdout goes to a full disk or a device that takes nothing (such as /dev/full)",
    ]
    read, write = os.pipe()
    os.close(read)  # `| head -0`: the reader is gone before anything is written
    process = run_autonews(tmp_path, *args, stdout=write)
    os.close(write)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (ExitStatus.OUTPUT_CLOSED, b"")
    process = run_autonews(tmp_path, *digest("--feed", feed, "--new", "-f", "json"), stdout=-1)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert len(json.loads(out)["stories"]) == 2  # neither failure marked anything delivered


# --- 5. a temporary refusal is tried again ------------------------------------------------------


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("autonews.deliver.mail.RETRY_PAUSES", (0.01, 0.01, 0.01), raising=False)


def test_a_temporary_refusal_is_tried_again(
    cli, home: Path, feed: str, smtp, quick_retries: None
) -> None:
    inbox, port = smtp
    configure(home, port)
    inbox.answers = ["451 4.3.0 try again later", "451 4.3.0 try again later"]
    args = digest("--feed", feed, "--new", "--email", "r@example.org")
    assert cli(*args).code == 0
    assert len(inbox.messages) == 1 and inbox.answers == []


def test_a_lasting_temporary_refusal_says_so_and_keeps_the_stories(
    cli, home: Path, feed: str, smtp, quick_retries: None
) -> None:
    inbox, port = smtp
    configure(home, port)
    inbox.answers = ["451 4.3.0 try again later"] * 4
    result = cli(*digest("--feed", feed, "--new", "--email", "r@example.org"))
    assert result.code == ExitStatus.ERROR
    message, hint = result.err.splitlines()
    assert "did not take the message for now: it answered 451 4.3.0 try again later" in message
    # 0.03 s of pauses: "over 0 s" on a quiet machine, "over 1 s" on a loaded one
    assert re.search(r"\(4 tries over [01] s\)", message), message
    assert "its 2 stories stay queued" in message
    assert "a temporary refusal" in hint and "[email] from" not in hint
    assert inbox.answers == [] and inbox.messages == []
    assert len(new_titles(cli, feed)) == 2


# --- 6. and 7. the dry run checks what the send would; small ones -------------------------------


def test_a_dry_run_refuses_what_the_send_refuses(cli, home: Path, feed: str) -> None:
    configure(home, 99999)
    result = cli(*digest("--feed", feed, "--email", "r@example.org", "--dry-run"))
    assert result.code == ExitStatus.USAGE
    assert "bad port" in result.err and result.out == ""


def test_a_dry_run_without_smtp_says_it_could_not_be_sent(cli, home: Path, feed: str) -> None:
    result = cli(*digest("--feed", feed, "--email", "r@example.org", "--dry-run"))
    assert result.code == 0 and "Subject:" in result.out
    assert "[email] smtp is not set" in result.err


def test_the_mail_date_has_the_configured_zones_offset(cli, home: Path, feed: str) -> None:
    configure(home, 25, '[digest]\ntimezone = "Asia/Kolkata"\n')
    result = cli(*digest("--feed", feed, "--email", "r@example.org", "--dry-run"))
    assert result.code == 0, result.err
    message = email.message_from_string(result.out, policy=email.policy.default)
    assert message["Date"].endswith(" +0530")


def test_new_help_says_a_failing_feed_makes_it_3(cli) -> None:
    text = " ".join(cli("digest", "--help").out.split())
    assert "exit 0, or 3 when a feed failed" in text
