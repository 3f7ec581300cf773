"""Clustering: the same event told differently is one story; different events stay apart."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from autonews.classify import classify
from autonews.cluster import (
    PAIR_FEATURES,
    ClusterInput,
    _scorer,
    _Stories,
    cluster,
    features_of,
    pair_features,
    pair_model,
    parse_pair_model,
)
from autonews.cluster.model import conflict, positive, shared_subject
from autonews.evaluation.cluster import evaluate, inputs, load_rows
from autonews.urls import normalize_url

DATA = Path(__file__).parent / "data"

T0 = datetime(2026, 11, 20, 8, tzinfo=UTC)
NOT_CARS = classify("Peru's Congress votes to impeach President Jose Jeri")


def items(*titles: str, hours: float = 2.0, links: list[str] | None = None) -> list[ClusterInput]:
    return [
        ClusterInput(
            n,
            title,
            "",
            (links or [None] * len(titles))[n],
            T0 + timedelta(hours=hours * n),
            classify(title),
        )
        for n, title in enumerate(titles)
    ]


def test_same_recall_in_other_words_and_languages_is_one_story() -> None:
    groups = cluster(
        items(
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            "Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles",
            "沃尔沃召回14768辆XC70 左后半轴存在松动风险",
        )
    )
    assert groups == [[0, 1, 2]]


def test_different_events_of_one_maker_and_type_stay_apart() -> None:
    groups = cluster(
        items(
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            "Volvo recalls 73,000 plug-in hybrids over battery fire risk",
            "Tesla cuts Model Y prices in China",
            "Tesla cuts Model 3 prices in Germany",
        )
    )
    assert sorted(groups) == [[0], [1], [2], [3]]


def test_a_models_launch_and_its_recall_are_two_stories() -> None:
    """Found by a user: the launch disappeared into the recall, on the model's name alone."""
    apart = cluster(
        items(
            "Geely Launches Galaxy E5 at 264,000 Yuan",
            "Geely Recalls 18,065 Galaxy E5 Cars Over Rear Camera",
        )
    )
    assert apart == [[0], [1]]
    # What follows from a recall names it, and joins it.
    together = cluster(
        items(
            "Rivian recalls 13,000 R1S SUVs over seat belt fault",
            "Rivian shares slip after R1S recall",
        )
    )
    assert together == [[0, 1]]


def test_a_confirmation_of_firm_news_is_the_news_and_of_a_rumour_a_new_turn() -> None:
    """Found by a user: "Honda confirms" a day after "Honda to build" split the plant story."""
    plant = [
        ClusterInput(n, title, "", None, T0 + timedelta(hours=hours), classify(title))
        for n, (title, hours) in enumerate(
            [
                ("Honda to Build $5 Billion Plant in Kragujevac", 0),
                ("Honda Picks Kragujevac for $5 Billion Factory", 23),
                ("Honda Confirms $5 Billion Kragujevac Factory Investment", 26),
            ]
        )
    ]
    assert cluster(plant) == [[0, 1, 2]]
    a, b = features_of(
        items(
            "Honda may build $5 billion plant in Kragujevac, sources say",
            "Honda confirms $5 billion Kragujevac plant",
            hours=30,
        )
    )
    assert conflict(a, b) is not None  # the rumour, and what became of it


def test_talks_revived_are_a_turn_after_talks_called_off() -> None:
    """Trial 29: "Said to Consider Reviving Merger Talks" joined the called-off talks' story
    and became its title."""
    groups = cluster(
        items(
            "Honda Calls Off Merger Talks With Nissan",
            "Nissan-Honda Merger Talks Collapse",
            "Honda and Nissan Said to Consider Reviving Merger Talks",
        )
    )
    assert sorted(groups) == [[0, 1], [2]]


def test_talks_called_off_are_never_the_talks_story_whenever_told() -> None:
    """Trial 31: the calling off of talks joined the story of the talks (days apart, each
    title naming the talks), so a `--new` digest never told the deal had died."""
    groups = cluster(
        items(
            "Renault, Chery in talks to build cars at Spanish plant, sources say",
            "Renault and Chery confirm talks on Valladolid joint venture",
            "Renault and Chery call off talks over Spanish plant venture",
            "Renault-Chery Spain Plant Talks Collapse Over Price",
            hours=20,
        )
    )
    assert sorted(groups) == [[0, 1], [2, 3]]


