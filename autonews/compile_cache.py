"""What Python compiles afresh in every run of the program, kept from one run for the next: the
programs of the regular expressions the modules compile as they are imported, and the methods
(``__init__``, ``__eq__``, ``__repr__``...) the dataclasses write as source and compile. A run
that fetched nothing new spent a quarter of its CPU on these two (issue 17: 0.10 s of 0.42 s on
the farm), every run the same, like the bytecode of the modules, which Python keeps in
``__pycache__``.

Both are kept by what they are compiled from (a pattern's text and flags, a method's source), so
what is taken from the file is what compiling would give: a changed pattern or class is a new
entry, compiled and added. A program is handed to the regular expression engine as
``re.compile`` hands it (``_sre.compile``: the engine checks every program it is given); a
method's code is run as the dataclass would run its source. The file is for one build of Python
(its version, its bytecode's and its engine's magic numbers), in the run's cache folder, and
read only where it and its folder are the user's alone, like the classifier's knowledge
(:mod:`autonews.classify.stored`): the code in it is run.

Only the program itself uses it (``autonews.cli.main`` without arguments): a library caller, or a
test calling ``main(args)``, compiles as Python does.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # (re's engine: no stubs)
import contextlib
import importlib
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

# The parts of re.compile (modules of its own, without types).
_compiler: Any = importlib.import_module("re._compiler")
_parser: Any = importlib.import_module("re._parser")

# (the flags, the program, the number of groups less one, the group names, the names by index)
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

# The file's own layout: a change of what an entry holds (Program's shape) is a new number, so
# that another install of autonews sharing the cache folder never reads entries it cannot use.
FORMAT = 2
LIMIT = 20_000  # entries in the file; past it, only those of the last run are kept
_FILE = f"compiled-{sys.implementation.cache_tag}"

_programs: dict[tuple[str | bytes, int], Program] = {}
_methods: dict[str, CodeType] = {}
_used: set[object] = set()  # keys read or added in this run
# What this run compiled that the file did not hold, weighed in words of program (a method as
# METHOD_WEIGHT): the file is written again only for SAVE_AT or more. A pattern made from what
# a run reads (a number in a title: cluster/named_models.py) is a few dozen words, compiled again
# next run in microseconds, where writing the file costs milliseconds.
_added = 0
SAVE_AT = 2_000
METHOD_WEIGHT = 100
_installed: dict[str, Any] = {}  # what was replaced, to put back


def _build() -> str:
    """This Python's build, as far as what is kept depends on it."""
    from importlib.util import MAGIC_NUMBER

    return f"{FORMAT}\0{sys.version}\0{MAGIC_NUMBER.hex()}\0{_sre.MAGIC}\0{_sre.CODESIZE}"


def install(folder: Path | None) -> None:
    """Compile regular expressions and dataclass methods through what ``folder`` keeps (None:
    nothing kept; :func:`save` keeps nothing either)."""
    _patch()
    _load_from(folder)


def install_for_the_program() -> None:
    """:func:`install` for the run's cache folder, as the environment names it (see
    :func:`folder_for_the_program`, whose own classes are compiled through it too)."""
    _patch()
    _load_from(folder_for_the_program())


def _patch() -> None:
    if _installed:
        return
    import dataclasses

    _installed["re"] = _compiler.compile
    _installed["exec"] = dataclasses.__dict__.get("exec")
    _compiler.compile = _compile
    # A name of the dataclasses module's own, found before the builtin its methods are made with.
    dataclasses.exec = _exec  # type: ignore[attr-defined]


def uninstall() -> None:
    """Compile as Python does again."""
    if not _installed:
        return
    import dataclasses

    _compiler.compile = _installed.pop("re")
    previous = _installed.pop("exec")
    if previous is None:
        del dataclasses.exec  # type: ignore[attr-defined]
    else:
        dataclasses.exec = previous  # type: ignore[attr-defined]


_folder: Path | None = None


