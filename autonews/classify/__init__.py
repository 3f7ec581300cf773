"""Automaker and event classification of headlines.

``classify(title, summary, body)`` finds makers (brands, with their parent group), companies
(suppliers, tech and mobility firms: never makers), the event type, whether the headline is
speculative, and key figures. Every decision is recorded in ``reasons`` for ``--explain``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any, NamedTuple

from autonews.classify.figures import extract_figures
from autonews.classify.knowledge import (
    EntityHit,
    EventHit,
    Knowledge,
    build_knowledge,
    default_knowledge,
    knowledge_version,
    pick_entity,
)
from autonews.classify.lexicon import Tokens, phrase_key, stems_of, tokenize
from autonews.models import Classification, CompanyRef, Event, Figure, MakerRef

__all__ = ["Classifier", "classify"]

# Words that may come before the subject at the start of a headline.
_OPENERS = frozenset(
    "new the all updated next watch exclusive breaking report analysis video review is are was "
    "why how what will can could does did should has 2024 2025 2026 2027 2028".split()
)


class _Discard(list[str]):
    """A reasons list that keeps nothing: classifying without --explain builds no strings."""

    def append(self, item: str) -> None:
        return None


_DISCARD = _Discard()

# Enum members as plain names: in Python 3.11 each Event.OTHER costs a descriptor call, and
# classify names it several times per headline.
_OTHER = Event.OTHER
_INCIDENT = Event.INCIDENT

_JOINERS = frozenset({"and", "with", "to", "from", "vs", "versus", "与", "和", "及", "携", "同"})


class _Context(NamedTuple):
    """What the rest of a headline says, for judging ambiguous names."""

    event: bool
    car_word: bool
    sure_makers: bool
    maker_edges: set[int]  # token positions where an unambiguous maker name starts or ends
    models: set[int]  # makers whose models are named

    @property
    def automotive(self) -> bool:
        return self.event or self.car_word or self.sure_makers


def _context(picked: list[tuple[int, int, EntityHit]], event: bool, car_word: bool) -> _Context:
    edges: set[int] = set()
    models: set[int] = set()
    for start, end, hit in picked:
        if hit.via == "model":
            models.add(hit.index)
        if not hit.ambiguous and hit.kind == "maker":
            edges.add(start)
            edges.add(end)
    return _Context(event, car_word, bool(edges), edges, models)


_NO_WORDS: frozenset[str] = frozenset()


_with_additions: dict[str, Knowledge] = {}


class Classifier:
    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.k = knowledge or default_knowledge()

    @classmethod
    def with_overrides(
        cls,
        extra_makers: Iterable[Mapping[str, Any]] = (),
        extra_event_keywords: Mapping[str, Iterable[str]] | None = None,
    ) -> Classifier:
        if not extra_makers and not extra_event_keywords:
            return cls()
        # Built once per process and set of additions: workers classify feed after feed.
        version = knowledge_version(extra_makers, extra_event_keywords)
        knowledge = _with_additions.get(version)
        if knowledge is None:
            knowledge = _with_additions[version] = build_knowledge(
                extra_makers, extra_event_keywords
            )
        return cls(knowledge)

    # --- entities ----------------------------------------------------------------------------

    def _entities(
        self,
        tokens: Tokens,
        stems: list[str],
        reasons: list[str],
        event_found: bool,
        car_word: bool,
    ) -> list[EntityHit]:
        """The names found, in text order. Two passes: collect every name, then judge the
        ambiguous ones with what the rest of the headline says (other makers, their models, car
        words, event words)."""
        # Plurals ("XC70s", "Teslas") count; ambiguous names never from a plural (seats, minis).
        matches = self.k.entities.scan(tokens.norms, plurals=True)
        found: list[EntityHit] = []
        ambiguous = False
        for start, end, hits in matches:
            hit = hits[0] if len(hits) == 1 else pick_entity(hits)
            if hit.kind == "block":
                if reasons is not _DISCARD:
                    reasons.append(f"ignored '{tokens.span(start, end)}': a known non-maker phrase")
                continue
            found.append(hit)
            ambiguous = ambiguous or hit.ambiguous
        if not ambiguous:  # the common case: nothing to judge
            return found
        picked = [
            (start, end, hit)
            for start, end, hits in matches
            if (hit := pick_entity(hits)).kind != "block"
        ]
        context = _context(picked, event_found, car_word)
        return [
            hit
            for start, end, hit in picked
            if not hit.ambiguous
            or self._ambiguous_ok(hit, start, end, tokens, stems, context, reasons)
        ]

    def _ambiguous_ok(
        self,
        hit: EntityHit,
        start: int,
        end: int,
        tokens: Tokens,
        stems: list[str],
        context: _Context,
        reasons: list[str],
    ) -> bool:
        entity = self.k.makers[hit.index] if hit.kind == "maker" else self.k.companies[hit.index]
        name = entity.name
        surface = tokens.span(start, end)
        verdict = self._ambiguous_verdict(hit, surface, start, end, tokens, stems, context)
        accepted = not verdict.startswith("not ")
        if reasons is not _DISCARD:
            reasons.append(
                f"{'' if accepted else 'not '}{name}: '{surface}' {verdict.removeprefix('not ')}"
            )
        return accepted

    def _ambiguous_verdict(
        self,
        hit: EntityHit,
        surface: str,
        start: int,
        end: int,
        tokens: Tokens,
        stems: list[str],
        context: _Context,
    ) -> str:
        """Why an ambiguous name counts, or 'not ...' why it does not."""
        entity = self.k.makers[hit.index] if hit.kind == "maker" else self.k.companies[hit.index]
        if end < len(tokens) and stems[end] in entity.veto_next:
            return f"not followed by '{tokens.surface(end)}'"
        if tuple(tokens.norms[start:end]) != _key(hit.written):
            return "not counted in a plural"
        if (
            start > 0
            and tokens.norms[start - 1] in self.k.given_names
            and tokens.surface(start - 1)[:1].isupper()
        ):
            return f"not a person ('{tokens.surface(start - 1)} {surface}')"
        if not tokens.cjk(start):
            if surface.islower() and not hit.written.islower():
                return "not capitalised"
            caps = hit.written.isupper() and len(hit.written) > 1
            if caps and surface == hit.written and not tokens.text.isupper():
                return "written in capitals"
        if self._followed_by_car_word(hit, stems, tokens, end):
            return "followed by a model or car word"
        if hit.kind == "maker" and hit.index in context.models:
            return "named with one of its models"
        # "Genesis and Kia", "Hyundai with Mini": joined to a maker named for sure.
        joined_before = (
            start > 1 and tokens.norms[start - 1] in _JOINERS and start - 1 in context.maker_edges
        )
        joined_after = (
            end + 1 < len(tokens)
            and tokens.norms[end] in _JOINERS
            and end + 1 in context.maker_edges
        )
        if (
            start in context.maker_edges
            or end in context.maker_edges
            or joined_before
            or (joined_after)
        ):
            return "next to another maker"
        if hit.written in entity.lenient and context.automotive:
            return "in an automotive headline"
        opening = start == 0 or (start <= 2 and all(w in _OPENERS for w in tokens.norms[:start]))
        if opening and context.automotive:
            return "opens an automotive headline"
        return "not without automotive evidence"

    def _followed_by_car_word(
        self, hit: EntityHit, stems: list[str], tokens: Tokens, end: int
    ) -> bool:
        # Where no model of this name's maker starts, no lexicon walk is needed.
        models: AbstractSet[str] = _NO_WORDS
        if hit.kind == "maker":
            models = self.k.model_starts.get(hit.index, _NO_WORDS)
        for position in range(end, min(end + 2, len(tokens))):
            if stems[position] in self.k.car_nouns:
                return True
            if tokens.norms[position] not in models:
                continue
            payloads = self.k.entities.payloads_at(tokens.norms, position, position + 4)
            if payloads is not None and any(
                h.kind == hit.kind and h.index == hit.index and h.via == "model" for h in payloads
            ):
                return True
        # CJK brands run straight into a car word: 理想汽车, 长城车企.
        if end < len(tokens) and tokens.cjk(end):
            return tokens.text.startswith(self.k.car_phrases_cjk, tokens.offset(end))
        return False

    # --- events ------------------------------------------------------------------------------

    def _event(self, stems: list[str], reasons: list[str]) -> tuple[Event, float, str | None]:
        """The event (strongest phrase, earliest among equals), its weight, and the first
        speculative phrase if any."""
        best: tuple[float, int, EventHit] | None = None
        speculative = None
        for start, _, (choice,) in self.k.event_choices.scan(stems):
            if speculative is None:
                speculative = choice.speculative
            hit = choice.hit
            # Neutral or speculative phrases (weight <= 0) name no event of their own.
            if hit.weight > 0 and (best is None or hit.weight > best[0]):
                best = (hit.weight, start, hit)
        if best is None:
            return _OTHER, 0.0, speculative
        weight, position, hit = best
        if reasons is not _DISCARD:
            reasons.append(
                f"event {hit.event.value}: '{hit.phrase}' ({_strength(weight)}) "
                f"at word {position + 1}"
            )
        return hit.event, weight, speculative

    @staticmethod
    def _speculative(text: str, phrase: str | None, reasons: list[str]) -> bool:
        if text.rstrip().endswith(("?", "？")):
            reasons.append("speculative: a question")
            return True
        if phrase is not None:
            reasons.append(f"speculative: '{phrase}'")
            return True
        return False

    # --- the whole thing ---------------------------------------------------------------------

    def classify(
        self, title: str, summary: str = "", body: str = "", explain: bool = False
    ) -> Classification:
        """Label one headline; ``explain`` records the reasons (``--explain``)."""
        reasons: list[str] = [] if explain else _DISCARD
        tokens = Tokens(title)
        stems = stems_of(tokens.norms)
        event, weight, speculative = self._event(stems, reasons)
        main = _main_clause(title, stems) if (":" in title or "：" in title) else stems
        if main is not stems:
            # After a topic label ("Tariff Turmoil: ..."), the main clause wins a tie.
            main_event, main_weight, _ = self._event(main, _DISCARD)
            if main_weight >= weight and main_event is not event:
                reasons.append(f"event {main_event.value}: the clause after the lead-in")
                event, weight = main_event, main_weight
        car_word = self._car_word(stems, title)
        found = self._entities(tokens, stems, reasons, weight >= 3.0, car_word)
        off_topic = bool(found) and self._not_about_cars(found, stems, car_word, reasons)
        if off_topic:
            found = [f for f in found if f.kind == "company"]
        extra = "" if off_topic or not (summary or body) else _extra(summary, body)
        if extra and not any(f.kind == "maker" for f in found):
            extra_tokens = tokenize(extra[:600])
            extra_stems = stems_of(extra_tokens.norms)
            more = self._entities(extra_tokens, extra_stems, reasons, True, True)
            if any(f.kind == "maker" for f in more):
                reasons.append("makers from the summary/body: the title names none")
            found += [f for f in more if f.kind == "maker"]
        if event is _OTHER and extra:
            extra_stems = stems_of(tokenize(first_words(extra, 60)).norms)
            event, weight, _ = self._event(extra_stems, reasons)
            if event is not _OTHER:
                reasons.append("event from the summary/body: the title has no event word")
        if event is _OTHER and self.k.reactions.may_match(stems) and self.k.reactions.scan(stems):
            event = _INCIDENT
            reasons.append("event incident: a reaction with no other event named")
        if event is not _OTHER and not (found or car_word):
            if reasons is not _DISCARD:
                reasons.append(f"event other: no maker, company or car word: not {event.value}")
            event = _OTHER
        elif event is _OTHER:
            reasons.append("event other: no event phrase matched")
        makers, companies = self._refs(found, reasons) if found else ((), ())
        is_speculative = self._speculative(title, speculative, reasons)
        figures = self._figures(title, found) if found else extract_figures(title)
        # Positional: a frozen dataclass's __init__ called with keywords costs a quarter more.
        return Classification(makers, companies, event, is_speculative, figures, tuple(reasons))

    def _not_about_cars(
        self, found: list[EntityHit], stems: list[str], car_word: bool, reasons: list[str]
    ) -> bool:
        """A phone, a telescope, an insurer: named brands are not meant as automakers."""
        if car_word:
            return False
        for item in found:  # a loop, not any(): no generator for one or two names
            if item.via == "model":
                return False
        cues = self.k.not_cars.scan(stems) if self.k.not_cars.may_match(stems) else []
        if cues:
            reasons.append(f"makers dropped: '{cues[0][2][0]}' is not about cars")
        return bool(cues)

    def _car_word(self, stems: list[str], text: str) -> bool:
        """Does the headline say it is about cars? Without a maker, company or such a word, it is
        about something else ("Tata Steel to Cut Jobs")."""
        if not self.k.car_nouns.isdisjoint(stems):
            return True
        return not text.isascii() and self.k.has_car_phrase_cjk(text)

    def _refs(
        self, found: list[EntityHit], reasons: list[str]
    ) -> tuple[tuple[MakerRef, ...], tuple[CompanyRef, ...]]:
        """Makers and companies in order of first mention (the subject first), each once."""
        makers: list[MakerRef] = []
        companies: list[CompanyRef] = []
        seen: set[int] = set()
        for item in found:  # found is in text order: the title's, then the summary's
            if item.kind == "company":
                ref = self.k.company_refs[item.index]
                if ref not in companies:
                    companies.append(ref)
            elif item.kind == "maker" and item.index not in seen:
                seen.add(item.index)
                makers.append(self.k.maker_refs[item.index])
                if reasons is not _DISCARD:
                    maker = self.k.makers[item.index]
                    reasons.append(
                        f"maker {maker.name} ({maker.group}): {item.via} '{item.written}'"
                    )
        return tuple(makers), tuple(companies)

    def _figures(self, title: str, found: list[EntityHit]) -> tuple[Figure, ...]:
        figures = extract_figures(title)
        models: dict[str, int] = {}
        for item in found:  # mostly none: a loop makes no dict comprehension for nothing
            if item.via == "model":
                models[item.written] = item.index
        if not models:
            return figures
        return figures + tuple(
            Figure("model", name, None, self.k.makers[entity].name)
            for name, entity in models.items()
        )


_KICKER = re.compile(r"^\s*([^:：?？]{1,40})[:：]\s*\S")


def _main_clause(title: str, stems: list[str]) -> list[str]:
    """A short lead-in ("Tariff Turmoil: ...", "Is X Next? ...") is a kicker: the news is in
    the clause after it. Returns the stems of that clause, or all stems."""
    match = _KICKER.match(title)
    if not match:
        return stems
    lead_words = len(tokenize(match.group(1)).norms)
    if lead_words == 0 or lead_words > 4 or lead_words >= len(stems):
        return stems
    return stems[lead_words:]


@lru_cache(maxsize=4096)
def _key(alias: str) -> tuple[str, ...]:
    """An alias's tokens, as the lexicon holds them: a match that differs came from a plural."""
    return phrase_key(alias)


def _strength(weight: float) -> str:
    for name, value in (("decisive", 4.0), ("strong", 3.0), ("medium", 2.0), ("weak", 1.0)):
        if weight >= value:
            return name
    return "weak"


def _first_paragraph(body: str) -> str:
    return body.strip().split("\n", 1)[0][:600] if body else ""


def _extra(summary: str, body: str) -> str:
    """The text looked at when the title lacks a maker or an event."""
    return (summary + " " + _first_paragraph(body)).strip()


def first_words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


_default: Classifier | None = None


def classify(
    title: str, summary: str = "", body: str = "", explain: bool = False
) -> Classification:
    global _default
    if _default is None:
        _default = Classifier()
    return _default.classify(title, summary, body, explain)
