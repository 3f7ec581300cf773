"""A run is one stream: the article pages of a feed that has arrived are read while the other
feeds are still coming, and what the digest says does not depend on which server answered first.
Real loopback servers, the real fetch layer and worker processes (tests/helpers/site.py)."""

from __future__ import annotations

import functools
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from autonews.config import Config, FeedConfig
from autonews.page_queue import PageQueue
from autonews.pipeline import DigestOptions, collect
from autonews.store import Store
from autonews.stream import Stream
from autonews.workers import keep_knowledge
from tests.helpers.site import ARTICLE, Site, feed_xml


def publish(site: Site, name: str, makers: tuple[str, ...]) -> tuple[FeedConfig, list[str]]:
    """A feed of one item per maker, each linking to an article page on the site: the feed,
    and the pages' URLs."""
    links = []
    for maker in makers:
        path = f"/{name}/{maker.lower()}"
        title = f"{maker} recalls 14,768 cars over a halfshaft nut"
        site.routes[path] = (200, "text/html; charset=utf-8", ARTICLE.format(title=title))
        links.append((title, site.url(path)))
    site.routes[f"/{name}.xml"] = (200, "application/rss+xml", feed_xml(name, links))
    return FeedConfig(url=site.url(f"/{name}.xml"), name=name), [link for _, link in links]


def run(feeds: list[FeedConfig], pages: list[str], now: datetime) -> tuple[list[str], list[str]]:
    """One cold run on an empty store: its story ids in digest order, and the pages read."""
    with Store(Path(":memory:")) as store:
        collection = collect(store, Config(), DigestOptions(feeds=tuple(feeds), now=now))
        read = [url for url, article in store.articles(pages).items() if article.text]
    return [story.id for story in collection.stories], sorted(read)


def test_pages_are_read_while_a_slow_feed_is_still_coming(site: Site) -> None:
    quick, quick_pages = publish(site, "quick", ("Volvo", "Toyota", "Kia"))
    slow, slow_pages = publish(site, "slow", ("Mazda", "Subaru"))
    # The slow feed answers once the quick feed's pages were asked, or after 8 s if they never
    # are (a run that waited for every feed before reading pages): no race on a loaded machine.
    site.slow["/slow.xml"] = 8.0
    site.after["/slow.xml"] = {url.removeprefix(site.base) for url in quick_pages}
    _, read = run([slow, quick], quick_pages + slow_pages, datetime.now(UTC))
    assert read == sorted(quick_pages + slow_pages)  # every page's article is there
    slow_answered = next(
        t for event, path, t in site.log if (event, path) == ("answered", "/slow.xml")
    )
    asked = {path: t for event, path, t in site.log if event == "asked"}
    # The quick feed's pages did not wait for the slow feed (listed first) to arrive.
    assert all(asked[url.removeprefix(site.base)] < slow_answered for url in quick_pages)


def test_what_the_digest_says_does_not_depend_on_who_answers_first(site: Site) -> None:
    one, one_pages = publish(site, "one", ("Volvo", "Toyota", "Kia"))
    two, two_pages = publish(site, "two", ("Volvo", "Mazda", "Subaru"))
    now = datetime.now(UTC)
    site.slow = {"/one.xml": 0.6}
    first = run([one, two], one_pages + two_pages, now)
    site.slow = {"/two.xml": 0.6}
    second = run([one, two], one_pages + two_pages, now)
    assert first == second
    assert len(first[0]) == 5  # the two Volvo recalls are one story


def test_pages_go_out_round_robin_over_hosts_and_never_pile_up() -> None:
    queue = PageQueue(limit=4, per_host=2)
    for n in range(4):
        queue.add(f"https://a.example/{n}")
    queue.add("https://b.example/0")
    queue.add("https://c.example/0")
    taken = queue.take()
    assert taken == [
        "https://a.example/0",
        "https://b.example/0",
        "https://c.example/0",
        "https://a.example/1",
    ]
    assert queue.take() == []  # four in hand: the limit
    queue.fetched("https://b.example/0")
    queue.done()
    assert queue.take() == []  # a.example has two out: its limit
    queue.fetched("https://a.example/0")
    queue.done()
    assert queue.take() == ["https://a.example/2"]
    assert queue.drop_waiting() == ["https://a.example/3"]
    assert not queue and not queue.idle


