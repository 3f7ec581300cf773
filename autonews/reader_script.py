"""Chinese in the reader's script: a reader in Taiwan or Hong Kong (zh-TW, zh-HK, zh-Hant) reads
story titles and summaries in Traditional characters, whichever script the outlet wrote. OpenCC's
conversion, with the region's usage where it has one, of Simplified text only: text an outlet
wrote in Traditional characters is shown as written (OpenCC would still make 台灣 臺灣 and 公布
公佈, as if a Taiwanese outlet did not know its own usage)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_HAN = re.compile("[\u3400-\u9fff]")
# Language tags (lower case, "-" between parts) -> OpenCC's Simplified-to-Traditional table.
_TRADITIONAL = {"zh-tw": "s2tw", "zh-hk": "s2hk", "zh-mo": "s2hk", "zh-hant": "s2t"}


def traditional_table(tag: str) -> str | None:
    """The conversion a reader's language tag asks for ("zh-TW" -> "s2tw"), None for none."""
    parts = tag.lower().replace("_", "-").split("-")
    for length in (3, 2):  # "zh-hant-tw" -> zh-hant; "zh-tw"
        table = _TRADITIONAL.get("-".join(parts[:length]))
        if table is not None:
            return table
    return None


def in_traditional(text: str, table: str) -> str:
    """``text`` with its Simplified characters in Traditional ones (others as they are); text
    written in Traditional characters as it is."""
    if not _HAN.search(text) or written_in_traditional(text):
        return text
    try:
        converted: str = _converter(table).convert(text)
    except UnicodeEncodeError:  # a lone surrogate: OpenCC takes UTF-8 only
        return text
    return converted


def script_tag(reader: str) -> str:
    """The BCP 47 tag of what a reader of ``reader`` ("zh-tw", "zh", "en-gb") reads a digest's
    titles in, as HTML's ``lang`` names it, for the fonts a browser picks: zh-Hant, zh-Hans or
    en (any other reader gets English titles)."""
    if traditional_table(reader) is not None:
        return "zh-Hant"
    return "zh-Hans" if reader.lower().split("-")[0] == "zh" else "en"


def text_tag(text: str) -> str:
    """The BCP 47 tag of a title as written: zh-Hant, zh-Hans, or en for one with no more
    than a Chinese character (as ``autonews.story_build.title_language`` reads titles)."""
    if len(_HAN.findall(text)) < 2:
        return "en"
    return "zh-Hant" if written_in_traditional(text) else "zh-Hans"


def written_in_traditional(text: str) -> bool:
    """Whether Chinese text is written in Traditional characters: more of its characters have
    a Simplified form than a Traditional one. (A character both scripts write, 台 or 布, has
    a Traditional form to OpenCC, so a Traditional text has some; a Simplified one has none,
    or next to none, of the other kind.)"""
    if not _HAN.search(text):
        return False
    to_simplified = _changed(text, "t2s")
    return to_simplified > 0 and to_simplified >= _changed(text, "s2t")


def _changed(text: str, table: str) -> int:
    """How many characters of ``text`` the OpenCC table changes."""
    try:
        converted: str = _converter(table).convert(text)
    except UnicodeEncodeError:  # a lone surrogate: OpenCC takes UTF-8 only
        return 0
    if len(converted) != len(text):  # a phrase rule changed the length: character by character
        converted = "".join(_converter(table).convert(c) for c in text)
    return sum(a != b for a, b in zip(text, converted, strict=False))


@cache
def _converter(table: str) -> Any:
    import opencc  # only for a reader of Traditional Chinese

    return opencc.OpenCC(table)
