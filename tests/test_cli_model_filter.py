"""Trial 34 #13 and #22: `--model` takes the models Chinese outlets write this week
(蔚来ES9, 魏牌蓝山, 零跑D19) though the knowledge does not know them yet, and the
brand-prefixed forms (蔚来ES8); a typo is still refused, and a name like none prints no stories
and a hint. Real CLI, a feed file."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from autonews.errors import ExitStatus
from tests.helpers.feeds import item, rss

TITLES = [
    "蔚来ES9正式上市，售价49.8万元起，比预售便宜3万",
    "NIO launches ES9 flagship SUV at RMB 498,000, below pre-sale price",
    "长城汽车召回部分魏牌蓝山 共计3.2万辆",
    "零跑 D19 路试谍照曝光：旗舰大六座 SUV，明年一季度上市",
    "蔚来ES8交付破万，李斌：明年再推两款新车",
    "Volvo ES90 deliveries begin in Europe",
]


def _feed(tmp_path: Path) -> list[str]:
    path = tmp_path / "feed.xml"
    items = [item(title, n, hours_ago=1 + n) for n, title in enumerate(TITLES)]
    path.write_text(rss(items, "车讯"), encoding="utf-8")
    return ["--feed", str(path)]


def _titles(cli, feed: list[str], *models: str) -> set[str]:
    asked = [arg for model in models for arg in ("--model", model)]
    result = cli("digest", *feed, "--offline", "--format", "json", *asked)
    assert result.code == 0, result.err
    stories = result.json()["stories"]
    return {source["title"] for story in stories for source in story["sources"]}


def test_a_model_the_knowledge_does_not_know_yet_is_found_in_titles(
    cli, home: Path, tmp_path: Path
) -> None:
    """`--model ES9` was "unknown model 'ES9'" while five stories were about the 蔚来ES9."""
    feed = _feed(tmp_path)
    assert cli("digest", *feed, "--no-extract", "--format", "json").code == 0
    es9 = {TITLES[0], TITLES[1]}
    assert _titles(cli, feed, "ES9") == es9  # not the Volvo ES90
    assert _titles(cli, feed, "蔚来ES9") == es9  # the brand written before it: NIO's
    assert _titles(cli, feed, "魏牌蓝山") == _titles(cli, feed, "蓝山") == {TITLES[2]}
    assert _titles(cli, feed, "D19", "es9") == {TITLES[3], *es9}
    assert _titles(cli, feed, "零跑ES9") == set()  # no Leapmotor story names an ES9


def test_a_known_model_is_taken_with_its_chinese_brand(cli, home: Path, tmp_path: Path) -> None:
    """ "蔚来ES8" was refused ("did you mean 'ES8'?"): it is NIO's ES8, as the stories name it."""
    feed = _feed(tmp_path)
    assert cli("digest", *feed, "--no-extract", "--format", "json").code == 0
    assert _titles(cli, feed, "蔚来ES8") == _titles(cli, feed, "ES8") == {TITLES[4]}


def test_a_typo_is_refused_and_an_unheard_of_model_finds_nothing_with_a_hint(
    cli, home: Path, tmp_path: Path
) -> None:
    feed = _feed(tmp_path)
    assert cli("digest", *feed, "--no-extract", "--format", "json").code == 0
    typo = cli("digest", *feed, "--offline", "--model", "Modle Y")
    assert typo.code == ExitStatus.USAGE
    assert "did you mean 'Model Y'" in typo.err
    unheard = cli("digest", *feed, "--offline", "--format", "text", "--model", "XQ-77")
    assert unheard.code == 0, unheard.err
    assert "none naming the model XQ-77" in unheard.out
    assert "does not know the model 'XQ-77', and no story's title names it" in unheard.err


def _reported_models() -> list[str]:
    from autonews.classify.lookup import knowledge_for
    from autonews.config import ClassifyConfig

    knowledge = knowledge_for(ClassifyConfig())
    return sorted({knowledge.model_names.get(n, n) for n, _ in knowledge.models.values()})


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(_reported_models()), case=st.sampled_from([str, str.lower]))
def test_every_model_a_story_can_carry_is_taken_as_itself(name: str, case) -> None:
    """A model in a story's models (as the classifier reports it) is a known `--model` value
    in any case, standing for itself."""
    from autonews.classify.lookup import knowledge_for
    from autonews.config import ClassifyConfig
    from autonews.model_filter import wanted_model

    wanted = wanted_model(case(name), knowledge_for(ClassifyConfig()))
    assert name in wanted.names
