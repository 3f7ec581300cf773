"""A market report: makers named only by their shares' moves ("美股盘前：特斯拉涨1.2%，蔚来涨3%").

Such a title is the market's news of a session, as a finance flash feed tells every session: its
makers' share moves are listed, none of them is the news's subject, and nothing happened to the
cars. It is no car news (trial 40: a US pre-market report was Tesla's story, "see also" under
NIO). One maker's move ("美股中概股盘前多数上涨，理想汽车涨4%"), moves told with a reason of
their own ("理想汽车7月交付30731辆，盘前跌超3%") and car stocks' moves told as such
("港股汽车股走强，…": a car word) stay car news.
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
_SEVERAL = 2


def a_market_report(tokens: Tokens, found: list[Spotted]) -> bool:
    """Whether every maker the title names is named by its shares' move, and there are several."""
    plain = tokens.plain
    moved: set[int] = set()
    for start, end, hit in found:
        if hit.kind != "maker":
            continue
        if not _SHARE_MOVE.match(plain, tokens.where(start, end)[1]):
            return False
        moved.add(hit.index)
    return len(moved) >= _SEVERAL
