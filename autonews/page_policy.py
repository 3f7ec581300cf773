"""Which article pages are followed and what a fetched one brought: the rules the stream
applies to every link before and after fetching it, kept apart from the extraction itself so
that a run with no page to extract does not load it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from autonews.config import FetchConfig
from autonews.models import Article, FeedStatus, FetchResult
from autonews.page_queue import host_of
from autonews.urls import is_private_host

PRIVATE_LINK = "link to a private or loopback address (set [fetch] allow_private = true)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_NON_HTML_SUFFIXES = (
    ".pdf",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".svg",
    ".mp4",
    ".mp3",
    ".mov",
    ".webm",
    ".m4a",
    ".zip",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
)


NOT_WEB = "not an http(s) link"  # a feed's javascript:, data: or file: link: no page to read


@dataclass(frozen=True)
class PageRequest:
    url: str
    feed_url: str  # links to private addresses are followed only from feeds on one


def refusal(page: PageRequest, fetch: FetchConfig) -> str | None:
    """Why a link from a feed must not be followed, or None."""
    lowered = page.url.lower()
    if not lowered.startswith(("http://", "https://")):
        return NOT_WEB
    path = lowered.split("?", 1)[0].split("#", 1)[0]
    if path.endswith(_NON_HTML_SUFFIXES):
        return f"not an HTML page ({path.rsplit('.', 1)[-1]})"
    if not fetch.allow_private and is_private_host(page.url) and not is_private_host(page.feed_url):
        return PRIVATE_LINK
    return None


def fetch_problem(result: FetchResult) -> str | None:
    """Why a page's fetch brought nothing to extract: "fetch failed: ..." (worth trying again
    later) or "not an HTML page (...)"; None for an HTML page."""
    if result.status is not FeedStatus.OK or result.body is None:
        # Where a redirect (an aggregator's link) ended: the site that refused the page.
        moved = result.final_url not in (None, result.url)
        where = f" (at {result.final_url})" if moved else ""
        return f"fetch failed: {result.error or result.status.value}{where}"
    media = (result.content_type or "text/html").split(";")[0].strip().lower()
    if media not in _HTML_TYPES:
        return f"not an HTML page ({media})"
    return None


_CAUSES_TOLD = 3  # the commonest causes a digest's footer names; the rest are counted together


_SITES_TOLD = 2  # the sites named for a cause, the commonest; the others are counted


def failure_causes(reasons: Iterable[str], urls: Iterable[str] = ()) -> str:
    """Why pages failed, in a few words, commonest first: "HTTP 403 ×60, timeout ×7" (trial 34
    #17: "67 failed this run" said nothing of the anti-bot 403s behind every one); with the
    pages' ``urls``, the sites each cause was met at: "HTTP 401 ×2: www.reuters.com" (trial 43:
    "2 failed this run (HTTP 401 ×2)" did not say which), "timeout ×7: a.com & b.com +3"."""
    reasons = list(reasons)
    causes = list(map(_cause, reasons))
    sites: dict[str, Counter[str]] = {}
    for reason, cause, url in zip(reasons, causes, urls, strict=False):
        ended = _ENDED_AT.search(reason)  # (where the page's link led)
        site = host_of(ended.group(1) if ended else url) or url
        sites.setdefault(cause, Counter())[site] += 1
    counted = sorted(Counter(causes).items(), key=lambda c: (-c[1], c[0]))
    told = [
        (f"{cause} ×{n}" if n > 1 else cause) + _where(sites.get(cause))
        for cause, n in counted[:_CAUSES_TOLD]
    ]
    rest = sum(n for _, n in counted[_CAUSES_TOLD:])
    return ", ".join(told + ([f"other ×{rest}"] if rest else []))


def _where(sites: Counter[str] | None) -> str:
    if not sites:
        return ""
    named = [site for site, _ in sites.most_common(_SITES_TOLD)]
    more = len(sites) - len(named)
    return ": " + " & ".join(named) + (f" +{more}" if more else "")


def _cause(reason: str) -> str:
    """A page's failure in a word or two: "HTTP 403" of "fetch failed: HTTP 403 Forbidden"."""
    told = _RETRY_AFTER.sub("", reason.removeprefix("fetch failed: "))
    told = _ENDED_AT.sub("", told).strip()
    if status := _HTTP_STATUS.match(told):
        return status.group()
    if told.startswith("timed out"):
        return "timeout"
    if told.startswith("unfinished at the run deadline"):
        return "run deadline"
    return told.split(":", 1)[0].split(" (", 1)[0].strip()[:40] or "failed"


_HTTP_STATUS = re.compile(r"HTTP \d{3}")
_ENDED_AT = re.compile(r"\(at (\S+)\)")
_RETRY_AFTER = re.compile(r"\s*\(retry after [^)]*\)")


def skipped_page(url: str, reason: str) -> Article:
    """The Article of a page with nothing to extract, saying why."""
    return Article(url=url, title="", author="", date="", language="", text="", skipped=reason)
