"""The feed list lives in the config file's ``[[feeds]]`` tables, so one file says everything.

``autonews feeds add/remove/import`` edit that file with tomlkit, which keeps the user's comments
and layout; OPML 2.0 import turns nested outlines into tags, export writes tags back as categories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

from autonews.addresses import is_web, location_problem, probable_web_address
from autonews.config import FeedConfig, config_from_mapping
from autonews.deliver.files import write_atomically
from autonews.errors import ConfigError, UsageError

NEW_CONFIG_HEADER = """\
# autonews configuration: see config.example.toml for every key.
"""


def _load_document(path: Path):  # type: ignore[no-untyped-def]
    import tomlkit

    if not path.exists():
        return tomlkit.parse(NEW_CONFIG_HEADER)
    try:
        return tomlkit.parse(path.read_text("utf-8"))
    except Exception as exc:  # tomlkit raises its own parse errors
        raise ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}") from None


def checked_feed(feed: FeedConfig) -> tuple[FeedConfig, str]:
    """A feed about to be added, as it will be written, and a note when that is not as given.

    A web address written without its scheme (``cnevpost.com/feed``) gets ``https://``; a file
    must exist, and a relative path is made absolute (cron runs elsewhere). Anything else that
    cannot be a feed raises UsageError, before the config file is touched."""
    web = probable_web_address(feed.url)
    if web is not None:
        return replace(feed, url=web), f"no scheme given: added as {web}"
    problem = location_problem(feed.url)
    if problem is not None:
        raise UsageError(problem.message, hint=problem.hint)
    if is_web(feed.url):
        return feed, ""
    given = feed.url[len("file://") :] if feed.url.startswith("file://") else feed.url
    path = Path(given).expanduser()
    if not path.is_file():
        raise UsageError(
            f"{feed.url!r} is not a web address (http://, https://) nor an existing file",
            hint="a feed is an http:// or https:// URL, a file:// URL or a file path",
        )
    if not Path(given).is_absolute():
        absolute = str(path.resolve())
        return replace(feed, url=absolute), f"a file: added as {absolute}"
    return feed, ""


def add_feeds(path: Path, feeds: Sequence[FeedConfig]) -> list[FeedConfig]:
    """Append feeds not already listed (by URL); returns the ones added."""
    import tomlkit

    document = _load_document(path)
    tables = document.get("feeds")
    if tables is None:
        tables = tomlkit.aot()
        document["feeds"] = tables
    existing = {str(table.get("url")) for table in tables}
    added = []
    for feed in feeds:
        if feed.url in existing:
            continue
        table = tomlkit.table()
        table["url"] = feed.url
        if feed.name:
            table["name"] = feed.name
        if feed.tags:
            table["tags"] = list(feed.tags)
        tables.append(table)
        existing.add(feed.url)
        added.append(feed)
    config_from_mapping(document.unwrap())  # never write a file we could not read back
    write_atomically(path, tomlkit.dumps(document), keep_mode=True)
    return added


def remove_feed(path: Path, url_or_name: str) -> FeedConfig:
    import tomlkit

    document = _load_document(path)
    tables = document.get("feeds") or []
    for index, table in enumerate(tables):
        if url_or_name in (str(table.get("url")), str(table.get("name", ""))):
            removed = FeedConfig(url=str(table["url"]), name=str(table.get("name", "")))
            del tables[index]
            write_atomically(path, tomlkit.dumps(document), keep_mode=True)
            return removed
    raise UsageError(
        f"no feed with URL or name {url_or_name!r} in {str(path)!r}",
        hint="`autonews feeds list` shows the feeds",
    )


def parse_opml(data: bytes) -> list[FeedConfig]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise UsageError(f"not a valid OPML file: {exc}") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise UsageError("not an OPML file: no <opml><body>")
    feeds: list[FeedConfig] = []

    def walk(node: ElementTree.Element, tags: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            url = outline.get("xmlUrl")
            label = outline.get("title") or outline.get("text") or ""
            categories = tuple(
                c.strip().strip("/")
                for c in (outline.get("category") or "").split(",")
                if c.strip().strip("/")
            )
            if url:
                feeds.append(
                    FeedConfig(url=url, name=label, tags=tuple(dict.fromkeys(tags + categories)))
                )
            else:
                walk(outline, (*tags, label) if label else tags)

    walk(body, ())
    return feeds


def to_opml(feeds: Sequence[FeedConfig]) -> str:
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "autonews feeds"
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed.label, "title": feed.label, "xmlUrl": feed.url}
        if feed.tags:
            attributes["category"] = ",".join(feed.tags)
        ElementTree.SubElement(body, "outline", attributes)
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )
