"""The sums a title tells of a deal, which two reports of one deal give alike (``conflicts``:
sums in one currency none of them alike are two deals): not what something costs per unit of
time (a strike's cost a week), nor what a company is worth (its valuation, its market value:
a round's raise and the valuation it sets are two sums of one round)."""

from __future__ import annotations

from autonews.cluster import figures as fig
from autonews.cluster.figures import Figure
from autonews.models import Classification

# The measure of a sum that is a company's worth (knowledge/figures.toml's [money.valuation]).
VALUATION = "valuation"


def deal_sums(
    c: Classification, plain: str, title_numbers: frozenset[Figure]
) -> frozenset[tuple[str, Figure]]:
    """(currency, amount) of the sums the classifier found in a title (``plain``), each as the
    title's figures tell it, less those told per unit of time and a company's valuation
    ("Waymo raises $5.6 billion" / "Alphabet's robotaxi unit valued above $45 billion after new
    round" are one round)."""
    per_time = fig.rates(plain)  # what a strike costs a week is no deal's sum
    return frozenset(
        (f.unit, sum_)
        for f in c.figures
        if f.kind == "money" and f.value and f.unit and f.measure != VALUATION
        if (sum_ := fig.scaled(f.value, title_numbers)) not in per_time
    )
