"""What a news site shows around every article, where an extraction keeps it as lines of the
text (trial 39 #2): a short page's article is too short for the extractor, which then takes the
whole page. Left in, it was a flash item's whole body and its story's summary ("首页 | 资讯 |
新能源 | 数据 | 下载APP 本网站使用Cookie以提升您的浏览体验。 同意 …"), the last words of nearly
every English summary ("Have a tip?"), and evidence that two items tell one event ("shared
subject: hkex, 同意": the cookie banner's button).

- The site's navigation, found by its shape: a line of short links between separators ("Home |
  News | Markets"), a run of short lines with a separator line between links (each link on a line
  of its own), a run of one-cell table rows of short links (a site laid out in tables).
- Its cookie or consent banner (a sentence naming cookies, and its buttons), its newsroom's call
  for tips, its newsletter and app prompts: sentences and lines of the words of
  ``knowledge/furniture.toml``.

Read when a page is extracted, and again where a body the store kept from before is shown or
compared (``page_text.without_furniture``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import groupby

from autonews.text import joined_sentences

_FURNITURE_SENTENCE = 160  # characters: an article's sentence naming cookies or an app is longer
_MENU_ITEM = 30  # characters of a navigation link
_MENU_SEGMENTS = 3  # links on a line: "Home | News" may be a byline's "Outlet · 10:15"
_MENU_ROWS = 3  # one-cell table rows of links
_SENTENCE_ENDS = (".", "。", "!", "?", "！", "？", ":", "：", ";", "；")
# Between an extraction's sentences: after a full stop (not one inside "3.86"), or a Chinese one.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*")
_SEPARATORS = "|｜·•/>»›"
_SEPARATOR_LINE = re.compile(rf"^[{_SEPARATORS}\s]+$")
# Links on one line: "Home | News | Markets", "首页 · 资讯 · 数据", "Home > Autos > EVs".
_LINK_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+[·•/>»›]\s+")
_ONE_CELL_ROW = re.compile(r"^\|\s*([^|]+?)\s*\|$")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff]")


@dataclass(frozen=True)
class _Words:
    """The words of knowledge/furniture.toml, compiled."""

    cookies: re.Pattern[str]
    consent: re.Pattern[str]
    buttons: re.Pattern[str]  # a line (or what is left of one) of nothing but buttons
    tips: re.Pattern[str]
    prompt_starts: re.Pattern[str]
    prompt_things: re.Pattern[str]
    run_on: re.Pattern[str]  # a tip or prompt opening after a space, within a line
    # What a line holds when it may hold furniture (cookies, what a tip line or a prompt opens
    # with), case-folded: most lines hold none, and a test of them is cheaper than the patterns.
    keys: tuple[str, ...]
    byline: re.Pattern[str]  # the words that open a byline, and what follows them


def _either(words: list[str]) -> str:
    """One pattern for any of ``words``, longest first: a Latin word whole (not "app" of
    "approach"), a Chinese one anywhere; spaces as any spaces."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        latin_end = not _CJK.search(word) and word[-1:].isalnum()
        parts.append(escaped + r"(?![a-z0-9])" if latin_end else escaped)
    return "(?:" + "|".join(parts) + ")"


_WORD_START = r"(?<![a-z0-9])"
_SENTENCE_START = r"^\W*"


