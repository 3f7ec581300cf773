"""The network part of a run as one stream: feeds fetched, parsed and stored, and the article
pages their items link to fetched and extracted, each as soon as it arrives.

Three kinds of thread and process share the work:

- the network thread (:class:`autonews.fetch_session.FetchSession`) only fetches;
- worker processes (:class:`autonews.workers.Workers`), forked when the run starts and warmed up
  while the first requests are in flight, parse feeds (when there are many) and extract pages
  (a run without pages and with fewer than POOL_ALL_FEEDS feeds has none);
- this thread hands each arrival on, stores parsed feeds in the order of the feed list (so item
  ids, and so story ids, do not depend on which server answered first), and asks for the pages of
  a feed's items in the digest's window as soon as that feed is parsed
  (:class:`autonews.stream_pages.Pages`).
"""

from __future__ import annotations

import contextlib
import os
import queue
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from autonews.articles import PageReport
from autonews.config import Config, FeedConfig
from autonews.feed_work import (
    PARSE_POOL_THRESHOLD,
    POOL_ALL_FEEDS,
    POOL_PARSE_BYTES,
    FeedWork,
    classified,
    parse_and_classify,
    parse_result,
)
from autonews.fetch import FetchRequest
from autonews.fetch_session import Fetched, FetchSession
from autonews.models import (
    Classification,
    FeedHealth,
    FeedStatus,
    FetchResult,
    ParsedEntry,
    ParsedFeed,
)
from autonews.store import Store
from autonews.stream_feeds import FeedSlot, FeedStoring
from autonews.stream_knowledge import KnowledgeBuild
from autonews.stream_labels import PageLabels
from autonews.stream_pages import FEED, KNOWLEDGE, PAGE, Done, Events, Pages, Progress
from autonews.urls import remember_normalized
from autonews.workers import Workers

CHECK_EVERY = 5.0  # seconds: how often a quiet wait checks that the fetch thread is alive
QUIET = 0.02  # seconds without an arrival after which a run that parses its feeds is idle
IN_HAND = 3  # feeds per worker handed on and not parsed yet, for the main thread to be busy
AWAITED_NAMED = 2  # feeds still to come that the progress bar names (see Stream._awaited)


