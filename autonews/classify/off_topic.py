"""Whether the makers a title names are meant as carmakers: a phone, a telescope, an insurer,
a maker's motorcycles or lawn mowers, a race told as sport are not car news; a group named
alone may be read by its brands."""

from __future__ import annotations

from collections.abc import Callable

from autonews.classify.knowledge import EntityHit, Knowledge
from autonews.classify.lexicon import Tokens, phrase_key
from autonews.classify.phrase_trie import Found
from autonews.classify.reasons import DISCARD
from autonews.classify.relevance import Spotted, other_business, other_product
from autonews.classify.sport import sport_cue


class OffTopicChecks:
    """The Classifier's checks of what its names are about (a mixin: the Classifier has the
    knowledge)."""

    k: Knowledge

    def _groups_only(self, found: list[Spotted]) -> bool:
        """Whether every maker named is a group that sells no car under its own name."""
        holdings = self.k.holdings
        return all(hit.index in holdings for _, _, hit in found if hit.kind == "maker")

    def _spared(self, found: list[Spotted], stems: list[str], car_words: list[str]) -> bool:
        """Whether the title's car word spares its names from the not-cars cues: a broad
        Chinese one (销量) alone spares only brands that mean nothing but cars
        ("小米15系列手机全球销量突破1000万台" is phone sales, "充电比手机快的比亚迪" BYD's news)."""
        return (
            bool(car_words)
            or not all(hit.ambiguous for _, _, hit in found)
            or not self.k.car_nouns.isdisjoint(stems)
        )

    def _not_about_cars(
        self, found: list[Spotted], stems: list[str], car_word: bool, reasons: list[str]
    ) -> bool:
        """A phone, a telescope, an insurer: named brands are not meant as automakers."""
        if car_word:
            return False
        for _, _, item in found:  # a loop, not any(): no generator for one or two names
            if item.via == "model":
                return False
        cues = self.k.not_cars.scan(stems) if self.k.not_cars.may_match(stems) else []
        if not cues and not any(item.kind == "maker" for _, _, item in found):
            cues = other_business(self.k, stems)  # Panasonic's TVs: a company's, not a car's
        if cues:
            reasons.append(f"makers dropped: '{cues[0][2][0]}' is not about cars")
        return bool(cues)

    def _another_vehicle(self, found: list[Spotted], stems: list[str], reasons: list[str]) -> bool:
        """A maker's motorcycles, outboard motors or other products than cars (Honda's lawn
        mowers): named with no word only the car world uses and no car model, the news is
        theirs, whatever the broader car nouns ("recall", "sales") say."""
        for _, _, item in found:
            if item.via == "model":
                return False
        first = found[0][2] if found else None  # (a title naming no one: "motorcycle sales")
        if (
            first is not None
            and first.kind == "company"
            and self.k.companies[first.index].role == "battery"
        ):
            # A battery maker's cells shown in a motorcycle are its own news (trial 52:
            # "QuantumScape and PowerCo demonstrate QSE-5 cells in Ducati motorcycle").
            cues: list[Found[str]] = []
        else:
            cues = (
                self.k.other_vehicles.scan(stems) if self.k.other_vehicles.may_match(stems) else []
            )
        if not any(item.kind == "maker" for _, _, item in found):
            # A car-industry company's other business is not car news, whatever its broad car
            # nouns ("LG Energy Solution wins $4.3bn LFP battery order for energy storage").
            cues = cues or other_business(self.k, stems)
        product = cues[0][2][0] if cues else other_product(self.k, found, stems)
        if product is not None:
            reasons.append(f"makers dropped: '{product}' is no car")
        return product is not None

    def _a_product_of_a_chief(
        self, found: list[Spotted], tokens: Tokens, stems: list[str], reasons: list[str]
    ) -> bool:
        """A product that is no car, named beside a chief who stands for its carmaker ("华为Mate
        80系列11月25日发布 余承东：史上最强Mate", "小米17 Ultra发布 雷军"): the chief speaks for
        the phone, and his name, a car word elsewhere, does not make it car news. Only where
        the makers are named by their chiefs alone, and no model of theirs is."""
        k = self.k
        makers = []
        for _, _, hit in found:  # (a loop: most titles' first maker is no chief, and ends it)
            if hit.kind == "maker":
                if hit.written not in k.makers[hit.index].people:
                    return False
                makers.append(hit)
        if not makers:
            return False
        product = other_product(k, found, stems) or self._their_phrase(makers, tokens)
        if product is not None:
            reasons.append(f"makers dropped: '{product}' is no car, its chief named beside it")
        return product is not None

    def _their_phrase(self, makers: list[EntityHit], tokens: Tokens) -> str | None:
        """A known non-maker phrase that opens with a name of those makers' groups (a phone:
        "小米17 Ultra"), as written in the data; None if the text has none."""
        k = self.k
        groups = {k.makers[hit.index].group for hit in makers}
        names = [phrase_key(n) for n, i in k.maker_names.items() if k.makers[i].group in groups]
        for _, _, hits in k.entities.scan(tokens.norms):
            for hit in hits:
                key = phrase_key(hit.written) if hit.kind == "block" else ()
                if any(key[: len(name)] == name for name in names):
                    return hit.written
        return None

    def _sport(
        self,
        tokens: Tokens,
        stems: list[str],
        found: list[Spotted],
        reasons: list[str],
        backing: Callable[[], list[str]] | None = None,
    ) -> bool:
        """A race's news told as sport ("Russell on pole for Mercedes", "Leclerc: Ferrari 'have
        to be better'"): the maker named is a team, not a business. A word only the car world
        uses or a model named keeps it car news ("Ferrari Wins Le Mans With 499P")."""
        for _, _, item in found:
            if item.via == "model":
                return False
        cue = sport_cue(self.k.sport, tokens, stems, found, self.k.given_names, backing)
        if cue is not None and reasons is not DISCARD:
            reasons.append(f"makers dropped: '{cue}' says it is a race's news, told as sport")
        return cue is not None
