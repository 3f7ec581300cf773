"""The event of a headline, decided by a linear model fitted on real labelled headlines.

Keyword rules alone mislabel what real feeds are full of: reviews, opinion and features that
mention "sales" or "with" are not deals, and real events are often phrased without the rule's
keyword. The rules stay, as evidence: which event phrases matched and how strongly are features
of the model, beside the headline's words (stems; character pairs in Chinese), its shape (a
question, a quote, a bracketed "[Video]") and its opening word. The weights are data
(`knowledge/event_model.json` and `event_model.weights`), fitted by
`python -m benchmarks.event_fit --write` on the labelled sets under tests/data (never on their
held-back thirds); `--explain` names the features that weighed most.
"""

from __future__ import annotations

import json
import math
import re
import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from itertools import chain, pairwise, repeat
from operator import add, itemgetter, sub
from typing import NamedTuple

from autonews.classify.knowledge import STRENGTHS
from autonews.classify.lexicon import Tokens
from autonews.classify.packed_weights import RAISE, PackedWeights
from autonews.models import Event

MODEL_FILE = "event_model.json"
WEIGHTS_FILE = "event_model.weights"
EVENTS: tuple[Event, ...] = tuple(Event)
_CJK_FIRST = "\u3400"
_CJK_LAST = "\ufaff"
_QUOTE = re.compile('["“”‘’]')
# A writer speaking to or of the reader: reviews, guides and opinion, seldom news.
_PERSONAL = frozenset("i we you your our my us me".split())


class RuleHit(NamedTuple):
    """An event phrase that matched, for the model: its event, strength and place (a tuple:
    a frozen dataclass cost more to make than the rest of its features)."""

    event: Event
    strength: str  # decisive, strong, medium, weak
    start: int


# The names of the features that the rules' evidence gives, made once: an Enum's value is a
# property call, and every headline names several.
_RULE_NAMES = {
    (event, strength): ("r:" + event.value, "r:" + event.value + ":" + strength)
    for event in EVENTS
    for strength in STRENGTHS
}
_CHOICE_NAMES = {event: "R:" + event.value for event in EVENTS}
_CHOICE_WITH_MAKER_NAMES = {event: "RM:" + event.value for event in EVENTS}


def event_features(
    tokens: Tokens,
    stems: Sequence[str],
    hits: Iterable[RuleHit],
    rule_event: Event,
    subject_end: int | None,
    concepts: Iterable[str] = (),
) -> list[str]:
    """The features of one headline, as names; the same function serves fitting and use.
    ``subject_end``: where the first maker's name ends, or None when no maker is named;
    ``concepts``: the features of the glossary's concepts in the headline ("k:c:recall"), one
    of each idea whatever its wording or language."""
    shape = shape_features(tokens, stems, hits, rule_event, subject_end, concepts)
    return with_words(tokens, stems, shape)


def with_words(tokens: Tokens, stems: Sequence[str], shape: list[str]) -> list[str]:
    """The headline's word features followed by ``shape``, a repeated word counted thrice."""
    if not tokens.han:  # no Chinese token: no character pairs
        features = _latin_word_features(stems)
    else:
        features = _word_features(tokens.norms, stems)
    features += shape
    if _repeats(stems):
        return _words_at_most_thrice(features)
    return features


