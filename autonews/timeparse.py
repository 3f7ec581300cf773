"""Parsing of the time windows users type (``48h``, ``7d``, ``30m``, ``2w``, a date, or ``all``)
and of the time zone a reader names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

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


def utc_offset(moment: datetime) -> str:
    """A moment's offset from UTC, as ISO 8601 writes it: "UTC+08:00", "UTC-05:00"."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zone_label(moment: datetime) -> str:
    """The zone a moment is written in, for a reader: its abbreviation with the offset, since
    one abbreviation names several zones (CST: Shanghai's and Chicago's, IST: Kolkata's and
    Dublin's): "CST (UTC+08:00)"; "UTC" alone; where the zone database has no abbreviation
    ("+07" for Bangkok, "+04" for Dubai), the zone's city (trial 53: the header said only
    "UTC+07:00" for timezone = "Asia/Bangkok"): "Bangkok (UTC+07:00)"; else the offset."""
    name = moment.tzname() or ""
    offset = utc_offset(moment)
    if name == "UTC" and offset == "UTC+00:00":
        return name
    if name == offset:
        return offset  # a fixed offset's own name: "UTC+07:00"
    if not name or name[0] in "+-":
        city = _zone_city(moment.tzinfo)
        return f"{city} ({offset})" if city else offset
    return f"{name} ({offset})"


def _zone_city(zone: tzinfo | None) -> str:
    """The city a zone of the database is named by ("Asia/Ho_Chi_Minh": "Ho Chi Minh"), or ""
    for a zone with none (an offset, "Etc/GMT-7", the system's unnamed zone)."""
    key = str(getattr(zone, "key", "") or "")
    area, _, city = key.rpartition("/")
    if not area or area == "Etc" or not city[:1].isalpha():
        return ""
    return city.replace("_", " ")


def system_zone_name(env: Mapping[str, str]) -> str:
    """The name of the system's local zone ("Europe/London"): $TZ, else what /etc/localtime
    links to; else its offset now ("UTC+08:00"), when no name is known."""
    named = env.get("TZ", "").lstrip(":").strip()
    if named and not named.startswith("/"):
        return named
    link = Path(named or "/etc/localtime")
    try:
        target = str(link.resolve(strict=True))
    except OSError:
        target = ""
    if "/zoneinfo/" in target:
        return target.split("/zoneinfo/", 1)[1]
    return utc_offset(datetime.now().astimezone())
