"""The numbers of laws and their parts a title names: "Section 232", "Article 122", "§ 45".

They are no counts: "US Commerce widens Section 232 auto parts list" was read as 232 parts, and
"different unit counts" (130 parts / 232 parts) kept two outlets' reports of one tariff list
apart (trial 47).
"""

from __future__ import annotations

import re

_LAW_NUMBER = re.compile(
    r"(?:\b(?:section|sec\.|article|art\.|title|chapter|paragraph|rule)|§)\s*(\d+)",
    re.IGNORECASE,
)


def law_numbers(title: str) -> frozenset[float]:
    """The numbers right after a law's section, article, title or chapter word in ``title``."""
    return frozenset(float(match.group(1)) for match in _LAW_NUMBER.finditer(title))