def shape_features(
    tokens: Tokens,
    stems: Sequence[str],
    hits: Iterable[RuleHit],
    rule_event: Event,
    subject_end: int | None,
    concepts: Iterable[str] = (),
) -> list[str]:
    """``event_features`` but the words and word pairs: how the headline opens, the rules'
    evidence and choice, its concepts, its maker and what the maker does, its punctuation."""
    maker = subject_end is not None
    norms = tokens.norms
    features = []
    if stems:
        features.append("f:" + ("#" if stems[0].isdigit() else stems[0]))
    for hit in hits:
        features += _RULE_NAMES[hit.event, hit.strength]
    features.append(_CHOICE_NAMES[rule_event])
    features += concepts
    features.append("s:maker" if maker else "s:nomaker")
    if subject_end is not None:
        features.append(_CHOICE_WITH_MAKER_NAMES[rule_event])
        # What the subject does: "Tesla recalls", "BYD cuts", "小米汽车发布".
        if subject_end < len(stems):
            features.append("v:" + stems[subject_end])
            if subject_end + 1 < len(norms) and _CJK_FIRST <= norms[subject_end][0] <= _CJK_LAST:
                features.append("v:" + norms[subject_end] + norms[subject_end + 1])
    if not _PERSONAL.isdisjoint(norms):
        features.append("s:personal")
    text = tokens.text.rstrip()
    if text.endswith(("?", "？")):
        features.append("s:question")
    if "[" in text or "(" in text or "【" in text:
        features.append("s:bracket")
    if '"' in text or (not text.isascii() and _QUOTE.search(text)):
        features.append("s:quote")
    if ":" in text or "：" in text:
        features.append("s:colon")
    if text.endswith(("!", "！")):
        features.append("s:exclaim")
    return features


def _repeats(stems: Sequence[str]) -> bool:
    """Whether some word may come more than thrice (the words' set is a third of the
    features')."""
    return len(stems) > len(set(stems)) + _REPEATS


# A word said over and over counts three times at most: twenty "very" in a feed's title
# outweighed a decisive recall (trial 28). Real headlines seldom say a word three times; the
# rules' evidence and the numbers ("#") are counted whole.
_REPEATS = 3
_WORDS = ("w:", "b:", "c:")


