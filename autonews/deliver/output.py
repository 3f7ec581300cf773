"""Text to stdout or to a file (written atomically), and render options fitted to stdout."""

from __future__ import annotations

from pathlib import Path

from autonews.deliver.environment import Environment
from autonews.deliver.files import write_atomically
from autonews.errors import DeliveryError
from autonews.render import RenderOptions

NOT_A_TERMINAL_WIDTH = 100
MIN_WIDTH, MAX_WIDTH = 60, 160


def deliver_text(text: str, output: Path | None, env: Environment) -> None:
    """Write to ``output``, or to stdout when it is None; raises DeliveryError on failure."""
    if output is None:
        try:
            env.stdout.write(text)
            env.stdout.flush()
        except BrokenPipeError:
            raise DeliveryError("stdout was closed before the digest was written") from None
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        raise DeliveryError(f"cannot write {str(output)!r}: {exc.strerror}") from None


def terminal_options(env: Environment) -> RenderOptions:
    """Options for output read on stdout: its width (within bounds) and colour when allowed."""
    width = env.columns if env.stdout_isatty and env.columns is not None else NOT_A_TERMINAL_WIDTH
    return RenderOptions(width=max(MIN_WIDTH, min(width, MAX_WIDTH)), color=env.color)
