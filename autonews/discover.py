"""What `autonews feeds add URL` finds at a URL: the feed itself, with its own title, or, for a
site's page, the feed the page links (``<link rel="alternate" type="application/rss+xml">``).

A URL that cannot be fetched now is not refused (the site may be down for a moment): the caller
adds it as given and says so. A page that links no feed, a document that is not a feed, an
address the site says does not exist (HTTP 404 or 410) and one whose redirects lead nowhere (a
loop) are refused with a hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from autonews.config import FetchConfig
from autonews.errors import FeedParseError, UsageError
from autonews.models import ParsedFeed

GONE = frozenset({404, 410})  # not a site down for a moment: there is nothing at that address

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/json",
)


@dataclass(frozen=True)
class Discovery:
    url: str  # the feed: the URL given, or the one the page links
    title: str = ""  # the feed's own title
    page: str | None = None  # the site page the feed was found on
    error: str | None = None  # why the URL could not be checked now (added as given)
    redirected_to: str | None = None  # where the feed was fetched from, when redirected there
    # The page's other feeds (not its comment feeds): a page offering Atom and JSON Feed, or a
    # feed per section, is told of, so that the reader can add another (trial 33 #17).
    others: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # its items' titles, in the feed's order (their language)
    # Why it is a community's feed (a subreddit, a forum: autonews.community), "" when not.
    community: str = ""


class _AlternateLinks(HTMLParser):
    """The feeds a page announces in its <head>, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (href, title)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "a"):
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in FEED_TYPES and values.get("href"):
            self.links.append((values["href"].strip(), values.get("title", "")))


def feed_links(html: str, base: str) -> tuple[list[str], list[str]]:
    """Absolute URLs of the feeds a page links, in page order: its feeds, and its comment
    feeds (a blog's "Comments Feed": taken only when it links nothing else)."""
    parser = _AlternateLinks()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # HTMLParser is lenient; a page it still chokes on links nothing usable
        pass
    found = list(dict.fromkeys(urljoin(base, href) for href, _ in parser.links))
    comments = {urljoin(base, href) for href, title in parser.links if "comment" in title.lower()}
    comments |= {url for url in found if "comment" in url.lower()}
    return [url for url in found if url not in comments], [u for u in found if u in comments]


def discover(url: str, fetch: FetchConfig) -> Discovery:
    """The feed at ``url`` (or linked from the page at ``url``) and its title."""
    from autonews.fetch import FetchRequest, fetch_all
    from autonews.models import FeedStatus
    from autonews.parse import parse_feed
    from autonews.parse.encoding import decode_document

    (result,) = fetch_all([FetchRequest(url)], fetch)
    _refuse_if_gone(url, result.http_status, result.error)
    _refuse_if_redirected_nowhere(url, result.error)
    if result.status is not FeedStatus.OK or result.body is None:
        return Discovery(url, error=result.error or "no answer")
    where = result.final_url or url
    moved = where if where != url else None
    try:
        parsed = parse_feed(result.body, result.content_type, where)
        return Discovery(
            url,
            parsed.title,
            redirected_to=moved,
            titles=_titles(parsed),
            community=_community(parsed),
        )
    except FeedParseError as exc:
        html = decode_document(result.body, result.content_type)
        feeds, comments = feed_links(html, where) if "<" in html else ([], [])
        links = feeds + comments
        if not links:
            if "html" in exc.message.lower():
                raise UsageError(
                    f"{url} is a web page that links no RSS, Atom or JSON feed",
                    hint="find the site's feed link (often /feed or /rss) and add that URL",
                ) from None
            raise UsageError(
                f"{url} is not a feed autonews can read: {exc.message}",
                hint="add it anyway with --offline, then see `autonews feeds check`",
            ) from None
    others = tuple(feeds[1:])
    (linked,) = fetch_all([FetchRequest(links[0])], fetch)
    _refuse_if_gone(links[0], linked.http_status, linked.error, page=url)
    _refuse_if_redirected_nowhere(links[0], linked.error, page=url)
    if linked.status is not FeedStatus.OK or linked.body is None:
        return Discovery(links[0], page=url, error=linked.error or "no answer", others=others)
    try:
        feed = parse_feed(linked.body, linked.content_type, linked.final_url or links[0])
    except FeedParseError as exc:
        raise UsageError(
            f"the page {url} links {links[0]}, which is not a feed autonews can read: {exc.message}"
        ) from None
    moved = linked.final_url if linked.final_url not in (None, links[0]) else None
    return Discovery(
        links[0],
        feed.title,
        page=url,
        redirected_to=moved,
        others=others,
        titles=_titles(feed),
        community=_community(feed),
    )


def _community(feed: ParsedFeed) -> str:
    from autonews.community import reads_as_community_feed

    return reads_as_community_feed(feed.title, feed.link, [entry.link for entry in feed.entries])


def _titles(feed: ParsedFeed) -> tuple[str, ...]:
    return tuple(entry.title for entry in feed.entries if entry.title)


def _refuse_if_gone(url: str, status: int | None, error: str | None, page: str = "") -> None:
    if status in GONE:
        linked = f"the page {page} links {url}, but " if page else ""
        raise UsageError(
            f"{linked}{url} does not exist: {error or f'HTTP {status}'}",
            hint="check the address (the site's feed is often /feed or /rss); "
            "--offline adds it anyway",
        )


def _refuse_if_redirected_nowhere(url: str, error: str | None, page: str = "") -> None:
    """A redirect loop (or one to a non-HTTP address, or an endless chain) is no site down for
    a moment: every run would fail the same way, so it is refused like a 404."""
    from autonews.fetch import NON_HTTP_REDIRECT, REDIRECT_LOOP, TOO_MANY_REDIRECTS

    if error and error.startswith((REDIRECT_LOOP, NON_HTTP_REDIRECT, TOO_MANY_REDIRECTS)):
        linked = f"the page {page} links {url}, but " if page else ""
        raise UsageError(
            f"{linked}{url} cannot be read: {error}",
            hint="check the address in a browser (the site may have moved its feed); "
            "--offline adds it anyway",
        )
