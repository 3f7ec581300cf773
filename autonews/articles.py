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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from autonews.config import Config, FetchConfig
from autonews.models import Article, Item, PageFailure, SkippedPage
from autonews.page_policy import PRIVATE_LINK, PageRequest, refusal
from autonews.store import Store

BACKOFF = (timedelta(hours=1), timedelta(hours=6), timedelta(hours=24), timedelta(days=3))


def backoff(failures: int) -> timedelta:
    """How long a page that failed ``failures`` times in a row is left alone."""
    return BACKOFF[max(1, min(failures, len(BACKOFF))) - 1]


@dataclass(frozen=True)
class PageReport:
    articles: dict[str, Article]  # by URL: bodies, and pages with nothing to extract
    skipped: tuple[SkippedPage, ...]


def page_requests(items: Sequence[Item], fetch: FetchConfig) -> dict[str, PageRequest]:
    """The article page of each item that links to one, by URL, in the items' order. A page
    several feeds link to is asked for from the first that may follow the link (else from the
    last): a loopback feed may follow a link to a loopback address that a feed read from a file
    may not, and the page it read was read, not "skipped: link to a private address"."""
    pages: dict[str, PageRequest] = {}
    for item in items:
        if not item.link:
            continue
        known = pages.get(item.link)
        if known is None or (known.feed_url != item.feed_url and refusal(known, fetch)):
            pages[item.link] = PageRequest(item.link, item.feed_url)
    return pages


def page_report(
    store: Store,
    items: Sequence[Item],
    config: Config,
    now: datetime,
    read: Mapping[str, Article | PageFailure] | None,
) -> PageReport:
    """Article bodies for ``items``: those stored before this run, and ``read``, what this run
    fetched for the others (an Article, or a PageFailure for a page that could not be fetched);
    None when the run fetches nothing (``--offline``). Pages skipped, and why, in this order:
    refused links, pages with nothing to extract, pages waiting out a backoff, then this run's."""
    fresh = read or {}
    skipped: list[SkippedPage] = []
    allowed = []
    for url, page in page_requests(items, config.fetch).items():
        reason = refusal(page, config.fetch)
        if reason is None:
            allowed.append(url)
        else:
            kind = "private" if reason == PRIVATE_LINK else "other"
            skipped.append(SkippedPage(url, reason, kind))
    cached = {url: a for url, a in store.articles(allowed).items() if url not in fresh}
    skipped += [SkippedPage(a.url, a.skipped, "other") for a in cached.values() if a.skipped]
    failures = store.page_failures(url for url in allowed if url not in cached and url not in fresh)
    todo: list[str] = []
    for url in allowed:
        if url in cached:
            continue
        failure = failures.get(url)
        if url not in fresh and failure is not None and failure.retry_after > now:
            skipped.append(SkippedPage(url, failure.error, "waiting", failure.retry_after))
        else:
            todo.append(url)
    if read is None or not todo:
        return PageReport(cached, tuple(skipped))
    outcomes = [
        fresh.get(url) or failed(url, "not fetched", failures.get(url), now) for url in todo
    ]
    articles = [a for a in outcomes if isinstance(a, Article)]
    lost = [f for f in outcomes if isinstance(f, PageFailure)]
    skipped += [SkippedPage(a.url, a.skipped, "other") for a in articles if a.skipped]
    skipped += [SkippedPage(f.url, f.error, "failed", f.retry_after) for f in lost]
    return PageReport({**cached, **{a.url: a for a in articles}}, tuple(skipped))


def failed(url: str, error: str, before: PageFailure | None, now: datetime) -> PageFailure:
    """A page that could not be fetched this run: left alone for a backoff that grows with the
    failures in a row (``before``: the page's failure record from earlier runs)."""
    count = before.failures + 1 if before else 1
    return PageFailure(url, error, count, now + backoff(count))


def read_articles(store: Store, items: Sequence[Item], config: Config, now: datetime) -> PageReport:
    """Article bodies for ``items`` from the store alone (``--offline``)."""
    return page_report(store, items, config, now, None)
