"""What a reader may call an event type: its slug, its plural, a common English or Chinese name
("recalls", "召回" = recall, "deliveries", "交付" = financials), as listed in
``knowledge/event_names.toml``, and every label a digest prints for it in any of its languages
(``knowledge/ui.*.toml``: 发布, and Taiwan's 發表), in Simplified or Traditional characters."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

# Said wherever event names are offered: a reader looks for sales under no such name.
FINANCIALS_NOTE = "deliveries, sales and rankings are financials"


STAGES = "stages"  # the table of a launch's stages' names
OTHER_STAGES = "other_stages"  # other events' stages' names (`--event probe`)
KINDS = "kinds"  # kinds of news named by a broader event's filter (`--event buyback`)
LAUNCH = "launch"
SOFTWARE = "software"  # a software release pushed to cars: the stage its names tell
_STAGE_MARK = ":"  # "launch:pre-sale", a stage of the launch as a filter's value


@cache
def _file() -> dict[str, dict[str, list[str]] | list[str]]:
    data = resources.files("autonews.knowledge").joinpath("event_names.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@cache
def _listed() -> dict[str, list[str]]:
    """Each event's names (its table's), the stages' aside."""
    return {slug: names for slug, names in _file().items() if isinstance(names, list)}


@cache
def stage_names() -> dict[str, list[str]]:
    """Each stage of a launch a reader may ask for, with its names (`[stages]`)."""
    stages = _file()[STAGES]
    assert isinstance(stages, dict)
    return stages


@cache
def _table(name: str) -> dict[str, list[str]]:
    table = _file().get(name, {})
    assert isinstance(table, dict)
    return table


@cache
def _stages() -> dict[str, str]:
    named = {**stage_names(), **_table(OTHER_STAGES)}
    return {_folded(name): stage for stage, names in named.items() for name in [stage, *names]}


def stage_events(stage: str) -> tuple[str, ...]:
    """The events whose stories ``stage`` is a stage of, the one it names first ("probe":
    legal, recall); a launch's stages are the launch's."""
    return tuple(_table("stage_events").get(stage, [LAUNCH]))


def stage_words(stage: str) -> list[str]:
    """The words a title tells ``stage`` by, where they are its own (`[stage_words]`: a
    probe's); [] for a launch's, which knowledge/launch_stages.toml reads."""
    return _table("stage_words").get(stage, [])


@cache
def _labels() -> dict[str, list[str]]:
    """Each event's labels in the digest's languages, as its Chinese digests print them (the
    mainland's first, then Taiwan's where it reads otherwise: 发布, 發表), English aside."""
    from autonews.render.words import SIMPLIFIED, TRADITIONAL, read_words_file

    labels: dict[str, list[str]] = {}
    for language in (SIMPLIFIED, TRADITIONAL):
        for slug, label in read_words_file(language)["events"].items():
            shown = labels.setdefault(slug, [])
            if all(_folded(label) != _folded(other) for other in shown):
                shown.append(str(label))
    return labels


@cache
def _names() -> dict[str, str]:
    from autonews.models import Event

    names = {event.value: event.value for event in Event}
    for slug, aliases in [*_listed().items(), *_labels().items(), *_kinds().items()]:
        names.update((_folded(alias), Event(slug).value) for alias in aliases)
    return names


def _kinds() -> dict[str, list[str]]:
    kinds = _file().get(KINDS, {})
    assert isinstance(kinds, dict)
    return kinds


def kind_of(name: str) -> str | None:
    """The event a kind of news is told under (`[kinds]`: a buyback, financials), or None when
    ``name`` names no such kind."""
    folded = _folded(name)
    return next((slug for slug, kinds in _kinds().items() if folded in kinds), None)


def _folded(name: str) -> str:
    from autonews.classify.scripts import simplified

    return simplified(" ".join(name.split()).casefold())


def event_slug(name: str) -> str | None:
    """The slug of the event type ``name`` names (slug, plural, English or Chinese name, any
    case, either script: 銷量 is 销量; a launch's stage, 预售, is the launch), or None when it
    names none."""
    folded = _folded(name)
    stage = _stages().get(folded)
    return _names().get(folded) or (stage_events(stage)[0] if stage else None)


def event_filter(name: str) -> str | None:
    """What ``--event name`` keeps: an event's slug, or a stage of the launch as
    "launch:pre-sale" (预售, 上市, 官图, OTA); None when ``name`` names neither."""
    folded = _folded(name)
    if folded in _names():
        return _names()[folded]
    stage = _stages().get(folded)
    return f"{stage_events(stage)[0]}{_STAGE_MARK}{stage}" if stage else None


def stage_of_filter(value: str) -> tuple[str, str | None]:
    """A filter's value as its event and its launch stage, if any ("launch:pre-sale")."""
    event, _, stage = value.partition(_STAGE_MARK)
    return event, stage or None


def stages_named() -> str:
    """The stages of a launch as a reader asks for them, each by its first English name that
    names the stage alone ("launch" names the whole launch, not its on-sale stage) with its
    first Chinese name: "filing (申报), teaser (官图), …", as `digest --help` lists them."""

    def first(names: list[str], english: bool) -> str:
        return next((n for n in names if n.isascii() == english), "")

    return ", ".join(
        f"{first(names, True) or stage} ({first(names, False)})"
        if first(names, False)
        else first(names, True) or stage
        for stage, names in stage_names().items()
    )


def other_stages_named() -> str:
    """Other events' stages as a reader asks for them, with the events they are stages of:
    "probe (调查) of legal news and recalls"."""
    return ", ".join(
        f"{stage} ({next((n for n in names if not n.isascii()), stage)}) of "
        + " and ".join(stage_events(stage))
        for stage, names in _table(OTHER_STAGES).items()
    )


def events_named() -> str:
    """Every event's slug with the labels the Chinese digests print for it: "recall (召回),
    incident (事故), …, launch (发布, 發表), …" (one set of names: what a digest says)."""
    from autonews.models import Event

    def chinese(slug: str) -> str:
        return ", ".join(_labels().get(slug, []))

    return ", ".join(
        f"{e.value} ({chinese(e.value)})" if chinese(e.value) else e.value for e in Event
    )
