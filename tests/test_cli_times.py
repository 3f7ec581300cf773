"""Times a reader can place: a digest's header names its zone with the offset from UTC (an
abbreviation names several zones), and `config check` names the system's zone. Trial 29, c5."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.helpers.feeds import item, rss

JAN_15 = "Thu, 15 Jan 2026 08:30:00 +0000"


def digest_in(home: Path, zone: str, url: str, *args: str) -> str:
    """A digest made with the system's zone set to ``zone`` ($TZ), nothing configured."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTONEWS_")}
    env.update(AUTONEWS_HOME=str(home), TZ=zone)
    run = subprocess.run(
        [sys.executable, "-m", "autonews", *args, "--feed", url, "--no-extract", "--since", "all"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "terminal"])
def test_the_header_tells_shanghai_from_chicago(
    home: Path, httpserver: HTTPServer, fmt: str
) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        rss([item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, date=JAN_15)])
    )
    url = httpserver.url_for("/feed")
    shanghai = digest_in(home / "a", "Asia/Shanghai", url, "digest", "--format", fmt)
    chicago = digest_in(home / "b", "America/Chicago", url, "digest", "--format", fmt)
    assert "CST (UTC+08:00)" in shanghai and "CST (UTC-06:00)" not in shanghai
    assert "CST (UTC-06:00)" in chicago
    assert "15 Jan 16:30" in shanghai and "15 Jan 02:30" in chicago  # stories: the zone's time


def test_a_header_in_utc_says_utc_once(cli, home: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        rss([item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, date=JAN_15)])
    )
    (home.parent / "utc.toml").write_text('[digest]\ntimezone = "UTC"\n', "utf-8")
    out = cli(
        "digest", "--config", str(home.parent / "utc.toml"), "--feed", httpserver.url_for("/feed"),
        "--no-extract", "--format", "text",
    ).out  # fmt: skip
    header = out.splitlines()[0]
    assert header.count("UTC") == 1 and "+00:00" not in header


def test_config_check_names_the_systems_zone(home: Path) -> None:
    home.mkdir()
    (home / "config.toml").write_text('[[feeds]]\nurl = "http://a.example/feed"\n', "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTONEWS_")}
    env.update(AUTONEWS_HOME=str(home), TZ="Europe/London")
    checked = subprocess.run(
        [sys.executable, "-m", "autonews", "config", "check"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    assert "timezone Europe/London (the system's)" in checked.stdout


@pytest.mark.parametrize("zone", ["Asia/Bangkok", "Asia/Ho_Chi_Minh"])
def test_a_zone_with_no_abbreviation_is_named_by_its_city(
    cli, home: Path, httpserver: HTTPServer, zone: str
) -> None:
    """Trial 53: `timezone = "Asia/Bangkok"` made a header of "UTC+07:00" alone (the zone
    database has no abbreviation for it, only "+07"): the zone's city names it."""
    httpserver.expect_request("/feed").respond_with_data(
        rss([item("Volvo Recalls 14,768 XC70s Over Halfshaft Risk", 1, date=JAN_15)])
    )
    config = home.parent / "zone.toml"
    config.write_text(f'[digest]\ntimezone = "{zone}"\n', "utf-8")
    out = cli(
        "digest", "--config", str(config), "--feed", httpserver.url_for("/feed"),
        "--no-extract", "--since", "all", "--format", "text",
    ).out  # fmt: skip
    city = zone.split("/")[1].replace("_", " ")
    assert f" {city} (UTC+07:00) · " in out.splitlines()[0], out.splitlines()[0]
    assert "15 Jan 15:30" in out  # the stories' times are the zone's
