"""The event model's weights packed into whole numbers, one per feature, so that scoring a
headline is one addition per feature for all the events (``EventModel._packed``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from struct import Struct

# The weights packed into whole numbers (EventModel._packed): 32 bits each, with the scores
# raised by 2**29 so that none is negative (a borrow would cross into the next score), for up
# to 16,000 features. Raised scores then stay below 2**30: each is a whole number of one digit
# for Python, whose comparisons and subtractions take its fast paths (EventModel._choice).
_FIELD_BYTES = 4
RAISE = 1 << 29
# Headlines scored with the features packed as met, before all are packed at once: packing all
# 19,000 takes 0.03 s, looking for the new ones among a headline's features 2 µs.
_PACK_ALL_AFTER = 5_000


def _each_field(value: int, width: int) -> int:
    return sum(value << (_FIELD_BYTES * 8 * i) for i in range(width))


class PackedWeights:
    """Each feature's weights packed into one whole number, 32 bits a weight, lowest first, so
    that adding two numbers adds two rows. Packed as the features are first met: a run meets a
    few thousand of the model's 19,000, and packing them all took 0.03 s."""

    def __init__(self, weights: dict[str, tuple[int, ...]], bias: Sequence[int]) -> None:
        width = len(bias)
        self._weights = weights
        self._layout = Struct(f"<{width}I")
        self._lowered = _each_field(1 << 15, width)
        self.rows: dict[str, int] = {}  # feature -> its weights packed, for those met so far
        # Once every feature is packed: the rows of the Latin words and word pairs, and of the
        # pairs of Chinese characters, keyed by the words themselves (EventModel.predict_parts),
        # which spares making and hashing "w:...", "b:..._..." and "c:.." names for the two
        # thirds of a headline's features that are its words.
        self.words: dict[str, int] = {}
        self.pairs: dict[tuple[str, str], int] = {}
        # Whether a headline with Chinese tokens may be scored so: its words and pairs of words
        # then meet no Latin word's row (no "w:" or "b:" feature holds a Chinese character).
        self.chinese = False
        self.complete = not weights  # every feature of the model packed
        self._headlines = 0  # scored before all were packed
        # The bias raised so that no score is negative; a score then stays within its 32 bits
        # for as many features as ``most``.
        self.start = sum((b + RAISE) << (_FIELD_BYTES * 8 * i) for i, b in enumerate(bias))
        self.ones = _each_field(1, width)  # times a score: that score in every field
        self.most = (RAISE - 1 - max(map(abs, bias), default=0)) >> 15

    def pack(self, features: Iterable[str]) -> None:
        """Packs the features of the model among ``features`` not packed yet; after many
        headlines, every feature of the model at once (then no headline needs this call)."""
        rows, weights = self.rows, self._weights
        self._headlines += 1
        if self._headlines > _PACK_ALL_AFTER:
            features = weights.keys()
        for feature in set(features).difference(rows):
            row = weights.get(feature)
            if row is not None:
                rows[feature] = self._pack(row)
        self.complete = len(rows) == len(weights)
        if self.complete:
            self._key_words()

    def _key_words(self) -> None:
        words, pairs = self.words, self.pairs
        chinese = True
        for feature, row in self.rows.items():
            if feature.startswith("w:"):
                words[feature[2:]] = row
                chinese = chinese and not _any_chinese(feature)
            elif feature.startswith("b:"):
                pair = feature[2:]
                # "b:a_b_c" is the pair (a_b, c) or (a, b_c): stems may hold "_".
                at = pair.find("_")
                while at >= 0:
                    pairs[pair[:at], pair[at + 1 :]] = row
                    at = pair.find("_", at + 1)
                chinese = chinese and not _any_chinese(feature)
            elif feature.startswith("c:"):
                if len(feature) == 4 and all(map(_chinese, feature[2:])):
                    pairs[feature[2], feature[3]] = row  # two characters, each a token
                else:
                    chinese = False
        self.chinese = chinese

    def _pack(self, row: tuple[int, ...]) -> int:
        # Written raised by 2**15 (never negative, as the layout asks), lowered as a whole.
        raised = self._layout.pack(*map((1 << 15).__add__, row))
        return int.from_bytes(raised, "little") - self._lowered

    def unpack(self, total: int) -> tuple[int, ...]:
        return self._layout.unpack(total.to_bytes(self._layout.size, "little"))


def _chinese(character: str) -> bool:
    """Whether a character is one the tokens take one by one (lexicon._TOKEN)."""
    return (
        "\u3400" <= character <= "\u4dbf"
        or "\u4e00" <= character <= "\u9fff"
        or "\uf900" <= character <= "\ufaff"
    )


def _any_chinese(text: str) -> bool:
    return any(map(_chinese, text))
