"""Why items are one story: for each merge, the evidence that joined them and its weight.

``explain`` clusters the items as ``cluster`` does (without an earlier run's assignments) and
reports the joins among a story's members: a shared link, a feed's re-post, one title in two
feeds (items of feeds without car news join only so), or a pair the model scored, with what the
two items share (subject terms, figures, models) and each feature's part in the score. Members
an earlier run put in the story that today's evidence would not join are linked by their best
pair, marked "earlier run": a user who sees a wrong merge can say why.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from autonews.cluster import figures as fig
from autonews.cluster.conflicts import one_sales_report
from autonews.cluster.features import _Features, features_of
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.model import (
    PAIR_FEATURES,
    PairModel,
    _common,
    _late_features,
    _one_release,
    conflict,
    pair_features,
    pair_model,
    probability,
    shared_subject,
    unproven,
)
from autonews.cluster.sales_reports import SalesReport, described
from autonews.cluster.stories import UNPROVEN, Join, clustered, with_other_topics
from autonews.cluster.subjects import COUNTERPART, MODEL, NATIONS, SIDE
from autonews.cluster.topics import split_by_topic
from autonews.cluster.written_terms import as_written, written_forms


@dataclass(frozen=True)
class Evidence:
    """One piece of a pair's evidence: a feature the model weighs, or what the two share."""

    name: str  # a PAIR_FEATURES name, "shared subject", "bias", "conflict" or "unproven"
    detail: str  # what it is, as a reader would say it
    weight: float = 0.0  # its part in the log-odds of one event


@dataclass(frozen=True)
class Merge:
    first: int  # item keys
    second: int
    how: str  # "same link", "re-post", "same title", "pair" or "earlier run"
    probability: float | None  # the model's, for a pair
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Explanation:
    members: tuple[int, ...]  # item keys, in publication order
    merges: tuple[Merge, ...]


def explain(
    items: Sequence[ClusterInput],
    members: Collection[int],
    window: timedelta = timedelta(hours=72),
    model: PairModel | None = None,
) -> Explanation:
    """The merges that make one story of ``members`` (item keys) among ``items`` (the story's
    members and the items around them in time, whose rarities weigh the terms)."""
    model = model or pair_model()
    ordered = sorted(items, key=lambda item: (item.published, item.key))
    car, others, other_joins = split_by_topic(ordered, window, {})
    features = features_of(car)
    position = {item.key: n for n, item in enumerate(car)}
    result = with_other_topics(
        ordered, clustered(car, features, window, {}, model), others, other_joins
    )
    wanted = set(members)
    root = {key: key for key in wanted}
    written = _written(car, features, position, wanted)

    def find(key: int) -> int:
        while root[key] != key:
            root[key] = root[root[key]]
            key = root[key]
        return key

    merges = []
    for join in result.joins:
        if join.first in wanted and join.second in wanted and find(join.first) != find(join.second):
            root[find(join.first)] = find(join.second)
            merges.append(_merge(join, features, position, model, written))
    # What an earlier run joined and today's evidence would not: the best pair between parts.
    if len({find(key) for key in wanted}) > 1 and not wanted <= position.keys():
        features = features_of(ordered)  # members the split kept apart: weighed all the same
        position = {item.key: n for n, item in enumerate(ordered)}
    while len({find(key) for key in wanted}) > 1:
        parts: dict[int, list[int]] = {}
        for key in wanted:
            parts.setdefault(find(key), []).append(key)
        first_part, *others = sorted(parts.values(), key=min)
        rest = [key for part in others for key in part]
        x, y = max(
            ((a, b) for a in first_part for b in rest),
            key=lambda p: model.score(
                pair_features(features[position[p[0]]], features[position[p[1]]])
            ),
        )
        root[find(x)] = find(y)
        join = Join(min(x, y), max(x, y), "earlier run")
        merges.append(_merge(join, features, position, model, written))
    ordered_members = tuple(item.key for item in ordered if item.key in wanted)
    return Explanation(ordered_members, tuple(merges))


def _written(
    items: Sequence[ClusterInput],
    features: Sequence[_Features],
    position: Mapping[int, int],
    members: Collection[int],
) -> dict[str, str]:
    """How the items write the word terms of ``members``' subjects (``written_terms``)."""
    terms = {t for key in members if key in position for t in features[position[key]].subject}
    return written_forms(items, terms)


def _merge(
    join: Join,
    features: Sequence[_Features],
    position: dict[int, int],
    model: PairModel,
    written: Mapping[str, str] | None = None,
) -> Merge:
    if join.how in ("same link", "re-post", "same title"):
        return Merge(join.first, join.second, join.how, None)
    a, b = features[position[join.first]], features[position[join.second]]
    values = pair_features(a, b)
    score = model.score(values)
    why = unproven(a, b, _common(a, b))
    evidence = _evidence(a, b, values, model, why is None, written or {})
    if why is not None:
        # As the clustering weighs such a pair: alike in words, but nothing shared proves one
        # event (an earlier run's join that today's evidence would not make); and which rule
        # asked for more, so that what the pair does share (listed above) is no contradiction.
        score -= UNPROVEN
        evidence.append(Evidence("unproven", f"not proven one event: {why}", -UNPROVEN))
    return Merge(join.first, join.second, join.how, probability(score), tuple(evidence))


