"""Trial 39 #2, through the real CLI against feeds and pages served on 127.0.0.1: what a news
page shows around every article (its navigation, its cookie banner and the banner's buttons, the
newsroom's tip line, its newsletter and app prompts) is neither a story's summary nor `read`'s
text, and never evidence that two items tell one event."""

from __future__ import annotations

import html
from pathlib import Path

from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import FAST_FETCH, Site, feeds_toml, store_db, write_config

ZH_NAV = "".join(
    f"<a href='/{n}'>{word}</a> | " for n, word in enumerate(["首页", "快讯", "新能源", "行情"])
)
ZH_CONSENT = "<div class='consent'>我们使用Cookie来改善您的浏览体验。<button>接受</button></div>"
EN_NAV = "".join(
    f"<a href='/{word.lower()}'>{word}</a> | " for word in ["Home", "Autos", "Markets", "Tech"]
)
EN_CONSENT = (
    "<div id='cookie-banner'>This site uses cookies to personalise content. By continuing to "
    "browse you agree to our <a href='/privacy'>Cookie Policy</a>. <button>Accept all</button>"
    "<button>Manage preferences</button></div>"
)


def _page(lang: str, heading: str, outlet: str, paragraphs: list[str], tail: list[str]) -> str:
    """A page as the trial's sites write one: navigation and a cookie banner above the
    article, a byline with the time, the paragraphs, ``tail`` (the site's own lines) under
    them, related links and a footer."""
    nav, consent = (
        (ZH_NAV + "<a href='/app'>下载APP</a>", ZH_CONSENT)
        if lang == "zh"
        else (
            EN_NAV + "<a href='/newsletters'>Newsletters</a>",
            EN_CONSENT,
        )
    )
    return (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(heading)} - {outlet}</title>"
        f"<meta property='og:title' content='{html.escape(heading)}'></head>"
        f"<body><nav>{nav}</nav>{consent}<main><article><h1>{html.escape(heading)}</h1>"
        f"<div class='byline'>{outlet} · 2026-12-04 10:15</div><div class='content'>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs + tail)
        + "</div></article><aside><h3>Related</h3><ul><li><a href='/x'>Other news</a></li></ul>"
        f"</aside></main><footer>© 2026 {outlet}. <a href='/contact'>Contact</a></footer>"
        "</body></html>"
    )


def _serve(site: Site, name: str, pages: list[tuple[str, str]]) -> tuple[str, str]:
    """A titles-only feed of (headline, page) items, each page served at /NAME/N."""
    entries = []
    for n, (headline, page) in enumerate(pages):
        site.routes[f"/{name}/{n}"] = (200, "text/html; charset=utf-8", page)
        link = site.url(f"/{name}/{n}")
        entries.append({"title": html.escape(headline), "link": link, "guid": link})
        entries[-1]["date"] = rfc822(n + 1)
    site.routes[f"/{name}.xml"] = (200, "application/rss+xml", rss(entries, title=name))
    return name, site.url(f"/{name}.xml")


FURNITURE_WORDS = (
    "Cookie", "cookie", "同意", "接受", "Accept", "preferences", "首页", "下载APP", "APP",
    "Home", "Newsletters", "newsletter", "tip", "newsroom", "app",
)  # fmt: skip


def _read_body(out: str) -> str:
    """The text `read` prints between the heading and the link."""
    return out.split("\n\n")[1].strip()


def _stored_body(*lines: str) -> str:
    """A body as the extraction before trial 39 stored a Chinese page's: the menu a line per
    link, the cookie banner and its button, then ``lines``."""
    menu = "\n|\n".join(["首页", "快讯", "新能源", "行情", "下载APP"])
    return "\n".join([menu, "我们使用Cookie来改善您的浏览体验。", "接受", *lines])


def _furniture_in(text: str) -> list[str]:
    return [word for word in FURNITURE_WORDS if word in text]


# The trial's flash site: a page whose only text is its headline, inside the site's furniture.
OPEN = "理想汽车港股低开5%"
CLOSE = "港股收评：恒指涨0.8%，理想汽车跌超5%"


