"""Files written whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path


def write_atomically(
    path: Path, content: str | bytes, *, keep_mode: bool = False, mode: int | None = None
) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` so that a reader sees the old file or the
    new one, never half of one; the parent folders are created. Raises OSError.

    The file gets the permissions any new file gets (0666 less the umask, like ``>`` in a
    shell), or with ``keep_mode`` those of the file it replaces (a config the user made
    private stays private), or ``mode`` (0o600: only its owner reads it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if keep_mode:
        with contextlib.suppress(FileNotFoundError):
            mode = stat.S_IMODE(path.stat().st_mode)
    handle, temp = _create_beside(path)
    try:
        if mode is not None:
            os.chmod(temp, mode)  # before anything is written into it
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _create_beside(path: Path) -> tuple[int, str]:
    """A new, empty temporary file in ``path``'s folder, opened for writing; created with mode
    0666 so the umask applies (tempfile.mkstemp would make it 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {str(path)!r}")  # pragma: no cover
