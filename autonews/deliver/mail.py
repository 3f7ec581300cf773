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
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid
from urllib.parse import unquote, urlsplit

from autonews.config import EmailConfig
from autonews.digest import asked_makers, filed_maker
from autonews.errors import ConfigError, DeliveryError, PartlyDeliveredError
from autonews.models import Digest, Event
from autonews.render import Format, RenderOptions, render
from autonews.render.common import group_name, plural
from autonews.render.words import Words, words_for
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
    digest's language ("autonews：14条新闻 — 召回3条（沃尔沃、福特、比亚迪）…"). The events are
    counted as the digest's groups show them, and the first one's stories named by the groups
    they are filed in (``_filed_under``)."""
    words = words_for(digest.language)
    name = f" {clean_text(digest.name)}" if digest.name else ""
    subject = words("subject", name=name, stories=words.count("story", len(digest.stories)))
    filed = _filed_under(digest, words)
    by_event: Counter[Event] = Counter(
        s.classification.event for s in digest.stories if s.id in filed
    )
    parts: list[str] = []
    for event, n in sorted(by_event.items(), key=lambda kv: (-kv[1], list(Event).index(kv[0]))):
        if event is Event.OTHER or len(parts) == 3:
            continue
        label = words.event_count(event, n)
        if len(parts) == 0:
            of_event = (filed[s.id] for s in digest.stories if s.classification.event is event)
            names = list(dict.fromkeys(of_event))[:3]
            label = words("subject_makers", events=label, makers=words("list").join(names))
        parts.append(label)
    if not parts:
        return subject
    return words("subject_events", subject=subject, events=words("list").join(parts))


def _filed_under(digest: Digest, words: Words) -> dict[str, str]:
    """For each car story, the name of what the digest files it under, as its group's heading
    says it: its maker, or its maker's group with ``group_by = "group"`` ("Stellantis", not
    "Vauxhall": the mail has no Vauxhall section), "Industry" for car news naming no maker
    (trial 41: "3 recalls (Ford, Toyota)" had a third recall the subject did not place); by event,
    the maker it is filed under among a named digest's makers (trial 30 #4: not another one the
    story names too). Stories not about cars ("Other news") are no event of the subject's: a
    food recall in a business feed is no recall of the car news."""
    wanted = asked_makers(digest)
    filed: dict[str, str] = {}
    for group in digest.groups:
        if group.kind == "other":
            continue
        for story_id in group.story_ids:
            if group.kind in ("maker", "group", "industry", "company"):
                filed[story_id] = group_name(group, words)
                continue
            maker = filed_maker(digest.story(story_id), wanted)
            filed[story_id] = words.maker(clean_text(maker.name)) if maker else words("industry")
    return filed


def build_message(
    digest: Digest, sender: str, recipients: Sequence[str], timezone: tzinfo | None = None
) -> EmailMessage:
    """The message: text and HTML, times in the reader's ``timezone`` (None: the system's)."""
    message = EmailMessage()
    message["Subject"] = subject_for(digest)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    # The reader's zone's offset ("+0100"), as the body's times: -0000 means "zone unknown".
    message["Date"] = format_datetime(datetime.now(UTC).astimezone(timezone))
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


# A temporary failure (a 4xx answer, a dropped connection) is tried again after these pauses,
# and not past RETRY_WITHIN seconds from the first try: a busy or greylisting server takes the
# mail a minute later, not at the next cron slot hours away. Then the run fails, its stories
# stay queued.
RETRY_PAUSES = (5.0, 15.0, 40.0)
RETRY_WITHIN = 120.0
# What a refused recipient's server answered: its code and text.
Answers = dict[str, tuple[int, str]]


class _Temporary(Exception):
    """A try that may succeed later; ``answer`` is the server's (or what the connection did)."""

    def __init__(self, answer: str) -> None:
        super().__init__(answer)
        self.answer = answer


