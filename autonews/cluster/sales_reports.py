"""One maker's sales of a month told by several outlets: a periodic sales report
(``knowledge/sales_reports.toml``, trial 45).

On the first of a month each outlet leads with its own figure of one release: the total
("Maruti Suzuki sales up 4% at 2,29,021 units in November"), the exports ("November dispatches
rise 4%; exports hit record 37,529 units"), a segment ("Mahindra SUV sales jump 21% to 56,604
units" / "M&M total sales rise 21 pc to 86,143 units"), the domestic growth ("domestic sales
rise 7%" / "sales up 9%"). The same maker and the same month, told within a day in one market,
are one event whatever figures each title gives: ``one_sales_report`` lets such a pair past the
rules that keep different unit counts and percentages apart (``conflicts``). It keeps every
other rule: different makers' sales never merge, nor two months', nor a quarter's results or a
forecast (``unless``), nor two segments' releases (a maker's passenger and commercial vehicles,
its tractors).

A national industry body's figures of a month (SMMT's, KBA's, CPCA's) are keyed the same way, by
the body instead of a maker (``body_report``, trial 49): "New car sales rise in November" (its
lead: "according to the SMMT"), "UK new car market up 4.1% in November" and "SMMT: November new
car registrations up" are one release.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from autonews.models import Classification, Event

# The months a title may name: concept ids of knowledge/concepts.toml ("Nov" = "11月").
MONTHS = frozenset(
    "c:" + month
    for month in """january february march april may june july august september october november
    december""".split()
)
# Told further apart than this, two titles of one maker's month are not one release's reports.
SAME_DAY = 24 * 3600.0


class SalesReport(NamedTuple):
    """What makes a title one maker's sales report of a month."""

    group: str  # the maker's group, the one its title names
    maker: str  # the maker, as a reader knows it ("Maruti Suzuki", of the group Suzuki)
    months: frozenset[str]  # the months it names (concept terms)
    segments: frozenset[str]  # the segments of the business it names (none: the total)
    body: bool = False  # a national body's figures of the whole market (``group``: "body:smmt")
    # The makers of the group its title names ("Hyundai, Kia post record November U.S. sales":
    # both); none known: the group's. Two makers of one group report apart (trial 55).
    makers: frozenset[str] = frozenset()


class _Segment(NamedTuple):
    id: str
    words: re.Pattern[str]
    own: bool  # its sales are a release of their own, never part of the maker's total


class _Body(NamedTuple):
    id: str
    name: str
    names: re.Pattern[str]
    country: re.Pattern[str] | None  # the words of the market it alone reports


