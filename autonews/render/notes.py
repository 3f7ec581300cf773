"""The notes a digest says beside its stories, for the text-like renderers: why it is empty
(which filter emptied the window), the footer's counts (muted, caught up on, not about cars),
a feed's health line, a moved feed's command, a failure's reason kept short for stderr."""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence

from autonews.event_names import stage_of_filter
from autonews.models import Digest, Event, FeedHealth, FeedStatus
from autonews.render.common import Clock
from autonews.render.words import ENGLISH_WORDS, Words
from autonews.text import clean_text, shorten

# How each of the reader's filters reads after a count: "3 by Volvo", "none tagged china".
_FILTER_WORDS = {
    "maker": "filter_maker",
    "model": "filter_model",
    "company": "filter_company",
    "event": "filter_event",
    "exclude_event": "filter_exclude_event",  # "none labelled other than recall"
    "tag": "filter_tag",
}


def empty_note(digest: Digest, words: Words = ENGLISH_WORDS) -> str:
    """What a digest with no story says: which filter emptied the window when one did ("27
    stories in the window, 3 by Volvo, none of them labelled recall."), and the stories it left
    that are not about cars ("3 naming Brembo, not about cars: --all-topics shows them"), else
    that there was nothing to show."""
    before, steps = digest.before_filters, digest.filters
    emptied = bool(steps) and not steps[-1].left
    if not before or not (emptied or digest.muted):
        return words("no_stories")
    parts = [words("in_the_window", stories=words.count("story", before))]
    for step in steps:
        values = words("filter_or").join(_filter_value(step.name, v, words) for v in step.values)
        what = words(_FILTER_WORDS[step.name], values=values)
        if step.left:
            parts.append(words("filter_left", n=step.left, what=what))
            continue
        if step.hidden:  # "none naming Brembo" would be false: they are there, not shown
            parts.append(words("filter_hidden", n=step.hidden, what=what))
            break
        parts.append(words("filter_none_of_them" if len(parts) > 1 else "filter_none", what=what))
        break
    if not emptied:  # the mute rules took what the filters left
        parts.append(words("all_of_them_muted" if len(parts) > 1 else "all_muted"))
    return words("filter_list").join(parts) + words("filter_end")


def _filter_value(name: str, value: str, words: Words) -> str:
    """A filter's value as the reader reads it: an event by its label, a maker by its name."""
    if name in ("event", "exclude_event") and value in {event.value for event in Event}:
        return words.event(Event(value))
    if name in ("event", "exclude_event") and (staged := stage_of_filter(value))[1]:
        return f"{words.event(Event(staged[0]))} ({staged[1]})"  # --event 预售: "launch (pre-sale)"
    if name == "maker":
        return words.maker(clean_text(value))
    return clean_text(value)


def muted_note(digest: Digest, words: Words = ENGLISH_WORDS) -> str:
    """The footer's count of stories the mute rules removed, if any: a muted story is never
    lost without a word."""
    if not digest.muted:
        return ""
    return words("muted", stories=words.count("story", digest.muted))


