"""Where ``[[feeds]]`` tables go in the config file, and what a removed one leaves, so that
editing the feed list keeps every comment and blank line the user wrote.

tomlkit hands the comments and blank lines written after a table's last key to that table,
though in a file they open what follows it: the next feed, or the next section's banner
(``# --- Digest ---``). A table removed must leave them behind, and a table added goes before
them. ``autonews.feedlist`` does the editing; this module only moves tables and trivia.
"""

from __future__ import annotations

from typing import Any


def detach_trailing(table: Any) -> list[tuple[Any, Any]]:
    """Detach the comments and blank lines after a table's last key and return them (as the
    ``(None, item)`` pairs of a tomlkit body)."""
    body = table.value.body
    last_key = max((i for i, (key, _) in enumerate(body) if key is not None), default=-1)
    trailing: list[tuple[Any, Any]] = body[last_key + 1 :]
    del body[last_key + 1 :]
    return trailing


def end_with(table: Any, trivia: list[tuple[Any, Any]]) -> None:
    """Put comments and blank lines after a table's last key, after those it has."""
    for _, item in _joined(detach_trailing(table), trivia):
        table.value.append(None, item)


def remove_table(document: Any, tables: Any, index: int) -> Any:
    """The document without ``tables[index]`` (its array of ``[[feeds]]`` tables), the comments
    and blank lines after that table's keys left where they were: after the table before it,
    or, for the first one, before the tables left, or in their place when none is left (no
    ``feeds = []``). Returns the document to write."""
    import tomlkit
    from tomlkit.items import Whitespace

    left = detach_trailing(tables[index])
    del tables[index]
    if index > 0:
        end_with(tables[index - 1], left)
        return document
    body = document.body
    at = next(i for i, (_, item) in enumerate(body) if item is tables)
    rest = body[at:] if len(tables) else body[at + 1 :]
    while at == 0 and left and isinstance(left[0][1], Whitespace):  # no blank line opens a file
        left = left[1:]
    body[:] = _joined(_joined(body[:at], left), rest)
    # tomlkit's index of the top-level keys holds body positions: read the text again
    return tomlkit.parse(tomlkit.dumps(document))


def place_first_tables(document: Any, tables: Any) -> Any:
    """The document with ``feeds``, an array of tables, in a file that has none: before the
    first section and the comments just above it (its banner), so that the feeds stay under
    what introduced them and the next section keeps its banner. Returns the document to
    write."""
    import tomlkit
    from tomlkit.items import AoT, Comment, Table, Whitespace

    body = document.body
    first = next((i for i, (_, item) in enumerate(body) if isinstance(item, Table | AoT)), None)
    if first is None:  # no section: the feeds go last
        if body:
            document.add(tomlkit.nl())
        document["feeds"] = tables
        return document
    at = first
    while at > 0 and isinstance(body[at - 1][1], Comment):
        at -= 1
    if at == 0:  # comments that open the file are the file's: the feeds go under them
        at = first
    if not "".join(item.as_string() for _, item in body[:at]).strip():
        del body[:at]  # (blank lines, or a removed `feeds = []`, opened the file)
        at = 0
    opening = [(None, Whitespace("\n"))] if at > 0 else []
    tables[-1].value.append(None, Whitespace("\n"))
    placed = _joined(_joined(body[:at], opening), [(tomlkit.key("feeds"), tables)])
    body[:] = placed + body[at:]
    return tomlkit.parse(tomlkit.dumps(document))


def _joined(first: list[tuple[Any, Any]], then: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """``first + then`` (pairs of a tomlkit body), but one blank line where ``first`` ends with
    one and ``then`` starts with one: an edit never leaves two where there was one."""
    from tomlkit.items import Whitespace

    if (
        first
        and then
        and isinstance(first[-1][1], Whitespace)
        and isinstance(then[0][1], Whitespace)
    ):
        return first + then[1:]
    return first + then
