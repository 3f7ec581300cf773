"""The plain frozen dataclasses that flow through the pipeline.

config -> fetch -> parse -> store -> extract -> classify -> cluster -> digest -> render -> deliver
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

NEVER_FETCHED = "never fetched"  # the error of a feed's health before its first fetch


class FeedStatus(StrEnum):
    OK = "ok"
    NOT_MODIFIED = "not_modified"
    ERROR = "error"
    # Read, but only in part: its document is broken (cut short, a tag left open). Its items
    # read are kept; it is a failure all the same (named, exit 3), as items are missing.
    PARTIAL = "partial"

    @property
    def failed(self) -> bool:
        """Whether the feed failed this run, wholly or in part."""
        return self in (FeedStatus.ERROR, FeedStatus.PARTIAL)


class Event(StrEnum):
    """Event slugs, ordered by how much a reader wants to see them first."""

    RECALL = "recall"
    INCIDENT = "incident"
    LEGAL = "legal"
    RESTRUCTURING = "restructuring"
    REGULATION = "regulation"
    LAUNCH = "launch"
    OWNERSHIP = "ownership"
    PARTNERSHIP = "partnership"
    LEADERSHIP = "leadership"
    PRODUCTION = "production"
    FINANCIALS = "financials"
    PRICING = "pricing"
    OTHER = "other"


# Importance of an event type in the digest ordering (recall and incident first).
EVENT_WEIGHT: dict[Event, float] = {
    Event.RECALL: 3.0,
    Event.INCIDENT: 3.0,
    Event.LEGAL: 2.4,
    Event.RESTRUCTURING: 2.4,
    Event.REGULATION: 2.2,
    Event.LAUNCH: 2.0,
    Event.OWNERSHIP: 2.0,
    Event.PARTNERSHIP: 1.8,
    Event.LEADERSHIP: 1.8,
    Event.PRODUCTION: 1.6,
    Event.FINANCIALS: 1.5,
    Event.PRICING: 1.5,
    Event.OTHER: 1.0,
}


@dataclass(frozen=True)
class FetchResult:
    """What the HTTP layer got for one URL."""

    url: str
    status: FeedStatus
    http_status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    error: str | None = None
    elapsed: float = 0.0
    moved_to: str | None = None  # where permanent redirects (301, 308) from ``url`` led


@dataclass(frozen=True)
class ParsedEntry:
    title: str
    link: str | None
    guid: str | None
    summary: str
    published: datetime | None
    author: str = ""
    # The outlet an aggregator's item is from (its RSS <source>: "Reuters" in Google News);
    # "" for a feed's own items.
    outlet: str = ""


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    link: str | None
    entries: tuple[ParsedEntry, ...]
    kind: str = ""  # rss20, atom10, json11...
    skipped: int = 0  # entries with nothing to show (no title, link or text): left out
    # A broken document read only in part (cut short, a tag left open): what was wrong and
    # what it cost, as the feed's error ("" when read whole). See autonews.parse.damage.
    damage: str = ""


@dataclass(frozen=True)
class Item:
    """An entry as stored: identity is per feed."""

    id: int
    feed_url: str
    feed_name: str
    title: str
    link: str | None
    summary: str
    published: datetime
    first_seen: datetime
    dated: bool  # False when the feed gave no date and `published` is the first-seen time
    tags: tuple[str, ...] = ()
    baseline: bool = False  # from a feed's first fetch and older than the first-run window
    # When its feed was last read before it appeared (None: on the feed's first read): an item
    # first seen after a gap is news if it was published after that, less the window.
    read_before: datetime | None = None
    # The date its feed gave it, when that lay more than a day ahead of its first sight: it is
    # dated as first seen (``published``), and digests say the feed's date. None: not ahead.
    feed_date: datetime | None = None
    corrected_at: datetime | None = None  # when its feed last gave it another title
    outlet: str = ""  # an aggregator's item: the outlet it is from (feed_name names it too)
    # A user's post on a community site (a subreddit, a forum: autonews.community), not an
    # outlet's report: it may join a news story, never title it or stand alone.
    community: bool = False


@dataclass(frozen=True)
class Article:
    """An extracted article body."""

    url: str
    title: str
    author: str
    date: str
    language: str
    text: str
    skipped: str = ""  # why no text: "not html (application/pdf)", "fetch failed: ..."


@dataclass(frozen=True)
class PageFailure:
    """An article page that could not be fetched: not tried again before ``retry_after``."""

    url: str
    error: str  # "fetch failed: timed out after 20 s"
    failures: int  # in a row
    retry_after: datetime


@dataclass(frozen=True)
class MakerRef:
    name: str
    group: str
    country: str = ""


@dataclass(frozen=True)
class CompanyRef:
    name: str
    role: str


@dataclass(frozen=True)
class ModelRef:
    """A vehicle model named in the text, tied to its maker ("SU7 Ultra" -> Xiaomi)."""

    name: str  # as the knowledge files write it
    maker: str


def told_longer(short: str, long: str) -> bool:
    """Whether ``long`` is the model ``short`` names, maybe told longer: "su7" and "su7 ultra",
    "mach-e" and "mustang mach-e"; not "model y" and "model 3" (names in one case)."""
    return long == short or long.startswith(short + " ") or long.endswith(" " + short)


@dataclass(frozen=True)
class Figure:
    kind: str  # units, money, percent
    text: str  # as written, with the words that bound it ("超4万台", "over 40,000 units")
    value: float | None = None  # None for a range: it has two
    unit: str = ""  # currency code, "%", or what was counted
    low: float | None = None  # a range's ends ("11.5万至12万辆": 115,000 and 120,000)
    high: float | None = None
    qualifier: str = ""  # at_least ("over 40,000", 超4万台), about (约, "nearly"), at_most
    measure: str = ""  # what a percentage is: yoy, mom, wow, qoq, share, penetration, margin,
    # stock (a share price's move), index (a market index's: no figure of a maker)
    # A count whose unit the words before it imply ("deliveries hit 48,532"), not a unit word
    # after it: clustering tells events apart only by counts their words say (not in JSON).
    implied: bool = False
    # Which way a percentage moved, where its words say: up ("sales rise 21 pc", "23% growth"),
    # down ("sales decline 18%", 同比下降5%); "" where they say neither.
    direction: str = ""


# A figure's qualifier and measure in words, as `classify`, `story` and --explain say them.
QUALIFIER_WORDS = {"at_least": "at least", "about": "about", "at_most": "at most"}
MEASURE_WORDS = {
    "yoy": "year-on-year",
    "mom": "month-on-month",
    "wow": "week-on-week",
    "qoq": "quarter-on-quarter",
    "share": "market share",
    "penetration": "penetration",
    "margin": "margin",
    "stock": "share price",
    "index": "market index",
}


@dataclass(frozen=True)
class Classification:
    makers: tuple[MakerRef, ...]
    companies: tuple[CompanyRef, ...]
    event: Event
    speculative: bool
    figures: tuple[Figure, ...] = ()
    reasons: tuple[str, ...] = ()  # why, for --explain
    models: tuple[ModelRef, ...] = ()
    automotive: bool = True  # about the car industry; False: no makers, event other
    confidence: float = 1.0  # how sure the event is (the event model's probability)

    def to_record(self) -> list[Any]:
        """A compact JSON-able form for the store's cache (reasons are not kept)."""
        return [
            [[m.name, m.group, m.country] for m in self.makers],
            [[c.name, c.role] for c in self.companies],
            self.event.value,
            self.speculative,
            [
                [
                    f.kind,
                    f.text,
                    f.value,
                    f.unit,
                    f.low,
                    f.high,
                    f.qualifier,
                    f.measure,
                    f.implied,
                    f.direction,
                ]
                for f in self.figures
            ],
            [[m.name, m.maker] for m in self.models],
            self.automotive,
            self.confidence,
        ]

    @classmethod
    def from_record(cls, record: list[Any]) -> Classification:
        makers, companies, event, speculative, figures, models, automotive, confidence = record
        return cls(
            makers=tuple(MakerRef(*m) for m in makers),
            companies=tuple(CompanyRef(*c) for c in companies),
            event=Event(event),
            speculative=bool(speculative),
            figures=tuple(Figure(*f) for f in figures),
            models=tuple(ModelRef(*m) for m in models),
            automotive=bool(automotive),
            confidence=float(confidence),
        )


