"""A classification made as the classifier hands out tens of thousands a second."""

from __future__ import annotations

from autonews.models import Classification, CompanyRef, Event, Figure, MakerRef, ModelRef

_new = object.__new__


def classification(
    makers: tuple[MakerRef, ...],
    companies: tuple[CompanyRef, ...],
    event: Event,
    speculative: bool,
    figures: tuple[Figure, ...],
    reasons: tuple[str, ...],
    models: tuple[ModelRef, ...],
    automotive: bool,
    confidence: float,
    market_view: bool,
    language: str,
    suppliers: tuple[CompanyRef, ...] = (),
) -> Classification:
    """``Classification(...)`` as its frozen dataclass's ``__init__`` makes it, at half the
    cost: that ``__init__`` sets the eleven fields one by one through ``object.__setattr__``,
    here they are written at once. The class keeps no ``__slots__`` and no ``__post_init__``
    that this would miss (tests/test_classify.py checks both, and that the two agree); once
    made, it is as frozen as any."""
    made = _new(Classification)
    made.__dict__.update(
        makers=makers,
        companies=companies,
        event=event,
        speculative=speculative,
        figures=figures,
        reasons=reasons,
        models=models,
        automotive=automotive,
        confidence=confidence,
        market_view=market_view,
        language=language,
        suppliers=suppliers,
    )
    return made
