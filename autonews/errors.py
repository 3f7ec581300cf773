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
    EVERY_FEED_FAILED = 5  # no feed could be read (the network is down?): nothing new fetched


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


class NotFoundError(AutonewsError):
    pass