@pytest.mark.parametrize(
    ("news", "commentary"),
    [
        (
            "Ford Recalls 227,000 Explorers as Rearview Camera Image Can Go Blank",
            "2025 Ford Explorer Review: Still the Default Family SUV",
        ),
        (
            "Volkswagen third-quarter operating profit falls 42% to 2.9 billion euros",
            "What to Expect From Volkswagen's Third-Quarter Results",
        ),
        (
            "Renault confirms talks to buy Nissan's stake in Mitsubishi Motors",
            "Opinion: Renault's Mitsubishi gamble makes sense only if Nissan stays close",
        ),
        ("小米汽车召回116,887辆SU7标准版", "试驾小米SU7标准版：召回之后的辅助驾驶"),
    ],
)
def test_a_commentary_is_not_the_news_it_comments_on(news: str, commentary: str) -> None:
    """Trials 30 and 31: a review joined the recall of its model, a results preview the
    results, an opinion the deal, and gave those stories their titles."""
    assert sorted(cluster(items(news, commentary, hours=1))) == [[0], [1]]
    a, b = features_of(items(news, commentary, hours=1))
    assert conflict(a, b) == "a commentary / the news"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # a maker's recall by update / the rules for such updates
            "小米汽车召回116,887辆SU7标准版 将通过OTA升级解决辅助驾驶问题",
            "工信部发布《汽车软件在线升级管理规定》征求意见稿 OTA召回须备案",
        ),
        (  # a rule drafted / adopted
            "NHTSA proposes rule requiring automatic emergency braking on heavy trucks",
            "NHTSA Finalizes Heavy-Truck Automatic Emergency Braking Rule, Effective 2029",
        ),
        (  # a model's probe closed / its launch
            "NHTSA Closes Investigation Into Tesla Model Y Steering Wheels That Came Off",
            "Tesla Launches Cheaper Model Y Standard in Europe at €39,990",
        ),
    ],
)
def test_a_makers_trouble_a_rule_and_its_draft_stay_apart(first: str, second: str) -> None:
    """Trial 30: a recall joined the rules for over-the-air updates (and took the story's type
    and maker with it), a rule proposed joined the rule adopted, a probe closed a launch."""
    a, b = features_of(items(first, second, hours=9))
    assert conflict(a, b) is not None


def test_a_deal_signed_and_its_approvals_by_each_regulator_are_apart() -> None:
    """Trial 31: a late report of the signing joined the EU's approval, and Japan's approval
    joined the EU's."""
    groups = cluster(
        items(
            "Renault and Nissan sign Mitsubishi Motors share purchase agreement",
            "雷诺以3100亿日元收购日产所持三菱汽车34%股份 双方签署协议",
            "EU clears Renault's purchase of Nissan's Mitsubishi Motors stake",
            "欧盟批准雷诺收购三菱汽车股份",
            "Japan Fair Trade Commission approves Renault's Mitsubishi stake purchase",
            hours=0.5,
        )
    )
    assert [0, 1] in groups and [2, 3] in groups and [4] in groups


def test_a_regulators_listings_join_the_press_reports_of_their_recalls() -> None:
    """Trial 30: a regulator's feed opens every title with the maker and lists models after
    it; read as a briefing of several stories, no listing joined the press reports."""
    titles = [
        (
            "Ford Motor Company: 2025-2026 Bronco Sport, Escape — Fuel Injector May Crack, "
            "Fire Risk "
            "(14,768 vehicles)",
            "Recalls feed",
        ),
        (
            "Ford Motor Company: 2020-2022 Explorer, Aviator — Rearview Camera Display May Fail "
            "(227,120 vehicles)",
            "Recalls feed",
        ),
        ("Ford Recalls 14,768 Bronco Sport and Escape SUVs Over Cracked Fuel Injectors", "Wire"),
    ]
    inputs_ = [
        ClusterInput(n, title, "", None, T0 + timedelta(hours=n), classify(title), feed)
        for n, (title, feed) in enumerate(titles)
    ]
    assert sorted(cluster(inputs_)) == [[0, 2], [1]]


def test_a_probe_upgraded_is_a_later_turn_of_the_probe() -> None:
    """Trial 30: "NHTSA upgrades Tesla FSD probe to engineering analysis" joined the probe's
    opening a day before, so a `--new` digest never told it."""
    groups = cluster(
        items(
            "US opens probe into 2.4 million Tesla vehicles with FSD after low-visibility crashes",
            "NHTSA upgrades Tesla FSD probe to engineering analysis, step before a recall",
            hours=30,
        )
    )
    assert sorted(groups) == [[0], [1]]


def test_a_region_holds_its_countries() -> None:
    """Trial 29: "Ford to Cut 4,000 Jobs in Europe" and "Ford Plans 4,000 European Job Cuts,
    Mostly in Germany" were told apart as news of two markets."""
    groups = cluster(
        items(
            "Ford to Cut 4,000 Jobs in Europe as EV Demand Slows",
            "Ford Plans 4,000 European Job Cuts, Mostly in Germany",
            "BYD cuts prices in Europe",
            "BYD cuts prices in China",
            hours=0.2,
        )
    )
    assert sorted(groups) == [[0, 1], [2], [3]]


