"""What a story's sources tell together: every model they name, and a count told exactly where
the chosen source rounds it ("about 15,000 SUVs" and another's 14,768) or tells none its words
let us read."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from autonews.models import Classification, Figure, ModelRef


def with_sources_details(
    chosen: Classification, others: Sequence[Classification]
) -> Classification:
    """``chosen`` (the story's labels), with the models of ``others`` (its other sources about
    cars, of its makers) and the companies they name after its own, and each rounded count
    replaced by the exact one another source tells (or told by them where it reads none)."""
    if not others:
        return chosen
    makers = {maker.name for maker in chosen.makers}
    models = _models(chosen.models, (o.models for o in others if _shares_a_maker(o, makers)))
    companies = tuple(dict.fromkeys([*chosen.companies, *(c for o in others for c in o.companies)]))
    figures = tuple(_exact(figure, others) for figure in chosen.figures) + _count_told_by_others(
        chosen, others
    )
    if models == chosen.models and figures == chosen.figures and companies == chosen.companies:
        return chosen
    return replace(chosen, models=models, figures=figures, companies=companies)


def _shares_a_maker(other: Classification, makers: set[str]) -> bool:
    return not makers or any(maker.name in makers for maker in other.makers)


def _models(
    own: tuple[ModelRef, ...], others: Iterable[tuple[ModelRef, ...]]
) -> tuple[ModelRef, ...]:
    seen = dict.fromkeys(own)
    for models in others:
        seen.update(dict.fromkeys(models))
    return tuple(seen)


def _count_told_by_others(
    chosen: Classification, others: Sequence[Classification]
) -> tuple[Figure, ...]:
    """The count the other sources tell where the chosen one reads none ("recalls nearly every
    Cybertruck, 46,000, over…" beside another's "46,096 Cybertrucks"): the most precise, when
    every count they tell is that one, told more or less precisely; else none."""
    if any(figure.kind == "units" for figure in chosen.figures):
        return ()
    told = [
        (f.value, f) for other in others for f in other.figures if f.kind == "units" and f.value
    ]
    if not told or len({f.unit for _, f in told}) > 1:
        return ()
    from autonews.cluster.figures import close  # only for a story with a count
    from autonews.cluster.figures import figure as read

    read_told = sorted(((read(v), f) for v, f in told), key=lambda pair: pair[0].precision)
    best = read_told[0][0]
    if not all(close(best, other) for other, _ in read_told[1:]):
        return ()  # the sources disagree: no one count tells the story
    return (read_told[0][1],)


def _exact(figure: Figure, others: Sequence[Classification]) -> Figure:
    """The most precise count of the same unit another source tells that is ``figure`` told
    more precisely ("nearly 240,000" and 239,382: the clustering's reading of one figure),
    else ``figure``."""
    if figure.kind != "units" or not figure.value:
        return figure
    from autonews.cluster.figures import close  # only for a story with a count
    from autonews.cluster.figures import figure as read

    ours = read(figure.value)
    told = [
        (read(theirs.value), theirs)
        for other in others
        for theirs in other.figures
        if theirs.kind == "units" and theirs.unit == figure.unit and theirs.value
    ]
    exact = [(p, f) for p, f in told if p.precision < ours.precision and close(ours, p)]
    return min(exact, key=lambda pair: pair[0].precision)[1] if exact else figure
