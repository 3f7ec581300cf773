"""Names in a text: makers, their models and companies, found and then judged.

A name is found through the lexicon (one trie walk), then judged: a model must be written as a
name, a surname after a first name is a person, and a name that is also a word, a person or
another company counts only with evidence from the rest of the text (``verdicts``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from autonews.classify.knowledge import EntityHit, Knowledge, pick_entity
from autonews.classify.lexicon import Tokens
from autonews.classify.name_forms import (
    COMPARISON_STARTS,
    after_a_price,
    comparison,
    joined_to_a_name,
    person,
    written_as_a_model,
)
from autonews.classify.owners import may_describe_owners, owners_named
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import Spotted
from autonews.classify.sport import a_ground
from autonews.classify.verdicts import (
    JOINERS,
    SURE_VERDICTS,
    alias_key,
    ambiguous_verdict,
    context_of,
    second_look,
)
from autonews.classify.word_senses import names_used_as_words


def find_names(
    k: Knowledge,
    tokens: Tokens,
    stems: list[str],
    reasons: list[str],
    event_found: bool,
    car_word: bool,
    deal: bool = False,
) -> list[Spotted]:
    """The names found, in text order, with their token positions. Two passes: collect every
    name, then judge the ambiguous ones with what the rest of the text says (other makers,
    their models, car words, event words); ``deal``: the title tells a stake, a merger or a
    partnership, whose parties a carmaker's name beside another's are."""
    # Plurals ("XC70s", "Teslas") count; ambiguous names never from a plural (seats, minis).
    matches = k.entities.scan(tokens.norms, plurals=True)
    picked: list[Spotted] = []
    plurals: list[Spotted] = []
    blocked: list[tuple[str, ...]] = []  # the words of known non-maker phrases ("小米17 Ultra")
    ambiguous = False
    hyphened = "-" in tokens.text  # (most titles: no name joined to another)
    norms, grounds = tokens.norms, k.sport.venues
    for start, end, hits in matches:
        hit = hits[0] if len(hits) == 1 else pick_entity(hits)
        # The word after the name: the first test of a_ground and comparison, made here, spares
        # most names the calls.
        after = norms[end] if end < len(norms) else ""
        if hit.kind == "block":
            blocked.append(tuple(tokens.norms[start:end]))
            if reasons is not DISCARD:
                reasons.append(f"ignored '{tokens.span(start, end)}': a known non-maker phrase")
            continue
        if (
            hit.via != "model"
            and (after in grounds or tokens.han)
            and a_ground(k.sport, tokens, end) is not None
        ):
            # "Kia Oval", "Toyota Stadium": a ground named after its sponsor.
            if reasons is not DISCARD:
                reasons.append(f"ignored '{tokens.span(start, end + 1)}': a sponsor's ground")
            continue
        if start and tokens.norms[start - 1] in k.given_names and person(tokens, start):
            # "Brett Bentley-Leek", "Louis Chevrolet": a first name makes it a person.
            if reasons is not DISCARD:
                reasons.append(f"ignored '{tokens.span(start - 1, end)}': a person")
            continue
        if hit.via == "model" and not written_as_a_model(hit, tokens, start, end):
            if _plural_of_a_word(hit, tokens, start, end):
                plurals.append((start, end, hit))  # "Cybertrucks": with its maker named
                continue
            # "a class of students" is not the A-Class: models are names, written as such.
            if reasons is not DISCARD:
                reasons.append(f"ignored '{tokens.span(start, end)}': not written as a name")
            continue
        if hit.via == "model" and after_a_price(hit, tokens, start):
            # "5999元Pro版": a price in yuan, not BYD's 元Pro.
            if reasons is not DISCARD:
                reasons.append(f"ignored '{tokens.span(start, end)}': a price before it")
            continue
        if (
            hit.kind == "maker"
            and hit.via != "model"
            and after in COMPARISON_STARTS
            and comparison(tokens, end)
        ):
            if reasons is not DISCARD:
                reasons.append(
                    f"ignored '{tokens.span(start, end)}': named to describe another "
                    f"('{tokens.span(start, min(len(tokens), end + 2))}')"
                )
            continue
        if (
            hit.kind == "maker"
            and hit.via != "model"
            and hyphened
            and joined_to_a_name(tokens, end, matches)
            and tokens.norms[end] not in k.german.vocabulary  # "Tesla-Absatz": Tesla's sales
        ):
            # "Bentley-Leek", "Ford-Smith": one part of a longer proper name.
            if reasons is not DISCARD:
                reasons.append(f"ignored '{tokens.span(start, end + 1)}': part of another name")
            continue
        if hit.via == "nickname":  # "蔚小理", "BBA": every maker it stands for
            # The Chinese press's names; in English "BBA" is a business degree.
            if not hit.written.isascii() or not tokens.text.isascii():
                picked += [(start, end, h) for h in hits if h.via == "nickname"]
            continue
        if (
            hit.via == "alias"
            and not hit.ambiguous
            and tuple(tokens.norms[start:end]) != alias_key(hit.written)
        ):
            hit = replace(hit, via="plural")  # "Teslas": the cars, or a nickname ("Bangla Teslas")
        if picked and picked[-1][1] == start and hit.via == "model" == picked[-1][2].via:
            longer = _one_longer_model(k, tokens, picked[-1], end, hit)
            if longer is not None:  # "Ford Mustang" + "Mach-E": the Mustang Mach-E
                picked[-1] = longer
                continue
        picked.append((start, end, hit))
        ambiguous = ambiguous or hit.ambiguous
    if blocked and not car_word:
        picked = _without_brands_of_other_products(tokens, picked, blocked, reasons)
    if picked and _may_name_a_brandless_model(k, tokens, picked):
        plurals += _brandless_models(k, tokens, stems, picked, reasons)
    if plurals:
        picked = _with_plurals_beside_their_maker(picked, plurals, reasons, tokens)
    if len(picked) > 1:
        picked = _without_codes_of_others(k, picked, reasons, tokens)
    if picked and not tokens.text.isascii():  # 讨个吉利, 《问界长生》: a word, not the brand?
        as_words = names_used_as_words(k, tokens, picked, reasons)
        if as_words is not None:
            picked, ambiguous = as_words, True
    if not ambiguous:  # the common case: nothing to judge
        return _with_owners(k, tokens, picked, reasons)
    context = context_of(picked, event_found, car_word, deal)
    verdicts = [
        ambiguous_verdict(k, hit, tokens.span(start, end), start, end, tokens, stems, context)
        if hit.ambiguous
        else ""
        for start, end, hit in picked
    ]
    second_look(picked, verdicts, tokens)
    judged: list[Spotted] = []
    for (start, end, hit), verdict in zip(picked, verdicts, strict=True):
        if not hit.ambiguous:
            judged.append((start, end, hit))
            continue
        accepted = not verdict.startswith("not ")
        if reasons is not DISCARD:
            entity = k.makers[hit.index] if hit.kind == "maker" else k.companies[hit.index]
            reasons.append(
                f"{'' if accepted else 'not '}{entity.name}: '{tokens.span(start, end)}' "
                + verdict.removeprefix("not ")
            )
        if accepted:
            # Named beside a car word, a model or another maker, the name is as sure as an
            # unambiguous one; on the text's context alone it stays weak evidence.
            sure = verdict in SURE_VERDICTS
            judged.append((start, end, replace(hit, ambiguous=False) if sure else hit))
    return _with_owners(k, tokens, judged, reasons)


def _with_owners(
    k: Knowledge, tokens: Tokens, picked: list[Spotted], reasons: list[str]
) -> list[Spotted]:
    """ "Jeep maker Stellantis", "Jeep maker": the owner named, or the owner the brand stands
    for (``owners``)."""
    if picked and may_describe_owners(tokens):
        return owners_named(k, tokens, picked, reasons)
    return picked


def _may_name_a_brandless_model(k: Knowledge, tokens: Tokens, picked: list[Spotted]) -> bool:
    """Whether a maker named by name has a model whose name alone starts with a word of the
    text: a check in C for each maker named, where a scan is a loop in Python."""
    starts = k.brandless_starts
    for _, _, hit in picked:  # a loop, not any(): one or two names
        words = starts.get(hit.index) if hit.via != "model" else None
        if words is not None and not words.isdisjoint(tokens.norms):
            return True
    return False


def _brandless_models(
    k: Knowledge, tokens: Tokens, stems: list[str], picked: list[Spotted], reasons: list[str]
) -> list[Spotted]:
    """Models named without their brand ("Tundra" of "Toyota Tundra") where no other name is,
    told as models; kept only beside their maker's name (with the plurals)."""
    taken = {position for start, end, _ in picked for position in range(start, end)}
    found: list[Spotted] = []
    for start, end, hits in k.brandless.scan(tokens.norms, plurals=True):
        if taken.intersection(range(start, end)):
            continue
        hit = hits[0]
        named = written_as_a_model(hit, tokens, start, end) or _plural_of_a_word(
            hit, tokens, start, end
        )
        told = named and (
            _after_its_maker(picked, start, hit.index)
            or _told_as_a_model(k, hit.written, tokens, stems, start, end)
        )
        if told:
            key = alias_key(hit.written)
            found += [
                (start, end, replace(h, via="model", written=k.without_brand[key, h.index]))
                for h in hits
            ]
        elif reasons is not DISCARD:
            reasons.append(f"ignored '{tokens.span(start, end)}': a word, not told as a model")
    return found


