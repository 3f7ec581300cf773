"""The rules that keep two items apart, however alike their words (``conflict``).

Different makers, companies, counterparts, places (``place_conflicts``); a change of people against
other news; a recall and other news of its model (``recall_conflicts``); different parts, posts,
sums, unit counts, counted things, models of one maker (not a regulator's notices of sibling
models for one fault), rules named by their codes, files of regulation (``policy_files``),
title percentages, a market's open and its close; turns of a story
(``turn_conflicts``: talks begun / called off, a turn told a day after a report naming none, a
teaser or a launch date against the launch, what is expected against the figures, a deal to
come against the deal done); stages of one storyline (``storyline_stages``: a strike vote / the
strike, an offer / its rejection, a month's sales / a period's results). Stories are never
joined across such a pair (``stories``), and the pair model is fitted without them.
"""

from __future__ import annotations

from functools import lru_cache

from autonews.cluster import figures as fig
from autonews.cluster.concept_sets import MONTHLY_FIGURES, PEOPLE_TURNS, RELEASE, SHARES
from autonews.cluster.counterparts import other_counterparts
from autonews.cluster.features import RECALL, _Features
from autonews.cluster.figure_reports import registrations_and_other_news
from autonews.cluster.holdings import one_holding_sold
from autonews.cluster.kinds_apart import other_kind
from autonews.cluster.notice_defects import other_notices
from autonews.cluster.place_conflicts import other_places, other_sites
from autonews.cluster.places import HOME_CURRENCY
from autonews.cluster.recall_conflicts import TROUBLE as _TROUBLE
from autonews.cluster.recall_conflicts import one_fault, recall_and_news_of_its_model
from autonews.cluster.sales_reports import MONTHS, one_report, other_makers
from autonews.cluster.shared import other_systems
from autonews.cluster.shared import same_model as _same_model
from autonews.cluster.shared import shared_figure as shared_figure
from autonews.cluster.shared import shared_subject as shared_subject
from autonews.cluster.storyline_stages import other_stage
from autonews.cluster.subjects import SIDE
from autonews.cluster.trade_news_kinds import (
    _listing_and_partnership,
    _price_and_other_news,
    _supply_deal_and_output,
    _trade_news_of_two_kinds,
)
from autonews.cluster.trouble_kinds import other_trouble
from autonews.cluster.turn_conflicts import turn_conflict
from autonews.models import Event

# seconds: two share moves told further apart than this are two sessions' (a close told the next
# morning is still within it)
_OTHER_SESSION = 24 * 3600.0


