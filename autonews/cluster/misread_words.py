"""Function words the glossary would read as a concept only through the stemmer.

The glossary matches a text's stems, and the light English stemmer gives some function words of
the other languages the stem of a concept's English word: German "die" (the) is "dies" stemmed,
so every German lead read as news of a death (`story --explain` showed "fatal" as a subject two
Grünheide items shared: trial 46); German "wir" (we) is "wiring", "los" is "loss", Dutch "tot"
(until) is "fatal" too. A function word is read as a concept only where the glossary lists that
very word ("van", "door", "us", "CES" are; "die" is not): otherwise it is the function word it is.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from autonews.classify.lexicon import stem, tokenize
from autonews.classify.phrase_trie import Lexicon
from autonews.cluster.vocabulary import FUNCTION_WORDS


@lru_cache(maxsize=1)
def _written_terms() -> frozenset[str]:
    """The glossary's one-word terms as written (normalised, not stemmed)."""
    source = resources.files("autonews.knowledge").joinpath("concepts.toml")
    found = set()
    for concept in tomllib.loads(source.read_text("utf-8")).get("concept", []):
        for term in concept.get("terms", []):
            words = tokenize(str(term)).norms
            if len(words) == 1:
                found.add(words[0])
    return frozenset(found)


@lru_cache(maxsize=4)
def misread_words(glossary: Lexicon[str]) -> frozenset[str]:
    """The function words ``glossary`` matches by their stem alone (normalised words)."""
    written = _written_terms()
    return frozenset(
        word
        for word in FUNCTION_WORDS
        if word not in written and any(True for _ in glossary.scan([stem(word)]))
    )
