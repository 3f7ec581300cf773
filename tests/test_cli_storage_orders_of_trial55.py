"""Through the real CLI: "Samsung SDI to supply ESS batteries to Tesla in 3 trillion won deal" was
shown as Tesla's car news (trial 55); stationary storage is no car news (README), whoever buys it:
an ESS order is Tesla's storage business's, as its Megapacks are."""

from __future__ import annotations

import json
from typing import Any


def test_an_ess_order_from_tesla_is_no_car_news(cli: Any) -> None:
    title = "Samsung SDI to supply ESS batteries to Tesla in 3 trillion won deal"
    result = cli("classify", "--format", "jsonl", title)
    assert result.code == 0, result.err
    (row,) = [json.loads(line) for line in result.out.splitlines() if line.strip()]
    assert not row["automotive"] and not row["makers"]
    assert [c["name"] for c in row["companies"]] == ["Samsung SDI"]
