"""Automaker and event classification of headlines.

``classify(title, summary, body)`` finds makers (brands, with their parent group), companies
(suppliers, tech and mobility firms: never makers), the event type, whether the headline is
speculative, and key figures. Every decision is recorded in ``reasons`` for ``--explain``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from autonews.briefings import reads_as_opinion
from autonews.classifier_version import knowledge_version
from autonews.classify.car_feed import in_a_car_feed, its_summary_says_otherwise
from autonews.classify.clauses import (
    main_clause,
    news_before_a_question,
    reason_start,
    speculative_title,
    without_appositives,
)
from autonews.classify.counted import NO_NAMES, Names
from autonews.classify.event_model import (
    EventModel,
    RuleHit,
    event_features,
    event_model,
    shape_features,
    with_words,
)
from autonews.classify.figures import extract_figures, in_yen
from autonews.classify.glossary import concept_features
from autonews.classify.knowledge import (
    STRENGTHS,
    EventHit,
    Knowledge,
    built_knowledge,
    default_knowledge,
    strength_name,
)
from autonews.classify.lexicon import Tokens, stems_of
from autonews.classify.made import classification
from autonews.classify.markets import a_market_report
from autonews.classify.names import find_names
from autonews.classify.reasons import DISCARD, rules_choice
from autonews.classify.references import (
    brand_after_its_parent,
    models_named,
    owned_brand_first,
    references,
)
from autonews.classify.regulators import (
    another_product,
    campaign_evidence,
    without_the_manufacturers_models,
)
from autonews.classify.relevance import (
    NONE,
    STRONG,
    Evidence,
    Spotted,
    automotive_words,
    other_business,
    other_product,
    title_evidence,
)
from autonews.classify.sport import sport_cue
from autonews.classify.summary import Extra
from autonews.classify.unread import READ, other_language, unread_event
from autonews.models import Classification, Event
from autonews.recall_listings import recall_listing
from autonews.wire_titles import without_bookkeeping

__all__ = ["Classifier", "classify"]

# Enum members as plain names: in Python 3.11 each Event.OTHER costs a descriptor call, and
# classify names it several times per headline.
_OTHER = Event.OTHER
_INCIDENT = Event.INCIDENT
_RECALL = Event.RECALL
_PARTNERSHIP = Event.PARTNERSHIP

_with_additions: dict[str, Knowledge] = {}


class _TitleReading(NamedTuple):
    tokens: Tokens
    stems: list[str]
    hits: list[RuleHit]
    event: Event
    weight: float
    speculative: str | None
    car_word: bool
    found: list[Spotted]
    car_words: list[str]  # the phrases that by themselves say "cars" (automotive_words)
    # The language it reads as, if not English or Chinese: German (knowledge/events.de.toml),
    # Japanese (events.ja.toml) or one autonews does not read (languages.toml: "Dutch").
    language: str


class Classifier:
    def __init__(
        self, knowledge: Knowledge | None = None, model: EventModel | bool | None = True
    ) -> None:
        """``model``: the event model to use; True for the shipped one, None for rules only."""
        self.k = knowledge or default_knowledge()
        self.model: EventModel | None = event_model() if model is True else model or None

    @classmethod
    def with_overrides(
        cls,
        extra_makers: Iterable[Mapping[str, Any]] = (),
        extra_event_keywords: Mapping[str, Iterable[str]] | None = None,
        extra_companies: Iterable[Mapping[str, Any]] = (),
    ) -> Classifier:
        if not extra_makers and not extra_event_keywords and not extra_companies:
            return cls()
        # Built once per process and set of additions: workers classify feed after feed.
        version = knowledge_version(extra_makers, extra_event_keywords, extra_companies)
        knowledge = _with_additions.get(version)
        if knowledge is None:
            knowledge = _with_additions[version] = built_knowledge(
                extra_makers, extra_event_keywords, extra_companies
            )
        return cls(knowledge)

    # --- events ------------------------------------------------------------------------------

    def phrase_event(
        self,
        stems: list[str],
        reasons: list[str],
        hits: list[RuleHit] | None = None,
        german: bool = False,
        japanese: bool = False,
    ) -> tuple[Event, float, str | None]:
        """The event by the rules (strongest phrase, earliest among equals), its weight, and the
        first speculative phrase if any; ``hits`` collects every phrase that matched. A German
        text (``german``) is read by German phrases too (knowledge/events.de.toml), a Japanese
        one by Japanese phrases (events.ja.toml)."""
        best: tuple[float, int, EventHit] | None = None
        speculative = None
        denied = False  # a denial names the rumour it answers: no speculation
        recall_at = -1  # where a recall phrase is: a "may" after it is the fault's
        reason_at = -1  # where the reason for the news begins, once asked (clauses.py)
        if german:
            matches = self.k.german.with_separable(stems, self.k.german_event_choices.scan(stems))
        elif japanese:
            matches = self.k.japanese_event_choices.scan(stems)
        else:
            matches = self.k.event_choices.scan(stems)
        for start, _, (choice,) in matches:
            denied = denied or choice.denial
            if speculative is None and reason_at < 0:
                reason_at = reason_start(stems)
            if speculative is None and start <= reason_at:
                speculative = choice.speculative
                if speculative is not None and 0 <= recall_at < start:
                    speculative = None  # "recalls 46K trucks as trim panel may fly off"
            hit = choice.hit
            if recall_at < 0 and hit.event is _RECALL and hit.weight > 0:
                recall_at = start
            # Neutral or speculative phrases (weight <= 0) name no event of their own.
            if hit.weight > 0:
                if hits is not None:
                    hits.append(RuleHit(hit.event, choice.strength, start))
                if best is None or hit.weight > best[0]:
                    best = (hit.weight, start, hit)
        if denied:
            speculative = None
        if best is None:
            return _OTHER, 0.0, speculative
        weight, position, hit = best
        if reasons is not DISCARD:
            # What became of the choice: the event model weighs it (see classify), unless it is
            # the user's own phrase; with no model, the strongest phrase decides.
            weighed = self.model is not None and weight <= _DECISIVE and not (german or japanese)
            said = "weighed" if weighed else "yours" if weight > _DECISIVE else ""
            reasons.append(rules_choice(hit, position, said or strength_name(weight)))
        return hit.event, weight, speculative

    def _rule_event(
        self,
        title: str,
        stems: list[str],
        reasons: list[str],
        hits: list[RuleHit],
        language: str = "",
    ) -> tuple[Event, float, str | None]:
        if recall_listing(title):
            reasons.append("rules: recall, a regulator's recall listing or safety notice")
            return _RECALL, _LISTING, None  # its "may" is the fault's
        german, japanese = language == "German", language == "Japanese"
        event, weight, speculative = self.phrase_event(stems, reasons, hits, german, japanese)
        main = main_clause(title, stems) if (":" in title or "：" in title) else stems
        if main is not stems:
            # After a topic label ("Tariff Turmoil: ..."), the main clause wins a tie.
            main_event, main_weight, _ = self.phrase_event(main, DISCARD, None, german, japanese)
            if main_weight >= weight and main_event is not event:
                reasons.append(f"rules: {main_event.value}, the clause after the lead-in")
                event, weight = main_event, main_weight
        return event, weight, speculative

    def _read_title(self, title: str, reasons: list[str]) -> _TitleReading:
        """What the title alone says: its words, the event phrases the rules find and their
        choice, whether it names cars, and the names in it."""
        tokens = Tokens(title)
        norms = tokens.norms
        german = self.k.german.reads(norms, title)
        language = "German" if german else other_language(self.k, title, norms)
        if german:  # its compounds read as their parts: Rückrufaktion as Rückruf
            norms = self.k.german.parts(norms)
        if language:
            reasons.append(f"read as {language}" + ("" if language in READ else _UNREAD))
        stems = stems_of(norms)
        hits: list[RuleHit] = []
        event, weight, speculative = self._rule_event(title, stems, reasons, hits, language)
        if language and language not in READ:  # its own few words ("roept … terug")
            event, weight = unread_event(self.k, language, norms, event, weight, reasons)
        car_words = automotive_words(self.k, tokens, norms)
        if german and not car_words:  # Gebrauchtwagenpreise, Poolfahrzeuge
            compound = self.k.german.car_compound(tokens.norms)
            car_words = [compound] if compound else car_words
        # A word that alone says "cars" ("off-roader", "electric vehicles") is a car word for
        # the names too: "Ford ... Into An Off-Roader" is the carmaker.
        car_word = bool(car_words) or self.says_cars(stems, tokens)
        found = find_names(self.k, tokens, stems, reasons, weight >= 3.0, car_word)
        described = without_appositives(self.k.appositives, tokens, stems, found)
        if described is not None:
            stems, noun = described
            reasons.append(f"rules: '{noun}' only describes the name after it: read without it")
            hits = []
            event, weight, speculative = self._rule_event(title, stems, reasons, hits)
        return _TitleReading(
            tokens, stems, hits, event, weight, speculative, car_word, found, car_words, language
        )

    def event_features(self, title: str) -> list[str]:
        """The event model's features of a title, as classify computes them (for fitting)."""
        read = self._read_title(title, DISCARD)
        return event_features(
            read.tokens,
            read.stems,
            read.hits,
            read.event,
            _subject_end(read.found),
            self._concepts(read.stems),
        )

    def _concepts(self, stems: list[str]) -> list[str]:
        return concept_features(self.k.concepts, stems)

    # --- the whole thing ---------------------------------------------------------------------

    def classify(
        self,
        title: str,
        summary: str = "",
        body: str = "",
        explain: bool = False,
        car_feed: bool = False,
    ) -> Classification:
        """Label one item from its title and, where given, its summary and body; ``explain``
        records the reasons (``--explain``), each naming the text that decided it. ``car_feed``:
        the item comes from a feed that is about cars, which is evidence enough of relevance."""
        reasons: list[str] = [] if explain else DISCARD
        title = without_bookkeeping(title)  # "UPDATE 1-Ford expands...": "1-Ford" is no Ford
        tokens, stems, hits, event, weight, speculative, car_word, found, car_words, language = (
            self._read_title(title, reasons)
        )
        if found and title[:1].isdigit():  # a listing's manufacturer (regulators.py)
            found = without_the_manufacturers_models(title, tokens, found, reasons)
        figures = extract_figures(title, _names_in(tokens, found) if found else NO_NAMES, reasons)
        probability = 1.0
        # The event model weighs the title (the user's own phrases rule) ...
        weigh = self.model is not None and weight <= _DECISIVE
        if weigh and language:
            # The model's words are English and Chinese ("die" and "will" English ones): the
            # German or Japanese phrases decide, as sure as their strength. In a language not
            # read, only a phrase that names its event for sure does: the model's cues there are
            # an English word's look-alikes ("id" of "ID.3", "op").
            if language not in READ and weight < STRENGTHS["strong"]:
                event, weight = _OTHER, 0.0
            probability = _SURENESS.get(strength_name(weight), 1.0) if weight > 0 else 1.0
            reasons.append(f"event {event.value} (the rules: the event model reads no {language})")
            weigh = False
        subject_end = _subject_end(found) if weigh else None
        if weigh and reasons is not DISCARD:  # (explained where it was weighed)
            event, probability = self._weighed(tokens, stems, hits, event, subject_end, reasons)
            weigh = False
        off_topic = bool(found) and self._not_about_cars(
            found, stems, car_word and self._spared(found, stems, car_words), reasons
        )
        if not off_topic and found and not car_words:
            off_topic = self._another_vehicle(found, stems, reasons)
        if not off_topic and not car_words:
            off_topic = self._sport(tokens, stems, found, reasons)
        market = (
            not (off_topic or car_words) and len(found) > 1 and ("%" in title or title.isascii())
        )
        if market and a_market_report(tokens, found):
            # "美股盘前：特斯拉涨1.2%，蔚来涨3%": a session's share moves, the market's news.
            reasons.append("makers dropped: named only by their shares' moves, a market report")
            off_topic = True
        product = None if off_topic else another_product(self.k, title)
        off_topic = off_topic or product is not None
        if off_topic:
            found = [f for f in found if f[2].kind == "company"]
        evidence = title_evidence(self.k, found, car_words)
        if evidence.strength < STRONG:  # "26E-011: ZF … — TRW Aftermarket Brake Calipers — …"
            evidence = campaign_evidence(title) or evidence
        if off_topic:
            evidence = Evidence(
                NONE,
                f"a notice of a product of another kind ('{product}')"
                if product
                else "the title says it is about something else",
            )
        extra = None if off_topic or not (summary or body) else Extra.of(self, summary, body, title)
        if extra is not None:
            if not any(hit.kind == "maker" for _, _, hit in found):
                company = next((hit for _, _, hit in found if hit.kind == "company"), None)
                # A deal by the model or the title's words; an opinion on deals is none.
                deal = any(h.event is _PARTNERSHIP for h in hits)
                if weigh and not deal:  # the model's event is asked for here
                    event, probability = self._weighed(
                        tokens, stems, hits, event, subject_end, reasons
                    )
                    weigh = False
                deal = (deal or event is _PARTNERSHIP) and not reads_as_opinion(title)
                found = found + extra.makers(
                    evidence.strength > NONE, reasons, company, deal, title
                )
            elif self._groups_only(found):
                found = found + extra.brands_of(found, reasons)
            evidence = extra.settle(evidence, found)
        if evidence.strength == NONE and car_feed and not off_topic:
            evidence = in_a_car_feed(self.k, found, tokens, stems)
            if evidence.strength > NONE and extra is not None:
                says_cars = bool(extra.words) or any(h.kind == "maker" for _, _, h in extra.spotted)
                evidence = its_summary_says_otherwise(self.k, extra.text, says_cars) or evidence
            off_topic = evidence.strength == NONE  # its own words say what else it is about
        automotive = evidence.strength > NONE
        if reasons is not DISCARD:
            reasons.append(
                f"automotive: {evidence.reason}"
                if automotive
                else "not about cars: "
                + (evidence.reason or "no car word, carmaker or model in the title")
            )
        if not automotive:
            found = [f for f in found if f[2].kind == "company"]
        # A title alone that shows no car evidence may still be car news (a car feed's terse
        # headline): its event stands if it names a company or a car noun. With a summary or
        # body that says nothing about cars, it is not car news, and has no event.
        unknown = extra is None and not off_topic and bool(found or car_word)
        if weigh and (automotive or unknown):
            # ... where its answer can count: a title that is no car news has no event whatever
            # the model says, and most of a general feed's titles are such.
            event, probability = self._weighed(tokens, stems, hits, event, subject_end, reasons)
        if automotive and event is _OTHER and not hits and extra is not None:
            event = extra.event(reasons)
        if event is _OTHER and self.k.reactions.may_match(stems) and self.k.reactions.scan(stems):
            event = _INCIDENT
            reasons.append("event incident: a reaction with no other event named")
        if event is not _OTHER and not (automotive or unknown):
            if reasons is not DISCARD:
                reasons.append(f"event other: not about cars: not {event.value}")
            event = _OTHER
        elif event is _OTHER and self.model is None:
            reasons.append("event other: no event phrase matched")
        if event is not _OTHER and reads_as_opinion(title):
            # "Opinion: Recall fatigue is eroding trust…" comments on recalls; it is none.
            reasons.append(f"event other: an opinion on the news, not {event.value}")
            event = _OTHER
        named = [hit for _, _, hit in found]
        makers, companies = references(self.k, named, reasons) if named else ((), ())
        if len(makers) > 1 and ("'s " in title or "’s " in title):
            makers = owned_brand_first(makers, title)
        elif len(makers) > 1 and makers[1].group == makers[0].name:
            makers = brand_after_its_parent(self.k, makers, found, tokens, reasons)
        is_speculative = speculative_title(
            title, speculative, reasons, found, len(stems), self._asks_about_news(title)
        )
        models = models_named(self.k, named) if named else ()
        if figures and ("¥" in title or "￥" in title):  # ¥ is yen or yuan: rare, and asked then
            figures = in_yen(figures, title, frozenset(m.country for m in makers))
        return classification(
            makers,
            companies,
            event,
            is_speculative,
            figures,
            tuple(reasons),
            models,
            automotive,
            probability if event is not _OTHER or automotive else 1.0,
        )

    def _weighed(
        self,
        tokens: Tokens,
        stems: list[str],
        hits: list[RuleHit],
        rule_event: Event,
        subject_end: int | None,
        reasons: list[str],
    ) -> tuple[Event, float]:
        """The event model's event and its probability, explained in ``reasons``."""
        assert self.model is not None
        shape = shape_features(tokens, stems, hits, rule_event, subject_end, self._concepts(stems))
        event, probability = self.model.predict_parts(tokens, stems, shape)
        if reasons is not DISCARD:
            features = with_words(tokens, stems, shape)
            why = ", ".join(self.model.reasons(features, event))
            reasons.append(f"event {event.value} (model, p {probability:.2f}): {why}")
        return event, probability

    def _asks_about_news(self, title: str) -> bool:
        """Whether a title's closing question follows clauses that tell news for sure: an event
        phrase of strength and no speculative word ("…降價1.5萬人民幣 台灣會跟進嗎？")."""
        told = news_before_a_question(title)
        if told is None:
            return False
        _, weight, speculative = self.phrase_event(stems_of(Tokens(told).norms), DISCARD)
        return weight >= STRENGTHS["strong"] and speculative is None

    def _groups_only(self, found: list[Spotted]) -> bool:
        """Whether every maker named is a group that sells no car under its own name."""
        holdings = self.k.holdings
        return all(hit.index in holdings for _, _, hit in found if hit.kind == "maker")

    def _spared(self, found: list[Spotted], stems: list[str], car_words: list[str]) -> bool:
        """Whether the title's car word spares its names from the not-cars cues: a broad
        Chinese one (销量) alone spares only brands that mean nothing but cars
        ("小米15系列手机全球销量突破1000万台" is phone sales, "充电比手机快的比亚迪" BYD's news)."""
        return (
            bool(car_words)
            or not all(hit.ambiguous for _, _, hit in found)
            or not self.k.car_nouns.isdisjoint(stems)
        )

    def _not_about_cars(
        self, found: list[Spotted], stems: list[str], car_word: bool, reasons: list[str]
    ) -> bool:
        """A phone, a telescope, an insurer: named brands are not meant as automakers."""
        if car_word:
            return False
        for _, _, item in found:  # a loop, not any(): no generator for one or two names
            if item.via == "model":
                return False
        cues = self.k.not_cars.scan(stems) if self.k.not_cars.may_match(stems) else []
        if not cues and not any(item.kind == "maker" for _, _, item in found):
            cues = other_business(self.k, stems)  # Panasonic's TVs: a company's, not a car's
        if cues:
            reasons.append(f"makers dropped: '{cues[0][2][0]}' is not about cars")
        return bool(cues)

    def _another_vehicle(self, found: list[Spotted], stems: list[str], reasons: list[str]) -> bool:
        """A maker's motorcycles, outboard motors or other products than cars (Honda's lawn
        mowers): named with no word only the car world uses and no car model, the news is
        theirs, whatever the broader car nouns ("recall", "sales") say."""
        for _, _, item in found:
            if item.via == "model":
                return False
        cues = self.k.other_vehicles.scan(stems) if self.k.other_vehicles.may_match(stems) else []
        product = cues[0][2][0] if cues else other_product(self.k, found, stems)
        if product is not None:
            reasons.append(f"makers dropped: '{product}' is no car")
        return product is not None

    def _sport(
        self, tokens: Tokens, stems: list[str], found: list[Spotted], reasons: list[str]
    ) -> bool:
        """A race's news told as sport ("Russell on pole for Mercedes", "Leclerc: Ferrari 'have
        to be better'"): the maker named is a team, not a business. A word only the car world
        uses or a model named keeps it car news ("Ferrari Wins Le Mans With 499P")."""
        for _, _, item in found:
            if item.via == "model":
                return False
        cue = sport_cue(self.k.sport, tokens, stems, found, self.k.given_names)
        if cue is not None and reasons is not DISCARD:
            reasons.append(f"makers dropped: '{cue}' says it is a race's news, told as sport")
        return cue is not None

    def says_cars(self, stems: list[str], tokens: Tokens) -> bool:
        """Does the headline say it is about cars? Without a maker, company or such a word, it is
        about something else ("Tata Steel to Cut Jobs")."""
        if not self.k.car_nouns.isdisjoint(stems):
            return True
        return tokens.han and self.k.has_car_phrase_cjk(tokens.plain)


