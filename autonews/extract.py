"""Article bodies: fetch the linked pages through the fetch layer and extract them with
trafilatura, on all cores, each page under a time cap, cached in the store by URL.

Settings, chosen on the 52-page sample in ``benchmarks/pages`` (``benchmarks/extract_bench.py``):
trafilatura's defaults with fallbacks (``fast=True`` lost live blogs and pages without <p>),
comments excluded, tables kept, metadata from the page's meta tags (``page_head``), far
cheaper than htmldate. A consent wall or a bot check has no text (``page_walls``); then
:func:`tidy_body` removes the furniture trafilatura keeps: the site's menus, cookie banner, tip
line and newsletter and app prompts (``page_furniture``), ads, credits, "Read more" lines,
related-link blocks, pull quotes; and a paywall's prompts go.
"""

from __future__ import annotations

import functools
import os
import re
import signal
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from autonews.config import FetchConfig
from autonews.fetch import FetchRequest, fetch_all
from autonews.models import Article, FetchResult
from autonews.page_dates import split_byline
from autonews.page_furniture import (
    byline_opening,
    without_furniture_elements,
    without_page_furniture,
)
from autonews.page_head import head_metadata, page_byline, page_heading, page_headline
from autonews.page_policy import PageRequest, fetch_problem, refusal, skipped_page
from autonews.page_text import MENU_LINES, PAYWALL, reads_as_paywall, without_heading
from autonews.page_walls import wall_reason, without_prompts
from autonews.parse.encoding import decode_document
from autonews.stop_words import install as install_stop_words
from autonews.text import clean_text, strip_escapes

PAGE_TIME_CAP = 10  # seconds of extraction per page
MAX_BODY = 100_000  # characters of article text kept
POOL_THRESHOLD = 6  # fewer pages than this are not worth starting worker processes


class _PageTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _PageTimeout


def extract_html(url: str, html: str) -> Article:
    """Extract one page. Runs in worker processes; never raises."""
    import trafilatura

    install_stop_words()
    # Terminal escapes out first: the parser drops their ESC character, not the rest ("[31m").
    html = strip_escapes(html)
    meta = head_metadata(html)
    html = without_furniture_elements(html)  # a figure's caption, a share line (trial 54)
    alarm = hasattr(signal, "SIGALRM")
    if alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.alarm(PAGE_TIME_CAP)
    try:
        document: Any = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
            config=_settings(_written_in_cjk(meta)),
        )
    except _PageTimeout:
        return skipped_page(url, f"extraction took longer than {PAGE_TIME_CAP} s")
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages
        return skipped_page(url, f"extraction failed: {type(exc).__name__}")
    finally:
        if alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
    headings = (meta.get("title", ""), page_heading(html))
    raw = clean_text(document.text or "", keep_newlines=True) if document is not None else ""
    # A consent wall, a bot check: no article, whatever else the page holds (trial 43).
    wall = wall_reason(raw, headings, html)
    if wall or document is None:
        return skipped_page(url, wall or NO_TEXT)
    # The byline a page shows, where its meta tags name no author: extractors keep it as a line
    # of the text, or run into it ("By Staff Reporter Li Auto is recalling…", trial 33).
    byline = meta.get("author", "") or page_byline(html)
    byline = byline[byline_opening(byline) :]  # "By Li Wei", "Von der Redaktion"
    author, dated = split_byline(byline)  # "staff · 2026-12-03 09:00 UTC" (trial 38)
    text = tidy_body(raw, *headings)
    if reads_as_paywall(text):  # no body: the feed's summary tells the item
        return skipped_page(url, PAYWALL)
    text = without_prompts(text)  # a paywall's prompts beside a teaser or the article
    told = without_heading(text, headings, (byline, author, meta.get("site", "")), furnished=False)
    if not told:  # only the heading, and what stands around it (trial 32's tiny pages)
        return skipped_page(url, NO_TEXT)
    return Article(
        url=url,
        title=page_headline(*headings),
        author=author,
        date=meta.get("date", "") or dated,
        language=meta.get("language", ""),
        # A body is stored and shown whole, up to a cap: a gigantic page must not flood a digest.
        text=told[:MAX_BODY],
    )


# trafilatura takes an article of fewer characters than its MIN_EXTRACTED_SIZE (250) as
# missed, and its rescue (the text of the whole <article>, in one paragraph) for it: the
# heading, the dateline and the paragraphs run together. A Chinese or Japanese character says
# what two or three English ones do: a short flash of 150 characters is a whole article (trial
# 34 #15). The 52 pages of the benchmark score as before, their Chinese ones a little better.
_CJK_ARTICLE_CHARS = 100
_CJK_LANGUAGES = ("zh", "ja", "ko")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _written_in_cjk(meta: dict[str, str]) -> bool:
    """Whether a page is in Chinese, Japanese or Korean, by its language or its title."""
    return meta.get("language") in _CJK_LANGUAGES or bool(_CJK.search(meta.get("title", "")))


@functools.cache
def _settings(cjk: bool) -> Any:
    """trafilatura's settings for a page: its defaults, the shorter article for CJK text."""
    from trafilatura.settings import DEFAULT_CONFIG, use_config

    if not cjk:
        return DEFAULT_CONFIG
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(_CJK_ARTICLE_CHARS))
    return config


NO_TEXT = "no article text found"


