"""Review 34 F6 (trial 44 N2): `config check` printed renotify_on as written ("Figure+EVENT",
though reasons are read in any case) and a named digest's renotify_on even where
renotify_on_figure_change = false sends nothing again. The check shows what a --new digest
of each name does: its reasons as the digest reads them, none when none is in effect."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.site import write_config

FEED = '[[feeds]]\nurl = "http://127.0.0.1:9/feed.xml"\nname = "Wire"\n\n'
BOT = '[[digests]]\nname = "bot"\nformat = "json"\nrenotify_on = ["FIGURE", "Confirmed"]\n\n'


def test_config_check_shows_renotify_reasons_as_a_digest_reads_them(cli, home: Path) -> None:
    write_config(home, '[digest]\nrenotify_on = ["Figure", "EVENT"]\n\n' + FEED + BOT)
    checked = cli("config", "check")
    assert checked.code == 0, checked.err
    assert "renotify_on figure+event," in checked.out
    assert "bot (printed, json; renotify_on figure+confirmed)" in checked.out
    assert "Figure" not in checked.out and "FIGURE" not in checked.out


def test_config_check_shows_no_reason_in_effect_when_renotifying_is_off(cli, home: Path) -> None:
    write_config(home, "[digest]\nrenotify_on_figure_change = false\n\n" + FEED + BOT)
    checked = cli("config", "check")
    assert checked.code == 0, checked.err
    off = "renotify_on none (renotify_on_figure_change = false: a story is sent once)"
    assert f"bot (printed, json; {off})" in checked.out
    assert f"renotify_on_figure_change false, {off}," in checked.out
