"""How alike two items are: the pair's evidence, the rules that keep it apart, the fitted model.

Two items are described by PAIR_FEATURES (cosines, rare terms, a shared figure or model, event
agreement, turns of a story, time apart, same feed) and scored by a logistic model
(``knowledge/cluster_model.toml``, fitted on labelled events by ``benchmarks/cluster_fit.py``).
Different makers, different unit counts or different models of one maker rule a merge out
(``_conflict``), whatever the score: those are different events even when worded alike.
"""

from __future__ import annotations

import math
import operator
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from autonews.cluster.features import _Features, _Figure

# A round figure stands for anything within most of its last digit's unit (never more than a
# tenth of it), plus a little for conversions: "1.48万" is 14,768.
_ROUNDING = 0.75
_MAX_ROUNDING = 0.1
_SLACK = 0.005
_RARE_CAP = 4
_HOURS_72 = 72 * 3600.0


def _same_model(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """ "su7" and "su7 ultra", "qin plus" and "plus" (秦PLUS) may be one model told shorter;
    "model y" and "model 3" are not."""
    return any(ga == gb and _one_name(x, y) for ga, x in a for gb, y in b)


def _one_name(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    return short == long or long.startswith(short + " ") or long.endswith(" " + short)


@lru_cache(maxsize=4096)  # few distinct sets of models; checked for every pair joined
def _other_models(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Both name models of one group and none of them match: SU7 and YU7 launches are two
    stories, but "Xiaomi SU7 undercuts Tesla Model 3" is not a Tesla story."""
    shared = {g for g, _ in a} & {g for g, _ in b}
    return any(
        not _same_model(frozenset(m for m in a if m[0] == g), frozenset(m for m in b if m[0] == g))
        for g in shared
    )


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    total = 0.0
    for term in a.keys() & b.keys():  # the set intersection runs in C: the hot loop of cluster()
        total += a[term] * b[term]
    return total


def _close(a: _Figure, b: _Figure) -> bool:
    """One figure, told as precisely as each outlet chose: "over 110,000" is 116,887 and
    "nearly 15,000" is 14,768, but 11,688 and 11,383 are two recalls."""
    rounder = a if a.precision >= b.precision else b
    tolerance = min(_ROUNDING * rounder.precision, _MAX_ROUNDING * abs(rounder.value))
    return abs(a.value - b.value) <= tolerance + _SLACK * max(abs(a.value), abs(b.value))


def _shared(a: frozenset[_Figure], b: frozenset[_Figure]) -> bool:
    return any(x.percent == y.percent and _close(x, y) for x in a for y in b)


def _conflict(a: _Features, b: _Features) -> bool:
    """Evidence that two items are different events, however alike their words."""
    if a.makers and b.makers and not a.makers & b.makers and not a.groups & b.groups:
        return True
    if a.units and b.units and not any(_close(x, y) for x in a.units for y in b.units):
        return True  # different recalls, different sales months
    if a.models and b.models and _other_models(a.models, b.models):
        return True
    return bool(
        a.title_percents
        and b.title_percents
        and not any(_close(x, y) for x in a.title_percents for y in b.title_percents)
    )


# The evidence a pair of items is weighed on; the weights are data (knowledge/cluster_model.toml)
# fitted by benchmarks/cluster_fit.py, so they are changed by measurement, not by hand.
PAIR_FEATURES = (
    "title_cosine",  # TF-IDF cosine of the titles (concepts and names across languages)
    "text_cosine",  # the same over title and summary
    "shared_rare",  # rare terms in common, up to 4, as a fraction of 4
    "turn_mismatch",  # one says talks ended, the recall expanded..., the other does not
    "same_event",
    "different_event",
    "hours_apart",  # in units of 72 h
    "same_feed",  # one outlet seldom tells one event twice, but often runs a series alike
    # The dearest last: scoring looks at them only for pairs they could lift over the threshold.
    "same_model",
    "shared_figure",  # a unit count, amount or percentage in common
    "money_mismatch",  # both titles name sums in one currency, and no sum matches
)
_LATE = 3  # how many of PAIR_FEATURES _late_features computes


def _early_features(a: _Features, b: _Features) -> tuple[float, ...]:
    if a.cjk is b.cjk:
        title, text = _dot(a.title, b.title), _dot(a.text, b.text)
    else:
        title, text = _dot(a.title_bridge, b.title_bridge), _dot(a.text_bridge, b.text_bridge)
    event_a, event_b = a.event, b.event
    typed = event_a is not None and event_b is not None
    return (
        title,
        text,
        min(len(a.rare & b.rare), _RARE_CAP) / _RARE_CAP,
        0.0 if a.turns == b.turns else 1.0,
        1.0 if typed and event_a is event_b else 0.0,
        1.0 if typed and event_a is not event_b else 0.0,
        abs(a.stamp - b.stamp) / _HOURS_72,
        1.0 if a.source and a.source == b.source else 0.0,
    )


def _late_features(a: _Features, b: _Features) -> tuple[float, float, float]:
    return (
        1.0 if a.models and b.models and _same_model(a.models, b.models) else 0.0,
        1.0 if a.numbers and b.numbers and _shared(a.numbers, b.numbers) else 0.0,
        1.0 if a.title_money and b.title_money and _money_mismatch(a, b) else 0.0,
    )


def _none_close(a: frozenset[_Figure], b: frozenset[_Figure]) -> bool:
    return not any(_close(x, y) for x in a for y in b)


def _money_mismatch(a: _Features, b: _Features) -> bool:
    """Sums in one currency in both titles, none of them alike: $1.1 billion and $2.2 billion
    from one investor are two rounds; $2.2 billion and 16 billion yuan may be one."""
    currencies = {c for c, _ in a.title_money} & {c for c, _ in b.title_money}
    return any(
        _none_close(
            frozenset(x for cx, x in a.title_money if cx == currency),
            frozenset(y for cy, y in b.title_money if cy == currency),
        )
        for currency in currencies
    )


def pair_features(a: _Features, b: _Features) -> tuple[float, ...]:
    """The pair's values of PAIR_FEATURES, in that order."""
    return _early_features(a, b) + _late_features(a, b)


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
    """``model.score(pair_features(a, b))`` when it reaches the threshold, else None: the same
    sum in the same order, but the late features, the dearest, are only computed when they
    could still lift the pair over the threshold (most candidates are far below it)."""
    early_weights, late_weights = model.weights[:-_LATE], model.weights[-_LATE:]
    bias, merge = model.bias, model.merge_score
    # The most the late features can add; the margin keeps float rounding on the safe side.
    reach = sum(max(weight, 0.0) for weight in late_weights) + 1e-9

    def score(a: _Features, b: _Features) -> float | None:
        early = float(sum(map(operator.mul, early_weights, _early_features(a, b))))
        if bias + early + reach < merge:
            return None
        late = _late_features(a, b)
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




def _probability(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0
