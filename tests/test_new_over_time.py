"""--new over days of use (a clock the test moves): nothing lost after a gap or a feed down,
no story sent again for another title (a language, a rounded figure, a typo fixed), corrected
titles applied, what was delivered said in JSON, pruned stories told apart. Trial 26's
findings, each as a reader would meet it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Clock
from tests.helpers.feeds import rfc822, rss
from tests.helpers.site import ARTICLE, FAST_FETCH, Site, write_config

NEW = ("--no-extract", "--new", "--format", "json")


def entry(clock: Clock, title: str, n: int, hours_ago: float | None, **extra: str) -> dict:
    """A feed entry published ``hours_ago`` before the clock's now (None: undated)."""
    fields = {"title": title, "link": f"http://example.com/a/{n}", "guid": f"id-{n}", **extra}
    if hours_ago is not None:
        fields["date"] = rfc822(hours_ago, clock.now)
    return fields


def publish(
    site: Site, path: str, entries: list[dict], status: int = 200, title: str = "Test Wire"
) -> str:
    site.routes[path] = (status, "application/rss+xml", rss(entries, title))
    return site.url(path)


def titles(result) -> list[str]:
    assert result.code == 0, result.err
    return sorted(story["title"] for story in json.loads(result.out)["stories"])


def test_a_story_first_seen_after_a_gap_is_delivered_and_the_footer_says_so(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """The machine is off for three days: what the feed brought meanwhile, published more than
    the window before the next run, is still news; the footer says why an old story is there."""
    hyundai = entry(clock, "Hyundai Recalls 8,200 Ioniq 6 Over Charging Unit", 1, 5)
    url = publish(site, "/g.xml", [hyundai])
    assert titles(cli("digest", "--feed", url, *NEW)) == [hyundai["title"]]
    kia = entry(clock, "Kia Names New Chief Executive for Europe", 2, -2)  # 2 h after that run
    url = publish(site, "/g.xml", [kia, hyundai])
    clock.advance(hours=72)
    text = cli("digest", "--feed", url, "--no-extract", "--new", "--format", "text")
    assert kia["title"] in text.out and hyundai["title"] not in text.out
    assert "1 older story included, first seen since the last --new digest 3 days ago" in text.out
    clock.advance(hours=1)
    assert titles(cli("digest", "--feed", url, *NEW)) == []  # delivered once
    # Without --new the window is the window.
    plain = cli("digest", "--feed", url, "--no-extract", "--format", "json").json()
    assert plain["stories"] == [] and plain["caught_up"] == 0


def test_a_feed_down_for_days_loses_nothing_and_a_resent_archive_is_no_news(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Daily runs; one feed fails for four days, then brings a story published while it was
    down, and its archive again under new GUIDs and links: the story is delivered, the
    archive is not."""
    write_config(home, FAST_FETCH)
    steady = publish(site, "/steady.xml", [entry(clock, "Mazda Launches CX-6e", 1, 2)])
    down = publish(site, "/down.xml", [entry(clock, "Xpeng Opens Plant in Hungary", 2, 30 * 24)])
    feeds = ("--feed", steady, "--feed", down)
    assert titles(cli("digest", *feeds, *NEW)) == ["Mazda Launches CX-6e"]
    site.routes["/down.xml"] = (503, "text/plain", "down")
    xpeng = entry(clock, "Xpeng and Volkswagen Extend Partnership to Chassis Software", 3, -6)
    for _ in range(4):
        clock.advance(hours=24)
        assert cli("digest", *feeds, *NEW).code == 3  # the feed failed; nothing new
    archive = entry(
        clock, "Xpeng Opens Plant in Hungary", 4, 30 * 24, link="http://mirror.example/x"
    )
    publish(site, "/down.xml", [xpeng, archive])
    clock.advance(hours=24)
    assert titles(cli("digest", *feeds, *NEW)) == [xpeng["title"]]  # 4 days 18 h old


def test_a_new_feeds_old_items_stay_out_after_a_gap(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    first = publish(site, "/first.xml", [entry(clock, "Ford Recalls 3,100 Mustang Mach-Es", 1, 1)])
    assert len(titles(cli("digest", "--feed", first, *NEW))) == 1
    clock.advance(hours=96)
    added = publish(
        site,
        "/added.xml",
        [
            entry(clock, "Honda Names New Head of Europe", 2, 3),
            entry(clock, "Nissan Cuts Prices of Leaf in Japan", 3, 60),  # after the last run
        ],
    )
    result = cli("digest", "--feed", first, "--feed", added, *NEW)
    assert titles(result) == ["Honda Names New Head of Europe"]  # the rest is the baseline


def test_an_undated_item_of_a_new_feed_is_news_as_every_digest_shows_it(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    ferrari = entry(clock, "Ferrari Unveils 849 Testarossa Hybrid Supercar", 1, None)
    old = entry(clock, "Toyota Posts Record Profit", 2, 5 * 24)
    url = publish(site, "/u.xml", [ferrari, old])
    assert titles(cli("digest", "--feed", url, *NEW)) == [ferrari["title"]]
    plain = cli("digest", "--feed", url, "--no-extract", "--format", "json")
    assert titles(plain) == [ferrari["title"]]  # the same story, as fresh: the two agree


def test_a_corrected_title_replaces_the_first_and_comes_back_only_with_a_new_figure(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    link = site.url("/tesla")
    site.routes["/tesla"] = (200, "text/html", ARTICLE.format(title="Tesla Deliveries Rise 8%"))
    first = entry(clock, "Tesla Q4 Deliveries Rise 8% to 495,000 Vehicles", 1, 2, link=link)
    url = publish(site, "/t.xml", [first])
    (story,) = cli("digest", "--feed", url, "--new", "--format", "json").json()["stories"]
    assert "Rise 8%" in cli("read", story["id"]).out  # the page as first read
    corrected = "Tesla Q4 Deliveries Rise 9% to 498,000 Vehicles After Late Surge"
    publish(site, "/t.xml", [{**first, "title": corrected}])
    site.routes["/tesla"] = (200, "text/html", ARTICLE.format(title="Tesla Deliveries Rise 9%"))
    clock.advance(hours=1)
    # Same item, same story id, the new title; a new headline figure: delivered again.
    assert titles(cli("digest", "--feed", url, *NEW)) == [corrected]
    assert corrected in cli("story", story["id"]).out
    assert "Rise 9%" in cli("read", story["id"]).out  # the page is read again
    # A correction that keeps the figure is shown, not sent again.
    typo = "Tesla Q4 Deliveries Rise 9% to 498,000 Vehicles After a Late Surge"
    publish(site, "/t.xml", [{**first, "title": typo}])
    clock.advance(hours=1)
    assert titles(cli("digest", "--feed", url, *NEW)) == []
    plain = cli("digest", "--feed", url, "--no-extract", "--format", "json").json()
    assert [(s["id"], s["title"]) for s in plain["stories"]] == [(story["id"], typo)]
    # And no figure changes anything for a reader who asked not to be told again.
    write_config(home, "[digest]\nrenotify_on_figure_change = false\n")
    publish(site, "/t.xml", [{**first, "title": "Tesla Q4 Deliveries Rise 10% to 501,000"}])
    clock.advance(hours=1)
    assert titles(cli("digest", "--feed", url, *NEW)) == []


def test_changing_the_language_sends_nothing_again(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    en = publish(
        site,
        "/en.xml",
        [entry(clock, "Li Auto Recalls 11,024 L9 SUVs Over Steering Tie Rod", 1, 5)],
    )
    zh = publish(site, "/zh.xml", [entry(clock, "理想汽车召回1.1万辆L9 转向拉杆存在隐患", 2, 4)])
    feeds = ("--feed", en, "--feed", zh)
    english = cli("digest", *feeds, *NEW, "--language", "en").json()
    assert [s["title"] for s in english["stories"]] == [
        "Li Auto Recalls 11,024 L9 SUVs Over Steering Tie Rod"
    ]
    clock.advance(hours=1)
    assert titles(cli("digest", *feeds, *NEW, "--language", "zh")) == []
    chinese = cli("digest", *feeds, "--no-extract", "--format", "json", "--language", "zh")
    (story,) = chinese.json()["stories"]
    assert story["title"].startswith("理想汽车") and story["delivered_before"]


def test_a_rounded_figure_from_a_later_outlet_is_no_news(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    exact = publish(
        site,
        "/a.xml",
        [
            entry(
                clock, "Volvo Recalls 14,768 XC70 Plug-in Hybrids in China Over Halfshaft Nut", 1, 5
            )
        ],
    )
    assert len(titles(cli("digest", "--feed", exact, *NEW))) == 1
    rounded = publish(
        site,
        "/c.xml",
        [
            entry(
                clock,
                "Volvo XC70 PHEV Recall: Nearly 15,000 Cars in China Need Halfshaft Check",
                2,
                1,
            )
        ],
    )
    clock.advance(hours=16)
    feeds = ("--feed", exact, "--feed", rounded)
    assert titles(cli("digest", *feeds, *NEW)) == []
    text = cli("digest", *feeds, "--no-extract", "--format", "text").out
    assert "2 sources from 1 outlet · 1 new since your last digest" in text  # one feed title


def test_json_tells_a_delivered_story_and_its_new_sources(
    cli, home: Path, site: Site, clock: Clock, validate_digest
) -> None:
    """A script reading --format json can tell a story delivered before from a new one, and
    which of its sources joined since."""
    a = publish(
        site, "/a.xml", [entry(clock, "Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, 3)]
    )
    first = cli("digest", "--feed", a, *NEW).json()
    validate_digest(first)
    (story,) = first["stories"]
    assert (story["delivered_before"], story["new_sources"]) == (False, 0)
    assert [s["new"] for s in story["sources"]] == [False]
    b = publish(
        site,
        "/b.xml",
        [entry(clock, "Halfshaft problem prompts recall of 14,768 Volvo XC70 vehicles", 9, 1)],
        title="Fleet Notes",
    )
    clock.advance(hours=1)
    document = cli("digest", "--feed", a, "--feed", b, "--no-extract", "--format", "json").json()
    validate_digest(document)
    (story,) = document["stories"]
    assert (story["delivered_before"], story["new_sources"]) == (True, 1)
    # Feeds given as --feed URL are named by their own titles
    assert {s["feed"]: s["new"] for s in story["sources"]} == {
        "Test Wire": False,
        "Fleet Notes": True,
    }
    lines = cli("digest", "--feed", a, "--feed", b, "--no-extract", "--format", "jsonl").out
    assert json.loads(lines.splitlines()[0])["new_sources"] == 1


def test_a_pruned_story_is_told_from_one_that_never_was_and_what_a_feed_lists_stays(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """[store] keep_days prunes what the feed no longer lists; what it still lists keeps its
    id (an undated item its date), and is not news again when the feed changes."""
    write_config(home, "[store]\nkeep_days = 2\n")
    undated = entry(clock, "Ferrari Unveils 849 Testarossa Hybrid Supercar", 1, None)
    kept = entry(clock, "Vienna Taxi Operator Orders 805 BMW i4 EVs", 2, 20)
    dropped = entry(clock, "Mazda Recalls 9,100 CX-60s Over Brake Pedal", 3, 21)
    url = publish(site, "/p.xml", [undated, kept, dropped])
    every = ("--feed", url, "--no-extract", "--since", "all", "--format", "json")
    assert cli(*("digest", *every, "--new")).code == 0
    before = {s["title"]: s for s in cli("digest", *every).json()["stories"]}
    assert len(before) == 3
    clock.advance(days=3)
    publish(site, "/p.xml", [undated, kept])  # Mazda is no longer listed: pruned
    assert titles(cli("digest", *every, "--new")) == []
    publish(site, "/p.xml", [kept, undated])  # the feed changes: read again
    clock.advance(hours=1)
    assert titles(cli("digest", *every, "--new")) == []  # nothing is news again
    stored = {s["title"]: s for s in cli("digest", *every).json()["stories"]}
    assert sorted(stored) == sorted([undated["title"], kept["title"]])
    for title, story in stored.items():
        assert (story["id"], story["published"]) == (
            before[title]["id"],
            before[title]["published"],
        )
    gone = cli("story", before[dropped["title"]]["id"])
    assert gone.code == 2 and "was pruned from this store" in gone.err
    assert "keep_days" in gone.err
    never = cli("story", "0123456789ab")
    assert never.code == 2 and "is not a story id of this store" in never.err


def test_a_headline_figure_agrees_with_one_told_more_or_less_roundly() -> None:
    from autonews.delivery_state import figure_agrees

    assert figure_agrees("units:15000", ("units:14768",))  # "nearly 15,000"
    assert figure_agrees("units:11000", ("units:11024",))  # 1.1万
    assert figure_agrees("money:189800", ("units:8", "money:189800"))
    assert figure_agrees("", ("units:14768",))  # no figure: nothing changed
    assert not figure_agrees("units:498000", ("units:495000",))  # a correction
    assert not figure_agrees("units:21400", ("units:12400",))
    assert not figure_agrees("money:15000", ("units:15000",))  # another kind of figure
    assert not figure_agrees("units:14768", ())


def test_a_rumour_delivered_comes_back_once_confirmed_and_says_so(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 29: "Honda and Nissan Confirm Merger Talks" joined the rumour a --new digest had
    delivered ("Reportedly in Talks"), and no --new digest ever told the desk it was confirmed."""
    rumour = entry(clock, "Honda and Nissan Reportedly in Talks to Merge, Sources Say", 1, 3)
    url = publish(site, "/m.xml", [rumour])
    first = cli("digest", "--feed", url, *NEW).json()
    (story,) = first["stories"]
    assert story["speculative"] and story["changed"] == []
    clock.advance(hours=2)
    confirmed = entry(clock, "Honda and Nissan Confirm Merger Talks, Aim for Holding Company", 2, 1)
    url = publish(site, "/m.xml", [confirmed, rumour])
    again = cli("digest", "--feed", url, *NEW).json()
    (story,) = [s for s in again["stories"] if s["id"] == story["id"]]
    assert story["title"] == confirmed["title"] and not story["speculative"]
    assert story["delivered_before"] and story["changed"] == ["confirmed"]
    clock.advance(hours=1)
    text = cli("digest", "--feed", url, "--no-extract", "--format", "text").out
    assert "confirmed since your last digest" not in text  # only a --new digest tells it
    assert titles(cli("digest", "--feed", url, *NEW)) == []  # and only once


def test_a_delivered_story_told_as_another_event_by_new_sources_comes_back(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 32 #3: CATL's results joined the delivered story of its Zaragoza plant (a wrong
    merge), which took the results' title, and no --new digest ever told them. However a story
    comes to hold another event, the sources that brought it make it news again."""
    plant = entry(clock, "CATL and Stellantis break ground on Zaragoza battery plant", 1, 3)
    first_url = publish(site, "/a.xml", [plant], title="Battery Insider")
    first = cli("digest", "--feed", first_url, *NEW).json()
    (story,) = first["stories"]
    assert story["event"] != "financials"
    clock.advance(hours=2)
    # Two outlets tell the results, and link the plant's article (so they join its story).
    link = plant["link"]
    results = [
        entry(clock, "CATL Q3 net profit rises 41% on overseas battery demand", 2, 1, link=link),
        entry(clock, "CATL third-quarter profit jumps 41%", 3, 1, link=link),
    ]
    second_url = publish(site, "/b.xml", results, title="MarketWire")
    feeds = ("--feed", first_url, "--feed", second_url)
    again = cli("digest", *feeds, *NEW).json()
    (story,) = [s for s in again["stories"] if s["id"] == story["id"]]
    assert story["event"] == "financials" and story["cluster_size"] == 3
    assert story["delivered_before"] and story["changed"] == ["event"]
    clock.advance(hours=1)
    assert titles(cli("digest", *feeds, *NEW)) == []  # once
    text = cli("digest", *feeds, "--offline", "--format", "text").out
    assert "now told as financials since your last digest" not in text  # only --new tells it


def _wire(clock: Clock, first: int, count: int, hours_apart: float) -> list[dict]:
    """``count`` entries of a wire, the newest an hour old, ``hours_apart`` from each other."""
    makers = ["Ford", "Toyota", "Honda", "Kia", "Mazda", "Subaru", "Audi", "Volvo", "Jeep", "Opel"]
    return [
        entry(
            clock,
            f"{makers[n % 10]} Names New Head of Sales in Region {n}",
            first + n,
            1 + n * hours_apart,
        )
        for n in range(count)
    ]


def test_an_item_posted_late_and_dated_days_back_is_news_to_the_next_new_digest(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 35: two recalls appeared minutes after the feeds were read, dated 60 h and 50 h
    back (an embargo, back-dated wire copy). First seen since the last --new digest, they were
    never delivered: they are news, whatever their date, and the footer says why they are
    there."""
    listing = _wire(clock, 1, 6, 4)  # the feed lists the last day: the recalls are older
    url = publish(site, "/w.xml", listing)
    assert len(titles(cli("digest", "--feed", url, *NEW))) == 6
    clock.advance(minutes=10)
    gmc = entry(clock, "GMC Sierra HD Recalled Over Tailgate Latch, 88,000 Trucks", 20, 60)
    porsche = entry(clock, "Porsche Recalls 27,000 Taycans Over Battery Short Circuit Risk", 21, 50)
    publish(site, "/w.xml", [*listing, gmc, porsche])
    text = cli("digest", "--feed", url, "--no-extract", "--new", "--format", "text")
    assert gmc["title"] in text.out and porsche["title"] in text.out
    assert "2 older stories included, first seen since the last --new digest" in text.out
    clock.advance(minutes=10)
    assert titles(cli("digest", "--feed", url, *NEW)) == []  # delivered once
    # A reader whose digest ran before they appeared gets them too.
    write_config(home, '[[digests]]\nname = "safety"\nevents = ["recall"]\n')
    assert cli("digest", "--feed", url, "--name", "safety", *NEW).json()["stories"] == []
    clock.advance(minutes=10)
    late = entry(clock, "Kia Recalls 9,100 EV9s Over Seat Belt Buckle", 22, 70)
    publish(site, "/w.xml", [*listing, gmc, porsche, late])
    assert titles(cli("digest", "--feed", url, "--name", "safety", *NEW)) == [late["title"]]


def test_a_feed_showing_more_of_its_archive_or_re_dating_it_does_not_flood_new(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """What comes into view deeper than a feed listed before (it lists 30 items where it
    listed 5), its items re-dated (the same GUIDs, today's dates), or its archive again under
    new GUIDs, links and dates: none of it is news."""
    listing = _wire(clock, 1, 30, 4)  # 5 days of a busy wire; it lists the first 5 (16 h)
    url = publish(site, "/w.xml", listing[:5])
    assert len(titles(cli("digest", "--feed", url, *NEW))) == 5
    clock.advance(hours=40)
    publish(site, "/w.xml", listing)
    assert titles(cli("digest", "--feed", url, *NEW)) == []
    clock.advance(hours=1)
    redated = [{**item, "date": rfc822(0.5, clock.now)} for item in listing]
    publish(site, "/w.xml", redated)
    assert titles(cli("digest", "--feed", url, *NEW)) == []
    clock.advance(hours=1)
    resent = [
        {
            **item,
            "guid": f"v2-{n}",
            "link": f"http://mirror.example/{n}",
            "date": rfc822(60, clock.now),
        }
        for n, item in enumerate(listing)
    ]
    publish(site, "/w.xml", resent)
    assert titles(cli("digest", "--feed", url, *NEW)) == []
