"""The event types as plain names, for the classifier's hot paths."""

from __future__ import annotations

from autonews.models import Event

# Enum members as plain names: in Python 3.11 each Event.OTHER costs a descriptor call, and
# classify names it several times per headline.
_OTHER = Event.OTHER
_INCIDENT = Event.INCIDENT
_RECALL = Event.RECALL
_PARTNERSHIP = Event.PARTNERSHIP
_LAUNCH = Event.LAUNCH