class _Rules(NamedTuple):
    volume: re.Pattern[str]
    unless: re.Pattern[str]
    segments: tuple[_Segment, ...]
    market: re.Pattern[str]
    car: re.Pattern[str]
    bodies: tuple[_Body, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    source = resources.files("autonews.knowledge").joinpath("sales_reports.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    return _Rules(
        re.compile(str(data["volume"]), re.IGNORECASE),
        re.compile(str(data["unless"]), re.IGNORECASE),
        tuple(
            _Segment(
                str(table["id"]),
                re.compile(str(table["words"]), re.IGNORECASE),
                bool(table.get("own", False)),
            )
            for table in data["segment"]
        ),
        re.compile(str(data["market"]), re.IGNORECASE),
        re.compile(str(data["car"]), re.IGNORECASE),
        tuple(
            _Body(
                str(table["id"]),
                str(table["name"]),
                re.compile(str(table["names"]), re.IGNORECASE),
                re.compile(str(table["country"])) if "country" in table else None,
            )
            for table in data["body"]
        ),
    )


def sales_report(
    classification: Classification,
    title_groups: frozenset[str],
    title_terms: frozenset[str],
    plain: str,
    lead: str = "",
    title_makers: frozenset[str] = frozenset(),
) -> SalesReport | None:
    """The sales report a title tells (``plain``: read as simplified Chinese; ``title_terms``:
    its terms, where months are concepts; ``lead``: its lead, read alike; ``title_makers``: the
    makers its title names), or None: it must be
    financial news naming one maker, or a national body's market (``body_report``), and a
    month, and tell a volume sold, not results, a forecast nor a cumulative figure."""
    if classification.event is not Event.FINANCIALS or len(title_groups) > 1:
        return None
    months = MONTHS.intersection(title_terms)
    if not months:
        return None
    rules = _rules()
    if rules.unless.search(plain) is not None:
        return None
    if not title_groups:
        return body_report(plain, lead, months)
    if rules.volume.search(plain) is None:
        return None
    group = next(iter(title_groups))
    named = [m.name for m in classification.makers if m.group == group and m.name in title_makers]
    maker = (
        named[0]
        if named
        else next((m.name for m in classification.makers if m.group == group), group)
    )
    return SalesReport(group, maker, months, _segments(plain), makers=frozenset(named))


def tells_months_volume(title_terms: frozenset[str], plain: str) -> bool:
    """Whether a title tells a volume of a month, whoever's: a maker's sales, several makers'
    or a country's exports ("Korea's Nov. auto exports rise 13.7 pct on hybrids, used cars"),
    read as ``sales_report`` reads them (a month, a volume word, no results nor forecast).
    Such a statistic is told with the segments that drove it, as a maker's sales report is."""
    if MONTHS.isdisjoint(title_terms):
        return False
    rules = _rules()
    return rules.volume.search(plain) is not None and rules.unless.search(plain) is None


def body_report(title: str, lead: str, months: frozenset[str]) -> SalesReport | None:
    """A national body's figures of the whole car market in ``months``, told by a title naming
    no maker: the body the title names, or whose country it names; else the lead's."""
    rules = _rules()
    if rules.car.search(title) is None:
        return None
    if rules.volume.search(title) is None and rules.market.search(title) is None:
        return None
    body = _body_named(title) or _body_named(lead)
    if body is None:
        return None
    return SalesReport(f"body:{body.id}", body.name, months, _segments(title), body=True)


def _body_named(text: str) -> _Body | None:
    """The one body a text names, or else the one whose country it names (none of several)."""
    bodies = _rules().bodies
    for found in (
        [b for b in bodies if b.names.search(text)],
        [b for b in bodies if b.country is not None and b.country.search(text)],
    ):
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _segments(plain: str) -> frozenset[str]:
    return frozenset(s.id for s in _rules().segments if s.words.search(plain) is not None)


def one_report(
    a: SalesReport | None,
    b: SalesReport | None,
    seconds_apart: float,
    markets: tuple[frozenset[str], frozenset[str]],
) -> bool:
    """Whether two titles tell one maker's sales report of one month: the same maker, a month
    both name, told within a day, in one market (none named, or one both name), and segments
    that may be one release's (see ``_segments_agree``)."""
    if a is None or b is None or a.group != b.group or a.months.isdisjoint(b.months):
        return False
    if other_makers(a, b):
        return False  # Hyundai's November sales / Kia's: one group, two releases (trial 55)
    if seconds_apart > SAME_DAY:
        return False
    market_a, market_b = markets
    if (market_a or market_b) and market_a.isdisjoint(market_b):
        return False  # Hyundai's sales in India / in the US
    return _segments_agree(a.segments, b.segments)


def other_makers(a: SalesReport, b: SalesReport) -> bool:
    """Whether two makers' sales reports name makers of one group and none in common: Kia's
    November sales are not Hyundai's, though one group's, one newsroom's and told the same day
    (trial 55). A title naming the group alone ("Hyundai Motor Group's sales") may be either's,
    and one naming both makers ("Hyundai, Kia post record U.S. sales") is each one's."""
    if a.body or b.body or a.group != b.group or not (a.makers and b.makers):
        return False
    return a.makers.isdisjoint(b.makers) and a.group not in a.makers | b.makers


def _segments_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Segments both titles name, or one names none (the maker's total) and the other none
    whose sales are a release of their own (tractors, motorcycles)."""
    if a and b:
        return not a.isdisjoint(b)
    named = a or b
    return not any(s.own and s.id in named for s in _rules().segments)


def described(report: SalesReport) -> str:
    """The report as ``story --explain`` names it: "November"."""
    return " / ".join(sorted(month[2:].capitalize() for month in report.months))
