"""A feed in a language autonews does not read is named so where the reader meets it (trial 41:
a German feed was taken silently and misread; German is read now, French, Spanish… are not):
`feeds add` warns when it adds one, `feeds list` says which of the list's feeds are."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.feeds import item, rss
from tests.helpers.site import Site

FRENCH = [
    "Renault dévoile la nouvelle Clio pour les familles",
    "Peugeot rappelle 20 000 voitures pour un défaut de freinage",
    "Les ventes de voitures électriques en hausse de 12 % en novembre",
    "Stellantis: le constructeur baisse les prix de ses utilitaires électriques",
]
GERMAN = [
    "Rückruf: VW ruft ID.4 und ID.5 wegen Hochvoltbatterie zurück",
    "Umweltzone: München verschärft Regeln für Lieferwagen",
    "Tesla Model Y: Preissenkung jetzt auch in Deutschland",
]
NOTE = (
    "its titles are in French, which autonews does not read (it reads English, Chinese, German"
    " and, in part, Japanese)"
)


def _serve(site: Site, path: str, title: str, titles: list[str]) -> str:
    entries = [item(text, n, hours_ago=n + 1) for n, text in enumerate(titles)]
    site.routes[path] = (200, "application/rss+xml", rss(entries, title))
    return site.url(path)


def test_feeds_add_says_a_feed_is_in_a_language_autonews_does_not_read(
    cli, home: Path, site: Site
) -> None:
    french = cli("feeds", "add", _serve(site, "/fr.xml", "L'Auto Journal", FRENCH))
    assert french.code == 0, french.err
    assert f'added: {site.url("/fr.xml")} as "L\'Auto Journal"' in french.out
    assert f"autonews: L'Auto Journal: {NOTE}" in french.err
    german = cli("feeds", "add", _serve(site, "/de.xml", "Autoflotte", GERMAN))
    assert german.code == 0, german.err
    assert german.err == ""  # German is read


def test_feeds_list_names_the_feeds_in_a_language_autonews_does_not_read(
    cli, home: Path, site: Site
) -> None:
    for path, name, titles in (
        ("/fr.xml", "L'Auto Journal", FRENCH),
        ("/de.xml", "Autoflotte", GERMAN),
    ):
        assert cli("feeds", "add", _serve(site, path, name, titles)).code == 0
    assert cli("digest", "--no-extract", "--format", "json").code == 0
    listed = cli("feeds", "list")
    assert listed.code == 0, listed.err
    assert f"L'Auto Journal: {NOTE}" in listed.out
    assert "Autoflotte:" not in listed.out
