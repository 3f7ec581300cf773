"""Hypothesis strategies for hostile feed fields: titles, summaries, links, dates and authors
carrying terminal escapes, rich markup, HTML and script tags, entities, CDATA, NUL and other
controls, lone surrogates, bidi overrides, CJK text and huge values. Titles carry automaker names
so that the classifier and the clusterer have something to do. ``entries`` draws whole entries
(any field may be missing); ``feed_gen`` writes them into feed documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from hypothesis import strategies as st

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # the generated dates are around it

MAKER_TITLES = [
    "Volvo recalls 14,768 XC70s over a halfshaft nut",
    "Volvo Recalls 10,440 EX30s in Europe Over Battery Cell Overheating Risk",
    "BYD cuts prices on 22 models by up to 34%",
    "比亚迪宣布旗下多款车型降价，最高降幅达34%",
    "沃尔沃召回14768辆XC70插混车型",
    "Tesla Model Y robotaxi hits parked SUV in Austin",
    "Tesla Cybercab spotted testing",
    "特斯拉 Model Y 降价",
    "Xiaomi SU7 Ultra sales roles cut",
    "小米汽车调整销售组织架构",
    "ZF signs multi-billion-euro drivetrain supply deal with BMW",
    "Harrison Ford buys a Jaguar",
    "Ford names new CEO of Ford Pro",
    "Geely to buy stake in Renault Korea",
    "FAW takes 20% of Leapmotor",
    "理想 L6 冒烟 官方回应",
    "蔚来 Q3 营收 同比增长 1.48万辆",
    "Mercedes-Benz recalls eSprinter over HV cable",
    "Volkswagen may close Osnabrück plant, sources say",
    "Stellantis CEO resigns",
    "Toyota profit falls 12% on tariffs",
    "Lucid prices Gravity at $79,900",
    "China mandates mechanical door handles from 2027",
    "Smart #5 launch",
    "Mini Cooper SE",
]
HOSTILE = [
    "\x1b[31m",
    "\x1b[0m",
    "\x1b[2J\x1b[H",
    "\x1b]8;;javascript:alert(1)\x07click\x1b]8;;\x07",
    "\x1b]0;pwned\x07",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1bP+q\x1b\\",
    "\x1b",
    "\x9b31m",
    "\x9d0;x\x9c",
    "[bold red]",
    "[/bold red]",
    "[link=http://evil.example]x[/link]",
    ":smile:",
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<b>bold</b>",
    "<i><div><b>",  # repeated in a huge field: unclosed markup nested thousands deep
    "</title>",
    "</item>",
    "<![CDATA[",
    "]]>",
    "<!-- c -->",
    "<?pi x?>",
    "&amp;",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;b&amp;gt;",
    "&#27;[31m",
    "&#x1b;",
    "&#0;",
    "&#x202e;",
    "&#xD800;",
    "&#x110000;",
    "&nbsp;",
    "&eacute;",
    "&bogus;",
    "&xxe;",
    "&maker;",
    "&lol3;",
    "&",
    "<",
    ">",
    '"',
    "'",
    "\x00",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\r",
    "\r\n",
    "\x7f",
    "\x85",
    "\x9f",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200f",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\ud800",
    "\udfff",
    "\U0001f697",
    "e\u0301",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "Ｖｏｌｖｏ",
    "*bold*",
    "_x_",
    "# heading",
    "[link](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "| a | b |",
    "`code`",
    "\\",
    "%s%n",
    "\t",
    "\u3000",
    " ",
]

fragments = st.one_of(
    st.sampled_from(MAKER_TITLES),
    st.sampled_from(HOSTILE),
    st.text(max_size=12),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=10),
    st.text(st.characters(max_codepoint=0x9F), max_size=6),  # ASCII, C0 and C1
)
hostile_text = st.lists(fragments, max_size=6).map("".join)
huge_text = st.builds(lambda text, times: text * times, hostile_text, st.integers(20, 200))
titles = st.one_of(
    st.builds(
        lambda a, title, b: a + title + b, hostile_text, st.sampled_from(MAKER_TITLES), hostile_text
    ),
    st.sampled_from(MAKER_TITLES),
    hostile_text,
    huge_text,
)
summaries = st.one_of(hostile_text, titles, huge_text)

LINKS = [
    "http://example.com/a/{n}",
    "https://example.com/a/{n}?utm_source=feed#top",
    "HTTP://EXAMPLE.COM/a/{n}",
    "  http://example.com/a/{n}  ",
    "/relative/{n}",
    "relative/{n}.html",
    "//example.org/{n}",
    "javascript:alert({n})",
    "JaVaScRiPt:alert({n})",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert({n})</script>",
    "vbscript:msgbox({n})",
    "file:///etc/passwd",
    "mailto:a@example.com",
    "http://example.com/\x1b[31m{n}",
    'http://example.com/"onmouseover="alert({n})',
    "http://example.com/<script>{n}",
    "http://example.com/a/{n}\u202e",
    "https://例子.测试/路径/{n}",
    "http://[::1]:99999/{n}",
    "http://",
    "http:/example.com/{n}",
    "",
]
links = st.one_of(
    st.builds(
        lambda pattern, n: pattern.replace("{n}", str(n)), st.sampled_from(LINKS), st.integers(0, 3)
    ),
    hostile_text,
)

BROKEN_DATES = [
    "",
    "yesterday",
    "Mon, 32 Foo 2026 25:61:00 +0000",
    "Mon, 01 Jan 0001 00:00:00 +0000",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "99999-01-01",
    "1969-12-31T23:59:59Z",
    "2038-01-19T03:14:08Z",
    "2026-13-45T99:99:99Z",
    "2026-11-27T09:00:00+25:00",
    "Fri, 27 Nov 2026 09:00:00 +9999",
    "2026-11-27T09:00:00.123456789Z",
    "2026-11-27",
    "27/11/2026",
    "１２３",
    "-1",
    "1e999",
    "\x00",
    "2026年11月27日",
]


@st.composite
def dates(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.one_of(st.sampled_from(BROKEN_DATES), hostile_text))
    moment = NOW + timedelta(hours=draw(st.floats(-24 * 10, 24 * 3, allow_nan=False)))
    return draw(
        st.sampled_from(
            [
                format_datetime(moment),
                moment.isoformat(),
                moment.isoformat().replace("+00:00", "Z"),
                moment.strftime("%Y-%m-%d %H:%M:%S"),
            ]
        )
    )


@dataclass(frozen=True)
class Entry:
    title: str | None
    link: str | None
    guid: str | None
    date: str | None
    summary: str | None
    author: str | None


def _maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


entries = st.builds(
    Entry,
    title=st.one_of(titles, st.none()),
    link=_maybe(links),
    guid=_maybe(st.one_of(st.sampled_from(["id-1", "id-1", "id-2", "4711", "2024"]), links)),
    date=_maybe(dates()),
    summary=_maybe(summaries),
    author=_maybe(hostile_text),
)
