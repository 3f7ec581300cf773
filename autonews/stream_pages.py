"""The article pages of a run's stream (:mod:`autonews.stream`): asked for as soon as a feed's
items are known, handed to the network a few at a time, extracted in the worker processes as
they arrive, and stored whenever nothing else waits to be handled.

Pages are handed to the network a few at a time, round-robin over their hosts
(:class:`autonews.page_queue.PageQueue`), so that the pages fetched and not yet extracted never
exceed ``concurrency + 2 x workers``: memory stays flat however many pages a run reads. A page
is fetched at most once per run; which pages a digest shows, and why others were skipped, is
decided from the stored items once every feed is in (:func:`autonews.articles.page_report`), and
pages found missing then are fetched then.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from autonews.articles import PageReport, failed, page_report, page_requests
from autonews.config import Config
from autonews.fetch import FetchRequest
from autonews.fetch_session import Fetched, FetchSession
from autonews.models import Article, FetchResult, PageFailure
from autonews.page_policy import PageRequest, fetch_problem, refusal, skipped_page
from autonews.page_queue import PageQueue
from autonews.store import Store
from autonews.workers import Workers

Progress = Callable[[str, int, int, str], None]  # stage, done, total, what it waits for
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
FEED, PAGE = "feed", "page"  # the kinds of request, and of worker task
KNOWLEDGE = "knowledge"  # a worker's build of the classifier's knowledge (Workers.prepare)


@dataclass
class Done:
    """A worker's task finished: the future holds its result."""

    kind: str
    key: Any
    future: Future[Any]


Events = queue.SimpleQueue[Fetched | Done]


class Pages:
    """The pages of one run: asked for, in hand, read (extracted or failed), not yet stored."""

    def __init__(
        self,
        store: Store,
        config: Config,
        now: datetime,
        progress: Progress,
        session: FetchSession,
        workers: Workers | None,
        events: Events,
    ) -> None:
        self.store, self.config, self.now, self.progress = store, config, now, progress
        self._session, self._workers, self._events = session, workers, events
        # pages: waiting to be handed to the network (by host), then in hand until read
        limit = config.fetch.concurrency + 2 * (workers.count if workers else 1)
        self.queue = PageQueue(limit, config.fetch.per_host)
        self._asked: dict[str, PageFailure | None] = {}  # page -> its failure record before
        self._read: dict[str, Article | PageFailure] = {}
        self._unsaved: list[Article | PageFailure] = []
        self.deadline = float("inf")  # time.monotonic() past which waiting pages are dropped
        self.on_read: Callable[[str, str], None] | None = None  # told each article's text

    def text_of(self, url: str) -> str:
        """The text of the page at ``url`` when it has been read this run, else ""."""
        outcome = self._read.get(url)
        return outcome.text if isinstance(outcome, Article) else ""

    def ask_missing(self, items: Sequence[Any]) -> None:
        """Ask for the pages of ``items`` not stored, not waiting out a backoff and not asked
        for yet."""
        self._ask(
            [
                url
                for url, page in page_requests(items, self.config.fetch).items()
                if url not in self._asked and refusal(page, self.config.fetch) is None
            ]
        )

    def report(self, items: Sequence[Any]) -> PageReport:
        """Once every page asked for is read: see :func:`autonews.articles.page_report`."""
        return page_report(self.store, items, self.config, self.now, self._read)

    def ask_links(self, links: list[str], feed_url: str) -> None:
        self._ask(
            [
                link
                for link in dict.fromkeys(links)
                if link not in self._asked
                and refusal(PageRequest(link, feed_url), self.config.fetch) is None
            ]
        )

    def _ask(self, urls: list[str]) -> None:
        """Queue the pages among ``urls`` that are not stored and not waiting out a backoff."""
        if not urls:
            return
        stored = self.store.stored_pages(urls)
        failures = self.store.page_failures(url for url in urls if url not in stored)
        for url in urls:
            before = failures.get(url)
            if url in stored or (before is not None and before.retry_after > self.now):
                continue
            self._asked[url] = before
            self.queue.add(url)
        if self.queue and self._workers is not None:
            self._workers.warm(extract=True)
        self._hand_out()

    def _hand_out(self) -> None:
        for url in self.queue.take():
            self._session.submit(PAGE, url, FetchRequest(url, accept=PAGE_ACCEPT))
        self._report()

    def fetched(self, url: str, result: FetchResult) -> None:
        from autonews.extract import extract_fetched

        self.queue.fetched(url)
        problem = fetch_problem(result)
        if problem is not None:
            if problem.startswith("fetch failed"):
                self._done(failed(url, problem, self._asked.get(url), self.now))
            else:
                self._done(skipped_page(url, problem))
            return
        assert result.body is not None
        if self._workers is None:
            self._done(extract_fetched(url, result.body, result.content_type))
            return
        try:
            future = self._workers.submit(extract_fetched, url, result.body, result.content_type)
        except Exception:  # a broken pool: extracted here
            self._done(extract_fetched(url, result.body, result.content_type))
        else:
            future.add_done_callback(lambda done: self._events.put(Done(PAGE, url, done)))

    def extracted(self, url: str, future: Future[Article]) -> None:
        try:
            article = future.result()
        except Exception as exc:  # a worker that died takes only its own page down
            article = skipped_page(url, f"extraction failed: {type(exc).__name__}")
        self._done(article)

    def _done(self, outcome: Article | PageFailure) -> None:
        self.queue.done()
        self._read[outcome.url] = outcome
        self._unsaved.append(outcome)
        if self.on_read is not None and isinstance(outcome, Article):
            self.on_read(outcome.url, outcome.text)
        self._hand_out()

    def _report(self) -> None:
        if self._asked:
            self.progress("extract", len(self._read), len(self._asked), "")

    def expire_waiting(self) -> None:
        """The page deadline has passed: pages never handed out are unfinished too."""
        error = f"fetch failed: unfinished at the run deadline ({self.config.fetch.deadline:g} s)"
        for url in self.queue.drop_waiting():
            self.queue.in_hand += 1  # as _done expects of a page in hand
            self._done(failed(url, error, self._asked.get(url), self.now))

    def save(self) -> None:
        """Store what the pages brought: bodies, and failures with their backoff."""
        if not self._unsaved:
            return
        articles = [a for a in self._unsaved if isinstance(a, Article)]
        failures = [f for f in self._unsaved if isinstance(f, PageFailure)]
        self._unsaved = []
        if articles:
            self.store.save_articles(articles, self.now)
        if failures:
            self.store.save_page_failures(failures)
