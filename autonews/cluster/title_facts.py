"""What a title says beyond its terms, for telling events apart: the country that acts in it,
the percentages that tell its event (not how shares moved), the companies that are its sides (not
a backer), whether it tells a forecast of something else, and the countries it places its news
"in"."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from autonews.classify.lexicon import stem, stems_of, tokenize
from autonews.cluster.concept_sets import COUNTRIES, SHARES, SHARES_DOWN_WORDS, SHARES_UP_WORDS
from autonews.cluster.figures import Figure
from autonews.cluster.places import COUNTRY_OF, COUNTRY_OF_LEADER
from autonews.cluster.terms import concepts, terms_of
from autonews.models import Classification

_OPENING = 4  # words: the longest name of a country a title can open with
# The codes of vehicle rules: UN R152 (R79, R155), the EU's GSR (GSR2), FMVSS 127, China's
# GB 7258, Euro 7. Two titles naming different ones tell of different rules (R152's adoption /
# GSR2's).
_RULE_CODE = re.compile(
    r"(?<![A-Za-z0-9])(?:(?:UN[- ]?)?(R) ?(\d{2,3})|(GSR) ?2?|(FMVSS)(?: No\.?)? ?(\d{3})"
    r"|(GB)(?: ?/ ?T)? ?(\d{4,5})|(Euro) ?([5-7]))(?![A-Za-z0-9])"
)


def acting(title_words: list[str]) -> str | None:
    """The country a title opens with: the side that acts ("Canada follows US with tariff",
    "Washington raises duties"), where a country later on is often the one acted on."""
    stems = stems_of(title_words[:_OPENING])
    if stems and stems[0] in COUNTRY_OF_LEADER:  # "Biden quadruples tariff": the US acts
        return COUNTRY_OF_LEADER[stems[0]]
    for start, _, payloads in concepts().scan(stems):
        if start != 0 or payloads[0] not in COUNTRIES:
            return None
        # "Japan, South Korea carmakers brace for US tariffs": the countries name whose firms
        # react, not a country that acts.
        after = stems_of(title_words[: _OPENING + 3])
        return None if not _ITS_PEOPLE.isdisjoint(after) else payloads[0]
    return None


# Who of a country a title may name after it: its firms, workers or markets, not the country.
_ITS_PEOPLE = frozenset(
    map(
        stem,
        "carmakers automakers makers firms companies exporters suppliers workers dealers "
        "stocks shares investors consumers buyers brands".split(),
    )
)


def event_percents(
    numbers: frozenset[Figure], title_counts: Mapping[str, int], title: str
) -> frozenset[Figure]:
    """The title's percentages that tell its event apart: not those of how the shares moved,
    which every outlet gives at its own hour (up 9% before the market opened, 14% at noon, 15% at
    the close); a stake's or the sales' percentages in the same title still count."""
    percents = frozenset(f for f in numbers if f.percent)
    if not percents:
        return percents
    moves = {
        float(m.group(2)) for m in _NAME_MOVE.finditer(title) if stem(m.group(1)) in _MOVE_STEMS
    }
    if SHARES in title_counts:
        moves.update(float(m.group(2) or m.group(3)) for m in _SHARE_MOVE.finditer(title))
    return frozenset(f for f in percents if f.value not in moves)


def percent_measures(percents: frozenset[Figure], c: Classification) -> frozenset[str]:
    """What each of the title's event percentages measures, as the classifier read it next to
    its words ("margin drops to 15.9%": a margin; "up 5% year-on-year"), "" where they name no
    measure ("Gewinn bricht um 31 Prozent ein"). A margin and a profit's fall are never two
    tellings of one figure, so only percentages of one measure can tell two events apart."""
    measures = {f.value: f.measure for f in c.figures if f.kind == "percent" and f.value}
    return frozenset(measures.get(f.value, "") for f in percents)


# A share move told with the company's name for its shares, opening the title or the clause
# after a lead-in: "Tesla slides 10% as investors shrug off ...", "...: Tesla jumps 13% on ...".
# Its verb is one of the words that tell which way shares went (cluster/vocabulary.py),
# compared stemmed: "slides", "jumped".
_MOVE_STEMS = frozenset(map(stem, SHARES_UP_WORDS | SHARES_DOWN_WORDS))
_NAME_MOVE = re.compile(
    r"(?:^|[:：]\s*)(?:[A-Z][\w.&'-]*\s+){1,3}([a-z]+)\s+"
    r"(?:as\s+much\s+as\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|over\s+|by\s+)?"
    r"(\d+(?:\.\d+)?)\s*[%％]"
)
# A company named as a backer or owner describes the subject, it is none of the sides:
# "Amazon-backed truck maker", "Alibaba-backed XPeng".
_BACKED = re.compile(r"([\w&.]+)[- ](?:backed|owned|funded)\b", re.IGNORECASE)


def companies_acting(c: Classification, title: str) -> frozenset[str]:
    companies = frozenset(x.name for x in c.companies)
    if not companies or _BACKED.search(title) is None:
        return companies
    backers = {m.group(1).casefold() for m in _BACKED.finditer(title)}
    return frozenset(name for name in companies if name.casefold() not in backers)


# A share move: the shares word, then within five words the percentage ("shares surge over
# 9%", "Shares of Xpeng Motors jump 10%", "stock soars as much as 15%", "股价盘中大涨8%"); a
# clause that goes on ("shares slip as Jeep sales fall 10%") is the event's.
_CLAUSE_ENDS = "as|after|while|amid|on|when|with|despite|but|and|for|following"
_SHARE_MOVE = re.compile(
    r"\b(?:shares?|stocks?)\b((?:\s+(?!(?:" + _CLAUSE_ENDS + r")\b)[A-Za-z.&'-]+){0,5})"
    r"(?:\s+(?:as\s+much\s+as|as\s+high\s+as|more\s+than|nearly|almost|about|over|by))?\s+"
    r"(\d+(?:\.\d+)?)\s*[%％]"
    r"|(?:股价|股票)[^，,；;。\d]{0,10}(\d+(?:\.\d+)?)\s*[%％]",
    re.IGNORECASE,
)
_FORECASTS = frozenset({"forecast", "forecasts", "outlook", "guidance", "projection"})
# What a forecast "for" may cover and still be the maker's own: a period ("for 2025", "for the
# year", "for the fourth quarter").
_PERIODS = frozenset(
    {"the", "this", "next", "full", "fiscal", "year", "quarter", "q1", "q2", "q3", "q4"}
)


def forecast_of_something(words: Sequence[str]) -> bool:
    """Whether a forecast is "for" something other than a period ("raises forecast for Model Y
    deliveries", not "for 2025" or "for the year")."""
    for n, word in enumerate(words[:-1]):
        if word in _FORECASTS and words[n + 1] == "for":
            after = words[n + 2] if n + 2 < len(words) else ""
            return not (after in _PERIODS or after[:1].isdigit())
    return False


_PLACING = frozenset({"in", "across", "throughout"})


def placed_in(words: list[str]) -> frozenset[str]:
    """The countries a title names after "in" ("BYD cuts prices in China", "in the US", "across
    Thailand"): where its news happened, even when that is the maker's home."""
    found = set()
    for index, word in enumerate(words):
        if word not in _PLACING:
            continue
        start = index + 2 if words[index + 1 : index + 2] == ["the"] else index + 1
        terms = terms_of(words[start : start + 3])
        if terms and terms[0] in COUNTRIES:
            found.add(terms[0])
    return frozenset(found)


# A launch still to come, told with its date: "X9 EREV to launch on Dec 2", 小鹏X9定档12月2日,
# 将于12月2日上市. The launch itself, told later with its price, is news of its own.
_LAUNCH_TO_COME = re.compile(
    r"\b(?:to|will|set to|slated to|scheduled to|due to)\s+(?:launch|debut|go on sale)\b"
    r"|\blaunch date\b|定档|将于[^，,。；;]{1,12}(?:上市|发布|首发|开售)|即将(?:上市|发布|开售)",
    re.IGNORECASE,
)


def tells_a_launch_to_come(title: str) -> bool:
    """Whether a title tells of a launch still to come, by its date or as imminent."""
    return _LAUNCH_TO_COME.search(title) is not None


# A market's session a title reports: its open or its close ("Hang Seng opens 0.3% lower",
# 港股开盘 / 港股收评, "Stocks end higher"). A close and the next open are two sessions' moves.
_SESSION_OPEN = re.compile(
    r"\b(?:opens?|opening|open (?:higher|lower|flat|up|down)|early trade|premarket|midday)\b"
    r"|开盘|低开|高开|平开|早盘|午盘|盘前",
    re.IGNORECASE,
)
_SESSION_CLOSE = re.compile(
    r"\b(?:clos(?:es|ed|ing)|(?:close|ends?) (?:higher|lower|flat|up|down)|ended)\b"
    r"|收评|收盘|收涨|收跌|尾盘|收报",
    re.IGNORECASE,
)
_MARKET = re.compile(
    r"\b(?:Hang Seng|Nasdaq|Dow|S&P|Nikkei|FTSE|DAX|Stoxx|CAC|Kospi|stocks?|shares?|index)\b"
    r"|港股|A股|美股|恒指|恒生|沪指|深成指|创业板|科技指数|股价",
    re.IGNORECASE,
)


def market_session(title: str) -> str | None:
    """ "open" or "close" when a title tells a market's moves at its open or its close."""
    if not _MARKET.search(title):
        return None
    opened, closed = _SESSION_OPEN.search(title), _SESSION_CLOSE.search(title)
    if bool(opened) is bool(closed):
        return None
    return "open" if opened else "close"


# What others expect of figures still to come: "BYD gains as brokers expect November sales
# rebound", "Tesla deliveries seen at 440,000", "Preview: ...", 市场预期; and a schedule notice,
# "Nissan to announce first-half financial results on November 6" (trial 50). The figures told
# later are news of their own.
_EXPECTATION = re.compile(
    r"\b(?:brokers?|analysts?|investors?|markets?|consensus|poll)\b[^.;:]{0,30}"
    r"\b(?:expects?|expected|see|sees|seen|forecasts?|estimates?|bets?)\b"
    r"|\b(?:seen|expected|forecast|estimated|poised|set) (?:to|at|for)\b|^preview\b"
    r"|\bahead of\b[^.;:]{0,30}\b(?:results|earnings|deliveries|sales|data)\b"
    r"|\b(?:to|will) (?:announce|report|release|publish)\b[^.;:]{0,60}\b(?:results|earnings)\b"
    r"[^.;:]{0,20}\bon\b"
    r"|市场预期|分析师预计|机构预测|前瞻[｜|:：]",
    re.IGNORECASE,
)


def tells_an_expectation(title: str) -> bool:
    """Whether a title tells what others expect of figures still to come."""
    return _EXPECTATION.search(title) is not None


# A clause a title asks as a question: "台灣會跟進嗎？", ", will Europe follow?".
_QUESTION = re.compile(r"[^，,。；;：:！!？?\s]+[？?]|[^,;:.!?]+\?")


def asked_countries(title: str) -> frozenset[str]:
    """The countries a title names only in a clause it asks as a question, when the rest of it
    tells something: "特斯拉中國Model 3降價1.5萬人民幣 台灣會跟進嗎？" is China's price cut; a
    question about another market does not make it that market's news."""
    if "?" not in title and "？" not in title:
        return frozenset()
    asked = " ".join(_QUESTION.findall(title))
    rest = _QUESTION.sub(" ", title)
    if not asked or not rest.strip():
        return frozenset()  # the whole title is the question: its countries are its news'
    return _countries_in(asked) - _countries_in(rest)


def _countries_in(text: str) -> frozenset[str]:
    terms = terms_of(tokenize(text).norms)
    return COUNTRIES.intersection(terms) | {COUNTRY_OF[t] for t in terms if t in COUNTRY_OF}


def rule_codes(title: str) -> frozenset[str]:
    """The vehicle rules a title names by their codes ("r152", "gsr2", "fmvss127")."""
    if not any(mark in title for mark in ("R", "GSR", "FMVSS", "GB", "Euro")):
        return frozenset()
    codes = set()
    for match in _RULE_CODE.finditer(title):
        kind, *number = [group for group in match.groups() if group is not None]
        codes.add(kind.lower() + "".join(number))
    return frozenset(codes)
