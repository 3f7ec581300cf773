"""Cells of the performance table: how times, sizes and failures are written."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Row = tuple[str, str, str, str]
Figures = Mapping[str, Any]
NONE = "—"


def command(*names: str) -> str:
    return f"`python -m benchmarks --only {','.join(names)}`"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def failed(run: Figures) -> str | None:
    """None for a digest that printed its JSON, else why not."""
    if run.get("ok", True):
        return None
    return "FAILED: " + str(run.get("failure") or f"exit {run.get('returncode')}")
