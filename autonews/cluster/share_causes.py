"""Whether a title telling how the market took a company's news is the reaction to another
item's news of the day, or a share move with a cause of its own (a broker's note or target,
an index's inclusion, results): trial 52's "CATL shares hit record as Morgan Stanley raises
target" is no reaction to "CATL to spend 5 billion yuan on share buyback"."""

from __future__ import annotations

from autonews.cluster.concept_sets import SHARE_MOVE_CAUSES, SHARES
from autonews.cluster.features import _Features

_SAME_DAY = 24 * 3600.0


def reacts_the_same_day(a: _Features, b: _Features) -> bool:
    """Whether one title tells how the market or others took the other's news within a day,
    and gives its share move no cause of its own."""
    if a.reaction is b.reaction or abs(a.stamp - b.stamp) > _SAME_DAY:
        return False
    return not _gives_its_own_cause(a, b) and not _gives_its_own_cause(b, a)


def _gives_its_own_cause(move: _Features, news: _Features) -> bool:
    """Whether ``move``'s title tells a share move and gives it a cause of its own that
    ``news``'s title does not tell (a broker's note or target, an index's inclusion, results):
    "CATL shares hit record as Morgan Stanley raises target" is the broker's, not the reaction
    to the buyback told that day. A move "after the verdict" whose analysts "see limited hit"
    gives the verdict as its cause."""
    if SHARES not in move.title:
        return False
    if move.note and not news.note:
        return True
    return any(
        not cause.isdisjoint(move.title) and told.isdisjoint(news.title)
        for cause, told in SHARE_MOVE_CAUSES
    )
