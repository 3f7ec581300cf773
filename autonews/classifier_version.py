"""The classifier's version, without importing the classifier: what stored classifications
are keyed by. A warm run whose feeds all answer "not modified" reads what the store holds for
this version and never needs the classifier itself (importing it is a twentieth of a second).

The version is a digest of the knowledge files, the classifier's code (every module of
``autonews/classify``), the code outside it that labels depend on and the user's ``[classify]``
additions: any change makes a new version, so no stale label survives."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from autonews.config import ClassifyConfig

# Code outside classify/ that labels depend on: figures are read with numbers.py, a regulator's
# listings by their shapes, a commentary by its label, a wire's title without its bookkeeping.
# The data classes are the models package's files (models/).
_SHARED_CODE = (
    "numbers.py",
    "models/__init__.py",
    "models/classification.py",
    "models/items.py",
    "models/stories.py",
    "recall_listings.py",
    "briefings.py",
    "wire_titles.py",
)

KNOWLEDGE_FILES = (
    "makers.toml",
    "companies.toml",
    "nonmakers.toml",
    "nonmakers_groups.toml",  # Kia Tigers, The Hyundai Busan, the Genesis Championship
    "sport.toml",  # a race's news as sport
    "events.toml",
    "events.de.toml",  # German
    "events.ja.toml",  # Japanese
    "languages.toml",  # the languages not read, whose titles' events are not guessed
    "concepts.toml",  # the event model reads a title's concepts
    "figures.toml",  # what counts count, and what ¥ is
    "currencies.toml",  # baht, ringgit, rupiah, dong... before or after a sum
    "market_sales.toml",  # a market's sales, as its industry body tells them: no maker's
    "national_news.toml",  # a wire's weather, politics, defence, K-pop: not a car feed's news
    "event_model.json",
    "event_model.weights",
)


@lru_cache(maxsize=8)
def _version_cached(overrides: str) -> str:
    digest = hashlib.sha1()
    package = resources.files("autonews").joinpath("classify")  # not imported to be read
    for folder, names in (
        (resources.files("autonews.knowledge"), KNOWLEDGE_FILES),
        (package, sorted(p.name for p in package.iterdir() if p.name.endswith(".py"))),
        (resources.files("autonews"), _SHARED_CODE),
    ):
        for name in names:
            digest.update(folder.joinpath(name).read_bytes())
    digest.update(overrides.encode())
    return digest.hexdigest()[:16]


def knowledge_version(
    extra_makers: Iterable[Mapping[str, Any]] = (),
    extra_event_keywords: Mapping[str, Any] | None = None,
    extra_companies: Iterable[Mapping[str, Any]] = (),
) -> str:
    """The version of the classifier that building knowledge would give, without building it."""
    overrides = [list(extra_makers), dict(extra_event_keywords or {})]
    companies = list(extra_companies)
    if companies:  # (without, the version of a config that adds none stays what it was)
        overrides.append(companies)
    return _version_cached(repr(tuple(overrides)))


def classifier_version(settings: ClassifyConfig) -> str:
    """The version of ``classifier_for(settings)`` (``autonews.classify.configured``)."""
    return knowledge_version(settings.makers, settings.event_keywords, settings.companies)