def _one_longer_model(
    k: Knowledge, tokens: Tokens, before: Spotted, end: int, hit: EntityHit
) -> Spotted | None:
    """Two models of one maker side by side that are one longer model: "Ford Mustang Mach-E"
    is found as "Ford Mustang" and "Mach-E" (the leftmost name wins), and is the Mustang
    Mach-E. The two as one, or None."""
    first, last, previous = before
    if previous.index != hit.index:
        return None
    longer = k.models.get(tuple(tokens.norms[last - 1 : end]))
    if longer is None or longer[1] != hit.index:
        return None
    return first, end, replace(hit, written=longer[0])


def _after_its_maker(picked: list[Spotted], start: int, index: int) -> bool:
    """Whether the name at ``start`` follows a name of its maker, which may not be the one the
    data writes the model with ("Mercedes-Benz Sprinter" of the "Mercedes Sprinter")."""
    return any(e == start and h.index == index and h.via != "model" for _, e, h in picked)


def _told_as_a_model(
    k: Knowledge, name: str, tokens: Tokens, stems: list[str], start: int, end: int
) -> bool:
    """A model's name without its brand is the model where it is no word - letters with a
    digit or an inner capital ("iX", "7X", "EcoSport") - or, a word ("Tundra", "Pilot"), where it
    is told as vehicles: after a number ("145,000 Tundra") or before a vehicle word ("Tundra
    pickups"; knowledge: vehicle_after). Title case capitalises every word, so capitals alone
    make no name ("Honda Launches Pilot Program"); numbers alone are counts ("4 plants")."""
    if not any(ch.isalpha() for ch in name):
        return False
    if any(ch.isdigit() for ch in name) or any(ch.isupper() for ch in name[1:]):
        return True
    before = tokens.norms[start - 1] if start else ""
    return before[:1].isdigit() or (end < len(stems) and stems[end] in k.vehicle_after)


