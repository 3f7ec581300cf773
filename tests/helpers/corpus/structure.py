"""Corpus groups: namespaces and dialects, missing fields, broken XML, huge documents."""

from __future__ import annotations

import random
from collections.abc import Iterator

from tests.helpers.corpus.documents import (
    ATOM_TYPE,
    HEADLINES,
    ISO_DATE,
    JSON_TYPE,
    MAX_ITEMS,
    Variant,
    atom_doc,
    atom_entry,
    esc,
    expect_any,
    expect_error,
    expect_ok,
    headline_items,
    json_feed,
    json_item,
    rss_doc,
    rss_item,
)


def namespaces() -> Iterator[Variant]:
    ns = (
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:media="http://search.yahoo.com/mrss/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom"'
    )
    items = [
        rss_item(
            k,
            HEADLINES[k],
            date=False,
            description=None,
            extra=(
                f"<content:encoded><![CDATA[<p>Body {k} <b>bold</b></p>]]></content:encoded>"
                f"<dc:date>2026-11-26T0{k}:00:00Z</dc:date><dc:creator>Reporter {k}</dc:creator>"
                f'<media:content url="http://img.example.com/{k}.jpg" medium="image">'
                f"<media:title>Photo {k}</media:title></media:content>"
                f'<atom:link rel="alternate" href="http://news.example.com/atom-in-rss/{k}"/>'
            ),
        )
        for k in range(3)
    ]
    channel = (
        '<atom:link rel="self" href="http://news.example.com/feed" type="application/rss+xml"/>'
    )
    yield expect_ok(
        "ns-content-dc-media-atom", rss_doc(items, namespaces=ns, channel_extra=channel), 3
    )
    yield expect_ok(
        "ns-content-encoded-only",
        rss_doc(
            [
                rss_item(
                    k,
                    HEADLINES[k],
                    description=None,
                    extra=f"<content:encoded>B{k}</content:encoded>",
                )
                for k in range(2)
            ],
            namespaces=ns,
        ),
        2,
    )
    # Prefixes used without being declared: not namespace-well-formed.
    yield expect_any(
        "ns-undeclared-prefix",
        rss_doc(
            [rss_item(1, "Seat Ibiza", extra="<dc:creator>X</dc:creator><foo:bar>y</foo:bar>")]
        ),
    )
    # Same namespaces under unusual prefixes.
    odd = ' xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:d="http://purl.org/dc/elements/1.1/"'
    yield expect_ok(
        "ns-odd-prefixes",
        rss_doc(
            [
                rss_item(
                    k,
                    HEADLINES[k],
                    date=False,
                    extra=f"<d:date>2026-11-2{k}T08:00:00Z</d:date><c:encoded>x</c:encoded>",
                )
                for k in range(2)
            ],
            namespaces=odd,
        ),
        2,
    )
    yield expect_ok(
        "atom-prefixed", atom_doc([atom_entry(k, prefix="a") for k in range(3)], prefix="a"), 3
    )
    yield expect_ok(
        "atom-default-ns", atom_doc([atom_entry(k) for k in range(3)]), 3, content_type=ATOM_TYPE
    )
    yield expect_any(
        "atom-wrong-ns",
        atom_doc([atom_entry(k) for k in range(2)], ns="http://example.com/not-atom"),
    )
    yield expect_any("atom-no-ns", atom_doc([atom_entry(k) for k in range(2)], ns=""))
    rdf = (
        '<?xml version="1.0"?>\n<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel r:about="http://news.example.com/"><title>RDF</title>'
        "<link>http://news.example.com/</link></channel>"
        + "".join(
            f'<item r:about="http://news.example.com/rdf/{k}"><title>{esc(HEADLINES[k])}</title>'
            f"<link>http://news.example.com/rdf/{k}</link><dc:date>{ISO_DATE}</dc:date></item>"
            for k in range(3)
        )
        + "</r:RDF>\n"
    )
    yield expect_ok("rdf-odd-prefix", rdf, 3, content_type="application/rdf+xml")
    yield expect_any(
        "rss-in-foreign-default-ns",
        rss_doc(headline_items(2), namespaces=' xmlns="http://example.com/ns"'),
    )
    yield expect_ok(
        "ns-xhtml-description",
        rss_doc(
            [
                rss_item(
                    1,
                    "Porsche Taycan Update",
                    description=None,
                    extra='<description><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></description>',
                )
            ]
        ),
        1,
    )


