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


@pytest.mark.parametrize(
    "command",
    [
        ("config", "check"),
        ("digest", "--offline"),
        ("feeds", "add", "--offline", "https://other.example/feed"),
    ],
)
def test_an_email_table_added_below_the_starters_names_both_lines_and_what_to_do(
    cli, home: Path, command: tuple[str, ...]
) -> None:
    """Trial 37: `config init` writes an [email] table with its keys commented; a user's own
    [email] appended at the end gave "Cannot declare ('email',) twice (at line 90, column 7)".
    The starter says where the keys go, and the error names both tables' lines and the fix."""
    assert cli("config", "init").code == 0
    path = home / "config.toml"
    starter = path.read_text("utf-8")
    lines = starter.splitlines()
    first = lines.index("[email]") + 1
    assert "remove the # before each" in lines[first - 3] + lines[first - 2]
    ours = '\n[email]\nsmtp = "smtp://127.0.0.1:2525"\nfrom = "me@example.org"\n'
    path.write_text(starter + ours, encoding="utf-8")
    again = len(lines) + 2
    result = cli(*command)
    assert result.code == ExitStatus.USAGE
    message, hint = result.err.splitlines()
    assert message == (
        f"autonews: error: config file {str(path)!r} declares the table [email] twice, "
        f"at line {first} and at line {again}"
    )
    assert hint == (
        f"hint: a file may declare a table once: move the keys under line {again}'s [email] to "
        f"line {first}'s (a key there with a # before it is unset: remove the # to set it) and "
        "delete the second [email] line"
    )


def test_a_table_header_missing_its_bracket_is_a_syntax_error_not_a_table_twice(
    cli, home: Path
) -> None:
    """Trial 44: "[digest" appended to a config that has [digest] was reported as declaring
    [digest] twice; "[fetch" and "[store" got the right message. The line is named as written."""
    assert cli("config", "init").code == 0
    path = home / "config.toml"
    starter = path.read_text("utf-8")
    assert "\n[digest]\n" in starter
    path.write_text(starter + "[digest\n", encoding="utf-8")
    result = cli("config", "check")
    assert result.code == ExitStatus.USAGE
    line = len(starter.splitlines()) + 1
    assert "twice" not in result.err
    assert (
        f"is not valid TOML: line {line} ('[digest') declares a table without its closing ']'"
        in result.err
    )
    assert "hint: write it [digest]" in result.err


@pytest.mark.parametrize(
    ("table", "key", "value", "wanted"),
    [
        ("fetch", "timeout", '"20"', "a number"),
        ("fetch", "retries", '"2"', "a whole number"),
        ("digest", "all_topics", '"yes"', "true or false"),
    ],
)
def test_a_number_or_truth_value_written_as_a_string_in_the_file_is_an_error(
    cli, home: Path, monkeypatch: pytest.MonkeyPatch, table: str, key: str, value: str, wanted: str
) -> None:
    """Trial 44: `[fetch] timeout = "20"` passed `config check` as ok, where the README says bad
    values are errors. The environment's values are text, and read as the key's type still."""
    assert cli("config", "init").code == 0
    path = home / "config.toml"
    starter = path.read_text("utf-8")
    path.write_text(starter + f"\n[{table}]\n{key} = {value}\n", encoding="utf-8")
    if f"\n[{table}]\n" in starter:  # the starter declares it: the key goes under its header
        path.write_text(
            starter.replace(f"\n[{table}]\n", f"\n[{table}]\n{key} = {value}\n", 1), "utf-8"
        )
    result = cli("config", "check")
    assert result.code == ExitStatus.USAGE, result.out
    assert f"config key '{table}.{key}': expected {wanted}, got the string {value[1:-1]!r}" in (
        result.err
    )
    assert "write it without quotes" in result.err
    path.write_text(starter, encoding="utf-8")
    monkeypatch.setenv(f"AUTONEWS_{table.upper()}_{key.upper()}", value[1:-1])
    assert cli("config", "check").code == 0