@dataclass(frozen=True)
class Source:
    feed: str
    title: str
    url: str | None
    published: datetime
    first_seen: datetime | None = None  # when the store first had it
    new: bool = False  # joined the story since an earlier --new digest delivered it
    feed_date: datetime | None = None  # its feed's date, far ahead of first sight (Item's)
    item_id: int = 0  # the store's item (what `autonews story` names its merges by)
    corrected_at: datetime | None = None  # when its feed last retitled it (Item's)
    outlet: str | None = None  # an aggregator's item: the outlet it is from (Item's)
    # The aggregators' feeds that passed this article on (one source stands for every copy of
    # an article: autonews.outlets); () for an item of a feed's own, carried by none.
    via: tuple[str, ...] = ()
    # How it tells the story on its own: what makes a delivered story news again is what the
    # sources that joined it since tell, not what the window's sliding past others leaves.
    event: str = ""  # its event's slug
    figure: str = ""  # its headline figure ("units:142310", see digest.headline_figure)
    speculative: bool = False
    # A community post (Item's): the readers' discussion of the story, never news of it.
    community: bool = False


@dataclass(frozen=True)
class Retold:
    """What made a delivered story news again, for a reader to see what is new in it: the
    newest source since the last --new digest that tells the change (its headline, not the
    story's old one), and the event and headline figure it went out with."""

    source: Source | None
    event_before: str = ""  # its event's slug when last delivered
    figure_before: str = ""  # the headline figure then ("units:142310"; "": none recorded)
    title_before: str = ""  # the title it went out with ("": not recorded)
    figure_now: str = ""  # a retitled source's corrected count ("": the story's headline figure)


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    url: str | None
    published: datetime
    summary: str
    body: str | None
    classification: Classification
    sources: tuple[Source, ...]
    item_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    new_sources: int = 0  # sources added since the story was last delivered (0: never delivered)
    delivered_before: bool = False  # an earlier --new digest (of this digest's name) delivered it
    figure_changed: bool = False  # its headline figure differs from the one last delivered
    confirmed: bool = False  # a rumour when last delivered, told firmly now
    event_changed: bool = False  # sources joined since it went out tell it as another event
    # A source joined since it went out tells a new turn of it (its fix changed, the launch
    # itself; autonews.story_turns), or is the notice of a regulator none of its notices was.
    new_turn: bool = False
    new_notice: bool = False
    retold: Retold | None = None  # what made it news again (figure_changed, confirmed, event…)
    # Every source a community post (a subreddit's, a forum's: autonews.community): no news
    # story, left out of a digest but of all topics, as a story not about cars is.
    community: bool = False

    @property
    def cluster_size(self) -> int:
        """Its sources: articles, each once however many feeds carried it."""
        return len(self.sources)

    @property
    def outlet_count(self) -> int:
        """The outlets its sources are from (an aggregator's item's outlet, else its feed)."""
        return len({" ".join((s.outlet or s.feed).split()).casefold() for s in self.sources})

    @property
    def shown_by_default(self) -> bool:
        """Car news, which a digest shows without --all-topics: about cars, and told by a
        report (not by community posts alone)."""
        return self.classification.automotive and not self.community

    @property
    def feed_date(self) -> datetime | None:
        """The date the feed of its earliest source gave that source, far in the future: the
        story is dated by that source's first sight, and says so. None: dated as its feed has
        it."""
        return self.sources[0].feed_date if self.sources else None


