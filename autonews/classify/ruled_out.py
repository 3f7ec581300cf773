"""Makers a title rules out, kept out by its summary too: one standard of evidence wherever a
name is found (issue 14).

"Peugeot Invest entre au capital du groupe de cliniques vétérinaires IVC Evidensia": the title
names Peugeot only inside a known non-maker phrase (nonmakers.toml `phrases`), the Peugeot
family's holding. Its summary, "La holding de la famille Peugeot investit…", names the family by
its surname, which alone would make Peugeot the summary's subject and the item car news (trial
47). A name the title rules out is given back by the summary only where the summary names it as
a carmaker: not as a family, and beside a car word or a model of its own.
"""

from __future__ import annotations

from autonews.classify.knowledge import Knowledge
from autonews.classify.lexicon import Tokens, tokenize
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import Spotted


def blocked_phrases(k: Knowledge, title: str) -> list[tuple[tuple[str, ...], str]]:
    """The known non-maker phrases of a title, by their tokens and as written."""
    norms = tokenize(title).norms
    return [
        (tuple(norms[start:end]), hits[0].written)
        for start, end, hits in k.entities.scan(norms)
        if hits[0].kind == "block"
    ]


def without_ruled_out(
    k: Knowledge,
    title: str,
    tokens: Tokens,
    subjects: list[Spotted],
    says_cars: bool,
    reasons: list[str],
) -> list[Spotted]:
    """The summary's subjects less the makers whose names the title uses only inside a known
    non-maker phrase, where the summary names them as a family, or ``says_cars`` not (no car
    word, no model)."""
    blocked = blocked_phrases(k, title)
    if not blocked:  # the common case: the title rules out no name
        return subjects
    kept: list[Spotted] = []
    for start, end, hit in subjects:
        name = tuple(tokens.norms[start:end])
        phrase = next((written for words, written in blocked if _inside(name, words)), None)
        if phrase is None or hit.kind != "maker":
            kept.append((start, end, hit))
            continue
        family = _family(k, tokens, start, end)
        if not family and says_cars:
            kept.append((start, end, hit))
            continue
        if reasons is not DISCARD:
            how = f"'{family}', a family" if family else "its name with no car word or model"
            reasons.append(
                f"not {k.makers[hit.index].name}: the title names it only in '{phrase}', "
                f"a known non-maker phrase, and the summary/body has {how}"
            )
    return kept


def _inside(name: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    width = len(name)
    return any(phrase[at : at + width] == name for at in range(len(phrase) - width + 1))


def _family(k: Knowledge, tokens: Tokens, start: int, end: int) -> str:
    """The words that name a family by the name at ``start:end`` ("famille Peugeot", "Peugeot
    family"), as written; "" if the name is not a family's."""
    norms = tokens.norms
    if end < len(norms) and norms[end] in k.family_after:
        return tokens.span(start, end + 1)
    for words in k.family_before:
        before = start - len(words)
        if before >= 0 and tuple(norms[before:start]) == words:
            return tokens.span(before, end)
    return ""
