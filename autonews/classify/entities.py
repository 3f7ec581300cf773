"""The classifier's entries and hits: a maker, a company, what a name's or an event phrase's
hits in the lexicons come to (split from knowledge.py, which builds and holds them)."""

from __future__ import annotations

from dataclasses import dataclass

from autonews.models import Event

SPECULATIVE = -1.0  # the weight that marks a speculative phrase in the event trie
DENIAL = -2.0  # ... and a denial's word, which makes the rumour it names no speculation
STRENGTHS = {"decisive": 4.0, "strong": 3.0, "medium": 2.0, "weak": 1.0}


def strength_name(weight: float) -> str:
    """The strength a phrase's weight stands for (the user's own phrases weigh more than
    decisive ones, and are decisive)."""
    for name, value in STRENGTHS.items():
        if weight >= value:
            return name
    return "weak"


@dataclass(frozen=True)
class Maker:
    name: str
    group: str
    country: str
    veto_next: frozenset[str] = frozenset()
    lenient: frozenset[str] = frozenset()  # ambiguous names that need only automotive context
    people: frozenset[str] = frozenset()  # founders and chiefs who stand for the brand
    veto_words: frozenset[str] = frozenset()  # stems anywhere in a text that make it another
    # A sales umbrella's brands (HIMA sells AITO, Luxeed...), lower-cased: named beside one, it
    # stands back.
    brands: frozenset[str] = frozenset()
    # The maker whose cars this brand sells under its own badge (Vauxhall: Opel's), if any.
    badge_of: str = ""
    # Whether its name is its group's usual short name too ("GM" for General Motors, whose cars
    # are Chevrolets and Buicks; "Mercedes" for Mercedes-AMG and Maybach): a filter by it takes
    # the group's brands (trial 48: `makers = ["GM"]` missed a Chevrolet recall).
    stands_for_group: bool = False
    # Its products that are no cars (Honda's lawn mowers, Gold Wing), as stemmed tokens, and
    # its families of them named by letters and a digit (Honda's CB: CB1000F, CBR650R).
    not_cars: tuple[tuple[str, ...], ...] = ()
    not_car_families: tuple[str, ...] = ()
    # The maker its bare name means in a text about trucks and freight ("Volvo" hauling freight
    # is Volvo Group's trucks, not Geely's Volvo Cars: trial 51), if any.
    trucks_are: str = ""
    # The maker its bare name means in a text about buses and coaches ("Volvo" double-deckers
    # are Volvo Group's buses: trial 54), if any.
    buses_are: str = ""
    # Makers sharing its name whose model, named in the text, makes the name theirs ("Mercedes
    # eActros 600" is Daimler Truck's: trial 54); its trucks' and buses' makers are such too.
    namesakes: tuple[str, ...] = ()
    # Makers it owns whose stories a filter by it takes, each still headed under the group
    # (Traton: Scania, MAN, Navistar; trial 54), lower-cased. Unlike ``brands``, named beside
    # one it does not stand back: "Traton lowers outlook as US demand hits International".
    owns: frozenset[str] = frozenset()
    # Stems one of which the title must name for its ambiguous names to count ("International"
    # is Navistar's trucks only beside "trucks": an adjective otherwise).
    ambiguous_needs: frozenset[str] = frozenset()


# Roles whose business is the car industry: a company's name is weak evidence of it.
AUTOMOTIVE_ROLES = frozenset({"supplier", "battery", "autonomous", "dealer"})


@dataclass(frozen=True)
class Company:
    name: str
    role: str
    country: str = ""
    automotive: bool = False  # its business is the car industry
    veto_next: frozenset[str] = frozenset()
    lenient: frozenset[str] = frozenset()
    owner: str = ""  # the group that owns it (Waymo: Alphabet; Denso: Toyota, a car group)
    # The makers and companies that own a joint venture (BlueOval SK: Ford, SK On): its news
    # is theirs, so naming it and naming a parent are no different companies.
    parents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityHit:
    kind: str  # maker, company, block
    index: int  # into Knowledge.makers or .companies
    via: str  # alias, model, name
    ambiguous: bool = False
    written: str = ""  # the alias as written in the data (for the capitals rule)


@dataclass(frozen=True, slots=True)
class EventHit:
    event: Event
    weight: float
    phrase: str


def pick_entity(hits: tuple[EntityHit, ...]) -> EntityHit:
    """What one name's hits come to: a block if any is one; else an unambiguous maker alias
    beats a company, which beats an ambiguous name."""
    if len(hits) == 1:
        return hits[0]
    block = next((hit for hit in hits if hit.kind == "block"), None)
    if block is not None:
        return block
    return sorted(hits, key=lambda h: (h.ambiguous, h.kind != "maker", h.via != "alias"))[0]


@dataclass(frozen=True, slots=True)
class EventChoice:
    """What one event phrase's hits come to: the strongest (the first among equals) and its
    strength's name, and the first speculative phrase among them."""

    hit: EventHit
    speculative: str | None
    strength: str
    denial: bool = False

    @staticmethod
    def of(hits: tuple[EventHit, ...]) -> EventChoice:
        speculative = next((hit.phrase for hit in hits if hit.weight == SPECULATIVE), None)
        strongest = max(hits, key=lambda h: h.weight)
        denial = any(hit.weight == DENIAL for hit in hits)
        return EventChoice(strongest, speculative, strength_name(strongest.weight), denial)
