"""Why a run exited 3, in a log that keeps stderr (trial 44: under systemd, runs exited 3 with an
empty stderr while a feed was still down, as the once-a-day reminder keeps cron's mail quiet).
A service's stderr in the journal ($JOURNAL_STREAM names it) names the failing feeds every run;
cron's mail keeps the reminder; `failure_reminder = "0h"` names them every run anywhere. Through
the real program (a subprocess, its stderr a file), against a loopback server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss

RUN = ("digest", "--new", "--no-extract", "--format", "json")


def _feeds(httpserver: HTTPServer) -> tuple[str, ...]:
    httpserver.expect_request("/up").respond_with_data(
        rss([item("Volvo recalls 14,768 XC70s over halfshaft fault", 1)]),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/down").respond_with_data("busy", status=503)
    return ("--feed", httpserver.url_for("/up"), "--feed", httpserver.url_for("/down"))


def _run(
    tmp_path: Path, args: tuple[str, ...], journal: bool = False, **env: str
) -> tuple[int, str]:
    """Run autonews with stderr to a file (as the journal's stream is one to the service); with
    ``journal``, $JOURNAL_STREAM names that file as systemd names the journal's stream."""
    log = tmp_path / "stderr.log"
    with log.open("w") as stderr:
        variables = {**os.environ, "AUTONEWS_HOME": str(tmp_path / "home"), **env}
        variables.pop("JOURNAL_STREAM", None)
        if journal:
            status = os.fstat(stderr.fileno())
            variables["JOURNAL_STREAM"] = f"{status.st_dev}:{status.st_ino}"
        process = subprocess.run(
            [sys.executable, "-m", "autonews", *args],
            env=variables,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            timeout=120,
        )
    return process.returncode, log.read_text("utf-8")


def test_a_feed_still_down_is_named_every_run_in_the_journal_and_once_a_day_in_cron_mail(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    feeds = _feeds(httpserver)
    code, err = _run(tmp_path, (*RUN, *feeds))
    assert code == ExitStatus.FEEDS_FAILED
    assert "autonews: 1 feed failed: " in err and "HTTP 503" in err
    # The next run, as cron runs it: exit 3, stderr quiet (its mail would repeat the warning).
    code, err = _run(tmp_path, (*RUN, *feeds))
    assert (code, err) == (ExitStatus.FEEDS_FAILED, "")
    # As a systemd service runs it: the journal says why it exited 3, every run.
    for _ in range(2):
        code, err = _run(tmp_path, (*RUN, *feeds), journal=True)
        assert code == ExitStatus.FEEDS_FAILED
        assert "autonews: 1 feed failed: " in err and "HTTP 503" in err
    # $JOURNAL_STREAM inherited by a command whose stderr goes elsewhere is not the journal.
    code, err = _run(tmp_path, (*RUN, *feeds), JOURNAL_STREAM="1:2")
    assert (code, err) == (ExitStatus.FEEDS_FAILED, "")
    # Anywhere, a reminder of 0h names a failing feed on every run.
    code, err = _run(tmp_path, (*RUN, *feeds), AUTONEWS_DIGEST_FAILURE_REMINDER="0h")
    assert code == ExitStatus.FEEDS_FAILED and "HTTP 503" in err
