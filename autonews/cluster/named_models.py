"""The models a title names, as (group, name): those the knowledge files list, without their
brand words, and a code written right after a maker's name that they do not list yet ("零跑A10",
"Leapmotor A10"): a new model is named so long before the files know it."""

from __future__ import annotations

import re

from autonews.classify.knowledge_loading import default_knowledge
from autonews.classify.lexicon import tokenize
from autonews.models import Classification

# A model's code: one to three letters, then digits, perhaps a letter or two (A10, ET5T, S09).
_CODE = re.compile(r"[a-z]{1,3}\d{1,3}[a-z]{0,2}")
# Codes that are no model: quarters and halves of a year (Tesla Q3, BYD H1), levels of driving
# automation (小鹏 L3), versions of software or hardware (V14, HW4) and generations of a
# technology ("SDI/BMW: Gen6 cylindrical" cells), fiscal years.
_NOT_MODELS = re.compile(r"q[1-4]|h[12]|l[2-5]|v\d{1,3}|hw\d|ota\d*|gen\d{1,2}|fy\d{2,4}")
_HAS_CODE = re.compile(r"[A-Za-z]\d")


def named_models(
    c: Classification, title_words: list[str], title: str, engine: bool = False
) -> frozenset[tuple[str, str]]:
    """(group, model) for models of the item's makers' groups named in its title, without
    brand words: "mega" in "Li Auto MEGA" and in "理想MEGA"; "bolt" in "Chevy Bolt" and
    "通用扩大Bolt召回"; a model that is a number ("007" of 极氪007, "900" of 领克900) only
    where it is not part of a larger number ("209,900 yuan"); and a code right after the name
    of one of its makers ("a10" of "零跑A10"), unless the item names an engine (``engine``: its
    title or lead): then the code is the engine's ("GM L87 recall: What service departments need
    to know" of a 6.2L engine recall, trial 48), shared by every model it powers."""
    groups = {maker.group for maker in c.makers}
    if not groups:
        return frozenset()  # no maker, no model of one to look for
    knowledge = default_knowledge()
    found: set[tuple[str, str]] = set()
    for _, _, payloads in knowledge.bare_models.scan(title_words, True):
        found.update((group, name) for group, name in payloads if group in groups)
    if not engine and _HAS_CODE.search(title):
        found.update(_codes_after_makers(title_words, groups))
    found.update(_written_in_another_script(c, title, groups))
    return frozenset(
        (group, name) for group, name in found if not name.isdigit() or _alone(name, title)
    )


def _written_in_another_script(
    c: Classification, title: str, groups: set[str]
) -> set[tuple[str, str]]:
    """The models a title names by a name in another script the knowledge gives them
    (makers.toml's ``model_aliases``: "赛博皮卡" is the Cybertruck, "G级" the G-Class), as the
    Latin name's words: one model, however each outlet writes it, so that a Chinese and an
    English report of it share it."""
    if title.isascii() or not c.models:
        return set()  # most titles: one written in Latin letters names its models so
    knowledge = default_knowledge()
    found: set[tuple[str, str]] = set()
    for model in c.models:
        if not model.name.isascii() or not any(n in title for n in _other_names(model.name)):
            continue  # named in the lead, or by its Latin name (the scan above found it)
        words = tokenize(model.name).norms
        for _, _, payloads in knowledge.bare_models.scan(words, True):
            found.update((group, name) for group, name in payloads if group in groups)
    return found


def _other_names(model: str) -> frozenset[str]:
    """The names in another script the knowledge maps to ``model`` (its shown name)."""
    names = _OTHER_NAMES.get(model)
    if names is None:
        mapped = default_knowledge().model_names.items()
        names = frozenset(n for n, shown in mapped if shown == model and not n.isascii())
        _OTHER_NAMES[model] = names
    return names


_OTHER_NAMES: dict[str, frozenset[str]] = {}


def _codes_after_makers(title_words: list[str], groups: set[str]) -> set[tuple[str, str]]:
    """Codes (A10) written right after the name of a maker of ``groups``."""
    knowledge = default_knowledge()
    found = set()
    for _, end, hits in knowledge.entities.scan(title_words, True):
        if end >= len(title_words):
            continue
        code = title_words[end]
        if not _CODE.fullmatch(code) or _NOT_MODELS.fullmatch(code):
            continue
        for hit in hits:
            if hit.kind == "maker" and hit.via == "alias":
                group = knowledge.makers[hit.index].group
                if group in groups:
                    found.add((group, code))
    return found


def _alone(number: str, title: str) -> bool:
    """Whether ``number`` stands in the title on its own, not as digits of a larger number."""
    return re.search(rf"(?<!\d)(?<!\d[,.]){number}(?![.,]?\d)", title) is not None


def without_model_numbers(text: str, c: Classification) -> str:
    """``text`` with the numbers of the models the classifier found in its item blanked: a
    model's number is its name, never a figure ("Porsche 718 Cayman", "Ram 3500": a spy shot of
    the 718 Cayman EV and a list naming the 718 Cayman GT4 RS shared "718", trial 49)."""
    for model in c.models:
        if not any(char.isdigit() for char in model.name):
            continue
        pattern = _NAME_IN_TEXT.get(model.name)
        if pattern is None:
            words = (re.escape(word) for word in model.name.split())
            pattern = re.compile(r"(?<![\w,.])" + r"[\s-]*".join(words) + r"(?![\w,.]\d)", re.I)
            _NAME_IN_TEXT[model.name] = pattern
        text = pattern.sub(" ", text)
    return text


_NAME_IN_TEXT: dict[str, re.Pattern[str]] = {}  # a pattern each model name with a number
