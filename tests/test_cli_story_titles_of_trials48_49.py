"""Through the real CLI: which source titles a story (blind trials 48 and 49). The source that
states the event plainly does, not a piece about what others expect of it nor a writer's own
feelings: trial 48's lead was titled "Honda's 1.7 million-vehicle steering recall will strain
service lanes, dealers say" over the wire's "Honda recalls 1.7 million vehicles in US over
steering issue"; trial 49's GR86 story "Toyota Is Killing The GR86 In Europe And Honestly, We're
Sad About It" over Autocar's "Toyota GR86 to be axed in UK and Europe next year"."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

# (outlet, title, summary): the plain report first, the other piece second.
STORIES = [
    [
        (
            "Reuters",
            "Honda recalls 1.7 million vehicles in US over steering issue",
            "Honda is recalling 1.7 million Civic, CR-V and HR-V vehicles in the United States "
            "because a steering gearbox part may deform and make the vehicles harder to steer.",
        ),
        (
            "Automotive News",
            "Honda's 1.7 million-vehicle steering recall will strain service lanes, dealers say",
            "Honda retailers expect the Civic, CR-V and HR-V steering recall of 1.7 million "
            "vehicles to bring a wave of service visits starting in February.",
        ),
    ],
    [
        (
            "Autocar",
            "Toyota GR86 to be axed in UK and Europe next year",
            "Toyota will stop selling its rear-wheel-drive GR86 coupé in Europe in 2026 because "
            "it can't meet new cyber-security and safety rules.",
        ),
        (
            "Jalopnik",
            "Toyota Is Killing The GR86 In Europe And Honestly, We're Sad About It",
            "Toyota will stop selling the GR86 in Europe. Europe's loss. At least we still get "
            "it here in America, for now.",
        ),
    ],
]


def test_the_plain_report_titles_the_story(cli, home, httpserver: HTTPServer) -> None:
    feeds: list[str] = []
    for outlet in ("Reuters", "Automotive News", "Autocar", "Jalopnik"):
        entries = [
            item(
                title,
                n,
                2 + 3 * n + len(feeds),
                link=f"http://example.com/{outlet[:4]}/{n}",
                description=text,
            )
            for n, story in enumerate(STORIES)
            for source, title, text in story
            if source == outlet
        ]
        path = "/" + outlet.replace(" ", "")
        httpserver.expect_request(path).respond_with_data(
            rss(entries, title=outlet), content_type="application/rss+xml"
        )
        feeds += ["--feed", str(httpserver.url_for(path))]
    result = cli("digest", *feeds, "--no-extract", "--since", "2d", "--format", "json")
    assert result.code == 0, result.err
    titles = {
        frozenset(source["title"] for source in story["sources"]): story["title"]
        for story in result.json()["stories"]
    }
    for story in STORIES:
        told = frozenset(title for _, title, _ in story)
        assert titles.get(told) == story[0][1], titles
