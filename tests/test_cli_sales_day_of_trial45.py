"""Through the real CLI: what blind trial 45 (an Indian equity analyst on monthly sales day) saw
joined that are different events and filed under a maker that are no maker's news. A currency,
a scale or a price's formula ("Rs", "lakh", "crore", "ex-showroom") is no subject two launches
share; a ranking of makers' or models' sales ("Top 10 …"), a live blog listing a day's sales and
a policy naming makers as its examples join no maker's story and are filed under none."""

from __future__ import annotations

from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows
from tests.helpers.outlet_rows import story_of as _story_of
from tests.helpers.outlet_rows import titles as _titles

# The trial's items (outlet, hours before the last run, title, summary): two launches by each of
# Mahindra and Tata, Maruti's, Hyundai's and Hero's sales, the round-ups, two policies.
SALES_DAY: list[tuple[str, float, str, str]] = [
    (
        "AP",
        70,
        "Mahindra launches XEV 7e at ₹21.90 lakh; deliveries from January",
        "Mahindra & Mahindra on Saturday launched the XEV 7e, the seven-seater version of its XEV "
        "9e electric SUV, at an introductory ex-showroom price of ₹21.90 lakh. Bookings open on "
        "December 10 and deliveries start in January.",
    ),
    (
        "PT",
        69,
        "M&M launches XEV 7e electric SUV at Rs 21.90 lakh",
        "Mahindra & Mahindra Ltd on Saturday launched its seven-seater electric SUV XEV 7e with "
        "prices starting at Rs 21.90 lakh (ex-showroom).",
    ),
    (
        "MB",
        68,
        "Mahindra XEV 7e Launch Price Rs 21.90 L – 7 Seater Electric SUV With 656 km Range",
        "The XEV 7e is offered with 59 kWh and 79 kWh battery packs, claimed ARAI range of up to "
        "656 km, and three rows of seating. Here are the variant-wise prices.",
    ),
    (
        "AP",
        66,
        "Mahindra launches Bolero Neo facelift at ₹8.49 lakh",
        "Mahindra & Mahindra has launched the updated Bolero Neo with a new grille, a 9-inch "
        "touchscreen and a revised 1.5-litre mHawk100 diesel engine, priced from ₹8.49 lakh ex-"
        "showroom.",
    ),
    (
        "MB",
        64,
        "2027 Mahindra Bolero Neo Facelift Launched At Rs 8.49 Lakh – New Features Explained",
        "The updated Bolero Neo gets a new vertical-slat grille, a larger touchscreen, cruise "
        "control and a rear camera. Prices range from Rs 8.49 lakh to Rs 10.99 lakh.",
    ),
    (
        "BL",
        65,
        "Govt extends PLI scheme for autos by one year to FY28 as disbursals lag",
        "The heavy industries ministry has extended the ₹25,938 crore production-linked incentive "
        "scheme for automobiles and auto components by a year, giving carmakers more time to meet "
        "domestic value addition norms.",
    ),
    (
        "PT",
        64,
        "Auto PLI scheme extended by a year",
        "The government has extended the production-linked incentive (PLI) scheme for the "
        "automobile and auto component industry by one year till FY28, the heavy industries "
        "ministry said on Saturday.",
    ),
    (
        "AP",
        63,
        "Auto PLI scheme tenure extended to FY28; Tata Motors, M&M among key beneficiaries",
        "The extension gives approved applicants including Tata Motors, Mahindra & Mahindra, "
        "Hyundai and Ola Electric another year to claim incentives on advanced automotive "
        "technology products.",
    ),
    (
        "MS",
        46,
        "Maruti Suzuki Sales in November 2026",
        "In November 2026, Maruti Suzuki India Limited sold a total of 2,29,021 units. Domestic "
        "sales stood at 1,81,531 units, sales to other OEMs at 9,961 units and exports at 37,529 "
        "units.",
    ),
    (
        "AP",
        45.5,
        "Maruti Suzuki sales up 4% at 2,29,021 units in November",
        "Maruti Suzuki India's total sales rose 4% to 2,29,021 units in November from 2,20,156 "
        "units a year ago. Domestic passenger vehicle sales were 1,81,531 units while exports hit "
        "a record 37,529 units.",
    ),
    (
        "PT",
        45,
        "Maruti Suzuki Nov sales rise 4 pc to 2,29,021 units",
        "Maruti Suzuki India on Tuesday reported a 4 per cent increase in total sales at 2,29,021 "
        "units in November.",
    ),
    (
        "BL",
        44.5,
        "Maruti Suzuki's November dispatches rise 4%; exports hit record 37,529 units",
        "Maruti Suzuki's domestic dispatches were flat at 1,81,531 units but exports rose 31% to a"
        " record, helping total sales grow 4%. Mini car sales fell 18% to 9,820 units.",
    ),
    (
        "AP",
        44.7,
        "Hyundai Motor India November sales up 9% at 66,840 units",
        "Hyundai Motor India's total sales rose 9% to 66,840 units in November; domestic sales "
        "were 50,340 units and exports 16,500 units. The Creta remained the top seller.",
    ),
    (
        "PT",
        44.2,
        "Hyundai Motor India Nov sales up 9 pc at 66,840 units",
        "Hyundai Motor India Ltd on Tuesday reported a 9 per cent increase in total sales at "
        "66,840 units in November.",
    ),
    (
        "BL",
        42,
        "Hyundai Motor India's domestic sales rise 7% in November; exports jump 16%",
        "Hyundai Motor India's domestic dispatches rose 7% to 50,340 units while exports rose 16% "
        "to 16,500 units, taking total sales to 66,840 units.",
    ),
    (
        "AP",
        42.9,
        "Hero MotoCorp dispatches jump 31% to 6,04,490 units in November",
        "Hero MotoCorp dispatched 6,04,490 units in November, up 31% from a year earlier, as "
        "wedding season demand lifted motorcycle sales. Vida electric scooter dispatches were "
        "12,140 units.",
    ),
    (
        "PT",
        42.6,
        "Hero MotoCorp Nov dispatches up 31 pc at 6,04,490 units",
        "Hero MotoCorp on Tuesday reported a 31 per cent rise in dispatches at 6,04,490 units in "
        "November.",
    ),
    (
        "BL",
        45,
        "Auto sales November 2026 LIVE updates: Maruti, M&M, Tata post growth; Honda slips",
        "Follow live updates as carmakers and two-wheeler makers announce their November sales "
        "numbers through the day.",
    ),
    (
        "MB",
        36,
        "Top 10 Car Makers November 2026 – Maruti, Mahindra, Tata, Hyundai, Toyota, Kia",
        "Maruti Suzuki led with 1,81,531 units, followed by Mahindra (56,604), Tata (57,436 "
        "including EVs), Hyundai (50,340) and Toyota (31,612). Kia, Honda, MG, Skoda and Nissan "
        "complete the top 10.",
    ),
    (
        "BL",
        34,
        "Govt notifies EV import duty cut to 15% for makers committing $500 million investment",
        "The commerce ministry has notified the scheme allowing carmakers that invest at least "
        "$500 million in local manufacturing to import up to 8,000 EVs a year at a 15% customs "
        "duty, down from 70-110%.",
    ),
    (
        "PT",
        33,
        "Govt notifies guidelines for EV import duty cut",
        "The government on Tuesday notified guidelines for the scheme to promote manufacturing of "
        "electric passenger cars, under which import duty will be cut to 15 per cent.",
    ),
    (
        "AP",
        32,
        "SPMEPCI guidelines notified: VinFast, Hyundai, Kia among applicants for 15% EV import "
        "duty",
        "The heavy industries ministry said it has received applications from VinFast, Hyundai "
        "Motor India, Kia India and Mercedes-Benz under the scheme.",
    ),
    (
        "PT",
        31,
        "GST collections at Rs 1.89 lakh crore in Nov, up 7 pc",
        "Gross GST collections rose 7 per cent to Rs 1.89 lakh crore in November, data released on"
        " Tuesday showed.",
    ),
    (
        "MB",
        27,
        "Top 10 Two-Wheeler Brands November 2026 – Hero, Honda, TVS, Bajaj, Royal Enfield",
        "Hero MotoCorp led November dispatches with 6,04,490 units, followed by Honda Motorcycle &"
        " Scooter India, TVS Motor and Bajaj Auto.",
    ),
    (
        "MB",
        35,
        "Maruti Sales Nov 2026 – Dzire, Swift, Ertiga, Brezza, Fronx, Baleno, WagonR",
        "Maruti's domestic PV sales stood at 1,81,531 units in November. Here is the model-wise "
        "breakup: Dzire led with 19,820 units, followed by Swift and Ertiga.",
    ),
    (
        "TM",
        10,
        "Tata Motors launches the Sierra EV at ₹17.49 lakh",
        "Tata Motors Passenger Vehicles today launched the Sierra EV, built on the acti.ev+ "
        "architecture, at an introductory price of ₹17.49 lakh (ex-showroom). Bookings open today;"
        " deliveries begin January 15.",
    ),
    (
        "AP",
        9.5,
        "Tata Motors launches Sierra EV at ₹17.49 lakh, claims 500 km range",
        "The Sierra EV is offered with 55 kWh and 65 kWh battery packs and a claimed range of up "
        "to 500 km. It rivals the Mahindra XEV 9e, Hyundai Creta Electric and MG ZS EV.",
    ),
    (
        "PT",
        9,
        "Tata Motors launches Sierra EV at Rs 17.49 lakh",
        "Tata Motors on Wednesday launched the electric version of its Sierra SUV with prices "
        "starting at Rs 17.49 lakh (ex-showroom).",
    ),
    (
        "MB",
        8.5,
        "Tata Sierra EV Launched At Rs 17.49 Lakh – Variants, Range, Features",
        "The Sierra EV comes in five variants with a 65 kWh top-spec pack. Here's everything you "
        "need to know.",
    ),
    (
        "AP",
        5,
        "Tata Motors introduces Punch CNG with twin-cylinder tech at ₹7.29 lakh",
        "Tata Motors has launched an updated Punch iCNG with twin-cylinder technology and a new "
        "AMT option, priced from ₹7.29 lakh.",
    ),
    (
        "MB",
        2,
        "Top 10 Cars Sold In November 2026 – Dzire, Creta, Nexon, Swift, Punch, Ertiga",
        "The Maruti Dzire was India's best-selling car in November with 19,820 units, followed by "
        "the Hyundai Creta (17,340) and Tata Nexon (17,010).",
    ),
    (
        "MB",
        1,
        "BYD Sealion 7 Gets Rs 2 Lakh Year-End Discount In India",
        "BYD dealers are offering benefits of up to Rs 2 lakh on the Sealion 7 electric SUV until "
        "December 31.",
    ),
]


