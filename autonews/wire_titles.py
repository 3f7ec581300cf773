"""Headlines as a digest shows them: without a news wire's bookkeeping (trial 31 #17). Wires
write for editors as well as readers: "UPDATE 1-" counts a story's versions, "CORRECTED-",
"REFILE-" and "RPT-" say a version was sent again, "BRIEF-" and "EXCLUSIVE-" file it. None
of that is news to a reader, and a corrected title is the title now. What carries meaning is
kept, in words: "… Spanish plant -sources" is a rumour, shown "…, sources say". A weibo post's
markup is no headline's either: its "#话题#" hashtags and "[心]" emoticon codes (trial 34 #8)."""

from __future__ import annotations

import re

# Prefixes a wire puts before its headline, upper case, before a dash; "UPDATE 2-" counts.
BOOKKEEPING = (
    "UPDATE",
    "UPDATED",
    "WRAPUP",
    "CORRECTED",
    "CORRECTION",
    "REFILE",
    "RPT",
    "REPEAT",
    "BRIEF",
    "EXCLUSIVE",
    "URGENT",
    "FLASH",
    "BUZZ",
)
# A wire's short suffix naming who says it, as words ("-sources" -> ", sources say").
SAID_BY = {
    "sources": "sources say",
    "source": "source says",
    "report": "report says",
    "reports": "reports say",
    "media": "media report",
    "filing": "filing shows",
    "document": "document shows",
    "statement": "statement says",
}

_PREFIX = re.compile(rf"^\s*(?:{'|'.join(BOOKKEEPING)})(?:\s?\d+)?\s?[-–]\s*")
# " -sources" at the end: a space before the dash, none after (a hyphenated word has neither).
_SUFFIX = re.compile(r"\s+[-–]([A-Za-z][\w.&']*)\s*$")


def without_bookkeeping(title: str) -> str:
    """The headline without a wire's bookkeeping prefixes alone ("UPDATE 1-Ford expands..."
    -> "Ford expands..."): what the classifier reads, as "1-Ford" names no maker."""
    if not title[:1].isalpha() or not title[:1].isupper():
        return title  # most titles: no prefix to look for
    shown = title
    while match := _PREFIX.match(shown):
        shown = shown[match.end() :]
    return shown if shown.strip() else title


def shown_title(title: str) -> str:
    """The headline without a wire's bookkeeping prefixes ("UPDATE 1-", "CORRECTED-", several
    in a row: "RPT-UPDATE 2-"), with its "-sources" suffix in words, and without a post's
    hashtags and emoticon codes (:func:`without_post_markup`); else as written."""
    shown = without_post_markup(title)
    while match := _PREFIX.match(shown):
        shown = shown[match.end() :]
    if said := _SUFFIX.search(shown):
        who = said.group(1)
        words = SAID_BY.get(who.lower()) or (f"{who} reports" if who[0].isupper() else "")
        if words:
            shown = f"{shown[: said.start()].rstrip(' ,')}, {words}"
    return shown.strip() or title


# A weibo topic, "#小米YU7#": closed by a second "#", no space inside, and Chinese words in it
# (so "C# and F#" or "#1 pick" are no hashtags).
_HASHTAG = r"#([^#\s]{0,40}[\u3400-\u9fff][^#\s]{0,40})#"
# A weibo emoticon's code, "[心]", "[允悲]", "[doge]": a word or two in brackets, no more.
_EMOTICON = r"\[(?:[\u3400-\u9fff]{1,4}|[a-z]{2,6})\]"
_FILED_UNDER = re.compile(rf"(?:\s*(?:{_HASHTAG}|{_EMOTICON}))+\s*$")


def without_post_markup(title: str) -> str:
    """A post's title without its markup: the hashtags and emoticons it ends with only file it
    ("…雷总这是要干理想L9啊#小米YU9#") and go; a hashtag before or within its text names what
    it is about ("#小米YU7# 交付破4万台啦！") and keeps its words; other emoticon codes go. A
    title that is nothing but markup keeps its words."""
    if "#" not in title and "[" not in title:
        return title  # most titles: nothing to look for
    # Taking markup out can leave markup ("##万##" -> "#万#"): again until nothing changes, so
    # that a title shown is shown the same when read again (each pass only shortens it).
    shown = _markup_taken_out(title)
    while shown != title:
        title, shown = shown, _markup_taken_out(shown)
    return shown


def _markup_taken_out(title: str) -> str:
    told = re.sub(_HASHTAG, r"\1", _FILED_UNDER.sub("", title))
    shown = " ".join(re.sub(_EMOTICON, "", told).split())
    return shown or " ".join(re.sub(_HASHTAG, r" \1 ", title).split())


def only_post_markup(text: str) -> bool:
    """Whether ``text`` is nothing but a post's hashtags and emoticon codes
    ("#小米SU7召回# [心]")."""
    return bool(text.strip()) and not _FILED_UNDER.sub("", text)


# How an aggregator (Google News) joins an outlet's name to its headline: "… - Reuters".
_OUTLET_DASHES = (" - ", " – ", " — ", " | ")


def without_outlet(title: str, outlet: str) -> str:
    """An aggregator's headline without the outlet's name it ends with ("Volkswagen to cut
    35,000 jobs … - Reuters" from Reuters: "Volkswagen to cut 35,000 jobs …"), only when that
    name is the outlet the item names (its RSS ``<source>``): " - Reuters" on a CNBC item, or a
    dash in a headline of its own, is the headline's."""
    name = " ".join(outlet.split()).casefold()
    if not name:
        return title
    for dash in _OUTLET_DASHES:
        # The last dash may be the outlet's own ("- Reuters - Breakingviews", "- -"): try
        # each, from the end, until the rest is longer than the name.
        end = len(title)
        while (at := title.rfind(dash, 0, end)) >= 0:
            tail = " ".join(title[at + len(dash) :].split()).casefold()
            if tail == name and title[:at].strip():
                return title[:at].rstrip()
            if len(tail) > len(name):
                break
            end = at + len(dash) - 1  # (dashes may overlap: "0 - - ")
    return title
