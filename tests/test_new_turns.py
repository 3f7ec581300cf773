"""What makes a delivered story news again beyond its figure (trials 37 and 39): a source telling
a new turn of it (a recall expanded, the launch after its date; a recall's fix changed is a story
of its own), a regulator's notice from a
feed none of its notices came from, and a regulator's count corrected by its own feed; each once,
with the story titled by the turn and the title it went out with named."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site, write_config
from tests.test_new_over_time import NEW, entry, publish, titles

TEXT = ("--no-extract", "--new", "--format", "text")


def flat(result) -> str:
    """A text digest's words on one line: what it says, however its lines are wrapped."""
    assert result.code == 0, result.err
    return " ".join(result.out.split())


US_LISTING = (
    "26V-131: Tesla, Inc. — 2023-2025 Tesla Model Y — Loss of Power Steering Assist "
    "(239,382 vehicles)"
)
US_REPORT = "Tesla recalls 239,000 Model Y crossovers over power steering loss"
REMEDY = "Tesla switches Model Y steering recall fix to hardware replacement"


def _model_y_recall(clock: Clock, site: Site) -> tuple[str, ...]:
    listing = entry(
        clock,
        US_LISTING,
        1,
        3,
        description="Tesla is recalling certain 2023-2025 Model Y vehicles. The power steering "
        "control board may be overstressed. Tesla will release an over-the-air software update.",
    )
    report = entry(
        clock,
        US_REPORT,
        2,
        2,
        description="Tesla is recalling 239,382 Model Y crossovers in the U.S. because the power "
        "steering control board can overstress. Tesla will fix it with an over-the-air update.",
    )
    return (
        "--feed",
        publish(site, "/nhtsa.xml", [listing], title="NHTSA Recalls"),
        "--feed",
        publish(site, "/an.xml", [report], title="Auto Desk"),
        "--feed",
        publish(site, "/tc.xml", [], title="Transport Canada Recalls"),
    )


def test_a_recalls_changed_fix_is_news_once_as_a_story_of_its_own(
    cli, home: Path, site: Site, clock: Clock, validate_digest
) -> None:
    """Trial 37 #1: "Tesla switches Model Y steering recall fix to hardware replacement" joined
    the delivered recall; its figure unchanged, --new never told it, and the story kept its
    over-the-air title: an engineer forwarding it gets the wrong fix. A recall's remedy changed
    is a story apart from the recall (clustering's turn rules, as the trial's answer key has
    it): --new tells it once, under its own title, and leaves the recall's story as it went."""
    feeds = _model_y_recall(clock, site)
    (story,) = cli("digest", *feeds, *NEW).json()["stories"]
    assert story["title"] == US_REPORT
    clock.advance(hours=20)
    remedy = entry(
        clock,
        REMEDY,
        4,
        1,
        description="Tesla amended its recall of 239,382 Model Y crossovers: service centers will "
        "now replace the steering control board.",
    )
    report = entry(clock, US_REPORT, 2, 22)
    publish(site, "/an.xml", [remedy, report], title="Auto Desk")
    document = cli("digest", *feeds, *NEW).json()
    validate_digest(document)
    (new,) = document["stories"]
    assert new["id"] != story["id"]
    assert new["title"] == REMEDY
    clock.advance(hours=1)
    assert titles(cli("digest", *feeds, *NEW)) == []  # once
    # The same fix told again in other words joins the remedy's story: no news.
    copy = entry(clock, "Tesla changes Model Y recall remedy to steering board replacement", 5, 0.5)
    publish(site, "/an.xml", [copy, remedy, report], title="Auto Desk")
    assert titles(cli("digest", *feeds, *NEW)) == []
    plain = cli("digest", *feeds, "--offline", "--no-extract", "--format", "json").json()
    assert sorted(s["title"] for s in plain["stories"]) == sorted([REMEDY, US_REPORT])


