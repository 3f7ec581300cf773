"""Car relevance and one standard of evidence for makers: real mixed feeds, titles with their
summaries, Traditional Chinese, models and figures, and the classifier's properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autonews.classify import Classifier, classify
from autonews.evaluation.classify import Report, evaluate, load_labels, score_row
from autonews.evaluation.relevance import load
from autonews.models import Event
from tests.helpers.paths import DATA, SHARED

FEEDS200 = SHARED / "corpora" / "feeds200"


def makers(title: str, summary: str = "") -> list[str]:
    return [m.name for m in classify(title, summary).makers]


@pytest.mark.skipif(not FEEDS200.is_dir(), reason="needs ../shared/corpora/feeds200")
def test_real_general_feeds_give_makers_only_to_car_stories() -> None:
    """463 labelled items of 200 real feeds (world news, tech blogs, game status, a few car
    stories): items that are not about cars get no maker, car stories keep theirs."""
    report = Report()
    classifier = Classifier()
    for _, row in load(DATA / "feeds200-relevance.tsv", FEEDS200):
        score_row(row, classifier.classify(row.title, row.summary), report)
    detail = "\n".join(report.errors)
    assert report.maker_precision >= 0.95, detail
    assert report.maker_recall >= 0.75, detail
    assert report.relevance_precision >= 0.8, detail
    assert report.relevance_recall >= 0.75, detail


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("The AI Paradox", "Learn the hard way: a class of students asks better questions."),
        ("Fun with Nuget", "The package provides a class to convert a DataTable to objects."),
        (".DS_Store Auto-removal", "A script that deletes the files macOS leaves everywhere."),
        ("General MIDI Synth Update", "GM sounds for the synth, with a new reverb."),
        ("By: Brett Bentley-Leek", "A short essay on gardening."),
        ("12 Questions On Camping", "Im often asked what to pack for a weekend in the woods."),
        ("AION Classic returns", "The MMORPG opens a new server this week."),
        ("Genesis: A Book Review", "Genesis: A Book Review of the Old Testament's First Chapter"),
        ("Counter-Strike Nexon", "Nexon publishes the shooter in Korea."),
        ("Increasing water resistance of the Xiaomi MI 365", "My electric scooter, waterproofed."),
    ],
)
def test_namesakes_in_general_feeds_are_not_makers(title: str, summary: str) -> None:
    result = classify(title, summary)
    assert result.makers == ()
    assert not result.automotive
    assert result.event is Event.OTHER


def test_a_maker_only_in_the_summary_must_be_its_subject() -> None:
    passing = "Police say there is no concrete threat. Elsewhere, Mercedes-Benz profit halved."
    assert makers("Carnival security threat level remains high", passing) == []
    subject = "Tesla's German factory is pressing charges against a union member in a car plant."
    assert makers("Union fight at the Berlin factory", subject) == ["Tesla"]


def test_the_reasons_name_the_text_that_decided() -> None:
    result = classify(
        "Union fight at the Berlin factory",
        "Tesla's German factory is pressing charges against a union member in a car plant.",
        explain=True,
    )
    assert any("summary/body" in reason for reason in result.reasons)
    assert any(reason.startswith("automotive:") for reason in result.reasons)


def test_car_news_keeps_its_makers_with_or_without_a_summary() -> None:
    title = "Ford Recalls 14,768 Broncos Over Loose Trim"
    assert makers(title) == ["Ford"]
    assert makers(title, "The recall covers SUVs built last year.") == ["Ford"]


def test_a_terse_headline_of_a_car_feed_is_car_news() -> None:
    title = "What we learned this week"
    assert not classify(title, "Notes from the office.").automotive
    assert Classifier().classify(title, "Notes from the office.", car_feed=True).automotive


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Jaguar Attacks Tourist in Brazilian Pantanal", "A wild jaguar attacked a tourist."),
        ("Harrison Ford Returns for One More Film", ""),
    ],
)
def test_a_brand_name_its_words_show_to_be_something_else_is_no_car_news_in_a_car_feed(
    title: str, summary: str
) -> None:
    """A car feed's terse headline counts as car news, but not one whose own words say its
    brand name is an animal or an actor: that is news of them, kept out of the digest."""
    result = Classifier().classify(title, summary, car_feed=True, explain=True)
    assert not result.automotive and not result.makers
    assert any("is not the brand here" in reason for reason in result.reasons)
    # A brand name merely without evidence of its own is still the car feed's news.
    assert (
        Classifier()
        .classify("Xiaomi numbers are in", "A look at the quarter.", car_feed=True)
        .automotive
    )


@pytest.mark.parametrize(
    ("title", "why"),
    [
        ("Fed holds rates steady, signals one more cut this year", "'Fed' says"),
        ("国足1:0战胜印尼 保留出线希望", "'国足' says"),
        ("荣耀Magic8发布 首发骁龙8至尊版", "'骁龙' says"),
        ("Apple in talks to buy Perplexity AI, sources say", "the news of Apple (tech)"),
    ],
)
def test_a_car_feeds_item_about_another_field_is_no_car_news(title: str, why: str) -> None:
    """Trial 32: a wire or a tech site about half car news is read as a car feed, and its
    football scores, rate decisions, phone launches and tech deals were car news."""
    result = Classifier().classify(title, car_feed=True, explain=True)
    assert not result.automotive and result.event is Event.OTHER
    assert any(why in reason for reason in result.reasons)
    # A maker named, even one the title alone cannot prove, keeps the feed's benefit of doubt.
    assert Classifier().classify("Nvidia wins Thor chip deal from Xiaomi", car_feed=True).automotive


@pytest.mark.parametrize(
    "title",
    [
        "Chevy Chase to Host the Oscars Next March",
        "Mercedes Sosa Documentary Wins Audience Award in Berlin",
        "Horror Writer Bentley Little Tops Charts With New Novel",
        "Art dealer Marcus Benz to auction Bauhaus collection at Christie's",
        "马拉松选手在雨中奔驰42公里 打破赛会纪录",
        "小米17 Ultra销量破百万",
        "Musk's xAI Raises $20 Billion at a $230 Billion Valuation",
        "Ram Shot Dead by Hunters Sparks Outrage in Scotland",
    ],
)
def test_people_phones_and_words_named_like_brands_are_not_makers(title: str) -> None:
    """Trial 32's general feeds: a comedian, a singer, a novelist, an art dealer, running in
    the rain, a phone, Musk's other company, an animal."""
    assert classify(title).makers == ()


