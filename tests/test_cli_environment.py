"""The AUTONEWS_* environment through the real CLI (trial 29 a1, c6): every variable either
works or is refused naming itself; none is listed by `config check` as configuration while it
does nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from autonews.errors import ExitStatus


@pytest.fixture
def configured(cli, home: Path) -> Path:
    assert cli("config", "init").code == 0
    return home / "config.toml"


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("AUTONEWS_HOMEE", "did you mean AUTONEWS_HOME?"),
        ("AUTONEWS_CLASIFY_MUTE_MAKERS", "did you mean AUTONEWS_CLASSIFY_MUTE_MAKERS?"),
        (
            "AUTONEWS_DIGEST_FOO",
            "variables: AUTONEWS_DIGEST_ACK_WITHIN, AUTONEWS_DIGEST_ALL_TOPICS",
        ),
        # Review 34 F2: the section left out, the likeliest slip, was ignored without a word.
        ("AUTONEWS_MUTE_MAKERS", "did you mean AUTONEWS_CLASSIFY_MUTE_MAKERS?"),
        ("AUTONEWS_SINCE", "did you mean AUTONEWS_DIGEST_SINCE?"),
        ("AUTONEWS_KEEP_DAYS", "did you mean AUTONEWS_STORE_KEEP_DAYS?"),
        ("AUTONEWS_TIMEZONE", "did you mean AUTONEWS_DIGEST_TIMEZONE?"),
        ("AUTONEWS_CRON_MUTE_EVENTS", "did you mean AUTONEWS_CLASSIFY_MUTE_EVENTS?"),
        ("AUTONEWS_STORES_FILE", "variables: AUTONEWS_STORE_KEEP_DAYS"),
    ],
)
def test_an_unknown_variable_is_named_not_listed(
    cli, configured: Path, monkeypatch: pytest.MonkeyPatch, name: str, hint: str
) -> None:
    monkeypatch.setenv(name, "1")
    checked = cli("config", "check")
    assert checked.code == ExitStatus.USAGE
    assert "environment:" not in checked.out and "config ok" not in checked.out
    assert f"unknown environment variable {name}" in checked.err
    assert hint in checked.err
    assert cli("digest", "--offline").code == ExitStatus.USAGE


@pytest.mark.parametrize("name", ["AUTONEWS_BIN", "AUTONEWS_FOO", "AUTONEWS_SLACK_WEBHOOK"])
def test_a_variable_like_no_setting_is_ignored_by_runs_and_named_by_the_check(
    cli, configured: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Trial 44: a wrapper script's own AUTONEWS_BIN made every hourly run exit 2. A name like
    none autonews reads is another program's: runs go on, `config check` names it as ignored
    (and not as configuration in effect); a misspelt setting is still refused (above)."""
    monkeypatch.setenv(name, "/opt/autonews/bin/autonews")
    ran = cli("digest", "--offline", "--format", "json")
    assert ran.code == 0, ran.err
    assert name not in ran.err  # a run says nothing of it: cron would mail it every hour
    checked = cli("config", "check")
    assert checked.code == 0, checked.err
    assert "config ok" in checked.out
    assert name not in checked.out  # not listed as "environment:" in effect
    assert f"warning: {name}: no setting of autonews is named like it: ignored" in checked.err


