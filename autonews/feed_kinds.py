"""What `feeds add` tells of a feed whose items are not all car news: a finance or ticker
feed (Yahoo Finance, "Stocks", quotes, a list of tickers in its title), or an aggregator's search
that finds other news too. Such a feed is best read with ``--topic mixed`` (each item judged on
its own), which nothing suggested in trial 43: a Yahoo Finance feed's market notes were read as
car news until the user found the README's advice."""

from __future__ import annotations

import re
from collections.abc import Sequence

from autonews.feed_titles import search_name

# A finance feed's title or address: market news, quotes, stocks, tickers.
_FINANCE_WORDS = re.compile(
    r"\b(?:finance|financial news|stocks?|shares|quotes?|tickers?|markets?|investing|"
    r"investors?|earnings|wall street|nasdaq|nyse)\b",
    re.IGNORECASE,
)
_FINANCE_ADDRESS = re.compile(r"//(?:[\w-]+\.)*finance\.|[?&]s=[A-Z.^]+(?:,[A-Z.^]+)+", re.I)
# A list of tickers: three or more upper-case symbols between commas ("TM, HMC, NSANY").
_TICKERS = re.compile(r"\b[A-Z]{1,5}(?:\.[A-Z])?(?:\s*,\s*[A-Z]{1,5}(?:\.[A-Z])?){2,}\b")
# Of a search feed's items, the share not about cars from which it is called mixed (a search
# for "Ford" finds Doug Ford and Tom Ford; one for "Genesis", a band and a book).
_MIXED_SHARE = 0.2


def mixed_topic_reason(title: str, url: str, titles: Sequence[str]) -> str:
    """Why a feed is better read as of mixed topics ("a finance feed (market news, tickers)"),
    or "" when nothing says so."""
    if _FINANCE_WORDS.search(title) or _TICKERS.search(title) or _FINANCE_ADDRESS.search(url):
        return "a finance feed (market news, quotes, tickers): not all its items are car news"
    if search_name(title) is None or not titles:
        return ""
    from autonews.classify import classify

    others = [t for t in titles if not classify(t).automotive]
    if len(others) >= 2 and len(others) >= _MIXED_SHARE * len(titles):
        return (
            f"a search feed of mixed topics ({len(others)} of its {len(titles)} items are not "
            "about cars)"
        )
    return ""