def send(message: EmailMessage, config: EmailConfig) -> None:
    """Hand the message over, trying a temporary failure again (RETRY_PAUSES); raises
    DeliveryError unless the server accepted it for every recipient, PartlyDeliveredError when
    it accepted it for some."""
    if not config.smtp:
        raise DeliveryError(
            "no mail transport configured", hint="set [email] smtp (and from) in the config"
        )
    transport = parse_transport(config.smtp)
    if transport.kind == "sendmail":
        _sendmail(message)
        return
    recipients = [address for _, address in getaddresses(message.get_all("To", []))]
    refused: Answers = {}
    pending, started = recipients, time.monotonic()
    for tries, pause in enumerate((*RETRY_PAUSES, None), start=1):
        late = pause is None or time.monotonic() - started + pause > RETRY_WITHIN
        try:
            answers = _attempt(message, transport, config, pending)
        except _Temporary as failure:
            if late:
                elapsed = time.monotonic() - started
                raise _for_now(transport, failure.answer, tries, elapsed) from None
            time.sleep(pause or 0)
            continue
        refused = {r: a for r, a in refused.items() if r not in pending} | answers
        pending = [r for r, (code, _) in answers.items() if _temporary(code)]
        if not pending or late:
            break
        time.sleep(pause or 0)  # only the recipients refused for now are tried again
    if refused:
        raise _refusal(transport, refused, [r for r in recipients if r not in refused])


def _temporary(code: int) -> bool:
    return 400 <= code < 500


def _attempt(
    message: EmailMessage, transport: Transport, config: EmailConfig, recipients: list[str]
) -> Answers:
    """One try: the recipients the server refused, with its answers; raises _Temporary for a
    failure worth another try, DeliveryError for one that is not."""
    try:
        refused = _smtp(message, transport, config, recipients)
    except smtplib.SMTPAuthenticationError:
        raise DeliveryError(
            f"the mail server {transport.host} refused the login for {transport.user!r}",
            hint="check AUTONEWS_SMTP_PASSWORD or [email] password_command",
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        refused = exc.recipients
    except smtplib.SMTPResponseException as exc:
        answer = f"{exc.smtp_code} {_text(exc.smtp_error)}"
        if _temporary(exc.smtp_code):
            raise _Temporary(f"it answered {answer}") from None
        raise DeliveryError(
            f"the mail server {transport.host} refused the message: {answer}",
            hint="the server's answer says why; check [email] from (an address the server "
            "lets you send as) and smtp",
        ) from None
    except (smtplib.SMTPServerDisconnected, ConnectionResetError) as exc:
        raise _Temporary(f"it dropped the connection ({type(exc).__name__}: {exc})") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(
            f"cannot send mail through {transport.host}:{transport.port}: "
            f"{type(exc).__name__}: {exc}",
            hint=f"check [email] smtp (host {transport.host}, port {transport.port}) and that "
            "the mail server is running and reachable; --dry-run shows the message without "
            "sending it",
        ) from None
    return {address: (code, _text(text)) for address, (code, text) in refused.items()}


def _text(answer: bytes | str) -> str:
    return answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)


def _for_now(transport: Transport, answer: str, tries: int, seconds: float) -> DeliveryError:
    return DeliveryError(
        f"the mail server {transport.host} did not take the message for now: {answer} "
        f"({plural(tries, 'try', 'tries')} over {seconds:.0f} s)",
        hint="a temporary refusal (the server busy, greylisting, its queue full), not a "
        "wrong setting: the next run tries again; if it lasts, ask the server's administrator",
    )


def _refusal(transport: Transport, refused: Answers, accepted: list[str]) -> DeliveryError:
    """The recipients the server would not take, each with its answer; PartlyDeliveredError
    when others got the message."""
    named = ", ".join(f"{r} ({code} {text})" for r, (code, text) in sorted(refused.items()))
    for_now = all(_temporary(code) for code, _ in refused.values())
    hint = (
        "a temporary refusal: the next run tries again"
        if for_now
        else "check the addresses given to --email (or a [[digests]] entry's `to`)"
    )
    message = f"the mail server {transport.host} refused the recipients: {named}"
    if accepted:
        return PartlyDeliveredError(message, tuple(refused), tuple(accepted), hint=hint)
    return DeliveryError(message, hint=hint)


def _smtp(
    message: EmailMessage, transport: Transport, config: EmailConfig, recipients: list[str]
) -> dict[str, tuple[int, bytes]]:
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
        return client.send_message(message, to_addrs=recipients)


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
