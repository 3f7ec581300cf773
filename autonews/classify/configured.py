"""The classifier a run uses: the shipped knowledge plus the config's ``[classify]`` additions.

Every command and pipeline stage (worker processes included) gets its classifier here, so the
additions reach all of them the same way. The knowledge is built once per process and set of
additions (see ``Classifier.with_overrides``); call ``classifier_for`` only when something needs
classifying, as building it the first time costs a moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from autonews.classifier_version import classifier_version as classifier_version
from autonews.classify import Classifier

if TYPE_CHECKING:
    from autonews.config import ClassifyConfig


def classifier_for(settings: ClassifyConfig) -> Classifier:
    return Classifier.with_overrides(settings.makers, settings.event_keywords, settings.companies)
