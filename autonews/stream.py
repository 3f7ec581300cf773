"""The network part of a run as one stream: feeds fetched, parsed and stored, and the article
pages their items link to fetched and extracted, each as soon as it arrives.

Three kinds of thread and process share the work:

- the network thread (:class:`autonews.fetch_session.FetchSession`) only fetches;
- worker processes (:class:`autonews.workers.Workers`), forked when the run starts and warmed up
  while the first requests are in flight, parse feeds (when there are many) and extract pages;
- this thread hands each arrival on, stores parsed feeds in the order of the feed list (so item
  ids, and so story ids, do not depend on which server answered first), and asks for the pages of
  a feed's items in the digest's window as soon as that feed is parsed.

Pages are handed to the network a few at a time, round-robin over their hosts
(:class:`autonews.page_queue.PageQueue`), so that the pages fetched and not yet extracted never
exceed ``concurrency + 2 x workers``: memory stays flat however many pages a run reads. A page
is fetched at most once per run; which pages a digest shows, and why others were skipped, is
decided from the stored items once every feed is in (:func:`autonews.articles.page_report`), and
pages found missing then are fetched then.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import queue
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from autonews.articles import PageReport, failed, page_report, page_requests
from autonews.config import Config, FeedConfig
from autonews.feed_work import (
    PARSE_POOL_THRESHOLD,
    POOL_ALL_FEEDS,
    POOL_PARSE_BYTES,
    FeedWork,
    Records,
    parse_and_classify,
    parse_result,
)
from autonews.fetch import FetchRequest
from autonews.fetch_session import Fetched, FetchSession
from autonews.models import (
    Article,
    Classification,
    FeedHealth,
    FeedStatus,
    FetchResult,
    PageFailure,
    ParsedFeed,
)
from autonews.page_queue import PageQueue
from autonews.store import Store
from autonews.timeparse import parse_duration
from autonews.workers import Workers

Progress = Callable[[str, int, int], None]  # stage, done, total
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
FEED, PAGE = "feed", "page"
CHECK_EVERY = 5.0  # seconds: how often a quiet wait checks that the fetch thread is alive


@dataclass
class _Done:
    """A worker's task finished: the future holds its result."""

    kind: str
    key: Any
    future: Future[Any]


@dataclass
class _Feed:
    config: FeedConfig
    result: FetchResult | None = None  # without its body once handed on
    document: ParsedFeed | str | None = None
    records: Records = field(default_factory=list)
    identity: tuple[list[str], list[str]] | None = None
    ready: bool = False  # fetched and, when it came, parsed


