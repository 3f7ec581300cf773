"""An item's subject terms, what its event happened to, and their weights: the rarer names,
models, parts, faults and places among its terms, a singular turn of one side ("c:ipo@CATL"), a
deal's two makers, two countries named together. A pair of items merges only on a shared
subject (``model``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from autonews.classify.knowledge_loading import default_knowledge
from autonews.classify.lexicon import stems_of
from autonews.cluster.concept_sets import (
    COUNTRIES,
    PEOPLE_SINGULAR,
    SELF_SINGULAR,
    SINGULAR_CONCEPTS,
    STAGES,
)
from autonews.cluster.group_sides import group_sides
from autonews.cluster.name_readings import one_name_read_twice
from autonews.cluster.places import HOME
from autonews.cluster.rarity import Corpus
from autonews.cluster.singular import names_a_chief, opens_with_maker, told_of
from autonews.cluster.terms import company_words
from autonews.cluster.title_facts import forecast_of_something
from autonews.models import Classification, Event

COUNTERPART = "m*"  # the subject term of an item naming several makers: "m*Honda+Nissan"
NATIONS = "n*"  # the subject term of a title naming two countries: "n*japan+us"
TALKS = "c:talks"
SIDE = "@"  # joins a singular concept to the side it happened to: "c:bankruptcy@Fisker"
DENIAL, DENIAL_OF = "deny", "c:deny|"  # a denial's turn, and its subject: "c:deny|restructuring"
MODEL = "s:"  # the subject term of a model: "s:Tesla:model y"
# Names of one side of a deal or dispute: the region's, and its people's ("European" is read
# as Europe).
ONE_SIDE = {"c:europe": "c:eu"}
_ENDED = "end"  # the turn of talks ended (``turns``)
_COMMON = 4  # times the rare count: a term used by more tells nothing about the event


def subject_terms(
    title: dict[str, int],
    text: dict[str, int],
    c: Classification,
    models: frozenset[tuple[str, str]],
    title_groups: frozenset[str],
    corpus: Corpus,
    title_words: Sequence[str] = (),
    implied: frozenset[str] = frozenset(),
    worded_turns: frozenset[str] = frozenset(),
    title_makers: frozenset[str] = frozenset(),
) -> dict[str, float]:
    """Subject terms and their weights: 1 for a term few items use, or more all within two days
    (one big event's names), 1/2 for a commoner one ("china"), none for one so common it tells
    nothing (a country in world news); halved for a term only the lead names (background as
    often as the event). The words of a company's name are none: the company is its own term
    ("sk" of SK On's "BlueOval SK" is SK Hynix's too)."""
    rare, df = corpus.rare_df, corpus.df
    subject = {}
    named = company_words(frozenset(x.name for x in c.companies)) if c.companies else frozenset()
    for t in text:
        if t in corpus.subjects and t not in named:
            count = df[t]
            if count <= rare or (count <= _COMMON * rare and t in corpus.burst):
                weight = 1.0 if t in title else 0.5
            elif count <= _COMMON * rare:
                weight = 0.5 if t in title else 0.25
            else:
                continue
            subject[t] = weight
    nationalities = _nationalities(title, c, title_words)
    for nationality in nationalities & subject.keys():
        del subject[nationality]
    for group, model in models:
        subject[MODEL + group + ":" + model] = 1.0
    # What happens to a maker or a company once at a time (its bankruptcy, listing, strike),
    # told in a title naming it, is the subject: that concept of that side ("c:ipo@CATL").
    # Whether the title names a chief tells only of a chief's turn: looked for only then.
    chief = not PEOPLE_SINGULAR.isdisjoint(title) and names_a_chief(c, title_words)
    singular = {
        SINGULAR_CONCEPTS[t] for t in title if t in SINGULAR_CONCEPTS and told_of(t, title, chief)
    }
    # Its talks ending are once at a time too ("talks terminated", "ends negotiations"), also
    # told in a title's own order (``worded_turns``: "Fisker's Talks with a 'Large Automaker'
    # End"). Other turns are not: a maker delays a launch and a plant, resumes output at two.
    if TALKS in title:
        singular |= {TALKS + "|" + STAGES[t] for t in title if STAGES.get(t) == "end"}
        if _ENDED in worded_turns:
            singular.add(TALKS + "|" + _ENDED)
    # So is its denial of one kind of news (a report of job cuts denied in other words).
    if c.event is not Event.OTHER and any(STAGES.get(t) == DENIAL for t in title):
        singular.add(DENIAL_OF + c.event.value)
    # A raised forecast is the maker's own only when the title opens with it: a bank raising its
    # forecast for a maker is other news.
    # A forecast "for" something (its energy unit, one model's deliveries) is not the maker's
    # one at a time either: it may raise several.
    if SELF_SINGULAR & singular and (
        not opens_with_maker(title_words) or forecast_of_something(title_words)
    ):
        singular -= SELF_SINGULAR
    if singular:
        sides = title_groups | {x.name for x in c.companies}
        for t in singular:
            for side in sides:
                subject[t + SIDE + side] = 1.0
    # A deal's or a merger's two sides: each pair of the makers' groups (of the first four).
    # Halved when the title names neither, as any term only the lead names: makers a lead
    # lists are as often background (executives a minister will meet, a tally's ranking) as a
    # deal's sides (trial 53: "PM to visit Japan to woo investment" joined the Motor Expo's
    # final tally on "Toyota + Honda" of their leads).
    groups = sorted({m.group for m in c.makers})[:4]
    for n, first in enumerate(groups):
        for second in groups[n + 1 :]:
            if one_name_read_twice(c.makers, first, second):
                continue  # "Volvo" read as Volvo Cars and as Volvo Trucks: one name, no deal
            titled = first in title_groups or second in title_groups
            subject[COUNTERPART + first + "+" + second] = 1.0 if titled else 0.5
    # And two makers of one group a deal's title names (FCA and PSA, Stellantis's: ``group_sides``).
    subject.update(group_sides(c, title_makers, title_words))
    # Two countries one of which the title names only as a maker's nationality weigh half:
    # "China's GAC Aion starts Indonesian assembly" tells of a plant in Indonesia more than of
    # news between the two (trial 53: it joined "Chinese brands take 15% of Indonesia car
    # market" on "china + indonesia" alone), though the maker's news there may be one event.
    nations = _two_nations(title, implied)
    if nations:
        subject[nations] = 1.0 if _two_nations(title, implied | nationalities) else 0.5
    return subject


def _two_nations(title: Mapping[str, int], implied: frozenset[str]) -> str | None:
    """A title naming two countries (or their leaders: Trump is the US) tells what passed
    between them, a deal or a dispute: the two together are a subject, as two makers are,
    where each country alone is too common to be one ("Trump strikes tariff deal with Japan" /
    "Japan, US seal trade agreement"). Not a place's country (Berlin is no side of a deal),
    nor three countries and more (a region's roundup); the EU and Europe both named are one
    side ("Why European Auto Stocks Tumbled Despite EU-US Trade Deal" names the EU and the US),
    but Europe alone is not read as the EU (European customers are no side of the EU's
    tariffs)."""
    countries = {t for t in COUNTRIES.intersection(title) if t not in implied}
    named = sorted(t[2:] for t in countries if ONE_SIDE.get(t) not in countries)
    return NATIONS + "+".join(named) if len(named) == 2 else None


def _nationalities(
    title: Mapping[str, int], c: Classification, title_words: Sequence[str]
) -> frozenset[str]:
    """The home countries of the item's makers that its title names only right before one of
    them ("Vietnam's VinFast", "China's GAC Aion"): the maker's nationality, no place of its
    news (trial 53: "Vietnam's VinFast starts trial production at Indonesia plant" joined
    "VinFast VF 3 tops Vietnam's best-selling car list" on "vietnam")."""
    homes = {HOME[m.country] for m in c.makers if m.country in HOME}
    if not title_words or homes.isdisjoint(title):
        return frozenset()
    knowledge = default_knowledge()
    words = list(title_words)
    before_maker = {
        start
        for start, _, hits in knowledge.entities.scan(words, True)
        if any(hit.kind == "maker" for hit in hits)
    }
    found: dict[str, bool] = {}  # each home country the title names: whether only so
    for _, end, payloads in knowledge.concepts.scan(stems_of(words)):
        term = payloads[0]
        if term in homes:
            found[term] = found.get(term, True) and end in before_maker
    return frozenset(term for term, only in found.items() if only)
