"""The config file as a file (trial 35): saved in another encoding than UTF-8, with a byte-order
mark, a folder given for it, a span written as a bare number, a relative path. Each is one line
naming the file and what to do, exit 2, never a traceback; `config path` is absolute."""

from __future__ import annotations

from pathlib import Path

import pytest

from autonews.errors import ExitStatus
from tests.helpers.site import write_config

CONFIG = '[[feeds]]\nurl = "https://eurocar.example/feed"\nname = "EuroCar News - Citroën"\n'


@pytest.mark.parametrize(
    "command",
    [
        ("config", "check"),
        ("digest", "--offline"),
        ("feeds", "list"),
        ("feeds", "add", "--offline", "https://other.example/feed"),
    ],
)
def test_a_config_saved_as_latin1_is_named_with_its_line_and_byte(
    cli, home: Path, command: tuple[str, ...]
) -> None:
    path = home / "config.toml"
    home.mkdir(parents=True)
    path.write_bytes(("# my feeds\n\n" + CONFIG).encode("latin-1"))
    result = cli(*command)
    assert result.code == ExitStatus.USAGE
    assert result.err.startswith(
        f"autonews: error: config file {str(path)!r} is not UTF-8 (line 5, byte 0xeb)\n"
    )
    assert "hint: save it as UTF-8" in result.err
    assert "Traceback" not in result.err
    assert path.read_bytes() == ("# my feeds\n\n" + CONFIG).encode("latin-1")  # left alone


def test_a_byte_order_mark_is_read_past_and_edits_keep_working(cli, home: Path) -> None:
    path = home / "config.toml"
    home.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + CONFIG.encode("utf-8"))
    checked = cli("config", "check")
    assert checked.code == 0, checked.err
    assert "feeds: 1 enabled" in checked.out
    assert cli("feeds", "add", "--offline", "https://other.example/feed").code == 0
    listed = cli("feeds", "list")
    assert "EuroCar News - Citroën" in listed.out and "other.example" in listed.out
    utf16 = home / "utf16.toml"
    utf16.write_bytes(CONFIG.encode("utf-16"))
    refused = cli("--config", str(utf16), "config", "check")
    assert refused.code == ExitStatus.USAGE and "is not UTF-8 (it is UTF-16)" in refused.err


def test_a_folder_given_as_the_config_is_said_to_be_one(
    cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    for command in (
        ("config", "check"),
        ("digest", "--offline"),
        ("feeds", "add", "--offline", "https://x.example/feed"),
    ):
        result = cli("--config", str(folder), *command)
        assert result.code == ExitStatus.USAGE, command
        assert f"config file {str(folder)!r} is a folder, not a file" in result.err
        assert "does not exist" not in result.err
    monkeypatch.setenv("AUTONEWS_CONFIG", str(folder))
    from_env = cli("feeds", "list")
    assert from_env.code == ExitStatus.USAGE
    assert f"$AUTONEWS_CONFIG is {str(folder)!r}, a folder, not a file" in from_env.err


def test_a_span_written_as_a_bare_number_is_given_its_unit(cli, home: Path) -> None:
    write_config(home, "[digest]\nsince = 48\n")
    result = cli("config", "check")
    assert result.code == ExitStatus.USAGE
    assert "config key 'digest.since': expected a string, got 48" in result.err
    assert 'hint: a span of time is a string with its unit: "48h"' in result.err
    write_config(home, "[digest]\nfailure_reminder = 24\n")
    assert '"24h"' in cli("config", "check").err


def test_config_path_is_absolute_whatever_was_given(
    cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "base.toml").write_text("", encoding="utf-8")
    given = cli("--config", "conf/base.toml", "config", "path")
    assert given.out == f"{tmp_path / 'conf' / 'base.toml'}\n"
    monkeypatch.setenv("AUTONEWS_HOME", "relhome")
    relative_home = cli("config", "path")
    assert relative_home.out == f"{tmp_path / 'relhome' / 'config.toml'}\n"
    assert cli("config", "init").code == 0
    assert f"file {tmp_path / 'relhome' / 'data' / 'autonews.sqlite3'}" in (
        cli("config", "check").out
    )
