"""Input and output of `autonews classify`: text, json or jsonl, optionally with the reasons."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from autonews.errors import UsageError
from autonews.models import Classification
from autonews.render.figure_text import figure_text
from autonews.render.json_format import classification_dict
from autonews.text import clean_text


def read_inputs(lines: Iterable[str]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(title, summary, body) from stdin lines: a headline, or a JSON object with "title" and
    optionally "summary" and "body" (as `--format jsonl` of a digest's items would give); and
    what is wrong with the lines that are neither (they are left out, the others are read)."""
    inputs = []
    problems = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue  # a blank line is no headline (pasted text has them)
        if not line.lstrip().startswith("{"):
            inputs.append((line, "", ""))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"line {number} is not valid JSON: {error.msg}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("title"), str):
            problems.append(f'line {number} has no "title" string')
            continue
        if not record["title"].strip():
            problems.append(f"line {number} has an empty title")
            continue
        inputs.append(
            (record["title"], str(record.get("summary") or ""), str(record.get("body") or ""))
        )
    return inputs, problems


_PROBLEMS_SHOWN = 5  # a file of bad lines is named by its first few, then counted


def input_error(problems: Sequence[str]) -> UsageError:
    """The lines of the input that were left out, for the run to end with (after the others)."""
    shown = problems[:_PROBLEMS_SHOWN]
    more = f" (and {len(problems) - len(shown)} more)" if len(problems) > len(shown) else ""
    return UsageError(
        f"{'; '.join(shown)}{more}; the other lines were classified",
        hint='give one headline per line, or {"title": ..., "summary": ..., "body": ...}',
    )


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
        if c.suppliers:
            lines.append("  suppliers: " + ", ".join(f"{x.name} ({x.role})" for x in c.suppliers))
        if c.figures:
            lines.append("  figures: " + ", ".join(figure_text(f) for f in c.figures))
        if explain:
            lines.extend(f"  why: {reason}" for reason in c.reasons)
    return "\n".join(lines) + ("\n" if lines else "")
