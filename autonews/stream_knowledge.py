"""The classifier's knowledge in a cold run of a stream that has workers (:mod:`autonews.stream`;
a run without pages and without workers builds it itself, while its requests are out): an idle
worker builds it, with the clustering's glossary, and keeps it in the cache folder
(:meth:`autonews.workers.Workers.prepare`), and the run's own process loads the kept copy in a
fraction of the time building it takes. Meanwhile that process parses the feeds that arrive and
asks for their article pages; the feeds whose entries are classified as they arrive are held
until the knowledge is loaded, then classified as they would have been on arrival, from their
titles and summaries (what the digest says is the same either way)."""

from __future__ import annotations

import time
from concurrent.futures import Future, wait

from autonews.config import ClassifyConfig
from autonews.stream_pages import KNOWLEDGE, Done, Events
from autonews.workers import Workers

# seconds from the start of the run that the run waits, in all, for the knowledge (with the
# glossary) a worker builds, after which the run's process builds its own. Building it takes
# 0.3 s of CPU, but a machine busy with other work can stretch that to seconds, and building it
# twice then only makes the run slower (the farm's cold run, at a load average of 7: the
# worker's build took 2.2 s, and this process built it again after 2 s); a worker that dies
# building it is noticed at once (its future fails).
PREPARE_WAIT = 10.0


class KnowledgeBuild:
    """A worker's build of the classifier's knowledge for one run, and the feeds held for it
    (by their index in the feed list)."""

    def __init__(self, settings: ClassifyConfig) -> None:
        self.settings = settings
        self.future: Future[None] | None = None
        self.loaded = False
        self.held: list[int] = []
        self._by = 0.0  # when waiting for it ends (time.monotonic)

    def start(self, workers: Workers, events: Events) -> None:
        """Have a worker build it; ``events`` is told when it is done (a :class:`Done` of kind
        KNOWLEDGE). Without a cache folder to keep it in, nothing starts."""
        self.future = workers.prepare(self.settings)
        if self.future is not None:
            self._by = time.monotonic() + PREPARE_WAIT
            self.future.add_done_callback(lambda done: events.put(Done(KNOWLEDGE, None, done)))

    @property
    def pending(self) -> bool:
        """A worker builds it still."""
        return self.future is not None and not self.future.done()

    @property
    def awaited(self) -> bool:
        """A worker builds it and its time is not up: the run waits for it (handling what
        arrives meanwhile)."""
        return self.pending and time.monotonic() < self._by

    def wait(self) -> None:
        """Wait for the worker's build, at most until the run's time for it is up."""
        if self.future is not None:
            wait([self.future], timeout=max(0.0, self._by - time.monotonic()))

    @property
    def due(self) -> bool:
        """Feeds are held, and the knowledge is loaded or the worker is late."""
        return bool(self.held) and (self.loaded or time.monotonic() >= self._by)

    def timeout(self, seconds: float) -> float:
        """How long a wait for arrivals may last, at most ``seconds``: while feeds are held or
        the build is awaited, no longer than the worker's time."""
        left = self._by - time.monotonic()
        return min(seconds, left) if (self.held or self.pending) and left > 0 else seconds

    def load(self) -> None:
        """The classifier, loaded from what the worker kept (or, when it kept nothing, built
        here)."""
        from autonews.classify.configured import classifier_for

        classifier_for(self.settings)
        self.loaded = True
