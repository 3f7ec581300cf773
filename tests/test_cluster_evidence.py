"""Stories merge only on positive evidence of one event: a subject both items name (a model, a
part or fault, a counterpart, a place, a name, a figure) at the same turn of the story. A maker
and an event type in common are never enough; titles alone, bodies and other languages work."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from autonews.classify import Classifier
from autonews.cluster import ClusterInput, cluster, features_of, figures
from autonews.cluster.model import conflict

T0 = datetime(2026, 11, 20, 8, tzinfo=UTC)
CLASSIFIER = Classifier()


def item(
    key: int,
    title: str,
    hours: float = 0.0,
    summary: str = "",
    feed: str = "",
    body: str = "",
    car_feed: bool = False,
) -> ClusterInput:
    classification = CLASSIFIER.classify(title, summary, body, car_feed=car_feed)
    published = T0 + timedelta(hours=hours)
    return ClusterInput(
        key, title, summary, None, published, classification, feed or f"f{key}", body
    )


def titles(*headlines: str, hours: float = 3.0) -> list[list[int]]:
    """Stories of title-only items from different feeds, ``hours`` apart."""
    return cluster([item(n, title, hours * n) for n, title in enumerate(headlines)])


def test_one_maker_and_one_event_type_are_not_one_event() -> None:
    # The wrong merges on title-only feeds: same maker, same type, other subjects.
    assert titles(
        "Tesla recalls 2 million cars over Autopilot",
        "Tesla Recalls Cybertruck Over Detaching Trim Panel",
    ) == [[0], [1]]
    assert titles("XPeng Launches AI OS 6.0", "XPeng Unveils P7+ Sedan Refresh") == [[0], [1]]
    assert titles(
        "Peugeot delays EV deliveries amid ACC battery constraints",
        "Peugeot Delays Launch of New 208",
    ) == [[0], [1]]
    # Two recalls of one model for different parts.
    assert titles(
        "Tesla recalls 11,688 Cybertrucks over faulty windshield wiper",
        "Cybertruck recalled again: bed trim panel may detach",
    ) == [[0], [1]]


def test_titles_alone_merge_on_what_they_share() -> None:
    assert titles(
        "Fisker Files for Chapter 11 Bankruptcy",
        "Fisker Declares Bankruptcy in Delaware by Filing for Chapter 11",
    ) == [[0, 1]]
    assert titles(
        "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
        "Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles",
    ) == [[0, 1]]
    assert titles(
        "Trump announces 25% tariff on imported vehicles and parts",
        "Trump Declares 25% Tariffs on Automobiles Manufactured Abroad",
    ) == [[0, 1]]


def test_paraphrases_of_one_event_join() -> None:
    # A feature and its part (Autosteer is Autopilot's), a region and its country.
    assert titles(
        "Tesla recalls 2 million cars over Autopilot",
        "NHTSA forces over-the-air Autosteer fix on almost every US Tesla",
    ) == [[0, 1]]
    assert titles(
        "Honda postpones Ontario EV plan by about two years",
        "Honda hits pause on Canadian EV factory",
    ) == [[0, 1]]


def test_a_chiefs_exit_is_not_the_news_it_follows() -> None:
    assert titles(
        "Regulator accuses Volkswagen of cheating on diesel emissions tests",
        "Volkswagen chief executive quits over diesel emissions scandal",
    ) == [[0], [1]]


def test_one_country_acts_and_another_follows_two_events() -> None:
    assert titles(
        "Washington raises tariffs on Chinese EVs to 100%",
        "Canada follows with 100% tariff on China-made EVs",
    ) == [[0], [1]]


def test_a_leader_acts_for_the_country() -> None:
    # A head of government opening a title is the country acting, and a side of its deals.
    assert titles(
        "Biden quadruples tariff on Chinese EVs to 100%",
        "Canada follows US with 100% tariff on China-made EVs",
    ) == [[0], [1]]
    assert titles(
        "Japan wins 15% U.S. tariff on cars in deal with Trump",
        "Trump announces trade deal with South Korea, sets 15% tariff",
    ) == [[0], [1]]


def test_a_deal_to_come_is_not_the_deal() -> None:
    # Talks or a deal near, against the deal told with its sum: two turns of the story.
    assert titles(
        "Stellantis nears deal to take stake in Leapmotor",
        "Stellantis takes $1.6 bln stake in Leapmotor",
    ) == [[0], [1]]
    assert titles(
        "Stellantis takes $1.6 bln stake in Leapmotor",
        "Stellantis to invest 1.5 bln euros in China's Leapmotor",
    ) == [[0, 1]]


def test_a_price_cut_and_the_new_price_are_one_story_whatever_its_type() -> None:
    # $10,000 off and "under $50k" are a cut and the price it leads to, read in the titles'
    # words even when the classifier types the cut otherwise.
    assert titles(
        "Ford drops F-150 Lightning prices by up to $10,000",
        "F-150 Lightning back under $50k after Ford's price cut",
    ) == [[0, 1]]


def test_a_listing_is_its_own_sides() -> None:
    # What happens once to a maker or a company (a listing, a bankruptcy) is that side's.
    assert titles(
        "Hyundai's India unit prices IPO at top of range",
        "CATL shares jump in Hong Kong IPO debut",
    ) == [[0], [1]]
    assert titles(
        "Northvolt files for Chapter 11 in the US",
        "Northvolt seeks bankruptcy protection as cash runs out",
    ) == [[0, 1]]
    # A maker's debut and another company's the same day: different sides, though one of
    # them is no maker.
    assert titles(
        "Polestar starts trading on Nasdaq after SPAC merger with Gores Guggenheim",
        "Intel's Mobileye jumps 38% in Nasdaq debut after pricing above range",
    ) == [[0], [1]]
    # A report naming the maker's partner instead of the maker tells the same figure.
    assert titles(
        "US immigration raid at Hyundai battery plant site detains 475",
        "美国移民突袭LG电动汽车电池工厂 475人被拘",
    ) == [[0, 1]]


def test_two_turns_of_one_story_are_two_events() -> None:
    talks = [
        item(0, "Honda and Nissan Begin Talks on Merger", 0, "The two carmakers signed an MoU."),
        item(1, "Honda and Nissan Call Off Merger Talks", 6, "Nissan rejected the terms."),
    ]
    assert cluster(talks) == [[0], [1]]
    plants = titles(
        "Toyota halts production at all 14 Japan plants after system glitch",
        "Toyota restarts production at Japan plants after system glitch is fixed",
    )
    assert plants == [[0], [1]]
    # Talks, the agreement signed, the deal closed: three turns (months apart in fact).
    merger = titles(
        "Fiat Chrysler and Peugeot maker PSA confirm merger talks",
        "FCA and PSA sign binding agreement for 50-50 merger; Tavares to be CEO",
        "Stellantis shares debut in Milan and Paris after FCA-PSA merger closes",
    )
    assert merger == [[0], [1], [2]]


def test_a_later_turn_and_an_offer_withdrawn_are_news_of_their_own() -> None:
    # A recall and its expansion told two days later; a strike and its end; an offer and its
    # withdrawal. Within hours, a report with and one without the turn's word are one story.
    expanded = [
        item(0, "Ford recalls 240,000 Explorers over loose trim", 0),
        item(1, "Ford expands Explorer trim recall", 40),
    ]
    assert cluster(expanded) == [[0], [1]]
    same_day = [
        item(0, "Ford recalls 240,000 Explorers over loose trim", 0),
        item(1, "Ford expands Explorer trim recall", 6),
    ]
    assert cluster(same_day) == [[0, 1]]
    strike = [
        item(0, "Hyundai union stages strike at Ulsan plants", 0),
        item(1, "Hyundai union calls off Ulsan strike", 40),
    ]
    assert cluster(strike) == [[0], [1]]
    assert titles(
        "Fiat Chrysler proposes merger with Renault",
        "Fiat Chrysler withdraws offer to merge with Renault",
    ) == [[0], [1]]


def test_counts_of_one_thing_tell_events_apart() -> None:
    assert titles(
        "Toyota halts 14 plants in Japan after supplier cyberattack",
        "Toyota suspends production at 12 Japanese plants over system fault",
    ) == [[0], [1]]
    assert titles(
        "Toyota halts 14 plants in Japan after supplier cyberattack",
        "Cyberattack on supplier stops Toyota's 14 Japanese plants",
    ) == [[0, 1]]


def test_a_makers_stories_sharing_only_a_common_country_stay_apart() -> None:
    # China is named by many items of the days around: a Tesla story at its Chinese plant and
    # a story of Tesla's rival in China share the maker and the country, not a subject.
    around = [
        "Nio opens its 3,000th swap station in China",
        "Xpeng starts robotaxi trials in China",
        "Geely's China sales climb 20% in May",
        "Li Auto trims China delivery forecast",
        "Xiaomi adds a second China plant",
        "Great Wall recalls pickups in China",
    ]
    items = [
        item(0, "California governor takes a spin in Tesla's Model 3 at its Chinese plant", 0),
        item(1, "Tesla's troubles lift China's top EV maker BYD", 2),
    ] + [item(n + 2, title, -100.0 + 40 * n) for n, title in enumerate(around)]
    stories = cluster(items)
    assert [0] in stories and [1] in stories


def test_a_counterpart_names_the_deal() -> None:
    assert titles(
        "Uber to put Baidu's Apollo Go robotaxis on its app",
        "Lyft and Baidu plan robotaxi launch in Germany and Britain",
    ) == [[0], [1]]
    assert titles(
        "Volkswagen to invest $700 million in XPeng",
        "XPeng buys Didi's EV unit in $744 million share deal",
    ) == [[0], [1]]


def test_across_languages_names_and_figures_agree() -> None:
    assert titles(
        "Li Auto recalls 11,411 Mega MPVs over coolant corrosion risk",
        "理想汽车召回11411辆MEGA 冷却液存腐蚀风险",
        "理想MEGA召回11,411輛 冷卻液恐腐蝕電池",  # traditional characters
        hours=1,
    ) == [[0, 1, 2]]
    # One maker, one month's sales in two languages, but two figures: two months.
    assert titles(
        "BYD sold 377,420 vehicles in March",
        "比亚迪4月销售新能源汽车38.01万辆",
    ) == [[0], [1]]


def titles_in_car_feeds(*headlines: str, hours: float = 3.0) -> list[list[int]]:
    """``titles``, each from a feed that also carries a car story (a week later), classified as
    the pipeline classifies a car feed's items (``autonews.labels``): those its words do not show
    to be about something else are car news, and weighed by the pair model."""
    car = "Toyota recalls 50,000 Camry sedans over faulty airbags"
    found = cluster(
        [item(n, title, hours * n, car_feed=True) for n, title in enumerate(headlines)]
        + [item(100 + n, car, 24 * 7 + n, feed=f"f{n}") for n in range(len(headlines))]
    )
    return [story for story in found if story[0] < 100]


def test_items_of_feeds_without_car_news_join_only_as_one_report() -> None:
    jackson = (
        "Civil rights leader Jesse Jackson dies, aged 84",
        "Jesse Jackson, civil rights leader and U.S. presidential hopeful, dies at 84",
    )
    assert titles_in_car_feeds(*jackson) == [[0, 1]]  # the pair model: one event
    assert titles(*jackson) == [[0], [1]]  # two feeds with no car news: two reports
    agency = "Peru's Congress removes interim President Jerí as he faces corruption probe"
    assert titles(agency, agency) == [[0, 1]]  # one agency story in two papers
    assert titles("Photos of the week", "Photos of the week") == [[0], [1]]  # a column
    with_link = [item(0, "Jesse Jackson dies"), item(1, "Jesse Jackson has died")]
    with_link = [replace(x, link="https://news.example/jackson") for x in with_link]
    assert cluster(with_link) == [[0, 1]]
    # A car story's item and a world feed's item of one link are clustered in full together.
    car = item(2, "GM recalls 400,000 pickups over brake fault")
    other = item(3, "Hundreds of thousands called back, report says", feed="world")
    assert not other.classification.automotive
    linked = [replace(x, link="https://news.example/gm") for x in (car, other)]
    assert cluster(linked) == [[2, 3]]


def test_a_world_feed_with_one_car_item_is_not_a_car_feed() -> None:
    # Two world-news feeds that each carry one car story among four items: their world news is
    # not weighed by the pair model (which would join these two titles of one death).
    feeds = {
        "a": [
            "Civil rights leader Jesse Jackson dies, aged 84",
            "France arrests nine in right-wing activist's death",
            "Toyota recalls 50,000 Camry sedans over faulty airbags",
            "Peru's Congress votes to impeach President Jose Jeri",
        ],
        "b": [
            "Jesse Jackson, civil rights leader and U.S. presidential hopeful, dies at 84",
            "Ukraine and Russia hold peace talks in Geneva",
            "Toyota recalls 50,000 Camry sedans over faulty airbags",
            "Sudan market strike kills at least 28 people",
        ],
    }
    items = [
        item(4 * n + k, title, hours=k, feed=feed)
        for n, (feed, titles) in enumerate(feeds.items())
        for k, title in enumerate(titles)
    ]
    stories = cluster(items)
    assert [0] in stories and [4] in stories  # two papers' titles of one death: not proven
    assert [2, 6] in stories  # the car story of both feeds is one story
    assert titles_in_car_feeds(feeds["a"][0], feeds["b"][0]) == [[0, 1]]  # in car feeds: one


def test_world_news_needs_names_both_titles_share() -> None:
    # The wrong merges on general feeds (from feeds that carry car news too, where
    # the pair model weighs them).
    titles = titles_in_car_feeds
    assert titles(
        "Relatives of political prisoners in Venezuela stage hunger strike",
        "Nigeria: Reps Stage Walk Out As Protest Continues Over Electronic Transmission",
    ) == [[0], [1]]
    assert titles(
        "Erdogan postpones UAE visit over Al Nahyan's health",
        "Turkey's Erdogan says Israel's recognition of Somaliland benefits nobody",
    ) == [[0], [1]]
    assert titles(
        "Jaguar Spotted in the Wild in Brazil",
        "Geely and Renault form joint venture in Brazil",
    ) == [[0], [1]]
    assert titles(
        "Civil rights leader Jesse Jackson dies, aged 84",
        "Jesse Jackson, civil rights leader and U.S. presidential hopeful, dies at 84",
    ) == [[0, 1]]


def test_a_briefing_of_several_stories_joins_none_of_them() -> None:
    stories = cluster(
        [
            item(0, "Ford recalls 1.07 million vehicles over rearview camera software", 0),
            item(1, "BYD May sales rise 15% to 382,476 vehicles", 1),
            item(2, "汽车早报｜比亚迪5月销量38.2万辆；福特召回107万辆汽车", 2),
        ]
    )
    assert stories == [[0], [1], [2]]
    weekly = cluster(
        [
            item(0, "零跑5月交付超4.5万台 再夺新势力交付第一", 0),
            item(1, "一周电车热点｜新势力5月交付放榜，零跑再夺第一", 30),
        ]
    )
    assert weekly == [[0], [1]]
    # A live blog of a show's day, naming several makers: the news of none of them.
    assert titles(
        "Live: Auto Show Day 1 — Toyota, Honda and Nissan Reveal Concepts",
        "Honda Reveals 0 Series Concept at Auto Show",
        hours=1,
    ) == [[0], [1]]
    # A live blog of one maker's event is that event's.
    assert titles("Live: Tesla Q4 earnings call", "Tesla Q4 profit misses estimates", hours=1) == [
        [0, 1]
    ]


def test_a_price_a_deal_and_results_are_never_one_event() -> None:
    """Trial 32: Tesla's price cut in China joined a report that Tesla will use CATL's cells in
    its Shanghai-built Model Y (both name the Model Y and China), and through it CATL's supply
    deal; CATL's results joined its plant with Stellantis."""
    assert titles(
        "Tesla Cuts Model Y Prices in China by 8,000 Yuan",
        "Tesla picks CATL to supply sodium-ion cells for Shanghai-built Model Y",
        hours=1,
    ) == [[0], [1]]
    # A price cut in China / in Taiwan ("在台降價": in Taiwan) are two markets' news.
    assert titles(
        "Tesla Cuts Model Y Prices in China by 8,000 Yuan",
        "特斯拉 Model Y 在台降價 10 萬元，起價 179 萬 9900 元",
        hours=1,
    ) == [[0], [1]]
    assert titles(
        "CATL Q3 net profit rises 41% on overseas battery demand",
        "CATL and Stellantis sign deal for 4.1 bln euro battery plant in Spain",
        hours=1,
    ) == [[0], [1]]


