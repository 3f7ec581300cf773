"""The cyclic garbage collector left out of the program's imports: paused while a module is
imported, and what the import made (functions, classes, tables: objects that live as long as the
process) then frozen out of its sight (``gc.freeze``), as the classifier's knowledge is
(:mod:`autonews.classify.stored`). Otherwise the collector walks them again and again while the
run imports more: 104 passes and 50 ms of a cold farm run's CPU, 77 passes and 13 ms of a warm
one's (issue 17). Only modules loaded from files are watched (a finder placed before the others
wraps their loader's ``exec_module``); a module already imported costs nothing more.

Only the program installs it (``autonews.cli.main`` without arguments): a library caller, or a
test calling ``main(args)``, keeps its collector as it set it.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Sequence
from importlib.machinery import ExtensionFileLoader, ModuleSpec, SourceFileLoader
from types import ModuleType
from typing import Any

_lock = threading.Lock()
_depth = 0  # imports under way, in every thread (the collector is the process's)
_resume = False  # whether the collector was on when the outermost of them started


class _Finder:
    """First in ``sys.meta_path``: finds what the finders after it find, and has the loader of a
    module from a file run it with the collector paused."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec: ModuleSpec | None = find(name, path, target)
            if spec is not None:
                loader = spec.loader
                if type(loader) in (SourceFileLoader, ExtensionFileLoader):
                    loader.exec_module = _paused(loader.exec_module)  # type: ignore[method-assign,union-attr]
                return spec
        return None


_FINDER = _Finder()


def install() -> None:
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)


def _paused(exec_module: Callable[[ModuleType], Any]) -> Callable[[ModuleType], None]:
    def run(module: ModuleType) -> None:
        global _depth, _resume
        with _lock:
            _depth += 1
            if _depth == 1:
                _resume = gc.isenabled()
                gc.disable()
        try:
            exec_module(module)
        finally:
            with _lock:
                _depth -= 1
                if _depth == 0:
                    gc.freeze()  # (with it, any garbage in a cycle now: a few objects at most)
                    if _resume:
                        gc.enable()

    return run
