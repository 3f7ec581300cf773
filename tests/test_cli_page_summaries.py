"""Trials 32 and 33, what of an article page a summary and `read` show, through the real CLI
against feeds and pages served on 127.0.0.1: a summary starts at a sentence of the article,
never with the page's navigation, its byline, its headline again or the mark the headline was
cut from."""

from __future__ import annotations

import html
from pathlib import Path

from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import FAST_FETCH, Site, feeds_toml, store_db, write_config


def _page(heading: str, paragraphs: list[str], byline: str = "", outlet: str = "") -> str:
    """A small article page as the trials' sites wrote it: navigation, the heading, perhaps a
    byline, then the text; its <title> "Heading | Outlet" where the page names its outlet."""
    title = f"{heading} | {outlet}" if outlet else heading
    site_name = f"<meta property='og:site_name' content='{outlet}'>" if outlet else ""
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{html.escape(title)}</title>"
        f"{site_name}</head><body><header><nav>Home | News | Tech</nav></header><article>"
        f"<h1>{html.escape(heading)}</h1>"
        + (f"<p class=byline>{byline}</p>" if byline else "")
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + "</article><footer>Copyright 2026. All rights reserved.</footer></body></html>"
    )


def _serve(site: Site, name: str, pages: list[tuple[str, str]]) -> tuple[str, str]:
    """A titles-only feed of (headline, page) items, each page served at /a/N."""
    entries = []
    for n, (headline, page) in enumerate(pages):
        site.routes[f"/a/{n}"] = (200, "text/html; charset=utf-8", page)
        link = site.url(f"/a/{n}")
        entries.append({"title": html.escape(headline), "link": link, "guid": link})
        entries[-1]["date"] = rfc822(n + 1)
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(entries, title=name))
    return name, site.url("/feed.xml")


def _summaries(cli, home: Path, feed: tuple[str, str]) -> dict[str, str]:
    write_config(home, feeds_toml([feed]) + FAST_FETCH)
    result = cli("digest", "--format", "json", "--all-topics")
    assert result.code == 0, result.err
    return {story["title"]: story["summary"] for story in result.json()["stories"]}


LI_AUTO = "Li Auto recalls 11,411 Mega units over coolant corrosion issue"
LI_AUTO_TEXT = "Li Auto is recalling 11,411 Mega minivans over coolant corrosion."
BOLT = (
    "Here's everything we know about the 2026 Chevrolet Bolt: range, charging speed, price, "
    "release date, LFP battery, NACS port, interior, trims, and why GM thinks the cheapest EV in "
    "America will win back buyers"
)


def test_a_byline_and_a_repeated_headline_start_no_summary(cli, home: Path, site) -> None:
    """Trial 33 #11: "By Staff Reporter Li Auto is recalling…" (the page's <p class=byline>),
    and ". More details were not immediately available." where the page's first paragraph
    repeated the headline and the headline was cut from it."""
    feed = _serve(
        site,
        "EV Kilowatt",
        [
            (LI_AUTO, _page(LI_AUTO, [LI_AUTO_TEXT], byline="By Staff Reporter")),
            (BOLT, _page(BOLT, [f"{BOLT}. More details were not immediately available."])),
        ],
    )
    summaries = _summaries(cli, home, feed)
    assert summaries[LI_AUTO] == LI_AUTO_TEXT
    assert summaries[BOLT] == "More details were not immediately available."
    # `read` names the byline as the author instead of printing it as the text's first words.
    read = cli("read", site.url("/a/0"))
    assert read.code == 0, read.err
    assert read.out.splitlines()[:4] == [LI_AUTO, "Staff Reporter", "", LI_AUTO_TEXT]


BYD = "比亚迪召回11.5万辆汉和唐"
APPLE = "Apple Unveils iPhone 18 Pro With Under-Display Face ID"
APPLE_TEXT = ["The new Pro models also get a larger battery.", "Prices start at $1,099 in the US."]


