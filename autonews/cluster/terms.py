"""An item's text as terms: concepts, stemmed words, CJK bigrams; and which of them are subject.

Concepts come from ``knowledge/concepts.toml``, which maps English and Chinese wording of one
idea to one term (召回 = recall, 插混 = plug-in hybrid). Other words are stemmed lightly; CJK
text outside concepts becomes bigrams. Traditional Chinese is read as simplified.

The text is the title and the lead of the summary (web addresses and blog trailers removed) or,
when the feed gives little or no summary, the lead of the extracted article body, without the
sentences a site puts in every article (see ``site_text``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import NamedTuple

from autonews.classify.knowledge_loading import default_knowledge
from autonews.classify.lexicon import stem, stems_of, tokenize
from autonews.classify.phrase_trie import Lexicon
from autonews.cluster.concept_sets import ACTION_CONCEPTS
from autonews.cluster.misread_words import misread_words
from autonews.cluster.money_words import MONEY_WORDS, PRICE_PHRASES
from autonews.cluster.policy_files import programme_terms
from autonews.cluster.vocabulary import (
    FUNCTION_CHARS,
    FUNCTION_WORDS,
    NEWS_WORDS,
    SIMPLIFY,
    TRADITIONAL_CHARS,
)
from autonews.models import MakerRef
from autonews.page_text import without_furniture

# Compared with stems ("before" is "befor" by then), so the stems are listed too.
_STOPWORDS = FUNCTION_WORDS | frozenset(map(stem, FUNCTION_WORDS))
_GENERIC = _STOPWORDS | NEWS_WORDS | frozenset(map(stem, NEWS_WORDS)) | MONEY_WORDS
_ACTIONS = frozenset("c:" + concept for concept in ACTION_CONCEPTS)
_FUNCTION_CHARS = FUNCTION_CHARS
_TRADITIONAL = re.compile(f"[{''.join(sorted(TRADITIONAL_CHARS))}]")

SUMMARY_CHARS = 200  # the lead of a summary; the rest is background shared by many stories
_SHORT_SUMMARY = 120  # below this, the article body's lead is read too, when there is one


def concepts() -> Lexicon[str]:
    """The glossary (``autonews.classify.glossary``), kept with the classifier's knowledge."""
    return default_knowledge().concepts


def simplified(text: str) -> str:
    """Traditional Chinese characters as simplified ones (other text unchanged)."""
    if text.isascii() or not _TRADITIONAL.search(text):
        return text
    return text.translate(SIMPLIFY)


class ItemTerms(NamedTuple):
    title: list[str]
    lead: list[str]
    named: set[str]  # the item's makers (as the classifier gave them) its title names
    extra: list[MakerRef]  # makers the title names unambiguously that the classifier missed


_SEPARATOR = "\x00"  # between a title's words and its lead's: no phrase runs across it


def item_terms(
    title: list[str], lead: list[str], makers: Collection[str], companies: Collection[str]
) -> ItemTerms:
    """The terms of an item's title and of its lead (normalised words), scanned together.

    Words that name the item's makers and companies (``makers``, ``companies``: their names as
    the classifier gave them) or, unambiguously, any other, are no terms: makers and companies
    are compared as such, whatever the script. A title read as simplified Chinese may name a
    maker the classifier missed (比亞迪 is 比亚迪): it is returned in ``extra``."""
    size = len(title)
    words = [*title, _SEPARATOR, *lead] if lead else title
    knowledge = default_knowledge()
    covered: set[int] = set()
    named: set[str] = set()
    extra: list[MakerRef] = []
    in_models = _model_words(words, makers)
    for start, end, hits in knowledge.entities.scan(words, True):
        for hit in hits:
            if hit.kind not in ("maker", "company"):
                continue
            maker = hit.kind == "maker"
            name = (knowledge.makers if maker else knowledge.companies)[hit.index].name
            if maker and start < size and name in makers:
                named.add(name)  # by its name or one of its models
            if hit.via == "model":
                continue
            if maker and hit.written in knowledge.makers[hit.index].people:
                continue  # a chief's name ("Antonio Filosa") is a subject, not the brand
            if maker and knowledge.makers[hit.index].trucks_are in makers:
                # "Volvo" of a truck is Volvo Group's, as the classifier read it: no second maker
                # (Geely's), whose pair with the first would be a deal's two sides (trial 54).
                name = knowledge.makers[hit.index].trucks_are
            if not hit.ambiguous or name in makers or name in companies:
                if maker and start < size and name not in makers and name not in named:
                    extra.append(knowledge.maker_refs[hit.index])
                    named.add(name)
                covered.update(range(start, end))
                break
    title_terms: list[str] = []
    lead_terms: list[str] = []
    _scan(words, covered, size, title_terms, lead_terms, in_models)
    return ItemTerms(title_terms, lead_terms, named, extra)


