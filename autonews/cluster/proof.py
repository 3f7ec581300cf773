"""Whether two items share enough to be one event: the positive evidence a merge needs.

Two items can be one event only on positive evidence: a subject they share (a name, model,
part or fault, place, company, a merger's two sides) or a figure. Sharing a maker and an event
type is never enough (``evidence``), nor, for two items of one maker, a place many items name
(``_proper``), nor one common word between two companies (``_one_common_word``). A supplier is
a subject as a maker is (``_one_company``). ``unproven`` says which rule asked for more, as
`autonews story A B` tells a reader; ``positive`` is its yes or no, asked of every candidate.
"""

from __future__ import annotations

from autonews.classify.lexicon import stem, tokenize
from autonews.cluster import figures as fig
from autonews.cluster.company_ground import COMPANY, a_company_and_its_ground, one_side_only
from autonews.cluster.concept_sets import (
    COUNTRIES,
    ENERGY_THEMES,
    MATERIALS,
    THEMES,
)
from autonews.cluster.features import _Features
from autonews.cluster.holdings import one_holding_sold
from autonews.cluster.one_report import (
    one_programme_turn,
    one_sales_release,
    one_share_move,
    one_stage_of_a_file,
)
from autonews.cluster.own_ground import own_ground
from autonews.cluster.place_conflicts import named_or_one_place
from autonews.cluster.places import COUNTRY_OF
from autonews.cluster.rule_places import a_rule_and_other_news
from autonews.cluster.share_causes import reacts_the_same_day
from autonews.cluster.shared import PLACES, maker_words
from autonews.cluster.shared_nothing import (
    _no_word_in_common,
    _one_common_word,
    _one_theme_beside_a_maker,
)
from autonews.cluster.subjects import MODEL, SIDE
from autonews.cluster.trade_words import only_trade_words
from autonews.cluster.unproven_reasons import (
    A_WRAP_AND_NEWS,
    FIGURE_ALONE,
    NOTHING_IN_TITLES,
    ONE_COMMON_WORD,
    ONE_THEME,
    ONE_THEME_NO_MAKER,
    ONE_THEME_TWO_KINDS,
    ONLY_A_COMPANY_OR_PLACE,
    ONLY_A_MATERIAL,
    ONLY_A_PLACE,
    ONLY_TRADE_WORDS,
    TOO_LITTLE_NO_MAKER,
    TOO_LITTLE_OF_TITLES,
    TOO_LITTLE_WITH_MAKER,
)
from autonews.cluster.wrap_evidence import one_term_beside_a_wrap

# The evidence a pair needs (weights of shared subject terms, a figure): one subject term even
# a common one ("china") besides a maker both titles name; one term few items use when both name
# makers of a group, but not both in the title, when one title names a maker the other does not,
# or when both are car news without a maker (a regulation, the market); two when neither title
# names a maker (world news, blogs). Unless both name makers, the terms must be in both titles.
MIN_EVIDENCE_SAME_MAKER = 0.5
MIN_EVIDENCE = 1.0
MIN_EVIDENCE_NO_MAKER = 2.0
_NO_MAKER_COVER = 0.5  # the share of the shorter title's subject two maker-less titles share
_CAR_COVER = 0.3  # the same for car news, whose titles name more specific things (parts, tech)


def _common(a: _Features, b: _Features) -> float:
    """The sum of ``shared_subject``'s weights, without building it."""
    sa, sb = a.subject, b.subject
    both = sa.keys() & (sb.keys() if a.cjk is b.cjk else b.bridging)
    if not both:
        return 0.0
    return sum(min(sa[t], sb[t]) for t in both)


def evidence(a: _Features, b: _Features, common: float) -> float:
    """How much positive evidence two items share: the weights of their shared subject terms
    (``common``: their sum), plus one for a shared figure that tells an event (from 100, a
    percentage or a fraction such as 1.48万; not a small count: 11 killed, 27 February)."""
    return common + 1.0 if _told_figure(a, b) else common


def _told_figure(a: _Features, b: _Features) -> bool:
    """A figure that tells an event (see ``evidence``) in both items."""
    if not a.telling or a.figure_keys.isdisjoint(b.figure_keys):
        return False
    return fig.shared_alike(
        a.telling, b.numbers, a.figure_kinds, b.figure_kinds, a.figure_bounds, b.figure_bounds
    )


