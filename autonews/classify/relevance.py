"""Is an item about the car industry? One standard of evidence, wherever a name is found.

A brand name alone is weak evidence: Xiaomi sells phones, Genesis is a book, Ford a president,
Nexon a game company. So the title's evidence is graded:

- strong: a word that only the car world uses ("EV", "automaker", "汽车"), a model named with
  its brand or in several words ("Tesla Model Y", "SU7 Ultra"), or a brand that only means
  cars, named unambiguously;
- weak: a brand accepted only on context (ambiguous names, brands with other businesses), a
  one-word model without its brand ("Nexon", "ES6"), or a car-industry company (a supplier, a
  charging network);
- none.

Strong evidence settles it. Weak evidence holds unless the item's own summary or body, where
there is one, says nothing about cars; a car-industry company's is its own news, car news
unless that text says what else it is about (Bosch's dishwashers: trial 37, a brake supplier's
releases had all been dropped). With no evidence in the title, the summary or body must
name cars twice over in its first sentence (two car words), or name a maker as its subject
beside a car word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from autonews.classify.knowledge import NOT_A_CAR_WORD, EntityHit, Knowledge
from autonews.classify.lexicon import Tokens
from autonews.classify.phrase_trie import Found

STRONG, WEAK, NONE = 2, 1, 0

Spotted = tuple[int, int, EntityHit]  # a name found: token start, token end, what it is


class Evidence(NamedTuple):
    strength: int
    reason: str
    company: bool = False  # weak only for naming a car-industry company


NO_EVIDENCE = Evidence(NONE, "")


def automotive_words(k: Knowledge, tokens: Tokens, norms: list[str] | None = None) -> list[str]:
    """The phrases in a text that by themselves say "cars"; ``norms``: its tokens as read, where
    not ``tokens.norms`` (a German text's compounds read as their parts)."""
    words = tokens.norms if norms is None else norms
    found = (
        [hits[0] for _, _, hits in k.automotive.scan(words) if hits[0] != NOT_A_CAR_WORD]
        if k.automotive.may_match(words)
        else []
    )
    if found and not k.space_vehicles.isdisjoint(found):
        found = _without_rockets(k, words, found)
    if tokens.han:  # (every Chinese phrase holds a Chinese character: see Knowledge)
        phrase = k.automotive_cjk_phrase(tokens.plain)
        if phrase is not None:
            found.append(phrase)
    return found


def _without_rockets(k: Knowledge, words: list[str], found: list[str]) -> list[str]:
    """The car words found, less a "launch vehicle" in a text about space (a rocket, an orbit):
    in car press it is a platform's first model."""
    if not (k.space_words.may_match(words) and k.space_words.scan(words)):
        return found
    return [phrase for phrase in found if phrase not in k.space_vehicles]


def other_business(k: Knowledge, stems: list[str]) -> list[Found[str]]:
    """Where the words (stemmed) name a car-industry company's other business (its TVs)."""
    return k.other_businesses.scan(stems) if k.other_businesses.may_match(stems) else []


def other_product(k: Knowledge, spotted: Sequence[Spotted], stems: list[str]) -> str | None:
    """What a maker named makes that is no car, if the text names it (makers.toml `not_cars`:
    "Honda recalls 45,000 Gold Wing motorcycles", Honda's lawn mowers, its CB1000F)."""
    for _, _, hit in spotted:
        if hit.kind != "maker":
            continue
        maker = k.makers[hit.index]
        for product in maker.not_cars:
            width = len(product)
            for at in range(len(stems) - width + 1):
                if tuple(stems[at : at + width]) == product:
                    return " ".join(product)
        for family in maker.not_car_families:
            for word in stems:
                if word.startswith(family) and word[len(family) : len(family) + 1].isdigit():
                    return word
    return None


def title_evidence(k: Knowledge, spotted: Sequence[Spotted], words: list[str]) -> Evidence:
    """How strongly the title alone says it is about cars; ``words`` are its automotive words."""
    if words:
        return Evidence(STRONG, f"the car word '{words[0]}' in the title")
    weak = ""
    company = False
    for _, _, hit in spotted:
        if hit.kind == "maker":
            if hit.via == "model":
                if _told_whole(hit.written) or _maker_named(spotted, hit.index):
                    return Evidence(STRONG, f"the model '{hit.written}' in the title")
                # "ES6", "Nexon", "M7" alone may be a JavaScript version, a game, a camera.
                weak = weak or f"the model name '{hit.written}' without its brand in the title"
            elif not hit.ambiguous and hit.via != "plural":
                return Evidence(STRONG, f"the carmaker '{hit.written}' in the title")
            elif hit.via == "plural":
                weak = weak or f"the brand name '{hit.written}' as a plural in the title"
            else:
                weak = weak or f"the brand name '{hit.written}' (also used elsewhere) in the title"
        elif hit.kind == "company" and k.companies[hit.index].automotive:
            company = company or not weak
            weak = weak or f"the car-industry company '{hit.written}' in the title"
    if weak:
        return Evidence(WEAK, weak, company)
    return NO_EVIDENCE  # a broad car noun alone ("factories", "charger", "model") is not enough


# A Chinese name written with a Latin or digit code: 理想i6, 蔚来ES9, 秦PLUS. The Chinese part is
# the brand or the model's own name, and no phone, game or word is written so.
_CJK_WITH_CODE = re.compile(r"[\u3400-\u9fff].*[A-Za-z0-9]|[A-Za-z0-9].*[\u3400-\u9fff]")


def _told_whole(model: str) -> bool:
    """Whether a model's name says "a car" by itself: in several words ("Model Y", "SU7 Ultra")
    or in Chinese with its code ("理想i6", "秦PLUS"), unlike a bare code ("ES6", "M7")."""
    model = model.strip()
    return " " in model or _CJK_WITH_CODE.search(model) is not None


def _maker_named(spotted: Sequence[Spotted], index: int) -> bool:
    return any(h.kind == "maker" and h.index == index and h.via != "model" for _, _, h in spotted)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[。！？]")


def lead_sentence_length(text: str) -> int:
    """Where the first sentence of a summary or body ends (its subject is named there)."""
    match = _SENTENCE_END.search(text, 20)
    return match.end() if match else len(text)


def subject_makers(
    tokens: Tokens, spotted: Sequence[Spotted], lead_end: int
) -> tuple[list[Spotted], list[tuple[Spotted, str]]]:
    """Makers that a summary or body is about, and the ones it mentions only in passing, each
    with how: a subject is named in the first sentence or more than once, and not only in a list
    of names ("holdings from Apple and Microsoft to General Motors and Exxon Mobil", "would hit
    Toyota, Honda, Hyundai and Kia hardest": the text is about all of them, or about none)."""
    counts: dict[int, int] = {}
    for _, _, hit in spotted:
        if hit.kind == "maker":
            counts[hit.index] = counts.get(hit.index, 0) + 1
    lists = name_lists(tokens, spotted)
    told = {  # makers named outside any list, or as owners in one ("GM's Wentzville, Ford's...")
        hit.index
        for start, end, hit in spotted
        if lists
        and hit.kind == "maker"
        and (not _in_a_list(tokens, start, lists) or _possessive(tokens, end))
    }
    subjects: list[Spotted] = []
    passing: list[tuple[Spotted, str]] = []
    for spot in spotted:
        start, _, hit = spot
        if hit.kind != "maker":
            continue
        if counts[hit.index] == 1 and tokens.offset(start) >= lead_end:
            passing.append((spot, "only in passing"))
        elif lists and hit.index not in told:
            passing.append((spot, "only in a list of names"))
        else:
            subjects.append(spot)
    return subjects, passing


# A list of three names or more: capitalised words ("General Motors", "Exxon Mobil") joined by
# commas, "and", "or", "&"; after "from", by "to" too ("from Apple and Microsoft to GM").
_NAME = r"[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*)*"
_JOIN = r"(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
_LIST = re.compile(rf"{_NAME}(?:{_JOIN}{_NAME}){{2,}}")
_RANGE = re.compile(rf"\bfrom[ \t]+{_NAME}(?:(?:{_JOIN}|[ \t]+to[ \t]+){_NAME}){{2,}}")
_A_NAME = re.compile(_NAME)


class NameList(NamedTuple):
    start: int  # where in the text
    end: int
    makers_only: bool  # every name in it a maker's: a text about the car industry


def name_lists(tokens: Tokens, spotted: Sequence[Spotted]) -> list[NameList]:
    """The lists of three names or more that hold two names found or more, where they are; not
    one that opens the text, whose names are its subjects ("Toyota, Honda and Nissan said ...").
    Two suffice: a list's third name may be no company known ("affecting Tesla, Waymo and
    Aurora", whose Aurora is ambiguous: trial 51 filed a Texas law under Tesla)."""
    if len(spotted) < 2:
        return []
    text = tokens.plain  # diacritics folded ("Škoda"): where the tokens' offsets are
    found: list[NameList] = []
    for pattern in (_RANGE, _LIST):
        for match in pattern.finditer(text):
            if match.start() == 0 or any(f.start <= match.start() < f.end for f in found):
                continue
            inside = [
                hit
                for start, _, hit in spotted
                if match.start() <= tokens.offset(start) < match.end()
            ]
            if len(inside) < 2:
                continue
            names = len(_A_NAME.findall(match.group()))
            makers = sum(hit.kind == "maker" for hit in inside)
            found.append(NameList(match.start(), match.end(), makers == names))
    return found


def _possessive(tokens: Tokens, end: int) -> bool:
    """Whether the name ending before token ``end`` is written as an owner ("GM's", "Stellantis'"):
    a list of what makers own is their own news (a strike at each one's plant)."""
    after = tokens.where(end - 1, end)[1]
    return tokens.plain[after : after + 1] in ("'", "’")


def _in_a_list(tokens: Tokens, start: int, lists: list[NameList]) -> bool:
    offset = tokens.offset(start)
    return any(found.start <= offset < found.end for found in lists)