def test_idle_work_is_done_once_while_the_network_is_slow(site: Site) -> None:
    """Work for the entries a run brings (such as loading what clustering needs) fills a wait
    on a slow server, once; a run whose feeds leave no idle moment still gets it done, and a
    run whose feeds bring nothing in the digest's window skips it."""
    quick, _ = publish(site, "quick", ("Volvo",))  # an item an hour old
    slow, _ = publish(site, "slow", ("Mazda",))
    now = datetime.now(UTC)
    for feeds, slow_paths, since, runs in (
        ([slow, quick], {"/slow.xml": 1.0}, None, 1),
        ([quick], {}, None, 1),
        ([quick], {}, now - timedelta(minutes=30), 0),
    ):
        site.slow, site.log[:] = slow_paths, []
        done: list[float] = []
        with (
            Store(Path(":memory:")) as store,
            Stream(store, feeds, Config(), now, lambda *_: None, since, False) as stream,
        ):
            health = stream.feeds(idle=functools.partial(mark, done))
        assert [h.status.value for h in health] == ["ok"] * len(feeds)
        assert len(done) == runs
        answered = [t for event, path, t in site.log if event == "answered" and path in slow_paths]
        assert all(t < min(answered) for t in done) if answered else True


def test_the_later_stages_are_imported_once_the_first_pages_are_asked_for(
    site: Site, tmp_path: Path
) -> None:
    """In a cold run whose worker builds the classifier's knowledge, what the later stages
    import (``meanwhile``) waits until the feeds that came are parsed and their pages asked
    for: imported at once, it held the first feeds back while they waited in hand."""
    from autonews.cache_folder import keep_in
    from autonews.classify import knowledge_loading as knowledge

    feed, pages = publish(site, "cars", ("Volvo", "Toyota", "Kia"))
    asked = [0]  # pages asked for so far, as the progress bar is told
    asked_then: list[int] = []  # ... when the later stages were imported

    def progress(stage: str, done: int, total: int, waiting: str) -> None:
        if stage == "extract":
            asked[0] = total

    knowledge.default_knowledge.cache_clear()
    keep_in(tmp_path / "cache")
    try:
        with (
            Store(Path(":memory:")) as store,
            Stream(store, [feed], Config(), datetime.now(UTC), progress, None, True) as stream,
        ):
            stream.feeds(meanwhile=lambda: asked_then.append(asked[0]))
            stream.pages(store.items([feed], None))
    finally:
        keep_in(None)
        knowledge.default_knowledge.cache_clear()
    assert asked_then == [len(pages)]


def mark(times: list[float]) -> None:
    times.append(time.monotonic())


def test_a_second_run_classifies_nothing_again(site: Site, tmp_path: Path, monkeypatch) -> None:
    """What a run classified is in the store for the next: its items' own classifications and
    those made knowing their feed is a car feed (a terse title among recalls is car news)."""
    from autonews.classify import Classifier

    feed, pages = publish(site, "cars", ("Volvo", "Toyota", "Kia"))
    terse = ("What we learned this week", site.url("/cars/terse"))
    office = "<html><body><article><p>Notes from the office: the coffee machine works.</p>"
    site.routes["/cars/terse"] = (200, "text/html", office)
    links = [
        (f"{m} recalls 14,768 cars over a halfshaft nut", u)
        for m, u in zip(("Volvo", "Toyota", "Kia"), pages, strict=True)
    ]
    site.routes["/cars.xml"] = (200, "application/rss+xml", feed_xml("cars", [*links, terse]))
    calls: list[str] = []
    classify = Classifier.classify

    def counted(self: Classifier, title: str, *args: object, **kwargs: object) -> object:
        calls.append(title)
        return classify(self, title, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Classifier, "classify", counted)
    now = datetime.now(UTC)
    runs = []
    for _ in range(2):
        calls.clear()
        with Store(tmp_path / "store.db") as store:
            collection = collect(store, Config(), DigestOptions(feeds=(feed,), now=now))
        runs.append(
            (
                sorted((s.title, s.classification.automotive) for s in collection.stories),
                [  # not the clustering's warm-up titles (warm_up._WARM_UP_TITLES)
                    title
                    for title in calls
                    if not title.startswith(("Toyota recalls 10,000", "丰田"))
                ],
            )
        )
    (first, first_calls), (second, second_calls) = runs
    assert (terse[0], True) in first  # car news, from a car feed
    assert "What we learned this week" in first_calls
    assert second == first
    assert second_calls == []


