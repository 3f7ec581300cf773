"""The makers, companies and models a classification names, as its output gives them: each
once, the subject first (a brand before the alliance that sells it, a brand before its owner
named with a possessive), models tied to their makers."""

from __future__ import annotations

from itertools import pairwise

from autonews.classify.knowledge import EntityHit, Knowledge
from autonews.classify.lexicon import Tokens
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import Spotted
from autonews.models import CompanyRef, MakerRef, ModelRef


def references(
    k: Knowledge, found: list[EntityHit], reasons: list[str]
) -> tuple[tuple[MakerRef, ...], tuple[CompanyRef, ...]]:
    """Makers and companies in order of first mention (the subject first), each once."""
    makers: list[MakerRef] = []
    companies: list[CompanyRef] = []
    seen: set[int] = set()
    for item in found:  # found is in text order: the title's, then the summary's
        if item.kind == "company":
            ref = k.company_refs[item.index]
            if ref not in companies:
                companies.append(ref)
        elif item.kind == "maker" and item.index not in seen:
            seen.add(item.index)
            makers.append(k.maker_refs[item.index])
            if reasons is not DISCARD:
                maker = k.makers[item.index]
                reasons.append(f"maker {maker.name} ({maker.group}): {item.via} '{item.written}'")
    if len(makers) > 1:
        makers = _brands_before_umbrellas(k, makers, reasons)
    return tuple(makers), tuple(companies)


def _brands_before_umbrellas(
    k: Knowledge, makers: list[MakerRef], reasons: list[str]
) -> list[MakerRef]:
    """ "鸿蒙智行问界M8": the brand is the subject; the alliance that sells it stands back."""
    named = {maker.name.lower() for maker in makers}
    kept = []
    for ref in makers:
        maker = k.makers[k.maker_by_name[ref.name.lower()]]
        if maker.brands & named:
            brand = next(other.name for other in makers if other.name.lower() in maker.brands)
            reasons.append(f"maker {maker.name} dropped: it sells {brand}, named")
        else:
            kept.append(ref)
    return kept


def models_named(k: Knowledge, found: list[EntityHit]) -> tuple[ModelRef, ...]:
    """Vehicle models named, each tied to its maker, in text order."""
    models: dict[str, ModelRef] = {}
    shown = k.model_names
    for item in found:  # mostly none: a loop makes no dict for nothing
        # (an ambiguous name of a maker may be one of its models: 5系 is the "5 Series")
        if item.kind == "maker" and (item.via == "model" or item.written in shown):
            name = shown.get(item.written, item.written)  # 问界M9 is the M9
            if name not in models:
                models[name] = ModelRef(name, k.makers[item.index].name)
    return tuple(models.values())


def owned_brand_first(makers: tuple[MakerRef, ...], title: str) -> tuple[MakerRef, ...]:
    """ "Geely's Volvo Cars posts a profit jump": the brand is the subject, its owner named
    before it with a possessive stands back."""
    owner, brand = makers[0], makers[1]
    possessive = (f"{owner.name}'s ", f"{owner.name}’s ")
    if brand.group == owner.name and brand.name != owner.name and title.startswith(possessive):
        return (brand, owner, *makers[2:])
    return makers


def brand_after_its_parent(
    k: Knowledge,
    makers: tuple[MakerRef, ...],
    found: list[Spotted],
    tokens: Tokens,
    reasons: list[str],
) -> tuple[MakerRef, ...]:
    """ "比亚迪方程豹豹8", "上汽智己LS9": a group written right against one of its own brands,
    with a model of the brand, names the brand's parent; the brand is the subject, as where the
    title names the brand alone ("方程豹钛7"), and its news is filed under it. Not a list
    ("Honda, Acura"), nor a group's news of its brands ("蔚来乐道、萤火虫先分再合")."""
    parent = makers[0]
    for (_, end, hit), (start, _, after) in pairwise(found):
        if end != start or hit.kind != "maker" or after.kind != "maker":
            continue
        if end >= len(tokens):
            continue  # a name the summary or body gave ("BMW" … "Mini Cooper"): not the title's
        brand = k.maker_refs[after.index]
        if k.maker_refs[hit.index] != parent or not brand.group == parent.name != brand.name:
            continue
        if tokens.text[tokens.where(end - 1, end)[1] : tokens.where(start, start + 1)[0]].strip():
            continue  # a comma, a slash or "、" between them: two makers listed
        if not any(h.via == "model" and h.index == after.index for _, _, h in found):
            continue  # no model of the brand: the group's news may be of its brands
        if reasons is not DISCARD:
            reasons.append(f"maker {brand.name} first: {parent.name} is named as its parent")
        return (brand, *(m for m in makers if m != brand))
    return makers
