"""What a delivered story a --new digest sends again says is new in it (trial 36): the headline
of the source that made it news, since the story keeps the title it had ("new: NHTSA questions
whether Ford's recall fix works (AutoTrade Daily)"), and the figure it went out with and has now
("figure changed: 142,310 vehicles → 380,000 vehicles"), in the reader's words. Shared by every
format that shows words; JSON gives the same as data (``retold``)."""

from __future__ import annotations

import re

from autonews.models import Event, Figure, Story
from autonews.render.words import Words
from autonews.text import clean_text


def retold_line(story: Story, words: Words) -> str:
    """ "new: <title> (<outlet>)": the newest source since the last --new digest telling what
    made the story news again, unless it is the story's title already; then, where the story
    went out under another title, "sent before as: <title>", so that a reader sees which story
    it is news in (trial 39: a share placement shown under the id of a delivery roundup); ""
    when it is no news again."""
    retold = story.retold
    if not story.delivered_before or retold is None:
        return ""
    shown = clean_text(story.title)
    # What is new comes first: "sent before as: <a probe's title>" alone on a story that is
    # news again as a recall read as old news (trial 48).
    parts = [event_news(story, words)] if story.event_changed else []
    source = retold.source
    if source is not None and clean_text(source.title) not in ("", shown):
        outlet = clean_text(source.outlet or source.feed)
        parts.append(words("retold", title=clean_text(source.title), outlet=outlet))
    before = clean_text(retold.title_before)
    if before and before != shown:
        parts.append(words("retold_before", title=before))
    return words("separator").join(parts)


def event_news(story: Story, words: Words) -> str:
    """ "now told as legal since your last digest": the event the sources that joined a
    delivered story tell, the story's own where it changed, else the joined source's (a lawsuit
    that joined a recall, which stays a recall)."""
    event = story.classification.event
    retold = story.retold
    if retold is not None and event.value == retold.event_before and retold.source is not None:
        event = Event(retold.source.event or event.value)
    return words("event_changed", event=words.event(event))


def figure_change(story: Story, words: Words) -> str:
    """ "figure changed: 142,310 vehicles → 380,000 vehicles" (the figure it went out with,
    written as the one its title tells now, then that one as written), "new figure: 380,000
    vehicles" when it went out with none; the bare "figure changed since your last digest" when
    neither is known."""
    now = headline(story)
    was = story.retold.figure_before if story.retold else ""
    corrected = story.retold.figure_now if story.retold else ""
    if corrected and was:  # a retitled source's count, which the title may not tell
        return words("figure_from_to", was=_number(was), now=_number(corrected))
    if now is None:
        return words("figure_changed")
    if not was:
        return words("figure_new", now=clean_text(now.text))
    return words("figure_from_to", was=_written_as(was, now), now=clean_text(now.text))


def headline(story: Story) -> Figure | None:
    """The figure of a story that makes it news again when it changes (digest.headline_figure)."""
    return next(
        (
            f
            for f in story.classification.figures
            if f.kind in ("units", "money") and f.value is not None
        ),
        None,
    )


# The number a figure's text writes ("£80", "380,000 vehicles", "$1.2bn", "4万台"), with the
# currency sign or code written against it ("£", "US$", "€").
_WRITTEN = re.compile(
    r"(?P<sign>(?:[A-Z]{0,3}[^\w\s]|[A-Z]{2,3}\s?)?)(?P<number>\d[\d,]*(?:\.\d+)?)"
)


def _written_as(figure: str, now: Figure) -> str:
    """The figure a story went out with ("money:60"), written as its figure now writes its own
    number: with the same currency sign, scale and unit ("£60" beside "£80", "142,310 vehicles"
    beside "380,000 vehicles", "$0.9bn" beside "$1.2bn"; trial 41: "60 → £80"), not the words
    that bound it now ("over", "约"); the bare number where the two are of other kinds, or the
    old one is not written in the new one's scale."""
    kind, _, _ = figure.partition(":")
    text = clean_text(now.text)
    found = _WRITTEN.search(text)
    plain = _number(figure)
    if kind != now.kind or now.value is None or found is None:
        return plain
    shown = float(found.group("number").replace(",", ""))
    value = float(figure.partition(":")[2] or 0)
    if not shown:
        return plain
    scaled = value * shown / now.value  # in the units the text writes: 0.9 of "$1.2bn"
    if abs(scaled - round(scaled, 2)) > 1e-6 * max(1.0, abs(scaled)):
        return plain  # 11,024 beside "1.2万辆": not in that scale
    return found.group("sign") + _plain(round(scaled, 2)) + text[found.end() :]


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _number(figure: str) -> str:
    """ "units:142310" -> "142,310": the value a delivery recorded (its words are not kept)."""
    return _plain(float(figure.partition(":")[2] or 0))
