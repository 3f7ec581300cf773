"""How a title's clauses are read: the kicker before its main clause ("Tariff Turmoil: ..."),
the reason after its news ("... as investors weigh demand"), and whether it tells speculation
(a question, a rumour's phrase, a report's say-so)."""

from __future__ import annotations

import re

from autonews.briefings import reads_as_evaluation
from autonews.classify.lexicon import Tokens, stem, tokenize
from autonews.classify.phrase_trie import Lexicon
from autonews.classify.relevance import Spotted
from autonews.classify.title_kinds import asks_its_readers

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
_AS = stem("as")


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
    compared = _comparisons(stems) if _AS in stems else ()
    return next(
        (i for i in range(1, len(stems)) if stems[i] in _REASONS and i not in compared),
        len(stems),
    )


def _comparisons(stems: list[str]) -> set[int]:
    """Where the two "as" of a comparison are ("as soon as next week", "as many as 40,000",
    "as early as 2027"): no reason opens there (trial 46's "Tesla to launch cheaper Model Y …
    as soon as next week -sources" lost its sources' rumour to it)."""
    found: set[int] = set()
    for at in range(len(stems) - 2):
        if stems[at] == _AS and stems[at + 2] == _AS and at not in found:
            found.update((at, at + 2))
    return found


# What ends the clause before a title's closing question: punctuation, and in Chinese the space
# its writers put between clauses ("…降價1.5萬人民幣 台灣會跟進嗎？").
_CLAUSE_ENDS = "，,：:；;。！!|｜"
_CLAUSE_ENDS_CJK = _CLAUSE_ENDS + " \u3000"


def news_before_a_question(title: str) -> str | None:
    """The clauses before a title's closing question ("特斯拉中國Model 3降價1.5萬人民幣" of "…
    台灣會跟進嗎？", "Tesla cuts prices in China" of "…: will the US follow?"), or None where
    the title is one question ("Will Tesla cut prices?")."""
    text = title.rstrip()
    if not text.endswith(("?", "？")):
        return None
    ends = _CLAUSE_ENDS if text.isascii() else _CLAUSE_ENDS_CJK
    cut = max(text.rfind(end, 0, len(text) - 1) for end in ends)
    told = text[:cut].strip() if cut > 0 else ""
    return told or None


def speculative_title(
    text: str,
    phrase: str | None,
    reasons: list[str],
    found: list[Spotted],
    words: int,
    asks_about_news: bool = False,
    review: bool = False,
) -> bool:
    """Whether a title tells speculation: a question, a speculative phrase (``phrase``, the
    rules' first), or what a report says ("Report: ...", "... - report"). A question asked
    after the news it asks about (``asks_about_news``: "…降價1.5萬人民幣 台灣會跟進嗎？",
    "上市前瞻：预售价20.99万起，配置有哪些看点？") is the outlet's: the news is sure. A review's
    (``review``: "… Review – Is The Seven-Seat EV Worth The Premium?", "…: could it replace
    the XUV700?") asks and guesses as its writer's verdict: no rumour. So does a question that
    weighs whether something is right, enough or worth it (a commentary's), and one put to
    its readers (their taste, their choice: ``asks_its_readers``)."""
    if review:
        reasons.append("not speculative: a review's question or guess is its writer's verdict")
        return False
    if text.rstrip().endswith(("?", "？")):
        if reads_as_evaluation(text):  # "… is the EU picking the right strategic projects?"
            reasons.append("not speculative: a question weighing whether it is right, a comment")
        elif asks_its_readers(text):  # "What's The Most Overrated Car Of The Last Decade?"
            reasons.append("not speculative: a question put to readers")
            return False  # "Would You Rather…": its "would" guesses at no event either
        elif not asks_about_news:
            reasons.append("speculative: a question")
            return True
        else:
            reasons.append("not speculative: a question asked of the news told before it")
    if phrase is not None and _done_before_the_hedge(text, phrase):
        reasons.append(f"not speculative: '{phrase}' hedges an aim after a deal told done")
    elif phrase is not None:
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


def without_appositives(
    appositives: Lexicon[str], tokens: Tokens, stems: list[str], found: list[Spotted]
) -> tuple[list[str], str] | None:
    """The stems without a noun that, between two names, describes the second ("Continental
    spin-off Aumovio cuts 3,000 jobs": the spin-off is Aumovio, no spin-off is told), and the
    noun as written; None where there is none."""
    if len(found) < 2 or not appositives.may_match(tokens.norms):
        return None
    ends = {end for _, end, _ in found}
    starts = {start for start, _, _ in found}
    for start, end, _ in appositives.scan(tokens.norms):
        if start in ends and end in starts:
            return stems[:start] + [""] * (end - start) + stems[end:], tokens.span(start, end)
    return None


def _done_before_the_hedge(text: str, phrase: str) -> bool:
    """Whether a title's first clause tells a deal done ("SK On Completes Merger with SK Enmove,
    Eyes Turnaround": the glossary's idea 'complete') and its hedge (``phrase``) stands only in a
    clause after it: the merger is no rumour, the turnaround its aim (trial 55)."""
    cut = text.find(", ")
    if cut < 0:
        return False
    first = text[:cut]
    if phrase.lower() in first.lower():
        return False
    from autonews.classify.glossary import glossary  # (built once a process, shared)
    from autonews.classify.lexicon import stems_of, tokenize

    return any(
        ids[0] == "c:complete" for _, _, ids in glossary().scan(stems_of(tokenize(first).norms))
    )
