"""A language read beside English and Chinese (German: knowledge/events.de.toml), and how its
words are found where English ones are not.

Its event phrases are read only in a text that reads as that language: one of its marker words
is in it (its function words, and its phrases' words that English does not write), so that a
German word English also writes ("Test", "Partner", "Band") means nothing in English news. In
such a text two things English does not need are read too:

- compounds: a word that starts or ends with one of the listed parts, with at least three letters
  more, is read as that part (Rückrufaktion as Rückruf, Warnstreik as Streik, Poolfahrzeuge as
  Fahrzeuge); a name or a phrase listed whole is read as itself (Volkswagen, Preisträger);
- separable verbs: a phrase written "A … B" is A, then B later in the text ("VW ruft ID.4 und
  ID.5 wegen Hochvoltbatterie zurück"), the last B after A counting ("stellt … ein" and
  "stellt … vor" in "Opel stellt ein neues Modell vor" is the launch).

Its words are written with umlauts and ß, each also matched in its ASCII spelling (Rueckruf,
Schliessung; the folding of diacritics gives Ruckruf).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from autonews.classify.lexicon import phrase_key, stem

# A separable phrase's parts as token tuples, and its payload.
Separable = tuple[tuple[str, ...], tuple[str, ...], Any]

_UMLAUTS = re.compile("[äöüßÄÖÜ]")
_SPELLINGS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
SEPARATOR = "…"
_PART_LEFT = 3  # letters a compound has beyond its listed part
_REACH = 12  # tokens after A within which B is looked for
_CAR_START = 6  # letters of a car word that starts a compound, at least
_SURE_MARKER = 5  # letters of a marker that alone makes a text this language's, at least


def spellings(phrase: str) -> Iterator[str]:
    """``phrase`` and, if it has umlauts or ß, its ASCII spelling (Rückruf, Rueckruf)."""
    yield phrase
    ascii_spelling = phrase.translate(_SPELLINGS)
    if ascii_spelling != phrase:
        yield ascii_spelling


def separable_parts(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A separable phrase's two parts as stemmed tokens ("ruft … zurück"), or None for a phrase
    written whole."""
    if SEPARATOR not in phrase and "..." not in phrase:
        return None
    before, _, after = phrase.replace("...", SEPARATOR).partition(SEPARATOR)
    first, second = phrase_key(before, stem), phrase_key(after, stem)
    return (first, second) if first and second else None


@dataclass
class ReadLanguage:
    """What the classifier reads of a language beyond its phrases: the words that mark a text
    as written in it, its compounds' parts and its separable phrases."""

    name: str = ""
    markers: frozenset[str] = frozenset()  # words that make a text this language's
    # Its words written with umlauts or ß, folded (über as uber): they make a text this
    # language's where it has such a letter ("Uber" is no "über").
    umlaut_markers: frozenset[str] = frozenset()
    any_marker: frozenset[str] = frozenset()  # markers | umlaut_markers
    # English words as common as its markers: a text with as many of these is English ("Von
    # der Leyen's relief for automakers").
    english: frozenset[str] = frozenset()
    starts: tuple[tuple[str, str], ...] = ()  # (folded part, as read), longest first
    ends: tuple[tuple[str, str], ...] = ()
    whole: frozenset[str] = frozenset()  # words read as themselves, never cut
    # Its words the knowledge lists (of phrases and [context]): after a maker's name and a hyphen
    # ("Tesla-Absatz", "BMW-Chef"), a compound of the maker's, not a longer name ("Ford-Smith").
    vocabulary: frozenset[str] = frozenset()
    # Its car words ([context] automotive) that end a compound (Poolfahrzeuge), and the longer
    # ones that start one (Gebrauchtwagenpreise): "auto" starts Autor and automatisch too.
    car_ends: tuple[str, ...] = ()
    car_starts: tuple[str, ...] = ()
    # The first token of each separable phrase's first part -> the phrases starting so.
    separable: dict[str, list[Separable]] = field(default_factory=dict)

    def reads(self, words: list[str], text: str) -> bool:
        """Whether ``text``, of these tokens, is written in this language: more of its marker
        words than English ones, and two of them or a long one."""
        if self.any_marker.isdisjoint(words):
            return False  # most texts: none of its words, in one test
        umlauts = not text.isascii() and _UMLAUTS.search(text) is not None
        markers = self.markers | self.umlaut_markers if umlauts else self.markers
        mine = [word for word in words if word in markers]
        if len(mine) == 1 and len(mine[0]) < _SURE_MARKER:
            return False  # "IM Motors", "Neue Klasse": a name, in another language's text
        return len(mine) > sum(word in self.english for word in words)

    def parts(self, words: list[str]) -> list[str]:
        """The tokens with each compound read as its listed part (the same number of tokens)."""
        return [self._part(word) for word in words]

    def _part(self, word: str) -> str:
        if len(word) <= _PART_LEFT + 3 or word in self.whole:
            return word
        for part, read in self.ends:
            if word.endswith(part) and len(word) - len(part) >= _PART_LEFT:
                return read
        for part, read in self.starts:
            if word.startswith(part) and len(word) - len(part) >= _PART_LEFT:
                return read
        return word

    def car_compound(self, words: list[str]) -> str | None:
        """The first of the words that is a compound of a car word, if any."""
        for word in words:
            if len(word) < _CAR_START + _PART_LEFT:
                continue
            if any(
                word.endswith(part) and len(word) - len(part) >= _PART_LEFT
                for part in self.car_ends
            ) or any(
                word.startswith(part) and len(word) - len(part) >= _PART_LEFT
                for part in self.car_starts
            ):
                return word
        return None

    def with_separable(
        self, stems: list[str], matches: list[tuple[int, int, tuple[Any, ...]]]
    ) -> list[tuple[int, int, tuple[Any, ...]]]:
        """A lexicon's ``matches`` in ``stems`` with the separable phrases, each where it starts:
        before the phrase of its first word there ("stellt" alone is no event)."""
        separable = self.separable_matches(stems)
        if not separable:
            return matches
        found = [(start, end, (payload,)) for start, end, payload in separable]
        return sorted([*found, *matches], key=lambda match: match[0])

    def separable_matches(self, stems: list[str]) -> list[tuple[int, int, Any]]:
        """The separable phrases in ``stems``, each as (where its first part starts, where its
        second part ends, payload): of a verb's phrases, the one whose second part comes last."""
        found: list[tuple[int, int, Any]] = []
        for start, word in enumerate(stems):
            phrases = self.separable.get(word)
            if phrases is None:
                continue
            best: tuple[int, Any] | None = None
            for first, second, payload in phrases:
                if tuple(stems[start : start + len(first)]) != first:
                    continue
                end = _last(stems, second, start + len(first), start + len(first) + _REACH)
                if end is not None and (best is None or end > best[0]):
                    best = (end, payload)
            if best is not None:
                found.append((start, best[0], best[1]))
        return found


