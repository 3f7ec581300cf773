"""Trial 47: `feeds add URL --tags politics,en` was refused ("No such option: --tags"); the
plural is accepted, comma-separated, in `feeds add` and `feeds edit`, beside `--tag`."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.helpers.site import write_config


def _tags(home: Path) -> list[list[str]]:
    config = tomllib.loads((home / "config.toml").read_text(encoding="utf-8"))
    return [feed.get("tags", []) for feed in config["feeds"]]


def test_feeds_add_and_edit_take_tags_comma_separated(cli, home: Path) -> None:
    write_config(home, "")
    added = cli(
        "feeds", "add", "http://127.0.0.1:9/feed", "--offline", "--tags", "politics, en",
        "--tag", "eu",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert _tags(home) == [["politics", "en", "eu"]]
    edited = cli("feeds", "edit", "http://127.0.0.1:9/feed", "--tags", "trade,en")
    assert edited.code == 0, edited.err
    assert _tags(home) == [["trade", "en"]]
    assert "--tags" in cli("feeds", "add", "--help").out


def test_feeds_edit_with_empty_tags_gives_none_and_its_help_says_so(cli, home: Path) -> None:
    """Reviewer: `feeds edit X --tags ""` cleared every tag, as `--no-tags` does, and neither the
    help nor the README said so; an empty value is a value, as `--name ""` gives no name."""
    write_config(home, "")
    added = cli("feeds", "add", "http://127.0.0.1:9/feed", "--offline", "--tags", "eu,en")
    assert added.code == 0, added.err
    edited = cli("feeds", "edit", "http://127.0.0.1:9/feed", "--tags", "")
    assert edited.code == 0, edited.err
    assert _tags(home) == [[]]
    assert "tags 'eu, en' -> ''" in edited.out
    helped = " ".join(cli("feeds", "edit", "--help").out.split())
    assert '--tags "" gives none, as --no-tags does' in helped
    assert 'Remove every tag (the same as --tags "")' in helped
