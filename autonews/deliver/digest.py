"""Delivering one digest run: to stdout, a file or by email, then recording what went out.

The rules, whatever the destination:
- a digest's stories count as delivered (for later ``--new`` runs) only once it really went out:
  written to stdout or the file, or accepted by the mail server; a failure raises DeliveryError
  and records nothing, and a ``--dry-run`` message is only shown, so nothing is recorded either;
- under ``--new`` with nothing new, nothing is written or sent at all in the formats people
  read (cron mails whatever a job prints); JSON, JSONL and Atom, read by programs, still get
  their document: one with zero stories (JSONL: its status line alone; Atom: a feed with no
  entries, as ``> feed.atom`` would otherwise leave an empty, invalid file).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from autonews.config import EmailConfig
from autonews.deliver.environment import Environment
from autonews.deliver.output import deliver_text, terminal_options, write_stdout
from autonews.errors import DeliveryError, OutputClosedError, PartlyDeliveredError
from autonews.models import Digest
from autonews.notices import READER, TERMINAL, file_readers, mail_readers
from autonews.render import Format, RenderOptions, render
from autonews.render.common import plural

# Formats read by programs: an empty digest is still a document they expect to parse.
ALWAYS_WRITTEN = frozenset({Format.JSON.value, Format.JSONL.value, Format.ATOM.value})

if TYPE_CHECKING:  # annotations only: delivering needs neither the pipeline nor SQLite loaded
    from autonews.pipeline import DigestOptions, DigestRun
    from autonews.store import Store


@dataclass(frozen=True)
class Destination:
    """Where one digest goes: mailed when ``email`` names recipients, and rendered in ``fmt``
    to ``output`` (a file) when there is one, or else, not mailed, to stdout; its times in the
    reader's ``timezone``."""

    fmt: str = "terminal"
    output: Path | None = None
    email: tuple[str, ...] = ()
    dry_run: bool = False  # with email: show the message instead of sending it
    timezone: tzinfo | None = None  # None: the system's local zone ($TZ)


def _written(to: Destination) -> bool:
    """Whether the digest is written to a file or stdout (else it is only mailed). Mailed with
    -o, the file is written too (not by a dry run, which records nothing)."""
    return (to.output is not None and not to.dry_run) or not to.email


def readers_of(to: Destination, terminal: bool) -> tuple[str, ...]:
    """Who reads what a destination gets, as audiences of autonews.notices (whom a run's
    failure warning is told to): a mail's recipients; a file's readers; on stdout, the person
    at the terminal (``terminal``: stdout is one), or whoever it goes to where it is none (cron
    mails what a job prints). None for a document programs read: its JSON says every feed's
    status anyway. A dry run shows the mail on stdout, to the person trying it."""
    readers: tuple[str, ...] = ()
    if to.email and not to.dry_run:
        readers += (mail_readers(to.email),)
    printed = to.dry_run and bool(to.email)
    if printed or (_written(to) and to.fmt not in ALWAYS_WRITTEN):
        if to.output is not None and not printed:
            readers += (file_readers(os.path.abspath(to.output)),)
        else:
            readers += (TERMINAL if terminal else READER,)
    return readers


def delivered_readers(run: DigestRun, to: Destination, terminal: bool) -> tuple[str, ...]:
    """Who got the digest once ``deliver_digest`` returned (see :func:`readers_of`): nobody
    from a --new digest with nothing new, written only in the formats programs read. A
    failure counts as told to a digest's readers only once it named it to them
    (autonews.notices.told_audiences)."""
    return () if run.new_only and not run.digest.stories else readers_of(to, terminal)


@dataclass
class Deliveries:
    """What a run's digests came to: the readers they reached (see :func:`delivered_readers`),
    and each digest not delivered (to every recipient), by name, with why."""

    count: int = 0
    readers: list[str] = field(default_factory=list)
    failures: list[tuple[str, DeliveryError]] = field(default_factory=list)
    digest: Digest | None = None  # the last one made: the feeds' health is the same in each
    # What each mail came to, for the person at a terminal: a send that succeeded prints
    # nothing else (trial 37: "I could not tell whether it was sent").
    mailed: list[str] = field(default_factory=list)

    def error(self) -> DeliveryError | None:
        """One error naming every digest not delivered, each with why (None: all were)."""
        if not self.failures:
            return None
        loud = [(name, e) for name, e in self.failures if not isinstance(e, OutputClosedError)]
        if not loud:
            return self.failures[0][1]  # stdout's reader went away: quiet
        hints = "\nhint: ".join(dict.fromkeys(e.hint for _, e in loud if e.hint)) or None
        if len(self.failures) == 1:
            name, failure = self.failures[0]
            said = f"the digest {name!r}: {failure.message}" if name else failure.message
            return DeliveryError(said, hint=hints)
        lines = [f"  {name}: {e.message or 'stdout was closed'}" for name, e in self.failures]
        partly = any(isinstance(e, PartlyDeliveredError) for _, e in self.failures)
        which = " (or not to every recipient)" if partly else ""
        delivered = self.count - len(self.failures)
        return DeliveryError(
            f"{len(self.failures)} of {self.count} digests not delivered{which}, {delivered} "
            "delivered:\n" + "\n".join(lines),
            hint=hints,
        )


