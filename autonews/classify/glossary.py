"""The concept glossary (``knowledge/concepts.toml``): the English and Chinese wording of one idea
as one term ("召回" = "recall" = ``c:recall``, "Q4" = "第四季度" = ``c:q4``).

Clustering compares items by these terms; the event model reads a title's concepts beside its
words, so that what it learnt from one wording ("lays off") carries to another ("裁员",
"job cuts"). Built with the classifier's knowledge, and kept with it (``knowledge.concepts``).
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from autonews.classify.lexicon import phrase_key, stem
from autonews.classify.phrase_trie import Lexicon


@lru_cache(maxsize=1)
def glossary() -> Lexicon[str]:
    """The glossary of the shipped concepts.toml: built once a process, though a process may
    build the knowledge twice (with the config's [classify] additions, and without them for
    the clustering)."""
    source = resources.files("autonews.knowledge").joinpath("concepts.toml")
    return build_glossary(source.read_text("utf-8") if source.is_file() else "")


def build_glossary(text: str) -> Lexicon[str]:
    """Each concept's terms, stemmed as the classifier stems a text, to ``c:`` and its id."""
    lexicon: Lexicon[str] = Lexicon()
    for concept in tomllib.loads(text).get("concept", []):
        for term in concept.get("terms", []):
            lexicon.add(phrase_key(str(term), stem), "c:" + str(concept["id"]))
    return lexicon


_PERSON = "c:p-"  # the glossary's people


class _Features(dict[str, str]):
    """A concept's feature name ("c:recall" -> "k:c:recall"; "" for a person), made once: as
    many as the glossary has concepts."""

    def __missing__(self, concept: str) -> str:
        feature = self[concept] = "" if concept.startswith(_PERSON) else "k:" + concept
        return feature


_FEATURES = _Features()


def concept_features(lexicon: Lexicon[str], stems: list[str]) -> list[str]:
    """The glossary's concepts in a text's stems as the event model's features ("k:c:recall"),
    once each, in the order they come; not its people ("c:p-lei-jun"), who are the news's
    subject, not what happened to it."""
    features = _FEATURES
    found = [feature for _, _, ids in lexicon.scan(stems) if (feature := features[ids[0]])]
    return list(dict.fromkeys(found)) if len(found) > 1 else found
