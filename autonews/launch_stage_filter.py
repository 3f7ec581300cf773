"""Which stage of a model's launch a story tells, for `--event 预售` (the pre-sale), 上市 (the
launch on sale), 官图 (a teaser or its date), reveal (the model shown), 申报 (the MIIT filing) or
OTA (a software release pushed to cars), and for the label a launch story shows ("launch ·
teaser"): the stage its title tells (``knowledge/launch_stages.toml``, as the clustering reads
it, then as a reader sees it: `[shown]`), else the first of its sources' titles that tells
one; a title naming a software release's names (``event_names.toml`` `[stages] software`)
tells that first. And other events'
stages told by words of their own: `--event probe`, an investigation's (trial 48)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from autonews.classify.scripts import simplified
from autonews.event_names import SOFTWARE, stage_events, stage_names, stage_words
from autonews.models import Story


def story_at_stage(story: Story, stage: str) -> bool:
    """Whether ``story`` tells ``stage``: a launch's as ``story_stage`` reads it; a stage told
    by words of its own (a probe's, event_names.toml `[stage_words]`) by its title, or for a
    legal story any of its sources' titles (a recall a probe led to is no probe's story)."""
    if not stage_words(stage):
        return story_stage(story) == stage
    titles = [story.title]
    if story.classification.event.value == stage_events(stage)[0]:
        titles += [source.title for source in story.sources]
    return any(_stage_words(stage).search(simplified(title)) for title in dict.fromkeys(titles))


def story_stage(story: Story) -> str | None:
    """The launch stage ``story`` tells, or None."""
    return titles_stage([story.title, *(source.title for source in story.sources)])


def titles_stage(titles: list[str]) -> str | None:
    """The stage the first of ``titles`` that tells one tells, or None; a software release
    where any of them tells one (the demo's "XPeng Launches AI OS 6.0 …" was shown on sale,
    its Chinese source saying the cars "可升级", can be upgraded)."""
    stages = [stage for title in dict.fromkeys(titles) if (stage := title_stage(title))]
    return SOFTWARE if SOFTWARE in stages else next(iter(stages), None)


@lru_cache(maxsize=4096)
def title_stage(title: str) -> str | None:
    """The launch stage one title tells (read as simplified Chinese), or None: the stage the
    clustering reads, then as a reader sees it (``knowledge/launch_stages.toml`` `[shown]`): a
    price launch in a market is on sale, a launch a year away is none, a reveal a reveal."""
    from autonews.cluster.figures import numbers
    from autonews.cluster.launch_stages import COMING, launch_stage

    plain = simplified(title)
    if _software_words().search(plain):
        return SOFTWARE
    stage = launch_stage(plain, numbers(plain))
    if stage not in (None, LAUNCH_STAGE):
        return stage  # filing, teaser, pre-sale, orders: their own words
    shown = _shown()
    if shown["on_sale"].search(plain):
        return LAUNCH_STAGE  # "Jaecoo 5 priced from £30,165"
    revealed = shown["reveal"].search(plain) is not None
    if shown["later"].search(plain):  # "BMW M3 EV unveiled: … on sale in 2027"
        return REVEAL if revealed else COMING
    return stage or (REVEAL if revealed else None)


LAUNCH_STAGE = "launch"  # the launch's own stage: on sale
REVEAL = "reveal"  # the model shown, its sale to come


@cache
def _shown() -> dict[str, re.Pattern[str]]:
    import tomllib
    from importlib import resources

    source = resources.files("autonews.knowledge").joinpath("launch_stages.toml")
    shown = tomllib.loads(source.read_text("utf-8"))["shown"]
    return {key: re.compile(str(words), re.IGNORECASE) for key, words in shown.items()}


def _software_words() -> re.Pattern[str]:
    """A software release's names, Latin ones as whole words (OTA, not Toyota's "ota")."""
    return _whole_words(tuple(stage_names()[SOFTWARE]))


def _stage_words(stage: str) -> re.Pattern[str]:
    return _whole_words(tuple(stage_words(stage)))


@cache
def _whole_words(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``names``, Latin ones as whole words, in any case."""
    words = [simplified(word) for word in names]
    return re.compile(
        "|".join(
            rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])" if word.isascii() else re.escape(word)
            for word in sorted(words, key=len, reverse=True)
        ),
        re.IGNORECASE,
    )
