"""What a cold run does not need it does not load (issue 17: the farm's cold --no-extract run,
CPU second by CPU second). Through the real CLI, as a subprocess, against feeds served on
127.0.0.1; and the shortcuts that spare the imports read what the full path would."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from autonews.parse.xml_feed import _guid_date, _reference_date
from tests.helpers.feeds import rfc822, rss
from tests.helpers.loaded_modules import digest_and_loaded
from tests.helpers.site import Site, feeds_toml, write_config


def test_a_cold_run_of_feeds_whose_guids_are_links_does_not_load_feedparser(
    home: Path, site: Site
) -> None:
    """feedparser is the reference reader of what fastfeedparser cannot read; its date parser
    was imported for every feed, to ask whether an item's guid was a date. A guid that is a
    link never is: the run dates its items as before without it."""
    titles = ["Volvo recalls 14,768 cars over a halfshaft nut", "Kia opens a plant in Mexico"]
    items = [
        {"title": t, "link": site.url(f"/n/{n}"), "guid": site.url(f"/n/{n}"), "date": rfc822(n)}
        for n, t in enumerate(titles, 1)
    ]
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(items))
    write_config(home, feeds_toml([("Wire", site.url("/feed.xml"))]))
    digest, loaded = digest_and_loaded(home)
    assert sorted(s["title"] for s in digest["stories"]) == sorted(titles)
    assert all(s["sources"][0]["published"] for s in digest["stories"])
    assert "fastfeedparser" in loaded  # (the check can see a parser)
    assert "feedparser" not in loaded


@given(st.sampled_from(["http://", "https://"]), st.text())
def test_what_feedparser_reads_in_a_link_guid_is_answered_without_it(
    scheme: str, rest: str
) -> None:
    guid = scheme + rest
    assert _guid_date(guid) == _reference_date(guid)


@given(
    st.sampled_from(["http://", "https://"]),
    st.text(alphabet="0123456789-:/.,TtZz+ abcdefghijklmnopqrsuvwxyJFMASOND"),
)
def test_what_feedparser_reads_in_a_link_guid_like_a_date_is_answered_without_it(
    scheme: str, rest: str
) -> None:
    guid = scheme + rest
    assert _guid_date(guid) == _reference_date(guid)
