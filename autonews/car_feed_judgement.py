"""Whether each feed left to autonews (``topic = "auto"``) is a car feed now, and when that
changed: judged on its latest stored items (:data:`CAR_FEED_HISTORY`), with the line crossed
upwards at half (four in five for a feed whose own title or description says it is general
news: :mod:`autonews.feed_topics`) and downwards only well under it
(:func:`autonews.car_feeds.judged_car_feed`), from what the store remembers of the last one.

A change is news to the user: it changes which of the feed's items are car news. A run that
fetched remembers it and says it once, on stderr, with how to pin the feed's topic; `feeds list`
shows since when (trial 42: a wire "Autos & Industrials" became a car feed overnight, and
nothing said so)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo

from autonews.car_feeds import (
    CAR_FEED_ITEMS,
    GENERAL_CAR_FEED_SHARE,
    GENERAL_STAYS_CAR_FEED_SHARE,
    STAYS_CAR_FEED_SHARE,
    TOLD_CAR_FEED_SHARE,
    judged_car_feed,
)
from autonews.feed_topics import GENERAL, feed_topic
from autonews.store import Store
from autonews.store.notices import CarFeedJudgement

# A feed is judged on its latest stored items, not on the window's: a busy car day does not make
# a finance flash feed a car feed (trial 39: its GDP and FX flashes became car news, and an earlier
# window drawn again after later fetches read differently), and a car feed's terse follow-up is
# car news whether or not its other items are still in the window (trial 26, item 10).
CAR_FEED_HISTORY = 100


@dataclass(frozen=True)
class Judgement:
    """A feed's judgement now: ``judged`` (None: the store remembers none), the share it was
    made on (``items``, ``cars``) and, where it changed since the last one, that one;
    ``general``: the feed's own title or description says it is general news."""

    url: str
    car_feed: bool
    items: int
    cars: int
    before: CarFeedJudgement | None
    general: bool = False

    @property
    def plainly(self) -> bool:
        """Whether a car feed so judged is plainly one: not one whose own title says it is
        general news (a national wire's "All News", a paper's "Business"), a car feed by its
        share but not for its items that name nothing of cars at all (trial 55: a wire's
        weather, politics and budget items were shown as car news)."""
        return self.car_feed and not self.general

    @property
    def changed(self) -> bool:
        """Whether the feed is judged otherwise than last remembered."""
        return self.before is not None and self.before.car_feed != self.car_feed

    @property
    def since(self) -> datetime | None:
        """When the remembered judgement, where it stands, was made."""
        return None if self.before is None or self.changed else self.before.since

    @property
    def flipped(self) -> bool:
        """Whether the judgement that stands replaced another (not the feed's first)."""
        return self.before is not None and self.before.was is not None and not self.changed


def judge_feeds(store: Store, version: str, urls: Iterable[str]) -> dict[str, Judgement]:
    """How each feed of ``urls`` is judged now, by this classifier ``version``'s labels."""
    urls = list(dict.fromkeys(urls))
    if not urls:
        return {}
    shares = store.latest_car_shares(urls, version, CAR_FEED_HISTORY)
    before = store.car_feed_judgements(urls)
    about = store.feeds_about(urls)
    judged = {}
    for url in urls:
        items, cars = shares.get(url, (0, 0))
        was = before.get(url)
        general = feed_topic(about.get(url, "")) == GENERAL
        car_feed = judged_car_feed(was.car_feed if was else None, items, cars, general)
        judged[url] = Judgement(url, car_feed, items, cars, was, general)
    return judged