def test_identical_links_merge_whatever_the_titles() -> None:
    links = ["https://news.example.com/a?utm_source=rss", "https://NEWS.example.com/a#top"]
    groups = cluster(items("BYD Q3 profit jumps", "Quarterly results out", links=links))
    assert groups == [[0, 1]]


def test_blog_trailers_and_web_addresses_are_no_evidence() -> None:
    plain = "Tesla cut Model Y prices in China for the second time this year."
    dressed = (
        plain + " https://ev.example.com/tesla?ref=rss"
        " The post Tesla cuts prices again appeared first on EV Example. Read more [...]"
    )
    title = "Tesla cuts prices in China"
    bare, trimmed = features_of(
        [
            ClusterInput(0, title, plain, None, T0, classify(title)),
            ClusterInput(1, title, dressed, None, T0, classify(title)),
        ]
    )
    assert bare.text == trimmed.text and bare.numbers == trimmed.numbers


def test_a_story_spans_at_most_two_windows() -> None:
    # Each report is within the 72 h window of the last, but one event is told within days:
    # a chain over a week is a series.
    title = "Volvo Recalls 14,768 XC70s Over Halfshaft Risk"
    assert cluster(items(title, title, title, title, hours=60)) == [[0, 1, 2], [3]]


def test_a_feed_listing_the_parts_of_one_page_lists_different_entries() -> None:
    def entry(key: int, title: str, link: str, feed: str) -> ClusterInput:
        published = T0 + timedelta(days=2 * key)
        return ClusterInput(key, title, "", link, published, classify(title), feed)

    page = "https://example.com/journal.html"
    entries = [
        entry(0, "Langdev January", page + "#2025-01-11", "journal"),
        entry(1, "Handmade conference post-mortem", page + "#2025-01-25", "journal"),
        entry(2, "Monochrome neural nets", page + "#2025-02-01", "journal"),
        # Another feed's link to the same page is the same article, fragment or not.
        entry(3, "A post worth reading", page + "?utm_source=rss", "linkblog"),
    ]
    assert cluster(entries) == [[0, 3], [1], [2]]


def test_items_far_apart_in_time_are_different_stories() -> None:
    groups = cluster(
        items(
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            hours=24 * 10,
        )
    )
    assert groups == [[0], [1]]


def test_one_release_told_two_days_later_joins_its_story() -> None:
    """Found by a user: a launch told in Chinese 56 h after the English report, with the same
    model and price, stayed a story of its own; it is the launch. The same model 56 h later
    without a figure in common is not proven to be."""
    told_later = items(
        "BYD Launches Seal 08 Sedan at 189,800 Yuan",
        "比亚迪海豹08上市 售价18.98万元起",
        hours=56,
    )
    assert cluster(told_later) == [[0, 1]]
    assert cluster(items("BYD Launches Seal 08 Sedan", "比亚迪海豹08上市", hours=56)) == [[0], [1]]

    from autonews.cluster.explain import explain

    (merge,) = explain(told_later, {0, 1}).merges
    hours = next(e for e in merge.evidence if e.name == "hours_apart")
    assert hours.detail.startswith("56.0 h apart, counted as 28.0 h")


def test_a_price_is_not_a_model_named_by_a_number() -> None:
    """The Lynk & Co 900 is no model in "209,900 yuan": read as one, it kept Zeekr's launch
    apart from its own report in Chinese (different models of one group)."""
    assert cluster(
        items(
            "极氪007正式上市 售价20.99万元起",
            "Zeekr's first sedan starts at 209,900 yuan, squarely aimed at the Model 3",
        )
    ) == [[0, 1]]


def test_round_figures_match_precise_ones_but_two_precise_counts_differ() -> None:
    same = cluster(
        items(
            "Xiaomi recalls 116,887 SU7 cars to fix driver-assistance software",
            "Xiaomi recalls over 110,000 SU7 cars over highway assist",
        )
    )
    assert same == [[0, 1]]
    apart = cluster(
        items(
            "Tesla recalls 11,688 Cybertrucks over faulty windshield wiper",
            "Tesla recalls 11,383 Cybertrucks over loose trim panel",
        )
    )
    assert apart == [[0], [1]]


