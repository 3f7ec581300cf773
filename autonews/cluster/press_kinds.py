"""What the motoring press publishes besides news, by its title (``knowledge/press_kinds.toml``,
trial 49): a review, first drive or long-term test; a list of cars to buy or a magazine's award; a
column in its writer's first person; spy shots of a prototype.

Reviews, lists and columns are commentaries (``features``: they join no event story, however
alike their model names: a Kuga's review is not its recall); spy shots are a photographer's, not
the maker's event (``conflicts``: they join spy shots only, never its teaser or its reveal). The
module imports no other of the clustering, so that the story's builder may read it too
(``autonews.story_build``: a story's date is its event's)."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import NamedTuple

# A quote is its speaker's words: its first person is no columnist's ("Hamilton: Ferrari 'must
# give me a better car'").
_QUOTED = re.compile(r"""(?:^|(?<=\W))['‘"“][^'’"”]{2,}['’"”](?=\W|$)""")


class _Kinds(NamedTuple):
    review: re.Pattern[str]
    listing: re.Pattern[str]
    column: re.Pattern[str]
    spy: re.Pattern[str]


@functools.cache
def _kinds() -> _Kinds:
    source = resources.files("autonews.knowledge").joinpath("press_kinds.toml")
    data = tomllib.loads(source.read_text("utf-8"))

    def pattern(kind: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{shape})" for shape in data[kind]), re.IGNORECASE)

    return _Kinds(pattern("review"), pattern("list"), pattern("column"), pattern("spy"))


def reads_as_press_piece(title: str) -> bool:
    """Whether a title is a review's, a list's or a column's: no event of its own."""
    kinds = _kinds()
    title = title.strip()
    return (
        kinds.review.search(title) is not None
        or kinds.listing.search(title) is not None
        or kinds.column.search(_QUOTED.sub(" ", title)) is not None
    )


def reads_as_spy_shots(title: str) -> bool:
    """Whether a title tells of spy shots of a prototype on test."""
    return _kinds().spy.search(title) is not None
