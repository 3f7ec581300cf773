"""The clustering's word terms as the texts write them, for a reader of `story --explain`.

Words are compared stemmed and folded ("andr" for André, "handelsblat" for Handelsblatt,
"fuhrt" for führt): right for matching, but a reader took "andr" for a name cut at its accent
(trial 46). The explanation names each shared word as the first title or lead that has it
writes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from autonews.classify.lexicon import stem, tokenize
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.terms import lead, simplified


def written_forms(items: Iterable[ClusterInput], terms: Iterable[str]) -> dict[str, str]:
    """For each word term of ``terms`` (a stem: no concept, maker, model or CJK bigram), how the
    first of ``items`` that has it writes it."""
    wanted = {term for term in terms if term.isascii() and ":" not in term and "*" not in term}
    found: dict[str, str] = {}
    for item in items:
        if not wanted:
            break
        for text in (item.title, lead(item.summary)):
            tokens = tokenize(simplified(text))
            for index, word in enumerate(tokens.norms):
                term = stem(word)
                if term in wanted:
                    found[term] = tokens.surface(index)
                    wanted.discard(term)
    return found


def as_written(term: str, written: Mapping[str, str]) -> str | None:
    """The term as a text writes it ("André", not "andr"; "Thierig", not "thierig")."""
    return written.get(term)
