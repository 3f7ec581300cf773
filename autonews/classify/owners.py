"""Brands named to describe their owner: "Jeep maker Stellantis", "Volvo owner Geely",
"Hongqi parent", "玛莎拉蒂母公司".

Outlets name a group by a brand readers know. The news is the group's: with the group named
next ("Volvo owner Geely posts record profit") the brand only describes it and is dropped; with no
name next, "Jeep maker" and "玛莎拉蒂母公司" stand for the brand's group. "Tesla owner" is a
driver, so "owner" alone stands for a group only after a list of its brands ("Jeep, Dodge owner
has a new idea"), and a brand that is its own group ("Tesla maker") stays itself.

A maker named as another's backer ("VW-backed Xpeng", "Geely-owned Volvo Cars") describes the
subject and is dropped: the news is Xpeng's, Volvo's; so is a group before a brand of its own it
holds (旗下: "福斯旗下Cupra", Volkswagen's Cupra). Before a company that is no maker
("Nissan-backed startup WeRide") it stays: the only sign the news is the car industry's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from autonews.briefings import reads_as_opinion
from autonews.classify.entities import EntityHit
from autonews.classify.event_model import RuleHit
from autonews.classify.knowledge import Knowledge
from autonews.classify.lexicon import Tokens
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import Spotted
from autonews.models import Event

# 母 begins 母公司: Chinese is read a character at a time.
_WORDS = frozenset(("maker", "owner", "parent", "母"))
_BACKERS = frozenset(("backed", "owned", "controlled", "funded", "financed", "supported"))
_HOLDS = "旗"  # 旗下: held under (a group's brand)
_LIST_JOINERS = frozenset(("and", "&", "和"))  # commas and 、 are no tokens
_COMMAS_ONLY: frozenset[str] = frozenset()


_OWNER_WORDS = _WORDS | _BACKERS | {_HOLDS}  # one test in C for the three


def may_describe_owners(tokens: Tokens) -> bool:
    """The cheap test: does the text hold an owner word at all?"""
    return not _OWNER_WORDS.isdisjoint(tokens.norms)


def owners_named(
    k: Knowledge, tokens: Tokens, picked: list[Spotted], reasons: list[str]
) -> list[Spotted]:
    """The names found, with brands that describe their owner dropped or read as the owner."""
    result = list(picked)
    position = len(picked) - 1
    while position >= 0:  # from the end: a change leaves the names before it where they are
        start, end, hit = picked[position]
        maker = hit.kind == "maker"
        backer = maker and _backer(tokens, end) and _another_maker(picked, hit.index)
        if backer or (maker and _holds_its_brand(k, tokens, picked, position)):
            del result[position]  # "VW-backed Xpeng": the backer describes the subject
            if reasons is not DISCARD:
                what = "a backer" if backer else "the group holding the brand after it"
                reasons.append(f"ignored '{tokens.span(start, end)}': names {what}")
            position -= 1
            continue
        described = _owner_word(tokens, end) if hit.kind == "maker" and hit.via != "model" else None
        if described is None:
            position -= 1
            continue
        word_end, word = described
        if any(s == word_end and h.kind == "maker" for s, _, h in picked):
            # "Volvo owner Geely", "Jeep, Dodge parent Stellantis": the group is named; its
            # brands only describe it ("Fiat Chrysler and Peugeot owner PSA": FCA is news).
            first = _first_listed(k, tokens, picked, position, _COMMAS_ONLY)
            del result[first : position + 1]
            if reasons is not DISCARD:
                reasons.append(
                    f"ignored '{tokens.span(picked[first][0], end)}': names the {word} after it"
                )
            position = first - 1
            continue
        first = _first_listed(k, tokens, picked, position, _LIST_JOINERS)
        parent = k.maker_by_name.get(k.makers[hit.index].group.lower())
        if parent is None or parent == hit.index or (word == "owner" and first == position):
            position -= 1
            continue
        span = tokens.span(picked[first][0], word_end)
        group_hit = replace(hit, index=parent, via="parent", written=span)
        result[first : position + 1] = [(picked[first][0], word_end, group_hit)]
        if reasons is not DISCARD:
            brand = k.makers[hit.index].name
            reasons.append(f"'{span}': {k.makers[parent].name}, the group {brand} belongs to")
        position = first - 1
    return result


def _another_maker(picked: list[Spotted], index: int) -> bool:
    return any(hit.kind == "maker" and hit.index != index for _, _, hit in picked)


def _holds_its_brand(k: Knowledge, tokens: Tokens, picked: list[Spotted], position: int) -> bool:
    """Is the name at ``position`` followed by 旗下 (held under it) and a brand of its group?"""
    _, end, hit = picked[position]
    if tokens.norms[end : end + 2] != [_HOLDS, "下"] or position + 1 == len(picked):
        return False
    start, _, brand = picked[position + 1]
    held = start == end + 2 or (start == end + 3 and tokens.norms[end + 2] == "的")
    group = k.makers[hit.index].group
    return (
        held
        and brand.kind == "maker"
        and brand.index != hit.index
        and (k.makers[brand.index].group == group)
    )


def _backer(tokens: Tokens, end: int) -> bool:
    """Is the name ending at ``end`` joined by a hyphen to a backer word ("VW-backed")?"""
    if end >= len(tokens) or tokens.norms[end] not in _BACKERS:
        return False
    name_end = tokens.offset(end - 1) + len(tokens.norms[end - 1])
    return tokens.text[name_end : tokens.offset(end)] in ("-", "‑", "–")


def _owner_word(tokens: Tokens, end: int) -> tuple[int, str] | None:
    """The end of an owner word right after a name, and the word: "maker", "owner", "parent"
    ("Jeep maker", "Jaguar owner's"), or "parent" for 母公司."""
    norms = tokens.norms
    if end >= len(norms) or norms[end] not in _WORDS:
        return None
    if norms[end] != "母":
        return end + 1, norms[end]
    if norms[end + 1 : end + 3] == ["公", "司"]:
        return end + 3, "parent"
    return None


def _first_listed(
    k: Knowledge, tokens: Tokens, picked: list[Spotted], position: int, joiners: frozenset[str]
) -> int:
    """The position (in ``picked``) of the first of the brands of one group listed up to the one
    at ``position`` ("Jeep, Dodge owner", "Jeep and Ram maker"); ``position`` if none is."""
    group = k.makers[picked[position][2].index].group
    first = position
    while first > 0:
        _, end, hit = picked[first - 1]
        between = tokens.norms[end : picked[first][0]]
        adjacent = not between or (len(between) == 1 and between[0] in joiners)
        if not adjacent or hit.kind != "maker" or k.makers[hit.index].group != group:
            break
        first -= 1
    return first


def owner_in_a_deal(
    k: Knowledge, company: EntityHit | None, hits: Sequence[RuleHit], event: Event, title: str
) -> str:
    """The group that owns ``company`` (companies.toml's ``owner``) where the title tells a
    deal in its shares (a bid for it, a stake in it sold): the group's carmaker its summary
    names is a party, and the news is its too (trial 50: Elliott's "won't tender" to Toyota's
    offer for Toyota Industries was filed under Industry); "" for any other title."""
    if company is None or company.kind != "company" or reads_as_opinion(title):
        return ""
    if event is not Event.OWNERSHIP and not any(h.event is Event.OWNERSHIP for h in hits):
        return ""
    return k.companies[company.index].owner
