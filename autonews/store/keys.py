"""Item identity: which entries of a feed document are items the store already has."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from autonews.models import ParsedEntry
from autonews.urls import normalize_url


def stable_hash(*parts: str) -> str:
    """A short key for ``parts``, the same in every run and on every machine."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def entry_fingerprint(entry: ParsedEntry) -> str:
    """Same title and link = same item, whatever GUID or date the feed gives it this time."""
    return _fingerprint(entry, _normalized(entry))


def _fingerprint(entry: ParsedEntry, link: str) -> str:
    title = " ".join(entry.title.lower().split())
    return stable_hash(title, link)


def _normalized(entry: ParsedEntry) -> str:
    return normalize_url(entry.link) if entry.link else ""


def entry_keys(entries: Sequence[ParsedEntry]) -> list[str]:
    """Stable identity per entry: GUID when the feed's GUIDs are trustworthy, else the link, else
    title + date. GUIDs are distrusted when missing or repeated within one document."""
    return _keys(entries, None)


def _keys(entries: Sequence[ParsedEntry], links: Sequence[str] | None) -> list[str]:
    """``entry_keys``; ``links``: the entries' links normalised, when already made."""
    guids = [entry.guid for entry in entries]
    trustworthy = all(guids) and len(set(guids)) == len(guids)
    keys = []
    for index, entry in enumerate(entries):
        if trustworthy and entry.guid:
            keys.append("g:" + entry.guid)
        elif entry.link:
            keys.append("l:" + (links[index] if links is not None else _normalized(entry)))
        else:
            stamp = entry.published.isoformat() if entry.published else ""
            keys.append("h:" + stable_hash(entry.title, stamp))
    return keys


def normalized_links(entries: Sequence[ParsedEntry]) -> list[str]:
    """Each entry's link normalised ("" for an entry without one)."""
    return [_normalized(entry) for entry in entries]


def entry_identity(
    entries: Sequence[ParsedEntry], links: Sequence[str] | None = None
) -> tuple[list[str], list[str]]:
    """Keys and fingerprints of a feed's entries, as :meth:`Store.add_entries` compares them
    (worker processes compute them beside parsing, so that storing costs less). Each link is
    normalised once for both; ``links``: :func:`normalized_links`, when already made."""
    links = normalized_links(entries) if links is None else links
    return _keys(entries, links), [
        _fingerprint(entry, link) for entry, link in zip(entries, links, strict=True)
    ]