class Stream:
    """One run's fetching, parsing and extraction. Use as a context manager: :meth:`feeds`
    fetches, parses and stores the feeds (pages start meanwhile), :meth:`pages` finishes the
    pages the stored items need."""

    def __init__(
        self,
        store: Store,
        feeds: Sequence[FeedConfig],
        config: Config,
        now: datetime,
        progress: Progress,
        since: datetime | None,
        extract: bool,
    ) -> None:
        self.store, self.config, self.now, self.since = store, config, now, since
        self.progress, self.extract = progress, extract
        self._feeds = [_Feed(feed) for feed in feeds]
        self._events: queue.SimpleQueue[Fetched | _Done] = queue.SimpleQueue()
        cores = os.cpu_count() or 1
        # With many feeds, each feed's entries in the window are classified as it arrives
        # (parse_and_classify): in a worker when the run or the feed is large, else here.
        self._classify_on_arrival = cores > 1 and len(feeds) >= PARSE_POOL_THRESHOLD
        self._pool_all = self._classify_on_arrival and len(feeds) >= POOL_ALL_FEEDS
        wanted = extract or self._classify_on_arrival
        self._workers = Workers(cores) if cores > 1 and wanted else None
        self._session = FetchSession(config.fetch, self._events)
        self._exits = contextlib.ExitStack()
        self._health: list[FeedHealth | None] = [None] * len(feeds)
        self._fetched = self._stored = 0
        # pages: waiting to be handed to the network (by host), then in hand until read
        limit = config.fetch.concurrency + 2 * (self._workers.count if self._workers else 1)
        self._queue = PageQueue(limit, config.fetch.per_host)
        self._asked: dict[str, PageFailure | None] = {}  # page -> its failure record before
        self._read: dict[str, Article | PageFailure] = {}
        self._unsaved: list[Article | PageFailure] = []
        self._page_deadline = float("inf")
        # Entries classified in the workers, by item id: what the store now holds for them.
        self.classified: dict[int, Classification] = {}
        known = store.http_states([slot.config.url for slot in self._feeds])
        self._states = [known.get(slot.config.url, (None, None)) for slot in self._feeds]
        # A feed never fetched brings entries (and pages) for sure.
        self.cold = any(etag is None and modified is None for etag, modified in self._states)

    @property
    def big(self) -> bool:
        """Whether every feed goes to a worker to be parsed and classified (a large run)."""
        return self._pool_all

    def __enter__(self) -> Stream:
        with contextlib.ExitStack() as stack:
            if self._workers is not None:
                stack.enter_context(self._workers)  # forked before the network thread starts
            stack.enter_context(self._session)
            self._exits = stack.pop_all()
        return self

    def __exit__(self, *exc: object) -> None:
        self._exits.close()

    # --- feeds ---------------------------------------------------------------------------------

    def feeds(
        self, build_classifier: bool = True, meanwhile: Callable[[], object] | None = None
    ) -> list[FeedHealth]:
        """Fetch, parse and store every feed; their health, in the feed list's order.
        ``build_classifier``: build the run's classifier once the first requests are out;
        ``meanwhile``: other work for then (such as importing what the later stages use)."""
        states = self._states
        if self._workers is not None and self.cold:
            # The workers get ready now for the entries and pages to come. Otherwise when the
            # first feed with something new arrives, or the first page is asked for (a run
            # where every feed answers 304 needs neither).
            classify = self.config.classify if self._pool_all else None
            self._workers.warm(extract=self.extract, settings=classify)
        deadline = self.config.fetch.deadline
        self._session.deadline(FEED, deadline)
        self._session.deadline(PAGE, 2 * deadline)  # until the feeds are in; see below
        self._page_deadline = time.monotonic() + 2 * deadline
        for index, (slot, state) in enumerate(zip(self._feeds, states, strict=True)):
            self._session.submit(FEED, index, FetchRequest(slot.config.url, *state))
        if (build_classifier or meanwhile is not None) and self._feeds:
            # While the network thread waits for answers (not while it sends: they share one
            # interpreter): the parsers are imported when feeds will bring documents, and the
            # classify stage, and the feeds classified here, find the classifier made.
            self._session.waiting.wait(timeout=1.0)
            if self.cold:
                importlib.import_module("autonews.parse")
            if build_classifier:
                from autonews.classify.configured import classifier_for

                classifier_for(self.config.classify)
            if meanwhile is not None:
                meanwhile()
        self._wait(lambda: self._stored == len(self._feeds))
        # The pages get the whole deadline from here, as when they were fetched after the feeds.
        self._session.deadline(PAGE, deadline)
        self._page_deadline = time.monotonic() + deadline
        return [health for health in self._health if health is not None]

    def _feed_fetched(self, index: int, result: FetchResult) -> None:
        self._fetched += 1
        self.progress("fetch", self._fetched, len(self._feeds))
        slot = self._feeds[index]
        slot.result = replace(result, body=None)  # the body goes on to be parsed, not kept
        max_items = self.config.fetch.max_items_per_feed
        if result.status is not FeedStatus.OK:
            slot.ready = True
        elif self._classify_on_arrival:
            settings = self.config.classify
            large = self._pool_all or len(result.body or b"") >= POOL_PARSE_BYTES
            future = None
            if large and self._workers is not None:
                self._workers.warm(settings=settings)
                with contextlib.suppress(Exception):  # a broken pool: parsed here
                    future = self._workers.submit(
                        parse_and_classify, result, max_items, settings, self.since
                    )
            if future is None:
                self._parsed(index, parse_and_classify(result, max_items, settings, self.since))
            else:
                future.add_done_callback(lambda done: self._events.put(_Done(FEED, index, done)))
                return
        else:
            self._parsed(index, FeedWork(parse_result(result, max_items)))
        self._store_ready()

    def _feed_parsed(self, index: int, future: Future[FeedWork]) -> None:
        try:
            work = future.result()
        except Exception as exc:  # a worker that died takes only its own feed down
            work = FeedWork(f"parser failed: {type(exc).__name__}")
        self._parsed(index, work)
        self._store_ready()

    def _parsed(self, index: int, work: FeedWork) -> None:
        slot = self._feeds[index]
        document = slot.document = work.document
        slot.records, slot.identity, slot.ready = work.records, work.identity, True
        if self.extract and isinstance(document, ParsedFeed):
            self._ask_pages(self._in_window(document), slot.config.url)

    def _in_window(self, document: ParsedFeed) -> list[str]:
        """The links of entries the digest will show, dated as the store will date them."""
        links = []
        for entry in document.entries:
            published = entry.published or self.now
            if published > self.now + timedelta(days=1):
                published = self.now
            if entry.link and (self.since is None or published >= self.since):
                links.append(entry.link)
        return links

    def _store_ready(self) -> None:
        """Store the feeds that are ready, in the feed list's order."""
        if self._stored < len(self._feeds) and self._feeds[self._stored].ready:
            with self.store.transaction():  # every feed ready now, in one transaction
                self._store_feeds()

    def _store_feeds(self) -> None:
        from autonews.classify.configured import classifier_version

        version = classifier_version(self.config.classify)
        window = parse_duration(self.config.digest.first_run_window)
        while self._stored < len(self._feeds) and self._feeds[self._stored].ready:
            slot = self._feeds[self._stored]
            result, document, records = slot.result, slot.document, slot.records
            assert result is not None
            error = result.error if result.status is FeedStatus.ERROR else None
            count = 0
            if isinstance(document, str):
                error = document
            elif isinstance(document, ParsedFeed):
                count = len(document.entries)
                update = self.store.add_entries(
                    slot.config, document.entries, self.now, window, slot.identity
                )
                made = [
                    (item_id, Classification.from_record(record), False)
                    for index, item_id in update.inserted.items()
                    if index < len(records) and (record := records[index]) is not None
                ]
                if made:  # classified in a worker: kept for the classify stage
                    self.store.save_classifications(made, version)
                    self.classified.update((item_id, c) for item_id, c, _ in made)
            self._health[self._stored] = self.store.record_fetch(
                slot.config, result, count, error, self.now
            )
            self._feeds[self._stored] = _Feed(slot.config)  # the parsed entries can go
            self._stored += 1

    # --- pages ---------------------------------------------------------------------------------

    def pages(self, items: Sequence[Any]) -> PageReport:
        """The article pages of ``items``: fetch those not stored, not waiting out a backoff and
        not asked for yet; wait for all; the report (see :func:`autonews.articles.page_report`)."""
        from autonews.extract import refusal

        missing = [
            url
            for url, page in page_requests(items).items()
            if url not in self._asked and refusal(page, self.config.fetch) is None
        ]
        self._ask(missing)
        self._wait(lambda: self._queue.idle)
        self._save()
        return page_report(self.store, items, self.config, self.now, self._read)

    def _ask_pages(self, links: list[str], feed_url: str) -> None:
        from autonews.extract import PageRequest, refusal

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
            self._queue.add(url)
        if self._queue and self._workers is not None:
            self._workers.warm(extract=True)
        self._hand_out()

    def _hand_out(self) -> None:
        for url in self._queue.take():
            self._session.submit(PAGE, url, FetchRequest(url, accept=PAGE_ACCEPT))
        self._report_pages()

    def _page_fetched(self, url: str, result: FetchResult) -> None:
        from autonews.extract import extract_fetched, fetch_problem, skipped_page

        self._queue.fetched(url)
        problem = fetch_problem(result)
        if problem is not None:
            if problem.startswith("fetch failed"):
                self._page_done(failed(url, problem, self._asked.get(url), self.now))
            else:
                self._page_done(skipped_page(url, problem))
            return
        assert result.body is not None
        if self._workers is None:
            self._page_done(extract_fetched(url, result.body, result.content_type))
            return
        try:
            future = self._workers.submit(extract_fetched, url, result.body, result.content_type)
        except Exception:  # a broken pool: extracted here
            self._page_done(extract_fetched(url, result.body, result.content_type))
        else:
            future.add_done_callback(lambda done: self._events.put(_Done(PAGE, url, done)))

    def _page_extracted(self, url: str, future: Future[Article]) -> None:
        from autonews.extract import skipped_page

        try:
            article = future.result()
        except Exception as exc:  # a worker that died takes only its own page down
            article = skipped_page(url, f"extraction failed: {type(exc).__name__}")
        self._page_done(article)

    def _page_done(self, outcome: Article | PageFailure) -> None:
        self._queue.done()
        self._read[outcome.url] = outcome
        self._unsaved.append(outcome)
        self._hand_out()

    def _report_pages(self) -> None:
        if self._asked:
            self.progress("extract", len(self._read), len(self._asked))

    def _expire_waiting(self) -> None:
        """The page deadline has passed: pages never handed out are unfinished too."""
        error = f"fetch failed: unfinished at the run deadline ({self.config.fetch.deadline:g} s)"
        for url in self._queue.drop_waiting():
            self._queue.in_hand += 1  # as _page_done expects of a page in hand
            self._page_done(failed(url, error, self._asked.get(url), self.now))

    def _save(self) -> None:
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

    # --- the loop ------------------------------------------------------------------------------

    def _wait(self, done: Callable[[], bool]) -> None:
        """Handle arrivals until ``done()``; what pages brought is stored whenever nothing is
        waiting to be handled."""
        while not done():
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                self._save()
                timeout = CHECK_EVERY
                if self._queue:
                    timeout = min(timeout, max(0.0, self._page_deadline - time.monotonic()))
                try:
                    event = self._events.get(timeout=timeout)
                except queue.Empty:
                    if self._queue and time.monotonic() >= self._page_deadline:
                        self._expire_waiting()
                    elif not self._session.alive:  # pragma: no cover - a bug, not a feed's fault
                        raise RuntimeError(
                            "the fetch thread stopped with requests unanswered"
                        ) from None
                    continue
            self._handle(event)

    def _handle(self, event: Fetched | _Done) -> None:
        if isinstance(event, Fetched):
            if event.kind == FEED:
                assert isinstance(event.key, int)
                self._feed_fetched(event.key, event.result)
            else:
                self._page_fetched(str(event.key), event.result)
        elif event.kind == FEED:
            self._feed_parsed(event.key, event.future)
        else:
            self._page_extracted(event.key, event.future)
