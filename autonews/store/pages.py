"""Article pages in the store: bodies cached by URL (and pages with nothing to extract, such as a
PDF, so they are not fetched again), and pages that failed to fetch, with the time before which
they are not tried again. Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from autonews.models import Article, PageFailure
from autonews.page_text import stored_wall
from autonews.store.connection import rows_in, transaction
from autonews.store.rows import iso


class PageQueries:
    db: sqlite3.Connection

    def articles(self, urls: Iterable[str]) -> dict[str, Article]:
        """The pages stored of ``urls``, by URL; a body kept before its page was read as a wall
        (a consent wall, a bot check, a paywall's prompt: trial 43) as a page with no text."""
        return {
            row["url"]: _as_read_now(
                Article(
                    url=row["url"],
                    title=row["title"],
                    author=row["author"],
                    date=row["date"],
                    language=row["language"],
                    text=row["text"],
                    skipped=row["skipped"],
                )
            )
            for row in rows_in(self.db, "SELECT * FROM articles WHERE url IN", urls)
        }

    def stored_pages(self, urls: Iterable[str]) -> set[str]:
        """Which of ``urls`` have an article stored (read, or with nothing to extract)."""
        return {row[0] for row in rows_in(self.db, "SELECT url FROM articles WHERE url IN", urls)}

    def save_articles(self, articles: Iterable[Article], now: datetime) -> None:
        """Store what was read; a page read at last is no longer a failure."""
        rows = [
            (a.url, a.title, a.author, a.date, a.language, a.text, a.skipped, iso(now))
            for a in articles
        ]
        with transaction(self.db) as db:
            db.executemany(
                "INSERT OR REPLACE INTO articles (url, title, author, date, language, text, "
                "skipped, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            db.executemany("DELETE FROM page_failures WHERE url = ?", [(r[0],) for r in rows])

    def page_failures(self, urls: Iterable[str]) -> dict[str, PageFailure]:
        return {
            row["url"]: PageFailure(
                url=row["url"],
                error=row["error"],
                failures=row["failures"],
                retry_after=datetime.fromisoformat(row["retry_after"]),
            )
            for row in rows_in(self.db, "SELECT * FROM page_failures WHERE url IN", urls)
        }

    def save_page_failures(self, failures: Iterable[PageFailure]) -> None:
        with transaction(self.db) as db:
            db.executemany(
                "INSERT OR REPLACE INTO page_failures (url, error, failures, retry_after) "
                "VALUES (?, ?, ?, ?)",
                [(f.url, f.error, f.failures, iso(f.retry_after)) for f in failures],
            )


def _as_read_now(article: Article) -> Article:
    if article.text and (wall := stored_wall(article.text, article.title)):
        return replace(article, text="", skipped=wall)
    return article
