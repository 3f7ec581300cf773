"""Parsing of the time windows users type (``48h``, ``7d``, ``30m``, ``2w``, a date, or ``all``)
and of the time zone a reader names."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_duration(text: str) -> timedelta:
    """``"48h"`` -> 48 hours. Raises ValueError with a readable message."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a duration like 30m, 48h, 7d or 2w")
    amount, unit = float(match.group(1)), match.group(2).lower()
    return timedelta(seconds=amount * _UNIT_SECONDS[unit])


def parse_since(text: str, now: datetime, zone: tzinfo | None = UTC) -> datetime | None:
    """The earliest publication time a ``--since`` value admits; None for ``all``. A date or
    time written without a zone is the reader's (``zone``; None: the system's)."""
    value = text.strip()
    if value.lower() == "all":
        return None
    if _DURATION.match(value):
        return now - parse_duration(value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a window: use 48h, 7d, a date like 2026-11-01, or all"
        ) from None
    if moment.tzinfo:
        return moment
    return moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()


def utcnow() -> datetime:
    return datetime.now(UTC)


def reader_zone(name: str) -> tzinfo | None:
    """The zone a reader's times are shown in: an IANA name (``Europe/Berlin``, ``UTC``), or
    "" for the system's local zone (None: what ``datetime.astimezone()`` takes for it, $TZ
    included). Raises ValueError for a name the zone database does not know."""
    if not name.strip():
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{name!r} is not a time zone: use a name like Europe/Berlin, America/New_York or "
            "UTC, or leave it empty for the system's"
        ) from None