def missing_fields() -> Iterator[Variant]:
    yield expect_ok("miss-title", rss_doc([rss_item(k, None) for k in range(3)]), 3)
    yield expect_ok("miss-link", rss_doc(headline_items(3, link=False)), 3)
    yield expect_ok("miss-guid", rss_doc(headline_items(3, guid=False)), 3)
    yield expect_ok("miss-dates", rss_doc(headline_items(3, date=False)), 3)
    yield expect_ok(
        "miss-link-guid-date", rss_doc(headline_items(3, link=False, guid=False, date=False)), 3
    )
    yield expect_ok("miss-description", rss_doc(headline_items(3, description=None)), 3)
    yield expect_any(
        "miss-everything", rss_doc(["<item></item>", "<item/>", "<item><title></title></item>"])
    )
    yield expect_any("empty-channel", rss_doc([]))
    yield expect_any("no-channel", '<?xml version="1.0"?>\n<rss version="2.0"></rss>\n')
    yield expect_any("empty-root", "<rss/>")
    yield expect_any(
        "atom-entry-bare",
        atom_doc(["<entry><title>Only a title: Lancia Ypsilon</title></entry>", "<entry/>"]),
    )
    yield expect_ok(
        "dup-guids-and-links",
        rss_doc([rss_item(1, t) for t in HEADLINES[:4]]),
        4,
    )
    yield expect_ok(
        "dates-garbage",
        rss_doc(
            [
                rss_item(k, HEADLINES[k], date=False, extra=f"<pubDate>{d}</pubDate>")
                for k, d in enumerate(
                    [
                        "yesterday",
                        "0000-00-00 00:00:00",
                        "Mon, 32 Foo 2026",
                        "9999-12-31T23:59:59-12:00",
                        "Sat, 01 Jan 0001 00:00:00 +0100",
                        "",
                        "1e309",
                    ]
                )
            ]
        ),
        7,
    )


