"""Drawing `autonews stats` as bars: rich in a terminal, plain characters elsewhere."""

from __future__ import annotations

import io

from rich.table import Table
from rich.text import Text

from autonews.render import RenderOptions
from autonews.render.terminal import make_console
from autonews.stats import Stats
from autonews.text import clean_text

_SPARKS = " ▁▂▃▄▅▆▇█"


def sparkline(values: tuple[int, ...]) -> str:
    top = max(values) if values else 0
    if top == 0:
        return " " * len(values)
    return "".join(_SPARKS[min(8, round(8 * v / top))] if v else "·" for v in values)


def render_stats(stats: Stats, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = make_console(buffer, options)
    since = stats.since.strftime("%d %b")
    until = stats.until.strftime("%d %b %Y")
    console.print(
        Text(
            f"Stories by {stats.by}, {since} – {until} ({stats.stories} stories; "
            f"timeline per {stats.period})",
            style="bold",
        )
    )
    if not stats.rows:
        console.print(Text("No stories in this window.", style="dim"))
        return buffer.getvalue()
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(justify="right")
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    top = stats.rows[0].total
    bar_width = max(10, min(40, options.width - 60))
    for row in stats.rows:
        length = max(1, round(bar_width * row.total / top))
        table.add_row(
            Text(clean_text(row.key)),
            str(row.total),
            Text("█" * length, style="cyan"),
            Text(sparkline(row.per_period), style="dim"),
        )
    console.print(table)
    text = buffer.getvalue()
    if not options.color:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