@pytest.mark.parametrize(
    "title",
    [
        "零跑步也能减脂？专家：快走 30 分钟效果不输慢跑",
        "奔驰的骏马与静默的山：一位新疆摄影师的十年",
        "都说8是吉利的数字，这家店开业选在8月8日",
        "AI 越强，我们越要追问界限在哪里",
        "比亚迪电子：拟收购捷普新加坡旗下移动电子业务，苹果供应链再扩张",
        "东风夜放花千树：“宋韵”灯会",
        "冷空气携东风来袭，江南多地气温骤降 10℃",
        "小米17的背屏到底有什么用？",
    ],
)
def test_chinese_words_holding_a_brand_name_are_no_car_news_even_in_a_car_feed(title: str) -> None:
    """Trial 34, a Chinese reader's feeds: jogging (零跑步), a galloping horse, a lucky number,
    asking where limits are (追问界限), BYD's phone-parts arm, a poem's and the weather's east
    wind, Xiaomi's phone."""
    for car_feed in (False, True):
        result = Classifier().classify(title, car_feed=car_feed)
        assert not result.makers and not result.automotive, (title, car_feed)


@pytest.mark.parametrize(
    "title",
    [
        "A股收评：沪指涨0.8%",
        "台電：今冬備轉容量率充足",
        "AI芯片公司“摩尔线程”科创板上市",
        "DeepSeek V4开源首日下载量破百万",
        "中芯国际 7nm 产能扩充",
        "《原神》6.3 版本前瞻：新角色“长安”登场",
        "未来已来：AI 眼镜大战打响，小米、雷鸟、Rokid 同日发新品",
    ],
)
def test_a_chinese_tech_feeds_items_of_other_fields_are_no_car_news(title: str) -> None:
    """Trial 34: IT之家, half car news, read as a car feed on one day, made the weather, a
    chip foundry, a game and AI glasses new car stories."""
    result = Classifier().classify(title, car_feed=True)
    assert not result.automotive and not result.makers


