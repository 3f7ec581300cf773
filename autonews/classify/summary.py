"""What an item's summary and body add to its title, under the title's standard of evidence.

A maker found only in the summary or body passes the same checks as one in a title, judged by
what that text says (not taken as car context whatever it says), and must be its subject: named
in the first sentence or more than once, not in passing, and not only in a list of names. The
text also settles weak evidence in the title: "Genesis: A Book Review" with a summary about
scripture is not about cars.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from autonews.classify.knowledge import STRENGTHS, EntityHit
from autonews.classify.lexicon import Tokens, stems_of, tokenize
from autonews.classify.market_sales import market_body
from autonews.classify.names import find_names
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import (
    NONE,
    STRONG,
    WEAK,
    Evidence,
    Spotted,
    automotive_words,
    lead_sentence_length,
    name_lists,
    other_business,
    subject_makers,
    title_evidence,
)
from autonews.classify.ruled_out import without_ruled_out
from autonews.classify.title_kinds import NO_EVENT_FROM_TEXT, WRITERS_WORDS
from autonews.classify.word_senses import used_as_a_word
from autonews.models import Event

if TYPE_CHECKING:
    from autonews.classify import Classifier

LOOKED_AT = 600  # characters of summary and first paragraph: the lead, not the whole article
EVENT_WORDS = 60  # words of it that may name the event when the title names none


class Extra:
    """The summary and the body's first paragraph, analysed on demand."""

    def __init__(self, classifier: Classifier, text: str, title: str = "") -> None:
        self.classifier = classifier
        self.text = text
        self.title = title

    @classmethod
    def of(cls, classifier: Classifier, summary: str, body: str, title: str = "") -> Extra | None:
        """The summary and the body's lead, less what only repeats the title (a page whose text
        is its headline again says nothing of its own, for cars or against them)."""
        parts = [text for text in (summary, _first_paragraph(body)) if not _repeats(text, title)]
        text = _without_references(" ".join(parts).strip())
        return cls(classifier, text[:LOOKED_AT], title) if text else None

    @cached_property
    def tokens(self) -> Tokens:
        return tokenize(self.text)

    @cached_property
    def german(self) -> bool:
        """Whether it reads as German (its compounds then read as their parts)."""
        return self.classifier.k.german.reads(self.tokens.norms, self.text)

    @cached_property
    def norms(self) -> list[str]:
        norms = self.tokens.norms
        return self.classifier.k.german.parts(norms) if self.german else norms

    @cached_property
    def stems(self) -> list[str]:
        return stems_of(self.norms)

    @cached_property
    def words(self) -> list[str]:
        """Its words that by themselves say "cars"."""
        return automotive_words(self.classifier.k, self.tokens, self.norms)

    @cached_property
    def spotted(self) -> list[Spotted]:
        """Every name in it that passes the checks, judged by its own context."""
        classifier = self.classifier
        _, weight, _ = classifier.phrase_event(self.stems, DISCARD, None, self.german)
        car_word = bool(self.words) or classifier.says_cars(self.stems, self.tokens)
        return find_names(classifier.k, self.tokens, self.stems, DISCARD, weight >= 3.0, car_word)

    def makers(
        self,
        title_car: bool,
        reasons: list[str],
        company: EntityHit | None = None,
        deal: bool = False,
        title: str = "",
        owner: str = "",
    ) -> list[Spotted]:
        """Makers the text is about, for a title that names none; ``company``, the first one
        the title names. A company's news whose text names carmakers (its customers, its
        owners: "Denso, Toyota group's largest parts maker") is the company's, not theirs,
        unless it is a ``deal`` with them: a supply deal is the carmaker's news too; and a deal
        in its shares (a bid, a stake sold) is its ``owner``'s too, the group that owns it,
        where the text names that group's carmaker. Not a name the ``title`` uses as a word
        ("讨个吉利": its summary's “吉利卡” is no Geely either)."""
        if title and (body := market_body(title, self.text)) is not None:
            reasons.append(f"no makers from the summary/body: the title tells {body}'s market")
            return []
        subjects, passing = subject_makers(
            self.tokens, self.spotted, lead_sentence_length(self.text)
        )
        k = self.classifier.k
        if subjects and title and not title.isascii():
            subjects = self._not_words_of(title, subjects, reasons)
        if subjects and title:  # "Peugeot Invest …": its summary's "famille Peugeot" is none
            subjects = self._not_ruled_out(title, subjects, reasons)
        company = company or self._opening_company()
        if subjects and company is not None and not deal and owner:
            subjects = [s for s in subjects if k.makers[s[2].index].group == owner]
        if subjects and company is not None and not deal and not owner:
            names = ", ".join(dict.fromkeys(k.makers[hit.index].name for _, _, hit in subjects))
            reasons.append(
                f"makers in the summary/body not taken ({names}): the news is "
                f"{k.companies[company.index].name}'s, and no deal with them"
            )
            return []
        for (_, _, hit), how in passing:
            reasons.append(
                f"not {k.makers[hit.index].name}: '{hit.written}' {how} in the summary/body"
            )
        sure = title_evidence(k, subjects, []).strength == STRONG  # a brand that only means cars
        if subjects and not (self.words or title_car or sure):
            reasons.append(
                "makers in the summary/body dropped: neither it nor the title says it is about cars"
            )
            return []
        if subjects and reasons is not DISCARD:
            # Named: the title may name one and not count it ("not Alpine: 'Alpine' without
            # automotive evidence"), which the summary's evidence then counts (trial 49 read
            # "not Alpine", then "maker Alpine", with nothing between to say why).
            names = ", ".join(dict.fromkeys(k.makers[hit.index].name for _, _, hit in subjects))
            reasons.append(
                f"makers from the summary/body: {names}, as it names them; the title names "
                "none that counts"
            )
        return subjects

    def models_ceded(self, found: list[Spotted], reasons: list[str]) -> list[Spotted]:
        """The title's names, where its only makers are models whose names other groups' models
        share, with each ceded to a maker of those groups that the text is about ("Sierra EV
        bookings open", its summary about Tata Motors: Tata's Sierra, not GMC's)."""
        k = self.classifier.k
        makers = [hit for _, _, hit in found if hit.kind == "maker"]
        if not makers or any(h.via != "model" or h.written not in k.shared_models for h in makers):
            return found
        subjects, _ = subject_makers(self.tokens, self.spotted, lead_sentence_length(self.text))
        ceded: list[Spotted] = []
        for spot in found:
            hit = spot[2]
            sharers = k.shared_models.get(hit.written, frozenset()) if hit.via == "model" else ()
            owner = next((s for s in subjects if k.makers[s[2].index].group in sharers), None)
            if owner is None:
                ceded.append(spot)
                continue
            reasons.append(
                f"not {k.makers[hit.index].name}: '{hit.written}' is the name of a "
                f"{k.makers[owner[2].index].group} model too, and the summary/body is about "
                f"{k.makers[owner[2].index].name}"
            )
            if owner not in ceded:
                ceded.append(owner)
        return ceded

    def _not_ruled_out(
        self, title: str, subjects: list[Spotted], reasons: list[str]
    ) -> list[Spotted]:
        says_cars = bool(self.words) or any(hit.via == "model" for _, _, hit in self.spotted)
        k = self.classifier.k
        return without_ruled_out(k, title, self.tokens, subjects, says_cars, reasons)

    def _not_words_of(
        self, title: str, subjects: list[Spotted], reasons: list[str]
    ) -> list[Spotted]:
        k = self.classifier.k
        kept = []
        for spotted in subjects:
            written = spotted[2].written
            if not used_as_a_word(k, title, written):
                kept.append(spotted)
            elif reasons is not DISCARD:
                name = k.makers[spotted[2].index].name
                reasons.append(f"not {name}: the title names '{written}' only as a word")
        return kept

    def _opening_company(self) -> EntityHit | None:
        """The company the text opens with, its subject ("Mobis, LGES and Samsung SDI have won
        big orders from Mercedes and BMW"), if it opens with one."""
        for start, _, hit in self.spotted:
            return hit if start == 0 and hit.kind == "company" else None
        return None

    def brands_of(self, groups: list[Spotted], reasons: list[str]) -> list[Spotted]:
        """The brands of the title's groups that the text is about, for a title that names
        groups only ("Stellantis Pro One Cuts Prices of Electric Vans in the UK", its text
        naming the Vauxhall Vivaro Electric: a Vauxhall fleet's news)."""
        k = self.classifier.k
        wanted = {k.makers[hit.index].group for _, _, hit in groups if hit.kind == "maker"}
        subjects, _ = subject_makers(self.tokens, self.spotted, lead_sentence_length(self.text))
        if subjects and self.title:
            subjects = self._not_ruled_out(self.title, subjects, reasons)
        brands = [
            spot
            for spot in subjects
            if spot[2].index not in k.holdings and k.makers[spot[2].index].group in wanted
        ]
        if brands and reasons is not DISCARD:
            names = ", ".join(dict.fromkeys(k.makers[hit.index].name for _, _, hit in brands))
            reasons.append(f"makers from the summary/body: {names}, the title's group's brands")
        return brands

    def settle(self, evidence: Evidence, found: list[Spotted]) -> Evidence:
        """The item's evidence, once the summary or body has been heard."""
        if evidence.strength == STRONG:
            return evidence
        mine = title_evidence(self.classifier.k, self.spotted, self.words)
        if evidence.strength == WEAK:
            if mine.strength == STRONG:
                return Evidence(WEAK, f"{evidence.reason}, backed by {_in_summary(mine.reason)}")
            if evidence.company:
                return self._company_news(evidence)
            plant = self._car_input() if any(h.kind == "maker" for _, _, h in found) else None
            if plant is not None:  # "Ford to repurpose Kentucky battery plant ..." (trial 52)
                return Evidence(
                    WEAK, f"{evidence.reason}, with its '{plant}', an input of car making"
                )
            return Evidence(
                NONE, f"{evidence.reason}, but the summary/body says nothing about cars"
            )
        lead = self.text[: lead_sentence_length(self.text)]
        lead_tokens = tokenize(lead)
        lead_words = automotive_words(self.classifier.k, lead_tokens)
        in_lead = list(dict.fromkeys(lead_words))
        if len(in_lead) > 1:
            return Evidence(
                WEAK,
                f"the car words '{in_lead[0]}', '{in_lead[1]}' in the first "
                "sentence of the summary/body",
            )
        supply = self._car_input() if in_lead else None
        if supply is not None:  # "China tightens rare-earth magnet export licences" for carmakers
            return Evidence(
                WEAK,
                f"'{supply}', an input of car making, in the title, and the car word "
                f"'{in_lead[0]}' in the first sentence of the summary/body",
            )
        subject = title_evidence(self.classifier.k, found, [])
        if subject.strength == STRONG:
            return Evidence(WEAK, _in_summary(subject.reason) + ", its subject")
        listed = self._makers_listed(len(lead))
        if listed:  # "would hit Toyota, Honda, Hyundai and Kia hardest": the industry's news
            return Evidence(WEAK, f"the carmakers '{listed}' in the summary/body's first sentence")
        if self.words and any(hit.kind == "maker" for _, _, hit in found):
            return Evidence(
                WEAK, f"a carmaker and the car word '{self.words[0]}' in the summary/body"
            )
        return self._not_enough(in_lead) if not evidence.reason else evidence

    def _not_enough(self, in_lead: list[str]) -> Evidence:
        """Why the summary or body does not make a title with no car evidence car news (trial
        47: "no car word … in the title" was all it said where the summary named "electric
        vehicle batteries")."""
        title = "no car word, carmaker or model in the title"
        if not self.words:
            supply = self._car_input()
            if supply is not None:  # the Critical Raw Materials Act's lithium, for grids too
                title = f"'{supply}', an input of car making, in the title"
            return Evidence(NONE, f"{title}, and no car word in the summary/body")
        if in_lead:
            said = f"names cars once in its first sentence ('{in_lead[0]}')"
        else:
            said = f"has the car word '{self.words[0]}' only after its first sentence"
        return Evidence(
            NONE,
            f"{title}, and the summary/body {said}: two car words there, or one beside an input "
            "of car making the title names, or a carmaker as its subject, would make it car news",
        )

    def _company_news(self, evidence: Evidence) -> Evidence:
        """A car-industry company's own news (a supplier's new CFO, its plant closing) is car
        news, unless the summary or body names another field it is about (Bosch's dishwashers)."""
        k = self.classifier.k
        cues = k.not_cars.scan(self.stems) if k.not_cars.may_match(self.stems) else []
        cues = cues or other_business(k, self.stems)  # Panasonic's televisions
        if cues:
            return Evidence(
                NONE, f"{evidence.reason}, but the summary/body is about '{cues[0][2][0]}'"
            )
        return Evidence(WEAK, f"{evidence.reason}: its own news, the summary/body naming no other")

    def _car_input(self) -> str | None:
        """An input of car making the title names (rare-earth magnets, a chip shortage), if
        any: with a car word in the summary's first sentence, its news is the car industry's."""
        inputs = self.classifier.k.car_inputs
        stems = stems_of(tokenize(self.title).norms)
        found = inputs.scan(stems) if inputs.may_match(stems) else []
        return found[0][2][0] if found else None

    def _makers_listed(self, lead_end: int) -> str:
        """A list of makers only in the first sentence ("Toyota, Honda, Hyundai and Kia"), as
        written; "" if none."""
        for found in name_lists(self.tokens, self.spotted):
            if found.makers_only and found.start < lead_end:
                return self.text[found.start : found.end]
        return ""

    def event(self, reasons: list[str], kind: str | None = None) -> Event:
        """The event its first words name, for a title that names none. A title of a ``kind``
        (classify/title_kinds.py) that is a list, a review or an auction takes none from them;
        a question, a quote or a column only a decisive phrase in the first sentence: the rest
        is its writer's words ("Which one should you buy?", "the price of an early switch")."""
        if kind in NO_EVENT_FROM_TEXT:
            reasons.append(f"event other: the summary/body of a {kind} names no event")
            return Event.OTHER
        classifier = self.classifier
        text = self.text
        if kind in WRITERS_WORDS:
            text = text[: lead_sentence_length(text)]
        tokens = tokenize(" ".join(text.split()[:EVENT_WORDS]))
        norms = classifier.k.german.parts(tokens.norms) if self.german else tokens.norms
        found: list[str] = []
        written = None if self.german else tokens  # (a compound's parts are no words of it)
        event, weight, _ = classifier.phrase_event(
            stems_of(norms), found, None, self.german, written=written, weighed=False
        )
        # Only a strong phrase: a summary's weak and medium words ("with", "new", "chief") name
        # no event ("Removing visor stickers from a Jeep" is no leadership news).
        if event is Event.OTHER or weight < STRENGTHS["strong"]:
            return Event.OTHER
        if kind in WRITERS_WORDS and weight < STRENGTHS["decisive"]:
            reasons.append(
                f"event other: the summary/body of a {kind} names {event.value} by no "
                "decisive phrase in its first sentence"
            )
            return Event.OTHER
        if reasons is not DISCARD:
            reasons.extend(_in_summary(reason) for reason in found)
        reasons.append("event from the summary/body: the title has no event word")
        return event