def test_the_text_tells_a_changed_fix_as_a_story_of_its_own(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 39 #4's reader must see which story a turn is news in; a recall's changed fix is
    one of its own, shown as new, not under the recall's title sent before."""
    feeds = _model_y_recall(clock, site)
    cli("digest", *feeds, *NEW)
    clock.advance(hours=20)
    publish(site, "/an.xml", [entry(clock, REMEDY, 4, 1)], title="Auto Desk")
    text = flat(cli("digest", *feeds, *TEXT))
    assert f"* [recall] {REMEDY}" in text
    assert "sent before as" not in text


def test_a_new_regulators_notice_is_news_again_and_named(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 37 #8: Transport Canada's notice joined the US Model Y recall silently; "Canada
    now recalls too" is news to a recall analyst. Told once; a digest of another name that had
    the recall too tells it in JSON."""
    write_config(home, '[[digests]]\nname = "desk"\n')
    feeds = _model_y_recall(clock, site)
    (story,) = cli("digest", *feeds, *NEW).json()["stories"]
    assert cli("digest", *feeds, *NEW, "--name", "desk").json()["stories"] == [story]
    clock.advance(hours=20)
    canada = "2026-096 — Tesla Model Y (2023–2025) — Steering: Power steering assist could be lost"
    notice = entry(
        clock,
        canada,
        3,
        1,
        description="Recall number: 2026-096. Units affected: 21,930. On certain vehicles, the "
        "power steering control board could be overstressed. Tesla will update the software.",
    )
    publish(site, "/tc.xml", [notice], title="Transport Canada Recalls")
    text = flat(cli("digest", *feeds, *TEXT))
    assert f"* [recall] {US_REPORT}" in text
    assert f"new: {canada} (Transport Canada Recalls)" in text
    assert "new notice since your last digest" in text
    (again,) = cli("digest", *feeds, *NEW, "--name", "desk").json()["stories"]
    assert (again["id"], again["changed"]) == (story["id"], ["notice"])
    assert again["retold"]["source"]["feed"] == "Transport Canada Recalls"
    clock.advance(hours=1)
    assert titles(cli("digest", *feeds, *NEW)) == []  # told once


def test_the_launch_after_its_announced_date_is_news_again(
    cli, home: Path, site: Site, clock: Clock, validate_digest
) -> None:
    """Trial 39 #3: the XPeng X9 EREV's launch, with its price, joined the delivered "to launch
    on Dec 2" story; --new never told the launch or its price."""
    teaser = entry(clock, "XPeng X9 EREV to launch on Dec 2", 1, 3)
    feeds = (
        "--feed",
        publish(site, "/ecp.xml", [teaser], title="EV Post"),
        "--feed",
        publish(site, "/zh.xml", [], title="电车汇"),
    )
    (story,) = cli("digest", *feeds, *NEW).json()["stories"]
    clock.advance(hours=3)
    # Another outlet telling the date is no turn.
    publish(site, "/zh.xml", [entry(clock, "小鹏X9超级增程将于12月2日上市", 2, 1)], title="电车汇")
    assert titles(cli("digest", *feeds, *NEW)) == []
    clock.advance(hours=20)
    launch = "XPeng launches X9 EREV, priced from RMB 359,800"
    publish(site, "/ecp.xml", [entry(clock, launch, 3, 1), teaser], title="EV Post")
    document = cli("digest", *feeds, *NEW).json()
    validate_digest(document)
    (again,) = document["stories"]
    # The launch is news, whether told as a turn of the delivered story or, as the clustering
    # keeps a launch date announced apart from the launch with its price, as its own story.
    assert again["title"] == launch
    assert again["id"] != story["id"] or "turn" in again["changed"]
    assert [f["text"] for f in again["figures"]][:1] == ["RMB 359,800"]


def test_a_regulators_count_corrected_by_its_feed_is_news_again(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """Trial 37 #7: SAMR retitled its notice from 87,420 to 87,240 vehicles (same GUID); an
    outlet's 8.7万 agreed with both, and --new passed the correction silently. A count corrected
    is no count told more roundly."""
    notice = entry(clock, "特斯拉（上海）有限公司召回部分国产Model Y电动汽车 共计87,420辆", 1, 3)
    outlet = entry(clock, "特斯拉召回8.7万辆国产Model Y 转向助力或丧失", 2, 2)
    feeds = (
        "--feed",
        publish(site, "/samr.xml", [notice], title="SAMR"),
        "--feed",
        publish(site, "/gasgoo.xml", [outlet], title="Gasgoo"),
    )
    (story,) = cli("digest", *feeds, *NEW).json()["stories"]
    clock.advance(hours=20)
    corrected = "特斯拉（上海）有限公司召回部分国产Model Y电动汽车 共计87,240辆"
    publish(site, "/samr.xml", [{**notice, "title": corrected}], title="SAMR")
    text = flat(cli("digest", *feeds, *TEXT))
    assert corrected in text and "figure changed: 87,420辆 → 87,240辆" in text
    clock.advance(hours=1)
    assert titles(cli("digest", *feeds, *NEW)) == []
    assert cli("story", story["id"], "--format", "json").json()["id"] == story["id"]


def test_a_figure_told_roundly_agrees_but_a_precise_one_corrected_does_not() -> None:
    from autonews.delivery_state import figure_agrees

    assert not figure_agrees("units:87240", ("units:87420", "units:87000"))
    assert figure_agrees("units:87420", ("units:87000",))  # the exact count of 8.7万
    assert figure_agrees("units:87000", ("units:87420",))
    assert figure_agrees("units:14770", ("units:15000", "units:14768"))  # rounder still


def test_turns_read_from_titles_in_both_languages() -> None:
    from autonews.story_turns import is_notice, later_turns, news_turns, turns_of

    assert turns_of("特斯拉美国调整Model Y转向召回方案 改为更换转向控制板") == {"remedy"}
    assert turns_of("Tesla will fix the issue with an over-the-air update") == set()
    assert turns_of("小鹏X9将于12月2日上市") == {"coming"}
    assert turns_of("XPeng X9 extended-range version spotted") == set()
    assert news_turns("小鹏X9正式上市", ["coming"]) == {"launched"}
    assert news_turns("小鹏X9正式上市", []) == set()  # a launch's story: no turn
    assert later_turns(["XPeng X9 to launch on Dec 2", "XPeng launches X9"]) == {
        "XPeng launches X9"
    }
    assert is_notice("Passenger car — Tesla Model Y — Injuries (A12/00438/26)")
    assert not is_notice(US_REPORT)
