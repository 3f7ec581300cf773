"""`autonews read`: one article's extracted body, from the store's cache or fetched now.
Showing it is ``autonews.render.article``'s job."""

from __future__ import annotations

from dataclasses import replace

from autonews.config import Config
from autonews.errors import NotFoundError
from autonews.extract import PAYWALL, extract_pages
from autonews.models import Article
from autonews.page_policy import NOT_WEB, PageRequest
from autonews.page_text import reads_as_paywall, without_furniture
from autonews.store import Store
from autonews.story_id import resolve_story_id
from autonews.timeparse import utcnow


def _story_link(store: Store, config: Config, story_id: str) -> str:
    """The link a digest prints beside the story's id: its representative item's, chosen as
    the digest chooses it (about cars, telling the news, in the reader's language, with a text)."""
    from autonews.digest import reader_language, reader_tag
    from autonews.labels import classify_items
    from autonews.reader_script import traditional_table
    from autonews.story_build import representative

    keep_days = config.store.keep_days
    members = store.story_members(resolve_story_id(store, story_id, True, keep_days))
    linked = [item for item in members if item.link]
    if not linked:
        raise NotFoundError(
            f"the story {story_id!r} has no source with a link", hint="see `autonews story ID`"
        )
    articles = store.articles([item.link for item in linked if item.link])
    classifications = classify_items(store, config, members, articles)
    tag = reader_tag(config.digest.language)
    language, traditional = reader_language(tag), traditional_table(tag)
    chosen = representative(members, classifications, language, traditional, articles)
    link = chosen.link or linked[0].link  # (a story whose chosen source has no link: its first)
    assert link is not None
    return link


def read_article(config: Config, url_or_id: str) -> Article:
    with Store.for_reading(config.paths.store_file) as store:
        url = url_or_id
        if not url_or_id.lower().startswith(("http://", "https://")):
            url = _story_link(store, config, url_or_id)
        cached = store.articles([url]).get(url)
        # (A paywall's prompt a store kept from before such pages were read as having no text
        # is fetched again.)
        if cached is not None and cached.text and not reads_as_paywall(cached.text):
            # (less what a body kept from before may still hold above and below the article:
            # a Chinese page's dateline and credits, trial 34)
            return replace(cached, text=without_furniture(cached.text))
        # A URL the user typed is trusted as a feed link would be from a feed on its own host.
        (article,) = extract_pages([PageRequest(url, feed_url=url)], config.fetch)
        if not article.text:
            raise NotFoundError(
                f"no article text at {url}: {article.skipped}",
                hint=_why_no_text(article, url_or_id),
            )
        if not store.read_only:  # kept for next time where the store can be written
            store.save_articles([article], utcnow())
        return article


def _why_no_text(article: Article, asked: str) -> str:
    if article.skipped == NOT_WEB:  # a feed's javascript: or data: link: nothing to open
        return (
            "its feed gave it no web page's link, only one no reader should follow; "
            f"`autonews story {asked}` lists its sources"
        )
    if article.skipped.startswith("fetch failed"):
        return "check the address, or open it in a browser (a page may need one)"
    if article.skipped == PAYWALL:
        return "the outlet shows its articles to subscribers: open it in a browser signed in"
    return (
        "the page holds no article text autonews can find (a video, a gallery, a page built "
        "by scripts); open it in a browser"
    )
