"""Options several commands share, and the checks on option values typer does not make.

A command declares its options in its signature with ``Annotated`` (see the command modules);
the ones spelled the same everywhere are defined once here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from autonews.errors import UsageError

if TYPE_CHECKING:
    from autonews.config import ClassifyConfig
    from autonews.model_filter import WantedModel
    from autonews.models import Digest

_config_before_the_command: Path | None = None  # `autonews --config FILE COMMAND ...`


def config_before_the_command(path: Path | None) -> None:
    """``--config`` as given before the command (the root callback's), for every command's
    own ``--config`` to fall back on: like ``--debug``, it may be written first."""
    global _config_before_the_command
    _config_before_the_command = path


def _config_or_the_one_before(path: Path | None) -> Path | None:
    return path if path is not None else _config_before_the_command


CONFIG_HELP = (
    "TOML config file (default: $AUTONEWS_CONFIG, then the user config dir's config.toml)."
)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help=CONFIG_HELP,
        show_default=False,
        callback=_config_or_the_one_before,  # runs after the root callback has set it
    ),
]

GROUPINGS = ["maker", "group", "event"]  # --group-by, stats --by

ColorOption = Annotated[
    str,
    typer.Option(
        "--color",
        metavar="auto|always|never",
        help="Colour the output: auto (on a terminal, unless NO_COLOR is set or TERM=dumb; "
        "FORCE_COLOR=1 turns it on), always or never.",
    ),
]


def format_option(help: str) -> Any:
    """``--format`` / ``-f FORMAT``; ``help`` names the command's formats."""
    return typer.Option("--format", "-f", metavar="FORMAT", help=help)


def check_choice(option: str, value: str | None, choices: list[str]) -> None:
    if value is not None and value not in choices:
        from difflib import get_close_matches

        close = get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
        raise UsageError(
            f"{option} must be one of {', '.join(choices)}, not {value!r}",
            hint=f"did you mean {close[0]!r}?" if close else None,
        )


def check_since(value: str | None) -> None:
    """``--since``: a window (48h, 7d, a date, all), checked here so that the error names the
    option, not the config key it overrides."""
    if value is None:
        return
    from autonews.timeparse import parse_since, utcnow

    try:
        parse_since(value, utcnow())
    except ValueError as exc:
        raise UsageError(
            f"--since: {exc}", hint="a window such as 48h, 7d, 12w, a date (2026-11-01) or all"
        ) from None


def check_language(value: str | None) -> None:
    """``--language``: a tag of English or Chinese, checked here so that the error names the
    option, not the config key it overrides."""
    from autonews.config import TITLE_LANGUAGE

    if value is not None and not TITLE_LANGUAGE.fullmatch(value):
        raise UsageError(
            f"--language: {value!r} is not en or zh",
            hint='story titles are offered in English and Chinese: "en", "zh", "zh-TW", "zh-HK"',
        )


# What --event takes, for the commands' help (the names are autonews/knowledge/event_names.toml's).
EVENT_HELP = (
    "recall, incident, legal, restructuring, regulation, launch, ownership, partnership, "
    "leadership, production, financials, pricing or other; plurals, common and Chinese names "
    "too (recalls, deliveries, 召回, 交付, 降价). Deliveries, sales and rankings are financials."
)
# ... and what the digest's --event takes besides: a stage of a launch, named as the error
# of an unknown --event names them (``event_names.stages_named``; a test holds the two alike).
STAGE_HELP = (
    "Or a launch's stage: filing (申报), teaser (官图), reveal (首秀), pre-sale (预售), on sale "
    "(上市), OTA (OTA升级). Or probe (调查): legal news and recalls whose title names an "
    "investigation (a regulator's probe opened, upgraded, closed), apart from lawsuits. Or "
    "orders (订单): fleet orders (partnership), orders counted (financials, a launch's)."
)


def event_filters(option: str, values: list[str] | None) -> tuple[str, ...]:
    """``--event`` and ``--exclude-event`` values for the digest: event slugs, as
    ``event_slugs``, or a stage of a launch as "launch:pre-sale" (预售, 上市, 官图, 申报, OTA)."""
    from autonews.event_names import event_filter

    slugs = event_slugs(option, values)  # each names an event (a stage names the launch)
    _tell_of_kinds(option, values or [])
    return tuple(
        event_filter(value) or slug for value, slug in zip(values or (), slugs, strict=True)
    )


def _tell_of_kinds(option: str, values: list[str]) -> None:
    """On stderr, for a kind of news the digest tells under a broader event (`--event buyback`):
    which event's stories it keeps, so that a reader who gets every financials story for four
    buybacks knows why (trial 50 recheck)."""
    from autonews.event_names import kind_of

    for value in values:
        if event := kind_of(value):
            typer.echo(
                f"autonews: {option} {value}: no event type of its own; it is told as {event}, "
                f"and every {event} story is kept",
                err=True,
            )


def event_slugs(option: str, values: list[str] | None) -> tuple[str, ...]:
    """``--event`` values as event slugs: a slug, plural, English or Chinese name in any case
    ("Recalls", "deliveries", "召回", "交付"); an unknown one is a usage error that names the
    events in both languages."""
    from difflib import get_close_matches

    from autonews.event_names import (
        FINANCIALS_NOTE,
        event_slug,
        events_named,
        other_stages_named,
        stages_named,
    )
    from autonews.models import Event

    slugs = []
    for value in values or ():
        slug = event_slug(value)
        if slug is None:
            slugs_known = [e.value for e in Event]
            close = get_close_matches(value.strip().lower(), slugs_known, n=1, cutoff=0.6)
            raise UsageError(
                f"{option}: {value!r} is no event type; the events are {events_named()}",
                hint=(f"did you mean {close[0]!r}? " if close else "")
                + f"{FINANCIALS_NOTE}; a launch's stages are {stages_named()}; an "
                f"other events' are {other_stages_named()}; plurals "
                "and other names are in autonews/knowledge/event_names.toml",
            )
        slugs.append(slug)
    return tuple(slugs)


def digest_formats() -> list[str]:
    from autonews.render import Format

    return [f.value for f in Format]


MODEL_HELP = (
    "Only stories naming this vehicle model, any case, with or without its brand: 'Model Y', "
    "'SU7 Ultra', 蔚来ES8 (repeatable). One autonews does not know yet is looked for in the "
    "titles as written: ES9, 魏牌蓝山."
)


def tell_of_models_named_nowhere(digest: Digest, models: Sequence[WantedModel]) -> None:
    """On stderr, when ``--model`` left no story and autonews knows none of the models: they
    were looked for in titles, so the spelling outlets use finds them (not a usage error: a
    model out this week may be one)."""
    step = next((step for step in digest.filters if step.name == "model"), None)
    unknown = [repr(model.written) for model in models if not model.known]
    if step is not None and not step.left and len(unknown) == len(models):
        typer.echo(
            f"autonews: hint: autonews does not know the model {' or '.join(unknown)}, and no "
            "story's title names it: write it as outlets do (ES9, 蔚来ES9, Leapmotor D19)",
            err=True,
        )


def company_names(settings: ClassifyConfig, companies: Sequence[str]) -> tuple[str, ...]:
    """``--company`` values as stories carry them; an unknown one is a usage error, now."""
    if not companies:
        return ()
    from autonews.classify.company_lookup import resolve_companies
    from autonews.classify.lookup import knowledge_for

    said: list[str] = []
    names = resolve_companies(companies, knowledge_for(settings), "--company", UsageError, said)
    for line in said:  # "LG" is LG Energy Solution here: say so, and what else it could be
        typer.echo(f"autonews: {line}", err=True)
    return names


WAIT_FOREVER = "forever"  # the value of a bare --wait


def bare_wait_waits_forever(args: Sequence[str]) -> list[str]:
    """``--wait`` takes an optional number of seconds (``--wait``, ``--wait 600``), which
    typer's options cannot: a bare ``--wait`` (last, or before another option) is given the
    value that waits for as long as it takes."""
    out = list(args)
    end = out.index("--") if "--" in out else len(out)
    for index in range(end):
        following = out[index + 1] if index + 1 < end else None
        if out[index] == "--wait" and (following is None or following.startswith("-")):
            out[index] = f"--wait={WAIT_FOREVER}"
    return out


def wait_limit(value: str | None) -> bool | float:
    """``--wait``: False when not given, True to wait for as long as it takes, else the most
    seconds to wait (a number, or a span such as 10m)."""
    if value is None:
        return False
    if value == WAIT_FOREVER:
        return True
    from autonews.timeparse import parse_duration

    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parse_duration(value).total_seconds()
        except ValueError:
            seconds = -1.0
    if not seconds > 0 or seconds == float("inf"):
        raise UsageError(
            f"--wait: {value!r} is not a number of seconds",
            hint="--wait alone waits for as long as it takes; --wait 600 (or 10m) gives up "
            "after ten minutes",
        )
    return seconds