@pytest.mark.parametrize(
    "title",
    [
        "Oil prices edge higher as OPEC+ meeting looms",
        "Netflix to raise prices in US again",
        "Gold hits record above $4,300 an ounce",
        "Tesco raises profit outlook as sales grow",
        "US mortgage rates fall to 6%",
        "Kering shares slump as Gucci sales fall",
        "UK retail sales rise 0.5% in November",
        "Heathrow passenger numbers hit record",
        "Unilever to cut 7,500 jobs",
        # Trial 41's UK business feed, half about cars on its first day.
        "Ryanair cuts winter flights from regional airports",
        "Thames Water creditors back rescue plan",
        "Sainsbury's to close 20 in-store cafes",
        "Greggs boss Roisin Currie to step down",
        "Post Office compensation payments to be sped up",
        "UK economy shrank by 0.1% in October",
        "Wage growth slows to 4.2%",
        "John Lewis to cut 1,000 head office jobs",
        "Pound falls against dollar after weak growth figures",
        "Black Friday sales disappoint retailers",
        "EasyJet profits soar on holiday demand",
        "BT to cut 5,000 more jobs",
    ],
)
def test_a_business_feeds_items_of_other_trades_are_no_car_news(title: str) -> None:
    """Trial 36: a business feed mostly about cars put oil, gold, Netflix and Tesco under
    "Industry" as car news."""
    result = Classifier().classify(title, car_feed=True)
    assert not result.automotive and result.event is Event.OTHER


def test_a_chinese_model_written_with_its_code_is_car_news_whatever_the_summary_repeats() -> None:
    """Trial 34: 理想i6 in the title was weak evidence (a bare model name), and a summary
    telling the same deliveries again "said nothing about cars"."""
    result = classify("理想i6开启交付，订单超5万台", "理想i6今日在全国开启交付。")
    assert result.automotive and [m.name for m in result.makers] == ["Li Auto"]


def test_supplier_news_in_chinese_is_car_news_as_in_english() -> None:
    """Trial 32: Taiwan's 車用晶片 (car chips) was no car word, 均勝 no Joyson, and a page whose
    text only repeats its headline hid CATL's results as "says nothing about cars"."""
    assert classify("台積電德勒斯登車用晶片廠動土").automotive
    recall = classify("均勝召回120萬顆安全氣囊")
    assert [company.name for company in recall.companies] == ["Joyson"]
    profit = "宁德时代三季度净利润同比增长41%"
    assert classify(profit, profit, profit + "。").automotive


def test_phone_news_of_a_maker_that_also_makes_phones_is_not_car_news() -> None:
    """Trial 28: Xiaomi's phone sales (a broad Chinese sales word, 销量, beside 手机) were car
    news with "10,000,000 vehicles", even more so in a car feed. A brand that means nothing
    but cars keeps its news beside a phone ("charges faster than a phone")."""
    phones = "雷军：小米15系列手机全球销量突破1000万台"
    for car_feed in (False, True):
        result = Classifier().classify(phones, "小米手机业务继续增长。", car_feed=car_feed)
        assert not result.automotive and not result.makers
    assert makers("充电比手机快的比亚迪，又遥遥领先了") == ["BYD"]
    assert makers("小米汽车交付量突破10万台") == ["Xiaomi"]


@pytest.mark.parametrize(
    "title",
    [
        "Kia ora: New Zealand welcomes record tourists",
        "Hyundai Heavy wins LNG tanker order",
        "BYD Electronic profit rises on Apple orders",
        "Polestar Capital raises $500 million",
        "Honda Classic golf tournament renamed",
        "Bentley University raises tuition by 4%",
        "Fiat money debate returns as gold hits record",
        "Audi Field hosts MLS Cup",
        "Ford v Ferrari director James Mangold signs new deal",
    ],
)
def test_everyday_phrases_holding_a_brand_name_are_no_car_news(title: str) -> None:
    """Trial 29: a news desk's business and world feeds filed a Maori greeting under Kia, a
    shipbuilder under Hyundai, a phone-parts maker under BYD, a hedge fund under Polestar."""
    result = classify(title)
    assert not result.makers and not result.automotive


