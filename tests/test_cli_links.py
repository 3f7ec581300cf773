"""Issue 16, links and colour, through the real CLI against the demo feeds on a loopback server:
every source's link and the story id `read` takes in each format; URLs whole in a narrow terminal;
--color and FORCE_COLOR; the digest as an Atom feed a feed reader accepts."""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from rich.cells import cell_len

from autonews.demo import DEMO_FEEDS, serve_demo
from autonews.errors import ExitStatus
from tests.helpers.terminal import run_in_terminal

SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def demo(home: Path) -> Iterator[list[str]]:
    """``--feed`` arguments for the demo feeds, served on 127.0.0.1 for the test's duration."""
    with serve_demo() as base:
        yield [arg for name, _, _ in DEMO_FEEDS for arg in ("--feed", f"{base}/feeds/{name}")]


def _stories(cli, demo: list[str]) -> list[dict]:
    """A first digest (fetching, without article pages) as JSON: the stories to look for."""
    result = cli("digest", *demo, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    return result.json()["stories"]


def _multi_source(stories: list[dict]) -> dict:
    """The Volvo XC70 recall, told by three outlets."""
    (story,) = [s for s in stories if "14,768" in s["title"] and len(s["sources"]) == 3]
    return story


def test_text_lists_every_sources_link_under_the_story_and_its_id(cli, demo) -> None:
    stories = _stories(cli, demo)
    volvo = _multi_source(stories)
    out = cli("digest", *demo, "--offline", "--format", "text").out
    lines = out.splitlines()
    # The representative link, whole on its line (last: the lead, above, shows only that one).
    own = len(lines) - 1 - lines[::-1].index(f"  {volvo['url']}")
    others = [s for s in volvo["sources"] if s["url"] != volvo["url"]]
    assert len(others) == 2
    # Then each other source, indented under it: its outlet and headline, its link whole on a
    # line of its own under them.
    under = [line.strip() for line in lines[own + 1 : own + 5]]
    assert under == [part for s in others for part in (f"{s['feed']}: {s['title']}", s["url"])]
    assert all(line.startswith("    ") for line in lines[own + 1 : own + 5])
    assert f"id {volvo['id']}" in lines[own - 1]
    for story in stories:  # every story shows its id
        assert f"id {story['id']}" in out


def test_the_id_shown_is_the_one_read_takes(cli, demo) -> None:
    volvo = _multi_source(_stories(cli, demo))
    out = cli("digest", *demo, "--offline").out  # the terminal format, not a tty here
    shown = [line for line in out.splitlines() if line.startswith(f"  {volvo['id']} ")]
    assert len(shown) == 2  # under the lead, and in its group
    assert all(line.split() == [volvo["id"], volvo["url"]] for line in shown)
    result = cli("read", volvo["id"])
    assert result.code == 0, result.err
    assert "14,768" in result.out
    # The article of the link shown, not another source's (the story's earliest, say).
    assert volvo["url"] in result.out
    assert not any(s["url"] in result.out for s in volvo["sources"] if s["url"] != volvo["url"])


def test_a_story_id_may_be_typed_short(cli, demo) -> None:
    volvo = _multi_source(_stories(cli, demo))
    short = volvo["id"][:6]
    assert volvo["url"] in cli("read", short).out
    assert cli("story", short.upper()).code == 0
    unknown = cli("read", "zzzzzz")
    assert unknown.code == ExitStatus.USAGE and "first 4 characters" in unknown.err
    assert cli("read", volvo["id"][:3]).code == ExitStatus.USAGE  # too short to stand for one


def test_read_follows_the_link_a_chinese_reader_is_shown(cli, demo, monkeypatch) -> None:
    monkeypatch.setenv("AUTONEWS_DIGEST_LANGUAGE", "zh")
    (volvo,) = [s for s in _stories(cli, demo) if "XC70" in s["title"] and len(s["sources"]) == 3]
    chinese = [s for s in volvo["sources"] if s["url"] == volvo["url"]]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese[0]["title"])  # a Chinese source
    result = cli("read", volvo["id"])
    assert result.code == 0, result.err
    assert volvo["url"] in result.out
    # The reader of an English digest reads the English source's article with --language en.
    monkeypatch.delenv("AUTONEWS_DIGEST_LANGUAGE")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    english = cli("read", volvo["id"], "--language", "en")
    assert english.code == 0 and volvo["url"] not in english.out


def test_email_text_and_html_link_every_source(cli, demo, home: Path) -> None:
    volvo = _multi_source(_stories(cli, demo))
    (home / "config.toml").write_text('[email]\nfrom = "news@example.org"\n')
    result = cli("digest", *demo, "--offline", "--email", "r@example.org", "--dry-run")
    assert result.code == 0, result.err
    message = email.message_from_string(result.out, policy=email.policy.default)
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for source in volvo["sources"]:
        assert source["url"] in text
        assert f'href="{source["url"]}"' in html
    assert f"id {volvo['id']}" in text and f"id {volvo['id']}" in html
    # The text part names each other source's outlet and headline, as the HTML part does (trial
    # 41: a recall joined to another story was a bare URL there, its headline only in the HTML).
    flat = " ".join(text.split())
    for source in volvo["sources"]:
        if source["url"] != volvo["url"]:
            assert f"{source['feed']}: {source['title']} {source['url']}" in flat


