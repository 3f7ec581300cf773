"""A site's furniture as extraction leaves it in a text (trial 39 #2): its menus, cookie banner,
tip line and newsletter and app prompts go, in their shapes; an article's own sentences and
tables that use the same words stay."""

from __future__ import annotations

import pytest

from autonews.page_furniture import without_page_furniture

ARTICLE = "Leapmotor shares fell 8.1% after it raised HK$3.86 billion in a top-up placement."


@pytest.mark.parametrize(
    "text",
    [
        # menus: a line of links, breadcrumbs, a line per link between separators, table cells
        f"Home | News | Markets | EVs | Subscribe\n{ARTICLE}",
        f"首页 · 资讯 · 新能源 · 数据\n{ARTICLE}",
        f"Home > Autos > Electric vehicles\n{ARTICLE}",
        "首页\n|\n资讯\n|\n新能源\n|\n下载APP\n" + ARTICLE,
        "| Home |\n| Daily News |\n| OEM News |\n| Contact Us |\n" + ARTICLE,
        # cookie banners, their buttons on lines of their own or run into the text
        "本网站使用Cookie以提升您的浏览体验。\n同意\n" + ARTICLE,
        "Accept all\nWe use cookies to personalise content and ads.\nManage preferences\n"
        + ARTICLE,
        f"We use cookies to improve your experience. Accept all Manage preferences {ARTICLE}",
        # tip lines and prompts, on lines of their own, or run into the article's last line
        f"{ARTICLE}\nHave a tip? Contact our newsroom.",
        f"{ARTICLE} Have a tip? Contact our newsroom.",
        f"{ARTICLE[:-1]} Have a tip? Contact our newsroom.",
        f"{ARTICLE}\nSign up for our Autos Daily newsletter.\nGet the Meridian app for alerts.",
        f"{ARTICLE}\n下载APP，获取更多新能源资讯。\n扫码关注电车汇微信公众号。\n欢迎爆料，请联系我们。",
    ],
)
def test_furniture_goes(text: str) -> None:
    assert without_page_furniture(text).strip() in (ARTICLE, ARTICLE[:-1])


@pytest.mark.parametrize(
    "text",
    [
        # the words of buttons and prompts in an article's sentences
        "证监会同意小米汽车在港交所上市的申请。\n同意\n小米汽车表示将于下月公布细节。",
        "Tesla owners can download the app update from Friday, the company said, which adds a new "
        "parking mode and fixes a charging bug that hundreds of owners reported in October.",
        "Readers who have a tip can reach the regulator's hotline, the ministry said.",
        "The regulator said the carmaker had agreed to accept all claims from owners.",
        # tables, a one-column one of figures too; a byline of two parts
        "| Model | Units |\n|---|---|\n| Han | 5,000 |\n| Tang | 4,000 |",
        "| 162.7 |\n| 139.5 |\n| 23.2 |",
        "电车汇 · 2026-12-04 15:00\n零跑汽车11月交付8.6万辆。",
        # short lines that are no menu: subheadings, a list
        "Prices\nThe base model costs $30,000.\nRange\nIt goes 300 miles.",
        "- Han, built 2021 to 2022\n- Tang, built 2022",
    ],
)
def test_the_articles_own_text_stays(text: str) -> None:
    assert without_page_furniture(text) == text