def _proper(a: _Features, b: _Features, own: frozenset[str] = frozenset()) -> bool:
    """Whether two items of one maker share more than a place many items name: a maker's two
    stories of a week both name China or Germany ("Newsom drives a Tesla at its Chinese plant" /
    "Tesla woes lift China's BYD"). A term that is no place does, or a place few items name
    (Szeged, Kentucky) that both titles do (a country only their places imply, where those
    may be one), or any place when one title tells how the market or
    others took the other's news within a day ("Mercedes cuts margin outlook on weak China
    demand" / "Mercedes shares fall as China slowdown bites"). ``own``: the terms of a company
    both titles open with, which is no more a subject than the maker's name is."""
    if reacts_the_same_day(a, b):
        return True  # the market's reaction to the maker's news, told the same day
    sa, sb = a.subject, b.subject
    both = sa.keys() & (sb.keys() if a.cjk is b.cjk else b.bridging)
    if not PLACES.issuperset(both):
        # A term that is no place: most pairs, told apart in C. Not the maker's own name,
        # which a title may give as a word before its model ("FORD TRANSIT CUSTOM"): a maker
        # and a place ("ford, germany") are not one event.
        # Nor, for a commentary (an opinion, a review: no event of its own) or an analyst's
        # note (the market's view, whose reasons its lead gives), a technology or theme the
        # maker's news keeps returning to: "hybrid" of an opinion on its strategy and of a
        # model's review; "robotaxi" of a bank's downgrade and of the robotaxi's launch in a
        # new city. (For news, one often is the event: "GM ends robotaxi ambitions".)
        both = both - maker_words(a.makers | b.makers) - own
        if a.commentary or b.commentary or a.note or b.note:
            both = both - THEMES
        if a.note is not b.note:
            # Nor, for an analyst's note and other news, the maker's turn the note reacts to
            # ("UBS downgrades Tesla to sell after earnings" / "Tesla stock sinks 7% after
            # earnings"): the note is its bank's news, neither the results nor their share move.
            both = both - {t for t in both if t.startswith("c:") and SIDE in t}
        if a.commentary and b.commentary:
            # Nor, for two commentaries, the model both weigh: two outlets' reviews of it (of
            # two variants, on two days) are no event; a word of their own (a trim, a place)
            # still joins them.
            both = both - _model_terms(a, b)
        if not PLACES.issuperset(both):
            return True
    # Nor a place the maker is known for (its plant's town, its home country: ``own_ground``).
    own = own_ground(a, b)
    return any(
        (min(sa[t], sb[t]) >= 1.0 and t not in own and named_or_one_place(a, b, t))
        or ((_one_place(a, b, t) or _one_place(b, a, t)) and not a.stages.isdisjoint(b.stages))
        for t in both
    )


def _model_terms(a: _Features, b: _Features) -> frozenset[str]:
    """The terms of the models two items name: their subject terms and their names' words."""
    models = a.models | b.models
    named = {f"{MODEL}{group}:{model}" for group, model in models}
    words = {stem(word) for _, model in models for word in tokenize(model).norms}
    return frozenset(named | words)


def _one_place(a: _Features, b: _Features, country: str) -> bool:
    """``a``'s title names a place few items name in ``country`` (Berlin, Ontario) and ``b``'s
    names the country and none of its places: one place told at two scales ("Tesla Berlin
    halts production" / "Tesla's German plant evacuated"), when both titles tell one turn of
    a story (a halt): the maker's other news there names the country as well."""
    return any(
        COUNTRY_OF.get(t) == country and a.subject[t] >= 1.0 for t in a.title_subject
    ) and not any(COUNTRY_OF.get(t) == country for t in b.subject)


def _enough(a: _Features, b: _Features, found: float) -> bool:
    if not a.title_groups.isdisjoint(b.title_groups):  # both titles name the maker
        need = MIN_EVIDENCE_SAME_MAKER
    elif (a.groups and b.groups) or a.title_groups or b.title_groups or (a.car and b.car):
        need = MIN_EVIDENCE  # makers of a group, or one title names one, or both car news
    else:
        need = MIN_EVIDENCE_NO_MAKER
    if a.source and a.source == b.source:
        need *= 2  # one outlet seldom tells one event twice, but runs series alike
    return found >= need


def positive(a: _Features, b: _Features, common: float) -> bool:
    """Whether two items share enough to be one event (``common``: the weights of their shared
    subject terms); the figures are only compared when the subject is not enough. Items that
    name no maker (world news, blogs) are judged on what both titles name. A common word both
    write in lower case (a verb, an industry's word: "sales recover" / "orders recover") proves
    nothing, however rare among the items."""
    return unproven(a, b, common) is None


