"""A recall listing's title: the rule lives in ``autonews.recall_listings``, outside this package,
so that a digest choosing a story's title (``story_build``) reads it without importing the
classifier (a warm run loads none)."""

from autonews.recall_listings import recall_listing

__all__ = ["recall_listing"]
