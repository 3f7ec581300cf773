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

from autonews.classify.lexicon import Lexicon, phrase_key, stem


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