def _load_from(folder: Path | None) -> None:
    """What ``folder`` keeps, added to what this run compiled until now (which counts as new
    only where the file did not hold it)."""
    global _folder, _added
    _folder = folder
    if folder is None:
        return
    compiled = (set(_programs), set(_methods))
    _added = 0
    from autonews.cache_folder import private

    path = folder / _FILE
    try:
        if private(path.parent) and private(path):
            build, programs, methods = marshal.loads(path.read_bytes())
            if build == _build() and isinstance(programs, dict) and isinstance(methods, dict):
                _programs.update(programs)
                _methods.update(methods)
                compiled = (compiled[0] - programs.keys(), compiled[1] - methods.keys())
    except Exception:  # missing, unreadable, truncated, another Python's: compiled again
        pass
    _added = sum(len(_programs[key][1]) for key in compiled[0])
    _added += METHOD_WEIGHT * len(compiled[1])


def save() -> None:
    """Keep what this run compiled that the file did not hold (when it is worth writing)."""
    folder = _folder
    if folder is None or _added < SAVE_AT:
        return
    from autonews.cache_folder import made_private, private
    from autonews.files import write_atomically

    programs, methods = _programs, _methods
    if len(programs) + len(methods) > LIMIT:  # code changed many times since it was started
        programs = {key: value for key, value in programs.items() if key in _used}
        methods = {key: value for key, value in methods.items() if key in _used}
    with contextlib.suppress(Exception):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if private(folder) or made_private(folder):
            data = marshal.dumps((_build(), programs, methods))
            write_atomically(folder / _FILE, data, mode=0o600)


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``, the program taken from the file when it holds it."""
    global _added
    if not isinstance(pattern, str | bytes) or flags & _compiler.SRE_FLAG_DEBUG:
        return _installed["re"](pattern, flags)
    key = (pattern, flags)
    _used.add(key)
    program = _programs.get(key)
    if program is not None:
        try:
            return _made(pattern, program)
        except Exception:  # a damaged entry (the engine checks every program it is given):
            # compiled afresh, and the file written again, or every run would fail the same way
            del _programs[key]
            _added = max(_added, SAVE_AT)
    try:
        program = _program_of(pattern, flags)
    except Exception:  # re's parts are private: another Python's may differ; compile as it does
        return _installed["re"](pattern, flags)
    _programs[key] = program
    _added += len(program[1])
    return _made(pattern, program)


def _made(pattern: str | bytes, program: Program) -> Any:
    full_flags, code, groups, names, by_index = program
    return _sre.compile(pattern, full_flags, code, groups, dict(names), by_index)


def _program_of(pattern: str | bytes, flags: int) -> Program:
    """What re._compiler.compile does, its parts kept."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # (named constants: ints)
    names = parsed.state.groupdict
    indexed: list[str | None] = [None] * parsed.state.groups
    for name, index in names.items():
        indexed[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(names), tuple(indexed))


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """``exec`` for the dataclasses module: its methods' source compiled once."""
    global _added
    if not isinstance(source, str):
        exec(source, globals, locals)
        return
    code = _methods.get(source)
    if code is None:
        # dont_inherit: this module's `from __future__ import annotations` is not the
        # dataclass's (its methods' annotations would become strings naming gone locals)
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _methods[source] = code
        _added += METHOD_WEIGHT
    _used.add(source)
    exec(code, globals, locals)


def folder_for_the_program() -> Path | None:
    """The cache folder the run will use (``AUTONEWS_HOME/cache`` or the platform's: what
    :func:`autonews.paths.resolve_paths` says, told here without its dataclass, which would be
    compiled before the file is read); None when ``AUTONEWS_HOME`` names no folder."""
    with contextlib.suppress(Exception):
        home = os.environ.get("AUTONEWS_HOME")
        if home:
            root = Path(home).expanduser().absolute()
            return root / "cache" if root.is_dir() else None
        import platformdirs

        return Path(platformdirs.user_cache_dir("autonews", appauthor=False))
    return None
