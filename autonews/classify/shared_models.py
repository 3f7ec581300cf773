"""Model names that makers of different groups share, and which groups share each.

A model listed without its brand ("Sierra EV", GMC's) names its maker for sure only while no
other group's model bears the same name: Tata Motors sells a Sierra (listed as "Tata Sierra",
its name a word with its brand). Without their brands, two names are shared where one is the
other or begins it and what they share holds a word of letters (not a number or a letter: "7",
"e"). Such a name is the model of a maker of the sharing group named beside it ("Tata Motors'
Sierra EV"), in the title or as the summary's subject, and its usual maker's otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from autonews.classify.lexicon import phrase_key

if TYPE_CHECKING:
    from autonews.classify.knowledge import Knowledge


def models_shared(k: Knowledge) -> dict[str, frozenset[str]]:
    """Each model name written without its brand that another group's model shares, as the
    data writes it, with those other groups."""
    brand_words: dict[int, set[str]] = {}
    for name, index in k.maker_names.items():
        brand_words.setdefault(index, set()).update(phrase_key(name))
    bare_names: list[tuple[str, tuple[str, ...], str, bool]] = []
    for key, (written, index) in k.models.items():
        if not all(word.isascii() for word in key):
            continue  # a Chinese name's characters are no words to compare
        words = brand_words.get(index, set())
        bare = tuple(word for word in key if word not in words)
        if bare:
            bare_names.append((written, bare, k.makers[index].group, bare == key))
    whole: dict[tuple[str, ...], set[str]] = {}
    begun: dict[tuple[str, ...], set[str]] = {}  # the names' beginnings, of longer names
    for _, bare, group, _ in bare_names:
        whole.setdefault(bare, set()).add(group)
        for end in range(1, len(bare)):
            begun.setdefault(bare[:end], set()).add(group)
    shared: dict[str, frozenset[str]] = {}
    for written, bare, group, brandless in bare_names:
        if not brandless:  # written with its brand ("Tata Sierra"): it is sure
            continue
        others = set(begun.get(bare, ())) if _a_word_in(bare) else set()
        for end in range(1, len(bare) + 1):
            if _a_word_in(bare[:end]):
                others |= whole.get(bare[:end], set())
        others.discard(group)
        if others:
            shared[written] = frozenset(others)
    return shared


def _a_word_in(words: tuple[str, ...]) -> bool:
    """Whether a name's words hold a word of letters (Sierra, Trax), not only codes."""
    return any(len(word) > 2 and word.isalpha() for word in words)
