"""The settings' shape: each [section]'s keys and defaults as frozen dataclasses, a feed of the
list, a named digest, and the whole Config (read and checked in ``config``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autonews.config_values import RENOTIFY_REASONS
from autonews.paths import Paths, resolve_paths

DEFAULT_USER_AGENT = "autonews/0.1 (+https://pypi.org/project/autonews/; car-industry digest)"


# What a [[digests]] entry may name as its format ("": from the file name, else text).
_DIGEST_FORMATS = frozenset(
    {"", "terminal", "text", "markdown", "html", "json", "jsonl", "atom", "slack"}
)


@dataclass(frozen=True)
class FeedConfig:
    url: str
    name: str = ""
    tags: tuple[str, ...] = ()
    enabled: bool = True  # `autonews feeds disable`: kept in the list, not fetched
    # What the feed is about (autonews.car_feeds.TOPICS): "cars", every item car news unless its
    # words say otherwise; "mixed", never read as a car feed; "community", its users' posts (a
    # subreddit, a forum: autonews.community); "auto", judged from its items.
    topic: str = "auto"

    @property
    def label(self) -> str:
        return self.name or self.url


@dataclass(frozen=True)
class NamedDigest:
    """A digest of its own from the same fetch: `autonews digest --name NAME`."""

    name: str
    to: tuple[str, ...] = ()  # mail it to these addresses; empty: print it
    makers: tuple[str, ...] = ()
    models: tuple[str, ...] = ()  # vehicle models, as --model takes them
    events: tuple[str, ...] = ()
    exclude_events: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    format: str = ""  # empty: from the -o file's extension, else text
    # Why a story a --new digest of this name delivered is sent again (RENOTIFY_REASONS of
    # config_values);
    # None: as [digest] renotify_on says.
    renotify_on: tuple[str, ...] | None = None
    # How long a story a `--new --no-mark` run printed waits for its ack before another run
    # prints it again; None: as [digest] ack_within says.
    ack_within: str | None = None


@dataclass(frozen=True)
class FetchConfig:
    timeout: float = 20.0
    deadline: float = 120.0
    # Requests in flight at once: a feed list of 30 sites is one round of requests, not two;
    # per_host keeps what any one server sees to a browser's share.
    concurrency: int = 32
    per_host: int = 4
    retries: int = 2
    max_bytes: int = 10_000_000
    max_items_per_feed: int = 100
    user_agent: str = DEFAULT_USER_AGENT
    allow_private: bool = False


@dataclass(frozen=True)
class DigestConfig:
    since: str = "48h"
    first_run_window: str = "48h"
    group_by: str = "maker"
    cluster_window: str = "72h"
    renotify_on_figure_change: bool = True  # false: no story is sent again, for any reason
    renotify_on: tuple[str, ...] = RENOTIFY_REASONS  # the reasons a story is sent again
    timezone: str = ""  # the reader's zone for times in digests; empty: the system's ($TZ)
    failure_reminder: str = "24h"  # a feed failing with the same error is named again after this
    # A story a `--new --no-mark` run printed is leased to that run's script for this long:
    # another --new run of the digest does not print it again unless it is news again (a
    # queued run must not post what the first run's script is still posting: trial 44 N1);
    # not acknowledged by then, it is printed again (the script failed).
    ack_within: str = "15m"
    all_topics: bool = False  # also stories not about cars, as "Other news"
    language: str = ""  # the reader's language for story titles: en or zh; "" = the locale's


@dataclass(frozen=True)
class StoreConfig:
    keep_days: int = 90


@dataclass(frozen=True)
class EmailConfig:
    smtp: str = ""
    sender: str = ""  # the TOML key is ``from``
    password_command: str = ""


@dataclass(frozen=True)
class ClassifyConfig:
    """User additions to the shipped knowledge, and mute rules."""

    makers: tuple[Mapping[str, Any], ...] = ()
    companies: tuple[Mapping[str, Any], ...] = ()
    event_keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    mute_makers: tuple[str, ...] = ()
    mute_events: tuple[str, ...] = ()
    mute_patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    feeds: tuple[FeedConfig, ...] = ()
    digests: tuple[NamedDigest, ...] = ()
    fetch: FetchConfig = field(default_factory=FetchConfig)
    digest: DigestConfig = field(default_factory=DigestConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    email: EmailConfig = field(default_factory=EmailConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)
    paths: Paths = field(default_factory=resolve_paths)
    source: Path | None = None  # the TOML file read, if any

    @property
    def active_feeds(self) -> tuple[FeedConfig, ...]:
        """The feeds a run fetches: all but the disabled ones."""
        return tuple(feed for feed in self.feeds if feed.enabled)
