"""A feed in the list found as a user names it: by its URL however written (the scheme's and
host's case, a default port, no scheme at all), or else by its name in any case; a near miss
gets a did-you-mean, and a name two feeds share names neither."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from autonews.errors import UsageError


def same_feed_key(url: str) -> str:
    """What tells two written feed addresses apart: not the case of the scheme and the host,
    which name the same server ("HTTP://Example.com/feed" is "http://example.com/feed"), nor
    a default port."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower()
    netloc = host if port in (None, 80 if scheme == "http" else 443) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def find_feed(tables: Any, url_or_name: str, path: Path) -> int:
    """The index of the feed with this URL (or else this name, in any case) in the
    ``[[feeds]]`` tables; a name several feeds share, even in different cases, names none of
    them. A near miss gets a did-you-mean."""
    keys = {same_feed_key(url) for url in _written_as(url_or_name)}
    for index, table in enumerate(tables):
        if same_feed_key(str(table.get("url", ""))) in keys:
            return index
    names = [str(table.get("name", "")) for table in tables]
    wanted = url_or_name.strip().casefold()
    named = [n for n, name in enumerate(names) if name and name.casefold() == wanted]
    if len(named) > 1:
        written = " and ".join(repr(name) for name in dict.fromkeys(names[n] for n in named))
        urls = ", ".join(str(tables[index].get("url")) for index in named)
        raise UsageError(
            f"{len(named)} feeds are named {written} in {str(path)!r}: {urls}",
            hint="name the feed by its URL, or give each a name of its own",
        )
    if named:
        return named[0]
    raise UsageError(
        f"no feed with URL or name {url_or_name!r} in {str(path)!r}",
        hint=_did_you_mean(wanted, names) + "`autonews feeds list` shows the feeds",
    )


def _did_you_mean(wanted: str, names: Sequence[str]) -> str:
    from difflib import get_close_matches

    folded = {name.casefold(): name for name in names if name}
    close = get_close_matches(wanted, list(folded), n=1, cutoff=0.6)
    return f"did you mean {folded[close[0]]!r}? " if close else ""


def _written_as(url_or_name: str) -> list[str]:
    """The URLs a feed given as ``url_or_name`` may be listed under: itself and, for an address
    written without its scheme (``cnevpost.com/feed``, which `feeds add` stored with
    ``https://``; ``127.0.0.1:8765/x``), the same with ``https://`` or ``http://``."""
    if "://" in url_or_name or not url_or_name.strip():
        return [url_or_name]
    return [url_or_name, f"https://{url_or_name}", f"http://{url_or_name}"]
