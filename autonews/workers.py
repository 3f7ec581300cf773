"""The worker processes of a run: feeds parsed (and their entries classified) and article pages
extracted, on every core, while the network thread goes on fetching.

The processes are forked when the run starts, before any other thread of it exists, and cost
nothing while idle. Warming them up (importing trafilatura and running it once, so that its
stop-lists and caches are loaded; building the classifier) is a task of its own, sent to every
worker as soon as the run knows it will need them, so that it happens while the feeds and pages
are still in flight rather than on the first page's clock; a cold run with extraction warms up
the extractor in this process before they fork, and they start with it. A run that ends with
nothing for them to do stops them at once, warming up or not.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from autonews.config import ClassifyConfig

T = TypeVar("T")

# A page with a date in running text, a table and Chinese text: it takes trafilatura through its
# main paths, its language-dependent data and htmldate's parsers.
WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title><meta property='og:title' content='Warm-up'></head><body>"
    "<div id='meta'><span>车界观察</span> <em>2025年05月06日 20:30</em></div><article><h1>Warm-up"
    "</h1><p>"
    + "Carmakers reported higher sales of hybrid vehicles in the first quarter. "
    * 8
    + "</p><table><tr><td>Model</td><td>Sales</td></tr><tr><td>A</td><td>1,200</td></tr></table>"
    "<p>汽车制造商公布了第一季度混合动力汽车销量的增长情况。</p></article></body></html>"
)


def _leave_interrupts_to_the_run() -> None:
    """In a worker: Ctrl-C reaches the whole process group, and the run itself stops its
    workers; a worker that took it too would print its own traceback. SIGTERM (how the run
    stops a busy worker, and a service's stop) ends a worker at once, as it did before the run
    caught SIGTERM to say it stopped: not the run's handler, which it inherits by forking."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def warm_up(extract: bool, settings: ClassifyConfig | None) -> int:
    """In a worker: the one-off costs of extraction and classification, paid now."""
    if extract:
        from autonews.extract import extract_html

        extract_html("https://warm-up.invalid/page", WARM_UP_PAGE)
    if settings is not None:
        from autonews.classify.configured import classifier_for

        classifier_for(settings)
    return os.getpid()


def keep_knowledge(settings: ClassifyConfig) -> None:
    """In a worker: the classifier's knowledge built and kept in the cache folder, where the
    main process loads it (see ``autonews.classify.stored``) rather than building it itself."""
    from autonews.classify.configured import classifier_for

    classifier_for(settings)


def _nothing() -> None:
    return None


# The manager threads of pools stopped without waiting (``Workers.close``): they end as their
# processes do, while the run clusters and renders. Left running to the interpreter's exit, one
# may close its wake-up pipe while Python's exit hook writes to it ("OSError: [Errno 9] Bad file
# descriptor" on the stderr of a clean run, now and then: CPython 3.11's race), so the program
# joins them once its output is written (``join_stopped``).
_STOPPING: list[threading.Thread] = []


def join_stopped(timeout: float = 5.0) -> None:
    """Wait for the pools stopped in this process to finish stopping."""
    while _STOPPING:
        _STOPPING.pop().join(timeout)


class Workers:
    """A pool of ``count`` worker processes for one run; a context manager."""

    def __init__(self, count: int, extract: bool = False) -> None:
        """``extract``: the run will read pages (a cold run with extraction): the extractor is
        warmed up in this process before the workers fork, so that they start with it."""
        self.count = count
        self._pool: ProcessPoolExecutor | None = None
        self._warm_extract = False
        self._warm_classify = False
        self._busy: set[Future[Any]] = set()  # real tasks submitted and not finished
        self._extract_first = extract

    def __enter__(self) -> Workers:
        # fork where the platform has it: the workers start with everything this process has
        # imported and built, and at once. The run's other threads start after this.
        forking = "fork" in multiprocessing.get_all_start_methods()
        if self._extract_first and forking:
            # Once here rather than once in every worker (trafilatura's import and first page:
            # 0.1 s of CPU each), which inherit it: the run's first requests wait for it, and
            # a core idles meanwhile on a quiet machine, but the run takes less CPU in all.
            warm_up(True, None)
            self._warm_extract = True
            # And the classifier's modules: in a cold run a worker builds its knowledge at once
            # (prepare) and this process loads it, each importing them (and, in a new cache
            # folder, compiling their regular expressions) for itself: 0.06 s of a worker's CPU
            # that the fork now gives it.
            import autonews.classify.configured  # noqa: F401
        context = multiprocessing.get_context("fork" if forking else None)
        self._pool = ProcessPoolExecutor(
            max_workers=self.count, mp_context=context, initializer=_leave_interrupts_to_the_run
        )
        self._pool.submit(_nothing)  # forks the workers now, not at the first real task
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def warm(self, extract: bool = False, settings: ClassifyConfig | None = None) -> None:
        """Have every worker pay the one-off costs of what it will be asked to do."""
        extract = extract and not self._warm_extract
        settings = None if self._warm_classify else settings
        if self._pool is None or not (extract or settings):
            return
        self._warm_extract = self._warm_extract or extract
        self._warm_classify = self._warm_classify or settings is not None
        with contextlib.suppress(Exception):  # a broken pool (a worker died): nothing to warm
            for _ in range(self.count):  # idle workers take one each
                self._pool.submit(warm_up, extract, settings)

    def prepare(self, settings: ClassifyConfig) -> Future[None] | None:
        """Have a worker build what the main process needs first (the classifier's knowledge,
        with the glossary clustering reads) and keep it in the cache folder, ahead of any
        warm-up or other task: the main process meanwhile imports and handles the first feeds,
        then loads the kept copy in a fraction of the time building it takes. Its future; None
        without a cache folder it can be kept in (the main process builds it itself)."""
        from autonews.cache_folder import usable

        pool = self._pool
        if pool is None or not usable():
            return None
        return pool.submit(keep_knowledge, settings)

    @property
    def unfinished(self) -> int:
        """Real tasks submitted and not finished (running or waiting for a worker)."""
        return len(self._busy)

    def submit(self, function: Callable[..., T], *args: Any) -> Future[T]:
        assert self._pool is not None
        future = self._pool.submit(function, *args)
        self._busy.add(future)
        future.add_done_callback(self._busy.discard)
        return future

    def close(self) -> None:
        """Stop the workers: at once when no real task is running (a warm-up is cut short)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        idle = not self._busy
        # Taken before the shutdown, which forgets them (Python 3.11 sets _processes to None),
        # and forgets its manager thread too without joining it when not asked to wait.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=False, cancel_futures=True)
        if idle:  # only warm-ups or builds for the cache folder, which this run no longer needs
            for process in processes:
                with contextlib.suppress(Exception):
                    process.terminate()
        pool.shutdown(wait=True)
        if manager is not None:
            _STOPPING.append(manager)
