"""Trial 53's last wrong merges (a Bangkok analyst of the ASEAN car markets): a minister's trip
joined to the Motor Expo's final tally on two makers their leads named, a maker's Indonesian
assembly joined to the Indonesian market's shares on its nationality ("China's GAC Aion"), and
two car feeds' tourism items made one story on "tourist". Through the CLI over loopback feeds,
with the trial's headlines and summaries."""

from __future__ import annotations

from pathlib import Path

from autonews.cluster import cluster
from autonews.evaluation.cluster import inputs, load_rows
from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_cli_asean_markets_of_trial53 import THAI_WEEK, _stories, _story_of
from tests.test_new_over_time import entry, publish


def _titles(story: dict) -> set[str]:
    return {source["title"] for source in story["sources"]}


FINAL_TALLY = [
    (
        "Motor Expo ends with 52,400 bookings, down 4%",
        "BYD topped the bookings with 9,120 units, followed by Toyota and Changan, the organisers "
        "said.",
    ),
    (
        "Motor Expo final tally: 52,400 bookings",
        "BYD 9,120, Toyota 7,450, Changan 5,300, Honda 4,010.",
    ),
    ("Chinese brands dominate Motor Expo bookings for third year - Bangkok Post", ""),
]
PM_VISIT = (
    "PM to visit Japan to woo investment in chips and cars",
    "The prime minister will meet Toyota and Honda executives during the trip.",
)


def test_makers_a_lead_lists_are_no_deals_two_sides(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """The prime minister's trip to Japan joined the Motor Expo's final tally (three sources) on
    "Honda + Toyota": the executives he will meet, and two lines of the tally's ranking."""
    items = [*THAI_WEEK, FINAL_TALLY[0], FINAL_TALLY[1], PM_VISIT, FINAL_TALLY[2]]
    stories = _stories(cli, site, clock, items)
    assert _titles(_story_of(stories, PM_VISIT[0])) == {PM_VISIT[0]}
    assert _titles(_story_of(stories, FINAL_TALLY[0][0])) == {title for title, _ in FINAL_TALLY}


GAC_AION = [
    (
        "GAC Aion starts local assembly at Indomobil plant",
        "GAC Aion has begun assembling the Aion Y Plus at Indomobil's plant in Purwakarta, West "
        "Java, to qualify for Indonesia's EV incentives.",
    ),
    (
        "China's GAC Aion starts Indonesian assembly to meet local content rules",
        "GAC Aion, the electric vehicle unit of Guangzhou Automobile Group, has started assembling "
        "cars in Indonesia with partner Indomobil.",
    ),
]
MARKET_SHARE = (
    "Chinese brands take 15% of Indonesia car market as sales fall",
    "BYD, Chery and Wuling gained share in November while Toyota and Daihatsu fell, Gaikindo "
    "data show.",
)


def test_a_makers_nationality_is_no_side_between_two_countries() -> None:
    """ "China's GAC Aion starts Indonesian assembly" joined "Chinese brands take 15% of Indonesia
    car market" on "china + indonesia" alone: a plant's start and a market's shares. Over the
    trial's three days of items, whose many Indonesian stories make the country no subject of
    one (a handful of items would make it a rare word)."""
    rows = load_rows(Path(__file__).parent / "data" / "clusters-trial53.tsv")
    labels = {key: n for n, story in enumerate(cluster(inputs(rows))) for key in story}
    titles = [row.title for row in rows]
    aion = {labels[titles.index(title)] for title, _ in GAC_AION}
    assert len(aion) == 1
    assert labels[titles.index(MARKET_SHARE[0])] not in aion


# Two outlets' feeds, mostly car news, each with one tourism item (as the trial's Bangkok Post
# and Jakarta Post feeds were).
BANGKOK = [
    *THAI_WEEK,
    (
        "Tourist arrivals pass 30 million as high season starts",
        "Chinese arrivals remain below pre-pandemic levels, the Tourism and Sports Ministry said.",
    ),
]
JAKARTA = [
    *GAC_AION[:1],
    (
        "Car sales fall 6% in November, Gaikindo data show",
        "Wholesales dropped to 70,120 units in November as tighter auto loans weighed on demand.",
    ),
    (
        "VinFast begins trial assembly in Subang",
        "Vietnamese carmaker VinFast has started trial production at its US$200 million plant in "
        "Subang, West Java, as it chases Indonesia's EV incentives.",
    ),
    (
        "Bali tourist levy collection tops Rp 300 billion",
        "The provincial administration says the levy on foreign tourists has raised more than "
        "expected.",
    ),
]


def test_a_car_feeds_tourism_news_is_no_car_news(cli, home: Path, site: Site, clock: Clock) -> None:
    """Thailand's tourist arrivals and Bali's tourist levy, from two car feeds, were read as car
    news and one story on "tourist": two figures of two measures in two countries."""
    feeds = []
    for name, first, items in (("bangkok", 0, BANGKOK), ("jakarta", len(BANGKOK), JAKARTA)):
        entries = [
            entry(clock, title, n, 30 - n, description=summary)
            for n, (title, summary) in enumerate(items, first)
        ]
        feeds += ["--feed", publish(site, f"/{name}.xml", entries, title=name)]
    result = cli("digest", *feeds, "--no-extract", "--format", "json", "--all-topics")
    assert result.code == 0, result.err
    stories = list(result.json()["stories"])
    arrivals = _story_of(stories, BANGKOK[-1][0])
    assert _titles(arrivals) == {BANGKOK[-1][0]}
    assert _titles(_story_of(stories, JAKARTA[-1][0])) == {JAKARTA[-1][0]}
