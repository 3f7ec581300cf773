"""`autonews digest`'s options read and checked before any network work: --feed and --tag (the
feeds to read), --maker and the named digests' makers (any alias), --name (a [[digests]] entry,
its filters and models), -o with {name} for named digests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from autonews.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from autonews.classify.knowledge import Knowledge
    from autonews.config import Config, FeedConfig, NamedDigest
    from autonews.model_filter import WantedModel
    from autonews.pipeline import DigestOptions


NAME_FIELD = "{name}"  # in -o FILE: the named digest's name


def check_output(output: Path | None, written: Sequence[NamedDigest], named: bool) -> None:
    """One -o file for several named digests (printed or mailed, -o writes each) would keep
    only the last one written (and --new would count them all delivered): each needs its own
    file, by {name}."""
    if output is None:
        return
    placeholder = NAME_FIELD in str(output)
    if len(written) > 1 and not placeholder:
        raise UsageError(
            f"-o: {len(written)} named digests ({', '.join(d.name for d in written)}) cannot "
            "share one file",
            hint=f"put {NAME_FIELD} in the file name for one file each: -o 'digest-{NAME_FIELD}"
            f"{output.suffix or '.txt'}'; or run one --name at a time",
        )
    if placeholder and not named:
        raise UsageError(f"-o: {NAME_FIELD} in the file name is for --name digests")


def feed_option(location: str) -> FeedConfig:
    from autonews.addresses import is_web, location_problem
    from autonews.config import FeedConfig

    problem = location_problem(location)
    if problem is not None:
        raise UsageError(f"--feed: {problem.message}", hint=problem.hint)
    if not is_web(location) and not location.startswith("file://"):
        # A file path as `feeds add` stores it: absolute, so that the store knows it as one
        # feed from whatever directory the digest runs in.
        location = str(Path(location).expanduser().resolve())
    return FeedConfig(url=location)


def tagged(
    feeds: tuple[FeedConfig, ...], tags: list[str], listed: Sequence[FeedConfig] = ()
) -> tuple[FeedConfig, ...]:
    """The feeds with any of these tags, in any case; a tag no feed has is a usage error, and
    one only disabled feeds of the list (``listed``) have says so."""
    from difflib import get_close_matches

    known = {t.casefold(): t for f in feeds for t in f.tags}
    for value in tags:
        off = [f for f in listed if not f.enabled and value.casefold() in _folded(f.tags)]
        if value.casefold() not in known and off:
            raise UsageError(
                f"--tag: only disabled feeds have the tag {value!r}: "
                + ", ".join(f.label for f in off),
                hint=f"enable one with `autonews feeds enable {off[0].label!r}`",
            )
        if value.casefold() not in known:
            close = get_close_matches(value.casefold(), list(known), n=3, cutoff=0.6)
            hint = (
                f"did you mean {' or '.join(repr(known[c]) for c in close)}? " if close else ""
            ) + (f"tags in use: {', '.join(sorted(known.values()))}" if known else "")
            raise UsageError(
                f"--tag: no feed has the tag {value!r}",
                hint=hint or "give feeds tags with `autonews feeds add URL --tag TAG`",
            )
    wanted = _folded(tags)
    return tuple(f for f in feeds if wanted & _folded(f.tags))


def _folded(tags: Sequence[str]) -> set[str]:
    return {tag.casefold() for tag in tags}


def with_maker_names(
    cfg: Config, makers: Sequence[str], named: Sequence[NamedDigest]
) -> tuple[Config, tuple[str, ...], list[NamedDigest]]:
    """``--maker`` values, the named digests' makers and [classify] mute_makers, written as
    any alias in any case, as the names stories are labelled with; a name that names no maker
    is an error (found now, not after the fetch)."""
    if not (makers or cfg.classify.mute_makers or any(d.makers for d in named)):
        return cfg, (), list(named)
    from autonews.classify.lookup import knowledge_for
    from autonews.digest import resolve_wanted_makers

    knowledge = knowledge_for(cfg.classify)
    mute = resolve_wanted_makers(
        cfg.classify.mute_makers, knowledge, "config key 'classify.mute_makers'", ConfigError
    )
    entries = [
        replace(
            entry,
            makers=resolve_wanted_makers(
                entry.makers,
                knowledge,
                f"config key 'digests[{cfg.digests.index(entry)}].makers'",
                ConfigError,
            ),
        )
        for entry in named
    ]
    cfg = replace(cfg, classify=replace(cfg.classify, mute_makers=mute))
    wanted = resolve_wanted_makers(makers, knowledge, "--maker", UsageError)
    _tell_of_other_trucks(makers, knowledge)
    return cfg, wanted, entries


def _tell_of_other_trucks(makers: Sequence[str], knowledge: Knowledge) -> None:
    """On stderr, for a ``--maker`` whose trucks another maker makes (`--maker Volvo`: Volvo
    Cars; Volvo Group's trucks are "Volvo Trucks"): where those stories are, as --maker
    Alphabet points to Waymo (trial 51 recheck: "none by Volvo", not a word of Volvo Trucks)."""
    import typer

    from autonews.classify.lookup import other_trucks

    for value, trucks in other_trucks(makers, knowledge):
        typer.echo(
            f"autonews: --maker {value}: trucks of that name are {trucks.name}'s "
            f"({trucks.group}), a maker of its own: add --maker {trucks.name!r} for them",
            err=True,
        )


def named_digest(cfg: Config, name: str) -> NamedDigest:
    for entry in cfg.digests:
        if entry.name == name:
            return entry
    known = ", ".join(d.name for d in cfg.digests) or "none"
    raise UsageError(f"no [[digests]] entry named {name!r}", hint=f"configured digests: {known}")


def named_digest_models(cfg: Config, entry: NamedDigest) -> tuple[WantedModel, ...]:
    """A [[digests]] entry's ``models``, read as ``--model`` reads them (a typo refused now,
    naming the config key)."""
    from autonews.model_filter import wanted_models

    index = next(n for n, listed in enumerate(cfg.digests) if listed.name == entry.name)
    where = f"config key 'digests[{index}].models'"
    return wanted_models(cfg, entry.models, where, ConfigError)


def named_options(
    options: DigestOptions, entry: NamedDigest, models: tuple[WantedModel, ...] = ()
) -> DigestOptions:
    """A [[digests]] entry's filters add to the command line's; its name is its --new channel."""
    filters = replace(
        options.filters,
        makers=options.filters.makers + entry.makers,
        models=options.filters.models + models,
        events=options.filters.events + entry.events,
        exclude_events=options.filters.exclude_events + entry.exclude_events,
        tags=options.filters.tags + entry.tags,
    )
    return replace(options, filters=filters, channel=entry.name)