def _digest(cli, httpserver: HTTPServer) -> dict[str, Any]:
    return digest_of_rows(cli, httpserver, SALES_DAY, "4d")


def _makers(story: dict[str, Any]) -> list[str]:
    return [maker["name"] for maker in story["makers"]]


def test_a_currency_or_a_price_formula_is_no_subject_two_launches_share(cli, home, httpserver):
    """Mahindra's XEV 7e and Bolero Neo launches were one story ("shared subject: rs, lakh"),
    and Tata's Sierra EV and Punch CNG ("shared subject: lakh")."""
    digest = _digest(cli, httpserver)
    for first, second in (
        ("Mahindra launches XEV 7e", "Mahindra launches Bolero Neo"),
        ("M&M launches XEV 7e", "2027 Mahindra Bolero Neo"),
        ("Tata Motors launches Sierra EV at Rs", "Tata Motors introduces Punch CNG"),
        ("Tata Sierra EV Launched", "Tata Motors introduces Punch CNG"),
        ("GST collections", "BYD Sealion 7 Gets Rs 2 Lakh"),
    ):
        assert _story_of(digest, first) is not _story_of(digest, second), (first, second)
    # Each launch's outlets still tell one story.
    xev = _story_of(digest, "Mahindra launches XEV 7e")
    assert len(xev["sources"]) == 3, _titles(xev)
    sierra = _story_of(digest, "Tata Motors launches the Sierra EV")
    assert len(sierra["sources"]) == 4, _titles(sierra)


