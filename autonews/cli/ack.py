"""`autonews ack ID…`: a script says it delivered the stories a `digest --new --no-mark` run
printed (posted them to a channel, say), and they count as delivered only then (see
autonews.store.held): a post that failed loses nothing, as the first --new run once their lease
([digest] ack_within) has run out prints them again.
"""

from __future__ import annotations

from typing import Annotated

import typer

from autonews.cli.context import load_config
from autonews.cli.options import ConfigOption
from autonews.errors import ExitStatus, UsageError

# How long an ack waits for a digest running at the time (it holds the store), then exits 4.
ACK_WAIT = 600.0


def ack(
    story_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ID]...",
            help="Ids of stories a `digest --new --no-mark` run printed (JSON's `id`).",
            show_default=False,
        ),
    ] = None,
    name: Annotated[
        str,
        typer.Option("--name", metavar="NAME", help="The [[digests]] entry they were printed for."),
    ] = "",
    every: Annotated[
        bool, typer.Option("--all", help="Every story of the digest waiting for an ack.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Mark stories a `digest --new --no-mark` run printed as delivered, once your script has
    delivered them; those not acknowledged come again once [digest] ack_within (15m) has
    passed since they were printed. Says nothing
    when all went well; an id neither waiting nor delivered is named, exit 2."""
    from autonews.lock import run_lock
    from autonews.store import Store

    ids = [story_id.strip() for story_id in story_ids or () if story_id.strip()]
    if not ids and not every:
        raise UsageError(
            "no story to acknowledge",
            hint="give the ids a `digest --new --no-mark` run printed, or --all",
        )
    if ids and every:
        raise UsageError("--all acknowledges every story waiting: give ids or --all")
    cfg = load_config(config)
    if name and name not in {entry.name for entry in cfg.digests}:
        known = ", ".join(d.name for d in cfg.digests) or "none"
        raise UsageError(
            f"no [[digests]] entry named {name!r}", hint=f"configured digests: {known}"
        )
    which = f"the digest {name!r}" if name else "the digest"
    if not cfg.paths.store_file.exists():  # made by no digest yet: none is made for an ack
        typer.echo(
            f"autonews: no store at {cfg.paths.store_file}: nothing to acknowledge", err=True
        )
        if ids:
            typer.echo(
                f"autonews: error: not printed by a --no-mark run of {which}: " + ", ".join(ids),
                err=True,
            )
            raise typer.Exit(ExitStatus.USAGE)
        return
    with run_lock(cfg.paths.data_dir, wait=ACK_WAIT), Store(cfg.paths.store_file) as store:
        done = store.acknowledge(ids or store.held_keys(name), name)
    if done.unknown:
        typer.echo(
            f"autonews: error: not printed by a --no-mark run of {which}, nor delivered: "
            + ", ".join(done.unknown),
            err=True,
        )
        typer.echo(
            "hint: ack takes the `id` of each story of the JSON (the same --name); "
            f"{done.still_held} of {which}'s stories wait for an ack",
            err=True,
        )
        raise typer.Exit(ExitStatus.USAGE)
