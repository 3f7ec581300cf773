"""Text to stdout or to a file (written atomically), the format a file's name asks for, and
render options fitted to stdout."""

from __future__ import annotations

from pathlib import Path

from autonews.deliver.environment import Environment
from autonews.errors import DeliveryError
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