@lru_cache(maxsize=1)
def _words() -> _Words:
    """knowledge/furniture.toml's words as patterns, read once a process."""
    source = resources.files("autonews.knowledge").joinpath("furniture.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    consent, prompts = data["consent"], data["prompts"]
    tips = {"starts": data["tips"]["starts"] + data["notes"]["starts"]}  # both open sentences

    def pattern(text: str) -> re.Pattern[str]:
        return re.compile(text, re.IGNORECASE)

    openings = _either(tips["starts"] + prompts["starts"])
    return _Words(
        cookies=pattern(_WORD_START + _either(consent["cookies"])),
        consent=pattern(_WORD_START + _either(consent["words"])),
        buttons=pattern(rf"^(?:\s*{_either(consent['buttons'])}\s*[{_SEPARATORS}]?)+\s*$"),
        tips=pattern(_SENTENCE_START + _either(tips["starts"])),
        prompt_starts=pattern(_SENTENCE_START + _either(prompts["starts"])),
        prompt_things=pattern(_WORD_START + _either(prompts["things"])),
        run_on=pattern(r"(?<=\s)" + openings),
        keys=tuple(
            {word.casefold() for word in consent["cookies"] + tips["starts"] + prompts["starts"]}
        ),
        byline=pattern(_byline_opening(data["bylines"]["starts"])),
    )


def _byline_opening(words: list[str]) -> str:
    """A byline's opening words, longest first: a Latin one followed by spaces (a colon may come
    between), a Chinese one by spaces, a colon or a slash, or by the name itself."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        after = r"\s*[:：/／]?\s*" if _CJK.search(word) else r"\s*:?\s+"
        parts.append(escaped + after)
    return r"^\s*(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def zone_abbreviations() -> tuple[str, ...]:
    """The time zones a byline's time may name by abbreviation (knowledge/furniture.toml,
    ``[bylines] zones``)."""
    source = resources.files("autonews.knowledge").joinpath("furniture.toml")
    zones: list[str] = tomllib.loads(source.read_text("utf-8"))["bylines"]["zones"]
    return tuple(re.escape(zone) for zone in zones)


def name_zone_abbreviations() -> tuple[str, ...]:
    """The zones that also open a company's name ("PT": "PT Astra"), of ``zone_abbreviations``
    (knowledge/furniture.toml, ``[bylines] name_zones``)."""
    source = resources.files("autonews.knowledge").joinpath("furniture.toml")
    zones: list[str] = tomllib.loads(source.read_text("utf-8"))["bylines"]["name_zones"]
    return tuple(re.escape(zone) for zone in zones)


def byline_opening(text: str) -> int:
    """How many characters of ``text`` open a byline ("By ", "Von der ", "文/", "作者："): 0 when
    it opens with none (knowledge/furniture.toml, ``[bylines]``)."""
    found = _words().byline.match(text)
    return found.end() if found else 0


def without_page_furniture(text: str) -> str:
    """``text`` without its site's navigation, cookie banner, tip line and newsletter and app
    prompts (see above), as lines of their own or run into the article's lines."""
    lines = _without_navigation(text.split("\n"))
    words = _words()
    if _may_hold(text, words):
        lines = _without_furniture_sentences(lines, words)
    return "\n".join(lines)


def _may_hold(text: str, words: _Words) -> bool:
    folded = text.casefold()
    return any(key in folded for key in words.keys)


def _without_furniture_sentences(lines: list[str], words: _Words) -> list[str]:
    """``lines`` less their banner, tip and prompt sentences, and the banner's button lines
    around its sentence; a line left empty goes."""
    kept: list[str] = []
    after_banner = False  # the line before was the banner's, or one of its buttons
    for line in lines:
        if not line.strip():
            kept.append(line)
            continue
        if after_banner and words.buttons.match(line):
            continue
        if not _may_hold(line, words):
            kept.append(line)
            after_banner = False
            continue
        cleaned = _without_run_on_tail(line.strip(), words)
        left, banner = _article_sentences(_SENTENCE_BREAK.split(cleaned), words)
        after_banner = banner and not left
        if banner and kept and words.buttons.match(kept[-1]):
            kept.pop()  # a button line above the banner's
        if left == [part for part in _SENTENCE_BREAK.split(cleaned) if part]:
            kept.append(line if cleaned == line.strip() else cleaned)
        elif left:
            kept.append(joined_sentences(left))
    return kept


def _article_sentences(sentences: list[str], words: _Words) -> tuple[list[str], bool]:
    """Of a line's ``sentences``, those that are not furniture; and whether one was a cookie
    banner's (whose buttons may follow on the next lines)."""
    left: list[str] = []
    banner = False
    for sentence in sentences:
        if banner and not left:  # the banner's buttons, run into its line after it
            sentence = _without_leading_buttons(sentence, words)
        if _is_banner(sentence, words):
            banner = True
        elif sentence and not _is_tip_or_prompt(sentence, words):
            left.append(sentence)
    return left, banner


def _without_run_on_tail(line: str, words: _Words) -> str:
    """A line less the tip line or prompts run into its end after a sentence that ends
    without a stop ("* Xpeng delivered 43,150 Smart EVs in November Have a tip? Contact our
    newsroom."): from a capital that opens one, when all that follows is furniture."""
    for found in words.run_on.finditer(line):
        rest = line[found.start() :]
        if not (rest[0].isupper() or _CJK.match(rest)):
            continue  # "readers who have a tip can…" is the article's
        if all(_is_tip_or_prompt(part, words) for part in _SENTENCE_BREAK.split(rest) if part):
            return line[: found.start()].rstrip()
    return line


def _without_leading_buttons(sentence: str, words: _Words) -> str:
    """A sentence less the buttons it opens with ("Accept all Manage preferences Leapmotor…"
    where a page's text ran together): the words are buttons only right after a banner."""
    parts = sentence.split()
    for cut in range(len(parts), 0, -1):
        if words.buttons.match(" ".join(parts[:cut])):
            return " ".join(parts[cut:])
    return sentence