def remember_judgements(
    store: Store, judged: Mapping[str, Judgement], now: datetime
) -> list[Judgement]:
    """Remember the judgements made first or changed now (not of a feed too small to judge);
    the changed ones and a first one that is a close call, to tell the user of."""
    remembered = []
    changed = []
    for url, judgement in judged.items():
        if judgement.before is not None and not judgement.changed:
            continue
        if judgement.before is None and judgement.items < CAR_FEED_ITEMS:
            continue  # judged on too few items: its first judgement is still to come
        was = judgement.before
        share = (was.items, was.cars) if judgement.changed and was is not None else None
        record = CarFeedJudgement(judgement.car_feed, now, judgement.items, judgement.cars, share)
        remembered.append((url, record))
        if judgement.changed or _a_close_first_call(judgement):
            changed.append(judgement)
    if remembered:
        store.remember_car_feed_judgements(remembered)
    return changed


def _a_close_first_call(judgement: Judgement) -> bool:
    """Whether a feed's first judgement made it a car feed by a share short of nearly all its
    items: a general business or tech feed busy with carmakers (trials 50 and 51), told once."""
    return (
        judgement.before is None
        and judgement.car_feed
        and judgement.cars < TOLD_CAR_FEED_SHARE * judgement.items
    )


def _pin(name: str, car_feed: bool) -> str:
    """How to settle a feed's topic, the other way first where it is a car feed now."""
    edit = f'`autonews feeds edit "{name}" --topic'
    if car_feed:
        return f"if it is not about cars, pin it: {edit} mixed` (or `--topic cars` to keep it one)"
    return f"to read it as a car feed still: {edit} cars` (or `--topic mixed`)"


def list_cell(judgement: Judgement, zone: tzinfo | None = None) -> str:
    """`feeds list`'s TOPIC for a feed left to autonews: "auto: car feed (7/11 about cars)",
    with since when where that replaced another judgement; "auto" for one never a car feed."""
    share = f"({judgement.cars}/{judgement.items} about cars)"
    since = judgement.since if judgement.flipped else None
    when = f" since {since.astimezone(zone):%d %b}" if since is not None else ""
    if judgement.car_feed:
        return f"auto: car feed{when} {share}"
    return f"auto: not a car feed{when} {share}" if when else "auto"


def list_note(name: str, judgement: Judgement, zone: tzinfo | None = None) -> str:
    """`feeds list`'s line under the table for a feed whose judgement changed: which way,
    since when, and how to pin it."""
    assert judgement.since is not None
    day = f"{judgement.since.astimezone(zone):%d %b}"
    share = f"{judgement.cars} of its {judgement.items} latest items are about cars"
    if judgement.car_feed:
        return f"{name}: read as a car feed since {day} ({share}); {_pin(name, True)}"
    return f"{name}: no longer read as a car feed since {day} ({share}); {_pin(name, False)}"


def _rule(judgement: Judgement) -> str:
    """The line the feed crossed, in words: higher for a feed that says it is general news."""
    if judgement.general:
        if judgement.car_feed:
            share = f"{GENERAL_CAR_FEED_SHARE:.0%} or more make a car feed"
            return f"{share} of a feed whose own title says it is general news"
        stays = f"{GENERAL_STAYS_CAR_FEED_SHARE:.0%}"
        return f"one that says it is general news stays so down to {stays}"
    if judgement.car_feed:
        return "half or more make a car feed"
    return f"one stays so down to {STAYS_CAR_FEED_SHARE:.0%}"


def flip_message(name: str, judgement: Judgement) -> str:
    """What a run says of a feed whose judgement changed: which way, why, how to pin it."""
    share = f"{judgement.cars} of its {judgement.items} latest items are about cars"
    was = judgement.before
    rule = _rule(judgement)
    before = f"; {was.cars} of {was.items} when last judged" if was else ""
    share = f"{share} ({rule}{before})"
    if judgement.car_feed:
        counted = (
            "its new items with no car word of their own count as car news"
            if judgement.plainly
            else "its new items with no car word in their title but one in their summary or text "
            "count as car news"
        )
        return f"{name} is now read as a car feed: {share}, so {counted}; {_pin(name, True)}"
    return (
        f"{name} is no longer read as a car feed: {share}, so only its items about cars by "
        f"their own words count as car news; {_pin(name, False)}"
    )
