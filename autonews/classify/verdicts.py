"""Judging an ambiguous name (Ford, Smart, 理想, a two-character Chinese model): whether the rest
of the text says it is the brand. A name that is also a word, a person or another company counts
only with evidence: a model or car word after it, one of its models or another maker beside it,
another of its own names, or an automotive text; and never where the text's own words make it
something else (a veto word after it, a first name before it).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

from autonews.classify.knowledge import EntityHit, Knowledge, pick_entity
from autonews.classify.lexicon import Tokens, phrase_key
from autonews.classify.relevance import Spotted
from autonews.classify.sport import a_ground

# Words that may come before the subject at the start of a headline.
_OPENERS = frozenset(
    "new the all updated next watch exclusive breaking report analysis video review is are was "
    "why how what will can could does did should has 2024 2025 2026 2027 2028".split()
)

JOINERS = frozenset({"and", "with", "to", "from", "vs", "versus", "与", "和", "及", "携", "同"})
# Two-character verbs that join two makers in Chinese headlines ("大众携手小鹏").
_JOINERS_CJK = frozenset({"携手", "联手", "牵手", "联合", "对标"})


class _Context(NamedTuple):
    """What the rest of a headline says, for judging ambiguous names."""

    event: bool
    car_word: bool
    sure_makers: bool
    maker_edges: set[int]  # token positions where an unambiguous maker name starts or ends
    models: set[int]  # makers whose models are named
    names: dict[int, set[str]]  # maker -> its ambiguous names in the text, as the data writes them
    deal: bool = False  # the title tells a stake, a merger or a partnership

    @property
    def automotive(self) -> bool:
        return self.event or self.car_word or self.sure_makers


def context_of(picked: list[Spotted], event: bool, car_word: bool, deal: bool = False) -> _Context:
    edges: set[int] = set()
    models: set[int] = set()
    names: dict[int, set[str]] = {}
    for start, end, hit in picked:
        if hit.via == "model":
            models.add(hit.index)
        if hit.kind != "maker":
            continue
        if not hit.ambiguous:
            edges.add(start)
            edges.add(end)
        else:
            names.setdefault(hit.index, set()).add(hit.written)
    return _Context(event, car_word, bool(edges), edges, models, names, deal)


_NO_WORDS: frozenset[str] = frozenset()

SURE_VERDICTS = frozenset(
    {"followed by a model or car word", "named with one of its models", "next to another maker"}
)


_NO_EVIDENCE = "not without automotive evidence"


def second_look(picked: list[Spotted], verdicts: list[str], tokens: Tokens) -> None:
    """An ambiguous maker name found with no evidence counts after all when it is joined to one
    that counts ("GM and Ford": GM in capitals vouches for Ford)."""
    if _NO_EVIDENCE not in verdicts:
        return
    edges = {
        edge
        for (start, end, hit), verdict in zip(picked, verdicts, strict=True)
        if hit.kind == "maker" and hit.ambiguous and not verdict.startswith("not ")
        for edge in (start, end)
    }
    if not edges:
        return
    for index, (start, end, hit) in enumerate(picked):
        no_evidence = verdicts[index] == _NO_EVIDENCE and hit.kind == "maker"
        if no_evidence and _next_to_a_maker(tokens, start, end, edges):
            verdicts[index] = "next to another maker"


def names_something_else(k: Knowledge, tokens: Tokens, stems: list[str]) -> str | None:
    """A brand name the text's own words show to be something else ("Jaguar attacks tourist":
    the animal; "Harrison Ford": the actor), as written; None if none. Such a text is about
    that thing, even from a feed about cars."""
    for start, end, hits in k.entities.scan(tokens.norms, plurals=True):
        hit = hits[0] if len(hits) == 1 else pick_entity(hits)
        surface = tokens.span(start, end)
        if hit.kind == "block":
            return surface
        ground = a_ground(k.sport, tokens, end) if hit.via != "model" else None
        if ground is not None:
            return f"{surface} {ground}"  # "Kia Oval": the ground, not the brand
        judged = hit.ambiguous and hit.kind == "maker" and hit.via != "model"
        if judged and _something_else(k, hit, surface, start, end, tokens, stems):
            return surface
    return None


def _something_else(
    k: Knowledge,
    hit: EntityHit,
    surface: str,
    start: int,
    end: int,
    tokens: Tokens,
    stems: list[str],
) -> str | None:
    """'not ...' why the text's own words make an ambiguous name something else (a veto word
    after it or anywhere, a first name before it), or None."""
    entity = k.makers[hit.index] if hit.kind == "maker" else k.companies[hit.index]
    if end < len(tokens) and stems[end] in entity.veto_next:
        return f"not followed by '{tokens.surface(end)}'"
    if end < len(tokens) and tokens.cjk(end):
        # Chinese vetoes of several characters: 大众市场 is the mass market, 大众市值 VW's value.
        after = "".join(tokens.norms[end : end + _LONGEST_VETO])
        word = next((w for w in entity.veto_next if len(w) > 1 and after.startswith(w)), None)
        if word is not None:
            return f"not followed by '{word}'"
    vetoed: frozenset[str] = getattr(entity, "veto_words", frozenset())
    if vetoed and not vetoed.isdisjoint(stems):
        word = next(tokens.surface(i) for i, s in enumerate(stems) if s in vetoed)
        return f"not with '{word}' in the text"  # "Motorists could get £700 under FCA plan"
    if (
        start > 0
        and tokens.norms[start - 1] in k.given_names
        and tokens.surface(start - 1)[:1].isupper()
    ):
        return f"not a person ('{tokens.surface(start - 1)} {surface}')"
    return None


def ambiguous_verdict(
    k: Knowledge,
    hit: EntityHit,
    surface: str,
    start: int,
    end: int,
    tokens: Tokens,
    stems: list[str],
    context: _Context,
) -> str:
    """Why an ambiguous name counts, or 'not ...' why it does not."""
    other = _something_else(k, hit, surface, start, end, tokens, stems)
    if other is not None:
        return other
    needs = k.makers[hit.index].ambiguous_needs if hit.kind == "maker" else frozenset()
    if needs and needs.isdisjoint(stems):  # "International" beside no truck: an adjective
        return "not in a title about its trade ('" + sorted(needs)[0] + "')"
    if tuple(tokens.norms[start:end]) != alias_key(hit.written):
        return "not counted in a plural"
    if not tokens.cjk(start):
        if surface.islower() and not hit.written.islower():
            return "not capitalised"
        caps = hit.written.isupper() and len(hit.written) > 1
        if caps and start == 0 and tokens.text[len(surface) : len(surface) + 1] == ":":
            return "not is a label ('" + surface + ":')"  # "PSA: check your tyres"
        # (a headline all in capitals proves nothing; one whose only Latin letters are the
        # name's, a Chinese one, does: "10月MG销售暴增")
        if caps and surface == hit.written and not tokens.text.replace(surface, "", 1).isupper():
            return "written in capitals"
        if caps and len(hit.written) <= 3 and surface != hit.written and not tokens.text.islower():
            return "not written in capitals"  # "Family Man" is not MAN, "Im often" not IM
        hyphened = tokens.text[tokens.offset(start) - 1 : tokens.offset(start)] == "-"
        if start > 0 and hyphened and start not in context.maker_edges:
            # "Two-Seat"; but "Volkswagen-Ford" is an alliance of two makers.
            return "not on its own ('" + tokens.span(start - 1, end) + "')"
    if _followed_by_car_word(k, hit, stems, tokens, end):
        return "followed by a model or car word"
    if hit.kind == "maker" and hit.via != "model" and hit.index in context.models:
        return "named with one of its models"  # (a model is not its own context)
    if hit.kind == "maker" and len(context.names.get(hit.index, ())) > 1:
        return "named with another of its names"  # "Ford Shelby Mustang": each vouches
    if _next_to_a_maker(tokens, start, end, context.maker_edges):
        return "next to another maker"
    if context.sure_makers and tokens.cjk(start) and _linked(tokens, end):
        return "holds or joins beside another maker"  # "收购日产所持三菱汽车股份", "本田与日产"
    if hit.kind == "maker" and _after_a_maker_noun(k, tokens, stems, start):
        return "called a carmaker"  # "national carmaker Proton", "automaker Ford"
    # (a stake in it, a share of it: the deal's other party)
    sure_party = hit.kind == "maker" and context.deal and context.sure_makers
    sure_party = sure_party and start > 0 and tokens.norms[start - 1] in _STAKE_IN
    if sure_party and _capitalised_as_a_name(tokens, start):
        # "Geely to raise stake in Proton to 49.9%": a carmaker's deal with another (trial 53).
        return "a party to a carmaker's deal, capitalised as a name"
    if hit.kind == "maker" and hit.written in k.car_people:
        return "a chief known only for cars"  # "1000亿灰飞烟灭，李想疯魔"
    if hit.kind == "maker" and start == 0 and hit.written in k.makers[hit.index].people:
        return "is the headline's subject"  # "丰田章男：我不会辞去董事长职务"
    entity = k.makers[hit.index] if hit.kind == "maker" else k.companies[hit.index]
    if hit.written in entity.lenient and context.automotive:
        return "in an automotive headline"
    if hit.via == "model":  # a two-character Chinese model name: "途胜L", not 长征途胜利
        if context.sure_makers:
            return "a model beside a maker"
        if _written_as_a_chinese_model(k, tokens, start, end):
            return "written as a model"
        return "not without its maker, a model suffix or a car word beside it"
    opening = start == 0 or (start <= 2 and all(w in _OPENERS for w in tokens.norms[:start]))
    if opening and context.automotive:
        return "opens an automotive headline"
    if context.automotive and tokens.cjk(start) and _opens_a_clause(tokens, start):
        return "opens a clause of an automotive headline"  # "外观似高尔夫 大众全新EV概念车"
    return _NO_EVIDENCE


def _after_a_maker_noun(k: Knowledge, tokens: Tokens, stems: list[str], start: int) -> bool:
    """Whether a car noun for a maker ("carmaker", "automaker") is one of the two words before
    the name ("Malaysia's national carmaker Proton")."""
    return any(
        stems[i] in k.car_nouns and tokens.norms[i].endswith("maker")  # singular: its title
        for i in range(max(0, start - 2), start)
    )


_STAKE_IN = frozenset({"in", "of"})
_TITLE_CASE_SHARE = 0.6  # of a title's longer words capitalised: it capitalises every word


def _capitalised_as_a_name(tokens: Tokens, start: int) -> bool:
    """Whether the name at ``start`` is capitalised in a title that writes its other words in
    lower case, so its capital says a name (a headline in title case capitalises every word:
    "Tesla Adds Smart Summon" says nothing of Smart)."""
    if not tokens.surface(start)[:1].isupper():
        return False
    words = [w for w in tokens.text.split()[1:] if len(w) > 3 and w[:1].isalpha()]
    if not words:
        return False
    capitalised = sum(w[:1].isupper() for w in words)
    return capitalised / len(words) < _TITLE_CASE_SHARE


# What follows a Chinese company name, not a word the name's characters also make: it holds
# (所持, 持有), owns (旗下), or is joined with another (与, 和, 、, 及). 日产 is Nissan in
# "收购日产所持三菱汽车股份", daily output in "日产1000辆".
_CJK_LINKS = frozenset("所持旗与和、及")


def _linked(tokens: Tokens, end: int) -> bool:
    return end < len(tokens.norms) and tokens.norms[end] in _CJK_LINKS


def _next_to_a_maker(tokens: Tokens, start: int, end: int, edges: AbstractSet[int]) -> bool:
    """Whether the name from ``start`` to ``end`` touches a maker name starting or ending at one
    of ``edges``, or is joined to one ("Genesis and Kia", "Hyundai with Mini", "比亚迪携手丰田")."""
    if start in edges or end in edges:
        return True
    norms = tokens.norms
    if start > 1 and norms[start - 1] in JOINERS and start - 1 in edges:
        return True
    if end + 1 < len(norms) and norms[end] in JOINERS and end + 1 in edges:
        return True
    if end + 2 < len(norms) and "".join(norms[end : end + 2]) in _JOINERS_CJK and end + 2 in edges:
        return True
    return start > 2 and "".join(norms[start - 2 : start]) in _JOINERS_CJK and start - 2 in edges


_LONGEST_VETO = 4  # characters of a Chinese veto_next word

# What ends a clause of a Chinese headline: punctuation, or the space its writers put there.
_CLAUSE_ENDS = frozenset("|｜,，:：;；!！?？。】]」』》)）丨 \u3000")


def _opens_a_clause(tokens: Tokens, start: int) -> bool:
    """Whether token ``start`` follows a clause's end (a Chinese headline's space counts)."""
    offset = tokens.offset(start)
    return offset > 0 and tokens.text[offset - 1] in _CLAUSE_ENDS


_MODEL_OF_A_YEAR = re.compile(r"\d款$")  # "2024款途胜"
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")
# What a Latin suffix of a Chinese model name looks like: a code with a digit (B9, 15N), one or
# two letters (L, EV), or a trim word; not a word of its own ("帝豪KTV").
_TRIMS = frozenset({"plus", "pro", "max", "dmi", "dm", "hev", "phev", "gt", "gts", "rs", "type"})


def _written_as_a_chinese_model(k: Knowledge, tokens: Tokens, start: int, end: int) -> bool:
    """A Latin suffix (途胜L, 英朗15N, 迈腾B9) or a car word against the name, after (雅阁降价) or
    before it (新款途胜, 2024款途胜); never across a space or a stop (董事长李朗逸，上市公司)."""
    name_start = tokens.offset(start)
    name_end = name_start + len("".join(tokens.norms[start:end]))
    suffix = _LATIN_RUN.match(tokens.plain, name_end)
    if suffix:
        code = suffix.group().lower()
        if len(code) <= 2 or code in _TRIMS or any(ch.isdigit() for ch in code):
            return True
    if tokens.plain.startswith(k.model_after, name_end):
        return True
    before = tokens.plain[:name_start]
    return before.endswith(k.model_before) or _MODEL_OF_A_YEAR.search(before) is not None


def _followed_by_car_word(
    k: Knowledge, hit: EntityHit, stems: list[str], tokens: Tokens, end: int
) -> bool:
    # Where no model of this name's maker starts, no lexicon walk is needed.
    models: AbstractSet[str] = _NO_WORDS
    if hit.kind == "maker":
        models = k.model_starts.get(hit.index, _NO_WORDS)
    for position in range(end, min(end + 2, len(tokens))):
        if stems[position] in k.car_nouns:
            return True
        if tokens.norms[position] not in models:
            continue
        payloads = k.entities.payloads_at(tokens.norms, position, position + 4)
        if payloads is not None and any(
            h.kind == hit.kind and h.index == hit.index and h.via == "model" for h in payloads
        ):
            return True
    # CJK brands run straight into a car word: 理想汽车, 长城车企.
    if end < len(tokens) and tokens.cjk(end):
        return tokens.plain.startswith(k.car_phrases_cjk, tokens.offset(end))
    return False


@lru_cache(maxsize=4096)
def alias_key(alias: str) -> tuple[str, ...]:
    """An alias's tokens, as the lexicon holds them: a match that differs came from a plural."""
    return phrase_key(alias)