def _names_in(tokens: Tokens, found: list[Spotted]) -> Names:
    """Where the title names makers and models, for its figures: a number there is the name's
    ("Ram 1500 pickups"), and a count of them counts vehicles ("227,000 Explorers", "145,235
    Ioniq 5, Ioniq 6 and Genesis EVs")."""

    def spans() -> list[tuple[int, int]]:
        return [tokens.where(start, end) for start, end, hit in found if hit.kind == "maker"]

    return Names(spans)


_UNREAD = ", which autonews does not read: only its names and a few words are"
_DECISIVE = 4.0  # the weight of decisive phrases; the user's own phrases weigh more
_LISTING = _DECISIVE + 0.5  # a recall listing's shape decides, as the user's phrases do
# How sure the event of a German title is, by the strength of the phrase that decided it: as
# sure as the event model mostly is of a headline with such a phrase.
_SURENESS = {"decisive": 0.9, "strong": 0.75, "medium": 0.55, "weak": 0.4}


def _subject_end(found: list[Spotted]) -> int | None:
    """Where the first maker's name ends (the headline's subject, mostly), if one is named."""
    for _, end, hit in found:
        if hit.kind == "maker":
            return end
    return None


_default: Classifier | None = None


def classify(
    title: str, summary: str = "", body: str = "", explain: bool = False
) -> Classification:
    global _default
    if _default is None:
        _default = Classifier()
    return _default.classify(title, summary, body, explain)
