"""Automaker and event classification of headlines.

``classify(title, summary, body)`` finds makers (brands, with their parent group), companies
(suppliers, tech and mobility firms: never makers), the event type, whether the headline is
speculative, and key figures. Every decision is recorded in ``reasons`` for ``--explain``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from autonews.briefings import reads_as_opinion, reads_as_review
from autonews.classifier_version import knowledge_version
from autonews.classify.battery_supply import battery_supply_evidence
from autonews.classify.car_feed import (
    NAMES_NO_CARS,
    in_a_car_feed,
    its_summary_says_otherwise,
)
from autonews.classify.clauses import (
    speculative_title,
)
from autonews.classify.counted import NO_NAMES, Names
from autonews.classify.event_model import (
    EventModel,
    RuleHit,
    event_model,
    shape_features,
    with_words,
)
from autonews.classify.event_names import _INCIDENT, _OTHER, _PARTNERSHIP
from autonews.classify.figures import extract_figures, in_yen
from autonews.classify.kind_overrides import _an_order, _as_an_order, _as_its_kind
from autonews.classify.knowledge import STRENGTHS, Knowledge, strength_name
from autonews.classify.knowledge_loading import built_knowledge, default_knowledge
from autonews.classify.lexicon import Tokens, stems_of, tokenize
from autonews.classify.made import classification
from autonews.classify.markets import a_market_report
from autonews.classify.off_topic import OffTopicChecks
from autonews.classify.owners import owner_in_a_deal
from autonews.classify.reasons import DISCARD
from autonews.classify.references import (
    brand_after_its_parent,
    models_named,
    owned_brand_first,
    references,
)
from autonews.classify.regulators import (
    NOTICE,
    another_product,
    campaign_evidence,
    with_units_affected,
    without_the_manufacturers_models,
)
from autonews.classify.relevance import (
    NONE,
    STRONG,
    Evidence,
    Spotted,
    title_evidence,
)
from autonews.classify.summary import LOOKED_AT, Extra
from autonews.classify.suppliers import as_battery_units, named_suppliers
from autonews.classify.title_kinds import LIST, title_kind
from autonews.classify.title_notes import tells_the_market
from autonews.classify.title_reading import DECISIVE, TitleReader, first_maker_end
from autonews.classify.trucks import as_trucks, without_compared
from autonews.classify.unread import READ
from autonews.models import Classification, CompanyRef, Event
from autonews.official_notices import official_notice
from autonews.wire_titles import without_bookkeeping

__all__ = ["Classifier", "classify"]


_with_additions: dict[str, Knowledge] = {}


class Classifier(TitleReader, OffTopicChecks):
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

    # --- the whole thing (the title's reading: title_reading.py) ----------------------------

    def classify(
        self,
        title: str,
        summary: str = "",
        body: str = "",
        explain: bool = False,
        car_feed: bool = False,
        partly: bool = False,
    ) -> Classification:
        """Label one item from its title and, where given, its summary and body; ``explain``
        records the reasons (``--explain``), each naming the text that decided it. ``car_feed``:
        the item comes from a feed that is about cars, which is evidence enough of relevance;
        ``partly``: from a feed judged one but not plainly (its title says it is general news),
        whose items must name something of cars in their summary or text at least."""
        reasons: list[str] = [] if explain else DISCARD
        title = without_bookkeeping(title)  # "UPDATE 1-Ford expands...": "1-Ford" is no Ford
        # A regulator's recall notice (its title's shape, or its summary's set words): a recall
        # of vehicles, whatever its words ("Power Seat Motor" is no race), its "may" the defect's.
        notice = official_notice(title, summary)
        tokens, stems, hits, event, weight, speculative, car_word, found, car_words, language = (
            self._read_title(title, reasons, notice)
        )
        if found and title[:1].isdigit():  # a listing's manufacturer (regulators.py)
            found = without_the_manufacturers_models(title, tokens, found, reasons)
        names = _names_in(tokens, found) if found else NO_NAMES
        figures = extract_figures(title, names, reasons, tokens.norms)
        if notice and summary:
            figures = with_units_affected(figures, summary, reasons)
        probability = 1.0
        # The event model weighs the title (the user's own phrases rule) ...
        weigh = self.model is not None and weight <= DECISIVE
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
        subject_end = first_maker_end(found, self.k.operators) if weigh else None
        if weigh and reasons is not DISCARD:  # (explained where it was weighed)
            event, probability = self._weighed(tokens, stems, hits, event, subject_end, reasons)
            weigh = False
        off_topic = bool(found) and self._not_about_cars(
            found, stems, car_word and self._spared(found, stems, car_words), reasons
        )
        if not off_topic and not car_words:  # named or not: "Thai motorcycle sales up 3%"
            off_topic = self._another_vehicle(found, stems, reasons)
        if (
            not off_topic
            and not notice
            and (not car_words or self._race_car_words(found, car_words))
        ):
            off_topic = self._sport(tokens, stems, found, reasons, _stems_of(summary or body))
        if not off_topic and found:
            off_topic = self._a_product_of_a_chief(found, tokens, stems, reasons)
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
            evidence = campaign_evidence(title) or (NOTICE if notice else evidence)
        if evidence.strength == NONE and not off_topic:
            evidence = battery_supply_evidence(self.k, stems) or evidence
        if off_topic:
            evidence = Evidence(
                NONE,
                f"a notice of a product of another kind ('{product}')"
                if product
                else "the title says it is about something else",
            )
        extra = None if off_topic or not (summary or body) else Extra.of(self, summary, body, title)
        # The title's spots (the summary's are placed in its own tokens): the list itself, not a
        # set, which hashed every title's names for the few that have a summary's beside them.
        in_title = found
        if extra is not None:
            found = extra.models_ceded(found, reasons) if found else found
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
                # Two companies in the title are the deal's parties: "May Mobility and Uber
                # launch …" is no deal with the Toyota its summary names (trial 51).
                deal = deal and sum(hit.kind == "company" for _, _, hit in found) < 2
                # A deal in the company's shares: its owner's carmaker is a party (trial 50).
                owner = owner_in_a_deal(self.k, company, hits, event, title)
                if title_kind(title) == LIST:  # "From the Honda Civic Type R to the Hyundai i20 N"
                    reasons.append(
                        "no makers from the summary/body: a list's names are its entries"
                    )
                else:
                    found = found + extra.makers(
                        evidence.strength > NONE, reasons, company, deal, title, owner
                    )
            elif self._groups_only(found):
                found = found + extra.brands_of(found, reasons)
            evidence = extra.settle(evidence, found)
        if evidence.strength == NONE and car_feed and not off_topic:
            evidence = in_a_car_feed(self.k, found, tokens, stems)
            says_cars = extra is not None and (
                bool(extra.words) or any(h.kind == "maker" for _, _, h in extra.spotted)
            )
            if evidence.strength > NONE and extra is not None:
                evidence = its_summary_says_otherwise(self.k, extra.text, says_cars) or evidence
            if evidence.strength > NONE and partly and not says_cars:
                evidence = NAMES_NO_CARS
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
            event = extra.event(reasons, title_kind(title))
        if event is _OTHER and self.k.reactions.may_match(stems) and self.k.reactions.scan(stems):
            event = _INCIDENT
            reasons.append("event incident: a reaction with no other event named")
        if event is not _OTHER and not (automotive or unknown):
            if reasons is not DISCARD:
                reasons.append(f"event other: not about cars: not {event.value}")
            event = _OTHER
        elif event is _OTHER and self.model is None:
            reasons.append("event other: no event phrase matched")
        if (automotive or unknown) and event is not _PARTNERSHIP and _an_order(title):
            event = _as_an_order(event, hits, reasons)
        if event is not _OTHER:
            event = _as_its_kind(title, event, hits, reasons)
        if event is not _OTHER and reads_as_opinion(title):
            # "Opinion: Recall fatigue is eroding trust…" comments on recalls; it is none.
            reasons.append(f"event other: an opinion on the news, not {event.value}")
            event = _OTHER
        if len(found) > 1:  # (of the title's names: "Waymo partners …" naming Toyota crashed)
            titled = found if found is in_title else [s for s in found if s in in_title]
            kept = without_compared(self.k, titled, tokens, reasons)
            compared = [spot for spot in titled if spot not in kept]
            found = [spot for spot in found if spot not in compared]
        named = [hit for _, _, hit in found]
        if named and automotive:
            named = as_battery_units(self.k, named, stems, reasons)
        if named and automotive:
            named = as_trucks(self.k, named, stems, extra.stems if extra else [], reasons)
        makers, companies = references(self.k, named, reasons) if named else ((), ())
        suppliers: tuple[CompanyRef, ...] = ()
        if automotive and extra is not None:  # the suppliers its summary names: for --company
            supplied = named_suppliers(self.k, extra.spotted, extra.stems, reasons)
            suppliers = tuple(
                ref for h in supplied if (ref := self.k.company_refs[h.index]) not in companies
            )
        if len(makers) > 1 and ("'s " in title or "’s " in title):
            makers = owned_brand_first(makers, title)
        elif len(makers) > 1 and makers[1].group == makers[0].name:
            makers = brand_after_its_parent(self.k, makers, found, tokens, reasons)
        # A review's questions and guesses are no rumour (speculative_title). Explained, every
        # title is asked, for the reason; otherwise only a title that reads as speculation: the
        # review's pattern cost 5% of a headline's classification when every title was searched.
        explained = reasons is not DISCARD
        is_speculative = speculative_title(
            title,
            speculative,
            reasons,
            found,
            len(stems),
            self._asks_about_news(title),
            explained and reads_as_review(title),
        )
        if is_speculative and not explained and reads_as_review(title):
            is_speculative = False
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
            tells_the_market(self.k, stems, figures),
            language,
            suppliers,
        )

    def _race_car_words(self, found: list[Spotted], car_words: list[str]) -> bool:
        """Whether a title naming a maker says "car" only as a race's news does too ("Newey's
        first car 'on schedule'", "Ferrari 'must give me a better car'"): it may be sport."""
        race_car = self.k.sport.race_car_words
        return bool(found) and all(word.lower() in race_car for word in car_words)

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


def _stems_of(text: str) -> Callable[[], list[str]] | None:
    """The stems of an item's summary (or body's lead), worked out only when asked for."""
    if not text:
        return None
    return lambda: stems_of(tokenize(text[:LOOKED_AT]).norms)


def _names_in(tokens: Tokens, found: list[Spotted]) -> Names:
    """Where the title names makers and models, for its figures: a number there is the name's
    ("Ram 1500 pickups"), and a count of them counts vehicles ("227,000 Explorers", "145,235
    Ioniq 5, Ioniq 6 and Genesis EVs")."""

    def spans() -> list[tuple[int, int]]:
        return [tokens.where(start, end) for start, end, hit in found if hit.kind == "maker"]

    return Names(spans)


# How sure the event of a German title is, by the strength of the phrase that decided it: as
# sure as the event model mostly is of a headline with such a phrase.
_SURENESS = {"decisive": 0.9, "strong": 0.75, "medium": 0.55, "weak": 0.4}


_default: Classifier | None = None


def classify(
    title: str, summary: str = "", body: str = "", explain: bool = False
) -> Classification:
    global _default
    if _default is None:
        _default = Classifier()
    return _default.classify(title, summary, body, explain)
