"""What a title's wording says about how a story may use it, read when the item is classified
and kept with its labels: a warm run builds its stories from the store and must not load the
classifier's tokeniser or the glossary to choose a story's title (a warm farm run went from 0.48
to 0.65 s when the story-title rules read titles themselves). The title's language is kept too
(``Classification.language``, the classifier's own reading of it)."""

from __future__ import annotations

from autonews.classify.knowledge import Knowledge
from autonews.models import Figure

# The market's concepts (knowledge/concepts.toml): a title naming one tells the market's view
# of a company, its shares, its market value, an analyst's rating or price target.
MARKET_CONCEPTS = frozenset(("c:shares", "c:market-value", "c:analyst"))


def tells_the_market(k: Knowledge, stems: list[str], figures: tuple[Figure, ...]) -> bool:
    """Whether a title tells the market's view of a company rather than its news: a share
    price's move ("shares jump 7%", "stock climbs after Wedbush reiterates Outperform"), its
    market value, an analyst's rating or price target ("downgrades Rivian to Underweight")."""
    for figure in figures:  # (a loop, not any(): most titles have no figure, or one)
        if figure.measure == "stock":
            return True
    if k.market_starts.isdisjoint(stems):  # most titles: a set test in C
        return False
    return any(ids[0] in MARKET_CONCEPTS for _, _, ids in k.concepts.scan(stems))
