"""A story id as a reader types it: whole, or its first characters if no other id starts so
(as git takes a commit's), for `autonews read` and `autonews story`."""

from __future__ import annotations

from autonews.errors import UsageError
from autonews.store import Store

SHORTEST = 4  # characters of an id, at least, to stand for it


def resolve_story_id(
    store: Store, typed: str, or_url: bool = False, keep_days: int | None = None
) -> str:
    """The story id ``typed`` names; a usage error when none or several start so (``or_url``:
    the command takes a URL too, and says so; ``keep_days``: the config's [store] keep_days,
    after which a story is pruned, so that an id from an old digest is not a riddle)."""
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
        kept = f"[store] keep_days ({keep_days} days)" if keep_days else "[store] keep_days"
        raise UsageError(
            f"the story {key!r} was pruned from this store on {when:%d %b %Y}: its sources were "
            f"older than {kept}",
            hint="raise [store] keep_days to keep stories longer",
        )
    raise unknown_story(typed, or_url, keep_days)


def unknown_story(typed: str, or_url: bool = False, keep_days: int | None = None) -> UsageError:
    """An id the store has neither a story nor a record of pruning for (such records are kept
    [store] keep_days): mistyped, or a story pruned with its items, so the message says both."""
    what = "neither an http(s) URL nor a story id" if or_url else "not a story id"
    kept = f"[store] keep_days ({keep_days} days)" if keep_days else "[store] keep_days"
    return UsageError(
        f"{typed!r} is {what} of this store: mistyped, or a story pruned with its items "
        f"after {kept}",
        hint=f"raise [store] keep_days to keep stories longer; a story's id is shown beside its "
        f"link in every digest format (the `id` field in JSON), its first {SHORTEST} characters "
        "or more will do",
    )
