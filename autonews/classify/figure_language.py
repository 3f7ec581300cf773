"""How a text writes its numbers, and numbers it spells out.

German, French and most of Europe group thousands with a dot and write decimals with a comma:
"Tesla ruft 24.214 Cybertrucks zurück" recalls 24,214 trucks, "1,2 Mrd. Euro" are 1.2 billion
(trial 46 read 24.214 trucks and 10 yuan for "10.000 Yuan"). English and Chinese write them the
other way round. The classifier's figures and the clustering's read a text by its own convention,
decided here from the text alone (the clustering knows no item's language): its words
(events.de.toml's German words and languages.toml's words of the languages of figures.toml's
`[decimal_comma]`, against events.de.toml's English ones), and where they do not tell, the form
of its numbers (a comma before one or two digits, "2,1 %", is written only so).

A number spelled out ("um sieben Prozent", "zwölf Prozent", "five per cent") is a figure before a
percent word or a scale (figures.toml `[spelled]`).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from autonews.classify.figure_words import DATA
from autonews.numbers import SCALE_WORDS

# A digit, a separator and a digit: a text without one writes no number either convention
# would read otherwise, and is read as it always was.
_SEPARATED = re.compile(r"\d[.,]\d")
# Forms only the decimal comma writes: a comma before one or two digits ("1,2", "2,1 %"; not the
# Indian "1,81,531", where two digits come before a comma), dots grouping millions (not an IP
# address's, "52.184.226.50"), both.
_COMMA_FORM = re.compile(
    r"\d,\d{1,2}(?![\d,])|(?<![\d.])\d{1,3}\.\d{3}\.\d{3}(?![\d.])|\d\.\d{3},\d"
)
# A form only the decimal point writes: a dot before one or two digits ("41.9%", "2.5"; not a
# date's "5.12.", nor a version's "1.2.3"), as thousands dots group three. In a text that also
# writes no form of the decimal comma, it outweighs a name or two of another language in an
# English title ("Tesla Deutschland: … down 41.9%", "Groupe PSA margin hits 8.5%", "Luca de Meo:
# Renault Le Mans output falls 2.5%": review 35).
_POINT_FORM = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")
_TEXT_OF_ITS_OWN = 3  # words of a language of decimal commas that outweigh the point's form
# Chinese and Japanese write decimal points (44.17万辆): their characters settle it.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_]+")
_SURE_MARKER = 5  # letters of a word that alone marks a text as in its language


def _knowledge(name: str) -> dict[str, Any]:
    data = resources.files("autonews.knowledge").joinpath(name).read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@cache
def _marking_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that mark a text as written in a language of decimal commas, and the English
    ones that mark it as English; in lower case. Read when a text first needs them."""
    german = _knowledge("events.de.toml")["language"]
    shared = {word.casefold() for word in german.get("shared", [])}
    continental = {word.casefold() for word in german["words"]} - shared
    languages = set(DATA["decimal_comma"]["languages"])
    for language in _knowledge("languages.toml")["language"]:
        if language["name"] in languages:
            continental.update(word.casefold() for word in language.get("words", []))
    english = frozenset(word.casefold() for word in german["english"])
    return frozenset(continental - english), english


