"""Every digest format is listed wherever formats are (the CLI's help and choices, named digests'
`format`, the example config, the README, `-o`'s extensions), and `--format slack` through the
real entry point (trial 33, wish 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from autonews.config import _DIGEST_FORMATS, config_from_mapping
from autonews.deliver.digest import ALWAYS_WRITTEN
from autonews.deliver.output import FILE_FORMATS
from autonews.errors import ConfigError, ExitStatus
from autonews.render import Format
from tests.helpers.feeds import item, rss
from tests.helpers.invariants import slack_links_safe

ROOT = Path(__file__).resolve().parent.parent
# As a feed's title: its markup and entities read, and what the item's text still says, as
# written: "<!channel> Volvo Recalls 14,768 XC70s & *more* @here".
HOSTILE = "&amp;lt;!channel&amp;gt; Volvo Recalls 14,768 XC70s &amp;amp; *more* @here"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_is_listed_everywhere(cli, fmt: Format) -> None:
    assert fmt.value in words(cli("digest", "--help").out)
    assert fmt.value in words(cli("demo", "--help").out)
    assert fmt.value in _DIGEST_FORMATS
    config_from_mapping({"digests": [{"name": "n", "format": fmt.value}]})  # accepted
    example = (ROOT / "config.example.toml").read_text("utf-8")
    named = example[example.index("# --- Named digests") :]
    assert fmt.value in words(named[: named.index("[[digests]]")].replace("#", ""))
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"\\|{fmt.value}" in readme or f"--format {fmt.value}\\|" in readme


def test_the_lists_hold_no_format_that_is_not_one() -> None:
    assert {"", *Format} == _DIGEST_FORMATS
    with pytest.raises(ConfigError, match="unknown format 'mrkdwn'"):
        config_from_mapping({"digests": [{"name": "n", "format": "mrkdwn"}]})
    assert set(FILE_FORMATS.values()) <= set(Format)
    # Without an extension of their own: the terminal's layout (never a file's) and Slack's
    # mrkdwn (a .txt is text); both are written to a file with --format or a named digest's.
    assert set(Format) - set(FILE_FORMATS.values()) == {Format.TERMINAL, Format.SLACK}
    assert Format.SLACK not in ALWAYS_WRITTEN  # a format people read: --new with nothing new
    # writes nothing


@pytest.fixture
def feed(httpserver: HTTPServer) -> str:
    httpserver.expect_request("/feed").respond_with_data(
        rss([item(HOSTILE, 1)]),
        content_type="application/rss+xml",
    )
    return str(httpserver.url_for("/feed"))


def test_format_slack_prints_slack_mrkdwn(cli, home: Path, feed: str) -> None:
    result = cli("digest", "--feed", feed, "--no-extract", "--format", "slack")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("*autonews digest*\n_")
    assert "<http://example.com/a/1|&lt;!channel&gt; Volvo Recalls 14,768 XC70s &amp; " in out
    assert "∗more∗ ＠here>" in out
    assert "*Feeds*\n1 ok" in out
    slack_links_safe(out)
    assert "\x1b" not in out


def test_slack_to_a_file_by_format_or_by_a_named_digest(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    args = ("digest", "--feed", feed, "--no-extract")
    target = tmp_path / "digest.txt"
    assert cli(*args, "-o", str(target), "--format", "slack").code == 0
    assert target.read_text("utf-8").startswith("*autonews digest*")
    # No extension names Slack's format: the file's name gives text.
    plain = tmp_path / "digest.slack"
    assert cli(*args, "-o", str(plain)).code == 0
    assert plain.read_text("utf-8").startswith("autonews digest · ")
    config = tmp_path / "config.toml"
    config.write_text('[[digests]]\nname = "team"\nformat = "slack"\n', "utf-8")
    named = tmp_path / "team.md"
    result = cli(*args, "--config", str(config), "--name", "team", "-o", str(named))
    assert result.code == 0, result.err
    assert named.read_text("utf-8").startswith("*autonews digest*")


def test_a_mailed_digest_refuses_format_slack(cli, home: Path, feed: str) -> None:
    mailed = ("--email", "r@example.org", "--dry-run")
    result = cli("digest", "--feed", feed, "--no-extract", *mailed, "--format", "slack")
    assert result.code == ExitStatus.USAGE
    assert "--format slack: a mailed digest is always text and HTML" in result.err


def test_new_with_nothing_new_prints_no_slack_message(cli, home: Path, feed: str) -> None:
    args = ("digest", "--feed", feed, "--no-extract", "--new", "--format", "slack")
    assert "*autonews digest*" in cli(*args).out
    again = cli(*args)
    assert again.code == 0 and again.out == ""
