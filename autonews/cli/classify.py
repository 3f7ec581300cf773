"""`autonews classify`: label headlines from the arguments or stdin, with the reasons if asked."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from autonews.cli.context import load_config
from autonews.cli.options import ConfigOption, check_choice, format_option


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
            "--explain", help="Show which alias, context rule and event rule decided each label."
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Classify headlines: automakers, companies, event type, speculative, figures."""
    from autonews.classify.configured import classifier_for
    from autonews.render.classify_output import format_classifications

    check_choice("--format", fmt, ["text", "json", "jsonl"])
    cfg = load_config(config)
    classifier = classifier_for(cfg.classify)
    titles = text if text else [line.rstrip("\n") for line in sys.stdin]
    results = [(title, classifier.classify(title, explain=explain)) for title in titles]
    sys.stdout.write(format_classifications(results, fmt, explain))
