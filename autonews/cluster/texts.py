"""Each item's text read as terms, once per text: what does not depend on the other items.

Items often repeat a text: one story carried by the feeds of one network, a feed's re-post, an
agency report several papers run, the benchmark's labelled set repeated over weeks. Reading a
text (tokens, the names the knowledge finds, concepts, stems, bigrams) is most of an item's
cost, and it depends only on the title, the lead and the classification, so items that agree
on those share one ``ItemText``. Rarity, which does depend on the other items, is weighed later
(``features``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from autonews.classify.knowledge_loading import default_knowledge
from autonews.classify.lexicon import stem, tokenize
from autonews.cluster.company_parents import parent_terms, units_of_named_parents
from autonews.cluster.inputs import ClusterInput
from autonews.cluster.places import COUNTRY_OF, COUNTRY_OF_LEADER
from autonews.cluster.policy_files import COURT, without_court_seats
from autonews.cluster.terms import item_terms, simplified, site_text, text_lead
from autonews.models import Classification


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: one object per text
class ItemText:
    classification: Classification  # with makers the title names that the classifier missed
    title_words: list[str]  # normalised words of the title, read as simplified Chinese
    title_terms: list[str]  # the title's terms, its places' countries and its named makers
    lead_terms: list[str]
    title_makers: set[str]  # the item's makers its title names
    implied: frozenset[str]  # countries the title's places imply, not named in it
    # Words its text writes in lower case, as terms: common words (a verb, an industry's word),
    # whatever their rarity among the items, not names ("recover", "chip"; not "BlueOval")
    lower: frozenset[str] = frozenset()
    # The words its title capitalises (all of them in a headline in title case)
    capitalised: frozenset[str] = frozenset()


def read_texts(items: Sequence[ClusterInput]) -> list[ItemText]:
    """Each item's text, in the order given; items with one title, summary, lead and
    classification get the same object."""
    shared = site_text([(item.source, item.body) for item in items if item.body])
    read: dict[tuple[str, str, str, Classification], ItemText] = {}
    texts = []
    for item in items:
        # The lead is the key rather than the body: a site's own sentences are left out of
        # a body's lead, and which they are depends on the feed.
        lead = text_lead(item.summary, item.body, shared)
        key = (item.title, item.summary, lead, item.classification)
        text = read.get(key)
        if text is None:
            text = read[key] = _read(item.title, lead, item.classification)
        texts.append(text)
    return texts


# A Chinese company's registered name, as regulators' notices give it: 特斯拉（上海）有限公司,
# 浙江吉利控股集团有限公司. The place in it is where the company is registered, not where its news
# happened (Tesla's recall of China-made cars and a conference held in Shanghai share no place).
_REGISTERED_NAME = re.compile(r"[\u4e00-\u9fff（）()]{2,30}?有限(?:责任)?公司")


def _read(title: str, lead: str, c: Classification) -> ItemText:
    title_words = tokenize(simplified(title)).norms
    lead_words = tokenize(simplified(lead)).norms
    term_words = title_words
    if "有限" in title:  # the makers and companies in the name are the classifier's
        term_words = tokenize(simplified(_REGISTERED_NAME.sub(" ", title))).norms
    if "有限" in lead:
        lead_words = tokenize(simplified(_REGISTERED_NAME.sub(" ", lead))).norms
    c = _with_units(c, [*term_words, *lead_words])
    found = item_terms(
        term_words, lead_words, {m.name for m in c.makers}, {x.name for x in c.companies}
    )
    if found.extra:
        c = replace(c, makers=c.makers + tuple(found.extra))
    if COURT in found.title:  # where the court sits is no side of its case (trial 47)
        found = found._replace(
            title=without_court_seats(found.title), lead=without_court_seats(found.lead)
        )
    implied = _countries_of_places(found.title)
    leaders = _countries_of_leaders(found.title)
    return ItemText(
        c,
        title_words,
        found.title + implied + leaders + _named_terms(c),
        found.lead + _countries_of_places(found.lead),
        found.named,
        frozenset(implied),
        *_cased_terms(title, lead),
    )


def _with_units(c: Classification, words: list[str]) -> Classification:
    """The classification with the units its text names by a name that needs context, where
    it names their parent (``company_parents.units_of_named_parents``): one term for the unit
    whichever way a title writes it."""
    knowledge = default_knowledge()
    groups = {m.group for m in c.makers}
    known = {x.name for x in c.companies}
    units = [
        knowledge.company_refs[index]
        for index in units_of_named_parents(words, groups)
        if knowledge.companies[index].name not in known
    ]
    return replace(c, companies=c.companies + tuple(units)) if units else c


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
_TITLE_CASE = 0.6  # of a title's longer words capitalised: a headline in title case


def _cased_terms(title: str, lead: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stems of the words a title or lead writes in lower case, and of those the title
    capitalises. A name is capitalised wherever it stands, a common word only at a sentence's
    start or in a headline written in title case ("Schaeffler Announces Further Measures"),
    whose case tells nothing of it."""
    in_title = _WORD.findall(title)
    longer = [word for word in in_title if len(word) > 3]
    title_case = bool(longer) and (
        sum(word[0].isupper() for word in longer) >= _TITLE_CASE * len(longer)
    )
    words = _WORD.findall(lead) if title_case else in_title + _WORD.findall(lead)
    lower = frozenset(stem(word.lower()) for word in words if word.islower())
    capitalised = frozenset(stem(word.lower()) for word in in_title if word[0].isupper())
    return lower, capitalised


def _countries_of_places(terms: list[str]) -> list[str]:
    """The countries of the regions and cities among ``terms`` that they do not name: Berlin
    is in Germany, Ontario in Canada."""
    return [
        country
        for country in dict.fromkeys(COUNTRY_OF[t] for t in terms if t in COUNTRY_OF)
        if country not in terms
    ]


def _countries_of_leaders(terms: list[str]) -> list[str]:
    """The countries whose leaders ``terms`` name and not the countries themselves: Biden acts
    for the US. Unlike a place's, a leader's country is a side of a deal the title tells."""
    return [
        country
        for country in dict.fromkeys(COUNTRY_OF_LEADER[t] for t in terms if t in COUNTRY_OF_LEADER)
        if country not in terms
    ]


def _named_terms(c: Classification) -> list[str]:
    """Makers and companies as the classifier named them, whatever the script: 特斯拉 and Tesla
    are one term, 华为 and Huawei another."""
    companies = [x.name for x in c.companies]
    named = ["m:" + m.name for m in c.makers] + ["o:" + name for name in companies]
    # A joint venture or a unit names its parents' side too ("StarPlus Energy": Stellantis's
    # and Samsung SDI's), once.
    return named + [term for term in dict.fromkeys(parent_terms(companies)) if term not in named]
