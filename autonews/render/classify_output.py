"""Input and output of `autonews classify`: text, json or jsonl, optionally with the reasons."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from autonews.errors import UsageError
from autonews.models import Classification
from autonews.render.json_format import classification_dict
from autonews.text import clean_text


def read_inputs(lines: Iterable[str]) -> list[tuple[str, str, str]]:
    """(title, summary, body) from stdin lines: a headline, or a JSON object with "title" and
    optionally "summary" and "body" (as `--format jsonl` of a digest's items would give)."""
    inputs = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.lstrip().startswith("{"):
            inputs.append((line, "", ""))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise UsageError(
                f"line {number} of the input is not valid JSON: {error.msg}",
                hint='give one headline per line, or {"title": ..., "summary": ..., "body": ...}',
            ) from error
        if not isinstance(record, dict) or not isinstance(record.get("title"), str):
            raise UsageError(
                f'line {number} of the input has no "title" string',
                hint='give {"title": ..., "summary": ..., "body": ...}',
            )
        inputs.append(
            (record["title"], str(record.get("summary") or ""), str(record.get("body") or ""))
        )
    return inputs


def classification_record(title: str, c: Classification, explain: bool) -> dict[str, Any]:
    record: dict[str, Any] = {"title": title, **classification_dict(c)}
    if explain:
        record["reasons"] = list(c.reasons)
    return record


def format_classifications(
    results: Sequence[tuple[str, Classification]], fmt: str, explain: bool
) -> str:
    if fmt == "jsonl":
        return "".join(
            json.dumps(classification_record(t, c, explain), ensure_ascii=False) + "\n"
            for t, c in results
        )
    if fmt == "json":
        records = [classification_record(t, c, explain) for t, c in results]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for title, c in results:
        makers = (
            ", ".join(f"{m.name} ({m.group})" if m.group != m.name else m.name for m in c.makers)
            or "-"
        )
        flag = " (speculative)" if c.speculative else ""
        lines.append(f"{clean_text(title)}\n  event: {c.event.value}{flag}\n  makers: {makers}")
        if not c.automotive:
            lines.append("  about cars: no")
        if c.models:
            lines.append("  models: " + ", ".join(f"{m.name} ({m.maker})" for m in c.models))
        if c.companies:
            lines.append("  companies: " + ", ".join(f"{x.name} ({x.role})" for x in c.companies))
        if c.figures:
            lines.append("  figures: " + ", ".join(f.text for f in c.figures))
        if explain:
            lines.extend(f"  why: {reason}" for reason in c.reasons)
    return "\n".join(lines) + ("\n" if lines else "")
