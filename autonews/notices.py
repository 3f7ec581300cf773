"""What a run tells of the feeds beyond its stories, and what it need not tell again.

A failing feed is named when its failure is new, when its error changed, and again once
[digest] failure_reminder has passed; in between it is counted ("1 failing as reported
earlier"), so that cron does not mail the same warning after every run. A failure is new when
the feed was not named failing so, with the same error, within the reminder: a feed that
flaps (fails every other run) is named once a reminder, not at each failure after a success
(trial 35: cron mailed "1 feed failed: Flip Flop Motors" every other hour). A feed that moved for
good (HTTP 301 or 308) is told of once per new address, with the command that updates the list:
autonews never edits the config by itself.

What was told is remembered per audience, as runs are read by different people:

- the readers of a digest people read (terminal, text, markdown, html, mail), told in the
  digest's footer and on stderr, each place a digest goes to an audience of its own
  (:func:`readers_of`): the terminal of the person who ran it; stdout where it is no terminal
  (cron mails what a job prints); a mail's recipients; a file's readers. So a try-out in a
  terminal does not use up the warning of the mail cron sends minutes later (trial 33: the mail
  said "3 failing as reported earlier" to people who had never been told which);
- LOG: a run writing only documents for programs (json, jsonl, atom) tells on stderr alone
  (which cron mails): its JSON carries every feed's status and address anyway.

A run for several audiences (named digests) names a failure unless every one of them was told.
So a JSON job for scripts does not use up the notice the mailed digest gives, nor the reverse.
A run for readers that wrote them nothing (``--new`` with nothing new) told its stderr alone:
remembered as that audience's :func:`stderr_of`, which keeps the failure off stderr, not out of
the next footer. An ``--offline`` run fetched nothing: it shows what the store holds and
remembers nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from autonews.models import FeedHealth

if TYPE_CHECKING:
    from autonews.store import Store

# Whoever reads a digest printed to a stdout that is no terminal: cron's mail of what a job
# prints, a pipe, a shell's redirection. (The audience every reader run had before runs told
# their places apart: what the store remembers of it stays true.)
READER = "reader"
TERMINAL = "reader terminal"  # the person who ran it, in a terminal
LOG = "log"
# The stderr of a run for READERS that wrote them nothing: cron's mail was told, they were not.
READER_STDERR = "reader-stderr"

# The formats written for programs: a run writing only these tells its notices to the LOG.
FOR_PROGRAMS = frozenset({"json", "jsonl", "atom"})


def mail_readers(recipients: Iterable[str]) -> str:
    """The audience of a mail: its recipients, whatever their order or case."""
    return f"{READER} mail:" + ",".join(sorted({r.strip().lower() for r in recipients}))


def file_readers(path: str) -> str:
    """The audience of a file a digest is written to (an absolute path): whoever it is for."""
    return f"{READER} file:{path}"


_STDERR = " (stderr)"


def stderr_of(audience: str) -> str:
    """The audience of the stderr of a run for ``audience`` that wrote it nothing."""
    return READER_STDERR if audience == READER else audience + _STDERR


def told_on_stderr_alone(audience: str) -> bool:
    """Whether ``audience`` is the stderr of a run that wrote its readers nothing."""
    return audience == READER_STDERR or audience.endswith(_STDERR)


def audiences(readers: Sequence[str]) -> tuple[str, ...]:
    """Whom a run tells of its feeds, from the ``readers`` of each place its digests go to
    (:func:`readers_of` of autonews.deliver.digest): those, when any digest is read by people,
    else the LOG."""
    return tuple(dict.fromkeys(readers)) or (LOG,)


def told_audiences(planned: Sequence[str], delivered: Sequence[str]) -> tuple[str, ...]:
    """Whom a run for the ``planned`` audiences really told of its feeds, from the readers its
    digests went out to (``delivered``): a run meant for readers that wrote them nothing
    (``--new`` with nothing new, or only its JSON) told its stderr alone, which is cron's mail.
    So the footer of the next digest they read still names the failure, and stderr does not
    mail it again."""
    if tuple(planned) == (LOG,):
        return (LOG,)
    return tuple(dict.fromkeys(delivered)) or tuple(stderr_of(a) for a in planned)


_NUMBERS = re.compile(r"\d+")
_PLURAL_AFTER_NUMBER = re.compile(r"(# \w+?)s\b")


def _same_failure(reported: str, error: str) -> bool:
    """One failure told again, whatever numbers it quotes: a parser's line and column move
    with the garbage a feed serves ("not well-formed: line 3, column 7"), and so does where a
    document is cut ("1 item read", then "2 items read": the word after a number is singular
    or plural with it)."""
    return _numbers_left_out(reported) == _numbers_left_out(error)


def _numbers_left_out(error: str) -> str:
    return _PLURAL_AFTER_NUMBER.sub(r"\1", _NUMBERS.sub("#", error))


def _named_recently(
    feed: FeedHealth,
    reports: Mapping[str, tuple[datetime, str]],
    now: datetime,
    reminder: timedelta,
) -> bool:
    report = reports.get(feed.url)
    return (
        feed.status.failed
        and report is not None
        and _same_failure(report[1], feed.error or "")
        and now - report[0] < reminder
    )


def mark_repeated_failures(
    feeds: Sequence[FeedHealth],
    reports: Sequence[Mapping[str, tuple[datetime, str]]],
    now: datetime,
    reminder: timedelta,
    on_stderr: Sequence[Mapping[str, tuple[datetime, str]]] = (),
) -> tuple[FeedHealth, ...]:
    """Mark failures an earlier run named to each of this run's audiences less than
    ``reminder`` ago with the same error (``reports``, one per audience: url -> when, error):
    counted in the footer, not named again; and those named to each either so or by its stderr
    alone (``on_stderr``, one per audience): named in the footer, not on stderr."""
    out = []
    for feed in feeds:
        told = [_named_recently(feed, report, now, reminder) for report in reports]
        if reports and all(told):
            feed = replace(feed, repeated=True)
        elif on_stderr and all(
            by_digest or _named_recently(feed, stderr, now, reminder)
            for by_digest, stderr in zip(told, on_stderr, strict=True)
        ):
            feed = replace(feed, stderr_told=True)
        out.append(feed)
    return tuple(out)


def mark_told_moves(
    feeds: Sequence[FeedHealth], told: Sequence[Mapping[str, str]]
) -> tuple[FeedHealth, ...]:
    """Mark the moves an earlier run told each of this run's audiences of (``told``, one per
    audience: url -> the address told): a feed that moves again, to another address, is news."""
    return tuple(
        replace(feed, move_told=True)
        if feed.moved_to and told and all(t.get(feed.url) == feed.moved_to for t in told)
        else feed
        for feed in feeds
    )


def with_notices_told(
    store: Store,
    health: Sequence[FeedHealth],
    now: datetime,
    audiences: Sequence[str],
    reminder: timedelta,
) -> tuple[FeedHealth, ...]:
    """The feeds' health, marking what earlier runs told each of ``audiences`` already:
    failures named less than ``reminder`` ago ([digest] failure_reminder), moves told of."""
    failing = [feed.url for feed in health if feed.status.failed]
    moved = [feed.url for feed in health if feed.moved_to]
    reports = [store.failure_reports(failing, audience) for audience in audiences]
    readers = [audience for audience in audiences if audience != LOG]
    on_stderr = [store.failure_reports(failing, stderr_of(a)) for a in readers] if readers else []
    marked = mark_repeated_failures(health, reports, now, reminder, on_stderr)
    return mark_told_moves(marked, [store.moves_told(moved, a) for a in audiences])