def test_sums_in_one_currency_rule_a_merge_out_and_match_across_languages() -> None:
    def evidence(first: str, second: str) -> tuple[str | None, dict[str, float]]:
        a, b = features_of(items(first, second))
        return conflict(a, b), dict(zip(PAIR_FEATURES, pair_features(a, b), strict=True))

    rounds, _ = evidence(
        "NIO gets $1.1 billion from Abu Dhabi fund CYVN",
        "NIO gets another $2.2 billion from Abu Dhabi's CYVN",
    )
    assert rounds == "different sums"
    why, same = evidence("NIO gets another $2.2 billion from CYVN", "蔚来再获CYVN 22亿美元战略投资")
    assert why is None and same["shared_figure"] == 1.0
    # Another currency is not evidence either way: it may be the same sum converted.
    why, _ = evidence("NIO gets $2.2 billion from CYVN", "蔚来获160亿元战略投资")
    assert why is None
    # A Japanese maker's yen in dollars: outlets convert at their own rates.
    why, _ = evidence(
        "Toyota warns US tariffs will cost it $9.5 billion",
        "Toyota puts tariff hit at $9.7 billion",
    )
    assert why is None
    assert (
        evidence(
            "Ford says tariffs will cost it $1.5 billion", "Ford puts tariff hit at $2 billion"
        )[0]
        == "different sums"
    )
    # Traditional Chinese amounts are read as Simplified ones are (萬, 億; 兆 before money).
    why, same = evidence(
        "Toyota warns US tariffs will cost it $9.5 billion", "豐田警告美國關稅衝擊恐達95億美元"
    )
    assert why is None and same["shared_figure"] == 1.0


def test_a_rival_model_in_the_title_does_not_split_a_story() -> None:
    groups = cluster(
        items(
            "Xiaomi launches SU7 sedan, priced below Tesla Model 3",
            "Xiaomi SU7 launch: orders pour in for the sedan",
        )
    )
    assert groups == [[0, 1]]


def test_stories_of_an_earlier_run_keep_their_members_and_never_merge() -> None:
    titles = (
        "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
        "Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles",
        "Volvo XC70 halfshaft recall: 14,768 cars affected",
    )
    # An earlier run told the first two apart (say, before a fix); they stay two stories, and
    # the newcomer joins one of them.
    groups = cluster(items(*titles), assigned={0: "story-a", 1: "story-b"})
    assert sorted(len(g) for g in groups) == [1, 2]
    assert any(set(g) == {0} or set(g) == {1} for g in groups)
    assert sum(2 in g for g in groups) == 1


def test_the_shipped_pair_model_names_every_feature() -> None:
    model = pair_model()
    assert len(model.weights) == len(PAIR_FEATURES)
    assert 0 < model.threshold < 1 and 0 < model.cohesion < 1
    with pytest.raises(ValueError, match="exactly"):
        parse_pair_model({"bias": 0, "threshold": 0.5, "weights": {"title_cosine": 1.0}})


def test_early_exit_scoring_matches_the_full_pair_model() -> None:
    # cluster() skips pairs with no evidence in common and the dearest features for pairs that
    # cannot reach the threshold; the merges and their scores must be exactly what the fitted
    # model gives on all features to the pairs with evidence.
    model = pair_model()
    features = features_of(inputs(load_rows(DATA / "clusters-holdout2.tsv")))
    score = _scorer(model)
    merging = 0
    for a, b in itertools.combinations(features, 2):
        full = model.score(pair_features(a, b))
        proven = positive(a, b, sum(shared_subject(a, b).values()))
        assert score(a, b) == (full if proven and full >= model.merge_score else None)
        merging += score(a, b) is not None
    assert merging > 50  # the set holds many pairs that merge, and most that do not


def test_a_feeds_series_stays_apart_but_its_reposts_merge() -> None:
    # One feed's items share its boilerplate and series names; no other outlet uses them, so
    # they are no evidence of one event. A re-post of one item (new link) is still one story.
    boilerplate = "Listen to the latest episode of The Charge, our weekly EV show. Subscribe now."
    rows = [
        ("The Charge 212: Tesla's robotaxi plans", boilerplate, "podcast"),
        ("The Charge 213: BYD's European push", boilerplate, "podcast"),
        ("The Charge 214: is hydrogen dead?", boilerplate, "podcast"),
        ("The Morning Drive: Ford recalls Broncos, GM earnings", "Your daily briefing.", "wire"),
        ("The Morning Drive: Toyota output, Rivian layoffs", "Your daily briefing.", "wire"),
        ("Spied: 2027 BMW X5 testing in Sweden", "A camouflaged prototype, caught.", "spy"),
        ("Spied: 2027 BMW X5 testing in Sweden", "A camouflaged prototype, caught.", "spy"),
    ]
    inputs_ = [
        ClusterInput(n, title, summary, None, T0 + timedelta(hours=6 * n), classify(title), feed)
        for n, (title, summary, feed) in enumerate(rows)
    ]
    assert cluster(inputs_) == [[0], [1], [2], [3], [4], [5, 6]]


def test_a_feeds_own_word_for_its_market_still_tells_the_market_apart() -> None:
    """Found by a user: a Taiwanese outlet names Taiwan in each price it reports, so the word
    is its own (no evidence of one story), yet its Model Y price cut is not the China one."""
    rows = [
        ("特斯拉 Model Y 在台降價 10 萬元，起價 179 萬 9900 元", "taiwan"),
        ("Tesla Cuts Model Y Prices in China by 8,000 Yuan", "wire"),
        ("台灣 Toyota 和泰車 RAV4 在台降價 3 萬元", "taiwan"),
        ("裕隆 納智捷 n7 在台交車破萬輛", "taiwan"),
    ]
    inputs_ = [
        ClusterInput(n, title, "", None, T0 + timedelta(hours=n), classify(title), feed)
        for n, (title, feed) in enumerate(rows)
    ]
    assert cluster(inputs_) == [[0], [1], [2], [3]]


