"""A market report: makers named only by their shares' moves ("美股盘前：特斯拉涨1.2%，蔚来涨3%").

Such a title is the market's news of a session, as a finance flash feed tells every session: its
makers' share moves are listed, none of them is the news's subject, and nothing happened to the
cars. It is no car news (trial 40: a US pre-market report was Tesla's story, "see also" under
NIO). One maker's move ("美股中概股盘前多数上涨，理想汽车涨4%"), moves told with a reason of
their own ("理想汽车7月交付30731辆，盘前跌超3%") and car stocks' moves told as such
("港股汽车股走强，…": a car word) stay car news. In English, a session's report names its index
and then the makers' moves ("Dow slips as Fed minutes loom; Ford, GM edge higher": trial 43),
one move told after a list of them.
"""

from __future__ import annotations

import re

from autonews.classify.lexicon import Tokens
from autonews.classify.relevance import Spotted

# What follows a maker's name where its shares' move is all a title says of it: "涨1.2%",
# "股价跌超3%", "盘前大涨5%", "集团-W涨2%" (in Traditional characters read as Simplified).
_SHARE_MOVE = re.compile(
    r"\s*(?:集团|汽车|股份|股价|股票)?(?:-[A-Z]{1,2})?\s*(?:盘前|盘中|盘后|早盘|午盘|尾盘)?\s*"
    r"(?:股价)?\s*(?:大|上|下|收|高开|低开|一度)?[涨跌](?:超|逾|近|幅)?\s*\d+(?:\.\d+)?\s*%"
)
# The English move after a maker's name ("GM edge higher", "Ford shares slip"), and what joins
# the makers of a list whose move is told once after the last ("Ford, GM edge higher").
_SHARE_MOVE_ENGLISH = re.compile(
    r"(?:['’]s)?\s*(?:shares?|stocks?)?\s*(?:edges?|inch(?:es)?|trades?|closes?|ends?)?\s*"
    r"(?:higher|lower|up|down|rise|rises|rose|fall|falls|fell|gain|gains|slip|slips|slide|"
    r"slides|climb|climbs|jump|jumps|drop|drops|sink|sinks|rally|rallies|tumble|tumbles|surge|"
    r"surges|soar|soars|dip|dips|advance|advances|decline|declines)\b",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"\s*(?:,|\band\b|&)\s*", re.IGNORECASE)
# The session's index an English market report names before its makers' moves.
_SESSION = re.compile(
    r"\b(?:Dow|Nasdaq|S&P|FTSE|Nikkei|Stoxx|DAX|CAC|Hang Seng|Wall Street|stock market|"
    r"futures)\b",
    re.IGNORECASE,
)
_SEVERAL = 2


def a_market_report(tokens: Tokens, found: list[Spotted]) -> bool:
    """Whether every maker the title names is named by its shares' move, and there are several."""
    plain = tokens.plain
    english = plain.isascii() and _SESSION.search(plain) is not None
    if not english and "%" not in plain:
        return False  # most titles naming two makers
    spans = [(tokens.where(s, e), hit.index) for s, e, hit in found if hit.kind == "maker"]
    moved: set[int] = set()
    next_start = -1  # where the next maker named starts (its move is told, or it returned)
    for (start, end), index in reversed(spans):
        told = _SHARE_MOVE.match(plain, end) or (english and _SHARE_MOVE_ENGLISH.match(plain, end))
        if not told and not (english and next_start >= 0 and _joined(plain, end, next_start)):
            return False  # (a maker listed before one that moved moved too: "Ford, GM edge up")
        moved.add(index)
        next_start = start
    return len(moved) >= _SEVERAL


def _joined(text: str, end: int, start: int) -> bool:
    """Whether the name ending at ``end`` and the one starting at ``start`` are listed together
    ("Ford, GM", "Ford and GM")."""
    join = _LIST_JOIN.match(text, end)
    return join is not None and join.end() == start
