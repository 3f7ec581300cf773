"""Chinese in the reader's script: a reader in Taiwan or Hong Kong (zh-TW, zh-HK, zh-Hant) reads
story titles and summaries in Traditional characters, whichever script the outlet wrote. OpenCC's
conversion, with the region's usage where it has one."""

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
    """``text`` with its Simplified characters in Traditional ones (others as they are)."""
    if not _HAN.search(text):
        return text
    try:
        converted: str = _converter(table).convert(text)
    except UnicodeEncodeError:  # a lone surrogate: OpenCC takes UTF-8 only
        return text
    return converted


@cache
def _converter(table: str) -> Any:
    import opencc  # only for a reader of Traditional Chinese

    return opencc.OpenCC(table)
