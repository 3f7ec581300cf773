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
A run for READERS that wrote them nothing (``--new`` with nothing new) told its stderr alone:
remembered as READER_STDERR, which keeps the failure off stderr, not out of the next footer.
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
# The stderr of a run for READERS that wrote them nothing: cron's mail was told, they were not.
READER_STDERR = "reader-stderr"

# The formats written for programs: a run writing only these tells its notices to the LOG.
FOR_PROGRAMS = frozenset({"json", "jsonl", "atom"})


def audience(formats: Sequence[str]) -> str:
    """Who a run's notices are for, from the formats of its digests ("email" for a mail):
    READER when any is read by people, else LOG."""
    return LOG if formats and all(fmt in FOR_PROGRAMS for fmt in formats) else READER


def told_audience(planned: str, delivered: Sequence[str]) -> str:
    """Whom a run of the ``planned`` audience really told of its feeds, from the forms its
    digests went out in (``autonews.deliver.digest.delivered_forms``): a run meant for READERS
    that wrote them nothing (``--new`` with nothing new, or only its JSON) told its stderr alone,
    which is cron's mail (READER_STDERR). So the footer of the next digest people read still
    names the failure, and stderr does not mail it again."""
    if planned == LOG:
        return LOG
    return READER if delivered and audience(delivered) == READER else READER_STDERR


_NUMBERS = re.compile(r"\d+")


def _same_failure(reported: str, error: str) -> bool:
    """One failure told again, whatever numbers it quotes: a parser's line and column move
    with the garbage a feed serves ("not well-formed: line 3, column 7")."""
    return _NUMBERS.sub("#", reported) == _NUMBERS.sub("#", error)


def _named_recently(
    feed: FeedHealth,
    reports: Mapping[str, tuple[datetime, str]],
    now: datetime,
    reminder: timedelta,
) -> bool:
    report = reports.get(feed.url)
    return (
        feed.status is FeedStatus.ERROR
        and report is not None
        and _same_failure(report[1], feed.error or "")
        and now - report[0] < reminder
    )


def mark_repeated_failures(
    feeds: Sequence[FeedHealth],
    reports: Mapping[str, tuple[datetime, str]],
    now: datetime,
    reminder: timedelta,
    on_stderr: Mapping[str, tuple[datetime, str]] | None = None,
) -> tuple[FeedHealth, ...]:
    """Mark failures an earlier run named to this audience less than ``reminder`` ago with the
    same error (``reports``: url -> when, error): counted in the footer, not named again; and
    those only its stderr named (``on_stderr``): named in the footer, not on stderr."""
    out = []
    for feed in feeds:
        if _named_recently(feed, reports, now, reminder):
            feed = replace(feed, repeated=True)
        elif on_stderr and _named_recently(feed, on_stderr, now, reminder):
            feed = replace(feed, stderr_told=True)
        out.append(feed)
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
    reports = store.failure_reports(failing, audience)
    on_stderr = store.failure_reports(failing, READER_STDERR) if audience == READER else None
    marked = mark_repeated_failures(health, reports, now, reminder, on_stderr)
    return mark_told_moves(marked, store.moves_told(moved, audience))
