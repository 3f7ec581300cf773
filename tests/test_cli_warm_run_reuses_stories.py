"""A warm run tells the stories the run before told when nothing they are told from changed:
choosing each story's source and cutting its summary was a sixth of a warm farm run's CPU
(issue 17), for the same stories. A story one of whose items changed (a title the feed
corrected) is told anew. Through the real CLI, as a subprocess, against feeds on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.feeds import rfc822, rss
from tests.helpers.loaded_modules import digest_and_loaded
from tests.helpers.site import Site, feeds_toml, write_config

_RECALL = "Ford recalls 227,000 Explorer SUVs over rear axle bolts"
_RECALL_AGAIN = "Ford recalls Explorer SUVs over rear axle bolts that can break"
_PLANT = "Stellantis to close Luton van plant next year"
_CORRECTED = "Stellantis to close its Luton van plant in April"


def _serve(site: Site, path: str, name: str, items: list[tuple[str, str]]) -> tuple[str, str]:
    entries = [
        {
            "title": title,
            "link": site.url(f"{path}/{guid}"),
            "guid": f"{path}/{guid}",
            "date": rfc822(n + 1),
            "description": f"{title}, the company said on Monday in a statement to dealers.",
        }
        for n, (guid, title) in enumerate(items)
    ]
    site.routes[f"{path}.xml"] = (200, "application/rss+xml", rss(entries, title=name))
    return name, site.url(f"{path}.xml")


def _stories(digest: dict) -> list[tuple[str, str, int]]:
    return sorted((s["title"], s["summary"], len(s["sources"])) for s in digest["stories"])


def test_a_warm_run_tells_the_last_runs_stories_and_a_changed_one_anew(
    home: Path, site: Site
) -> None:
    feeds = [
        _serve(site, "/wire", "EV Wire", [("recall", _RECALL), ("plant", _PLANT)]),
        _serve(site, "/desk", "Auto Desk", [("recall", _RECALL_AGAIN)]),
    ]
    write_config(home, feeds_toml(feeds))
    site.etags = True  # a warm run: every feed answers "not modified"
    cold, loaded_cold = digest_and_loaded(home)
    warm, loaded_warm = digest_and_loaded(home)
    assert _stories(warm) == _stories(cold)
    assert [n for t, _, n in _stories(cold) if t == _RECALL] == [2]
    assert "autonews.story_build" in loaded_cold  # (the check can see it)
    assert "autonews.story_build" not in loaded_warm

    _serve(site, "/wire", "EV Wire", [("recall", _RECALL), ("plant", _CORRECTED)])
    corrected, loaded = digest_and_loaded(home)
    titles = [title for title, _, _ in _stories(corrected)]
    assert _CORRECTED in titles and _PLANT not in titles
    assert _stories(corrected) == sorted(
        [s for s in _stories(cold) if s[0] != _PLANT]
        + [s for s in _stories(corrected) if s[0] == _CORRECTED]
    )
    assert "autonews.story_build" in loaded
