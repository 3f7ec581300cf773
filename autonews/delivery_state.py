"""What earlier --new digests delivered, and so what is news now.

A story is tracked by its id, whatever title a digest shows for it (in the reader's language, by
its most informative source): delivered once, it comes back under --new only when its headline
figure is one none of its sources had told when it went out (``renotify_on_figure_change``),
when it went out as a rumour and a source now tells it firmly (confirmed), or when sources that
joined it since tell it as another event (a wrong merge must not swallow news: CATL's results
joined its delivered Zaragoza plant story); a figure told more roundly ("nearly 15,000" for
14,768, 1.1万 for 11,024) is the same figure. Each of those is news only when a source first
seen since the reader's last --new digest tells it: the 48 h window sliding past a story's
older sources changes the figure and event read from the rest, and is no news (trial 36).

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
from typing import Any

from autonews.config import Config, FeedConfig
from autonews.config_values import RENOTIFY_REASONS, renotify_reasons_of
from autonews.digest import headline_figure
from autonews.models import Classification, Event, Item, Retold, Source, Story
from autonews.store import Delivery, Store
from autonews.story_turns import is_notice, news_turns, part_of_the_story, turns_of
from autonews.timeparse import parse_duration

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
    reasons: Collection[str],
) -> list[Story]:
    """What a --new digest last run at ``last_new`` delivers: stories never delivered (or
    delivered, and news again for one of ``reasons``, see :func:`renotify_reasons`), in the
    window or older and first seen since then (``older``: the run's stories older than the
    window, see :func:`older_than`), but no story made only of a new feed's old items
    (``baseline_only``)."""
    return [
        story
        for story in stories
        if story.id not in baseline_only
        and (story.id not in older or (last_new is not None and older[story.id] > last_new))
        and (not story.delivered_before or bool(set(changes(story)) & set(reasons)))
    ]


def grown_unsent(
    stories: Iterable[Story], sent: Collection[str], last_new: datetime | None
) -> list[Story]:
    """Delivered stories a --new digest does not send again though sources joined them since
    its last run (a supplier's same-day reaction to a delivered story: trial 47): gaining
    sources is no news of its own, but the footer says they grew, so nothing changes unseen.
    A community post that joined tells nothing new of the story."""
    return [
        story
        for story in stories
        if story.delivered_before
        and story.id not in sent
        and any(
            source.new and not source.community and _told_since(source, last_new)
            for source in story.sources
        )
    ]


def changes(story: Story) -> list[str]:
    """Why a delivered story is news again, as JSON's ``changed`` says it (RENOTIFY_REASONS)."""
    flags = (
        story.figure_changed,
        story.confirmed,
        story.event_changed,
        story.new_turn,
        story.new_notice,
    )
    return [reason for reason, flag in zip(RENOTIFY_REASONS, flags, strict=True) if flag]


def renotify_reasons(config: Config, name: str = "") -> frozenset[str]:
    """Why a --new digest of ``name`` ("" for the plain one) sends a delivered story again: its
    own renotify_on, else [digest]'s; none at all with renotify_on_figure_change = false."""
    if not config.digest.renotify_on_figure_change:
        return frozenset()
    named = next((d for d in config.digests if d.name == name), None)
    if named is not None and named.renotify_on is not None:
        return frozenset(renotify_reasons_of("renotify_on", named.renotify_on))
    return frozenset(renotify_reasons_of("digest.renotify_on", config.digest.renotify_on))


def ack_within(config: Config, name: str = "") -> timedelta:
    """How long a story a --no-mark run of ``name`` printed waits for its ack before another
    --new run prints it again: the digest's own ack_within, else [digest]'s."""
    named = next((d for d in config.digests if d.name == name), None)
    own = named.ack_within if named is not None else None
    return parse_duration(own if own is not None else config.digest.ack_within)


def figure_agrees(figure: str, told: Sequence[str]) -> bool:
    """Whether a headline figure ("units:15000") is one of ``told``, exactly or as rounded by
    one outlet and told precisely by another ("nearly 15,000" and 14,768): the clustering's
    reading of figures, without the slack it allows for conversions (495,000 and 498,000
    deliveries are two figures). A precise figure that another as precise was told as is a
    correction, though an outlet rounded both alike: SAMR's 87,420 vehicles retitled 87,240,
    beside an outlet's 8.7万 (trial 37)."""
    if not figure or figure in told:
        return True
    kind, _, value = figure.partition(":")
    others = [text.partition(":")[2] for text in told if text.startswith(kind + ":")]
    if not others:
        return False
    from autonews.figure_match import close  # only when the figure is new
    from autonews.figure_match import figure as read

    this = read(float(value))
    near = [other for other in map(read, map(float, others)) if close(this, other)]
    if any(this.precision > other.precision for other in near):
        return True  # told more roundly than a figure told before
    # Told more precisely than rounder ones: the same figure, unless one as precise was told.
    return bool(near) and all(other.precision > this.precision for other in near)


def with_delivery_state(
    stories: Sequence[Story],
    delivered: Mapping[str, Delivery],
    all_topics: bool,
    last_new: datetime | None = None,
) -> list[Story]:
    """Mark stories seen in an earlier --new digest, the sources that joined them since, and
    whether sources new since the reader's last --new digest (``last_new``; else since the
    story went out) tell it with a headline figure none told then, firmly, or as another
    event. The story's figure and event alone are not enough: they are read from the sources
    in the window, and older ones leaving it change them with nothing new (trial 36: a launch
    read as pricing once its launch-worded sources were two days old). A story that was only
    counted (not about cars, or community posts alone) is new again once shown: in a digest of
    all topics, or when a source that joined it since made it a car story (a news report). Not
    when its sources of then are read as car news now (their feed judged a car feed since: trial
    42's wire delivered its day-old steel and chemicals items as news): they were counted, not
    news now."""
    out = []
    for story in stories:
        before = delivered.get(story.id)
        if before is None or _shown_first_now(story, before, all_topics):
            out.append(story)
            continue
        sources = tuple(
            replace(source, new=_joined_since(source.first_seen, before.at))
            for source in story.sources
        )
        since = max(filter(None, (before.at, last_new)), default=None)
        # A community post that joined tells nothing new of the story: its readers talk of it.
        fresh = [s for s in sources if _told_since(s, since) and not s.community]
        corrected = [s for s in fresh if _joined_since(s.corrected_at, since)]
        out.append(_compared(story, before, fresh, sources, corrected))
    return out


def _shown_first_now(story: Story, before: Delivery, all_topics: bool) -> bool:
    """Whether a story an earlier --new digest only counted (not about cars, or community posts
    alone) is shown now for the first time: in a digest of all topics, or as car news a source
    new since then tells (a report, not another post)."""
    if before.shown:
        return False
    if all_topics:
        return True
    joined = [s for s in story.sources if _joined_since(s.first_seen, before.at)]
    return story.shown_by_default and any(not s.community for s in joined)


def _compared(
    story: Story,
    before: Delivery,
    fresh: Sequence[Source],
    sources: tuple[Source, ...],
    corrected: Sequence[Source] = (),
) -> Story:
    """``story`` with what its ``fresh`` sources (news since the last --new digest) tell that
    it did not when it went out (``before``), and the newest source telling it. A source its
    feed retitled since (``corrected``) with a count none told is a correction, whatever the
    story's title tells (a regulator's count corrected is no rounding: trial 37)."""
    label = story.classification
    figure = headline_figure(label)
    figure_tellers = [s for s in fresh if s.figure and figure_agrees(s.figure, (figure,))]
    figure_changed = bool(figure_tellers) and not figure_agrees(figure, before.figures)
    corrections = [s for s in corrected if _corrects(s.figure, before.figures)]
    corrected_figure = ""  # a retitled source's count, where the story's own did not change
    if corrections and not figure_changed:
        figure_tellers, figure_changed = corrections, True
        figure = corrected_figure = corrections[-1].figure
    told_turns, told_notices = _told_turns(before, sources)
    turn_tellers = [s for s in fresh if news_turns(s.title, told_turns)]
    notice_tellers = [s for s in fresh if is_notice(s.title) and _feed(s) not in told_notices]
    firm = [s for s in fresh if not s.speculative]
    confirmed = before.speculative and not label.speculative and bool(firm)
    event_tellers = _event_tellers(label.event, before.event, fresh, sources)
    event_changed = bool(event_tellers)
    tellers = (
        (figure_tellers if figure_changed else [])
        + (firm if confirmed else [])
        + (event_tellers if event_changed else [])
        + turn_tellers
        + notice_tellers
    )
    retold = None
    if tellers:
        # The source the story is titled by, where it is one: its title tells the news.
        newest = max(
            tellers,
            key=lambda s: (s.title == story.title, s.first_seen or s.published, s.published),
        )
        was = _figure_before(figure, before.figures)
        retold = Retold(newest, before.event, was, before.title, corrected_figure)
    return replace(
        story,
        sources=sources,
        delivered_before=True,
        new_sources=sum(source.new for source in sources),
        figure_changed=figure_changed,
        confirmed=confirmed,
        event_changed=event_changed,
        new_turn=bool(turn_tellers),
        new_notice=bool(notice_tellers),
        retold=retold,
    )


def _event_tellers(
    event: Event, before: str, fresh: Sequence[Source], sources: Sequence[Source]
) -> list[Source]:
    """The fresh sources that tell a delivered story as another event than it went out as
    (``before``): the story's own event where it changed, else any event none of its sources
    of then told, "other" and what its event tells as part of it aside (a launch's price:
    knowledge/turns.toml `[part_of_the_story]`). Joined sources need not outnumber the first
    ones: trial 48's owners' lawsuit joined a delivered recall that more recall reports told,
    and stayed unsent."""
    if not before:
        return []
    if event.value != before and event is not _OTHER:
        return [s for s in fresh if s.event == event.value]
    told = {s.event for s in sources if not s.new} | {before, _OTHER.value, ""}
    told |= part_of_the_story(before)
    return [s for s in fresh if s.event not in told]


def _corrects(figure: str, told: Sequence[str]) -> bool:
    """Whether a retitled source's headline ``figure`` corrects one of its kind told before."""
    kind = figure.partition(":")[0]
    return (
        bool(figure)
        and any(text.startswith(kind + ":") for text in told)
        and not figure_agrees(figure, told)
    )


def _told_turns(before: Delivery, sources: Sequence[Source]) -> tuple[set[str], set[str]]:
    """The turns a story's sources told when it went out, and the feeds of its notices: as
    recorded, else (a delivery an earlier version recorded) read from its sources of then."""
    if before.turns is not None:
        return set(before.turns), set(before.notices)
    earlier = [source for source in sources if not source.new]
    return told_turns(earlier), notice_feeds(earlier)


def told_turns(sources: Iterable[Source]) -> set[str]:
    """The turns (``autonews.story_turns``) the titles of ``sources`` name."""
    return {turn for source in sources for turn in turns_of(source.title)}


def notice_feeds(sources: Iterable[Source]) -> set[str]:
    """The feeds of the regulators' notices among ``sources``."""
    return {_feed(source) for source in sources if is_notice(source.title)}


def _feed(source: Source) -> str:
    return source.outlet or source.feed


def _figure_before(figure: str, told: Sequence[str]) -> str:
    """The figure a story went out with that ``figure`` replaces: of its kind, the one it
    corrects (as precise and close), else the first told (the one its title told, see
    :func:`figures_to_record`); "" when none was."""
    kind, _, value = figure.partition(":")
    same = [text for text in told if kind and text.startswith(kind + ":")]
    if value and len(same) > 1:
        from autonews.figure_match import close
        from autonews.figure_match import figure as read

        this = read(float(value))
        for text in same:
            other = read(float(text.partition(":")[2]))
            if close(this, other) and other.precision == this.precision:
                return text
    return same[0] if same else ""


def figures_to_record(story: Story, told: Sequence[str]) -> tuple[str, ...]:
    """The figures a story's sources ``told`` as a --new digest delivers it, the one its title
    tells first: what a later digest says it changed from ("142,310 → 380,000 vehicles")."""
    shown = headline_figure(story.classification)
    return tuple(sorted(told, key=lambda text: text != shown))


def what_it_told(story: Story, before: Delivery | None) -> dict[str, Any]:
    """What a --new digest records of a story it delivers beside its figures and event: the
    title it goes out with, the turns its sources tell and the feeds of its notices, with those
    an earlier delivery recorded (its sources may have left the window since)."""
    turns, notices = told_turns(story.sources), notice_feeds(story.sources)
    if before is not None:
        turns |= set(before.turns or ())
        notices |= set(before.notices)
    return {"title": story.title, "turns": tuple(sorted(turns)), "notices": tuple(sorted(notices))}


def _told_since(source: Source, moment: datetime | None) -> bool:
    """Whether a source joined since ``moment``, or its feed retitled it since (a correction
    tells what the source had not)."""
    return _joined_since(source.first_seen, moment) or _joined_since(source.corrected_at, moment)


def _joined_since(first_seen: datetime | None, moment: datetime | None) -> bool:
    return first_seen is not None and moment is not None and first_seen > moment
