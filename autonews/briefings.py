"""What only a briefing's or a live blog's title says: a week's review, best reads, a morning
paper, a roundup, "Live:"; and what a commentary's says: an opinion, an analysis, a review, a
preview. Read by the clustering (a briefing of several stories joins none of them; a commentary
is not the news it comments on) and by the digest (a briefing is never the lead). A module of
its own, without imports of the clustering, so that a digest that clusters nothing does not load
it."""

from __future__ import annotations

import re

# A day's date as a newsletter's issue gives it: "Dec 6", "6 December", "2026-12-06", "Monday".
_DAY = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|\d{4}-\d{2}-\d{2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
)
# A newsletter's or a podcast's name: words ending in the word of a recurring issue ("The EV
# Weekly", "Morning Briefing", "Ford News Roundup", "The Detroit Dispatch"), never that word
# alone ("Weekly sales: BYD …", "Briefing: Tesla recalls …" label one story).
_ISSUE_NAME = (
    r"(?:[\w'’&.]+\s+){1,4}(?:weekly|daily|digest|briefing|round-?up|wrap-?up|dispatch|newsletter)"
)
# A member of a list of stories tells one: it holds a figure or a word in lower case ("Fastned
# hits 400", "Tesla's rough November"), or three words and more in a title's capitals ("Ionity
# Cuts Dutch Prices"). A maker's name ("GM", "Li Auto") tells none: "GM, Ford and Stellantis cut
# EV plans" is one event of three makers.
_IN_MEMBER = r"(?:(?!\b(?:and|plus)\b|&)[^,，;；])"
_TELLS = (
    rf"(?={_IN_MEMBER}*?(?:\d|(?-i:\b(?!(?:and|plus|or|of)\b)[a-z][a-z'’-]+))"
    r"|\s*(?:(?!(?:and|plus)\b)[^\s,，;；&]+\s+){2}(?!(?:and|plus)\b)[^\s,，;；&])"
)
# Several stories listed: "A, B, C", "A, B and C", "A; B; C", the first two each a story (a name
# before one story is a label of that story: "Gasgoo Daily: XPeng's VP leaves for NVIDIA",
# "Hyperdrive Daily: GM improves", "Hyperdrive Daily: GM, Ford and Stellantis cut EV plans").
_LIST = rf"{_TELLS}[^,，;；]+[,，;；]{_TELLS}[^,，;；]+(?:[,，;；]|\b(?:and|plus)\b|&)"
# A newsletter's name: one of an issue's word (above), or "The" and one or two capitalised words
# ("The Charge"). Words before a date are no name otherwise: "Ford recall expands - Monday",
# "Nissan-Honda merger talks collapse, Feb 5" are news, dated.
_NAME = rf"(?:{_ISSUE_NAME}|(?-i:The(?:\s+[A-Z][\w'’&.-]*){{1,2}}))"
# An issue's date: "Dec 6", "Monday, Dec 6, 2025".
_DATE = rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?{_DAY}(?:,?\s+\d{{4}})?"
# What only a newsletter's issue or a roundup of several stories says in its title: a week's
# review, best reads, a morning or evening paper, things to know; a newsletter's name before its
# issue's stories or its date ("The EV Weekly: Fastned hits 400, Ionity cuts prices, …",
# "Morning Briefing — Dec 3"); a roundup labelled so (not a police's or a herd's: "roundup of
# Koreans at Hyundai's plant"); a dated issue, its name and date alone or before several
# stories ("The Charge, Dec 6: VW's ID recall, Tesla's rough November, Rivian R2 starts": three
# items, no one event, trial 44).
NEWSLETTER = re.compile(
    r"\bweek(?:'s| in) review\b|\bbest reads\b|\bnewsletter\b"
    r"|(?:早报|晚报|周报|周刊)[｜|:：]|^(?:一周|本周|每周)[^｜|:：]{0,8}[｜|:：]"
    r"|\bmorning dump\b|\bdaily briefing\b|^\d+ things\b|\bthings to know\b"
    rf"|^{_ISSUE_NAME}\s*(?:[:：|｜–—]|\s-\s)\s*{_LIST}"
    rf"|^{_NAME}\s*(?:[:：|｜–—,]|\s-\s|for\s)\s*{_DATE}\s*(?:$|[:：|｜–—]\s*{_LIST})"
    rf"|^\s*{_DATE}\s*$"
    r"|\bround-?up\s*[:：|｜–—]|^(?:a|our)\s+(?:\w+\s+){0,2}round-?up\b"
    r"|\b(?:weekly|daily|monthly|news|week's|weekend)\s+round-?up\b",
    re.IGNORECASE,
)
# What only a briefing's title says: a newsletter's issue, a roundup; a list of several stories
# under a date ("Insurance registrations for week ending Apr 23: Tesla 10,300, Li Auto 7,200,
# NIO 2,000": a table, news of no one maker, but news).
BRIEFING = re.compile(
    NEWSLETTER.pattern
    + rf"|^[^:：|｜]{{0,40}}\b{_DAY}\s*[:：|｜][^,，;；]+[,，;；][^,，;；]+[,，;；]"
    # A ranking of several makers' or models' sales, or how each of them did (trial 45: "Top
    # 10 Car Makers November 2026 – Maruti, Mahindra, …", "10 best-selling SUVs", "Auto sales:
    # how carmakers fared in November"); "BYD enters top 10" is one maker's news.
    r"|^(?:the\s+)?(?:top|best[- ]selling|top[- ]selling)\s+\d{1,2}\b(?![%.,]\d)"
    r"|^\d{1,2}\s+(?:best|top|most popular|highest)[- ]"
    r"|\bhow (?:the )?(?:car ?makers|automakers|makers|manufacturers|brands|oems)\s+"
    r"(?:fared|performed|did)\b",
    re.IGNORECASE,
)
# A live blog's title: of one event, or of a show or a day of several makers' news.
LIVE = re.compile(
    r"^live\b|\blive (?:blog|updates?|coverage)\b|\bas it happened\b|直播[｜|:：]|^图文直播",
    re.IGNORECASE,
)


