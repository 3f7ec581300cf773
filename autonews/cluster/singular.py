"""What happens to a maker once at a time, and when a title tells it: a chief's turn (named,
leaving) told with a post or the chief's name, a period's results told with a results word.
Named so in a title, such a concept of that maker is a subject two reports can share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from autonews.classify.knowledge_loading import default_knowledge
from autonews.classify.lexicon import tokenize
from autonews.cluster.concept_sets import PEOPLE_SINGULAR, PERIOD_SINGULAR, POSTS, RESULTS
from autonews.models import Classification


@lru_cache(maxsize=1)
def _chiefs() -> dict[str, frozenset[str]]:
    """The surnames of the chiefs who stand for each maker (makers.toml's ``people``)."""
    return {
        maker.name: frozenset(tokenize(person).norms[-1] for person in maker.people)
        for maker in default_knowledge().makers
        if maker.people
    }


def names_a_chief(c: Classification, title_words: Sequence[str]) -> bool:
    """Whether the title names a chief of one of its makers ("Tavares out at Stellantis")."""
    chiefs = _chiefs()
    words = set(title_words)
    return any(not chiefs.get(m.name, frozenset()).isdisjoint(words) for m in c.makers)


def told_of(concept: str, title: Mapping[str, int], chief: bool) -> bool:
    """Whether a title naming a once-at-a-time concept says what it is of: a post or a chief's
    name for a chief's turn, results for a period."""
    if concept in PEOPLE_SINGULAR:
        return chief or not POSTS.isdisjoint(title)
    if concept in PERIOD_SINGULAR:
        return not RESULTS.isdisjoint(title)
    return True


def opens_with_maker(title_words: Sequence[str]) -> bool:
    """Whether the title opens with a maker's name: the maker is the one acting."""
    for start, _, hits in default_knowledge().entities.scan(list(title_words), True):
        return start == 0 and any(hit.kind == "maker" for hit in hits)
    return False
