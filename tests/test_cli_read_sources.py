"""Trial 34 #5 and #23: `autonews read ID` of a story whose link's page cannot be read (a Chinese
outlet's anti-bot 403) reads another source's page, says whose, and fails only when none has
text, naming how many were tried. Real CLI, feeds and pages on a loopback server."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import rfc822, rss

TOLD = "Volvo recalls 14,768 XC70 SUVs in the US over a rear halfshaft that can break"
OTHER = "Volvo recalls XC70 SUVs over halfshaft"
SENTENCE = "The halfshaft of the XC70 can fracture and the car can lose drive power while moving. "
PAGE = f"<html><head><title>{OTHER}</title></head><body><article><p>{SENTENCE * 6}</p></article>"


def _story(cli, httpserver: HTTPServer, extract: bool = False) -> dict[str, object]:
    """One story of two outlets' reports, as a digest gave it (``extract``: with their pages
    read, the page of the less informative one, CarWire's, readable; the other a 403)."""
    feeds = []
    for path, outlet, title in (("/told", "Auto Daily", TOLD), ("/other", "CarWire", OTHER)):
        link = httpserver.url_for(f"/a{path}")
        entry = {"title": title, "link": link, "guid": path, "date": rfc822(1)}
        httpserver.expect_request(path).respond_with_data(
            rss([{**entry, "description": f"{title}, the maker said."}], outlet),
            content_type="application/rss+xml",
        )
        feeds += ["--feed", httpserver.url_for(path)]
    httpserver.expect_request("/a/told").respond_with_data("访问受限", status=403)
    httpserver.expect_request("/a/other").respond_with_data(PAGE, content_type="text/html")
    flag = [] if extract else ["--no-extract"]
    digest = cli("digest", *feeds, *flag, "--format", "json").json()
    [story] = digest["stories"]
    assert story["url"] == httpserver.url_for("/a/told"), story  # a 403 stands for the story
    return story


def test_read_of_a_story_reads_another_source_where_its_link_fails(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """`read ID` said "no article text at …: fetch failed: HTTP 403" though another source of
    the story had a readable page: it reads that one, fetched now, and says whose it is."""
    story = _story(cli, httpserver)
    result = cli("read", str(story["id"]))
    assert result.code == 0, result.err
    assert "lose drive power" in result.out and httpserver.url_for("/a/other") in result.out
    assert "read CarWire's page" in result.err and "HTTP 403" in result.err


def test_read_of_a_story_takes_a_stored_page_before_fetching(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """A page the digest read is in the store: `read` shows it with the server gone."""
    story = _story(cli, httpserver, extract=True)
    httpserver.clear()
    httpserver.expect_request("/a/told").respond_with_data("访问受限", status=403)
    result = cli("read", str(story["id"]), "--format", "json")
    assert result.code == 0, result.err
    assert "lose drive power" in result.out
    assert "read CarWire's page" in result.err
    assert [request.path for request, _ in httpserver.log] == ["/a/told"]  # no other fetch


def test_read_of_a_story_none_of_whose_pages_reads_says_how_many(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    story = _story(cli, httpserver)
    httpserver.clear()
    httpserver.expect_request("/a/told").respond_with_data("访问受限", status=403)
    httpserver.expect_request("/a/other").respond_with_data("访问受限", status=403)
    result = cli("read", str(story["id"]))
    assert result.code != 0 and not result.out
    assert "no article text in any of the story's 2 sources' pages (HTTP 403" in result.err
    assert f"autonews story {story['id']}" in result.err  # the hint: where they are listed
