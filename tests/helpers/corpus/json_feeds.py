"""Corpus group: JSON Feeds, well- and ill-formed."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator

from tests.helpers.corpus.documents import (
    DROP,
    ENCODED,
    JSON_TYPE,
    Variant,
    expect_any,
    expect_ok,
    json_feed,
    json_item,
)


def json_feeds() -> Iterator[Variant]:
    good = [json_item(k) for k in range(3)]
    yield expect_ok("json-1.0", json_feed(good, "1"), 3, content_type=JSON_TYPE)
    yield expect_ok("json-1.1", json_feed(good), 3, content_type=JSON_TYPE)
    yield expect_ok("json-as-application-json", json_feed(good), 3, content_type="application/json")
    yield expect_ok("json-as-text-plain", json_feed(good), 3, content_type="text/plain")
    yield expect_ok("json-as-rss-type", json_feed(good), 3)
    yield expect_ok("json-no-content-type", json_feed(good), 3, content_type=None)
    yield expect_ok("json-bom", codecs.BOM_UTF8 + json_feed(good), 3, content_type=JSON_TYPE)
    yield expect_ok(
        "json-utf16",
        codecs.BOM_UTF16_LE + json_feed(good).decode().encode("utf-16-le"),
        3,
        content_type=JSON_TYPE,
    )
    yield expect_ok(
        "json-chinese",
        json_feed(
            [json_item(0, title=ENCODED["gb18030"][0]), json_item(1, title=ENCODED["big5"][0])]
        ),
        2,
        titles=(ENCODED["gb18030"][0], ENCODED["big5"][0]),
        content_type=JSON_TYPE,
    )
    yield expect_any("json-items-null", json_feed(None), content_type=JSON_TYPE)
    yield expect_any("json-items-object", json_feed({"a": json_item(1)}), content_type=JSON_TYPE)
    yield expect_any("json-items-string", json_feed("items"), content_type=JSON_TYPE)
    yield expect_any("json-items-empty", json_feed([]), content_type=JSON_TYPE)
    yield expect_ok(
        "json-null-and-junk-items",
        json_feed([None, 1, "x", [], True, json_item(1), {}]),
        1,
        content_type=JSON_TYPE,
    )
    wrong = [
        json_item(0, title=12345),
        json_item(1, title=["BMW", "iX3"]),
        json_item(2, title={"text": "Audi"}),
        json_item(3, url=42),
        json_item(4, url=["http://a", "http://b"]),
        json_item(5, date_published=1732608000),
        json_item(6, date_published="not a date"),
        json_item(7, date_published="0001-01-01T00:00:00+01:00"),
        json_item(8, date_published="9999-12-31T23:59:59-12:00"),
        json_item(9, id={"nested": True}),
        json_item(10, id=None),
        json_item(11, content_html=["<p>x</p>"], content_text=None),
        json_item(12, summary=False),
        json_item(13, tags="not-a-list", image=5, attachments={}),
        json_item(14, title=None, url=DROP, external_url="http://news.example.com/ext"),
        json_item(15, title=True),
        json_item(16, title=1e308),
    ]
    yield expect_any("json-wrong-field-types", json_feed(wrong), content_type=JSON_TYPE)
    yield expect_ok(
        "json-author-string", json_feed([json_item(1, author="Ann")]), 1, content_type=JSON_TYPE
    )
    yield expect_ok(
        "json-authors-strings",
        json_feed([json_item(1, authors=["Ann", None])]),
        1,
        content_type=JSON_TYPE,
    )
    yield expect_ok(
        "json-authors-number", json_feed([json_item(1, authors=5)]), 1, content_type=JSON_TYPE
    )
    yield expect_any(
        "json-authors-object",
        json_feed([json_item(1, authors={"name": "Bo"})]),
        content_type=JSON_TYPE,
    )
    yield expect_any(
        "json-top-level-array", json.dumps([json_item(1)]).encode(), content_type=JSON_TYPE
    )
    yield expect_any(
        "json-top-level-string", b'"https://jsonfeed.org/version/1.1"', content_type=JSON_TYPE
    )
    yield expect_any(
        "json-no-version", json.dumps({"items": [json_item(1)]}).encode(), content_type=JSON_TYPE
    )
    yield expect_any("json-unknown-version", json_feed(good, "9"), content_type=JSON_TYPE)
    yield expect_any(
        "json-version-number",
        json.dumps({"version": 1.1, "items": good}).encode(),
        content_type=JSON_TYPE,
    )
    yield expect_any("json-trailing-comma", json_feed(good)[:-2] + b",]}", content_type=JSON_TYPE)
    yield expect_any("json-truncated", json_feed(good)[:150], content_type=JSON_TYPE)
    yield expect_any(
        "json-nan-infinity",
        json_feed(good)
        .replace(b'"Plain text content."', b"NaN", 1)
        .replace(b'"Plain text content."', b"-Infinity", 1),
        content_type=JSON_TYPE,
    )
    yield expect_any(
        "json-huge-number",
        json_feed(good).replace(b'"j1"', b"1" + b"0" * 5000, 1),
        content_type=JSON_TYPE,
    )
    yield expect_any(
        "json-deep-nesting",
        json_feed([json_item(1)], extra=None).replace(
            b'"extra": null', b'"extra": ' + b"[" * 100_000 + b"]" * 100_000
        ),
        content_type=JSON_TYPE,
    )
    yield expect_any(
        "json-duplicate-keys",
        json_feed(good).replace(b'"title": "Corpus JSON"', b'"title": 1, "title": "Twice"'),
        content_type=JSON_TYPE,
    )
    # "\ud800" escapes are valid JSON but decode to lone surrogates, which UTF-8 cannot carry.
    surrogate = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Bad \udc00 title",
            "items": [
                json_item(1, title="Lone \ud800 surrogate: Chery", url="http://x.example/\udfff"),
                json_item(
                    2, id="\ud83d", summary="half an emoji \ud83d", authors=[{"name": "\udc9f"}]
                ),
            ],
        }
    ).encode("ascii")
    yield expect_ok("json-lone-surrogates", surrogate, 2, content_type=JSON_TYPE)
    yield expect_any(
        "json-html-in-fields",
        json_feed(
            [
                json_item(
                    1,
                    title="<script>alert(1)</script>Jaguar <b>Type 00</b>",
                    content_html="<iframe src=x></iframe>",
                )
            ]
        ),
        content_type=JSON_TYPE,
    )
