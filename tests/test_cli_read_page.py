"""Trials 37 and 38: `autonews read` shows a page as the digest shows a story. Its title is the
headline, without the outlet's name the page's <title> adds ("… | Automotive News") and without a
wire's "UPDATE 2-"; its byline names the author once and dates the article once, in the
reader's zone ([digest] timezone), not "staff · 2026-12-03 09:00 UTC · 2026-12-03T09:00:00+00:00".
Real CLI, pages on a loopback server."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from autonews.models import Article
from autonews.store import Store

HEADLINE = "US to raise auto import tariffs to 35%, hitting Japanese, Korean carmakers"
SENTENCES = (
    "<p>The United States will raise tariffs on imported passenger cars and auto parts to 35% "
    "from Jan. 1, the Commerce Department said on Wednesday.</p>"
    "<p>Analysts said the move would hit Toyota, Honda, Hyundai and Kia hardest, as they ship "
    "hundreds of thousands of cars a year from Japan and South Korea.</p>"
    "<p>Shares of the carmakers fell in Tokyo and Seoul after the announcement was made.</p>"
)


def _wire_page() -> str:
    """Trial 38's wire page: a bookkept headline, its time in meta and in the byline."""
    return (
        f"<!doctype html><html lang='en'><head><title>UPDATE 2-{HEADLINE} | MarketWire Business"
        f"</title><meta property='og:title' content='UPDATE 2-{HEADLINE}'>"
        "<meta property='article:published_time' content='2026-12-03T09:00:00+00:00'></head>"
        f"<body><main><article><h1>UPDATE 2-{HEADLINE}</h1>"
        "<p class='byline'>By staff · 2026-12-03 09:00 UTC</p>"
        f"{SENTENCES}</article></main></body></html>"
    )


def _outlet_page() -> str:
    """Trial 37's page: no meta tags; the outlet's name after the headline in its <title>, a
    byline that is only the time."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{HEADLINE} | "
        f"Automotive News</title></head><body><nav>Automotive News | News | OEMs</nav><main>"
        f"<article><h1>{HEADLINE}</h1><div class='byline'>2026-12-05 02:23 UTC</div>"
        f"{SENTENCES}</article></main></body></html>"
    )


@pytest.fixture
def berlin(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AUTONEWS_DIGEST_TIMEZONE", "Europe/Berlin")
    return home


def test_read_shows_a_wire_page_by_its_headline_dated_once_in_the_readers_zone(
    cli, berlin: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/markets/tariffs").respond_with_data(
        _wire_page(), content_type="text/html"
    )
    result = cli("read", httpserver.url_for("/markets/tariffs"))
    assert result.code == 0, result.err
    title, byline, *_ = result.out.splitlines()
    assert title == HEADLINE  # no "UPDATE 2-", as in every format of the digest
    assert byline == "staff · 2026-12-03 10:00 CET"
    markdown = cli("read", httpserver.url_for("/markets/tariffs"), "--format", "markdown")
    assert markdown.out.startswith(f"# {HEADLINE}\n\n*staff · 2026-12-03 10:00 CET*\n")


def test_read_leaves_the_outlets_name_out_of_a_pages_title(
    cli, berlin: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/a/tariffs").respond_with_data(
        _outlet_page(), content_type="text/html"
    )
    result = cli("read", httpserver.url_for("/a/tariffs"))
    assert result.code == 0, result.err
    title, byline, _, first, *_ = result.out.splitlines()
    assert title == HEADLINE  # not "… | Automotive News"
    assert byline == "2026-12-05 03:23 CET"  # its byline was only its time, in UTC
    assert first.startswith("The United States will raise")


def test_read_as_json_gives_the_author_alone_and_the_date_in_iso_8601(
    cli, berlin: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/a/tariffs").respond_with_data(
        _outlet_page(), content_type="text/html"
    )
    page = json.loads(cli("read", httpserver.url_for("/a/tariffs"), "--format", "json").out)
    assert (page["title"], page["author"], page["date"]) == (
        HEADLINE,
        "",
        "2026-12-05T02:23:00+00:00",
    )


def test_read_tells_a_page_stored_before_apart_from_its_byline_date(cli, berlin: Path) -> None:
    """A page the store kept from before has its byline's date in its author."""
    from autonews.config import load_config

    url = "http://127.0.0.1:9/markets/tariffs"  # nothing listens: the store has it
    text = "The United States will raise tariffs on imported cars to 35% from Jan. 1."
    kept = Article(url, f"UPDATE 2-{HEADLINE}", "staff · 2026-12-03 09:00 UTC", "", "en", text)
    store_file = load_config(None).paths.store_file
    store_file.parent.mkdir(parents=True, exist_ok=True)
    with Store(store_file) as store:
        store.save_articles([kept], datetime.now(UTC))
    result = cli("read", url)
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [HEADLINE, "staff · 2026-12-03 10:00 CET"]
