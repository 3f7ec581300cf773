"""Text to stdout or to a file (a regular file written atomically; a device, FIFO or symlink's
target as each asks, see :func:`write_file`), the format a file's name asks for, and render
options fitted to stdout."""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from autonews.deliver.environment import Environment
from autonews.errors import DeliveryError, OutputClosedError, UsageError
from autonews.files import write_atomically
from autonews.render import Format, RenderOptions

NOT_A_TERMINAL_WIDTH = 100
# The layout fits the terminal from 40 columns (a phone's terminal, a split pane): below that a
# story's text beside its label column would be a few words a line. Above 160 lines grow too
# long to read.
MIN_WIDTH, MAX_WIDTH = 40, 160

# A file's extension names its format (when --format does not); any other name gets plain text.
# Slack's mrkdwn has no extension of its own (a .txt is text): it takes --format slack, or a
# named digest's format = "slack".
FILE_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".atom": "atom",
}
FILE_DEFAULT = "text"


def format_for_file(path: Path) -> str:
    """The format ``-o PATH`` writes without --format: from the extension (digest.html: html),
    else text; a file is read later, elsewhere, so never the terminal's layout."""
    fmt = FILE_FORMATS.get(path.suffix.lower(), FILE_DEFAULT)
    return fmt if fmt in {f.value for f in Format} else FILE_DEFAULT


def deliver_text(text: str, output: Path | None, env: Environment) -> None:
    """Write to ``output``, or to stdout when it is None; raises DeliveryError on failure."""
    if output is None:
        write_stdout(text, env)
    else:
        write_file(output, text)


def write_stdout(text: str, env: Environment) -> None:
    """Print ``text``; a stdout that cannot take it (a full disk, /dev/full) is a DeliveryError,
    and one closed by its reader (`| head -0`) an OutputClosedError: quiet, as tools are."""
    try:
        env.stdout.write(text)
        env.stdout.flush()
    except BrokenPipeError:
        _discard_unwritten(env.stdout)
        raise OutputClosedError() from None
    except OSError as exc:
        _discard_unwritten(env.stdout)
        raise DeliveryError(
            f"cannot write the digest to stdout: {exc.strerror or exc}",
            hint="stdout goes to a full disk or a device that takes nothing (such as /dev/full)",
        ) from None


def _discard_unwritten(stream: TextIO) -> None:
    """What stdout still buffers would fail again when the interpreter flushes it at exit (a
    second error, as a traceback): stdout now goes to /dev/null, so the buffer is dropped."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def write_file(output: Path, text: str) -> None:
    """Write ``output`` the way its kind asks: a regular file (or a new one) whole or not at all,
    through a temporary file renamed over it; a symlink's target (the link stays a link); a
    device, FIFO or descriptor (/dev/null, /dev/stdout) written through, as a shell's `>`
    would, never replaced. A missing folder is an error, not made: a mistyped path is not
    silently created. Raises DeliveryError."""
    target, descriptor = _link_target(output)
    if not descriptor:
        problem = file_problem(target, shown=output)
        if problem is not None:
            raise DeliveryError(*problem)
    try:
        if descriptor or _is_special(target):
            with open(target, "a", encoding="utf-8") as out:  # appends to nothing: no O_TRUNC
                out.write(text)
        else:
            write_atomically(target, text)
    except OSError as exc:
        raise DeliveryError(f"cannot write {str(output)!r}: {exc.strerror or exc}") from None


def file_problem(path: Path, shown: Path | None = None) -> tuple[str, str] | None:
    """Why ``path`` (``shown``'s target, when a symlink) cannot be written, as a message and a
    hint: its folder is missing or a file, or it is a folder; None when it can be tried."""
    try:
        return _place_problem(path, f"cannot write {str(shown or path)!r}")
    except OSError:  # a name too long for the file system...: the write says so
        return None


def _place_problem(path: Path, said: str) -> tuple[str, str] | None:
    if path.is_dir():
        return f"{said}: it is a folder", f"name a file in it: {str(path / 'digest.txt')!r}"
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        return f"{said}: {str(folder)!r} is a file, not a folder", "correct the path"
    if not folder.exists():
        return (
            f"{said}: its folder {str(folder)!r} does not exist",
            f"create it first (mkdir -p {shlex.quote(str(folder))}), or correct the path",
        )
    return None


def check_outputs(outputs: Iterable[Path]) -> None:
    """Each -o file can be written where it is asked for (its folder exists, it is no folder;
    a symlink's target, and a descriptor such as /dev/stdout is always tried): said before a
    run does any work, as a UsageError, not after the fetch."""
    for output in outputs:
        target, descriptor = _link_target(output)
        problem = None if descriptor else file_problem(target, shown=output)
        if problem is not None:
            raise UsageError(*problem)


_MAX_LINKS = 40  # as the kernel's limit on a path's symlinks (ELOOP)
# A process's file descriptors as links: /proc/self/fd/1 names "pipe:[123]" or a socket, no
# path to follow; opened, it is the descriptor's file.
_DESCRIPTORS = re.compile(r"/proc/[^/]+/fd|/dev/fd")


def _link_target(path: Path) -> tuple[Path, bool]:
    """The file ``path`` names once every symlink is followed (relative ones from their own
    folder), and whether a link led to a file descriptor (/dev/stdout: /proc/self/fd/1)."""
    for _ in range(_MAX_LINKS):
        if _DESCRIPTORS.fullmatch(os.path.realpath(path.parent)):
            return path, True
        if not _is_link(path):
            return path, False
        link = Path(os.readlink(path))
        path = link if link.is_absolute() else path.parent / link
    raise DeliveryError(f"cannot write {str(path)!r}: too many levels of symbolic links")


def _is_link(path: Path) -> bool:
    try:
        return path.is_symlink()
    except OSError:  # a name too long...: none to follow, and the write says what is wrong
        return False


def _is_special(path: Path) -> bool:
    """A device, FIFO or socket: written through, never replaced by a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # none yet: a new regular file
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def terminal_options(env: Environment) -> RenderOptions:
    """Options for output read on stdout: its width (within bounds) and colour when allowed."""
    width = env.columns if env.columns is not None else NOT_A_TERMINAL_WIDTH
    return RenderOptions(width=max(MIN_WIDTH, min(width, MAX_WIDTH)), color=env.color)
