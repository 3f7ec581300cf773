"""What earlier --new digests delivered, and so what is news now.

A story is tracked by its id, whatever title a digest shows for it (in the reader's language, by
its most informative source): delivered once, it comes back under --new only when its headline
figure is one none of its sources had told when it went out (``renotify_on_figure_change``),
when it went out as a rumour and a source now tells it firmly (confirmed), or when sources that
joined it since tell it as another event (a wrong merge must not swallow news: CATL's results
joined its delivered Zaragoza plant story); a figure told more roundly ("nearly 15,000" for
14,768, 1.1万 for 11,024) is the same figure.

The items first seen since the last --new digest are news to its readers whatever their date:
what the store did not have then could not have been delivered (after a gap, the machine off or
a feed down for days; or an item its feed posted late, dated days back: an embargoed recall,
back-dated wire copy). Not a new feed's old items, nor a feed's archive coming into view (see
:class:`autonews.store.entries._Archive`): both are their feed's baseline. And nothing dated
further back than the store keeps items ([store] keep_days): a bound no feed can flood past.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from autonews.config import FeedConfig
from autonews.digest import headline_figure
from autonews.models import Classification, Event, Item, Story
from autonews.store import Delivery, Store

_OTHER = Event.OTHER


def told_figures(
    members: Iterable[Item], classifications: Mapping[int, Classification]
) -> tuple[str, ...]:
    """The headline figures a story's sources tell ("units:14768"), each once."""
    figures = (headline_figure(classifications[item.id]) for item in members)
    return tuple(sorted({figure for figure in figures if figure}))


def items_missed(
    store: Store,
    feeds: Sequence[FeedConfig],
    since: datetime | None,
    last_new: Iterable[datetime],
    keep: timedelta,
) -> list[Item]:
    """The items published before the window (``since``) that a --new digest has not
    delivered: first seen since the earliest of the digests' last --new runs (``last_new``),
    and not dated more than ``keep`` (the store's retention) before they were first seen."""
    earliest = min(last_new, default=None)
    if since is None or earliest is None:
        return []
    return [
        item
        for item in store.items_seen_since(feeds, earliest, since)
        if item.published >= item.first_seen - keep
    ]


def older_than(stories: Iterable[Story], since: datetime | None) -> dict[str, datetime]:
    """The stories with no source in the window, each with when its latest source was first
    seen (the items :func:`items_missed` brought in)."""
    if since is None:
        return {}
    return {
        story.id: max(source.first_seen for source in story.sources if source.first_seen)
        for story in stories
        if all(source.published < since for source in story.sources)
    }


def news(
    stories: Iterable[Story],
    baseline_only: Collection[str],
    older: Mapping[str, datetime],
    last_new: datetime | None,
    renotify: bool,
) -> list[Story]:
    """What a --new digest last run at ``last_new`` delivers: stories never delivered (or, with
    ``renotify``, told with a new headline figure), in the window or older and first seen since
    then (``older``: the run's stories older than the window, see :func:`older_than`), but no
    story made only of a new feed's old items (``baseline_only``)."""
    return [
        story
        for story in stories
        if story.id not in baseline_only
        and (story.id not in older or (last_new is not None and older[story.id] > last_new))
        and (not story.delivered_before or (renotify and _changed(story)))
    ]


def _changed(story: Story) -> bool:
    return story.figure_changed or story.confirmed or story.event_changed


def figure_agrees(figure: str, told: Sequence[str]) -> bool:
    """Whether a headline figure ("units:15000") is one of ``told``, exactly or as rounded by
    one outlet and told precisely by another ("nearly 15,000" and 14,768): the clustering's
    reading of figures, without the slack it allows for conversions (495,000 and 498,000
    deliveries are two figures)."""
    if not figure or figure in told:
        return True
    kind, _, value = figure.partition(":")
    others = [text.partition(":")[2] for text in told if text.startswith(kind + ":")]
    if not others:
        return False
    from autonews.cluster.figures import close  # only when the figure is new
    from autonews.cluster.figures import figure as read

    this = read(float(value))
    return any(
        close(this, other) and (this.precision != other.precision or this.value == other.value)
        for other in map(read, map(float, others))
    )


def with_delivery_state(
    stories: Sequence[Story],
    delivered: Mapping[str, Delivery],
    all_topics: bool,
) -> list[Story]:
    """Mark stories seen in an earlier --new digest, the sources that joined them since, and
    whether their headline figure is one none of the sources told then. A story that was only
    counted (not about cars) is new again once shown: in a digest of all topics, or when its
    sources have since made it a car story."""
    out = []
    for story in stories:
        before = delivered.get(story.id)
        shown_now = all_topics or story.classification.automotive
        if before is None or (shown_now and not before.shown):
            out.append(story)
            continue
        sources = tuple(
            replace(source, new=_joined_since(source.first_seen, before))
            for source in story.sources
        )
        out.append(
            replace(
                story,
                sources=sources,
                delivered_before=True,
                new_sources=sum(source.new for source in sources),
                figure_changed=not figure_agrees(
                    headline_figure(story.classification), before.figures
                ),
                confirmed=before.speculative and not story.classification.speculative,
                event_changed=_event_changed(story, before, any(s.new for s in sources)),
            )
        )
    return out


def _event_changed(story: Story, before: Delivery, joined: bool) -> bool:
    """Whether sources that joined a delivered story since tell it as another event than the
    one it went out as: no merge, right or wrong, swallows a new event unseen. A story's event
    turning "other", or a story delivered before events were recorded, is no news."""
    event = story.classification.event
    return joined and bool(before.event) and event.value != before.event and event is not _OTHER


def _joined_since(first_seen: datetime | None, before: Delivery) -> bool:
    return first_seen is not None and before.at is not None and first_seen > before.at
