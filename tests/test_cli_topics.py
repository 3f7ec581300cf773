"""Through the real CLI: mixed feeds show car stories, count the rest and show them with
--all-topics; classify and digest agree; models and --model; the reader's language."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss, serve_titles

CAR = "Volvo Recalls 14,768 XC70s Over Halfshaft Risk"
CAR_SUMMARY = "Volvo is recalling 14,768 plug-in XC70 cars built in China."
LEAD = "Xiaomi Auto Eliminates Dedicated SU7 Ultra Sales Team, Opens Sales to All Store Staff"
NOT_CARS = [
    ("The AI Paradox", "Learn the hard way: a class of students asks the better questions."),
    ("General MIDI Synth Update", "GM sounds for the synth, and a new reverb."),
    ("Genesis: A Book Review", "Genesis: A Book Review of the Old Testament's First Chapter."),
]


def mixed_feed(httpserver: HTTPServer) -> str:
    items = [item(CAR, 1, description=CAR_SUMMARY), item(LEAD, 2, hours_ago=2)]
    items += [
        item(title, n, hours_ago=3, description=summary)
        for n, (title, summary) in enumerate(NOT_CARS, 3)
    ]
    httpserver.expect_request("/mixed").respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return httpserver.url_for("/mixed")


def test_a_mixed_feed_shows_car_stories_and_counts_the_rest(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    url = mixed_feed(httpserver)
    result = cli("digest", "--feed", url, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    document = result.json()
    validate_digest(document)
    assert document["schema_version"] == 9
    titles = {story["title"] for story in document["stories"]}
    assert titles == {CAR, LEAD}
    assert all(story["automotive"] for story in document["stories"])
    assert document["not_about_cars"] == 3
    lead = next(s for s in document["stories"] if s["title"] == LEAD)
    assert lead["event"] == "restructuring"
    assert lead["models"] == [{"name": "SU7 Ultra", "maker": "Xiaomi"}]
    assert lead["figures"] == []

    text = cli("digest", "--feed", url, "--offline", "--format", "text").out
    assert "3 stories not about cars; --all-topics shows them" in text
    assert "The AI Paradox" not in text


def test_all_topics_adds_other_news_last(
    cli, home: Path, httpserver: HTTPServer, validate_digest
) -> None:
    url = mixed_feed(httpserver)
    result = cli("digest", "--feed", url, "--no-extract", "--format", "json", "--all-topics")
    document = result.json()
    validate_digest(document)
    assert document["not_about_cars"] == 0
    last = document["groups"][-1]
    assert (last["key"], last["kind"]) == ("Other news", "other")
    others = [s for s in document["stories"] if s["id"] in last["story_ids"]]
    assert {s["title"] for s in others} == {title for title, _ in NOT_CARS}
    assert all(not s["automotive"] and not s["makers"] and s["event"] == "other" for s in others)
    assert document["lead_id"] not in last["story_ids"]
    text = cli("digest", "--feed", url, "--offline", "--format", "text", "--all-topics").out
    assert text.index("== Other news") > text.index("Volvo")


def test_all_topics_from_the_config(cli, home: Path, httpserver: HTTPServer) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text("[digest]\nall_topics = true\n")
    url = mixed_feed(httpserver)
    document = cli("digest", "--feed", url, "--no-extract", "--format", "json").json()
    assert document["groups"][-1]["key"] == "Other news"


def test_classify_and_digest_agree(cli, home: Path, httpserver: HTTPServer) -> None:
    url = mixed_feed(httpserver)
    document = cli("digest", "--feed", url, "--no-extract", "--format", "json", "--all-topics")
    stories = {s["title"]: s for s in document.json()["stories"]}
    lines = [json.dumps({"title": CAR, "summary": CAR_SUMMARY})]
    lines += [json.dumps({"title": t, "summary": s}) for t, s in NOT_CARS]
    result = cli("classify", "--format", "jsonl", stdin="\n".join(lines) + "\n")
    assert result.code == 0, result.err
    for record in map(json.loads, result.out.splitlines()):
        story = stories[record["title"]]
        for key in ("makers", "event", "automotive", "models"):
            assert record[key] == story[key], (record["title"], key)
    genesis = cli("classify", "Genesis: A Book Review", "--summary", NOT_CARS[2][1], "--explain")
    assert "makers: -" in genesis.out
    assert "about cars: no" in genesis.out
    assert "why: not about cars" in genesis.out


def test_classify_rejects_a_bad_jsonl_line(cli) -> None:
    result = cli("classify", stdin='{"summary": "no title"}\n')
    assert result.code == ExitStatus.USAGE
    assert "line 1" in result.err


def test_model_filter(cli, home: Path, httpserver: HTTPServer) -> None:
    url = mixed_feed(httpserver)
    result = cli("digest", "--feed", url, "--no-extract", "-f", "json", "--model", "su7 ultra")
    assert [s["title"] for s in result.json()["stories"]] == [LEAD]
    unknown = cli("digest", "--feed", url, "--no-extract", "--model", "SU8 Ultra")
    assert unknown.code == ExitStatus.USAGE
    assert "SU7 Ultra" in unknown.err  # the close match


def test_the_story_title_is_in_the_readers_language(
    cli, home: Path, httpserver: HTTPServer, monkeypatch
) -> None:
    english = "Volvo Recalls 14,768 XC70 Plug-in Hybrids in China Over Halfshaft Nut"
    chinese = "沃尔沃召回14768辆国产XC70插电混动车 左后半轴螺母隐患"
    for path, title, n in (("/en1", english, 1), ("/en2", english + " (Update)", 2)):
        httpserver.expect_request(path).respond_with_data(
            rss([item(title, n)]), content_type="application/rss+xml"
        )
    httpserver.expect_request("/zh").respond_with_data(
        rss([item(chinese, 3)]), content_type="application/rss+xml"
    )
    feeds = [arg for p in ("/en1", "/en2", "/zh") for arg in ("--feed", httpserver.url_for(p))]
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    stories = cli("digest", *feeds, "--no-extract", "--format", "json").json()["stories"]
    assert len(stories) == 1 and stories[0]["cluster_size"] == 3
    assert stories[0]["title"].startswith("Volvo Recalls")
    monkeypatch.setenv("AUTONEWS_DIGEST_LANGUAGE", "zh")
    stories = cli("digest", *feeds, "--offline", "--format", "json").json()["stories"]
    assert stories[0]["title"] == chinese
    # The flag wins over the environment; a reader in Taiwan reads Traditional characters.
    english_again = cli("digest", *feeds, "--offline", "-f", "json", "--language", "en")
    assert english_again.json()["stories"][0]["title"].startswith("Volvo Recalls")
    taiwan = cli("digest", *feeds, "--offline", "-f", "json", "--language", "zh-TW").json()
    assert taiwan["stories"][0]["title"] == "沃爾沃召回14768輛國產XC70插電混動車 左後半軸螺母隱患"
    french = cli("digest", *feeds, "--offline", "--language", "fr")
    assert french.code == ExitStatus.USAGE and "--language: 'fr' is not en or zh" in french.err


def test_a_traditional_reader_gets_the_taiwanese_outlets_title_as_written(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 28: with --language zh-TW the Xiaomi recall was told by the Simplified title
    converted (軟件, mainland usage) though a Taiwanese outlet wrote its own (軟體), and text
    already in Traditional characters was converted again (台灣 -> 臺灣, 公布 -> 公佈)."""
    traditional = "小米汽車召回116,887輛SU7 輔助駕駛軟體有瑕疵"
    simplified = "小米汽车召回116887辆SU7 因辅助驾驶软件缺陷"
    taiwan_only = "特斯拉Model Y在台灣召回4,012輛 後座安全帶有瑕疵"
    feeds = {
        "/en": [item("Xiaomi Recalls 116,887 SU7 Sedans Over Assisted-Driving Software Flaw", 1)],
        "/cn": [item(simplified, 2, description="小米汽车将通过OTA升级为召回车辆免费修复。")],
        "/tw": [
            item(traditional, 3, description="中國市場監管總局表示，小米將以遠端升級免費修復。"),
            item(taiwan_only, 4, hours_ago=3, description="交通部公路局公布最新召回資訊。"),
        ],
    }
    args: list[str] = []
    for path, items in feeds.items():
        httpserver.expect_request(path).respond_with_data(
            rss(items), content_type="application/rss+xml"
        )
        args += ["--feed", httpserver.url_for(path)]
    assert cli("digest", *args, "--no-extract", "--format", "json").code == 0

    def told(language: str) -> dict[str, dict[str, object]]:
        digest = cli("digest", *args, "--offline", "-f", "json", "--language", language).json()
        return {str(s["title"]): s for s in digest["stories"]}

    taiwan = told("zh-TW")
    assert set(taiwan) == {traditional, taiwan_only}  # as the Taiwanese outlet wrote them
    assert taiwan[traditional]["cluster_size"] == 3
    assert taiwan[taiwan_only]["summary"] == "交通部公路局公布最新召回資訊。"
    hong_kong = told("zh-HK")
    assert set(hong_kong) == {traditional, taiwan_only}
    # A reader of Simplified Chinese gets the Simplified outlet's title; a story only a
    # Traditional outlet tells keeps its title as written.
    assert set(told("zh")) == {simplified, taiwan_only}

    # HTML says which language and script its text is in (browsers pick CJK glyphs by it).
    def html(language: str) -> str:
        return cli("digest", *args, "--offline", "-f", "html", "--language", language).out

    taiwanese = html("zh-TW")
    assert '<html lang="zh-Hant">' in taiwanese
    assert f'lang="zh-Hans" style="color:#0b4f8a">{simplified}</a>' in taiwanese  # a source
    assert taiwanese.count(' lang="') == 3  # the page, the sources in Simplified and English
    english = html("en")
    assert '<html lang="en">' in english
    assert ' lang="zh-Hant" style="color:#0b4f8a;font-weight:bold;' in english  # 台灣 story
    assert f'lang="zh-Hant" style="color:#0b4f8a">{traditional}</a>' in english  # a source
    assert '<html lang="zh-Hans">' in html("zh")


