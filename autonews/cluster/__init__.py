"""Items to stories: the same real-world event from several outlets becomes one story.

Identical links (after normalisation) always merge, as do a feed's re-posts (same title and
summary). Otherwise two items within the time window merge only on positive evidence of one
event: a subject both name (a name, model, part or fault, place, company, a merger's two sides)
or a figure that tells an event ("14,768" = "1.48万" = "nearly 15,000"). A maker and an event type
in common are never enough; items naming no maker (world news) need two names both titles share.
Two items of one maker that share only a place many items name (China) are not one event.
Hard rules keep apart different makers, companies, counterparts, models, parts, posts, unit
counts, counted plants or jobs, sums, opposed turns of a story (talks begun / called off), the
stages of a model's launch (its filing, pre-sale, launch, orders counted after it), a turn told
a day after a report naming none, a recall and other news of its model that shares nothing
but names with it (its lease rates cut), the kinds of a model's trouble (a lawsuit, a recall,
a stop-sale told before its filing, a probe and its turns) and a two-wheeler's news and a car's;
briefings listing several stories join nothing.
Pairs with evidence are weighed by a logistic model over cosines, the subject shared, figures,
models, turns, title-only items, the feed and time apart (``knowledge/cluster_model.toml``,
fitted on labelled events by ``benchmarks/cluster_fit.py``), and merged best first; two stories
of several items merge only if their members are alike on average (the model's cohesion), so
that single links do not chain one topic's events into one story. Items an earlier run placed
stay in their stories, and the items earlier runs clustered in the days before a run's window
weigh its terms too (``autonews.run_context``): two days of a few feeds are too few items to
tell a rare name from a common word. Candidates come from an inverted index of subject terms
and figures, so the cost follows the overlaps.

The stage's files: ``inputs`` (ClusterInput), ``terms`` (an item's text as terms, and which are
subject), ``texts`` (each distinct text read once), ``rarity`` (how rare each term is among the
items), ``vocabulary`` (the word lists), ``figures``, ``name_numbers`` (a chart's, an
index's, a class's number: no figure), ``deal_sums`` (the sums a title tells of
a deal: no rate, no valuation), ``features`` (each item's evidence;
``title_names`` what its title names),
``places`` (where places and leaders belong), ``group_sides`` (two makers of one group a deal's
title names: its two sides), ``turns`` (the turns of a story a title
names: a rule drafted or adopted, a deal cleared), ``launch_stages`` (the stage of a model's
launch a title tells: filing, pre-sale, launch...), ``named_models`` (the models a title names),
``sales_reports`` (one maker's sales of a month, whatever figure each title gives),
``singular`` (what happens to a maker once at a
time, and when a title tells it), ``series`` (a feed's own words, briefings),
``shared`` (what two items have in common), ``proof`` (the positive evidence a merge needs,
and which rule asked for more; ``unproven_reasons`` its reasons as a reader is told them,
``shared_nothing`` what two items share that proves nothing), ``conflicts`` (the hard
rules; ``kinds_apart`` those of two
kinds of news: job cuts / results, an accessory's recall / a maker's news, an industry's
programme / one company's news; ``trade_news_kinds`` a price, a deal, results, a listing;
``place_conflicts``, ``turn_conflicts``, ``recall_conflicts``
and ``trouble_kinds`` those of places, turns, recalls and the kinds of a model's trouble), ``model``
(evidence, the fitted pair model), ``candidates``
(which pairs are compared), ``stories`` (merging into stories: ``cluster``, ``clustering`` with
the joins), ``explain`` (why a story's sources were joined, for ``autonews story --explain``).
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
