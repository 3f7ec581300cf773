"""Two kinds of news of one subject that are two events, whatever names they share
(``other_kind``; trial 37, 39 and 41's wrong merges).

A maker's or supplier's job cuts and its sales or results (Bosch's 13,000 more jobs / its 2025
sales slipping 2%); a recall of a product no maker's name is on and a maker's news that names the
recall's hazard (a charging cable's fire risk / a fire halting a plant); a rule or programme for
the whole industry and one maker's launch or one company's own figures on its theme (a van grant
extended / a plug-in van's launch; salary-sacrifice rules changed / one lessor's orders up 40%).
Each is told surely by the classifier and shares no figure with the other: a figure in common may
be one event told two ways ("cuts 13,000 jobs as sales slip")."""

from __future__ import annotations

from functools import lru_cache

from autonews.cluster.concept_sets import PERIOD_RESULTS, PERIOD_SINGULAR
from autonews.cluster.features import RECALL, _Features
from autonews.cluster.shared import families, shared_figure, shared_subject
from autonews.cluster.terms import terms_of
from autonews.models import Event

# A maker's own other news: what a recall of a product naming no maker is not.
_MAKERS_NEWS = frozenset(
    (
        Event.PRODUCTION,
        Event.LAUNCH,
        Event.PRICING,
        Event.PARTNERSHIP,
        Event.OWNERSHIP,
        Event.FINANCIALS,
        Event.RESTRUCTURING,
        Event.LEGAL,
    )
)
CONCEPT = "c:"  # a glossary concept's term: a hazard, a technology, no name


def other_kind(a: _Features, b: _Features) -> str | None:
    """Which two kinds of news ``a`` and ``b`` surely are, or None."""
    if shared_figure(a, b):
        return None
    if _cuts_and_results(a, b) or _cuts_and_results(b, a):
        return "job cuts / sales or results"
    if _unnamed_recall_and_makers_news(a, b) or _unnamed_recall_and_makers_news(b, a):
        return "a recall of a product no maker is named on / a maker's other news"
    if _company_and_industry_programme(a, b) or _company_and_industry_programme(b, a):
        return "one company's news / a rule or programme for the industry"
    return None


def _sure(item: _Features, event: Event) -> bool:
    return item.event is event and item.event_sure


def _cuts_and_results(a: _Features, b: _Features) -> bool:
    """``a`` surely cuts (jobs, a unit), ``b`` surely sales or results: a company announces the
    two on different days, and a reader follows each. Not where the cuts' words name a period's
    results ("Nissan to cut 9,000 jobs as first-half profit slumps": one release told twice;
    review 39), nor within a few hours of each other (one release's two headlines)."""
    return (
        _sure(a, Event.RESTRUCTURING)
        and _sure(b, Event.FINANCIALS)
        and abs(a.stamp - b.stamp) > _ONE_RELEASE
        and not _names_results(a)
    )


_ONE_RELEASE = 6 * 3600.0  # seconds: the headlines of one release, the day it is out
# A period's results, as concepts of the glossary: what a cut "as profit slumps" gives as its cause.
_RESULTS = PERIOD_RESULTS | PERIOD_SINGULAR | {"c:earnings", "c:profit-warning"}


@lru_cache(maxsize=4096)
def _word_concepts(word: str) -> frozenset[str]:
    """The glossary's concepts one stemmed word is a term of."""
    return frozenset(terms_of([word]))


def _names_results(item: _Features) -> bool:
    """Whether the words an item writes in lower case name a period's results (its title's
    concepts, as a single word each: "profit", "losses", "revenue", "H1")."""
    return any(not _RESULTS.isdisjoint(_word_concepts(word)) for word in item.lower) or not (
        _RESULTS.isdisjoint(item.title)
    )


def _unnamed_recall_and_makers_news(a: _Features, b: _Features) -> bool:
    """``a`` surely a recall naming no maker nor model (a safety regulator's listing of a
    charging cable), ``b`` a maker's news: of another kind (the hazard word both give, "fire",
    is a risk in one and an event in the other; a lawsuit), or a recall of a car's part of
    another family (a listing naming no car's part is an accessory's: a cable's shock risk / the
    maker's charging unit). A part both name may be one supplier's, listed without the cars it
    is in (inflators / a maker's airbag recall); one naming a car's part may be the maker's
    recall told without its name (an eMMC chip's screen / Tesla's memory chip recall); a name
    both give is the maker's model the listing does not recognise ("Explorers called back")."""
    if not (_sure(a, Event.RECALL) and not a.makers and not a.models and b.makers):
        return False
    if not all(term.startswith(CONCEPT) for term in shared_subject(a, b)):
        return False
    if b.event is Event.RECALL or RECALL in b.title:
        if not a.parts:
            return True  # no car's part: an accessory's listing
        return bool(b.parts) and families(a.parts).isdisjoint(families(b.parts))
    return b.event_sure and b.event in _MAKERS_NEWS


def _company_and_industry_programme(a: _Features, b: _Features) -> bool:
    """``a`` one company's launch or figures (it names a maker or a company), ``b`` surely a
    rule or programme naming none: the rule is every maker's news, the launch or the count one
    company's, whatever theme both name (plug-in vans, salary sacrifice)."""
    if not _sure(b, Event.REGULATION) or b.makers or b.actors:
        return False
    if not (a.makers or a.actors) or a.event is Event.REGULATION:
        return False
    return _sure(a, Event.LAUNCH) or bool(a.title_percents and not a.makers)
