"""`autonews story`: one story of the store as a digest tells it, its sources and, to explain
it, the merges that made it; or two stories and what keeps them apart. Clustering's explanations
are ``autonews.cluster.explain`` and ``.apart``; showing them is ``autonews.render.story``'s job."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from autonews.cluster import ClusterInput
from autonews.cluster.apart import Apart, apart
from autonews.cluster.explain import Explanation, explain
from autonews.config import Config, FeedConfig
from autonews.delivery_state import with_delivery_state
from autonews.digest import reader_language, reader_tag
from autonews.errors import UsageError
from autonews.labels import classify_items
from autonews.models import Article, Classification, Item, Story
from autonews.outlets import credited
from autonews.reader_script import traditional_table
from autonews.store import Store
from autonews.story_build import build_story
from autonews.story_id import resolve_story_id, unknown_story
from autonews.timeparse import parse_duration


@dataclass(frozen=True)
class StoryReport:
    story_id: str
    items: tuple[Item, ...]  # the story's sources, in publication order
    explanation: Explanation | None  # when asked for
    story: Story  # as the plain digest (not a named one) tells it: title, labels, summary...


def story_report(config: Config, story_id: str, with_explanation: bool) -> StoryReport:
    """The story ``story_id`` of the store (an id of `autonews digest --format json`); to
    explain it, its members are clustered again with the items around them."""
    loaded = _load(config, [story_id])
    (report,) = loaded.reports
    if not with_explanation:
        return report
    members = [item.id for item in report.items]
    found = explain(loaded.inputs(), members, loaded.window)
    return replace(report, explanation=found)


@dataclass(frozen=True)
class Detached:
    """A source taken out of a story: its number as `autonews story ID` listed it, the item,
    and the id of the story of its own it now is."""

    number: int
    item: Item
    story_id: str


def detach_sources(
    config: Config, story_id: str, numbers: Sequence[tuple[int, int]], together: bool = False
) -> list[Detached]:
    """Take sources out of the story ``story_id`` (by their numbers as `autonews story ID` lists
    them, in publication order), each to a story of its own that the clustering never joins to
    this one again, or with ``together`` all to one story (a second event the merge took in):
    a wrong merge undone for good. At least one source stays. ``numbers``: ranges (first,
    last), a number alone as (n, n)."""
    from autonews.lock import run_lock

    with run_lock(config.paths.data_dir), Store(config.paths.store_file) as store:
        story_id = resolve_story_id(store, story_id, keep_days=config.store.keep_days)
        members = store.story_members(story_id)
        if not members:
            raise unknown_story(story_id, keep_days=config.store.keep_days)
        outside = [(first, last) for first, last in numbers if first < 1 or last > len(members)]
        if outside:
            raise UsageError(
                f"--detach: story {story_id} has sources 1 to {len(members)}, not "
                f"{', '.join(_written(first, last) for first, last in outside)}",
                hint=f"`autonews story {story_id}` lists its sources, numbered",
            )
        wanted = sorted({n for first, last in numbers for n in range(first, last + 1)})
        if len(wanted) == len(members):
            raise UsageError(
                f"--detach: story {story_id} would have no source left",
                hint="take out the sources that do not belong; the others stay the story",
            )
        chosen = [members[n - 1] for n in wanted]
        moved = store.detach([item.id for item in chosen], together)
    return [
        Detached(n, item, moved.get(item.id, story_id))
        for n, item in zip(wanted, chosen, strict=True)
    ]


def _written(first: int, last: int) -> str:
    """A range of source numbers as the user wrote it."""
    return str(first) if first == last else f"{first}-{last}"


@dataclass(frozen=True)
class ApartReport:
    stories: tuple[StoryReport, StoryReport]
    apart: Apart  # why the clustering keeps them apart


def stories_apart(config: Config, first_id: str, second_id: str) -> ApartReport:
    """Two stories of the store and why they are two (`autonews story ID OTHER_ID`): weighed
    among the items around both, as the clustering weighs them."""
    loaded = _load(config, [first_id, second_id])
    first, second = loaded.reports
    if first.story_id == second.story_id:
        raise UsageError(
            f"{first_id} and {second_id} are one story ({first.story_id})",
            hint="give the ids of two stories; `autonews story ID --explain` shows its merges",
        )
    keys = ([item.id for item in first.items], [item.id for item in second.items])
    found = apart(loaded.inputs(), *keys, window=loaded.window)
    return ApartReport((first, second), found)


@dataclass(frozen=True)
class _Loaded:
    """Stories of the store as a digest tells them, and the items around them in time with the
    evidence a digest had (bodies, classifications), for clustering them again."""

    reports: tuple[StoryReport, ...]
    context: tuple[Item, ...]
    classifications: Mapping[int, Classification]
    articles: Mapping[str, Article]
    window: timedelta

    def inputs(self) -> list[ClusterInput]:
        inputs = []
        for item in self.context:
            article = self.articles.get(item.link or "")
            body = article.text if article else ""
            inputs.append(ClusterInput.from_item(item, self.classifications[item.id], body))
        return inputs


def _feeds(store: Store, config: Config) -> list[FeedConfig]:
    """Every feed the store has items of, as the feed list configures it where it does: its
    items carry their feed's tags and name, as a digest's do (trial 36 A1: `story ID --format
    json` gave `tags: []`)."""
    configured = {feed.url: feed for feed in config.feeds}
    return [configured.get(feed.url, feed) for feed in store.known_feeds()]


def _load(config: Config, story_ids: Sequence[str]) -> _Loaded:
    """The stories ``story_ids``, each classified with the items published around them (within
    the cluster window of its first and last member), as a digest over that time would (a car
    feed's terse headline is read as the feed's other items allow)."""
    window = parse_duration(config.digest.cluster_window)
    keep_days = config.store.keep_days
    with Store.for_reading(config.paths.store_file) as store:
        everything = store.items(_feeds(store, config), None)
        keys = store.story_keys_of([item.id for item in everything])
        resolved, stories = [], []
        for given in story_ids:
            story_id = resolve_story_id(store, given, keep_days=keep_days)
            members = [item for item in everything if keys.get(item.id) == story_id]
            if not members:
                raise unknown_story(story_id, keep_days=keep_days)
            members.sort(key=lambda item: (item.published, item.id))
            resolved.append(story_id)
            stories.append(members)
        start = min(members[0].published for members in stories) - window
        end = max(members[-1].published for members in stories) + window
        context = [item for item in everything if start <= item.published <= end]
        articles = store.articles([item.link for item in context if item.link])
        # As the digest classifies them (bodies, a car feed's terse titles), from the store's
        # cache where it has them: the story is told, and clustered again, on the same evidence.
        classifications = classify_items(store, config, context, articles)
        reports = tuple(
            StoryReport(
                story_id,
                tuple(members),
                None,
                _as_a_digest_tells_it(store, config, story_id, members, classifications, articles),
            )
            for story_id, members in zip(resolved, stories, strict=True)
        )
    return _Loaded(reports, tuple(context), classifications, articles, window)


def _as_a_digest_tells_it(
    store: Store,
    config: Config,
    story_id: str,
    members: Sequence[Item],
    classifications: Mapping[int, Classification],
    articles: Mapping[str, Article],
) -> Story:
    """The story as the plain digest builds it (``autonews.story_build.build_story``): its title in
    the reader's language, labels, summary; and what the plain digest's --new runs delivered."""
    tag = reader_tag(config.digest.language)
    story = build_story(
        members, classifications, articles, story_id, reader_language(tag), traditional_table(tag)
    )
    story = credited(story, members)  # each source's outlet, as the digest gives it
    delivered = store.deliveries([story_id])
    (story,) = with_delivery_state([story], delivered, config.digest.all_topics)
    return story
