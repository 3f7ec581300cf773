"""The command line: thin typer commands over the core modules (the only package importing typer).

- ``app``: the root app, global options, the list of commands, ``main`` (errors -> exit codes);
- ``options``: options several commands share, and checks on option values;
- ``context``: what commands share about a run (terminal, config, progress bar, exit status);
- ``digest``, ``classify``, ``info`` (read, stats, makers, demo), ``feeds``, ``configure``
  (`autonews config`): the commands.

Heavy modules are imported inside the commands, so that ``autonews --help`` stays instant.
"""

from __future__ import annotations

from typing import Any


def main(argv: list[str] | None = None) -> None:
    """Entry point (see :func:`autonews.cli.app.main`). The program itself (no ``argv``)
    compiles its regular expressions and dataclasses through the cache folder's copy, before
    anything else is imported (:mod:`autonews.compile_cache`)."""
    if argv is not None:
        from autonews.cli.app import main as run

        run(argv)
        return
    from autonews import compile_cache

    compile_cache.install_for_the_program()
    try:
        from autonews.cli.app import main as run

        run()
    finally:
        compile_cache.save()


def __getattr__(name: str) -> Any:
    if name == "app":  # the typer app, imported only when asked for
        from autonews.cli.app import app

        return app
    raise AttributeError(name)


__all__ = ["app", "main"]
