"""The knowledge built from the files in autonews/knowledge/ (makers, companies, events,
non-makers, sport, glossary) and the user's additions, once per process, or loaded as an earlier
run kept it (see ``stored``)."""

from __future__ import annotations

import pickle
import tomllib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from autonews.classifier_version import knowledge_version
from autonews.classify.glossary import glossary
from autonews.classify.knowledge import NOT_A_CAR_WORD, STRENGTHS, EntityHit, Knowledge
from autonews.classify.lexicon import phrase_key, stem
from autonews.classify.scripts import simplified
from autonews.classify.sport import sport_of
from autonews.classify.stored import stored
from autonews.classify.title_notes import MARKET_CONCEPTS
from autonews.models import Event


def _read(name: str) -> dict[str, Any]:
    data = resources.files("autonews.knowledge").joinpath(name).read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _hedges_in_names(
    knowledge: Knowledge, raws: Iterable[Mapping[str, Any]], speculative: Iterable[str]
) -> None:
    """A name that holds a hedge word ("May Mobility") made a neutral phrase: the longest
    match wins, so the name is read as the name and the headline is no speculation."""
    hedges = {phrase_key(str(p), stem)[0] for p in speculative if len(phrase_key(str(p))) == 1}
    for raw in raws:
        names = [raw.get("name", ""), *raw.get("aliases", []), *raw.get("ambiguous", [])]
        for name in (str(n) for n in names):
            key = phrase_key(name, stem)
            if name.isascii() and len(key) > 1 and hedges.intersection(key):
                knowledge.add_event_phrases(Event.OTHER, [name], 0.0)