def test_a_flash_page_of_furniture_gives_no_body_and_no_evidence(cli, home: Path, site) -> None:
    """`read` gave "首页 | 资讯 | 新能源 | 数据 | 下载APP 本网站使用Cookie以提升您的浏览体验。
    同意 …" as a flash item's body and its story's summary, and `story --explain` of two flash
    items merged read "shared subject: hkex, 同意": the cookie banner's button."""
    flash = "财闻电报"
    feed = _serve(site, "flash", [(t, _page("zh", t, flash, [t], [])) for t in (OPEN, CLOSE)])
    write_config(home, feeds_toml([feed]) + FAST_FETCH)
    digest = cli("digest", "--format", "json", "--all-topics")
    assert digest.code == 0, digest.err
    stories = digest.json()["stories"]
    for story in stories:
        # No body: the page says nothing its title does not.
        assert story["summary"] == "" and "body" not in story, story
        explained = cli("story", story["id"], "--explain")
        assert explained.code == 0, explained.err
        assert not _furniture_in(explained.out), explained.out
    read = cli("read", site.url("/flash/0"))
    assert not _furniture_in(read.out + read.err), read.out + read.err
    # The pages as the trial's store kept them: the title, the byline as their author, and the
    # text: the menu a line per link, the banner, its button, the heading, the byline, the text
    # (the heading again).
    byline = f"{flash} · 2026-12-04 10:15"
    with store_db(home) as db:
        for n, title in enumerate((OPEN, CLOSE)):
            db.execute(
                "UPDATE articles SET title = ?, author = ?, text = ?, skipped = '' WHERE url = ?",
                (title, byline, _stored_body(title, byline, title), site.url(f"/flash/{n}")),
            )
    kept = cli("digest", "--offline", "--format", "json", "--all-topics")
    for story in kept.json()["stories"]:
        assert story["summary"] == "", story
        assert not _furniture_in(cli("story", story["id"], "--explain").out)
    # `read` takes such a body as the digest does: no text (fetched again, the page has none),
    # not the heading, the byline and the heading again.
    read = cli("read", site.url("/flash/1"))
    assert read.code != 0 and "no article text" in read.err, read.out + read.err
    assert byline not in read.out


WIRE = "Meridian Wire"
PLACEMENT = "Leapmotor falls 8% after HK$3.86 billion share placement"
PLACEMENT_TEXT = [
    "Leapmotor shares fell 8.1% after it raised HK$3.86 billion in a top-up placement."
]
RECALL = "BYD recalls 115,000 Han and Tang cars over steering issue"
RECALL_TEXT = [
    "BYD will recall 115,783 Han and Tang vehicles built in 2024 because a steering tie rod may "
    "crack, the market regulator said on Wednesday.",
    "Owners will be contacted by dealers, who will replace the part free of charge.",
]
EN_TAIL = [
    "Have a tip? Contact our newsroom.",
    "Sign up for our Autos Daily newsletter.",
    "Get the Meridian app for breaking news.",
]


def test_an_english_pages_banner_tip_line_and_prompts_stay_out(cli, home: Path, site) -> None:
    """English summaries ended in "Have a tip?" on nearly every story, the Lead's included; a
    short page's text, run into one paragraph with the site's lines, is its own sentences."""
    feed = _serve(
        site,
        "wire",
        [
            (PLACEMENT, _page("en", PLACEMENT, WIRE, PLACEMENT_TEXT, EN_TAIL)),
            (RECALL, _page("en", RECALL, WIRE, RECALL_TEXT, EN_TAIL)),
        ],
    )
    write_config(home, feeds_toml([feed]) + FAST_FETCH)
    digest = cli("digest", "--format", "json", "--all-topics")
    assert digest.code == 0, digest.err
    stories = {story["title"]: story for story in digest.json()["stories"]}
    assert stories[PLACEMENT]["summary"] == PLACEMENT_TEXT[0]
    assert stories[RECALL]["summary"] == " ".join(RECALL_TEXT)
    # The Lead's box, whose summary ended in "Have a tip?" too.
    text = cli("digest", "--offline", "--all-topics")
    assert "Lead" in text.out and "free of charge." in text.out, text.out
    assert not _furniture_in(text.out), text.out
    for n, paragraphs in enumerate((PLACEMENT_TEXT, RECALL_TEXT)):
        read = cli("read", site.url(f"/wire/{n}"))
        assert read.code == 0, read.err
        assert _read_body(read.out) == "\n".join(paragraphs), read.out


ZEEKR = "极氪11月交付2.7万辆，同比增长32.1%"
ZEEKR_TEXT = [
    "12月1日，极氪公布11月交付数据，当月交付新车27011辆，同比增长32.1%。",
    "其中极氪7X交付超过1.2万辆，继续位列30万元以上纯电SUV销量第一。",
]
ZH_TAIL = [
    "下载APP，获取更多新能源资讯。",
    "扫码关注电车汇微信公众号。",
    "欢迎爆料，新闻线索请联系：tips@example.cn",
]


