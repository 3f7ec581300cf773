"""Article bodies: what a page holds besides its article (menus, its own headline, a Chinese
page's dateline and credits) stays out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autonews.extract import extract_html
from autonews.page_text import without_furniture

PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
    "<nav>Home | News</nav><article><h1>{title}</h1><p>{text}</p></article>"
    "<footer>Copyright</footer></body></html>"
)


def test_a_short_chinese_page_gives_its_text_without_the_menu_and_headline() -> None:
    """Found by a user: "Home | News" and the headline opened a one-paragraph Chinese body
    (too short for the extractor, which then reads the whole page)."""
    title = "理想汽车召回1.1万辆L9 转向拉杆存在隐患"
    text = "理想汽车向国家市场监督管理总局备案了召回计划，召回部分理想L9汽车共计11024辆。"
    body = extract_html("https://cd.example/a", PAGE.format(title=title, text=text)).text
    assert body == text


def test_a_sentence_before_the_headline_is_kept() -> None:
    """Only a menu's short lines before the headline are dropped, never a sentence."""
    title = "Volvo Recalls 14,768 XC70s"
    html = (
        f"<html><head><title>{title}</title></head><body><p>Volvo said on Monday it would "
        f"recall cars in China.</p><h1>{title}</h1><p>The halfshaft nut may loosen.</p>"
        "</body></html>"
    )
    body = extract_html("https://aw.example/a", html).text
    assert "Volvo said on Monday" in body and "halfshaft" in body


# Trial 34: a Chinese page's dateline and credits, wherever the extraction left them.
_SENTENCES = st.lists(
    st.sampled_from(
        [
            "蔚来ES9正式开启预售，预售价52.8万元起。",
            "12月5日，比亚迪宣布召回部分汉EV。",
            "来源于供应商的零部件存在缺陷，可能导致转向失灵。",
            "2026年12月7日，小米汽车宣布YU7交付突破4万台。",
            "作者认为，价格战仍将持续。",
            "记者从工信部获悉，新国标将于明年实施。",
        ]
    ),
    min_size=1,
    max_size=4,
)
_ABOVE = [
    "2026-12-07 08:40 来源：汽车之家资讯",
    "来源：36氪",
    "作者：李明 责任编辑：王小明",
    "原标题：蔚来又出新车了",
]
_AMONG = [
    "（图片来源：视觉中国）",
    "点击查看大图",
    "本文来自微信公众号“汽车观察”（ID：qcgc），作者：李明。",
]
_BELOW = [
    "责任编辑：王小明",
    "（编辑：李四）",
    "（本文来源：电车汇，转载请注明出处）",
    "转载请注明出处。",
]


@settings(max_examples=200, deadline=None)
@given(
    _SENTENCES,
    st.sampled_from(_ABOVE),
    st.sampled_from(_AMONG),
    st.sampled_from(_BELOW),
    st.booleans(),
)
def test_a_chinese_pages_credits_leave_its_sentences_whole(
    paragraphs: list[str], above: str, among: str, below: str, run_together: bool
) -> None:
    """Whatever the sentences and credits, on lines or run together as a short page's
    extraction runs them, the text is the sentences: no credit, and not one sentence lost
    (those opening with a date or with 来源, 作者, 记者 are the article's)."""
    if run_together:  # the paragraphs joined by spaces, the inline picture credit among them
        text = " ".join([above, paragraphs[0] + "（图片来源：视觉中国）", *paragraphs[1:], below])
        assert without_furniture(text) == " ".join(paragraphs)
    else:
        text = "\n".join([above, paragraphs[0], among, *paragraphs[1:], below])
        assert without_furniture(text) == "\n".join(paragraphs)


BYLINED = (
    "<!doctype html><html><head><title>{tab}</title></head><body><article><h1>{h1}</h1>"
    "<p class='byline'>{byline}</p><p>{text}</p></article></body></html>"
)
TEXT = (
    "Volvo is recalling 14,768 XC70 SUVs in the US because a rear halfshaft can fracture, the "
    "maker said. Dealers will replace the part free of charge."
)


@pytest.mark.parametrize(
    ("byline", "author", "date"),
    [
        ("By staff · 2026-12-03 09:00 UTC", "staff", "2026-12-03 09:00 UTC"),
        ("2026-12-05 02:23 UTC", "", "2026-12-05 02:23 UTC"),
        (
            "Jane Doe, Reuters | Updated Dec. 3, 2026 9:00 a.m. ET",
            "Jane Doe, Reuters",
            "Dec. 3, 2026 9:00 a.m. ET",
        ),
        ("记者 王明 2026年12月3日 10:00", "王明", "2026年12月3日 10:00"),
        ("By Jane Doe", "Jane Doe", ""),
    ],
)
def test_a_bylines_date_is_the_articles_date_not_its_authors_name(
    byline: str, author: str, date: str
) -> None:
    """Trials 37 and 38: a byline that dates the article gave `read` "staff · 2026-12-03 09:00
    UTC" as the author, beside the meta tags' date."""
    title = "Volvo recalls 14,768 XC70 SUVs"
    page = BYLINED.format(tab=title, h1=title, byline=byline, text=TEXT)
    article = extract_html("https://wire.example/a", page)
    assert (article.author, article.date) == (author, date)
    assert article.text == TEXT  # the byline, whole, is no line of the text


@pytest.mark.parametrize(
    ("tab", "h1", "title"),
    [
        ("Volvo recalls XC70s | Automotive News", "Volvo recalls XC70s", "Volvo recalls XC70s"),
        ("Automotive News - Volvo recalls XC70s", "Volvo recalls XC70s", "Volvo recalls XC70s"),
        # An <h1> that is the site's logo names no headline.
        ("Volvo recalls XC70s | Auto News", "Auto News", "Volvo recalls XC70s | Auto News"),
        # A headline's own dash after the <h1>'s words is the headline's.
        (
            "Volvo recalls XC70s - again",
            "Volvo recalls XC70s - again",
            "Volvo recalls XC70s - again",
        ),
    ],
)
def test_a_pages_title_is_its_headline_without_the_outlets_name(
    tab: str, h1: str, title: str
) -> None:
    page = BYLINED.format(tab=tab, h1=h1, byline="By Jane Doe", text=TEXT)
    assert extract_html("https://wire.example/a", page).title == title
