"""What two items share that proves no one event: no word at all, one common word between two
companies, one concept beside a maker one title names. ``proof.unproven`` asks these first."""

from __future__ import annotations

from autonews.cluster.concept_sets import CAR_CONCEPTS, COMPONENTS
from autonews.cluster.features import _Features


def _no_word_in_common(a: _Features, b: _Features) -> bool:
    """Whether two texts of one script share no term at all, title or lead (a text cosine of
    0), nor a maker or a model: a figure both give is then all they share, and tells no one
    event by itself (trial 55: a K-pop chart and an EV fire on "200"). A maker or a model both
    name is a word in common in any language ("Tesla ruft 63.419 Model Y zurück" / "Tesla
    recalls 63,419 Model Y SUVs"). Across scripts the few terms that bridge them may all be
    missing from a report told by its figure ("14,768" / "1.48万"): not asked."""
    return (
        a.cjk is b.cjk
        and a.makers.isdisjoint(b.makers)
        and a.models.isdisjoint(b.models)
        and a.text.keys().isdisjoint(b.text.keys())
        and a.subject.keys().isdisjoint(b.subject.keys())
    )


def _one_common_word(a: _Features, b: _Features) -> bool:
    """Whether all the subject two items share is one common word both write in lower case (a
    verb, an industry's word), while the titles name no maker in common and each names someone
    of its own: what happens to two companies told by one word is two events ("Aisin profit
    climbs as sales to Toyota recover" / "Siemens shares hit record as orders recover"). Titles
    naming no one may tell one event by it ("Profits plummet at world's biggest EV maker"), and
    titles of one maker often do ("Nissan chairman arrested" / "Ghosn arrested"). A concept
    (airbag, tax credit) is no common word: weighed by its rarity, it often tells the event."""
    if not a.title_groups.isdisjoint(b.title_groups):
        return False
    shared = a.subject.keys() & b.subject.keys()
    if len(shared) != 1 or not shared <= a.lower or not shared <= b.lower:
        return False
    return bool(a.names - b.names) and bool(b.names - a.names)


def _one_theme_beside_a_maker(a: _Features, b: _Features) -> bool:
    """Whether all the subject two items share is one concept, ``a``'s title names a maker and
    ``b``'s none, and ``b``'s names a name of its own (trial 50: "Kospi closes at record 4,200
    on chip rally" joined "Honda cuts profit forecast as Nexperia chip shortage hits output" on
    "chip", probability 0.92), whatever feed it came from, when ``b`` is of no car event type
    and its title names nothing only car news names (an airbag, an EV, hydrogen: "Traverse,
    Acadia and Enclave owners: your driver airbag could rupture" is GM's recall)."""
    if not a.title_groups or b.title_groups or b.makers or b.event is not None:
        return False
    if not _NO_CAR.isdisjoint(b.title):
        return False
    shared = a.subject.keys() & b.subject.keys()
    if len(shared) != 1 or not next(iter(shared)).startswith(_CONCEPT):
        return False
    return bool(b.names - a.names)


_CONCEPT = "c:"
_NO_CAR = CAR_CONCEPTS | COMPONENTS  # what only car news names
