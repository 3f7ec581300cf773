"""The one exception hierarchy and the documented exit codes.

Errors are raised where the I/O happens, carrying a user-facing hint, and caught once in the CLI.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    FEEDS_FAILED = 3  # a digest was produced but some feeds failed
    LOCKED = 4  # another autonews run holds the store
    OUTPUT_CLOSED = 141  # stdout's reader went away (`| head`): 128 + SIGPIPE, as tools exit


class AutonewsError(Exception):
    """Base of every error autonews reports to the user."""

    exit_status: ExitStatus = ExitStatus.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ConfigError(AutonewsError):
    exit_status = ExitStatus.USAGE


class ConfigLockedError(ConfigError):
    """Another command is editing the config file: busy, like a store another run holds."""

    exit_status = ExitStatus.LOCKED


class UsageError(AutonewsError):
    exit_status = ExitStatus.USAGE


class FetchError(AutonewsError):
    """One feed or page could not be fetched; never aborts a whole run."""


class FeedParseError(AutonewsError):
    """A fetched document is not a feed we can read."""


class StoreError(AutonewsError):
    pass


class StoreLockedError(StoreError):
    exit_status = ExitStatus.LOCKED


class DeliveryError(AutonewsError):
    pass


class PartlyDeliveredError(DeliveryError):
    """The mail server took a message for some recipients and refused it for others."""

    def __init__(
        self,
        message: str,
        refused: tuple[str, ...],
        accepted: tuple[str, ...],
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint)
        self.refused = refused
        self.accepted = accepted


class OutputClosedError(DeliveryError):
    """Whoever read stdout closed it (`autonews digest | head -0`): no error to tell, as tools
    killed by SIGPIPE say nothing; the exit code says it, and nothing counts as delivered."""

    exit_status = ExitStatus.OUTPUT_CLOSED

    def __init__(self) -> None:
        super().__init__("")


class NotFoundError(AutonewsError):
    pass