def _model_words(words: list[str], makers: Collection[str]) -> frozenset[int]:
    """The positions of the words that name a model of the item's makers' groups without its
    brand ("transit custom" of "Ford Transit Custom"): a model's name, not the words it is made
    of ("Custom" is no customs)."""
    if not makers:
        return frozenset()
    knowledge = default_knowledge()
    groups = set()
    for name in makers:
        index = knowledge.maker_by_name.get(name.lower())
        if index is not None:
            groups.add(knowledge.makers[index].group)
    return frozenset(
        position
        for start, end, payloads in knowledge.bare_models.scan(words, True)
        if any(group in groups for group, _ in payloads)
        for position in range(start, end)
    )


def _scan(
    words: list[str],
    covered: set[int],
    size: int,
    title: list[str],
    lead: list[str],
    in_models: frozenset[int] = frozenset(),
) -> None:
    """Concepts, other stemmed words and CJK bigrams of ``words`` but those at ``covered``:
    from the first ``size`` words into ``title``, from the others into ``lead``. The words at
    ``in_models`` name a model: read as words, never as a concept."""
    stems = stems_of(words)
    formulas = _price_formulas(words)
    covered.update(formulas)
    for start, end, programme in programme_terms(words):
        (title if start < size else lead).append(programme)
        covered.update(range(start, end))
    glossary = concepts()
    misread = misread_words(glossary)  # German "die" is no "dies"
    for start, end, payloads in glossary.scan(stems):
        if formulas and not formulas.isdisjoint(range(start, end)):
            continue
        if end - start == 1 and words[start] in misread:
            continue
        if in_models and not in_models.isdisjoint(range(start, end)):
            continue
        (title if start < size else lead).append(payloads[0])
        covered.update(range(start, end))
    previous_cjk = ""
    for index, word in enumerate(words):
        if index in covered:
            previous_cjk = ""
            continue
        if "\u3400" <= word[0] <= "\ufaff":
            if previous_cjk:
                (title if index < size else lead).append(previous_cjk + word)
            previous_cjk = word
            continue
        previous_cjk = ""
        if index in in_models and _model_code_prefix(words, index, in_models):
            continue
        # Numbers are compared as figures, not as words ("116,000" is not "000").
        if stems[index] not in _STOPWORDS and len(word) > 1 and not word.isdigit():
            (title if index < size else lead).append(stems[index])


def _model_code_prefix(words: list[str], index: int, in_models: frozenset[int]) -> bool:
    """Whether the word at ``index`` is the letters of a model's code written apart from its
    number ("VF" of "VF 3"): every model of the range shares them, so they are no subject of
    one event (VinFast's Indonesian plant, assembling "the VF 3 and VF 5", was joined to the
    VF 3's sales on "VF", trial 53). The model is compared as a model where a title names it."""
    following = index + 1
    return (
        len(words[index]) <= 3
        and following in in_models
        and following < len(words)
        and words[following].isdigit()
    )


def _price_formulas(words: list[str]) -> set[int]:
    """The positions of a price's formula ("ex-showroom", "on-road"): a price's terms, no
    dealer's showroom nor a road."""
    return {
        index
        for index in range(len(words) - 1)
        if (words[index], words[index + 1]) in PRICE_PHRASES
        for index in (index, index + 1)
    }


def terms_of(words: list[str]) -> list[str]:
    """Concepts, other stemmed words and CJK bigrams of a text's normalised words."""
    terms: list[str] = []
    _scan(words, set(), len(words), terms, terms)
    return terms


@lru_cache(maxsize=4096)
def company_words(companies: frozenset[str]) -> frozenset[str]:
    """The words of companies' names, as terms ("sk" and "on" of SK On)."""
    return frozenset(stem(word) for name in companies for word in tokenize(name).norms)


def is_subject(term: str) -> bool:
    """Whether a term can tell what an event happened to: a name, a model, a part or fault, a
    place. Makers, the words of what happened (recall, talks, profit) and the common words of
    news are not: two different recalls of one maker share them."""
    if term.startswith("m:"):
        return False
    if term.startswith("c:"):
        return term not in _ACTIONS
    if "\u3400" <= term[0] <= "\ufaff":
        return _FUNCTION_CHARS.isdisjoint(term) and term not in _GENERIC
    return term not in _GENERIC


