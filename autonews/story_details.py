"""What a story's sources tell together: every model they name, a count told exactly where the
chosen source rounds it ("about 15,000 SUVs" and another's 14,768), and the figures its other
sources agree on that the chosen source's title does not tell: a count (BYD's "sales edge up
3.8%" beside 49.86万辆 twice), a year-on-year or other change, a share, a margin (Leapmotor's
同比增长22.6% in three sources' titles), a sum two or more of them tell (Toyota's forecast of
3.4tn yen, told by Nikkei's and MarketScreener's titles, under Reuters's "profit slides 27%")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from autonews.models import Classification, Figure, MakerRef, ModelRef


def with_sources_details(
    chosen: Classification, others: Sequence[Classification]
) -> Classification:
    """``chosen`` (the story's labels), with the models of ``others`` (its other sources about
    cars, of its makers) and the companies they name after its own, each rounded count replaced
    by the exact one another source tells (or the one they agree on where it reads none), and
    each kind of percentage they agree on that it does not say."""
    if not others:
        return chosen
    makers = {maker.name for maker in chosen.makers}
    models = _models(chosen.models, (o.models for o in others if _shares_a_maker(o, makers)))
    companies = tuple(dict.fromkeys([*chosen.companies, *(c for o in others for c in o.companies)]))
    figures = _with_percentages_told(
        tuple(_exact(figure, others) for figure in chosen.figures)
        + _count_told_by_others(chosen, others),
        others,
    )
    figures += _sums_told_by_others(figures, others)
    suppliers = tuple(
        dict.fromkeys(c for s in (chosen, *others) for c in s.suppliers if c not in companies)
    )
    if (models, figures, companies, suppliers) == (
        chosen.models,
        chosen.figures,
        chosen.companies,
        chosen.suppliers,
    ):
        return chosen
    return replace(chosen, models=models, figures=figures, companies=companies, suppliers=suppliers)


def with_makers_sources_tell(
    chosen: Classification, labels: Sequence[Classification]
) -> Classification:
    """``chosen`` with the makers half or more of its sources' ``labels`` (its own among them)
    name and it does not: the story is theirs as `classify` reads its sources, whatever the one
    that stands for it names (trial 53: "Geely tightens grip on Malaysia's Proton" read no
    Proton, so `--maker Proton` missed the story two of its four sources name Proton in; GAC
    Aion's plant lost its maker under another source's market report)."""
    if len(labels) < 2:
        return chosen
    own = {maker.name for maker in chosen.makers}
    named: dict[str, tuple[int, MakerRef]] = {}
    for label in labels:
        for maker in dict.fromkeys(label.makers):
            count, _ = named.get(maker.name, (0, maker))
            named[maker.name] = (count + 1, maker)
    added = tuple(
        maker
        for name, (count, maker) in named.items()
        if name not in own and count * 2 >= len(labels)
    )
    return replace(chosen, makers=chosen.makers + added) if added else chosen


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
    """The count the other sources agree on where the chosen one reads none ("recalls nearly
    every Cybertruck, 46,000, over…" beside another's "46,096 Cybertrucks"): see ``_agreed``."""
    if any(figure.kind == "units" for figure in chosen.figures):
        return ()
    from autonews.figure_match import close  # only for a story with a count
    from autonews.figure_match import figure as read

    def same(a: Figure, b: Figure) -> bool:
        return a.unit == b.unit and close(read(a.value or 0), read(b.value or 0))

    counts = [[f for f in other.figures if f.kind == "units" and f.value] for other in others]
    agreed = _agreed(counts, same)
    return (agreed,) if agreed else ()


# A market index's move is no figure of the story's maker, nor one its sources agree on; nor is
# a share's move the news's figure: "Nissan shares rise 3% as investors cheer deeper cost cuts"
# beside the cuts' "9,000 more job losses" (trial 43: the story's figures were "9,000, 3%").
_NOT_THE_STORYS = frozenset({"index", "stock"})


def _with_percentages_told(
    figures: tuple[Figure, ...], others: Sequence[Classification]
) -> tuple[Figure, ...]:
    """``figures``, with each kind of percentage the other sources agree on (year-on-year,
    month-on-month, a share, a margin…) that they do not tell: the chosen title's own bare
    percentage of that value then says what it is ("up 30.1%" is 同比增长30.1%), else the
    agreed one is added."""
    measures = {
        f.measure
        for other in others
        for f in other.figures
        if f.kind == "percent" and f.measure and f.measure not in _NOT_THE_STORYS
    }
    said = {f.measure for f in figures if f.kind == "percent"}
    for measure in sorted(measures - said):
        told = [
            [f for f in other.figures if f.kind == "percent" and f.measure == measure]
            for other in others
        ]
        agreed = _agreed(told, _same_percentage)
        if agreed is not None:
            figures = _told_as(figures, agreed)
    return figures


# Sums two sources must tell alike to be a story's (one outlet's EPS or estimate is its own).
_SUM_TELLERS = 2


def _sums_told_by_others(
    figures: tuple[Figure, ...], others: Sequence[Classification]
) -> tuple[Figure, ...]:
    """The sums (money) at least two of the other sources' titles tell alike (one currency, one
    measure, close), the most precisely told, that ``figures`` (the story's so far) do not:
    trial 50's Toyota results showed only the lead title's "27%", not the 3.4tn yen forecast
    two outlets' titles gave. Not a share price or a price target (``stock``)."""
    told = [
        [f for f in other.figures if _a_sum(f)]
        for other in others
        if any(map(_a_sum, other.figures))
    ]
    if len(told) < _SUM_TELLERS:
        return ()
    from autonews.figure_match import close
    from autonews.figure_match import figure as read

    def same(a: Figure, b: Figure) -> bool:
        alike = a.unit == b.unit and a.measure == b.measure
        return alike and close(read(a.value or 0), read(b.value or 0))

    added: list[Figure] = []
    for candidate in sorted((f for sums in told for f in sums), key=_precision):
        tellers = sum(any(same(candidate, f) for f in sums) for sums in told)
        known = any(same(candidate, f) for f in (*figures, *added))
        if tellers >= _SUM_TELLERS and not known:
            added.append(candidate)
    return tuple(added)


def _a_sum(figure: Figure) -> bool:
    """A sum of money told as one value, no share price or price target."""
    return figure.kind == "money" and bool(figure.value) and figure.measure not in _NOT_THE_STORYS


def _told_as(figures: tuple[Figure, ...], agreed: Figure) -> tuple[Figure, ...]:
    """``figures`` with the bare percentage of ``agreed``'s value saying what ``agreed`` says
    it is, or with ``agreed`` added where none has its value."""
    for index, figure in enumerate(figures):
        if figure.kind == "percent" and not figure.measure and _same_percentage(figure, agreed):
            said = replace(figure, measure=agreed.measure)
            return (*figures[:index], said, *figures[index + 1 :])
    return (*figures, agreed)


def _same_percentage(a: Figure, b: Figure) -> bool:
    return a.value is not None and a.value == b.value


def _agreed(
    told: Sequence[Sequence[Figure]], same: Callable[[Figure, Figure], bool]
) -> Figure | None:
    """The one figure that every source telling any of ``told`` (their figures of one kind,
    each source's) tells, the most precisely told: none when the sources disagree (another
    recall's 2,400 beside 46,096), or when more than one is told by all (a title's sales and
    its overseas sales, told by one source alone)."""
    tellers = [figures for figures in told if figures]
    agreed: list[Figure] = []
    for candidate in sorted((f for figures in tellers for f in figures), key=_precision):
        if all(any(same(candidate, f) for f in figures) for figures in tellers) and not any(
            same(candidate, a) for a in agreed
        ):
            agreed.append(candidate)
    return agreed[0] if len(agreed) == 1 else None


def _precision(figure: Figure) -> float:
    from autonews.figure_match import precision_of

    return precision_of(figure.value or 0)


def _exact(figure: Figure, others: Sequence[Classification]) -> Figure:
    """The most precise count of the same unit another source tells that is ``figure`` told
    more precisely ("nearly 240,000" and 239,382: the clustering's reading of one figure),
    else ``figure``."""
    if figure.kind != "units" or not figure.value:
        return figure
    from autonews.figure_match import close  # only for a story with a count
    from autonews.figure_match import figure as read

    ours = read(figure.value)
    told = [
        (read(theirs.value), theirs)
        for other in others
        for theirs in other.figures
        if theirs.kind == "units" and theirs.unit == figure.unit and theirs.value
    ]
    exact = [(p, f) for p, f in told if p.precision < ours.precision and close(ours, p)]
    return min(exact, key=lambda pair: pair[0].precision)[1] if exact else figure