def test_a_tiny_pages_navigation_and_heading_stay_out(cli, home: Path, site) -> None:
    """Trial 32 #10: summaries of small pages (a <nav>, an <h1>, a paragraph) read "Home | News
    | Tech 比亚迪召回11.5万辆汉和唐 比亚迪召回11.5万辆汉和唐", and `read` printed the heading
    again under the title: the page's <title> was "Heading | Outlet", which the heading is not."""
    feed = _serve(
        site,
        "快科技",
        [
            (BYD, _page(BYD, [BYD], outlet="快科技资讯")),
            (APPLE, _page(APPLE, APPLE_TEXT, outlet="The Circuit")),
        ],
    )
    summaries = _summaries(cli, home, feed)
    # A page that only repeats its headline has no text to summarise.
    assert summaries[BYD] == ""
    assert summaries[APPLE] == " ".join(APPLE_TEXT)
    read = cli("read", site.url("/a/1"))
    assert read.code == 0, read.err
    assert read.out.startswith(f"{APPLE}\n\n{APPLE_TEXT[0]}\n{APPLE_TEXT[1]}\n"), read.out
    assert "Home" not in read.out and read.out.count(APPLE) == 1


def _chinese_page(heading: str, source: str, paragraphs: list[str], lines: list[str]) -> str:
    """An article page as 汽车之家 and 36氪 write one: navigation, the heading, a line with the
    time and the source, the paragraphs (``lines`` of furniture among them), the editor's credit."""
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>{html.escape(heading)}</title></head><body>"
        "<nav>首页 | 新车 | 导购 | 行业 | 用车</nav><article>"
        f"<h1>{html.escape(heading)}</h1>"
        f"<div class='meta'>2026-12-05 17:35 来源：{source}</div>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + "<p class='editor'>责任编辑：王小明</p></article>"
        "<aside><h3>相关阅读</h3><ul><li><a href='/x'>2026年11月新能源车销量榜</a></li></ul>"
        "</aside>"
        "<footer>© 2026 版权所有 未经授权禁止转载</footer></body></html>"
    )


ES9 = "蔚来ES9正式开启预售 预售价52.8万元-61.8万元"
ES9_TEXT = [
    "12月5日，蔚来旗舰SUV ES9正式开启预售，预售价52.8万元至61.8万元，新车提供6座和7座两种布局。",
    "新车搭载900V高压平台和激光雷达，官方表示将于12月中旬正式上市，首批用户将在年底前提车。",
    "蔚来创始人李斌在发布会上表示，ES9的目标用户是有多孩家庭的高端用户。",
]
NIO_Q3 = "蔚来Q3营收217.9亿元，同比增长16.7%，毛利率升至13.9%"
NIO_Q3_TEXT = [
    "蔚来公司今日公布2026年第三季度未经审计的财务报告，总营收217.9亿元，同比增长16.7%。",
    "本季度整车毛利率升至13.9%，净亏损同比收窄，现金储备为420亿元。",
    "蔚来预计第四季度交付量将在9万辆至9.3万辆之间。",
]
OTHER_HEADLINES = [
    "小米YU7交付量突破4万台，雷军：12月继续冲刺",
    "比亚迪11月新能源汽车销量48.02万辆",
    "理想i6开启交付，订单超5万台",
    "小鹏汽车11月交付3.68万台，同比增长19%",
    "长安深蓝召回部分SL03 共计1.56万辆",
    "魏牌高山9上市，售价36.98万元起",
]
FURNITURE = [
    "原标题：蔚来又出新车了",
    "本文来自微信公众号“汽车观察”（ID：qcgc），作者：李明，经授权发布。",
    "（图片来源：蔚来官方）",
    "点击查看大图",
]


