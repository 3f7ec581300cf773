"""How a title's clauses are read: the kicker before its main clause ("Tariff Turmoil: ..."),
the reason after its news ("... as investors weigh demand"), and whether it tells speculation
(a question, a rumour's phrase, a report's say-so)."""

from __future__ import annotations

import re

from autonews.classify.lexicon import stem, tokenize
from autonews.classify.relevance import Spotted

_KICKER = re.compile(r"^\s*([^:：?？]{1,40})[:：]\s*\S")


def main_clause(title: str, stems: list[str]) -> list[str]:
    """A short lead-in ("Tariff Turmoil: ...", "Is X Next? ...") is a kicker: the news is in
    the clause after it. Returns the stems of that clause, or all stems."""
    match = _KICKER.match(title)
    if not match:
        return stems
    lead_words = len(tokenize(match.group(1)).norms)
    if lead_words == 0 or lead_words > 4 or lead_words >= len(stems):
        return stems
    return stems[lead_words:]


# What opens the reason for an event: a "could" after it is the fault's, not the news's ("recalls
# 12,400 bZ4X because wheels could detach" happened; "shares fall as investors weigh demand").
_REASONS = frozenset(map(stem, ("because", "over", "amid", "since", "as")))


# A title that opens with "Report:" or closes with "- report", ": Deutsche Bank report" tells what
# a report says; "GM reports record profit" is the maker's own report, "failure reports" complaints.
_CITES_A_REPORT = re.compile(
    r"^\W*reports?\s*[:：|]|[:：|,\-–—]\s*((?:[\w.&'’]+\s+){0,3})reports?\W*$", re.IGNORECASE
)


def reason_start(stems: list[str]) -> int:
    """Where the reason for the news begins ("falls 3% as investors weigh demand"): a word
    after it is in the reason. A title's first word opens no reason ("Over 1 million cars may
    be ...", "As Tesla weighs ..."). ``len(stems)`` when none does."""
    if _REASONS.isdisjoint(stems):  # most titles: one look in C
        return len(stems)
    return next((i for i in range(1, len(stems)) if stems[i] in _REASONS), len(stems))


def speculative_title(
    text: str, phrase: str | None, reasons: list[str], found: list[Spotted], words: int
) -> bool:
    """Whether a title tells speculation: a question, a speculative phrase (``phrase``, the
    rules' first), or what a report says ("Report: ...", "... - report")."""
    if text.rstrip().endswith(("?", "？")):
        reasons.append("speculative: a question")
        return True
    if phrase is not None:
        reasons.append(f"speculative: '{phrase}'")
        return True
    # The pattern tries every position of the text (4% of a headline's classification when every
    # title was searched): only a title with the word in it is. (No other character matches one
    # of the word's letters when case is ignored: the test misses no match.)
    cited = _CITES_A_REPORT.search(text) if "report" in text.lower() else None
    # "Q3 profit doubles, GM reports": a maker's name before "reports" makes it its own.
    if cited and (not cited.group(1) or all(end != words - 1 for _, end, _ in found)):
        reasons.append("speculative: told as a report's")
        return True
    return False
