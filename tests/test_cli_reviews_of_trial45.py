"""Through the real CLI: a model's review is no rumour and not its launch's news (blind trial 45).
"Hyundai Venue N Line Review – Still The Enthusiast's Pick?" and "Mahindra XEV 7e Review – Is
The Seven-Seat EV Worth The Premium?" were marked speculative for their questions, and "Tata
Sierra EV Review – First Drive Impressions" joined the Sierra EV's launch story: a review
labelled with a dash was not read as one."""

from __future__ import annotations

import json
from typing import Any

from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

REVIEWS = [
    "Hyundai Venue N Line Review – Still The Enthusiast's Pick?",
    "Mahindra XEV 7e Review – Is The Seven-Seat EV Worth The Premium?",
    "Tata Sierra EV review: should you buy one over the Creta Electric?",
]


def test_a_reviews_question_is_no_rumour(cli, home) -> None:
    result = cli("classify", "--format", "jsonl", *REVIEWS, "Tata could launch the Sierra EV early")
    assert result.code == 0, result.err
    found = [json.loads(line) for line in result.out.splitlines() if line.strip()]
    assert [record["speculative"] for record in found] == [False, False, False, True]
    explained = cli("classify", "--explain", REVIEWS[0])
    assert "not speculative: a review's question" in explained.out


def test_a_review_labelled_with_a_dash_is_not_the_launch_story(
    cli, home, httpserver: HTTPServer
) -> None:
    feeds = []
    for n, title in enumerate(
        (
            "Tata Motors launches the Sierra EV at ₹17.49 lakh",
            "Tata Motors launches Sierra EV at Rs 17.49 lakh",
            "Tata Sierra EV Review – First Drive Impressions",
        )
    ):  # each of its own outlet, as in the trial
        httpserver.expect_request(f"/outlet{n}").respond_with_data(
            rss([item(title, n)], title=f"Outlet {n}"), content_type="application/rss+xml"
        )
        feeds += ["--feed", str(httpserver.url_for(f"/outlet{n}"))]
    result = cli("digest", *feeds, "--no-extract", "--format", "json")
    assert result.code == 0, result.err
    stories: list[dict[str, Any]] = result.json()["stories"]
    launch = [story for story in stories if story["title"].startswith("Tata Motors launches")]
    assert len(launch) == 1 and len(launch[0]["sources"]) == 2, launch
    (review,) = [
        story
        for story in stories
        if any(s["title"].startswith("Tata Sierra EV Review") for s in story["sources"])
    ]
    assert len(review["sources"]) == 1, [s["title"] for s in review["sources"]]