def _last(stems: list[str], words: tuple[str, ...], start: int, stop: int) -> int | None:
    """Where the last run of ``words`` within stems[start:stop] ends, if any."""
    width = len(words)
    for at in range(min(stop, len(stems)) - width, start - 1, -1):
        if tuple(stems[at : at + width]) == words:
            return at + width
    return None


def read_language(
    name: str,
    rules: dict[str, object],
    phrases: Iterable[str],
    other_words: Iterable[str],
    names: Iterable[str],
) -> ReadLanguage:
    """The language of a knowledge file (``rules``, its tables) whose event and modifier phrases
    are ``phrases``: its markers are its `[language] words` and its phrases' and car words, but
    those of `shared` and ``other_words`` (the words of the English and Chinese rules), those
    written with an umlaut or ß where a text has one; ``names`` (makers' and models' first
    words) are never cut as compounds."""
    table = rules.get("language", {})
    assert isinstance(table, dict)
    listed = [phrase.replace(SEPARATOR, " ") for phrase in phrases]
    words = {word for phrase in listed for word in phrase_key(phrase)}
    markers = {
        word
        for item in table.get("words", [])
        if not _UMLAUTS.search(str(item))
        for written in spellings(str(item))
        for word in phrase_key(written)
    }
    with_umlauts = [
        written
        for item in [*table.get("words", []), *listed, *_context_words(rules)]
        for written in str(item).split()
        if _UMLAUTS.search(written)
    ]
    umlaut_markers = {word for item in with_umlauts for word in phrase_key(item)}
    # Their ASCII spellings (Rueckruf, schliesst) mark it wherever they are, as do its phrases'
    # and car words of five letters or more that English does not write (not `shared`, nor a
    # word of the English and Chinese rules).
    shared = {word for item in table.get("shared", []) for word in phrase_key(str(item))}
    markers |= {
        word for item in with_umlauts for word in phrase_key(item.translate(_SPELLINGS))
    } - set(other_words)
    markers |= (
        {
            word
            for item in [*listed, *_context_words(rules)]
            if not _UMLAUTS.search(item)
            for word in phrase_key(item)
            if len(word) >= 5 and not word.isdigit()
        }
        - shared
        - set(other_words)
    )
    compounds = rules.get("compounds", {})
    context = rules.get("context", {})
    assert isinstance(compounds, dict) and isinstance(context, dict)
    context_words = {
        word
        for listed in context.values()
        for item in listed
        for written in spellings(str(item))
        for word in phrase_key(written)
    }
    car_words = [
        word
        for item in context.get("automotive", [])
        for written in spellings(str(item))
        for word in phrase_key(written)
        if len(word) >= 4
    ]
    return ReadLanguage(
        name=name,
        umlaut_markers=frozenset(umlaut_markers - set(other_words)),
        any_marker=frozenset(markers | (umlaut_markers - set(other_words))),
        english=frozenset(word for item in table.get("english", []) for word in phrase_key(item)),
        car_ends=tuple(sorted(set(car_words))),
        car_starts=tuple(sorted({word for word in car_words if len(word) >= _CAR_START})),
        markers=frozenset(markers),
        starts=_parts(compounds.get("starts", [])),
        ends=_parts(compounds.get("ends", [])),
        whole=frozenset(words | context_words | set(names)),
        vocabulary=frozenset(words | context_words),
    )


def _context_words(rules: dict[str, object]) -> list[str]:
    context = rules.get("context", {})
    assert isinstance(context, dict)
    return [str(item) for listed in context.values() for item in listed]


def _parts(listed: Iterable[object]) -> tuple[tuple[str, str], ...]:
    """Compound parts as (folded spelling, as read), every spelling of each, longest first."""
    parts = []
    for item in listed:
        read = "".join(phrase_key(str(item)))
        parts += [("".join(phrase_key(spelling)), read) for spelling in spellings(str(item))]
    return tuple(sorted(dict.fromkeys(parts), key=lambda part: -len(part[0])))
