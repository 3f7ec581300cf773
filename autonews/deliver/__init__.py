"""Delivery, the pipeline's last stage: a rendered digest goes to stdout, a file or a mailbox.

- ``environment``: the terminal facts (tty, colour, width) read once and passed down;
- ``output``: stdout or a file, and render options fitted to the terminal;
- ``mail``: the email message and its transport (SMTP or sendmail);
- ``digest``: the rules tying them together (a digest's stories count as delivered only once it
  has gone out; under ``--new`` with nothing new, nothing is written but an empty JSON document).

Modules are imported where used: nothing here is loaded by ``autonews --help``.
"""
