"""What a story's sources tell together: every model they name, and a count told exactly where
the chosen source rounds it ("about 15,000 SUVs" and another's 14,768)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from autonews.models import Classification, Figure, ModelRef

# A count another source tells within this share of the chosen one's is the same count, told
# exactly ("nearly 240,000" and 239,382; 1.48万 and 14,768).
_SAME_COUNT = 0.05


def with_sources_details(
    chosen: Classification, others: Sequence[Classification]
) -> Classification:
    """``chosen`` (the story's labels), with the models of ``others`` (its other sources about
    cars, of its makers) after its own, and each rounded count replaced by the exact one another
    source tells."""
    if not others:
        return chosen
    makers = {maker.name for maker in chosen.makers}
    models = _models(chosen.models, (o.models for o in others if _shares_a_maker(o, makers)))
    figures = tuple(_exact(figure, others) for figure in chosen.figures)
    if models == chosen.models and figures == chosen.figures:
        return chosen
    return replace(chosen, models=models, figures=figures)


def _shares_a_maker(other: Classification, makers: set[str]) -> bool:
    return not makers or any(maker.name in makers for maker in other.makers)


def _models(
    own: tuple[ModelRef, ...], others: Iterable[tuple[ModelRef, ...]]
) -> tuple[ModelRef, ...]:
    seen = dict.fromkeys(own)
    for models in others:
        seen.update(dict.fromkeys(models))
    return tuple(seen)


def _exact(figure: Figure, others: Sequence[Classification]) -> Figure:
    """The exact count another source tells for a rounded one of the same unit, else
    ``figure``."""
    if figure.kind != "units" or not figure.value or _roundness(figure.value) < 2:
        return figure
    close = [
        theirs
        for other in others
        for theirs in other.figures
        if theirs.kind == "units"
        and theirs.unit == figure.unit
        and theirs.value
        and abs(theirs.value - figure.value) <= _SAME_COUNT * figure.value
    ]
    return min(close, key=lambda f: _roundness(f.value or 0), default=figure) if close else figure


def _roundness(value: float) -> int:
    """Trailing zeros of a whole count: 15,000 has 3, 14,768 none."""
    whole = round(value)
    zeros = 0
    while whole and whole % 10 == 0:
        whole //= 10
        zeros += 1
    return zeros