# Page furniture that extraction keeps on many news sites. A line opening a tail block ends the
# article; a furniture line is dropped wherever it appears.
_TAIL_MARKERS = re.compile(
    r"^(read more|related( stories| articles| news)?|more from .{0,40}|recommended( for you)?|"
    r"you may also like|相[关關](报道|報道|阅读|閱讀|新闻|新聞|文章)|延伸[阅閱][读讀]|"
    r"推荐阅读|推薦閱讀|更多(报道|阅读)|往期(推荐|回顾)|精彩推荐)\s*[:：]?$",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(advertisement|ad|sponsored|anzeige|werbung|publicité|広告|廣告|"
    r"广告( · advertisement)?|continue reading below|(story|article) continues below"
    r"( advertisement)?|our standards\b.*|责任编辑[:：].*|编辑[:：].*|"
    r"[（(](责任编辑|编辑)[:：].*[)）]|[（(]完[)）]|(特别|广告|免责)?声明[:：].*|"
    r"\((reporting|writing|editing|additional reporting) by .*\)|"
    r"share (this|on) .*|分享到.*|sign up .*newsletter.*|subscribe\b.*|"
    r"copyright .*|©.*|all rights reserved.*|(图|图片)来源[:：].*)$",
    re.IGNORECASE,
)
# "Read more: Another headline" lines, wherever they are.
_READ_MORE_LINE = re.compile(
    r"^((read more|related|see also|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|"
    r"延伸阅读|延伸閱讀|相关阅读|相關閱讀|推荐阅读)\s*[:：]\s*.{1,150}|【関連記事】.{0,150})$",
    re.IGNORECASE,
)
# A whole quoted sentence on its own line: a pull quote when its words recur in the body.
_PULL_QUOTE = re.compile(r"^[\"“‘'«「].*[.!?。！？][\"”’'»」]$")
_SENTENCE_END = (".", "。", '."', ".”", "!", "?", "！", "？")


def tidy_body(text: str, *titles: str) -> str:
    """Drop a repeated headline (any of ``titles``: the page's title, its <h1>), ad and credit
    lines, and related-links blocks: the whole tail when the block sits in the last part of the
    article, else the block's short link lines."""
    headlines = {title.strip() for title in titles if title.strip()}
    # (the site's menus and banners first: the headline is found below them)
    lines = _from_the_headline(without_page_furniture(text).split("\n"), headlines)
    total = sum(len(line) for line in lines) or 1
    kept: list[str] = []
    seen = 0
    skipping_links = False
    for line in lines:
        stripped = line.strip()
        seen += len(line)
        if not kept and stripped in headlines:
            continue
        if _TAIL_MARKERS.match(stripped):
            if seen > 0.6 * total:
                break
            skipping_links = True
            continue
        # Link titles under a related block are short and end without a full stop.
        if skipping_links and len(stripped) < 60 and not stripped.endswith(_SENTENCE_END):
            continue
        skipping_links = False
        if _FURNITURE.match(stripped) or _READ_MORE_LINE.match(stripped):
            continue
        kept.append(line)
    return "\n".join(_without_pull_quotes(kept)).strip()


def _from_the_headline(lines: list[str], headlines: set[str]) -> list[str]:
    """The lines from the headline on, where only short lines that end no sentence (a menu,
    breadcrumbs: "Home | News") come before it; else all of them."""
    for index, line in enumerate(lines[: MENU_LINES + 1]):
        if line.strip() in headlines:
            before = lines[:index]
            if all(len(b.strip()) < 40 and not b.strip().endswith(_SENTENCE_END) for b in before):
                return lines[index:]
            break
    return lines


def _without_pull_quotes(lines: list[str]) -> list[str]:
    def repeated(line: str) -> bool:
        quote = line.strip()[1:-1].strip().rstrip(".!?。！？")
        return len(quote) > 20 and any(quote in other and other is not line for other in lines)

    return [line for line in lines if not (_PULL_QUOTE.match(line.strip()) and repeated(line))]


def extract_fetched(url: str, body: bytes, content_type: str | None) -> Article:
    """Decode a fetched HTML page and extract it (in a worker process; never raises)."""
    try:
        html = decode_document(body, content_type)
    except Exception as exc:  # a decoding bug costs this page only
        return skipped_page(url, f"extraction failed: {type(exc).__name__}")
    return extract_html(url, html)


def _html_or_reason(result: FetchResult) -> tuple[str | None, str]:
    problem = fetch_problem(result)
    if problem is not None or result.body is None:
        return None, problem or ""
    return decode_document(result.body, result.content_type), ""


def extract_pages(
    pages: Sequence[PageRequest],
    fetch: FetchConfig,
    on_done: Callable[[FetchResult], None] | None = None,
    workers: int | None = None,
) -> list[Article]:
    """Fetch and extract every page; one Article per page, in order (skipped ones say why)."""
    articles: dict[str, Article] = {}
    todo: list[PageRequest] = []
    for page in pages:
        reason = refusal(page, fetch)
        if reason:
            articles[page.url] = skipped_page(page.url, reason)
        else:
            todo.append(page)
    results = fetch_all(
        [FetchRequest(page.url) for page in todo],
        fetch,
        on_done,
        accept="text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
    )
    jobs: list[tuple[str, str]] = []
    for result in results:
        html, reason = _html_or_reason(result)
        if html is None:
            articles[result.url] = skipped_page(result.url, reason)
        else:
            jobs.append((result.url, html))
    for article in _run_extraction(jobs, workers):
        articles[article.url] = article
    return [articles.get(page.url) or skipped_page(page.url, "not fetched") for page in pages]


def _run_extraction(jobs: list[tuple[str, str]], workers: int | None) -> list[Article]:
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        return [extract_html(url, html) for url, html in jobs]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        urls = [url for url, _ in jobs]
        htmls = [html for _, html in jobs]
        chunk = max(1, len(jobs) // (workers * 4))
        return list(pool.map(extract_html, urls, htmls, chunksize=chunk))