def test_a_chinese_pages_furniture_stays_out_of_a_stored_body_too(cli, home: Path, site) -> None:
    """A Chinese article's page: its menu, banner, and app and tip lines are not its text; nor
    are they in a body the store kept from before (as the trial's store did)."""
    feed = _serve(site, "zhauto", [(ZEEKR, _page("zh", ZEEKR, "电车汇", ZEEKR_TEXT, ZH_TAIL))])
    write_config(home, feeds_toml([feed]) + FAST_FETCH)
    digest = cli("digest", "--format", "json", "--all-topics")
    assert digest.code == 0, digest.err
    assert digest.json()["stories"][0]["summary"] == "".join(ZEEKR_TEXT)
    read = cli("read", site.url("/zhauto/0"))
    assert _read_body(read.out) == "\n".join(ZEEKR_TEXT), read.out
    # The body as this page's extraction stored it before: the menu a line per link, the banner
    # and its button, the article, the site's lines.
    stored = _stored_body("\n".join(ZEEKR_TEXT + ZH_TAIL))
    with store_db(home) as db:
        db.execute("UPDATE articles SET text = ?", (stored,))
    kept = cli("digest", "--offline", "--format", "json", "--all-topics")
    assert kept.json()["stories"][0]["summary"] == "".join(ZEEKR_TEXT)
    read = cli("read", site.url("/zhauto/0"))
    assert _read_body(read.out) == "\n".join(ZEEKR_TEXT), read.out


EUROPE = "小米汽车计划2027年进入欧洲"
YU7 = "小米YU7等车时间缩短至8-11周"


def test_two_sites_banners_join_no_two_stories(cli, home: Path, site) -> None:
    """Two outlets on one publisher's pages (one menu, one cookie banner): their reports of two
    Xiaomi events were one story on "shared subject: app, cooki, 体验, 使用, 接受, 浏览, 首页…",
    the banner's and the menu's words, as a page's text or as the store kept it."""
    tables = []
    for name, outlet, title in (("xw", "车讯网", EUROPE), ("dch", "电车汇", YU7)):
        tables.append(_serve(site, name, [(title, _page("zh", title, outlet, [title + "。"], []))]))
    write_config(home, feeds_toml(tables) + FAST_FETCH)
    digest = cli("digest", "--format", "json", "--all-topics")
    assert digest.code == 0, digest.err
    assert [story["cluster_size"] for story in digest.json()["stories"]] == [1, 1]
    with store_db(home) as db:
        for name, title in (("xw", EUROPE), ("dch", YU7)):
            stored = _stored_body(title, "2026-12-04 10:15", title + "。")
            db.execute(
                "UPDATE articles SET text = ?, skipped = '' WHERE url = ?",
                (stored, site.url(f"/{name}/0")),
            )
    kept = cli("digest", "--offline", "--format", "json", "--all-topics")
    assert [story["cluster_size"] for story in kept.json()["stories"]] == [1, 1]


X9 = "小鹏X9超级增程版将于12月2日上市，纯电续航450公里"
REPUBLISHING = "（本文来源：电车汇，转载请注明出处）"


def test_a_short_page_of_its_heading_and_credit_has_no_body(cli, home: Path, site) -> None:
    """A short 电车汇 page: its heading, then only the site's "may be republished with
    credit" line, which was the item's body and summary; under an article, it is no part of it."""
    pages = [
        (X9, _page("zh", X9, "电车汇", [REPUBLISHING], [])),
        (
            ZEEKR,
            _page(
                "zh", ZEEKR, "电车汇", [*ZEEKR_TEXT[:-1], f"{ZEEKR_TEXT[-1]} {REPUBLISHING}"], []
            ),
        ),
    ]
    write_config(home, feeds_toml([_serve(site, "zhauto", pages)]) + FAST_FETCH)
    digest = cli("digest", "--format", "json", "--all-topics")
    assert digest.code == 0, digest.err
    summaries = {story["title"]: story["summary"] for story in digest.json()["stories"]}
    assert summaries == {X9: "", ZEEKR: "".join(ZEEKR_TEXT)}
    read = cli("read", site.url("/zhauto/1"))
    assert _read_body(read.out) == "\n".join(ZEEKR_TEXT), read.out


def test_reading_a_story_whose_page_is_furniture_gives_its_feeds_summary(
    cli, home: Path, site
) -> None:
    """Trial 39 re-check: `read` of a flash item whose page is its headline and the site's
    menus exited 1 with "open it in a browser", where the digest tells the item by its feed's
    summary. It reads that summary, and says so."""
    flash = "财闻电报"
    link = site.url("/flash/0")
    site.routes["/flash/0"] = (200, "text/html; charset=utf-8", _page("zh", OPEN, flash, [], []))
    summary = "恒生指数低开0.3%，零跑汽车跌超7%，公司昨晚公告配售6000万股新H股。"
    entry = {"title": OPEN, "link": link, "guid": link, "description": summary, "date": rfc822(1)}
    site.routes["/flash.xml"] = (200, "application/rss+xml", rss([entry], title=flash))
    write_config(home, feeds_toml([(flash, site.url("/flash.xml"))]) + FAST_FETCH)
    (story,) = cli("digest", "--format", "json", "--all-topics").json()["stories"]
    read = cli("read", story["id"])
    assert read.code == 0, read.err
    assert summary in read.out and not _furniture_in(read.out)
    assert f"{flash}'s summary from its feed" in read.err