def test_limit_counts_other_news_too(cli, home: Path, httpserver: HTTPServer) -> None:
    url = mixed_feed(httpserver)
    args = ("digest", "--feed", url, "--no-extract", "--format", "json", "--all-topics")
    for limit, cars, others in ((2, 2, 0), (3, 2, 1), (9, 2, 3)):
        stories = cli(*args, "--limit", str(limit)).json()["stories"]
        assert len(stories) == cars + others, limit  # at most N stories in all
        assert [s["automotive"] for s in stories] == [True] * cars + [False] * others


def _member(n: int, title: str, event: str, confidence: float, automotive: bool):
    from datetime import UTC, datetime

    from autonews.models import Classification, Event, Item, MakerRef

    when = datetime(2026, 11, 1, n, tzinfo=UTC)
    item = Item(n, f"http://f{n}.example/", f"Feed {n}", title, None, "", when, when, True)
    makers = (MakerRef("Volvo", "Geely", "SE"),) if automotive else ()
    label = Classification(makers, (), Event(event), False, (), (), (), automotive, confidence)
    return item, label


def test_a_story_about_cars_is_told_by_its_car_items_whatever_the_language() -> None:
    from autonews.story_build import build_story

    members = [
        _member(1, "Volvo Recalls 14,768 XC70s Over Halfshaft Risk", "recall", 0.7, True),
        _member(2, "沃尔沃球队赢得比赛 主场观众创下新纪录", "other", 1.0, False),
        _member(3, "沃尔沃球队再次获胜 观众人数创下纪录", "other", 1.0, False),
    ]
    items = [item for item, _ in members]
    labels = {item.id: label for item, label in members}
    for language in ("en", "zh"):
        story = build_story(items, labels, {}, "k", language)
        # The car item stands for the story, and only it votes for the event: two items not
        # about cars (event other, surely) do not outvote it.
        assert story.title.startswith("Volvo Recalls"), language
        assert story.classification.automotive, language
        assert story.classification.event.value == "recall", language
        assert [m.name for m in story.classification.makers] == ["Volvo"]
    others = build_story(items[1:], labels, {}, "k", "en")
    assert not others.classification.automotive and others.classification.event.value == "other"


