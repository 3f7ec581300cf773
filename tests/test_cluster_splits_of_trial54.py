"""Trial 54 (a truck and bus analyst on trade feeds): one rule's or one maker's news told several
ways was split, and a rule naming the makers it helps joined one maker's order.

- "EU to review truck CO2 rules early, in win for Daimler Truck, Volvo" joined four reports of
  DFDS's order for 500 Volvo electric trucks on "Geely + Volvo Group", a deal's two sides made of
  one name ("Volvo") read as Volvo Cars and as Volvo Trucks;
- "Brussels to fast-track review of truck CO2 targets" was read as a road test's "track review";
- "EPA moves to push back 2027 NOx rule" was read as the rule adopted ("back", as in "backs");
- "Tesla Semi factory in Nevada nears completion" as a deal completed;
- "US 25% tariffs on imported heavy trucks start", whose lead names the truck makers the tariffs
  touch, was held to the rule for a maker's news and kept from the tariffs' other reports.
"""

from __future__ import annotations

from tests.test_cluster_trade_words_of_trial54 import stories_of_days, story_of

EU_REVIEW = {
    "EU Commission to bring forward review of CO2 targets for trucks",
    "Brussels to fast-track review of truck CO2 targets after ACEA pressure",
    "EU to review truck CO2 rules early, in win for Daimler Truck, Volvo",
}
EPA_DELAY = {
    "EPA Proposes Two-Year Delay of 2027 Heavy-Duty NOx Standards",
    "EPA moves to push back 2027 NOx rule for heavy trucks to 2029",
    "US EPA proposes delaying stricter truck emissions rule by two years",
    "U.S. EPA proposes delaying 2027 NOx regulation",
}
SEMI_VOLUME = {
    "Tesla Semi: volume production in Nevada to start in 2026",
    "Tesla says Semi volume production will begin in 2026 - Electrek",
    "Tesla Semi factory in Nevada nears completion ahead of 2026 ramp - Teslarati",
}
TRUCK_TARIFFS = {
    "Section 232 tariffs of 25% on imported heavy trucks take effect",
    "25% Tariff on Imported Medium, Heavy Trucks Takes Effect",
    "US 25% tariffs on imported heavy trucks start, hitting Mexico-built rigs",
}


def test_a_rule_naming_the_makers_it_helps_joins_no_makers_order() -> None:
    stories = stories_of_days(0, 72)
    order = story_of(stories, "DFDS orders 500 electric trucks from Volvo")
    assert order.isdisjoint(EU_REVIEW)
    assert story_of(
        stories, "EU to review truck CO2 rules early, in win for Daimler Truck, Volvo"
    ) == (EU_REVIEW)


def test_a_rules_delay_moved_and_proposed_is_one_story() -> None:
    assert story_of(stories_of_days(0, 24), "U.S. EPA proposes delaying 2027 NOx regulation") == (
        EPA_DELAY
    )


def test_a_factory_nearing_completion_is_its_ramps_story() -> None:
    stories = stories_of_days(0, 24)
    assert story_of(stories, "Tesla Semi: volume production in Nevada to start in 2026") == (
        SEMI_VOLUME
    )


def test_a_tariff_whose_lead_names_makers_joins_its_other_reports() -> None:
    stories = stories_of_days(24, 48)
    assert story_of(stories, "25% Tariff on Imported Medium, Heavy Trucks Takes Effect") == (
        TRUCK_TARIFFS
    )
