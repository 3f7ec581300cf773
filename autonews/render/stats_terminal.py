"""Drawing `autonews stats` as bars: rich in a terminal, plain characters elsewhere.

The columns are sized to the width, so that no count is ever cut: the names give way first
(shortened with "…"), then the timeline (left out), never the numbers. Only the top rows are
drawn unless asked for all; a last line says how many more there are.
"""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from autonews.render import RenderOptions
from autonews.render.common import plural
from autonews.render.terminal import make_console
from autonews.stats import Stats
from autonews.text import clean_text

_SPARKS = " ▁▂▃▄▅▆▇█"
TOP = 15  # rows drawn unless all are asked for
_KEY_MAX, _BAR_MAX, _BAR_MIN = 24, 40, 10
_NOUNS = {"maker": "maker", "group": "group", "event": "event type"}


def sparkline(values: tuple[int, ...]) -> str:
    top = max(values) if values else 0
    if top == 0:
        return " " * len(values)
    return "".join(_SPARKS[min(8, round(8 * v / top))] if v else "·" for v in values)


def _of(makers: tuple[str, ...]) -> str:
    """ " of Volvo and Geely": the makers --maker asked for."""
    if not makers:
        return ""
    named = [clean_text(name) for name in makers]
    return " of " + (", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0])


def render_stats(stats: Stats, options: RenderOptions, top: int | None = TOP) -> str:
    """The bars of ``stats``: its first ``top`` rows (None: all), then "… and 6 more"."""
    buffer = io.StringIO()
    console = make_console(buffer, options)
    rows = stats.rows if top is None else stats.rows[:top]
    key_width = min(_KEY_MAX, max((cell_len(clean_text(r.key)) for r in rows), default=1))
    count_width = len(str(rows[0].total)) if rows else 1
    periods = len(rows[0].per_period) if rows else 0
    room = options.width - key_width - count_width - periods - 3  # 3: the gaps between columns
    timeline = room >= _BAR_MIN
    bar_width = min(_BAR_MAX, room if timeline else options.width - key_width - count_width - 2)
    # The start's year too when it is not the end's: "14 Sep 2023 – 06 Dec 2026".
    same_year = stats.since.year == stats.until.year
    since = stats.since.strftime("%d %b" if same_year else "%d %b %Y")
    until = stats.until.strftime("%d %b %Y")
    per = f"; timeline per {stats.period}" if timeline and rows else ""
    console.print(
        Text(
            f"Stories by {stats.by}{_of(stats.makers)}, {since} – {until} "
            f"({plural(stats.stories, 'story')}{per})",
            style="bold",
        )
    )
    left_out = [
        f"{plural(count, 'story')} {why} left out"
        for count, why in (
            (stats.not_about_cars, "not about cars"),
            (stats.muted, "muted by the [classify] mute rules"),
        )
        if count
    ]
    if not rows:
        empty = f"No car stories in this window ({'; '.join(left_out)})." if left_out else ""
        console.print(Text(empty or "No stories in this window.", style="dim"))
        return buffer.getvalue()
    table = Table.grid(padding=(0, 1))
    table.add_column(width=key_width, no_wrap=True, overflow="ellipsis")
    table.add_column(width=count_width, justify="right", no_wrap=True)
    table.add_column(width=max(1, bar_width), no_wrap=True, overflow="crop")
    if timeline:
        table.add_column(width=periods, no_wrap=True)
    for row in rows:
        length = max(1, round(bar_width * row.total / rows[0].total))
        cells = [Text(clean_text(row.key)), Text(str(row.total)), Text("█" * length, style="cyan")]
        if timeline:
            cells.append(Text(sparkline(row.per_period), style="dim"))
        table.add_row(*cells)
    console.print(table)
    hidden = stats.rows[len(rows) :]
    if hidden:
        more = plural(len(hidden), "more " + _NOUNS.get(stats.by, stats.by))
        stories = plural(sum(r.total for r in hidden), "story")
        console.print(Text(f"… and {more}, with {stories} (--all draws every row)", style="dim"))
    for note in left_out:
        console.print(Text(note + ".", style="dim"))
    text = buffer.getvalue()
    if not options.color:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
