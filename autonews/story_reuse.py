"""The stories of the last run, told again when nothing they were told from has changed.

A warm run (every feed "not modified", every page cached) builds the same stories from the
same items as the run before: choosing each story's source, cutting its page's heading, byline
and furniture, its summary. That was a sixth of such a run's CPU (issue 17). Each story is kept,
in the run's cache folder, under a digest of everything ``build_story`` and ``credited`` read:
its items, their labels and article bodies, its key, the reader's language and script, and the
code and knowledge files of this autonews (by name, size and time of change) with the Python
and OpenCC it runs on. A story any of these changed for is built again; so is every story of a
run whose cache cannot be read.

Kept as a pickle, which runs code when loaded: a file is read only when it and its folder
belong to the user running autonews and nobody else may write to them (as the classifier's
knowledge is: :mod:`autonews.classify.stored`). A library caller (no cache folder) builds every
story, and nothing is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from autonews.cache_folder import cache_folder, made_private, private
from autonews.files import write_atomically
from autonews.models import Article, Classification, Item, Story

_FILE = "stories"
FORMAT = "1"  # bump when what the file holds changes in a way no key below catches
# Stories a run keeps at most: the file holds the last run's stories alone, so its size follows
# the digest's window, not the store (the scale benchmark's 200,000 items: 177 KB and 314
# stories, loaded in 4 ms; its 2,000 feeds: 1 MB, 744 stories). A run over far more (``--since
# all`` on a large store) keeps none rather than have the next run load a file the store's size.
LIMIT = 5_000

Build = Callable[[Sequence[Item], str], Story]


@lru_cache(maxsize=1)
def _code_key() -> str:
    """The code and knowledge stories are told by: every file of the package (its modules, its
    knowledge), by path, size and time of change, with the Python, autonews and OpenCC
    versions."""
    from autonews import __version__

    digest = hashlib.sha1(f"{FORMAT}\0{sys.version}\0{__version__}\0".encode())
    package = Path(__file__).resolve().parent
    for folder, _dirs, names in sorted(os.walk(package)):
        if "__pycache__" in folder:
            continue
        for name in sorted(names):
            if name.endswith((".py", ".toml", ".json", ".weights", ".txt", ".tsv")):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    spec = find_spec("opencc")  # its tables put a story in a Traditional reader's script
    if spec is not None and spec.origin:
        with contextlib.suppress(OSError):
            info = os.stat(spec.origin)
            digest.update(f"{spec.origin}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _story_key(
    members: Sequence[Item],
    key: str,
    classifications: Mapping[int, Classification],
    articles: Mapping[str, Article],
    reader: tuple[str, str | None],
) -> str:
    told_from = (
        _code_key(),
        key,
        reader,
        [(m, classifications[m.id], articles.get(m.link or "")) for m in members],
    )
    return hashlib.sha1(repr(told_from).encode()).hexdigest()


def _kept(path: Path) -> dict[str, Story]:
    try:
        if private(path.parent) and private(path):
            kept = pickle.loads(path.read_bytes())
            if isinstance(kept, dict):
                return kept
    except Exception:  # missing, unreadable, truncated, from other code: built again
        pass
    return {}


def told_stories(
    member_lists: Sequence[Sequence[Item]],
    keys: Sequence[str],
    classifications: Mapping[int, Classification],
    articles: Mapping[str, Article],
    reader: tuple[str, str | None],
    build: Build,
) -> tuple[Story, ...]:
    """``build(members, key)`` for each story, or the story the last run built from the same
    (``reader``: the reader's language and script table)."""
    folder = cache_folder()
    if folder is None:  # a library caller: built, nothing kept
        return tuple(build(m, k) for m, k in zip(member_lists, keys, strict=True))
    path = folder / _FILE
    kept = _kept(path)
    stories: list[Story] = []
    keep: dict[str, Story] = {}
    for members, key in zip(member_lists, keys, strict=True):
        told_from = _story_key(members, key, classifications, articles, reader)
        story = kept.get(told_from)
        if not isinstance(story, Story) or story.id != key:
            story = build(members, key)
        stories.append(story)
        keep[told_from] = story
    if len(keep) > LIMIT:
        keep = {}
    if keep.keys() != kept.keys():
        _keep(folder, path, keep)
    return tuple(stories)


def _keep(folder: Path, path: Path, stories: dict[str, Story]) -> None:
    """This run's stories, for the next (what a cache folder that cannot be written to, or that
    others may write to, cannot keep is built again)."""
    with contextlib.suppress(Exception):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if private(folder) or made_private(folder):
            write_atomically(path, pickle.dumps(stories, pickle.HIGHEST_PROTOCOL), mode=0o600)