def test_a_cold_run_of_many_feeds_without_pages_builds_the_knowledge_without_workers(
    site: Site, tmp_path: Path, monkeypatch
) -> None:
    """A cold run of many feeds without extraction starts no worker process: it builds the
    classifier's knowledge (with the clustering's glossary) itself, while its requests are out,
    and keeps it in the cache folder. A worker building it meanwhile cost the farm's cold
    --no-extract run more CPU than it saved (the fork, the worker's imports, the copy written
    and read back: 1.3-1.5 s of CPU in all instead of 1.15 s, issue 17), and its feeds are
    classified as they arrive either way: the digest is the one it makes with no cache
    folder."""
    import os

    from autonews import workers
    from autonews.cache_folder import keep_in
    from autonews.classify import glossary
    from autonews.classify import knowledge_loading as knowledge
    from autonews.feed_work import PARSE_POOL_THRESHOLD

    feeds = [
        publish(site, f"f{n}", (maker,))[0]
        for n, maker in enumerate(("Volvo", "Toyota", "Kia", "Mazda") * 7)
    ][: max(PARSE_POOL_THRESHOLD, 24)]
    builders = tmp_path / "builders"

    def noted(build):  # the processes that build, written down in a file: workers fork
        def wrapper(*args: object) -> object:
            with builders.open("a") as out:
                out.write(f"{build.__name__} {os.getpid()}\n")
            return build(*args)

        return wrapper

    monkeypatch.setattr(knowledge, "build_knowledge", noted(knowledge.build_knowledge))
    monkeypatch.setattr(knowledge, "glossary", noted(glossary.glossary))
    started: list[int] = []
    enter = workers.Workers.__enter__

    def noted_start(self: workers.Workers) -> workers.Workers:
        started.append(self.count)
        return enter(self)

    monkeypatch.setattr(workers.Workers, "__enter__", noted_start)
    now = datetime.now(UTC)

    def stories(folder: Path | None) -> list[tuple[str, str]]:
        knowledge.default_knowledge.cache_clear()
        keep_in(folder)
        try:
            with Store(Path(":memory:")) as store:
                options = DigestOptions(feeds=tuple(feeds), now=now, extract=False)
                collection = collect(store, Config(), options)
        finally:
            keep_in(None)
            knowledge.default_knowledge.cache_clear()
        return sorted((s.title, s.classification.event.value) for s in collection.stories)

    built_here = stories(None)  # no cache folder: this process builds both
    builders.unlink()
    kept = stories(tmp_path / "cache")
    assert kept == built_here and len(kept) == 4  # each maker's recall, told by seven feeds
    built = builders.read_text().split()
    assert sorted(built[::2]) == ["build_knowledge", "glossary"]
    assert set(built[1::2]) == {str(os.getpid())}  # made here
    assert started == []
    # The knowledge kept in one file (and the run's stories, for the next run: story_reuse).
    kinds = sorted(p.name.split("-")[0] for p in (tmp_path / "cache").iterdir())
    assert kinds == ["knowledge", "stories"]


