"""A name the text itself shows to be used as something else than the brand.

Many Chinese brand names are also words: 吉利 is luck, 宝马 a fine horse, 零跑 "no running",
问界 a word of novels' titles. Most headlines that name them are about the cars, told with no
car word at all ("当问界真的遥遥领先"), so these names count without evidence. Where the text
shows the other sense, they need it, as an ambiguous name does (verdicts.py):
- the name is part of an ordinary word of the text (knowledge: nonmakers.toml `words`) that
  holds it or runs across its edge: 讨个吉利, 汗血宝马, 全年零跑步记录 (跑步, running);
- the name is inside a work's title: 网文《问界长生》改编动画 (a novel), 电影〈吉利如意〉.
A model or a car word beside the name, or an automotive headline it opens, still makes it the
brand ("零跑步入新势力销量第一" is Leapmotor stepping in).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from autonews.classify.knowledge import Knowledge
from autonews.classify.lexicon import Tokens
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import Spotted

# The brackets of a work's title: a book, a film, a show, a game, a law.
_TITLE_OPENS = "《〈"
_TITLE_CLOSES = "》〉"


def names_used_as_words(
    k: Knowledge, tokens: Tokens, picked: list[Spotted], reasons: list[str]
) -> list[Spotted] | None:
    """``picked`` with each sure name the text uses as a word marked ambiguous (to be judged
    by the rest of the text), or None where the text shows no such use."""
    plain = tokens.plain
    if tokens.text.isascii():
        return None
    titled = any(bracket in plain for bracket in _TITLE_OPENS)
    words = _words_in(k.words_cjk, plain) if k.words_cjk else []
    if not titled and not words:
        return None
    marked: list[Spotted] | None = None
    for index, (start, end, hit) in enumerate(picked):
        if hit.ambiguous or not tokens.cjk(start):
            continue
        first, last = tokens.where(start, end)
        why = _in_a_word(words, first, last) or (titled and _in_a_title(plain, first, last))
        if not why:
            continue
        if marked is None:
            marked = list(picked)
        marked[index] = (start, end, replace(hit, ambiguous=True))
        if reasons is not DISCARD:
            reasons.append(f"'{tokens.span(start, end)}' {why}: judged as an ambiguous name")
    return marked


def used_as_a_word(k: Knowledge, text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` only as a word (in an ordinary word or a work's title):
    its title's judgement stands for a summary that names it again."""
    plain = Tokens(text).plain
    words = _words_in(k.words_cjk, plain) if k.words_cjk else []
    found = plain.find(name)
    if found < 0:
        return False
    while found >= 0:
        last = found + len(name)
        if not (_in_a_word(words, found, last) or _in_a_title(plain, found, last)):
            return False
        found = plain.find(name, last)
    return True


def _words_in(words: tuple[str, ...], text: str) -> list[tuple[int, int, str]]:
    """Where ``words`` are in the text: start, end and the word (the longest at a place)."""
    return [(m.start(), m.end(), m.group()) for m in _pattern(words).finditer(text)]


@lru_cache(maxsize=4)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _in_a_word(words: list[tuple[int, int, str]], first: int, last: int) -> str:
    """'is in the word ...' where one of ``words`` (their places in the text) overlaps the name's
    characters from ``first`` to ``last``, else ''."""
    for start, end, word in words:
        if start < last and first < end:
            return f"is in the word '{word}'"
    return ""


def _in_a_title(plain: str, first: int, last: int) -> str:
    """'is in the title 《...》' where the name stands between a work title's brackets, else ''."""
    before = plain[:first]
    opened = max(before.rfind(bracket) for bracket in _TITLE_OPENS)
    if opened < 0 or max(before.rfind(bracket) for bracket in _TITLE_CLOSES) > opened:
        return ""
    after = plain[last:]
    closes = [after.find(bracket) for bracket in _TITLE_CLOSES]
    closed = min((at for at in closes if at >= 0), default=-1)
    if closed < 0:
        return ""
    opening = min((at for at in map(after.find, _TITLE_OPENS) if at >= 0), default=closed + 1)
    if opening < closed:
        return ""
    return f"is in the title {plain[opened : last + closed + 1]}"
