"""`autonews classify`: label headlines from the arguments or stdin, with the reasons if asked."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from autonews.cli.context import load_config
from autonews.cli.options import ConfigOption, check_choice, format_option
from autonews.errors import UsageError


def classify(
    text: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TEXT]...",
            help="Headlines; with none, one per line from stdin.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, format_option("text, json or jsonl.")] = "text",
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show which text, alias, context rule and event evidence decided each label.",
        ),
    ] = False,
    summary: Annotated[
        str,
        typer.Option(metavar="TEXT", help="The item's summary, as a digest would read it."),
    ] = "",
    body: Annotated[
        str,
        typer.Option(metavar="TEXT", help="The item's article body, as a digest would read it."),
    ] = "",
    car_feed: Annotated[
        bool,
        typer.Option(
            "--car-feed",
            help="Read the items as a digest reads those of a feed mostly about cars: a terse "
            "headline with no car word is car news there, unless its words say otherwise.",
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Classify headlines: car relevance, automakers, models, companies, event, figures.

    Each input is a headline, or on stdin a JSON object per line with "title" and optionally
    "summary" and "body": the labels are the ones a digest gives the same item."""
    from autonews.classify.configured import classifier_for
    from autonews.render.classify_output import format_classifications, input_error, read_inputs

    check_choice("--format", fmt, ["text", "json", "jsonl"])
    cfg = load_config(config)
    classifier = classifier_for(cfg.classify)
    problems: list[str] = []
    if text:
        if not all(title.strip() for title in text):
            raise UsageError("an empty headline", hint="give the headline's text, in quotes")
        inputs = [(title, summary, body) for title in text]
    else:
        inputs, problems = read_inputs(sys.stdin)
    results = [
        (title, classifier.classify(title, item_summary, item_body, explain, car_feed))
        for title, item_summary, item_body in inputs
    ]
    sys.stdout.write(format_classifications(results, fmt, explain))
    if problems:  # the good lines are out; the run still says it was given bad ones
        raise input_error(problems)
