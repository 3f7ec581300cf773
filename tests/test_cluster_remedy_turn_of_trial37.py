"""Trial 37 (a recall engineer): "Tesla switches Model Y steering recall fix to hardware
replacement" (and 盖世's "特斯拉美国调整Model Y转向召回方案 改为更换转向控制板") joined the Model Y
steering recall sent two days before with its over-the-air fix, and the regulators' notices of
it: a reader of the recall's story never learnt the fix had changed. A recall's remedy changed
(knowledge/turns.toml's "remedy" turn) is a story of its own; the recall's reports stay one."""

from __future__ import annotations

from pathlib import Path

from autonews.cluster import cluster
from autonews.cluster.features import features_of
from autonews.cluster.model import conflict
from autonews.evaluation.cluster import EPOCH, Row, inputs, load_rows

KEY = Path(__file__).parent / "data" / "clusters-trial37.tsv"
SWITCH = "Tesla switches Model Y steering recall fix to hardware replacement"
SWITCH_ZH = "特斯拉美国调整Model Y转向召回方案 改为更换转向控制板"


def stories() -> list[set[str]]:
    rows = load_rows(KEY)
    return [{rows[i].title for i in group} for group in cluster(inputs(rows))]


def story_of(found: list[set[str]], title: str) -> set[str]:
    return next(story for story in found if title in story)


def test_a_recalls_changed_fix_is_a_story_apart_from_the_recall() -> None:
    found = stories()
    assert story_of(found, SWITCH) == {SWITCH, SWITCH_ZH}
    recall = story_of(found, "Tesla recalls 239,000 Model Y crossovers over power steering loss")
    assert (
        "26V-131: Tesla, Inc. — 2023-2025 Tesla Model Y — Loss of Power Steering Assist "
        "(239,382 vehicles)" in recall
    )


def test_changing_and_replacing_outside_a_recall_is_no_remedy_turn() -> None:
    titles = (
        "Volkswagen changes battery supplier, will replace LG cells in ID.3",
        "Volkswagen to replace LG battery cells in ID.3 with CATL's",
    )
    rows = [Row("e", EPOCH, f"outlet {n}", title, "") for n, title in enumerate(titles)]
    first, second = features_of(inputs(rows))
    assert conflict(first, second) != "a recall / its remedy changed"