# A review's title: a model reviewed, driven or weighed for buyers ("Tata Sierra EV Review – First
# Drive Impressions", "Mahindra XEV 7e Review – Is The Seven-Seat EV Worth The Premium?", "…:
# should you buy one?"). Its questions and guesses are its writer's verdict, no rumour (trial 45:
# two reviews were marked speculative), and it is a commentary (below): not the launch's news.
_REVIEW = (
    r"^(?:first drive|test drive|driven|review)\s*[:：|｜]|\breview\s*[:：|｜]"
    r"|(?<!under )\breview\s+[–—-]\s|\bwe drove\b|\blong-term test\b|\bshould you buy\b"
    r"|\bworth (?:buying|the (?:premium|price|money|wait))\b"
    r"|^(?:试驾|评测)|(?:试驾|评测)[｜|:：]"
)
REVIEW = re.compile(_REVIEW, re.IGNORECASE)


# A deals post: a shop's discount an outlet passes on ("Green Deals: EcoFlow Delta 3 Plus power
# station drops to $499"), no event of anyone's, whatever word it shares with the news (Fastned's
# green bond: trial 44), and no car news of the car feed that posts it unless it names a car
# (trial 46: a power station and a robot mower were car stories).
DEALS = re.compile(
    r"^(?:(?:green|daily|today'?s|weekend|best|top|hot|tech|ev|black friday|cyber monday"
    r"|prime day)\s+)?deals\s*[:：|｜–—-]|\bdeals? of the (?:day|week)\b|\bdeal alert\b",
    re.IGNORECASE,
)


def reads_as_deals_post(title: str) -> bool:
    """Whether a title is a deals post's ("Green Deals: …")."""
    return DEALS.search(title.strip()) is not None


# An evaluative question: whether something is right, enough, worth it ("Critical raw materials:
# is the EU picking the right strategic projects?", a think tank's; "值得吗？"). It weighs what
# was done, a commentary's question; a rumour's asks what will happen ("Will Tesla cut prices?").
EVALUATION = re.compile(
    r"\bthe (?:right|wrong)\b[^?]*\?\s*$"
    r"|\b(?:enough|worth it|a (?:good|bad|smart|wise) (?:idea|move|deal|bet|choice)"
    r"|too (?:little|late|much|far|soon)|justified|realistic|fair|wise)\s*\?\s*$"
    r"|(?:值得吗|值不值|对吗|够吗|合理吗|靠谱吗|有必要吗)\s*[?？]\s*$",
    re.IGNORECASE,
)


def reads_as_evaluation(title: str) -> bool:
    """Whether a title asks whether something is right, enough or worth it."""
    return EVALUATION.search(title.strip()) is not None


# A commentary's title: an opinion, analysis or column (by its label), a review or test drive of
# a model, a preview of what is to come ("What to Expect From VW's Results", "the week ahead").
# It tells no event of its own: the recall of the model it reviews, the results it previews are
# other news.
COMMENTARY = re.compile(
    rf"{_REVIEW}"
    r"|^(?:opinion|analysis|column|commentary|editorial|comment|viewpoint|preview)\s*[:：|｜]"
    r"|\bwhat to (?:expect|watch)\b|\bthings to watch\b"
    # An essay's or a paper's title: what its writer argues the news should change ("Rethinking
    # the EU's approach to Chinese electric vehicles", a think tank's paper: trial 47).
    r"|^(?:rethinking|reconsidering|in defen[cs]e of)\b|^the case (?:for|against)\b"
    r"|\b(?:the )?week ahead\b|\bresults preview\b"
    r"|^(?:评论|观点|社论|前瞻)|前瞻[｜|:：]"
    # Chinese outlets' labels of analysis ("深度｜…", "观察｜召回频发背后", "快评：").
    r"|^(?:深度|观察|热评|快评|锐评|深读)\s*[｜|:：]"
    # A podcast's episode ("Episode 212: ...", "Ep. 213 – ...", "#214: ...", "Bonus: ...")
    # talks about the news; a forum's "...: thoughts?" asks about it.
    r"|^(?:ep\.?|episode|podcast|bonus)\s*#?\d*\s*[:：|｜–—-]|^#\d+\s*[:：|｜–—-]"
    r"|\bthoughts\s*\?\s*$"
    # An interview, labelled so ("Interview:", "Q&A:", "[Interview]", 对话何小鹏：,
    # ｜36氪专访): what someone says of the news, not the news.
    r"|^(?:interview|q\s*&\s*a)\s*[:：|｜]|\[interview\]"
    # ... and a deals post (DEALS above), no event of anyone's, whatever word it shares with the
    # news.
    r"|^(?:独家)?(?:专访|對話|对话)[^:：|｜]{0,24}[:：|｜]|专访\s*$"
    + "|"
    + DEALS.pattern
    + "|"
    + EVALUATION.pattern,
    re.IGNORECASE,
)


