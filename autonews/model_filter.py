"""`--model`: the models a reader asks for, and the stories that name them.

A model the knowledge knows, by any of its names, in any case, with or without a brand before it
("ES8", "蔚来ES8", "NIO ES8"), is found in the models the classifier reported for a story. Chinese
makers bring out new models every week (trial 34 #13: 蔚来ES9, 魏牌蓝山, 零跑D19, five stories
about the ES9 and `--model ES9` an error): a model the knowledge does not know yet is looked for
as written in the titles of a story's sources, as whole words, and, where a brand is written
before it, only in that brand's stories.

A typo ("Modle Y") reads like a new model, so what tells them apart is the stories: a name spelled
like a known model (did you mean 'Model Y'?) that no stored title names is an error; a name like
no known model is looked for, and an empty digest says none names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from typing import TYPE_CHECKING

from autonews.errors import AutonewsError, UsageError
from autonews.models import Story, told_longer

if TYPE_CHECKING:
    from autonews.classify.knowledge import Knowledge
    from autonews.config import Config


@dataclass(frozen=True)
class WantedModel:
    """One ``--model`` value: the model names of the knowledge it stands for; or, for a model
    the knowledge does not know, the ``words`` to find in titles (tokens, as the classifier
    reads text) and the ``makers`` a brand written before it names."""

    written: str
    names: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    makers: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.names)


def wanted_model(value: str, knowledge: Knowledge) -> WantedModel:
    """What ``value`` asks for: the knowledge's models it names, else the words to look for."""
    from autonews.classify.lexicon import phrase_key

    written = " ".join(value.split())
    names = _known_models(written, knowledge)
    if names:
        return WantedModel(written, names)
    branded = next(_brand_and_model(written, knowledge), None)
    if branded is None:
        return WantedModel(written, words=phrase_key(written))
    makers, model = branded
    names = _known_models(model, knowledge, makers)
    return (
        WantedModel(written, names)
        if names
        else WantedModel(written, (), phrase_key(model), makers)
    )


def wanted_models(
    config: Config,
    models: Sequence[str],
    where: str = "--model",
    error: type[AutonewsError] = UsageError,
) -> tuple[WantedModel, ...]:
    """``--model`` values, or a named digest's ``models``: each a model the knowledge knows, or
    one it does not know yet, looked for in titles; a name spelled like a known model that no
    stored title names is a typo, an ``error`` now (``where`` names the option or config key)."""
    if not models:
        return ()
    from autonews.classify.lookup import knowledge_for

    knowledge = knowledge_for(config.classify)
    wanted = tuple(wanted_model(value, knowledge) for value in models)
    for model in wanted:
        close = [] if model.known else close_models(model.written, knowledge)
        if close and not named_in(model, stored_titles(config)):
            raise error(
                f"{where}: no model {model.written!r} is known or named in the stored stories",
                hint=f"did you mean {' or '.join(map(repr, close))}?",
            )
    return wanted


def stored_titles(config: Config) -> list[str]:
    """The titles of every item the store holds (none before its first run)."""
    from autonews.store import Store

    if not config.paths.store_file.is_file():
        return []
    with Store.for_reading(config.paths.store_file) as store:
        return [item.title for item in store.items(store.known_feeds(), None)]


def close_models(value: str, knowledge: Knowledge) -> list[str]:
    """Known model names spelled like ``value`` (a typo's, perhaps)."""
    written = {name.casefold(): name for name, _ in knowledge.models.values()}
    close = get_close_matches(value.strip().casefold(), list(written), n=3, cutoff=0.7)
    return [written[c] for c in close]


def named_in(wanted: WantedModel, titles: Iterable[str]) -> bool:
    """Whether any of ``titles`` names the model as written (whole words)."""
    from autonews.classify.lexicon import phrase_key

    return bool(wanted.words) and any(_within(wanted.words, phrase_key(t)) for t in titles)


def names_model(story: Story, wanted: Sequence[WantedModel]) -> bool:
    """Whether the story names one of the models: a known one in its models (or one told
    longer: "SU7" is also the "SU7 Ultra"), another in its sources' titles."""
    named = [m.name.casefold() for m in story.classification.models]
    titles = [story.title, *(source.title for source in story.sources)]
    return any(
        any(told_longer(w.casefold(), n) for w in model.names for n in named)
        or (_by_its_brand(story, model.makers) and named_in(model, titles))
        for model in wanted
    )


def _by_its_brand(story: Story, makers: tuple[str, ...]) -> bool:
    makers_named = story.classification.makers
    return not makers or any(m.name in makers or m.group in makers for m in makers_named)


def _within(words: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    width = len(words)
    return any(tokens[i : i + width] == words for i in range(len(tokens) - width + 1))


def _known_models(
    value: str, knowledge: Knowledge, makers: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """The names the classifier reports the model ``value`` names by (of ``makers`` only,
    when given): a name of the knowledge's, or one it reports several models by ("M5": BMW's
    and Aito's), or a name written with its brand ("Honda Accord")."""
    from autonews.classify.lexicon import phrase_key
    from autonews.classify.lookup import resolve_models
    from autonews.errors import AutonewsError

    key = phrase_key(value)
    if not key:
        return ()
    found = [knowledge.models[key]] if key in knowledge.models else []
    found += knowledge.shown_models.get(key, [])
    if makers:
        of = [knowledge.makers[index] for _, index in found]
        found = [f for f, m in zip(found, of, strict=True) if {m.name, m.group} & set(makers)]
    if found:
        return tuple(dict.fromkeys(knowledge.model_names.get(name, name) for name, _ in found))
    if makers:
        return ()
    try:  # "Aito M9", "Honda Accord": the maker's own name before one of its models
        return resolve_models([value], knowledge, "", AutonewsError)
    except AutonewsError:
        return ()


# A Chinese brand against a model's name ("蔚来ES9", "魏牌蓝山"), or Latin words before it.
_CJK_HEAD = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+")


def _brand_and_model(value: str, knowledge: Knowledge) -> Iterator[tuple[tuple[str, ...], str]]:
    """The ways ``value`` reads as a brand (one or more maker names) and a model after it:
    "蔚来ES9" as NIO's "ES9", "魏牌蓝山" as Wey's "蓝山", "Leapmotor D19"; longest brand first."""
    from autonews.classify.lookup import resolve_maker

    heads: list[str] = []
    if chinese := _CJK_HEAD.match(value):
        heads = [value[:end] for end in range(chinese.end(), 1, -1)]
    words = value.split()
    heads += [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    for head in heads:
        rest = value[len(head) :].strip()
        brand = resolve_maker(head, knowledge).names if rest else ()
        if brand:
            yield tuple(brand), rest
