"""Two items that are one report whatever words each outlet chose: one stage of an EU file
acted on by one body, one turn of a national programme, one national body's or one maker's
monthly figures, one maker's share move of a day. ``proof.unproven`` asks these before it
weighs what two titles share (``autonews story A B`` names the rule that joined them)."""

from __future__ import annotations

from autonews.classify.lexicon import stem
from autonews.cluster.concept_sets import (
    AGAIN,
    SHARES,
    SHARES_DOWN_TERMS,
    SHARES_DOWN_WORDS,
    SHARES_UP_TERMS,
    SHARES_UP_WORDS,
)
from autonews.cluster.features import _Features
from autonews.cluster.policy_files import PROGRAMME
from autonews.cluster.sales_reports import one_report

_SAME_DAY = 24 * 3600.0
_HALF_DAY = 12 * 3600.0
# Which way a title tells shares went: its words stemmed as the clustering reads them.
UP = frozenset(map(stem, SHARES_UP_WORDS)) | SHARES_UP_TERMS
DOWN = frozenset(map(stem, SHARES_DOWN_WORDS)) | SHARES_DOWN_TERMS


def one_stage_of_a_file(a: _Features, b: _Features) -> bool:
    """Whether two items name one file of regulation and the same body of the EU acting on it,
    within a day: one stage of the file (the Commission's proposal, the Parliament's vote),
    however each outlet and language words it ("Brussels waters down 2035 combustion engine
    ban" / "Verbrenner-Aus: EU-Kommission schlägt Lockerung der CO2-Flottengrenzwerte vor",
    trial 47). Another body (the Council's position on the proposal) is another stage."""
    if a.files.isdisjoint(b.files) or not a.bodies or a.bodies != b.bodies:
        return False
    return abs(a.stamp - b.stamp) <= _SAME_DAY


def one_programme_turn(a: _Features, b: _Features) -> bool:
    """Whether a title names a national programme ("EV 3.5") the other item names too, in its
    title or its lead, within a day and with no other turn told: one turn of it, whatever else
    each writes ("EV board extends EV 3.5 production deadline to 2027" / "Thailand gives EV
    makers extra year to meet local output pledges", "... under its EV 3.5 incentive scheme")."""
    named = [t for t in a.subject.keys() & b.subject.keys() if t.startswith(PROGRAMME)]
    if not named or abs(a.stamp - b.stamp) > _SAME_DAY:
        return False
    if not any(t in a.title_subject or t in b.title_subject for t in named):
        return False
    return not (a.stages and b.stages and a.stages.isdisjoint(b.stages))


def one_sales_release(a: _Features, b: _Features) -> bool:
    """Both titles tell one national body's figures of one month, within a day ("UK new car
    market up 4.1% in November" / "SMMT: November new car registrations up",
    ``sales_reports.body_report``), or one maker's sales of one month ("Hyundai Motor's Nov.
    sales down 1.2 pct on weak overseas demand" / "Hyundai Motor Reports November 2026 Global
    Sales", trial 55): their titles need name nothing else in common (``sales_reports``)."""
    if a.sales is None:
        return False
    return one_report(a.sales, b.sales, abs(a.stamp - b.stamp), (a.markets, b.markets))


def one_share_move(a: _Features, b: _Features) -> bool:
    """Whether both titles tell how one maker's shares moved, the same way, within half a day:
    a maker's shares move once a day, whatever cause each report gives ("Why Li Auto shares are
    diving" / "Li Auto shares fall after it cuts its outlook"). Each title must name that maker
    alone and say which way the shares went ("Tesla shares video of Optimus" tells no move;
    "Li Auto shares tumble after Nio cuts prices" is not Nio's move), and neither may tell a
    move again (Monday's drop / Tuesday's)."""
    if SHARES not in a.title or SHARES not in b.title or abs(a.stamp - b.stamp) > _HALF_DAY:
        return False
    if len(a.title_groups) != 1 or a.title_groups != b.title_groups:
        return False
    if AGAIN in a.title or AGAIN in b.title:
        return False
    way = _share_direction(a)
    return way is not None and way == _share_direction(b)


def _share_direction(item: _Features) -> str | None:
    """The way a title tells the shares went, "up" or "down"; None for neither, or both."""
    up, down = not UP.isdisjoint(item.title), not DOWN.isdisjoint(item.title)
    if up is down:
        return None
    return "up" if up else "down"
