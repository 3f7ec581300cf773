"""How rare each term is among the items clustered together: TF-IDF weights, the count up to
which a term is rare, and the terms all their items use within two days (one event's names).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from autonews.cluster.concept_sets import COUNTRIES
from autonews.cluster.terms import bridges, is_subject
from autonews.cluster.texts import ItemText

_RARE_MIN = 5  # items: one event told by five outlets keeps its names rare
_RARE_CAP = 20  # items: a term used by more is not rare, however many items are clustered
_BURST = 48 * 3600.0  # seconds: a term all its items use within this time is one event's
_BURST_SHARE = 1 / 8  # of the items: a term more use is no one event's name, however soon


@dataclass(frozen=True)
class Corpus:
    """Document frequencies of the items clustered together: what is rare among them."""

    idf: Mapping[str, float]
    rare_df: int  # a term used by at most this many items is rare
    df: Mapping[str, int]
    bridging: frozenset[str]  # the terms both scripts can say
    subjects: frozenset[str]  # the terms that can be subject (``is_subject``): judged once
    burst: frozenset[str]  # terms all their items use within two days: one event's names

    @classmethod
    def of(
        cls, df: Mapping[str, int], spans: Mapping[str, tuple[float, float]], total: int
    ) -> Corpus:
        # A name a handful of outlets use is rare; in a big window "a handful" grows with it,
        # up to the number of outlets that tell one big story.
        return cls(
            {term: math.log((1 + total) / (1 + count)) + 1.0 for term, count in df.items()},
            max(_RARE_MIN, min(_RARE_CAP, total // 100)),
            df,
            frozenset(filter(bridges, df)),
            frozenset(filter(is_subject, df)),
            _bursts(spans, df, total),
        )


def _bursts(
    spans: Mapping[str, tuple[float, float]], df: Mapping[str, int], total: int
) -> frozenset[str]:
    """The terms all their items use within two days: one event's names, unless many of the
    items use the term all through the time they span. In a run's window of a day or two from a
    few feeds, a part a quarter of the items name ("brake") is in every recall of the day; one
    event's names come together, within hours of its first report. When all the items lie
    within two days (a cron user's first run, a day's news), every term's do, and a country
    the day's news of several events names is no one event's name: trial 52's first day,
    "China's coal imports fall 9%" joined "China lithium futures jump 9%" on "China"."""
    if not spans:
        return frozenset()
    start = min(first for first, _ in spans.values())
    end = max(last for _, last in spans.values())
    many, spread = total * _BURST_SHARE, (end - start) / 2
    within_one_burst = end - start <= _BURST
    return frozenset(
        t
        for t, (first, last) in spans.items()
        if last - first <= _BURST
        and (df[t] <= many or last - first <= spread)
        and not (within_one_burst and t in COUNTRIES)
    )


def rarity(
    terms: Mapping[ItemText, tuple[list[str], list[str]]],
    stamps: Mapping[ItemText, list[float]],
    total: int,
) -> Corpus:
    """The rarity of terms over ``total`` items: ``terms`` gives each distinct text's title and
    lead terms, ``stamps`` the times of its items; each item counts, each text is read once."""
    df: Counter[str] = Counter()
    spans: dict[str, tuple[float, float]] = {}
    for text, times in stamps.items():
        title, lead = terms[text]
        count, first, last = len(times), min(times), max(times)
        for term in set(title).union(lead):
            df[term] += count
            known = spans.get(term)
            spans[term] = (min(known[0], first), max(known[1], last)) if known else (first, last)
    return Corpus.of(df, spans, total)