@dataclass(frozen=True)
class FeedHealth:
    url: str
    name: str
    status: FeedStatus
    http_status: int | None = None
    error: str | None = None
    items: int = 0
    consecutive_failures: int = 0
    last_success: datetime | None = None
    # A failure an earlier digest already named, with the same error, less than [digest]
    # failure_reminder ago: counted in the footer, not named again (cron mails it once a day).
    repeated: bool = False
    # A failure named on stderr alone, less than failure_reminder ago, by a run that wrote its
    # readers nothing (--new, nothing new): not on stderr again, but named in the next footer.
    stderr_told: bool = False
    # Where permanent redirects (HTTP 301, 308) led its last good fetch: the feed moved for good,
    # and `autonews feeds edit --url` would update the list. None: it did not move.
    moved_to: str | None = None
    move_told: bool = False  # an earlier run (of this kind) has told of that move: not again
    # Entries of this run's document with nothing to show (no title, link or text): left out,
    # and said (`feeds check`, `--debug`) rather than lost without a word. Not stored.
    skipped_entries: int = 0


@dataclass(frozen=True)
class SkippedPage:
    """An article page this run did not read, and why."""

    url: str
    reason: str  # "fetch failed: timed out after 20 s", "link to a private or loopback address..."
    kind: str  # "failed" (this run), "waiting" (failed before, backing off), "private", "other"
    retry_after: datetime | None = None  # failed pages: not fetched again before this


