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

from autonews.models import Digest, SkippedPage
from autonews.page_policy import failure_causes
from autonews.render.common import (
    Clock,
    caught_up_note,
    feed_line,
    move_note,
    muted_note,
    topics_note,
)
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
    # "EV Monitor moved for good to URL: `autonews feeds edit ...` updates the feed list", once
    moves: tuple[str, ...] = ()


def footer(digest: Digest, clock: Clock) -> Footer:
    failed = digest.failed_feeds
    named = digest.failures_to_report
    unfetched = len(digest.unfetched_feeds)
    counts = [f"{len(digest.feeds) - len(failed) - unfetched} ok"]
    if failed:
        counts.append(f"{len(failed)} failed")
    if unfetched:
        counts.append(f"{unfetched} not fetched yet (a run without --offline fetches them)")
    repeated = ""
    if len(named) < len(failed):
        more = "more " if named else ""
        repeated = (
            f"{len(failed) - len(named)} {more}failing as reported earlier "
            "(`autonews feeds check` lists every feed)"
        )
    return Footer(
        feeds=" · ".join(counts),
        failures=tuple(feed_line(feed)[1] for feed in named),
        repeated=repeated,
        pages=pages_line(digest.skipped_pages, clock),
        topics=topics_note(digest) or "",
        muted=muted_note(digest),
        caught_up=caught_up_note(digest, clock),
        moves=tuple(
            f"{clean_text(feed.name or feed.url)} {move_note(feed)}"
            for feed in digest.moves_to_report
        ),
    )


def pages_line(skipped: tuple[SkippedPage, ...], clock: Clock) -> str:
    """What the footer says about article pages not read (links to PDFs, images and the like are
    not worth a line: ``--debug`` lists them); a time is in the reader's zone, named in the
    digest's header."""
    kinds = Counter(page.kind for page in skipped)
    parts = []
    if kinds["failed"]:
        why = failure_causes(page.reason for page in skipped if page.kind == "failed")
        parts.append(f"{kinds['failed']} failed this run ({why})")
    if kinds["waiting"]:
        retries = [p.retry_after for p in skipped if p.kind == "waiting" and p.retry_after]
        when = f" (next try after {clock.at(min(retries))})" if retries else ""
        parts.append(f"{kinds['waiting']} skipped after failing recently{when}")
    if kinds["private"]:
        parts.append(
            f"{kinds['private']} skipped: link to a private address "
            "(set [fetch] allow_private = true to follow)"
        )
    return " · ".join(parts)
