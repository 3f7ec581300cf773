"""Through the real CLI: what a feed is about. A supplier's newswire is car news (trial 37), a
finance flash or market feed never makes its macro and market items car news (trial 39), and a
feed's `topic` says what autonews should take it for; `--company` says when the stories naming
a company are hidden as not about cars."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss, serve_titles
from tests.helpers.site import write_config

# Trial 37's supplier newswire: press releases naming parts and the company, never a car.
RELEASES = [
    (
        "Brembo to acquire Chinese brake caliper maker for €180 million",
        "Bergamo – Brembo has signed an agreement to acquire a Chinese manufacturer of "
        "aluminium brake calipers for an enterprise value of €180 million.",
    ),
    (
        "ZF appoints new Chief Financial Officer",
        "Friedrichshafen – The Supervisory Board of ZF Friedrichshafen AG has appointed a new "
        "Chief Financial Officer with effect from April 1.",
    ),
    (
        "Bosch adjusts structures in Mobility: around 13,000 further positions affected",
        "Stuttgart – Bosch is adapting its Mobility business sector to a persistently difficult "
        "market. Around 13,000 further positions are to be cut by the end of 2030.",
    ),
    (
        "Aptiv completes separation of Electrical Distribution Systems business",
        "Dublin – Aptiv PLC announced the completion of the spin-off of its Electrical "
        "Distribution Systems business as an independent public company.",
    ),
]
# A car-industry company's news whose own words say it is about something else.
DISHWASHERS = (
    "Bosch recalls 200,000 dishwashers over fire risk",
    "Bosch is recalling dishwashers sold in Germany because a heating element may overheat.",
)


def _serve(httpserver: HTTPServer, path: str, entries: list[tuple[str, str]]) -> str:
    """A feed of these titles and summaries at ``path``, its links its own."""
    items = [
        item(title, n, link=f"http://example.com{path}/{n}", description=summary)
        for n, (title, summary) in enumerate(entries)
    ]
    httpserver.expect_request(path).respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return str(httpserver.url_for(path))


def test_a_suppliers_releases_are_car_news_unless_their_words_say_otherwise(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Every release had been filed "not about cars": "the car-industry company 'Brembo' in the
    title, but the summary/body says nothing about cars"."""
    url = _serve(httpserver, "/wire", [*RELEASES, DISHWASHERS])
    digest = cli("digest", "--feed", url, "--no-extract", "--format", "json").json()
    assert {story["title"] for story in digest["stories"]} == {title for title, _ in RELEASES}
    assert digest["not_about_cars"] == 1  # Bosch's dishwashers
    bosch = cli("digest", "--feed", url, "--offline", "--company", "Bosch", "--format", "json")
    assert [s["title"] for s in bosch.json()["stories"]] == [RELEASES[2][0]]


