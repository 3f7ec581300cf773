"""Renderers: golden files, escaping of hostile feed text, and the JSON contract."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest

from autonews.models import Digest
from autonews.render import Format, RenderOptions, render
from tests.helpers.digests import sample_digest
from tests.helpers.invariants import valid_jsonl

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("AUTONEWS_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_renders_the_sample(fmt: Format) -> None:
    out = render(sample_digest(), fmt, RenderOptions(width=100))
    assert "Volvo Recalls 14,768 XC70s" in out
    assert "\x1b" not in out


def test_terminal_plain_golden() -> None:
    check_golden(
        "terminal_plain.txt",
        render(sample_digest(), Format.TERMINAL, RenderOptions(width=100, color=False)),
    )


def test_terminal_narrow_golden() -> None:
    check_golden(
        "terminal_narrow.txt",
        render(sample_digest(), Format.TERMINAL, RenderOptions(width=60, color=False)),
    )


def test_json_golden(validate_digest) -> None:
    out = render(sample_digest(), Format.JSON)
    validate_digest(json.loads(out))
    check_golden("digest.json", out)


def test_jsonl_is_one_story_per_line_then_the_status() -> None:
    digest = sample_digest()
    out = render(digest, Format.JSONL)
    valid_jsonl(out)
    *stories, status = map(json.loads, out.splitlines())
    assert [(s["type"], s["id"]) for s in stories] == [("story", s.id) for s in digest.stories]
    # Each story line is the JSON document's story; the status line, the rest of the document.
    document = json.loads(render(digest, Format.JSON))
    assert [{k: v for k, v in s.items() if k != "type"} for s in stories] == document["stories"]
    assert status == {"type": "status"} | {k: v for k, v in document.items() if k != "stories"}


def test_rich_markup_in_titles_is_shown_literally_even_in_colour() -> None:
    out = render(sample_digest(), Format.TERMINAL, RenderOptions(width=100, color=True))
    assert "[bold red]Tesla[/bold red]" in out
    assert "\x1b[" in out  # colour is on, and still the markup stayed text


def test_plain_output_has_no_escape_codes() -> None:
    out = render(sample_digest(), Format.TERMINAL, RenderOptions(width=100, color=False))
    assert "\x1b" not in out
    assert "Lead" in out and "Industry" in out
    assert "✗ Broken Feed: HTTP 500 (3 failures in a row)" in out


def test_lead_shows_summary_and_groups_follow_the_model_order() -> None:
    out = render(sample_digest(), Format.TERMINAL, RenderOptions(width=100))
    assert "Volvo is recalling 14,768 XC70s." in out
    assert (
        out.index("\nVolvo") < out.index("\nXiaomi") < out.index("\nBMW") < out.index("\nIndustry")
    )


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        (Format.TEXT, "digest.txt"),
        (Format.MARKDOWN, "digest.md"),
        (Format.HTML, "digest.html"),
        (Format.SLACK, "digest.slack"),
    ],
)
def test_text_markdown_html_slack_golden(fmt: Format, name: str) -> None:
    check_golden(name, render(sample_digest(), fmt, RenderOptions(width=100)))


def test_atom_golden_and_a_feed_reader_reads_it() -> None:
    out = render(sample_digest(), Format.ATOM)
    check_golden("digest.atom", out)
    feed = feedparser.parse(out.encode("utf-8"))
    assert not feed.bozo and feed.version == "atom10"
    volvo = feed.entries[0]
    assert volvo.id == "urn:autonews:story:volvo1"
    assert volvo.link == "http://news.example/volvo1"
    assert [a.name for a in volvo.authors] == ["AutoWire Daily", "EV Monitor", "车滴快讯"]
    assert "http://news.example/volvo1/2" in volvo.content[0].value
    hostile = next(e for e in feed.entries if e.id.endswith(":hostile"))
    assert hostile.title == "[bold red]Tesla[/bold red] Cybercab <script>alert(1)</script>"


def test_atom_carries_hostile_text_as_text() -> None:
    from dataclasses import replace

    from autonews.models import Source
    from tests.helpers.invariants import valid_atom

    digest = sample_digest()
    title = 'A & B <b>"C"</b> ]]> \ufffe\uffff end'
    source = Source("Feed <&>", title, 'http://x.example/?a=1&b="2"', digest.generated_at)
    story = replace(
        digest.stories[0],
        title=title,
        sources=(source, Source("J", "", "javascript:x", digest.generated_at)),
    )
    digest = replace(digest, stories=(story, *digest.stories[1:]))
    out = render(digest, Format.ATOM)
    valid_atom(out, [s.id for s in digest.stories])
    entry = feedparser.parse(out.encode("utf-8")).entries[0]
    assert entry.title == 'A & B <b>"C"</b> ]]> end'
    assert entry.authors[0].name == "Feed <&>"
    assert 'http://x.example/?a=1&b="2"' in {link.href for link in entry.links}
    assert "javascript:" not in out


def test_html_escapes_feed_text_and_has_nothing_remote() -> None:
    from html.parser import HTMLParser

    out = render(sample_digest(), Format.HTML)
    tags: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    Collect().feed(out)
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "link", "iframe", "style", "object"}
    assert all(attrs["href"].startswith("http") for tag, attrs in tags if tag == "a")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_markdown_escapes_feed_text() -> None:
    out = render(sample_digest(), Format.MARKDOWN)
    assert "\\[bold red\\]Tesla" in out
    assert "<script>" not in out


def test_only_http_links_are_rendered() -> None:
    from dataclasses import replace

    digest = sample_digest()
    story = replace(digest.stories[0], url="javascript:alert(1)")
    digest = replace(digest, stories=(story, *digest.stories[1:]))
    for fmt in (Format.HTML, Format.MARKDOWN, Format.TEXT, Format.TERMINAL, Format.SLACK):
        assert "javascript:" not in render(digest, fmt), fmt


@pytest.mark.parametrize(
    "fmt", [Format.TERMINAL, Format.TEXT, Format.MARKDOWN, Format.HTML, Format.SLACK]
)
def test_human_formats_count_the_stories_not_about_cars(fmt: Format) -> None:
    from dataclasses import replace

    digest = replace(sample_digest(), not_about_cars=412)
    out = render(digest, fmt, RenderOptions(width=100)).replace("\\", "")  # markdown escapes
    assert "412 stories not about cars; --all-topics shows them" in out
    assert "not about cars" not in render(sample_digest(), fmt, RenderOptions(width=100))


def _with_old_story(digest: Digest, published: datetime) -> Digest:
    """The sample digest with its last story (and that story's source) published at
    ``published``."""
    from dataclasses import replace

    old = digest.stories[-1]
    sources = tuple(replace(source, published=published) for source in old.sources)
    old = replace(old, published=published, sources=sources)
    return replace(digest, stories=(*digest.stories[:-1], old))


@pytest.mark.parametrize(
    "fmt", [Format.TERMINAL, Format.TEXT, Format.MARKDOWN, Format.HTML, Format.SLACK]
)
def test_a_date_of_another_year_shows_its_year(fmt: Format) -> None:
    # `--since all` reaches back years: "14 Sep 22:00" would read as this September's.
    digest = _with_old_story(sample_digest(), datetime(2023, 9, 14, 22, 0, tzinfo=UTC))
    out = render(digest, fmt, RenderOptions(width=100))
    assert "14 Sep 2023 22:00" in out  # the terminal too: "1170d ago" says less than the date
    assert "d ago" not in out
    text = render(sample_digest(), fmt, RenderOptions(width=100, relative_times=False))
    assert "26 Nov 13:00" in text and "2026 13:00" not in text  # this year's: no year


def test_the_year_is_the_readers_own() -> None:
    # 23:30 UTC on New Year's Eve is already 2027 in Berlin: a story of 21:00 there is last
    # year's, and says so.
    from dataclasses import replace
    from zoneinfo import ZoneInfo

    now = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    digest = _with_old_story(
        replace(sample_digest(), generated_at=now), datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    )
    berlin = RenderOptions(width=100, timezone=ZoneInfo("Europe/Berlin"), relative_times=False)
    assert "31 Dec 2026 21:00" in render(digest, Format.TEXT, berlin)
    utc = RenderOptions(width=100, timezone=UTC, relative_times=False)
    assert "31 Dec 20:00" in render(digest, Format.TEXT, utc)
