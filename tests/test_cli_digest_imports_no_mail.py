"""A digest that mails nothing loads none of the mail's modules (smtplib, the email package's
message classes, autonews.deliver.mail: 10 ms of a warm run's CPU, issue 17); one with a
transport configured and an --email address still checks it before fetching."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.feeds import rfc822, rss
from tests.helpers.loaded_modules import digest_and_loaded
from tests.helpers.site import Site, feeds_toml, write_config


def test_a_digest_that_mails_nothing_loads_no_mail_module(home: Path, site: Site) -> None:
    entry = {
        "title": "Ford recalls 227,000 Explorer SUVs over rear axle bolts",
        "link": site.url("/news/1"),
        "guid": "news-1",
        "date": rfc822(1),
        "description": "Ford said on Monday.",
    }
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([entry], title="EV Wire"))
    write_config(
        home,
        '[email]\nsmtp = "smtp://127.0.0.1:2525"\nfrom = "a@example.com"\n\n'
        + feeds_toml([("EV Wire", site.url("/feed.xml"))]),
    )
    digest, loaded = digest_and_loaded(home)
    assert digest["stories"]
    assert "smtplib" not in loaded and "autonews.deliver.mail" not in loaded


def test_a_bad_transport_is_still_refused_before_the_fetch(cli, home: Path) -> None:
    write_config(
        home,
        '[email]\nsmtp = "smtp://127.0.0.1:99999"\nfrom = "a@example.com"\n\n'
        + feeds_toml([("EV Wire", "http://127.0.0.1:9/feed.xml")]),
    )
    result = cli("digest", "--email", "b@example.com", "--dry-run")
    assert result.code != 0 and "bad port" in result.err
