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


# --- 2: an item with no title is titled by its text (report #1) ---------------------------------

MICRO_POST = "Polestar delays the Polestar 7 compact SUV to 2028, it said in its quarterly report."


def test_untitled_items_are_shown_titled_by_their_text(cli, home: Path, tmp_path: Path) -> None:
    """A JSON Feed item with no title and no url (a micro-post, as JSON Feed 1.1 allows) was
    counted in the feed's items and shown nowhere; so was an RSS item with only a description.
    Each is titled by its text's first sentence (at most ~80 characters), as feed readers do."""
    json_feed = tmp_path / "feed.json"
    json_feed.write_text(
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "EV Brief",
                "items": [
                    {"id": "evb-polestar7", "content_text": MICRO_POST},
                    {
                        "id": "evb-byd",
                        "title": "BYD cuts prices on 22 models",
                        "url": "https://x.example/b",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    rss = _rss(
        tmp_path / "rss.xml",
        [
            "<item><description>&lt;p&gt;Kia opens its Georgia battery plant. It employs 2,000."
            f"&lt;/p&gt;</description><pubDate>{rfc822(1)}</pubDate></item>"
        ],
    )
    args = ("digest", "--feed", str(json_feed), "--feed", rss, "--no-extract", "--all-topics")
    document = cli(*args, "--format", "json").json()
    titles = sorted(s["title"] for s in document["stories"])
    assert titles == [
        "BYD cuts prices on 22 models",
        "Kia opens its Georgia battery plant.",
        "Polestar delays the Polestar 7 compact SUV to 2028, it said in its quarterly…",
    ]
    text = cli(*args, "--offline", "--format", "text").out
    assert "Polestar delays the Polestar 7" in text and "Kia opens its Georgia" in text


def test_an_item_with_nothing_to_show_is_named_not_lost(cli, home: Path, tmp_path: Path) -> None:
    """An item with no title, link or text cannot be shown: `--debug` and `feeds check` say the
    feed had it and why it is left out, where it used to vanish without a word."""
    feed = _rss(
        tmp_path / "rss.xml",
        [
            _item("Volvo recalls 14,768 XC70s", "https://news.example/volvo"),
            '<item><enclosure url="https://cdn.example/1.mp3" type="audio/mpeg"/></item>',
        ],
        title="Shift Happens",
    )
    result = cli("--debug", "digest", "--feed", feed, "--no-extract", "--format", "text")
    assert result.code == 0, result.err
    assert "autonews: Shift Happens: 1 item skipped (no title, link or text)" in result.err
    quiet = cli("digest", "--feed", feed, "--no-extract", "--format", "text")
    assert "skipped" not in quiet.err
