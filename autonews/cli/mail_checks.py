"""What a digest's mail needs, checked before any network work: the addresses, a transport for
mail really sent, and no --format that a mail would ignore."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from autonews.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from autonews.config import Config
    from autonews.deliver.digest import Destination


def check_addresses(where: str, addresses: Sequence[str]) -> None:
    from autonews.addresses import mail_address_problem

    for address in addresses:
        problem = mail_address_problem(address)
        if problem:
            raise UsageError(f"{where}: {problem}")


def check_mail_setup(cfg: Config, destinations: Sequence[Destination]) -> None:
    """Mail that will really be sent needs a transport: say so before fetching anything. A dry
    run checks the transport configured as the send would, and says when there is none; one
    with no mail to show would print the digest as usual and, under --new, count its stories
    delivered: refused."""
    if any(d.dry_run for d in destinations) and not any(d.email for d in destinations):
        raise UsageError(
            "--dry-run shows the message --email would send, and no digest here is mailed",
            hint="add --email ADDRESS (or --name a digest that has 'to' addresses)",
        )
    if cfg.email.smtp and any(d.email for d in destinations):
        # (imported only here: the mail's modules are 10 ms of a run that mails nothing)
        from autonews.deliver.mail import parse_transport

        # A dry run too: it is how the README says to check a mail set-up (trial 35: a port
        # of 99999 passed it, and the real send refused it).
        parse_transport(cfg.email.smtp)  # a ConfigError naming the key if it cannot be right
    if not any(d.email and not d.dry_run for d in destinations):
        if not cfg.email.smtp and any(d.email for d in destinations):
            import typer

            typer.echo(
                "autonews: note: [email] smtp is not set: this message can be shown, not sent",
                err=True,
            )
        return
    if not cfg.email.smtp:
        where = f"in {str(cfg.source)!r}" if cfg.source else "in the config file"
        raise ConfigError(
            f"mailing the digest needs [email] smtp {where}",
            hint='set [email] smtp = "smtp+starttls://user@host:587" (or "sendmail") and from; '
            "or try the message with --dry-run",
        )


def check_mail_format(fmt: str | None, destinations: Sequence[Destination]) -> None:
    """A mail is always text and HTML: --format for digests that are only mailed would change
    nothing, silently. With -o it is the file's format."""
    if fmt is not None and all(d.email and d.output is None for d in destinations):
        raise UsageError(
            f"--format {fmt}: a mailed digest is always text and HTML",
            hint=f"add -o FILE to write the digest as {fmt} beside the mail, or leave --format out",
        )
