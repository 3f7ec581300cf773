"""`autonews config path|check|init`: where the config file is, whether it is right (and what it
sets up), and a commented starter file with real car-news feeds."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from autonews.cli.options import ConfigOption
from autonews.errors import ConfigError, ExitStatus, UsageError

app = typer.Typer(
    help="Show where the config file is, check it, or write a starter one.",
    no_args_is_help=True,
)


@app.command("path")
def config_path(config: ConfigOption = None) -> None:
    """Print the path of the config file (--config, then $AUTONEWS_CONFIG, then the user config
    folder's config.toml), whether or not it exists yet."""
    from autonews.config_file import config_file_to_edit

    path = config_file_to_edit(config)
    typer.echo(str(path))
    if not path.is_file():
        typer.echo("(it does not exist yet: `autonews config init` writes one)", err=True)


@app.command("check")
def config_check(config: ConfigOption = None) -> None:
    """Validate the config file and say what it sets up: feeds, named digests, email, store;
    warn of what it will cost, such as a keep_days that prunes what is still wanted (exit 2 on
    errors)."""
    from autonews.config import load_config
    from autonews.config_file import config_file_to_edit
    from autonews.config_report import check_config

    path = config_file_to_edit(config)
    if not path.is_file():
        raise ConfigError(
            f"no config file at {str(path)!r}",
            hint="`autonews config init` writes a starter config with a few car-news feeds",
        )
    try:
        loaded = load_config(path)
    except ConfigError as exc:
        _every_problem_of(path, exc)
        raise
    report = check_config(loaded, dict(os.environ))
    for line in report.lines:
        typer.echo(line)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for problem in report.problems:
        typer.echo(f"autonews: error: {problem}", err=True)
    if report.problems:
        raise typer.Exit(ExitStatus.USAGE)
    typer.echo("config ok")


def _every_problem_of(path: Path, first: ConfigError) -> None:
    """Loading stops at the first wrong key; a check names them all, so that one round of
    editing fixes the file. Returns (and the caller raises ``first``) when the file has at most
    one problem of its own (the error may be an environment variable's)."""
    from autonews.config import Config
    from autonews.config_file import read_toml
    from autonews.config_report import file_problems

    problems = file_problems(read_toml(path), Config())
    if len(problems) < 2:
        return
    for message, hint in problems:
        typer.echo(f"autonews: error: {message}", err=True)
        if hint:
            typer.echo(f"  hint: {hint}", err=True)
    typer.echo(f"{len(problems)} problems in {str(path)!r}: fix them and check again", err=True)
    raise typer.Exit(ExitStatus.USAGE)


@app.command("init")
def config_init(
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a config file that already exists.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Write a commented starter config with a handful of car-news feeds (English and Chinese)."""
    from importlib import resources

    from autonews.config_file import config_file_to_edit
    from autonews.files import write_atomically

    path = config_file_to_edit(config)
    if path.exists() and not force:
        raise UsageError(
            f"{str(path)!r} already exists; not overwriting it",
            hint="`autonews config check` checks it; --force replaces it",
        )
    text = resources.files("autonews").joinpath("templates/config.toml").read_text("utf-8")
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise ConfigError(f"cannot write {str(path)!r}: {exc.strerror}") from None
    typer.echo(f"wrote {path}")
    typer.echo("next: `autonews config check`, then `autonews digest`")
