"""The stage of a model's launch a title tells (``knowledge/launch_stages.toml``): its filing
with the regulator, a teaser or its date, the pre-sale, the launch, the orders counted after it.
Two titles naming one model at different stages tell two events (``turn_conflicts``)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from autonews.cluster import figures as fig
from autonews.cluster.figures import Figure


class _Stage(NamedTuple):
    id: str
    words: re.Pattern[str]
    counted: bool  # the title must count something that is no sum as well
    unless: re.Pattern[str] | None  # a title naming it does not tell this stage


@lru_cache(maxsize=1)
def _stages() -> tuple[_Stage, ...]:
    source = resources.files("autonews.knowledge").joinpath("launch_stages.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    return tuple(
        _Stage(
            str(table["id"]),
            re.compile(str(table["words"]), re.IGNORECASE),
            bool(table.get("counted", False)),
            re.compile(str(table["unless"]), re.IGNORECASE) if "unless" in table else None,
        )
        for table in data["stage"]
    )


COMING = "coming"  # the stage of a teaser, spy shots, a launch's date or its countdown

# A count from this tells orders or cars (20,000 orders, 破2万台), not hours or a version.
_FROM = 100


def launch_stage(title: str, numbers: Collection[Figure]) -> str | None:
    """The stage of a launch ``title`` (read as simplified Chinese) tells, if any: the first of
    the file's stages whose words it names (``numbers``: the title's figures)."""
    for stage in _stages():
        if stage.words.search(title) is None:
            continue
        if stage.unless is not None and stage.unless.search(title) is not None:
            continue
        if stage.counted and not _counts(title, numbers):
            continue
        return stage.id
    return None


def _counts(title: str, numbers: Collection[Figure]) -> bool:
    """Whether the title counts something that is no sum: 破2万台, 20,000 orders; not the
    price beside 即刻锁单."""
    counts = [f for f in numbers if f.value >= _FROM and not f.percent]
    if not counts:
        return False
    kinds = fig.counted_as(title)
    return any(kinds.get(f) != "money" for f in counts)