def test_a_recall_and_news_of_its_maker_naming_neither_model_nor_figure_stay_apart() -> None:
    """Found by a blind set: an investment in NIO's battery-swap arm joined NIO's recall over
    battery fires (its type unsure, it was taken for the recall's news told another way)."""
    apart = cluster(
        items(
            "NIO recalls 4,803 ES8 SUVs after battery fires",
            "Battery giant to put up to 2.5 billion yuan into NIO's battery-swap arm",
        )
    )
    assert apart == [[0], [1]]
    # A report of the recall's model in other words is still its news.
    together = cluster(
        items(
            "NIO recalls 4,803 ES8 SUVs after battery fires",
            "NIO ES8 battery packs to be replaced free of charge, 4,803 SUVs affected",
        )
    )
    assert together == [[0, 1]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # other companies dealing with one maker's group
        (
            "Samsung SDI Wins Battery Order From Hyundai for 2028 EVs",
            "BYD's FinDreams to supply Blade batteries for Kia's EVs",
        ),
        # other battery chemistries
        (
            "CATL Signs Multi-Year LFP Supply Deal With Tesla, Covering Shanghai and Berlin",
            "Tesla to Use CATL Sodium-Ion Cells in Shanghai-Built Model Y - Report",
        ),
        # other countries
        (
            "BYD's FinDreams to supply Blade batteries for Kia's India-made EVs -sources",
            "BYD's FinDreams Opens Blade Battery Plant in Hungary",
        ),
    ],
)
def test_supplier_news_of_other_companies_chemistries_or_countries_stay_apart(
    first: str, second: str
) -> None:
    """Found by a supply-chain analyst: one battery maker's deals and plants were one story."""
    assert cluster(items(first, second)) == [[0], [1]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a listing, and its shareholder's partnership with its parent
        (
            "阿维塔向港交所递表，长安、华为、宁德时代为主要股东",
            "寧德時代與長安汽車簽署戰略合作 共建換電網路",
        ),
        # one technology's news in two markets (在台: in Taiwan)
        ("交通部：特斯拉FSD在台測試申請尚未核准", "传特斯拉FSD有望年内在中国获批，特斯拉暂未回应"),
    ],
)
def test_a_listing_and_a_partnership_or_one_news_in_two_markets_stay_apart(
    first: str, second: str
) -> None:
    """Trial 34, a Chinese reader: Avatr's IPO joined CATL's partnership with Changan, and a
    rumour of FSD's approval in China Taiwan's decision on its tests."""
    assert cluster(items(first, second)) == [[0], [1]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Nissan in Talks to Sell Yokohama Headquarters, Eyes Foxconn Tie-Up",
            "Nissan to end production at Oppama plant by March 2028",
        ),
        (
            "Ford Recalls 62,000 E-Transit Vans Over Rear Axle Fault",
            "Ford Pro Adds Predictive Maintenance Alerts to E-Transit Telematics",
        ),
    ],
)
def test_news_of_another_site_or_system_of_one_maker_is_another_story(
    first: str, second: str
) -> None:
    """Trial 35: a head office's sale joined the delivered story of a plant's closure in the
    same prefecture, and a van's axle recall its telematics feature: new news under an old
    title."""
    assert cluster(items(first, second)) == [[0], [1]]


def test_two_brands_of_one_group_launching_two_models_are_two_stories() -> None:
    """Trial 34: SAIC's IM LS9 launch and its Shangjie H5 pre-sale (with Huawei) were one story
    on a summary's 车型 ("model": every launch's word), the H5 no model of Shangjie's."""
    rows = [
        ("智己LS9上市，售价33.98万元起，上汽智己最大SUV", "上汽智己LS9正式上市。"),
        ("上汽智己LS9上市：33.98万元起，刘涛称首月目标1万台", "智己LS9推出3款车型。"),
        (
            "上汽与华为合作尚界品牌 首款车H5开启预售16.98万起",
            "上汽集团与华为合作的尚界品牌首款车型开启预售。",
        ),
        ("尚界H5预售16.98万，上汽华为合作首车来了", ""),
    ]
    inputs_ = [
        ClusterInput(n, title, summary, None, T0 + timedelta(hours=n), classify(title, summary))
        for n, (title, summary) in enumerate(rows)
    ]
    assert cluster(inputs_) == [[0, 1], [2, 3]]


