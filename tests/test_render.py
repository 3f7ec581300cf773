"""Renderers: golden files, escaping of hostile feed text, and the JSON contract."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from autonews.render import Format, RenderOptions, render
from tests.digests import sample_digest

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("AUTONEWS_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_renders_the_sample(fmt: Format) -> None:
    out = render(sample_digest(), fmt, RenderOptions(width=100))
    assert "Volvo Recalls 14,768 XC70s" in out
    assert "\x1b" not in out


def test_terminal_plain_golden() -> None:
    check_golden(
        "terminal_plain.txt",
        render(sample_digest(), Format.TERMINAL, RenderOptions(width=100, color=False)),
    )


def test_terminal_narrow_golden() -> None:
    check_golden(
        "terminal_narrow.txt",
        render(sample_digest(), Format.TERMINAL, RenderOptions(width=60, color=False)),
    )


def test_json_golden(validate_digest) -> None:
    out = render(sample_digest(), Format.JSON)
    validate_digest(json.loads(out))
    check_golden("digest.json", out)


def test_jsonl_is_one_story_per_line() -> None:
    lines = render(sample_digest(), Format.JSONL).splitlines()
    assert [json.loads(line)["id"] for line in lines] == [s.id for s in sample_digest().stories]


def test_rich_markup_in_titles_is_shown_literally_even_in_colour() -> None:
    out = render(sample_digest(), Format.TERMINAL, RenderOptions(width=100, color=True))
    assert "[bold red]Tesla[/bold red]" in out
    assert "\x1b[" in out  # colour is on, and still the markup stayed text


def test_plain_output_has_no_escape_codes() -> None:
    out = render(sample_digest(), Format.TERMINAL, RenderOptions(width=100, color=False))
    assert "\x1b" not in out
    assert "Lead" in out and "Industry" in out
    assert "✗ Broken Feed: HTTP 500 (3 failures in a row)" in out


def test_lead_shows_summary_and_groups_follow_the_model_order() -> None:
    out = render(sample_digest(), Format.TERMINAL, RenderOptions(width=100))
    assert "Volvo is recalling 14,768 XC70s." in out
    assert (
        out.index("\nVolvo") < out.index("\nXiaomi") < out.index("\nBMW") < out.index("\nIndustry")
    )
