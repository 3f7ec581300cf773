"""Article bodies: what a page holds besides its article (menus, its own headline) stays out."""

from __future__ import annotations

from autonews.extract import extract_html

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
