"""Sources passed on by an aggregator (Google News, Bing News) are credited to the outlet they
are from: the store names such an item's source "Reuters (via GN: Tesla)" (``store.rows``), and
a story's sources carry the outlet itself for JSON (``sources[].outlet``).

One article is one source, however many feeds carried it (trial 43: the same Google News item
in two searches made "8 sources" of 6 articles, and named Reuters twice side by side): the
copies of an article (one link, or one outlet's one headline) are one source, named by the
copy from the outlet's own feed where one is, with every aggregator's feed that passed it on
(``sources[].via``). An outlet's own feed is often named more than the outlet ("Nikkei Asia -
Automobiles" for Google News's "Nikkei Asia"), and its headline may differ from the copy's by a
word's form (trial 43 re-checked: one article was "2 sources · Nikkei Asia, Nikkei Asia -
Automobiles"): such copies are joined too (``autonews.outlet_copies``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from autonews.feed_titles import site_name
from autonews.models import Item, Source, Story
from autonews.outlet_copies import copies_of_one_article
from autonews.store.rows import source_name
from autonews.wire_titles import shown_title


def credited(story: Story, members: Sequence[Item]) -> Story:
    """``story`` (built from ``members``) with each source's outlet, as its item has it, and
    the copies of one article as one source; the same object when none of them is an
    aggregator's and no article came twice."""
    outlets = {member.id: member.outlet for member in members if member.outlet}
    articles = same_articles(members)
    if not outlets and len(articles) == len(members):
        return story
    by_item = {s.item_id: replace(s, outlet=outlets.get(s.item_id)) for s in story.sources}
    merged = [_one_source([by_item[m.id] for m in copies], copies) for copies in articles]
    merged.sort(key=lambda s: (s.published, s.item_id))
    return replace(story, sources=tuple(merged))


def same_articles(members: Sequence[Item]) -> list[list[Item]]:
    """``members`` in groups, each the copies of one article an aggregator passed on: one link
    (the same Google News item in two searches, or its decoded article read directly), or one
    outlet's one headline (an outlet's article passed on by Google News and by Bing). In the
    order of their first."""
    parent = list(range(len(members)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first: dict[tuple[str, ...], int] = {}
    for index, member in enumerate(members):
        for key in _article_keys(member):
            if key in first:
                parent[root(index)] = root(first[key])
            else:
                first[key] = index
    for index, other in copies_of_one_article(members):
        parent[root(index)] = root(other)
    groups: dict[int, list[Item]] = {}
    for index, member in enumerate(members):
        groups.setdefault(root(index), []).append(member)
    # Only copies an aggregator passed on are joined: two feeds of an outlet's own giving one
    # link stay two sources, as they were (a site's news and EV feeds).
    articles: list[list[Item]] = []
    for group in groups.values():
        if any(copy.outlet for copy in group):
            articles.append(group)
        else:
            articles.extend([member] for member in group)
    return articles


def _article_keys(item: Item) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    if item.link and item.link.strip():
        keys.append(("link", item.link.strip()))
    title = " ".join(shown_title(item.title).split()).casefold()
    if title:
        keys.append(("title", outlet_of(item).casefold(), title))
    return keys


def outlet_of(item: Item) -> str:
    """The outlet an item is from: the one an aggregator names, else its feed's site."""
    return item.outlet or site_name(feed_label(item))


def feed_label(item: Item) -> str:
    """The name of the feed that gave ``item`` (for an aggregator's item, the feed that passed
    it on: ``store.rows.source_name``'s inverse)."""
    prefix = f"{item.outlet} (via "
    if item.outlet and item.feed_name.startswith(prefix) and item.feed_name.endswith(")"):
        return item.feed_name[len(prefix) : -1]
    return item.feed_name


def _one_source(sources: list[Source], copies: list[Item]) -> Source:
    """The source one article's ``copies`` (with their ``sources``) make: the copy from the
    outlet's own feed where one is (its link is the article's), else the first; dated by the
    first, first seen with the first (a copy in another search is no news), with the
    aggregators' feeds that passed it on."""
    if len(copies) == 1:
        only = copies[0]
        return replace(sources[0], via=(feed_label(only),) if only.outlet else ())
    chosen = min(
        range(len(copies)),
        key=lambda i: (bool(copies[i].outlet), _redirect(copies[i].link), copies[i].published),
    )
    source, item = sources[chosen], copies[chosen]
    via = tuple(dict.fromkeys(feed_label(copy) for copy in copies if copy.outlet))
    seen = [s.first_seen for s in sources if s.first_seen is not None]
    return replace(
        source,
        feed=source_name(item.outlet, ", ".join(via)) if item.outlet else source.feed,
        published=min(s.published for s in sources),
        first_seen=min(seen, default=None),
        via=via,
    )


def _redirect(link: str | None) -> bool:
    """Whether a link is an aggregator's redirect (Google News's "/rss/articles/…" it could not
    decode): a copy linking the article itself is the better link."""
    return not link or "/rss/articles/" in link or "news.google.com" in link
