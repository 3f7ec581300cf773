"""Email through a real SMTP server on loopback (aiosmtpd): parts, headers, encodings,
escaping, and a refused send followed by a good one."""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP as SMTPServer
from pytest_httpserver import HTTPServer

from autonews.config import EmailConfig
from autonews.deliver.mail import parse_transport, subject_for
from autonews.errors import ConfigError, ExitStatus
from tests.helpers.digests import sample_digest
from tests.helpers.feeds import item, rss
from tests.helpers.site import flat
from tests.helpers.smtp import smtp_server
from tests.helpers.terminal import run_in_terminal


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.refuse = False

    async def handle_DATA(self, server: SMTPServer, session: object, envelope) -> str:
        if self.refuse:
            return "554 5.7.1 Message rejected by policy"
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append(parsed)
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with smtp_server(inbox) as port:
        yield inbox, port


def configure(home: Path, port: int) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        f'[email]\nsmtp = "smtp://127.0.0.1:{port}"\nfrom = "autonews <news@example.org>"\n'
    )


def feed(httpserver: HTTPServer) -> str:
    httpserver.expect_request("/feed").respond_with_data(
        rss(
            [
                item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1),
                item("比亚迪宣布七款车型降价 最高降幅34%", 2),
                item(
                    "Ford Recalls 90,000 Broncos "
                    "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
                    3,
                ),
            ]
        ),
        content_type="application/rss+xml",
    )
    return httpserver.url_for("/feed")


def test_message_parts_headers_and_escaping(cli, home: Path, smtp, httpserver) -> None:
    inbox, port = smtp
    configure(home, port)
    result = cli(
        "digest", "--feed", feed(httpserver), "--no-extract", "--email", "reader@example.org"
    )
    assert result.code == 0, result.err
    assert result.out == ""  # mailed, not printed
    (message,) = inbox.messages
    assert message["To"] == "reader@example.org"
    subject = message["Subject"]
    assert subject.startswith("autonews: 3 stories — 2 recalls (")
    assert "Volvo" in subject and "Ford" in subject and subject.endswith("1 price change")
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain.get_content_charset() == "utf-8" and html.get_content_charset() == "utf-8"
    assert "比亚迪宣布七款车型降价" in plain.get_content()
    body = html.get_content()
    assert "比亚迪" in body
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "<img" not in body and "<link" not in body


def test_refused_send_is_delivered_next_time(cli, home: Path, smtp, httpserver) -> None:
    inbox, port = smtp
    configure(home, port)
    url = feed(httpserver)
    args = ("digest", "--feed", url, "--no-extract", "--new", "--email", "r@example.org")
    inbox.refuse = True
    refused = cli(*args)
    assert refused.code == ExitStatus.ERROR
    message, hint = refused.err.splitlines()
    assert "refused the message" in message
    assert message.endswith("; its 3 stories stay queued: the next --new digest sends them")
    assert hint.startswith("hint: ") and "[email]" in hint
    inbox.refuse = False
    assert cli(*args).code == 0
    assert len(inbox.messages) == 1 and "3 stories" in inbox.messages[0]["Subject"]
    assert cli(*args).code == 0  # nothing new: nothing sent
    assert len(inbox.messages) == 1


def test_dry_run_prints_the_message(cli, home: Path, httpserver) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[email]\nfrom = "news@example.org"\n')
    result = cli(
        "digest",
        "--feed",
        feed(httpserver),
        "--no-extract",
        "--email",
        "r@example.org",
        "--dry-run",
    )
    assert result.code == 0
    parsed = email.message_from_string(result.out, policy=email.policy.default)
    assert parsed["From"] == "news@example.org"
    assert parsed.get_content_type() == "multipart/alternative"
    # A dry run writes no file either: it only shows what would be sent.
    out = home / "digest.html"
    args = ("--offline", "--email", "r@example.org", "--dry-run", "-o", str(out))
    assert cli("digest", "--feed", feed(httpserver), *args).code == 0
    assert not out.exists()


def test_unreachable_server_is_a_clear_error(cli, home: Path, httpserver) -> None:
    from tests.helpers.net import free_port_url

    port = int(free_port_url().rsplit(":", 1)[1].split("/")[0])
    configure(home, port)
    args = ("digest", "--feed", feed(httpserver), "--no-extract", "--email", "r@example.org")
    result = cli(*args)
    assert result.code == ExitStatus.ERROR
    assert "cannot send mail" in result.err and "Traceback" not in result.err
    # Trial 26, item 19: a hint says where to look (README: "one line on stderr with a hint"),
    # and under --new, that nothing is lost.
    message, hint = result.err.splitlines()
    assert "stay queued" not in message  # without --new there is no queue
    assert hint == (
        f"hint: check [email] smtp (host 127.0.0.1, port {port}) and that the mail server is "
        "running and reachable; --dry-run shows the message without sending it"
    )
    queued = cli(*args, "--new")
    assert queued.err.splitlines()[0].endswith(
        "; its 3 stories stay queued: the next --new digest sends them"
    )
    assert queued.err.splitlines()[1] == hint


