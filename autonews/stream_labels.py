"""Items' classifications with their article page's text, made while a stream's other pages are
still coming (:mod:`autonews.stream`). The classify stage classifies an item again with its
page's text when its title and summary named no maker (:func:`autonews.labels.classify_items`);
made once every page is in, that was work on one core while the other idled. Here it is done
in the run's idle moments as each page arrives, and the stage takes what was made for the same
title, summary and text: a classification is a function of those, so the digest is the same."""

from __future__ import annotations

from collections.abc import Callable

from autonews.config import ClassifyConfig
from autonews.feed_work import Records
from autonews.models import Classification, ParsedFeed

Read = tuple[str, str, str]  # an item's title, summary and its page's text


class PageLabels:
    """The classifications made so far (``made``), and those to make."""

    def __init__(self, settings: ClassifyConfig) -> None:
        self.settings = settings
        self.made: dict[Read, Classification] = {}
        self._waiting: dict[str, list[tuple[str, str]]] = {}  # page -> title and summary
        self._due: list[Read] = []

    def expect(self, document: ParsedFeed, records: Records, text_of: Callable[[str], str]) -> None:
        """A feed's entries classified on arrival (``records``): those whose title and summary
        named no maker are classified again once their page's text is there (``text_of``:
        the text of a page read, "" for one not read yet)."""
        for entry, record in zip(document.entries, records, strict=False):
            if record is None or record[0] or not entry.link:  # (record[0]: its makers)
                continue
            if text := text_of(entry.link):
                self._due.append((entry.title, entry.summary, text))
            else:
                self._waiting.setdefault(entry.link, []).append((entry.title, entry.summary))

    def page_read(self, url: str, text: str) -> None:
        """A page's text has come."""
        for title, summary in self._waiting.pop(url, ()):
            if text:
                self._due.append((title, summary, text))

    @property
    def due(self) -> bool:
        return bool(self._due)

    def make_next(self) -> None:
        from autonews.classify.configured import classifier_for

        title, summary, text = read = self._due.pop()
        self.made[read] = classifier_for(self.settings).classify(title, summary, text)
