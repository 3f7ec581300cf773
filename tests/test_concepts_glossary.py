"""The concept glossary (autonews/knowledge/concepts.toml): terms that stem alike must not make
unrelated words one concept, and the wordings of one idea across outlets and languages must meet."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from autonews.classify.lexicon import phrase_key, stem, tokenize
from autonews.cluster import _terms


def concepts(text: str) -> set[str]:
    return {term for term in _terms(tokenize(text).norms) if term.startswith("c:")}


def test_every_term_belongs_to_one_concept_and_ids_are_unique() -> None:
    data = tomllib.loads(
        resources.files("autonews.knowledge").joinpath("concepts.toml").read_text("utf-8")
    )
    ids: set[str] = set()
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for concept in data["concept"]:
        assert concept["id"] not in ids, concept["id"]
        ids.add(concept["id"])
        for term in concept["terms"]:
            key = phrase_key(term, stem)
            if owner.setdefault(key, concept["id"]) != concept["id"]:
                clashes.append((term, owner[key], concept["id"]))
    assert not clashes


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Stem collisions: the word stems like a concept term but means something else.
        ("Seat's Martorell plant retooled to build small EVs", "c:seating"),
        ("Stellantis will hold two seats on Leapmotor's board", "c:seating"),
        ("Range Rover Sport recalled over rear axle", "c:range"),
        ("Chery prices Hong Kong IPO at top of range", "c:range"),
        ("Northvolt files for Chapter 11 bankruptcy protection", "c:regulatory-filing"),
        ("Ghosn files lawsuit against Nissan", "c:regulatory-filing"),
        ("Ford cuts prices in a bid to revive EV sales", "c:acquisition"),
        ("Nasdaq minimum bid price rule", "c:acquisition"),
        ("Owners told not to charge their cars until a fix is ready", "c:criminal-charges"),
        ("Dealers will replace the part free of charge", "c:criminal-charges"),
        ("Ford takes $1.9 billion charge as it cancels SUV", "c:criminal-charges"),
        ("BYD enters Europe's largest car market", "c:marketing"),
        ("Ontario premier says tariffs will hurt workers", "c:debut"),
        ("Former Nissan director found guilty on one charge", "c:founder"),
        ("Apple shelves its car project", "c:forecast"),
        ("GM beats estimates and raises full-year forecast", "c:funding-round"),
        ("Hundreds detained at battery plant site in Georgia", "c:strike"),
        ("Hyundai recalls SUVs over fuel tank leak risk", "c:spy-shots"),
        ("Parts supplier announces new job cuts", "c:hiring"),
        ("Dealer inventory piles up as sales slow", "c:crash"),
        ("Holding company would be steered by Honda appointees", "c:steering"),
        ("Officials raid Toyota headquarters over certification", "c:immigration"),
        ("Berlin ends EV purchase bonus after budget crunch", "c:affordable"),
        ("Berlin ends EV purchase bonus after budget crunch", "c:pay"),
        ("Sources say the carmaker is weighing a sale", "c:supplier"),
        ("The crew of the car carrier abandoned ship", "c:crewe"),
        ("Carmakers enter the AI race", "c:motorsport"),
        ("Woman trapped under robotaxi", "c:door"),
        ("特斯拉美国召回逾百万辆", "c:latin-america"),
        ("丰田等车企暂停发货", "c:wait-time"),
        ("打造全新高端智能汽车", "c:record-high"),
        ("小米SU7标准版召回", "c:standard"),
        ("小米汽车官方称交付正常", "c:government"),
        ("保时捷更换高管", "c:repair"),
        ("系统在识别预警或处置不及时", "c:profit-warning"),
    ],
)
def test_a_word_that_only_stems_like_a_term_is_not_its_concept(text: str, absent: str) -> None:
    assert absent not in concepts(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # The intended matches survive the collision fixes.
        ("Kia recalls SUVs over power seat motor fire risk", "c:seating"),
        ("EU tightens child booster seat rules", "c:seating"),
        ("Kia EV3 compact SUV with up to 600 km of range", "c:range"),
        ("Lucid Gravity shown with 440-mile range", "c:range"),
        ("Model Y Long Range now costs less", "c:range"),
        ("Recall disclosed in a filing with NHTSA", "c:regulatory-filing"),
        ("Takata files for bankruptcy", "c:bankruptcy"),
        ("Owners file class action over battery fires", "c:lawsuit"),
        ("Foxconn makes takeover bid for Nissan", "c:acquisition"),
        ("Ghosn faces criminal charges in Japan", "c:criminal-charges"),
        ("Tesla will replace the motor free of charge", "c:repair"),
        ("GM books $5 billion in charges on China venture", "c:writedown"),
        ("Ford takes $1.9 billion charge as it cancels SUV", "c:writedown"),
        ("Porsche 911 world premiere at Goodwood", "c:debut"),
        ("Waymo raises funds from Alphabet", "c:funding-round"),
        ("Ford recalls Explorers as trim may fly off", "c:detach"),
        ("Hyundai recalls SUVs over fuel tank leak risk", "c:leak"),
        ("US immigration raid at Hyundai battery plant", "c:raid"),
        ("US immigration raid at Hyundai battery plant", "c:immigration"),
        ("Tesla to cut more than 10% of its workforce", "c:layoffs"),
        ("Bosch to shed roles in Germany", "c:layoffs"),
        ("Berlin ends EV purchase bonus after budget crunch", "c:subsidy"),
        ("Berlin ends EV purchase bonus after budget crunch", "c:public-budget"),
        ("Tesla recalls Cybertrucks over steering issue", "c:steering"),
        ("Short seller alleges fraud at Nikola", "c:short-seller"),
        ("BYD makes smart driving available on all cars", "c:adas"),
        ("CATL shares jump in Hong Kong debut", "c:hkex"),
        ("Akio Toyoda bows in apology", "c:apologise"),
        ("Inspection scandal widens", "c:inspection"),
        ("GM bets on LMR chemistry", "c:lmr"),
    ],
)
def test_the_intended_wording_still_names_its_concept(text: str, present: str) -> None:
    assert present in concepts(text)


@pytest.mark.parametrize(
    ("one", "other", "shared"),
    [
        # One idea in the wordings different outlets and languages use.
        ("Workers stage walkout at Ford plant", "福特工厂工人罢工", "c:strike"),
        ("GM widens callback", "通用汽车扩大召回", "c:recall"),
        ("Northvolt files for Chapter 11", "Northvolt申请破产保护", "c:bankruptcy"),
        ("Germany ends EV purchase bonus", "德国取消电动车购车补贴", "c:subsidy"),
        ("Germany's EV grants are gone", "德国电动车补贴取消", "c:subsidy"),
        ("Bosch to shed roles", "博世宣布裁员", "c:layoffs"),
        ("Panel that can fall off", "外部面板可能脱落", "c:detach"),
        ("CATL shares jump in Hong Kong debut", "宁德时代登陆港交所", "c:hkex"),
        ("Hyundai India IPO flops in market debut", "现代印度IPO上市首日破发", "c:ipo"),
        ("BYD rolls out smart driving to all models", "比亚迪全系标配智驾", "c:adas"),
        ("Short seller targets Nikola", "做空机构狙击尼古拉", "c:short-seller"),
        ("Owners cry foul after steep discounts", "老车主不满", "c:criticise"),
        ("EPA accuses VW of cheating", "美国环保署指控大众作弊", "c:allegation"),
        ("Volkswagen faces penalties over diesel cheating", "大众排放门", "c:emissions-cheating"),
        ("Nissan halts output amid inspection scandal", "日产完成检验违规", "c:inspection"),
        ("BYD's record month", "比亚迪月销首破30万", "c:record-high"),
        ("Toyoda bows in apology", "丰田章男鞠躬道歉", "c:apologise"),
        ("GM and LG to build lithium manganese-rich cells", "通用与LG合作富锂锰基电池", "c:lmr"),
    ],
)
def test_two_wordings_of_one_idea_share_a_concept(one: str, other: str, shared: str) -> None:
    assert shared in concepts(one) & concepts(other)