def test_a_cold_run_with_pages_reads_them_while_a_worker_builds_the_knowledge(
    site: Site, tmp_path: Path, monkeypatch
) -> None:
    """A cold run of many feeds with extraction also has a worker build the classifier's
    knowledge: this process parses the feeds as they arrive and asks for their pages at once
    rather than building it while they wait, classifies their entries once it is loaded, and
    the digest (stories, their labels and summaries from the pages) is the one it would have
    made building the knowledge itself."""
    from autonews.cache_folder import keep_in
    from autonews.classify import knowledge_loading as knowledge
    from autonews.feed_work import PARSE_POOL_THRESHOLD

    published = [
        publish(site, f"f{n}", (maker,))
        for n, maker in enumerate(("Volvo", "Toyota", "Kia", "Mazda") * 7)
    ][: max(PARSE_POOL_THRESHOLD, 24)]
    feeds = [feed for feed, _ in published]
    pages = [page for _, links in published for page in links]
    builders = tmp_path / "builders"
    build = knowledge.build_knowledge

    def noted(*args: object) -> object:  # written down in a file: workers fork
        built = build(*args)
        with builders.open("a") as out:
            out.write(f"{os.getpid()} {time.monotonic()}\n")
        return built

    monkeypatch.setattr(knowledge, "build_knowledge", noted)
    now = datetime.now(UTC)

    def digest(folder: Path | None) -> list[tuple[str, str, tuple[str, ...], str]]:
        knowledge.default_knowledge.cache_clear()
        keep_in(folder)
        try:
            with Store(Path(":memory:")) as store:
                collection = collect(store, Config(), DigestOptions(feeds=tuple(feeds), now=now))
                assert sorted(store.articles(pages)) == sorted(pages)  # every page was read
        finally:
            keep_in(None)
            knowledge.default_knowledge.cache_clear()
        return sorted(
            (s.title, s.classification.event.value, s.classification.makers, s.summary)
            for s in collection.stories
        )

    built_here = digest(None)  # no cache folder: this process builds the knowledge
    builders.unlink()
    site.log[:] = []
    kept = digest(tmp_path / "cache")
    assert kept == built_here and len(kept) == 4
    ((builder, finished),) = [line.split() for line in builders.read_text().splitlines()]
    assert builder != str(os.getpid())  # built in a worker
    asked = [t for event, path, t in site.log if event == "asked" and not path.endswith(".xml")]
    assert min(asked) < float(finished)  # the first pages did not wait for the knowledge


def test_titles_naming_no_maker_are_read_with_their_pages_as_the_pages_come(
    site: Site, monkeypatch
) -> None:
    """In a run of many feeds, an item whose title names no maker is classified again with its
    page's text (which names one) as soon as that page is in, while other pages still come,
    not by the classify stage once every page is in: the stories name the page's maker all
    the same."""
    from autonews import pipeline
    from autonews.classify import Classifier
    from autonews.feed_work import PARSE_POOL_THRESHOLD

    feeds = []
    for n in range(max(PARSE_POOL_THRESHOLD, 24)):
        title = f"Carmaker recalls {14_000 + n} cars over a halfshaft nut"
        site.routes[f"/p{n}"] = (200, "text/html; charset=utf-8", ARTICLE.format(title=title))
        site.routes[f"/f{n}.xml"] = (
            200,
            "application/rss+xml",
            feed_xml(f"f{n}", [(title, site.url(f"/p{n}"))]),
        )
        feeds.append(FeedConfig(url=site.url(f"/f{n}.xml"), name=f"f{n}"))
    in_stage: list[bool] = [False]
    with_text: list[bool] = []  # for each classification with a page's text: by the stage?
    classify, stage = Classifier.classify, pipeline.classify_items

    def noted(self: Classifier, title: str, summary: str = "", body: str = "", **kw: bool):  # type: ignore[no-untyped-def]
        if body:
            with_text.append(in_stage[0])
        return classify(self, title, summary, body, **kw)

    def staged(*args: Any, **kwargs: Any) -> Any:
        in_stage[0] = True
        try:
            return stage(*args, **kwargs)
        finally:
            in_stage[0] = False

    monkeypatch.setattr(Classifier, "classify", noted)
    monkeypatch.setattr(pipeline, "classify_items", staged)
    with Store(Path(":memory:")) as store:
        collection = collect(store, Config(), DigestOptions(feeds=tuple(feeds)))
    assert len(with_text) >= len(feeds) and not any(with_text)
    assert all(
        [maker.name for maker in story.classification.makers] == ["Volvo"]
        for story in collection.stories
    )


