"""Renderers: every way autonews shows something lives here.

The digest has one module per output format, each with one entry function taking the digest
(``render`` picks it); beside them, ``stats_terminal`` (`autonews stats`), ``classify_output``
(`autonews classify`), ``article`` (`autonews read`) and ``progress`` (the bar on stderr).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, tzinfo
from enum import StrEnum
from importlib import import_module

from autonews.models import Digest


class Format(StrEnum):
    TERMINAL = "terminal"
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"
    ATOM = "atom"
    SLACK = "slack"


@dataclass(frozen=True)
class RenderOptions:
    width: int = 100
    color: bool = False
    now_label: bool = True
    timezone: tzinfo | None = UTC  # the reader's zone for times shown; None: the system's
    relative_times: bool = True  # the terminal format may say "5h ago" (not in a file: stale)


# format -> (module, function); modules are imported only when used.
_RENDERERS: dict[Format, tuple[str, str]] = {
    Format.TERMINAL: ("autonews.render.terminal", "render_terminal"),
    Format.TEXT: ("autonews.render.text_format", "render_text"),
    Format.MARKDOWN: ("autonews.render.markdown_format", "render_markdown"),
    Format.HTML: ("autonews.render.html_format", "render_html"),
    Format.JSON: ("autonews.render.json_format", "render_json"),
    Format.JSONL: ("autonews.render.json_format", "render_jsonl"),
    Format.ATOM: ("autonews.render.atom_format", "render_atom"),
    Format.SLACK: ("autonews.render.slack_format", "render_slack"),
}


def renderer(fmt: Format) -> Callable[[Digest, RenderOptions], str]:
    module, function = _RENDERERS[fmt]
    func: Callable[[Digest, RenderOptions], str] = getattr(import_module(module), function)
    return func


def render(digest: Digest, fmt: Format, options: RenderOptions | None = None) -> str:
    return renderer(fmt)(digest, options or RenderOptions())