def test_a_makers_deal_and_a_draft_rule_of_its_field_are_two_stories() -> None:
    """Trial 34: Horizon Robotics' driver-assist deal with VW joined MIIT's draft standard for
    driver assistance, on the field both name."""
    rows = [
        (
            "地平线与大众汽车集团签署合作协议，为其在华车型提供 HSP 智驾方案",
            "IT之家 12 月 6 日消息，地平线宣布获大众汽车集团智驾定点。",
            "ithome",
        ),
        (
            "Horizon Robotics to supply HSP driver-assist system to Volkswagen in China",
            "The deal covers several VW models built by CARIZON.",
            "cnev",
        ),
        (
            "工信部发布《智能网联汽车组合驾驶辅助系统安全要求》国标征求意见稿",
            "新国标拟规定L2级辅助驾驶的驾驶员监测要求。",
            "kr36",
        ),
    ]
    inputs_ = [
        ClusterInput(
            n, title, summary, None, T0 + timedelta(hours=3 * n), classify(title, summary), feed
        )
        for n, (title, summary, feed) in enumerate(rows)
    ]
    assert cluster(inputs_) == [[0, 1], [2]]


def test_a_price_and_other_news_of_the_maker_in_that_market_are_two_stories() -> None:
    """Trial 34: Tesla's Model Y price cut in Taiwan joined Taiwan's decision on its FSD tests,
    on Taiwan alone. A launch told by its price stays with the launch."""
    assert cluster(
        items(
            "特斯拉台湾Model Y降价10万新台币，售价159.9万新台币起",
            "交通部：特斯拉FSD在台測試申請尚未核准",
        )
    ) == [[0], [1]]
    assert cluster(
        items(
            "Tesla opens its first India showroom in Mumbai",
            "特斯拉印度首家展厅孟买开业 Model Y售价约合人民币50万元",
        )
    ) == [[0, 1]]


def test_denials_of_one_rumour_are_one_story_and_the_rumour_another() -> None:
    """Trial 34: XPeng's denial of a report of job cuts was two stories (a denial naming the
    rumour, 回应裁员传闻, was taken for a deal to come, and another named no subject), and one
    of them joined nothing the rumour had said."""
    denials = [
        "小鹏汽车辟谣：“裁员15%”消息不实，正常人员调整",
        "XPeng denies report it will lay off 15% of workforce",
        "小鹏汽车回应裁员传闻：消息不实，公司仍在招聘",
        "小鵬汽車否認裁員15%傳聞",
    ]
    assert cluster(items(*denials, hours=0.3)) == [[0, 1, 2, 3]]
    assert cluster(items("传小鹏汽车裁员15%", denials[0])) == [[0], [1]]


def test_a_numbered_recall_listing_and_a_deal_told_in_clauses_are_no_briefings() -> None:
    """Trial 36: a regulator's numbered listings ("Recall 26V-812: ...") read as a newsletter's
    numbered issues, and a wire's "...; deal values Nissan at..." as a briefing's list of
    stories: they joined none of the outlets' reports of the same recall and merger terms."""
    rows = [
        (
            "Recall 26V-812: Ford Motor Company - 2025-2026 Ford Explorer - Rear axle horizontal "
            "bolt may fracture (142,310 vehicles)",
            "recalls",
        ),
        (
            "Recall 26V-813: Toyota Motor North America - 2024 Toyota Tundra - Fuel pump may fail "
            "(12,400 vehicles)",
            "recalls",
        ),
        ("Ford recalls 142,310 Explorer SUVs in US over rear axle bolt", "wire"),
        ("Honda, Nissan set merger terms; deal values Nissan at about $12 billion", "wire"),
        ("Honda and Nissan agree merger terms, Nissan valued at $12 billion", "trade"),
    ]
    inputs_ = [
        ClusterInput(n, title, "", None, T0 + timedelta(hours=n), classify(title), feed)
        for n, (title, feed) in enumerate(rows)
    ]
    assert cluster(inputs_) == [[0, 2], [1], [3, 4]]
    # A briefing's clauses of other makers' stories still join nothing.
    assert cluster(items("Ford recalls Broncos; GM beats estimates", "Ford recalls Broncos")) == [
        [0],
        [1],
    ]


def test_news_its_chief_is_named_in_is_not_a_change_of_people() -> None:
    """Trial 36: "Stellantis' new CEO to cut 5,000 jobs in Italy" was read as a change of people
    and kept from the job cuts' other reports: delivered twice. A chief quitting stays apart
    from the slump he quits over."""
    assert cluster(
        items(
            "Stellantis' new CEO to cut 5,000 jobs in Italy",
            "Stellantis to cut 5,000 jobs in Italy",
        )
    ) == [[0, 1]]
    assert cluster(
        items(
            "Tavares resigns as Stellantis CEO amid sales slump",
            "Stellantis sales slump 20% in Europe",
        )
    ) == [[0], [1]]


