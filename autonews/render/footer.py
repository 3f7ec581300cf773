"""The digest's footer, for every format but JSON: feed health in one line, the failed feeds to
name, the article pages that were not read, how many stories were left out as not about cars or
muted, and how many older ones a --new digest caught up on. The JSON keeps the full per-feed list
(data).

With 200 feeds the footer is still a few lines: the feeds that are fine are counted, not listed
(`autonews feeds check` lists every feed); a failure is named when it is new, when its error
changed, or a day later ([digest] failure_reminder), and otherwise counted; a feed that moved
for good is told of once, with the command that updates the list (see autonews.notices).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from autonews.models import Digest, FeedHealth, SkippedPage
from autonews.page_policy import failure_causes
from autonews.render.common import Clock
from autonews.render.notes import (
    caught_up_note,
    feed_line,
    grown_note,
    move_command,
    muted_note,
    topics_note,
)
from autonews.render.words import Words
from autonews.text import clean_text


@dataclass(frozen=True)
class Footer:
    feeds: str  # "198 ok · 2 failed"
    failures: tuple[str, ...]  # "Broken Feed: HTTP 500 (3 failures in a row)", one per feed named
    repeated: str  # "1 more failing as reported earlier (...)", or ""
    pages: str  # "1 failed this run (HTTP 403) · 2 skipped after failing recently (...)", or ""
    topics: str = ""  # "412 stories not about cars; --all-topics shows them", or ""
    muted: str = ""  # "4 stories muted by the [classify] mute rules", or ""
    caught_up: str = ""  # "3 older stories included, first seen since the last --new...", or ""
    grown: str = ""  # "2 earlier stories have new sources: `digest --offline` shows them", or ""
    # "EV Monitor moved for good to URL: `autonews feeds edit ...` updates the feed list", once
    moves: tuple[str, ...] = ()


def footer(digest: Digest, clock: Clock) -> Footer:
    words = clock.words
    failed = digest.failed_feeds
    named = digest.failures_to_report
    unfetched = len(digest.unfetched_feeds)
    counts = [words("feeds_ok", n=len(digest.feeds) - len(failed) - unfetched)]
    if failed:
        counts.append(words("feeds_failed", n=len(failed)))
    if unfetched:
        counts.append(words("feeds_unfetched", n=unfetched))
    repeated = ""
    if len(named) < len(failed):
        key = "more_failing_as_reported" if named else "failing_as_reported"
        repeated = words(key, n=len(failed) - len(named))
    return Footer(
        feeds=words("separator").join(counts),
        failures=tuple(feed_line(feed, words)[1] for feed in named),
        repeated=repeated,
        pages=pages_line(digest.skipped_pages, clock),
        topics=topics_note(digest, words) or "",
        muted=muted_note(digest, words),
        caught_up=caught_up_note(digest, clock),
        grown=grown_note(digest, words),
        moves=tuple(moved_note(feed, words) for feed in digest.moves_to_report),
    )


def moved_note(
    feed: FeedHealth, words: Words, *, name: str = "", url: str = "", command: str = ""
) -> str:
    """ "EV Monitor moved for good to URL: `autonews feeds edit ...` updates the feed list": the
    feed's name, its new address and the command as a format shows them (Markdown's link and
    code span), else as plain text."""
    new, plain_command = move_command(feed)
    return words(
        "moved",
        feed=name or clean_text(feed.name or feed.url),
        url=url or new,
        command=command or f"`{plain_command}`",
    )


def pages_line(skipped: tuple[SkippedPage, ...], clock: Clock) -> str:
    """What the footer says about article pages not read (links to PDFs, images and the like are
    not worth a line: ``--debug`` lists them); a time is in the reader's zone, named in the
    digest's header."""
    words = clock.words
    kinds = Counter(page.kind for page in skipped)
    parts = []
    if kinds["failed"]:
        failed = [page for page in skipped if page.kind == "failed"]
        why = failure_causes((page.reason for page in failed), (page.url for page in failed))
        parts.append(words("pages_failed", n=kinds["failed"], why=why))
    if kinds["waiting"]:
        retries = [p.retry_after for p in skipped if p.kind == "waiting" and p.retry_after]
        waiting = words("pages_waiting", n=kinds["waiting"])
        if retries:
            waiting = words("pages_next_try", skipped=waiting, when=clock.at(min(retries)))
        parts.append(waiting)
    if kinds["private"]:
        parts.append(words("pages_private", n=kinds["private"]))
    return words("separator").join(parts)
