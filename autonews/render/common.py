"""Helpers shared by the text-like renderers: labels, counted nouns, times, safe links; the words
they say are the reader's (``autonews.render.words``: a ``Clock`` carries them)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from autonews.company_headings import owned_company
from autonews.models import Digest, Event, FeedHealth, Group, Story
from autonews.outlet_copies import one_name_each
from autonews.render import RenderOptions
from autonews.render.news_again import event_news, figure_change
from autonews.render.words import ENGLISH_WORDS, Words, words_for
from autonews.text import clean_text
from autonews.timeparse import zone_label


def plural(count: int, noun: str, plural_form: str = "") -> str:
    """ "1 story", "2 stories", "3 launches", "0 feeds": the count and the noun agreeing with it;
    ``plural_form`` for an irregular noun."""
    if count == 1:
        return f"{count} {noun}"
    if not plural_form:
        if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
            plural_form = noun[:-1] + "ies"
        elif noun.endswith(("s", "x", "z", "ch", "sh")):
            plural_form = noun + "es"
        else:
            plural_form = noun + "s"
    return f"{count} {plural_form}"


RELATIVE_LIMIT = timedelta(days=30)  # older than this, even the terminal gives the date


@dataclass(frozen=True)
class Clock:
    """How a digest shows times: in the reader's zone, and "5h ago" only where the digest is read
    as it is made (the terminal); files and mail say when, since "5h ago" goes stale."""

    now: datetime
    zone: tzinfo | None = UTC  # None: the system's local zone ($TZ)
    relative: bool = False
    words: Words = ENGLISH_WORDS  # the reader's: "27 Nov 04:00", "11月27日 04:00"

    @classmethod
    def of(cls, digest: Digest, options: RenderOptions, *, relative: bool = False) -> Clock:
        relative = relative and options.relative_times
        return cls(digest.generated_at, options.timezone, relative, words_for(digest.language))

    def stamp(self) -> str:
        """When the digest was made, in full: "27 Nov 2026 10:00 CET (UTC+01:00)"."""
        local = self.now.astimezone(self.zone)
        return f"{self.words.moment('stamp', local)} {zone_label(local)}"

    def when(self, moment: datetime) -> str:
        """A story's time: "5h ago" (relative), or "27 Nov 04:00" in the reader's zone (the
        zone is named once, in the digest's header). Past a month "400d ago" says less than
        the date, so the date it is."""
        if self.relative and self.now - moment < RELATIVE_LIMIT:
            return self.words.ago(_seconds_since(moment, self.now))
        return self.at(moment)

    def at(self, moment: datetime) -> str:
        """A moment, past or to come, in the reader's zone: "27 Nov 04:00", with the year when
        it is not the reader's current one ("14 Sep 2023 22:00"): `--since all` reaches back
        years, and a date without its year would read as this year's."""
        local = moment.astimezone(self.zone)
        this_year = self.now.astimezone(self.zone).year
        return self.words.moment("at" if local.year == this_year else "at_with_year", local)

    def day(self, moment: datetime) -> str:
        """A day with its year, in the reader's zone: "09 Mar 2027" (a date a feed gave far
        ahead: its year is the point)."""
        return self.words.moment("day", moment.astimezone(self.zone))


def age(published: datetime, now: datetime) -> str:
    """ "5h ago", in English (`feeds list` and the like)."""
    return ENGLISH_WORDS.ago(_seconds_since(published, now))


def _seconds_since(moment: datetime, now: datetime) -> int:
    return max(0, int((now - moment).total_seconds()))


def web_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None: the one rule for which links a digest
    gives, in every format. A feed's javascript:, data: or file: link is no link to follow."""
    link = url.strip() if url else ""
    return link if link.lower().startswith(("http://", "https://")) else None


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are shown as links (``web_link``), as text a screen can hold."""
    link = web_link(url)
    return clean_text(link) if link else None


def skipped_entries_note(feed: FeedHealth) -> str:
    """ "1 item skipped (no title, link or text)": the entries of a feed's document that had
    nothing to show; "" when none."""
    if not feed.skipped_entries:
        return ""
    return f"{plural(feed.skipped_entries, 'item')} skipped (no title, link or text)"


def source_line(story: Story, clock: Clock, *, speculative: bool = True) -> str:
    """ "3 sources · 1 new since your last digest · 27 Nov 04:00 · feeds · speculative", with
    the feed's own date after the feeds when it was far ahead (see ``feed_date_note``), in the
    reader's words (``clock.words``)."""
    words = clock.words
    parts = [source_count(story, words), clock.when(story.published)]
    parts.append(outlets(story, words))
    if story.new_sources:
        parts.insert(1, words("new_sources", n=story.new_sources))
    if story.confirmed:
        parts.insert(1, words("confirmed"))
    elif story.figure_changed and story.delivered_before:
        parts.insert(1, figure_change(story, words))
    elif story.event_changed and story.delivered_before and story.retold is None:
        parts.insert(1, event_news(story, words))  # else the line of what is new tells it
    elif story.new_notice and story.delivered_before:
        parts.insert(1, words("notice_new"))
    elif story.new_turn and story.delivered_before:
        parts.insert(1, words("turn_new"))
    if story.feed_date is not None:
        parts.append(feed_date_note(story, clock))
    if speculative and story.classification.speculative:
        parts.append(words("speculative"))
    return words("separator").join(parts)


def source_and_id_line(story: Story, clock: Clock) -> str:
    """The source line (``source_line``) and the story's id, what `autonews read` takes."""
    words = clock.words
    return source_line(story, clock) + words("separator") + words("story_id", id=story.id)


def source_count(story: Story, words: Words = ENGLISH_WORDS) -> str:
    """ "6 sources", or "7 sources from 6 outlets" when an outlet gave several: a story's
    weight is its articles and who wrote them, not how many feeds carried them (trial 43)."""
    sources = words.count("source", story.cluster_size)
    if story.outlet_count >= story.cluster_size:
        return sources
    return words("sources_from", sources=sources, outlets=words.count("outlet", story.outlet_count))


def outlets(story: Story, words: Words = ENGLISH_WORDS) -> str:
    """The outlets of a story's sources (an aggregator's item's outlet, not the searches that
    passed it on: trial 43's lines were 18 names long), each once, with how many of them it gave
    when more than one ("MarketDesk Autos, Asia Business Autos (2), 财经汽车快讯": an outlet's
    English and Japanese versions), so that they add up to the count of sources (trial 31 #18)."""
    return words("list").join(_outlet_names(story, words))


def _outlet_names(story: Story, words: Words) -> list[str]:
    # One outlet's names as one, shown by its shortest: "Bangkok Post (2)" for its own feed
    # "Bangkok Post Business" and a search's item credited to "Bangkok Post" (trial 53).
    shortest = one_name_each(clean_text(source.outlet or source.feed) for source in story.sources)
    counts = Counter(shortest[clean_text(source.outlet or source.feed)] for source in story.sources)
    names = {name: _unambiguous(name, words) for name in counts}
    return [
        names[name] if n == 1 else words("outlet_count", feed=names[name], n=n)
        for name, n in counts.items()
    ]


def _unambiguous(name: str, words: Words) -> str:
    """A feed's name as a list shows it: quoted where it holds the list's own mark, which would
    make one name read as two (RSSHub's "小米汽车、蔚来的微博" among "IT之家、CnEVPost": 「…」)."""
    mark = words("list").strip()
    return words("quoted_name", name=name) if mark and mark in name else name


# Quotes a list's names may stand in (``_unambiguous``): the list's mark inside them parts none.
_OPENING_QUOTES = "「“"
_CLOSING_QUOTES = "」”"


def part_spans(line: str, words: Words) -> list[tuple[int, int]]:
    """Where each part of a story's ``source_line`` stands, and each outlet's name in its list:
    wrapped, the line breaks between them, and keeps "车滴快讯", "懂车帝 - 新车资讯" and
    "43小时前" whole where a line holds them (not "车滴快" / "讯", nor "懂车帝 -" / "新车资讯")."""
    spans, start = [], 0
    for part in line.split(words("separator")):
        for name in _list_items(part, words("list")):
            spans.append((start, start + len(name)))
            start += len(name) + len(words("list"))
        start += len(words("separator")) - len(words("list"))
    return spans


def _list_items(part: str, mark: str) -> list[str]:
    """``part`` split at the list's ``mark``, not inside a quoted name."""
    items, start, depth, offset = [], 0, 0, 0
    while offset < len(part):
        char = part[offset]
        depth += (char in _OPENING_QUOTES) - (char in _CLOSING_QUOTES and depth > 0)
        if depth == 0 and part.startswith(mark, offset):
            items.append(part[start:offset])
            offset = start = offset + len(mark)
            continue
        offset += 1
    return [*items, part[start:]]


def feed_date_note(story: Story, clock: Clock) -> str:
    """Why a story is dated as first seen: "dated 09 Mar 2027 by its feed" (by the feed's name
    when it has several sources), the date its earliest source's feed gave, far ahead; ""
    when it is dated as its feed has it."""
    if story.feed_date is None:
        return ""
    date = clock.day(story.feed_date)
    if story.cluster_size == 1:
        return clock.words("dated_by_its_feed", date=date)
    return clock.words("dated_by_feed", date=date, feed=clean_text(story.sources[0].feed))


def event_label(story: Story, words: Words = ENGLISH_WORDS) -> str:
    """The story's event, with its launch stage where it has one: "launch · teaser"."""
    return words.event_label(story.classification.event, story.stage)


def makers_label(story: Story, words: Words = ENGLISH_WORDS) -> str:
    """The story's makers by the reader's names for them, or the company a group owns that it
    is filed under ("Denso (Toyota)"), or the industry's group's name."""
    names = [clean_text(m.name) for m in story.classification.makers]
    if names:
        return words.makers(names)
    company = owned_company(story)
    if company is None:
        return words("industry")
    return words(
        "group_with_parent",
        group=words.maker(clean_text(company.name)),
        parent=words.maker(clean_text(company.owner)),
    )


def group_name(group: Group, words: Words = ENGLISH_WORDS) -> str:
    """A group's name as the reader reads it: a maker's or group's (蔚来), an event's (召回),
    the industry's (行业) or "Other news"."""
    if group.kind == "industry":
        return words("industry")
    if group.kind == "other":
        return words("other_news")
    if group.kind == "event":
        return words.event(Event(group.key))
    return words.maker(clean_text(group.key))


def also_listed(
    digest: Digest, group: Group, words: Words = ENGLISH_WORDS
) -> list[tuple[str, str]]:
    """The stories filed under other groups that name this group's maker too: each one's title
    and the name of the group it is filed under ("Hyundai & Kia Recall ..." under Hyundai,
    listed for Kia)."""
    if not group.also_ids:  # most groups: no map of every story to build
        return []
    home = {story_id: g for g in digest.groups for story_id in g.story_ids}
    return [
        (
            clean_text(digest.story(story_id).title),
            group_name(home[story_id], words) if story_id in home else "",
        )
        for story_id in group.also_ids
    ]


def group_parent(digest: Digest, group: Group) -> str | None:
    """The parent group of a maker's group when it has another name (Volvo: Geely): read from
    the maker the group is named after, wherever it stands in a story's makers (with --maker,
    a joint story is filed under its second maker); a company's owner ("Denso (Toyota)",
    "Waymo (Alphabet)")."""
    if group.kind == "company":
        company = owned_company(digest.story(group.story_ids[0]))
        return company.owner if company else _owner(group.key)
    if group.kind != "maker":
        return None
    for story_id in group.story_ids:
        for maker in digest.story(story_id).classification.makers:
            if maker.name == group.key:
                return maker.group if maker.group != group.key else None
    return None


def _owner(company: str) -> str | None:
    """The group that owns a company where companies.toml names one (Waymo: Alphabet)."""
    from autonews.classify.knowledge_loading import default_knowledge

    found = (c.owner for c in default_knowledge().companies if c.name == company)
    return next(found, "") or None


def group_heading(digest: Digest, group: Group, words: Words = ENGLISH_WORDS) -> str:
    """ "Volvo (Geely)", "沃尔沃（吉利）"."""
    heading = group_name(group, words)
    parent = group_parent(digest, group)
    if not parent:
        return heading
    return words("group_with_parent", group=heading, parent=words.maker(clean_text(parent)))


def digest_heading(digest: Digest, words: Words = ENGLISH_WORDS) -> str:
    """The digest's title, with a named digest's name: "autonews digest: recalls" (several named
    digests read in one mailbox or browser are told apart by it)."""
    title = clean_text(digest.title) or "autonews digest"
    if title == "autonews digest":
        title = words("digest_title")
    return f"{title}: {clean_text(digest.name)}" if digest.name else title


def summary_line(digest: Digest, clock: Clock) -> str:
    """ "27 Nov 2026 10:00 CET · 5 stories from 1 feed"."""
    words = clock.words
    count = words(
        "header_count",
        stories=words.count("story", len(digest.stories)),
        feeds=words.count("feed", len(digest.feeds)),
    )
    return f"{clock.stamp()}{words('separator')}{count}"
