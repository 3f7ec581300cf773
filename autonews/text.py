"""Text hygiene for untrusted feed and page content.

Everything that reaches a renderer has been through :func:`clean_text`: no C0/C1 controls, no ANSI
or OSC escape sequences, no bidi overrides, no lone surrogates. Markup interpretation is the
renderers' concern.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-byte escapes;
# also the 8-bit CSI/OSC introducers.
_ESCAPES = re.compile(
    r"(?:\x1b\[[0-?]*[ -/]*[@-~])"
    r"|(?:\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?)"
    r"|(?:\x9b[0-?]*[ -/]*[@-~])"
    r"|(?:\x9d[^\x07\x9c]*(?:\x07|\x9c)?)"
    r"|(?:\x1b[@-Z\\-_])"
)
# Controls except tab and newline; C1 controls; bidi embeddings, overrides and isolates; BOM; lone
# surrogates (a JSON Feed's "\ud800" decodes to one, and no UTF-8 output can carry it).
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff\ud800-\udfff]"
)
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")

_DROP_BLOCKS = re.compile(
    r"<(script|style|noscript|template|iframe|object|svg|head)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_BREAKS = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr|/blockquote|p|li)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)


def strip_escapes(text: str) -> str:
    """Remove ANSI/OSC escape sequences only (documents keep their layout)."""
    return _ESCAPES.sub("", text) if ("\x1b" in text or "\x9b" in text or "\x9d" in text) else text


def clean_text(text: str, *, keep_newlines: bool = False) -> str:
    """Remove escapes and control characters, collapse whitespace."""
    if not text:
        return ""
    text = strip_escapes(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isprintable():  # every character _CONTROLS matches is unprintable
        text = _CONTROLS.sub("", text)
    if keep_newlines:
        lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
        return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return " ".join(text.split())  # str.split knows every Unicode space, and is fast


def html_to_text(fragment: str, *, keep_newlines: bool = False) -> str:
    """Feed summaries are HTML fragments: drop scripts and tags, decode entities."""
    if not fragment:
        return ""
    if "<" in fragment:
        fragment = _COMMENTS.sub(" ", fragment)
        fragment = _DROP_BLOCKS.sub(" ", fragment)
        fragment = _BREAKS.sub("\n", fragment)
        fragment = _TAGS.sub("", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    return clean_text(fragment, keep_newlines=keep_newlines)


# Between two sentences: the spaces after a full stop, or after the quote or bracket it closes
# (which stays the sentence's: "他说：“召回。”"); right after a Chinese one, where no space follows.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?。！？])|(?<=[.!?。！？][\"'”’)」』）]))\s+"
    r"|(?<=[。！？])(?![\"'”’)」』）\s])"
    r"|(?<=[。！？][”’」』）])(?!\s)"
)


def first_sentences(text: str, count: int = 2, max_chars: int = 360) -> str:
    """The first ``count`` sentences of ``text``, cut at a word boundary past ``max_chars``."""
    text = clean_text(text[: max_chars * 4])  # a body can be long; the start is all we need
    if not text:
        return ""
    told = (piece for piece in _sentences(text) if not _CREDITS.match(piece.strip()))
    pieces = list(itertools.islice(told, count))
    summary = joined_sentences([piece.strip() for piece in pieces]) if pieces else text
    return shorten(summary, max_chars)


# A Chinese or Japanese sentence's end, with a closing quote or bracket after it: the next
# sentence follows it without a space ("…干涉磨损。IT之家了解到…", trial 40), as it is set.
_CJK_SENTENCE_END = re.compile(r"[。！？][”’」』）》]*$")


def joined_sentences(sentences: list[str]) -> str:
    """Sentences (of paragraphs, run into one summary) joined again: with a space after a
    Latin one, none after a Chinese or Japanese one."""
    joined = sentences[0] if sentences else ""
    for sentence in sentences[1:]:
        joined += ("" if _CJK_SENTENCE_END.search(joined) else " ") + sentence
    return joined


# A wire's credit line, no sentence of the news: "Reporting by Nick Carey; Editing by Mark
# Potter", "(Additional reporting by ...)", "Writing by ...".
_CREDITS = re.compile(
    r"\(?(?:additional )?(?:reporting|writing|editing|compiled|graphics) by\b", re.IGNORECASE
)


def _sentences(text: str) -> Iterator[str]:
    """The pieces of ``_SENTENCE_END.split(text)`` that are not blank, found only as far as they
    are read: a digest builds a summary per story from the first two sentences, and splitting
    all of the 1,440 characters read was most of that cost. (``finditer`` finds the matches
    ``split`` splits at, empty ones included.)"""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _no_end_at(text, match.start(), match.end()):
            continue  # "… the cost of U.S. tariffs", "Mr. Toyoda": the sentence goes on
        piece = text[start : match.start()]
        if piece.strip():
            yield piece
        start = match.end()
    if text[start:].strip():
        yield text[start:]


# A full stop that ends no sentence: an initialism's (U.S., U.K., E.U.) or a title's (Mr., Dr.)
# or a month's short form (Dec. 5). Not Inc., Corp. or Ltd., which end many a sentence.
_NO_END = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)


def _no_end_at(text: str, end: int, next_start: int) -> bool:
    """Whether the space between ``end`` and ``next_start`` follows a full stop that ends no
    sentence: an abbreviation's, or one a word in lower case follows (no sentence starts so)."""
    if text[end - 1] != ".":
        return False
    if next_start < len(text) and text[next_start].islower():
        return True
    return _NO_END.search(text, max(0, end - 12), end) is not None


def shorten(text: str, max_chars: int) -> str:
    """``text`` cut at a word boundary before ``max_chars``, with an ellipsis when cut."""
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1].rsplit(" ", 1)[0]
    if len(cut) < max_chars // 2:  # CJK text has no spaces
        cut = text[: max_chars - 1]
    return cut.rstrip(",;: ") + "…"
