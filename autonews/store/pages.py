"""Article pages in the store: bodies cached by URL (and pages with nothing to extract, such as a
PDF, so they are not fetched again), and pages that failed to fetch, with the time before which
they are not tried again. Part of :class:`autonews.store.Store`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from autonews.models import Article, PageFailure
from autonews.page_text import stored_wall, stored_wall_version
from autonews.store.connection import rows_in, transaction
from autonews.store.rows import iso


class PageQueries:
    db: sqlite3.Connection
    read_only: bool

    def articles(self, urls: Iterable[str]) -> dict[str, Article]:
        """The pages stored of ``urls``, by URL; a body kept before its page was read as a wall
        (a consent wall, a bot check, a paywall's prompt: trial 43) as a page with no text. A
        body is read for walls once for each version of what walls are: the store remembers
        which were none (the bodies a warm run reads again, every run)."""
        version = stored_wall_version()
        found: dict[str, Article] = {}
        no_wall: list[str] = []
        for row in rows_in(self.db, "SELECT * FROM articles WHERE url IN", urls):
            article = Article(
                url=row["url"],
                title=row["title"],
                author=row["author"],
                date=row["date"],
                language=row["language"],
                text=row["text"],
                skipped=row["skipped"],
            )
            if article.text and row["no_wall"] != version:
                wall = stored_wall(article.text, article.title)
                if wall:
                    article = replace(article, text="", skipped=wall)
                else:
                    no_wall.append(article.url)
            found[article.url] = article
        self._remember_no_wall(no_wall, version)
        return found

    def _remember_no_wall(self, urls: list[str], version: str) -> None:
        """Record that the bodies of ``urls`` were read as no wall under ``version``; where the
        store cannot be written now (opened read-only, or busy with another run), they are
        read again next time, as before."""
        if not urls or self.read_only:
            return
        try:
            with transaction(self.db) as db:
                db.executemany(
                    "UPDATE articles SET no_wall = ? WHERE url = ?", [(version, u) for u in urls]
                )
        except sqlite3.OperationalError:
            return

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
