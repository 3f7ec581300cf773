"""A title of a feed mostly about cars that shows no car evidence of its own.

Such a feed's terse headlines ("What we learned this week", "Long-range version arrives next
spring") are car news. But a wire or a tech site half about cars is read as a car feed too, and
its football scores, rate decisions, phone launches and tech deals are not (trial 32): a title
whose own words show what else it is about keeps no car news from its feed.
"""

from __future__ import annotations

from autonews.briefings import reads_as_deals_post
from autonews.classify.knowledge import Knowledge
from autonews.classify.lexicon import Tokens, stems_of, tokenize
from autonews.classify.relevance import NONE, WEAK, Evidence, Spotted, lead_sentence_length
from autonews.classify.verdicts import names_something_else

# An item of a feed judged a car feed but not plainly one (a national wire at three in five) that
# names nothing of cars in its title, summary or text: the wire's weather, politics or budget, not
# car news by its feed alone (trial 55).
NAMES_NO_CARS = Evidence(NONE, "names nothing of cars, in a feed only partly about cars")


def in_a_car_feed(k: Knowledge, found: list[Spotted], tokens: Tokens, stems: list[str]) -> Evidence:
    """Car news, unless the title's words show what else it is about."""
    if reads_as_deals_post(tokens.text):  # "Green Deals: … power station drops to $499"
        return Evidence(NONE, "a deals post: a shop's discount, no car news of its feed's")
    other = names_something_else(k, tokens, stems)
    if other is not None:  # "Jaguar attacks tourist" in a car feed is the animal's news
        return Evidence(NONE, f"'{other}' is not the brand here")
    business = _another_business(k, found, tokens)
    if business is not None:  # "Apple in talks to buy Perplexity": Apple's news
        return Evidence(NONE, f"the news of {business}, named with no car word")
    topic = _another_topic(k, stems)
    if topic is not None:  # "Fed holds rates steady" in a wire half about cars
        return Evidence(NONE, f"'{topic}' says it is about something else")
    return Evidence(WEAK, "an item of a feed that is about cars")


def its_summary_says_otherwise(k: Knowledge, text: str, says_cars: bool) -> Evidence | None:
    """A car feed's item whose summary names no car, no carmaker and no car word but opens on
    another field ("Thyssenkrupp's steel unit and the IG Metall union reached an agreement…",
    trial 42's wire once read as a car feed): the other field's news, not the feed's car news.
    ``says_cars``: whether the summary names anything of cars anywhere."""
    if says_cars:
        return None
    lead = stems_of(tokenize(text[: lead_sentence_length(text)]).norms)
    topic = _another_topic(k, lead)
    if topic is None and k.not_cars.may_match(lead):
        found = k.not_cars.scan(lead)
        topic = found[0][2][0] if found else None
    return (
        None
        if topic is None
        else Evidence(NONE, f"its summary's '{topic}' says it is about something else")
    )


def _another_business(k: Knowledge, found: list[Spotted], tokens: Tokens) -> str | None:
    """A company outside the car industry that a title naming no maker, not even one judged
    too doubtful to keep ("Nvidia wins chip deal from Xiaomi"), names: as "Apple (tech)"."""
    companies = [k.companies[hit.index] for _, _, hit in found if hit.kind == "company"]
    others = [company for company in companies if not company.automotive]
    if not others or _names_a_maker(k, tokens):
        return None
    return f"{others[0].name} ({others[0].role})"


def _names_a_maker(k: Knowledge, tokens: Tokens) -> bool:
    """Whether a maker's name is in the text, accepted or not."""
    scanned = k.entities.scan(tokens.norms, plurals=True)
    return any(hit.kind == "maker" for _, _, hits in scanned for hit in hits)


def _another_topic(k: Knowledge, stems: list[str]) -> str | None:
    """The first word of another field in a title (a sport, a central bank, a phone)."""
    if not k.other_topics.may_match(stems):
        return None
    found = k.other_topics.scan(stems)
    return found[0][2][0] if found else None
