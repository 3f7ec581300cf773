"""The heading a group company's story is filed under when it names no maker: "Denso
(Toyota)", as a brand is under its group (trial 50); under ``--group-by group`` its owner where
that is a carmaker group, the company itself where it is not (Alphabet owns Waymo, and
``--maker Alphabet`` is refused: review 38). Read by the digest and by ``stats``."""

from __future__ import annotations

from functools import cache

from autonews.models import CompanyRef, Story


def carmaker_group(name: str) -> bool:
    """Whether ``name`` is a carmaker group's (Toyota, Hyundai Motor Group), as ``--maker``
    takes it; a company's owner may be none (Alphabet owns Waymo: review 38)."""
    return name in _carmaker_groups()


@cache
def _carmaker_groups() -> frozenset[str]:
    from autonews.classify.knowledge_loading import default_knowledge

    return frozenset(maker.group for maker in default_knowledge().makers)


def company_row(company: CompanyRef, group_by: str) -> str:
    """What a digest heads a group company's story with, as one line: "Denso (Toyota)"; with
    ``--group-by group`` its owner where that is a carmaker group ("Toyota")."""
    if group_by == "group" and carmaker_group(company.owner):
        return company.owner
    return f"{company.name} ({company.owner})"


def owned_company(story: Story) -> CompanyRef | None:
    """The company a story naming no maker is filed under, as a brand is under its group
    ("Denso (Toyota)", as "Hino (Toyota)"; trial 50 found Denso, Aisin and Mobis under
    Industry): its first company, where a group owns it; None for any other."""
    companies = story.classification.companies
    if story.classification.makers or not companies or not companies[0].owner:
        return None
    return companies[0]
