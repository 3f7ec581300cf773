"""What the classifier knows: makers, companies, event phrases and context words in lexicons
(built from the knowledge files in knowledge_loading.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

# (re-exported: the modules that read a maker or a hit import them from here)
from autonews.classify.entities import AUTOMOTIVE_ROLES as AUTOMOTIVE_ROLES
from autonews.classify.entities import DENIAL as DENIAL
from autonews.classify.entities import SPECULATIVE as SPECULATIVE
from autonews.classify.entities import STRENGTHS as STRENGTHS
from autonews.classify.entities import Company as Company
from autonews.classify.entities import EntityHit as EntityHit
from autonews.classify.entities import EventChoice as EventChoice
from autonews.classify.entities import EventHit as EventHit
from autonews.classify.entities import Maker as Maker
from autonews.classify.entities import pick_entity as pick_entity
from autonews.classify.entities import strength_name as strength_name
from autonews.classify.language import ReadLanguage
from autonews.classify.lexicon import phrase_key, stem
from autonews.classify.model_names import shown_names
from autonews.classify.phrase_trie import Lexicon
from autonews.classify.shared_models import models_shared
from autonews.classify.sport import Sport
from autonews.errors import ConfigError
from autonews.models import CompanyRef, Event, MakerRef

# The payload of an automotive phrase that is no car word ([context] not_vehicles).
NOT_A_CAR_WORD = ""


@dataclass
class Knowledge:
    """Everything the classifier knows; complete when build_knowledge returns it."""

    version: str = ""  # changes with the knowledge files, the user's additions and the code
    makers: list[Maker] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    entities: Lexicon[EntityHit] = field(default_factory=Lexicon)
    events: Lexicon[EventHit] = field(default_factory=Lexicon)
    # German (events.de.toml): the event phrases a German text is read by (English and Chinese
    # ones with German ones), and what else reads it (language.py).
    german_events: Lexicon[EventHit] = field(default_factory=Lexicon)
    german: ReadLanguage = field(default_factory=ReadLanguage)
    # Japanese (events.ja.toml): the event phrases a Japanese text is read by, English and
    # Chinese ones with Japanese ones.
    japanese_events: Lexicon[EventHit] = field(default_factory=Lexicon)
    reactions: Lexicon[str] = field(default_factory=Lexicon)
    # Nouns that, between two names, describe the second ("Continental spin-off Aumovio").
    appositives: Lexicon[str] = field(default_factory=Lexicon)
    car_nouns: frozenset[str] = frozenset()  # stemmed Latin words
    # Chinese ones, matched as written; like automotive_cjk, looked for only in a text with a
    # Chinese character (Tokens.han), which each holds.
    car_phrases_cjk: tuple[str, ...] = ()
    # What shows a two-character Chinese model name is meant as one (events.toml [context]).
    model_after: tuple[str, ...] = ()
    model_before: tuple[str, ...] = ()
    vehicle_after: frozenset[str] = frozenset()  # stems: "Tundra pickups", "Pilot recall"
    not_cars: Lexicon[str] = field(default_factory=Lexicon)
    # Vehicles that are no cars (motorcycles): named without a car word or model, not car news.
    other_vehicles: Lexicon[str] = field(default_factory=Lexicon)
    # A car-industry company's other businesses (Panasonic's TVs): said only of its news.
    other_businesses: Lexicon[str] = field(default_factory=Lexicon)
    # Inputs of car making (rare-earth magnets): named in a title, one car word in the summary
    # makes its news the car industry's.
    car_inputs: Lexicon[str] = field(default_factory=Lexicon)
    # Battery metals and materials: the EV battery's supply chain (classify/battery_supply.py)
    battery_materials: Lexicon[str] = field(default_factory=Lexicon)
    battery_not_materials: frozenset[str] = frozenset()
    supply_words: frozenset[str] = frozenset()  # beside a supplier's name (suppliers.py)
    battery_units: dict[str, str] = field(default_factory=dict)  # "LG": "LG Energy Solution"
    trucking: Lexicon[str] = field(default_factory=Lexicon)  # [context] trucking, stemmed
    buses: Lexicon[str] = field(default_factory=Lexicon)  # [context] buses, stemmed
    # What a title with no car evidence at all may be about instead (not_cars and other fields):
    # a car feed's terse headline is car news, its football score or rate decision is not.
    other_topics: Lexicon[str] = field(default_factory=Lexicon)
    # Kinds of product a product-safety notice names first that are no cars ("Toy"), as tokens.
    other_products: frozenset[tuple[str, ...]] = frozenset()
    # Words that by themselves make a text automotive (relevance), unstemmed; Chinese as written.
    automotive: Lexicon[str] = field(default_factory=Lexicon)
    automotive_cjk: tuple[str, ...] = ()
    # Car words that are a rocket in a text naming one of the space words ("launch vehicle").
    space_vehicles: frozenset[str] = frozenset()
    space_words: Lexicon[str] = field(default_factory=Lexicon)
    given_names: frozenset[str] = frozenset()
    # The words that name a family by its surname, before it and after it (nonmakers.toml).
    family_before: frozenset[tuple[str, ...]] = frozenset()
    family_after: frozenset[str] = frozenset()
    # Ordinary Chinese words that hold a brand's name or run across it (nonmakers.toml `words`).
    words_cjk: tuple[str, ...] = ()
    sport: Sport = field(default_factory=Sport)  # a race's news as sport, sponsors' grounds
    # Chiefs whose names alone say a text is about cars (in `people` and the automotive words):
    # named, they stand for their brand ("李想疯魔" is about Li Auto).
    car_people: frozenset[str] = frozenset()
    maker_by_name: dict[str, int] = field(default_factory=dict)
    # Every name of a maker as the data writes it (aliases, ambiguous names), for close matches.
    maker_names: dict[str, int] = field(default_factory=dict)
    # The references a classification hands out, made once: they are immutable.
    maker_refs: list[MakerRef] = field(default_factory=list)
    company_refs: list[CompanyRef] = field(default_factory=list)
    # Model names without their brand words ("Li Mega" -> "mega", "Tesla Model Y" -> "model y"),
    # with the group, so "Li Auto MEGA" and "理想MEGA" name one model.
    bare_models: Lexicon[tuple[str, str]] = field(default_factory=Lexicon)
    concepts: Lexicon[str] = field(default_factory=Lexicon)  # the glossary (glossary.py)
    market_starts: frozenset[str] = frozenset()  # first words of the market's terms (title_notes)
    # The first word of each maker's models, by maker index: where none starts, no model does.
    model_starts: dict[int, set[str]] = field(default_factory=dict)
    # Every model name by its tokens, as written in the data, with its maker's index.
    models: dict[tuple[str, ...], tuple[str, int]] = field(default_factory=dict)
    # A model's name without its brand and its maker ("tundra", Toyota) -> its full name
    without_brand: dict[tuple[tuple[str, ...], int], str] = field(default_factory=dict)
    brandless: Lexicon[EntityHit] = field(default_factory=Lexicon)  # those names, as hits
    brandless_starts: dict[int, set[str]] = field(default_factory=dict)  # their first words
    # The name a model is reported by, whatever the script or brand it was written with:
    # "问界M9", "Aito M9" and "M9" are Aito's "M9" (see ``_name_models``). Only names that differ.
    model_names: dict[str, str] = field(default_factory=dict)
    # Those names, with their makers' indexes, by the tokens of the name without its brand
    # (`--model R7` is the "Luxeed R7"; `--model M5` BMW's and Aito's).
    shown_models: dict[tuple[str, ...], list[tuple[str, int]]] = field(default_factory=dict)

    @cached_property
    def holdings(self) -> frozenset[int]:
        """The makers that are groups selling no car under their own name (Stellantis, SAIC):
        what a title naming one is about may be the group's brands its text names."""
        groups: dict[str, int] = {}
        for maker in self.makers:
            groups[maker.group] = groups.get(maker.group, 0) + 1
        return frozenset(
            index
            for index, maker in enumerate(self.makers)
            if maker.name == maker.group
            and groups[maker.group] > 1
            and index not in self.model_starts
        )

    @cached_property
    def shared_models(self) -> dict[str, frozenset[str]]:
        """Model names other groups' models share, with those groups (``shared_models.py``)."""
        return models_shared(self)

    @cached_property
    def operators(self) -> frozenset[int]:
        """The companies that run or build self-driving vehicles (role ``autonomous``: Waymo,
        Aurora, Pony.ai): the subject of a headline as a maker is, whose launches and permits
        are events of theirs (trial 51: they were read as "no maker named" and typed other)."""
        return frozenset(i for i, c in enumerate(self.companies) if c.role == "autonomous")

    @cached_property
    def event_choices(self) -> Lexicon[EventChoice]:
        """Each event phrase's hits reduced to the one that counts, once per process rather than
        at every match: most have several (recall, recalls, recalled and recalling stem alike)."""
        return self.events.mapped(EventChoice.of)

    @cached_property
    def german_event_choices(self) -> Lexicon[EventChoice]:
        """``event_choices`` of a German text."""
        return self.german_events.mapped(EventChoice.of)

    @cached_property
    def japanese_event_choices(self) -> Lexicon[EventChoice]:
        """``event_choices`` of a Japanese text."""
        return self.japanese_events.mapped(EventChoice.of)

    def has_car_phrase_cjk(self, text: str) -> bool:
        """Whether any Chinese car phrase occurs in the text: one regex search, not one ``in``
        per phrase."""
        return self._car_phrases_cjk_pattern.search(text) is not None

    @cached_property
    def _car_phrases_cjk_pattern(self) -> re.Pattern[str]:
        return _any_of(self.car_phrases_cjk)

    def automotive_cjk_phrase(self, text: str) -> str | None:
        """The first Chinese phrase in the text that says it is about cars, if any."""
        match = self._automotive_cjk_pattern.search(text)
        return match.group() if match else None

    @cached_property
    def _automotive_cjk_pattern(self) -> re.Pattern[str]:
        return _any_of(self.automotive_cjk)

    def add_maker(self, raw: Mapping[str, Any], where: str) -> None:
        name = _required(raw, "name", where)
        maker = Maker(
            name=name,
            group=str(raw.get("group") or name),
            country=str(raw.get("country", "")),
            veto_next=frozenset(stem(w.lower()) for w in raw.get("veto_next", [])),
            veto_words=frozenset(stem(w.lower()) for w in raw.get("veto_words", [])),
            lenient=frozenset(str(a) for a in [*raw.get("lenient", []), *raw.get("people", [])]),
            people=frozenset(str(a) for a in raw.get("people", [])),
            brands=frozenset(str(b).lower() for b in raw.get("brands", [])),
            badge_of=str(raw.get("badge_of", "")),
            stands_for_group=bool(raw.get("stands_for_group", False)),
            trucks_are=str(raw.get("trucks_are", "")),
            buses_are=str(raw.get("buses_are", "")),
            namesakes=tuple(str(n) for n in raw.get("namesakes", [])),
            owns=frozenset(str(b).lower() for b in raw.get("owns", [])),
            ambiguous_needs=frozenset(stem(str(w).lower()) for w in raw.get("ambiguous_needs", [])),
            not_cars=tuple(
                phrase_key(str(w), stem) for w in raw.get("not_cars", []) if not w.endswith("*")
            ),
            not_car_families=tuple(
                str(w)[:-1].lower() for w in raw.get("not_cars", []) if w.endswith("*")
            ),
        )
        index = self.maker_by_name.get(name.lower())
        if index is None:
            index = len(self.makers)
            self.makers.append(maker)
            self.maker_refs.append(MakerRef(maker.name, maker.group, maker.country))
            self.maker_by_name[name.lower()] = index
        ambiguous = [str(a) for key in ("ambiguous", "lenient", "people") for a in raw.get(key, [])]
        ambiguous_keys = {phrase_key(a) for a in ambiguous}
        plain = [name, *map(str, raw.get("aliases", []))]
        for alias in plain:
            key = phrase_key(alias)
            if key not in ambiguous_keys:
                self.entities.add(key, EntityHit("maker", index, "alias", written=alias))
        for alias in ambiguous:
            self.entities.add(phrase_key(alias), EntityHit("maker", index, "alias", True, alias))
        self.maker_names.update((alias, index) for alias in [*plain, *ambiguous])
        brand_words = {w for alias in plain + ambiguous for w in phrase_key(alias)}
        # The maker's names as tokens, with their word counts: once, not for every model.
        brand_keys = [(phrase_key(alias), len(alias.split())) for alias in plain]
        plain_words = {w for alias in plain for w in phrase_key(alias)}
        # A model's name in another script ("海豹" of the "BYD Seal"), found as its models are
        # (an ambiguous one, "5系", as the ambiguous names are) and reported by the model's name.
        other_names = {str(name): str(model) for name, model in raw.get("model_aliases", [])}
        models = [str(model) for model in raw.get("models", [])]
        models += [name for name in other_names if phrase_key(name) not in ambiguous_keys]
        self._name_models(models, index, plain_words)
        for name, model in other_names.items():
            self.model_names[name] = self.model_names.get(model, model)
        for model in models:
            key = phrase_key(str(model))
            # Two Chinese characters of a model name hide in ordinary words (星越 in 明星越来越,
            # 途胜 in 长征途胜利): alone they need a car word or a maker beside them.
            hidden = _short_cjk(str(model))
            self.entities.add(key, EntityHit("maker", index, "model", hidden, written=str(model)))
            self.models.setdefault(key, (str(model), index))
            self._add_without_brand(str(model), key, index, brand_keys)
            if key:
                self.model_starts.setdefault(index, set()).add(key[0])
            bare = tuple(w for w in key if w.isascii() and w not in brand_words)
            # The Latin suffix of a Chinese name is the model only with a digit (问界M9 -> m9):
            # "up" of 元UP, "plus" of 秦PLUS are words of every headline.
            chinese = len(bare) < len(key) and not all(w.isascii() for w in key)
            if chinese and not any(ch.isdigit() for w in bare for ch in w):
                continue
            if bare and len("".join(bare)) > 1:
                self.bare_models.add(bare, (maker.group, " ".join(bare)))

    def _name_models(self, models: list[str], index: int, brand_words: set[str]) -> None:
        """The one name each of a maker's models is reported by (``model_names.py``)."""
        for key, shown, group in shown_names(models, brand_words):
            self.model_names.update((model, shown) for model in group if model != shown)
            self.shown_models.setdefault(key, []).append((shown, index))

    def _add_without_brand(
        self,
        model: str,
        key: tuple[str, ...],
        index: int,
        brands: list[tuple[tuple[str, ...], int]],
    ) -> None:
        """A model written with its brand in the data because its name alone is a word ("Toyota
        Tundra", "Ford Mustang") is also found by that name alone (``brandless``, a lexicon of
        its own that only the names' judge reads): it counts only where its maker is named in
        the same text ("Toyota recalls 145,000 Tundra pickups"), reported by its full name."""
        for prefix, words in brands:
            rest = key[len(prefix) :]
            if rest and key[: len(prefix)] == prefix:
                written = " ".join(model.split()[words:])
                if written and phrase_key(written) == rest:
                    self.brandless.add(rest, EntityHit("maker", index, "bare", written=written))
                    # (and its plural: "Wranglers")
                    self.brandless_starts.setdefault(index, set()).update((rest[0], rest[0] + "s"))
                    self.without_brand.setdefault((rest, index), model)
                return

    def add_nickname(self, raw: Mapping[str, Any]) -> None:
        """A name the press gives several makers at once (蔚小理: NIO, XPeng, Li Auto): one hit
        per maker, in the order given, all of which count."""
        indexes = [self.maker_by_name[str(name).lower()] for name in raw["makers"]]
        for alias in raw["names"]:
            for index in indexes:
                self.entities.add(
                    phrase_key(str(alias)), EntityHit("maker", index, "nickname", written=alias)
                )

    def add_company(self, raw: Mapping[str, Any], where: str) -> None:
        """A company, or (a user's entry of a known company's name) more names for it."""
        name = _required(raw, "name", where)
        role = str(raw.get("role", "supplier"))
        known = next(
            (i for i, c in enumerate(self.companies) if c.name.lower() == name.lower()), None
        )
        index = len(self.companies) if known is None else known
        if known is None:
            self.company_refs.append(CompanyRef(name, role, str(raw.get("owner", ""))))
            self.companies.append(
                Company(
                    name=name,
                    role=role,
                    country=str(raw.get("country", "")),
                    automotive=bool(raw.get("automotive", role in AUTOMOTIVE_ROLES)),
                    veto_next=frozenset(stem(w.lower()) for w in raw.get("veto_next", [])),
                    owner=str(raw.get("owner", "")),
                    parents=tuple(str(parent) for parent in raw.get("parents", [])),
                )
            )
        ambiguous = [str(a) for a in raw.get("ambiguous", [])]
        ambiguous_keys = {phrase_key(a) for a in ambiguous}
        for alias in [name, *map(str, raw.get("aliases", []))]:
            if phrase_key(alias) not in ambiguous_keys:
                self.entities.add(
                    phrase_key(alias), EntityHit("company", index, "alias", written=alias)
                )
        for alias in ambiguous:
            self.entities.add(phrase_key(alias), EntityHit("company", index, "alias", True, alias))

    def add_event_phrases(self, event: Event, phrases: Iterable[str], weight: float) -> None:
        for phrase in phrases:
            hit = EventHit(event, weight, phrase)
            self.events.add(phrase_key(phrase, stem), hit)
            self.german_events.add(phrase_key(phrase, stem), hit)  # (a German text reads all)
            self.japanese_events.add(phrase_key(phrase, stem), hit)


def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    if not phrases:
        return re.compile(r"(?!)")  # matches nothing, where "" would match everywhere
    return re.compile("|".join(map(re.escape, phrases)))


def _required(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: every entry needs a {key!r}")
    return value.strip()


def _short_cjk(name: str) -> bool:
    """A name of two Chinese characters."""
    return len(name) == 2 and all("\u3400" <= ch <= "\u9fff" for ch in name)
