"""Through the real CLI: trial 50's group companies. Hino's news was filed as "Hino (Toyota)",
but Denso's, Aisin's, Toyota Industries' and Hyundai Mobis's, naming no maker, fell in the
Industry heap, and `--maker Toyota` left them out: a company a car group owns is filed under
its own name with its owner's ("Denso (Toyota)"), in the terminal, JSON, `--maker` and
`--company` alike."""

from __future__ import annotations

import json
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import serve_titles

TITLES = [
    "Denso first-half operating profit rises 18% on electrification parts",
    "Hyundai Mobis to buy back 400 billion won in shares",
    "Aisin to close Brazil transmission plant as it trims capacity",
    "Bosch to cut 13,000 more jobs in its mobility business",
    "Hino Motors recalls 12,000 trucks over brake hoses",
]


def _digest(cli: Any, url: str, *args: str) -> dict[str, Any]:
    result = cli("digest", "--feed", url, "--no-extract", "--format", "json", *args)
    assert result.code == 0, result.err
    return dict(json.loads(result.out))


def _headings(digest: dict[str, Any]) -> dict[str, tuple[str, list[str]]]:
    """Each group's key: its kind and its stories' titles."""
    titles = {story["id"]: story["title"] for story in digest["stories"]}
    return {
        group["key"]: (group["kind"], [titles[i] for i in group["story_ids"]])
        for group in digest["groups"]
    }


def test_a_group_companys_story_is_filed_under_it_with_its_owner(
    cli: Any, httpserver: HTTPServer
) -> None:
    url = serve_titles(httpserver, TITLES)
    groups = _headings(_digest(cli, url))
    assert groups["Denso"] == ("company", [TITLES[0]])
    assert groups["Hyundai Mobis"] == ("company", [TITLES[1]])
    assert groups["Aisin"] == ("company", [TITLES[2]])
    assert groups["Industry"] == ("industry", [TITLES[3]])  # Bosch: owned by no car group
    digest = _digest(cli, url)
    denso = next(s for s in digest["stories"] if s["title"] == TITLES[0])
    assert denso["makers"] == []
    assert denso["companies"] == [{"name": "Denso", "role": "supplier", "owner": "Toyota"}]
    bosch = next(s for s in digest["stories"] if s["title"] == TITLES[3])
    assert bosch["companies"] == [{"name": "Bosch", "role": "supplier"}]
    text = cli("digest", "--feed", url, "--no-extract", "--offline", "--format", "text")
    assert text.code == 0, text.err
    headings = [line for line in text.out.splitlines() if line.startswith("== ")]
    assert any(line.startswith("== Denso (Toyota)") for line in headings), headings
    assert any(line.startswith("== Hyundai Mobis (Hyundai Motor Group)") for line in headings)
    assert any(line.startswith("== Hino (Toyota)") for line in headings), headings
    # --group-by group: under the owner, beside its brands' stories.
    by_group = _headings(_digest(cli, url, "--offline", "--group-by", "group"))
    assert sorted(by_group["Toyota"][1]) == sorted([TITLES[0], TITLES[2], TITLES[4]])


def test_maker_takes_its_groups_companies_and_company_files_them_alike(
    cli: Any, httpserver: HTTPServer
) -> None:
    url = serve_titles(httpserver, TITLES)
    toyota = _headings(_digest(cli, url, "--maker", "Toyota"))
    assert set(toyota) == {"Denso", "Aisin", "Hino"}, toyota
    denso = _headings(_digest(cli, url, "--offline", "--company", "Denso"))
    assert denso == {"Denso": ("company", [TITLES[0]])}
