"""The rules that tell a recall from the other news of its model (``recall_and_news_of_its_model``)
and let a regulator's notices of sibling models for one fault be one recall (``one_fault``).

A model both items name is the subject of both, but a recall and a lease-rate cut, a trim's
launch or a strike's delays of that model are two stories: the recall's own news names the
recall, its fault or a part, or a figure of it. A regulator lists one recall model by model
(DVSA's "VOLKSWAGEN ID.4: …" and "VOLKSWAGEN ID.5: …"), in the same words of the fault."""

from __future__ import annotations

from functools import lru_cache

from autonews.classify.lexicon import stem
from autonews.cluster.features import RECALL, _Features
from autonews.cluster.shared import PLACES, families, same_model, shared_figure, shared_subject
from autonews.cluster.subjects import COUNTERPART, MODEL
from autonews.cluster.trouble_kinds import trouble_kind
from autonews.models import Event

# A model's trouble: a recall, a probe or a lawsuit.
TROUBLE = frozenset((Event.RECALL, Event.LEGAL))

# What an item that is no recall tells, typed so even unsure: another event of a model it names
# than the model's recall (a fire or a probe may be the recall's).
_OTHER_NEWS = frozenset(
    (Event.LAUNCH, Event.PRICING, Event.PRODUCTION, Event.PARTNERSHIP, Event.OWNERSHIP)
)
_ONE_FAULT = 2  # terms of a fault both titles name: "battery module may overheat"


def recall_and_news_of_its_model(a: _Features, b: _Features) -> bool:
    """``a`` surely a recall (a probe, a lawsuit: ``trouble_kind``; not any legal news, such as
    a raid on a plant's site), ``b`` tells none (no recall word, no count of cars it reaches, no
    part or fault) and shares with it no figure: only the names of a model or a place, or a
    word only a lead gives. If ``b`` surely tells another kind of event, they are two events of
    one maker (a van programme's end / a recall of a van its lead names); so they are if both
    name one model and ``b`` surely tells no event the classifier knows, or is typed as a launch,
    a price, output or a deal ("Volkswagen recalls ID.4 over battery fault" / "Volkswagen cuts
    ID.4 contract hire rates"; the Corolla's fuel-pump recall / a Corolla trim). Else ``b`` may
    be the recall told in its owners' words ("Ford tells Escape owners to watch for a fuel
    smell"; "Heavy key rings can jostle ignition on Cobalt"), as it may where it names a part
    ("Own a C3? Don't drive it until the airbag is replaced"). A model's name alone is no
    subject a probe shares with other news: "US opens probe into Hyundai Ioniq 5" / "Hyundai
    adds $7,500 dealer cash on Ioniq 5"."""
    if not (a.event_sure and (a.event is Event.RECALL or _probe_or_lawsuit(a))):
        return False
    if b.event in TROUBLE or b.event is Event.INCIDENT or RECALL in b.title or b.units:
        return False
    if not (b.event_sure and b.event is not None) and not (
        (b.event_sure or b.event in _OTHER_NEWS) and same_model(a.models, b.models)
    ):
        return False  # nothing else sure, or no model both name: maybe the recall's news
    if b.parts or shared_figure(a, b):
        return False  # a fault, a part or a figure may be the recall's, told another way
    shared = shared_subject(a, b)
    names = _model_words(a.models | b.models)
    return bool(shared) and not any(
        term.startswith("c:") or weight >= 1.0
        for term, weight in shared.items()
        if not term.startswith(MODEL) and term not in names and term not in PLACES
    )


def one_fault(a: _Features, b: _Features) -> bool:
    """Two recalls of one maker's sibling models for one fault, told in the same words: one
    recall a regulator lists model by model ("VOLKSWAGEN ID.4: High voltage battery module may
    overheat" / "VOLKSWAGEN ID.5: ..."). Two faults of a part (power steering lost / a
    steer-by-wire inverter) share a word at most."""
    if not (_tells_a_recall(a) and _tells_a_recall(b)) or not (a.parts and b.parts):
        return False
    if families(a.parts).isdisjoint(families(b.parts)):
        return False
    names = _model_words(a.models | b.models)
    fault = [
        term
        for term in a.title_subject & b.title_subject
        if not term.startswith((MODEL, COUNTERPART)) and term not in names and term not in PLACES
    ]
    return len(fault) >= _ONE_FAULT


def _tells_a_recall(item: _Features) -> bool:
    return item.event is Event.RECALL or RECALL in item.title


@lru_cache(maxsize=4096)  # few distinct sets of models
def _model_words(models: frozenset[tuple[str, str]]) -> frozenset[str]:
    """The words of the models' names, as terms ("corolla", "id" of "ID.4")."""
    return frozenset(stem(word) for _, name in models for word in name.split())


def _probe_or_lawsuit(item: _Features) -> bool:
    return item.event is Event.LEGAL and trouble_kind(item) is not None
