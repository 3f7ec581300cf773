"""An article page's date, and its byline told apart from it. A page's byline often dates it
too ("By staff · 2026-12-03 09:00 UTC", trial 38; a byline that is only "2026-12-05 02:23 UTC",
trial 37): the date is the article's date, not a part of its author's name, and `autonews read`
shows it in the reader's zone, as the digest shows times, rather than as the page wrote it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

# Dec, Dec., December; and the German and French months a page's byline may date it by
# ("6. Dezember 2026", "6 déc. 2026").
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|mär|mrz|mai|okt|dez|janv|févr|fév|avr|juil|aoû|déc)\w*\.?"
)
_DAY = (
    rf"(?:\d{{4}}\s?[-/.年]\s?\d{{1,2}}\s?[-/.月]\s?\d{{1,2}}\s?日?"  # 2026-12-03, 2026年12月3日
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"  # 03/12/2026
    rf"|{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}"  # Dec 3, 2026
    rf"|\d{{1,2}}\.?\s{_MONTH},?\s\d{{4}})"  # 3 December 2026
)
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?(?:[ap]\.?m\.?))?"


@lru_cache(maxsize=1)
def _dated() -> re.Pattern[str]:
    """A date in a byline: its day, a time and zone after it, and the word that introduces it.
    A zone is an offset, "Z", "UTC", "GMT" or one of the abbreviations knowledge/furniture.toml
    names, in capitals only, though dates are matched in any case ("05:08 Ford", "09:28 BYD
    topped…" are the article's first words: trial 53). Not one a lower-case word follows: it
    opens the article's sentence ("09:28 GST cuts lifted…"); one that also opens a company's
    name ("PT") only after a time of the 12-hour clock, as the US writes it, or at the end of its
    line (review 38: "9:28 AM PT Tesla has cut…" / "09:28 PT Astra International…")."""
    from autonews.page_furniture import name_zone_abbreviations, zone_abbreviations

    shared = set(name_zone_abbreviations())
    plain = "|".join(sorted(set(zone_abbreviations()) - shared, key=len, reverse=True))
    names = "|".join(sorted(shared, key=len, reverse=True))
    sentence_goes_on = r"(?-i:(?![ \t]+[a-z]))"
    line_ends = r"(?=[ \t]*(?:\n|$))"
    zone = (
        rf"(?:Z|UTC|GMT|[+-]\d{{2}}:?\d{{2}}|(?-i:(?:{plain}))\b{sentence_goes_on}"
        rf"|(?:(?<=m)|(?<=m )|(?<=m\.)|(?<=m\. ))(?-i:(?:{names}))\b"
        rf"|(?-i:(?:{names})){line_ends})"
    )
    return re.compile(
        rf"(?P<intro>(?:published|updated|posted|last updated|发布时间|发布于|更新时间|更新于)"
        rf"\s*(?:on|at)?\s*[:：]?\s*)?(?:{_DAY})"
        rf"(?:,?\s*(?:at\s)?(?:T|\s)?{_CLOCK}(?:[ \t]?{zone})?)?",
        re.IGNORECASE,
    )


_BETWEEN = re.compile(r"\s*[·•|｜]\s*")  # what a byline puts between its author, outlet and date
_LOOSE_ENDS = " \t,;:·•|｜–—-"

# The dates a page writes in numbers: ISO 8601 with a space or a T, and a zone as an offset,
# "Z", "UTC" or "GMT" ("2026-12-05 02:23 UTC").
_NUMERIC = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)


def split_byline(byline: str) -> tuple[str, str]:
    """A byline's author and the date it gives ("staff · 2026-12-03 09:00 UTC": "staff" and
    "2026-12-03 09:00 UTC"); ("", date) when it is only a date, (byline, "") when it has none."""
    found = _dated().search(byline)
    if found is None:
        return byline, ""
    rest = byline[: found.start()] + " · " + byline[found.end() :]
    parts = [part.strip(_LOOSE_ENDS) for part in _BETWEEN.split(rest)]
    author = " · ".join(part for part in parts if part)
    date = found.group(0)[len(found.group("intro") or "") :]  # without "Updated" before it
    return (author if any(char.isalpha() for char in author) else ""), date


_BYLINE_HEAD = 120  # characters: a byline and its date, at the start of a text
_BYLINE_NAME_WORDS = 5  # "staff reporter", "der Redaktion", "Jane Smith and Li Wei"
_SENTENCE_MARKS = re.compile(r"[.!?。！？;；]\s")


def dated_byline_end(text: str, names: Iterable[str] = ()) -> int:
    """Where a byline that dates the article ends, when ``text`` opens with one ("By staff
    reporter · 07 December 2026 05:08", "Von der Redaktion · 06 December 2026 19:08", "文/李明
    2026-12-07 08:40"): its opening words (knowledge/furniture.toml) and a short name, or one of
    the ``names`` the page gives its author, then the date; 0 when it opens with none. An
    extraction keeps such a byline as the text's first line, or runs the article on after it
    (trial 41): it is no part of a summary."""
    from autonews.page_furniture import byline_opening

    head = text[:_BYLINE_HEAD]
    found = _dated().search(head)
    if found is None or head[: found.start()].count("\n") > 1:
        return 0
    before = head[: found.start()]
    opening = byline_opening(before)
    parts = (part.strip(_LOOSE_ENDS) for part in _BETWEEN.split(before[opening:]))
    name = " ".join(" ".join(parts).split())  # "staff reporter", "Jane Smith Fleet News"
    known = {" ".join(n.split()).casefold() for n in names if n.strip()}
    if name.casefold() in known:
        return found.end()
    short = 0 < len(name.split()) <= _BYLINE_NAME_WORDS and not _SENTENCE_MARKS.search(name + " ")
    return found.end() if opening and short else 0


def page_moment(text: str) -> datetime | None:
    """The moment a page's date names, when it says the time and its zone (ISO 8601, RFC 822,
    "2026-12-05 02:23 UTC"); None for a day alone, a time of no zone, or another form."""
    value = " ".join(text.split())
    if numeric := _NUMERIC.match(value):
        day, clock, zone = numeric.groups()
        if zone is None:
            return None  # the page's local time, whatever zone that is
        offset = "+00:00" if zone.upper() in ("Z", "UTC", "GMT") else zone
        try:
            return datetime.fromisoformat(f"{day}T{clock}{offset}")
        except ValueError:
            return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo is not None else None


def iso_or_as_written(text: str) -> str:
    """A page's date for a program: ISO 8601 in UTC when it names a moment, as the digest's JSON
    writes times; else as the page wrote it."""
    moment = page_moment(text)
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else text
