"""A feed address given to `feeds add` or `feeds edit --url`: fetched, the feed a site's page
links found, named by its own title, refused where it redirects to a feed listed already, and
said of where its titles are in a language autonews does not read or its topics mixed."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from autonews.errors import UsageError

if TYPE_CHECKING:
    from autonews.config import FeedConfig


def discovered(
    feed: FeedConfig, path: Path, verb: str = "added", decide_topic: bool = False
) -> FeedConfig:
    """The feed at its URL (or linked from the page there), named ``feed.name``, else the feed's
    own title. A URL that cannot be fetched now is kept as given, with a warning; ``verb``:
    what the command does with the URL, for its messages ("added", "set"). ``decide_topic``:
    no --topic was given, and a community's feed (a subreddit, a forum) is said to be one."""
    from dataclasses import replace

    from autonews.config import load_config as load
    from autonews.discover import discover
    from autonews.feed_titles import site_name
    from autonews.feedlist import checked_feed
    from autonews.fetch_errors import TOO_LARGE

    listed = load(path, missing_ok=True)  # the file to edit, not yet written: defaults
    found = discover(feed.url, listed.fetch)
    if found.page:
        typer.echo(f"found the feed linked from {found.page}: {found.url}")
        if found.others:  # the one taken is the page's first: the others are named
            also = ", ".join(found.others)
            which = f"it with `autonews feeds add {also}`" if len(found.others) == 1 else "one"
            how = "" if len(found.others) == 1 else " with `autonews feeds add URL`"
            typer.echo(f"also offered: {also}; add {which}{how}")
        feed, _ = checked_feed(replace(feed, url=found.url))  # a page's link is checked too
    if found.error and found.error.startswith(TOO_LARGE):
        # Not a failure of the moment: every run would meet it.
        raise UsageError(
            f"{found.url} is {found.error}; not {verb}",
            hint="raise [fetch] max_bytes in the config, or add a smaller feed of the site",
        )
    _refuse_a_feed_listed_elsewhere(feed, found.redirected_to, listed.feeds, verb)
    if found.error:
        typer.echo(
            f"autonews: could not fetch {found.url} now ({found.error}); {verb} as given, "
            "`autonews feeds check` tries it again",
            err=True,
        )
    named = replace(feed, name=feed.name or site_name(found.title))
    _say_unread_language(named, found.titles)
    if decide_topic and found.community:
        named = replace(named, topic="community")
        typer.echo(
            f"autonews: {named.label}: a community feed ({found.community}): topic = "
            '"community", its posts join news stories as discussion and never stand alone '
            "(--all-topics shows them); `autonews feeds edit "
            f"{shlex.quote(named.label)} --topic auto` reads them as news",
            err=True,
        )
    if named.topic != "community":
        _say_mixed_topics(named, found.title, found.titles)
    return named


def quoted_name(name: str) -> str:
    """A feed's name in a message, its ends unmistakable and its own quote marks not doubled
    (trial 43: `as ""Toyota OR …" - Google News"`): in the quote marks it does not hold."""
    for opening, closing in (('"', '"'), ("'", "'"), ("“", "”")):
        if opening not in name and closing not in name:
            return f"{opening}{name}{closing}"
    return f"«{name}»"


def _say_mixed_topics(feed: FeedConfig, title: str, titles: Sequence[str]) -> None:
    """Suggest ``--topic mixed`` for a feed left to autonews whose items are not all car news:
    a finance or ticker feed, a search of mixed topics (``autonews.feed_kinds``)."""
    from autonews.car_feeds import keyword_search
    from autonews.feed_kinds import mixed_topic_reason

    if feed.topic != "auto":
        return
    if keyword_search(feed.url):
        typer.echo(
            f"autonews: {feed.label}: a keyword search, not a car outlet: read as of mixed "
            "topics, each item counted as car news by its own words; `autonews feeds edit "
            f"{shlex.quote(feed.url)} --topic cars` reads all its items as car news",
            err=True,
        )
        return
    reason = mixed_topic_reason(title, feed.url, titles)
    if reason:
        typer.echo(
            f"autonews: {feed.label}: {reason}; read each item on its own with "
            f"`autonews feeds edit {shlex.quote(feed.url)} --topic mixed`",
            err=True,
        )


def _say_unread_language(feed: FeedConfig, titles: Sequence[str]) -> None:
    """Warn of a feed whose titles are in a language autonews does not read."""
    from autonews.classify.knowledge_loading import default_knowledge
    from autonews.classify.unread import unread_language
    from autonews.render.feeds_table import unread_note

    language = unread_language(titles, default_knowledge()) if titles else ""
    if language:
        typer.echo(f"autonews: {feed.label}: {unread_note(language)}", err=True)


def _refuse_a_feed_listed_elsewhere(
    feed: FeedConfig, moved_to: str | None, listed: Sequence[FeedConfig], verb: str
) -> None:
    """A URL that redirects to a feed the list has already: every article would come twice."""
    from autonews.feed_lookup import same_feed_key

    if moved_to is None:
        return
    key = same_feed_key(moved_to)
    twin = next((f for f in listed if same_feed_key(f.url) == key != same_feed_key(feed.url)), None)
    if twin is not None:
        raise UsageError(
            f"{feed.url} redirects to {moved_to}, which the list has as {twin.label!r}; not {verb}",
            hint="the listed feed already reads it; `autonews feeds edit NAME --url URL` moves "
            "a feed to another address",
        )
