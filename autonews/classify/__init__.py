"""Automaker and event classification of headlines.

``classify(title, summary, body)`` finds makers (brands, with their parent group), companies
(suppliers, tech and mobility firms: never makers), the event type, whether the headline is
speculative, and key figures. Every decision is recorded in ``reasons`` for ``--explain``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from autonews.classify.figures import extract_figures
from autonews.classify.knowledge import (
    EntityHit,
    EventHit,
    Knowledge,
    build_knowledge,
    default_knowledge,
)
from autonews.classify.lexicon import Token, stem, tokenize
from autonews.models import Classification, CompanyRef, Event, Figure, MakerRef

__all__ = ["Classifier", "classify"]

_OPENERS = frozenset(
    {
        "new",
        "the",
        "all",
        "2025",
        "2026",
        "2027",
        "2028",
        "updated",
        "next",
        "watch",
        "exclusive",
        "breaking",
        "report",
        "analysis",
        "video",
        "review",
    }
)
_PLURAL_DIGIT = re.compile(r"^(.*\d)s$")


@dataclass(frozen=True)
class _Found:
    kind: str
    index: int
    position: int  # token index of first mention
    via: str
    written: str


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
        return cls(build_knowledge(extra_makers, extra_event_keywords))

    # --- entities ----------------------------------------------------------------------------

    def _entities(
        self,
        text: str,
        tokens: list[Token],
        stems: list[str],
        reasons: list[str],
        has_context: bool,
    ) -> list[_Found]:
        words = [t.norm for t in tokens]
        alternates = {}
        for i, word in enumerate(words):
            plural = _PLURAL_DIGIT.match(word)
            if plural:
                alternates[i] = plural.group(1)
        found: list[_Found] = []
        for match in self.k.entities.find(words, alternates):
            hits = match.payloads
            if any(hit.kind == "block" for hit in hits):
                reasons.append(
                    f"ignored '{_span(text, tokens, match.start, match.end)}': "
                    "a known non-maker phrase"
                )
                continue
            hit = self._pick(hits)
            surface = _span(text, tokens, match.start, match.end)
            if hit.ambiguous and not self._ambiguous_ok(
                hit, surface, text, tokens, stems, match.start, match.end, has_context, reasons
            ):
                continue
            found.append(_Found(hit.kind, hit.index, match.start, hit.via, surface))
        return found

    @staticmethod
    def _pick(hits: tuple[EntityHit, ...]) -> EntityHit:
        # An unambiguous maker alias beats a company, which beats an ambiguous name.
        return sorted(hits, key=lambda h: (h.ambiguous, h.kind != "maker", h.via != "alias"))[0]

    def _ambiguous_ok(
        self,
        hit: EntityHit,
        surface: str,
        text: str,
        tokens: list[Token],
        stems: list[str],
        start: int,
        end: int,
        has_context: bool,
        reasons: list[str],
    ) -> bool:
        entity = self.k.makers[hit.index] if hit.kind == "maker" else self.k.companies[hit.index]
        name = entity.name
        nxt = stems[end] if end < len(tokens) else ""
        if nxt and nxt in entity.veto_next:
            reasons.append(f"not {name}: '{surface}' is followed by '{tokens[end].surface}'")
            return False
        prev = tokens[start - 1] if start > 0 else None
        if (
            prev is not None
            and prev.norm in self.k.given_names
            and prev.surface[:1].isupper()
            and not prev.cjk
        ):
            reasons.append(f"not {name}: '{prev.surface} {surface}' is a person")
            return False
        latin = not tokens[start].cjk
        if latin:
            written_caps = hit.written.isupper() and len(hit.written) > 1
            if written_caps and surface != hit.written.upper():
                reasons.append(f"not {name}: '{surface}' is not written '{hit.written}'")
                return False
            if surface.islower() and not hit.written.islower():
                reasons.append(f"not {name}: '{surface}' is written in lower case")
                return False
            if written_caps and not text.isupper():
                reasons.append(f"{name}: '{surface}' written in capitals")
                return True
        if self._followed_by_car_word(hit, stems, tokens, end):
            reasons.append(f"{name}: ambiguous '{surface}' followed by a model or car word")
            return True
        opening = start == 0 or (start <= 2 and all(t.norm in _OPENERS for t in tokens[:start]))
        if opening and has_context:
            reasons.append(f"{name}: ambiguous '{surface}' opens an automotive headline")
            return True
        reasons.append(f"not {name}: ambiguous '{surface}' without automotive evidence")
        return False

    def _followed_by_car_word(
        self, hit: EntityHit, stems: list[str], tokens: list[Token], end: int
    ) -> bool:
        for position in range(end, min(end + 2, len(tokens))):
            if stems[position] in self.k.car_nouns:
                return True
            for match in self.k.entities.find([t.norm for t in tokens[position : position + 4]]):
                if match.start == 0 and any(
                    h.kind == hit.kind and h.index == hit.index and h.via == "model"
                    for h in match.payloads
                ):
                    return True
            # CJK brands run straight into their model codes or 汽车 (two characters).
            pair = stems[position] + stems[position + 1] if position + 1 < len(tokens) else ""
            if tokens[position].cjk and pair in self.k.car_nouns:
                return True
        return False

    # --- events ------------------------------------------------------------------------------

    def _event(self, stems: list[str], reasons: list[str]) -> tuple[Event, float]:
        best: tuple[float, int, EventHit] | None = None
        for match in self.k.events.find(stems):
            # Several events may share a phrase; take the strongest of them.
            hit = max(match.payloads, key=lambda h: h.weight)
            key = (hit.weight, -match.start)
            if best is None or key > (best[0], -best[1]):
                best = (hit.weight, match.start, hit)
        if best is None:
            return Event.OTHER, 0.0
        weight, position, hit = best
        reasons.append(
            f"event {hit.event.value}: '{hit.phrase}' ({_strength(weight)}) at word {position + 1}"
        )
        return hit.event, weight

    def _speculative(self, text: str, stems: list[str], reasons: list[str]) -> bool:
        if text.rstrip().endswith(("?", "？")):
            reasons.append("speculative: a question")
            return True
        matches = self.k.speculative.find(stems)
        if matches:
            reasons.append(f"speculative: '{matches[0].payloads[0]}'")
            return True
        return False

    # --- the whole thing ---------------------------------------------------------------------

    def classify(self, title: str, summary: str = "", body: str = "") -> Classification:
        reasons: list[str] = []
        tokens = tokenize(title)
        stems = [stem(t.norm) for t in tokens]
        event, weight = self._event(stems, reasons)
        context = weight > 0 or any(s in self.k.car_nouns for s in stems)
        found = self._entities(title, tokens, stems, reasons, context)
        makers = [f for f in found if f.kind == "maker"]
        extra = (summary + " " + _first_paragraph(body)).strip()
        if not makers and extra:
            extra_tokens = tokenize(extra[:600])
            extra_stems = [stem(t.norm) for t in extra_tokens]
            more = self._entities(extra, extra_tokens, extra_stems, reasons, True)
            if any(f.kind == "maker" for f in more):
                reasons.append("makers from the summary/body: the title names none")
            found += [f for f in more if f.kind == "maker"]
        if event is Event.OTHER and extra:
            extra_stems = [stem(t.norm) for t in tokenize(first_words(extra, 60))]
            event, weight = self._event(extra_stems, reasons)
            if event is not Event.OTHER:
                reasons.append("event from the summary/body: the title has no event word")
        if event is Event.OTHER and self.k.reactions.find(stems):
            event = Event.INCIDENT
            reasons.append("event incident: a reaction with no other event named")
        if event is Event.OTHER:
            reasons.append("event other: no event phrase matched")
        return Classification(
            makers=self._maker_refs(found, reasons),
            companies=self._company_refs(found),
            event=event,
            speculative=self._speculative(title, stems, reasons),
            figures=self._figures(title, found),
            reasons=tuple(reasons),
        )

    def _maker_refs(self, found: list[_Found], reasons: list[str]) -> tuple[MakerRef, ...]:
        refs: list[MakerRef] = []
        seen: set[str] = set()
        for item in sorted((f for f in found if f.kind == "maker"), key=lambda f: f.position):
            maker = self.k.makers[item.index]
            if maker.name in seen:
                continue
            seen.add(maker.name)
            refs.append(MakerRef(maker.name, maker.group, maker.country))
            reasons.append(f"maker {maker.name} ({maker.group}): {item.via} '{item.written}'")
        # A group named beside one of its own brands adds nothing: "Stellantis' Jeep" is Jeep.
        brands_groups = {r.group for r in refs if r.name != r.group}
        return tuple(r for r in refs if not (r.name == r.group and r.name in brands_groups))

    def _company_refs(self, found: list[_Found]) -> tuple[CompanyRef, ...]:
        refs: list[CompanyRef] = []
        for item in sorted((f for f in found if f.kind == "company"), key=lambda f: f.position):
            company = self.k.companies[item.index]
            ref = CompanyRef(company.name, company.role)
            if ref not in refs:
                refs.append(ref)
        return tuple(refs)

    def _figures(self, title: str, found: list[_Found]) -> tuple[Figure, ...]:
        figures = list(extract_figures(title))
        for item in found:
            if item.via == "model":
                model = Figure("model", item.written, None, self.k.makers[item.index].name)
                if model not in figures:
                    figures.append(model)
        return tuple(figures)


def _span(text: str, tokens: list[Token], start: int, end: int) -> str:
    return text[tokens[start].start : tokens[end - 1].end]


def _strength(weight: float) -> str:
    return {3.0: "strong", 2.0: "medium", 1.0: "weak"}.get(weight, "custom")


def _first_paragraph(body: str) -> str:
    return body.strip().split("\n", 1)[0][:600] if body else ""


def first_words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


_default: Classifier | None = None


def classify(title: str, summary: str = "", body: str = "") -> Classification:
    global _default
    if _default is None:
        _default = Classifier()
    return _default.classify(title, summary, body)
