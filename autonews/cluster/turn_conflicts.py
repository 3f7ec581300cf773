"""The rules that keep two items apart by the turns of a story they tell (``turn_conflict``):
opposed turns (talks begun / called off), a rumour and its denial, an ending and what it ended,
a turn told a day after a report naming none, a teaser or a launch date and the launch, stages
of a model's launch (its filing, pre-sale, launch, orders), what is expected of figures and the
figures, a deal to come and the deal, approvals of different
regulators, a recall and its remedy changed (``remedy_turns``)."""

from __future__ import annotations

from functools import lru_cache

from autonews.cluster import figures as fig
from autonews.cluster.concept_sets import OPPOSED_STAGES, PROSPECTS, RESULTS, TURNS
from autonews.cluster.features import _Features
from autonews.cluster.remedy_turns import remedy_changed
from autonews.models import Event

DENIED = "deny"  # the turn of a denial
_TURN_LATER = 24 * 3600.0  # seconds: a turn told later than this after the news is news
_HOURS_LATER = 12 * 3600.0  # seconds: a confirmation this soon after its rumour tells it


def turn_conflict(a: _Features, b: _Features) -> str | None:
    """What keeps two items apart by the turns of the story they tell, or None."""
    if a.stages and b.stages and a.stages != b.stages and _opposed_turns(a, b):
        return "different turns of the story"  # talks begun / called off
    if remedy_changed(a.stages, b.stages):
        return "a recall / its remedy changed"  # an over-the-air fix / a hardware replacement
    if _other_regulators(a, b):
        return "approvals of different regulators"  # the EU's clearance / Japan's
    if _rumour_and_denial(a, b) or _rumour_and_denial(b, a):
        return "a rumour / its denial"  # 传小鹏汽车裁员15% / 小鹏汽车辟谣：消息不实
    if _called_off(a, b) or _called_off(b, a):
        return "different turns of the story"  # in talks / talks called off, any day
    if _later_turn(a, b) or _later_turn(b, a):
        return "a later turn of the story"  # a recall / its expansion days later
    if _preview(a, b) or _preview(b, a):
        return "a teaser / the launch"  # Tesla teases a cheaper Model Y / launches it
    if _other_launch_stages(a, b):
        return "different stages of a launch"  # 零跑A10申报图曝光 / 零跑A10开启预售
    if _expected(a, b) or _expected(b, a):
        return "an expectation / the figures"  # brokers expect a sales rebound / the sales
    if _prospect(a, b) or _prospect(b, a):
        return "a deal to come / the deal"  # near a deal for a stake / takes a $1.6bn stake
    return None


_CONFIRMED = frozenset({"confirm"})


def _later_turn(a: _Features, b: _Features) -> bool:
    """``b``'s title, a day or more after ``a``'s, names a turn of the story (called off,
    postponed, expanded, resumed, completed, denied, a successor named) and ``a``'s names none:
    ``b`` tells what became of ``a``'s news, new news of its own. Within a day, outlets tell one
    turn with and without its word."""
    if a.stages or b.stamp - a.stamp <= _TURN_LATER:
        return False
    turns = b.stages & TURNS
    # A confirmation turns a rumour into news; of news told firmly ("Honda to build a plant"),
    # "Honda confirms" a day later is the same news again.
    return bool(turns) and (turns != _CONFIRMED or a.speculative)


def _other_regulators(a: _Features, b: _Features) -> bool:
    """Both titles tell a deal approved, by regulators of different places."""
    return (
        "approved" in a.stages
        and "approved" in b.stages
        and bool(a.countries)
        and bool(b.countries)
        and a.countries.isdisjoint(b.countries)
    )


# Turns of a deal or plan still alive: a title naming one and not its end tells other news
# than the end does, whenever each was told ("Renault, Chery in talks" / "call off talks").
_ALIVE = frozenset({"talks", "begin", "agreed", "offer", "confirm"})


def _called_off(a: _Features, b: _Features) -> bool:
    """``b``'s title tells that something ended (talks called off, a plan cancelled) and
    ``a``'s tells it alive, without the end: the ending is news of its own, never merged
    into what it ended (a reader of ``--new`` must see it)."""
    return "end" in b.stages and "end" not in a.stages and not a.stages.isdisjoint(_ALIVE)


def _preview(a: _Features, b: _Features) -> bool:
    """``a``'s title tells of a teaser or spy shots, and ``b``'s, half a day or more later,
    tells of a launch with neither: the model itself, no longer its preview."""
    return (
        a.preview
        and not b.preview
        and b.event is Event.LAUNCH
        and b.stamp - a.stamp >= _LAUNCH_AFTER_PREVIEW
    )


_LAUNCH_AFTER_PREVIEW = 12 * 3600.0  # seconds


def _other_launch_stages(a: _Features, b: _Features) -> bool:
    """Both titles tell different stages of a launch of one maker's, one of them naming the
    model (``launch_stages``): its filing, its teaser or date, its pre-sale, its launch, its
    orders counted after, each told in any language ("Leapmotor A10 appears in MIIT filing
    ahead of pre-sale" / "零跑A10开启预售"; "opens pre-sale at RMB 89,800" / "正式上市：售价
    7.98万～10.98万元"; a phone's launch date / the car's orders, 小米 18 Pro / 小米YU9)."""
    return (
        a.launch_stage is not None
        and b.launch_stage is not None
        and a.launch_stage != b.launch_stage
        and bool(a.models or b.models)
        and not a.groups.isdisjoint(b.groups)
    )


