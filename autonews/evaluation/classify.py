"""Scoring the classifier against labelled headlines (the format of tests/data/headlines.tsv).

Makers column: ';' between makers in order of salience, '|' between acceptable names for one
maker, '?' before an optional maker, '-' for none. Events column: acceptable slugs, '|' between.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autonews.classify import Classifier
from autonews.models import Classification


@dataclass(frozen=True)
class MakerSlot:
    names: frozenset[str]  # lowercase acceptable names
    optional: bool


@dataclass(frozen=True)
class Labelled:
    title: str
    makers: tuple[MakerSlot, ...]
    events: tuple[str, ...]
    # About the car industry? Headline sets say so only through their labels: a maker or an
    # event makes it a car headline; '-' with 'other' leaves it unknown (None).
    automotive: bool | None = None
    summary: str = ""

    @property
    def car_related(self) -> bool | None:
        if self.automotive is not None:
            return self.automotive
        if any(not slot.optional for slot in self.makers) or self.events[0] != "other":
            return True
        return None


def parse_labels(lines: Iterable[str]) -> list[Labelled]:
    rows = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        title, makers, events = line.rstrip("\n").split("\t")[:3]
        slots = []
        if makers.strip() != "-":
            for part in makers.split(";"):
                part = part.strip()
                optional = part.startswith("?")
                names = frozenset(n.strip().lower() for n in part.lstrip("?").split("|"))
                slots.append(MakerSlot(names, optional))
        rows.append(Labelled(title, tuple(slots), tuple(e.strip() for e in events.split("|"))))
    return rows


def load_labels(path: Path) -> list[Labelled]:
    return parse_labels(path.read_text("utf-8").splitlines())


def _slot_for(name: str, group: str, slots: tuple[MakerSlot, ...]) -> int | None:
    for index, slot in enumerate(slots):
        if name.lower() in slot.names:
            return index
    for index, slot in enumerate(slots):
        if group.lower() in slot.names and name.lower() == group.lower():
            return index
    return None


@dataclass
class Report:
    rows: int = 0
    maker_tp: int = 0
    maker_fp: int = 0
    maker_fn: int = 0
    primary_total: int = 0
    primary_ok: int = 0
    event_ok: int = 0
    relevant_tp: int = 0
    relevant_fp: int = 0
    relevant_fn: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def maker_precision(self) -> float:
        return self.maker_tp / max(1, self.maker_tp + self.maker_fp)

    @property
    def maker_recall(self) -> float:
        return self.maker_tp / max(1, self.maker_tp + self.maker_fn)

    @property
    def maker_f1(self) -> float:
        p, r = self.maker_precision, self.maker_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def primary_accuracy(self) -> float:
        return self.primary_ok / max(1, self.primary_total)

    @property
    def event_accuracy(self) -> float:
        return self.event_ok / max(1, self.rows)

    @property
    def relevance_precision(self) -> float:
        return self.relevant_tp / max(1, self.relevant_tp + self.relevant_fp)

    @property
    def relevance_recall(self) -> float:
        return self.relevant_tp / max(1, self.relevant_tp + self.relevant_fn)


def score_row(row: Labelled, result: Classification, report: Report) -> None:
    report.rows += 1
    matched: set[int] = set()
    problems = []
    expected = row.car_related
    if expected is True:
        if result.automotive:
            report.relevant_tp += 1
        else:
            report.relevant_fn += 1
            problems.append("not seen as about cars")
    elif result.automotive and expected is False:
        report.relevant_fp += 1
        problems.append("seen as about cars")
    for maker in result.makers:
        found = _slot_for(maker.name, maker.group, row.makers)
        if found is None:
            report.maker_fp += 1
            problems.append(f"extra maker {maker.name}")
        elif found not in matched:
            matched.add(found)
            if not row.makers[found].optional:
                report.maker_tp += 1
    for index, slot in enumerate(row.makers):
        if not slot.optional and index not in matched:
            report.maker_fn += 1
            problems.append(f"missed maker {'|'.join(sorted(slot.names))}")
    required = [slot for slot in row.makers if not slot.optional]
    if required:
        report.primary_total += 1
        first = result.makers[0] if result.makers else None
        if first is not None and _slot_for(first.name, first.group, (required[0],)) == 0:
            report.primary_ok += 1
        elif not problems:
            problems.append("wrong primary maker")
    event = result.event.value
    report.confusion[(row.events[0], event)] += 1
    if event in row.events:
        report.event_ok += 1
    else:
        problems.append(f"event {event}, expected {'|'.join(row.events)}")
    if problems:
        report.errors.append(f"{row.title}: {'; '.join(problems)}")


def evaluate(rows: Iterable[Labelled], classifier: Classifier | None = None) -> Report:
    classifier = classifier or Classifier()
    report = Report()
    for row in rows:
        score_row(row, classifier.classify(row.title, row.summary), report)
    return report


def synthetic_makers(aliases: int) -> list[dict[str, Any]]:
    """Made-up makers (ten aliases each) as a user's config would add them. Half the aliases
    are one new word, half start with a word headlines use ("Ford", "China", "new"), so that the
    lexicon grows at its busiest entries too. None occurs in the labelled sets."""
    common = ["Ford", "Tesla", "China", "Electric", "New", "Auto", "Motor", "Group"]
    makers = []
    for number in range(aliases // 10):
        names = [f"Zorvex{number}q{k}" for k in range(5)]
        names += [f"{common[(number + k) % len(common)]} Zorvex{number}w{k}" for k in range(5)]
        makers.append(
            {
                "name": f"Zorvex Motors {number}",
                "group": "Zorvex",
                "country": "ZZ",
                "aliases": names,
            }
        )
    return makers
