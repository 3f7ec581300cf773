"""Trial 53 re-check, through the real CLI against a feed and its pages served on 127.0.0.1:
a site's pages each end in one formula ("Nikkei Asia could not immediately reach officials for
further comment on …", the page's headline after it). The sentences differ, so they were not
read as the site's text, and Toyota's EV plan joined BYD's price cut on "shared subject: asia,
Nikkei, china": the outlet's name and the formula's words are no evidence of one event."""

from __future__ import annotations

import html
from pathlib import Path

from tests.helpers.feeds import rfc822
from tests.helpers.site import FAST_FETCH, Site, feeds_toml, write_config
from tests.test_cli_asean_markets_of_trial53 import BYD_PRICES, THAI_WEEK
from tests.test_cli_page_furniture import _page

OUTLET = "Nikkei Asia"
ITEMS = [
    (
        "Toyota to launch bZ3X-based EV in Thailand to counter BYD",
        "Toyota Motor Thailand will import a China-developed electric SUV from 2027.",
    ),
    (
        "BYD's new Thai price cuts pile pressure on Japanese rivals",
        "The Chinese EV maker's cuts of up to 24% come as dealers offer record discounts.",
    ),
    ("Yen slides past 155 as trade data disappoints", "Japan's exports fell for a second month."),
    ("Sony to spin off semiconductor unit in 2026", "The chip business will be listed in Tokyo."),
    ("Grab posts first full-year profit", "The ride-hailing company raised its guidance."),
]


# Other outlets name the site (a search's credit, a wire citing it): its name is no one feed's.
CITING = [
    (
        "Thailand extends EV 3.5 local production deadline as price war bites",
        "Carmakers get another year to meet output pledges, Nikkei Asia reported.",
    ),
    (
        "Asia's carmakers brace for slower 2027",
        "Analysts at Nikkei Asia's forum expect flat sales across Southeast Asia.",
    ),
]


def _serve(site: Site) -> tuple[str, str]:
    entries = []
    for n, (title, summary) in enumerate(ITEMS):
        formula = (
            f"{OUTLET} could not immediately reach officials for further comment on "
            f"{title[:60].lower()}."
        )
        page = _page("en", title, OUTLET, [f"{summary} {formula}"], [])
        site.routes[f"/asia/{n}"] = (200, "text/html; charset=utf-8", page)
        link = site.url(f"/asia/{n}")
        entries.append(
            f"<item><title>{html.escape(title)}</title><link>{link}</link><guid>{link}</guid>"
            f"<description>{html.escape(summary)}</description>"
            f"<pubDate>{rfc822(3 + n)}</pubDate></item>"
        )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{OUTLET} - Business</title><link>{site.url('/')}</link>"
        + "".join(entries)
        + "</channel></rss>"
    )
    site.routes["/asia.xml"] = (200, "application/rss+xml", feed)
    return "Nikkei Asia Business", site.url("/asia.xml")


def _other_outlets(site: Site) -> list[tuple[str, str]]:
    """The week's other news, each from an outlet of its own with no page to read: against
    them the site's name is a rare word."""
    feeds = []
    for n, (title, summary) in enumerate([*THAI_WEEK, *BYD_PRICES[:2], *CITING]):
        item = (
            f"<item><title>{html.escape(title)}</title><link>{site.url(f'/none/{n}')}</link>"
            f"<description>{html.escape(summary)}</description>"
            f"<pubDate>{rfc822(2 + n)}</pubDate></item>"
        )
        site.routes[f"/other{n}.xml"] = (
            200,
            "application/rss+xml",
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {n}</title>'
            f"{item}</channel></rss>",
        )
        feeds.append((f"Outlet {n}", site.url(f"/other{n}.xml")))
    return feeds


def test_a_sites_formula_and_its_name_join_no_two_stories(cli, home: Path, site: Site) -> None:
    write_config(home, feeds_toml([_serve(site), *_other_outlets(site)]) + FAST_FETCH)
    digest = cli("digest", "--format", "json", "--all-topics")
    assert digest.code == 0, digest.err
    sizes = {story["title"]: story["cluster_size"] for story in digest.json()["stories"]}
    assert sizes[ITEMS[0][0]] == 1 and sizes[ITEMS[1][0]] == 1, sizes