def caught_up_note(digest: Digest, clock: Clock) -> str:
    """The footer's word on stories older than the window that a --new digest includes, first
    seen since the last one (after a gap, or a feed down): "3 older stories included, first seen
    since the last --new digest 3 days ago (20 Dec 07:00)" (ago: before this digest)."""
    last = digest.last_new_digest
    if not digest.caught_up or last is None:
        return ""
    words = clock.words
    hours = int((digest.generated_at - last).total_seconds() // 3600)
    gap = words("gap_hours", n=hours) if hours < 72 else words("gap_days", n=hours // 24)
    older = words.count("older_story", digest.caught_up)
    return words("caught_up", older=older, gap=gap, when=clock.at(last))


def grown_note(digest: Digest, words: Words = ENGLISH_WORDS) -> str:
    """The footer's word on delivered stories a --new digest does not send again though sources
    joined them since its last run, named by their ids: "2 earlier stories have new sources
    (6af100f48446, 52d2559a569e): `story ID` shows one, `digest --offline` all" (gaining sources
    is no news of its own, but nothing grows unseen; trial 53's reader could not tell which)."""
    if not digest.grown:
        return ""
    ids = list(digest.grown_ids[:_GROWN_NAMED])
    if len(digest.grown_ids) > _GROWN_NAMED:
        ids.append("…")
    return words(
        "grown",
        stories=words.count("earlier_story", digest.grown),
        ids=words("list").join(ids) if ids else "?",
    )


_GROWN_NAMED = 5  # ids the footer names; more are "…"


def topics_note(digest: Digest, words: Words = ENGLISH_WORDS) -> str | None:
    """The footer's count of the stories a digest leaves out but of all topics: those not about
    cars, those only community posts tell (a subreddit's questions, a forum's threads), those
    only newsletters' issues and roundups tell ("12 stories not about cars, 5 community posts
    on no news story and 3 newsletter roundups; --all-topics shows them"), if any."""
    counts = (
        ("hidden_not_about_cars", "story", digest.not_about_cars),
        ("hidden_community_posts", "community_post", digest.community_posts),
        ("hidden_roundups", "newsletter_roundup", digest.roundups),
    )
    parts = [words(key, n=words.count(noun, n)) for key, noun, n in counts if n]
    if not parts:
        return None
    listed = parts[-1]
    if len(parts) > 1:  # "A and B", "A, B and C"
        listed = words("hidden_list").join(parts[:-1]) + words("hidden_and") + listed
    total = digest.not_about_cars + digest.community_posts + digest.roundups
    return listed + words("hidden_end_one" if total == 1 else "hidden_end")


def move_command(feed: FeedHealth) -> tuple[str, str]:
    """A feed that moved for good: its new address, and the command that updates the list to
    it (quoted for the shell, to be copied as it is)."""
    new = clean_text(feed.moved_to or "")
    name = shlex.quote(clean_text(feed.name or feed.url))
    return new, f"autonews feeds edit {name} --url {shlex.quote(new)}"


def move_note(feed: FeedHealth) -> str:
    """What to say of a feed that moved for good, after its name: "moved for good to URL:
    `autonews feeds edit 'EV Monitor' --url URL` updates the feed list"."""
    new, command = move_command(feed)
    return f"moved for good to {new}: `{command}` updates the feed list"


_REASON_CHARS = 60  # of a failure's reason on stderr: what happened, not the whole message
_ASIDE = re.compile(r"\s*\([^()]*\)")  # " (raise [fetch] max_bytes to read it)"


def brief_reason(reason: str, limit: int = _REASON_CHARS) -> str:
    """A failure's reason in at most about ``limit`` characters, and whole as far as it goes:
    without its asides in parentheses when it is longer (the hint they hold is in the footer
    and `feeds check`), else cut at a word, never inside a parenthesis or a bracket (trial 33
    #14: "cap (raise [fetch]…" left both open)."""
    if len(reason) <= limit:
        return reason
    plain = reason
    while (bare := _ASIDE.sub("", plain)) != plain:  # asides within asides, from the inside
        plain = bare
    plain = plain.strip() or reason
    if len(plain) <= limit:
        return plain
    cut = shorten(plain, limit)
    for opening, closing in ("()", "[]"):
        while cut.count(opening) > cut.count(closing):  # an aside the cut left open: not said
            cut = cut[: cut.rfind(opening)].rstrip(",;: ") + "…"
    return cut


def failed_feeds_named(feeds: Sequence[FeedHealth]) -> str:
    """Failed feeds with why, for one line on stderr: "A Wire (HTTP 503), B Wire (HTTP 404)";
    a reason they all share is said once: "A Wire, B Wire (connection refused)"."""
    names = [clean_text(feed.name or feed.url) for feed in feeds]
    reasons = [brief_reason(clean_text(feed.error or "failed")) for feed in feeds]
    if len(set(reasons)) == 1 and len(feeds) > 1:
        return f"{', '.join(names)} ({reasons[0]})"
    return ", ".join(f"{name} ({reason})" for name, reason in zip(names, reasons, strict=True))


def feed_line(feed: FeedHealth, words: Words = ENGLISH_WORDS) -> tuple[bool, str]:
    """(failed, "name: what happened") for a digest's feed-health footer, in plain text (a
    failure's own reason, "HTTP 500", as the fetch said it)."""
    name = clean_text(feed.name or feed.url)
    if feed.status.failed:
        streak, error = feed.consecutive_failures, clean_text(feed.error or "failed")
        if streak > 1:
            return True, words("failures_in_a_row", feed=name, error=error, n=streak)
        return True, words("feed_error", feed=name, error=error)
    if feed.status is FeedStatus.NOT_MODIFIED:
        return False, words("not_modified", feed=name)
    return False, words("feed_items", feed=name, items=words.count("item", feed.items))
