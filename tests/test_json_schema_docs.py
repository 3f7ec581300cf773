"""The shipped JSON schema says what each field is, and keeps in step with the README's annotated
example (trial 44: most properties had no description; a script's author had to read the
README for them). Every property of the schema has a description; the README's example has
the fields the schema has, no more and no fewer, and the feed statuses it lists are the
schema's."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "autonews" / "schema" / "digest.schema.json").read_text("utf-8"))
# A string (kept whole: "https://…" is no comment), or a // comment to its line's end.
_STRING_OR_COMMENT = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*')


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object of the schema, with where it is."""
    if isinstance(node, dict):
        for name, value in (node.get("properties") or {}).items():
            yield f"{where}.{name}", value
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, where)


def _readme_example() -> dict[str, Any]:
    text = (ROOT / "README.md").read_text("utf-8")
    block = text.split("```jsonc\n", 1)[1].split("\n```", 1)[0]
    document: dict[str, Any] = json.loads(
        _STRING_OR_COMMENT.sub(lambda match: match.group(1) or "", block)
    )
    return document


def _fields(name: str) -> set[str]:
    return set(SCHEMA["$defs"][name]["properties"])


def test_every_property_of_the_schema_says_what_it_is() -> None:
    missing = [where for where, value in _properties(SCHEMA) if not value.get("description")]
    assert missing == []


def test_the_readme_example_has_the_schema_fields_and_statuses() -> None:
    example = _readme_example()
    assert (
        example["schema_version"]
        == SCHEMA["$defs"]["head"]["properties"]["schema_version"]["const"]
    )
    assert set(example) == _fields("head") | set(SCHEMA["properties"])
    story = example["stories"][0]
    assert set(story) == _fields("story_fields")
    pairs = [
        (story["sources"][0], "source"),
        (story["figures"][0], "figure"),
        (story["makers"][0], "maker"),
        (story["companies"][0], "company"),
        (story["models"][0], "model"),
        (example["feeds"][0], "feed"),
        (example["groups"][0], "group"),
        (example["filters"][0], "filter"),
    ]
    for shown, name in pairs:
        assert set(shown) == _fields(name), name
    statuses = set(example["feeds"][0]["status"].split("|"))
    assert statuses == set(SCHEMA["$defs"]["feed"]["properties"]["status"]["enum"])
    kinds = set(example["groups"][0]["kind"].split("|"))
    assert kinds <= set(SCHEMA["$defs"]["group"]["properties"]["kind"]["enum"])
