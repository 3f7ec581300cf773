"""Field rules the XML and JSON parsers share: which dates are news, how much summary is kept."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from typing import Any

from autonews.text import first_sentences

# Dates before this are placeholders ("Mon, 01 Jan 0001", Hugo's default for undated pages),
# not news: the item counts as undated.
EARLIEST_DATE = datetime(1970, 1, 2, tzinfo=UTC)


def plausible(moment: datetime | None) -> datetime | None:
    return moment if moment is not None and moment >= EARLIEST_DATE else None


def to_datetime(parsed: Any) -> datetime | None:
    """A UTC ``time.struct_time`` (feedparser's ``*_parsed`` fields) as a datetime."""
    if not parsed:
        return None
    try:
        return plausible(datetime.fromtimestamp(calendar.timegm(parsed), UTC))
    except (OverflowError, ValueError, TypeError, OSError):
        return None


def iso_datetime(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
        moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        return None
    return plausible(moment)


# Feeds that carry whole articles as summaries: nothing downstream reads more than the start,
# and cleaning 20 MB of HTML per run is most of the parse time.
SUMMARY_CAP = 6000


def cap_html(fragment: str, limit: int = SUMMARY_CAP) -> str:
    if len(fragment) <= limit:
        return fragment
    cut = fragment[:limit]
    open_tag = cut.rfind("<")
    if open_tag > cut.rfind(">"):
        cut = cut[:open_tag]  # not in the middle of a tag
    return cut


# A feed reader titles an untitled item (a JSON Feed micro-post, an RSS item with only a
# description) by its text: the first sentence, at most about this many characters.
TITLE_FROM_TEXT = 80


def title_from_text(text: str) -> str:
    """An untitled item's title: the first sentence of its plain ``text``, cut at a word."""
    return first_sentences(text[: TITLE_FROM_TEXT * 8], 1, TITLE_FROM_TEXT)


def titled_by_text(title: str, text: str) -> bool:
    """Whether ``title`` is one :func:`title_from_text` made from ``text`` (the item's stored
    summary): the item had no title of its own. An item whose feed gives a one-sentence text
    that is its title again (a titles-only feed's description) reads so too: such an item has
    nothing to tell beyond it either."""
    return bool(title) and title == title_from_text(text)


def has_something_to_show(title: str, link: str | None, text: str) -> bool:
    """Whether an entry can be shown: a title, a link or a text. One with none of them (an
    enclosure alone, an empty item) is skipped, and counted in ``ParsedFeed.skipped``."""
    return bool(title or link or text)
