"""How alike two items are: the pair's evidence, the rules that keep it apart, the fitted model.

Two items can be one event only on positive evidence: a subject they share (a name, model,
part or fault, place, company, a merger's two sides) or a figure (``proof``: sharing a maker and
an event type is never enough, nor, for two items of one maker, a place many items name).
Different makers, unit counts, models of one maker, turns of a story (talks
begun / called off) and the like rule a merge out, whatever the score (``conflicts``).

Pairs with evidence are described by PAIR_FEATURES and scored by a logistic model
(``knowledge/cluster_model.toml``, fitted on labelled events by ``benchmarks/cluster_fit.py``).
The classifier's event types are not among them: under cross-validation they added nothing the
titles do not tell, and a type the classifier hesitates over moves with every refit of its
model, which should not move stories with it. Only the rules that keep items apart read the
type, besides the titles' words, and most only where the classifier is sure of it
(``conflicts``: a recall against other news of its model, trade news of two kinds, a price
against other news, a listing against a partnership, a maker's news against an industry rule,
a launch after its teaser, one maker's results; ``place_conflicts``: one kind of news in two
markets).
"""

from __future__ import annotations

import math
import operator
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from autonews.cluster.conflicts import conflict as conflict  # the rules, for their callers
from autonews.cluster.conflicts import shared_figure as shared_figure
from autonews.cluster.conflicts import shared_subject as shared_subject
from autonews.cluster.features import _Features
from autonews.cluster.proof import _common as _common  # the proof rules, for their callers
from autonews.cluster.proof import evidence as evidence
from autonews.cluster.proof import positive as positive
from autonews.cluster.proof import unproven as unproven
from autonews.cluster.shared import same_model as _same_model
from autonews.cluster.terms import bridges

_SUBJECT_CAP = 3.0
_HOURS_72 = 72 * 3600.0


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    total = 0.0
    for term in a.keys() & b.keys():  # the set intersection runs in C: the hot loop of cluster()
        total += a[term] * b[term]
    return total


def _dot_across(a: dict[str, float], b: dict[str, float]) -> float:
    total = 0.0
    for term in a.keys() & b.keys():
        if bridges(term):
            total += a[term] * b[term]
    return total


def _subject_mass(a: _Features, other_cjk: bool) -> float:
    return a.masses[0] if a.cjk is other_cjk else a.masses[1]


# The evidence a pair of items is weighed on; the weights are data (knowledge/cluster_model.toml)
# fitted by benchmarks/cluster_fit.py, so they are changed by measurement, not by hand.
PAIR_FEATURES = (
    "title_cosine",  # TF-IDF cosine of the titles (concepts and names across scripts)
    "text_cosine",  # the same over title and lead
    "shared_subject",  # weights of the subject terms in common, up to 3, as a fraction of 3
    "subject_cover",  # their share of the smaller subject of the two
    "titles_apart",  # the titles share no term at all
    "title_only",  # one of them has nothing but a title: its evidence is a title's
    "stage_mismatch",  # the titles name different turns of a story, or only one names one
    "hours_apart",  # in units of 72 h
    "same_feed",  # one outlet seldom tells one event twice, but often runs a series alike
    "no_maker",  # neither names a maker: world news, blogs
    "speculation_mismatch",  # one is a rumour or a question, the other is not
    # The dearest last: scoring looks at them only for pairs they could lift over the threshold.
    "same_model",
    "shared_figure",  # a unit count, amount or percentage in common
)
_LATE = 2  # how many of PAIR_FEATURES _late_features computes


def _early_features(a: _Features, b: _Features, common: float) -> tuple[float, ...]:
    na, nb = a.norms, b.norms
    if a.cjk is b.cjk:
        title = _dot(a.title, b.title) / (na[0] * nb[0])
        text = (
            title
            if a.text is a.title and b.text is b.title
            else _dot(a.text, b.text) / (na[1] * nb[1])
        )
    else:  # over what both scripts can say
        title = _dot_across(a.title, b.title) / (na[2] * nb[2])
        text = _dot_across(a.text, b.text) / (na[3] * nb[3])
    smaller = min(_subject_mass(a, b.cjk), _subject_mass(b, a.cjk))
    return (
        title,
        text,
        min(common, _SUBJECT_CAP) / _SUBJECT_CAP,
        min(common / smaller, 1.0) if smaller else 0.0,
        0.0 if title else 1.0,
        1.0 if a.text is a.title or b.text is b.title else 0.0,
        0.0 if a.stages == b.stages else 1.0,
        abs(a.stamp - b.stamp) / _HOURS_72,
        1.0 if a.source and a.source == b.source else 0.0,
        0.0 if a.makers or b.makers else 1.0,
        1.0 if a.speculative is not b.speculative else 0.0,
    )


