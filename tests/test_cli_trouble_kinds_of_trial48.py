"""Through the real CLI: blind trial 48 (a dealer group's service director following recalls,
NHTSA probes and service news) saw different events of one model's trouble made one story:
owners suing over a recall joined the recall, a probe joined the recall and the stop-sale
joined the recall filed days later, a dealer-cash offer joined the probe of its model on the
model's name alone, and an e-scooter's battery fires joined a Jeep's fire recall. A lawsuit, a
recall, a stop-sale told before its filing and a probe (opened, upgraded, closed) are different
events; a two-wheeler's news is no car's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import Row, digest_of_rows, story_of, titles

FIRE_RECALL = [
    (
        "wire",
        40,
        "Stellantis recalls 219,000 Jeep plug-in hybrids over fire risk, tells owners to park "
        "outside",
        "Stellantis is recalling 219,472 Jeep Wrangler and Grand Cherokee plug-in hybrid SUVs in "
        "the United States because the high-voltage battery could catch fire.",
    ),
    (
        "consumer",
        36,
        "2021-2024 Jeep Wrangler 4xe and Grand Cherokee 4xe Recalled Again for Battery Fires",
        "Jeep plug-in hybrid owners are again told to park outside and not charge their SUVs.",
    ),
]
LAWSUIT = [
    (
        "wire",
        10,
        "Jeep plug-in hybrid owners sue Stellantis over battery fire recalls",
        "Owners of Jeep Wrangler 4xe and Grand Cherokee 4xe SUVs filed a proposed class action "
        "in federal court in Detroit, saying Stellantis sold them vehicles it knew could catch "
        "fire.",
    ),
    (
        "consumer",
        8,
        "Jeep 4xe Class Action Lawsuit Says Owners Can't Use Plug-In Hybrids They Paid For",
        "The lawsuit says owners told to park outside and not charge their Wranglers lost the "
        "use of their vehicles.",
    ),
]
E_SCOOTERS = [
    (
        "search",
        30,
        "NHTSA investigation sought into e-scooter battery fires, lawmakers say - The Hill",
        "",
    ),
]
STOP_SALE = [
    (
        "trade",
        60,
        "Toyota issues stop-sale on Grand Highlander, Lexus TX over air bag sensor",
        "Toyota told dealers to stop selling new 2024-2025 Grand Highlander and Lexus TX "
        "crossovers while it investigates a passenger occupant sensor.",
    ),
    (
        "wire",
        58,
        "Toyota halts US sales of Grand Highlander, Lexus TX over air bag issue",
        "Toyota said it had halted sales of its Grand Highlander and Lexus TX three-row SUVs.",
    ),
]
RECALL_FILED = [
    (
        "wire",
        30,
        "Toyota recalls 145,000 Grand Highlander, Lexus TX SUVs over air bag sensor",
        "Toyota is recalling 145,000 Grand Highlander and Lexus TX SUVs because the passenger "
        "air bag may not deploy.",
    ),
    (
        "consumer",
        28,
        "2024-2025 Toyota Grand Highlander and Lexus TX Recalled: Passenger Air Bags May Not "
        "Deploy",
        "The stop-sale stays in place until new sensors arrive.",
    ),
]
PROBE = [
    (
        "wire",
        60,
        "US opens probe into 178,000 Hyundai Ioniq 5, Ioniq 6 EVs over loss of power",
        "The National Highway Traffic Safety Administration said it has opened a preliminary "
        "evaluation into 178,000 Hyundai Ioniq 5 and Ioniq 6 electric vehicles.",
    ),
    (
        "consumer",
        55,
        "NHTSA Investigates 2022-2025 Hyundai Ioniq 5 and 2023-2025 Ioniq 6 for Sudden Loss of "
        "Drive Power",
        "Federal safety regulators opened Preliminary Evaluation PE26-012 after owners said the "
        "EV lost power.",
    ),
]
DEALER_CASH = [
    (
        "newsletter",
        44,
        "Hyundai adds $7,500 dealer cash on Ioniq 5 through year-end",
        "The incentive stacks with lease offers in most regions.",
    ),
]
PROBE_RECALL = [
    (
        "wire",
        8,
        "Hyundai recalls 190,000 EVs over power loss, ending US probe",
        "Hyundai is recalling 190,412 Ioniq 5 and Ioniq 6 electric vehicles over a charging-unit "
        "fault.",
    ),
]


def _digest(cli: Any, httpserver: HTTPServer, rows: list[Row]) -> dict[str, Any]:
    return digest_of_rows(cli, httpserver, rows, "4d")


def test_owners_suing_over_a_recall_are_a_story_apart_from_the_recall(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, FIRE_RECALL + LAWSUIT)
    lawsuit = story_of(digest, LAWSUIT[0][2])
    assert titles(lawsuit) == {title for _, _, title, _ in LAWSUIT}
    assert lawsuit["event"] == "legal"
    assert titles(story_of(digest, FIRE_RECALL[0][2])) == {t for _, _, t, _ in FIRE_RECALL}


def test_an_e_scooters_battery_fires_never_join_a_cars_fire_recall(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, FIRE_RECALL + E_SCOOTERS)
    assert titles(story_of(digest, E_SCOOTERS[0][2])) == {E_SCOOTERS[0][2]}


def test_a_stop_sale_and_the_recall_filed_days_later_are_two_stories(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, STOP_SALE + RECALL_FILED)
    assert titles(story_of(digest, STOP_SALE[0][2])) == {t for _, _, t, _ in STOP_SALE}
    assert titles(story_of(digest, RECALL_FILED[0][2])) == {t for _, _, t, _ in RECALL_FILED}


def test_a_probe_is_apart_from_its_models_dealer_cash_and_from_the_recall_that_ends_it(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, PROBE + DEALER_CASH + PROBE_RECALL)
    assert titles(story_of(digest, PROBE[0][2])) == {t for _, _, t, _ in PROBE}
    assert titles(story_of(digest, DEALER_CASH[0][2])) == {DEALER_CASH[0][2]}
    assert titles(story_of(digest, PROBE_RECALL[0][2])) == {PROBE_RECALL[0][2]}


def test_story_a_b_says_a_lawsuit_and_a_recall_are_different_events(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    digest = _digest(cli, httpserver, FIRE_RECALL + LAWSUIT)
    recall, lawsuit = story_of(digest, FIRE_RECALL[0][2]), story_of(digest, LAWSUIT[0][2])
    result = cli("story", recall["id"], lawsuit["id"])
    assert result.code == 0, result.err
    # Which is which, not every kind of trouble there is (trial 48's re-check).
    assert "[A1] and [B1] rule each other out: the first is a recall, the second a lawsuit" in (
        result.out
    )


# (A regulator's notice, "… May Not Display", is no rumour: fix48c. A report that one is coming is.)
RUMOUR_AND_REPORT = [
    (
        "blog",
        20,
        "Ford may recall 240,510 Explorer, Aviator SUVs over rearview camera, sources say",
        "Ford is expected to recall 240,510 Explorer and Lincoln Aviator vehicles because the "
        "rearview camera image may not display, people familiar with the matter said.",
    ),
    (
        "wire",
        18,
        "Ford recalls over 240,000 Explorer, Aviator SUVs over rearview camera issue",
        "Ford Motor is recalling 240,510 vehicles in the United States because the rearview "
        "camera image may not display.",
    ),
]


def test_story_explain_says_what_a_rumour_beside_a_firm_report_weighs(
    cli, home: Path, httpserver: HTTPServer
) -> None:
    """A mismatch that raised the score read like a bug: the line says why it does not count
    against one event."""
    digest = _digest(cli, httpserver, RUMOUR_AND_REPORT)
    story = story_of(digest, RUMOUR_AND_REPORT[1][2])
    result = cli("story", story["id"], "--explain")
    assert result.code == 0, result.err
    (line,) = [line for line in result.out.splitlines() if "speculation_mismatch" in line]
    assert "no evidence of two events" in line, line
