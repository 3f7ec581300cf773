"""Scoring the stages against labelled data: ``classify`` (makers and event types of headlines)
and ``cluster`` (items labelled with the event they report). Used by the tests and benchmarks."""
