"""The digest model: stories from clustered items, grouped and ordered by importance."""

from __future__ import annotations

import math
import os
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from autonews.briefings import reads_as_briefing
from autonews.company_headings import carmaker_group, owned_company
from autonews.digest_filters import INDUSTRY as INDUSTRY
from autonews.digest_filters import Filters as Filters  # the reader's filters, for their callers
from autonews.digest_filters import apply_filters as apply_filters
from autonews.digest_filters import asked_maker as asked_maker
from autonews.digest_filters import matches_maker as matches_maker
from autonews.digest_filters import resolve_wanted_makers as resolve_wanted_makers
from autonews.models import (
    EVENT_WEIGHT,
    Classification,
    Digest,
    Event,
    FeedHealth,
    Group,
    MakerRef,
    ModelRef,
    SkippedPage,
    Story,
)

OTHER_NEWS = "Other news"  # the group of stories not shown by default, with --all-topics


def importance(story: Story) -> float:
    c = story.classification
    weight = EVENT_WEIGHT[c.event]
    body_words = len((story.body or "").split())
    return (
        weight
        + 0.6 * math.log2(story.cluster_size)
        + 0.3 * min(body_words / 400, 2.0)
        + (0.2 if c.makers else 0.0)
        - (0.5 if c.speculative else 0.0)
    )


def headline_figure(classification: Classification) -> str:
    """The figure that makes a story news again when it changes (units recalled, money)."""
    for figure in classification.figures:
        # (not a sum told as a share price or an analyst's price target: measure "stock")
        if figure.kind in ("units", "money") and figure.value is not None and not figure.measure:
            return f"{figure.kind}:{round(figure.value)}"
    return ""


def reader_tag(configured: str = "", environ: Mapping[str, str] | None = None) -> str:
    """The reader's language tag, lower case: the config's, else the locale's (LC_ALL,
    LC_MESSAGES, LANG: "zh_TW.UTF-8" -> "zh-tw"), else "en"."""
    if configured:
        return configured.lower().replace("_", "-")
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value.lower().split(".")[0].split("@")[0].replace("_", "-")
    return "en"


def reader_language(configured: str = "", environ: Mapping[str, str] | None = None) -> str:
    """The reader's language: "zh" for any Chinese tag, "en" for English (see ``reader_tag``)."""
    return reader_tag(configured, environ).split("-")[0]


def _group_key(story: Story, group_by: str, wanted: Collection[str] = ()) -> tuple[str, str]:
    """The story's group: its first maker's (or that maker's group), or with ``--maker`` the
    first of its makers the reader asked for (``wanted``, lower case: "--maker Kia" files a
    Hyundai and Kia recall under Kia)."""
    c = story.classification
    if not story.shown_by_default:  # not about cars, community posts or roundups alone
        return OTHER_NEWS, "other"
    if group_by == "event":
        return c.event.value, "event"
    primary = filed_maker(story, wanted)
    if primary is None:
        owned = owned_company(story)
        if owned is not None:
            if group_by == "group" and carmaker_group(owned.owner):
                return owned.owner, "group"
            return owned.name, "company"  # "Waymo (Alphabet)": Alphabet is no carmaker group
        company = subject_company(story)
        return (company, "company") if company else (INDUSTRY, "industry")
    return (primary.group, "group") if group_by == "group" else (primary.name, "maker")


def subject_company(story: Story) -> str | None:
    """The one company a car story naming no maker is about, its title opening with it (a
    robotaxi, ride-hailing, tech or chip firm: ``cluster.singular.opening_companies``), where
    no group owns it (those are ``owned_company``'s): filed under it, not in one heap of
    "Industry" (trial 51: Waymo's, Aurora's, Pony.ai's... 43 stories there)."""
    c = story.classification
    if c.makers or not c.companies:
        return None
    from autonews.classify.lexicon import tokenize
    from autonews.classify.scripts import simplified
    from autonews.cluster.singular import opening_companies

    found = opening_companies(c, tokenize(simplified(story.title)).norms)
    return next(iter(found)) if len(found) == 1 else None


def filed_maker(story: Story, wanted: Collection[str] = ()) -> MakerRef | None:
    """The maker a story is filed under: the first of its makers the reader asked for
    (``wanted``, lower case), else its first; None for industry news, naming no maker."""
    makers = story.classification.makers
    asked = next((m for m in makers if asked_maker(m, wanted)), None)
    models = story.classification.models
    return asked or (_its_one_brand(makers, models) if makers else None)


def _its_one_brand(makers: Sequence[MakerRef], models: Sequence[ModelRef]) -> MakerRef:
    """The first maker, or where it is a group and the story names one brand of it besides, the
    brand: "Stellantis recalls 219,000 Jeep plug-in hybrids" is filed under Jeep, as the Jeep
    stories that name Jeep first are (trial 48: one brand under two headings). A group's news
    of several of its brands stays the group's."""
    first = makers[0]
    brands = {m for m in makers[1:] if m.group == first.name != m.name}
    if len(brands) != 1 or any(model.maker == first.name for model in models):
        # (a group that is a brand too, named with a model of its own, stays: "Toyota recalls
        # 128,000 Grand Highlander, Lexus TX SUVs" is Toyota's, not Lexus's: trial 50 recheck)
        return first
    return brands.pop()


def asked_makers(digest: Digest) -> set[str]:
    """The makers and groups the digest was asked for (--maker, a named digest's makers), lower
    case, as the filters resolved them."""
    steps = [step for step in digest.filters if step.name == "maker"]
    return {value.lower() for step in steps for value in step.values}


