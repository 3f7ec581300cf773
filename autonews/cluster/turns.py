"""The turns of a story a title names beyond the glossary's stage concepts
(``concept_sets.STAGES``): a rule drafted or adopted, a deal cleared or signed, a probe
upgraded."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from autonews.story_turns import turns_of


class _Words(Protocol):
    def search(self, title: str) -> object: ...


class _SettledWords:
    """A labour dispute settled, as turns.toml's ``settled`` turn reads it (autonews.story_turns):
    one list for the clustering and for what makes a delivered story news again, which says
    when a deal is no settlement ("workers reject tentative deal"; review 39)."""

    def search(self, title: str) -> bool:
        return _SETTLED in turns_of(title)


_SETTLED = "settled"
_TurnWords = tuple[str, str | None, _Words]  # turn, concept telling it, words telling it
# Turns the glossary's concepts do not name, told by a title's words once a concept names its
# subject: a rule drafted or proposed (an offer put to comment: "proposed rules", 征求意见稿) or
# adopted; a deal cleared by a regulator (欧盟批准, "EU clears") or signed; a probe upgraded or
# escalated (to an engineering analysis), a turn as an expansion is. Per subject, the first of
# its turns that a concept or the words tell. (A model's 正式发布 is its launch: no rule, no turn.)
# "Back" after a verb is an adverb, no backing: "EPA moves to push back 2027 NOx rule" delays
# the rule, it does not adopt it (trial 54: read as adopted, it was kept from the proposal's
# reports as another turn). Taken out before a rule's turns are read.
_PHRASAL_BACK = re.compile(
    r"\b(?:(?:push|roll|pull|scale|hold|cut|claw|step|fight|bring|come|set|walk|dial|wind|draw)"
    r"(?:s|es|ed|d|ing|ping|ting|ped)?|held|brought|came|fought|drew)\s+back\b",
    re.I,
)
_SUBJECT_TURNS: tuple[tuple[frozenset[str], tuple[_TurnWords, ...]], ...] = (
    (
        # A rule: drafted or proposed, then adopted (UN regulators adopt R152 amendment; EU
        # member states back GSR2 update; 联合国WP.29通过R152法规修正案).
        frozenset({"c:regulation", "c:standard", "c:mandate", "c:emissions-standard"}),
        (
            (
                "offer",
                None,
                re.compile(r"\b(?:drafts?|proposes|proposed|proposal)\b|征求意见", re.I),
            ),
            (
                "done",
                None,
                re.compile(
                    r"\b(?:adopt(?:s|ed|ion)?|finali[sz](?:es?|ed)|enact(?:s|ed)?|backs?|backed"
                    r"|vote[sd]? (?:for|through)|pass(?:es|ed))\b|正式发布|正式出台|通过",
                    re.I,
                ),
            ),
        ),
    ),
    (
        frozenset({"c:deal", "c:stake", "c:acquisition", "c:merger"}),
        (
            ("approved", "c:approval", re.compile(r"\b(?:clears?|cleared|nod)\b", re.I)),
            ("signed", None, re.compile(r"\b(?:signs?|signed|signing)\b|签署|签订|签约", re.I)),
        ),
    ),
    (
        # Talks ended in a title's own order ("Nissan, Foxconn end Oppama talks", "talks with
        # Foxconn have ended without deal"), which the glossary's "ends talks" does not match.
        frozenset({"c:talks"}),
        (
            (
                "end",
                None,
                re.compile(r"\bend(?:s|ed)?\b(?! of)|\bwithout (?:a )?(?:deal|agreement)\b", re.I),
            ),
        ),
    ),
    (
        # A labour dispute settled: a wage deal reached, a strike ended ("union reach tentative
        # wage deal, averting further strikes", "Hyundai, union strike tentative deal", "ending
        # six-week strike"): after the strike, news of its own (trial 55; storyline_stages).
        # Told by words, as the glossary's concepts of pay and labour contracts hold both the
        # talks and the deal; not the strike-end concept, which cannot say "talks to end strike
        # stall" or "reject deal to end the strike" is none.
        frozenset({"c:strike", "c:strike-end", "c:union", "c:pay", "c:labour-contract"}),
        ((_SETTLED, None, _SettledWords()),),
    ),
    (
        frozenset({"c:probe"}),
        (("expand", None, re.compile(r"\b(?:upgrade[sd]?|escalate[sd]?)\b|升级", re.I)),),
    ),
)


_RULE = "c:regulation"


def subject_turns(
    title: str, title_counts: Mapping[str, int], names_a_rule: bool
) -> frozenset[str]:
    """The turns of :data:`_SUBJECT_TURNS` a title tells; one naming a rule by its code (R152,
    GSR2) is about a rule whatever its words."""
    turns = []
    title = _PHRASAL_BACK.sub(" ", title)
    for subjects, told in _SUBJECT_TURNS:
        if subjects.isdisjoint(title_counts) and not (names_a_rule and _RULE in subjects):
            continue
        for turn, concept, words in told:
            if (concept is not None and concept in title_counts) or words.search(title):
                turns.append(turn)
                break
    return frozenset(turns)


def stage_turns(stages: frozenset[str]) -> frozenset[str]:
    """The turns a title names: talks called off are their end ("Calls Off Merger Talks" tells
    the turn "Merger Talks Collapse" tells), not talks as well."""
    return stages - {"talks"} if "end" in stages and "talks" in stages else stages
