"""One article as `autonews read` shows it: text, markdown or json. Its title as the digest
shows titles (without a wire's "UPDATE 2-"), its date in the reader's zone as `story` gives a
source's (trial 38: "staff · 2026-12-03 09:00 UTC · 2026-12-03T09:00:00+00:00" under a digest
in Europe/Berlin)."""

from __future__ import annotations

import json
from datetime import tzinfo

from autonews.models import Article
from autonews.page_dates import iso_or_as_written, page_moment
from autonews.text import clean_text
from autonews.wire_titles import shown_title


def render_article(article: Article, fmt: str, zone: tzinfo | None = None) -> str:
    """``zone``: the reader's ([digest] timezone; None: the system's)."""
    title = shown_title(clean_text(article.title))
    if fmt == "json":
        return (
            json.dumps(
                {
                    "url": article.url,
                    "title": title,
                    "author": article.author,
                    "date": iso_or_as_written(article.date),
                    "language": article.language,
                    "text": article.text,
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    title = title or article.url
    byline = " · ".join(x for x in (clean_text(article.author), _when(article.date, zone)) if x)
    text = clean_text(article.text, keep_newlines=True)
    if fmt == "markdown":
        head = f"# {title}\n\n" + (f"*{byline}*\n\n" if byline else "")
        return head + text + f"\n\n<{article.url}>\n"
    return (
        f"{title}\n{byline}\n\n{text}\n\n{article.url}\n"
        if byline
        else f"{title}\n\n{text}\n\n{article.url}\n"
    )


def _when(date: str, zone: tzinfo | None) -> str:
    """The page's date in the reader's zone, as `story` writes a source's ("2026-12-03 10:00
    CET"); as the page wrote it where it names no moment (a day alone)."""
    moment = page_moment(date)
    if moment is None:
        return clean_text(date)
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z").rstrip()
