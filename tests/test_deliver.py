"""Delivery rules without the CLI: stories count as delivered only once the digest went out
(stdout, a file, or a mail server that accepted it); under --new with nothing new, nothing is
written; output for a terminal follows its width and NO_COLOR. A real store in a temporary
folder, a real SMTP server on loopback."""

from __future__ import annotations

import email
import email.policy
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from autonews.config import Config, EmailConfig, FeedConfig
from autonews.deliver.digest import Destination, deliver_digest, emit_digest
from autonews.deliver.environment import Environment
from autonews.deliver.output import terminal_options
from autonews.errors import DeliveryError
from autonews.files import write_atomically
from autonews.paths import Paths
from autonews.pipeline import DigestOptions, DigestRun, make_digest
from autonews.store import Store
from tests.helpers.feeds import item, rss
from tests.helpers.smtp import smtp_server

HEADLINES = [
    "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
    "BYD Cuts Prices on Seven Models by Up to 34%",
]


@pytest.fixture
def config(tmp_path: Path) -> Config:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss([item(title, n) for n, title in enumerate(HEADLINES)]), "utf-8")
    root = tmp_path / "home"
    return Config(
        feeds=(FeedConfig(url=str(feed), name="Wire"),),
        paths=Paths(root, root / "data", root / "cache"),
    )


@pytest.fixture
def store(config: Config) -> Iterator[Store]:
    with Store(config.paths.store_file) as opened:
        yield opened


def new_run(store: Store, config: Config) -> DigestRun:
    return make_digest(store, config, DigestOptions(extract=False, new_only=True))


def quiet() -> Environment:
    return Environment(stdout=io.StringIO())


def shown(env: Environment) -> str:
    assert isinstance(env.stdout, io.StringIO)
    return env.stdout.getvalue()


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.refuse = False

    async def handle_DATA(self, server: object, session: object, envelope) -> str:
        if self.refuse:
            return "554 5.7.1 Message rejected by policy"
        self.messages.append(
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        )
        return "250 OK"


@pytest.fixture
def mail_server() -> Iterator[tuple[Inbox, EmailConfig]]:
    inbox = Inbox()
    with smtp_server(inbox) as port:
        yield inbox, EmailConfig(smtp=f"smtp://127.0.0.1:{port}", sender="news@example.org")


def test_a_written_file_marks_its_stories_and_nothing_new_writes_nothing(
    store: Store, config: Config, tmp_path: Path
) -> None:
    out = tmp_path / "digest.txt"
    to = Destination("text", out)
    assert deliver_digest(new_run(store, config), store, EmailConfig(), to, quiet())
    text = out.read_text("utf-8")
    assert all(title in text for title in HEADLINES)

    out.unlink()
    again = new_run(store, config)
    assert again.digest.stories == ()
    assert not deliver_digest(again, store, EmailConfig(), to, quiet())
    assert not out.exists()  # not even an empty file: cron mails nothing


def test_a_failed_write_marks_nothing(store: Store, config: Config, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(DeliveryError, match="cannot write"):
        deliver_digest(
            new_run(store, config),
            store,
            EmailConfig(),
            Destination("text", blocker / "digest.txt"),
            quiet(),
        )
    assert len(new_run(store, config).digest.stories) == len(HEADLINES)  # still new


def test_stdout_gets_the_digest_and_without_new_nothing_is_recorded(
    store: Store, config: Config
) -> None:
    env = quiet()
    run = make_digest(store, config, DigestOptions(extract=False))
    assert deliver_digest(run, store, EmailConfig(), Destination("text"), env)
    assert HEADLINES[0] in shown(env)
    assert len(new_run(store, config).digest.stories) == len(HEADLINES)


def test_mail_accepted_marks_refused_marks_nothing(
    store: Store, config: Config, mail_server: tuple[Inbox, EmailConfig]
) -> None:
    inbox, smtp = mail_server
    to = Destination(email=("reader@example.org",))
    inbox.refuse = True
    with pytest.raises(DeliveryError, match="refused the message"):
        deliver_digest(new_run(store, config), store, smtp, to, quiet())
    assert inbox.messages == []

    inbox.refuse = False
    run = new_run(store, config)
    assert len(run.digest.stories) == len(HEADLINES)  # the refused send delivered nothing
    assert deliver_digest(run, store, smtp, to, quiet())
    (message,) = inbox.messages
    assert message["To"] == "reader@example.org"
    assert message["From"] == "news@example.org"
    assert new_run(store, config).digest.stories == ()


def test_a_dry_run_shows_the_message_and_sends_and_marks_nothing(
    store: Store, config: Config, mail_server: tuple[Inbox, EmailConfig]
) -> None:
    inbox, smtp = mail_server
    env = quiet()
    to = Destination(email=("reader@example.org",), dry_run=True)
    assert not deliver_digest(new_run(store, config), store, smtp, to, env)
    message = email.message_from_string(shown(env), policy=email.policy.default)
    assert message["To"] == "reader@example.org"
    assert message.is_multipart()
    assert inbox.messages == []
    assert len(new_run(store, config).digest.stories) == len(HEADLINES)


@pytest.mark.parametrize(
    ("env", "width", "color"),
    [
        (Environment(io.StringIO()), 100, False),  # a pipe or a file: no escape codes
        (Environment(io.StringIO(), stdout_isatty=True, columns=120, term="xterm"), 120, True),
        (Environment(io.StringIO(), stdout_isatty=True, columns=120, no_color=True), 120, False),
        (Environment(io.StringIO(), stdout_isatty=True, columns=120, term="dumb"), 120, False),
        (Environment(io.StringIO(), stdout_isatty=True, columns=50), 50, True),
        (Environment(io.StringIO(), stdout_isatty=True, columns=20), 40, True),
        (Environment(io.StringIO(), stdout_isatty=True, columns=400), 160, True),
        (Environment(io.StringIO(), force_color=True), 100, True),  # FORCE_COLOR, piped
        (Environment(io.StringIO(), no_color=True, color_choice="always"), 100, True),
        (
            Environment(io.StringIO(), True, columns=80, force_color=True, color_choice="never"),
            80,
            False,
        ),
    ],
)
def test_terminal_output_follows_width_and_colour_rules(
    env: Environment, width: int, color: bool
) -> None:
    options = terminal_options(env)
    assert (options.width, options.color) == (width, color)


def test_terminal_digest_has_escape_codes_only_on_a_terminal(store: Store, config: Config) -> None:
    digest = make_digest(store, config, DigestOptions(extract=False)).digest
    env = quiet()
    emit_digest(digest, "terminal", None, env)
    assert HEADLINES[0] in shown(env) and "\x1b" not in shown(env)
    terminal = Environment(io.StringIO(), stdout_isatty=True, columns=100)
    emit_digest(digest, "terminal", None, terminal)
    assert "\x1b[" in shown(terminal)


def test_atomic_write_replaces_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.txt"
    write_atomically(target, "first\n")
    write_atomically(target, "second, ünïcode\n")
    assert target.read_text("utf-8") == "second, ünïcode\n"
    assert [p.name for p in target.parent.iterdir()] == ["b.txt"]
