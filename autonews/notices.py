"""What a run tells of the feeds beyond its stories, and what it need not tell again.

A failing feed is named when its failure is new, when its error changed, and again once
[digest] failure_reminder has passed; in between it is counted ("1 failing as reported
earlier"), so that cron does not mail the same warning after every run. A feed that moved for
good (HTTP 301 or 308) is told of once per new address, with the command that updates the list:
autonews never edits the config by itself.

What was told is remembered per audience, as two kinds of run are read by different people:

- READER: a run with a digest people read (terminal, text, markdown, html, mail) tells in the
  digest's footer and on stderr;
- LOG: a run writing only documents for programs (json, jsonl, atom) tells on stderr alone
  (which cron mails): its JSON carries every feed's status and address anyway.

So a JSON job for scripts does not use up the notice the mailed digest gives, nor the reverse.
An ``--offline`` run fetched nothing: it shows what the store holds and remembers nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from autonews.models import FeedHealth, FeedStatus

if TYPE_CHECKING:
    from autonews.store import Store

READER = "reader"
LOG = "log"

# The formats written for programs: a run writing only these tells its notices to the LOG.
FOR_PROGRAMS = frozenset({"json", "jsonl", "atom"})


def audience(formats: Sequence[str]) -> str:
    """Who a run's notices are for, from the formats of its digests ("email" for a mail):
    READER when any is read by people, else LOG."""
    return LOG if formats and all(fmt in FOR_PROGRAMS for fmt in formats) else READER


_NUMBERS = re.compile(r"\d+")


def _same_failure(reported: str, error: str) -> bool:
    """One failure told again, whatever numbers it quotes: a parser's line and column move
    with the garbage a feed serves ("not well-formed: line 3, column 7")."""
    return _NUMBERS.sub("#", reported) == _NUMBERS.sub("#", error)


def mark_repeated_failures(
    feeds: Sequence[FeedHealth],
    reports: Mapping[str, tuple[datetime, str]],
    now: datetime,
    reminder: timedelta,
) -> tuple[FeedHealth, ...]:
    """Mark failures an earlier run named to this audience less than ``reminder`` ago with the
    same error (``reports``: url -> when, error): counted in the footer, not named again."""
    out = []
    for feed in feeds:
        report = reports.get(feed.url)
        repeated = (
            feed.status is FeedStatus.ERROR
            and report is not None
            and _same_failure(report[1], feed.error or "")
            and now - report[0] < reminder
        )
        out.append(replace(feed, repeated=True) if repeated else feed)
    return tuple(out)


def mark_told_moves(feeds: Sequence[FeedHealth], told: Mapping[str, str]) -> tuple[FeedHealth, ...]:
    """Mark the moves an earlier run told this audience of (``told``: url -> the address told):
    a feed that moves again, to another address, is news."""
    return tuple(
        replace(feed, move_told=True)
        if feed.moved_to and told.get(feed.url) == feed.moved_to
        else feed
        for feed in feeds
    )


def with_notices_told(
    store: Store,
    health: Sequence[FeedHealth],
    now: datetime,
    audience: str,
    reminder: timedelta,
) -> tuple[FeedHealth, ...]:
    """The feeds' health, marking what earlier runs told ``audience`` already: failures named
    less than ``reminder`` ago ([digest] failure_reminder), moves told of."""
    failing = [feed.url for feed in health if feed.status is FeedStatus.ERROR]
    moved = [feed.url for feed in health if feed.moved_to]
    marked = mark_repeated_failures(health, store.failure_reports(failing, audience), now, reminder)
    return mark_told_moves(marked, store.moves_told(moved, audience))
