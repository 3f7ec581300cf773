"""A hand-built digest model for renderer tests: no fetching, no classifier."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from autonews.models import (
    Classification,
    CompanyRef,
    Digest,
    Event,
    FeedHealth,
    FeedStatus,
    Figure,
    Group,
    MakerRef,
    Source,
    Story,
)

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def _story(
    sid: str,
    title: str,
    event: Event,
    makers: tuple[MakerRef, ...],
    hours: float,
    sources: int = 1,
    summary: str = "",
    speculative: bool = False,
    figures: tuple[Figure, ...] = (),
    companies: tuple[CompanyRef, ...] = (),
) -> Story:
    published = NOW - timedelta(hours=hours)
    feeds = ["AutoWire Daily", "EV Monitor", "车滴快讯"]
    return Story(
        id=sid,
        title=title,
        url=f"http://news.example/{sid}",
        published=published,
        summary=summary,
        body=summary or None,
        classification=Classification(makers, companies, event, speculative, figures),
        sources=tuple(
            Source(
                feeds[i % 3],
                f"{title} ({i})",
                f"http://news.example/{sid}" + (f"/{i}" if i else ""),  # the first: the story's
                published + timedelta(hours=i),
            )
            for i in range(sources)
        ),
    )


XIAOMI = MakerRef("Xiaomi", "Xiaomi", "CN")
VOLVO = MakerRef("Volvo", "Geely", "SE")
BMW = MakerRef("BMW", "BMW", "DE")


def sample_digest() -> Digest:
    stories = (
        _story(
            "volvo1",
            "Volvo Recalls 14,768 XC70s Over Halfshaft Risk",
            Event.RECALL,
            (VOLVO,),
            5,
            sources=3,
            summary="Volvo is recalling 14,768 XC70s. Dealers will fix them.",
            figures=(Figure("units", "14,768 XC70s", 14768.0, "XC70s"),),
        ),
        _story(
            "xiaomi1",
            "Xiaomi Auto Ends Dedicated Sales Roles for SU7 Ultra",
            Event.RESTRUCTURING,
            (XIAOMI,),
            3,
        ),
        _story(
            "bmw1",
            "ZF Signs Multi-Billion-Euro Drivetrain Supply Deal with BMW",
            Event.PARTNERSHIP,
            (BMW,),
            8,
            companies=(CompanyRef("ZF", "supplier"),),
        ),
        _story(
            "hostile",
            "[bold red]Tesla[/bold red] Cybercab <script>alert(1)</script>",
            Event.OTHER,
            (),
            30,
            speculative=True,
        ),
        _story(
            "std1", "新国标：2027年起新车强制配备机械门把手", Event.REGULATION, (), 20, sources=2
        ),
    )
    groups = (
        Group("Volvo", "maker", ("volvo1",)),
        Group("Xiaomi", "maker", ("xiaomi1",)),
        Group("BMW", "maker", ("bmw1",)),
        Group("Industry", "industry", ("std1", "hostile")),
    )
    feeds = (
        FeedHealth("http://a.example/feed", "AutoWire Daily", FeedStatus.OK, 200, None, 14, 0, NOW),
        FeedHealth(
            "http://b.example/feed", "EV Monitor", FeedStatus.NOT_MODIFIED, 304, None, 10, 0, NOW
        ),
        FeedHealth(
            "http://c.example/feed", "Broken Feed", FeedStatus.ERROR, 500, "HTTP 500", 0, 3, None
        ),
    )
    order = {sid: i for i, sid in enumerate(s for g in groups for s in g.story_ids)}
    return Digest(
        NOW, feeds, tuple(sorted(stories, key=lambda s: order[s.id])), groups, lead_id="volvo1"
    )
