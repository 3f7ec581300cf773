"""The program keeps what Python compiles afresh in every run (its regular expressions' programs,
its dataclasses' methods) in the cache folder, and a second run compiles none of it: a quarter of
a warm farm run's CPU (issue 17). What it takes from the file is what compiling gives: the same
patterns, the same digest. A file others may write to, or a broken one, is not read."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
import sys
from pathlib import Path

import autonews
from autonews import compile_cache
from tests.helpers.feeds import rfc822, rss
from tests.helpers.loaded_modules import digest_saying
from tests.helpers.site import Site, feeds_toml, write_config

# `python -m autonews ARGS`, saying on stderr at exit how many regular expressions it parsed
# (re parses a pattern only to compile it) and how many dataclass methods' sources it compiled.
_RUN_AND_COUNT = """
import atexit, dataclasses, runpy, sys
import re._parser as parser
counts = {"patterns": 0, "methods": 0}
parse = parser.parse
def counted(*args, **kwargs):
    counts["patterns"] += 1
    return parse(*args, **kwargs)
parser.parse = counted
def audit(event, args):
    if event == "compile" and b"__create_fn__" in bytes(args[0] or b""):
        counts["methods"] += 1
sys.addaudithook(audit)
atexit.register(lambda: print("compiled:", counts["patterns"], counts["methods"], file=sys.stderr))
sys.argv = ["autonews", *sys.argv[1:]]
runpy.run_module("autonews", run_name="__main__")
"""


def _digest_and_compiled(home: Path) -> tuple[dict, int, int]:
    digest, said = digest_saying(_RUN_AND_COUNT, "compiled:", home)
    patterns, methods = (int(n) for n in said.split()[1:])
    return digest, patterns, methods


def _stories(digest: dict) -> list[object]:
    return [(s["title"], s["summary"], s["sources"]) for s in digest["stories"]]


def test_a_second_run_compiles_nothing_the_first_compiled_and_tells_the_same(
    home: Path, site: Site
) -> None:
    entries = [
        {
            "title": title,
            "link": site.url(f"/news/{n}"),
            "guid": f"news-{n}",
            "date": rfc822(n + 1),
            "description": f"{title}, the company said on Monday.",
        }
        for n, title in enumerate(
            [
                "Ford recalls 227,000 Explorer SUVs over rear axle bolts",
                "BYD opens plant in Hungary",
            ]
        )
    ]
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(entries, title="EV Wire"))
    site.etags = True
    write_config(home, feeds_toml([("EV Wire", site.url("/feed.xml"))]))

    first, patterns, methods = _digest_and_compiled(home)
    assert patterns > 100 and methods > 100  # (the counts can see them)
    kept = home / "cache" / f"compiled-{sys.implementation.cache_tag}"
    assert kept.is_file() and kept.stat().st_mode & 0o077 == 0

    second, patterns, methods = _digest_and_compiled(home)
    assert (patterns, methods) == (0, 0)
    assert _stories(second) == _stories(first) and second["stories"]

    kept.chmod(0o666)  # others may write to it: not read, compiled again (and kept anew)
    third, patterns, methods = _digest_and_compiled(home)
    assert patterns > 100 and methods > 100
    assert _stories(third) == _stories(first)

    kept.write_bytes(b"\x00broken")
    kept.chmod(0o600)
    fourth, patterns, methods = _digest_and_compiled(home)
    assert patterns > 100 and _stories(fourth) == _stories(first)


def test_every_pattern_of_the_package_is_the_one_re_compiles() -> None:
    for module in pkgutil.walk_packages(autonews.__path__, "autonews."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    patterns = {
        (value.pattern, value.flags)
        for name, module in list(sys.modules.items())
        if name.startswith("autonews")
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    }
    assert len(patterns) > 200
    compile_cache.install(None)
    try:
        fresh = {key: compile_cache._compile(*key) for key in patterns}
        kept = marshal.loads(marshal.dumps(compile_cache._programs))
        compile_cache._programs.clear()
        compile_cache._programs.update(kept)
        from_file = {key: compile_cache._compile(*key) for key in patterns}
    finally:
        compile_cache.uninstall()
        compile_cache._programs.clear()
        compile_cache._methods.clear()
    for key in patterns:
        expected = re.compile(*key)
        for made in (fresh[key], from_file[key]):
            assert made == expected, key[0][:80]
            assert (made.flags, made.groups, made.groupindex) == (
                expected.flags,
                expected.groups,
                expected.groupindex,
            )


def test_the_folder_is_the_runs_cache_folder(tmp_path: Path, monkeypatch) -> None:
    from autonews.paths import resolve_paths

    monkeypatch.delenv("AUTONEWS_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert compile_cache.folder_for_the_program() == resolve_paths().cache_dir
    monkeypatch.setenv("AUTONEWS_HOME", str(tmp_path))
    assert compile_cache.folder_for_the_program() == resolve_paths().cache_dir == tmp_path / "cache"
    monkeypatch.setenv("AUTONEWS_HOME", str(tmp_path / "missing"))
    assert compile_cache.folder_for_the_program() is None


def test_a_few_small_new_patterns_do_not_write_the_file_again(tmp_path: Path) -> None:
    """A pattern made from what a run reads (a number in a title) is compiled again next run
    in microseconds; writing the file again for it would cost milliseconds every run."""
    folder = tmp_path / "cache"
    compile_cache.install(folder)
    try:
        re.compile(r"(?<!\d)first (\d+) of \w+ kept", re.IGNORECASE)
        compile_cache._added = compile_cache.SAVE_AT  # (as a cold run's imports would)
        compile_cache.save()
        kept = folder / f"compiled-{sys.implementation.cache_tag}"
        written = kept.stat().st_mtime_ns
        compile_cache._programs.clear()
        compile_cache.install(folder)  # (already patched: the file read again, as a new run)
        assert not compile_cache._added
        re.compile(r"(?<!\d)(?<!\d[,.])227(?![.,]?\d)")
        compile_cache.save()
        assert kept.stat().st_mtime_ns == written
        assert ("(?<!\\d)first (\\d+) of \\w+ kept", re.IGNORECASE) in compile_cache._programs
    finally:
        compile_cache.uninstall()
        compile_cache._programs.clear()
        compile_cache._methods.clear()
        compile_cache._added = 0


def test_a_damaged_entry_is_compiled_afresh_and_written_again(tmp_path: Path) -> None:
    """Review 37 F1: an entry the file holds that the engine refuses (a program cut short, a
    tuple of another shape) ended every run, --help too, until the user deleted the file."""
    folder = tmp_path / "cache"
    pattern = r"(?P<count>\d+) (cars|trucks) recalled"
    compile_cache.install(folder)
    try:
        re.compile(pattern)
        compile_cache._added = compile_cache.SAVE_AT
        compile_cache.save()
        kept = folder / f"compiled-{sys.implementation.cache_tag}"
        build, programs, methods = marshal.loads(kept.read_bytes())
        flags, code, groups, names, by_index = programs[(pattern, 0)]
        programs[(pattern, 0)] = (flags, code[:-3], groups, names, by_index)
        programs[("other (shape)", 0)] = (flags, code)
        kept.write_bytes(marshal.dumps((build, programs, methods)))
        compile_cache._programs.clear()
        compile_cache.install(folder)  # (a new run reading the file)
        made = compile_cache._compile(pattern, 0)
        assert made.match("12 cars recalled").group("count") == "12"
        assert compile_cache._compile("other (shape)", 0).pattern == "other (shape)"
        compile_cache.save()
        _, programs, _ = marshal.loads(kept.read_bytes())
        assert programs[(pattern, 0)][1] == code  # written again, whole
    finally:
        compile_cache.uninstall()
        compile_cache._programs.clear()
        compile_cache._methods.clear()
        compile_cache._added = 0


def test_a_dataclass_compiled_through_it_keeps_its_annotations() -> None:
    """Review 37 F2: compiled under this module's `from __future__ import annotations`, the
    methods' annotations became strings naming locals gone ('_type_x'): get_type_hints failed."""
    import dataclasses
    import typing

    def made() -> type:
        @dataclasses.dataclass
        class Point:
            x: int
            tags: list[str] = dataclasses.field(default_factory=list)

        return Point

    expected = typing.get_type_hints(made().__init__)
    compile_cache.install(None)
    try:
        through_it = made()
    finally:
        compile_cache.uninstall()
        compile_cache._programs.clear()
        compile_cache._methods.clear()
    assert (
        typing.get_type_hints(through_it.__init__)
        == expected
        == {
            "x": int,
            "tags": list[str],
            "return": type(None),
        }
    )
