"""A feed's own words and its briefings: what tells nothing of which event an item reports.

Terms only one feed uses (a series name, a podcast's hosts, summary boilerplate) are no evidence
that two outlets tell one story (``parochial``); a briefing's title listing several stories has
no story of its own (``roundups``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from autonews.briefings import BRIEFING as _BRIEFING
from autonews.briefings import LIVE as _LIVE
from autonews.briefings import reads_as_live_roundup
from autonews.cluster.inputs import ClusterInput
from autonews.models import Classification
from autonews.recall_listings import recall_listing

_DIGITS = re.compile(r"\d+")
_ISSUE_WORDS = 3  # at most, in a numbered issue's prefix
_SERIES = re.compile(r"^(.{2,40}?)\s*[:：｜|]")
# Clauses of several stories: "A; B", "A, plus B"; in a series' title, "A, B".
_CLAUSES = re.compile(r"[;；]|,? plus\b", re.IGNORECASE)


def roundups(items: Sequence[ClusterInput], earlier: Sequence[ClusterInput] = ()) -> set[int]:
    """Items whose titles list several stories: a briefing ("汽车早报｜比亚迪5月销量38.2万辆；
    福特召回107万辆", "The Morning Drive: Tesla cuts prices, Ford recalls Broncos", "Auto stocks
    to watch: Tesla, Ford, Hyundai", "... plus the week's best reads"). A title of a series (its
    prefix recurs in the feed) that names several makers' groups or lists clauses, or is a
    numbered issue ("Episode 213:", "2026.06:"; not a notice's "VOLKSWAGEN ID.4:"); a title
    with clauses naming several groups; a title only a briefing has; a live blog naming several
    groups ("Live: Auto Show Day 1 — Toyota, Honda and Nissan Reveal Concepts"). No story of
    its own: it merges with none (but its re-posts). ``earlier``: items an earlier run clustered,
    whose titles count in whether a prefix recurs (a newsletter's one issue in a run's window is
    still an issue of it)."""
    marks: dict[str, _Marks] = {}  # titles repeat (re-posts, syndication): read each once
    prefix_of = {}
    recurring: Counter[tuple[str, str]] = Counter()
    for n, item in enumerate([*items, *earlier]):
        mark = marks.get(item.title)
        if mark is None:
            mark = marks[item.title] = _marks(item.title)
        if mark.prefix is not None:  # numbered issues are one series: "Episode 212:", "213:"
            recurring[item.source, mark.prefix] += 1
            if n < len(items):
                prefix_of[n] = (item.source, mark.prefix)
    found = set()
    for n, item in enumerate(items):
        mark = marks[item.title]
        several = len({m.group for m in item.classification.makers}) > 1
        series = n in prefix_of and recurring[prefix_of[n]] > 1
        # An issue of a newsletter or a podcast: "Episode 213", "2026.06", "Vol. 4" (not a
        # regulator's numbered recall listing: "Recall 26V-840: Ford Motor Company - ...").
        prefix = mark.prefix or ""
        numbered = (
            "#" in prefix
            and len(prefix.split()) <= _ISSUE_WORDS
            and not recall_listing(item.title)
            and not _names_a_model(prefix, item.classification)
        )
        # A regulator's recall listing ("Ford Motor Company: 2025 Bronco Sport, Escape — ...")
        # lists models, not stories, under the maker its feed opens every title with.
        listed = mark.clauses or (
            series and "," in item.title[len(prefix) :] and not recall_listing(item.title)
        )
        if (
            mark.briefing
            or (series and (several or listed or numbered))
            or (mark.live and (several or reads_as_live_roundup(item.title)))
            or (mark.clauses and several and _lists_stories(item.title))
            or (several and _lists_makers_things(item.title, item.classification))
        ):
            found.add(n)
    return found


def _names_a_model(prefix: str, c: Classification) -> bool:
    """Whether a series' prefix (digits as "#") names one of the item's models: a regulator's
    notices open with the maker and the model ("VOLKSWAGEN ID.4:", "TESLA MODEL 3:"), whose
    digits number no issue."""
    return any(_DIGITS.sub("#", model.name.casefold()) in prefix for model in c.models)


def _lists_stories(title: str) -> bool:
    """Whether a title of clauses naming several makers' groups lists their stories: two of
    its clauses name makers ("Ford recalls Broncos; GM beats estimates"), and its first does
    not name them all (one deal told in clauses). "Auto PLI scheme extended to FY28; Tata
    Motors, M&M among key beneficiaries" is one story, its makers named in one clause (trial
    45)."""
    from autonews.classify import classify  # only for the rare titles of clauses and makers

    clauses = [clause for clause in _CLAUSES.split(title) if clause.strip()]
    naming = sum(1 for clause in clauses if classify(clause).makers)
    return naming > 1 and not _one_deal(title)


# A list of makers' things ("GM engines, Toyota sensors and Honda gearboxes"): its elements.
_LISTED = re.compile(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_MAKERS_LISTED = 3  # at least, each with its own thing: two may be one's news and a rival's
_MAKER_WORDS = 2  # at most, in a maker's name before its thing ("Land Rover Defenders")


def _lists_makers_things(title: str, c: Classification) -> bool:
    """Whether a title lists three makers' groups or more, each with a thing of its own, not
    all the same: "Parts managers report shortages of GM engines, Toyota sensors and Honda
    gearboxes" (trial 48) is no maker's event, whatever one of its makers recalls that week.
    Makers named bare ("Toyota, Honda and Nissan to share batteries") list the sides of one
    deal."""
    if len({maker.group for maker in c.makers}) < _MAKERS_LISTED:
        return False
    elements = [words for words in (e.split() for e in _LISTED.split(title)) if words]
    if len(elements) < _MAKERS_LISTED:
        return False
    listed = [_maker_and_thing(words, n == 0) for n, words in enumerate(elements)]
    found = [pair for pair in listed if pair is not None]
    groups = {group for group, _ in found}
    return len(groups) >= _MAKERS_LISTED and len({thing for _, thing in found}) > 1


def _maker_and_thing(words: list[str], first: bool) -> tuple[str, str] | None:
    """(group, thing) for a list's element that is a maker's name and one word after it: the
    first element's last words ("shortages of GM engines"), another's first ("Honda gearboxes
    this winter"). A figure is no thing: makers' deliveries listed are one month's tally."""
    from autonews.classify import classify  # only for the rare titles listing three makers

    for size in range(1, _MAKER_WORDS + 1):
        if len(words) <= size:
            break
        name, thing = (words[-size - 1 : -1], words[-1]) if first else (words[:size], words[size])
        if not thing.isalpha():
            continue  # "Leapmotor 86,215, Xpeng 43,150, NIO 41,820": one release's figures
        makers = classify(" ".join(name)).makers
        if makers and not classify(thing).makers:
            return makers[0].group, thing.casefold()
    return None


def _one_deal(title: str) -> bool:
    """Whether a title's first clause names all its several makers' groups: one deal between
    them, told in clauses ("Honda, Nissan set merger terms; deal values Nissan at $12 billion"),
    not a briefing's list of stories ("Ford recalls Broncos; GM beats estimates")."""
    from autonews.classify import classify  # only for the rare titles of clauses and makers

    first = _CLAUSES.split(title, maxsplit=1)[0]
    return len({maker.group for maker in classify(first).makers}) > 1


class _Marks(NamedTuple):
    prefix: str | None  # a series' prefix ("episode #"), if the title opens with one
    clauses: bool  # the title lists clauses: "A; B", "A, plus B"
    briefing: bool  # it says what only a briefing's title says
    live: bool  # a live blog's title


def _marks(title: str) -> _Marks:
    match = _SERIES.match(title)
    return _Marks(
        _DIGITS.sub("#", match.group(1).casefold()) if match else None,
        _CLAUSES.search(title) is not None,
        _BRIEFING.search(title) is not None,
        _LIVE.search(title) is not None,
    )


def parochial(uses: Iterable[tuple[str, list[str], list[str], int]]) -> frozenset[str]:
    """Terms several items use but only one feed: a blog's series name, a podcast's hosts, the
    boilerplate of a feed's summaries. No other outlet tells a story with them, so they are no
    evidence that two items tell one, and two items of one series would look alike by them.
    ``uses``: (feed, title terms, lead terms, how many of its items have them)."""
    feed_of: dict[str, str | None] = {}
    used: Counter[str] = Counter()
    for feed, title, lead, count in uses:
        for term in set(title).union(lead):
            used[term] += count
            known = feed_of.setdefault(term, feed)
            if known is not None and known != feed:
                feed_of[term] = None  # two feeds use it
    return frozenset(t for t, feed in feed_of.items() if feed and used[t] > 1)