def test_new_counts_stories_not_about_cars_once_and_all_topics_still_shows_them(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    url = mixed_feed(httpserver)
    first = cli("digest", "--feed", url, "--no-extract", "--new", "--format", "json").json()
    assert first["not_about_cars"] == 3
    # Nothing new since: the three are not counted again, as the car stories are not shown again.
    again = cli("digest", "--feed", url, "--offline", "--new", "--format", "json").json()
    assert again["stories"] == [] and again["not_about_cars"] == 0
    # Only counted, never shown: --all-topics shows them once, then they are delivered too.
    shown = cli("digest", "--feed", url, "--offline", "--new", "--all-topics", "--format", "json")
    assert {s["title"] for s in shown.json()["stories"]} == {t for t, _ in NOT_CARS}
    last = cli("digest", "--feed", url, "--offline", "--new", "--all-topics", "--format", "json")
    assert last.json()["stories"] == []


def test_model_filter_knows_plurals_and_names_without_their_brand(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """ "Cybertrucks" is the Cybertruck, named with Tesla; "--model Accord" is the Honda Accord."""
    titles = [
        "Tesla Recalls 46,000 Cybertrucks as Exterior Panel Can Detach",
        "Honda Accord Hybrid Gets a Price Cut in the US",
        "Toyota Recalls 52,000 Camrys Over Airbag Sensor",
    ]
    url = serve_titles(httpserver, titles, "/mix")
    args = ("digest", "--feed", url, "--no-extract", "-f", "json")
    for model, title in (("cybertruck", titles[0]), ("Accord", titles[1]), ("camry", titles[2])):
        result = cli(*args, "--model", model)
        assert result.code == 0, result.err
        assert [s["title"] for s in result.json()["stories"]] == [title]


def test_models_named_without_their_brand_or_as_a_version(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """ "Tundra" of "Toyota Tundra", told as vehicles beside its maker; "--model SU7" takes the
    SU7 Ultra too; "Ford Mustang Mach-E" is one model."""
    titles = [
        "Toyota Recalls 145,000 Tundra Pickups Over Rear Axle Nut",
        "Xiaomi SU7 Ultra Deliveries Top 10,000 Units",
        "Ford Mustang Mach-E Recall Covers 20,000 Crossovers",
        "Honda Launches Pilot Program for EV Charging",
    ]
    url = serve_titles(httpserver, titles, "/models")
    everything = cli("digest", "--feed", url, "--no-extract", "-f", "json").json()["stories"]
    models = {s["title"]: [m["name"] for m in s["models"]] for s in everything}
    assert models == {
        titles[0]: ["Toyota Tundra"],
        titles[1]: ["SU7 Ultra"],
        titles[2]: ["Mustang Mach-E"],
        titles[3]: [],  # a word in title case, not the Honda Pilot
    }
    args = ("digest", "--offline", "--feed", url, "-f", "json")
    for model, title in (("Tundra", titles[0]), ("SU7", titles[1]), ("mach-e", titles[2])):
        result = cli(*args, "--model", model)
        assert result.code == 0, result.err
        assert [s["title"] for s in result.json()["stories"]] == [title], model


def test_a_car_feeds_terse_item_is_car_news_whatever_the_window_holds(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 26, item 10: a car feed's terse follow-up was car news while the feed's other items
    were in the window and "not about cars" once they had left it. A feed with few items in the
    window is judged on its latest stored items."""
    titles = [
        "Lucid Recalls Gravity SUVs Over Loose Seat Bolts",
        "BYD Cuts Prices of Seal and Han in China by Up to 20%",
        "GM Resumes Production at Orion Assembly Plant",
        "Toyota Recalls 52,000 Camry Sedans Over Faulty Airbag Sensor",
    ]
    items = [item(title, n, hours_ago=96 + n) for n, title in enumerate(titles)]
    items.append(item("What we learned this week", 9, hours_ago=1, description="Notes."))
    httpserver.expect_request("/car").respond_with_data(rss(items))
    feed = ("--feed", httpserver.url_for("/car"))
    assert cli("digest", *feed, "--no-extract", "--since", "7d").code == 0
    for since in ("7d", "48h"):
        digest = cli("digest", *feed, "--offline", "--since", since, "--format", "json").json()
        terse = [s for s in digest["stories"] if s["title"] == "What we learned this week"]
        assert terse and terse[0]["automotive"], since
        assert digest["not_about_cars"] == 0, since


def test_a_wire_half_about_cars_keeps_its_other_news_out_of_the_car_digest(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 32: a business wire whose items were just over half about cars made every one of
    them car news, under "Industry": a football score, the Fed's rate decision, Apple's bid;
    one of them even joined a car story. What the words show to be about something else stays
    out, while a terse car headline of the same feed is car news."""
    car_titles = [
        "Toyota Recalls 52,000 Camry Sedans Over Faulty Airbag Sensor",
        "BYD Cuts Prices of Seal and Han in China by Up to 20%",
        "GM Resumes Production at Orion Assembly Plant",
        "Porsche Delays Electric 718 Boxster to 2027",
    ]
    others = [
        "Fed holds rates steady, signals one more cut this year",
        "Jaguars rally past Colts in overtime thriller",
        "Apple in talks to buy Perplexity AI, sources say",
    ]
    terse = "What we learned this week"
    titles = [*car_titles, *others, terse]
    feed = ("--feed", serve_titles(httpserver, titles, "/wire"), "--no-extract", "--format", "json")
    digest = cli("digest", *feed).json()
    shown = {story["title"] for story in digest["stories"]}
    assert shown == {*car_titles, terse}
    assert digest["not_about_cars"] == 3
    everything = cli("digest", *feed, "--offline", "--all-topics").json()
    apart = [s for s in everything["stories"] if s["title"] in others]
    assert len(apart) == 3 and not any(s["automotive"] for s in apart)
    assert all(s["cluster_size"] == 1 for s in apart)


def test_sources_naming_no_event_do_not_outvote_the_one_that_tells_it() -> None:
    """Trial 33 #6: two forum threads about the Ioniq 5 joined its recall, and the story became
    "other": `--event recall` missed it. A title naming no event contradicts none."""
    from autonews.story_build import build_story

    members = [
        _member(
            1,
            "Hyundai recalls 145,000 Ioniq 5 and Genesis EVs over charging unit",
            "recall",
            0.6,
            True,
        ),
        _member(
            2, "What's your real-world winter range in the Ioniq 5? (Canada)", "other", 0.9, True
        ),
        _member(3, "Ioniq 5 owners: how is your charging unit holding up?", "other", 0.9, True),
    ]
    items = [item for item, _ in members]
    labels = {item.id: label for item, label in members}
    assert build_story(items, labels, {}, "k", "en").classification.event.value == "recall"
    # With no source telling an event, the story tells none.
    others = [m for m in members if m[1].event.value == "other"]
    labelled = {item.id: label for item, label in others}
    story = build_story([item for item, _ in others], labelled, {}, "k", "en")
    assert story.classification.event.value == "other"


def test_a_supplier_is_followed_by_company_in_any_of_its_names(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """Trial 32 #17: `--maker CATL` is refused (CATL is no automaker) and nothing else gave
    "CATL's stories". `--company` does, by any alias, in any script; an automaker or an unknown
    name is a usage error that says what to use."""
    titles = [
        "CATL Signs Multi-Year LFP Supply Deal With Tesla",
        "寧德時代第三季淨利成長41%",
        "Bosch to cut 13,000 jobs at its car-parts division",
        "Toyota Recalls 52,000 Camry Sedans Over Faulty Airbag Sensor",
    ]
    feed = (
        "--feed",
        serve_titles(httpserver, titles, "/trade"),
        "--no-extract",
        "--format",
        "json",
    )
    assert cli("digest", *feed).code == 0
    for name in ("CATL", "宁德时代", "catl"):
        digest = cli("digest", *feed, "--offline", "--company", name).json()
        assert {s["title"] for s in digest["stories"]} == set(titles[:2]), name
        assert digest["filters"] == [{"filter": "company", "values": ["CATL"], "left": 2}]
    both = cli("digest", *feed, "--offline", "--company", "CATL", "--company", "Bosch").json()
    assert len(both["stories"]) == 3
    maker = cli("digest", *feed, "--offline", "--company", "Tesla")
    assert maker.code == 2 and "is an automaker" in maker.err and "--maker" in maker.err
    unknown = cli("digest", *feed, "--offline", "--company", "CATLL")
    assert unknown.code == 2 and "did you mean 'CATL'" in unknown.err
