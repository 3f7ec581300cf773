"""JSON: a serialisation of the digest model (never of the screen). Schema: schema/digest.json.

JSON Lines is the same serialisation a line at a time: each story (``"type": "story"``), then
one status line (``"type": "status"``) with everything else the JSON document carries: the
feeds' health, the counts, the groups. A script tells the two by ``type``, and knows the output
is whole when the status line has come; a --new digest with nothing new is its status line."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from autonews.feed_titles import site_name
from autonews.models import Classification, CompanyRef, Digest, FeedHealth, Figure, Source, Story
from autonews.render.common import web_link
from autonews.render.words import ENGLISH_WORDS

# 2: automotive and models on stories, not_about_cars; 3: filters, muted; 4: delivery state
# (delivered_before, new_sources, a source's new; the digest's last_new_digest, caught_up);
# 5: JSON Lines' type and status line, feed_date on stories and sources; 6: figures' units in
# one vocabulary, exact values, and a story's changed (figure, confirmed; 7: turn, notice).
# Added within 7 (compatible: fields more): a figure's low, high, qualifier and measure.
# 8: a feed's status partial. 9: a story's outlet_count, its sources' via (copies of one article
# one source). Added within 9: a story's and a source's community, the digest's community_posts;
# a figure's direction (up or down); a story's roundup, the digest's roundups. Within 9 (fewer
# values): a source's outlet is never null. Added within 9: the digest's grown (--new); a
# figure's measure loss (a sum lost), and a sum's negative value (a minus before its sign); a
# story's stage (a launch's, as --event names it: teaser, reveal, on sale…; trial 49). Added
# within 9: a company's owner, and a group of kind company (a group company's story naming no
# maker, filed under "Denso (Toyota)": trial 50).
SCHEMA_VERSION = 9


def outlet_name(source: Source) -> str:
    """The outlet a source is from: the one an aggregator names ("Reuters"), else its feed's
    site, as the feed is named ("Electrek - All Posts": "Electrek"; trial 46: a script read
    null for every item of a direct feed and had to fall back to ``feed``)."""
    return source.outlet or site_name(source.feed)


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _changed(story: Story) -> list[str]:
    """Why a story delivered before is news again (empty: it is not, or it was never out)."""
    if not story.delivered_before:
        return []
    return [
        name
        for name, yes in (
            ("figure", story.figure_changed),
            ("confirmed", story.confirmed),
            ("event", story.event_changed),
            ("turn", story.new_turn),
            ("notice", story.new_notice),
        )
        if yes
    ]


def _retold(story: Story) -> dict[str, Any] | None:
    """What made a delivered story news again: the source telling it (its headline), and the
    event and headline figure it went out with (the text's "new: …" and "142,310 → 380,000")."""
    retold = story.retold
    if not story.delivered_before or retold is None:
        return None
    source = retold.source
    kind, _, value = retold.figure_before.partition(":")
    return {
        "source": None
        if source is None
        else {
            "feed": source.feed,
            "outlet": outlet_name(source),
            "title": source.title,
            "url": web_link(source.url),
        },
        "event_before": retold.event_before,
        "figure_before": {"kind": kind, "value": _number(float(value))} if value else None,
        "title_before": retold.title_before or None,
    }


def _number(value: float | None) -> float | int | None:
    """A whole value as an integer (14768, not 14768.0): what a script sums or compares."""
    return int(value) if value is not None and value.is_integer() else value


def figure_dict(f: Figure) -> dict[str, Any]:
    """A figure as a script reads it: its value, or for a range (value null) its low and high
    end; the bound its words set and what a percentage is, null where the title says none."""
    return {
        "kind": f.kind,
        "text": f.text,
        "value": _number(f.value),
        "unit": f.unit,
        "low": _number(f.low),
        "high": _number(f.high),
        "qualifier": f.qualifier or None,
        "measure": f.measure or None,
        "direction": f.direction or None,
        "per": f.per or None,
    }


def _company(company: CompanyRef) -> dict[str, Any]:
    """A company as JSON names it: its owner only where one is known."""
    named = {"name": company.name, "role": company.role}
    return {**named, "owner": company.owner} if company.owner else named


def classification_dict(c: Classification) -> dict[str, Any]:
    return {
        "makers": [{"name": m.name, "group": m.group, "country": m.country} for m in c.makers],
        "companies": [_company(x) for x in c.companies],
        "suppliers": [_company(x) for x in c.suppliers],
        "event": c.event.value,
        "speculative": c.speculative,
        "figures": [figure_dict(f) for f in c.figures],
        "models": [{"name": m.name, "maker": m.maker} for m in c.models],
        "automotive": c.automotive,
    }


def story_dict(story: Story) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": story.id,
        "title": story.title,
        # Other tools put a link in an href: only http(s) ones, as every other format gives.
        "url": web_link(story.url),
        "published": _time(story.published),
        "feed_date": _time(story.feed_date),
        "summary": story.summary,
    }
    if story.body is not None:
        data["body"] = story.body
    data.update(classification_dict(story.classification))
    data["stage"] = ENGLISH_WORDS.stages.get(story.stage) if story.stage else None
    data["community"] = story.community
    data["roundup"] = story.roundup
    data["cluster_size"] = story.cluster_size
    data["outlet_count"] = story.outlet_count
    data["tags"] = list(story.tags)
    data["delivered_before"] = story.delivered_before
    data["new_sources"] = story.new_sources
    data["changed"] = _changed(story)
    data["retold"] = _retold(story)
    data["sources"] = [
        {
            "feed": s.feed,
            "outlet": outlet_name(s),
            "via": list(s.via),
            "title": s.title,
            "url": web_link(s.url),
            "published": _time(s.published),
            "feed_date": _time(s.feed_date),
            "new": s.new,
            "community": s.community,
        }
        for s in story.sources
    ]
    return data


