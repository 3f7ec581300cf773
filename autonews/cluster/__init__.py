"""Items to stories: the same real-world event from several outlets becomes one story.

Identical links (after normalisation) always merge, as do a feed's re-posts (same title and
summary). Otherwise two items within the time window are compared on evidence that survives
rewording and translation:

- text: TF-IDF cosines over concepts (``knowledge/concepts.toml`` maps English and Chinese wording
  of one idea to one term: 召回 = recall, 插混 = plug-in hybrid), makers, other stemmed words and
  CJK bigrams, of the titles and of title plus summary; and the rare terms both use (names,
  places, parts);
- figures: a shared unit count, amount or percentage ("14,768" = "1.48万" = "nearly 15,000"),
  and sums of one currency that differ ($1.1 billion and $2.2 billion: two funding rounds);
- models: a shared model name (SU7, XC70, Model Y);
- event type from the classifier, turns of a story (talks begin / talks end), time apart;
- the feed: one outlet seldom tells one event twice. Terms only one feed uses (a series name,
  a podcast's hosts, summary boilerplate) are dropped: they cannot show that two outlets tell
  one story, and would make a feed's own items look alike.

A logistic model weighs that evidence (``knowledge/cluster_model.toml``, fitted on labelled
events by ``benchmarks/cluster_fit.py``), and pairs are merged best first; two stories of
several items merge only if their members are alike on average (the model's cohesion), so
that single links do not chain one topic's events into one story. Different makers, different
unit counts or different models of one maker rule a merge out, whatever the score: those are
different events even when worded alike. Candidates come from an inverted index, so the cost
follows the overlaps, not the square of the item count.

The stage's files: ``inputs`` (ClusterInput), ``features`` (each item's evidence), ``model``
(a pair's evidence, hard rules, the fitted pair model), ``candidates`` (which pairs are
compared), ``stories`` (merging into stories: ``cluster``).
"""

from autonews.cluster.candidates import MAX_CANDIDATES
from autonews.cluster.features import features_of
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.model import (
    PAIR_FEATURES,
    PairModel,
    pair_features,
    pair_model,
    parse_pair_model,
)
from autonews.cluster.model import _scorer as _scorer  # tests check it against the full model
from autonews.cluster.stories import Clustering, Join, cluster, clustering
from autonews.cluster.stories import _Stories as _Stories  # tests join stories by hand
from autonews.cluster.terms import terms_of as _terms  # noqa: F401 (the glossary test reads terms)

__all__ = [
    "MAX_CANDIDATES",
    "PAIR_FEATURES",
    "ClusterInput",
    "Clustering",
    "Join",
    "PairModel",
    "cluster",
    "clustering",
    "features_of",
    "pair_features",
    "pair_model",
    "parse_pair_model",
]