def test_a_worker_slowed_down_building_the_knowledge_is_waited_for(
    site: Site, tmp_path: Path, monkeypatch
) -> None:
    """On a machine busy with other work a worker's build of the knowledge can take seconds:
    the run waits for it rather than building the knowledge a second time meanwhile."""
    from autonews import workers
    from autonews.cache_folder import keep_in
    from autonews.classify import knowledge_loading as knowledge
    from autonews.feed_work import PARSE_POOL_THRESHOLD

    feeds = [
        publish(site, f"f{n}", (maker,))[0]
        for n, maker in enumerate(("Volvo", "Toyota", "Kia", "Mazda") * 7)
    ][: max(PARSE_POOL_THRESHOLD, 24)]
    builders = tmp_path / "builders"
    build = knowledge.build_knowledge

    def noted(*args: object) -> object:  # written down in a file: workers fork
        with builders.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return build(*args)

    monkeypatch.setattr(knowledge, "build_knowledge", noted)
    monkeypatch.setattr(workers, "keep_knowledge", slow_keep_knowledge)
    knowledge.default_knowledge.cache_clear()
    keep_in(tmp_path / "cache")
    try:
        with Store(Path(":memory:")) as store:
            collection = collect(store, Config(), DigestOptions(feeds=tuple(feeds)))
    finally:
        keep_in(None)
        knowledge.default_knowledge.cache_clear()
    assert len(collection.stories) == 4
    assert str(os.getpid()) not in builders.read_text().split()  # built once, in the worker


def test_pages_are_read_while_a_slow_worker_still_builds_the_knowledge(
    site: Site, tmp_path: Path, monkeypatch
) -> None:
    """A run of a few feeds waits for the knowledge a worker builds once its feeds are in, and
    meanwhile goes on handing their pages to the workers: every page is read before the
    (slowed down) build is over, rather than all of them after it."""
    from autonews import workers
    from autonews.cache_folder import keep_in
    from autonews.classify import knowledge_loading as knowledge

    feed, pages = publish(site, "cars", ("Volvo", "Toyota", "Kia"))
    monkeypatch.setattr(workers, "keep_knowledge", slow_keep_knowledge)
    read_at: list[float] = []

    def progress(stage: str, done: int, total: int, waiting: str) -> None:
        if stage == "extract" and total and done == total and not read_at:
            read_at.append(time.monotonic())

    knowledge.default_knowledge.cache_clear()
    keep_in(tmp_path / "cache")
    try:
        with (
            Store(Path(":memory:")) as store,
            Stream(store, [feed], Config(), datetime.now(UTC), progress, None, True) as stream,
        ):
            started = time.monotonic()
            stream.feeds()
            report = stream.pages(store.items([feed], None))
    finally:
        keep_in(None)
        knowledge.default_knowledge.cache_clear()
    assert sorted(report.articles) == sorted(pages)
    assert read_at and read_at[0] < started + 2.0  # the build took 2.5 s


def slow_keep_knowledge(*args: Any) -> None:
    """A worker's build of the knowledge on a busy machine: 2.5 s late."""
    time.sleep(2.5)
    keep_knowledge(*args)