# An explainer's title: of the event's story (outlets label it so: "Here's what you need to know
# about the Canada-China deal" is that deal's story), but the news is better told by its report.
EXPLAINER = re.compile(
    r"\bfirst look\b|\beverything (?:you need to|we) know\b|\bneed to know\b|\bexplained\b"
    r"|^here'?s (?:what|how|why)\b|解读[｜|:：]|^一文读懂",
    re.IGNORECASE,
)


# An opinion's label: what follows is what its writer thinks of the news, not the news (an
# analysis of recalls is no recall); a column or a review may tell an event of its own.
OPINION = re.compile(
    r"^(?:opinion|analysis|commentary|editorial|comment|viewpoint)\s*[:：|｜]"
    r"|^(?:评论|观点|社论|观察|热评|快评|锐评|深度|深读)\s*[｜|:：丨]",
    re.IGNORECASE,
)


def reads_as_opinion(title: str) -> bool:
    """Whether a title is labelled an opinion, an analysis or an editorial."""
    return OPINION.match(title.lstrip()) is not None


def reads_as_explainer(title: str) -> bool:
    """Whether a title is an explainer's ("What Owners Need to Know", "First Look")."""
    return EXPLAINER.search(title.strip()) is not None


def reads_as_commentary(title: str) -> bool:
    """Whether a title is a commentary's (opinion, analysis, review, preview), by its words."""
    return COMMENTARY.search(title.strip()) is not None


# A paper's or an op-ed's summary, by its opening label ("Working paper on countervailing
# duties, …"): a think tank's or a writer's argument about the news, a commentary whatever its
# title says (trial 47: a paper joined the court hearing it discussed).
PAPER = re.compile(
    r"^(?:(?:a|an|this|our|new)\s+)?(?:working|discussion|research|policy|white)\s+paper\b"
    r"|^(?:(?:a|this|our|new)\s+)?policy (?:brief|contribution|note)\b|^op-?ed\b"
    r"|^opinion (?:piece|article|column)\b",
    re.IGNORECASE,
)


def reads_as_paper(summary: str) -> bool:
    """Whether a summary opens by labelling its item a paper, a policy brief or an op-ed."""
    return PAPER.search(summary.lstrip()) is not None


def reads_as_review(title: str) -> bool:
    """Whether a title is a review's: a model reviewed, driven or weighed for buyers."""
    lower = title.lower()
    # A word every form of _REVIEW holds: a title with none is passed by substring tests, before
    # the pattern (searched in every title, it cost 11 µs of a headline's classification).
    if not (
        "review" in lower
        or "driv" in lower
        or "drove" in lower
        or "test" in lower
        or "buy" in lower
        or "worth" in lower
        or "试驾" in title
        or "评测" in title
    ):
        return False
    return REVIEW.search(title.strip()) is not None


def reads_as_newsletter(title: str) -> bool:
    """Whether a title is a newsletter's issue or a roundup's: several stories, or none, told
    elsewhere; no news of its own (a ranking of sales is: it is a briefing, not a newsletter)."""
    return NEWSLETTER.search(title.strip()) is not None


def reads_as_roundup(title: str) -> bool:
    """Whether a title is a briefing's, a roundup's, a newsletter issue's: several stories, no
    one event (a live blog may be of one)."""
    return BRIEFING.search(title) is not None


# A live blog's title that lists several stories, whatever names the classifier reads in it
# ("Auto sales November 2026 LIVE updates: Maruti, M&M, Tata post growth; Honda slips"): clauses,
# or a list of three.
_LISTED = re.compile(r"[;；]|[^,，]+[,，][^,，]+[,，]")


def reads_as_live_roundup(title: str) -> bool:
    """Whether a title is a live blog's listing several stories (a day's sales, a show's
    reveals): no one event, as a roundup's."""
    return LIVE.search(title) is not None and _LISTED.search(title) is not None


def reads_as_briefing(title: str) -> bool:
    """Whether a title is a briefing's or a live blog's, by its words alone."""
    return BRIEFING.search(title) is not None or LIVE.search(title) is not None
