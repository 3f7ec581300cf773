"""Trial 44 (B2, still there at its re-check): Electrek's "Tesla recalls 13,200 Model Y…" went
out; electrive's "…132,000 Model Y…" three hours later could not join it (the counts differ)
and went out as a story of its own; Electrek then corrected its headline to 132,000 (the same
item: same link and guid, another title) and the two stories stayed apart for good, as "an
earlier run told them apart". An item the feed retitles is the same item updated: it stays in
its story, which keeps its id, and what the correction now agrees with may join that story.
Through the real CLI, feeds on a loopback site, a clock the test moves."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import NEW, entry, publish

ELECTREK = "http://example.com/electrek/tesla-model-y-recall-europe"
WRONG = "Tesla recalls 13,200 Model Y in Europe over rear seat-belt warning"
RIGHT = "Tesla recalls 132,000 Model Y in Europe over rear seat-belt warning"
ELECTRIVE = "Tesla recalls 132,000 Model Y in Europe over seat-belt reminder fault"
KIA = "Kia opens orders for the EV2 in Europe"


def _stories(result) -> list[dict]:
    assert result.code == 0, result.err
    return result.json()["stories"]


def test_a_corrected_headline_joins_the_story_it_now_agrees_with_and_keeps_its_id(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    first = entry(clock, WRONG, 1, 1, link=ELECTREK)
    kia = entry(clock, KIA, 9, 1, link="http://example.com/electrek/kia-ev2")
    electrek = publish(site, "/electrek.xml", [first, kia], title="Electrek")
    electrive = publish(site, "/electrive.xml", [], title="electrive.com")
    feeds = ("--feed", electrek, "--feed", electrive)
    (told,) = [s for s in _stories(cli("digest", *feeds, *NEW)) if s["title"] == WRONG]

    clock.advance(hours=3)
    publish(site, "/electrive.xml", [entry(clock, ELECTRIVE, 2, 0.5)], title="electrive.com")
    (other,) = _stories(cli("digest", *feeds, *NEW))
    assert other["title"] == ELECTRIVE and other["id"] != told["id"]  # 13,200 is not 132,000

    clock.advance(hours=3)
    corrected = entry(clock, RIGHT, 1, 7, link=ELECTREK)  # same guid and link, new title
    publish(site, "/electrek.xml", [corrected, kia], title="Electrek")
    assert cli("digest", *feeds, *NEW).code == 0

    recalls = [
        s
        for s in _stories(cli("digest", *feeds, "--no-extract", "--format", "json"))
        if "Tesla" in s["title"]
    ]
    assert len(recalls) == 1, [s["title"] for s in recalls]
    (recall,) = recalls
    assert recall["id"] == told["id"]  # the story first told keeps its id
    assert sorted(s["title"] for s in recall["sources"]) == [RIGHT, ELECTRIVE]
    assert recall["cluster_size"] == 2
    # The story command agrees, and a later run keeps them together.
    shown = cli("story", told["id"], "--format", "json")
    assert shown.code == 0, shown.err
    clock.advance(hours=1)
    again = [
        s
        for s in _stories(cli("digest", *feeds, "--no-extract", "--format", "json"))
        if "Tesla" in s["title"]
    ]
    assert [s["id"] for s in again] == [told["id"]]


def test_a_retitled_item_that_tells_another_event_stays_in_its_own_story(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """A correction reopens its story only to what it now agrees with: the Kia story next to it
    is not joined, nor is the item moved out of its story."""
    first = entry(clock, WRONG, 1, 1, link=ELECTREK)
    kia = entry(clock, KIA, 9, 1, link="http://example.com/electrek/kia-ev2")
    electrek = publish(site, "/electrek.xml", [first, kia], title="Electrek")
    feeds = ("--feed", electrek)
    before = {s["title"]: s["id"] for s in _stories(cli("digest", *feeds, *NEW))}
    clock.advance(hours=2)
    publish(
        site, "/electrek.xml", [entry(clock, RIGHT, 1, 3, link=ELECTREK), kia], title="Electrek"
    )
    after = {
        s["title"]: s["id"]
        for s in _stories(cli("digest", *feeds, "--no-extract", "--format", "json"))
    }
    assert after == {RIGHT: before[WRONG], KIA: before[KIA]}