def test_explain_names_no_currency_word_as_a_shared_subject(cli, home, httpserver):
    digest = _digest(cli, httpserver)
    story = _story_of(digest, "Mahindra launches XEV 7e")
    result = cli("story", story["id"], "--explain")
    assert result.code == 0, result.err
    shared = [line for line in result.out.splitlines() if "shared subject:" in line]
    assert shared, result.out
    words = {w.strip() for line in shared for w in line.split(":", 1)[1].split(",")}
    assert words.isdisjoint({"rs", "lakh", "ex", "cror", "inr", "onward"}), shared


def test_a_ranking_or_a_live_blog_of_sales_day_joins_no_story_and_has_no_maker(
    cli, home, httpserver
):
    """ "Top 10 Car Makers …" joined Hyundai's sales on a figure of its summary, "Top 10 Cars
    Sold …" Maruti's model-wise breakup (and was re-sent as "new figure: 10 Cars"); the live
    blog was filed under Honda, the two-wheeler ranking under Honda."""
    digest = _digest(cli, httpserver)
    for start in ("Top 10 Car Makers", "Top 10 Cars Sold", "Top 10 Two-Wheeler", "Auto sales No"):
        story = _story_of(digest, start)
        assert len(story["sources"]) == 1, _titles(story)
        assert _makers(story) == [], (start, story["makers"])
        assert story["figures"] == [], (start, story["figures"])
    assert _makers(_story_of(digest, "Hyundai Motor India's domestic")) == ["Hyundai"]


def test_a_policy_naming_makers_as_examples_is_industry_news(cli, home, httpserver):
    """The PLI extension was filed under Tata Motors ("Tata Motors, M&M among key
    beneficiaries"), the EV import duty scheme under VinFast ("VinFast, Hyundai, Kia among
    applicants"): two of each story's three reports name no maker."""
    digest = _digest(cli, httpserver)
    for start in ("Auto PLI scheme extended", "Govt notifies guidelines for EV import duty"):
        story = _story_of(digest, start)
        assert len(story["sources"]) == 3, _titles(story)
        assert _makers(story) == [], (start, story["makers"])
