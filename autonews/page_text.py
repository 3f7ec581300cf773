"""What of an extracted page is the article: not a paywall's prompt ("Subscribe to continue
reading. Already a subscriber? Sign in."), nor the heading and byline the page repeats above
the text (trial 31: every summary began "Stellantis to close Luton van plant, … GlobalWire Autos
Stellantis will close…"). Read when a page is extracted, and again when a story is told from a
body the store kept from before."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from autonews.page_dates import dated_byline_end
from autonews.page_furniture import byline_opening, without_page_furniture
from autonews.page_walls import prompt_phrases, wall_reason, without_prompts

_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]*")
# A page is a paywall when, its prompts aside, fewer characters than these are left: a heading
# and a byline, not an article.
_LEFT_OF_AN_ARTICLE = 120


PAYWALL = "only a prompt to subscribe or sign in (a paywall)"


def stored_wall(text: str, title: str) -> str | None:
    """Why a body the store kept is no article (kept before such pages were read as having
    none): a consent wall, a bot check, a paywall's prompt; None for an article's."""
    return wall_reason(text, (title,)) or (PAYWALL if reads_as_paywall(text) else None)


@lru_cache(maxsize=1)
def stored_wall_version() -> str:
    """A digest of what ``stored_wall`` reads by (its code and ``knowledge/walls.toml``): the
    store remembers under it which bodies were read as no wall, and reads them again only when
    it changes (a warm run would otherwise check every body of its window again, every run)."""
    digest = hashlib.sha1()
    for folder, name in (
        (resources.files("autonews.knowledge"), "walls.toml"),
        (resources.files("autonews"), "page_walls.py"),
        (resources.files("autonews"), "page_text.py"),
    ):
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def reads_as_paywall(text: str) -> bool:
    """Whether a page's text is a subscribe or sign-in prompt, with at most a heading and a
    byline beside it: a page with no article body."""
    # Sentence by sentence, stopping at an article's worth of other text: an article (nearly
    # every page) is told after its first sentences, where searching all of it for the prompts
    # cost a couple of milliseconds a page, for every source of every story of a digest.
    # (what a paywall or a sign-in wall says instead of the article: knowledge/walls.toml)
    prompts = prompt_phrases()
    rest, prompted = 0, False
    for sentence in _SENTENCE.finditer(text):
        if prompts.search(sentence.group().casefold()):
            prompted = True
            continue
        rest += len(sentence.group().strip())
        if rest >= _LEFT_OF_AN_ARTICLE:
            return False
    return prompted


_SEPARATORS = re.compile(r"^[\s|｜:：·•–—-]*")
# What a text may not start with once its heading is taken: the end of the heading's sentence
# ("Title. More details…" less the title), or a mark cut from the sentence before.
_DANGLING = re.compile(r"^[\s.,;:!?…。，、；：！？）)\]」』|｜·•]+")
# What after a heading says it is the start of the text's first sentence, not the heading
# repeated: "Tesla recalls Model Y over…", "比亚迪召回汉，涉及…".
_GOES_ON = re.compile(r"^[^\S\n]*[a-z,，、;；]|^\w")
# A page's navigation before its heading: a line or two of links between separators, or a link a
# line where the site spaces its links ("首页 快讯 资讯 创投 汽车" on a 36氪 flash: trial 40).
MENU_LINES = 12
_MENU_LINE = 40  # characters


def without_heading(
    text: str, headings: Iterable[str], bylines: Iterable[str] = (), furnished: bool = True
) -> str:
    """``text`` without what a page repeats above its article: its navigation ("Home | News |
    Tech") before the heading, the heading (the first of ``headings`` it opens with, on its line
    or run into the text as some extractions do, as often as the page repeats it), and the
    byline after it: an author or the outlet's name, on a line of its own or right after the
    heading ("Title GlobalWire Autos Stellantis will close…"), the site's furniture around the
    article and a Chinese page's dateline and credits (``without_furniture``). What is left
    starts at a sentence of the article; "" when nothing is (a page that is only its heading
    and its site's furniture). ``furnished=False``: the text's furniture is gone already (a
    page just extracted: ``extract.tidy_body``)."""
    text = (without_site_lines(text) if furnished else text).lstrip()
    start, took_heading = _from_heading(text, [h for h in headings if h.strip()])
    if took_heading:
        start = _without_byline(start, bylines, run_on=True)
        start, _ = _from_heading(start, [h for h in headings if h.strip()])  # said twice
    else:
        start = _without_byline(start, bylines, run_on=False)
    return _DANGLING.sub("", _without_credits(start)).strip()


def _from_heading(text: str, headings: list[str]) -> tuple[str, bool]:
    """What follows the first of ``headings`` that ``text`` opens with, past the menu lines
    before it; and whether one was found."""
    lines = text.split("\n")
    for skip in range(min(MENU_LINES, len(lines) - 1) + 1):
        if skip and not _reads_as_menu(lines[skip - 1]):
            break
        below = "\n".join(lines[skip:]).lstrip()
        for heading in headings:
            rest = _after(below, heading)
            if rest is not None and not _GOES_ON.match(rest):
                return _SEPARATORS.sub("", rest), True
    return text, False


def _reads_as_menu(line: str) -> bool:
    """A short line that ends no sentence: navigation or breadcrumbs, not the article's."""
    stripped = line.strip()
    return len(stripped) < _MENU_LINE and not stripped.endswith((".", "。", "!", "?", "！", "？"))


def _without_byline(text: str, bylines: Iterable[str], run_on: bool) -> str:
    """``text`` without the byline it opens with: one that dates the article ("By staff
    reporter · 07 December 2026 05:08", "Von der Redaktion · …", wherever it stands:
    ``page_dates.dated_byline_end``), or the first of ``bylines`` on its first line, or
    (``run_on``: right after the heading) run into the text."""
    names = sorted({b.strip() for b in bylines if b.strip()}, key=len, reverse=True)
    dated = dated_byline_end(text, names)
    if dated:
        return text[dated:]
    for name in names:
        line, _, below = text.partition("\n")
        if line[byline_opening(line) :].strip().casefold() == name.casefold():  # its own line
            return below
        after = _after(text[byline_opening(text) :], name) if run_on else None
        if after is not None and after[:1].isspace():
            return after
    return text


def _after(text: str, prefix: str) -> str | None:
    """What of ``text`` follows ``prefix`` at its start, matched in any case and whatever the
    spaces and line breaks (an extraction may join a heading to the text, or break it); None
    when the text does not start with it."""
    wanted = "".join(prefix.split()).casefold()
    if not wanted:
        return None
    matched = 0
    for index, char in enumerate(text):
        if char.isspace():
            continue
        if char.casefold() != wanted[matched]:
            return None
        matched += 1
        if matched == len(wanted):
            return text[index + 1 :]
    return None


# Chinese pages' furniture (trial 34 #1, #15): the line under the heading that dates the
# article and names its source, author or editor ("2026-12-07 08:40 来源：汽车之家资讯",
# "作者：李明 责任编辑：王小明"), and the lines that say where the article or its pictures come
# from ("原标题：…", "本文来自微信公众号…", "（图片来源：…）", and trial 39's "（本文来源：电车汇，
# 转载请注明出处）", a short page's only text besides its heading) or tell the reader to click.
# Extractors keep them as lines of the text or, where a page's paragraphs ran together, at its
# start and its end. Left in, they open summaries and `read`, and their words (来源, 编辑) are
# shared by unrelated articles.
_CREDIT_WORDS = (
    "来源|來源|作者|责任编辑|責任編輯|编辑|編輯|责编|責編|实习记者|實習記者|记者|記者|通讯员|"
    "通訊員|撰文|摄影|攝影|校对|校對|审核|審核|出品|发布时间|發布時間|原标题|原標題|文|图|圖"
)
_CREDIT = rf"(?:{_CREDIT_WORDS})\s?[:：]"
_DAY = r"\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}\s?日?"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_STAMP = re.compile(rf"^(?:{_DAY}\s*(?:{_CLOCK})?|{_CLOCK})\s*")
_CREDIT_START = re.compile(_CREDIT)
# Lines that are credits whatever their length: the article's first title, its republication.
# "转载请注明出处": a site's terms for republishing, under every article.
_REPUBLISH = r"(?:转载|轉載)(?:请|請)(?:注明|註明)"
_SOURCE_LINE = re.compile(
    r"^(?:原标题|原標題|[（(]?本文(?:来源|來源|来自|來自|转载自|轉載自|转自|轉自|经授权|經授權|"
    r"由.{0,30}授权|由.{0,30}授權)|" + _REPUBLISH + "|"
    r"[（(]?(?:图片|圖片|图|圖)(?:来源|來源|源)\s?[:：]|[点點][击擊](?:查看)?(?:大图|大圖|图片|圖片|上方))"
)
_PICTURE_CREDIT = re.compile(r"[（(](?:图片|圖片|图|圖)(?:来源|來源|源)\s?[:：][^）)\n]{0,40}[）)]")
_CREDIT_LINE = 80  # characters: longer is a sentence that starts with a date
_TAIL_CHARS = 50  # an editor's credit run into the end: "责任编辑：王小明", a name of up to 30
# What a credit line may start with (a date aside): the first characters of the words above.
_CREDIT_FIRST = frozenset("来來作责責编編实實记記通撰摄攝校审審出发發原文图圖本点點转轉（(")
_SENTENCE_MARKS = "。！？，；"
_SENTENCE_ENDS = "。！？"
# A credit's value: a name, no sentence ("来源：国家统计局数据显示，…" is the article's).
_NAMED = r"[^\s:：，。！？；,]{1,30}"
_RUN_ON_LEAD = re.compile(
    rf"^(?:{_DAY}\s*{_CLOCK}\s+|{_DAY}\s+(?={_CREDIT}))?(?:{_CREDIT}\s?{_NAMED}\s+)+"
    rf"|^{_DAY}\s*{_CLOCK}\s+"
)
_RUN_ON_TAIL = re.compile(
    rf"\s+(?:[（(]?(?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s?[:：]\s?{_NAMED}[）)]?|[（(]完[）)])$"
    # (the terms for republishing, right after the last sentence's stop too)
    r"|\s*(?:[（(]本文(?:来源|來源)[:：][^（）()\n]{1,40}[）)]|"
    + _REPUBLISH
    + r"(?:出处|出處)。?)$"
)


def without_site_lines(text: str) -> str:
    """``text`` without its site's furniture (``page_furniture``) and a paywall's prompts
    (``page_walls.without_prompts``), wherever they stand."""
    return without_prompts(without_page_furniture(text))


def without_furniture(text: str) -> str:
    """``text`` without its site's furniture (``page_furniture``: navigation, a cookie banner,
    a tip line, newsletter and app prompts) and without Chinese pages' dateline and credit
    lines (see above), as lines or run into its start and end."""
    return _without_credits(without_site_lines(text))


def _without_credits(text: str) -> str:
    if text.isascii():
        return text  # (the English bylines are the heading's, above)
    kept = [
        _PICTURE_CREDIT.sub("", line) if "源" in line else line
        for line in text.split("\n")
        if not _credit_line(line)
    ]
    text = _RUN_ON_LEAD.sub("", "\n".join(kept).lstrip())
    # (the editor's credit is searched for only at the end: a search of every space is slow)
    tail = _RUN_ON_TAIL.search(text, max(0, len(text) - _TAIL_CHARS))
    return text[: tail.start()] if tail else text


def _credit_line(line: str) -> bool:
    """A line that dates the article or credits it: "2026-12-07 08:40 来源：汽车之家资讯",
    "责任编辑：王小明", "原标题：…", "（图片来源：视觉中国）"; not "2026年12月7日，比亚迪宣布…"."""
    stripped = line.strip()
    if not stripped or (stripped[0] not in _CREDIT_FIRST and not stripped[0].isdigit()):
        return False
    if _SOURCE_LINE.match(stripped):  # unless the article's sentences run on after it
        return not any(mark in stripped[:-1] for mark in _SENTENCE_ENDS)
    if len(stripped) > _CREDIT_LINE or any(mark in stripped for mark in _SENTENCE_MARKS):
        return False  # a sentence, or credits run into one
    rest = _STAMP.sub("", stripped, count=1)
    return not rest or bool(_CREDIT_START.match(rest))
