"""Trial 33's messy real-world feeds, through the real CLI on feed files: links no reader should
follow, items with no title, aggregators' items (Google News, Reddit)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.feeds import rfc822


def _rss(path: Path, items: list[str], title: str = "Totally Normal Car News") -> str:
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.com/</link>{''.join(items)}"
        "</channel></rss>",
        encoding="utf-8",
    )
    return str(path)


def _item(title: str, link: str, hours_ago: float = 1, extra: str = "") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>{rfc822(hours_ago)}</pubDate>{extra}</item>"
    )


# --- 1: JSON gives no link that is not http(s) (report #2) --------------------------------------


def test_json_and_jsonl_give_null_for_links_that_are_not_http(
    cli, home: Path, tmp_path: Path, validate_digest
) -> None:
    """A javascript: or data: link reached JSON's ``url`` and ``sources[].url``, where every other
    format drops it; other tools put ``url`` in an href."""
    feed = _rss(
        tmp_path / "hostile.xml",
        [
            _item("Tesla recalls 46,096 Cybertrucks", "javascript:alert(document.cookie)"),
            _item("BYD cuts prices on 22 models", "data:text/html,&lt;script&gt;x&lt;/script&gt;"),
            _item("Volvo recalls 14,768 XC70s", "https://news.example/volvo", 2),
        ],
    )
    args = ("digest", "--feed", feed, "--no-extract", "--all-topics")
    document = cli(*args, "--format", "json").json()
    validate_digest(document)
    links = {s["title"]: (s["url"], [x["url"] for x in s["sources"]]) for s in document["stories"]}
    assert links == {
        "Tesla recalls 46,096 Cybertrucks": (None, [None]),
        "BYD cuts prices on 22 models": (None, [None]),
        "Volvo recalls 14,768 XC70s": (
            "https://news.example/volvo",
            ["https://news.example/volvo"],
        ),
    }
    lines = cli(*args, "--format", "jsonl").out
    assert "javascript:" not in lines and "data:" not in lines
    assert "javascript:" not in json.dumps(
        cli("story", document["stories"][0]["id"], "--format", "json").json()
    )
