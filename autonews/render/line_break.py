"""Where a line of text breaks, for any mix of scripts, in display cells (a Chinese character is
two): at spaces, as English wraps, and between two Chinese or Japanese characters, as CJK text
is set, with the basic rules of Chinese and Japanese line breaking (GB/T 15834's 避头尾, JIS X
4051's 禁則):

- no line starts with closing punctuation or a mark that ends a clause (】，。、」』》）；：！？…)
  and none ends with opening punctuation (【「『《（“), nor parts the marks that hold two
  characters together (阿斯顿·马丁, ——, ……); a middle dot (the " · " between the parts of a
  story's line) never starts a line;
- a number is never broken ("0.81万", "11.69", "2,500"), nor parted from its unit, written
  against it or after a space ("11.69万辆", "7.98 万元", "75%", "2027年").

No mark hangs past the width: where a closing mark does not fit, the character before it goes
down with it (the line before ends short). A run that cannot break and is longer than a line (a
URL, a long number) is folded where the width ends, as rich folds a long word. Lines never lose,
add or reorder a character: they are the text cut at the offsets ``break_offsets`` gives, and
none is wider than its width, spaces at its end aside (a width narrower than one character
aside: a wide character is then a line of its own).

``Wrapped`` is rich's ``Text`` broken so (the terminal digest); ``wrap`` is textwrap's ``wrap``
so (the text digest)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

from rich.cells import cell_len
from rich.console import Console, JustifyMethod, OverflowMethod
from rich.containers import Lines
from rich.text import Text

# No line starts with these (closing brackets and quotes, clause-ending marks, iteration marks,
# small kana and the prolonged sound mark, as JIS X 4051's strict rules have them).
_CLOSING = frozenset(
    "，。、；：！？）》」』】〕〉〗〙〛｝］”’…‥〜～ー々ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞％．｡､"
    ",.;:!?)]}%"
)
# No line ends with these (opening brackets and quotes, a currency sign before its amount).
_OPENING = frozenset("（《「『【〔〈〖〘〚｛［“‘([{¥￥$＄€£")
# Never broken on either side: a name's interpunct (阿斯顿·马丁).
_INTERPUNCT = frozenset("·・‧")
# Never parted from one another: the two halves of a dash or an ellipsis (——, ……).
_INSEPARABLE = frozenset("—―…‥")
_NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f\u2060\ufeff")
# A number with its unit: "11.69万辆", "48.02 万辆", "7.98万元", "75%", "2027年", "3,200億",
# "1.5万亿港元", "43小时".
_NUMBER_WITH_UNIT = re.compile(
    r"\d(?:[\d,.:/]*\d)?"
    r"(?:[ \u00a0]?[万萬亿億千百兆])*"
    r"(?:[ \u00a0]?(?:港元|美元|欧元|歐元|日元|英镑|英鎊|新台币|新台幣|台币|台幣|公里|千米"
    r"|小时|小時|分钟|分鐘|[元圆圓辆輛台臺位座款个個人家倍吨噸度岁歲年月日号號周週天时時分秒米%％‰℃]))?"
)


def _breakable_space(char: str) -> bool:
    return char.isspace() and char not in _NO_BREAK_SPACES


# Punctuation of ambiguous width that Chinese text sets as its own (a line may break after
# "……" or "”" before a number, as after "。"); not ’ nor —, an apostrophe and a dash in English.
_CJK_AMBIGUOUS = frozenset("…‥“”")


def _wide(char: str) -> bool:
    """A character set as CJK text is (Han, kana, hangul, fullwidth forms and punctuation):
    a line may break on either side of it."""
    return unicodedata.east_asian_width(char) in ("W", "F") or char in _CJK_AMBIGUOUS


def _protected(text: str) -> set[int]:
    """The offsets inside a number with its unit, where no line may break."""
    inside: set[int] = set()
    for match in _NUMBER_WITH_UNIT.finditer(text):
        inside.update(range(match.start() + 1, match.end()))
    return inside


def _may_break(text: str, offset: int, protected: set[int], kept: set[int]) -> bool:
    """Whether a line may break before ``text[offset]``."""
    before, after = text[offset - 1], text[offset]
    if offset in protected or _breakable_space(after):
        return False
    if _breakable_space(before):  # after a run of spaces, as English wraps
        return after not in _CLOSING and after not in _INTERPUNCT  # "a ·" / "b", not "a" / "· b"
    if offset in kept or not (_wide(before) or _wide(after)):  # inside a word, number, URL
        return False
    if before in _INSEPARABLE and after in _INSEPARABLE:
        return False
    return after not in _CLOSING and before not in _OPENING and not {before, after} & _INTERPUNCT


Span = tuple[int, int]  # (start, end) offsets of a run of text


def _chunks(text: str, keep: Sequence[Span], width: int) -> Iterator[Span]:
    """The runs of ``text`` between the places a line may break: (start, end) offsets; a line
    never breaks inside a ``keep`` span (a name in a list, "懂车帝 - 新车资讯") that a line of
    ``width`` cells holds; inside a longer one only at a space, as inside an English name."""
    protected = _protected(text)
    kept = {offset for start, end in keep for offset in range(start + 1, end)}
    for start, end in keep:
        if _solid_width(text[start:end]) <= width:
            protected.update(range(start + 1, end))
    start = 0
    for offset in range(1, len(text)):
        if _may_break(text, offset, protected, kept):
            yield start, offset
            start = offset
    if text:
        yield start, len(text)


def _solid_width(text: str) -> int:
    """Cells of ``text`` without the spaces at its end (a line's end may pass the width)."""
    end = len(text)
    while end and _breakable_space(text[end - 1]):
        end -= 1
    return cell_len(text[:end])


def break_offsets(
    text: str, width: int, first_width: int | None = None, keep: Sequence[Span] = ()
) -> list[int]:
    """The offsets at which ``text`` (one line) breaks into lines of ``width`` cells, the first
    of ``first_width`` when given (a hanging indent): each line as full as it can be, with the
    ``keep`` spans whole where a line holds them."""
    breaks: list[int] = []
    room = width if first_width is None else first_width
    used = 0  # cells of the current line so far, its spaces included

    def new_line(offset: int) -> None:
        nonlocal used, room
        breaks.append(offset)
        used, room = 0, width

    for start, end in _chunks(text, keep, min(width, room)):
        chunk = text[start:end]
        solid = _solid_width(chunk)
        if used and used + solid > room:
            new_line(start)
        if solid <= room:
            used += cell_len(chunk)
            continue
        for offset, char in enumerate(chunk, start):  # longer than a line: folded
            cells = cell_len(char)
            if used and used + cells > room and not _breakable_space(char):
                new_line(offset)
            used += cells
    return breaks


def lines_of(
    text: str, width: int, first_width: int | None = None, keep: Sequence[Span] = ()
) -> list[str]:
    """``text`` cut at its ``break_offsets``, each line without the spaces at its end."""
    cuts = [0, *break_offsets(text, width, first_width, keep), len(text)]
    return [text[a:b].rstrip() for a, b in pairwise(cuts)]


def wrap(
    text: str,
    width: int,
    *,
    initial_indent: str = "",
    subsequent_indent: str = "",
    keep: Sequence[Span] = (),
) -> list[str]:
    """textwrap.wrap in display cells and with the line breaking above: ``text`` in lines of at
    most ``width`` cells, indents included, the ``keep`` spans whole where a line holds them;
    the spaces at a line's start or end are dropped."""
    if not text.strip():
        return []
    first = max(1, width - cell_len(initial_indent))
    rest = max(1, width - cell_len(subsequent_indent))
    lines = [line.lstrip() for line in lines_of(text, rest, first, keep)]
    indents = [initial_indent, *[subsequent_indent] * (len(lines) - 1)]
    return [indent + line for indent, line in zip(indents, lines, strict=True)]


class Wrapped(Text):
    """rich's Text, wrapped with the line breaking above instead of rich's own (which folds a
    line of Chinese anywhere: "理想0" / ".81万", a line starting with "，"); the rest as rich
    wraps (tabs, justification, the crop of what a width of one cell cannot hold). ``keep``:
    spans of its one line kept whole where a line holds them (the outlets of a story)."""

    def __init__(
        self, text: str = "", style: str = "", *, keep: Sequence[Span] = (), **options: Any
    ) -> None:
        super().__init__(text, style=style, **options)
        self.keep = tuple(keep)

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore":
            return super().wrap(
                console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=True
            )
        justify = justify or self.justify or "default"
        overflow = overflow or self.overflow or "fold"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            keep = self.keep if "\n" not in self.plain else ()
            pieces = line.divide(break_offsets(line.plain, width, keep=keep))
            for piece in pieces:
                piece.rstrip_end(width)
            pieces.justify(console, width, justify=justify, overflow=overflow)
            for piece in pieces:
                piece.truncate(width, overflow=overflow)
            lines.extend(pieces)
        return lines
