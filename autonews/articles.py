"""The extract stage of a run: which article pages to fetch, which to take from the store, and
which to skip, saying why.

- A page read before (or with nothing to extract, such as a PDF) comes from the store.
- A page that failed (timed out, HTTP 500...) is not fetched again until its backoff has passed:
  1 h after one failure, 6 h after two in a row, 24 h after three, then 3 days.
- A link the fetch rules refuse (a private address from a public feed, not http(s), a file that
  is not a page) is not fetched; that is decided afresh each run, so a change of
  ``[fetch] allow_private`` takes effect at once.

What was skipped goes to the digest's footer and, one line per page, to ``--debug``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from autonews.config import Config
from autonews.models import Article, FetchResult, Item, PageFailure, SkippedPage
from autonews.store import Store

if TYPE_CHECKING:  # extraction is imported only when pages are to be read
    from autonews.extract import PageRequest

BACKOFF = (timedelta(hours=1), timedelta(hours=6), timedelta(hours=24), timedelta(days=3))
_FETCH_FAILED = ("fetch failed", "not fetched")  # Article.skipped of a page that may work later


def backoff(failures: int) -> timedelta:
    """How long a page that failed ``failures`` times in a row is left alone."""
    return BACKOFF[max(1, min(failures, len(BACKOFF))) - 1]


@dataclass(frozen=True)
class PageReport:
    articles: dict[str, Article]  # by URL: bodies, and pages with nothing to extract
    skipped: tuple[SkippedPage, ...]


def read_articles(
    store: Store,
    items: Sequence[Item],
    config: Config,
    offline: bool,
    now: datetime,
    progress: Callable[[str, int, int], None],
) -> PageReport:
    """Article bodies for ``items``: from the store, else fetched and extracted now."""
    # Imported here: a --no-extract or warm run never needs the extraction machinery.
    from autonews.extract import PRIVATE_LINK, PageRequest, refusal

    pages = {item.link: PageRequest(item.link, item.feed_url) for item in items if item.link}
    skipped: list[SkippedPage] = []
    allowed = []
    for url, page in pages.items():
        reason = refusal(page, config.fetch)
        if reason is None:
            allowed.append(url)
        else:
            kind = "private" if reason == PRIVATE_LINK else "other"
            skipped.append(SkippedPage(url, reason, kind))
    cached = store.articles(allowed)
    skipped += [SkippedPage(a.url, a.skipped, "other") for a in cached.values() if a.skipped]
    failures = store.page_failures(url for url in allowed if url not in cached)
    todo: list[PageRequest] = []
    for url in allowed:
        if url in cached:
            continue
        failure = failures.get(url)
        if failure is not None and failure.retry_after > now:
            skipped.append(SkippedPage(url, failure.error, "waiting", failure.retry_after))
        else:
            todo.append(pages[url])
    if offline or not todo:
        return PageReport(cached, tuple(skipped))
    fresh = _fetch(todo, config, progress)
    read = [a for a in fresh if not a.skipped.startswith(_FETCH_FAILED)]
    failed = []
    for article in fresh:
        if article.skipped.startswith(_FETCH_FAILED):
            before = failures.get(article.url)
            count = before.failures + 1 if before else 1
            failed.append(PageFailure(article.url, article.skipped, count, now + backoff(count)))
    store.save_articles(read, now)
    store.save_page_failures(failed)
    skipped += [SkippedPage(a.url, a.skipped, "other") for a in read if a.skipped]
    skipped += [SkippedPage(f.url, f.error, "failed", f.retry_after) for f in failed]
    return PageReport({**cached, **{a.url: a for a in read}}, tuple(skipped))


def _fetch(
    pages: Sequence[PageRequest], config: Config, progress: Callable[[str, int, int], None]
) -> list[Article]:
    from autonews.extract import extract_pages

    done = 0

    def tick(_: FetchResult) -> None:
        nonlocal done
        done += 1
        progress("extract", done, len(pages))

    return extract_pages(pages, config.fetch, tick)
