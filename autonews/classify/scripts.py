"""Chinese in two scripts: text in Traditional characters is read as Simplified (豐田 -> 丰田,
銷量 -> 销量), so that one set of Chinese names and phrases serves both. OpenCC's conversion,
character for character where a phrase rule would change the length, so that token positions
stay valid in the text as written."""

from __future__ import annotations

import re
from typing import Any

_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_TO_SIMPLIFIED: Any = None  # loaded on the first Chinese text


def simplified(text: str) -> str:
    """Traditional Chinese characters as Simplified ones (豐田 -> 丰田, 銷量 -> 销量), so that one
    set of Chinese names and phrases reads both scripts; other text as it is. The length never
    changes: token positions stay valid in the original text."""
    if not _HAN.search(text):
        return text
    global _TO_SIMPLIFIED
    if _TO_SIMPLIFIED is None:
        import opencc  # loaded on the first Chinese text only: ten milliseconds

        _TO_SIMPLIFIED = opencc.OpenCC("t2s")
    try:
        converted: str = _TO_SIMPLIFIED.convert(text)
    except UnicodeEncodeError:  # a lone surrogate: OpenCC takes UTF-8 only
        converted = ""
    if converted == text:  # most Chinese text is Simplified already: nothing to check
        return text
    if len(converted) == len(text) and len(_HAN.findall(converted)) == len(_HAN.findall(text)):
        return converted
    # A phrase rule changed the length, a character left the range tokens are made of (鉥 has
    # its simplified form outside it), or the text cannot be UTF-8: character by character.
    return "".join(_simplified_character(c) for c in text)


def _simplified_character(character: str) -> str:
    if not _HAN.match(character):
        return character
    converted: str = _TO_SIMPLIFIED.convert(character)
    return converted if len(converted) == 1 and _HAN.match(converted) else character
