"""`autonews ARGS` run as a subprocess with stdout or stderr on a pseudo-terminal of a given
width: what a person at a terminal would see (colour, hyperlinks, progress bars, wrapping)."""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path


def run_in_terminal(
    args: list[str],
    home: Path,
    columns: int = 120,
    code: int = 0,
    *,
    stream: str = "stdout",
    colour: bool = False,
    **env: str,
) -> str:
    """What `autonews ARGS` wrote on ``stream`` ("stdout" or "stderr"), a terminal ``columns``
    wide, the process exiting with ``code``; ``colour``: a colour terminal (else NO_COLOR)."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AUTONEWS_", "COLUMNS")) and k not in ("NO_COLOR", "FORCE_COLOR")
    }
    environ |= {"AUTONEWS_HOME": str(home)}
    environ |= {"TERM": "xterm-256color"} if colour else {"NO_COLOR": "1"}
    environ |= env
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    on_stdout = stream == "stdout"
    process = subprocess.Popen(
        [sys.executable, "-m", "autonews", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower if on_stdout else subprocess.DEVNULL,
        stderr=subprocess.PIPE if on_stdout else follower,
        env=environ,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError as exc:  # EIO: the other side closed, the process is done writing
            if exc.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code, err.decode() if err else ""
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