def test_a_chinese_pages_dateline_and_credits_stay_out(cli, home: Path, site) -> None:
    """Trial 34 #15: "2026-12-07 08:40 来源：懂车帝快讯 … 责任编辑：王小明" opened and closed the
    summary and `read`, whose paragraphs were joined by spaces (the page's paragraphs ran
    together where the extractor took a short Chinese article for a missed one)."""
    feed = _serve(
        site,
        "汽车之家资讯",
        [(ES9, _chinese_page(ES9, "汽车之家资讯", ES9_TEXT, FURNITURE))],
    )
    summary = _summaries(cli, home, feed)[ES9]
    assert summary.startswith(ES9_TEXT[0]), summary
    assert "来源" not in summary and "编辑" not in summary
    read = cli("read", site.url("/a/0"))
    assert read.code == 0, read.err
    assert read.out.startswith(f"{ES9}\n\n" + "\n".join(ES9_TEXT) + "\n"), read.out
    for furniture in ("来源", "责任编辑", "原标题", "微信公众号", "图片来源", "点击查看大图"):
        assert furniture not in read.out
    # A body the store kept from before, as the trial's store did: run together, with the line
    # of time and source before it and the editor's credit after it.
    with store_db(home) as db:
        db.execute(
            "UPDATE articles SET text = ?",
            ("2026-12-05 17:35 来源：汽车之家资讯 " + " ".join(ES9_TEXT) + " 责任编辑：王小明",),
        )
    kept = cli("digest", "--offline", "--format", "json", "--all-topics")
    assert kept.json()["stories"][0]["summary"].startswith(ES9_TEXT[0])
    read = cli("read", site.url("/a/0"))
    assert read.out.startswith(f"{ES9}\n\n{ES9_TEXT[0]}"), read.out
    assert "来源" not in read.out and "责任编辑" not in read.out


def _serve_feeds(site: Site, feeds: dict[str, list[tuple[str, str, str | None]]]) -> str:
    """Feeds of (headline, summary, page) items, each feed at /NAME.xml and its pages at
    /NAME/N; an item without a page links one that refuses the fetch (the Chinese sites'
    403): the config's [[feeds]] tables."""
    tables = []
    for name, entries in feeds.items():
        items = []
        for n, (headline, summary, page) in enumerate(entries):
            path = f"/{name}/{n}"
            site.routes[path] = (200, "text/html; charset=utf-8", page) if page else REFUSED
            link = site.url(path)
            items.append(
                {"title": html.escape(headline), "link": link, "guid": link, "date": rfc822(n + 1)}
            )
            items[-1]["description"] = html.escape(summary)
        site.routes[f"/{name}.xml"] = (200, "application/rss+xml", rss(items, title=name))
        tables.append((name, site.url(f"/{name}.xml")))
    return feeds_toml(tables)


REFUSED = (403, "text/html; charset=utf-8", "<html><body>访问受限，请开启JavaScript</body></html>")


def test_a_pages_source_line_joins_no_two_stories(cli, home: Path, site) -> None:
    """Trial 34 #1: NIO's ES9 pre-sale (汽车之家) and NIO's third-quarter results (36氪) were
    one story on "shared subject: 来源", the word of each page's "来源：…" line (and of its
    editor's credit, 责任编辑)."""
    presale = _chinese_page(ES9, "汽车之家资讯", ES9_TEXT, [])
    results = _chinese_page(NIO_Q3, "36氪", NIO_Q3_TEXT, [])
    feeds = {
        "autohome": [(ES9, "新车定位大型纯电SUV，提供6座和7座布局。", presale)]
        + [(title, "", None) for title in OTHER_HEADLINES[:3]],
        "kr36": [(NIO_Q3, "蔚来公司公布2026年第三季度财报，总营收217.9亿元。", results)]
        + [(title, "", None) for title in OTHER_HEADLINES[3:]],
    }
    write_config(home, _serve_feeds(site, feeds) + FAST_FETCH)
    result = cli("digest", "--format", "json", "--all-topics")
    assert result.code == 0, result.err
    stories = {story["title"]: story for story in result.json()["stories"]}
    assert {ES9, NIO_Q3} <= set(stories)  # each titles a story of its own
    assert stories[ES9]["cluster_size"] == stories[NIO_Q3]["cluster_size"] == 1
    assert stories[NIO_Q3]["summary"].startswith(NIO_Q3_TEXT[0])


