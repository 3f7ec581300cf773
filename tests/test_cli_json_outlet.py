"""Trial 46, bug 4, through the real CLI against a feed on 127.0.0.1: JSON `sources[].outlet`
was null for every item of a direct feed, though the README says the outlet is there; a script
had to fall back to `feed`. A feed's own item is from the feed's site, as the feed is named."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import serve_titles
from tests.helpers.invariants import valid_digest
from tests.helpers.site import write_config

RECALL = "Tesla recalls 46,096 Cybertrucks over exterior panel"


def test_a_direct_feeds_sources_name_their_outlet_in_json(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    electrek = serve_titles(httpserver, [RECALL], "/electrek")
    write_config(home, f'[[feeds]]\nurl = "{electrek}"\nname = "Electrek - All Posts"\n')
    result = cli("digest", "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    document = result.json()
    valid_digest(document)
    (story,) = document["stories"]
    assert [(s["feed"], s["outlet"]) for s in story["sources"]] == [
        ("Electrek - All Posts", "Electrek")
    ]
