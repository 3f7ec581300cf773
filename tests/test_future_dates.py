"""Items a feed dates in the future (trial 26: "Hyundai Ioniq 3 Revealed Ahead of Geneva Debut",
dated 9 Mar 2027, three months ahead, was shown as first seen with no word). A date more than a
day ahead is no scoop but a feed's mistake (or an event's date): the item is dated, windowed and
sorted by when it was first seen, and every format says the date its feed gave. A few hours ahead
is a clock or a zone off: today's news, with no note."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import FAST_FETCH, Site, store_db, write_config
from tests.test_new_over_time import entry, publish

FAR = "Hyundai Ioniq 3 Revealed Ahead of Geneva Debut"
NEAR = "Kia Names New Chief Executive for Europe"
PAST = "Volvo Recalls 14,768 XC70s Over Halfshaft Risk"


def future_feed(home: Path, site: Site, clock: Clock) -> str:
    """A feed with an item 90 days ahead, one 5 hours ahead and one 3 hours old; times in UTC."""
    url = publish(
        site,
        "/future.xml",
        [entry(clock, FAR, 1, -24 * 90), entry(clock, NEAR, 2, -5), entry(clock, PAST, 3, 3)],
    )
    write_config(
        home,
        f'[[feeds]]\nurl = "{url}"\nname = "Future Cars"\n\n[digest]\ntimezone = "UTC"\n'
        + FAST_FETCH,
    )
    return url


def meta_of(out: str, title: str) -> str:
    """The story's lines from its title to its id, as one line (a narrow layout wraps them)."""
    flat = " ".join(out.split())
    start = flat.index(title)
    return flat[start : flat.index(" id ", start)]


def test_a_far_future_date_is_first_seen_and_its_feeds_date_is_said(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    future_feed(home, site, clock)
    note = f"dated {(clock.now + timedelta(days=90)).strftime('%d %b %Y')} by its feed"
    seen = clock.now.strftime("%d %b %H:%M")
    text = cli("digest", "--no-extract", "--format", "text")
    assert text.code == 0, text.err
    assert meta_of(text.out, FAR).endswith(f"1 source · {seen} · Future Cars · {note} ·")
    assert meta_of(text.out, NEAR).endswith(f"1 source · {seen} · Future Cars ·")  # no note
    for fmt in ("terminal", "markdown", "html", "atom"):
        assert note in cli("digest", "--offline", "--format", fmt).out, fmt
    document = cli("digest", "--offline", "--format", "json").json()
    published = {story["title"]: story["published"] for story in document["stories"]}
    first_seen = clock.now.isoformat(timespec="seconds")
    assert published[FAR] == published[NEAR] == first_seen  # dated, and sorted, as first seen
    assert published[PAST] == (clock.now - timedelta(hours=3)).isoformat(timespec="seconds")
    (far,) = [story for story in document["stories"] if story["title"] == FAR]
    feed_date = (clock.now + timedelta(days=90)).isoformat(timespec="seconds")
    assert far["feed_date"] == far["sources"][0]["feed_date"] == feed_date
    assert [s["feed_date"] for s in document["stories"] if s["title"] != FAR] == [None, None]
    assert note.replace("by its feed", "") in cli("story", far["id"]).out


def test_a_store_from_before_keeps_its_items_and_learns_their_feeds_date(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """An item stored before feed dates were kept (dated as first seen, the feed's date lost)
    takes the date its feed still gives it at the next read; it keeps its id and its date."""
    future_feed(home, site, clock)
    first = cli("digest", "--no-extract", "--format", "json").json()
    with store_db(home) as db:
        db.execute("UPDATE items SET feed_date = NULL")
    assert "by its feed" not in cli("digest", "--offline", "--format", "text").out
    clock.advance(hours=2)
    again = cli("digest", "--no-extract", "--format", "json").json()
    assert [(s["id"], s["published"]) for s in again["stories"]] == [
        (s["id"], s["published"]) for s in first["stories"]
    ]
    assert "by its feed" in meta_of(cli("digest", "--offline", "--format", "text").out, FAR)
