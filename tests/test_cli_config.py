"""`autonews config path|check|init` and shell completion, through the real CLI (issue 16)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from autonews.errors import ExitStatus

ROOT = Path(__file__).resolve().parent.parent


def test_config_path_names_the_file_even_before_it_exists(cli, home: Path, tmp_path) -> None:
    result = cli("config", "path")
    assert result.code == 0
    assert result.out == f"{home / 'config.toml'}\n"
    assert "config init" in result.err
    other = tmp_path / "other.toml"
    assert cli("config", "path", "--config", str(other)).out == f"{other}\n"


def test_config_init_writes_a_starter_that_checks_and_never_overwrites(cli, home: Path) -> None:
    assert cli("config", "check").code == ExitStatus.USAGE  # nothing there yet
    result = cli("config", "init")
    assert result.code == 0, result.err
    path = home / "config.toml"
    text = path.read_text("utf-8")
    assert text.startswith("# autonews configuration")
    feeds = tomllib.loads(text)["feeds"]
    assert len(feeds) >= 5
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in f["name"]) for f in feeds)
    assert any("en" in f["tags"] for f in feeds)
    assert all(f["url"].startswith("https://") for f in feeds)

    checked = cli("config", "check")
    assert checked.code == 0, checked.err
    assert f"config file: {path}" in checked.out
    assert f"feeds: {len(feeds)} enabled" in checked.out
    assert "email: not configured" in checked.out
    assert checked.out.endswith("config ok\n")

    path.write_text(text + "\n# mine\n", encoding="utf-8")
    again = cli("config", "init")
    assert again.code == ExitStatus.USAGE
    assert "already exists" in again.err and "--force" in again.err
    assert path.read_text("utf-8").endswith("# mine\n")
    assert cli("config", "init", "--force").code == 0
    assert path.read_text("utf-8") == text


def test_config_check_names_what_is_wrong(cli, home: Path) -> None:
    home.mkdir(parents=True)
    path = home / "config.toml"
    path.write_text("[fetch]\ntimout = 3\n", encoding="utf-8")
    bad_key = cli("config", "check")
    assert bad_key.code == ExitStatus.USAGE and "fetch.timout" in bad_key.err
    path.write_text(
        '[[feeds]]\nurl = "https://example.com/feed"\n\n'
        '[[feeds]]\nurl = "https://example.com/feed"\nenabled = false\n\n'
        '[[digests]]\nname = "recalls"\nto = ["fleet@example.org"]\nevents = ["recall"]\n',
        encoding="utf-8",
    )
    result = cli("config", "check")
    assert result.code == ExitStatus.USAGE
    assert "feeds: 1 enabled, 1 disabled" in result.out
    assert "recalls (mailed to fleet@example.org, text, or as the -o file name says)" in result.out
    assert "'recalls' is mailed to fleet@example.org, but [email] smtp is not set" in result.err
    assert "https://example.com/feed is listed 2 times" in result.err
    assert "config ok" not in result.out
    path.write_text('[classify]\nmute_patterns = ["(unclosed"]\n', encoding="utf-8")
    bad_pattern = cli("config", "check")  # refused when the config is read, as by every command
    assert bad_pattern.code == ExitStatus.USAGE
    assert "'(unclosed' is not a valid regular expression" in bad_pattern.err
    path.write_text(
        '[[feeds]]\nurl = "https://example.com/feed"\n[email]\nsmtp = "smtp://mail.example.org"\n'
        'from = "autonews <me@example.org>"\npassword_command = "pass show x"\n',
        encoding="utf-8",
    )
    good = cli("config", "check")
    assert good.code == 0, good.err
    line = "email: smtp://mail.example.org, from autonews <me@example.org>, password from "
    assert line + "password_command" in good.out


def test_the_example_config_checks_apart_from_its_mailed_digest(cli, home: Path) -> None:
    result = cli("config", "check", "--config", str(ROOT / "config.example.toml"))
    assert "feeds: 7 enabled" in result.out
    assert result.err.count("autonews: error:") == 1 and "[email] smtp is not set" in result.err


def _autonews(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "autonews", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_shell_completion_is_available() -> None:
    help_text = _autonews("--help").stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
    script = _autonews("--show-completion", "bash")
    assert script.returncode == 0
    assert "_AUTONEWS_COMPLETE=complete_bash" in script.stdout
    # What bash asks the program when the user presses Tab after `autonews config `.
    words = _autonews(
        _AUTONEWS_COMPLETE="complete_bash", COMP_WORDS="autonews config ", COMP_CWORD="2"
    )
    assert words.stdout.split() == ["path", "check", "init"]
    feeds = _autonews(_AUTONEWS_COMPLETE="complete_bash", COMP_WORDS="autonews fe", COMP_CWORD="1")
    assert feeds.stdout.split() == ["feeds"]
