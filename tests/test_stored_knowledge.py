"""The classifier's knowledge and event model kept in the cache folder between runs: used when
nothing it depends on changed, never when something did, and rebuilt silently when unreadable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from autonews import classifier_version
from autonews.cache_folder import keep_in
from autonews.classify import Classifier
from autonews.classify import knowledge_loading as knowledge
from autonews.classify.event_model import event_model
from autonews.classify.knowledge_loading import build_knowledge, built_knowledge

HEADLINES = [
    "Tesla to Push Autopilot Software Fix to 2 Million US Cars Following Safety Probe",
    "Stop-Sale Ordered on Grand Highlander and Lexus TX as Toyota Investigates Airbag Sensor",
    "小米汽车召回11.7万辆SU7 将通过OTA升级强化辅助驾驶提醒",
    "豐田汽車銷量創新高",
    "Zorblax Motors unveils its first electric pickup",
]


@pytest.fixture
def cache(tmp_path: Path):
    """Built knowledge kept in a fresh folder for this test; none of the process-wide copies."""
    folder = tmp_path / "cache"
    knowledge.default_knowledge.cache_clear()
    event_model.cache_clear()
    keep_in(folder)
    yield folder
    keep_in(None)
    knowledge.default_knowledge.cache_clear()
    event_model.cache_clear()


def labels(classifier: Classifier) -> list[object]:
    return [classifier.classify(title).to_record() for title in HEADLINES]


def test_kept_knowledge_is_used_and_classifies_alike(cache: Path, monkeypatch) -> None:
    fresh = labels(Classifier(build_knowledge(), event_model.__wrapped__()))
    built_knowledge()
    event_model()
    # The event model loads from its own table as fast as from a copy: only the knowledge is kept.
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["knowledge"]

    def no_building(*args: object) -> None:
        raise AssertionError("built again although a kept copy is there")

    monkeypatch.setattr(knowledge, "build_knowledge", no_building)
    assert labels(Classifier(built_knowledge(), event_model())) == fresh


def test_changed_knowledge_files_are_not_served_from_the_cache(
    cache: Path, tmp_path: Path, monkeypatch
) -> None:
    built_knowledge()  # kept for the shipped files
    shipped = knowledge.resources.files("autonews.knowledge")
    edited = tmp_path / "knowledge"
    edited.mkdir()
    for name in classifier_version.KNOWLEDGE_FILES:
        (edited / name).write_bytes(shipped.joinpath(name).read_bytes())
    with (edited / "makers.toml").open("a", encoding="utf-8") as out:
        out.write('\n[[maker]]\nname = "Zorblax Motors"\ngroup = "Zorblax"\ncountry = "XX"\n')
    real_files = knowledge.resources.files

    class EditedResources:
        @staticmethod
        def files(package: str) -> object:
            return edited if package == "autonews.knowledge" else real_files(package)

    monkeypatch.setattr(knowledge, "resources", EditedResources)
    monkeypatch.setattr(classifier_version, "resources", EditedResources)
    classifier_version._version_cached.cache_clear()
    try:
        changed = built_knowledge()
    finally:
        classifier_version._version_cached.cache_clear()
    assert "Zorblax Motors" in [maker.name for maker in changed.makers]
    assert len(list(cache.glob("knowledge-*"))) == 2  # the new version kept beside the old


def test_old_versions_and_left_temporary_files_are_cleared(cache: Path) -> None:
    cache.mkdir(mode=0o700)
    for n in range(6):
        (cache / f"knowledge-old{n}").write_bytes(b"x")
        os.utime(cache / f"knowledge-old{n}", (1_000_000 + n, 1_000_000 + n))
    left = cache / ".knowledge-0123.abc"  # a run killed while writing
    left.write_bytes(b"half")
    os.utime(left, (1_000_000, 1_000_000))
    fresh = cache / ".knowledge-4567.def"  # another run writing now
    fresh.write_bytes(b"half")
    built_knowledge()
    names = sorted(p.name for p in cache.iterdir())
    assert len([n for n in names if n.startswith("knowledge-")]) == 4  # this one and 3 newest
    assert "knowledge-old5" in names and "knowledge-old0" not in names
    assert left.name not in names and fresh.name in names


def run_classify(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTONEWS_")}
    env["AUTONEWS_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "autonews", "classify", "--format", "jsonl", *args],
        input="\n".join(HEADLINES) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def makers_of(output: str) -> list[list[str]]:
    return [[m["name"] for m in json.loads(line)["makers"]] for line in output.splitlines()]


def test_corrupt_or_stale_cache_files_are_rebuilt_without_a_word(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = run_classify(home)
    assert first.returncode == 0 and first.stderr == ""
    kept = sorted((home / "cache").iterdir())
    assert [p.name.split("-")[0] for p in kept] == ["knowledge"]
    for damage in (b"", b"not a pickle", kept[0].read_bytes()[:1000]):
        for path in kept:
            path.write_bytes(damage)
        again = run_classify(home)
        assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
        for path in kept:  # written anew, whole
            assert path.stat().st_size > 100_000
    # The user's [classify] additions are part of the key: a config that adds a maker is not
    # answered from the copy kept without it, nor the other way round.
    (home / "config.toml").write_text(
        '[[classify.makers]]\nname = "Zorblax Motors"\naliases = ["Zorblax"]\n', "utf-8"
    )
    added = run_classify(home)
    assert added.stderr == ""
    assert makers_of(added.stdout)[-1] == ["Zorblax Motors"]
    (home / "config.toml").write_text("", "utf-8")
    assert makers_of(run_classify(home).stdout)[-1] == []


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX owners and modes")
def test_a_kept_file_others_could_have_written_is_never_loaded(cache: Path, tmp_path: Path) -> None:
    """A pickle runs code when loaded: a file or folder others may write to is not trusted."""
    built_knowledge()
    (kept,) = cache.glob("knowledge-*")
    assert cache.stat().st_mode & 0o777 == 0o700 and kept.stat().st_mode & 0o077 == 0
    ran = tmp_path / "ran"
    planted = f"cos\nsystem\n(S'touch {ran}'\ntR.".encode()  # runs a command if unpickled
    kept.write_bytes(planted)
    kept.chmod(0o666)  # a file anyone may write to
    knowledge.default_knowledge.cache_clear()
    assert "Tesla" in [maker.name for maker in built_knowledge().makers]
    assert not ran.exists()
    assert kept.read_bytes() != planted and kept.stat().st_mode & 0o077 == 0  # written anew
    cache.chmod(0o777)  # our folder, open to others (an old umask): made private again,
    kept.write_bytes(planted)  # and the file in it, others may have written, is not loaded
    kept.chmod(0o666)
    assert "Tesla" in [maker.name for maker in built_knowledge().makers]
    assert not ran.exists() and cache.stat().st_mode & 0o777 == 0o700
    assert kept.read_bytes() != planted
    # The same file, private in a private folder, is loaded: the test's pickle is live.
    kept.write_bytes(planted)
    kept.chmod(0o600)
    assert "Tesla" in [maker.name for maker in built_knowledge().makers]  # rejected, rebuilt
    assert ran.exists()


def test_copies_of_kinds_no_longer_kept_are_cleared(cache: Path) -> None:
    """Earlier versions kept the event model too (it loads from its own table now): their copies
    go when the knowledge is next written."""
    cache.mkdir(mode=0o700)
    old = cache / "event-model-0123456789abcdef0123"
    old.write_bytes(b"x" * 1000)
    built_knowledge()
    assert not old.exists()
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["knowledge"]