def _expected(a: _Features, b: _Features) -> bool:
    """``a``'s title tells what others expect of figures still to come, or when they come, and
    ``b``'s, half a day or more later, tells figures with no expectation: the figures
    themselves, or the results they are ("Nissan reports financial results for the first half"
    after "Nissan to announce first-half results on November 6")."""
    return (
        a.expectation
        and not b.expectation
        and bool(b.units or b.title_money or b.title_percents or _results(b))
        and b.stamp - a.stamp >= _LAUNCH_AFTER_PREVIEW
    )


def _results(item: _Features) -> bool:
    """The title tells a maker's results: the classifier's financials, in results' words."""
    return item.event is Event.FINANCIALS and not RESULTS.isdisjoint(item.title)


def _prospect(a: _Features, b: _Features) -> bool:
    """``a``'s title tells a deal still to come (talks, a rumour, a deal near) and ``b``'s tells
    the deal itself, with its sum or share, or done, and no such turn. (A denial names the
    rumour it denies: "回应裁员传闻：消息不实" is no rumour of the cuts another denial counts.
    A title telling its deal done tells no deal to come, whatever it eyes next: "Lyten
    completes Northvolt acquisition, eyes Skellefteå restart", trial 52.)"""
    return (
        not a.stages.isdisjoint(PROSPECTS)
        and "done" not in a.stages
        and not _results(a)  # "profit drops 41% as tariffs weigh": results, no deal to come
        and DENIED not in a.stages
        and b.stages.isdisjoint(PROSPECTS)
        and not b.speculative
        and (bool(b.title_money) or "done" in b.stages or any(map(_sum_or_share, b.title_numbers)))
    )


def _rumour_and_denial(a: _Features, b: _Features) -> bool:
    """``a`` a rumour (told speculatively, denying nothing), ``b`` a denial: two turns."""
    return a.speculative and DENIED not in a.stages and DENIED in b.stages


def _sum_or_share(figure: fig.Figure) -> bool:
    """A deal's sum (from a million) or the share it buys."""
    return figure.percent or figure.value >= 1e6


def _opposed_turns(a: _Features, b: _Features) -> bool:
    """Whether the titles tell opposed turns of a story. A rumour its maker confirms within
    hours is one story, which the confirmation tells ("Foxconn eyes Nissan's Oppama factory" /
    "Nissan confirms it is in talks with Foxconn" two hours later, trial 43); confirmed the
    next day, it is a new turn, and a rumour after the confirmation is another ("Chery weighs
    second European plant after Spain talks with Renault")."""
    if not _opposed(a.stages, b.stages):
        return False
    if _one_succession(a, b):
        return _opposed(a.stages, b.stages, _SUCCESSION)
    return not _confirmed_soon(a, b) or _opposed(a.stages, b.stages, _SAME_DAY)


def _one_succession(a: _Features, b: _Features) -> bool:
    """Whether two titles tell one change at the top from its two sides, the same day: both
    name one person of the maker and a post of theirs, one as an exit and the other as a
    naming ("Toyota's CEO Akio Toyoda to step aside, become chairman" / "Toyota to promote
    Sato to CEO, Toyoda to become chairman"). A chief's exit and a successor named by name
    alone share no person: two turns."""
    if abs(a.stamp - b.stamp) > _TURN_LATER or a.posts.isdisjoint(b.posts):
        return False
    if a.title_groups.isdisjoint(b.title_groups):
        return False
    return not (a.names & b.names).isdisjoint(a.title_subject & b.title_subject) or any(
        term.startswith(_PERSON) for term in a.title_subject & b.title_subject
    )


def _confirmed_soon(a: _Features, b: _Features) -> bool:
    """Whether the later of two titles confirms, within hours, what the earlier tells as a
    rumour."""
    first, then = (a, b) if a.stamp <= b.stamp else (b, a)
    return (
        then.stamp - first.stamp <= _HOURS_LATER
        and "rumour" in first.stages
        and "confirm" in then.stages
    )


@lru_cache(maxsize=256)  # few distinct pairs of turns; checked for every pair weighed
def _opposed(
    a: frozenset[str], b: frozenset[str], besides: frozenset[frozenset[str]] = frozenset()
) -> bool:
    """Whether a turn only one title names is opposed to one only the other names (pairs of
    turns ``besides`` aside)."""
    return any(
        (pair := frozenset((x, y))) in OPPOSED_STAGES and pair not in besides
        for x in a - b
        for y in b - a
    )


# The opposed turns that are one story when told the same day: a rumour and its confirmation.
_SAME_DAY = frozenset({frozenset(("rumour", "confirm"))})
# A chief's exit and a successor's naming, one succession when one person's move is told both
# ways (``_one_succession``).
_SUCCESSION = frozenset({frozenset(("leave", "named"))})
_PERSON = "c:p-"  # the concepts of people (knowledge/concepts.toml): "c:p-toyoda"