# Trial 40's sites: links spaced in a <nav> (extraction keeps them a link a line), the headline
# in an <h1>, a line of time and source, then the article and the site's own lines under it.
SPACED_NAV = {
    "36氪": ["首页", "快讯", "资讯", "创投", "汽车"],
    "IT之家": ["首页", "资讯", "手机", "电脑", "智车", "游戏"],
    "微博": ["首页", "热门", "视频"],
}
SITE_LINES = {
    "36氪": "<div class='qr'>扫码关注36氪公众号，获取更多快讯</div>",
    "IT之家": "<div class='app'>下载IT之家APP，分享赚金币</div>",
    "微博": "<div class='login'>登录微博，查看更多精彩内容</div>",
}
NIO_DAY = "蔚来NIO Day 2026定档12月20日"
FIREFLY = "萤火虫第 50,000 台整车下线 🎉 感谢每一位萤火虫车主的信任！#萤火虫#"
PREORDER = "REDMI K90 至尊版手机开启预约，搭载天玑 9500+ 处理器"
TRIAL40_PAGES = {
    "36氪": (NIO_DAY, [f"36氪获悉，{NIO_DAY}。"]),
    "微博": (FIREFLY[:30], [FIREFLY]),
    "IT之家": (
        PREORDER,
        [
            "IT之家 12 月 4 日消息，REDMI K90 至尊版今日在小米商城开启预约，将于 12 月 9 日发布。",
            "IT之家了解到，相关信息以官方后续公布为准。",
            "广告声明：文内含有的对外跳转链接，用于传递更多信息，IT之家所有文章均包含本声明。",
        ],
    ),
}


def _spaced_page(outlet: str, heading: str, paragraphs: list[str]) -> str:
    nav = " ".join(f"<a href='/{n}'>{word}</a>" for n, word in enumerate(SPACED_NAV[outlet]))
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>{html.escape(heading)} - {outlet}</title>"
        f"<meta property='og:title' content='{html.escape(heading)}'></head>"
        f"<body><nav>{nav}</nav><main><article><h1>{html.escape(heading)}</h1>"
        f"<div class='meta'>2026-12-06 13:00 来源：{outlet}</div><div class='content'>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + f"</div></article></main>{SITE_LINES[outlet]}"
        f"<footer>© 2026 {outlet} 京ICP备12031756号</footer></body></html>"
    )


def test_a_spaced_menu_and_a_sign_in_prompt_are_not_the_text(cli, home: Path, site) -> None:
    """Trial 40: `read` of a 36氪 flash printed its <nav>'s links a word a line ("首页 / 快讯 /
    资讯 / 创投 / 汽车") and the headline again above the text; a Weibo post ended "登录微博，
    查看更多精彩内容", and every IT之家 article its "广告声明：…" line."""
    feeds = []
    for n, (outlet, (heading, paragraphs)) in enumerate(TRIAL40_PAGES.items()):
        feeds.append(_serve(site, f"s{n}", [(heading, _spaced_page(outlet, heading, paragraphs))]))
    write_config(home, feeds_toml(feeds) + FAST_FETCH)
    digest = cli("digest", "--format", "json", "--all-topics")
    assert digest.code == 0, digest.err
    # A summary of two paragraphs: no space between their Chinese sentences ("…消息。 IT之家").
    summaries = {story["title"]: story["summary"] for story in digest.json()["stories"]}
    assert summaries[PREORDER] == "".join(TRIAL40_PAGES["IT之家"][1][:2]), summaries
    expected = {
        "36氪": f"36氪获悉，{NIO_DAY}。",
        "微博": FIREFLY,
        "IT之家": "\n".join(TRIAL40_PAGES["IT之家"][1][:2]),
    }
    for n, outlet in enumerate(TRIAL40_PAGES):
        read = cli("read", site.url(f"/s{n}/0"))
        assert read.code == 0, read.err
        assert _read_body(read.out) == expected[outlet], read.out
    # The 36氪 body as the trial's store kept it: the menu a link a line, the headline again.
    with store_db(home) as db:
        stored = "\n".join([*SPACED_NAV["36氪"], NIO_DAY, f"36氪获悉，{NIO_DAY}。"])
        db.execute("UPDATE articles SET text = ? WHERE url = ?", (stored, site.url("/s0/0")))
    read = cli("read", site.url("/s0/0"))
    assert _read_body(read.out) == expected["36氪"], read.out