def _words_at_most_thrice(features: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    kept = []
    for feature in features:
        count = seen[feature] = seen.get(feature, 0) + 1
        if count <= _REPEATS or not feature.startswith(_WORDS) or feature == "w:#":
            kept.append(feature)
    return kept


def _word_features(norms: Sequence[str], stems: Sequence[str]) -> list[str]:
    """Each word and each pair of adjacent words; in Chinese, each pair of characters."""
    features: list[str] = []
    add_feature = features.append  # (the loop runs once per word: a local costs less)
    previous = ""
    cjk_before = ""
    for norm, stem in zip(norms, stems, strict=True):
        if _CJK_FIRST <= norm[0] <= _CJK_LAST:
            if cjk_before:
                add_feature(f"c:{cjk_before}{norm}")  # one string made, where + made two
            cjk_before = norm
            previous = ""
            continue
        cjk_before = ""
        if stem.isdigit():
            stem = "#"
        add_feature("w:" + stem)
        if previous:
            add_feature(f"b:{previous}_{stem}")
        previous = stem
    return features


def _latin_word_features(stems: Sequence[str]) -> list[str]:
    """``_word_features`` of a text with no Chinese, in the same order (--explain lists equal
    weights in it), made by loops in C: most headlines are such, and the loop in Python was a
    tenth of the classifier's time."""
    if any(map(str.isdigit, stems)):
        stems = ["#" if stem.isdigit() else stem for stem in stems]
    words = list(map("w:".__add__, stems))
    pairs = map("b:{}_{}".format, stems, stems[1:])
    features = words[:1]
    features += chain.from_iterable(zip(words[1:], pairs, strict=True))
    return features


@dataclass(frozen=True)
class EventModel:
    """The weights in whole units of ``1 / scale`` (the fit rounds them to that), so that the
    sums are exact whatever their order."""

    bias: tuple[int, ...]  # one per event, in EVENTS order
    weights: dict[str, tuple[int, ...]]  # feature -> its weight for each event, in EVENTS order
    scale: int

    @cached_property
    def _packed(self) -> PackedWeights:
        return PackedWeights(self.weights, self.bias)

    def _raised_totals(self, features: Sequence[str]) -> Sequence[int]:
        """Each event's score raised by ``RAISE``: the rows of the features, added as whole
        numbers and cut back into scores. A loop over each feature's weights in Python was a
        fifth of the classifier's time; summing the rows column by column in C, a tenth."""
        packed = self._packed
        if len(features) > packed.most:  # a score could spill into the next one
            return [total + RAISE for total in self._totals_by_rows(features)]
        if not packed.complete:
            packed.pack(features)
        # (a row of zeros packs to 0, which filter drops as it drops the features not in the model)
        return packed.unpack(sum(filter(None, map(packed.rows.get, features)), packed.start))

    def totals(self, features: Sequence[str]) -> list[int]:
        """Each event's score, in units of ``1 / scale``."""
        return list(map(sub, self._raised_totals(features), repeat(RAISE)))

    def _totals_by_rows(self, features: Iterable[str]) -> list[int]:
        rows = list(filter(None, map(self.weights.get, features)))
        if not rows:
            return list(self.bias)
        return list(map(add, self.bias, map(sum, zip(*rows, strict=True))))

    def predict(self, features: Sequence[str]) -> tuple[Event, float]:
        """The most likely event (the first of equals) and its probability."""
        return self._choice(self._raised_totals(features))

    def predict_parts(
        self, tokens: Tokens, stems: Sequence[str], shape: list[str]
    ) -> tuple[Event, float]:
        """``predict`` of ``event_features`` given as the headline's words and its
        ``shape_features``: the same answer, with the headline's words, pairs of words and pairs
        of Chinese characters looked up as they are rather than as feature names, once the
        model is packed whole."""
        packed = self._packed
        if (
            not packed.complete
            or (tokens.han and not packed.chinese)
            or _repeats(stems)
            or 2 * len(stems) + len(shape) > packed.most
        ):
            return self.predict(with_words(tokens, stems, shape))
        if any(map(str.isdigit, stems)):
            stems = ["#" if stem.isdigit() else stem for stem in stems]
        total = sum(filter(None, map(packed.rows.get, shape)), packed.start)
        # (a Chinese character, which is its own stem, has no row as a word, nor beside a Latin
        # word; two side by side are a pair of characters)
        total += sum(filter(None, map(packed.words.get, stems)))
        total += sum(filter(None, map(packed.pairs.get, pairwise(stems))))
        raised = packed.unpack(total)
        top = max(raised)
        # How far below the top score each one is, by one subtraction of the packed numbers
        # (none borrows: the top is the largest), rather than one for each of the thirteen.
        apart = packed.unpack(top * packed.ones - total)
        return EVENTS[raised.index(top)], 1.0 / self._exps.total(apart)

    @cached_property
    def _exps(self) -> _Exponentials:
        return _Exponentials(self.scale)

    def _choice(self, totals: Sequence[int]) -> tuple[Event, float]:
        """The most likely event (the first of equals) and its probability from the scores
        (all raised alike: the same differences)."""
        top = max(totals)
        apart = tuple(map(sub, repeat(top), totals))
        return EVENTS[totals.index(top)], 1.0 / self._exps.total(apart)

    def reasons(self, features: Sequence[str], event: Event, count: int = 3) -> list[str]:
        """The features that weighed most for ``event``, described for --explain."""
        index = EVENTS.index(event)
        weighed: dict[str, float] = {}
        for feature in features:
            row = self.weights.get(feature)
            if row is not None and row[index] > 0:
                weighed[feature] = max(weighed.get(feature, 0.0), row[index] / self.scale)
        said: dict[str, float] = {}  # two features may read alike ("the rules' choice")
        for feature, weight in sorted(weighed.items(), key=lambda kv: -kv[1]):
            said.setdefault(describe(feature), weight)
        return [f"{text} {weight:+.2f}" for text, weight in list(said.items())[:count]]


class _Exponentials:
    """``exp(-d / scale)`` for a score ``d`` units below the top one, kept as first computed: the
    same few thousand differences recur from headline to headline, and picking thirteen from a
    list costs a tenth of thirteen divisions and exponentials. Bounded: differences past
    ``_KEPT`` (a score more than 20 points below the top) are computed each time."""

    def __init__(self, scale: int) -> None:
        self.scale = scale
        self.values: list[float | None] = [None] * _KEPT

    def total(self, apart: tuple[int, ...]) -> float:
        """The exponentials of the differences ``apart`` (none negative), summed in order."""
        values = self.values
        try:
            found = itemgetter(*apart)(values)
        except IndexError:
            return sum(math.exp(-d / self.scale) for d in apart)
        if None in found:
            for d in apart:
                if values[d] is None:
                    values[d] = math.exp(-d / self.scale)
            found = itemgetter(*apart)(values)
        total: float = sum(found)
        return total


_KEPT = 20_000  # differences of up to 20 points in thousandths: 0.6 MB at most


def describe(feature: str) -> str:
    """A feature's name as a reader would say it."""
    kind, _, value = feature.partition(":")
    if kind == "w":
        return f"'{value}'"
    if kind == "b":
        return "'" + value.replace("_", " ") + "'"
    if kind == "c":
        return f"'{value}'"
    if kind == "f":
        return f"opens with '{value}'"
    if kind == "k":
        return f"the idea '{value.removeprefix('c:').replace('-', ' ')}'"
    if kind == "v":
        return f"the maker then '{value}'"
    if kind == "r":
        event, _, strength = value.partition(":")
        if strength:
            return f"{strength} {event} phrase"
        return f"{'an' if event[0] in 'aeiou' else 'a'} {event} phrase"
    if kind in ("R", "RM"):
        return f"the rules' choice {value}"
    return {
        "s:question": "a question",
        "s:bracket": "a bracketed note",
        "s:quote": "a quotation",
        "s:colon": "a lead-in before a colon",
        "s:exclaim": "an exclamation",
        "s:maker": "a maker named",
        "s:nomaker": "no maker named",
        "s:personal": "the writer or the reader spoken of",
    }.get(feature, feature)


def parse_model(document: dict[str, object], table: bytes) -> EventModel:
    """The model from its two files: ``MODEL_FILE``, JSON ({"events": [...], "bias": [...],
    "scale": n, "features": [...]}), and ``WEIGHTS_FILE``, each feature's weights for the
    events in that order as 16-bit little-endian whole numbers of ``1 / scale``."""
    names = [str(name) for name in document["events"]]  # type: ignore[attr-defined]
    if names != [event.value for event in EVENTS]:
        raise ValueError(f"an event model for other events ({', '.join(names)}): refit it")
    scale = int(document["scale"])  # type: ignore[call-overload]
    bias = tuple(round(float(b) * scale) for b in document["bias"])  # type: ignore[attr-defined]
    features = [str(feature) for feature in document["features"]]  # type: ignore[attr-defined]
    weights = array("h")
    weights.frombytes(table)
    if sys.byteorder == "big":
        weights.byteswap()
    width = len(EVENTS)
    if len(bias) != width or len(weights) != width * len(features):
        raise ValueError("the event model's weights do not match its features")
    rows = zip(*[iter(weights)] * width, strict=True)  # the table cut into rows, in C
    return EventModel(bias, dict(zip(features, rows, strict=True)), scale)


def model_files() -> tuple[bytes, bytes]:
    folder = resources.files("autonews.knowledge")
    return folder.joinpath(MODEL_FILE).read_bytes(), folder.joinpath(WEIGHTS_FILE).read_bytes()


@lru_cache(maxsize=1)
def event_model() -> EventModel:
    """The shipped model. Read from its table of whole numbers it loads in 0.02 s, where the
    same weights in JSON took 0.13 s: no copy is kept in the cache folder."""
    document, table = model_files()
    return parse_model(json.loads(document), table)
