"""One headline's labels as `autonews classify --format json` gives them, through the CLI
fixture (`cli`), for the tests that check what the classifier says of a title and its summary."""

from __future__ import annotations

from typing import Any


def labels_of(cli: Any, title: str, summary: str = "") -> dict[str, Any]:
    result = cli(
        "classify", "--format", "json", title, *(["--summary", summary] if summary else [])
    )
    assert result.code == 0, result.err
    [labels] = result.json()
    return labels  # type: ignore[no-any-return]
