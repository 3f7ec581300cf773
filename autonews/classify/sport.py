"""Sport told as sport: a race's result, a qualifying session, a driver's seat, and the grounds
named after a sponsor (knowledge/sport.toml, and `venues` in knowledge/nonmakers.toml).

"Russell wins Las Vegas Grand Prix for Mercedes" names a maker's team, not the maker's business;
"Kia Oval to host 2027 Ashes opener" a cricket ground. A maker's own racing news ("Toyota Wins
Le Mans 24 Hours", "Cadillac Confirmed as 11th Formula 1 Team") names no driver and no session,
and stays car news.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from autonews.classify.lexicon import Tokens, phrase_key, stem
from autonews.classify.phrase_trie import Lexicon
from autonews.classify.scripts import simplified

_PARTICLES = frozenset({"da", "de", "di", "van", "von", "le", "la", "pier"})


class Racer(NamedTuple):
    """A driver, rider or team principal as the text names them."""

    name: str  # as sport.toml writes the full name
    shared: bool  # named by a surname that also means others: counts only beside more sport


@dataclass
class Sport:
    results: Lexicon[str] = field(default_factory=Lexicon)  # stemmed: settle it alone
    motorsport: Lexicon[str] = field(default_factory=Lexicon)  # stemmed: back up a surname
    people: Lexicon[Racer] = field(default_factory=Lexicon)  # tokens: full names and surnames
    venues: frozenset[str] = frozenset()  # tokens after a name that make it a ground
    venues_cjk: tuple[str, ...] = ()
    race_car_words: frozenset[str] = frozenset()  # lower case: car words a race's news uses too


def sport_of(rules: Mapping[str, Any], venues: list[str]) -> Sport:
    """The sport cues of sport.toml, and the ground words of nonmakers.toml."""
    sport = Sport()
    for phrase in rules.get("results", []):
        sport.results.add(phrase_key(simplified(str(phrase)), stem), str(phrase))
    for phrase in rules.get("motorsport", []):
        sport.motorsport.add(phrase_key(str(phrase), stem), str(phrase))
    shared = {phrase_key(simplified(str(name))) for name in rules.get("shared_surnames", [])}
    for raw in rules.get("people", []):
        name = simplified(str(raw))
        full = phrase_key(name)
        sport.people.add(full, Racer(name, full in shared))
        surname = _surname(full) if name.isascii() else full
        if surname != full:
            sport.people.add(surname, Racer(name, surname in shared))
    sport.race_car_words = frozenset(str(w).lower() for w in rules.get("race_car_words", []))
    sport.venues = frozenset(w.lower() for w in venues if w.isascii())
    sport.venues_cjk = tuple(simplified(w) for w in venues if not w.isascii())
    return sport


def _surname(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name a headline calls a racer by: the last word, with a particle before it ("da
    Costa", "di Grassi", "Pier Guidi")."""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return words[cut:]


def sport_cue(
    sport: Sport,
    tokens: Tokens,
    stems: list[str],
    names: Sequence[tuple[int, int, object]] = (),
    given_names: AbstractSet[str] = frozenset(),
    backing: Callable[[], list[str]] | None = None,
) -> str | None:
    """What in a text says it is a race's news as sport, or None: a word of a race weekend
    ("on pole", "Q1 exit"), a racer named by a name that is theirs alone ("Leclerc"), or one by a
    shared surname ("Hamilton") beside another racer or a word of racing. Not a surname inside a
    name found (``names``: where they start and end, as "Aston Martin") or after another first
    name ("Kyle Hamilton"). ``backing``: the stems of the item's summary, asked for only where
    a shared surname alone is in the text: two words of racing there back it ("Hamilton: Ferrari
    'must give me a better car'", its summary "The seven-time champion … his second season")."""
    if sport.results.may_match(stems):
        found = sport.results.scan(stems)
        if found:
            return found[0][2][0]
    if not sport.people.may_match(tokens.norms):
        return None
    shared: list[str] = []
    for start, end, racers in sport.people.scan(tokens.norms):
        if not tokens.cjk(start) and not tokens.surface(start)[:1].isupper():
            continue  # "a stroll", "power"
        if any(begins <= start < ends for begins, ends, _ in names):
            continue
        racer = racers[0]
        if racer.shared and start and tokens.norms[start - 1] in given_names:
            continue
        if not racer.shared:
            return tokens.span(start, end)  # "Leclerc", "Lewis Hamilton"
        shared.append(tokens.span(start, end))
    if len(set(shared)) > 1:
        return f"{shared[0]}, {shared[1]}"
    if shared and sport.motorsport.may_match(stems) and sport.motorsport.scan(stems):
        return shared[0]
    if shared and backing is not None:
        more = backing()
        # Two words of racing: one alone is any car text's too ("seat", "grid", "title").
        found = sport.motorsport.scan(more) if sport.motorsport.may_match(more) else []
        if len({words[0] for _, _, words in found}) > 1:
            return shared[0]
    return None


def a_ground(sport: Sport, tokens: Tokens, end: int) -> str | None:
    """The ground word after a name ending at token ``end``, if it is one ("Kia Oval", "Toyota
    Stadium", "丰田体育场"): a ground named after its sponsor, not the sponsor."""
    norms = tokens.norms
    if end >= len(norms):
        return None
    norm = norms[end]
    if norm in sport.venues:  # (Latin words) before the word as written, which costs its position
        word = tokens.surface(end)
        return word if word[:1].isupper() else None
    if not tokens.han or not tokens.cjk(end):
        return None  # most names: no word, or no ground's, after them
    # (the first character first: where the name ends is looked up only after a ground's)
    if not any(word.startswith(norm) for word in sport.venues_cjk):
        return None
    after = tokens.plain[tokens.offset(end) :]
    return next((word for word in sport.venues_cjk if after.startswith(word)), None)
