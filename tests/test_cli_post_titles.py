"""Trial 34 #8: title-less weibo posts (a JSON Feed's items, titled by their text) through the real
CLI on feed files: an outlet's headline tells a story they share, no title is shown twice, and a
post's hashtags and emoticon codes are no part of a title."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.helpers.feeds import item, rss

RECALL_POST = (
    "【小米召回11.69万辆SU7】市场监管总局消息，小米汽车将通过OTA方式为召回范围内车辆免费升级软件。"
    "#小米SU7召回#"
)
RECALL_HEADLINE = "小米汽车召回116887辆SU7标准版，通过OTA免费升级"


def _weibo(path: Path, *posts: str) -> str:
    """A JSON Feed of title-less posts, as a weibo bridge writes them."""
    items = [
        {"id": f"wb-{n}", "url": f"http://weibo.example/a/{n}", "content_text": post}
        for n, post in enumerate(posts)
    ]
    document = {"version": "https://jsonfeed.org/version/1.1", "title": "新浪汽车微博"}
    path.write_text(json.dumps({**document, "items": items}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _outlet(path: Path, *titles: str) -> str:
    path.write_text(rss([item(t, n, 2) for n, t in enumerate(titles)], "懂车帝快讯"), "utf-8")
    return str(path)


def _digest(cli, *feeds: str, fmt: str = "json"):
    args = [arg for feed in feeds for arg in ("--feed", feed)]
    return cli("digest", *args, "--no-extract", "--all-topics", "--format", fmt)


def test_an_outlets_headline_titles_the_story_a_post_shares(cli, home: Path, tmp_path) -> None:
    """The post's first sentence headed a 7-source story over 懂车帝's headline of the recall."""
    weibo = _weibo(tmp_path / "weibo.json", RECALL_POST)
    outlet = _outlet(tmp_path / "dcd.xml", RECALL_HEADLINE)
    document = _digest(cli, weibo, outlet).json()
    [story] = document["stories"]
    assert len(story["sources"]) == 2
    assert story["title"] == RECALL_HEADLINE
    assert story["url"] == "http://example.com/a/0"


def test_a_story_told_by_a_post_does_not_repeat_its_title(cli, home: Path, tmp_path) -> None:
    """Alone, the post titles its story by its first sentence; the lead box printed that
    sentence again as the summary, with the post's hashtag. The summary is what follows."""
    post = "小米17的背屏到底有什么用？用了一周说点真实感受：续航不错，背屏拍照真香。[心]"
    only = _weibo(tmp_path / "weibo.json", post)
    [story] = _digest(cli, only).json()["stories"]
    assert story["title"] == "小米17的背屏到底有什么用？"
    assert story["summary"] == "用了一周说点真实感受：续航不错，背屏拍照真香。"
    recall = _weibo(tmp_path / "recall.json", RECALL_POST)
    text = _digest(cli, recall, fmt="text").out
    unwrapped = "".join(line.strip() for line in text.splitlines())  # (CJK lines break anywhere)
    assert unwrapped.count("免费升级软件") == 2, (
        text
    )  # the lead and the story in its group, once each
    assert "#小米SU7召回#" not in text


def test_a_posts_hashtags_and_emoticons_are_no_part_of_its_title(cli, home: Path, tmp_path) -> None:
    """A trailing "#小米YU9#" only files the post and goes; a leading one names its subject and
    keeps its words; "[心]" goes; a post that is only a hashtag keeps its words."""
    weibo = _weibo(
        tmp_path / "weibo.json",
        "小米YU9申报图流出，增程大六座，雷总这是要干理想L9啊#小米YU9#",
        "#小米YU7# 交付破4万台啦！感谢每一位米粉的信任[心]",
        "#蔚来ES9#",
    )
    document = _digest(cli, weibo).json()
    titles = {story["title"] for story in document["stories"]}
    sources = {s["title"] for story in document["stories"] for s in story["sources"]}
    shown = {
        "小米YU9申报图流出，增程大六座，雷总这是要干理想L9啊",
        "小米YU7 交付破4万台啦！",
        "蔚来ES9",
    }
    assert titles == sources == shown


_HAN = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(st.sampled_from("小米交付破万台 ，。！ab#[]"), max_size=30),
    tags=st.lists(_HAN, max_size=3),
)
@example(text="##万##", tags=[])  # taking its markup out left markup: "#万#", then "万"
def test_shown_titles_keep_a_posts_words_and_lose_its_trailing_hashtags(text, tags) -> None:
    """Whatever the post: its trailing hashtags go, nothing is added, what is shown is shown
    the same when cleaned again, and it is never empty for a title that had words."""
    from autonews.wire_titles import shown_title

    title = text + "".join(f"#{tag}#" for tag in tags)
    shown = shown_title(title)
    assert shown == shown_title(shown)
    assert set(shown) <= set(title) | {" "}
    if tags and text.strip() and "#" not in text and "[" not in text:
        assert shown == " ".join(text.split())
    if title.strip():
        assert shown.strip()
