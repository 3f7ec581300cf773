"""Trial 53, a Bangkok analyst of the ASEAN car markets: stories of different events joined on
a figure that was only near another ("under 1 million baht", a price threshold, against a price
list's "Seal from 1.05m"; a market share of 78% against another country's 77%). Through the CLI
over loopback feeds, with the trial's headlines and summaries."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish

BYD_PRICES = [
    (
        "BYD slashes Thai prices again, Seal down 340,000 baht",
        "BYD has cut the price of its Seal sedan in Thailand by up to 340,000 baht and the Atto 3 "
        "by 150,000 baht, reigniting a price war that has angered early buyers.",
    ),
    (
        "BYD new price list: Seal from 1.05m, Atto 3 from 749,900 baht",
        "Rever says cuts are permanent, not a campaign; OCPB to look into complaints.",
    ),
    (
        "BYD's new Thai price cuts pile pressure on Japanese rivals",
        "The Chinese EV maker's cuts of up to 24% come as Toyota and Honda dealers offer record "
        "discounts.",
    ),
]
# The week's other Thai news beside them, as the trial's feeds carried it: Thailand and BYD are
# named by many stories, no subject of one.
THAI_WEEK = [
    (
        "BYD Rayong plant ships first 900 EVs to Europe",
        "BYD Auto (Thailand) has shipped its first batch of 900 Dolphin electric cars built in "
        "Rayong to Belgium and Germany.",
    ),
    (
        "Car production drops 9.8% in October as domestic sales stay weak",
        "Thailand produced 118,420 vehicles in October, down 9.8% from a year earlier, the "
        "Federation of Thai Industries said.",
    ),
    (
        "Excise department seeks 1.2bn baht refund of EV subsidies from Neta",
        "The Excise Department has ordered Neta Auto's Thai distributor to return 1.2 billion "
        "baht in EV 3.0 subsidies.",
    ),
    (
        "Isuzu launches D-Max EV in Thailand at 1.29m baht",
        "Tri Petch Isuzu Sales has launched the all-electric D-Max pickup in Thailand priced from "
        "1.29 million baht, targeting fleets.",
    ),
    (
        "Nissan to close second Thai plant as sales slump",
        "Nissan Motor will shut its Samut Prakan plant in Thailand and move output to its other "
        "factory, as Chinese brands take share.",
    ),
    (
        "Changan begins exporting Rayong-built Deepal to the UK",
        "Changan Automobile has started shipping right-hand-drive Deepal S07 SUVs made in Thailand "
        "to Britain.",
    ),
]
TOYOTA_PLAN = (
    "Toyota to launch bZ3X-based EV in Thailand to counter BYD",
    "Toyota Motor Thailand will import a China-developed electric SUV from 2027 at under 1 "
    "million baht.",
)


def _stories(
    cli, site: Site, clock: Clock, items: list[tuple[str, str]], hours: list[float] | None = None
) -> list[dict]:
    """The digest of ``items``, each from a feed of its own (as the trial's outlets were),
    published ``hours`` ago (by default an hour apart)."""
    feeds = []
    for n, (title, summary) in enumerate(items):
        ago = hours[n] if hours else 40 - n
        feed = [entry(clock, title, n, ago, description=summary)]
        feeds += ["--feed", publish(site, f"/outlet{n}.xml", feed, title=f"Outlet {n}")]
    result = cli("digest", *feeds, "--no-extract", "--format", "json", "--all-topics")
    assert result.code == 0, result.err
    return list(result.json()["stories"])


def _story_of(stories: list[dict], title: str) -> dict:
    return next(s for s in stories if title in {source["title"] for source in s["sources"]})


def test_a_price_threshold_is_no_figure_of_a_price_list_above_it(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """ "under 1 million baht" and "from 1.05m" were "shared figures: 1,000,000": Toyota's EV
    plan took BYD's price cut, filed under Toyota."""
    stories = _stories(cli, site, clock, [*THAI_WEEK, *BYD_PRICES, TOYOTA_PLAN])
    toyota = _story_of(stories, TOYOTA_PLAN[0])
    assert [source["title"] for source in toyota["sources"]] == [TOYOTA_PLAN[0]]
    byd = _story_of(stories, BYD_PRICES[1][0])
    assert TOYOTA_PLAN[0] not in {source["title"] for source in byd["sources"]}


MOTORCYCLE_MONTHS = [
    (
        "Thai motorcycle sales up 3% in October",
        "1.41 million units year-to-date; Honda holds 78% share.",
    ),
    (
        "Motorcycle sales rise 3% in November: AISI",
        "Indonesian motorcycle sales climbed to 560,000 units, with Honda holding 77% and Yamaha "
        "20%.",
    ),
]
CHARGERS = [
    (
        "PEA to add 500 EV charging stations across Thailand in 2027 - The Nation Thailand",
        "",
    ),
    (
        "Gentari to add 1,000 EV charge points in Malaysia next year",
        "Petronas' clean energy arm plans to roll out DC fast chargers along the North-South "
        "Expressway.",
    ),
]


def test_two_months_or_two_countries_reports_are_two_stories(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Thailand's October motorcycle sales and Indonesia's November ones shared "3%" (and 78%
    against 77%): one story, filed under the first; Malaysia's charge points joined Thailand's."""
    stories = _stories(cli, site, clock, [*THAI_WEEK, *MOTORCYCLE_MONTHS, *CHARGERS])
    for title, _ in [*MOTORCYCLE_MONTHS, *CHARGERS]:
        story = _story_of(stories, title)
        assert [source["title"] for source in story["sources"]] == [title]


EXPO_RUNNING = [
    (
        "Motor Expo bookings pass 38,000 with four days to go",
        "Chinese brands account for more than half of the bookings at the Thailand International "
        "Motor Expo, organisers said.",
    ),
    (
        "Motor Expo 2026: 38,120 bookings so far, BYD leads",
        "BYD 6,840, Toyota 5,210, Changan 3,920.",
    ),
]
EXPO_FINAL = [
    (
        "Motor Expo ends with 52,400 bookings, down 4%",
        "BYD topped the bookings with 9,120 units, followed by Toyota and Changan, the organisers "
        "said.",
    ),
    ("Motor Expo final tally: 52,400 bookings", "BYD 9,120, Toyota 7,450, Changan 5,300."),
]


def test_a_final_tally_after_a_delivered_running_count_is_news(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 53 bug 1: day 3's "Motor Expo ends with 52,400 bookings" joined day 2's delivered
    "38,120 bookings so far" story, and `digest --new` sent nothing of it."""
    week = [*THAI_WEEK, *EXPO_RUNNING]

    def run(items: list[tuple[str, str]]) -> list[str]:
        feeds = []
        for n, (title, summary) in enumerate(items):
            feed = [entry(clock, title, n, 2 + len(items) - n, description=summary)]
            feeds += ["--feed", publish(site, f"/outlet{n}.xml", feed, title=f"Outlet {n}")]
        result = cli("digest", *feeds, "--no-extract", "--new", "--all-topics", "--format", "json")
        assert result.code == 0, result.err
        return [source["title"] for s in result.json()["stories"] for source in s["sources"]]

    assert {title for title, _ in EXPO_RUNNING} <= set(run(week))
    clock.advance(hours=24)
    sent = run([*week, *EXPO_FINAL])
    assert {title for title, _ in EXPO_FINAL} <= set(sent)
    assert not {title for title, _ in EXPO_RUNNING} & set(sent)  # delivered already


SEALION = (
    "BYD Sealion 5 DM-i launched in Malaysia – from RM119,800, 1,000 km range",
    "The plug-in hybrid SUV is BYD's first PHEV for Malaysia and is imported from Thailand.",
)
# The week's Malaysian car news beside them: Malaysia is no subject of one story.
MALAYSIA_WEEK = [
    (
        "2027 Proton X50 facelift launched in Malaysia – three variants, from RM89,800",
        "The facelifted Proton X50 is here with a new front end and Level 2 ADAS.",
    ),
    (
        "Chery starts local assembly at RM1bn Kulim plant",
        "Chery Automobile's Malaysian unit has begun CKD assembly in Kulim, Kedah.",
    ),
    (
        "MAA revises 2026 TIV forecast to 790,000 units",
        "The Malaysian Automotive Association now expects total industry volume to fall 3%.",
    ),
    (
        "Perodua sales hit 32,100 units in November, on track for record year",
        "Perodua said its November sales rose 5% to 32,100 units in Malaysia.",
    ),
    (
        "Omoda C5 EV price cut by RM15k in Malaysia, now from RM114,800",
        "Chery Malaysia has lowered the price of the C5 EV following the start of local assembly.",
    ),
]


def test_a_figure_counting_other_things_is_no_shared_figure(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Re-check of trial 53: BYD's Sealion 5 launch joined Gentari's charge-point plan on
    "shared figures: 1,000": 1,000 charge points and a 1,000 km range are two figures."""
    # Over two days, as the trial's were: 21 hours apart, among the week's Malaysian news.
    hours = [40.0 - n for n in range(len(THAI_WEEK))] + [47, 42, 30, 15, 3, 45, 24]
    items = [*THAI_WEEK, *MALAYSIA_WEEK, CHARGERS[1], SEALION]
    stories = _stories(cli, site, clock, items, hours)
    for title, _ in (CHARGERS[1], SEALION):
        story = _story_of(stories, title)
        assert [source["title"] for source in story["sources"]] == [title]
