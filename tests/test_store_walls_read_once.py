"""A stored body is read for walls (a consent wall, a bot check, a paywall's prompt kept before
such pages were read as having no text: trial 43) once for each version of what walls are, not
again on every run: a warm farm run read its 300 bodies anew each time, a tenth of its CPU
(issue 17). A wall stays a wall on every read, and a change of the wall knowledge reads every
body again."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

import autonews.store.pages as pages
from autonews.models import Article
from autonews.store import Store

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
_WALL = Article(
    "https://news.example/consent",
    "Before you continue to Searchly",
    "",
    "",
    "en",
    "Searchly uses cookies and data to run and improve its services, keep them safe from spam "
    "and abuse, and measure how visitors engage with our sites. If you choose to Accept all, we "
    "will also use cookies and data to build new services and to show and measure personalised "
    "ads.\nReject all\nAccept all\nMore options",
)
_ARTICLE = Article(
    "https://news.example/recall",
    "Ford recalls 227,000 Explorer SUVs",
    "",
    "",
    "en",
    "Ford is recalling 227,000 Explorer SUVs in the United States because rear axle bolts can "
    "break, the National Highway Traffic Safety Administration said on Friday. Dealers will "
    "replace the bolts free of charge, and owners will be told by letter from January.",
)
_URLS = [_WALL.url, _ARTICLE.url]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the bodies read for walls."""
    read: list[str] = []
    check = pages.stored_wall

    def counted(text: str, title: str) -> str | None:
        read.append(title)
        return check(text, title)

    monkeypatch.setattr(pages, "stored_wall", counted)
    return read


def _shown(store: Store) -> dict[str, tuple[str, str]]:
    return {url: (a.text[:4], a.skipped[:14]) for url, a in store.articles(_URLS).items()}


def test_a_body_read_as_no_wall_is_not_read_again(tmp_path: Path, reads: list[str]) -> None:
    with Store(tmp_path / "autonews.sqlite3") as store:
        store.save_articles([_WALL, _ARTICLE], NOW)
        first = _shown(store)
        assert sorted(reads) == sorted([_WALL.title, _ARTICLE.title])
        reads.clear()
        assert _shown(store) == first
        assert first[_ARTICLE.url] == ("Ford", "")
        assert first[_WALL.url][0] == "" and first[_WALL.url][1]  # a wall: no text, a reason
        assert reads == [_WALL.title]  # only the wall is read again (it may be one no longer)
    with Store(tmp_path / "autonews.sqlite3") as store:  # the next run
        reads.clear()
        assert _shown(store) == first
        assert reads == [_WALL.title]


def test_a_body_is_read_again_under_new_wall_knowledge_or_once_saved_again(
    tmp_path: Path, reads: list[str]
) -> None:
    with Store(tmp_path / "autonews.sqlite3") as store:
        store.save_articles([_ARTICLE], NOW)
        store.articles(_URLS)
        store.db.execute("UPDATE articles SET no_wall = 'an older version'")
        reads.clear()
        store.articles(_URLS)
        assert reads == [_ARTICLE.title]
        store.articles(_URLS)
        assert reads == [_ARTICLE.title]
        # A body stored anew (the page read again, as a wall now) is read anew.
        store.save_articles([Article(_ARTICLE.url, _WALL.title, "", "", "en", _WALL.text)], NOW)
        assert store.articles(_URLS)[_ARTICLE.url].text == ""
        assert reads == [_ARTICLE.title, _WALL.title]


def test_a_store_opened_read_only_reads_its_bodies_and_writes_nothing(
    tmp_path: Path, reads: list[str]
) -> None:
    path = tmp_path / "autonews.sqlite3"
    with Store(path) as store:
        store.save_articles([_ARTICLE], NOW)
    path.chmod(0o444)
    try:
        with Store(path, read_only=True) as store:
            assert store.articles(_URLS)[_ARTICLE.url].text.startswith("Ford")
            assert store.articles(_URLS)[_ARTICLE.url].text.startswith("Ford")
        assert reads == [_ARTICLE.title, _ARTICLE.title]  # read each time: nothing remembered
    finally:
        path.chmod(0o644)
