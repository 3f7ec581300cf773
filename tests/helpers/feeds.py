"""Small feed documents for tests, written for this project."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from pytest_httpserver import HTTPServer


def rfc822(hours_ago: float, now: datetime | None = None) -> str:
    return format_datetime((now or datetime.now(UTC)) - timedelta(hours=hours_ago))


def rss(items: list[dict[str, str]], title: str = "Test Wire", encoding: str = "utf-8") -> str:
    body = []
    for item in items:
        parts = [f"<title>{item['title']}</title>"]
        if "link" in item:
            parts.append(f"<link>{item['link']}</link>")
        if "guid" in item:
            parts.append(f'<guid isPermaLink="false">{item["guid"]}</guid>')
        if "date" in item:
            parts.append(f"<pubDate>{item['date']}</pubDate>")
        if "description" in item:
            parts.append(f"<description>{item['description']}</description>")
        body.append("<item>" + "".join(parts) + "</item>")
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.com/</link>"
        f"{''.join(body)}</channel></rss>"
    )


def item(title: str, n: int, hours_ago: float = 1, **extra: str) -> dict[str, str]:
    return {
        "title": title,
        "link": f"http://example.com/a/{n}",
        "guid": f"id-{n}",
        "date": rfc822(hours_ago),
        **extra,
    }


def serve_titles(
    httpserver: HTTPServer, titles: list[str], path: str = "/feed", title: str = "Test Wire"
) -> str:
    """A feed of these titles (``item`` n for the n-th), served at ``path`` with its own
    ``title``: its URL."""
    httpserver.expect_request(path).respond_with_data(
        rss([item(headline, n) for n, headline in enumerate(titles)], title=title),
        content_type="application/rss+xml",
    )
    return str(httpserver.url_for(path))