def _late_features(a: _Features, b: _Features) -> tuple[float, float]:
    return (
        1.0 if a.models and b.models and _same_model(a.models, b.models) else 0.0,
        1.0 if shared_figure(a, b) else 0.0,
    )


# Two reports that name one model and tell one figure (a launch price, a recall's count) date
# themselves to one release: an outlet that tells it two days after the first ones (a Chinese
# launch told in English, a recall told again by a weekly) is still telling it. For them the hours
# apart count this much.
ONE_RELEASE_HOURS = 0.5
_HOURS = PAIR_FEATURES.index("hours_apart")


def _one_release(late: tuple[float, float]) -> bool:
    return late == (1.0, 1.0)  # the same model, a figure in common


def pair_features(a: _Features, b: _Features) -> tuple[float, ...]:
    """The pair's values of PAIR_FEATURES, in that order."""
    early, late = _early_features(a, b, _common(a, b)), _late_features(a, b)
    if _one_release(late):
        hours = early[_HOURS] * ONE_RELEASE_HOURS
        early = (*early[:_HOURS], hours, *early[_HOURS + 1 :])
    return early + late


@dataclass(frozen=True)
class PairModel:
    """Logistic regression over PAIR_FEATURES: the probability two items tell one event."""

    bias: float
    weights: tuple[float, ...]  # in PAIR_FEATURES order
    threshold: float  # the probability from which two items merge
    # Two stories of several items merge only if their members, on average over the pairs
    # within the window, tell one event with at least this probability: single links would
    # chain an Iran-talks story into an Iran-drills story into an Iran-protests story.
    cohesion: float = 0.0

    def score(self, features: Sequence[float]) -> float:
        """The log-odds; compared with ``logit(threshold)`` it needs no exponential."""
        return self.bias + float(sum(map(operator.mul, self.weights, features)))

    @property
    def merge_score(self) -> float:
        return math.log(self.threshold / (1.0 - self.threshold))


def _scorer(model: PairModel) -> Callable[[_Features, _Features], float | None]:
    """For a pair with enough evidence, ``model.score(pair_features(a, b))`` when it reaches
    the threshold; else None. The late features, the dearest, are only computed when they could
    still lift the pair over the threshold (most candidates are far below it)."""
    early_weights, late_weights = model.weights[:-_LATE], model.weights[-_LATE:]
    bias, merge = model.bias, model.merge_score
    # The most the late features can add (with the hours they may take back, below); the margin
    # keeps float rounding on the safe side.
    reach = sum(max(weight, 0.0) for weight in late_weights) + 1e-9
    hours_weight = min(early_weights[_HOURS], 0.0)

    def score(a: _Features, b: _Features) -> float | None:
        common = _common(a, b)
        if not positive(a, b, common):
            return None
        values = _early_features(a, b, common)
        early = float(sum(map(operator.mul, early_weights, values)))
        # What one release's hours apart give back (see ONE_RELEASE_HOURS).
        refund = -hours_weight * values[_HOURS] * (1.0 - ONE_RELEASE_HOURS)
        if bias + early + reach + refund < merge:
            return None
        late = _late_features(a, b)
        if _one_release(late):  # summed again as pair_features gives them, to the last bit
            values = (*values[:_HOURS], values[_HOURS] * ONE_RELEASE_HOURS, *values[_HOURS + 1 :])
            early = float(sum(map(operator.mul, early_weights, values)))
        total = bias + float(sum(map(operator.mul, late_weights, late), early))
        return total if total >= merge else None

    return score


@lru_cache(maxsize=1)
def pair_model() -> PairModel:
    resource = resources.files("autonews.knowledge").joinpath("cluster_model.toml")
    return parse_pair_model(tomllib.loads(resource.read_text("utf-8")))


def parse_pair_model(data: Mapping[str, object]) -> PairModel:
    weights = data["weights"]
    if not isinstance(weights, dict) or set(weights) != set(PAIR_FEATURES):
        raise ValueError(f"cluster model weights must be exactly {', '.join(PAIR_FEATURES)}")
    threshold = float(str(data["threshold"]))
    cohesion = float(str(data.get("cohesion", 0.0)))
    if not (0.0 < threshold < 1.0 and 0.0 <= cohesion < 1.0):
        raise ValueError("cluster model threshold and cohesion must be probabilities")
    return PairModel(
        float(str(data["bias"])),
        tuple(float(weights[name]) for name in PAIR_FEATURES),
        threshold,
        cohesion,
    )


def probability(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0