def decimal_comma(text: str) -> bool:
    """Whether ``text`` writes its numbers with a decimal comma ("24.214" is 24,214, "1,2" is
    1.2): it has more words of such a language than English words, or as many and a number only
    that convention writes ("Mistral AI lève 1,7 milliard"); not a text of a word or two of
    such a language that writes a number only the decimal point does ("41.9%", and no "1,2"
    form). A text that separates no digits
    needs no answer (False), nor one in Chinese characters (they write decimal points).

    An English title with "24.214" ("Tesla recalls 24.214 Cybertrucks", a slip or a German
    outlet's English) stays read as 24.214 here: it may be a sum ("$1.234 billion") or a share
    of a percent; the classifier reads such a count of whole things as 24,214 instead
    (``whole_count``), a fraction of a truck being no figure."""
    if not _SEPARATED.search(text) or _CJK.search(text):
        return False
    continental, english = _marking_words()
    words = _WORD.findall(text.casefold())
    # (counted by loops in C: this runs for every title with a separated number)
    ours = sum(map(continental.__contains__, words))
    theirs = sum(map(english.__contains__, words))
    if theirs > ours:
        return False
    if ours < _TEXT_OF_ITS_OWN and _POINT_FORM.search(text) and not _COMMA_FORM.search(text):
        return False
    # Two words, or one of five letters or more, mark the language for sure.
    if ours > theirs and (
        ours > 1 or len(next(filter(continental.__contains__, words))) >= _SURE_MARKER
    ):
        return True
    # As many of each, or one short word ("Neue Klasse" in an English title, "IM Motors", a
    # domain's "com"): the numbers' form tells, if it can.
    return _COMMA_FORM.search(text) is not None


_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}")


def whole_count(digits: str, value: float) -> float:
    """The value of a count of whole things (cars, jobs, parts) written with no scale: "24.214"
    in a title read with decimal points is 24,214, as no outlet counts a fraction of a car
    (three decimals of a count are a thousands dot); other values as they are."""
    if _THOUSANDS_DOT.fullmatch(digits):
        return float(digits.replace(".", ""))
    return value


@cache
def spelled_numbers() -> dict[str, int]:
    """Every spelled number of figures.toml `[spelled]`, in lower case, and its value."""
    return {
        word.casefold(): value
        for table in DATA["spelled"].values()
        for word, value in table.items()
    }


# Where a spelled number may be: a text with a percent word or sign or a scale word.

PERCENT_WORDS = r"%|prozent\b|procent\b|per\s?cent\b|pour\s+cent\b|percent\b"


@cache
def _spelled_pattern() -> re.Pattern[str]:
    words = sorted(spelled_numbers(), key=len, reverse=True)
    return re.compile(
        rf"(?<![\w-])({'|'.join(map(re.escape, words))})\s+"
        rf"(?:(?P<percent>{PERCENT_WORDS})|(?P<scale>{SCALE_WORDS})\b\.?)",
        re.IGNORECASE,
    )


def spelled(text: str, words: list[str] | None = None) -> list[re.Match[str]]:
    """The spelled numbers of ``text`` before a percent word ("sieben Prozent": group
    ``percent``) or a scale ("zwei Milliarden": group ``scale``); group 1 is the number.
    ``words``: the text's tokens (``Tokens.norms``), where the caller has them."""
    if words is not None and text.isascii() and _spelled_words().isdisjoint(words):
        # An ASCII text's spelled number, between no letter, digit or hyphen and a space, is a
        # whole token: a text with none among its tokens has none, asked before the text is
        # lowered and searched (the classifier has its title's tokens).
        return []
    # Where a percent word or a scale may be: a text with none of these has no spelled number
    # before one (substring tests: a regex of them searched every title cost 7 µs of a
    # headline's 90).
    lower = text.lower()
    if not (
        "%" in text
        or "cent" in lower
        or "prozent" in lower
        or "procent" in lower
        or "illi" in lower
        or "mrd" in lower
        or "mio" in lower
        or "md" in lower
    ):
        return []
    # ... and a spelled number among its words. Asked of an ASCII text only, where lower case
    # and the pattern's ignoring of case agree letter for letter (elsewhere "ſ" is an "s" to
    # the pattern); the number is a whole run of letters there, by the pattern's bounds. Most
    # titles that pass the test above write "5%" or "2 million": no pattern is searched.
    if text.isascii() and _spelled_words().isdisjoint(_LETTERS.findall(lower)):
        return []
    return list(_spelled_pattern().finditer(text))


_LETTERS = re.compile(r"[a-z]+")  # (of an ASCII text in lower case)


@cache
def _spelled_words() -> frozenset[str]:
    return frozenset(spelled_numbers())
