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