def test_the_brand_beside_those_phrases_keeps_its_news() -> None:
    assert makers("Hyundai heavy-duty hydrogen truck enters Europe") == ["Hyundai"]
    assert makers("Kia recalls 10,000 EV6 crossovers") == ["Kia"]
    assert makers("BYD profit rises 30% on EV sales") == ["BYD"]


def test_genesis_the_book_is_not_the_brand_even_in_a_car_feed() -> None:
    """Trial 28: "Genesis: A Book Review" of a car feed sat under Industry as car news."""
    result = Classifier().classify("Genesis: A Book Review", car_feed=True)
    assert not result.automotive and not result.makers
    assert makers("Genesis GV80 Review: A Luxury SUV That Books Few Compromises") == ["Genesis"]


def test_the_seed_lead_is_restructuring_with_its_model() -> None:
    result = classify(
        "Xiaomi Auto Eliminates Dedicated SU7 Ultra Sales Team, Opens Sales to All Store Staff"
    )
    assert result.event is Event.RESTRUCTURING
    assert [m.name for m in result.makers] == ["Xiaomi"]
    assert [(m.name, m.maker) for m in result.models] == [("SU7 Ultra", "Xiaomi")]
    assert result.figures == ()


@pytest.mark.parametrize(
    "title",
    ["Tesla Model 4 Gets New Seats", "Apple iPhone 5 Launches in China", "Version 2 Arrives"],
)
def test_numbers_in_names_are_not_figures(title: str) -> None:
    assert classify(title).figures == ()


def test_figures_are_numbers_with_units() -> None:
    figure = classify("Volvo Recalls 14,768 XC70s Over Halfshaft Risk").figures[0]
    assert (figure.kind, figure.value, figure.unit) == ("units", 14768.0, "vehicles")


@pytest.mark.parametrize(
    ("title", "figure"),
    [
        ("Xiaomi recalls 116,887 SU7 sedans", ("116,887 SU7 sedans", 116887, "vehicles")),
        ("Tesla Recalls 9,999 Cybertrucks", ("9,999 Cybertrucks", 9999, "vehicles")),
        ("Ford Recalls 14,768 Broncos Over Loose Trim", ("14,768 Broncos", 14768, "vehicles")),
        ("Toyota sells 480,186 Vehicles in November", ("480,186 Vehicles", 480186, "vehicles")),
        ("比亚迪召回4,012輛汉EV", ("4,012輛", 4012, "vehicles")),
        ("BYD Cuts Prices on 22 Models", ("22 Models", 22, "models")),
        ("VW to Cut 35,000 Jobs in Germany", ("35,000 Jobs", 35000, "jobs")),
        ("问界M9 2026款正式上市 售价46.98万元起", ("46.98万元起", 469800, "CNY")),  # from
        ("Tesla Raises $2.2 Billion in Bonds", ("$2.2 Billion", 2_200_000_000, "USD")),
        ("鴻海電動車Model C在台開賣 售價99.9萬元", ("99.9萬元", 999000, "TWD")),
        ("小米汽車售價人民幣21.59萬元", ("21.59萬元", 215900, "CNY")),
    ],
)
def test_figures_count_in_one_vocabulary_with_exact_values(
    title: str, figure: tuple[str, int, str]
) -> None:
    """Trial 28: a script summing recalled vehicles found units "SU7", "Cybertrucks", "Vehicles"
    beside "vehicles", 46.98万元 was 469799.99999999994, and a Taiwanese price was in yuan."""
    (found,) = classify(title).figures
    assert (found.text, found.value, found.unit) == figure


def test_traditional_chinese_reads_like_simplified() -> None:
    assert makers("比亞迪電動車銷量首度超越Tesla 去年賣225萬輛") == ["BYD", "Tesla"]
    assert classify("豐田宣布召回美國100萬輛汽車").event is Event.RECALL
    assert makers("豐田宣布召回美國100萬輛汽車") == ["Toyota"]


