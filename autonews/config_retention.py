"""`autonews config check` on `[store] keep_days`: whether pruning takes what the digest window
asks for, or what feeds still carry (the store knows what each feed listed when last read).
Worth a warning, never an error: the user may want a short store on purpose."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from autonews.config import Config
from autonews.errors import StoreError
from autonews.render.common import plural
from autonews.timeparse import parse_since, reader_zone

_DAY = timedelta(days=1)
_NAMED = 5  # feeds named in the warning; the others are counted
# A feed listing items older than this lists an archive (a blog's every post): keeping a store
# that long for it would be no advice, and its old items are kept while listed anyway.
ARCHIVE_DAYS = 365


def retention_warnings(
    config: Config, now: datetime, oldest_listed: Mapping[str, datetime]
) -> list[str]:
    """What keep_days will cost, and what to set: see ``window_warning`` and
    ``listed_warning``."""
    return [
        warning
        for warning in (window_warning(config, now), listed_warning(config, now, oldest_listed))
        if warning
    ]


def window_warning(config: Config, now: datetime) -> str:
    """keep_days shorter than [digest] since: a digest cannot show what was pruned."""
    keep, since = config.store.keep_days, config.digest.since
    start = parse_since(since, now, reader_zone(config.digest.timezone))
    wanted = None if start is None else -((start - now) // _DAY)  # whole days, rounded up
    if wanted is not None and wanted <= keep:
        return ""
    if wanted is None:
        reach, advice = "everything fetched", "raise keep_days to keep more"
    else:
        reach, advice = str(wanted), f'set keep_days = {wanted} or more (or since = "{keep}d")'
    return (
        f"[store] keep_days ({plural(keep, 'day')}) is shorter than [digest] since ({since}): "
        f"items are pruned after {plural(keep, 'day')} unless their feed still lists them, so "
        f"a digest shows about the last {plural(keep, 'day')}, not {reach}; {advice}"
    )


def listed_warning(config: Config, now: datetime, oldest_listed: Mapping[str, datetime]) -> str:
    """Enabled feeds that still list items older than keep_days (up to a year: see
    ``archive_note`` for older). Pruning spares them while the feed is read; a feed unread for
    keep_days (down, disabled) has them pruned, and they come back under new ids when it is
    read again (trial 26, item 7)."""
    keep = config.store.keep_days
    ages = _listed_ages(config, now, oldest_listed)
    ages = {name: age for name, age in ages.items() if age <= ARCHIVE_DAYS}
    if not ages:
        return ""
    count = len(ages)
    lists = "lists" if count == 1 else "list"
    return (
        f"{plural(count, 'feed')} still {lists} items older than [store] keep_days "
        f"({plural(keep, 'day')}): {_named(ages)}; they are kept while their feed lists "
        f"them, but a feed not read for {plural(keep, 'day')} (down, or disabled) has them "
        "pruned, and they come back under new ids when it is read again (an undated one as "
        f"that day's news); keep_days = {max(ages.values()) + 1} or more keeps them"
    )


def archive_note(config: Config, now: datetime, oldest_listed: Mapping[str, datetime]) -> str:
    """Feeds that list items older than a year (a blog's whole archive, 12 years of it, in
    trial 29): no keep_days is worth keeping those, and nothing need be done: they are kept
    while listed. Said once, in the check's report, not as a warning to act on."""
    ages = _listed_ages(config, now, oldest_listed)
    archives = {name: age for name, age in ages.items() if age > ARCHIVE_DAYS}
    if not archives:
        return ""
    count = len(archives)
    return (
        f"archives: {plural(count, 'feed')} {'lists' if count == 1 else 'list'} items older "
        f"than a year ({_named(archives)}): kept while listed, whatever keep_days"
    )


def _listed_ages(
    config: Config, now: datetime, oldest_listed: Mapping[str, datetime]
) -> dict[str, int]:
    """Whole days of the oldest item each enabled feed lists, of those older than keep_days."""
    keep = config.store.keep_days
    return {
        feed.label: (now - oldest_listed[feed.url]) // _DAY
        for feed in config.active_feeds
        if feed.url in oldest_listed and now - oldest_listed[feed.url] > keep * _DAY
    }


def _named(ages: Mapping[str, int]) -> str:
    """The feeds with the oldest items first, the first few named: "Blog (4462 days), 3 more"."""
    oldest_first = sorted(ages, key=lambda name: -ages[name])
    named = [f"{name} ({plural(ages[name], 'day')})" for name in oldest_first[:_NAMED]]
    if len(ages) > _NAMED:
        named.append(f"{len(ages) - _NAMED} more")
    return ", ".join(named)


def oldest_listed(config: Config) -> tuple[dict[str, datetime], str]:
    """What the store knows of each feed's oldest listed item, and a warning when the store
    cannot be read. A store not made yet is not made by a check: nothing is known."""
    if not config.paths.store_file.is_file():
        return {}, ""
    from autonews.store import Store

    try:
        with Store.for_reading(config.paths.store_file) as store:
            return store.oldest_listed(), ""
    except StoreError as exc:
        return {}, f"{exc.message} (what feeds still list is not checked)"
