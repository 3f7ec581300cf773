"""What the CLI writes, as a first week of use meets it (issue 16): the format a file's name asks
for and its permissions, `--new` for JSON consumers, `stats` without silent cuts, grammar, and
times in the reader's zone. Through the real entry point, feeds on a loopback server."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.feeds import item, rss

HEADLINES = [
    "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
    "BYD Cuts Prices on Seven Models by Up to 34%",
]


def serve(httpserver: HTTPServer, items: list[dict[str, str]], path: str = "/feed") -> str:
    httpserver.expect_request(path).respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return httpserver.url_for(path)


@pytest.fixture
def feed(httpserver: HTTPServer) -> str:
    return serve(httpserver, [item(title, n) for n, title in enumerate(HEADLINES)])


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def digest_to(cli, feed: str, target: Path, *extra: str):
    result = cli("digest", "--feed", feed, "--no-extract", "-o", str(target), *extra)
    assert result.code == 0, result.err
    assert result.out == ""
    return target.read_text("utf-8")


# --- 4. -o picks the format from the file's name; files get the usual permissions ------------


def test_output_format_follows_the_extension(cli, home: Path, feed: str, tmp_path: Path) -> None:
    html = digest_to(cli, feed, tmp_path / "digest.html")
    assert html.startswith("<!DOCTYPE html>") and HEADLINES[0] in html
    document = json.loads(digest_to(cli, feed, tmp_path / "x.json"))
    assert {s["title"] for s in document["stories"]} == set(HEADLINES)
    lines = digest_to(cli, feed, tmp_path / "x.jsonl").splitlines()
    assert {json.loads(line)["title"] for line in lines} == set(HEADLINES)
    assert digest_to(cli, feed, tmp_path / "notes.MD").startswith("# autonews digest")
    text = digest_to(cli, feed, tmp_path / "digest.txt")
    assert text.startswith("autonews digest · ") and "╭" not in text


def test_a_file_without_a_known_extension_gets_text_not_the_terminal_layout(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    out = digest_to(cli, feed, tmp_path / "digest")
    assert out.startswith("autonews digest · ")
    assert "╭" not in out and "\nFeeds\n  ok " in out  # the text format's footer


def test_format_beats_the_extension(cli, home: Path, feed: str, tmp_path: Path) -> None:
    out = digest_to(cli, feed, tmp_path / "digest.html", "--format", "markdown")
    assert out.startswith("# autonews digest")
    out = digest_to(cli, feed, tmp_path / "x.json", "--format", "terminal")
    assert "╭─ Lead" in out


def test_a_named_digest_without_a_format_follows_the_extension(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[[digests]]\nname = "recalls"\nevents = ["recall"]\n\n'
        '[[digests]]\nname = "prices"\nevents = ["pricing"]\nformat = "markdown"\n',
        "utf-8",
    )
    args = ("--config", str(config), "--feed", feed, "--no-extract")
    assert cli("digest", *args, "--name", "recalls", "-o", str(tmp_path / "r.html")).code == 0
    assert (tmp_path / "r.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    # its own format, when it has one, beats the extension; --format beats both
    assert cli("digest", *args, "--name", "prices", "-o", str(tmp_path / "p.html")).code == 0
    assert (tmp_path / "p.html").read_text("utf-8").startswith("# autonews digest")
    out = cli("digest", *args, "--name", "prices", "-o", str(tmp_path / "p.json"), "-f", "json")
    assert out.code == 0 and json.loads((tmp_path / "p.json").read_text("utf-8"))["stories"]


def test_output_files_get_the_umask_permissions(
    cli, home: Path, feed: str, tmp_path: Path, umask_022: None
) -> None:
    target = tmp_path / "site" / "digest.html"
    digest_to(cli, feed, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # a web server can read it
    target.chmod(0o600)  # a file an earlier version made private is not kept so
    digest_to(cli, feed, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    os.umask(0o077)
    digest_to(cli, feed, tmp_path / "private.txt")
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600


def test_feeds_add_keeps_the_config_files_own_permissions(
    cli, home: Path, tmp_path: Path, umask_022: None
) -> None:
    config = tmp_path / "config.toml"
    assert cli("feeds", "add", "https://example.org/a.xml", "--config", str(config)).code == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o644
    config.chmod(0o600)
    assert cli("feeds", "add", "https://example.org/b.xml", "--config", str(config)).code == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temporary left


# --- 5. --new with nothing new: JSON consumers still get a document -------------------------


NEW = ("--no-extract", "--new")


def test_new_with_nothing_new_gives_json_an_empty_document(
    cli, home: Path, feed: str, validate_digest
) -> None:
    first = cli("digest", "--feed", feed, *NEW, "--format", "json")
    assert len(first.json()["stories"]) == 2
    again = cli("digest", "--feed", feed, *NEW, "--format", "json")
    assert again.code == 0, again.err
    document = again.json()
    validate_digest(document)
    assert document["stories"] == [] and document["groups"] == []
    assert document["lead_id"] is None
    assert [f["status"] for f in document["feeds"]] == ["ok"]  # the feeds were still read
    jsonl = cli("digest", "--feed", feed, *NEW, "--format", "jsonl")
    assert jsonl.code == 0 and jsonl.out == ""  # zero lines


def test_new_with_nothing_new_writes_the_empty_json_file_but_no_human_file(
    cli, home: Path, feed: str, tmp_path: Path
) -> None:
    assert cli("digest", "--feed", feed, *NEW, "-o", str(tmp_path / "first.json")).code == 0
    assert cli("digest", "--feed", feed, *NEW, "-o", str(tmp_path / "again.json")).code == 0
    assert json.loads((tmp_path / "again.json").read_text("utf-8"))["stories"] == []
    assert cli("digest", "--feed", feed, *NEW, "-o", str(tmp_path / "again.jsonl")).code == 0
    assert (tmp_path / "again.jsonl").read_text("utf-8") == ""
    for name in ("again.txt", "again.html", "again.md"):
        assert cli("digest", "--feed", feed, *NEW, "-o", str(tmp_path / name)).code == 0
        assert not (tmp_path / name).exists(), name


@pytest.mark.parametrize("fmt", ["terminal", "text", "markdown", "html"])
def test_new_with_nothing_new_prints_nothing_in_human_formats(
    cli, home: Path, feed: str, fmt: str
) -> None:
    assert cli("digest", "--feed", feed, *NEW, "--format", "json").code == 0
    again = cli("digest", "--feed", feed, *NEW, "--format", fmt)
    assert again.code == 0 and again.out == "" and again.err == ""
