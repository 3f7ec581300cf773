"""Clustering: what blind trial 41 (a fleet manager reading UK and German fleet feeds, DVSA's
recall notices and two van makers' press rooms) saw merged that are different events, and told
apart that are one. A recall is never hidden in another story of its model: not in its lease
rates, a trim's launch or a strike's delays; two recalls of different faults or models are two
stories; a notice's number, a model's name and a maker's name are no shared subject."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster
from autonews.cluster.figures import numbers

CLASSIFIER = Classifier()


def story_of(*told: tuple[float, str, str]) -> list[list[int]]:
    """Clustered items of (hours after the first, title, summary), each from its own car feed
    (the trial's trade outlets and DVSA's notices)."""
    start = datetime(2026, 12, 1, 8, tzinfo=UTC)
    items = [
        ClusterInput(
            n,
            title,
            summary,
            None,
            start + timedelta(hours=hours),
            CLASSIFIER.classify(title, summary, car_feed=True),
            f"feed {n}",
        )
        for n, (hours, title, summary) in enumerate(told)
    ]
    return sorted(cluster(items))


def test_two_notices_numbers_are_no_shared_figure() -> None:
    # R/2026/334 and R/2026/336 were read as 334 and 336: alike, so a Citroën recall took the
    # Vauxhall one (and filed it under Citroën, out of a Vauxhall reader's email).
    stories = story_of(
        (
            0,
            "CITROEN BERLINGO: ABS module may fail (R/2026/334)",
            "Recall number R/2026/334. Number of vehicles affected: 1,042.",
        ),
        (
            1,
            "VAUXHALL COMBO: Brake pedal may detach (R/2026/336)",
            "Recall number R/2026/336. Number of vehicles affected: 431.",
        ),
    )
    assert stories == [[0], [1]]
    assert numbers("Recall number R/2026/334. Safety Gate A12/00428/26, Canada's 2026-101") == (
        frozenset()
    )


def test_a_percentage_written_out_is_a_percentage() -> None:
    # "80 Prozent" of a charging limit was the £80 of a lease rate.
    assert {f.percent for f in numbers("limit charging to 80 per cent")} == {True}
    assert {f.percent for f in numbers("nur noch bis 80 Prozent laden")} == {True}


def test_a_maker_and_a_place_are_no_shared_subject() -> None:
    # "FORD TRANSIT …" gives "ford" as a word before its model: two German recalls of other
    # faults, whose words the classifier does not read, shared only it and Germany ("ford,
    # germany") among feeds where the Transit is in every other headline.
    vans = [
        (3 * n, f"{city} council adds {100 + 10 * n} Transit vans from Ford to its fleet", "")
        for n, city in enumerate(
            "Leeds York Hull Bath Derby Stoke Truro Wells Ripon Ely Perth Leicester Bristol "
            "Exeter Durham Carlisle Lincoln Norwich Oxford Salford Preston Chester".split()
        )
    ]
    stories = story_of(
        *vans,
        (
            30,
            "Rückruf: Ford Transit Custom wegen scheuernder Bremsleitung",
            "In Deutschland 9.400 Transporter.",
        ),
        (
            31,
            "Rückruf: Ford Transit – Schraube an der Lenksäule kann sich lösen",
            "In Deutschland 7.300 Wagen.",
        ),
    )
    brake = len(vans)
    assert not any(brake in story and brake + 1 in story for story in stories)


def test_a_model_called_custom_is_no_customs_news() -> None:
    stories = story_of(
        (0, "FORD TRANSIT CUSTOM: Rear brake hose may chafe (R/2026/318)", ""),
        (2, "UK customs checks delay van imports at Dover", ""),
    )
    assert stories == [[0], [1]]