def _is_banner(sentence: str, words: _Words) -> bool:
    return (
        len(sentence) <= _FURNITURE_SENTENCE
        and words.cookies.search(sentence) is not None
        and words.consent.search(sentence) is not None
    )


def _is_tip_or_prompt(sentence: str, words: _Words) -> bool:
    if len(sentence) > _FURNITURE_SENTENCE:
        return False
    if words.tips.match(sentence):
        return True
    return bool(words.prompt_starts.match(sentence) and words.prompt_things.search(sentence))


def _without_navigation(lines: list[str]) -> list[str]:
    """``lines`` less the site's menus (see the module's docstring)."""
    kept: list[str] = []
    run: list[str] = []  # short lines that may be a menu's links, one a line
    for line in lines:
        if _menu_line(line):
            continue
        if _menu_part(line):
            run.append(line)
            continue
        kept += _unless_a_menu(run)
        run = []
        kept.append(line)
    kept += _unless_a_menu(run)
    return kept


def _menu_part(line: str) -> bool:
    """A line that may be one of a menu's: a link, a separator, a one-cell table row of a link."""
    stripped = line.strip()
    if len(stripped) > _MENU_ITEM + 4:  # (a paragraph: most lines)
        return False
    row = _ONE_CELL_ROW.match(stripped)
    return bool(stripped) and (
        _SEPARATOR_LINE.match(stripped) is not None
        or _link(row.group(1) if row else stripped, table=bool(row))
    )


def _link(text: str, table: bool = False) -> bool:
    """Text that reads as a menu's link: short, in words (not a figure), ending no sentence,
    not a table's row."""
    return (
        0 < len(text) <= _MENU_ITEM
        and any(char.isalpha() for char in text)
        and not text.endswith(_SENTENCE_ENDS)
        and (table or not text.startswith("|"))
    )


def _unless_a_menu(run: list[str]) -> list[str]:
    """A run of short lines less the menus in it: the links from the first separator line to
    the last, with the link before the first and after the last; three or more one-cell table
    rows of links in a row. Its other lines (a heading, a byline) stay."""
    marks = [i for i, line in enumerate(run) if _SEPARATOR_LINE.match(line.strip())]
    if len(marks) >= 2:
        start, end = max(0, marks[0] - 1), marks[-1] + 2
        return _unless_a_menu(run[:start]) + _unless_a_menu(run[end:])
    kept: list[str] = []
    for rows, lines in groupby(run, key=lambda line: bool(_ONE_CELL_ROW.match(line.strip()))):
        group = list(lines)
        if not (rows and len(group) >= _MENU_ROWS):
            kept += group
    return kept


def _menu_line(line: str) -> bool:
    """A line of links between separators: "Home | News | Markets", "首页 · 资讯 · 数据"."""
    stripped = line.strip()
    if stripped.startswith("|") or stripped.endswith(_SENTENCE_ENDS):
        return False  # a table's row, or a sentence
    if not any(mark in stripped for mark in _SEPARATORS):
        return False
    links = [part for part in _LINK_SEPARATOR.split(stripped) if part.strip()]
    return len(links) >= _MENU_SEGMENTS and all(_link(part) for part in links)


def without_furniture_elements(html: str) -> str:
    """``html`` without the elements that hold no article text (furniture.toml `[elements]`: a
    figure's caption, a share line), which an extractor keeps where it rescues a short article
    as the whole ``<article>``. Most pages hold neither: a substring test rules them out."""
    cues, pattern = _elements()
    lower = html.lower()
    if not any(cue in lower for cue in cues):
        return html
    return pattern.sub("", html)


@lru_cache(maxsize=1)
def _elements() -> tuple[tuple[str, ...], re.Pattern[str]]:
    source = resources.files("autonews.knowledge").joinpath("furniture.toml")
    elements = tomllib.loads(source.read_text("utf-8"))["elements"]
    tags = "|".join(re.escape(tag) for tag in elements["tags"])
    classes = "|".join(re.escape(name) for name in elements["classes"])
    by_name = rf"<({tags})\b[^>]*>.*?</\1\s*>"
    # (one element, to its first closing tag of its name: a nested one of the same name leaves
    # its parent's end behind, which parsers drop)
    by_class = (
        rf"<({_CLASSED})\b[^>]*\bclass\s*=\s*[\"'](?:[^\"']*\s)?(?:{classes})(?:\s[^\"']*)?[\"']"
        rf"[^>]*>.*?</\2\s*>"
    )
    cues = (*(f"<{tag}" for tag in elements["tags"]), *elements["classes"])
    return cues, re.compile(f"{by_name}|{by_class}", re.IGNORECASE | re.DOTALL)


_CLASSED = "p|div|ul|section|aside|span|nav"
