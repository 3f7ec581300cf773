"""Email delivery: one multipart/alternative message (text + inline-styled HTML), UTF-8
throughout, sent over SMTP (plain, STARTTLS or SMTPS) or handed to sendmail.

The password comes only from $AUTONEWS_SMTP_PASSWORD or ``[email] password_command``; it is never
logged or shown in errors.
"""

from __future__ import annotations

import os
import shlex
import smtplib
import ssl
import subprocess
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from autonews.config import EmailConfig
from autonews.digest import asked_makers, filed_maker
from autonews.errors import ConfigError, DeliveryError
from autonews.models import Digest, Event
from autonews.render import Format, RenderOptions, render
from autonews.render.words import words_for
from autonews.text import clean_text

SMTP_TIMEOUT = 30


@dataclass(frozen=True)
class Transport:
    kind: str  # smtp, starttls, smtps, sendmail
    host: str = ""
    port: int = 0
    user: str = ""


def parse_transport(value: str) -> Transport:
    if value.strip() == "sendmail":
        return Transport("sendmail")
    parts = urlsplit(value.strip())
    kinds = {"smtp": ("smtp", 25), "smtp+starttls": ("starttls", 587), "smtps": ("smtps", 465)}
    if parts.scheme not in kinds or not parts.hostname:
        raise ConfigError(
            f"config key 'email.smtp': {value!r} is not smtp://host:25, "
            "smtp+starttls://user@host:587, smtps://user@host:465 or sendmail"
        )
    kind, default_port = kinds[parts.scheme]
    try:
        port = parts.port or default_port
    except ValueError:
        raise ConfigError(f"config key 'email.smtp': bad port in {value!r}") from None
    return Transport(kind, parts.hostname, port, unquote(parts.username or ""))


def subject_for(digest: Digest) -> str:
    """ "autonews: 14 stories — 3 recalls (Volvo, Ford, BYD), 2 launches"; a named digest's
    name first ("autonews recalls: 2 stories — ..."), so that its mails are told apart; in the
    digest's language ("autonews：14条新闻 — 召回3条（沃尔沃、福特、比亚迪）…")."""
    words = words_for(digest.language)
    name = f" {clean_text(digest.name)}" if digest.name else ""
    subject = words("subject", name=name, stories=words.count("story", len(digest.stories)))
    by_event: Counter[Event] = Counter(s.classification.event for s in digest.stories)
    parts: list[str] = []
    for event, n in sorted(by_event.items(), key=lambda kv: (-kv[1], list(Event).index(kv[0]))):
        if event is Event.OTHER or len(parts) == 3:
            continue
        label = words.event_count(event, n)
        if len(parts) == 0:
            # Each story's maker as the digest files it: a named digest's makers, not another
            # one the story names too (trial 30 #4: "(Ford, Toyota, BMW)" with no BMW section).
            wanted = asked_makers(digest)
            filed = [
                filed_maker(s, wanted) for s in digest.stories if s.classification.event is event
            ]
            names = list(dict.fromkeys(maker.name for maker in filed if maker))[:3]
            if names:
                label = words("subject_makers", events=label, makers=words.makers(names))
        parts.append(label)
    if not parts:
        return subject
    return words("subject_events", subject=subject, events=words("list").join(parts))


def build_message(
    digest: Digest, sender: str, recipients: Sequence[str], timezone: tzinfo | None = None
) -> EmailMessage:
    """The message: text and HTML, times in the reader's ``timezone`` (None: the system's)."""
    message = EmailMessage()
    message["Subject"] = subject_for(digest)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="autonews.invalid")
    message["Auto-Submitted"] = "auto-generated"
    options = RenderOptions(width=78, timezone=timezone, relative_times=False)
    message.set_content(render(digest, Format.TEXT, options), charset="utf-8")
    message.add_alternative(render(digest, Format.HTML, options), subtype="html", charset="utf-8")
    return message


def smtp_password(config: EmailConfig) -> str | None:
    password = os.environ.get("AUTONEWS_SMTP_PASSWORD")
    if password:
        return password
    if not config.password_command:
        return None
    try:
        result = subprocess.run(
            shlex.split(config.password_command),
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        raise DeliveryError(
            "the [email] password_command failed", hint="run it by hand to see why"
        ) from None
    return result.stdout.strip() or None


def send(message: EmailMessage, config: EmailConfig) -> None:
    """Hand the message over; raises DeliveryError unless the server accepted it."""
    if not config.smtp:
        raise DeliveryError(
            "no mail transport configured", hint="set [email] smtp (and from) in the config"
        )
    transport = parse_transport(config.smtp)
    if transport.kind == "sendmail":
        _sendmail(message)
        return
    try:
        _smtp(message, transport, config)
    except smtplib.SMTPAuthenticationError:
        raise DeliveryError(
            f"the mail server {transport.host} refused the login for {transport.user!r}",
            hint="check AUTONEWS_SMTP_PASSWORD or [email] password_command",
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        refused = ", ".join(sorted(exc.recipients))
        raise DeliveryError(
            f"the mail server refused the recipients: {refused}",
            hint="check the addresses given to --email (or a [[digests]] entry's `to`)",
        ) from None
    except smtplib.SMTPResponseException as exc:
        reason = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        raise DeliveryError(
            f"the mail server {transport.host} refused the message: {exc.smtp_code} {reason}",
            hint="the server's answer says why; check [email] from (an address the server "
            "lets you send as) and smtp",
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(
            f"cannot send mail through {transport.host}:{transport.port}: "
            f"{type(exc).__name__}: {exc}",
            hint=f"check [email] smtp (host {transport.host}, port {transport.port}) and that "
            "the mail server is running and reachable; --dry-run shows the message without "
            "sending it",
        ) from None


def _smtp(message: EmailMessage, transport: Transport, config: EmailConfig) -> None:
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if transport.kind == "smtps":
        client = smtplib.SMTP_SSL(
            transport.host, transport.port, timeout=SMTP_TIMEOUT, context=context
        )
    else:
        client = smtplib.SMTP(transport.host, transport.port, timeout=SMTP_TIMEOUT)
    with client:
        client.ehlo()
        if transport.kind == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if transport.user:
            password = smtp_password(config)
            if password is None:
                raise DeliveryError(
                    f"no password for {transport.user!r}",
                    hint="set AUTONEWS_SMTP_PASSWORD or [email] password_command",
                )
            client.login(transport.user, password)
        client.send_message(message)


_SENDMAIL_HINT = "see the mail system's log; or send through a server with [email] smtp"


def _sendmail(message: EmailMessage) -> None:
    for path in ("/usr/sbin/sendmail", "/usr/lib/sendmail", "sendmail"):
        try:
            result = subprocess.run(
                [path, "-t", "-oi"], input=message.as_bytes(), capture_output=True, timeout=60
            )
        except FileNotFoundError:
            continue
        except (OSError, subprocess.SubprocessError) as exc:
            raise DeliveryError(f"sendmail failed: {exc}", hint=_SENDMAIL_HINT) from None
        if result.returncode != 0:
            raise DeliveryError(
                f"sendmail exited with {result.returncode}: "
                f"{result.stderr.decode('utf-8', 'replace').strip()[:200]}",
                hint=_SENDMAIL_HINT,
            )
        return
    raise DeliveryError("no sendmail program found", hint="install one, or use [email] smtp")
