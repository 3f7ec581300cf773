"""The later stages made ready while a run's requests are out: the clustering imported, the
classifier built and the pair model loaded by clustering two headlines."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from autonews.config import Config
from autonews.timeparse import utcnow


def _import_later_stages() -> None:
    importlib.import_module("autonews.cluster")


def _warm_up_clustering(config: Config) -> Callable[[], None]:
    """The classifier built and the clustering's glossaries and pair model loaded (by
    clustering two headlines) in an idle moment of the network, rather than after the last
    feed is in: in a cold run while its workers still parse, in a warm one once a feed has
    brought an entry in the window."""

    def warm_up() -> None:
        from autonews.classify.configured import classifier_for
        from autonews.cluster import ClusterInput, cluster

        classifier = classifier_for(config.classify)
        moment = utcnow()
        cluster(
            [
                ClusterInput(key, title, "", None, moment, classifier.classify(title, ""))
                for key, title in enumerate(_WARM_UP_TITLES)
            ]
        )

    return warm_up


_WARM_UP_TITLES = ("Toyota recalls 10,000 cars over brake fault", "丰田召回1万辆汽车")
