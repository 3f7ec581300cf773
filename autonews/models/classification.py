"""What the classifier says of an item: its event (and how much a reader wants to see it first),
the makers, companies and models it names, its figures."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Event(StrEnum):
    """Event slugs, ordered by how much a reader wants to see them first."""

    RECALL = "recall"
    INCIDENT = "incident"
    LEGAL = "legal"
    RESTRUCTURING = "restructuring"
    REGULATION = "regulation"
    LAUNCH = "launch"
    OWNERSHIP = "ownership"
    PARTNERSHIP = "partnership"
    LEADERSHIP = "leadership"
    PRODUCTION = "production"
    FINANCIALS = "financials"
    PRICING = "pricing"
    OTHER = "other"


# Importance of an event type in the digest ordering (recall and incident first).
EVENT_WEIGHT: dict[Event, float] = {
    Event.RECALL: 3.0,
    Event.INCIDENT: 3.0,
    Event.LEGAL: 2.4,
    Event.RESTRUCTURING: 2.4,
    Event.REGULATION: 2.2,
    Event.LAUNCH: 2.0,
    Event.OWNERSHIP: 2.0,
    Event.PARTNERSHIP: 1.8,
    Event.LEADERSHIP: 1.8,
    Event.PRODUCTION: 1.6,
    Event.FINANCIALS: 1.5,
    Event.PRICING: 1.5,
    Event.OTHER: 1.0,
}


@dataclass(frozen=True)
class MakerRef:
    name: str
    group: str
    country: str = ""


@dataclass(frozen=True)
class CompanyRef:
    name: str
    role: str
    # The group that owns it (Denso: Toyota; Waymo: Alphabet), "" for none known: a story of the
    # company naming no maker is filed under it ("Denso (Toyota)": trial 50).
    owner: str = ""


@dataclass(frozen=True)
class ModelRef:
    """A vehicle model named in the text, tied to its maker ("SU7 Ultra" -> Xiaomi)."""

    name: str  # as the knowledge files write it
    maker: str


def told_longer(short: str, long: str) -> bool:
    """Whether ``long`` is the model ``short`` names, maybe told longer: "su7" and "su7 ultra",
    "mach-e" and "mustang mach-e"; not "model y" and "model 3" (names in one case)."""
    return long == short or long.startswith(short + " ") or long.endswith(" " + short)


@dataclass(frozen=True)
class Figure:
    kind: str  # units, money, percent
    text: str  # as written, with the words that bound it ("超4万台", "over 40,000 units")
    value: float | None = None  # None for a range: it has two
    unit: str = ""  # currency code, "%", or what was counted
    low: float | None = None  # a range's ends ("11.5万至12万辆": 115,000 and 120,000)
    high: float | None = None
    qualifier: str = ""  # at_least ("over 40,000", 超4万台), about (约, "nearly"), at_most
    measure: str = ""  # what a percentage is: yoy, mom, wow, qoq, share, penetration, margin,
    # stock (a share price's move), index (a market index's: no figure of a maker); what a sum
    # is: stock (a share price, an analyst's target), loss (a sum lost: "221.9bn yen net loss")
    # A count whose unit the words before it imply ("deliveries hit 48,532"), not a unit word
    # after it: clustering tells events apart only by counts their words say (not in JSON).
    implied: bool = False
    # Which way a percentage moved, where its words say: up ("sales rise 21 pc", "23% growth"),
    # down ("sales decline 18%", 同比下降5%); "" where they say neither.
    direction: str = ""
    # What a sum is paid for one of, where its words say ("$4,050/t", "98,500 yuan per tonne",
    # "$0.09 per watt", "$52/kWh"): t, kWh, W, kg; "" for a sum of its own and other figures.
    per: str = ""


# A figure's qualifier and measure in words, as `classify`, `story` and --explain say them.
QUALIFIER_WORDS = {"at_least": "at least", "about": "about", "at_most": "at most"}
MEASURE_WORDS = {
    "yoy": "year-on-year",
    "mom": "month-on-month",
    "wow": "week-on-week",
    "qoq": "quarter-on-quarter",
    "share": "market share",
    "penetration": "penetration",
    "margin": "margin",
    "stock": "share price",
    "index": "market index",
    "loss": "a loss",
    "valuation": "a valuation",
}


@dataclass(frozen=True)
class Classification:
    makers: tuple[MakerRef, ...]
    companies: tuple[CompanyRef, ...]
    event: Event
    speculative: bool
    figures: tuple[Figure, ...] = ()
    reasons: tuple[str, ...] = ()  # why, for --explain
    models: tuple[ModelRef, ...] = ()
    automotive: bool = True  # about the car industry; False: no makers, event other
    confidence: float = 1.0  # how sure the event is (the event model's probability)
    # The title tells the market's view of a company (a share move, its market value, an
    # analyst's note), not its news: such a title never stands for a story (trials 42, 43).
    market_view: bool = False
    # The language the title reads as where it is neither English nor Chinese: German, Japanese
    # (read), or one autonews does not read ("Dutch"); "" for English and Chinese. For a reader
    # of English, such a title gives way to an English one as a story's title (trials 44, 46).
    language: str = ""
    # The battery makers and suppliers its summary or body names as what the car is made with
    # ("cells supplied by Samsung SDI"): its news for --company, no maker of it and, apart from
    # `companies` (the title's), no evidence for the clustering (trial 52).
    suppliers: tuple[CompanyRef, ...] = ()

    def to_record(self) -> list[Any]:
        """A compact JSON-able form for the store's cache (reasons are not kept)."""
        return [
            [[m.name, m.group, m.country] for m in self.makers],
            [[c.name, c.role, c.owner] for c in self.companies],
            self.event.value,
            self.speculative,
            [
                [
                    f.kind,
                    f.text,
                    f.value,
                    f.unit,
                    f.low,
                    f.high,
                    f.qualifier,
                    f.measure,
                    f.implied,
                    f.direction,
                    f.per,
                ]
                for f in self.figures
            ],
            [[m.name, m.maker] for m in self.models],
            self.automotive,
            self.confidence,
            self.market_view,
            self.language,
            [[c.name, c.role] for c in self.suppliers],
        ]

    @classmethod
    def from_record(cls, record: list[Any]) -> Classification:
        makers, companies, event, speculative, figures, models, automotive, confidence = record[:8]
        market_view, language = record[8:10]
        return cls(
            makers=tuple(MakerRef(*m) for m in makers),
            companies=tuple(CompanyRef(*c) for c in companies),
            event=Event(event),
            speculative=bool(speculative),
            figures=tuple(Figure(*f) for f in figures),
            models=tuple(ModelRef(*m) for m in models),
            automotive=bool(automotive),
            confidence=float(confidence),
            market_view=bool(market_view),
            language=str(language),
            suppliers=tuple(CompanyRef(*c) for c in (record[10] if len(record) > 10 else ())),
        )
