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
    """``named`` with each maker that has a trucks namesake read as it, where ``stems`` (the
    title's) or ``more`` (its summary's) name trucking; unchanged otherwise."""
    # Asked of every car title that names a company: a set test in C for a word that may start
    # a trucking phrase rules most out before the names are walked (1,750 instructions a
    # headline, 0.4%, when the names were walked first).
    if not (k.trucking.may_match(stems) or (more and k.trucking.may_match(more))):
        return named
    if not any(h.kind == "maker" and k.makers[h.index].trucks_are for h in named):
        return named
    # A car of the maker's named ("Volvo EX30"): the name is the carmaker's, whatever it hauls.
    cars = {h.index for h in named if h.kind == "maker" and h.via == "model"}
    if not k.trucking.scan(stems + more):
        return named
    read: list[EntityHit] = []
    for hit in named:
        maker = k.makers[hit.index] if hit.kind == "maker" else None
        index = k.maker_by_name.get(maker.trucks_are.lower()) if maker is not None else None
        if maker is None or index is None or hit.via == "model" or hit.index in cars:
            read.append(hit)
            continue
        if reasons is not DISCARD:
            reasons.append(
                f"maker {k.makers[index].name}, not {maker.name}: the text is about trucking"
            )
        read.append(replace(hit, index=index))
    return read


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
