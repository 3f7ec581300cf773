"""The event model's two ways of scoring a headline give one answer: feature names made and
looked up (every headline until the model is packed whole, and --explain), and a headline's
words, word pairs and pairs of Chinese characters looked up as they are (afterwards)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from autonews.classify import Classifier
from autonews.classify.event_model import _KEPT, event_features, shape_features, with_words


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    classifier = Classifier()
    model = classifier.model
    assert model is not None
    model._packed.pack(model.weights.keys())  # as after thousands of headlines
    assert model._packed.complete
    assert model._packed.chinese  # (the shipped model holds no Latin word with a Chinese one)
    return classifier


@pytest.mark.parametrize(
    "title",
    [
        "Ford recalls 142,000 Explorers over rear brake hoses",
        "snake_case_words in a_title: recall_fix for b_c",  # "_" cuts words, as pairs join them
        "Very very very very very very good news from Tesla",  # a word said over thrice
        "比亚迪11月销量49.86万辆 BYD sales",  # Chinese pairs, Latin words and pairs between
        "小米汽车，SU7 Ultra 交付 BYD 丰田",  # pairs across punctuation; none across a Latin word
        "Ford’s ‘fix’ – recalls 142,000 Explorers…",  # not ASCII
        "Tesla Model 3 price cut in 2026 by 5%",  # numbers read as "#"
        "",
    ],
)
def test_words_looked_up_as_they_are_score_as_their_feature_names(
    classifier: Classifier, title: str
) -> None:
    model = classifier.model
    assert model is not None
    read = classifier._read_title(title, [])
    shape = shape_features(read.tokens, read.stems, read.hits, read.event, None)
    features = event_features(read.tokens, read.stems, read.hits, read.event, None)
    assert with_words(read.tokens, read.stems, shape) == features
    assert model.predict_parts(read.tokens, read.stems, shape) == model.predict(features)


@pytest.mark.parametrize(
    ("title", "summary", "car_feed"),
    [
        ("Fed holds rates steady as inflation cools", "", False),  # no car news: no event
        ("Stocks tumble as investors react to tariff news", "", False),  # a reaction
        ("Apple recalls chargers over fire risk", "", False),  # a company: its event may stand
        ("Long-range version arrives next spring", "", True),  # a car feed's terse headline
        ("Genesis: A Book Review", "A reading of scripture's first book.", False),
        ("Ford recalls 142,000 Explorers over rear brake hoses", "", False),
        ("Tesla recalls 2 million cars over Autopilot", "", True),
    ],
)
def test_a_label_is_the_same_explained_or_not(
    classifier: Classifier, title: str, summary: str, car_feed: bool
) -> None:
    """Without --explain the event model weighs only a title whose event can count (car news,
    or news that may be): the labels are the ones --explain gives."""
    quiet = classifier.classify(title, summary, car_feed=car_feed)
    explained = classifier.classify(title, summary, car_feed=car_feed, explain=True)
    assert replace(explained, reasons=()) == quiet


def test_probabilities_are_the_exponentials_own(classifier: Classifier) -> None:
    """The exponentials of score differences are kept as first computed, a bounded number of
    them: a probability is the one computed afresh, whether its differences were kept or not."""
    model = classifier.model
    assert model is not None
    for totals in ([5000, 4200, 5000, -16000], [0, 1, 2], [10**6, 10**6 - _KEPT - 1, 7]):
        top = max(totals)
        expected = 1.0 / sum(math.exp((total - top) / model.scale) for total in totals)
        assert model._choice(totals)[1] == expected
        assert model._choice(totals)[1] == expected  # kept this time
    assert len(model._exps.values) == _KEPT
