"""Through the real CLI: "SK On Completes Merger with SK Enmove, Eyes Turnaround" was flagged
speculative (trial 55) for the aim after the deal: a title whose first clause tells a deal done
is no rumour; one that hedges the deal itself still is."""

from __future__ import annotations

import json
from typing import Any


def _speculative(cli: Any, title: str) -> bool:
    result = cli("classify", "--format", "jsonl", title)
    assert result.code == 0, result.err
    (row,) = [json.loads(line) for line in result.out.splitlines() if line.strip()]
    return bool(row["speculative"])


def test_a_deal_told_done_is_no_rumour_for_the_aim_after_it(cli: Any) -> None:
    assert not _speculative(cli, "SK On Completes Merger with SK Enmove, Eyes Turnaround")


def test_a_hedged_deal_is_still_one(cli: Any) -> None:
    assert _speculative(cli, "SK On eyes merger with SK Enmove, completes review")
