"""Trial 47's re-check (N1): a story a `--new` digest delivered gained outlets the next day (a
supplier association's reaction, two more papers); gaining sources is no news of its own, so
the next `--new` digest left it out without a word, and a mailed reader never learnt that the
story grew. The footer now says so, and JSON counts it. Through the real CLI, with a clock the
test moves."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish

TARIFF = "US adds 130 car parts categories to Section 232 tariffs, hitting EU suppliers"
TARIFF_AGAIN = "European car parts suppliers hit as US adds 130 categories to Section 232 tariffs"
OTHER = "Kia Names New Chief Executive for Europe"
# Trial 53: the footer names the stories, so that a reader can look at the one that grew.
GROWN = "1 earlier story has new sources ({id}): `story ID` shows one, `digest --offline` all"


def _runs(cli, site: Site, clock: Clock, fmt: str):
    """The second --new digest, in ``fmt``, and the id of the story the first delivered."""
    first = publish(site, "/politico.xml", [entry(clock, TARIFF, 1, 3)], title="Politico")
    args = ("--feed", first, "--feed", site.url("/ane.xml"), "--no-extract", "--new")
    publish(site, "/ane.xml", [], title="ANE")
    delivered = cli("digest", *args, "--format", "json")
    assert delivered.code == 0, delivered.err
    (story,) = delivered.json()["stories"]
    clock.advance(hours=20)
    joined = entry(clock, TARIFF_AGAIN, 2, 1)
    publish(site, "/ane.xml", [joined, entry(clock, OTHER, 3, 2)], title="ANE")
    return cli("digest", *args, "--format", fmt), story["id"]


def test_a_new_digest_says_that_a_delivered_story_gained_sources(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    result, grown_id = _runs(cli, site, clock, "text")
    assert result.code == 0, result.err
    assert OTHER in result.out and TARIFF not in result.out  # not sent again: no news of its own
    assert GROWN.format(id=grown_id) in " ".join(result.out.split())


def test_json_counts_the_delivered_stories_that_grew(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    document = _runs(cli, site, clock, "json")[0].json()
    assert [story["title"] for story in document["stories"]] == [OTHER]
    assert document["grown"] == 1
