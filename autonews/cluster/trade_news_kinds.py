"""Trade news of different kinds, never one event: a price, a deal and results; a supplier's
deal and its maker's output; a price and other news; a listing and a partnership.
``conflicts`` asks these."""

from __future__ import annotations

from autonews.cluster.features import _Features
from autonews.cluster.shared import shared_figure
from autonews.models import Event

# Trade news of different kinds: a price, a deal (a partnership or a stake) and results are
# never one event, whatever model or place both name ("Tesla cuts Model Y prices in China" /
# "Tesla to use CATL cells in Shanghai-built Model Y"; CATL's results / its plant with
# Stellantis). A launch may be told by its price, and a stake by a partnership's words.
_TRADE_KINDS = {
    Event.PRICING: "price",
    Event.PARTNERSHIP: "deal",
    Event.OWNERSHIP: "deal",
    Event.FINANCIALS: "results",
}


def _trade_news_of_two_kinds(a: _Features, b: _Features) -> bool:
    kinds = (_trade_kind(a), _trade_kind(b))
    return None not in kinds and kinds[0] != kinds[1]


def _trade_kind(item: _Features) -> str | None:
    """The kind of trade news an item surely tells; a price only where its title names one (a
    "cost programme" is no price news)."""
    if item.event is None or not item.event_sure:
        return None  # an unsure type may be the same news told another way
    kind = _TRADE_KINDS.get(item.event)
    return None if kind == "price" and not item.priced else kind


def _supply_deal_and_output(a: _Features, b: _Features) -> bool:
    """``a`` surely a deal with a company (a supplier's order), ``b`` surely the output of its
    maker that names no company: a supplier's cells for a platform and the platform's
    production start are two events, whatever models and places both name."""
    return (
        a.event is Event.PARTNERSHIP
        and b.event is Event.PRODUCTION
        and a.event_sure
        and b.event_sure
        and bool(a.actors - a.groups)
        and b.actors <= b.groups
        and not shared_figure(a, b)
    )


def _price_and_other_news(a: _Features, b: _Features) -> bool:
    """``a`` surely a price its title names; ``b`` names no price, tells no price's news nor a
    launch (which a price may tell: a model's first showroom, priced), and shares no figure
    with ``a``: another news of the maker in the same market."""
    return (
        a.event is Event.PRICING
        and a.event_sure
        and a.priced
        and not b.priced
        and b.event not in (Event.PRICING, Event.LAUNCH)
        and not shared_figure(a, b)
    )


_IPO = "c:ipo"


def _listing_and_partnership(a: _Features, b: _Features) -> bool:
    """``a`` surely a listing (an IPO), ``b`` surely a partnership that names none: a company's
    listing and its shareholder's partnership with its parent share names, not news."""
    return (
        a.event is Event.OWNERSHIP
        and b.event is Event.PARTNERSHIP
        and a.event_sure
        and b.event_sure
        and _IPO in a.title
        and _IPO not in b.title
    )
