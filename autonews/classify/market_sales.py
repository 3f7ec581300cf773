"""Whether a title tells a whole market's sales, output or forecast, as a national industry
body counts them (``knowledge/market_sales.toml``): such news is no one maker's, whatever
makers its summary names ("Indonesia's November car sales fall 6% - Gaikindo" / "…; BYD's sales
rose 40%": trial 53 filed it under BYD)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = resources.files("autonews.knowledge").joinpath("market_sales.toml").read_bytes()
    table = tomllib.loads(data.decode("utf-8"))

    def words(names: list[str]) -> str:
        return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))

    bodies = re.compile(rf"(?<!\w)(?:{words(table['bodies'])})(?!\w)")
    volumes = re.compile(rf"(?<!\w)(?:{words(table['volumes'])})(?!\w)", re.IGNORECASE)
    return bodies, volumes


def market_body(title: str, text: str) -> str | None:
    """The industry body whose market figures ``title`` tells (named in it or in ``text``,
    its summary or body), where the title tells a market's volume; else None."""
    bodies, volumes = _patterns()
    if not volumes.search(title):
        return None
    body = bodies.search(title) or bodies.search(text)
    return body.group() if body else None