def deliver_each(
    runs: Sequence[tuple[DigestOptions, Destination]],
    make: Callable[[DigestOptions], DigestRun],
    store: Store,
    email: EmailConfig,
    env: Environment,
) -> Deliveries:
    """Make and deliver each digest on its own: one that fails (a refused mail, a file that
    cannot be written) keeps its stories queued and stops no other one (trial 35: a mail
    server's outage also stopped the JSON export for scripts)."""
    outcome = Deliveries(count=len(runs))
    stdout_failure: DeliveryError | None = None
    for options, to in runs:
        run = make(options)
        outcome.digest = run.digest
        if stdout_failure is not None and _printed(to):
            # stdout now goes nowhere (see output.write_stdout): nothing printed would be read
            outcome.failures.append((options.channel, stdout_failure))
            continue
        try:
            delivered = deliver_digest(run, store, email, to, env)
        except PartlyDeliveredError as exc:
            outcome.failures.append((options.channel, exc))
            outcome.readers += delivered_readers(run, to, env.stdout_isatty)
            continue
        except DeliveryError as exc:
            outcome.failures.append((options.channel, exc))
            stdout_failure = exc if _printed(to) and stdout_failure is None else stdout_failure
            continue
        outcome.readers += delivered_readers(run, to, env.stdout_isatty)
        if to.email and not to.dry_run:
            outcome.mailed.append(_mail_outcome(options.channel, to.email, run, delivered))
    return outcome


def _mail_outcome(name: str, recipients: Sequence[str], run: DigestRun, sent: bool) -> str:
    """A mailed digest's outcome in a line: "mailed the digest to me@example.org: 3 stories",
    or, under --new with nothing new, that no mail went."""
    which = f"the digest {name!r}" if name else "the digest"
    to = ", ".join(recipients)
    if not sent:
        return f"nothing new for {which} since its last --new run: no mail sent to {to}"
    return f"mailed {which} to {to}: {plural(len(run.digest.stories), 'story')}"


def _printed(to: Destination) -> bool:
    return (to.dry_run and bool(to.email)) or (to.output is None and _written(to))


def deliver_digest(
    run: DigestRun, store: Store, email: EmailConfig, to: Destination, env: Environment
) -> bool:
    """Write or mail one digest; its stories are marked delivered only once that succeeded.
    Returns whether they were (False: nothing new under --new, or a dry run)."""
    written = _written(to)
    if run.new_only and not run.digest.stories:
        if written and to.fmt in ALWAYS_WRITTEN:
            emit_digest(run.digest, to.fmt, to.output, env, to.timezone)
        if not to.dry_run:
            run.commit(store)  # nothing to mark, but the --new digest ran: see DigestRun.commit
        return False
    if written:  # first: a file that cannot be written stops the run before anything is mailed
        emit_digest(run.digest, to.fmt, to.output, env, to.timezone)
    delivered = True
    if to.email:
        try:
            delivered = mail_digest(
                run.digest, to.email, email, env, dry_run=to.dry_run, timezone=to.timezone
            )
        except PartlyDeliveredError as exc:
            run.commit(store)  # the others got it: not sent them again
            raise _missed_by(exc, run) from None
        except DeliveryError as exc:
            raise _still_queued(exc, run) from None
    if delivered:
        run.commit(store)
    return delivered


def _still_queued(failure: DeliveryError, run: DigestRun) -> DeliveryError:
    """A send that failed under --new marked nothing delivered: say so, so that the reader
    does not wonder whether the stories are lost (they come with the next --new digest)."""
    if not run.new_only:
        return failure
    count = len(run.digest.stories)
    stay = "stays" if count == 1 else "stay"
    return DeliveryError(
        f"{failure.message}; its {plural(count, 'story')} {stay} queued: the next --new digest "
        f"sends {'it' if count == 1 else 'them'}",
        hint=failure.hint,
    )


def _missed_by(failure: PartlyDeliveredError, run: DigestRun) -> PartlyDeliveredError:
    """Some recipients got the mail: its stories count as delivered (the record is kept per
    digest, not per recipient), so the refused ones will not get them from a --new digest."""
    refused = ", ".join(failure.refused)
    if run.new_only:
        count = len(run.digest.stories)
        counts = "counts" if count == 1 else "count"
        said = (
            f"; {', '.join(failure.accepted)} got it, so its {plural(count, 'story')} {counts} "
            f"as delivered: {refused} will not get {'it' if count == 1 else 'them'} from a "
            "--new digest"
        )
    else:
        said = f"; only {', '.join(failure.accepted)} got it"
    hint = (
        f"{failure.hint}; a digest without --new (the same --name or filters, "
        f"--offline --email {failure.refused[0]}) mails the window's stories to an address"
    )
    return PartlyDeliveredError(
        failure.message + said, failure.refused, failure.accepted, hint=hint
    )


def emit_digest(
    digest: Digest,
    fmt: str,
    output: Path | None,
    env: Environment,
    timezone: tzinfo | None = None,
) -> None:
    """Render for the terminal (its width, colour when allowed) or, for a file, plainly and
    with no "5h ago" that goes stale; times in ``timezone`` (None: the system's)."""
    options = terminal_options(env) if output is None else RenderOptions(relative_times=False)
    options = replace(options, timezone=timezone)
    deliver_text(render(digest, Format(fmt), options), output, env)


def mail_digest(
    digest: Digest,
    recipients: Sequence[str],
    config: EmailConfig,
    env: Environment,
    *,
    dry_run: bool = False,
    timezone: tzinfo | None = None,
) -> bool:
    """Send the digest (or with ``dry_run`` print the message); True when it really went out."""
    from autonews.deliver.mail import build_message, send

    sender = config.sender or f"autonews@{socket.getfqdn() or 'localhost'}"
    message = build_message(digest, sender, recipients, timezone)
    if dry_run:
        write_stdout(message.as_string(), env)
        return False
    send(message, config)
    return True
