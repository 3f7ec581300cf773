"""A carmaker's name that means its namesake's trucks where the text is about trucking.

"Volvo" is Geely's Volvo Cars, except where it hauls freight: Volvo Cars makes no trucks, and
"Volvo, Aurora start driverless freight runs for DHL" is Volvo Group's (trial 51). The maker says
which maker its name then means (``trucks_are`` in makers.toml); the words of trucking are
events.toml's ``[context] trucking``.
"""

from __future__ import annotations

from dataclasses import replace

from autonews.classify.knowledge import EntityHit, Knowledge
from autonews.classify.lexicon import Tokens
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import Spotted


def as_trucks(
    k: Knowledge,
    named: list[EntityHit],
    stems: list[str],
    more: list[str],
    reasons: list[str],
) -> list[EntityHit]:
    """``named`` with each maker that has a trucks or buses namesake read as it where the text
    is about that namesake's vehicles: one of its models named ("Mercedes eActros 600" is Daimler
    Truck's, "Volvo BZL" Volvo Buses'), else ``stems`` (the title's) or ``more`` (its summary's)
    naming buses or trucking; unchanged otherwise."""
    if not any(h.kind == "maker" and _namesakes(k, h) for h in named):
        return named
    # A namesake's model named ("Mercedes eActros", "Volvo BZL"): the vehicle decides the maker.
    modelled = {h.index for h in named if h.kind == "maker" and h.via == "model"}
    context = _context_namesake(k, stems, more)
    read: list[EntityHit] = []
    for hit in named:
        index = _read_as(k, hit, modelled, context)
        if index is None:
            read.append(hit)
            continue
        if reasons is not DISCARD:
            maker = k.makers[hit.index]
            why = "its model is named" if index in modelled else f"the text is about {context}"
            reasons.append(f"maker {k.makers[index].name}, not {maker.name}: {why}")
        read.append(replace(hit, index=index))
    return read


_TRUCKS = "trucking"
_BUSES = "buses"


def _namesakes(k: Knowledge, hit: EntityHit) -> list[str]:
    maker = k.makers[hit.index]
    return [name for name in (maker.buses_are, maker.trucks_are, *maker.namesakes) if name]


def _context_namesake(k: Knowledge, stems: list[str], more: list[str]) -> str:
    """What the text is about, buses or trucking (buses first: a bus operator's "fleet"), or
    ""."""
    # Asked of every car title that names such a maker: a set test in C for a word that may
    # start a phrase rules most out before the phrases are walked (1,750 instructions a
    # headline, 0.4%, when the names were walked first).
    for lexicon, what in ((k.buses, _BUSES), (k.trucking, _TRUCKS)):
        maybe = lexicon.may_match(stems) or (more and lexicon.may_match(more))
        if maybe and lexicon.scan(stems + more):
            return what
    return ""


def _read_as(k: Knowledge, hit: EntityHit, modelled: set[int], context: str) -> int | None:
    """The namesake maker ``hit`` is read as, or None where it stays as named."""
    if hit.kind != "maker" or hit.via == "model":
        return None
    if hit.index in modelled:  # a car of the maker's named ("Volvo EX30"), whatever it hauls
        return None
    maker = k.makers[hit.index]
    for name in _namesakes(k, hit):
        index = k.maker_by_name.get(name.lower())
        if index is not None and index in modelled:
            return index
    if not _bare(maker.name, hit.written):  # "Volvo Cars" is the carmaker, whatever it hauls
        return None
    wanted = {_BUSES: maker.buses_are, _TRUCKS: maker.trucks_are}.get(context, "")
    return k.maker_by_name.get(wanted.lower()) if wanted else None


def _bare(name: str, written: str) -> bool:
    """Whether ``written`` is the maker's bare name ("Volvo"), not a name of its own business
    ("Volvo Cars")."""
    return written.casefold() == name.casefold()


_SAYS = ("says", "said", "say", "tells", "told", "confirms", "reports", "report")


def without_compared(
    k: Knowledge, found: list[Spotted], tokens: Tokens, reasons: list[str]
) -> list[Spotted]:
    """``found`` less the makers that open a clause of their own after a self-driving
    company's news ("Waymo launches fully public robotaxi service in Miami, Tesla still needs
    safety monitors": the news is Waymo's, Tesla only its comparison; trial 51 filed it under
    Tesla). Not a list of names ("Waymo, Tesla and Zoox …")."""
    if not found or found[0][2].kind != "company" or found[0][2].index not in k.operators:
        return found
    text = tokens.plain
    owner = k.companies[found[0][2].index].owner.casefold()
    kept: list[Spotted] = []
    for spot in found:
        start, end, hit = spot
        first, last = tokens.where(start, end)
        before = text[:first].rstrip()
        after = text[last:].lstrip()
        maker = k.makers[hit.index] if hit.kind == "maker" else None
        compared = (
            maker is not None
            and before.endswith((",", ";"))
            and not after.startswith((",", "&", "and ", "or "))
            # A clause of its owner's ("Cruise …, GM says") or a source's is the news's own.
            and owner not in (maker.name.casefold(), maker.group.casefold())
            and not after.casefold().startswith(_SAYS)
        )
        if not compared:
            kept.append(spot)
        elif reasons is not DISCARD:
            reasons.append(
                f"not {k.makers[hit.index].name}: named in a clause of its own after "
                f"{k.companies[found[0][2].index].name}'s news, a comparison"
            )
    return kept