def test_the_variables_that_are_no_config_key_still_work(
    cli, configured: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTONEWS_SMTP_PASSWORD", "secret")
    monkeypatch.setenv("AUTONEWS_CONFIG", str(configured))
    checked = cli("config", "check")
    assert checked.code == 0, checked.err
    assert "environment: AUTONEWS_CONFIG, AUTONEWS_HOME, AUTONEWS_SMTP_PASSWORD" in checked.out


def test_a_table_key_is_refused_from_the_environment(
    cli, configured: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTONEWS_CLASSIFY_MAKERS", "Fiat")
    checked = cli("config", "check")
    assert checked.code == ExitStatus.USAGE
    assert "$AUTONEWS_CLASSIFY_MAKERS: [classify] makers is a table" in checked.err
    assert "set it in the config file" in checked.err


def test_a_list_of_events_and_patterns_from_the_environment(
    cli, configured: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTONEWS_CLASSIFY_MUTE_EVENTS", "recall,pricing")
    monkeypatch.setenv("AUTONEWS_CLASSIFY_MUTE_PATTERNS", r'["^Sponsored", "\\d{1,3} deals"]')
    checked = cli("config", "check")
    assert "muted: 2 events, 2 title patterns" in checked.out, checked.err
    monkeypatch.setenv("AUTONEWS_CLASSIFY_MUTE_EVENTS", "recal")
    refused = cli("config", "check")
    assert "$AUTONEWS_CLASSIFY_MUTE_EVENTS: config key 'classify.mute_events': " in refused.err
    assert "did you mean 'recall'?" in refused.err


def test_a_bad_value_with_a_hint_still_says_unset_the_variable(
    cli, configured: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial 29 c6: AUTONEWS_DIGEST_LANGUAGE=fr had a hint without "unset"."""
    monkeypatch.setenv("AUTONEWS_DIGEST_LANGUAGE", "fr")
    checked = cli("config", "check")
    assert checked.code == ExitStatus.USAGE
    assert "$AUTONEWS_DIGEST_LANGUAGE: config key 'digest.language'" in checked.err
    assert "or unset $AUTONEWS_DIGEST_LANGUAGE" in checked.err


def test_an_autonews_home_that_is_a_file_is_named(
    cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial 29 c4: a cron line's AUTONEWS_HOME naming a file gave "no feeds to read / add
    feeds", and `config init` "cannot lock ...: File exists"."""
    mistyped = tmp_path / "env.sh"
    mistyped.write_text("export TZ=UTC\n", "utf-8")
    monkeypatch.setenv("AUTONEWS_HOME", str(mistyped))
    for command in (("digest", "--offline"), ("config", "init"), ("feeds", "list")):
        result = cli(*command)
        assert result.code == ExitStatus.USAGE, command
        assert f"$AUTONEWS_HOME is '{mistyped}', a file, not a folder" in result.err, command
        assert "cannot lock" not in result.err and "add feeds" not in result.err
    assert mistyped.read_text("utf-8") == "export TZ=UTC\n"


def test_an_autonews_home_that_does_not_exist_is_named(
    cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "autonwes"
    monkeypatch.setenv("AUTONEWS_HOME", str(missing))
    result = cli("digest", "--offline")
    assert result.code == ExitStatus.USAGE
    assert f"no feeds to read: $AUTONEWS_HOME is '{missing}', which does not exist" in result.err
    assert cli("config", "init").code == 0  # a command that writes there makes it
    assert (missing / "config.toml").is_file()


@pytest.mark.parametrize("where", ["flag", "environment", "file"])
def test_group_by_is_taken_in_any_case(
    cli, configured: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where: str
) -> None:
    """Trial 29 c6: AUTONEWS_DIGEST_GROUP_BY=Event was refused, while makers and tags are
    matched in any case."""
    feed = tmp_path / "wire.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Volvo Recalls 14,768 XC70s Over Halfshaft Risk</title>"
        "<link>http://example.com/1</link></item></channel></rss>",
        "utf-8",
    )
    args = ["digest", "--feed", str(feed), "--no-extract", "--format", "json"]
    if where == "flag":
        args += ["--group-by", "Event"]
    elif where == "environment":
        monkeypatch.setenv("AUTONEWS_DIGEST_GROUP_BY", "EVENT")
    else:
        configured.write_text('[digest]\ngroup_by = "Event"\n', "utf-8")
    result = cli(*args)
    assert result.code == 0, result.err
    assert [group["kind"] for group in result.json()["groups"]] == ["event"]


def test_config_path_prints_a_relative_autonews_config_as_absolute(
    cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial 29 c8: `config path` printed "alt/a.toml" as given."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AUTONEWS_CONFIG", "alt/a.toml")
    assert cli("config", "path").out == f"{tmp_path / 'alt' / 'a.toml'}\n"
