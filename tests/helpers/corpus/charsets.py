"""Corpus groups: charsets (declared, in the header only, detected, mislabelled) and entities."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from tests.helpers.corpus.documents import (
    ENCODED,
    LABELS,
    RSS_TYPE,
    Variant,
    expect_any,
    expect_ok,
    headline_items,
    rss_doc,
    rss_item,
)


def encodings() -> Iterator[Variant]:
    def doc(codec: str, label: str | None) -> tuple[str, tuple[str, str]]:
        titles = ENCODED[codec]
        return rss_doc([rss_item(i, t) for i, t in enumerate(titles)], encoding=label), titles

    for codec in ("gb18030", "gbk", "big5", "shift_jis", "euc_jp", "euc_kr", "koi8_r", "cp1252"):
        text, titles = doc(codec, LABELS[codec])
        yield expect_ok(f"enc-{codec}-declared", text.encode(codec), 2, titles=titles)
        # The same bytes, the charset only in the HTTP header.
        text, titles = doc(codec, None)
        yield expect_ok(
            f"enc-{codec}-header",
            text.encode(codec),
            2,
            titles=titles,
            content_type=f"{RSS_TYPE}; charset={LABELS[codec]}",
        )
    text, titles = doc("gb18030", None)
    yield expect_ok("enc-gb18030-undeclared", text.encode("gb18030"), 2, titles=titles)
    text, titles = doc("utf-8", "utf-8")
    yield expect_ok("enc-utf8", text, 2, titles=titles)
    yield expect_ok("enc-utf8-bom", codecs.BOM_UTF8 + text.encode(), 2, titles=titles)
    text, titles = doc("utf-8", None)
    yield expect_ok("enc-utf8-bom-undeclared", codecs.BOM_UTF8 + text.encode(), 2, titles=titles)
    yield expect_ok("enc-utf8-undeclared", text, 2, titles=titles)
    yield expect_ok(
        "enc-utf8-header-says-latin1",
        text,
        2,
        titles=titles,
        content_type=f"{RSS_TYPE}; charset=iso-8859-1",
    )
    text, titles = doc("utf-8", "UTF-16")
    yield expect_ok(
        "enc-utf16le-bom", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), 2, titles=titles
    )
    yield expect_ok(
        "enc-utf16be-bom", codecs.BOM_UTF16_BE + text.encode("utf-16-be"), 2, titles=titles
    )
    yield expect_any("enc-utf16le-no-bom", text.encode("utf-16-le"))
    yield expect_any("enc-utf32-bom", text.encode("utf-32"))
    # Latin-1 labels over cp1252 bytes (0x80-0x9F are quotes and the euro sign).
    text, titles = doc("cp1252", "ISO-8859-1")
    yield expect_ok("enc-cp1252-labelled-latin1", text.encode("cp1252"), 2, titles=titles)
    yield expect_ok(
        "enc-cp1252-header-latin1",
        doc("cp1252", None)[0].encode("cp1252"),
        2,
        titles=titles,
        content_type=f"{RSS_TYPE}; charset=ISO-8859-1",
    )
    # Mislabelled the other way: cp1252 bytes under a UTF-8 label. Read, whatever the accents.
    yield expect_ok("enc-cp1252-labelled-utf8", doc("cp1252", "utf-8")[0].encode("cp1252"), 2)
    yield expect_ok(
        "enc-latin1-header-utf8",
        doc("iso-8859-1", None)[0].encode("iso-8859-1"),
        2,
        content_type=f"{RSS_TYPE}; charset=utf-8",
    )
    utf8_titles = ENCODED["utf-8"]
    yield expect_ok(
        "enc-unknown-label", doc("utf-8", "x-no-such-charset")[0], 2, titles=utf8_titles
    )
    yield expect_ok(
        "enc-unknown-header",
        doc("utf-8", None)[0],
        2,
        content_type=f"{RSS_TYPE}; charset=klingon",
    )
    yield expect_ok("enc-ascii-undeclared", rss_doc(headline_items(3), encoding=None), 3)
    # Two charset parameters, a quoted one, an empty one.
    yield expect_ok(
        "enc-header-two-charsets",
        doc("utf-8", None)[0],
        2,
        content_type=f"{RSS_TYPE}; charset=utf-8; charset=gbk",
    )
    yield expect_ok(
        "enc-header-quoted-charset",
        doc("gb18030", None)[0].encode("gb18030"),
        2,
        titles=ENCODED["gb18030"],
        content_type=f'{RSS_TYPE}; charset="GB18030"',
    )
    yield expect_ok(
        "enc-header-empty-charset",
        doc("utf-8", None)[0],
        2,
        titles=utf8_titles,
        content_type=f"{RSS_TYPE}; charset=",
    )
    # Mixed: mostly UTF-8 with one stray Latin-1 byte.
    mixed = rss_doc(headline_items(2)).encode().replace(b"short summary", b"short \xe9summary")
    yield expect_ok("enc-utf8-with-stray-latin1", mixed, 2)


def entities() -> Iterator[Variant]:
    yield expect_ok(
        "ent-html-named",
        rss_doc(
            [rss_item(1, "Citro&euml;n &amp; Peugeot &mdash; &euro;30k&nbsp;deal", raw_title=True)]
        ),
        1,
        titles=("Citroën & Peugeot — €30k deal",),
    )
    yield expect_ok(
        "ent-double-escaped",
        rss_doc(
            [
                rss_item(
                    1,
                    "Ford &amp;amp; Rivian: &amp;lt;b&amp;gt;deal&amp;lt;/b&amp;gt;",
                    raw_title=True,
                )
            ]
        ),
        1,
    )
    yield expect_any(
        "ent-undefined", rss_doc([rss_item(1, "Audi &bogusentity; Q6 &; done", raw_title=True)])
    )
    yield expect_ok(
        "ent-numeric",
        rss_doc([rss_item(1, "Lexus &#8220;LFA&#8221; &#x1F697; &#169;", raw_title=True)]),
        1,
        titles=("Lexus “LFA” 🚗 ©",),
    )
    yield expect_any(
        "ent-numeric-invalid-chars",
        rss_doc([rss_item(1, "Nissan &#0; &#x1; &#xFFFE; &#27;[31m Leaf", raw_title=True)]),
    )
    yield expect_ok(
        "ent-numeric-out-of-range",
        rss_doc([rss_item(1, "Isuzu &#1114112; &#99999999999999999999; D-Max", raw_title=True)]),
        1,
    )
    # A character reference to a surrogate: one bad reference must not cost the whole feed.
    yield expect_ok(
        "ent-numeric-surrogate",
        rss_doc([rss_item(1, "Infiniti &#xD800; QX80", raw_title=True)]),
        1,
    )
    yield expect_ok(
        "ent-internal-dtd",
        rss_doc(
            [rss_item(1, "&maker; Recalls 5,000 Cars", raw_title=True)],
            doctype='<!DOCTYPE rss [<!ENTITY maker "Subaru">]>\n',
        ),
        1,
    )
    # Billion laughs: must neither hang nor eat the memory.
    lol = "".join(f'<!ENTITY l{k} "{("&l" + str(k - 1) + ";") * 10}">' for k in range(1, 10))
    yield expect_any(
        "ent-billion-laughs",
        rss_doc(
            [rss_item(1, "&l9; Honda", raw_title=True)],
            doctype=f'<!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>\n',
        ),
    )
    # External entities must not read local files into the digest.
    yield expect_any(
        "ent-xxe-file",
        rss_doc(
            [rss_item(1, "Mitsubishi &xxe; Outlander", raw_title=True)],
            doctype='<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
        ),
        absent=("root:x:0:0", "/bin/sh", "/usr/sbin/nologin"),
    )
    yield expect_any(
        "ent-xxe-parameter",
        rss_doc(
            [rss_item(1, "Suzuki Swift", raw_title=True)],
            doctype='<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n',
        ),
        absent=("root:x:0:0",),
    )
    yield expect_ok(
        "ent-stray-ampersands",
        rss_doc([rss_item(1, "AT&T and Ford & Co. <3 Q&A", raw_title=True)]).replace("<3", "&lt;3"),
        1,
    )
    yield expect_ok(
        "ent-in-link-query",
        rss_doc(
            [rss_item(1, "Opel Astra", extra="<comments>http://x.example/?a=1&b=2</comments>")]
        ),
        1,
    )
    yield expect_ok(
        "ent-cdata-html",
        rss_doc(
            [
                "<item><title><![CDATA[Jeep <b>Wagoneer</b> & Grand Cherokee]]></title>"
                "<link>http://news.example.com/cd</link>"
                "<description><![CDATA[<p>Escaped? &amp; not]]]]><![CDATA[></p>]]></description>"
                "</item>"
            ]
        ),
        1,
    )
