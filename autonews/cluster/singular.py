"""What happens to a maker once at a time, and when a title tells it: a chief's turn (named,
leaving) told with a post or the chief's name, a period's results told with a results word.
Named so in a title, such a concept of that maker is a subject two reports can share."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

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


# Words that join the names a title opens with ("Lyft and Baidu to deploy robotaxis").
_JOINING = frozenset({"and", "&"})


@lru_cache(maxsize=1)
def _subject_roles() -> frozenset[str]:
    """The roles of the companies a title opening with their name is about
    (knowledge/subject_companies.toml)."""
    source = resources.files("autonews.knowledge").joinpath("subject_companies.toml")
    return frozenset(map(str, tomllib.loads(source.read_text("utf-8"))["roles"]))


def opening_companies(c: Classification, title_words: Sequence[str]) -> frozenset[str]:
    """The companies (not makers) whose names open the title, joined by "and" or nothing
    ("Waymo's robotaxis are...", "Lyft, Baidu to deploy..."): what the title is about, the one
    acting, as a maker opening a title is. Only companies of the roles of
    knowledge/subject_companies.toml (robotaxi, ride-hailing, tech and chip firms). An
    ambiguous name counts only where the classifier took it for the company ("Aurora" the
    trucking firm, not the lights)."""
    knowledge = default_knowledge()
    roles = _subject_roles()
    named = {x.name for x in c.companies}
    found: set[str] = set()
    expected = 0
    for start, end, hits in knowledge.entities.scan(list(title_words), True):
        while expected < start and title_words[expected] in _JOINING:
            expected += 1
        if start != expected or any(hit.kind == "maker" for hit in hits):
            break
        names = {
            knowledge.companies[h.index].name
            for h in hits
            if h.kind == "company" and knowledge.companies[h.index].role in roles
        }
        if not names & named:
            break
        found |= names & named
        expected = end
    return frozenset(found)
