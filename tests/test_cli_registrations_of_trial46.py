"""Through the real CLI: blind trial 46 saw a week's registrations count joined to other news of
its maker. Next week's Tesla China registrations ("… ahead of Model Y Standard") joined the Model
Y Standard's launch, and "BYD shares drop 4% in Hong Kong" BYD's weekly registrations: a count
of what was registered or sold is news of its own, never a launch's nor a share move's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

# (path, hours ago, title)
ITEMS = [
    ("/cnev", 30, "BYD registrations at 52,300 in Oct 20-26 as Leapmotor and Xiaomi post records"),
    ("/gn", 28, "BYD shares drop 4% in Hong Kong as investors fret over price war"),
    (
        "/cnev",
        6,
        "Tesla China registrations fall to 11,200 in Oct 27-Nov 2 ahead of Model Y Standard",
    ),
    ("/wire", 5, "Tesla launches cheaper Model Y Standard in China priced at RMB 229,900"),
    ("/cnev", 4.5, "Tesla unveils Model Y Standard in China at 229,900 yuan"),
]


def _digest(cli, httpserver: HTTPServer) -> Any:
    feeds = []
    for path in dict.fromkeys(path for path, _, _ in ITEMS):
        entries = [
            item(title, n, hours, link=f"http://example.com{path}/{n}")
            for n, (where, hours, title) in enumerate(ITEMS)
            if where == path
        ]
        httpserver.expect_request(path).respond_with_data(
            rss(entries), content_type="application/rss+xml"
        )
        feeds += ["--feed", str(httpserver.url_for(path))]
    result = cli("digest", *feeds, "--no-extract", "--since", "2d", "--format", "json")
    assert result.code == 0, result.err
    return result.json()


def _titles_with(digest: Any, title: str) -> set[str]:
    (story,) = [s for s in digest["stories"] if any(x["title"] == title for x in s["sources"])]
    return {source["title"] for source in story["sources"]}


def test_a_weeks_registrations_count_is_no_launch_and_no_share_move(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver)
    assert _titles_with(digest, ITEMS[2][2]) == {ITEMS[2][2]}
    assert _titles_with(digest, ITEMS[0][2]) == {ITEMS[0][2]}
    # The launch told by two outlets stays one story.
    assert _titles_with(digest, ITEMS[3][2]) == {ITEMS[3][2], ITEMS[4][2]}
