"""What only an opinion piece's, an analysis's, a review's or a preview's title says: "Opinion:
Renault's Mitsubishi gamble…", "2025 Ford Explorer Review: …", "What to Expect From Volkswagen's
Third-Quarter Results", "Autos: the week ahead - …", "试驾小米SU7标准版：…". Such an item writes
about the news, it does not tell it: it never gives a story its title and link while a source
telling the event is there (trials 30 and 31). Read by the digest; the words are the data below,
the patterns only say where in a title they count."""

from __future__ import annotations

import re

# A label a title opens with, before a colon, a dash or a bar ("Opinion: …", "Analysis - …",
# "前瞻：…"); "Autos: the week ahead" opens with its desk's name first.
OPENING_LABELS = (
    "opinion",
    "analysis",
    "column",
    "commentary",
    "comment",
    "editorial",
    "view",
    "viewpoint",
    "perspective",
    "explainer",
    "review",
    "preview",
    "first drive",
    "first look",
    "test drive",
    "road test",
    "podcast",
    "breakingviews",
    "评论",
    "評論",
    "时评",
    "時評",
    "社评",
    "社評",
    "观点",
    "觀點",
    "前瞻",
    "专栏",
    "專欄",
    "试驾",
    "試駕",
    "评测",
    "評測",
    "解读",
    "解讀",
)
# Chinese labels that open a title without a colon as well ("试驾小米SU7标准版：…").
OPENING_WORDS_ZH = ("试驾", "試駕", "评测", "評測")
# The kind of piece named before a colon ("2025 Ford Explorer Review: …", "VW results preview:
# …"); at a title's end only those no news says of itself ("EU orders a safety review" is news).
KIND_OF_PIECE = ("review", "preview", "first drive", "road test", "long-term test")
KIND_AT_THE_END = ("first drive", "road test", "long-term test", "drive review")
# Phrases only such a piece's title has, wherever they stand.
PHRASES = (
    "what to expect",
    "what to watch",
    "week ahead",
    "we drove",
    "i drove",
    "we tested",
    "long-term test",
)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


_SEPARATOR = r"\s*(?::|：|\||｜|\s[-–—]\s)"
_OPENING = re.compile(
    # A desk's name may come first ("Autos: Analysis - …"); a label may be bracketed ("【评论】").
    rf"^\W{{0,2}}(?:[\w&.' -]{{1,20}}:\s*)?(?:{_alternatives(OPENING_LABELS)})"
    rf"(?:\s*[】\]]|{_SEPARATOR})"
    rf"|^\W{{0,2}}(?:{_alternatives(OPENING_WORDS_ZH)})",
    re.IGNORECASE,
)
_KIND = re.compile(
    rf"\b(?:{_alternatives(KIND_OF_PIECE)}){_SEPARATOR}"
    rf"|\b(?:{_alternatives(KIND_AT_THE_END)})\W*$",
    re.IGNORECASE,
)
_PHRASE = re.compile(rf"\b(?:{_alternatives(PHRASES)})\b", re.IGNORECASE)


def reads_as_commentary(title: str) -> bool:
    """Whether a title is an opinion piece's, an analysis's, a review's or a preview's, by its
    framing alone (a label it opens with, the kind of piece it names, a preview's phrase)."""
    title = title.strip()
    return bool(_OPENING.search(title) or _KIND.search(title) or _PHRASE.search(title))