@pytest.mark.parametrize(
    "other",
    [
        "5 things: Tesla's Cybertruck recall, BYD price cuts, Stellantis picks a CEO",
        "The Morning Dump: Tesla Recalls Cybertrucks, Ford Profits Fall, Xiaomi's YU7 Sells Out",
        "Daily briefing: Tesla's Cybertruck recall and what it means for owners",
        "Ep. 213 – The Cybertruck recall, Slate's $27K pickup, and listener mail",
        "#214: Is the Cybertruck recall a sign of trouble? With guest Sandy Munro",
        "Tesla Cybertruck recall: thoughts?",
    ],
)
def test_newsletters_podcasts_and_forum_threads_join_no_news(other: str) -> None:
    """Trial 33: a newsletter's "5 things" and "The Morning Dump", a "Daily briefing", a
    podcast's episodes and a forum's question joined the week's recall story, and titled it."""
    news = "Tesla recalls 46,096 Cybertrucks over detaching trim panel"
    assert titles(news, other, hours=1) == [[0], [1]]


def test_article_bodies_count_where_feeds_give_no_summary_but_not_the_sites_own_text() -> None:
    plug = "Sign up for the Daily Drive newsletter to get the news first."
    byline = "Reporting by our Detroit bureau; editing by the autos desk."
    items = [
        item(
            0,
            "Stellantis picks its next chief",
            0,
            feed="a",
            body=f"{plug} Antonio Filosa, "
            "head of the Americas, will be chief executive of Stellantis from June 23.",
        ),
        item(
            1,
            "A new boss for the Jeep maker",
            2,
            feed="b",
            body=f"{byline} Stellantis named "
            "Antonio Filosa chief executive, ending a six-month search.",
        ),
        item(
            2,
            "Ram gets its old boss back",
            3,
            feed="a",
            body=f"{plug} Tim Kuniskis returns to run the Ram brand for Stellantis.",
        ),
        item(
            3,
            "Jeep owners get a new infotainment update",
            4,
            feed="b",
            body=f"{byline} Jeep is sending an over-the-air update to Wagoneer owners.",
        ),
    ]
    assert cluster(items) == [[0, 1], [2], [3]]
    # Without the bodies, the titles share nothing.
    bare = [
        ClusterInput(i.key, i.title, "", None, i.published, i.classification, i.source)
        for i in items
    ]
    assert cluster(bare) == [[0], [1], [2], [3]]


