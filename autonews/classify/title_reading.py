"""What a headline alone says, as the classifier reads it: its words, the event phrases the
rules find and their choice (strongest phrase, the main clause after a lead-in), whether it
names cars, the language it is in, and the names in it."""

from __future__ import annotations

from typing import NamedTuple

from autonews.classify.clauses import (
    main_clause,
    news_before_a_question,
    reason_start,
    without_appositives,
)
from autonews.classify.event_model import EventModel, RuleHit, event_features
from autonews.classify.glossary import concept_features
from autonews.classify.knowledge import STRENGTHS, EventHit, Knowledge, strength_name
from autonews.classify.lexicon import Tokens, stems_of
from autonews.classify.names import find_names
from autonews.classify.reasons import DISCARD, rules_choice
from autonews.classify.relevance import Spotted, automotive_words
from autonews.classify.unread import READ, other_language, unread_event
from autonews.models import Event
from autonews.recall_listings import recall_listing

# Enum members as plain names: in Python 3.11 each Event.OTHER costs a descriptor call.
_OTHER = Event.OTHER
_RECALL = Event.RECALL
_DEALS = frozenset({Event.OWNERSHIP, Event.PARTNERSHIP})


class TitleReading(NamedTuple):
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


class TitleReader:
    """The Classifier's reading of titles (a mixin: the Classifier has the knowledge and the
    event model)."""

    k: Knowledge
    model: EventModel | None

    def phrase_event(
        self,
        stems: list[str],
        reasons: list[str],
        hits: list[RuleHit] | None = None,
        german: bool = False,
        japanese: bool = False,
        written: Tokens | None = None,
        weighed: bool = True,
    ) -> tuple[Event, float, str | None]:
        """The event by the rules (strongest phrase, earliest among equals), its weight, and the
        first speculative phrase if any; ``hits`` collects every phrase that matched. A German
        text (``german``) is read by German phrases too (knowledge/events.de.toml), a Japanese
        one by Japanese phrases (events.ja.toml). ``written``: the text's tokens, one a stem,
        for --explain to quote the words that matched as written; ``weighed``: whether the
        event model weighs the choice (not a summary's: see summary.py)."""
        best: tuple[float, int, int, EventHit] | None = None
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
        for start, end, (choice,) in matches:
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
                    best = (hit.weight, start, end, hit)
        if denied:
            speculative = None
        if best is None:
            return _OTHER, 0.0, speculative
        weight, position, end, hit = best
        if reasons is not DISCARD:
            # What became of the choice: the event model weighs it (see classify), unless it is
            # the user's own phrase; with no model, the strongest phrase decides.
            weighed = weighed and self.model is not None and weight <= DECISIVE
            weighed = weighed and not (german or japanese)
            said = "weighed" if weighed else "yours" if weight > DECISIVE else ""
            quoted = _as_written(written, position, end) if written is not None else ""
            reasons.append(rules_choice(hit, position, said or strength_name(weight), quoted))
        return hit.event, weight, speculative

    def _rule_event(
        self,
        title: str,
        stems: list[str],
        reasons: list[str],
        hits: list[RuleHit],
        language: str = "",
        notice: bool = False,
        tokens: Tokens | None = None,
    ) -> tuple[Event, float, str | None]:
        if notice or recall_listing(title):
            reasons.append("rules: recall, a regulator's recall listing or safety notice")
            return _RECALL, _LISTING, None  # its "may" is the fault's
        german, japanese = language == "German", language == "Japanese"
        written = tokens if tokens is not None and len(tokens.norms) == len(stems) else None
        event, weight, speculative = self.phrase_event(
            stems, reasons, hits, german, japanese, written
        )
        main = main_clause(title, stems) if (":" in title or "：" in title) else stems
        if main is not stems:
            # After a topic label ("Tariff Turmoil: ..."), the main clause wins a tie.
            main_event, main_weight, _ = self.phrase_event(main, DISCARD, None, german, japanese)
            if main_weight >= weight and main_event is not event:
                reasons.append(f"rules: {main_event.value}, the clause after the lead-in")
                event, weight = main_event, main_weight
        return event, weight, speculative

    def _read_title(self, title: str, reasons: list[str], notice: bool = False) -> TitleReading:
        """What the title alone says: its words, the event phrases the rules find and their
        choice, whether it names cars, and the names in it; ``notice``: its summary shows it is
        a regulator's recall notice (``autonews.official_notices``), whatever its words."""
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
        event, weight, speculative = self._rule_event(
            title, stems, reasons, hits, language, notice, None if german else tokens
        )
        if language and language not in READ:  # its own few words ("roept … terug")
            event, weight = unread_event(self.k, language, norms, event, weight, reasons)
        car_words = automotive_words(self.k, tokens, norms)
        if german and not car_words:  # Gebrauchtwagenpreise, Poolfahrzeuge
            compound = self.k.german.car_compound(tokens.norms)
            car_words = [compound] if compound else car_words
        # A word that alone says "cars" ("off-roader", "electric vehicles") is a car word for
        # the names too: "Ford ... Into An Off-Roader" is the carmaker.
        car_word = bool(car_words) or self.says_cars(stems, tokens)
        deal = any(hit.event in _DEALS for hit in hits)  # a maker may be the deal's other party
        found = find_names(self.k, tokens, stems, reasons, weight >= 3.0, car_word, deal)
        described = without_appositives(self.k.appositives, tokens, stems, found)
        if described is not None:
            stems, noun = described
            reasons.append(f"rules: '{noun}' only describes the name after it: read without it")
            hits = []
            event, weight, speculative = self._rule_event(title, stems, reasons, hits, "", notice)
        return TitleReading(
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
            first_maker_end(read.found, self.k.operators),
            self._concepts(read.stems),
        )

    def _concepts(self, stems: list[str]) -> list[str]:
        return concept_features(self.k.concepts, stems)

    def _asks_about_news(self, title: str) -> bool:
        """Whether a title's closing question follows clauses that tell news for sure: an event
        phrase of strength and no speculative word ("…降價1.5萬人民幣 台灣會跟進嗎？")."""
        told = news_before_a_question(title)
        if told is None:
            return False
        _, weight, speculative = self.phrase_event(stems_of(Tokens(told).norms), DISCARD)
        return weight >= STRENGTHS["strong"] and speculative is None

    def says_cars(self, stems: list[str], tokens: Tokens) -> bool:
        """Does the headline say it is about cars? Without a maker, company or such a word, it is
        about something else ("Tata Steel to Cut Jobs")."""
        if not self.k.car_nouns.isdisjoint(stems):
            return True
        return tokens.han and self.k.has_car_phrase_cjk(tokens.plain)


_UNREAD = ", which autonews does not read beyond the names in it and a few of its words"
DECISIVE = 4.0  # the weight of decisive phrases; the user's own phrases weigh more
_LISTING = DECISIVE + 0.5  # a recall listing's shape decides, as the user's phrases do


def first_maker_end(found: list[Spotted], operators: frozenset[int] = frozenset()) -> int | None:
    """Where the first maker's name ends (the headline's subject, mostly), if one is named; a
    company of ``operators`` (self-driving fleets, Knowledge.operators) counts as one."""
    for _, end, hit in found:
        if hit.kind == "maker" or (hit.kind == "company" and hit.index in operators):
            return end
    return None


def _as_written(tokens: Tokens, start: int, end: int) -> str:
    """Tokens ``start`` to ``end - 1`` as the text has them ("sign", where the phrase "signs"
    matched its stem)."""
    first, last = tokens.where(start, end)
    return tokens.text[first:last]