def _dated_byline_page(heading: str, text: str, author: str, byline: str, lang: str) -> str:
    """Trial 41's pages: a cookie banner, a menu, the heading, a byline that dates the article
    ("By staff reporter · 07 December 2026 05:08"), one paragraph, related links, a footer; the
    author named in a meta tag without the byline's words."""
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(heading)} | Fleet Site</title>"
        f"<meta name='author' content='{author}'></head><body>"
        "<div class='cookie-banner'>We use cookies to improve your experience on our site. "
        "Accept all | Manage preferences</div><header><a href='/'>Fleet Site</a>"
        "<nav>Home | News | Fleet management | Electric vans | Events</nav></header>"
        f"<main><article><h1>{html.escape(heading)}</h1><p class='byline'>{byline}</p>"
        f"<p>{html.escape(text)}</p></article><aside><h3>Related stories</h3><ul>"
        "<li><a href='/x/1'>Another story about vans</a></li></ul></aside></main>"
        "<footer>© 2026 Fleet Site · Privacy · Terms</footer></body></html>"
    )


DATED_BYLINES = [
    (
        "Ford warns of Transit van delays as Turkish supplier strike bites",
        "Ford has told business customers that deliveries of its Transit Custom van, the UK's "
        "best-selling van, will be delayed by a strike at a supplier in Turkey.",
        "Staff reporter",
        "By staff reporter · 07 December 2026 05:08",
        "en",
    ),
    (
        "Umweltzone: Berlin verschiebt Verschärfung für Lieferwagen",
        "Berlin verschiebt die geplante Verschärfung der Umweltzone für Lieferwagen um ein Jahr.",
        "Redaktion",
        "Von der Redaktion · 06 December 2026 19:08",
        "de",
    ),
    (
        "Renault Trucks rappelle 2 000 camions électriques",
        "Le constructeur rappelle 2 000 camions électriques pour un défaut de freinage.",
        "",
        "Par la rédaction · 6 déc. 2026 10:00",
        "fr",
    ),
    (
        "比亚迪召回部分汉EV 共计1.2万辆",
        "比亚迪宣布召回部分汉EV，共计1.2万辆，原因是后制动软管可能磨损。",
        "",
        "文/李明 2026-12-07 08:40",
        "zh",
    ),
    # Trial 53: the article opens with its maker in capitals, which is no time zone ("09:28
    # BYD topped…" lost its "BYD"), where "09:28 ICT" ends a byline.
    (
        "Motor Expo ends with 52,400 bookings, down 4%",
        "BYD topped the bookings with 9,120 units, followed by Toyota and Changan.",
        "",
        "By Bangkok Post staff · 07 Dec 2026 09:28",
        "en",
    ),
    (
        "GWM cuts Ora Good Cat prices in Thailand",
        "GWM has cut the price of the Ora Good Cat by 100,000 baht.",
        "",
        "By AutoLife staff · 06 Dec 2026 18:40 ICT",
        "en",
    ),
    # Review 38: US outlets' "PT" and East Africa's "EAT" end a byline's time (the summaries
    # began "PT Tesla has cut…"); India's "GST" opening the article is no Gulf time.
    (
        "Tesla cuts Model Y prices in the US",
        "Tesla has cut the price of the Model Y by $2,000.",
        "",
        "By Staff · Dec 7, 2026 9:28 AM PT",
        "en",
    ),
    (
        "Roam unveils electric motorbike in Nairobi",
        "Kenya's Roam unveiled an electric motorbike.",
        "",
        "By Staff · 07 Dec 2026 09:28 EAT",
        "en",
    ),
    (
        "GST cut lifts Maruti sales",
        "GST cuts lifted Maruti's October sales to a record.",
        "",
        "By Staff · 07 Dec 2026 09:28",
        "en",
    ),
]


def test_a_byline_that_dates_the_article_starts_no_summary(cli, home: Path, site) -> None:
    """Trial 41: "By staff reporter · 07 December 2026 05:08 Ford has told…" and "Von der
    Redaktion · 06 December 2026 19:08 Berlin verschiebt…" led the mail: a byline with the
    article's date after it, in English or another language, is no part of the summary, whether
    or not the page names the author elsewhere."""
    feed = _serve(
        site,
        "Fleet Site",
        [(h, _dated_byline_page(h, t, a, b, lang)) for h, t, a, b, lang in DATED_BYLINES],
    )
    summaries = _summaries(cli, home, feed)
    for heading, text, _, _, _ in DATED_BYLINES:
        assert summaries[heading] == text
