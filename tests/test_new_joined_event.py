"""`--new` and a delivered story that sources of another event joined since (trial 48): the
README promises it comes back when "sources that joined it since tell it as another event",
whether or not they outnumber its first sources, and that its line says what is new first."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import NEW, entry, publish


def test_a_lawsuit_that_joined_a_delivered_recall_is_sent_again(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 48 bug 2: owners' lawsuits joined the delivered Jeep 4xe fire recall, which stayed
    a recall (two recall reports to one lawsuit), and no --new digest ever told the lawsuit: the
    story's own event did not change, so it was not "told as another event"."""
    told = "Stellantis recalls 320,000 Jeep 4xe plug-in hybrids over battery fire risk"
    recall = [
        entry(clock, told, 1, 5),
        entry(clock, "Stellantis recalling 320,000 Jeep 4xe hybrids over battery fire risk", 2, 4),
    ]
    first_url = publish(site, "/a.xml", recall, title="Recall Wire")
    first = cli("digest", "--feed", first_url, *NEW).json()
    (story,) = first["stories"]
    assert story["event"] == "recall" and story["cluster_size"] == 2
    clock.advance(hours=6)
    # The lawsuit's report links the recall's article, so it joins the recall's story.
    link = recall[0]["link"]
    sue = "Jeep plug-in hybrid owners sue Stellantis over battery fire recalls"
    lawsuit = entry(clock, sue, 3, 1, link=link)
    second_url = publish(site, "/b.xml", [lawsuit], title="Court Wire")
    feeds = ("--feed", first_url, "--feed", second_url)
    again = cli("digest", *feeds, *NEW).json()
    (story,) = [s for s in again["stories"] if s["id"] == story["id"]]
    assert story["cluster_size"] == 3 and story["event"] == "recall"
    assert story["delivered_before"] and story["changed"] == ["event"]
    assert story["retold"]["source"]["title"] == lawsuit["title"]
    assert story["retold"]["event_before"] == "recall"
    clock.advance(hours=1)
    assert json.loads(cli("digest", *feeds, *NEW).out)["stories"] == []  # once


def test_the_line_of_a_story_sent_again_says_the_joined_event_first(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """The text digest says what is new before what it was sent as: "now told as legal", the
    lawsuit's event (not the story's own, recall, which it went out as), then "new: <title>"."""
    told = "Stellantis recalls 320,000 Jeep 4xe plug-in hybrids over battery fire risk"
    recall = [entry(clock, told, 1, 5), entry(clock, told.replace("recalls", "recalling"), 2, 4)]
    first_url = publish(site, "/a.xml", recall, title="Recall Wire")
    assert cli("digest", "--feed", first_url, *NEW).code == 0
    clock.advance(hours=6)
    sue = "Jeep plug-in hybrid owners sue Stellantis over battery fire recalls"
    second_url = publish(site, "/b.xml", [entry(clock, sue, 3, 1, link=recall[0]["link"])])
    text = cli(
        "digest",
        "--feed",
        first_url,
        "--feed",
        second_url,
        "--no-extract",
        "--new",
        "--format",
        "text",
    ).out
    flat = " ".join(text.split())  # the text wraps its lines
    assert f"now told as legal since your last digest · new: {sue}" in flat, text
    assert "now told as recall" not in flat
