"""How a story is told: the source that stands for it (its title and link), its summary, body,
sources and event, from its clustered items. The digest (``autonews.digest``) ranks and groups
the stories made here."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from autonews.briefings import (
    reads_as_briefing,
    reads_as_commentary,
    reads_as_explainer,
    reads_as_live_roundup,
    reads_as_roundup,
)
from autonews.digest import headline_figure
from autonews.models import (
    Article,
    Classification,
    Event,
    Item,
    Source,
    Story,
)
from autonews.outlets import outlet_of
from autonews.page_text import reads_as_paywall, without_heading
from autonews.page_walls import said_by_summary
from autonews.parse.fields import titled_by_text
from autonews.recall_listings import recall_listing
from autonews.story_details import with_makers_sources_tell, with_sources_details
from autonews.story_turns import later_turns
from autonews.text import first_sentences
from autonews.title_shapes import from_wire_or_trade, reads_as_teaser
from autonews.wire_titles import only_post_markup, shown_title

# A figure told roughly ("Nearly 15,000 Cars", "近1.5万辆") says less than the exact one.
_ROUNDED_FIGURE = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|approximately|over|more than|some|up to)\s+"
    r"[$€£¥]?\d|[近约逾超]\s?\d",
    re.IGNORECASE,
)


def _informativeness(item: Item, classification: Classification) -> float:
    words = len(set(item.title.lower().split()))
    cjk = sum(1 for char in item.title if "\u4e00" <= char <= "\u9fff") / 2
    return (
        min(words + cjk, 18)
        + 3 * len(classification.figures)
        - 3 * len(_ROUNDED_FIGURE.findall(item.title))
        + 2 * len(classification.makers)
        - (4 if item.title.isupper() else 0)
    )


_HAN = re.compile("[\u3400-\u9fff]")


def title_language(title: str) -> str:
    """ "zh" for a title written in Chinese, else "en" (any Latin-script title)."""
    return "zh" if len(_HAN.findall(title)) >= 2 else "en"


def representative(
    members: Sequence[Item],
    classifications: Mapping[int, Classification],
    language: str,
    traditional: str | None = None,
    articles: Mapping[str, Article] | None = None,
) -> Item:
    """The item that stands for a story (its title, link and summary): see ``build_story``;
    ``articles``, the bodies of the pages read, by URL."""
    if len(members) == 1:  # most stories: nothing to weigh
        return members[0]
    chinese_reader = language == "zh"

    def in_the_readers_script(item: Item) -> bool:
        """For a Chinese reader, a title in their script: one a Taiwanese outlet wrote, not one
        converted from Simplified (軟體, not 軟件), for a Traditional reader; else Simplified."""
        if not chinese_reader or title_language(item.title) != "zh":
            return False
        from autonews.reader_script import written_in_traditional

        return written_in_traditional(item.title) == (traditional is not None)

    later = later_turns([m.title for m in members])
    return max(
        members,
        key=lambda i: (
            # A community post (a subreddit's question, a meme) discusses the news a report
            # tells: a report gives the story its title, whatever the post's words (trial 44).
            not i.community,
            classifications[i.id].automotive,
            # A title made from an item's text (a title-less weibo post's first sentence) is
            # the last choice: an outlet's headline tells the story (trial 34 #8).
            not titled_by_text(i.title, i.summary),
            # So is a regulator's listing ("Recall 26V-812: Ford Motor Company - 2025-2026 Ford
            # Explorer - …"): an outlet's headline tells the recall, and its summary is no
            # "Manufacturer: … Component: …" (trial 36 B6).
            not recall_listing(i.title),
            # Opinion, analysis, reviews, previews and roundups write about the news: a source
            # telling it gives the story its title, in whatever language (trials 30 and 31).
            tells_the_news(i.title),
            # So does the news over the market's view of it, a share move or an analyst's
            # note: "Mobileye wins Surround ADAS order from major U.S. automaker", not
            # "Mobileye shares jump 7% on Surround ADAS win" (trial 42), whose share move's
            # figure made it seem the more informative; "Rivian R2 production begins", not
            # "Morgan Stanley downgrades Rivian ..., cuts target to $10" (trial 43).
            not classifications[i.id].market_view,
            # One telling a later turn than the others (the recall's fix changed, the launch
            # after its date) tells what a reader must know now (trials 37 and 39).
            i.title in later,
            (title_language(i.title) == "zh") == chinese_reader,
            # And for a reader of English, one in a language autonews does not read gives way
            # ("Xpeng opent eerste eigen showroom op de Zuidas" beside "Xpeng opens first own
            # showroom in Amsterdam", trial 44).
            chinese_reader or not classifications[i.id].language,
            in_the_readers_script(i),
            # A source that tells the news firmly speaks for a story its rumour began ("Honda
            # and Nissan Confirm Merger Talks" over "... Reportedly in Talks").
            not classifications[i.id].speculative,
            # A report's plain wording over a teaser's or a listicle's: "Toyota recalls 1.02
            # million vehicles over rearview camera software", not "Toyota recall: … See the
            # list." (trial 43).
            not reads_as_teaser(i.title),
            # One with a text of its own (an article, a feed summary) has a summary to show
            # under its title: a titles-only or paywalled item would borrow another source's,
            # which may tell another event (trial 30 #3).
            bool(own_summary(i)) or _has_body(i, articles or {}),
            # A wire's or the trade press's wording over a consumer outlet's (trial 43).
            from_wire_or_trade(outlet_of(i)),
            _informativeness(i, classifications[i.id]),
            -i.id,
        ),
    )


def tells_the_news(title: str) -> bool:
    """Whether a title tells an event, rather than commenting on it, reviewing or previewing
    it, or gathering several (a roundup, a live blog)."""
    return not (reads_as_commentary(title) or reads_as_briefing(title) or reads_as_explainer(title))


def _has_body(item: Item, articles: Mapping[str, Article]) -> bool:
    article = articles.get(item.link or "")
    return article is not None and bool(article.text) and not reads_as_paywall(article.text)


def told_body(item: Item, articles: Mapping[str, Article]) -> str:
    """The article body of ``item``'s page, without the heading and byline the page repeats,
    or "" when it has none: no page, or only a paywall's prompt (as the store may keep from
    before such pages were read as having no body), or one that says nothing its feed's summary
    does not (a paywall's teaser, cut short: trial 43), where the summary tells the item."""
    if not _has_body(item, articles):
        return ""
    article = articles[item.link or ""]
    headings = (item.title, article.title)
    body = without_heading(article.text, headings, (article.author, item.feed_name))
    return "" if said_by_summary(body, item.summary) else body


def own_summary(item: Item) -> str:
    """An item's feed summary, or "" where it tells nothing past its title and outlet: an
    aggregator's item (Google News) gives its title and outlet as its summary, and the titles
    and outlets of its related coverage after them ("Toyota recalls … Reuters Toyota recalls …
    CNBC"): a list of links, no text (trial 43, where a consent wall stood in for it)."""
    summary = " ".join(item.summary.split())
    rest = _beyond_title(summary, item.title)
    if item.outlet and rest != summary:
        return ""
    for name in (item.outlet, item.feed_name):
        if name and rest.casefold().endswith(name.casefold()):
            rest = rest[: -len(name)]
    return item.summary if any(char.isalnum() for char in rest) else ""


def build_story(
    members: Sequence[Item],
    classifications: Mapping[int, Classification],
    articles: Mapping[str, Article],
    key: str,
    language: str = "en",
    traditional: str | None = None,
) -> Story:
    """One story from its items; ``key`` is the store's stable story key. The item that stands
    for it (title, link, makers, summary) is one about cars where any is (so the story is about
    cars when any of its sources is, whatever the reader's language), then an outlet's headline
    (not a title-less post's first sentence, nor a regulator's recall listing), then one that
    tells the news (no opinion, analysis, review, preview or roundup) where one does, then one in
    the reader's ``language`` where one is (for a Chinese reader, one written in their script where
    one is), then one telling it firmly, then one not shaped as a teaser or a listicle ("… See the
    list.", a question: ``autonews.title_shapes``), then one with a text of its own (a readable
    article page or a feed summary), then a wire's or the trade press's, then the most
    informative. Its summary is from its own article
    body, else its own feed summary, and only then from another source's body.
    ``traditional``: the OpenCC table that puts its Chinese title and summary in a Traditional
    reader's script (zh-TW), when an outlet wrote them in Simplified characters. Titles are
    shown without a wire's bookkeeping ("UPDATE 1-": ``autonews.wire_titles``)."""
    chosen = representative(members, classifications, language, traditional, articles)
    own = told_body(chosen, articles)
    # Another source's body stands in for a story's text where the chosen one has none, but its
    # summary is the chosen source's own: another event's text under a title misleads (trial 30:
    # a Tesla launch told with an NHTSA probe's summary).
    body = own or next(filter(None, (told_body(m, articles) for m in members)), "") or None
    label = classifications[chosen.id]
    # Only sources as relevant as the chosen one have a say in the story's labels: an item not
    # about cars (event other, surely) has none in a car story's, a community post none in a
    # news story's (a user's "€7,500" is no figure of Tesla's FSD approval: trial 44).
    voting = [
        m
        for m in members
        if classifications[m.id].automotive == label.automotive
        and (chosen.community or not m.community)
    ]
    classification = with_sources_details(
        with_makers_sources_tell(
            _story_event([classifications[m.id] for m in voting], label),
            [classifications[m.id] for m in voting],
        ),
        [classifications[m.id] for m in voting if m.id != chosen.id],
    )
    if _policy_for_all(classification, [classifications[m.id] for m in voting]):
        # A policy its reports tell with no maker, one naming makers as its examples ("…; Tata
        # Motors, M&M among key beneficiaries", "VinFast, Hyundai, Kia among applicants"):
        # industry news, no one maker's (trial 45).
        classification = replace(classification, makers=())
    if reads_as_roundup(chosen.title) or reads_as_live_roundup(chosen.title):
        # A roundup of several stories, no source telling one of them: no one event ("The
        # Charge, Dec 6: VW's ID recall, Tesla's rough November, …" is no recall: trial 44),
        # no maker's news (a ranking of makers' sales is filed under none of them, nor under the
        # one a live blog's title happens to name: trial 45) and no figure ("Top 10 Cars").
        classification = replace(classification, event=Event.OTHER, makers=(), figures=())
    told = own or own_summary(chosen) or body or ""
    summary = _beyond_title(first_sentences(told), chosen.title)
    sources = tuple(
        Source(
            m.feed_name,
            shown_title(m.title),
            m.link,
            m.published,
            first_seen=m.first_seen,
            feed_date=m.feed_date,
            item_id=m.id,
            corrected_at=m.corrected_at,
            event=classifications[m.id].event.value,
            figure=headline_figure(classifications[m.id]),
            speculative=classifications[m.id].speculative,
            community=m.community,
        )
        for m in sorted(members, key=lambda m: (m.published, m.id))
    )
    tags = tuple(sorted({tag for m in members for tag in m.tags}))
    title = shown_title(chosen.title)
    if traditional is not None:
        from autonews.reader_script import in_traditional

        title, summary = in_traditional(title, traditional), in_traditional(summary, traditional)
    return Story(
        stage=_launch_stage(classification, [title, *(source.title for source in sources)]),
        id=key,
        title=title,
        url=chosen.link,
        published=min(m.published for m in members),
        summary=summary,
        body=body,
        classification=classification,
        sources=sources,
        item_ids=tuple(m.id for m in members),
        tags=tags,
        community=chosen.community,
    )


def _launch_stage(classification: Classification, titles: list[str]) -> str | None:
    """A launch story's stage, as `--event teaser` reads it: its title's, else the first of its
    sources' titles that tells one (trial 49: a spy shot shown as a bare [launch])."""
    if classification.event is not Event.LAUNCH:
        return None
    from autonews.launch_stage_filter import titles_stage

    return titles_stage(titles)


def _policy_for_all(story: Classification, sources: Sequence[Classification]) -> bool:
    """Whether a story is a policy's (regulation) that most of its reports about cars tell
    naming no maker: a rule or scheme for all, whichever makers another report names as its
    examples (a fine on one maker, told by one report as "a carmaker's", stays the maker's)."""
    if story.event is not Event.REGULATION or not story.makers:
        return False
    told = [source for source in sources if source.automotive]
    return sum(not source.makers for source in told) * 2 > len(told)


def _beyond_title(summary: str, title: str) -> str:
    """What ``summary`` tells past the ``title`` it starts with (an untitled post's text, its
    first sentence its title: trial 34 #8), so that a story never shows its title twice: from
    "…" on where the title was cut short; nothing when only the post's hashtags are left. A
    summary that starts otherwise is kept whole."""
    head = title.removesuffix("…").rstrip()
    if not head or not summary.startswith(head):
        return summary
    rest = summary[len(head) :].strip()
    if not rest or only_post_markup(rest):
        return ""
    return "…" + rest if title.endswith("…") else rest


def _story_event(labels: Sequence[Classification], chosen: Classification) -> Classification:
    """The chosen item's labels, with the event its voting sources' ``labels`` report most
    surely: one outlet's "as new boss reviews plans" should not outvote another's "may scrap"
    for one story; and speculative only while every source is. A source that names no event
    (`other`: a forum's question, a vague title) contradicts none: two threads about an Ioniq 5
    do not make its recall "other" (trial 33)."""
    if len(labels) == 1:
        return chosen
    weights: dict[Event, float] = {}
    firm = False  # a voting source tells it firmly: the story is no longer a rumour
    for label in labels:
        weights[label.event] = weights.get(label.event, 0.0) + label.confidence
        firm = firm or not label.speculative
    if len(weights) > 1:
        weights.pop(Event.OTHER, None)
    best = max(weights, key=lambda event: (weights[event], event is chosen.event))
    if best is chosen.event and not (chosen.speculative and firm):
        return chosen
    return replace(chosen, event=best, speculative=chosen.speculative and not firm)