# What a press release opens with before its first sentence: its reference ("IP/26/2864.",
# "MEMO/26/12", "STATEMENT/26/301", "Ref. Ares(2026)1234567") and its dateline ("Brussels, 9
# December 2026."). They are no sentence: the lead, where the subject is named, is the next one.
_REFERENCES = re.compile(
    r"^(?:(?:[A-Z]{2,10}/\d{2}/\d{1,6}|Ref\.?\s*[\w()/.-]*\d"
    r"|[A-Z][\w'-]+(?: [A-Z][\w'-]+)?, (?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2}),? \d{4})"
    r"\s*(?:[.:–—|-]\s*|$))+"
)


def _without_references(text: str) -> str:
    """The text without the reference and dateline a press release opens with."""
    if not text[:1].isupper():  # (most texts open with no reference: one test, no search)
        return text
    match = _REFERENCES.match(text)
    return text[match.end() :] if match else text


def _first_paragraph(body: str) -> str:
    return body.strip().split("\n", 1)[0][:LOOKED_AT] if body else ""


def _in_summary(reason: str) -> str:
    return reason.replace("in the title", "in the summary/body")


def _repeats(text: str, title: str) -> bool:
    """Whether a summary or paragraph is the title again, give or take spaces and punctuation
    (a text much longer than the title is not: the common case, decided without reading it)."""
    if not title or len(text) > 2 * len(title) + 10:
        return False
    return _letters(text) == _letters(title)


def _letters(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())
