"""The command line: thin typer commands over the core modules (the only package importing typer).

- ``app``: the root app, global options, the list of commands, ``main`` (errors -> exit codes);
- ``options``: options several commands share, and checks on option values;
- ``context``: what commands share about a run (terminal, config, progress bar, exit status);
- ``digest``, ``classify``, ``info`` (read, stats, makers, demo), ``feeds``, ``configure``
  (`autonews config`): the commands.

Heavy modules are imported inside the commands, so that ``autonews --help`` stays instant.
"""

from autonews.cli.app import app, main

__all__ = ["app", "main"]
