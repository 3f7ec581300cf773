"""How a name is written where a title has it, for ``names`` to judge it: as a model's name
("A-Class", not "a class"), after a price, joined to another name, after a first name (a
person), or before a word of comparison ("Tesla rival")."""

from __future__ import annotations

import re
from functools import lru_cache

from autonews.classify.knowledge import EntityHit
from autonews.classify.lexicon import Tokens
from autonews.classify.phrase_trie import Found
from autonews.classify.verdicts import alias_key

# A maker named only to describe another: "Tesla rival Fisker", "BYD's Ferrari-beater",
# "特斯拉杀手". Singular nouns only: "BYD rivals Tesla" is a verb.
_COMPARISONS = frozenset("rival killer beater competitor wannabe lookalike clone 杀手 对手".split())
# What such a word starts with: it may be one token or two ("杀", "手").
COMPARISON_STARTS = frozenset(
    word[:end] for word in _COMPARISONS for end in range(1, len(word) + 1)
)


def after_a_price(hit: EntityHit, tokens: Tokens, start: int) -> bool:
    """A model of one Chinese character and a Latin suffix (元Pro, 元UP) after an amount: a number
    or its unit ("5999元Pro版", "千元Pro手机", "百万元UP主")."""
    written = hit.written
    if not (len(written) > 1 and tokens.cjk(start) and written[1:].isascii()):
        return False
    before = tokens.plain[: tokens.offset(start)]
    if _ENDS_WITH_A_YEAR.search(before):
        return False  # "2025宋Pro DM-i上市": a model year
    return bool(before) and (before[-1].isdigit() or before[-1] in _AMOUNT_UNITS)


_AMOUNT_UNITS = frozenset("十百千万亿美港日欧")  # 千元, 万元, 美元, 港元...
_ENDS_WITH_A_YEAR = re.compile(r"(?:^|\D)(?:19|20)\d\d$")


def joined_to_a_name(tokens: Tokens, end: int, matches: list[Found[EntityHit]]) -> bool:
    """Is the name followed by a hyphen and a capitalised word that is no other name?"""
    if end >= len(tokens.norms) or "-" not in tokens.text or tokens.cjk(end - 1):
        return False
    name_end = tokens.offset(end - 1) + len(tokens.norms[end - 1])
    if tokens.text[name_end : tokens.offset(end)] != "-":
        return False
    if not tokens.surface(end)[:1].isupper():
        return False
    return all(start != end for start, _, _ in matches)


def person(tokens: Tokens, start: int) -> bool:
    """Is the name at ``start`` a surname, after a capitalised first name?"""
    return tokens.surface(start - 1)[:1].isupper() and not tokens.cjk(start)


def written_as_a_model(hit: EntityHit, tokens: Tokens, start: int, end: int) -> bool:
    """ "A-Class" as a name, not "a class" or "A Class 4 truck"; "XC70s" but not "Vision vs"."""
    if _lowercased(hit, tokens, start, end):
        return False
    written = hit.written
    if tuple(tokens.norms[start:end]) != alias_key(written) and not _plural_of_a_name(
        written, tokens.span(start, end)
    ):
        return False  # a plural, of a name that does not end in a number or a capital letter
    if "-" in written and written.isascii() and not tokens.cjk(start):
        return "-" in tokens.span(start, end)
    return True


def comparison(tokens: Tokens, end: int) -> bool:
    """Whether the name ending at ``end`` describes another thing ("Tesla rival", "特斯拉杀手")."""
    norms = tokens.norms
    if end < len(norms) and norms[end] in _COMPARISONS:
        return True
    return end + 1 < len(norms) and norms[end] + norms[end + 1] in _COMPARISONS


def _plural_of_a_name(written: str, surface: str) -> bool:
    """ "XC70s", "Model Ys": a name ending in a number or a capital letter, with an "s" added
    as written ("Vision vs" is not a plural of a "Vision V"); or a name of several words written
    exactly so, with an "s" ("Ford Explorers", "Tesla Semis"; not "Broncos", a team too)."""
    last = written[-1:]
    if last.isdigit() or (last.isupper() and surface.endswith(last + "s")):
        return True
    return " " in written and surface == written + "s"


def _lowercased(hit: EntityHit, tokens: Tokens, start: int, end: int) -> bool:
    """A model name of words written with capitals in the data ("A-Class"), found in lower case
    ("a class") in a text that is not all lower case. Names with a digit ("smart #5") are
    names however written."""
    written = hit.written
    if written.islower() or tokens.cjk(start) or tokens.text.islower():
        return False
    if _has_digit(written):
        return False
    return tokens.span(start, end).islower()


@lru_cache(maxsize=4096)  # (names as the knowledge writes them)
def _has_digit(name: str) -> bool:
    return any(character.isdigit() for character in name)