@lru_cache(maxsize=65536)
def bridges(term: str) -> bool:
    """Whether both scripts can say ``term``: concepts, makers (and several makers together),
    companies, models, and Latin codes and short names a Chinese title can contain too (su7,
    l60, gm, 4xe)."""
    if term.startswith(("c:", "m:", "m*", "n*", "o:", "s:")):
        return True
    return term.isascii() and (len(term) <= 3 or any(ch.isdigit() for ch in term))


_ADDRESS = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
# What blog software appends to every summary: WordPress's "The post <title> appeared first on
# <site>.", "Continue reading", "Read more", "[…]".
_TRAILER = re.compile(
    r"The post .{0,400}? appeared first on .*|(?:Continue reading|Read more|\[(?:…|\.\.\.)\]).*",
    re.IGNORECASE | re.DOTALL,
)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


def lead(summary: str) -> str:
    """The start of a summary without web addresses and blog trailers: "https", "com" and
    "appeared first on" are no evidence that two items tell one event."""
    start = summary[: SUMMARY_CHARS * 2]
    lowered = start.lower()
    if "http" in lowered or "www." in lowered:
        start = _ADDRESS.sub(" ", start)
    if "appeared first on" in lowered or "read" in lowered or "[" in start:
        start = _TRAILER.sub(" ", start)
    return _whole_words(start, SUMMARY_CHARS)


_CUT_WORD = re.compile(r"[A-Za-z0-9]+$")


def _whole_words(text: str, limit: int) -> str:
    """``text`` up to ``limit`` characters without a word cut in two: "sev" of "several" would
    be a rare word that two leads cut at the same place share."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if text[limit].isascii() and text[limit].isalnum():
        return _CUT_WORD.sub("", cut)
    return cut


def _sentences(body: str) -> list[str]:
    # (without a Chinese page's dateline and credits, as bodies stored before they were cut)
    start = without_furniture(body[: SUMMARY_CHARS * 6])
    return [s.strip() for s in _SENTENCE_END.split(start) if s.strip()]


def site_text(bodies: Sequence[tuple[str, str]]) -> frozenset[str]:
    """Sentences a feed's articles share (``bodies``: (feed, body) pairs): a newsletter
    plug, a byline formula, a cookie notice. They are the site's, not the event's. So are the
    sentences of a formula the site writes on most pages, ending each with its page's own
    words ("Nikkei Asia could not immediately reach officials for further comment on …"):
    its words, the outlet's name among them, are no evidence that two of its items tell one
    event (trial 53: "shared subject: asia, Nikkei")."""
    seen: Counter[tuple[str, str]] = Counter()
    openings: Counter[tuple[str, tuple[str, ...]]] = Counter()
    pages: Counter[str] = Counter()
    for feed, body in bodies:
        if body:
            sentences = {sentence.casefold() for sentence in _sentences(body)}
            seen.update((feed, sentence) for sentence in sentences)
            openings.update({(feed, _opening(sentence)) for sentence in sentences} - {(feed, ())})
            pages[feed] += 1
    formulas = {
        (feed, opening)
        for (feed, opening), count in openings.items()
        if count >= max(_FORMULA_PAGES, pages[feed] * _FORMULA_SHARE)
    }
    return frozenset(
        sentence
        for (feed, sentence), count in seen.items()
        if count > 1 or (feed, _opening(sentence)) in formulas
    )


_FORMULA_WORDS = 8  # a formula's opening words: fewer ("The company said in a") are news's too
_FORMULA_PAGES = 2  # pages of one feed clustered together at least, and
_FORMULA_SHARE = 0.5  # of its pages with a body: a sentence's opening on fewer is its news


def _opening(sentence: str) -> tuple[str, ...]:
    """A sentence's first words, () when it is shorter than a formula's opening."""
    words = sentence.split()
    return tuple(words[:_FORMULA_WORDS]) if len(words) > _FORMULA_WORDS else ()


def text_lead(summary: str, body: str, shared: frozenset[str]) -> str:
    """What an item says besides its title: the summary's lead, and when the feed gives little
    or no summary, the article body's first sentences that are not the site's own text."""
    start = lead(summary)
    if len(start.strip()) >= _SHORT_SUMMARY or not body:
        return start
    kept = " ".join(s for s in _sentences(body) if s.casefold() not in shared)
    return start + " " + lead(kept)
