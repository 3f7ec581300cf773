"""An analyst's note a title tells: a rating changed or given, a price target
(``knowledge/analyst_notes.toml``).

"UBS cuts Tesla to 'sell', says robotaxi upside already priced in" is the market's view of
Tesla, no event of Tesla's: it joins no launch on the technology its lead gives as the reason
(``proof``), and its "sell" is no sale (``features``).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

_QUOTES = "'\"‘’“”"


def _either(words: list[str]) -> str:
    """A regular expression matching any of ``words``, longest first, spaces or hyphens alike."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]") for w in ordered)


@lru_cache(maxsize=1)
def _note() -> re.Pattern[str]:
    source = resources.files("autonews.knowledge").joinpath("analyst_notes.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    quote = f"[{_QUOTES}]?"
    rating = (
        rf"\b(?:{_either(data['verbs'])})\b(?:\s+\S+){{1,4}}?\s+to\s+{quote}"
        rf"(?:{_either(data['ratings'])}){quote}"
        rf"(?=\s*$|\s*[{_QUOTES},;:.!?()\[\]|–—-]|\s+(?:{_either(data['after'])})\b)"
    )
    latin = _either([p for p in data["phrases"] if p.isascii()])
    cjk = _either([p for p in data["phrases"] if not p.isascii()])  # no word boundaries
    return re.compile(rf"{rating}|(?<![\w-])(?:{latin})(?![\w-])|{cjk}", re.IGNORECASE)


def tells_a_rating(title: str) -> bool:
    """Whether ``title`` tells an analyst's note: a rating changed ("downgrades Tesla to
    sell", "cuts Tesla to 'sell'") or a price target."""
    return _note().search(title) is not None