@dataclass(frozen=True)
class FilterStep:
    """One of the reader's filters (--maker, --model, --event, --exclude-event, a named digest's
    tags) and how many stories were left after it and the ones before it."""

    name: str  # maker, model, company, event, exclude_event, tag
    values: tuple[str, ...]
    left: int
    hidden: int = 0  # of the stories it left, those the digest does not show (not about cars)


@dataclass(frozen=True)
class Group:
    key: str
    kind: str  # maker, group, event, industry
    story_ids: tuple[str, ...]
    # Stories of other groups that name this group's maker too: a joint recall of Hyundai and
    # Kia, under Hyundai, is also listed (by its title) under Kia.
    also_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Digest:
    generated_at: datetime
    feeds: tuple[FeedHealth, ...]
    stories: tuple[Story, ...]
    groups: tuple[Group, ...]
    lead_id: str | None = None
    title: str = "autonews digest"
    name: str = ""  # the [[digests]] entry it was made for (`--name`); "" for the plain one
    extras: dict[str, str] = field(default_factory=dict)
    skipped_pages: tuple[SkippedPage, ...] = ()
    # Stories left out as not about the car industry (--all-topics shows them as "Other news").
    not_about_cars: int = 0
    # Stories of community posts alone, about cars, left out too (--all-topics shows them).
    community_posts: int = 0
    # Stories in the window before the reader's filters (None: not known, nothing filtered),
    # and each filter with the stories it left: an empty digest says which filter emptied it.
    before_filters: int | None = None
    filters: tuple[FilterStep, ...] = ()
    muted: int = 0  # stories the config's mute rules removed (counted, so none is lost silently)
    # Under --new: when the digest last ran with --new (None: never, or not --new), and how many
    # of its stories are older than the window, first seen since then (a gap, a feed down).
    last_new_digest: datetime | None = None
    caught_up: int = 0
    # The reader's language tag its titles were chosen for ("en", "zh", "zh-tw"): HTML says it.
    language: str = "en"

    def story(self, story_id: str) -> Story:
        for story in self.stories:
            if story.id == story_id:
                return story
        raise KeyError(story_id)

    @property
    def failed_feeds(self) -> tuple[FeedHealth, ...]:
        """Feeds whose fetch failed (a feed an --offline run never fetched has not failed)."""
        return tuple(
            feed for feed in self.feeds if feed.status.failed and feed.error != NEVER_FETCHED
        )

    @property
    def unfetched_feeds(self) -> tuple[FeedHealth, ...]:
        """Feeds never fetched: an --offline run before any other."""
        return tuple(feed for feed in self.feeds if feed.error == NEVER_FETCHED)

    @property
    def failures_to_report(self) -> tuple[FeedHealth, ...]:
        """Failed feeds to name: new failures, changed errors, or last named a day ago."""
        return tuple(feed for feed in self.failed_feeds if not feed.repeated)

    @property
    def failures_to_tell_on_stderr(self) -> tuple[FeedHealth, ...]:
        """Failed feeds to name on stderr: those to report, less those stderr named already."""
        return tuple(feed for feed in self.failures_to_report if not feed.stderr_told)

    @property
    def moves_to_report(self) -> tuple[FeedHealth, ...]:
        """Feeds that moved for good, to tell of (once)."""
        return tuple(feed for feed in self.feeds if feed.moved_to and not feed.move_told)

    @property
    def every_feed_failed(self) -> bool:
        """Whether no feed could be read this run (not one that was never fetched; a feed read
        in part was read)."""
        failed = [feed for feed in self.failed_feeds if feed.status is FeedStatus.ERROR]
        return bool(failed) and len(failed) == len(self.feeds)