def test_a_worker_that_dies_building_the_knowledge_costs_no_digest(
    site: Site, tmp_path: Path, monkeypatch
) -> None:
    """A worker killed while it builds the knowledge for the cache folder (out of memory, say)
    breaks the pool: the feeds still arrive, a large one is parsed here instead of in a worker,
    and the digest is made (a run with pages: one without starts no workers)."""
    from autonews import workers
    from autonews.cache_folder import keep_in
    from autonews.classify import knowledge_loading as knowledge
    from autonews.feed_work import PARSE_POOL_THRESHOLD, POOL_PARSE_BYTES

    monkeypatch.setattr(workers, "keep_knowledge", die_in_worker)
    feeds = [
        publish(site, f"f{n}", (maker,))[0]
        for n, maker in enumerate(("Volvo", "Toyota", "Kia", "Mazda") * 7)
    ][: max(PARSE_POOL_THRESHOLD, 24)]
    large = [
        (f"Subaru recalls {n} cars over a loose bolt", site.url(f"/big/{n}")) for n in range(400)
    ]
    site.routes["/big.xml"] = (200, "application/rss+xml", feed_xml("big", large))
    assert len(site.routes["/big.xml"][2]) >= POOL_PARSE_BYTES
    site.slow["/big.xml"] = 0.5  # arrives once the worker has died
    feeds.append(FeedConfig(url=site.url("/big.xml"), name="big"))
    knowledge.default_knowledge.cache_clear()
    keep_in(tmp_path / "cache")
    try:
        with Store(Path(":memory:")) as store:
            options = DigestOptions(feeds=tuple(feeds), now=datetime.now(UTC))
            collection = collect(store, Config(), options)
    finally:
        keep_in(None)
        knowledge.default_knowledge.cache_clear()
    titles = {story.title for story in collection.stories}
    assert "Volvo recalls 14,768 cars over a halfshaft nut" in titles
    assert any(title.startswith("Subaru recalls") for title in titles)


def die_in_worker(*args: object) -> None:
    """A worker's task that ends its process, as a kill would (module level: tasks are sent to
    the workers by name)."""
    import os

    os._exit(1)


def test_workers_busy_only_with_warm_up_or_builds_stop_at_once_when_the_run_ends() -> None:
    """Nothing the run still needs is running (a warm-up, a build for the cache folder): the
    workers are stopped, not waited for, so the command exits as soon as its digest is out."""
    from autonews.workers import Workers

    workers = Workers(2)
    with workers:
        pool = workers._pool
        assert pool is not None
        pool.submit(time.sleep, 60)  # as a warm-up would be: not a task the run waits for
        processes = list((pool._processes or {}).values())
        time.sleep(0.2)
    for process in processes:
        process.join(timeout=10)
        assert _gone(process)


def _gone(process: Any) -> bool:
    """Whether a worker process has ended: ``is_alive()`` says True of one that something else
    in the test process reaped first (its waitpid fails), so the pid is asked too."""
    if not process.is_alive():
        return True
    try:
        os.kill(process.pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_workers_leave_ctrl_c_to_the_run() -> None:
    """Ctrl-C in a terminal reaches the whole process group: the workers ignore it (each printed
    a KeyboardInterrupt traceback), and the run stops them itself."""
    import signal

    from autonews.workers import Workers

    workers = Workers(2)
    with workers:
        pool = workers._pool
        assert pool is not None
        # Every worker up and past its start (a task each, held long enough that each takes
        # one): a signal in a worker's first instant, before it says what it ignores, is not
        # what this tests.
        started = [pool.submit(time.sleep, 0.5) for _ in range(2)]
        assert [future.result(timeout=30) for future in started] == [None, None]
        processes = list((pool._processes or {}).values())
        assert len(processes) == 2
        for process in processes:
            os.kill(process.pid, signal.SIGINT)
        time.sleep(0.3)
        assert all(process.is_alive() for process in processes)
        assert pool.submit(sum, [1, 2]).result(timeout=30) == 3  # and still at work


_WORKERS_START_WITH = """
import sys
from autonews.workers import Workers

def loaded(name):
    return name in sys.modules

with Workers(2, extract=sys.argv[1] == "extract") as workers:
    assert workers._pool is not None
    print(workers._pool.submit(loaded, "trafilatura").result(timeout=60))
"""


def test_a_cold_run_with_pages_warms_up_the_extractor_once_before_its_workers_fork() -> None:
    """trafilatura's import and first page (0.1 s of CPU) are paid once, in the run's process
    before its workers fork, rather than in every worker: they start with it."""
    import subprocess
    import sys

    def first_task_finds_it(how: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", _WORKERS_START_WITH, how],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        return done.stdout.strip()

    assert first_task_finds_it("extract") == "True"
    assert first_task_finds_it("no") == "False"  # other runs: on the first page, if any