def build_knowledge(
    extra_makers: Iterable[Mapping[str, Any]] = (),
    extra_event_keywords: Mapping[str, Iterable[str]] | None = None,
    extra_companies: Iterable[Mapping[str, Any]] = (),
) -> Knowledge:
    # (they read this module's types)
    from autonews.classify.language_rules import add_german, add_japanese, with_names

    knowledge = Knowledge(
        version=knowledge_version(extra_makers, extra_event_keywords, extra_companies)
    )
    japanese = _read("events.ja.toml")
    makers = _read("makers.toml")  # (read once: 28 ms a parse, a tenth of a cold run's build)
    for raw in makers.get("maker", []):
        knowledge.add_maker(with_names(raw, japanese["makers"]), "makers.toml")
    companies = _read("companies.toml").get("company", [])
    for raw in companies:
        knowledge.add_company(with_names(raw, japanese["companies"]), "companies.toml")
    for raw in extra_makers:
        knowledge.add_maker(raw, "config [[classify.makers]]")
    for raw in extra_companies:
        knowledge.add_company(raw, "config [[classify.companies]]")
    named = [*makers.get("maker", []), *companies, *extra_makers, *extra_companies]
    for raw in makers.get("nickname", []):
        knowledge.add_nickname(raw)
    nonmakers = _read("nonmakers.toml")
    groups = _read("nonmakers_groups.toml")  # a carmaker's name on a chaebol's other companies
    for phrase in [*nonmakers.get("phrases", []), *_phrases_of(groups)]:
        knowledge.entities.add(
            phrase_key(str(phrase)), EntityHit("block", -1, "phrase", written=str(phrase))
        )
    knowledge.given_names = frozenset(str(n).lower() for n in nonmakers.get("given_names", []))
    knowledge.family_before = frozenset(
        tuple(str(w).lower().split()) for w in nonmakers.get("family_before", [])
    )
    knowledge.family_after = frozenset(str(w).lower() for w in nonmakers.get("family_after", []))
    knowledge.words_cjk = tuple(simplified(str(word)) for word in nonmakers.get("words", []))
    knowledge.sport = sport_of(_read("sport.toml"), [str(w) for w in nonmakers.get("venues", [])])
    rules = _read("events.toml")
    add_japanese(knowledge, rules, japanese)
    add_german(knowledge, rules, _read("events.de.toml"))
    _hedges_in_names(knowledge, named, rules["modifiers"]["speculative"])
    for event_name, phrases in (extra_event_keywords or {}).items():
        knowledge.add_event_phrases(Event(event_name), phrases, STRENGTHS["decisive"] + 0.5)
    for phrase in rules["context"].get("not_cars", []):
        knowledge.not_cars.add(phrase_key(phrase, stem), phrase)
        knowledge.other_topics.add(phrase_key(phrase, stem), phrase)
    for phrase in rules["context"].get("other_vehicles", []):
        knowledge.other_vehicles.add(phrase_key(phrase, stem), phrase)
        knowledge.other_topics.add(phrase_key(phrase, stem), phrase)
    for phrase in rules["context"].get("other_businesses", []):
        knowledge.other_businesses.add(phrase_key(phrase, stem), phrase)
        knowledge.other_topics.add(phrase_key(phrase, stem), phrase)
    for phrase in rules["context"].get("car_inputs", []):
        knowledge.car_inputs.add(phrase_key(phrase, stem), phrase)
    for phrase in rules["context"].get("battery_materials", []):
        knowledge.battery_materials.add(phrase_key(phrase, stem), phrase)
    knowledge.battery_not_materials = frozenset(
        stem(str(w).lower()) for w in rules["context"].get("battery_not_materials", [])
    )
    knowledge.battery_units = {
        str(name): str(unit) for name, unit in rules["context"].get("battery_units", [])
    }
    knowledge.supply_words = frozenset(
        stem(str(w).lower()) for w in rules["context"].get("supply_words", [])
    )
    for phrase in rules["context"].get("trucking", []):
        knowledge.trucking.add(phrase_key(phrase, stem), phrase)
    for phrase in rules["context"].get("buses", []):
        knowledge.buses.add(phrase_key(phrase, stem), phrase)
    national = _read("national_news.toml")  # a wire's weather, politics, defence, K-pop
    fields = [*rules["context"].get("other_topics", []), *rules["context"].get("freight", [])]
    for phrase in [*fields, *_phrases_of(national)]:  # freight: a field of its own (trial 54)
        knowledge.other_topics.add(phrase_key(phrase, stem), phrase)
    knowledge.other_products = frozenset(
        phrase_key(str(phrase)) for phrase in rules["context"].get("other_products", [])
    )
    for phrase in rules["modifiers"]["reactions"]:
        knowledge.reactions.add(phrase_key(phrase, stem), phrase)
    for phrase in rules["modifiers"].get("appositives", []):
        knowledge.appositives.add(phrase_key(phrase), phrase)  # as written: "spin-off"
    nouns = [str(phrase) for phrase in rules["context"]["car_nouns"]]
    knowledge.car_nouns = frozenset(
        stem(word) for phrase in nouns if phrase.isascii() for word in phrase_key(phrase)
    )
    knowledge.car_phrases_cjk = tuple(simplified(p) for p in nouns if not p.isascii())
    context = rules["context"]
    knowledge.model_after = tuple(simplified(str(p)) for p in context.get("model_after", []))
    knowledge.model_before = tuple(simplified(str(p)) for p in context.get("model_before", []))
    knowledge.vehicle_after = frozenset(
        stem(str(w).lower()) for w in context.get("vehicle_after", [])
    )
    automotive = [str(phrase) for phrase in rules["context"]["automotive"]]
    for phrase in automotive:
        if phrase.isascii():
            # Matched as written, not stemmed: "care" stems to "car".
            knowledge.automotive.add(phrase_key(phrase), phrase)
    # Phrases whose car word means something else ("special purpose vehicle", a financing
    # structure): listed with no payload text, they shadow the car word inside them.
    for phrase in rules["context"].get("not_vehicles", []):
        knowledge.automotive.add(phrase_key(str(phrase)), NOT_A_CAR_WORD)
    space_vehicles = [str(phrase) for phrase in context.get("space_vehicles", [])]
    for phrase in space_vehicles:
        knowledge.automotive.add(phrase_key(phrase), phrase)
    knowledge.space_vehicles = frozenset(space_vehicles)
    for phrase in context.get("space_words", []):
        knowledge.space_words.add(phrase_key(str(phrase)), str(phrase))
    # The car words of languages not read otherwise (languages.toml: French's "voitures").
    for language in _read("languages.toml").get("language", []):
        for phrase in language.get("car_words", []):
            knowledge.automotive.add(phrase_key(str(phrase)), str(phrase))
        for phrase in language.get("not_vehicles", []):
            knowledge.automotive.add(phrase_key(str(phrase)), NOT_A_CAR_WORD)
    knowledge.automotive_cjk = tuple(
        dict.fromkeys(simplified(p) for p in automotive if not p.isascii())
    )
    people = {person for maker in knowledge.makers for person in maker.people}
    knowledge.car_people = frozenset(people.intersection(automotive))
    knowledge.concepts = glossary()
    knowledge.market_starts = knowledge.concepts.starts_of(MARKET_CONCEPTS)
    return knowledge


def built_knowledge(
    extra_makers: Iterable[Mapping[str, Any]] = (),
    extra_event_keywords: Mapping[str, Iterable[str]] | None = None,
    extra_companies: Iterable[Mapping[str, Any]] = (),
) -> Knowledge:
    """``build_knowledge``, or the copy an earlier run kept of it (see ``stored``)."""
    version = knowledge_version(extra_makers, extra_event_keywords, extra_companies)

    def load(data: bytes) -> Knowledge:
        knowledge = pickle.loads(data)
        if not isinstance(knowledge, Knowledge) or knowledge.version != version:
            raise ValueError("not this version's knowledge")
        return knowledge

    return stored(
        "knowledge",
        version,
        lambda: build_knowledge(extra_makers, extra_event_keywords, extra_companies),
        lambda knowledge: pickle.dumps(knowledge, pickle.HIGHEST_PROTOCOL),
        load,
    )


@lru_cache(maxsize=1)
def default_knowledge() -> Knowledge:
    return built_knowledge()


def _phrases_of(lists: Mapping[str, Any]) -> list[str]:
    """Every phrase of a data file of named lists (national_news.toml's fields), in order."""
    return [str(phrase) for phrases in lists.values() for phrase in phrases]
