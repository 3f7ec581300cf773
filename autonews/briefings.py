"""What only a briefing's or a live blog's title says: a week's review, best reads, a morning
paper, a roundup, "Live:". Read by the clustering (a briefing of several stories joins none of
them) and by the digest (a briefing is never the lead). A module of its own, without imports of
the clustering, so that a digest that clusters nothing does not load it."""

from __future__ import annotations

import re

# What only a briefing's title says: a week's review, best reads, a morning or evening paper.
BRIEFING = re.compile(
    r"\bweek(?:'s| in) review\b|\bbest reads\b|\bnewsletter\b|\bround-?up\b"
    r"|(?:早报|晚报|周报|周刊)[｜|:：]|^(?:一周|本周|每周)[^｜|:：]{0,8}[｜|:：]",
    re.IGNORECASE,
)
# A live blog's title: of one event, or of a show or a day of several makers' news.
LIVE = re.compile(
    r"^live\b|\blive (?:blog|updates?|coverage)\b|\bas it happened\b|直播[｜|:：]|^图文直播",
    re.IGNORECASE,
)


def reads_as_briefing(title: str) -> bool:
    """Whether a title is a briefing's or a live blog's, by its words alone."""
    return BRIEFING.search(title) is not None or LIVE.search(title) is not None
