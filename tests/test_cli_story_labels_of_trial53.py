"""Trial 53 re-check: a story's labels and its sources' disagreed. `classify` named Proton in
the Geely stake reports, yet `digest --maker Proton` missed their story, whose makers were only
those of the source chosen to stand for it ("Geely tightens grip on Malaysia's Proton", read with
no Proton). Through the CLI over loopback feeds, with the trial's headlines and summaries."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site, write_config
from tests.test_new_over_time import entry, publish

STAKE = [
    (
        "Geely to raise stake in Proton to 49.9%",
        "DRB-Hicom Bhd will sell a further 0.9% stake in Proton Holdings to Zhejiang Geely for "
        "RM170mil, leaving it with 50.1% of the national carmaker.",
    ),
    (
        "Geely to up its stake in Proton to 49.9% – DRB-Hicom to keep control with 50.1%",
        "DRB-Hicom has signed an agreement with Geely to dispose of an additional 0.9% of Proton "
        "for RM170 million.",
    ),
    (
        "China's Geely to raise stake in Malaysia's Proton to 49.9%",
        "Zhejiang Geely Holding will raise its stake in Malaysian carmaker Proton to 49.9%, "
        "Proton's parent DRB-Hicom said in a bourse filing on Saturday.",
    ),
    (
        "Geely tightens grip on Malaysia's Proton with larger stake",
        "The move cements the Chinese group's role in Malaysia's national car project.",
    ),
]


def test_a_maker_half_the_sources_name_finds_the_story(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    feeds = []
    for n, (title, summary) in enumerate(STAKE):
        # Only the last has a text of its own (as its page was read in the trial): it stands
        # for the story.
        text = {"description": summary} if n == len(STAKE) - 1 else {}
        feed = [entry(clock, title, n, 10 - 2 * n, **text)]
        feeds += ["--feed", publish(site, f"/outlet{n}.xml", feed, title=f"Outlet {n}")]
    result = cli("digest", *feeds, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    (story,) = result.json()["stories"]
    assert story["cluster_size"] == 4
    assert [maker["name"] for maker in story["makers"]] == ["Geely", "Proton"]
    proton = cli("digest", *feeds, "--offline", "--maker", "Proton", "--format", "json")
    assert proton.code == 0, proton.err
    assert [s["id"] for s in proton.json()["stories"]] == [story["id"]]


SCOOTER = "2027 Yamaha NMax Turbo launched in Malaysia – RM14,998"


def test_a_scooter_in_a_car_feed_is_no_car_news_as_classify_says(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """A car feed's "2027 Yamaha NMax Turbo launched" was shown as a launch under Industry,
    while `classify` said "about cars: no": a car feed's terse headline is car news, but not
    one naming a two-wheeler maker or its scooter."""
    car_news = "Proton e.MAS 5 launched – compact EV from RM79,800, 410 km range"
    feed = [entry(clock, SCOOTER, 1, 3), entry(clock, car_news, 2, 2)]
    url = publish(site, "/cars.xml", feed, title="paultan.org")
    write_config(home, f'[[feeds]]\nurl = "{url}"\nname = "paultan.org"\ntopic = "cars"\n')
    digest = cli("digest", "--no-extract", "--format", "json")
    assert digest.code == 0, digest.err
    assert [story["title"] for story in digest.json()["stories"]] == [car_news]
    for flags in ((), ("--car-feed",)):
        said = cli("classify", *flags, SCOOTER, "--format", "json")
        assert said.code == 0, said.err
        assert said.json()[0]["automotive"] is False, said.out
