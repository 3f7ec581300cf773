"""The teaser and listicle shapes a story's title is chosen against (knowledge/title_shapes.toml),
measured on the labelled sets' real headlines: a preference among a story's sources, so a shape
must be rare among real headlines and miss the plain reports (trial 43)."""

from __future__ import annotations

from pathlib import Path

from autonews.title_shapes import from_wire_or_trade, reads_as_teaser

DATA = Path(__file__).parent / "data"


def _real_english_headlines() -> list[str]:
    titles = []
    for path in sorted(DATA.glob("real-headlines-en*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                titles.append(line.split("\t", 1)[0])
    return titles


def test_the_teaser_shapes_are_rare_among_real_headlines() -> None:
    titles = _real_english_headlines()
    assert len(titles) > 3000
    teasers = [title for title in titles if reads_as_teaser(title)]
    # 6 in 100, most of them questions ("Is Ford Stock the New Tesla?"); the rest mostly
    # "Here's why": none a plain report of what happened
    assert len(teasers) < 0.07 * len(titles)
    questions = [title for title in teasers if title.rstrip(" \"'”’").endswith(("?", "？"))]
    assert len(teasers) - len(questions) < 0.03 * len(titles)


def test_trial_43s_teasers_and_reports() -> None:
    teasers = [
        "Toyota recall: 1.02 million cars and SUVs affected by camera glitch. See the list.",
        "Hyundai, Kia EV recall: 208,000 Ioniq 5, Ioniq 6, EV6 models affected. See the list.",
        "Nissan Is In Deep Trouble. Here's What It Means For You",
        "Your Toyota Might Have a Backup Camera Problem",
        "3 auto stocks to buy before 2027",
        "Is the Model Y about to get cheaper?",
    ]
    reports = [
        "Toyota recalls over 1 million vehicles in US over rearview camera defect",
        "Toyota, Lexus Recall 1,024,407 Vehicles for Backup Camera Software Bug",
        "Nissan widens Re:Nissan cuts with Shonan closure, 9,000 more job losses",
        "Genesis Sales Top 1 Million Units Globally",
        "Kia EV3 sales top 4,000 in its first month on the market",
    ]
    assert [t for t in teasers if not reads_as_teaser(t)] == []
    assert [t for t in reports if reads_as_teaser(t)] == []


def test_wires_and_the_trade_press() -> None:
    assert all(map(from_wire_or_trade, ["Reuters", "AP News", "Automotive News Europe"]))
    assert all(map(from_wire_or_trade, ["Nikkei Asia - Automobiles", "Reuters.com"]))
    assert not any(map(from_wire_or_trade, ["CBS News", "Car and Driver", "Apple Insider"]))