def broken_xml() -> Iterator[Variant]:
    good = rss_doc(headline_items(4))
    yield expect_any("broken-unclosed-item", good.replace("</item>", "", 2))
    yield expect_any("broken-unclosed-title", good.replace("</title>", "", 3))
    for cut in (0.1, 0.35, 0.5, 0.75, 0.97):
        yield expect_any(f"broken-truncated-{int(cut * 100)}", good[: int(len(good) * cut)])
    yield expect_any(
        "broken-truncated-mid-cdata", rss_doc(["<item><title><![CDATA[Polestar 4 arr"])
    )
    yield expect_any("broken-truncated-mid-entity", good[:200] + "&am")
    yield expect_ok("broken-garbage-after-root", good + "<script>alert(1)</script>\x00\xff junk", 4)
    yield expect_any("broken-two-roots", good + good)
    yield expect_any(
        "broken-nul-bytes", good.replace("<item>", "<item>\x00", 2).replace("Toyota", "Toy\x00ota")
    )
    yield expect_any("broken-nul-everywhere", "\x00".join(good[:3000]))
    yield expect_any(
        "broken-wrong-root", good.replace("<rss", "<feedz").replace("</rss>", "</feedz>")
    )
    yield expect_any(
        "broken-root-html-in-xml", '<?xml version="1.0"?><html><body><p>Hi</p></body></html>'
    )
    yield expect_any("broken-text-before-decl", "garbage\n" + good)
    yield expect_ok("broken-whitespace-before-decl", "\n\n   \t" + good, 4)
    yield expect_any("broken-decl-only", '<?xml version="1.0" encoding="utf-8"?>')
    yield expect_any("broken-doctype-only", "<!DOCTYPE rss>")
    yield expect_any(
        "broken-unclosed-comment", good.replace("<channel>", "<channel><!-- never closed")
    )
    yield expect_any("broken-mismatched-case", good.replace("</title>", "</TITLE>"))
    yield expect_any(
        "broken-attr-quotes", good.replace('isPermaLink="false"', "isPermaLink=\"false'")
    )
    yield expect_any("broken-lt-in-text", good.replace("short summary", "price < 30k & > 20k"))
    deep = "<x>" * 20000 + "</x>" * 20000
    yield expect_any("broken-deep-nesting", rss_doc([rss_item(1, "Deep Dive: Lotus", extra=deep)]))
    # Thousands of unclosed elements: feedparser's loose parser takes seconds per 100 KB.
    yield expect_any("broken-very-deep-unclosed", "<rss><channel>" + "<item><title>a" * 1000)
    rng = random.Random(20261126)
    yield expect_any("broken-random-bytes", bytes(rng.randrange(256) for _ in range(8000)))
    yield expect_any(
        "broken-png",
        b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)),
        content_type="image/png",
    )
    yield expect_any(
        "broken-plain-text",
        "This is not a feed. Toyota sold many cars.\n",
        content_type="text/plain",
    )
    yield expect_error("broken-empty-body", b"", "empty")
    yield expect_error("broken-whitespace-body", b" \r\n\t \n", "empty")
    html = (
        "<!DOCTYPE html><html><head><title>Dealer</title>"
        '<link rel="alternate" type="application/rss+xml" href="/feed"></head>'
        "<body><h1>Best Cars</h1><p>Visit us.</p></body></html>"
    )
    yield expect_error("html-as-text-html", html, "HTML", content_type="text/html; charset=utf-8")
    yield expect_error("html-as-rss-type", html, "HTML")
    yield expect_any(
        "html-no-doctype", "<html><body><item><title>Not really</title></item></body></html>"
    )
    yield expect_any(
        "xhtml-page",
        '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body/></html>',
    )
    yield expect_any(
        "opml-not-feed",
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="x" xmlUrl="http://x"/></body></opml>',
    )
    yield expect_any(
        "sitemap-not-feed",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x</loc></url></urlset>',
    )


def huge() -> Iterator[Variant]:
    big = "Long report on Volkswagen restructuring. " * 80_000  # ~3.3 MB
    yield expect_ok(
        "huge-description-3mb",
        rss_doc([rss_item(1, "Volkswagen Plans Deep Cuts", description=big)]),
        1,
    )
    yield expect_ok("huge-title-300kb", rss_doc([rss_item(1, "Mercedes " * 35_000)]), 1)
    yield expect_ok(
        "huge-10k-items",
        rss_doc([rss_item(k, f"Item {k}: Dacia Sales Update") for k in range(10_000)]),
        MAX_ITEMS,
    )
    yield expect_ok(
        "huge-link",
        rss_doc([rss_item(1, "Long Link: Cupra").replace("/a/1", "/a/" + "x" * 100_000)]),
        1,
    )
    yield expect_ok(
        "huge-guid",
        rss_doc([rss_item(1, "Long Guid: Genesis").replace("corpus-1", "g" * 50_000)]),
        1,
    )
    over = rss_doc([rss_item(1, "Too Big: Bentley", description="x" * 5_000_000)])
    yield expect_error("huge-over-cap", over, "byte cap")
    yield expect_error("huge-over-cap-gzip", over, "byte cap").gzipped("huge-over-cap-gzip")
    yield expect_ok(
        "huge-many-small-json",
        json_feed([json_item(k, title=f"JSON item {k}: Skoda") for k in range(3000)]),
        MAX_ITEMS,
        content_type=JSON_TYPE,
    )
