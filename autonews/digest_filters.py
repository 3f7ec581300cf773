"""The reader's filters of a digest (--maker, --model, --company, --event, --tag) and the config's
mute rules, counting what each filter left."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from autonews.company_headings import owned_company
from autonews.errors import AutonewsError
from autonews.event_names import stage_events, stage_of_filter
from autonews.model_filter import WantedModel, names_model
from autonews.models import Event, FilterStep, MakerRef, Story

if TYPE_CHECKING:
    from autonews.classify.knowledge import Knowledge

INDUSTRY = "Industry"


@dataclass(frozen=True)
class Filters:
    makers: tuple[str, ...] = ()  # brand or group names, case-insensitive
    models: tuple[WantedModel, ...] = ()  # --model: see autonews.model_filter
    companies: tuple[str, ...] = ()  # company names as the knowledge writes them (suppliers...)
    events: tuple[str, ...] = ()
    exclude_events: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # any case
    limit: int | None = None
    mute_makers: tuple[str, ...] = ()
    mute_events: tuple[str, ...] = ()
    mute_patterns: tuple[str, ...] = ()


def asked_maker(maker: MakerRef, wanted: Collection[str]) -> bool:
    """Whether the maker is one of ``wanted`` (lower-case brand or group names)."""
    return maker.name.lower() in wanted or maker.group.lower() in wanted


def matches_maker(story: Story, names: Sequence[str]) -> bool:
    """Whether the story names one of the makers or groups, or is industry news (a car story
    naming no maker, the digest's "Industry" group) and "Industry" is one of them."""
    wanted = {name.lower() for name in names}
    c = story.classification
    company = owned_company(story)
    if company is not None and company.owner.lower() in wanted:
        # Denso's story, filed under "Denso (Toyota)": --maker Toyota takes it when it is car
        # news, as "Industry" does, and tells an event (review 38: "Denso heat pump business to
        # be sold to Daikin", "Hyundai Wia wins K9 howitzer export order" are no car news,
        # though the company's name makes them read so).
        return c.automotive and c.event is not Event.OTHER
    if not c.makers:
        return c.automotive and INDUSTRY.lower() in wanted
    return any(asked_maker(m, wanted) for m in c.makers)


def resolve_wanted_makers(
    values: Sequence[str], knowledge: Knowledge, where: str, error: type[AutonewsError]
) -> tuple[str, ...]:
    """Maker and group names as the reader writes them (any alias, any case), as stories are
    labelled with them (``autonews.classify.lookup.resolve_makers``, which raises ``error``
    for a name of none), and "Industry" in any case: the car stories naming no maker, the
    group digests show them in (trial 30 #17: a recall digest of some makers may take the
    industry's regulation too)."""
    from autonews.classify.lookup import resolve_makers

    industry = [value for value in values if value.strip().casefold() == INDUSTRY.casefold()]
    makers = [value for value in values if value not in industry]
    names = resolve_makers(makers, knowledge, where, error) if makers else ()
    return names + ((INDUSTRY,) if industry else ())


def _names_company(story: Story, wanted: Sequence[str]) -> bool:
    """Whether the story names one of the companies (a supplier, a battery maker...) in a
    title, or a summary names it as the supplier of what the story's cars are made with."""
    c = story.classification
    return any(company.name in wanted for company in (*c.companies, *c.suppliers))


def _tells_event(story: Story, wanted: tuple[str, ...]) -> bool:
    """Whether the story is of one of the ``wanted`` events, or at one of the wanted stages of
    a launch ("launch:pre-sale": `--event 预售`, autonews.launch_stage_filter) or of another
    event ("legal:probe": `--event probe`, a legal story's or a recall's)."""
    event = story.classification.event.value
    if event in wanted:
        return True
    staged = [
        stage for _, stage in map(stage_of_filter, wanted) if stage and event in stage_events(stage)
    ]
    if not staged:
        return False
    from autonews.launch_stage_filter import story_at_stage

    return any(story_at_stage(story, stage) for stage in staged)


def _muted(story: Story, filters: Filters, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Whether the config's mute rules ([classify] mute_makers, mute_events, mute_patterns)
    remove the story."""
    c = story.classification
    return (
        c.event.value in filters.mute_events
        or bool(filters.mute_makers and matches_maker(story, filters.mute_makers))
        or any(p.search(story.title) for p in patterns)
    )


Keeps = Callable[[Story], bool]


def _reader_filters(filters: Filters) -> list[tuple[str, tuple[str, ...], Keeps]]:
    """The reader's filters that are set, in the order applied: (name, values, keeps)."""
    tags = {t.casefold() for t in filters.tags}
    models = filters.models
    steps: list[tuple[str, tuple[str, ...], Keeps]] = [
        ("maker", filters.makers, lambda s: matches_maker(s, filters.makers)),
        ("model", tuple(m.written for m in filters.models), lambda s: names_model(s, models)),
        ("company", filters.companies, lambda s: _names_company(s, filters.companies)),
        ("event", filters.events, lambda s: _tells_event(s, filters.events)),
        (
            "exclude_event",
            filters.exclude_events,
            lambda s: not _tells_event(s, filters.exclude_events),
        ),
        ("tag", filters.tags, lambda s: bool(tags & {t.casefold() for t in s.tags})),
    ]
    return [step for step in steps if step[1]]


@dataclass(frozen=True)
class Filtered:
    """The stories the filters kept, and what each filter did: when a digest comes out empty,
    it can say which filter emptied it rather than "no stories in this window". Counts are of
    the stories a digest shows (``shown``: car stories, or all with --all-topics)."""

    stories: list[Story]
    before: int  # stories the filters were applied to
    steps: tuple[FilterStep, ...]
    muted: int = 0  # stories the filters kept and the mute rules removed


def apply_filters(
    stories: Sequence[Story],
    filters: Filters,
    shown: Keeps = lambda story: True,
) -> Filtered:
    """The reader's filters one after the other (counting what each leaves), then the mute
    rules."""
    kept = list(stories)
    steps = []
    for name, values, keeps in _reader_filters(filters):
        kept = [story for story in kept if keeps(story)]
        left = sum(map(shown, kept))
        steps.append(FilterStep(name, values, left, len(kept) - left))
    patterns = [re.compile(p, re.IGNORECASE) for p in filters.mute_patterns]
    muted = 0
    if filters.mute_makers or filters.mute_events or patterns:
        # A story the digest does not show (not about cars, without --all-topics) is counted as
        # such in the footer, muted or not: muting it too would count it nowhere.
        unmuted = [
            story for story in kept if not shown(story) or not _muted(story, filters, patterns)
        ]
        muted = sum(map(shown, kept)) - sum(map(shown, unmuted))
        kept = unmuted
    return Filtered(kept, sum(map(shown, stories)), tuple(steps), muted)
