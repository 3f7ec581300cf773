"""A count of a period's registrations or sales, and a maker's other news of the same days.

CnEVPost's and 36Kr's weekly insurance registrations ("Tesla China registrations fall to 11,200
in Oct 27-Nov 2 ahead of Model Y Standard", "特斯拉中国上周上险量1.47万辆") joined the Model Y
Standard's launch and the rumour before it, by the model or "china" alone, and "BYD shares drop
4% in Hong Kong" joined BYD's weekly registrations (trial 46). A count of what was registered or
sold is news of its own: a launch, a launch to come or a share move that names no registrations
or sales is another event, whatever model or market both name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from autonews.cluster.concept_sets import SHARES
from autonews.models import Event

if TYPE_CHECKING:  # (features reads TALLIES from here)
    from autonews.cluster.features import _Features

TALLIES = frozenset(("c:registrations", "c:sales"))


def _counts_registrations(item: _Features) -> bool:
    """The title tells a count of registrations or sales (a figure from 100, not a share); a
    holding sold is none ("Toyota group to sell $7 billion Denso stake" is a deal, the same as
    the "Notice Regarding Sale of Shares of DENSO CORPORATION": trial 50)."""
    if not item.tallied or item.event is Event.OWNERSHIP:
        return False
    counts = item.units | item.title_numbers
    return any(not f.percent and f.value >= 100 for f in counts)


def _launch_or_share_move(item: _Features) -> bool:
    """The title tells a launch (or one to come) or a share move, and names no registrations or
    sales of its own ("BYD shares fall after weekly sales drop" is the sales' reaction)."""
    if item.tallied:
        return False
    launch = item.launch_stage is not None or (item.event is Event.LAUNCH and item.event_sure)
    return launch or SHARES in item.title or item.market


def registrations_and_other_news(a: _Features, b: _Features) -> bool:
    """``a`` counts a period's registrations or sales and ``b`` tells a launch or a share move."""
    return _counts_registrations(a) and _launch_or_share_move(b)