def test_company_filter_says_its_stories_are_hidden_as_not_about_cars(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """`--company Brembo` said "104 stories in the window, none naming Brembo" while three
    were hidden as not about cars."""
    url = _serve(httpserver, "/wire", [RELEASES[0], DISHWASHERS])
    cli("digest", "--feed", url, "--no-extract")
    text = cli("digest", "--feed", url, "--offline", "--company", "Bosch").out
    assert "1 story in the window, 1 naming Bosch, not about cars: --all-topics shows them." in text
    assert "none naming Bosch" not in text
    shown = cli("digest", "--feed", url, "--offline", "--company", "Bosch", "--all-topics").out
    assert DISHWASHERS[0] in shown


# A finance flash feed's and a market feed's own news, which no car feed reading makes car news.
MARKETS = [
    "欧元区11月CPI初值同比上涨2.1%",
    "美元兑日元跌破150关口",
    "WTI原油期货收跌0.6%",
    "美联储褐皮书：经济活动基本持平",
    "Cathay Pacific November passenger traffic up 22%",
    "SMIC falls 3% on report of U.S. equipment curbs",
    "Hang Seng opens 0.4% higher as tech stocks extend rebound",
]
CARS = [
    "蔚来11月交付新车41,820辆，同比增长12%",
    "小鹏汽车11月交付43,150辆",
    "理想汽车11月交付新车41,205辆",
    "零跑汽车11月交付86,215辆 创历史新高",
    "Leapmotor delivers record 86,215 vehicles in November",
    "BYD sells 498,612 NEVs in November",
    "Xiaomi EV deliveries top 40,000 in November",
    "Zeekr delivers 32,000 cars in November",
]


def test_a_busy_car_day_makes_no_market_flash_car_news(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 39: on delivery day a finance flash feed was over half about cars, read as a car
    feed, and its GDP, CPI, FX, oil, airline and chip-maker items were shown as car news."""
    url = serve_titles(httpserver, [*CARS, *MARKETS], "/flash")
    digest = cli("digest", "--feed", url, "--no-extract", "--format", "json").json()
    assert not {story["title"] for story in digest["stories"]} & set(MARKETS)
    assert digest["not_about_cars"] == len(MARKETS)


TERSE = "What we learned this week"


def test_a_feeds_topic_says_what_it_is(cli, home: Path, httpserver: HTTPServer) -> None:
    """`topic = "cars"`: a feed mostly not about cars by its words is read as car news (a
    supplier's releases that name no car); `topic = "mixed"`: a feed mostly about cars is never
    read as a car feed; `feeds list` shows each, and when autonews reads a feed as one."""
    mostly_cars = _serve(httpserver, "/cars", [(title, "") for title in [*CARS[4:], TERSE]])
    few_cars = _serve(
        httpserver, "/press", [(CARS[4], ""), ("Notes from the office", ""), (TERSE, "")]
    )
    auto = _serve(httpserver, "/auto", [(title, "") for title in [*CARS[4:], TERSE]])
    write_config(
        home,
        f'[[feeds]]\nurl = "{mostly_cars}"\nname = "Markets"\ntopic = "mixed"\n\n'
        f'[[feeds]]\nurl = "{few_cars}"\nname = "Press"\ntopic = "cars"\n\n'
        f'[[feeds]]\nurl = "{auto}"\nname = "Autos"\n\n',
    )
    digest = cli("digest", "--no-extract", "--format", "json").json()
    terse = {
        source["feed"]
        for story in digest["stories"]
        if story["title"] == TERSE
        for source in story["sources"]
    }
    assert terse == {"Press", "Autos"}  # not the "mixed" feed's
    assert digest["not_about_cars"] == 1  # the "mixed" feed's terse title
    rows = {line.split()[0]: line for line in cli("feeds", "list").out.splitlines()[1:]}
    assert " mixed " in rows["Markets"] and " cars " in rows["Press"]
    assert "auto: car feed (4/5 about cars)" in rows["Autos"]


def test_feeds_add_and_edit_set_a_feeds_topic(cli, home: Path) -> None:
    write_config(home, "")
    added = cli("feeds", "add", "--offline", "--topic", "Cars", "http://example.com/wire.xml")
    assert added.code == 0, added.err
    config = (home / "config.toml").read_text()
    assert 'topic = "cars"' in config
    edited = cli("feeds", "edit", "http://example.com/wire.xml", "--topic", "mixed")
    assert edited.out.strip().endswith("topic 'cars' -> 'mixed'")
    assert cli("feeds", "edit", "http://example.com/wire.xml", "--topic", "auto").code == 0
    assert "topic" not in (home / "config.toml").read_text()  # "auto" is the default
    wrong = cli("feeds", "edit", "http://example.com/wire.xml", "--topic", "trucks")
    assert wrong.code == 2 and "is not a feed topic" in wrong.err


# Trial 41's lessor, on the day it was added: its chief, its EV index, its van rates.
LESSOR = [
    (
        "Ayvens appoints new managing director for UK & Ireland",
        "Ayvens has appointed Sarah Cole as managing director of its UK & Ireland business, "
        "succeeding Tim Albert, who retires after 22 years.",
    ),
    (
        "Ayvens EV Index: Tesla Model Y and Skoda Enyaq top UK fleet orders",
        "The Tesla Model Y and Skoda Enyaq were the most ordered electric company cars on "
        "Ayvens' UK fleet in November, ahead of the Kia EV3.",
    ),
    (
        "Ayvens to raise contract hire rates on diesel vans from January",
        "Contract hire rates on new diesel light commercial vehicles will rise by an average of "
        "6% from 1 January as residual values weaken.",
    ),
]
# Trial 41's general business feed on the same day: half of it car news by its own words.
BUSINESS = [
    ("Jaguar Land Rover to cut 500 jobs at Castle Bromwich", ""),
    ("Royal Mail orders 3,000 more electric Ford vans", ""),
    ("Petrol prices fall to lowest level in three years, says RAC", ""),
    ("Nissan Sunderland to build third electric model", ""),
    ("Octopus Energy launches cheaper electric car charging tariff", ""),
    ("Bank of England holds interest rates at 3.75%", ""),
    ("Ryanair cuts winter flights from regional airports", ""),
    ("Thames Water creditors back rescue plan", ""),
    ("Sainsbury's to close 20 in-store cafes", ""),
    ("Wage growth slows to 4.2%", ""),
]


def test_a_new_feeds_car_news_is_in_its_first_digest(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 41 #7: a lessor's feed, added the day before, listed three items; one read as car
    news by its words (1 of 3: no car feed), so its chief's appointment and its diesel van rates
    were hidden on the first run and came a day later, when its next items made it a car feed.
    A leasing company is a car-industry company, contract hire of vans says vehicles: its first
    digest has them all. And a general business feed half about cars on its first day keeps its
    airline, utility, shop and economy news out of car news."""
    lessor = _serve(httpserver, "/lessor", LESSOR)
    business = _serve(httpserver, "/business", BUSINESS)
    write_config(
        home,
        f'[[feeds]]\nurl = "{lessor}"\nname = "Ayvens UK News"\n\n'
        f'[[feeds]]\nurl = "{business}"\nname = "BBC News - Business"\n',
    )
    first = cli("digest", "--no-extract", "--new", "--format", "json")
    assert first.code == 0, first.err
    shown = {source["title"] for story in first.json()["stories"] for source in story["sources"]}
    assert {title for title, _ in LESSOR} <= shown
    assert {title for title, _ in BUSINESS[:5]} <= shown  # petrol prices: a motorist's news
    assert not shown & {title for title, _ in BUSINESS[5:]}
    listed = cli("feeds", "list").out
    assert "auto: car feed (3/3 about cars)" in listed
