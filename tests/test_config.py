"""Config precedence, validation messages, paths, and the shipped example file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from autonews.config import load_config
from autonews.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults(home: Path) -> None:
    config = load_config()
    assert config.fetch.timeout == 20.0
    assert config.fetch.concurrency == 32
    assert config.digest.since == "48h"
    assert config.source is None


def test_autonews_home_holds_config_data_and_cache(home: Path) -> None:
    write(home / "config.toml", '[[feeds]]\nurl = "http://example.com/f"\n')
    config = load_config()
    assert config.source == home / "config.toml"
    assert config.paths.store_file.is_relative_to(home)
    assert config.paths.cache_dir.is_relative_to(home)


def test_xdg_config_home_is_respected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AUTONEWS_HOME", raising=False)
    monkeypatch.delenv("AUTONEWS_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    write(tmp_path / "xdg" / "autonews" / "config.toml", "[fetch]\ntimeout = 3\n")
    assert load_config().fetch.timeout == 3.0


def test_precedence_flags_over_env_over_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(home / "elsewhere.toml", '[digest]\nsince = "7d"\n[fetch]\nretries = 5\n')
    monkeypatch.setenv("AUTONEWS_CONFIG", str(path))
    assert load_config().digest.since == "7d"
    monkeypatch.setenv("AUTONEWS_DIGEST_SINCE", "24h")
    config = load_config()
    assert config.digest.since == "24h"
    assert config.fetch.retries == 5  # untouched keys still come from the file
    assert load_config(flags={"digest": {"since": "all"}}).digest.since == "all"


def test_explicit_config_beats_env_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTONEWS_CONFIG", str(write(home / "a.toml", "[fetch]\nretries = 1\n")))
    assert load_config(write(home / "b.toml", "[fetch]\nretries = 4\n")).fetch.retries == 4


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[fetch]\ntimout = 3\n", "fetch.timout"),
        ("[fetch]\ntimeout = 'soon'\n", "fetch.timeout"),
        ("[fetch]\nconcurrency = 0\n", "fetch.concurrency"),
        ("[digest]\nsince = 'yesterday'\n", "digest.since"),
        ("[digest]\ngroup_by = 'colour'\n", "digest.group_by"),
        ("[[feeds]]\nname = 'no url'\n", "feeds[0].url"),
        ("[[feeds]]\nurl = 'x'\ncolour = 'red'\n", "feeds[0].colour"),
        ("[mystery]\nx = 1\n", "mystery"),
        ("[classify]\nmute_events = ['gossip']\n", "classify.mute_events"),
    ],
)
def test_errors_name_the_key(home: Path, text: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(home / "bad.toml", text))
    assert key in str(caught.value)


def test_env_value_errors_name_the_key(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTONEWS_FETCH_RETRIES", "many")
    with pytest.raises(ConfigError, match=r"fetch\.retries"):
        load_config()


def test_invalid_toml_names_the_file(home: Path) -> None:
    path = write(home / "broken.toml", "[fetch\n")
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        load_config(path)


def test_example_config_loads_and_documents_every_key(home: Path) -> None:
    from dataclasses import fields

    from autonews.config import _SECTIONS, _toml_name
    from autonews.config_report import check_config

    example = ROOT / "config.example.toml"
    config = load_config(example)
    assert check_config(config, {}).problems == ()  # `autonews config check` passes it
    assert len(config.feeds) >= 5
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in f.name) for f in config.feeds)
    text = example.read_text("utf-8")
    for section, cls in _SECTIONS.items():
        assert f"[{section}]" in text
        for field in fields(cls):
            assert f"{_toml_name(section, field.name)} =" in text or section == "classify", field


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[fetch]\ntimeout = nan\n", "expected a finite number"),
        ("[fetch]\ntimeout = inf\n", "expected a finite number"),
        ("[fetch]\nmax_bytes = 0\n", "'fetch.max_bytes': must be at least 1"),
        ("[fetch]\nmax_items_per_feed = 0\n", "'fetch.max_items_per_feed': must be at least 1"),
        ("[store]\nkeep_days = 0\n", "'store.keep_days': must be at least 1"),
        ("[store]\nkeep_days = 1.5\n", "expected a whole number, got 1.5"),
        ('[email]\nfrom = "not an address"\n', "'email.from': 'not an address' is not a mail"),
    ],
)
def test_values_no_run_could_use_are_refused(
    home: Path, tmp_path: Path, toml: str, message: str
) -> None:
    """A timeout of nan, a cap of zero bytes, a store keeping no day, a sender that is no mail
    address: refused when the config is read, naming the key, not found out later."""
    path = tmp_path / "config.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(path)


def test_a_boolean_may_be_written_as_1_or_0(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[digest]\nall_topics = 1\n", "utf-8")
    assert load_config(path).digest.all_topics is True


def test_a_misspelt_variable_of_a_section_is_an_error(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AUTONEWS_DIGEST_SINCEE would be ignored without a word, as a misspelt key in the file is
    not: it is an error naming the variable and the one meant."""
    monkeypatch.setenv("AUTONEWS_DIGEST_SINCEE", "3h")
    with pytest.raises(ConfigError, match="AUTONEWS_DIGEST_SINCEE") as raised:
        load_config()
    assert raised.value.hint == "did you mean AUTONEWS_DIGEST_SINCE?"
    monkeypatch.delenv("AUTONEWS_DIGEST_SINCEE")
    monkeypatch.setenv("AUTONEWS_EMAIL_FROM", "me@example.org")  # "from" is the sender's key
    monkeypatch.setenv("AUTONEWS_SMTP_PASSWORD", "secret")  # no section's: not a config key
    assert load_config().email.sender == "me@example.org"