def _evidence(
    a: _Features,
    b: _Features,
    values: tuple[float, ...],
    model: PairModel,
    proven: bool,
    written: Mapping[str, str],
) -> list[Evidence]:
    found = []
    shared = shared_subject(a, b)
    if shared:
        names = sorted(shared, key=lambda t: (-shared[t], t))
        said = (as_written(term, written) or term_name(term) for term in names)
        found.append(Evidence("shared subject", ", ".join(said)))
    figures = [
        f
        for f in fig.matching(a.numbers, b.numbers)
        if fig.shared_alike(
            frozenset((f,)),
            b.numbers,
            a.figure_kinds,
            b.figure_kinds,
            a.figure_bounds,
            b.figure_bounds,
        )
    ]
    if figures:
        found.append(Evidence("shared figures", ", ".join(map(_figure_name, figures))))
    why = conflict(a, b)
    if why:
        found.append(Evidence("conflict", why))
    if one_sales_report(a, b) and a.sales is not None:
        found.append(Evidence("periodic sales report", _sales_report(a.sales)))
    weighed = 0.0
    for name, value, weight in zip(PAIR_FEATURES, values, model.weights, strict=True):
        if value:
            detail = _value(name, value, a, b)
            if name == "speculation_mismatch":
                detail = _speculation(weight)
            found.append(Evidence(name, detail, weight * value))
            weighed += weight * value
    found.append(Evidence("bias", "the model's starting point", model.bias))
    if proven and weighed < _LITTLE:  # a reader adding up the lines should not have to
        found.append(Evidence("note", _STARTING_POINT.format(weighed)))
    return found


def _sales_report(report: SalesReport) -> str:
    """Why a maker's sales told with other figures are one story."""
    if report.body:
        return (
            f"both tell {report.maker}'s figures of the market in {described(report)}, told "
            "within a day: one release, whatever figure each leads with"
        )
    return (
        f"both tell {report.maker}'s sales of {described(report)}, told within a day: one "
        "release, whatever figure each leads with (total, domestic, exports, a segment)"
    )


_LITTLE = 1.0  # evidence weighing less than this left the starting point to decide
# Why a starting point can carry a merge: the model is fitted only on pairs that pass the proof
# rules (benchmarks/cluster_fit.py), so its starting point is already the odds of one event for
# a pair sharing a subject or a figure; the features only move it.
_STARTING_POINT = (
    "the starting point is the odds, measured on labelled pairs, that two items sharing a "
    "subject or a figure that proves one event (above) tell one; the features above move it "
    "by {:+.2f}"
)


def _figure_name(figure: fig.Figure) -> str:
    return f"{figure.value:,.{_places(figure.precision)}f}" + ("%" if figure.percent else "")


def _places(precision: float) -> int:
    places = 0
    while precision < 1 and places < 6:
        precision *= 10
        places += 1
    return places


def _value(name: str, value: float, a: _Features, b: _Features) -> str:
    if name == "same_model" and value:
        # The model is also a shared subject term: the fit takes back part of its weight there.
        return "yes (the model also counts in the shared subject; this corrects its weight)"
    if name == "hours_apart":
        hours = abs(a.stamp - b.stamp) / 3600
        # Asked of the pair itself, not read off the value: 1.85 h and 1.85 h rounded after
        # float arithmetic may print as 1.9 and 1.8 (trial 42 was told of a model and a
        # figure the pair did not have).
        if not _one_release(_late_features(a, b)):
            return f"{hours:.1f} h apart"
        counted = value * 72
        return f"{hours:.1f} h apart, counted as {counted:.1f} h: one model and a figure in common"
    if name == "stage_mismatch":
        return f"yes: {_stages(a)} / {_stages(b)}"
    if name in ("title_cosine", "text_cosine") and a.cjk is not b.cjk:
        return f"{value:.2f} (across scripts: of the names and concepts both can say)"
    if value == 1.0 and name not in ("title_cosine", "text_cosine"):
        return "yes"
    return f"{value:.2f}"


def _speculation(weight: float) -> str:
    """A rumour beside a firm report, said with what its fitted weight means: the labelled
    events hold many a rumour told beside its confirmation (and a notice's "may" read as one),
    so the fit may find the mismatch no evidence against one event. Trial 48 read a bare
    "mismatch (+0.09)" as a bug."""
    told = "yes: one told as a rumour (or with 'may'), the other firmly"
    if weight >= 0:
        return f"{told}; no evidence of two events: a rumour and its confirmation are often one"
    return f"{told}: less likely one event"


def _stages(item: _Features) -> str:
    """The turns of a story a title names ("end, talks"), or "none named"."""
    return ", ".join(sorted(item.stages)) or "none named"


def term_name(term: str) -> str:
    """A term as a reader would say it: "c:recall" is the concept recall, "s:Tesla:model y"
    the model Model Y, "m*Honda+Nissan" the two makers together, "n*japan+us" two countries."""
    if term.startswith("c:"):
        concept, _, side = term[2:].partition(SIDE)
        return concept.replace("-", " ") + (f" of {side}" if side else "")
    if term.startswith(MODEL):
        return "model " + term.split(":", 2)[2]
    if term.startswith(COUNTERPART):
        return term[len(COUNTERPART) :].replace("+", " + ")
    if term.startswith(NATIONS):
        return term[len(NATIONS) :].replace("-", " ").replace("+", " + ")
    if term.startswith(("m:", "o:")):
        return term[2:]
    return term
