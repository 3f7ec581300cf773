"""`autonews story ID [OTHER_ID]`: one story of the store, its sources and, with --explain, for
each merge the evidence that joined them and its score; with two ids, why they are two stories."""

from __future__ import annotations

import re
import sys
from typing import Annotated

import typer

from autonews.cli.context import load_config
from autonews.cli.options import ConfigOption, check_choice, format_option
from autonews.errors import UsageError


def story(
    story_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="A story id from `digest --format json` (or beside a link)."
        ),
    ],
    other_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[OTHER_ID]",
            help="A second story: show both and why they are two stories (what keeps the "
            "clustering from joining them, and their likeliest pair's evidence).",
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="For each merge, the evidence that joined two sources and its weight: what "
            "they share (names, models, parts, places, figures) and the model's score.",
        ),
    ] = False,
    detach: Annotated[
        list[str] | None,
        typer.Option(
            "--detach",
            metavar="N",
            help="Take source N (as `story ID` numbers them) out of the story, to a story of "
            "its own the clustering never joins to this one again (repeatable; a range 7-10 "
            "or a list 7,9 takes several). Each source taken out is a story of its own, "
            "unless --together. With two stories, name it by its letter as `story A B` "
            "numbers it: --detach B3.",
        ),
    ] = None,
    together: Annotated[
        bool,
        typer.Option(
            "--together",
            help="With --detach: the sources taken out make one story between them (a second "
            "event a wrong merge took in), not a story each.",
        ),
    ] = False,
    fmt: Annotated[str, format_option("text or json.")] = "text",
    config: ConfigOption = None,
) -> None:
    """Show one story of the store and its sources (no fetching); --explain says why they
    merged. With a second ID, both stories and why they are two (a split you think is one
    event). In JSON, the story as the digest's JSON gives it. --detach N takes a source out
    (a wrong merge undone) to a story of its own, then shows the story; --detach 7-10
    --together takes several out as one story (a second event the merge took in)."""
    from autonews.render.story import format_apart, format_story
    from autonews.story import detach_sources, stories_apart, story_report
    from autonews.text import clean_text
    from autonews.timeparse import reader_zone

    check_choice("--format", fmt, ["text", "json"])
    cfg = load_config(config)
    zone = reader_zone(cfg.digest.timezone)
    if together and not detach:
        raise UsageError(
            "--together goes with --detach",
            hint="name the sources to take out together: --detach 7-10 --together",
        )
    if detach:
        letter, numbers = lettered_numbers(detach, story_id, other_id)
        detached_from = other_id if letter == "B" and other_id is not None else story_id
        taken_out = detach_sources(cfg, detached_from, numbers, together)
        for taken in taken_out:
            sys.stderr.write(
                f"took [{letter or ''}{taken.number}] out of story {detached_from}: "
                f"{clean_text(taken.item.title)} is now story {taken.story_id}\n"
            )
        if together and len(taken_out) > 1:
            sys.stderr.write(
                f"the {len(taken_out)} sources taken out are one story: "
                f"autonews story {taken_out[0].story_id}\n"
            )
    if other_id is None:
        sys.stdout.write(format_story(story_report(cfg, story_id, explain), fmt, zone))
    else:
        sys.stdout.write(format_apart(stories_apart(cfg, story_id, other_id), fmt, zone))


# A source number or a range of them, in ASCII digits ("²" and "٣" are digits to str.isdigit).
_SOURCES = re.compile(r"[0-9]+(?:-[0-9]+)?")
# A source as `story A B` numbers it: its story's letter, then its own number ("B3", "B3-B5").
_LETTERED = re.compile(r"([AB])([0-9]+)(?:-\1?([0-9]+))?", re.IGNORECASE)


def lettered_numbers(
    values: list[str], story_id: str, other_id: str | None
) -> tuple[str | None, list[tuple[int, int]]]:
    """The letter of the story ``--detach`` names sources of, if any, and their own numbers
    (``source_numbers``). `story A B` lists sources as A1… and B1… (trial 49 C1: `--detach B3`
    was refused): with two ids the letter says which story; with one id it is read as that
    story's (`story A B` tells the reader "B2 is `autonews story B --detach 2`")."""
    parts = [part for value in values for part in value.replace(" ", "").split(",")]
    found = [_LETTERED.fullmatch(part) for part in parts]
    letters = {m.group(1).upper() for m in found if m}
    if len(letters) > 1:
        raise UsageError(
            f"--detach: {', '.join(values)} names sources of both stories, A and B",
            hint="take sources out of one story at a time: --detach B3, then --detach A2",
        )
    letter = next(iter(letters), None)
    if other_id is not None and letter is None:
        raise UsageError(
            "--detach with two stories needs the story's letter",
            hint=f"as `autonews story {story_id} {other_id}` numbers the sources: "
            "--detach B3 takes the second story's third source out",
        )
    if letter is None:
        return None, source_numbers(values)
    if not all(found):
        raise UsageError(
            f"--detach: {', '.join(values)} mixes lettered and plain numbers",
            hint=f"write each with its story's letter: --detach {letter}2,{letter}5",
        )
    own = [m.group(2) + (f"-{m.group(3)}" if m.group(3) else "") for m in found if m]
    return letter, source_numbers([",".join(own)])


def source_numbers(values: list[str]) -> list[tuple[int, int]]:
    """The source numbers ``--detach`` names, as ranges (first, last): each value a number, a
    range ("7-10") or a list ("7,9"). Ranges stay ranges until the story's sources are counted
    (``detach_sources``): "1-300000000" is no list of 300 million numbers."""
    numbers: list[tuple[int, int]] = []
    for value in values:
        for part in value.replace(" ", "").split(","):
            first, dash, last = part.partition("-")
            if not _SOURCES.fullmatch(part):
                raise UsageError(
                    f"--detach: {value!r} is not a source number",
                    hint="give a number as `autonews story ID` lists the sources: --detach 2, "
                    "a range --detach 2-4 or a list --detach 2,5",
                )
            start, end = int(first), int(last) if dash else int(first)
            if end < start:
                raise UsageError(
                    f"--detach: the range {part} runs backwards",
                    hint=f"write it from the lower number: --detach {end}-{start}",
                )
            numbers.append((start, end))
    return numbers
