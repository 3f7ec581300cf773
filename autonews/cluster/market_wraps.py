"""A market wrap: a title telling a stock market's day as a whole ("Seoul shares close higher on
chip rally, Hyundai Motor jumps", "Kospi ends at record": ``knowledge/market_wraps.toml``).

Its story is the market's day. A maker it names among the movers is one line of it, and the
maker's own share move that day, told with its own cause ("Hyundai Motor shares jump 4% as US
tariff cut takes effect"), is another story: trial 55 joined the two as one share move of
Hyundai's (both titles "shares", Hyundai, up). ``wrap_evidence`` asks more of a wrap and other
news than one term in common."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

# A wire's tags before a title: "(LEAD)", "(2nd LD)", "[Market]".
_TAGS = r"(?:\s*(?:\([^)]{1,20}\)|\[[^\]]{1,20}\]))*\s*"


def _alternatives(names: list[str]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _wrap() -> re.Pattern[str]:
    source = resources.files("autonews.knowledge").joinpath("market_wraps.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    indices, markets = _alternatives(data["indices"]), _alternatives(data["markets"])
    chinese = _alternatives(data["chinese"])
    return re.compile(
        rf"^{_TAGS}(?:(?:{indices})(?![\w&-])|(?:{markets})\s+(?:shares|stocks|equities)\b"
        rf"(?!\s+of\b)|{chinese})",
        re.IGNORECASE,
    )


def tells_a_market_wrap(title: str) -> bool:
    """Whether ``title`` opens with an index's name, or a market's shares or stocks: the
    market's day, whatever companies it names among its movers."""
    return _wrap().search(title) is not None
