"""The root command: the app, its global options, the list of commands, and ``main``, the one
place where errors become a message and an exit code.

Errors are AutonewsError subclasses raised where things go wrong; ``main`` prints their message
and hint and exits with their status (``--debug`` shows the traceback instead).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

# typer's own copy of click's exceptions (typer has no click of its own to import)
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.exceptions import Abort

from autonews.cli.options import CONFIG_HELP, bare_wait_waits_forever, config_before_the_command
from autonews.errors import AutonewsError

# The root's settings, each app (see ``build_app``) made with them.
_SETTINGS: dict[str, Any] = {
    "name": "autonews",
    "help": "Car-industry news digests: fetch your feeds, extract the articles, and group the "
    "stories by automaker and by what happened (recalls, launches, deals, regulation...).",
    "no_args_is_help": True,
    "add_completion": True,  # --install-completion / --show-completion (bash, zsh, fish...)
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},  # subcommands inherit it
}
_debug = False  # --debug, set by the root callback for main's error handling


def _print_version(value: bool) -> None:
    if value:
        from autonews import __version__

        typer.echo(f"autonews {__version__}")
        raise typer.Exit()


def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks on errors (anywhere on the line).")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help=CONFIG_HELP + " Here, before the command, or after it.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    global _debug
    _debug = debug
    config_before_the_command(config)


def debugging() -> bool:
    """Whether this run was given ``--debug`` (commands may then say more on stderr)."""
    return _debug


def _commands() -> dict[str, Callable[[typer.Typer], object]]:
    """Every command by name, and how to add it to an app, in the order `autonews --help`
    lists them (groups after commands). A new command goes in the module of its group, and is
    added here."""
    from autonews.cli import ack, classify, configure, digest, feeds, info, story

    return {
        "digest": lambda app: app.command()(digest.digest),
        "ack": lambda app: app.command()(ack.ack),
        "classify": lambda app: app.command()(classify.classify),
        "read": lambda app: app.command()(info.read),
        "story": lambda app: app.command()(story.story),
        "stats": lambda app: app.command()(info.stats),
        "makers": lambda app: app.command()(info.makers),
        "companies": lambda app: app.command()(info.companies),
        "demo": lambda app: app.command()(info.demo),
        "feeds": lambda app: app.add_typer(feeds.app, name="feeds"),
        "config": lambda app: app.add_typer(configure.app, name="config"),
    }


def build_app(only: str | None = None) -> typer.Typer:
    """The app with every command, or with the command ``only`` alone: typer turns every
    command it has into click's at each run (40 ms for all of them, 15 for `digest` alone),
    and a run needs the one it was given."""
    new = typer.Typer(**_SETTINGS)
    new.callback()(_root)
    for name, add in _commands().items():
        if only is None or name == only:
            add(new)
    return new


app = build_app()


def _command_named(args: list[str]) -> str | None:
    """The command of a command line whose root options are only --debug and --config (any
    other, such as --help or --version, needs the whole app); None when there is none, or
    when the shell asks for completions (they list every command)."""
    if any(name.startswith("_AUTONEWS_COMPLETE") for name in os.environ):
        return None
    position = 0
    while position < len(args) and args[position].partition("=")[0] in ("--debug", "--config"):
        position += 2 if args[position] == "--config" else 1  # its file follows, or is after =
    if position < len(args) and args[position] in _commands():
        return args[position]
    return None


_INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C (128 + SIGINT)
_TERMINATED = 143  # and by SIGTERM (128 + 15): `timeout`, a shutdown, a supervisor
_terminated = False  # set when SIGTERM stopped this run


def _on_terminate(signum: int, frame: object) -> None:
    """SIGTERM stops a run as Ctrl-C does (the store's open transaction rolls back, the workers
    and the lock are let go, nothing is marked delivered), then says so. A second one, while it
    winds down, ends it at once."""
    global _terminated
    _terminated = True
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise KeyboardInterrupt


def _interrupted() -> None:
    """A run stopped by Ctrl-C or SIGTERM says so in one line (no traceback, and not silence):
    cron's mail, or a supervisor's log, tells why it ended."""
    if _terminated:
        typer.echo("autonews: terminated", err=True)
        sys.exit(_TERMINATED)
    typer.echo("autonews: interrupted", err=True)
    sys.exit(_INTERRUPTED)


def _usage_error(exc: ClickException) -> None:
    """A usage error (an unknown option or command, a missing argument) starts as every error
    does, "autonews: error: ...", so that one pattern finds them all; the usage and where help
    is follow. Help shown for a bare group (`autonews feeds`) is shown as is."""
    if isinstance(exc, NoArgsIsHelpError):
        exc.show()
        sys.exit(exc.exit_code)
    typer.echo(f"autonews: error: {exc.format_message()}", err=True)
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        option = ctx.help_option_names[0] if ctx.help_option_names else "--help"
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(f"Try '{ctx.command_path} {option}' for help.", err=True)
    sys.exit(exc.exit_code)


def _catch_terminate() -> Any:
    """Catch SIGTERM for this run (from the main thread only, where Python takes signals);
    the handler it replaces, to put back, or None."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _on_terminate)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn our errors into a message and an exit code, once.

    Usage errors are typer's (exit 2); everything we raise is an AutonewsError, caught here.
    ``--debug`` is a global option that may be written anywhere: it is moved to the front."""
    args = list(sys.argv[1:] if argv is None else argv)
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    if debug:
        args = ["--debug", *(a for a in args[:end] if a != "--debug"), *args[end:]]
    args = bare_wait_waits_forever(args)
    global _terminated
    _terminated = False
    previous = _catch_terminate()
    status: object = None
    try:
        status = _run(args, debug)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM, also while an error was being told
        _interrupted()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if (workers := sys.modules.get("autonews.workers")) is not None:
            workers.join_stopped()  # (only a run that started workers imported the module)
        if argv is None:
            # The program, about to exit (not a caller's function call): the collector's
            # passes at exit would walk every object still alive (tens of milliseconds) for
            # cycles to free that the process's end frees anyway. Every file and the store are
            # closed by now, and the interpreter flushes stdout and stderr itself.
            gc.freeze()
    if status == _INTERRUPTED:  # typer's answer to Ctrl-C (or SIGTERM) inside a command
        _interrupted()
    if isinstance(status, int) and status:
        sys.exit(status)


def _run(args: list[str], debug: bool) -> object:
    """The app's status for these arguments; its errors said once, each with its exit code."""
    status: object = None
    try:
        # Not standalone: typer's usage errors come here, to be said as ours are; its exit
        # statuses (typer.Exit) are returned.
        status = build_app(_command_named(args))(
            args=args, prog_name="autonews", standalone_mode=False
        )
    except ClickException as exc:
        _usage_error(exc)
    except Abort:  # typer's, for an end of input where it asked
        _interrupted()
    except AutonewsError as exc:
        if _debug or debug:
            raise
        if exc.message:  # none: quiet by design (stdout closed by its reader)
            typer.echo(f"autonews: error: {exc.message}", err=True)
        if exc.hint:
            typer.echo(f"hint: {exc.hint}", err=True)
        sys.exit(exc.exit_status)
    except SystemExit as exc:
        if exc.code == _INTERRUPTED:  # typer's answer to Ctrl-C inside a command
            _interrupted()
        raise
    return status