def test_transports() -> None:
    assert parse_transport("smtp+starttls://me@mail.example.org:587").kind == "starttls"
    smtps = parse_transport("smtps://me%40x.org@mail.example.org")
    assert (smtps.kind, smtps.port, smtps.user) == ("smtps", 465, "me@x.org")
    assert parse_transport("sendmail").kind == "sendmail"
    with pytest.raises(ConfigError, match=r"email\.smtp"):
        parse_transport("imap://mail.example.org")


def test_subject_summarises() -> None:
    subject = subject_for(sample_digest())
    assert subject.startswith("autonews: 5 stories — 1 recall (Volvo)")


def test_password_never_appears_in_errors(monkeypatch, smtp) -> None:
    from autonews.deliver.mail import build_message, send
    from autonews.errors import DeliveryError

    _, port = smtp
    monkeypatch.setenv("AUTONEWS_SMTP_PASSWORD", "hunter2-secret")
    config = EmailConfig(smtp=f"smtp://user@127.0.0.1:{port}", sender="a@example.org")
    with pytest.raises(DeliveryError) as caught:  # the test server offers no AUTH
        send(build_message(sample_digest(), "a@example.org", ["b@example.org"]), config)
    assert "hunter2" not in str(caught.value) and "hunter2" not in (caught.value.hint or "")


def test_named_digests_from_one_fetch(cli, home: Path, smtp, httpserver) -> None:
    inbox, port = smtp
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f"""
[email]
smtp = "smtp://127.0.0.1:{port}"
from = "news@example.org"

[[digests]]
name = "recalls"
to = ["safety@example.org"]
events = ["recall"]

[[digests]]
name = "prices"
events = ["pricing"]
format = "json"
""")
    url = feed(httpserver)
    args = (
        "digest",
        "--feed",
        url,
        "--no-extract",
        "--new",
        "--name",
        "recalls",
        "--name",
        "prices",
    )
    result = cli(*args)
    assert result.code == 0, result.err
    (message,) = inbox.messages
    assert message["To"] == "safety@example.org" and "2 recalls" in message["Subject"]
    printed = json.loads(result.out)
    assert [s["event"] for s in printed["stories"]] == ["pricing"]
    assert len([r for r, _ in httpserver.log if r.path == "/feed"]) == 1  # one fetch
    again = cli(*args)  # each digest remembers what it delivered
    assert again.code == 0 and len(inbox.messages) == 1
    assert again.json()["stories"] == []  # the json digest: an empty document, not silence
    assert cli("digest", "--feed", url, "--name", "nope").code == ExitStatus.USAGE


def test_email_with_a_file_mails_and_writes_the_file_in_its_format(
    cli, home: Path, smtp, httpserver, tmp_path: Path
) -> None:
    """`--email ADDR -o FILE`: the mail goes out and the file is written (in --format, else as
    its extension says); --format for a digest that is only mailed changes nothing: refused."""
    inbox, port = smtp
    configure(home, port)
    url = feed(httpserver)
    args = ("digest", "--feed", url, "--no-extract", "--email", "r@example.org")
    html = tmp_path / "x.html"
    result = cli(*args, "-o", str(html))
    assert result.code == 0, result.err
    assert len(inbox.messages) == 1
    assert html.read_text("utf-8").lstrip().lower().startswith("<!doctype html")
    as_json = tmp_path / "x.out"
    assert cli(*args, "--offline", "-o", str(as_json), "--format", "json").code == 0
    assert len(json.loads(as_json.read_text("utf-8"))["stories"]) == 3
    assert len(inbox.messages) == 2
    refused = cli(*args, "--offline", "--format", "json")
    assert refused.code == ExitStatus.USAGE
    assert "always text and HTML" in refused.err and "-o FILE" in refused.err
    assert len(inbox.messages) == 2


def test_a_sent_mail_is_told_at_a_terminal_and_nowhere_else(
    cli, home: Path, smtp, httpserver
) -> None:
    """Trial 37: `digest --email` printed nothing at all on success, and at a terminal the user
    could not tell whether it was sent. There it says so on stderr; run by cron (no terminal),
    it still prints nothing, as cron would mail it."""
    inbox, port = smtp
    configure(home, port)
    args = ["digest", "--feed", feed(httpserver), "--no-extract", "--email", "r@example.org"]
    told = run_in_terminal([*args, "--new"], home, stream="stderr")
    assert len(inbox.messages) == 1
    assert "autonews: mailed the digest to r@example.org: 3 stories" in flat(told)
    again = run_in_terminal([*args, "--new"], home, stream="stderr")
    assert len(inbox.messages) == 1
    assert "nothing new for the digest since its last --new run: no mail sent" in flat(again)
    quiet = cli(*args, "--offline")
    assert quiet.code == 0 and (quiet.out, quiet.err) == ("", "")
    assert len(inbox.messages) == 2
