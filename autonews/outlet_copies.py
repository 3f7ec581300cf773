"""The copies of one article that the same outlet's name and the same headline do not spell
alike: an outlet's own feed named more than the outlet ("Nikkei Asia - Automobiles" beside
Google News's "Nikkei Asia"), a headline an aggregator copied before a word of it changed
("Honda Pushes Back Ontario EV Plant's Start" / "Honda pushes back Ontario EV plant start").
Read by ``autonews.outlets``, which makes them one source."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from autonews.feed_titles import site_name
from autonews.models import Item
from autonews.wire_titles import shown_title

# How alike two headlines' words must be, as characters, to be one article's (one outlet's):
# a word's form, an article, a mark ("plant's start" / "plant start"); a figure corrected or a
# clause added is another headline (the outlet's follow-up).
NEAR_SAME = 0.92
# Fewer words than this say too little to tell an article by ("Recall", "Honda Prologue").
FEWEST_WORDS = 5
# A web address's ending that names no outlet ("Motor1.com", "Autocar.co.uk").
_DOMAIN_END = re.compile(r"\.(?:com|net|org|co\.uk|co|de|fr|jp|cn|io|news)$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_FIGURE = re.compile(r"\d+")
# What sets a section off an outlet's name in its feed's name: "Reuters - Autos", "Reuters: Autos".
_SECTION_MARK = re.compile(r"\s*[-–—:|»/]")


def copies_of_one_article(members: Sequence[Item]) -> list[tuple[int, int]]:
    """Pairs of positions in ``members`` that are one article, at least one an aggregator's
    copy: one outlet (the aggregator's name for it begins the name of the other's feed, word
    for word) and headlines alike but for a word's form."""
    names = [_outlet_name(member) for member in members]
    titles = [_headline(member) for member in members]
    pairs = []
    for later in range(len(members)):
        for earlier in range(later):
            if not (members[earlier].outlet or members[later].outlet):
                continue  # two feeds of an outlet's own: two sources, as ever
            if _one_outlet(names[earlier], names[later]) and _near_same(
                titles[earlier], titles[later]
            ):
                pairs.append((later, earlier))
    return pairs


def _outlet_name(item: Item) -> str:
    """The name of the outlet an item is from: the aggregator's name for it, else its feed's
    name (an aggregator's item's feed names the aggregator's search: ``outlets.feed_label``),
    without a web address's ending."""
    name = item.outlet or site_name(item.feed_name)
    return _DOMAIN_END.sub("", " ".join(name.split()))


def one_name_each(names: Iterable[str]) -> dict[str, str]:
    """Each of ``names`` (outlets' and feeds' names) as the shortest of them that names the same
    outlet (``_one_outlet`` and only a section after it, case and spaces aside): a feed named
    "Bangkok Post Business" and a search's item credited to "Bangkok Post" are one outlet, not
    two (trial 53: "3 sources" of two outlets); "The Times of India" is not "The Times" (review
    38); a name no other names so stays itself."""
    tidy = {name: " ".join(name.split()) for name in names}
    ordered = sorted(set(tidy.values()), key=lambda name: (len(_WORD.findall(name)), name))
    return {
        name: next(other for other in ordered if other == tidied or _a_section(other, tidied))
        for name, tidied in tidy.items()
    }


@cache
def _section_words() -> frozenset[str]:
    """The words of knowledge/feed_topics.toml's ``sections``, case-folded."""
    text = resources.files("autonews.knowledge").joinpath("feed_topics.toml").read_text("utf-8")
    phrases = tomllib.loads(text)["sections"]
    return frozenset(word for phrase in phrases for word in _WORD.findall(phrase.casefold()))


def _a_section(outlet: str, name: str) -> bool:
    """Whether ``name`` is ``outlet``'s name and a section's words after it, nothing else
    ("Bangkok Post Business", "Reuters - Autos & Transportation"): the outlet's own feed of a
    section. A name that goes on with other words is another outlet's ("The Times of India",
    "Automotive News Europe"), whatever name it begins with."""
    if not _one_outlet(outlet, name) or len(outlet) >= len(name):
        return False
    rest = _WORD.findall(name.casefold())[len(_WORD.findall(outlet.casefold())) :]
    return bool(rest) and all(word in _section_words() or word == "and" for word in rest)


def _one_outlet(first: str, second: str) -> bool:
    """Whether one outlet's name begins the other's, word for word ("Nikkei Asia" and "Nikkei
    Asia - Automobiles"; not "Auto" and "Autocar"). A leading "The" is part of the name: The
    Drive (thedrive.com) is not Drive (drive.com.au). A name of one word begins another outlet's
    as often as its own feed's ("Drive" / "Drive Tesla Canada"): it names the outlet of a longer
    name only before a mark that sets off a section ("Reuters - Autos", "Reuters: Autos")."""
    (short, short_words), (long, long_words) = sorted(
        ((name, tuple(_WORD.findall(name.casefold()))) for name in (first, second)),
        key=lambda named: len(named[1]),
    )
    if not short_words or long_words[: len(short_words)] != short_words:
        return False
    if len(short_words) > 1 or len(long_words) == 1:
        return True
    return _SECTION_MARK.match(long[len(short) :]) is not None


def _headline(item: Item) -> str:
    return " ".join(_WORD.findall(shown_title(item.title).casefold()))


def _near_same(first: str, second: str) -> bool:
    if first == second:
        return bool(first)
    if _FIGURE.findall(first) != _FIGURE.findall(second):
        return False
    if min(first.count(" "), second.count(" ")) + 1 < FEWEST_WORDS:
        return False
    return SequenceMatcher(None, first, second, autojunk=False).ratio() >= NEAR_SAME
