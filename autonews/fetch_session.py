"""Fetching for a whole run on a thread of its own: the run hands out requests as it learns of
them (feeds first, then the article pages their items link to) and takes the results from a
queue, so nothing else ever runs on the thread that drives the network.

All requests share one HTTP client, and so one set of limits (global and per host) and one pool of
open connections: a page on a host whose feed was just read reuses that connection. Each kind of
request ("feed", "page") has its own deadline; a request still unfinished when its kind's
deadline passes is reported as such, like :func:`autonews.fetch.fetch_all` does.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import httpx

from autonews.config import FetchConfig
from autonews.fetch import Fetcher, FetchRequest
from autonews.models import FeedStatus, FetchResult

SENDING = 0.01  # seconds this loop takes to send a first batch of requests, about


@dataclass(frozen=True)
class Fetched:
    """A finished request, as the run's queue receives it."""

    kind: str
    key: Hashable  # what the run asked under
    result: FetchResult


class FetchSession:
    """Use as a context manager: the thread starts on entry and is stopped (unfinished requests
    cancelled) on exit. :meth:`submit` and :meth:`deadline` may be called from any thread; each
    result is put on ``results`` as a :class:`Fetched`."""

    def __init__(self, config: FetchConfig, results: queue.SimpleQueue[Any]) -> None:
        _import_network_stack()
        self.config = config
        self.results = results
        self._fetcher = Fetcher(config)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="autonews-fetch", daemon=True)
        # Made here, used on the loop (an asyncio.Event binds to a loop on first use).
        self._stop = asyncio.Event()
        self._client_ready = asyncio.Event()
        self._client: httpx.AsyncClient | None = None
        self._client_error = ""
        self.waiting = threading.Event()  # set once requests are out and awaiting answers
        self._tasks: dict[str, set[asyncio.Task[FetchResult]]] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._expired: set[str] = set()

    def __enter__(self) -> FetchSession:
        # Not waiting for the client (its TLS context takes a moment to load): requests
        # submitted meanwhile start when it is there.
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has already stopped
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join()

    # --- called from the run's thread --------------------------------------------------------

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def submit(self, kind: str, key: Hashable, request: FetchRequest) -> None:
        self._loop.call_soon_threadsafe(self._start, kind, key, request)

    def deadline(self, kind: str, seconds: float) -> None:
        """Requests of ``kind`` unfinished ``seconds`` from now (earlier and later ones alike)
        end as unfinished at the deadline; replaces that kind's earlier deadline."""
        self._loop.call_soon_threadsafe(self._set_deadline, kind, seconds)

    # --- on the network thread --------------------------------------------------------------

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._main())
        finally:
            try:
                self._loop.run_until_complete(_settle())
                self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            finally:
                asyncio.set_event_loop(None)
                self._loop.close()

    async def _main(self) -> None:
        try:
            client = self._fetcher.client()
        except Exception as exc:  # requests report it, each as its own failure
            self._client_error = f"cannot start the HTTP client: {type(exc).__name__}: {exc}"
            self._client_ready.set()
            await self._stop.wait()
        else:
            async with client:
                self._client = client
                self._client_ready.set()
                await self._stop.wait()
                await self._cancel_all()
        await self._cancel_all()
        for timer in self._timers.values():
            timer.cancel()

    async def _cancel_all(self) -> None:
        pending = [task for tasks in self._tasks.values() for task in tasks]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    async def _fetch(self, request: FetchRequest) -> FetchResult:
        await self._client_ready.wait()
        if self._client is None:
            return FetchResult(url=request.url, status=FeedStatus.ERROR, error=self._client_error)
        if not self.waiting.is_set():
            # Once this loop has sent the first requests, it mostly waits for answers.
            self._loop.call_later(SENDING, self.waiting.set)
        return await self._fetcher.fetch_one(self._client, request)

    def _start(self, kind: str, key: Hashable, request: FetchRequest) -> None:
        started = time.monotonic()
        task = self._loop.create_task(self._fetch(request))
        self._tasks.setdefault(kind, set()).add(task)
        task.add_done_callback(lambda done: self._finished(kind, key, request, done, started))
        if kind in self._expired:
            task.cancel()

    def _finished(
        self,
        kind: str,
        key: Hashable,
        request: FetchRequest,
        task: asyncio.Task[FetchResult],
        started: float,
    ) -> None:
        self._tasks[kind].discard(task)
        if task.cancelled():
            if self._stop.is_set():
                return  # the run is over: nobody waits for this one
            result = FetchResult(
                url=request.url,
                status=FeedStatus.ERROR,
                error=f"unfinished at the run deadline ({self.config.deadline:g} s)",
                elapsed=time.monotonic() - started,
            )
        else:
            result = task.result()
        self.results.put(Fetched(kind, key, result))

    def _set_deadline(self, kind: str, seconds: float) -> None:
        if kind in self._timers:
            self._timers.pop(kind).cancel()
        self._expired.discard(kind)
        self._timers[kind] = self._loop.call_later(max(0.0, seconds), self._expire, kind)

    def _expire(self, kind: str) -> None:
        self._expired.add(kind)
        for task in list(self._tasks.get(kind, ())):
            task.cancel()


def _import_network_stack() -> None:
    """What httpx imports at its first request (httpcore, h11, anyio and its asyncio backend:
    70 modules, 0.04 s of CPU), imported before the run's network thread starts (and before
    its workers fork): on that thread, it held back every first request of a run while the
    run's other work competed for the interpreter."""
    import httpcore  # noqa: F401

    with contextlib.suppress(ImportError):  # (anyio's own name for it, which may change)
        import anyio._backends._asyncio  # noqa: F401


async def _settle(rounds: int = 10) -> None:
    """Finish what the loop still holds once the session's work is over, as ``asyncio.run`` does
    before closing its loop. An async generator dropped in the last moments (one of httpx's
    body iterators, left by a request cut off by the time cap, the size cap or the deadline) has
    its closing scheduled as a task by the loop's finaliser hook; a loop closed before that task
    ran makes asyncio print "Task was destroyed but it is pending!" on stderr, which cron
    mails. Such tasks are cancelled and awaited (cancelling one can drop another generator:
    a few rounds)."""
    for _ in range(rounds):
        await asyncio.sleep(0)  # the hook's callbacks queued in the last turn make their tasks
        leftover = asyncio.all_tasks() - {asyncio.current_task()}
        if not leftover:
            return
        for task in leftover:
            task.cancel()
        await asyncio.gather(*leftover, return_exceptions=True)