def _also(
    buckets: Mapping[tuple[str, str], list[Story]], group_by: str
) -> dict[tuple[str, str], list[str]]:
    """For each maker's (or group's) group, the stories filed elsewhere that name it too."""
    also: dict[tuple[str, str], list[str]] = {}
    if group_by == "event":
        return also
    kind = "group" if group_by == "group" else "maker"
    for (key, _), members in buckets.items():
        for story in members:
            for maker in _named_besides(story) if story.shown_by_default else ():
                other = (maker.group if kind == "group" else maker.name, kind)
                if other[0] != key and other in buckets and story.id not in also.get(other, []):
                    also.setdefault(other, []).append(story.id)
    return also


def _named_besides(story: Story) -> Sequence[MakerRef]:
    """The makers a story names besides the one it is filed under (its first, or the one brand
    of its first, a group: ``_its_one_brand``)."""
    makers = story.classification.makers
    if makers and _its_one_brand(makers, story.classification.models) is not makers[0]:
        return makers  # the group too: "also: Stellantis recalls 219,000 Jeep ... (under Jeep)"
    return makers[1:]


_BRIEFING_GROUPS = 3  # a story naming makers of this many groups and more is a roundup's


def _briefing(story: Story) -> bool:
    """A briefing, a roundup or a live blog of several makers: no lead, whatever it weighs
    ("Weekly Recall Roundup: Ford, Toyota, Kia")."""
    groups = {maker.group for maker in story.classification.makers}
    return len(groups) >= _BRIEFING_GROUPS or reads_as_briefing(story.title)


# What a day of age costs a story's claim to lead, in points of ``importance``: a two-source
# recall of yesterday gives way to a four-source launch of today, one of 8 sources does not; in
# a window of 30 days a story of three weeks ago leads only where nothing since weighs nearly
# as much (trial 42: the Northvolt insolvency of 15 Nov led over the day's four-source story).
LEAD_POINTS_A_DAY = 0.5


def _lead(ranked: Sequence[Story]) -> Story | None:
    """The story the digest leads with: the most important of the freshest, each story's
    importance less ``LEAD_POINTS_A_DAY`` for each day it is older than the newest of them; a
    briefing or roundup only where nothing else is car news."""
    candidates = [story for story in ranked if not _briefing(story)]
    if not candidates:
        return ranked[0] if ranked else None

    newest = max(story.published for story in candidates)

    def claim(story: Story) -> float:
        days_older = (newest - story.published).total_seconds() / 86_400
        return importance(story) - LEAD_POINTS_A_DAY * days_older

    return max(candidates, key=claim)  # (the first of equal claims: ``ranked``'s order)


def _hidden_as(story: Story) -> str:
    """Why a story is not shown by default, as the footer counts it: "not_about_cars",
    "community" (posts alone), "roundup" (newsletters' issues alone); "" when it is shown."""
    if story.shown_by_default:
        return ""
    if not story.classification.automotive:
        return "not_about_cars"
    return "community" if story.community else "roundup"


def build_digest(
    stories: Sequence[Story],
    feeds: Sequence[FeedHealth],
    generated_at: datetime,
    group_by: str = "maker",
    limit: int | None = None,
    skipped_pages: Sequence[SkippedPage] = (),
    all_topics: bool = False,
    wanted_makers: Sequence[str] = (),
) -> Digest:
    """Stories ranked and grouped; those not about cars, and those of community posts or
    newsletters' roundups alone, are left out and counted, or with ``all_topics`` grouped last
    as "Other news" (never the lead). A story is filed under its
    first maker (the first of ``wanted_makers``, with ``--maker``) and also listed, by its
    title, under its other makers' groups."""
    cars = [s for s in stories if s.shown_by_default]
    others = [s for s in stories if not s.shown_by_default]
    ranked = sorted(cars, key=lambda s: (-importance(s), -s.published.timestamp(), s.id))
    lead = _lead(ranked)
    lead_id = lead.id if lead else None
    if all_topics:
        ranked += sorted(others, key=lambda s: (-s.published.timestamp(), s.id))
    if limit is not None:  # in all: "Other news" only fills what car stories leave
        if lead is not None and lead is not ranked[0]:
            # The lead is kept first: a roundup ranked above it leads nothing (--limit 1).
            ranked = [lead, *(story for story in ranked if story is not lead)]
        ranked = ranked[:limit]
    buckets: dict[tuple[str, str], list[Story]] = {}
    asked = {name.lower() for name in wanted_makers}
    for story in ranked:
        buckets.setdefault(_group_key(story, group_by, asked), []).append(story)
    also = _also(buckets, group_by)

    def group_rank(entry: tuple[tuple[str, str], list[Story]]) -> tuple[int, float, str]:
        (key, kind), members = entry
        score = sum(importance(s) for s in members)
        # Industry news after the makers'; with --group-by event, the stories of no event type
        # after every event's, however many (trial 49 C4: "other" came second, by its count).
        last = kind == "event" and key == Event.OTHER.value
        return ({"industry": 1, "other": 2}.get(kind, int(last)), -score, key.lower())

    groups = tuple(
        Group(key, kind, tuple(s.id for s in members), tuple(also.get((key, kind), ())))
        for (key, kind), members in sorted(buckets.items(), key=group_rank)
    )
    ordered = tuple(story for group in groups for story in buckets[(group.key, group.kind)])
    return Digest(
        generated_at=generated_at,
        feeds=tuple(feeds),
        stories=ordered,
        groups=groups,
        lead_id=lead_id,
        not_about_cars=0 if all_topics else sum(not s.classification.automotive for s in others),
        community_posts=0 if all_topics else sum(_hidden_as(s) == "community" for s in others),
        roundups=0 if all_topics else sum(_hidden_as(s) == "roundup" for s in others),
        skipped_pages=tuple(skipped_pages),
    )
