"""Which headline tells a story soberly (knowledge/title_shapes.toml): not a teaser's or a
listicle's ("… See the list.", "Here's What … Means for You", "Might Have a … Problem", a
question), and a wire service's or the trade press's before a consumer outlet's. The story's
title is chosen with these after the reader's language (``autonews.story_build``)."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from autonews.wire_titles import shown_title


@functools.cache
def _knowledge() -> tuple[re.Pattern[str], frozenset[str]]:
    source = resources.files("autonews.knowledge").joinpath("title_shapes.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    teaser = re.compile("|".join(f"(?:{shape})" for shape in data["teasers"]), re.IGNORECASE)
    return teaser, frozenset(_name(outlet) for outlet in data["wire_and_trade"])


def reads_as_teaser(title: str) -> bool:
    """Whether a headline has a teaser's or a listicle's shape (as shown: without a wire's
    "UPDATE 1-")."""
    return _knowledge()[0].search(shown_title(title).strip()) is not None


def from_wire_or_trade(outlet: str) -> bool:
    """Whether ``outlet`` (an outlet's or a feed's name) is a wire service's or the trade
    press's: the whole name, or its first words ("Automotive News Europe", "Reuters.com")."""
    name = _name(outlet)
    known = _knowledge()[1]
    words = name.split()
    return (
        name in known
        or any(" ".join(words[:count]) in known for count in range(1, len(words)))
        or name.split(".", 1)[0] in known
    )


def _name(outlet: str) -> str:
    name = " ".join(outlet.split()).casefold()
    return name.removeprefix("the ") if name.removeprefix("the ") else name