def _plural_of_a_word(hit: EntityHit, tokens: Tokens, start: int, end: int) -> bool:
    """A model's name of one word in the plural, written as the name ("Cybertrucks", "Camrys",
    "Broncos": the last a team too, so it counts only beside its maker's name)."""
    written = hit.written
    return " " not in written and tokens.span(start, end) == written + "s"


def _with_plurals_beside_their_maker(
    picked: list[Spotted], plurals: list[Spotted], reasons: list[str], tokens: Tokens
) -> list[Spotted]:
    named = {hit.index for _, _, hit in picked if hit.kind == "maker" and hit.via != "model"}
    kept = [spotted for spotted in plurals if spotted[2].index in named]
    if reasons is not DISCARD:
        for start, end, _ in plurals:
            if (start, end) not in {(s, e) for s, e, _ in kept}:
                reasons.append(f"ignored '{tokens.span(start, end)}': not written as a name")
    return sorted(picked + kept, key=lambda spotted: spotted[0]) if kept else picked


_CODE = re.compile(r"[A-Za-z]\d{1,2}")  # M9, L7, G6, U8: model codes many makers share


def _without_codes_of_others(
    k: Knowledge, picked: list[Spotted], reasons: list[str], tokens: Tokens
) -> list[Spotted]:
    """A model code ("M9") names its maker only where no other maker is named by name: in
    "吉利银河旗下最大 SUV 车型 M9" the M9 is Geely Galaxy's, not AITO's. A model name another
    group's model shares is that group's where one of its makers is named: "Tata Motors' Sierra
    EV" is Tata's Sierra, not GMC's."""
    if len(picked) < 2:
        return picked
    by_name = {hit.index for _, _, hit in picked if hit.kind == "maker" and hit.via != "model"}
    if not by_name:
        return picked
    kept = []
    for start, end, hit in picked:
        sharers = _sharers_named(k, hit, by_name)
        if sharers:
            if reasons is not DISCARD:
                reasons.append(
                    f"ignored '{tokens.span(start, end)}' as {k.makers[hit.index].name}'s: "
                    f"the name of a {sharers} model too, and {sharers} is named"
                )
            continue
        compared = start > 0 and tokens.norms[start - 1] in JOINERS  # "Model Y vs G6"
        if (
            hit.via == "model"
            and hit.index not in by_name
            and _CODE.fullmatch(hit.written)
            and not compared
        ):
            if reasons is not DISCARD:
                reasons.append(
                    f"ignored '{tokens.span(start, end)}': a model code, and another maker is named"
                )
            continue
        kept.append((start, end, hit))
    return kept


