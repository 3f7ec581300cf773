"""A story id as a reader types it: whole, or its first characters if no other id starts so
(as git takes a commit's), for `autonews read` and `autonews story`."""

from __future__ import annotations

from autonews.errors import UsageError
from autonews.store import Store

SHORTEST = 4  # characters of an id, at least, to stand for it


def resolve_story_id(store: Store, typed: str, or_url: bool = False) -> str:
    """The story id ``typed`` names; a usage error when none or several start so (``or_url``:
    the command takes a URL too, and says so)."""
    typed = typed.strip().lower()
    found = store.story_keys_starting(typed) if len(typed) >= SHORTEST else []
    if typed in found:
        return typed
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(
            f"{typed!r} starts several story ids ({', '.join(found)}, ...)",
            hint="type more of the id",
        )
    pruned = store.pruned_story_keys(typed) if len(typed) >= SHORTEST else []
    if len(pruned) == 1:
        key, when = pruned[0]
        raise UsageError(
            f"the story {key!r} was pruned from this store on {when:%d %b %Y}: its sources were "
            "older than [store] keep_days",
            hint="raise [store] keep_days to keep stories longer",
        )
    what = "neither an http(s) URL nor a story id" if or_url else "not a story id"
    raise UsageError(
        f"{typed!r} is {what} of this store",
        hint="a story's id is shown beside its link in every digest format (the `id` field in "
        f"JSON); its first {SHORTEST} characters or more will do",
    )