def test_the_word_for_cars_is_no_subject_two_reports_share() -> None:
    """Trial 34: Chery's November exports joined China's trade-in subsidy on 汽车 alone."""
    assert cluster(
        items(
            "奇瑞集团 11 月销售汽车 28.1 万辆，出口 12.6 万辆创新高",
            "商务部：2027年继续实施汽车以旧换新补贴 报废更新最高补2万元",
        )
    ) == [[0], [1]]


def test_a_plant_told_by_its_country_and_by_its_city_is_one_story() -> None:
    assert cluster(
        items(
            "BYD to build $1 billion plant in Turkey",
            "BYD signs Manisa deal for another European production base",
        )
    ) == [[0, 1]]


@pytest.mark.parametrize(
    "interview",
    [
        "Interview: Why LFP Cells Will Not Replace NMC in Tesla's Cars Soon",
        "对话宁德时代曾毓群：特斯拉的LFP电池供应协议只是开始",
        "宁德时代曾毓群：特斯拉LFP电池供应协议只是开始｜36氪专访",
    ],
)
def test_an_interview_is_not_the_news_it_talks_about(interview: str) -> None:
    assert cluster(
        items("CATL signs multi-year LFP battery supply deal with Tesla", interview)
    ) == [[0], [1]]


def test_a_story_joins_another_only_if_its_members_are_alike_on_average() -> None:
    # Single links chain: 2 is like 1, and 1 like 0, but 2 is nothing like 0. With cohesion
    # 0.35 the pair (1, 2) must carry the mean of the pairs across: (0.0 + p) / 2 >= 0.35.
    features = features_of(items("a", "b", "c"))
    for p, joined in ((0.9, True), (0.6, False)):
        probability = {(0, 1): 0.9, (0, 2): 0.0, (1, 2): p}
        stories = _Stories(features, [None] * 3, lambda x, y, pr=probability: pr[x, y], 0.35)
        stories.join(0, 1)
        stories.join(1, 2)
        assert (stories.groups() == [[0, 1, 2]]) is joined


def test_url_normalisation() -> None:
    assert normalize_url("HTTP://www.Example.com:80/a/amp/?utm_medium=x&id=3&fbclid=1#f") == (
        "https://example.com/a?id=3"
    )
    assert normalize_url("https://m.example.com/story.amp.html") == normalize_url(
        "https://example.com/story.html"
    )