def unproven(a: _Features, b: _Features, common: float) -> str | None:
    """None when two items share enough to be one event (see ``positive``); else which rule
    asked for more, as a reader is told it."""
    if one_stage_of_a_file(a, b) or one_sales_release(a, b) or one_holding_sold(a, b):
        return None
    if one_programme_turn(a, b):
        return None
    if _no_word_in_common(a, b):
        return FIGURE_ALONE
    if _one_theme_two_kinds(a, b):
        return ONE_THEME_TWO_KINDS
    if one_term_beside_a_wrap(a, b, _told_figure(a, b)):
        return A_WRAP_AND_NEWS
    if _one_common_word(a, b):
        return ONE_COMMON_WORD
    if only_trade_words(a, b):
        return ONLY_TRADE_WORDS
    if _one_theme_beside_a_maker(a, b) or _one_theme_beside_a_maker(b, a):
        return ONE_THEME
    if a.groups and b.groups:
        if a.market is not b.market:
            common = _named_by_the_note(a, b, common)
        if _enough(a, b, common):
            return None if _proper(a, b) or _told_figure(a, b) else ONLY_A_PLACE
        if _enough(a, b, evidence(a, b, common)) or one_share_move(a, b):
            return None
        return TOO_LITTLE_WITH_MAKER
    if _one_company_acting(a, b, common):
        return None
    # No maker in common to agree on: what both titles name, and most of what the shorter one
    # names ("Obama says no evidence of aliens" and "No evidence Obama invited Kenyan
    # politician" share two words, not a subject).
    ta, tb = a.title_subject, b.title_subject
    if a.cjk is not b.cjk:  # across scripts, what both can say
        ta, tb = ta & a.bridging, tb & b.bridging
    both = ta & tb
    if _one_company(a, b, both):
        return None
    smaller = min(len(ta), len(tb))
    car = a.car and b.car
    cover = _CAR_COVER if car else _NO_MAKER_COVER
    figure = bool(a.title_numbers and b.title_numbers) and fig.shared(
        a.title_numbers, b.title_numbers
    )
    if car and figure and not both and not (a.title_groups or b.title_groups) and _telling(a, b):
        # Car news naming no maker that both titles tell by one figure ("US raises tariffs on
        # imported cars to 35%" / "US to raise auto import tariffs to 35%"): the model weighs it.
        # A maker only a lead names is one the news touches, not its subject (trial 54: "US 25%
        # tariffs on imported heavy trucks start", "Daimler Truck, Paccar, Volvo and
        # International all build trucks in Mexico", was kept from the tariffs' other reports).
        return None
    if not both:
        return NOTHING_IN_TITLES
    if both <= MATERIALS and not figure:
        return ONLY_A_MATERIAL
    if len(both) < cover * smaller:
        return TOO_LITTLE_OF_TITLES
    if car and not figure and not (a.makers or b.makers) and _one_theme_only(both):
        # One theme is what an industry's news shares, no event: a solar installer's job cuts
        # and a data centre's storage plant on "grid" (of "solar", trial 52).
        return ONE_THEME_NO_MAKER
    other_turns = bool(a.stages and b.stages) and a.stages.isdisjoint(b.stages)
    if (
        car
        and not figure
        and one_side_only(both, other_turns or a_rule_and_other_news(a, b))
        and not a_company_and_its_ground(a, b, both, other_turns)
    ):
        # Judged as car news, two items need more than a company or a place in common, as
        # two of one maker do: a robotaxi firm's funding / its recall; a country's ban on
        # petrol cars / its car output. A figure both titles give is more, and so are two
        # places (the EU's tariffs on China / Beijing's answer), and a company with a place
        # or a counterpart (``company_ground.a_company_and_its_ground``).
        return ONLY_A_COMPANY_OR_PLACE
    common = sum(min(a.subject[t], b.subject[t]) for t in both)
    return None if _enough(a, b, common + 1.0 if figure else common) else TOO_LITTLE_NO_MAKER


def _one_theme_two_kinds(a: _Features, b: _Features) -> bool:
    """Whether all two items share besides their makers' names and places is one theme
    (hybrid, EV, tariff: ``THEMES``) or nothing, they share no figure, and only one tells a
    maker's sales of a month (``sales_reports``): trial 55's "Hyundai, Kia post record November
    U.S. sales on hybrid demand" joined the Palisade Hybrid's US launch on "hybrid" and "us"
    alone (p 0.93). A month's sales are told with the segment that drove them and the market,
    which the maker's other news of the week names too. Other news may be told by its theme
    ("GM ends robotaxi ambitions" / "GM pulls plug on Cruise robotaxi unit"). A country's
    volume of a month (its exports) is another kind (``_months_volume``)."""
    if a.cjk is not b.cjk:
        return False
    # Besides the makers' names and the market both are told in (the US of a month's US sales
    # and of a launch in the US).
    both = a.subject.keys() & b.subject.keys()
    both = both - maker_words(a.makers | b.makers) - PLACES
    if len(both) > 1 or not both <= THEMES | ENERGY_THEMES:
        return False
    if _months_volume(a) == _months_volume(b):
        return False  # two of one kind: both a maker's month's sales, or neither a statistic
    return not _told_figure(a, b)


