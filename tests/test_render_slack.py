"""Slack's mrkdwn (trial 33, wish 22): the markdown digest's content as Slack formats it, and
feed text that never becomes a link, a mention or markup. Slack's own rules: "&", "<" and ">"
are control characters, escaped as &amp; &lt; &gt;; links are <url|text>; there is no escape for
"*", "_", "~" or the backtick (autonews/render/slack_format.py says what stands for them)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autonews.models import Digest, FeedHealth, FeedStatus, Group
from autonews.render import Format, RenderOptions, render
from autonews.render.common import safe_url
from autonews.text import clean_text
from tests.helpers.digests import sample_digest
from tests.helpers.hostile_fields import hostile_text, links, summaries, titles
from tests.helpers.invariants import SLACK_LINK, slack_links_safe

# What the renderer puts for a character Slack cannot escape, read back as that character.
LOOK_ALIKES = str.maketrans({"∗": "*", "∼": "~", "ˋ": "`", "ˍ": "_", "＠": "@", "∣": "|"})
_ENTITY = re.compile(r"&(amp|lt|gt);")
_DECODED = {"amp": "&", "lt": "<", "gt": ">"}


def _decode(text: str) -> str:
    return _ENTITY.sub(lambda m: _DECODED[m.group(1)], text)


def shown(out: str) -> str:
    """What Slack shows of ``out`` as text: each link by its text (or its URL when it has none),
    the three escapes decoded."""
    text = SLACK_LINK.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(1), out)
    return _decode(text)


def as_read(text: str) -> str:
    """Text as a reader takes it: a look-alike is the character it stands for."""
    return text.translate(LOOK_ALIKES)


def link_targets(out: str) -> list[str]:
    """Every link's URL as Slack follows it: its escapes decoded (the renderer's percent-encoding
    of " <>|" stays: it is what a browser is sent)."""
    return [_decode(m.group(1)) for m in SLACK_LINK.finditer(out)]


def url_as_linked(url: str) -> str:
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")


def feed_markup(out: str) -> str:
    """``out`` with the renderer's own markup taken out: headings and notes wrapped in "*" or
    "_", the bold event of an item, the "> " of the lead's quote, and links (by their text).
    Whatever formatting character is left came from a feed."""
    lines = []
    for line in SLACK_LINK.sub(lambda m: m.group(2) or "", out).splitlines():
        line = re.sub(r"^\*(.*)\*$|^_(.*)_$", lambda m: m.group(1) or m.group(2) or "", line)
        lines.append(re.sub(r"^(?:• \*[a-z]+\* |> )", "", line))
    return "\n".join(lines)


def no_feed_formatting(out: str) -> None:
    rest = feed_markup(out)
    assert not re.search(r"[*~`]", rest), rest
    # Slack reads "_" as italics only at a word's edge; inside snake_case it is a letter.
    assert not re.search(r"(?<![^\W_])_|_(?![^\W_])", rest), rest


def hostile_digest(
    title: str, feed: str, url: str, summary: str = "", heading: str = "Volvo"
) -> Digest:
    """The sample digest with feed text in every place a feed reaches: titles, feed names, links,
    the lead's summary, a group's heading and a failed feed's name and error."""
    digest = sample_digest()
    stories = []
    for n, story in enumerate(digest.stories):
        sources = tuple(
            replace(source, feed=feed, title=f"{title} {i}", url=url if i else source.url)
            for i, source in enumerate(story.sources)
        )
        own = url if n % 2 else story.url
        stories.append(replace(story, title=title, url=own, sources=sources, summary=summary))
    groups = (Group(heading, "maker", digest.groups[0].story_ids), *digest.groups[1:])
    feeds = (*digest.feeds[:2], FeedHealth(url, feed, FeedStatus.ERROR, 500, title, 0, 3, None))
    return replace(digest, stories=tuple(stories), groups=groups, feeds=feeds)


def check(digest: Digest) -> str:
    out = render(digest, Format.SLACK, RenderOptions(width=60))
    slack_links_safe(out)
    no_feed_formatting(out)
    text = as_read(shown(out))
    for story in digest.stories:
        assert as_read(clean_text(story.title)) in text, story.title
    # Each link is where a story or a source points, when that is an http(s) URL; no other.
    wanted = {
        url_as_linked(url)
        for story in digest.stories
        for url in (safe_url(story.url), *(safe_url(s.url) for s in story.sources))
        if url
    }
    targets = link_targets(out)
    assert set(targets) <= wanted, set(targets) - wanted
    for story in digest.stories:
        if safe_url(story.url):
            assert url_as_linked(safe_url(story.url) or "") in targets, story.url
    return out


PLAIN = [
    "Ford F-150 Lightning Gets a $5.8k Price Cut (Hyundai Motor Group Responds)",
    "Low-pressure Tyres: 2,000 Cars Recalled! Is Yours One?",
    "Tesla's Model 3 #1 in Norway; snake_case and 50% stay as written",
    "新国标：2027年起新车强制配备机械门把手",
]
HOSTILE = [
    "<!channel> <!here> <!everyone> <@U0123ABC> <#C0123ABC> <!subteam^S0123|@team>",
    "<http://evil.example|Official recall notice>",
    "<https://evil.example>",
    "<!date^1392734382^{date_pretty}|Feb 18>",
    "@channel @here @everyone @someone",
    "*bold* _italic_ ~struck~ `code` ```block```",
    "> a quote",
    "a | b > c < d & e",
    "&lt;!channel&gt; &amp; &#60; &copy;",
    "\\*not bold\\*",
    "[a link](http://evil.example) **strong**",
]


