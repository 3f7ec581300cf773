"""Trial 46: "Tesla to launch cheaper Model Y version in China as soon as next week -sources"
was told firmly while Google News's "…, sources say - Reuters" copy was a rumour, so `story A B`
called the pair a mismatch. The "as" of a comparison ("as soon as", "as many as") opens no
reason clause, whose "may" is the fault's and not the title's; a real reason still does."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize(
    ("title", "speculative"),
    [
        ("Tesla to launch cheaper Model Y version in China as soon as next week -sources", True),
        ("BYD could sell as many as 40,000 cars in Europe this year, sources say", True),
        ("Ford recalls 46,000 trucks as trim panel may fly off", False),
        ("Tesla shares fall as much as 7% as investors fear delays may last", False),
    ],
)
def test_a_comparison_opens_no_reason_clause(cli, title: str, speculative: bool) -> None:
    result = cli("classify", "--format", "jsonl", title)
    assert result.code == 0, result.err
    assert json.loads(result.out.splitlines()[0])["speculative"] is speculative
