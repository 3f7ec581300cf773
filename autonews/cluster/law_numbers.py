"""The numbers of laws and their parts a title names: "Section 232", "Article 122", "§ 45".

They are no counts: "US Commerce widens Section 232 auto parts list" was read as 232 parts, and
"different unit counts" (130 parts / 232 parts) kept two outlets' reports of one tariff list
apart (trial 47).
"""

from __future__ import annotations

from autonews.classify.figure_words import LAW_NUMBER


def law_numbers(title: str) -> frozenset[float]:
    """The numbers right after a law's section, article, title or chapter word in ``title``
    (the words: ``[laws]`` in knowledge/figures.toml)."""
    return frozenset(float(match.group(1)) for match in LAW_NUMBER.finditer(title))
