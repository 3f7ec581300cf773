"""Through the real CLI: blind trial 47 (an EU policy adviser among politics feeds) saw the
Commission's proposal to amend the cars' CO2 standards as four stories: the English reports in
one, and apart from it Les Echos's "Voitures thermiques : Bruxelles assouplit l'interdiction de
2035", Tagesspiegel's "Verbrenner-Aus: EU-Kommission schlägt Lockerung … vor" and CLEPA's
reaction, whose titles share no word with the others'. One file of regulation acted on by one
body of the EU within a day is one stage of it; the Parliament's vote on the same file a day
later is another stage, and the Council's push another."""

from __future__ import annotations

from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.outlet_rows import digest_of_rows, story_of, titles

PROPOSAL = [
    (
        "commission",
        40,
        "Commission proposes targeted amendment to CO2 emission standards for cars and vans to "
        "support the automotive industry's transition",
        "IP/26/2841. The European Commission has today proposed a targeted amendment to "
        "Regulation (EU) 2019/631, replacing the 100% CO2 reduction target for new cars from "
        "2035 with a 90% target.",
    ),
    (
        "politico",
        39.5,
        "Brussels waters down 2035 combustion engine ban",
        "The Commission proposed on Tuesday to let carmakers keep selling some plug-in hybrids "
        "and range extenders after 2035, cutting the fleet-wide CO2 target from 100 to 90 "
        "percent.",
    ),
    (
        "lesechos",
        38,
        "Voitures thermiques : Bruxelles assouplit l'interdiction de 2035",
        "La Commission européenne propose de ramener l'objectif de réduction des émissions de "
        "CO2 des voitures neuves de 100 % à 90 % en 2035.",
    ),
    (
        "tagesspiegel",
        37.5,
        "Verbrenner-Aus: EU-Kommission schlägt Lockerung der CO2-Flottengrenzwerte vor",
        "Die EU-Kommission will das Flottenziel für Neuwagen 2035 von 100 auf 90 Prozent "
        "CO2-Reduktion senken.",
    ),
    (
        "clepa",
        35,
        "CLEPA welcomes technology openness in CO2 review, warns supplier jobs remain at risk",
        "Brussels, 8 December 2026 – The European Association of Automotive Suppliers welcomes "
        "the Commission's recognition of technology openness in its proposal to amend the CO2 "
        "standards for cars.",
    ),
]
VOTE = [
    (
        "parliament",
        13,
        "Cars CO2 standards: Parliament backs urgent procedure for 2035 amendment",
        "Press release - Plenary session. MEPs agreed on Wednesday to fast-track the "
        "Commission's proposal to amend CO2 emission standards for new cars and vans.",
    ),
    (
        "tagesspiegel",
        11.5,
        "Flottengrenzwerte: EU-Parlament stimmt für Dringlichkeitsverfahren",
        "Mit 389 zu 201 Stimmen hat das Europäische Parlament das beschleunigte Verfahren für "
        "die Änderung der CO2-Flottengrenzwerte für Pkw beschlossen.",
    ),
]
COUNCIL = [
    (
        "politico",
        2,
        "Germany, Italy push Council to go further than Commission on 2035 car rules",
        "At Thursday's Competitiveness Council, Berlin and Rome called for the 2030 target to be "
        "averaged over five years and for full recognition of e-fuels.",
    ),
]


def test_one_stage_of_a_file_is_one_story_in_every_language(
    cli: Any, httpserver: HTTPServer
) -> None:
    digest = digest_of_rows(cli, httpserver, PROPOSAL + VOTE + COUNCIL, "3d")
    proposal = story_of(digest, "Commission proposes targeted amendment")
    assert titles(proposal) == {title for _, _, title, _ in PROPOSAL}
    vote = story_of(digest, "Cars CO2 standards: Parliament backs")
    assert titles(vote) == {title for _, _, title, _ in VOTE}
    council = story_of(digest, "Germany, Italy push Council")
    assert titles(council) == {COUNCIL[0][2]}