class Stream(FeedStoring):
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
        self._feeds = [FeedSlot(feed) for feed in feeds]
        self._events: Events = queue.SimpleQueue()
        cores = os.cpu_count() or 1
        # With many feeds, each feed's entries in the window are classified as it arrives
        # (parse_and_classify): in a worker when the run is large (or, in a run with workers,
        # the feed is), else here.
        self._classify_on_arrival = cores > 1 and len(feeds) >= PARSE_POOL_THRESHOLD
        self._pool_all = self._classify_on_arrival and len(feeds) >= POOL_ALL_FEEDS
        known = store.http_states([slot.config.url for slot in self._feeds])
        self._states = [known.get(slot.config.url, (None, None)) for slot in self._feeds]
        # A feed never fetched brings entries (and pages) for sure.
        self.cold = any(etag is None and modified is None for etag, modified in self._states)
        # Workers for the pages (a cold run warms up the extractor first), or for a run that
        # parses every feed in one. A run without pages and with fewer feeds starts none: a
        # worker building the classifier's knowledge meanwhile (as in a run with pages) cost
        # it more CPU than it saved (the fork, the worker's imports, the copy written and read
        # back: the farm's cold --no-extract run, 1.3-1.5 s of CPU instead of 1.15 s).
        wanted = extract or self._pool_all
        self._workers = Workers(cores, extract and self.cold) if cores > 1 and wanted else None
        self._session = FetchSession(config.fetch, self._events)
        self._exits = contextlib.ExitStack()
        self._health: list[FeedHealth | None] = [None] * len(feeds)
        self._fetched = self._stored = 0
        self._coming = set(range(len(feeds)))  # feeds not fetched yet, by index
        self._pages = Pages(
            store, config, now, progress, self._session, self._workers, self._events
        )
        self._idle_work: Callable[[], object] | None = None  # see feeds()
        self._meanwhile: Callable[[], object] | None = None  # see feeds()
        # A worker building the classifier's knowledge, with the glossary, and the feeds held
        # for it (stream_knowledge).
        self._knowledge = KnowledgeBuild(config.classify)
        self.news = False  # whether a feed has brought an entry in the digest's window
        # Entries classified in the workers, by item id: what the store now holds for them.
        self.classified: dict[int, Classification] = {}
        # Entries classified again with their page's text as it comes (stream_labels).
        self.labels = PageLabels(config.classify)
        if extract:
            self._pages.on_read = self.labels.page_read

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
        self,
        build_classifier: bool = True,
        meanwhile: Callable[[], object] | None = None,
        idle: Callable[[], object] | None = None,
    ) -> list[FeedHealth]:
        """Fetch, parse and store every feed; their health, in the feed list's order.
        ``build_classifier``: build the run's classifier once the first requests are out;
        ``meanwhile``: other work for then (such as importing what the later stages use; in a
        run whose workers parse every feed, done once they have the first feeds in hand);
        ``idle``: work for the entries the run brings (such as loading what clustering needs),
        done in an idle moment (see :meth:`_wait`) once a feed has brought one in the digest's
        window; a run whose feeds bring none skips it."""
        states = self._states
        if self._workers is not None and self.cold:
            if build_classifier:
                # An idle worker builds the classifier's knowledge (with the glossary), which
                # this thread then loads (see Workers.prepare): meanwhile it parses the feeds
                # that arrive and asks for their pages rather than building it while they wait.
                self._knowledge.start(self._workers, self._events)
            # The workers get ready now for the entries and pages to come. Otherwise when the
            # first feed with something new arrives, or the first page is asked for (a run
            # where every feed answers 304 needs neither).
            classify = self.config.classify if self._pool_all else None
            self._workers.warm(extract=self.extract, settings=classify)
        deadline = self.config.fetch.deadline
        self._session.deadline(FEED, deadline)
        self._session.deadline(PAGE, 2 * deadline)  # until the feeds are in; see below
        self._pages.deadline = time.monotonic() + 2 * deadline
        for index, (slot, state) in enumerate(zip(self._feeds, states, strict=True)):
            self._session.submit(FEED, index, FetchRequest(slot.config.url, *state))
        self.progress("fetch", 0, len(self._feeds), self._awaited())
        if self._pool_all or (self.extract and self._knowledge.future is not None):
            # Done now, it held the first feeds back from the workers (which wait for nothing
            # else) or from parsing and asking for their pages (when a worker builds the
            # knowledge): it is done once the workers have some work in hand (see _wait).
            self._meanwhile, meanwhile = meanwhile, None
        if (build_classifier or meanwhile is not None) and self._feeds:
            # While the network thread waits for answers (not while it sends: they share one
            # interpreter): the parsers are imported when feeds will bring documents, and the
            # classify stage, and the feeds classified here, find the classifier made.
            self._session.waiting.wait(timeout=1.0)
            if self.cold:
                from autonews.parse import load_engines

                load_engines(reference=False)  # feedparser only for the documents that need it
            if build_classifier and self._knowledge.future is None:
                from autonews.classify.configured import classifier_for

                classifier_for(self.config.classify)
            if meanwhile is not None:
                meanwhile()
        self._idle_work = idle
        # (and the knowledge a worker builds: the pages of the feeds go on meanwhile)
        self._wait(lambda: self._stored == len(self._feeds) and not self._knowledge.awaited)
        self._run_meanwhile()  # the feeds left no moment for it
        if self.news:
            self._run_idle_work()  # the feeds left no idle moment
        self._knowledge.wait()  # the classify stage loads what a worker kept
        # The pages get the whole deadline from here, as when they were fetched after the feeds.
        self._session.deadline(PAGE, deadline)
        self._pages.deadline = time.monotonic() + deadline
        return [health for health in self._health if health is not None]

    def _feed_fetched(self, index: int, result: FetchResult) -> None:
        self._fetched += 1
        self._coming.discard(index)
        slot = self._feeds[index]
        slot.result = replace(result, body=None)  # the body goes on to be parsed, not kept
        self.progress("fetch", self._fetched, len(self._feeds), self._awaited())
        max_items = self.config.fetch.max_items_per_feed
        if result.status is not FeedStatus.OK:
            slot.ready = True
        elif self._classify_on_arrival:
            settings = self.config.classify
            large = self._pool_all or len(result.body or b"") >= POOL_PARSE_BYTES
            future = None
            if large and self._workers is not None:
                with contextlib.suppress(Exception):  # a broken pool: parsed here
                    self._workers.warm(settings=settings)
                    future = self._workers.submit(
                        parse_and_classify, result, max_items, settings, self.since
                    )
            if future is None and self._knowledge.pending:
                # A worker still builds the classifier's knowledge: parsed now and its pages
                # asked for, classified once the knowledge is loaded, rather than waited for
                # or built twice.
                self._hold(index, parse_result(result, max_items))
            elif future is None:
                self._parsed(index, parse_and_classify(result, max_items, settings, self.since))
            else:
                future.add_done_callback(lambda done: self._events.put(Done(FEED, index, done)))
                return
        else:
            self._parsed(index, FeedWork(parse_result(result, max_items)))
        self._store_ready()

    def _awaited(self) -> str:
        """The feeds the run still waits for, named once they are the last few: a feed slower
        than the others holds the run up to [fetch] timeout (trial 33: 20.5 s for a run
        otherwise done in 6), and the person watching learns which."""
        if len(self._coming) > AWAITED_NAMED:
            return ""
        from autonews.text import clean_text

        feeds = [self._feeds[index].config for index in sorted(self._coming)]
        waiting = ", ".join(clean_text(feed.name or feed.url) for feed in feeds)
        return f"waiting for {waiting}" if waiting else ""

    def _feed_parsed(self, index: int, future: Future[FeedWork]) -> None:
        try:
            work = future.result()
        except Exception as exc:  # a worker that died takes only its own feed down
            work = FeedWork(f"parser failed: {type(exc).__name__}")
        self._parsed(index, work)
        self._store_ready()

    def _parsed(self, index: int, work: FeedWork) -> None:
        self._take(index, work)
        document = work.document
        if not self.news and isinstance(document, ParsedFeed):
            self.news = any(map(self._shown, document.entries))
        if self.extract and isinstance(document, ParsedFeed):
            self._pages.ask_links(self._in_window(document), self._feeds[index].config.url)

    def _take(self, index: int, work: FeedWork) -> None:
        slot = self._feeds[index]
        document = slot.document = work.document
        slot.records, slot.identity, slot.ready = work.records, work.identity, True
        if work.links and isinstance(document, ParsedFeed):
            links = (entry.link for entry in document.entries)
            remember_normalized(
                (link, normal) for link, normal in zip(links, work.links, strict=True) if link
            )
        if self.extract and work.records and isinstance(document, ParsedFeed):
            self.labels.expect(document, work.records, self._pages.text_of)

    def _hold(self, index: int, parsed: ParsedFeed | str) -> None:
        """A feed parsed before the classifier's knowledge is loaded: its pages are asked for
        now, and it waits to be classified (see :meth:`_classify_held`)."""
        self._parsed(index, FeedWork(parsed))
        if isinstance(parsed, ParsedFeed):
            self._feeds[index].ready = False
            self._knowledge.held.append(index)

    def _classify_held(self) -> None:
        """Classify the next feed held for the knowledge, as it would have been on arrival,
        and store what is ready."""
        if not self._knowledge.loaded:
            self._knowledge.load()  # the worker is late: built here
        index = self._knowledge.held.pop(0)
        document = self._feeds[index].document
        assert isinstance(document, ParsedFeed)
        self._take(index, classified(document, self.config.classify, self.since))
        self._store_ready()

    def _in_window(self, document: ParsedFeed) -> list[str]:
        """The links of entries the digest will show."""
        return [entry.link for entry in document.entries if entry.link and self._shown(entry)]

    def _shown(self, entry: ParsedEntry) -> bool:
        """Whether the digest's window holds ``entry``, dated as the store will date it."""
        published = entry.published or self.now
        if published > self.now + timedelta(days=1):
            published = self.now
        return self.since is None or published >= self.since

    # --- pages ---------------------------------------------------------------------------------

    def pages(self, items: Sequence[Any]) -> PageReport:
        """The article pages of ``items``: fetch those not stored, not waiting out a backoff and
        not asked for yet; wait for all; the report (see :func:`autonews.articles.page_report`)."""
        self._pages.ask_missing(items)
        self._wait(lambda: self._pages.queue.idle)
        while self.labels.due:  # the last pages' (the classify stage would make them now)
            self.labels.make_next()
        self._pages.save()
        return self._pages.report(items)

    # --- the loop ------------------------------------------------------------------------------

    def _wait(self, done: Callable[[], bool]) -> None:
        """Handle arrivals until ``done()``. Whenever nothing is waiting to be handled, what
        pages brought is stored, and the idle work (once it is due) is done if every feed has
        come or, in a run that parses its feeds here (no worker waits for this thread to hand
        them on), if nothing comes for a moment (a wait on the network)."""
        pages = self._pages
        while not done():
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                pages.save()
                if self._knowledge.due:
                    self._classify_held()  # one feed at a time: arrivals are handled between
                    continue
                if self.labels.due and not self._knowledge.pending:
                    self.labels.make_next()  # one at a time: arrivals are handled between
                    continue
                if self._meanwhile is not None and self._workers_have_enough:
                    self._run_meanwhile()
                    continue
                # (not while a worker builds the knowledge: the work waits for it)
                idle = self._idle_work is not None and self.news and not self._knowledge.pending
                if idle and self._fetched == len(self._feeds):
                    self._run_idle_work()
                    continue
                quiet = idle and not self._pool_all
                timeout = QUIET if quiet else CHECK_EVERY
                timeout = self._knowledge.timeout(timeout)
                if pages.queue:
                    timeout = min(timeout, max(0.0, pages.deadline - time.monotonic()))
                try:
                    event = self._events.get(timeout=timeout)
                except queue.Empty:
                    if quiet:
                        self._run_idle_work()
                    elif pages.queue and time.monotonic() >= pages.deadline:
                        pages.expire_waiting()
                    elif not self._session.alive:  # pragma: no cover - a bug, not a feed's fault
                        raise RuntimeError(
                            "the fetch thread stopped with requests unanswered"
                        ) from None
                    continue
            self._handle(event)

    @property
    def _workers_have_enough(self) -> bool:
        """Whether the workers have work for a moment (a few feeds each), or all there is."""
        workers = self._workers
        every_feed = self._fetched == len(self._feeds)
        return every_feed or workers is None or workers.unfinished >= IN_HAND * workers.count

    def _run_meanwhile(self) -> None:
        work, self._meanwhile = self._meanwhile, None
        if work is not None:
            work()

    def _run_idle_work(self) -> None:
        work, self._idle_work = self._idle_work, None
        if work is not None:
            self._knowledge.wait()  # the work clusters: it loads the glossary
            work()

    def _handle(self, event: Fetched | Done) -> None:
        if isinstance(event, Fetched):
            if event.kind == FEED:
                assert isinstance(event.key, int)
                self._feed_fetched(event.key, event.result)
            else:
                self._pages.fetched(str(event.key), event.result)
        elif event.kind == KNOWLEDGE:  # the worker's build is over (or failed)
            self._knowledge.load()
        elif event.kind == FEED:
            self._feed_parsed(event.key, event.future)
        else:
            self._pages.extracted(event.key, event.future)
