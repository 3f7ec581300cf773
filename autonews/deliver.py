"""Delivery edge: stdout or a file (written atomically)."""

from __future__ import annotations

import sys
from pathlib import Path

from autonews.errors import DeliveryError
from autonews.feedlist import write_atomically


def deliver_text(text: str, output: Path | None) -> None:
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise DeliveryError("stdout was closed before the digest was written") from None
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        raise DeliveryError(f"cannot write {str(output)!r}: {exc.strerror}") from None
