"""Corpus group: what HTTP does to a feed (compression, status codes, content types)."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator

from tests.helpers.corpus.documents import (
    ATOM_TYPE,
    ENCODED,
    JSON_TYPE,
    MAX_ITEMS,
    Variant,
    atom_doc,
    atom_entry,
    expect_any,
    expect_error,
    expect_ok,
    headline_items,
    json_feed,
    json_item,
    rss_doc,
    rss_item,
)


def transport() -> Iterator[Variant]:
    plain = rss_doc(headline_items(3))
    yield expect_ok("ct-none", plain, 3, content_type=None)
    yield expect_ok("ct-octet-stream", plain, 3, content_type="application/octet-stream")
    yield expect_ok("ct-text-html-but-rss", plain, 3, content_type="text/html")
    yield expect_ok("ct-text-xml", plain, 3, content_type="text/xml")
    yield expect_ok("ct-image-png-but-rss", plain, 3, content_type="image/png")
    yield expect_ok("ct-garbage", plain, 3, content_type=";;; charset")
    yield expect_ok("ct-json-but-rss", plain, 3, content_type="application/json")
    yield expect_ok(
        "ct-rss-but-json", json_feed([json_item(1)]), 1, content_type="application/rss+xml"
    )
    yield expect_ok("gzip-rss", plain, 3).gzipped()
    yield expect_ok(
        "gzip-atom", atom_doc([atom_entry(k) for k in range(2)]), 2, content_type=ATOM_TYPE
    ).gzipped()
    yield expect_ok("gzip-json", json_feed([json_item(1)]), 1, content_type=JSON_TYPE).gzipped()
    yield expect_ok(
        "gzip-gb18030",
        rss_doc([rss_item(1, ENCODED["gb18030"][1])], encoding="gb18030").encode("gb18030"),
        1,
        titles=(ENCODED["gb18030"][1],),
    ).gzipped()
    yield expect_ok(
        "gzip-2k-items",
        rss_doc([rss_item(k, f"Zipped {k}: Fiat Output") for k in range(2000)]),
        MAX_ITEMS,
    ).gzipped()
    yield Variant(
        "deflate-rss",
        zlib.compress(plain.encode()),
        expect="ok",
        items=3,
        headers=(("Content-Encoding", "deflate"),),
    )
    yield Variant(
        "deflate-raw-rss",
        zlib.compress(plain.encode())[2:-4],
        expect="ok",
        items=3,
        headers=(("Content-Encoding", "deflate"),),
    )
    # Claims gzip but is plain, and gzip cut short.
    yield expect_error(
        "gzip-claimed-plain", plain, "compressed", headers=(("Content-Encoding", "gzip"),)
    )
    truncated = gzip.compress(plain.encode(), mtime=0)
    yield expect_any(
        "gzip-truncated", truncated[: len(truncated) // 2], headers=(("Content-Encoding", "gzip"),)
    )
    yield expect_any(
        "gzip-double",
        gzip.compress(gzip.compress(plain.encode(), mtime=0), mtime=0),
        headers=(("Content-Encoding", "gzip"),),
    )
    yield expect_any("encoding-unknown", plain, headers=(("Content-Encoding", "x-snappy"),))
    yield expect_ok(
        "redirect-to-feed", b"", 3, status=301, headers=(("Location", "/feed/gzip-rss-gzip"),)
    )
    yield expect_error(
        "redirect-loop", b"", "redirect", status=302, headers=(("Location", "/feed/redirect-loop"),)
    )
    yield expect_error("http-404", b"gone", "404", status=404)
    yield expect_error("http-410", b"", "410", status=410)
    yield expect_error(
        "http-403-html", b"<html>forbidden</html>", "403", status=403, content_type="text/html"
    )
    yield expect_any("http-204", b"", status=204)
    yield expect_any("http-203-feed", plain, status=203)