@pytest.mark.parametrize("columns", [60, 50, 40])
def test_narrow_terminal_keeps_each_url_whole_and_coloured(
    cli, demo, home: Path, columns: int
) -> None:
    stories = _stories(cli, demo)
    shown = run_in_terminal(["digest", *demo, "--offline"], home, columns, colour=True)
    assert "\x1b[" in shown  # a terminal: colour
    plain = SGR.sub("", shown)
    lines = plain.splitlines()
    urls = {source["url"] for story in stories for source in story["sources"]}
    assert any(len(url) > columns - 18 for url in urls)  # they would not fit beside the labels
    for url in urls:  # each on one line, all of it, never folded or cut
        assert any(line.rstrip().endswith(url) for line in lines), url
    # Each other source's outlet and headline above its link, wrapped to the terminal (trial 41).
    volvo = _multi_source(stories)
    squeezed = "".join(plain.split())
    for source in volvo["sources"]:
        if source["url"] != volvo["url"]:
            told = f"{source['feed']}: {source['title']}{source['url']}"
            assert "".join(told.split()) in squeezed
    # The rest fits the terminal (in display columns: 车滴快讯 takes 8), the lead's box included:
    # its borders are never wrapped onto the next line.
    assert all(cell_len(line) <= columns for line in lines if "http" not in line)
    box = [line for line in lines if line[:1] and line[0] in "╭│╰"]
    assert box and all(cell_len(line.rstrip()) == columns for line in box)
    assert box[0].startswith("╭─ Lead") and box[-1].startswith("╰")


def test_a_terminal_narrower_than_40_columns_gets_40(cli, demo, home: Path) -> None:
    _stories(cli, demo)
    plain = SGR.sub("", run_in_terminal(["digest", *demo, "--offline"], home, 30, colour=True))
    box = [line for line in plain.splitlines() if line[:1] and line[0] in "╭│╰"]
    assert box and all(cell_len(line.rstrip()) == 40 for line in box)


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {}, True),
        (["--color", "never"], {}, False),
        ([], {"NO_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        ([], {"TERM": "dumb"}, False),
        ([], {"TERM": "dumb", "FORCE_COLOR": "1"}, True),
    ],
)
def test_color_in_a_terminal(cli, demo, home: Path, args, env, coloured: bool) -> None:
    _stories(cli, demo)
    shown = run_in_terminal(["digest", *demo, "--offline", *args], home, 100, colour=True, **env)
    assert ("\x1b[" in shown) is coloured
    if not coloured:  # not even a hyperlink's escape (ESC ]8) is left
        assert "\x1b" not in shown


@pytest.mark.parametrize(
    ("args", "force", "coloured"),
    [
        ([], None, False),  # a pipe: plain
        (["--color", "always"], None, True),
        ([], "1", True),
        ([], "0", False),
        ([], "", False),
        (["--color", "never"], "1", False),
        (["--color", "auto"], "true", True),
    ],
)
def test_color_when_piped(
    cli, demo, monkeypatch: pytest.MonkeyPatch, args, force: str | None, coloured: bool
) -> None:
    _stories(cli, demo)
    if force is not None:
        monkeypatch.setenv("FORCE_COLOR", force)
    result = cli("digest", *demo, "--offline", *args)
    assert result.code == 0, result.err
    assert ("\x1b[" in result.out) is coloured
    assert "[bold red]Tesla[/bold red]" in result.out  # feed text still never markup


def test_color_on_stats_and_demo(cli, demo, home: Path) -> None:
    _stories(cli, demo)
    assert "\x1b[" in cli("stats", "--color", "always").out
    assert "\x1b" not in cli("stats").out
    shown = cli("demo", "--no-extract", "--color", "always")
    assert shown.code == 0 and "\x1b[" in shown.out


def test_bad_color_value_is_a_usage_error(cli, home: Path) -> None:
    result = cli("digest", "--feed", "http://127.0.0.1:9/feed", "--color", "sometimes")
    assert result.code == ExitStatus.USAGE
    assert "--color must be one of auto, always, never" in result.err


def test_atom_digest_is_a_feed_a_reader_accepts(cli, demo, tmp_path: Path) -> None:
    stories = _stories(cli, demo)
    result = cli("digest", *demo, "--offline", "--format", "atom")
    assert result.code == 0, result.err
    feed = feedparser.parse(result.out.encode("utf-8"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.id for e in feed.entries] == [f"urn:autonews:story:{s['id']}" for s in stories]
    for entry, story in zip(feed.entries, stories, strict=True):
        assert entry.title == story["title"]
        assert entry.updated_parsed is not None
        if story["url"]:
            assert entry.link == story["url"]
        hrefs = {link.href for link in entry.links}
        for source in story["sources"]:
            assert source["url"] in hrefs and source["url"] in entry.content[0].value
        assert {a.name for a in entry.authors} == {s["feed"] for s in story["sources"]}
    # The same file again later: the same ids, so a reader shows nothing twice.
    target = tmp_path / "digest.atom"
    again = cli("digest", *demo, "--offline", "--format", "atom", "-o", str(target))
    assert again.code == 0, again.err
    reread = feedparser.parse(target.read_bytes())
    assert [e.id for e in reread.entries] == [e.id for e in feed.entries]


def test_a_named_digest_can_be_an_atom_feed(cli, demo, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[[digests]]\nname = "feed"\nformat = "atom"\n')
    result = cli("digest", *demo, "--no-extract", "--name", "feed")
    assert result.code == 0, result.err
    feed = feedparser.parse(result.out.encode("utf-8"))
    assert not feed.bozo and feed.version == "atom10" and feed.entries
