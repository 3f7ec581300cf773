"""The plain frozen dataclasses that flow through the pipeline.

config -> fetch -> parse -> store -> extract -> classify -> cluster -> digest -> render -> deliver

What is fetched, parsed and stored is in ``items``, what the classifier says of an item in
``classification``, a digest and its stories in ``stories``; all are importable from here.
"""

from autonews.models.classification import (
    EVENT_WEIGHT,
    MEASURE_WORDS,
    QUALIFIER_WORDS,
    Classification,
    CompanyRef,
    Event,
    Figure,
    MakerRef,
    ModelRef,
    told_longer,
)
from autonews.models.items import (
    NEVER_FETCHED,
    Article,
    FeedStatus,
    FetchResult,
    Item,
    PageFailure,
    ParsedEntry,
    ParsedFeed,
)
from autonews.models.stories import (
    Digest,
    FeedHealth,
    FilterStep,
    Group,
    Retold,
    SkippedPage,
    Source,
    Story,
)

__all__ = [
    "EVENT_WEIGHT",
    "MEASURE_WORDS",
    "NEVER_FETCHED",
    "QUALIFIER_WORDS",
    "Article",
    "Classification",
    "CompanyRef",
    "Digest",
    "Event",
    "FeedHealth",
    "FeedStatus",
    "FetchResult",
    "Figure",
    "FilterStep",
    "Group",
    "Item",
    "MakerRef",
    "ModelRef",
    "PageFailure",
    "ParsedEntry",
    "ParsedFeed",
    "Retold",
    "SkippedPage",
    "Source",
    "Story",
    "told_longer",
]