def test_chiefs_stand_for_their_brand_as_the_subject() -> None:
    assert makers("丰田章男：我不会辞去董事长职务") == ["Toyota"]
    assert makers("Musk says he is bored") == []  # Musk runs other companies too


@pytest.mark.parametrize(
    ("name", "maker_f1"),
    [
        ("real-headlines-en-heldback.tsv", 0.95),
        ("real-headlines-en2-heldback.tsv", 0.9),
        ("real-headlines-zh-heldback.tsv", 0.85),
    ],
)
def test_held_back_real_headlines_meet_the_bar(name: str, maker_f1: float) -> None:
    """Real headlines from real outlets, never tuned on: makers hold, events above the keyword
    rules' 0.55-0.72 on these sets (0.70-0.78 measured). Only the scores are reported: the
    errors of a held-back set are not read."""
    report = evaluate(load_labels(DATA / name))
    f1, events = report.maker_f1, report.event_accuracy  # numbers only: no error is shown
    assert f1 >= maker_f1, f"maker F1 {f1:.3f}"
    assert events >= 0.68, f"event accuracy {events:.3f}"


_WORDS = st.sampled_from(
    "Volvo recalls Tesla class a Genesis book review Ford car EV 比亚迪 召回 豐田 "
    "Xiaomi scooter phone SU7 Ultra 5 Gets Im often asked DS Store GM MIDI Bentley-Leek "
    "Nexon game the . , : ?".split()
)


def _letters(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.lists(_WORDS, max_size=30), st.lists(_WORDS, max_size=30))
def test_with_summary_and_body_never_raises_and_is_consistent(
    title: list[str], summary: list[str], body: list[str]
) -> None:
    text, more, article = " ".join(title), " ".join(summary), " ".join(body)
    first = classify(text, more, article)
    assert classify(text, more, article) == first  # deterministic
    if not first.automotive:
        assert first.makers == ()
        # A summary or body that only repeats the title says nothing more: the title decides.
        if any(_letters(extra) != _letters(text) for extra in (more, article) if extra):
            assert first.event is Event.OTHER
    assert len({m.name for m in first.makers}) == len(first.makers)
    assert all(model.maker in {m.name for m in first.makers} for model in first.models)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=400))
def test_any_text_never_raises(title: str, summary: str) -> None:
    result = classify(title, summary, summary)
    assert result.event in Event


@pytest.mark.parametrize(
    "title",
    [
        "Takata adds 3.3 million air bag inflators to massive recall",
        "How Apple CarPlay will be less annoying with iOS 26",
        "EU combustion ban under fire",
        "见证历史：电车销量反超油车",
        "一季度动力电池装机量，有哪些亮点？",
    ],
)
def test_car_industry_words_without_a_maker_say_a_headline_is_about_cars(title: str) -> None:
    assert classify(title).automotive


@pytest.mark.parametrize(
    "title",
    [
        "Budget 2026: Chancellor freezes fuel duty for another year",
        "Petrol prices fall to lowest level in three years, says RAC",
        "Diesel prices rise at the pump for a third week",
        "Shell to sell UK petrol forecourts",
        "Ionity cuts rapid charging prices for subscribers",
        "Councils to install 10,000 more on-street chargepoints",
        "Ayvens to raise contract hire rates on diesel vans from January",
        "Light commercial vehicle registrations fall 8% in November",
        "Ayvens appoints new managing director for UK & Ireland",
    ],
)
def test_what_running_a_fleet_costs_is_car_news(title: str) -> None:
    """Trial 41 #8: fuel duty, petrol and diesel prices, EV charging prices, a lessor's news and
    its van rates matter to the car industry's readers; they were hidden as not about cars.
    Only compounds say it: "fuel prices" are an airline's too, "vans" a brand of shoes."""
    assert classify(title).automotive, title


@pytest.mark.parametrize(
    "title",
    [
        "Ryanair warns higher fuel prices will push up fares",
        "Vans owner VF Corp to sell Dickies brand",
        "Virgil van Dijk signs new Liverpool contract",
        "Household gas prices to fall in April",
    ],
)
def test_fuel_and_vans_alone_say_no_cars(title: str) -> None:
    assert not classify(title).automotive, title