def test_a_new_source_never_splits_a_delivered_story() -> None:
    first = [
        item(0, "Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 0),
        item(1, "Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles", 2),
        item(2, "沃尔沃召回14768辆XC70 左后半轴存在松动风险", 4),
    ]
    (story,) = cluster(first)
    assigned = {key: "story-1" for key in story}
    later = [
        *first,
        item(3, "Volvo XC70 halfshaft recall: dealers get parts", 20),
        item(4, "Volvo recalls 73,000 plug-in hybrids over battery fire risk", 21),
    ]
    grown = cluster(later, assigned=assigned)
    assert [0, 1, 2] in [g[:3] for g in grown]
    assert sum(set(story) <= set(g) for g in grown) == 1
    assert [4] in grown


def test_what_happens_to_a_maker_once_at_a_time_is_told_many_ways() -> None:
    # A chief quits once: "resigns", "quits", the market's reaction to it are one story; a
    # finance chief's exit is another.
    assert titles(
        "Lucid chief executive Peter Rawlinson resigns",
        "Lucid shares slide after its chief executive quits",
    ) == [[0, 1]]
    assert titles(
        "Lucid chief executive Peter Rawlinson resigns",
        "Lucid finance chief steps down",
    ) == [[0], [1]]
    # "$5B" is five billion: not a different sum from "$5 billion".
    assert titles(
        "Honda and GM ditch $5B plan for affordable EVs",
        "Honda, GM scrap $5 billion plan to co-develop cheaper EVs",
    ) == [[0, 1]]


def test_a_city_and_its_country_are_one_place() -> None:
    # Germany is named by many items of the days around; Munich by few: a title naming Munich
    # and one naming Germany and no other German place tell one place at two scales.
    around = [
        "Volkswagen trims output in Germany",
        "Mercedes opens a battery recycling plant in Germany",
        "Germany weighs new EV incentives",
        "Audi cuts jobs in Germany",
        "Porsche delays battery plans in Germany",
        "Opel ends sedan production in Germany",
    ]
    fire = [
        item(0, "BMW Munich plant halts production after fire", 0),
        item(1, "Fire stops output at BMW's German plant", 2),
        item(2, "BMW Leipzig plant adds a night shift", 4),
    ] + [item(n + 3, title, -100.0 + 40 * n) for n, title in enumerate(around)]
    stories = cluster(fire)
    assert [0, 1] in stories and [2] in stories


def test_once_at_a_time_words_count_only_when_the_title_says_of_what() -> None:
    # "names", "retires", "annual" are a chief's turn or a period's results only with a post, a
    # chief's name or a results word; otherwise they are other news of the same maker.
    for first, second in [
        ("Toyota names Koji Sato CEO", "Toyota named world's most valuable car brand"),
        ("BMW names new head of design", "BMW named most reliable brand in survey"),
        ("Ford retires the Fiesta after 47 years", "Ford CFO John Lawler to retire"),
        ("Hyundai union begins annual wage talks", "Hyundai annual sales hit record high"),
        ("Tesla annual shareholder meeting set for June", "Tesla annual recall count tops 2M"),
    ]:
        assert titles(first, second, hours=5.0) == [[0], [1]], (first, second)
    # A chief's exit told with the chief's name and with the post joins.
    assert titles(
        "Stellantis CEO Carlos Tavares resigns with immediate effect",
        "Tavares out at Stellantis amid US sales slump and dealer revolt",
    ) == [[0, 1]]


def test_a_merger_proposed_and_its_offer_withdrawn_are_two_events() -> None:
    assert titles(
        "FCA proposes merger with Renault", "FCA withdraws merger offer for Renault", hours=30.0
    ) == [[0], [1]]


def test_share_moves_and_a_raised_forecast_tell_one_event() -> None:
    # How far the shares moved depends on the hour an outlet wrote; a raised forecast is a
    # maker's one at a time.
    assert titles(
        "General Motors Boosts Annual Earnings Forecast, Shares Surge Over 9% Pre-Market",
        "General Motors lifts forecast as tariff outlook improves, shares surge 14%",
        "GM stock soars 15% as automaker raises guidance, beats Q3 earnings",
    ) == [[0, 1, 2]]
    # Percentages of the event itself still tell events apart.
    assert titles(
        "BYD cuts prices by 10% on Seal sedans",
        "BYD cuts prices by 34% on Seal sedans",
    ) == [[0], [1]]


def test_a_turn_of_what_a_maker_does_is_a_subject() -> None:
    # Talks ended, told two ways the same day: that turn of Fisker's talks is what both name.
    assert titles(
        "Fisker Says Talks with Automaker Terminated",
        "Large automaker terminates negotiations with Fisker, shares plunge",
    ) == [[0, 1]]
    # Talks begun and talks ended stay two events.
    assert titles(
        "Fisker Says Talks with Automaker Terminated",
        "Fisker begins talks with a large automaker",
    ) == [[0], [1]]


def test_percentages_of_the_event_still_count_beside_a_share_move() -> None:
    # Only the share move's percentage is set aside; a stake's or the sales' still tells events
    # apart, in titles that name shares too.
    assert titles(
        "Lucid shares plunge 15% after Saudi fund cuts stake by 10%",
        "Lucid shares plunge 4% after Saudi fund cuts stake by 30%",
    ) == [[0], [1]]
    assert titles(
        "BYD sales up 30% in October, shares climb",
        "BYD sales up 12% in September, shares climb",
    ) == [[0], [1]]


def test_a_forecast_raised_for_a_maker_is_not_its_own() -> None:
    assert titles(
        "Morgan Stanley raises forecast for Tesla deliveries",
        "Tesla raises guidance after record quarter",
    ) == [[0], [1]]
    assert titles(
        "Analysts raise forecast for Ford earnings ahead of results",
        "Ford raises full-year guidance on strong truck sales",
    ) == [[0], [1]]


def test_two_delays_of_one_maker_with_other_objects_stay_apart() -> None:
    assert titles("Ford delays EV launch", "Ford delays EV plant in Tennessee") == [[0], [1]]
    assert titles(
        "Toyota cancels three-row EV SUV", "Toyota cancels EV battery plant in Kentucky"
    ) == [[0], [1]]


def test_a_share_move_ends_where_its_clause_ends_and_a_forecast_for_something_is_not_singular() -> (
    None
):
    assert titles(
        "Stellantis shares slip as Jeep sales fall 10%",
        "Stellantis shares slip as Jeep sales fall 25%",
    ) == [[0], [1]]
    assert titles(
        "Tesla raises forecast for Model Y deliveries",
        "Tesla raises forecast for energy storage deployments",
    ) == [[0], [1]]


def test_share_moves_told_other_ways_and_a_forecast_for_a_period() -> None:
    # "as much as 16%", "Shares of Xpeng Motors jump 10%": share moves, not two events' figures.
    a, b = features_of(
        [
            item(0, "Shares of Xpeng Motors jump 10% after strong deliveries"),
            item(1, "XPeng stock soars as much as 16% on record deliveries", 2.0),
        ]
    )
    assert conflict(a, b) is None
    # A forecast raised "for 2025" is still the maker's own.
    assert titles(
        "GM raises forecast for 2025 as truck sales hold up",
        "GM raises full-year forecast, shares climb",
    ) == [[0, 1]]


def test_a_makers_share_moves_of_one_day_are_one_story_whatever_cause_each_gives() -> None:
    # One report names the cause, the other only the move: a maker's shares move once a day.
    assert titles(
        "Why Rivian Stock Is Sinking Today",
        "Rivian shares slide after it trims its annual delivery outlook",
    ) == [[0, 1]]


@pytest.mark.parametrize(
    ("first", "second", "hours"),
    [
        # half a day apart or more: another session's move
        ("Why Rivian Stock Is Sinking Today", "Rivian shares slide as outlook is trimmed", 14.0),
        # the same words two days apart: two days' moves, whatever figure they share
        ("Tesla Shares Fall 3% as Investors Weigh Demand",) * 2 + (50.0,),
        ("Tesla shares fall 3%", "Tesla stock drops 3% as demand worries grow", 30.0),
        # opposite ways, in plain words as in the market's
        ("Tesla shares fall 5% after delivery miss", "Tesla shares rise 3% as Musk returns", 2.0),
        ("BYD shares gain in Hong Kong", "BYD shares slip in Shenzhen trading", 2.0),
        ("Rivian stock surges on Volkswagen deal", "Why Rivian stock plunged today", 2.0),
        # "shares" the verb, or shares sold: no move told
        ("Ford shares slump after profit warning", "Ford CEO shares his views on tariffs", 2.0),
        ("Tesla shares video of Optimus folding laundry", "Tesla stock falls in Europe", 2.0),
        ("Toyota shares hit record high", "Toyota to sell its shares in Denso", 2.0),
        # another maker's move, or a move told again
        ("Nio shares fall after weak guidance", "Li Auto shares tumble after Nio cuts prices", 2.0),
        ("Stellantis shares drop after US sales data", "Stellantis shares drop again", 10.0),
        ("Why Rivian Stock Is Sinking Today", "Why Lucid Stock Is Sinking Today", 2.0),
    ],
)
def test_share_moves_that_are_not_one_days_move_of_one_maker_stay_apart(
    first: str, second: str, hours: float
) -> None:
    assert titles(first, second, hours=hours) == [[0], [1]]


def test_a_strike_told_with_its_cause_or_its_end_is_the_strike() -> None:
    # "strike over pay" tells the strike's cause, not its end.
    assert titles(
        "Kia workers strike over wage demands", "Kia union stages partial strike at Gwangmyeong"
    ) == [[0, 1]]
    # A strike's end named in a title is that strike: one subject with it.
    assert titles(
        "Volvo union reaches deal, ending two-week strike",
        "Volvo strike ends as members ratify pact",
    ) == [[0, 1]]
    # Another maker's strike is still another story.
    assert titles(
        "Kia workers strike over wage demands", "Volvo strike ends as members ratify pact"
    ) == [
        [0],
        [1],
    ]


def test_a_ticker_names_its_maker() -> None:
    # Market outlets name a maker by its ticker: its once-at-a-time news is the maker's.
    assert titles(
        "Rivian stock soars after Q3 results beat estimates", "RIVN jumps on Q3 results beat"
    ) == [[0, 1]]
    # Another maker's results the same day are still another story.
    assert titles("LCID slides on Q3 results miss", "RIVN jumps on Q3 results beat") == [[0], [1]]


def test_two_countries_named_together_are_the_subject() -> None:
    # A deal between two countries: the two together are what it is about, where each alone is
    # too common among the week's news to be (two dozen items name each).
    makers = "Ford GM Toyota Honda Kia Nissan Subaru Mazda BMW Audi Volvo".split()
    others = [f"{maker} {where} sales rise" for maker in makers for where in ("US", "South Korea")]
    others += [
        f"{maker} recalls SUVs in the {where}" for maker in makers for where in ("US", "Korea")
    ]
    deal = "Hyundai shares jump as US-South Korea trade pact cuts auto duties"

    def together(first: str) -> bool:
        heard = [item(0, first, 70.0), item(1, deal, 72.0)]
        heard += [item(n + 2, title, 4.0 * n) for n, title in enumerate(others)]
        return any({0, 1} <= set(story) for story in cluster(heard))

    assert together("South Korea wins lower US car tariff in deal")
    # One of them with a third country is another story.
    assert not together("Japan wins lower US car tariff in deal")


def test_a_sum_per_unit_of_time_is_no_deals_sum() -> None:
    # What a strike costs a week is a rate, not the sum of the plan the title tells of.
    plan = "Honda and GM scrap $5 billion plan to co-develop affordable EVs"
    assert titles(
        plan,
        "Honda ends affordable EV plan with GM as strike costs GM $200 million a week",
    ) == [[0, 1]]
    # Two sums of one pair of makers are still two deals.
    assert titles(plan, "Honda and GM sign $2 billion plan to co-develop affordable EVs") == [
        [0],
        [1],
    ]


def test_a_sum_dated_a_year_earlier_is_no_rate() -> None:
    assert figures.rates("Strike costs Ford $200 million a week")
    assert not figures.rates("Profit of $2.5 billion, up from $1.9 billion a year earlier")
    assert not figures.rates("Revenue fell to $4 billion from $5 billion a year ago")


def test_the_same_news_in_two_cities_is_two_events() -> None:
    # One kind of news, one day, two cities: each city's is its own story.
    assert titles(
        "Waymo opens its robotaxi service to the public in Miami",
        "Waymo robotaxi rides in Austin now run with no one in the driver's seat",
        "Waymo starts driverless robotaxi rides in Miami",
        hours=1.0,
    ) == [[0, 2], [1]]
    # A city and its region are one place told at two scales.
    assert titles(
        "Ford to idle Dearborn truck plant for two weeks",
        "Ford idles Michigan truck plant for two weeks over parts shortage",
        hours=1.0,
    ) == [[0, 1]]


def test_a_teaser_and_the_launch_a_day_later_are_two_events() -> None:
    teaser = "Tesla teases an affordable Model Y ahead of its launch"
    launch = "Tesla launches cheaper Model Y to revive demand"
    assert titles(teaser, launch, hours=20.0) == [[0], [1]]
    # Two reports of the teaser stay one story.
    assert titles(teaser, "Tesla teaser hints at a cheaper Model Y", hours=2.0) == [[0, 1]]


def test_car_news_without_a_maker_is_judged_as_car_news() -> None:
    # Tariffs on heavy trucks are car-industry news (the classifier says so) though no maker is
    # named: such titles join on what they share as car news does, not on world news's stricter
    # terms. The clustering reads the classifier's verdict.
    tariff, world = features_of(
        [
            item(0, "Trump says 25% tariffs on heavy trucks will start November 1"),
            item(1, "Trump meets Xi in Busan as trade truce holds"),
        ]
    )
    assert tariff.car and not world.car


def test_one_company_is_no_more_an_event_than_one_maker() -> None:
    # A robotaxi firm (a company, not a maker) in two different stories of one week.
    assert titles(
        "Waymo raises $5.6 billion in a round led by Alphabet",
        "Waymo recalls 1,200 robotaxis after low-speed crashes into gates",
        hours=20.0,
    ) == [[0], [1]]


def test_one_kind_of_news_in_two_markets_is_two_events() -> None:
    assert titles(
        "Tesla cuts Model Y prices in China",
        "Tesla cuts Model Y prices in Germany",
        hours=5.0,
    ) == [[0], [1]]
    # The maker's home country is not where its news happened.
    assert titles(
        "Chinese carmaker BYD opens its plant in Hungary",
        "BYD starts production at its Szeged plant",
        hours=5.0,
    ) == [[0, 1]]


def test_reports_of_one_results_release_join_whatever_figures_they_quote() -> None:
    assert titles(
        "XPeng reports record second-quarter revenue, up 125%",
        "Xpeng's net loss narrows to 480 million yuan as deliveries more than double",
        "小鹏汽车(XPEV.US)涨逾4% 二季度净亏损同比缩窄",
        hours=4.0,
    ) == [[0, 1, 2]]
    # Other news of the maker the same day stays apart.
    assert titles(
        "Ford second-quarter profit falls 30% on tariff costs",
        "Ford recalls 500,000 SUVs over rear camera fault",
        hours=4.0,
    ) == [[0], [1]]


def test_review_cases_of_the_new_rules() -> None:
    # Judged as car news, one country in common is not an event; a figure in common is more.
    assert titles(
        "UK to ban sales of new petrol cars from 2030",
        "UK car production falls to its lowest level since 1956",
        hours=6.0,
    ) == [[0], [1]]
    assert titles(
        "Bosch to cut 5,500 jobs in its automotive division",
        "Bosch plans to slash 5,500 jobs as car demand weakens",
        hours=6.0,
    ) == [[0, 1]]
    # One group's two makers report their own results.
    assert titles(
        "Hyundai second-quarter operating profit falls 16% on US tariffs",
        "Kia second-quarter operating profit drops 24% on US tariffs",
        hours=24.0,
    ) == [[0], [1]]
    # A town and the city it lies in are one place.
    assert titles(
        "Porsche to cut 1,900 jobs at its Zuffenhausen plant",
        "Porsche to cut 1,900 jobs in Stuttgart",
        hours=3.0,
    ) == [[0, 1]]


def _conflict_of(first: str, second: str) -> str | None:
    a, b = features_of([item(0, first), item(1, second, 3.0)])
    return conflict(a, b)


def test_what_only_describes_a_subject_keeps_no_reports_apart() -> None:
    # A share move told with the maker's name is no percentage of the event's own.
    assert (
        _conflict_of(
            "Tesla slides 10% as investors shrug off battery roadmap",
            "4680 tabless cell, 56% lower cost per kWh: what Musk showed at Battery Day",
        )
        is None
    )
    assert _conflict_of("Tesla sales fall 10% in Europe", "Tesla sales fall 25% in Europe")
    # Detroit stands for the US car industry, not for a city beside Chicago.
    assert (
        _conflict_of(
            "Ford idled Chicago Explorer plant for a week over rare-earth magnet shortage",
            "China's export curbs reach Detroit: Explorer line stood still for a week",
        )
        is None
    )
    assert _conflict_of(
        "Waymo robotaxis launch in Miami", "Waymo robotaxis launch in Austin"
    )  # other cities still keep two launches apart
    # A backer names no side: the Amazon-backed truck maker is Rivian.
    assert (
        _conflict_of(
            "Amazon-backed truck maker soars 29% in Nasdaq debut",
            "Rivian prices IPO at $78 a share, raising $11.9 billion",
        )
        is None
    )
    assert _conflict_of(
        "Amazon's Zoox robotaxis go public in Las Vegas", "Rivian prices IPO at $78 a share"
    )


def test_news_placed_in_the_makers_home_is_news_of_that_market() -> None:
    # BYD's home is China, but a price cut "in China" is not its price cut "in Germany".
    assert titles(
        "BYD Cuts Prices of Seal and Han in China by Up to 20%",
        "BYD Cuts Prices of Seal and Han in Germany by Up to 20%",
    ) == [[0], [1]]
    # "Japan's merger" is the makers', no market: reports of it still join.
    assert titles(
        "Japan's Honda and Nissan agree to merge by 2026",
        "Honda and Nissan agree to merge, creating world's No. 3 carmaker",
    ) == [[0, 1]]


def test_words_of_every_text_are_no_subject() -> None:
    # "because" in two bodies, "Up" in a title ("by Up to 20%", not BYD's 元UP).
    recalls = [
        item(
            0,
            "Lucid Recalls Gravity SUVs Over Loose Seat Bolts",
            0.0,
            body="Lucid is recalling Gravity SUVs because seat bolts may be loose.",
        ),
        item(
            1,
            "Lucid Recalls Air Sedans Over Software Glitch",
            0.2,
            body="Lucid is recalling Air sedans because a software glitch can blank the screen.",
        ),
    ]
    assert cluster(recalls) == [[0], [1]]
    (cut,) = features_of([item(0, "BYD Cuts Prices of Seal and Han by Up to 20%")])
    assert not any(term.endswith(":up") for term in cut.subject)


@pytest.mark.parametrize(
    ("first", "second", "one_story"),
    [
        ("Carlos Ghosn gives first interview since his escape", "戈恩出逃后首次接受采访", True),
        ("Wang Chuanfu: BYD will not join the price war", "王传福：比亚迪不会参与价格战", True),
        # An investor stands for his firm: "Buffett's Berkshire" is 巴菲特旗下伯克希尔.
        ("Buffett's Berkshire trims BYD stake again", "巴菲特旗下伯克希尔再度减持比亚迪", True),
        # The surname alone is the same person ("Oliver Blume" / "Blume").
        ("Porsche to replace Oliver Blume as CEO", "Blume to give up Porsche job", True),
        # One person's two pieces of news are two stories.
        ("Lei Jun says Xiaomi will not cut YU7 prices", "雷军：小米SU7 Ultra将于明年交付", False),
    ],
)
def test_a_person_is_one_subject_in_either_script(first: str, second: str, one_story: bool) -> None:
    assert titles(first, second, hours=1) == ([[0, 1]] if one_story else [[0], [1]])


def test_firing_people_is_no_fire() -> None:
    assert titles("Rivian fires its head of software", "Rivian R1S fires prompt NHTSA probe") == [
        [0],
        [1],
    ]


def test_trimming_is_a_verb_not_a_part() -> None:
    # "trims" cuts a forecast or an output (no subject); a trim panel is a part.
    assert titles("GM trims forecast on tariffs", "GM trims Cadillac Lyriq production") == [
        [0],
        [1],
    ]
    assert titles(
        "Ford trims 2024 profit outlook", "Ford recalls Explorers over loose exterior trim"
    ) == [[0], [1]]
    assert titles(
        "Ford recalls 1.9 million Explorers over trim that can detach",
        "Nearly two million Ford Explorers could shed their windshield trim",
        hours=1,
    ) == [[0, 1]]


def test_lamps_are_lights_a_part_of_their_own() -> None:
    """Found by a recall analyst: a listing of a fog-lamp recall joined a closed steering probe
    of the same model, the lamps being no part the clustering knew."""
    assert titles(
        "Tesla, Inc.: 2025 Model Y — Front Fog Lamps Too Bright (3,441 vehicles)",
        "NHTSA Closes Investigation Into Tesla Model Y Steering Wheels That Came Off",
        hours=5.0,
    ) == [[0], [1]]


def test_a_count_of_vehicles_and_a_sum_of_money_are_no_shared_figure() -> None:
    """Trial 36: "strikes have cost output of 20,000 vehicles" and a car that "will cost about
    20,000 euros" shared "a figure", and the car's reveal joined the strike."""
    rows = [
        ("Volkswagen says strikes have cost output of 20,000 vehicles", ""),
        (
            "Volkswagen reveals ID. Every1 production version",
            "The small EV will cost about 20,000 euros when it goes on sale.",
        ),
    ]
    inputs_ = [
        ClusterInput(
            n,
            title,
            summary,
            None,
            T0 + timedelta(hours=20 * n),
            CLASSIFIER.classify(title, summary),
            f"f{n}",
        )
        for n, (title, summary) in enumerate(rows)
    ]
    assert cluster(inputs_) == [[0], [1]]
