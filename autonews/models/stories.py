"""A digest and its stories: the sources that tell each story, what made one news again, the
feeds' health, the filters applied and the groups it is shown in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from autonews.briefings import reads_as_newsletter
from autonews.models.classification import Classification
from autonews.models.items import NEVER_FETCHED, FeedStatus


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
    # A launch's stage its titles tell (launch_stage_filter: "coming" for a teaser or spy shot,
    # "reveal", "pre-sale", "launch" on sale…), shown beside its event ("launch · teaser").
    stage: str | None = None

    @property
    def cluster_size(self) -> int:
        """Its sources: articles, each once however many feeds carried it."""
        return len(self.sources)

    @property
    def outlet_count(self) -> int:
        """The outlets its sources are from (an aggregator's item's outlet, else its feed), one
        outlet's names as one (``outlet_copies.one_name_each``)."""
        from autonews.outlet_copies import one_name_each

        names = one_name_each(s.outlet or s.feed for s in self.sources)
        return len({name.casefold() for name in names.values()})

    @property
    def roundup(self) -> bool:
        """Every source a newsletter's issue or a roundup ("The Charge, Dec 6: VW's ID recall,
        Tesla's rough November, …", "Morning Briefing — Dec 3"): news told elsewhere, no story
        of its own; left out of a digest but of all topics (trial 44: posted to Slack as car
        stories)."""
        return bool(self.sources) and all(reads_as_newsletter(s.title) for s in self.sources)

    @property
    def shown_by_default(self) -> bool:
        """Car news, which a digest shows without --all-topics: about cars, told by a report
        (not by community posts alone) and not only by newsletters' roundups."""
        return self.classification.automotive and not self.community and not self.roundup

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
    # Stories of newsletters' issues and roundups alone, about cars, left out too (the same).
    roundups: int = 0
    # Stories in the window before the reader's filters (None: not known, nothing filtered),
    # and each filter with the stories it left: an empty digest says which filter emptied it.
    before_filters: int | None = None
    filters: tuple[FilterStep, ...] = ()
    muted: int = 0  # stories the config's mute rules removed (counted, so none is lost silently)
    # Under --new: when the digest last ran with --new (None: never, or not --new), and how many
    # of its stories are older than the window, first seen since then (a gap, a feed down).
    last_new_digest: datetime | None = None
    caught_up: int = 0
    # Under --new: stories an earlier --new digest delivered, left out now though sources
    # joined them since its last run (gaining sources is no news of its own: README).
    grown: int = 0
    grown_ids: tuple[str, ...] = ()  # their ids, as the footer names them (trial 53)
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
