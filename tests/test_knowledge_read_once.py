"""Building the classifier's knowledge parses each knowledge file once: makers.toml was parsed
twice (28 ms of a cold run's CPU, issue 17), for its makers and again for its nicknames."""

from __future__ import annotations

from collections import Counter

import pytest

from autonews.classify import knowledge_loading


def test_the_build_parses_each_knowledge_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    read = knowledge_loading._read
    names: Counter[str] = Counter()

    def counted(name: str):
        names[name] += 1
        return read(name)

    monkeypatch.setattr(knowledge_loading, "_read", counted)
    knowledge = knowledge_loading.build_knowledge()
    assert names["makers.toml"] == 1 and max(names.values()) == 1
    assert knowledge.makers and knowledge.entities


def test_the_build_tokenises_each_phrase_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name or phrase is asked for as written and stemmed, and once for each lexicon it is
    in: 47,000 keys of 21,000 phrases, each tokenised anew (a tenth of the build's CPU)."""
    from autonews.classify import lexicon

    tokenised: Counter[str] = Counter()
    tokens = lexicon.Tokens

    def counted(text: str) -> lexicon.Tokens:
        tokenised[text] += 1
        return tokens(text)

    monkeypatch.setattr(lexicon, "_PHRASE_WORDS", {}, raising=False)  # (a fresh memo)
    monkeypatch.setattr(lexicon, "tokenize", counted)
    knowledge = knowledge_loading.build_knowledge()
    assert len(tokenised) > 10_000 and max(tokenised.values()) == 1
    assert knowledge.entities.get(lexicon.phrase_key("Volvo Cars"))
