"""Through the real CLI: a deals post and a newsletter's roundup are no news of their own, and
never take over a news story (trial 44: Electrek's "Green Deals: EcoFlow … drops to $499" joined
Fastned's green bond on the word "green", titled it, and --new sent it to Slack again as "figure
changed"; "The Charge, Dec 6: VW's ID recall, Tesla's rough November, Rivian R2 starts" was a
recall under three makers)."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss
from tests.helpers.site import write_config

NEW = ("--new", "--no-extract", "--format", "json")

BOND = [
    (
        "Fastned raises €200 million in green bond issue",
        "Fastned has raised €200 million through a five-year green bond with a 5.25% coupon to "
        "finance new stations in Germany, France and the UK.",
    ),
    (
        "Fastned raises 200 million euros with green bond",
        "The Dutch charging operator Fastned has placed a 200 million euro green bond to fund "
        "its expansion.",
    ),
]
DEALS = (
    "Green Deals: EcoFlow Delta 3 Plus power station drops to $499",
    "Today's best green deals include the EcoFlow Delta 3 Plus, Anker solar generators and "
    "Greenworks mowers.",
)
OTHERS = [
    ("Ford ends F-150 Lightning production, will build EREV version instead", "Ford's plant."),
    ("Polestar Q3 2026: revenue down 8% as losses narrow to $290 million", "Polestar's loss."),
]


def _serve(httpserver: HTTPServer, path: str, entries: list[tuple[str, str]]) -> str:
    items = [
        item(title, n, hours_ago=5 - n, link=f"http://example.com{path}/{n}", description=text)
        for n, (title, text) in enumerate(entries)
    ]
    httpserver.expect_request(path).respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return str(httpserver.url_for(path))


def _feeds(home: Path, httpserver: HTTPServer, electrek: list[tuple[str, str]]) -> None:
    press = _serve(httpserver, "/press", BOND[:1])
    electrive = _serve(httpserver, "/electrive", BOND[1:])
    news = _serve(httpserver, "/electrek", electrek)
    write_config(
        home,
        "".join(
            f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n\n'
            for name, url in (("Fastned", press), ("electrive", electrive), ("Electrek", news))
        ),
    )


def test_a_deals_post_never_takes_over_a_news_story(cli, home: Path, httpserver: HTTPServer):
    _feeds(home, httpserver, OTHERS)
    first = cli("digest", *NEW).json()["stories"]
    (bond,) = [story for story in first if "Fastned" in story["title"]]
    assert bond["cluster_size"] == 2
    httpserver.clear_all_handlers()  # a day on: Electrek's deals post
    _feeds(home, httpserver, [*OTHERS, DEALS])
    again = cli("digest", *NEW).json()["stories"]
    assert bond["id"] not in {story["id"] for story in again}  # not sent again
    digest = cli("digest", "--offline", "--all-topics", "--format", "json").json()
    (now,) = [story for story in digest["stories"] if story["id"] == bond["id"]]
    assert (now["title"], now["event"], now["cluster_size"]) == (
        bond["title"],
        bond["event"],
        2,
    )


NEWSLETTER = [
    (
        "The Charge, Dec 6: VW's ID recall, Tesla's rough November, Rivian R2 starts",
        "Volkswagen recalls 48,000 ID.3 and ID.4; Tesla's European registrations fell 36%; "
        "Rivian's R2 enters production.",
    ),
]
RECALL = [
    (
        "Volkswagen recalls 48,000 ID.3 and ID.4 over high-voltage battery modules",
        "Volkswagen is recalling around 48,000 ID.3 and ID.4 models built in 2023 because "
        "battery modules from one supplier batch could overheat.",
    ),
]


def test_a_newsletters_roundup_is_no_one_event(cli, home: Path, httpserver: HTTPServer) -> None:
    """A newsletter's issue of a day, listing three stories: no recall, and no source of the
    recall's story (README: briefings that list several stories join nothing)."""
    letter = _serve(httpserver, "/letter", NEWSLETTER)
    news = _serve(httpserver, "/news", [*RECALL, *OTHERS])
    write_config(
        home,
        f'[[feeds]]\nurl = "{letter}"\nname = "The Charge"\n\n'
        f'[[feeds]]\nurl = "{news}"\nname = "electrive"\n\n',
    )
    # (shown with --all-topics: a story only newsletters' issues tell is no car story of its own)
    digest = cli("digest", "--no-extract", "--all-topics", "--format", "json").json()
    by_title = {story["title"]: story for story in digest["stories"]}
    roundup = by_title[NEWSLETTER[0][0]]
    assert (roundup["event"], roundup["cluster_size"]) == ("other", 1)
    assert by_title[RECALL[0][0]]["cluster_size"] == 1
    recalls = cli("digest", "--offline", "--event", "recall", "--format", "json").json()
    assert [story["title"] for story in recalls["stories"]] == [RECALL[0][0]]
