"""Which article pages a run hands to the network next: round-robin over their hosts, no more
than ``per_host`` of one host out at a time, and no more than ``limit`` in hand (handed out and
not yet extracted), so that pages fetched and waiting for extraction never pile up."""

from __future__ import annotations

from collections import OrderedDict, deque
from urllib.parse import urlsplit


class PageQueue:
    def __init__(self, limit: int, per_host: int) -> None:
        self.limit, self.per_host = limit, per_host
        self.in_hand = 0  # handed out, and not yet done with
        self._waiting: OrderedDict[str, deque[str]] = OrderedDict()
        self._out: dict[str, int] = {}  # host -> pages on the network

    def __bool__(self) -> bool:
        """Pages wait to be handed out."""
        return bool(self._waiting)

    @property
    def idle(self) -> bool:
        """Nothing waits and nothing is in hand."""
        return not self._waiting and self.in_hand == 0

    def add(self, url: str) -> None:
        self._waiting.setdefault(host_of(url), deque()).append(url)

    def take(self) -> list[str]:
        """The pages to hand to the network now (each is in hand until :meth:`done`)."""
        taken: list[str] = []
        progress = True
        while progress and self._waiting and self.in_hand < self.limit:
            progress = False
            for host in list(self._waiting):
                if self.in_hand >= self.limit:
                    break
                if self._out.get(host, 0) >= self.per_host:
                    continue
                pending = self._waiting[host]
                taken.append(pending.popleft())
                if not pending:
                    del self._waiting[host]
                self._out[host] = self._out.get(host, 0) + 1
                self.in_hand += 1
                progress = True
        return taken

    def fetched(self, url: str) -> None:
        """The page is off the network (and perhaps on to extraction)."""
        self._out[host_of(url)] -= 1

    def done(self) -> None:
        """A page in hand is done with."""
        self.in_hand -= 1

    def drop_waiting(self) -> list[str]:
        """Every page never handed out, taken out of the queue."""
        urls = [url for pending in self._waiting.values() for url in pending]
        self._waiting.clear()
        return urls


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
