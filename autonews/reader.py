"""`autonews read`: one article's extracted body, from the store's cache or fetched now.
Showing it is ``autonews.render.article``'s job."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from autonews.config import Config
from autonews.errors import NotFoundError
from autonews.extract import NO_TEXT, extract_pages
from autonews.models import Article, Item
from autonews.page_dates import split_byline
from autonews.page_policy import NOT_WEB, PageRequest
from autonews.page_text import PAYWALL, reads_as_paywall, without_furniture, without_heading
from autonews.page_walls import said_by_summary, wall_kinds
from autonews.store import Store
from autonews.story_id import resolve_story_id
from autonews.timeparse import utcnow


@dataclass(frozen=True)
class Reading:
    """What `autonews read` shows: an ``article``, and a ``note`` when it is not the page the
    story's own link leads to (another source's, as that one had no text), else ""."""

    article: Article
    note: str = ""


def _story_sources(store: Store, config: Config, story_id: str) -> list[Item]:
    """The story's sources with a link, the one a digest links first (its representative item,
    chosen as the digest chooses it: about cars, telling the news, in the reader's language,
    with a text), then the others in the order it would choose them."""
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
    ranked: list[Item] = []
    while left := [item for item in members if item not in ranked]:
        ranked.append(representative(left, classifications, language, traditional, articles))
    return [item for item in ranked if item.link]


def read_article(config: Config, url_or_id: str) -> Reading:
    """The article at a URL, or a story's: its link's page, else (no text there: a 403, a
    paywall) the first of its other sources' pages with text, stored ones before fetched ones
    (trial 34 #5: five sources had readable pages, and `read` gave up at the first)."""
    with Store.for_reading(config.paths.store_file) as store:
        if url_or_id.lower().startswith(("http://", "https://")):
            page = _page(store, config, url_or_id)
            told = _told_by_its_summary(store.items_linking(url_or_id), page)
            return told or Reading(_with_text([page], url_or_id))
        sources = _story_sources(store, config, url_or_id)
        link, *others = dict.fromkeys(item.link for item in sources if item.link)
        assert link is not None
        own = _page(store, config, link)
        if own.text and (told := _told_by_its_summary([sources[0]], own)):
            return told  # a teaser of the summary the digest shows: the summary
        if own.text:
            return Reading(own)
        found = _stored(store, [url for url in others if url])
        tried = [own] if found else [own, *_fetched(store, config, [u for u in others if u])]
        no_text = not found and not any(article.text for article in tried)
        if no_text and (told := _told_by_summary(sources, tried)):
            return told
        article = found or _with_text(tried, url_or_id)
        item = next(item for item in sources if item.link == article.url)
        note = f"the story's link {link} has {_no_text(own)}"
        if told := _told_by_its_summary([item], article):  # a teaser of its summary
            return replace(told, note=f"read {item.feed_name}'s summary from its feed: {note}")
        return Reading(article, f"read {item.feed_name}'s page: {note}")


def _told_by_summary(sources: list[Item], tried: list[Article]) -> Reading | None:
    """A story whose pages hold no article text (a flash site's page is its headline and its
    menus), told as the digest tells it: by a source's summary from its feed, said so. None
    when a page could not be fetched (that is said instead) or no feed gave a summary."""
    if any(article.skipped.startswith("fetch failed") for article in tried):
        return None
    from autonews.story_build import own_summary

    walls = sorted({a.skipped for a in tried if a.skipped and a.skipped != NO_TEXT})
    why = "; ".join(walls) or "the headline and the site's menus only"
    for item in sources:
        summary = without_furniture(own_summary(item)).strip()
        if summary and item.link:
            article = Article(item.link, item.title, "", "", "", summary)
            note = f"no article text on the story's pages ({why}): {item.feed_name}'s summary"
            return Reading(article, note + " from its feed")
    return None


def _told_by_its_summary(items: list[Item], page: Article) -> Reading | None:
    """An item's page told by its feed's summary, said so on stderr, where the page has no
    text that was not only a failed fetch (a consent wall, a bot check, a paywall: trial 43),
    or says nothing the summary does not (a paywall's teaser, cut short: trial 43's Nikkei
    Asia page). None when the page is read as it is."""
    from autonews.story_build import own_summary

    if page.skipped.startswith("fetch failed") or page.skipped == NOT_WEB:
        return None
    for item in items:
        summary = without_furniture(own_summary(item)).strip()
        if not summary:
            continue
        if page.text and not _a_teaser_of(page.text, summary):
            return None
        why = page.skipped or "only a teaser of its feed's summary, cut short"
        article = Article(page.url, item.title, "", "", "", summary)
        return Reading(article, f"no article text at {page.url} ({why}): its feed's summary")
    return None


def _a_teaser_of(text: str, summary: str) -> bool:
    """Whether a page's text is the opening of its feed's summary, cut short (not the whole)."""
    return said_by_summary(text, summary) and len(text) < _TEASER_SHARE * len(summary)


_TEASER_SHARE = 0.9


def _page(store: Store, config: Config, url: str) -> Article:
    return _stored(store, [url]) or _fetched(store, config, [url])[0]


def _stored(store: Store, urls: list[str]) -> Article | None:
    """The first of ``urls`` whose page the store has with text, less what a body kept from
    before may still hold around the article, as a digest reads it (``told_body``): the site's
    menus and banners (trial 39), the heading and byline the page repeats, a Chinese page's
    dateline and credits (trial 34). A paywall's prompt, or a page that is only its heading
    and furniture, is fetched again, as such pages are now read as having no text."""
    cached = store.articles(urls)
    for url in urls:
        article = cached.get(url)
        if article is None or not article.text or reads_as_paywall(article.text):
            continue
        if text := without_heading(article.text, (article.title,), (article.author,)):
            # In its byline, its date (trial 38).
            author, dated = split_byline(article.author)
            return replace(article, text=text, author=author, date=article.date or dated)
    return None


def _fetched(store: Store, config: Config, urls: list[str]) -> list[Article]:
    """The pages fetched now, together, in order; those with text kept for next time where
    the store can be written. A URL the user typed is trusted as a feed link would be from a
    feed on its own host, and so is a story's, as its digest gave it."""
    articles = extract_pages([PageRequest(url, feed_url=url) for url in urls], config.fetch)
    if not store.read_only:
        store.save_articles([article for article in articles if article.text], utcnow())
    return articles


def _with_text(tried: list[Article], asked: str) -> Article:
    """The first of the pages ``tried`` with text; none: why, for one page, or how many were
    tried and why they failed, for a story's."""
    if read := next((article for article in tried if article.text), None):
        return read
    if len(tried) == 1:
        (article,) = tried
        raise NotFoundError(
            f"no article text at {article.url}: {article.skipped}",
            hint=_why_no_text(article, asked),
        )
    causes = Counter(article.skipped.removeprefix("fetch failed: ") for article in tried)
    told = ", ".join(f"{cause} ×{n}" if n > 1 else cause for cause, n in causes.items())
    raise NotFoundError(
        f"no article text in any of the story's {len(tried)} sources' pages ({told})",
        hint=f"`autonews story {asked}` lists them; open one in a browser (a page may need one)",
    )


def _no_text(article: Article) -> str:
    return f"no text ({article.skipped})" if article.skipped else "no article text"


def _why_no_text(article: Article, asked: str) -> str:
    if article.skipped == NOT_WEB:  # a feed's javascript: or data: link: nothing to open
        return (
            "its feed gave it no web page's link, only one no reader should follow; "
            f"`autonews story {asked}` lists its sources"
        )
    if article.skipped.startswith("fetch failed"):
        return "check the address, or open it in a browser (a page may need one)"
    if article.skipped in {kind.reason for kind in wall_kinds()}:
        return (
            "the site shows that in place of its article to a reader it does not know yet "
            "(no cookies, no scripts run): open it in a browser"
        )
    if article.skipped == PAYWALL:
        return "the outlet shows its articles to subscribers: open it in a browser signed in"
    return (
        "the page holds no article text autonews can find (a video, a gallery, a page built "
        "by scripts); open it in a browser"
    )
