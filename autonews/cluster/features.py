"""Each item's evidence for clustering: terms, subject, stage, figures, models, makers, time, feed.

Terms (see ``terms``) are weighed by TF-IDF over the items clustered together (``rarity``).
Terms only one feed uses (a series name, a podcast's hosts, summary boilerplate) are dropped:
they cannot show that two outlets tell one story, and would make a feed's own items look alike.

The *subject* of an item is what its event happened to: the names, models, parts, faults and
places among its terms, the companies it names, and, when it names several makers, those makers
(a merger's two sides). A pair of items merges only on a shared subject (``model``). The *stage*
is the turn of a story its title names (talks begun, called off, postponed, denied...).
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields

from autonews.briefings import reads_as_commentary, reads_as_paper
from autonews.cluster import figures as fig
from autonews.cluster.company_parents import with_parents
from autonews.cluster.concept_sets import (
    CAR_CONCEPTS,
    CHEMISTRIES,
    COMPONENTS,
    COUNTRIES,
    MARKET,
    POSTS,
    PREVIEW,
    PRICES,
    REACTIONS,
    STAGES,
)
from autonews.cluster.deal_sums import deal_sums
from autonews.cluster.figure_reports import TALLIES
from autonews.cluster.figures import Figure
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.launch_stages import COMING, launch_stage
from autonews.cluster.law_numbers import law_numbers
from autonews.cluster.market_wraps import tells_a_market_wrap
from autonews.cluster.name_numbers import without_name_numbers
from autonews.cluster.named_models import named_models, without_model_numbers
from autonews.cluster.notice_defects import Notice, notice_of
from autonews.cluster.places import HOME, markets
from autonews.cluster.policy_files import acting_bodies, policy_files
from autonews.cluster.press_kinds import reads_as_press_piece, reads_as_spy_shots
from autonews.cluster.rarity import Corpus, rarity
from autonews.cluster.rating_notes import tells_a_rating
from autonews.cluster.remedy_turns import remedy_turn
from autonews.cluster.sales_reports import SalesReport, sales_report, tells_months_volume
from autonews.cluster.series import parochial, roundups
from autonews.cluster.singular import opening_companies
from autonews.cluster.subjects import COUNTERPART, MODEL, NATIONS, SIDE, subject_terms
from autonews.cluster.terms import (
    SUMMARY_CHARS,
    simplified,
)
from autonews.cluster.texts import ItemText, read_texts
from autonews.cluster.title_facts import (
    acting,
    companies_acting,
    event_percents,
    market_session,
    percent_measures,
    placed_in,
    rule_codes,
    tells_a_launch_to_come,
    tells_an_expectation,
)
from autonews.cluster.title_names import _bridging, _currencies, _names
from autonews.cluster.turns import stage_turns, subject_turns
from autonews.models import Event

_CJK = re.compile("[\u3400-\ufaff]")
SHARES = "c:shares"  # knowledge/concepts.toml: shares, stock, share price, 股价...
RECALL = "c:recall"
SURE_EVENT = 0.75  # an event type this likely tells one event from another (conflicts.py)
_NAMED = (MODEL, COUNTERPART, NATIONS)  # subject terms made of the title's names
_CAR = CAR_CONCEPTS | COMPONENTS
# What an analyst's note says of a maker's shares that other titles say of its cars: a rating
# of "sell" is no sale, a price target or "priced in" no price of a car.
_NO_NOTE_TERMS = PRICES | {"c:sales"}


@dataclass(slots=True)
class _Features:
    title: dict[str, float]  # TF-IDF vector of the title's terms
    text: dict[str, float]  # the same over the title and the lead of the summary or body
    # Their lengths, and the lengths of their parts both scripts can say (concepts, makers,
    # Latin codes: what a cosine across scripts is taken over, or CJK bigrams and English
    # stems would dilute it).
    norms: tuple[float, float, float, float]  # title, text, title across, text across
    # Subject terms -> weight: 1.0 for a term few items use, 0.5 for a common one ("china").
    subject: dict[str, float]
    title_subject: frozenset[str]  # the subject terms of the title
    # The words its text writes in lower case, as terms: common words (a verb, an industry's
    # word), rare among a few days' items but no names ("recover", "chip"; not "BlueOval")
    lower: frozenset[str]
    names: frozenset[str]  # the names its title gives (``_names``)
    bridging: frozenset[str]  # the subject terms both scripts can say (compared across them)
    masses: tuple[float, float]  # the weights of the subject, and of its bridging terms
    stages: frozenset[str]  # the turns of a story the title names ("begin", "end"...)
    parts: frozenset[str]  # the parts and systems the title names (brake, airbag, wiring...)
    posts: frozenset[str]  # the posts the title names (chief executive, finance chief...)
    chemistries: frozenset[str]  # the battery chemistries the title names (LFP, sodium-ion...)
    countries: frozenset[str]  # the countries the title names
    acting: str | None  # the country a title opens with: who acts ("Canada follows US...")
    cjk: bool  # the title is (mostly) Chinese
    makers: frozenset[str]
    groups: frozenset[str]
    title_groups: frozenset[str]  # the groups of the makers the title names
    event: Event | None  # None when the classifier found no type (Event.OTHER)
    event_sure: bool  # the classifier's confidence in it is SURE_EVENT or more
    models: frozenset[tuple[str, str]]  # (group, model)
    title_numbers: frozenset[Figure]
    title_percents: frozenset[Figure]
    # What its title's percentages measure, as the classifier reads them (a margin, a market
    # share, year-on-year; "" where its words say none): only like is compared with like
    percent_measures: frozenset[str]
    title_money: frozenset[tuple[str, Figure]]  # (currency, amount) the classifier found
    numbers: frozenset[Figure]  # in the title and the lead
    telling: frozenset[Figure]  # of those, the ones that tell an event (see model.evidence)
    figure_keys: frozenset[str]  # figures.keys of the numbers: none in common, none alike
    figure_kinds: dict[Figure, str]  # the numbers whose words say money or vehicles
    figure_bounds: dict[Figure, str]  # the numbers told as a bound ("under 1 million baht")
    units: frozenset[Figure]  # unit counts the classifier found (recalled, sold...)
    counted: frozenset[tuple[str, Figure]]  # what the title counts: ("plant", 14), ("job", 9000)
    stamp: float  # publication time, POSIX seconds
    source: str
    speculative: bool
    actors: frozenset[str]  # the makers' groups and the companies: the sides of a deal
    roundup: bool  # a briefing's title listing several stories (see ``series``)
    reaction: bool  # the title tells a market's or a company's reaction (shares fall after...)
    market: bool  # the title tells the market's view: a share move, an analyst's note
    note: bool  # the title tells an analyst's note: a rating changed, a price target
    priced: bool  # the title names a price: its sums may be a cut and the new price
    preview: bool  # the title tells of a teaser, spy shots or a launch date: a model to come
    launch_stage: str | None  # the stage of a model's launch it tells (filing, pre-sale...)
    commentary: bool  # an opinion, analysis, review, list or preview's title: no event of its own
    press_piece: bool  # a review, a list of cars to buy, a column: its outlet's own (press_kinds)
    spied: bool  # the title tells of spy shots of a prototype: no maker's event (press_kinds)
    markets: frozenset[str]  # the countries the title names, or its cities and regions imply
    homes: frozenset[str]  # the home countries of its makers
    placed: frozenset[str]  # countries the title places its news "in" (a home country too)
    rules: frozenset[str]  # the codes of the vehicle rules the title names ("r152", "gsr")
    session: str | None  # "open" or "close": the market session whose moves the title tells
    expectation: bool  # the title tells what others expect of figures still to come
    car: bool  # car news: a maker, the classifier's verdict, or a concept only car news names
    community: bool = False  # a user's post (autonews.community): joins one news story at most
    sales: SalesReport | None = None  # one maker's sales of a month it tells (sales_reports)
    # The title names registrations or sales, read from all it tells (a feed alone may write
    # "registrations" every week): ``figure_reports``.
    tallied: bool = False
    # The files of car regulation its title and lead name (CO2 standards...), and the EU's
    # bodies acting (the Commission, Parliament...): ``policy_files``.
    files: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    notice: Notice | None = None  # a regulator's recall notice: its filer, its defect
    # The companies a car news title opens with: what it is about, acting as a maker would
    # ("Waymo opens its robotaxi service ..."; ``singular.opening_companies``).
    about: frozenset[str] = frozenset()
    monthly: bool = False  # the title tells a volume of a month, whoever's (sales_reports)
    wrap: bool = False  # the title tells a stock market's day as a whole (``market_wraps``)


def _norm(vector: dict[str, float]) -> float:
    return math.hypot(*vector.values()) or 1.0


def _bridge_norm(vector: dict[str, float], bridging: frozenset[str]) -> float:
    return math.hypot(*(v for t, v in vector.items() if t in bridging)) or 1.0


def _counts(terms: list[str], into: dict[str, int] | None = None) -> dict[str, int]:
    """How often each term occurs (a Counter would cost more than the counting, for a title)."""
    counts = into if into is not None else {}
    for term in terms:
        counts[term] = counts.get(term, 0) + 1
    return counts


def _features(
    item: ClusterInput,
    read: ItemText,
    title_terms: list[str],
    lead_terms: list[str],
    corpus: Corpus,
    bilingual: bool,
    roundup: bool,
    lowered: frozenset[str] = frozenset(),
) -> _Features:
    c, title_words, implied = read.classification, read.title_words, read.implied
    plain = simplified(item.title)
    note = tells_a_rating(plain)
    title_counts = _counts(title_terms)
    if note:  # "cuts Tesla to 'sell'": the rating is no sale, "priced in" no price
        title_counts = {t: n for t, n in title_counts.items() if t not in _NO_NOTE_TERMS}
    # What the title tells, with the terms its feed alone uses: no evidence that two items are
    # one story, but still what sets one apart (a Taiwanese outlet names Taiwan in every
    # price it reports: its market all the same).
    told = title_counts if len(title_terms) == len(read.title_terms) else _counts(read.title_terms)
    if note and told is not title_counts:
        told = {t: n for t, n in told.items() if t not in _NO_NOTE_TERMS}
    text_counts = _counts(lead_terms, title_counts.copy()) if lead_terms else title_counts
    idf = corpus.idf
    title = {t: n * idf[t] for t, n in title_counts.items()}
    # A title-only item's text is its title (feeds with no summaries: most of the work).
    text = {t: n * idf[t] for t, n in text_counts.items()} if lead_terms else title
    title_norm = _norm(title)
    text_norm = _norm(text) if lead_terms else title_norm
    if bilingual:  # only pairs across scripts use them
        across = _bridge_norm(title, corpus.bridging)
        text_across = _bridge_norm(text, corpus.bridging) if lead_terms else across
        norms = (title_norm, text_norm, across, text_across)
    else:
        norms = (title_norm, text_norm, title_norm, text_norm)
    rules = rule_codes(plain)
    piece = reads_as_press_piece(item.title)  # a review, a list, a column: a commentary
    lead = simplified(item.summary[:SUMMARY_CHARS])
    title_numbers = fig.numbers(without_name_numbers(without_model_numbers(plain, c)))
    models = named_models(c, title_words, plain, "c:engine" in text_counts)  # "GM L87": engine
    title_groups = frozenset(m.group for m in c.makers if m.name in read.title_makers)
    # Counts their own words say ("14,768 Cars"); not one the words before imply ("deliveries
    # hit 48,532"): told apart by it, two tellings of one sales month were two events.
    # Nor a law's number ("Section 232 auto parts").
    laws = law_numbers(plain)
    units = (
        f.value
        for f in c.figures
        if f.kind == "units" and f.value and not f.implied and f.value not in laws
    )
    money = deal_sums(c, plain, title_numbers)  # no rate, no valuation
    worded_turns = subject_turns(item.title, told, bool(rules))
    return _Features(
        title=title,
        text=text,
        # Only pairs across scripts use them.
        norms=norms,
        subject=(
            subject := subject_terms(
                title_counts,
                text_counts,
                c,
                models,
                title_groups,
                corpus,
                title_words,
                implied,
                worded_turns,
                frozenset(read.title_makers),
            )
        ),
        title_subject=frozenset(
            t for t in subject if t in title_counts or t.startswith(_NAMED) or SIDE in t
        ),
        lower=read.lower,
        names=(names := _names(read, lowered)),
        bridging=(bridging := _bridging(subject, names) if bilingual else frozenset()),
        masses=(sum(subject.values()), sum(subject[t] for t in bridging)),
        stages=stage_turns(frozenset(STAGES[t] for t in told if t in STAGES) | worded_turns)
        | remedy_turn(item.title, told),
        parts=COMPONENTS.intersection(told),
        posts=POSTS.intersection(told),
        chemistries=CHEMISTRIES.intersection(told),
        countries=COUNTRIES.intersection(told) - implied,  # named, not implied
        acting=None if c.makers else acting(title_words),  # only maker-less pairs use it
        cjk=(cjk := _is_cjk(item.title)),
        makers=frozenset(m.name for m in c.makers),
        groups=frozenset(m.group for m in c.makers),
        title_groups=title_groups,
        event=None if c.event is Event.OTHER else c.event,
        event_sure=c.confidence >= SURE_EVENT,
        models=models,
        title_numbers=title_numbers,
        title_percents=(percents := event_percents(title_numbers, title_counts, plain)),
        percent_measures=percent_measures(percents, c),
        title_money=money,
        numbers=(
            numbers := title_numbers
            | fig.numbers(without_name_numbers(without_model_numbers(lead, c)))
        ),
        telling=frozenset(f for f in numbers if f.value >= 100 or f.percent or f.precision < 1),
        figure_keys=frozenset(key for f in numbers for key in fig.keys(f.value)),
        figure_kinds=fig.counted_as(plain + " " + lead) if numbers else {},
        figure_bounds=fig.bounds(plain + " " + lead) if numbers else {},
        units=frozenset(fig.figure(value) for value in units),
        counted=fig.counts(plain),
        stamp=item.published.timestamp(),
        source=item.source,
        speculative=c.speculative,
        actors=frozenset(m.group for m in c.makers) | with_parents(companies_acting(c, plain)),
        roundup=roundup,
        reaction=not REACTIONS.isdisjoint(title_counts),
        # Read from all the title tells: a finance feed alone writes "stock" and "downgrades".
        market=note or not MARKET.isdisjoint(told),
        note=note,
        priced=not PRICES.isdisjoint(title_counts),
        launch_stage=(stage := launch_stage(plain, title_numbers)),
        # (a countdown to the launch event, 倒计时1小时, is a launch still to come)
        preview=PREVIEW in title_counts or tells_a_launch_to_come(plain) or stage == COMING,
        commentary=reads_as_commentary(item.title) or reads_as_paper(item.summary) or piece,
        press_piece=piece,
        spied=reads_as_spy_shots(item.title),
        markets=markets(told, implied, plain, cjk, _currencies(money, plain, item.title)),
        homes=frozenset(HOME[m.country] for m in c.makers if m.country in HOME),
        placed=placed_in(title_words),
        rules=rules,
        session=market_session(plain),
        wrap=tells_a_market_wrap(item.title),
        expectation=tells_an_expectation(plain),
        car=(car := bool(c.makers) or c.automotive or not _CAR.isdisjoint(title_counts)),
        community=item.community,
        sales=sales_report(
            c, title_groups, frozenset(told), plain, lead, frozenset(read.title_makers)
        ),
        tallied=not TALLIES.isdisjoint(told),
        monthly=tells_months_volume(frozenset(told), plain),
        files=policy_files(plain + " " + lead),
        bodies=acting_bodies(plain, lead),
        notice=notice_of(item.title, item.summary),
        about=opening_companies(c, title_words) if c.companies and car else frozenset(),
    )


def _is_cjk(title: str) -> bool:
    return not title.isascii() and _CJK.search(title) is not None


def features_of(
    items: Sequence[ClusterInput], context: Sequence[ClusterInput] = ()
) -> list[_Features]:
    """Each item's evidence, in the order given, with term rarity measured over all of them
    and the ``context``: items an earlier run clustered before them, which only weigh the
    terms (a run's window of two days is too few items to tell a rare name from a common
    word). Items of one text and one briefing flag share all of it but their time and feed."""
    every = [*items, *context] if context else items
    read = read_texts(every)
    texts = read[: len(items)]
    stamps: dict[ItemText, list[float]] = {}  # each distinct text, with its items' times
    feeds: Counter[tuple[ItemText, str]] = Counter()
    for item, text in zip(every, read, strict=True):
        stamps.setdefault(text, []).append(item.published.timestamp())
        feeds[text, item.source] += 1
    own = parochial([(feed, t.title_terms, t.lead_terms, n) for (t, feed), n in feeds.items()])
    terms = {text: _without(text, own) for text in stamps}
    corpus = rarity(terms, stamps, len(every))
    bilingual = len({_is_cjk(item.title) for item in items}) == 2
    briefings = roundups(items, context)
    # The words some item writes in lower case: common words, whoever capitalises them.
    lowered = frozenset().union(*(text.lower for text in stamps))
    made: dict[tuple[ItemText, bool], _Features] = {}
    found = []
    for n, (item, text) in enumerate(zip(items, texts, strict=True)):
        key = (text, n in briefings)
        first = made.get(key)
        if first is None:
            title, lead = terms[text]
            first = made[key] = _features(
                item, text, title, lead, corpus, bilingual, key[1], lowered
            )
            found.append(first)
        else:  # the same text told again: only its time and feed are its own
            found.append(_retold(first, item))
    return found


# dataclasses.replace costs six times as much: it looks up the fields at every call.
_FIELDS = operator.attrgetter(*(field.name for field in fields(_Features)))


def _retold(first: _Features, item: ClusterInput) -> _Features:
    """``first``'s evidence for an item of the same text, at its own time and from its feed."""
    copy = _Features(*_FIELDS(first))
    copy.stamp, copy.source = item.published.timestamp(), item.source
    copy.community = item.community
    return copy


def _without(text: ItemText, own: frozenset[str]) -> tuple[list[str], list[str]]:
    """The text's title and lead terms but those only one feed uses."""
    if not own:
        return text.title_terms, text.lead_terms
    title = [t for t in text.title_terms if t not in own]
    return title, [t for t in text.lead_terms if t not in own]
