"""`autonews feeds list`: the feed list as an aligned plain-text table (name, status, last
success, items kept, tags, topic, URL, error), wide characters counted as two columns; under it, the
feeds that moved for good, each with the command that updates the list (as `feeds check` says
it), and the feeds autonews came to read otherwise (a car feed now, or no longer one), each with
the command that pins its topic. `autonews feeds check`: a line per feed, in columns alike."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from autonews.car_feed_judgement import Judgement, list_cell, list_note
from autonews.car_feeds import topic_read
from autonews.config import FeedConfig
from autonews.models import NEVER_FETCHED, FeedHealth, FeedStatus
from autonews.render.common import age, plural, skipped_entries_note
from autonews.render.notes import move_note
from autonews.text import clean_text

HEADINGS = ("NAME", "STATUS", "LAST SUCCESS", "ITEMS", "TAGS", "TOPIC", "URL", "ERROR")


@dataclass(frozen=True)
class FeedRow:
    feed: FeedConfig
    health: FeedHealth
    items: int  # kept in the store
    # A feed left to autonews ("auto"): whether it reads it as a car feed now, on how many of
    # its latest items, how many about cars, and since when where that changed.
    judgement: Judgement | None = None
    # The language its latest titles are in, where autonews does not read it ("French").
    unread_language: str = ""


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cells(row: FeedRow, now: datetime, zone: tzinfo | None) -> tuple[str, ...]:
    health = row.health
    never = health.error == NEVER_FETCHED
    if not row.feed.enabled:
        status = "disabled"
    elif never:
        status = "not fetched yet"
    else:
        status = {FeedStatus.NOT_MODIFIED: "not modified"}.get(health.status, health.status.value)
    if health.moved_to:  # its new address and the command go under the table: a URL stays whole
        status += ", moved"
    error = ""
    if health.status.failed and not never:
        streak = health.consecutive_failures
        again = f" ({streak} in a row)" if streak > 1 else ""
        error = clean_text(health.error or "failed") + again
    return (
        clean_text(row.feed.label),
        status,
        _last_success(health, now),
        str(row.items),
        ", ".join(clean_text(tag) for tag in row.feed.tags),
        _topic(row, zone),
        clean_text(row.feed.url),
        error,
    )


def _last_success(health: FeedHealth, now: datetime) -> str:
    """When the feed was last read whole. A partial feed's items were read, some of them: it
    is no "never" (review 34)."""
    if health.status is FeedStatus.PARTIAL:
        return f"whole {age(health.last_success, now)}" if health.last_success else "in part"
    return age(health.last_success, now) if health.last_success else "never"


def _topic(row: FeedRow, zone: tzinfo | None) -> str:
    """The feed's topic; for one left to autonews, whether it reads it as a car feed now."""
    if row.judgement is None:
        if topic_read(row.feed.topic, row.feed.url) != row.feed.topic:
            return "auto: a keyword search, each item on its own"
        return row.feed.topic
    return list_cell(row.judgement, zone)


def feeds_table(rows: Sequence[FeedRow], now: datetime, zone: tzinfo | None = None) -> str:
    table = [HEADINGS, *(_cells(row, now, zone) for row in rows)]
    widths = [max(_width(line[column]) for line in table) for column in range(len(HEADINGS))]
    right = {HEADINGS.index("ITEMS")}
    lines = []
    for line in table:
        cells = []
        for column, (cell, width) in enumerate(zip(line, widths, strict=True)):
            pad = " " * (width - _width(cell))
            cells.append(pad + cell if column in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    moves = [
        f"{clean_text(row.feed.label)} {move_note(row.health)}"
        for row in rows
        if row.health.moved_to
    ]
    if moves:
        lines += ["", *moves]
    unread = [
        f"{clean_text(row.feed.label)}: {unread_note(row.unread_language)}"
        for row in rows
        if row.unread_language
    ]
    if unread:
        lines += ["", *unread]
    flips = [  # a judgement that replaced another, until the user pins the feed's topic
        list_note(clean_text(row.feed.label), row.judgement, zone)
        for row in rows
        if row.judgement is not None and row.judgement.flipped
    ]
    if flips:
        lines += ["", *flips]
    return "\n".join(lines) + "\n"


def unread_note(language: str) -> str:
    """What a feed in a language autonews does not read (autonews.classify.unread) means."""
    return (
        f"its titles are in {language}, which autonews does not read (it reads English, "
        "Chinese, German and, in part, Japanese): it finds the makers and models they name and "
        "a few words, but whether they are about cars and which tell one story are guesses, and "
        "their events are read from a few words only"
    )


def check_lines(health: Sequence[FeedHealth]) -> str:
    """`feeds check`: each feed's status, HTTP status, name (padded, so that what follows is in
    a column) and what its document holds (a 304's too: the items it still has) or its error,
    with where it moved for good."""
    width = max((_width(clean_text(feed.name)) for feed in health), default=0)
    lines = []
    for feed in health:
        name = clean_text(feed.name)
        http = f" HTTP {feed.http_status}" if feed.http_status else ""
        lines.append(f"{feed.status.value:<12}{http:>9}  {name}{' ' * (width - _width(name))}  ")
        lines[-1] = (lines[-1] + _check_detail(feed)).rstrip()
    return "\n".join(lines) + "\n"


def _check_detail(feed: FeedHealth) -> str:
    if feed.status.failed:
        detail = clean_text(feed.error or "failed")
    else:
        detail = plural(feed.items, "item")
        if feed.status is FeedStatus.NOT_MODIFIED:
            detail += ", unchanged"
        if skipped := skipped_entries_note(feed):
            detail += f"; {skipped}"
    if feed.moved_to:  # said on every check, for as long as the list has the old address
        detail = f"{detail}; {move_note(feed)}"
    return detail