def _months_volume(item: _Features) -> str | None:
    """What volume of a month an item tells: "maker" (a maker's sales), "market" (a national
    body's, several makers' or a country's: its exports), or None. A country's exports "on
    hybrids" are no more the Palisade Hybrid's US launch than a maker's sales "on hybrid
    demand" are, nor that maker's US sales (trial 55)."""
    if item.sales is not None and not item.sales.body:
        return "maker"
    return "market" if item.monthly or item.sales is not None else None


def _one_theme_only(both: frozenset[str]) -> bool:
    """Whether the one term two titles share is a theme their industry keeps returning to
    (solar, the grid, hybrids, tariffs): no event by itself."""
    if len(both) != 1:
        return False
    (term,) = both
    return term in THEMES or term in ENERGY_THEMES


def _one_company_acting(a: _Features, b: _Features, common: float) -> bool:
    """Whether both titles open with one company (``_Features.about``: "Waymo opens its
    robotaxi service to the public in Miami" / "Waymo's robotaxis are now available to anyone
    in Miami") and share what two items of one maker must: a subject besides the company (a
    place few items name, a word of their own) or a figure. A robotaxi firm is named by many
    of a window's items, too many for its name to count as a subject (trial 51: six events of
    Waymo, Motional, Aurora, Baidu... split), and no maker, whose rules would have joined them.
    A title that only names it elsewhere ("NHTSA opens probe into Waymo") is judged as before."""
    if a.about.isdisjoint(b.about):
        return False
    own = frozenset(COMPANY + name for name in a.about & b.about)
    common -= sum(min(a.subject[t], b.subject[t]) for t in own if t in a.subject and t in b.subject)
    need = MIN_EVIDENCE_SAME_MAKER * (2 if a.source and a.source == b.source else 1)
    if common >= need:
        return _proper(a, b, own) or _told_figure(a, b)
    return evidence(a, b, common) >= need


def _named_by_the_note(a: _Features, b: _Features, common: float) -> float:
    """Of ``common`` (the weights of the subject two items share), what counts for a market
    note and other news of its maker. A note told after the news may tell in its lead what the
    market took ("Subaru shares slide 7% after profit warning", "after the carmaker cut its
    outlook on tariff costs"): all of it. A note told before the news reacts to something
    else, and its lead gives the market's reasons, no news ("Tesla stock climbs after Wedbush
    reiterates Outperform", "citing robotaxi expansion" / hours later "Tesla launches Robotaxi
    service in Phoenix"): only what its title names."""
    note, news = (a, b) if a.market else (b, a)
    if note.stamp >= news.stamp:
        return common
    named = note.title_subject & news.subject.keys()
    if len(named) == len(note.subject.keys() & news.subject.keys()):
        return common
    return sum(min(note.subject[t], news.subject[t]) for t in named)


def _one_company(a: _Features, b: _Features, both: frozenset[str]) -> bool:
    """Whether both titles name one company and no maker, and one tells the market's reaction
    to the other the same day, or they tell its news by a figure in common (a job-cut count)
    that both titles give, or one title and the lead of the other whose title tells nothing
    else (a press release's "Further Measures to Strengthen Competitiveness"): a supplier is a
    subject as a maker is. A title telling something of its own besides (a union's protest
    against the cuts, in another town) is other news of the company."""
    if a.makers or b.makers or not any(term.startswith(COMPANY) for term in both):
        return False
    if reacts_the_same_day(a, b):
        return True
    if not _told_figure(a, b):
        return False
    in_titles = bool(a.title_numbers and b.title_numbers) and fig.shared(
        a.title_numbers, b.title_numbers
    )
    return in_titles or _tells_nothing_else(a) or _tells_nothing_else(b)


def _tells_nothing_else(item: _Features) -> bool:
    """A title giving no figure and no concept but a country or region: only its company's
    name and words ("... Competitiveness in Europe")."""
    return not item.title_numbers and not any(
        term.startswith("c:") and term not in COUNTRIES for term in item.title_subject
    )


def _telling(a: _Features, b: _Features) -> bool:
    """Whether both titles give one figure that tells an event: a count or sum from 100, or a
    percentage that is no share's move of the day, from 10 or told to a decimal (a 4% rise is
    every other day's)."""
    counts = {f for f in a.title_numbers & b.title_numbers if not f.percent and f.value >= 100}
    percents = {f for f in a.title_percents & b.title_percents if f.value >= 10 or f.precision < 1}
    return bool(counts or percents)
