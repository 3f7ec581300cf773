"""What a user may type for a maker (``--maker``, ``makers --search``, the config's maker lists):
a brand or group name or any of a brand's aliases, in any script and any case (``VW``,
``比亚迪``, ``mercedes``), resolved to the names the classifier labels stories with; and for a
company (``--company``, ``companies --search``), its name or any alias (``LGES``, ``宁德时代``):
``company_lookup``.

Only the knowledge's public parts are used: its makers, their names, and the entity lexicon
looked up by phrase, as the classifier builds them (the user's additions included).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache

from autonews.classify.knowledge import Knowledge, Maker
from autonews.classify.knowledge_loading import build_knowledge, default_knowledge
from autonews.classify.lexicon import phrase_key
from autonews.config import ClassifyConfig
from autonews.errors import AutonewsError


def knowledge_for(settings: ClassifyConfig) -> Knowledge:
    """The knowledge a run classifies with: the shipped one, plus the config's makers and
    companies."""
    if not settings.makers and not settings.companies:
        return default_knowledge()
    return build_knowledge(settings.makers, extra_companies=settings.companies)


@dataclass(frozen=True)
class Resolution:
    """What one typed name names: maker or group names (empty: none), and if none, what it is
    instead (a supplier...) or the known names it is close to."""

    names: tuple[str, ...]
    instead: str = ""
    close: tuple[str, ...] = ()
    company: str = ""  # the company it names instead, if it names one


def resolve_maker(value: str, knowledge: Knowledge) -> Resolution:
    """What ``value`` names, with the brands a sales umbrella sells: `HIMA` (or its group,
    `Huawei`, `华为`) is also the Aito, Luxeed, Stelato... that its stories are filed under; and
    a maker's other badge: `Vauxhall` is also Opel, whose cars it sells in the UK, and the
    reverse (a German outlet's Opel Vivaro is the Vauxhall Vivaro of a UK fleet)."""
    found = _named(value, knowledge)
    if found.names:
        names = _with_groups(_with_brands(found.names, knowledge), knowledge)
        return Resolution(_with_badges(names, knowledge))
    return found


def _with_groups(names: tuple[str, ...], knowledge: Knowledge) -> tuple[str, ...]:
    """``names`` and the groups of the makers among them whose name stands for their group
    (``stands_for_group`` in makers.toml: `GM` is also the Chevrolet, Buick and GMC its stories
    are filed under; `Mercedes` also Mercedes-AMG and Maybach)."""
    groups = [
        maker.group
        for name in names
        if (index := knowledge.maker_by_name.get(name.lower())) is not None
        and (maker := knowledge.makers[index]).stands_for_group
    ]
    return tuple(dict.fromkeys([*names, *groups]))


def _named(value: str, knowledge: Knowledge) -> Resolution:
    wanted = value.strip().casefold()
    groups = {m.group.casefold(): m.group for m in knowledge.makers}
    if wanted in groups:  # a group name: every brand of the group (and a brand of that name)
        return Resolution((groups[wanted],))
    shown = _shown_names().get(_folded(value)) if not value.isascii() else None
    if shown is not None and shown.casefold() in groups:  # 大众集团, 福斯集團: a digest's heading
        return Resolution((shown,))
    index = knowledge.maker_by_name.get(value.strip().lower())
    if index is not None:
        return Resolution((knowledge.makers[index].name,))
    hits = knowledge.entities.get(phrase_key(value)) if value.strip() else []
    makers = [knowledge.makers[h.index].name for h in hits if (h.kind, h.via) == ("maker", "alias")]
    if makers:
        return Resolution(tuple(dict.fromkeys(makers)))
    if wanted in _names_of_one_maker(knowledge):  # "International": Navistar's trucks' brand
        return Resolution((_names_of_one_maker(knowledge)[wanted],))
    if shown is not None and shown.lower() in knowledge.maker_by_name:
        return Resolution((shown,))  # 愛快羅密歐, 荒原路華: as a Taiwanese digest names them
    company = next((h for h in hits if h.kind == "company"), None)
    instead = ""
    if company is not None:
        found = knowledge.companies[company.index]
        if found.name.casefold() in groups:  # 华为: Huawei, a supplier, and HIMA's group
            return Resolution((groups[found.name.casefold()],))
        instead = f"{value!r} is {found.name}, a company ({found.role}), not an automaker"
        return Resolution((), instead, company=found.name)
    owned = [c for c in knowledge.companies if c.owner.casefold() == value.strip().casefold()]
    if owned:  # "Alphabet": no automaker, but the owner of a company the user may mean (Waymo)
        instead = f"{value!r} owns {owned[0].name}, a company ({owned[0].role}), not an automaker"
        return Resolution((), instead, company=owned[0].name)
    return Resolution((), instead, tuple(close_names(value, knowledge)))


def _names_of_one_maker(knowledge: Knowledge) -> dict[str, str]:
    """Each name one maker alone goes by (its aliases, its ambiguous names), folded, with the
    maker's name: a reader asking for one means the maker ("International": Navistar), whatever
    else it is in a title. Not a name two makers share."""
    names: dict[str, list[str]] = {}
    for alias, index in knowledge.maker_names.items():
        if alias.isascii() and len(alias) > 2:
            names.setdefault(alias.casefold(), []).append(knowledge.makers[index].name)
    return {alias: found[0] for alias, found in names.items() if len(set(found)) == 1}


def _with_brands(names: tuple[str, ...], knowledge: Knowledge) -> tuple[str, ...]:
    """``names`` (makers and groups) and the brands sold or owned by the makers among them
    (``brands``, ``owns`` in makers.toml: `Traton` is also Scania, MAN and Navistar)."""
    named = {name.casefold() for name in names}
    brands = [
        knowledge.makers[knowledge.maker_by_name[brand]].name
        for maker in knowledge.makers
        if (maker.brands or maker.owns)
        and (maker.name.casefold() in named or maker.group.casefold() in named)
        for brand in sorted(maker.brands | maker.owns)
        if brand in knowledge.maker_by_name
    ]
    return tuple(dict.fromkeys([*names, *brands]))


def _with_badges(names: tuple[str, ...], knowledge: Knowledge) -> tuple[str, ...]:
    """``names`` and the other badges of the makers among them: the maker a brand is the
    badge of (``badge_of`` in makers.toml), and the brands that are a maker's badges."""
    named = {name.casefold() for name in names}
    twins = [
        other
        for maker in knowledge.makers
        if maker.badge_of
        for one, other in ((maker.name, maker.badge_of), (maker.badge_of, maker.name))
        if one.casefold() in named and other.lower() in knowledge.maker_by_name
    ]
    return tuple(dict.fromkeys([*names, *twins]))


def close_names(value: str, knowledge: Knowledge, n: int = 3) -> list[str]:
    """Maker and group names spelled like ``value``; for a name in Chinese, the Chinese names
    that hold it or that it holds, or are spelled like it (福斯车: 福斯汽车, 福斯)."""
    names = {m.name.casefold(): m.name for m in knowledge.makers}
    names.update({m.group.casefold(): m.group for m in knowledge.makers})
    wanted = value.strip().casefold()
    if wanted.isascii():
        close = get_close_matches(wanted, list(names), n=n, cutoff=0.7)
        return [names[c] for c in close]
    wanted = _folded(value)
    chinese = {
        _folded(name): name
        for name in [*knowledge.maker_names, *_shown_names()]
        if not name.isascii() and len(name) > 1
    }
    holding = [
        name
        for folded, name in chinese.items()
        if len(wanted) > 1 and (wanted in folded or folded in wanted)
    ]
    spelled = get_close_matches(wanted, list(chinese), n=n, cutoff=0.6)
    return list(dict.fromkeys([*holding, *(chinese[c] for c in spelled)]))[:n]


def _folded(name: str) -> str:
    """A name as names are compared: one case, Simplified characters, spaces as one."""
    from autonews.classify.scripts import simplified

    return simplified(" ".join(name.split()).casefold())


@cache
def _shown_names() -> dict[str, str]:
    """Every name a digest prints for a maker or group, in any of its languages (福斯集團,
    愛快羅密歐, 通用汽车), folded, with the canonical name it stands for (the shipped makers'
    names: a user's own are known by the names they give)."""
    from autonews.render.words import LANGUAGES, display_name

    knowledge = default_knowledge()
    groups = sorted({m.group for m in knowledge.makers})
    makers = sorted({m.name for m in knowledge.makers})
    shown: dict[str, str] = {}
    for name in [*groups, *makers]:  # a group's heading names the group, not its main brand
        for language in LANGUAGES:
            shown.setdefault(_folded(display_name(language, name)), name)
    return shown


def search_makers(needle: str, knowledge: Knowledge) -> list[Maker]:
    """Makers whose name, group, country or one of whose aliases contains ``needle`` (any
    case), or that it names (an alias in any script, a group): `international` finds Navistar,
    "International Motors" (trial 54)."""
    wanted = needle.strip().casefold()
    named = set(resolve_maker(needle, knowledge).names) if wanted else set()
    aliased = {
        knowledge.makers[index].name
        for alias, index in knowledge.maker_names.items()
        if wanted and wanted in alias.casefold()
    }
    return [
        maker
        for maker in knowledge.makers
        if maker.name in named
        or maker.group in named
        or maker.name in aliased
        or any(wanted in text.casefold() for text in (maker.name, maker.group, maker.country))
    ]


def resolve_makers(
    values: Iterable[str], knowledge: Knowledge, where: str, error: type[AutonewsError]
) -> tuple[str, ...]:
    """The maker and group names ``values`` name; a value that names none raises ``error``
    (UsageError for an option, ConfigError for a config key), ``where`` naming the option or
    key, with the close matches as a hint."""
    names: list[str] = []
    for value in values:
        resolution = resolve_maker(value, knowledge)
        if resolution.instead:
            hint = "give automakers or their groups"
            if where.startswith("--"):  # an option: its stories are the company option's
                hint = f"use --company {_quoted(resolution.company)}"
            raise error(f"{where}: {resolution.instead}", hint=hint)
        if not resolution.names:
            hint = "`autonews makers --search TEXT` lists the makers autonews knows"
            if resolution.close:
                hint = f"did you mean {' or '.join(map(repr, resolution.close))}? {hint}"
            raise error(f"{where}: unknown maker or group {value!r}", hint=hint)
        names.extend(resolution.names)
    return tuple(dict.fromkeys(names))


def other_trucks(values: Iterable[str], knowledge: Knowledge) -> list[tuple[str, Maker]]:
    """For each maker name in ``values`` that names a maker whose trucks are another's
    (``trucks_are`` in makers.toml: Geely's Volvo Cars makes none; Volvo Group's are
    "Volvo Trucks"), that other maker, when the values name it in no other way: a reader who
    asks for "Volvo" should know where the Volvo trucks' stories are (trial 51 recheck)."""
    resolved = {value: resolve_maker(value, knowledge).names for value in values}
    asked = {name.casefold() for names in resolved.values() for name in names}
    found = []
    for value, names in resolved.items():
        for name in names:
            index = knowledge.maker_by_name.get(name.lower())
            maker = knowledge.makers[index] if index is not None else None
            if maker is None or not maker.trucks_are:
                continue
            trucks = knowledge.maker_by_name.get(maker.trucks_are.lower())
            if trucks is None:
                continue
            other = knowledge.makers[trucks]
            if other.name.casefold() not in asked and other.group.casefold() not in asked:
                found.append((value, other))
    return found


def resolve_models(
    values: Iterable[str], knowledge: Knowledge, where: str, error: type[AutonewsError]
) -> tuple[str, ...]:
    """The model names ``values`` name, as stories carry them ("su7 ultra" -> "SU7 Ultra"); an
    unknown one raises ``error`` with the close matches as a hint."""
    names: list[str] = []
    for value in values:
        key = phrase_key(value)
        found = knowledge.models.get(key) if value.strip() else None
        if found is None and value.strip():
            if key in knowledge.shown_models:  # "M5": each model so named without its brand
                names += (name for name, _ in knowledge.shown_models[key])
                continue
            found = _without_its_brand(knowledge, key)
        if found is None:
            written = {name.casefold(): name for name, _ in knowledge.models.values()}
            close = get_close_matches(value.strip().casefold(), list(written), n=3, cutoff=0.7)
            hint = "a model as autonews knows it, such as 'Model Y' or 'SU7 Ultra'"
            if close:
                hint = f"did you mean {' or '.join(repr(written[c]) for c in close)}?"
            raise error(f"{where}: unknown model {value!r}", hint=hint)
        names.append(knowledge.model_names.get(found[0], found[0]))
    return tuple(dict.fromkeys(names))


def _without_its_brand(knowledge: Knowledge, key: tuple[str, ...]) -> tuple[str, int] | None:
    """The one model whose name is its maker's name and then ``key`` ("Accord" for "Honda
    Accord", "i8" for "BMW i8"), if exactly one is."""
    found = [
        model
        for model_key, model in knowledge.models.items()
        if model_key[-len(key) :] == key
        and model_key[: -len(key)] == phrase_key(knowledge.makers[model[1]].name)
    ]
    if not found:  # "Aito M9", "Luxeed R7": the maker's name, then a name a model is reported by
        found = [
            (name, index)
            for shown_key, models in knowledge.shown_models.items()
            if key[-len(shown_key) :] == shown_key and len(shown_key) < len(key)
            for name, index in models
            if key[: -len(shown_key)] == phrase_key(knowledge.makers[index].name)
        ]
    return found[0] if len(found) == 1 else None


def _quoted(name: str) -> str:
    """A name as a shell takes it: quoted where it has a space."""
    return f'"{name}"' if " " in name else name
