"""Trial 30: a story's models and counts are what its sources tell together. The recall of the
Bronco Sport and the Escape was told by a wire as "about 15,000 SUVs" with no model; the story
gave that headline's labels only, so `--model "Bronco Sport"` found nothing and the count was
the rounded one."""

from __future__ import annotations

import json
from pathlib import Path

from autonews.classify import classify
from autonews.models import Figure
from autonews.story_details import with_sources_details
from tests.helpers.feeds import item, rss
from tests.helpers.site import Site

WIRE = "Ford to recall about 15,000 SUVs in US over fuel injector fire risk"
TRADE = "Ford Bronco Sport and Escape recalled over cracked fuel injectors"
EXACT = "Ford recalls 14,768 vehicles over fuel injector leak"


def test_a_story_has_every_model_and_the_exact_count_its_sources_tell(
    cli, home: Path, site: Site
) -> None:
    site.routes["/wire.xml"] = (200, "application/rss+xml", rss([item(WIRE, 1, 2)], "Wire"))
    site.routes["/trade.xml"] = (200, "application/rss+xml", rss([item(TRADE, 2, 1)], "Trade"))
    site.routes["/desk.xml"] = (200, "application/rss+xml", rss([item(EXACT, 3, 3)], "Desk"))
    feeds = [("--feed", site.url(f"/{name}.xml")) for name in ("wire", "trade", "desk")]
    feeds = tuple(arg for pair in feeds for arg in pair)
    result = cli("digest", *feeds, "--no-extract", "--format", "json", "--model", "Bronco Sport")
    assert result.code == 0, result.err
    (story,) = json.loads(result.out)["stories"]
    assert len(story["sources"]) == 3
    assert {"Bronco Sport", "Ford Escape"} <= {m["name"] for m in story["models"]}
    assert [(f["value"], f["unit"]) for f in story["figures"]] == [(14768, "vehicles")]


def test_only_a_rounded_count_gives_way_and_only_to_a_close_one() -> None:
    chosen = classify("Ford to recall about 15,000 SUVs in US over fuel injector fire risk")
    exact = classify(EXACT)
    other = classify("Ford recalls 1,200 Broncos over seat bolts")
    assert with_sources_details(chosen, [other]).figures == chosen.figures  # not close: kept
    told = with_sources_details(chosen, [exact]).figures
    assert told == exact.figures and told[0] == Figure("units", told[0].text, 14768.0, "vehicles")
    assert with_sources_details(exact, [chosen]).figures == exact.figures  # exact stays


def test_a_count_the_chosen_source_tells_in_no_words_we_read_is_the_others_count() -> None:
    """Trial 35: "Tesla recalls nearly every Cybertruck, 46,000, over panel…" titled a story
    with no figure though another source told 46,096 Cybertrucks: `--new`'s figure check had
    nothing to compare. The others' count is the story's when they agree."""
    chosen = classify("Tesla recalls nearly every Cybertruck, 46,000, over panel that can fall off")
    exact = classify("Tesla recalls 46,096 Cybertrucks over exterior panel that can detach")
    assert not chosen.figures
    told = with_sources_details(chosen, [exact]).figures
    assert [(f.value, f.unit) for f in told] == [(46096.0, "vehicles")]
    # Sources telling different counts give none: no one of them tells the story.
    other = classify("Tesla recalls 2,400 Cybertrucks over wiper motor")
    assert with_sources_details(chosen, [exact, other]).figures == ()


def test_only_what_every_other_source_telling_one_agrees_on_is_the_storys() -> None:
    """Trial 39: BYD's story had 49.86万辆 in two sources' titles and none in its figures. One
    source's sales and its overseas sales are two counts: neither is the story's alone; a range
    (guidance) and a market index's move never are."""
    chosen = classify("UPDATE 2-BYD November sales edge up 3.8%, overseas shipments hit record")
    both = classify("比亚迪11月新能源汽车销量49.86万辆，海外销量13.19万辆创新高")
    one = classify("比亚迪：11月新能源汽车销量49.86万辆，同比增长3.8%")
    assert [f.text for f in with_sources_details(chosen, [both]).figures] == ["3.8%"]
    told = with_sources_details(chosen, [both, one]).figures
    assert [(f.text, f.measure) for f in told] == [("3.8%", "yoy"), ("49.86万辆", "")]
    nio = classify("NIO Q3 revenue up 30.1% to RMB 28.34 billion")
    others = [
        classify("蔚来：预计第四季度交付12.5万至13万台"),
        classify("港股收评：恒指跌0.5%，蔚来涨超7%"),
    ]
    assert with_sources_details(nio, others).figures == nio.figures
