"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to :class:`ParsedFeed`."""

from __future__ import annotations

import json
from typing import Any

from autonews.errors import FeedParseError
from autonews.models import ParsedEntry, ParsedFeed
from autonews.parse.fields import cap_html, has_something_to_show, iso_datetime, title_from_text
from autonews.text import clean_text, html_to_text


def parse_json_feed(text: str) -> ParsedFeed:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedParseError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    except ValueError:  # an integer of more than 4,300 digits, past int()'s limit
        raise FeedParseError("invalid JSON: a number too long to read") from None
    except RecursionError:  # [[[[... nested deeper than the interpreter's stack
        raise FeedParseError("invalid JSON: nested too deeply") from None
    if not isinstance(document, dict) or "jsonfeed.org/version/" not in str(
        document.get("version")
    ):
        raise FeedParseError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedParseError("JSON Feed without an items list")
    entries = []
    skipped = 0
    for raw in items:
        if not isinstance(raw, dict):
            continue
        summary = html_to_text(cap_html(str(_summary(raw))))
        authors = raw.get("authors") or (
            [raw["author"]] if isinstance(raw.get("author"), dict) else []
        )
        if not isinstance(authors, list):  # "authors": 5 or "Ann": not the list 1.1 requires
            authors = []
        author = ", ".join(str(a.get("name", "")) for a in authors if isinstance(a, dict))
        link = raw.get("url") or raw.get("external_url")
        # "title" is optional (JSON Feed 1.1): a micro-post is titled by its text, as feed
        # readers show it.
        title = html_to_text(str(raw.get("title") or "")) or title_from_text(_text(raw))
        if not has_something_to_show(title, link, summary):
            skipped += 1
            continue
        # Links and ids may hold lone surrogates ("\ud800" escapes): parse_feed's text rule
        # (parse/text_rules.py) drops them.
        entries.append(
            ParsedEntry(
                title=title,
                link=str(link) if link else None,
                guid=str(raw["id"]) if raw.get("id") is not None else None,
                summary=summary,
                published=iso_datetime(raw.get("date_published"))
                or iso_datetime(raw.get("date_modified")),
                author=clean_text(author),
            )
        )
    return ParsedFeed(
        title=clean_text(str(document.get("title") or "")),
        link=document.get("home_page_url"),
        description=clean_text(str(document.get("description") or "")),
        entries=tuple(entries),
        kind="json" + str(document.get("version", "")).rsplit("/", 1)[-1].replace(".", ""),
        skipped=skipped,
    )


def _summary(raw: dict[str, Any]) -> object:
    return raw.get("summary") or raw.get("content_html") or raw.get("content_text") or ""


def _text(raw: dict[str, Any]) -> str:
    """An item's own text, plain: its content_text, else its content_html's text, else its
    summary."""
    for name in ("content_text", "content_html", "summary"):
        if text := html_to_text(cap_html(str(raw.get(name) or ""))):
            return text
    return ""
