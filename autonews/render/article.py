"""One article as `autonews read` shows it: text, markdown or json."""

from __future__ import annotations

import json

from autonews.models import Article
from autonews.text import clean_text


def render_article(article: Article, fmt: str) -> str:
    if fmt == "json":
        return (
            json.dumps(
                {
                    "url": article.url,
                    "title": article.title,
                    "author": article.author,
                    "date": article.date,
                    "language": article.language,
                    "text": article.text,
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    title = clean_text(article.title) or article.url
    byline = " · ".join(clean_text(x) for x in (article.author, article.date) if x)
    text = clean_text(article.text, keep_newlines=True)
    if fmt == "markdown":
        head = f"# {title}\n\n" + (f"*{byline}*\n\n" if byline else "")
        return head + text + f"\n\n<{article.url}>\n"
    return (
        f"{title}\n{byline}\n\n{text}\n\n{article.url}\n"
        if byline
        else f"{title}\n\n{text}\n\n{article.url}\n"
    )
