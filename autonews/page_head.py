"""What a page's HTML says of itself before trafilatura reads it: its <head> metadata (Open
Graph, article:*, Dublin Core, schema.org), its headline (the <title> less the outlet's name, or
its <h1>), and its byline."""

from __future__ import annotations

import re

from autonews.text import clean_text

# Page metadata from the <head>, as news sites publish it (Open Graph, article:*, Dublin Core,
# schema.org itemprops): a scan of the meta tags costs a fraction of a millisecond, where
# trafilatura's metadata pass (htmldate's heuristics) costs about a quarter of the extraction.
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "author": (
        "author",
        "article:author",
        "parsely-author",
        "byl",
        "dc.creator",
        "sailthru.author",
    ),
    "date": (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "dc.date",
        "date",
        "parsely-pub-date",
        "sailthru.date",
    ),
    "language": ("og:locale", "content-language", "dc.language"),
    "site": ("og:site_name", "application-name"),
}


_SEP = " |-–—:·"  # between a page's headline and its outlet's name in its <title>


def head_metadata(html: str) -> dict[str, str]:
    import html as html_module

    head = html[:60_000]
    tags: dict[str, str] = {}
    for tag in _META_TAG.findall(head):
        attributes = {k.lower(): v.strip("\"'") for k, v in _ATTRIBUTE.findall(tag)}
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        key = key or attributes.get("http-equiv", "")
        if key and "content" in attributes:
            tags.setdefault(key.lower(), html_module.unescape(attributes["content"]))
    found: dict[str, str] = {}
    for field, keys in _META_KEYS.items():
        value = next((tags[k] for k in keys if tags.get(k)), "")
        if value:
            found[field] = clean_text(value)
    title_tag = _TITLE_TAG.search(head)
    tab = clean_text(html_module.unescape(title_tag.group(1))) if title_tag else ""
    found.setdefault("title", _without_outlet(tab, found.get("site", "")))
    if not found["title"]:
        del found["title"]
    # "Headline | Outlet": the outlet's name, which a page may repeat as the article's byline.
    headline = found.get("title", "\0")
    if "site" not in found and tab.startswith(headline) and tab[len(headline) :].strip(_SEP):
        found["site"] = tab[len(headline) :].strip(_SEP)
    if "language" not in found and (lang := _HTML_LANG.search(head)):
        found["language"] = lang.group(1)
    if "language" in found:
        found["language"] = found["language"].replace("_", "-").split("-")[0].lower()
    return found


def _without_outlet(tab: str, site: str) -> str:
    """A <title> "Headline | Outlet" less the outlet's name, when the page names its outlet:
    the headline, as the page's heading repeats it above the text (trial 32)."""
    if site and tab.endswith(site) and tab[: -len(site)].rstrip(_SEP):
        return tab[: -len(site)].rstrip(_SEP)
    return tab


def page_headline(title: str, heading: str) -> str:
    """The page's headline: its title, less the outlet's name beside it where the page's <h1>
    is the rest ("Tesla recalls … | Automotive News" under the <h1> "Tesla recalls …", on a
    page whose meta tags name no outlet: trial 37); the <h1> where the page has no title."""
    if not title or not heading or title == heading:
        return title or heading
    marks = _SEP.strip()
    if title.startswith(heading):
        beside = title[len(heading) :].strip()
        if beside[:1] in marks and len(beside) < len(heading):  # (a site's logo in an <h1>)
            return heading
    if title.endswith(heading):
        beside = title[: -len(heading)].strip()
        if beside[-1:] in marks and len(beside) < len(heading):
            return heading
    return title


_HEADING_TAG = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
# An element a page marks as its byline or author: <p class=byline>, <span itemprop="author">,
# <a rel="author">.
_BYLINE_TAG = re.compile(
    r"<(p|div|span|a|address)\b[^>]*\b(?:class|id|itemprop|rel)\s*=\s*[\"']?[^\"'>]*"
    r"\b(?:byline|author)\b[^>]*>(.*?)</\1>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
_BYLINE_CHARS = 80  # longer is an author's box with a biography, not a byline


def page_heading(html: str) -> str:
    """The page's first <h1>, as text: the heading the extracted text may open with."""
    found = _HEADING_TAG.search(html)
    return _element_text(found.group(1)) if found else ""


def page_byline(html: str) -> str:
    """The text of the first element the page marks as a byline, when it reads as one."""
    for found in _BYLINE_TAG.finditer(html):
        text = _element_text(found.group(2))
        if text and len(text) <= _BYLINE_CHARS:
            return text
    return ""


def _element_text(fragment: str) -> str:
    import html as html_module

    return clean_text(html_module.unescape(_TAG.sub(" ", fragment)))