def test_golden_shape() -> None:
    out = render(sample_digest(), Format.SLACK, RenderOptions(width=100))
    assert out.startswith("*autonews digest*\n_27 Nov 2026 09:00 UTC · 5 stories from 3 feeds_\n")
    lead = (
        "*Lead*\n• *recall* <http://news.example/volvo1|Volvo Recalls 14,768 XC70s Over "
        "Halfshaft Risk>\n    3 sources · 27 Nov 04:00 · AutoWire Daily, EV Monitor, 车滴快讯 · id "
        "volvo1\n> Volvo is recalling 14,768 XC70s. Dealers will fix them.\n"
    )
    assert lead in out
    assert "    ◦ EV Monitor: <http://news.example/volvo1/1|" in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;>" in out  # the hostile title, escaped, linked
    assert "*Feeds*\n2 ok · 1 failed\n• ✗ Broken Feed: HTTP 500 (3 failures in a row)\n" in out
    check(sample_digest())


def test_plain_titles_read_as_written() -> None:
    for title in PLAIN:
        out = check(hostile_digest(title, "AutoWire Daily", "http://news.example/x"))
        assert title in out  # no escape, no look-alike
    out = render(hostile_digest("A&B", "AutoWire Daily", "http://x.example/?a=1&b=2"), Format.SLACK)
    assert "A&amp;B" in out and "<http://x.example/?a=1&amp;b=2|A&amp;B" in out


def test_feed_text_never_becomes_a_mention_a_link_or_markup() -> None:
    for start in range(len(HOSTILE)):  # each text as a title, as a feed and as a summary
        texts = HOSTILE[start:] + HOSTILE[:start]
        out = check(hostile_digest(texts[0], texts[1], "http://news.example/x", texts[2], texts[3]))
        for text in texts[:4]:
            assert as_read(text) in as_read(shown(out)), text
    out = render(hostile_digest(HOSTILE[0], "F", "http://n.example/"), Format.SLACK)
    assert "&lt;!channel&gt;" in out and "&lt;＠U0123ABC&gt;" in out
    out = render(hostile_digest("@here now", "F", "http://n.example/"), Format.SLACK)
    assert "＠here now" in out
    out = render(hostile_digest("*Exclusive* ~500 cars", "F", "http://n.example/"), Format.SLACK)
    assert "∗Exclusive∗ ∼500 cars" in out


def test_links_to_http_only_with_their_separators_encoded() -> None:
    digest = hostile_digest("Recall", "F", "javascript:alert(1)")
    out = check(digest)
    assert "javascript" not in out
    url = "http://x.example/a b|c>d<e?f=1&g=2"
    out = check(hostile_digest("A | B > C", "F", url))
    assert "<http://x.example/a%20b%7Cc%3Ed%3Ce?f=1&amp;g=2|A ∣ B &gt; C" in out


def test_footer_moves_repeated_failures_and_notes() -> None:
    digest = sample_digest()
    moved = replace(digest.feeds[0], moved_to="https://new.example/feed?a=1&b=2")
    failed = replace(digest.feeds[2], repeated=True)
    digest = replace(
        digest,
        feeds=(moved, digest.feeds[1], failed),
        not_about_cars=412,
        muted=2,
    )
    out = render(digest, Format.SLACK)
    slack_links_safe(out)
    assert (
        "• AutoWire Daily moved for good to <https://new.example/feed?a=1&amp;b=2|"
        "https://new.example/feed?a=1&amp;b=2>: `autonews feeds edit 'AutoWire Daily' --url "
        "'https://new.example/feed?a=1&amp;b=2'` updates the feed list" in out
    )
    assert "1 failing as reported earlier (`autonews feeds check` lists every feed)" in out
    assert "_412 stories not about cars; --all-topics shows them_" in out
    assert "_2 stories muted by the [classify] mute rules_" in out


def test_also_listed_and_article_pages() -> None:
    from autonews.models import SkippedPage

    digest = sample_digest()
    bmw = replace(digest.groups[2], also_ids=("hostile",))
    page = SkippedPage("http://news.example/p", "fetch failed: HTTP 500", "failed")
    digest = replace(
        digest, groups=(*digest.groups[:2], bmw, digest.groups[3]), skipped_pages=(page,)
    )
    out = render(digest, Format.SLACK)
    assert (
        "• also: [bold red]Tesla[/bold red] Cybercab &lt;script&gt;alert(1)&lt;/script&gt; "
        "(under Industry)\n\n*Industry*" in out
    )
    assert "Article pages: 1 failed this run" in out


def test_an_empty_digest_says_why() -> None:
    digest = replace(sample_digest(), stories=(), groups=(), lead_id=None)
    out = render(digest, Format.SLACK)
    assert "No stories in this window." in out and "*Lead*" not in out


def test_a_long_ago_story_keeps_its_year() -> None:
    digest = sample_digest()
    old = digest.stories[-1]
    when = old.published - timedelta(days=900)
    sources = tuple(replace(s, published=when) for s in old.sources)
    digest = replace(
        digest, stories=(*digest.stories[:-1], replace(old, published=when, sources=sources))
    )
    assert "2024" in render(digest, Format.SLACK)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.one_of(titles, st.text()),
    feed=st.one_of(hostile_text, st.text(max_size=20)),
    url=st.one_of(links, st.text(max_size=30).map(lambda s: "http://x.example/" + s)),
    summary=summaries,
    heading=st.one_of(hostile_text, st.sampled_from(HOSTILE)),
)
def test_any_feed_text_stays_text_and_links_stay_whole(
    title: str, feed: str, url: str, summary: str, heading: str
) -> None:
    check(hostile_digest(title, feed, url, summary, heading))
