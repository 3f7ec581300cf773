"""What autonews knows about where its output goes, read from the OS once per run.

Commands take an ``Environment`` instead of asking ``sys`` and ``os.environ`` here and there, so a
test can hand in another one (a StringIO for stdout, a terminal of 80 columns, NO_COLOR...).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TextIO

COLOR_CHOICES = ("auto", "always", "never")  # --color


@dataclass(frozen=True)
class Environment:
    stdout: TextIO
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    # The width asked for: $COLUMNS where set, else the terminal's when stdout is a terminal.
    columns: int | None = None
    no_color: bool = False  # $NO_COLOR is set (to anything: https://no-color.org)
    term: str = ""  # $TERM
    force_color: bool = False  # $FORCE_COLOR is set, to anything but "" or "0"
    color_choice: str = "auto"  # --color: auto, always or never

    @classmethod
    def from_os(cls, color_choice: str = "auto") -> Environment:
        tty = sys.stdout.isatty()
        return cls(
            stdout=sys.stdout,
            stdout_isatty=tty,
            stderr_isatty=sys.stderr.isatty(),
            columns=_asked_columns() or (os.get_terminal_size().columns if tty else None),
            no_color="NO_COLOR" in os.environ,
            term=os.environ.get("TERM", ""),
            force_color=os.environ.get("FORCE_COLOR", "") not in ("", "0"),
            color_choice=color_choice,
        )

    @property
    def color(self) -> bool:
        """Colour on stdout: as --color says; under auto, when FORCE_COLOR asks for it, otherwise
        only on a terminal, and not when NO_COLOR or TERM=dumb says no."""
        if self.color_choice != "auto":
            return self.color_choice == "always"
        if self.force_color:
            return True
        return self.stdout_isatty and not self.no_color and self.term != "dumb"


def _asked_columns() -> int | None:
    """$COLUMNS, where it is a width: what the reader asked for, piped too (`COLUMNS=60
    autonews digest | less`), as rich, ``shutil.get_terminal_size`` and ``ls`` take it; on a
    terminal it stands over the terminal's width, as it does for them (trial 42)."""
    value = os.environ.get("COLUMNS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None