def _sharers_named(k: Knowledge, hit: EntityHit, named: set[int]) -> str:
    """The group, of the makers ``named``, whose models share the name of the model ``hit``
    ("Tata Motors" for GMC's "Sierra EV"); "" if none."""
    if hit.via != "model":
        return ""
    sharers = k.shared_models.get(hit.written)
    if not sharers:
        return ""
    return next((k.makers[i].group for i in sorted(named) if k.makers[i].group in sharers), "")


def _without_brands_of_other_products(
    tokens: Tokens, picked: list[Spotted], blocked: list[tuple[str, ...]], reasons: list[str]
) -> list[Spotted]:
    """A brand that opens a known non-maker phrase of the same title names that product's maker
    or that company, not a carmaker ("小米：小米17 Ultra将于12月发布" is the phone's news;
    "Hyundai Department Store to open Hyundai outlet" the store's, trial 55), unless a model of
    the brand is named too (the caller: or a car word)."""
    if any(hit.via == "model" for _, _, hit in picked):
        return picked
    kept = []
    for start, end, hit in picked:
        words = tokens.norms[start:end]
        if any(list(phrase[: len(words)]) == words for phrase in blocked):
            if reasons is not DISCARD:
                reasons.append(
                    f"ignored '{tokens.span(start, end)}': the brand of a product named "
                    "beside it, a known non-maker phrase"
                )
            continue
        kept.append((start, end, hit))
    return kept
