"""Stages of one storyline told apart (``other_stage``), trial 50's earnings week: a union's
vote to strike and the strike it called ("Hyundai Motor union votes to strike" / "union stages
partial strike"), and either and the wage deal that settles it (trial 55: "union to stage
partial strikes" / "union reach tentative wage deal, averting further strikes"); an offer raised
and a holder's rejection of it ("Toyota group raises Toyota Industries offer" / "Elliott rejects
sweetened offer"); a month's sales, production and exports and a half's results ("Toyota's
October Sales, Production, and Export Results" / "Toyota quarterly profit slides 27%": "results"
of one maker was all they shared); a count still running and its final tally (trial 53: "38,120
bookings so far" / "Motor Expo ends with 52,400 bookings"). Each is a reader's news of its own,
whatever company, offer or figures both name."""

from __future__ import annotations

from autonews.cluster.concept_sets import (
    FINAL_TALLY,
    MONTH_CONCEPTS,
    MONTHLY_FIGURES,
    OFFER,
    PERIOD_RESULTS,
    PERIODS,
    REJECTION,
    RUNNING_COUNT,
    STRIKE,
    STRIKE_VOTE,
)
from autonews.cluster.features import _Features


def other_stage(a: _Features, b: _Features) -> str | None:
    """What keeps two stages of one storyline apart, or None."""
    told = {_strike_told(a), _strike_told(b)}
    if told == {STRIKE_VOTE, STRIKE}:
        return "a strike vote / the strike"
    if len(told) == 2 and _SETTLED in told and told & {STRIKE_VOTE, STRIKE}:
        return "a strike / its settlement"  # a walkout set / the wage deal that ends it
    if _rejection_of_offer(a, b) or _rejection_of_offer(b, a):
        return "an offer / its rejection"
    if _month_figures_and_results(a, b) or _month_figures_and_results(b, a):
        return "a month's sales or output / a period's results"
    if _running_and_final(a, b) or _running_and_final(b, a):
        return "a running count / its final tally"
    return None


def _running_and_final(a: _Features, b: _Features) -> bool:
    """``a`` tells a count still running ("38,120 bookings so far"), ``b`` the final tally
    ("Motor Expo ends with 52,400 bookings"): the tally is news of its own (trial 53)."""
    return RUNNING_COUNT in a.title and FINAL_TALLY not in a.title and FINAL_TALLY in b.title


_SETTLED = "settled"


def _strike_told(item: _Features) -> str | None:
    """What of a strike the title tells: the vote to strike (the ballot, not the strike it may
    call), the strike, its settlement (a wage deal reached, the strike ended), or None. A title
    with the vote and the strike is the vote's ("votes to strike, walkout set for Monday"): the
    strike is still to come; one with a settlement and the strike is the settlement's ("reach
    tentative wage deal, averting further strikes"): the strike is behind it."""
    if STRIKE_VOTE in item.title:
        return STRIKE_VOTE
    if _SETTLED in item.stages:  # a wage deal reached, a strike ended (``turns``)
        return _SETTLED
    return STRIKE if STRIKE in item.title else None


def _rejection_of_offer(a: _Features, b: _Features) -> bool:
    """``a`` tells an offer or bid with no rejection, ``b`` a rejection of one. An offer whose
    lead tells the rejection ("... said the raised offer still undervalues ...") is the rejection
    in words the title's reading does not know: not the offer's news (review 37)."""
    return (
        REJECTION.isdisjoint(a.text)
        and not OFFER.isdisjoint(a.title)
        and not REJECTION.isdisjoint(b.title)
    )


def _month_figures_and_results(a: _Features, b: _Features) -> bool:
    """``a`` tells a month's sales, production or exports and no period's results, ``b`` a
    period's profit, revenue or loss and no month (a quarter's deliveries are no results)."""
    return (
        not MONTH_CONCEPTS.isdisjoint(a.title)
        and not MONTHLY_FIGURES.isdisjoint(a.title)
        and PERIODS.isdisjoint(a.title)
        and PERIOD_RESULTS.isdisjoint(a.title)
        and MONTH_CONCEPTS.isdisjoint(b.title)
        and not PERIOD_RESULTS.isdisjoint(b.title)
    )