@lru_cache(maxsize=4096)  # few distinct sets of models; checked for every pair joined
def _other_models(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Both name models of one group and none of them match: SU7 and YU7 launches are two
    stories, but "Xiaomi SU7 undercuts Tesla Model 3" is not a Tesla story."""
    shared = {g for g, _ in a} & {g for g, _ in b}
    return any(
        not _same_model(frozenset(m for m in a if m[0] == g), frozenset(m for m in b if m[0] == g))
        for g in shared
    )


def conflict(a: _Features, b: _Features) -> str | None:
    """Evidence that two items are different events, however alike their words: what it is."""
    if a.roundup or b.roundup:
        return "a briefing of several stories"
    if a.commentary != b.commentary:
        return "a commentary / the news"  # a review of a model / its recall; results previewed
    if a.press_piece or b.press_piece:
        return "a review, a list or a column: its outlet's own piece"  # two reviews of one model
    if a.spied != b.spied:
        return "spy shots / the maker's news"  # a prototype caught testing / its teaser, reveal
    if SHARES in a.title and SHARES in b.title and abs(a.stamp - b.stamp) > _OTHER_SESSION:
        return "share moves of different days"  # "Tesla shares fall 3%" on Monday / Wednesday
    if a.session and b.session and a.session != b.session:
        return "a market's open / its close"  # 港股收评 on Tuesday / 港股开盘 on Wednesday
    if a.makers and b.makers and not a.makers & b.makers and not a.groups & b.groups:
        return "different makers"
    if a.sales and b.sales and other_makers(a.sales, b.sales):
        return "different makers' sales"  # Hyundai's November sales / Kia's: one group's
    if notices := other_notices(a.notice, b.notice):
        return notices  # a Kia seat motor's notice / a Hyundai charging unit's
    if not (a.makers or b.makers) and a.actors and b.actors and a.actors.isdisjoint(b.actors):
        return _different_companies(a.actors, b.actors)  # Pony.ai's IPO / WeRide's
    if _maker_and_another_company(a, b) or _maker_and_another_company(b, a):
        return _different_companies(a.actors, b.actors)  # Polestar's Nasdaq debut / Mobileye's
    if _other_suppliers(a, b):
        # Samsung SDI's cells for Hyundai / FinDreams' for Kia
        return _different_companies(a.actors - a.groups, b.actors - b.groups)
    if sides := other_counterparts(a, b):
        return sides  # XPeng with VW / XPeng with Didi; Japan / Korea
    if place := other_places(a, b):
        return place
    if _two_wheeler_and_car(a, b) or _two_wheeler_and_car(b, a):
        return "a two-wheeler's news / a car's"  # e-scooter battery fires / a Jeep's
    if trouble := other_trouble(a, b):
        return trouble  # owners sue over the recall; a probe / the recall that ends it
    if _recall_and_other_news(a, b) or _recall_and_other_news(b, a):
        return "a recall / other news of its model"  # Galaxy E5 recalled / launched
    if recall_and_news_of_its_model(a, b) or recall_and_news_of_its_model(b, a):
        return "a recall / other news of its model"  # ID.4 recalled / its lease rates cut
    if registrations_and_other_news(a, b) or registrations_and_other_news(b, a):
        return "a count of registrations or sales / a launch or share move"  # weekly CPCA
    if kinds := other_kind(a, b):
        return kinds  # Bosch's job cuts / its sales; a cable's fire risk / a plant's fire
    if _trade_news_of_two_kinds(a, b):
        return "a price / a deal / results: different news"  # a price cut / a supply deal
    if _supply_deal_and_output(a, b) or _supply_deal_and_output(b, a):
        return "a supplier's deal / the maker's output"  # cells for a platform / its start
    if _price_and_other_news(a, b) or _price_and_other_news(b, a):
        return "a price / other news"  # Tesla's Model Y price in Taiwan / its FSD tests there
    if _listing_and_partnership(a, b) or _listing_and_partnership(b, a):
        return "a listing / a partnership"  # Avatr's IPO / CATL's partnership with Changan
    if _maker_and_industry_rule(a, b) or _maker_and_industry_rule(b, a):
        return "a maker's news / a rule for the industry"  # Xiaomi's OTA recall / China's OTA rules
    if _one_changes_people(a, b) or _one_changes_people(b, a):
        return "a change of people / other news"  # a chief quits over a scandal / the scandal
    if other_sites(a, b):
        return "different sites"  # the sale of a head office / the end of a plant
    if a.parts and b.parts and other_systems(a.parts, b.parts):
        return "different parts"  # a model's trim recall / its wiper recall
    if _other_chemistries(a, b):
        return "different battery chemistries"  # LFP cells for Tesla / sodium-ion cells
    if a.posts and b.posts and a.posts.isdisjoint(b.posts):
        return "different posts"  # a new chief executive / a new finance chief
    # One maker's results, or its sales of a month: its reports quote different figures of one
    # release; one holding sold, the parts of one deal (the stake's ¥1.1tn, the buyback's ¥450B).
    figures = not (_one_release(a, b) or one_sales_report(a, b) or one_holding_sold(a, b))
    if figures and a.title_money and b.title_money and _money_mismatch(a, b) and not _priced(a, b):
        return "different sums"  # $5 billion / $5.8 billion from one investor: two deals
    if figures and a.units and b.units and fig.none_close(a.units, b.units):
        return "different unit counts"  # different recalls, different sales months
    if a.counted and b.counted and fig.other_counts(a.counted, b.counted):
        return "different counts"  # a halt of 14 plants / of 12 plants
    if a.models and b.models and _other_models(a.models, b.models) and not one_fault(a, b):
        return "different models"
    if a.rules and b.rules and a.rules.isdisjoint(b.rules):
        return "different rules"  # UN R152's adoption / the EU's GSR update
    if a.files and b.files and a.files.isdisjoint(b.files):
        return "different policy files"  # type-approval's e-fuels category / the CO2 standards
    if turn := turn_conflict(a, b):
        return turn
    if stage := other_stage(a, b):
        return stage  # a strike vote / the strike; a raised offer / its rejection
    if figures and _other_percentages(a, b):
        return "different percentages"  # sales up 12% / up 40%; not a margin / a profit's fall
    if _other_months(a, b):
        return "different months"  # Thai motorcycle sales in October / Indonesia's in November
    return None


def _other_months(a: _Features, b: _Features) -> bool:
    """Both titles report a month's figures (sales, output, exports) and name no month in
    common: each tells its own month's (trial 53: "Thai motorcycle sales up 3% in October" /
    "Motorcycle sales rise 3% in November: AISI", one percentage of two countries' months).
    Other months are no rule-out: a recall's build period and its remedy's start, an
    announcement and the date a rule takes effect are months of one event."""
    if MONTHLY_FIGURES.isdisjoint(a.title) or MONTHLY_FIGURES.isdisjoint(b.title):
        return False
    months_a, months_b = MONTHS.intersection(a.title), MONTHS.intersection(b.title)
    return bool(months_a) and bool(months_b) and months_a.isdisjoint(months_b)


# Vehicles that are no cars (knowledge/concepts.toml): e-scooters, e-bikes, motorcycles.
_TWO_WHEELERS = frozenset({"c:motorcycle", "c:three-wheeler"})


def _two_wheeler_and_car(a: _Features, b: _Features) -> bool:
    """``a``'s title names a two- or three-wheeler and no maker ``b``'s names, ``b``'s a maker
    and no such vehicle: an e-scooter's news is no car's, whatever both tell of battery fires
    ("NHTSA investigation sought into e-scooter battery fires" / "Jeep Wrangler 4xe: High
    voltage battery may catch fire"). A maker's notice of its motorcycle names the maker."""
    return (
        not _TWO_WHEELERS.isdisjoint(a.title)
        and bool(b.title_groups)
        and a.title_groups.isdisjoint(b.title_groups)
        and _TWO_WHEELERS.isdisjoint(b.title)
    )


# News that is never a recall's: a fault's probe, fine, fire or halted line may be the recall's.
# A model's trouble (a recall, a probe or a lawsuit: ``_TROUBLE``) is never the same event as
# news of the model's trade (a launch, results, a price, a deal). (Not incidents: the type is read
# from words such as "hits" or "slams" that a market's reaction to other news uses too.)
_NEVER_A_RECALLS_NEWS = frozenset(
    (Event.LAUNCH, Event.FINANCIALS, Event.PRICING, Event.PARTNERSHIP, Event.OWNERSHIP)
)


def _recall_and_other_news(a: _Features, b: _Features) -> bool:
    """``a`` a recall (a probe, a lawsuit), ``b`` a launch, results, a price cut or a
    deal that does not name the recall nor count the cars it reaches: two events of one model,
    however alike their names ("NHTSA closes probe into Model Y steering wheels" / "Tesla
    launches a cheaper Model Y"). What follows from a recall names it ("Rivian shares slip after
    recall"). A plant's start put off is no recall's news either ("Samsung SDI cell defect
    behind Jeep and Ford plug-in hybrid recalls" / "Stellantis, Samsung SDI delay second Indiana
    battery plant", trial 52)."""
    if not (
        a.event in _TROUBLE
        and (b.event in _NEVER_A_RECALLS_NEWS or _a_plant_put_off(b))
        and a.event_sure
        and RECALL not in b.title
        and not b.units  # "Tesla pushes a fix to 2 million cars": the recall's remedy
    ):
        return False
    if b.event_sure:
        return True
    if a.event is not Event.RECALL:
        return False  # a probe's or a lawsuit's news is told in many more ways
    # An unsure type may be a recall's news told another way, if it tells the recall's model
    # or a figure of it; news naming neither is other news of the maker (CATL's investment in
    # NIO's battery-swap arm / NIO's recall over battery fires).
    same_model = bool(a.models and b.models) and _same_model(a.models, b.models)
    return not same_model and not shared_figure(a, b)


def _a_plant_put_off(item: _Features) -> bool:
    """Production news whose title tells a delay: a plant's start or ramp put off."""
    return item.event is Event.PRODUCTION and _DELAY in item.stages


_DELAY = "delay"  # the turn of a story (knowledge/turns.toml) that puts something off


def _maker_and_industry_rule(a: _Features, b: _Features) -> bool:
    """``a`` a maker's recall, probe or lawsuit; ``b`` a rule, standard or tariff that names no
    maker: the rule is news for every maker, not the story of one maker's trouble it shares
    words with (a recall by over-the-air update / the rules for such updates). A maker's share
    of a rule ("Brussels hits SAIC hardest", "Toyota shares surge as tariffs fall") is the
    rule's news. Nor is a maker's deal told surely (a supplier's driver-assist system for VW /
    a draft standard for such systems)."""
    if not a.makers or b.makers or b.event is not Event.REGULATION:
        return False
    return a.event in _TROUBLE or (a.event in _DEALS and a.event_sure)


_DEALS = frozenset((Event.PARTNERSHIP, Event.OWNERSHIP))


def _maker_and_another_company(a: _Features, b: _Features) -> bool:
    """One title names a maker, the other no maker but other companies, and no figure is told
    in both: their subjects differ. (A report that names the maker's partner instead of the
    maker tells the same figures: "raid at Hyundai's plant detains 475" / "raid at the
    Hyundai-LG plant: 475 held", where the second names LG alone.)"""
    if not a.makers or b.makers or not b.actors or not a.actors.isdisjoint(b.actors):
        return False
    return not shared_figure(a, b)


def _different_companies(first: frozenset[str], second: frozenset[str]) -> str:
    """The rule's name with the sides each names, as a reader checks it ("different companies:
    Volkswagen Group / PowerCo" told a unit from its parent before units carried parents)."""
    return f"different companies: {', '.join(sorted(first))} / {', '.join(sorted(second))}"


def _other_chemistries(a: _Features, b: _Features) -> bool:
    """Both titles name a battery chemistry, and none in common."""
    return bool(a.chemistries and b.chemistries) and a.chemistries.isdisjoint(b.chemistries)


def _other_suppliers(a: _Features, b: _Features) -> bool:
    """Both titles name a company beside their makers, and neither names the other's: two
    companies' dealings with one maker (a supplier's order, a partner's plant)."""
    others_a, others_b = a.actors - a.groups, b.actors - b.groups
    return (
        bool(others_a and others_b)
        and others_a.isdisjoint(b.actors)
        and others_b.isdisjoint(a.actors)
    )


def _one_release(a: _Features, b: _Features) -> bool:
    """Both titles tell one maker's results (its earnings, profit or loss, revenue, margins):
    financial news, of a maker both name (Kia's results are not Hyundai's, though one group's;
    crash-test results and a price cut squeezing margins are other news)."""
    return (
        a.event is Event.FINANCIALS
        and b.event is Event.FINANCIALS
        and not a.makers.isdisjoint(b.makers)
        and any(term.startswith(RELEASE + SIDE) for term in a.title_subject & b.title_subject)
    )


def _other_percentages(a: _Features, b: _Features) -> bool:
    """Both titles tell percentages of one measure (a margin, year-on-year, or none named) and
    none of their percentages is alike: a margin's 15.9% and a profit's fall of 31% may be
    one release's, and are never compared."""
    return (
        bool(a.title_percents and b.title_percents)
        and not a.percent_measures.isdisjoint(b.percent_measures)
        and fig.none_close(a.title_percents, b.title_percents)
    )


def one_sales_report(a: _Features, b: _Features) -> bool:
    """Both titles tell one maker's sales of one month, within a day (``sales_reports``)."""
    return one_report(a.sales, b.sales, abs(a.stamp - b.stamp), (a.markets, b.markets))


def _one_changes_people(a: _Features, b: _Features) -> bool:
    """``a``'s title tells a change of people (a chief quits, a successor is named) and ``b``'s
    tells other news: no post, no change of people, no name in common (the scandal a chief
    quits over, the recall a chief apologises for), and no reaction to the change. A title
    surely telling other news is no change of people whatever words name its chief ("Stellantis'
    new CEO to cut 5,000 jobs in Italy" is the job cuts')."""
    if not a.stages & PEOPLE_TURNS or b.stages & PEOPLE_TURNS or b.posts or b.reaction:
        return False
    if b.event is Event.LEADERSHIP and b.event_sure:
        return False  # a change of people told in words the turns miss ("Menon leaves")
    if a.event_sure and a.event not in (None, Event.LEADERSHIP):
        return False
    return all(term.startswith("c:") for term in shared_subject(a, b))


def _priced(a: _Features, b: _Features) -> bool:
    """Sums that are prices: a cut of $10,000 and a new price of $71,990 are one price cut.
    Read in the titles' words, not only in the event types (a price cut is now and then typed
    otherwise)."""
    return a.priced or b.priced or a.event in _PRICED or b.event in _PRICED


_PRICED = frozenset({Event.PRICING, Event.LAUNCH})


def _money_mismatch(a: _Features, b: _Features) -> bool:
    """Sums in one currency in both titles, none of them alike: $1.1 billion and $2.2 billion
    from one investor are two rounds; $2.2 billion and 16 billion yuan may be one. A sum in a
    currency none of the makers reports in may be a conversion, which outlets make at their own
    rates: Toyota's yen told as $9.5 and as $9.7 billion is one sum."""
    currencies = {c for c, _ in a.title_money} & {c for c, _ in b.title_money}
    homes = a.homes | b.homes
    reported = {HOME_CURRENCY[home] for home in homes if home in HOME_CURRENCY}
    for currency in currencies:
        sums_a = frozenset(x for cx, x in a.title_money if cx == currency)
        sums_b = frozenset(y for cy, y in b.title_money if cy == currency)
        if currency in reported or not homes:
            if fig.none_close(sums_a, sums_b):
                return True
        elif not any(fig.converted_alike(x, y) for x in sums_a for y in sums_b):
            return True
    return False