@pytest.mark.parametrize(
    ("name", "precision", "f1"),
    [
        # Regression guards, a little under the shipped model's figures (README, Quality). The
        # pair model is fitted on the first four sets and the tuning thirds of the blind ones
        # (benchmarks/cluster_fit.py); merges need positive evidence, so precision comes first.
        ("clusters.tsv", 0.98, 0.89),
        ("clusters-holdout.tsv", 0.95, 0.72),
        # holdout2: 0.909 -> 0.888 when the classifier's event types left the pair model (they
        # added nothing under cross-validation and moved pairs with every refit of its model).
        # holdout2 0.888 -> 0.915: counts of plants told apart (14 halted / 12 halted).
        ("clusters-holdout2.tsv", 0.90, 0.67),
        ("clusters-feeds.tsv", 0.97, 0.89),
        ("clusters-blind-titles-only-tuning.tsv", 0.90, 0.55),
        ("clusters-blind-stages-tuning.tsv", 0.98, 0.75),
        ("clusters-blind-crosslang-tuning.tsv", 0.98, 0.94),
        ("clusters-blind-real-tuning.tsv", 0.98, 0.88),
        ("clusters-blind-real2-tuning.tsv", 0.98, 0.79),
        # Never fitted on, errors never read: clusters-holdout3.tsv and the held-back thirds of
        # the blind sets.
        ("clusters-holdout3.tsv", 0.97, 0.80),
        # 0.532 -> 0.513 (stop 31): one pair lost when a recall and its maker's news of an
        # unsure type naming neither its model nor a figure of it stay apart (NIO's recall /
        # CATL's investment in NIO's battery-swap arm); its errors are not read, so it stays.
        ("clusters-blind-titles-only-heldback.tsv", 0.98, 0.51),
        ("clusters-blind-stages-heldback.tsv", 0.98, 0.80),
        ("clusters-blind-crosslang-heldback.tsv", 0.98, 0.94),
        ("clusters-blind-real-heldback.tsv", 0.98, 0.86),
        # real2-heldback 0.949 -> 0.925: one more false merge after the maker knowledge of stop
        # 20 (about 400 Chinese names and models); its errors are not read, so it stays.
        ("clusters-blind-real2-heldback.tsv", 0.92, 0.80),
        # real3 (stop 20): at first contact 1.000 / 0.475 / 0.644 (tuning), 1.000 / 0.595 / 0.746.
        ("clusters-blind-real3-tuning.tsv", 0.98, 0.62),
        ("clusters-blind-real3-heldback.tsv", 0.98, 0.72),
        # real4 (stop 22): at first contact 0.894 / 0.684 / 0.775 (tuning), 1.000 / 0.786 / 0.880.
        ("clusters-blind-real4-tuning.tsv", 0.98, 0.78),
        ("clusters-blind-real4-heldback.tsv", 0.98, 0.85),
        # real5 (stop 22): at first contact 1.000 / 0.362 / 0.532 (tuning), 1.000 / 0.507 / 0.673.
        ("clusters-blind-real5-tuning.tsv", 0.98, 0.70),
        ("clusters-blind-real5-heldback.tsv", 0.98, 0.85),
        # titles-only2 (stop 24): at first contact 0.821 / 0.283 / 0.421 (tuning), 1.000 / 0.433
        # / 0.605 (held back).
        ("clusters-blind-titles-only2-tuning.tsv", 0.96, 0.50),
        ("clusters-blind-titles-only2-heldback.tsv", 0.98, 0.58),
        # titles-only3 (stop 25): at first contact 0.941 / 0.566 / 0.707 (tuning), 1.000 / 0.455
        # / 0.625 (held back).
        ("clusters-blind-titles-only3-tuning.tsv", 0.93, 0.70),
        ("clusters-blind-titles-only3-heldback.tsv", 0.98, 0.60),
        # titles-only4 (stop 27): at first contact 0.885 / 0.529 / 0.663 (tuning), 0.870 /
        # 0.444 / 0.588 (held back).
        ("clusters-blind-titles-only4-tuning.tsv", 0.88, 0.66),
        # 0.597 -> 0.576 (stop 30): one pair lost when a car feed's item its words show to be
        # about something else ("Fed holds rates", a tech firm's news) stays out of car stories
        # (trial 32); its errors are not read, so it stays.
        # 0.576 -> 0.554 (stop 31): one pair, with trial 34's Chinese non-maker phrases (零跑步也能,
        # 奔驰的骏马, 比亚迪电子...); its errors are not read, so it stays.
        ("clusters-blind-titles-only4-heldback.tsv", 0.86, 0.55),
    ],
)
def test_quality_on_the_labelled_sets_does_not_regress(
    name: str, precision: float, f1: float
) -> None:
    score = evaluate(load_rows(DATA / name))
    figures = f"{name}: pairwise P {score.precision:.3f}, R {score.recall:.3f}, F1 {score.f1:.3f}"
    assert score.precision >= precision and score.f1 >= f1, figures


def test_world_stories_of_an_earlier_run_never_merge_and_one_title_spans_two_windows() -> None:
    # Two feeds that are not car feeds, one title: an earlier run told the two reports apart
    # (the second came after the first had left the window); a new item anywhere does not join
    # them now.
    title = "Jesse Jackson, civil rights leader and presidential hopeful, dies at 84"
    first = ClusterInput(1, title, "", None, T0, NOT_CARS, "world-x")
    second = ClusterInput(2, title, "", None, T0 + timedelta(hours=50), NOT_CARS, "world-y")
    new = ClusterInput(
        9,
        "Peru's Congress votes to impeach President Jose Jeri",
        "",
        None,
        T0 + timedelta(hours=51),
        NOT_CARS,
        "world-x",
    )
    stories = cluster([first, second, new], assigned={1: "s1", 2: "s2"})
    assert [1] in stories and [2] in stories
    # A title two wires repeat every 60 hours is a column: a story spans two windows at most.
    column = "Your daily horoscope for every zodiac sign, read it here"
    repeats = [
        ClusterInput(n, column, "", None, T0 + timedelta(hours=60 * n), NOT_CARS, f"wire{n % 2}")
        for n in range(6)
    ]
    found = cluster(repeats)
    assert max(len(story) for story in found) <= 3


def test_explain_weighs_an_earlier_runs_join_as_the_clustering_would() -> None:
    # Two items an earlier run put in one story that share nothing: the explanation says so and
    # gives the pair the probability the clustering would (with nothing proven, far below 0.5).
    from autonews.cluster.explain import explain

    pair = [
        ClusterInput(
            0,
            "Toyota recalls 50,000 Camry sedans over faulty airbags",
            "",
            None,
            T0,
            classify("Toyota recalls 50,000 Camry sedans over faulty airbags"),
            "cars",
        ),
        ClusterInput(
            1,
            "Toyota names new head of its European business",
            "",
            None,
            T0 + timedelta(hours=3),
            classify("Toyota names new head of its European business"),
            "cars",
        ),
    ]
    (merge,) = explain(pair, {0, 1}).merges
    assert merge.how == "earlier run"
    assert "unproven" in {e.name for e in merge.evidence}
    assert merge.probability is not None and merge.probability < 0.5
