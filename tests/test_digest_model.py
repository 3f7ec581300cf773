"""The digest model: which story leads."""

from __future__ import annotations

from autonews.digest import build_digest
from autonews.models import Event, MakerRef
from tests.helpers.digests import NOW, _story

FORD = MakerRef("Ford", "Ford", "US")
TOYOTA = MakerRef("Toyota", "Toyota", "JP")
KIA = MakerRef("Kia", "Hyundai Motor Group", "KR")
VOLVO = MakerRef("Volvo", "Geely", "SE")


def test_a_roundup_or_a_live_blog_is_never_the_lead() -> None:
    single = _story("volvo", "Volvo Recalls 14,768 XC70s", Event.RECALL, (VOLVO,), 5)
    roundup = _story(
        "weekly", "Weekly Recall Roundup: Ford, Toyota, Kia", Event.RECALL, (FORD, TOYOTA, KIA), 1
    )
    live = _story("live", "Live: Ford's Capital Markets Day", Event.RECALL, (FORD,), 1, sources=3)
    digest = build_digest([roundup, live, single], (), NOW)
    assert digest.lead_id == "volvo"
    # With nothing else to lead, a briefing still may.
    assert build_digest([roundup], (), NOW).lead_id == "weekly"