def feed_dict(feed: FeedHealth) -> dict[str, Any]:
    return {
        "url": feed.url,
        "name": feed.name,
        "status": feed.status.value,
        "http_status": feed.http_status,
        "error": feed.error,
        "items": feed.items,
        "consecutive_failures": feed.consecutive_failures,
        "last_success": _time(feed.last_success),
        "moved_to": feed.moved_to,
    }


def digest_dict(digest: Digest) -> dict[str, Any]:
    head, groups = _head(digest), _groups(digest)
    return {**head, "stories": [story_dict(s) for s in digest.stories], "groups": groups}


def status_dict(digest: Digest) -> dict[str, Any]:
    """JSON Lines' last line: the JSON document but its stories."""
    return {"type": "status", **_head(digest), "groups": _groups(digest)}


def _head(digest: Digest) -> dict[str, Any]:
    """What the JSON document says before its stories."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": _time(digest.generated_at),
        "lead_id": digest.lead_id,
        "not_about_cars": digest.not_about_cars,
        "community_posts": digest.community_posts,
        "roundups": digest.roundups,
        "muted": digest.muted,
        "last_new_digest": _time(digest.last_new_digest),
        "caught_up": digest.caught_up,
        "grown": digest.grown,
        "before_filters": digest.before_filters,
        "filters": [
            {"filter": step.name, "values": list(step.values), "left": step.left}
            for step in digest.filters
        ],
        "feeds": [feed_dict(f) for f in digest.feeds],
    }


def _groups(digest: Digest) -> list[dict[str, Any]]:
    return [
        {
            "key": g.key,
            "kind": g.kind,
            "story_ids": list(g.story_ids),
            "also_story_ids": list(g.also_ids),
        }
        for g in digest.groups
    ]


# Line breaks json.dumps leaves raw when ensure_ascii is off (links are kept as the feed gave
# them): str.splitlines() and JavaScript before ES2019 break a line, or a string, at them.
_LINE_BREAKS = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def dumps(data: Any, indent: int | None = None) -> str:
    """JSON text as every JSON output of autonews writes it: other scripts than ASCII as they
    are, but the line breaks that other readers break lines at escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    # Searched for, then replaced: str.translate looks every character up in a dict, 50 ms
    # for a digest of 400 KB, where the three searches take a tenth of a millisecond.
    for line_break, escaped in _LINE_BREAKS:
        if line_break in text:
            text = text.replace(line_break, escaped)
    return text


def render_json(digest: Digest, options: object = None) -> str:
    return dumps(digest_dict(digest), indent=2) + "\n"


def render_jsonl(digest: Digest, options: object = None) -> str:
    stories = "".join(dumps({"type": "story", **story_dict(s)}) + "\n" for s in digest.stories)
    return stories + dumps(status_dict(digest)) + "\n"
