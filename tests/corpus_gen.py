"""A deterministic corpus of well- and ill-formed feeds, for tests/test_corpus_cli.py.

Every call to :func:`variants` gives the same documents, byte for byte (no clocks, no randomness
beyond a seeded ``random.Random``, gzip with mtime 0). Each :class:`Variant` is one HTTP response:
body, headers, status, and what autonews should make of it:

- ``expect="ok"``: the feed must be read (status ``ok``), with ``items`` entries when given, and
  every title in ``titles`` must reach the digest (the charset tests: decoded right);
- ``expect="error"``: the feed must be reported failed, the error containing ``error``;
- ``expect="any"``: broken input; either outcome, but a status and no traceback.

``python -m tests.corpus_gen DIR`` writes the corpus to DIR (one file per variant plus
``index.tsv``) for looking at or for the benchmarks.
"""

from __future__ import annotations

import codecs
import gzip
import json
import random
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
JSON_TYPE = "application/feed+json"
# A fixed moment, so documents are identical on every run; `--since all` reads them whatever
# the date (future dates are clamped by the store, old ones are still in the store's window).
DATE = "Thu, 26 Nov 2026 08:00:00 GMT"
ISO_DATE = "2026-11-26T08:00:00Z"
# The runner must configure these ([fetch] max_bytes, max_items_per_feed): the expectations of
# the huge feeds depend on them.
MAX_BYTES = 4_000_000  # the 3.3 MB feed fits, the 5 MB ones do not
MAX_ITEMS = 50

HEADLINES = (
    "Toyota Recalls 41,000 bZ4X SUVs Over Wheel Hub Bolts",
    "BYD Cuts Prices on Seven Models by Up to 34%",
    "Volvo Names New Chief Executive After Profit Warning",
    "Hyundai Opens $7.6 Billion Georgia Battery Plant",
    "Kia Launches EV3 in Europe From 35,990 Euros",
    "Renault and Geely Sign Powertrain Joint Venture",
    "Stellantis Idles Windsor Plant for Two Weeks",
    "Nio Reports Third-Quarter Net Loss of 3.5 Billion Yuan",
    "Mazda Unveils Rotary Hybrid Concept in Tokyo",
    "Ford Recalls 90,000 Mustang Mach-E Over Battery Contactor",
    "Xiaomi SU7 Deliveries Pass 100,000 Units",
    "EU Agrees Tariffs on Chinese Electric Cars",
)

# Non-ASCII titles, one per legacy encoding: each must come through decoded right.
ENCODED = {
    "gb18030": ("比亚迪十月销量创新高 䶮𠀀", "蔚来任命王喆为供应链副总裁"),
    "gbk": ("吉利汽车发布新款银河E5", "长安汽车与华为深化合作"),
    "big5": ("裕隆汽車發表新款電動休旅車", "和泰汽車十月銷量成長"),
    "shift_jis": ("日産、追浜工場の生産体制を見直し", "スズキ、インド向け新型車を発表"),
    "euc_jp": ("マツダ、ロータリーエンジン搭載車を発表", "ホンダ、新型アコードを公開"),
    "euc_kr": ("현대차, 조지아 배터리 공장 가동", "기아, 유럽에 EV3 출시"),
    "koi8_r": ("АвтоВАЗ возобновил выпуск Lada Vesta", "Лада Гранта подорожала"),
    "iso-8859-1": ("Peugeot présente la nouvelle 3008 à Sochaux", "Größere Batterie für Opel"),
    "cp1252": ("Škoda’s “Elroq” priced from €33,900 – orders open", "Citroën ë-C3 — €23,300"),
    "utf-8": ("Citroën ë-C3 Aircross: première drive", "小米汽车交付量突破10万台 🚗"),
}
LABELS = {
    "gb18030": "GB18030",
    "gbk": "GBK",
    "big5": "Big5",
    "shift_jis": "Shift_JIS",
    "euc_jp": "EUC-JP",
    "euc_kr": "EUC-KR",
    "koi8_r": "KOI8-R",
    "cp1252": "windows-1252",
}


@dataclass(frozen=True)
class Variant:
    name: str  # unique slug: the URL path and the feed's name in the config
    body: bytes
    content_type: str | None = RSS_TYPE
    headers: tuple[tuple[str, str], ...] = ()
    status: int = 200
    expect: str = "any"  # ok | error | any
    items: int | None = None  # exact entry count, when expect == "ok"
    titles: tuple[str, ...] = ()  # titles that must reach the digest
    error: str = ""  # a substring of the error message, when expect == "error"
    absent: tuple[str, ...] = ()  # strings that must appear nowhere in the output
    group: str = ""

    def gzipped(self, name: str | None = None) -> Variant:
        return replace(
            self,
            name=name or self.name + "-gzip",
            body=gzip.compress(self.body, mtime=0),
            headers=(*self.headers, ("Content-Encoding", "gzip")),
        )


# --- document builders ------------------------------------------------------------------------


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss_item(
    n: int,
    title: str | None = None,
    *,
    link: bool = True,
    guid: bool = True,
    date: bool = True,
    description: str | None = "A short summary of the story.",
    extra: str = "",
    raw_title: bool = False,
) -> str:
    parts = []
    if title is not None:
        parts.append(f"<title>{title if raw_title else _esc(title)}</title>")
    if link:
        parts.append(f"<link>http://news.example.com/a/{n}</link>")
    if guid:
        parts.append(f'<guid isPermaLink="false">corpus-{n}</guid>')
    if date:
        parts.append(f"<pubDate>{DATE}</pubDate>")
    if description is not None:
        parts.append(f"<description>{_esc(description)}</description>")
    return "<item>" + "".join(parts) + extra + "</item>"


def rss_doc(
    items: list[str] | str,
    *,
    encoding: str | None = "utf-8",
    namespaces: str = "",
    channel_extra: str = "",
    doctype: str = "",
    title: str = "Corpus Wire",
) -> str:
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>\n' if encoding else ""
    body = items if isinstance(items, str) else "\n".join(items)
    return (
        f'{declaration}{doctype}<rss version="2.0"{namespaces}><channel><title>{title}</title>'
        f"<link>http://news.example.com/</link>{channel_extra}\n{body}\n</channel></rss>\n"
    )


def headline_items(count: int = 3, start: int = 0, **options: object) -> list[str]:
    return [
        rss_item(start + k, HEADLINES[(start + k) % len(HEADLINES)], **options)  # type: ignore[arg-type]
        for k in range(count)
    ]


def atom_entry(n: int, title: str | None = None, *, prefix: str = "", extra: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    title = HEADLINES[n % len(HEADLINES)] if title is None else title
    return (
        f"<{p}entry><{p}title>{_esc(title)}</{p}title>"
        f'<{p}link rel="alternate" href="http://news.example.com/atom/{n}"/>'
        f"<{p}id>urn:corpus:{n}</{p}id><{p}updated>{ISO_DATE}</{p}updated>"
        f"<{p}summary>Summary {n}.</{p}summary>{extra}</{p}entry>"
    )


def atom_doc(
    entries: list[str], *, prefix: str = "", ns: str = "http://www.w3.org/2005/Atom"
) -> str:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{ns}"' if prefix else f'xmlns="{ns}"'
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<{p}feed {xmlns}><{p}title>Corpus Atom</{p}title>'
        f"<{p}id>urn:corpus</{p}id><{p}updated>{ISO_DATE}</{p}updated>"
        + "".join(entries)
        + f"</{p}feed>\n"
    )


def json_feed(items: object, version: str = "1.1", **top: object) -> bytes:
    document: dict[str, object] = {
        "version": f"https://jsonfeed.org/version/{version}",
        "title": "Corpus JSON",
        "home_page_url": "http://news.example.com/",
        **top,
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def json_item(n: int, **fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": f"j{n}",
        "url": f"http://news.example.com/j/{n}",
        "title": HEADLINES[n % len(HEADLINES)],
        "content_text": "Plain text content.",
        "date_published": ISO_DATE,
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not _DROP}


_DROP = object()


def _ok(name: str, text: str | bytes, n: int | None = None, **kw: object) -> Variant:
    body = text.encode("utf-8") if isinstance(text, str) else text
    return Variant(name, body, expect="ok", items=n, **kw)  # type: ignore[arg-type]


def _any(name: str, text: str | bytes, **kw: object) -> Variant:
    body = text.encode("utf-8") if isinstance(text, str) else text
    return Variant(name, body, **kw)  # type: ignore[arg-type]


def _err(name: str, text: str | bytes, error: str = "", **kw: object) -> Variant:
    body = text.encode("utf-8") if isinstance(text, str) else text
    return Variant(name, body, expect="error", error=error, **kw)  # type: ignore[arg-type]


# --- the groups ---------------------------------------------------------------------------------


def encodings() -> Iterator[Variant]:
    def doc(codec: str, label: str | None) -> tuple[str, tuple[str, str]]:
        titles = ENCODED[codec]
        return rss_doc([rss_item(i, t) for i, t in enumerate(titles)], encoding=label), titles

    for codec in ("gb18030", "gbk", "big5", "shift_jis", "euc_jp", "euc_kr", "koi8_r", "cp1252"):
        text, titles = doc(codec, LABELS[codec])
        yield _ok(f"enc-{codec}-declared", text.encode(codec), 2, titles=titles)
        # The same bytes, the charset only in the HTTP header.
        text, titles = doc(codec, None)
        yield _ok(
            f"enc-{codec}-header",
            text.encode(codec),
            2,
            titles=titles,
            content_type=f"{RSS_TYPE}; charset={LABELS[codec]}",
        )
    text, titles = doc("gb18030", None)
    yield _ok("enc-gb18030-undeclared", text.encode("gb18030"), 2, titles=titles)
    text, titles = doc("utf-8", "utf-8")
    yield _ok("enc-utf8", text, 2, titles=titles)
    yield _ok("enc-utf8-bom", codecs.BOM_UTF8 + text.encode(), 2, titles=titles)
    text, titles = doc("utf-8", None)
    yield _ok("enc-utf8-bom-undeclared", codecs.BOM_UTF8 + text.encode(), 2, titles=titles)
    yield _ok("enc-utf8-undeclared", text, 2, titles=titles)
    yield _ok(
        "enc-utf8-header-says-latin1",
        text,
        2,
        titles=titles,
        content_type=f"{RSS_TYPE}; charset=iso-8859-1",
    )
    text, titles = doc("utf-8", "UTF-16")
    yield _ok("enc-utf16le-bom", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), 2, titles=titles)
    yield _ok("enc-utf16be-bom", codecs.BOM_UTF16_BE + text.encode("utf-16-be"), 2, titles=titles)
    yield _any("enc-utf16le-no-bom", text.encode("utf-16-le"))
    yield _any("enc-utf32-bom", text.encode("utf-32"))
    # Latin-1 labels over cp1252 bytes (0x80-0x9F are quotes and the euro sign).
    text, titles = doc("cp1252", "ISO-8859-1")
    yield _ok("enc-cp1252-labelled-latin1", text.encode("cp1252"), 2, titles=titles)
    yield _ok(
        "enc-cp1252-header-latin1",
        doc("cp1252", None)[0].encode("cp1252"),
        2,
        titles=titles,
        content_type=f"{RSS_TYPE}; charset=ISO-8859-1",
    )
    # Mislabelled the other way: cp1252 bytes under a UTF-8 label. Read, whatever the accents.
    yield _ok("enc-cp1252-labelled-utf8", doc("cp1252", "utf-8")[0].encode("cp1252"), 2)
    yield _ok(
        "enc-latin1-header-utf8",
        doc("iso-8859-1", None)[0].encode("iso-8859-1"),
        2,
        content_type=f"{RSS_TYPE}; charset=utf-8",
    )
    utf8_titles = ENCODED["utf-8"]
    yield _ok("enc-unknown-label", doc("utf-8", "x-no-such-charset")[0], 2, titles=utf8_titles)
    yield _ok(
        "enc-unknown-header",
        doc("utf-8", None)[0],
        2,
        content_type=f"{RSS_TYPE}; charset=klingon",
    )
    yield _ok("enc-ascii-undeclared", rss_doc(headline_items(3), encoding=None), 3)
    # Two charset parameters, a quoted one, an empty one.
    yield _ok(
        "enc-header-two-charsets",
        doc("utf-8", None)[0],
        2,
        content_type=f"{RSS_TYPE}; charset=utf-8; charset=gbk",
    )
    yield _ok(
        "enc-header-quoted-charset",
        doc("gb18030", None)[0].encode("gb18030"),
        2,
        titles=ENCODED["gb18030"],
        content_type=f'{RSS_TYPE}; charset="GB18030"',
    )
    yield _ok(
        "enc-header-empty-charset",
        doc("utf-8", None)[0],
        2,
        titles=utf8_titles,
        content_type=f"{RSS_TYPE}; charset=",
    )
    # Mixed: mostly UTF-8 with one stray Latin-1 byte.
    mixed = rss_doc(headline_items(2)).encode().replace(b"short summary", b"short \xe9summary")
    yield _ok("enc-utf8-with-stray-latin1", mixed, 2)


def entities() -> Iterator[Variant]:
    yield _ok(
        "ent-html-named",
        rss_doc(
            [rss_item(1, "Citro&euml;n &amp; Peugeot &mdash; &euro;30k&nbsp;deal", raw_title=True)]
        ),
        1,
        titles=("Citroën & Peugeot — €30k deal",),
    )
    yield _ok(
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
    yield _any(
        "ent-undefined", rss_doc([rss_item(1, "Audi &bogusentity; Q6 &; done", raw_title=True)])
    )
    yield _ok(
        "ent-numeric",
        rss_doc([rss_item(1, "Lexus &#8220;LFA&#8221; &#x1F697; &#169;", raw_title=True)]),
        1,
        titles=("Lexus “LFA” 🚗 ©",),
    )
    yield _any(
        "ent-numeric-invalid-chars",
        rss_doc([rss_item(1, "Nissan &#0; &#x1; &#xFFFE; &#27;[31m Leaf", raw_title=True)]),
    )
    yield _ok(
        "ent-numeric-out-of-range",
        rss_doc([rss_item(1, "Isuzu &#1114112; &#99999999999999999999; D-Max", raw_title=True)]),
        1,
    )
    # A character reference to a surrogate: one bad reference must not cost the whole feed.
    yield _ok(
        "ent-numeric-surrogate",
        rss_doc([rss_item(1, "Infiniti &#xD800; QX80", raw_title=True)]),
        1,
    )
    yield _ok(
        "ent-internal-dtd",
        rss_doc(
            [rss_item(1, "&maker; Recalls 5,000 Cars", raw_title=True)],
            doctype='<!DOCTYPE rss [<!ENTITY maker "Subaru">]>\n',
        ),
        1,
    )
    # Billion laughs: must neither hang nor eat the memory.
    lol = "".join(f'<!ENTITY l{k} "{("&l" + str(k - 1) + ";") * 10}">' for k in range(1, 10))
    yield _any(
        "ent-billion-laughs",
        rss_doc(
            [rss_item(1, "&l9; Honda", raw_title=True)],
            doctype=f'<!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>\n',
        ),
    )
    # External entities must not read local files into the digest.
    yield _any(
        "ent-xxe-file",
        rss_doc(
            [rss_item(1, "Mitsubishi &xxe; Outlander", raw_title=True)],
            doctype='<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
        ),
        absent=("root:x:0:0", "/bin/sh", "/usr/sbin/nologin"),
    )
    yield _any(
        "ent-xxe-parameter",
        rss_doc(
            [rss_item(1, "Suzuki Swift", raw_title=True)],
            doctype='<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n',
        ),
        absent=("root:x:0:0",),
    )
    yield _ok(
        "ent-stray-ampersands",
        rss_doc([rss_item(1, "AT&T and Ford & Co. <3 Q&A", raw_title=True)]).replace("<3", "&lt;3"),
        1,
    )
    yield _ok(
        "ent-in-link-query",
        rss_doc(
            [rss_item(1, "Opel Astra", extra="<comments>http://x.example/?a=1&b=2</comments>")]
        ),
        1,
    )
    yield _ok(
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
    yield _ok("ns-content-dc-media-atom", rss_doc(items, namespaces=ns, channel_extra=channel), 3)
    yield _ok(
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
    yield _any(
        "ns-undeclared-prefix",
        rss_doc(
            [rss_item(1, "Seat Ibiza", extra="<dc:creator>X</dc:creator><foo:bar>y</foo:bar>")]
        ),
    )
    # Same namespaces under unusual prefixes.
    odd = ' xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:d="http://purl.org/dc/elements/1.1/"'
    yield _ok(
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
    yield _ok(
        "atom-prefixed", atom_doc([atom_entry(k, prefix="a") for k in range(3)], prefix="a"), 3
    )
    yield _ok(
        "atom-default-ns", atom_doc([atom_entry(k) for k in range(3)]), 3, content_type=ATOM_TYPE
    )
    yield _any(
        "atom-wrong-ns",
        atom_doc([atom_entry(k) for k in range(2)], ns="http://example.com/not-atom"),
    )
    yield _any("atom-no-ns", atom_doc([atom_entry(k) for k in range(2)], ns=""))
    rdf = (
        '<?xml version="1.0"?>\n<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel r:about="http://news.example.com/"><title>RDF</title>'
        "<link>http://news.example.com/</link></channel>"
        + "".join(
            f'<item r:about="http://news.example.com/rdf/{k}"><title>{_esc(HEADLINES[k])}</title>'
            f"<link>http://news.example.com/rdf/{k}</link><dc:date>{ISO_DATE}</dc:date></item>"
            for k in range(3)
        )
        + "</r:RDF>\n"
    )
    yield _ok("rdf-odd-prefix", rdf, 3, content_type="application/rdf+xml")
    yield _any(
        "rss-in-foreign-default-ns",
        rss_doc(headline_items(2), namespaces=' xmlns="http://example.com/ns"'),
    )
    yield _ok(
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
    yield _ok("miss-title", rss_doc([rss_item(k, None) for k in range(3)]), 3)
    yield _ok("miss-link", rss_doc(headline_items(3, link=False)), 3)
    yield _ok("miss-guid", rss_doc(headline_items(3, guid=False)), 3)
    yield _ok("miss-dates", rss_doc(headline_items(3, date=False)), 3)
    yield _ok(
        "miss-link-guid-date", rss_doc(headline_items(3, link=False, guid=False, date=False)), 3
    )
    yield _ok("miss-description", rss_doc(headline_items(3, description=None)), 3)
    yield _any(
        "miss-everything", rss_doc(["<item></item>", "<item/>", "<item><title></title></item>"])
    )
    yield _any("empty-channel", rss_doc([]))
    yield _any("no-channel", '<?xml version="1.0"?>\n<rss version="2.0"></rss>\n')
    yield _any("empty-root", "<rss/>")
    yield _any(
        "atom-entry-bare",
        atom_doc(["<entry><title>Only a title: Lancia Ypsilon</title></entry>", "<entry/>"]),
    )
    yield _ok(
        "dup-guids-and-links",
        rss_doc([rss_item(1, t) for t in HEADLINES[:4]]),
        4,
    )
    yield _ok(
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
    yield _any("broken-unclosed-item", good.replace("</item>", "", 2))
    yield _any("broken-unclosed-title", good.replace("</title>", "", 3))
    for cut in (0.1, 0.35, 0.5, 0.75, 0.97):
        yield _any(f"broken-truncated-{int(cut * 100)}", good[: int(len(good) * cut)])
    yield _any("broken-truncated-mid-cdata", rss_doc(["<item><title><![CDATA[Polestar 4 arr"]))
    yield _any("broken-truncated-mid-entity", good[:200] + "&am")
    yield _ok("broken-garbage-after-root", good + "<script>alert(1)</script>\x00\xff junk", 4)
    yield _any("broken-two-roots", good + good)
    yield _any(
        "broken-nul-bytes", good.replace("<item>", "<item>\x00", 2).replace("Toyota", "Toy\x00ota")
    )
    yield _any("broken-nul-everywhere", "\x00".join(good[:3000]))
    yield _any("broken-wrong-root", good.replace("<rss", "<feedz").replace("</rss>", "</feedz>"))
    yield _any(
        "broken-root-html-in-xml", '<?xml version="1.0"?><html><body><p>Hi</p></body></html>'
    )
    yield _any("broken-text-before-decl", "garbage\n" + good)
    yield _ok("broken-whitespace-before-decl", "\n\n   \t" + good, 4)
    yield _any("broken-decl-only", '<?xml version="1.0" encoding="utf-8"?>')
    yield _any("broken-doctype-only", "<!DOCTYPE rss>")
    yield _any("broken-unclosed-comment", good.replace("<channel>", "<channel><!-- never closed"))
    yield _any("broken-mismatched-case", good.replace("</title>", "</TITLE>"))
    yield _any("broken-attr-quotes", good.replace('isPermaLink="false"', "isPermaLink=\"false'"))
    yield _any("broken-lt-in-text", good.replace("short summary", "price < 30k & > 20k"))
    deep = "<x>" * 20000 + "</x>" * 20000
    yield _any("broken-deep-nesting", rss_doc([rss_item(1, "Deep Dive: Lotus", extra=deep)]))
    # Thousands of unclosed elements: feedparser's loose parser takes seconds per 100 KB.
    yield _any("broken-very-deep-unclosed", "<rss><channel>" + "<item><title>a" * 1000)
    rng = random.Random(20261126)
    yield _any("broken-random-bytes", bytes(rng.randrange(256) for _ in range(8000)))
    yield _any(
        "broken-png",
        b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)),
        content_type="image/png",
    )
    yield _any(
        "broken-plain-text",
        "This is not a feed. Toyota sold many cars.\n",
        content_type="text/plain",
    )
    yield _err("broken-empty-body", b"", "empty")
    yield _err("broken-whitespace-body", b" \r\n\t \n", "empty")
    html = (
        "<!DOCTYPE html><html><head><title>Dealer</title>"
        '<link rel="alternate" type="application/rss+xml" href="/feed"></head>'
        "<body><h1>Best Cars</h1><p>Visit us.</p></body></html>"
    )
    yield _err("html-as-text-html", html, "HTML", content_type="text/html; charset=utf-8")
    yield _err("html-as-rss-type", html, "HTML")
    yield _any(
        "html-no-doctype", "<html><body><item><title>Not really</title></item></body></html>"
    )
    yield _any(
        "xhtml-page",
        '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body/></html>',
    )
    yield _any(
        "opml-not-feed",
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="x" xmlUrl="http://x"/></body></opml>',
    )
    yield _any(
        "sitemap-not-feed",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x</loc></url></urlset>',
    )


def huge() -> Iterator[Variant]:
    big = "Long report on Volkswagen restructuring. " * 80_000  # ~3.3 MB
    yield _ok(
        "huge-description-3mb",
        rss_doc([rss_item(1, "Volkswagen Plans Deep Cuts", description=big)]),
        1,
    )
    yield _ok("huge-title-300kb", rss_doc([rss_item(1, "Mercedes " * 35_000)]), 1)
    yield _ok(
        "huge-10k-items",
        rss_doc([rss_item(k, f"Item {k}: Dacia Sales Update") for k in range(10_000)]),
        MAX_ITEMS,
    )
    yield _ok(
        "huge-link",
        rss_doc([rss_item(1, "Long Link: Cupra").replace("/a/1", "/a/" + "x" * 100_000)]),
        1,
    )
    yield _ok(
        "huge-guid",
        rss_doc([rss_item(1, "Long Guid: Genesis").replace("corpus-1", "g" * 50_000)]),
        1,
    )
    over = rss_doc([rss_item(1, "Too Big: Bentley", description="x" * 5_000_000)])
    yield _err("huge-over-cap", over, "byte cap")
    yield _err("huge-over-cap-gzip", over, "byte cap").gzipped("huge-over-cap-gzip")
    yield _ok(
        "huge-many-small-json",
        json_feed([json_item(k, title=f"JSON item {k}: Skoda") for k in range(3000)]),
        MAX_ITEMS,
        content_type=JSON_TYPE,
    )


def json_feeds() -> Iterator[Variant]:
    good = [json_item(k) for k in range(3)]
    yield _ok("json-1.0", json_feed(good, "1"), 3, content_type=JSON_TYPE)
    yield _ok("json-1.1", json_feed(good), 3, content_type=JSON_TYPE)
    yield _ok("json-as-application-json", json_feed(good), 3, content_type="application/json")
    yield _ok("json-as-text-plain", json_feed(good), 3, content_type="text/plain")
    yield _ok("json-as-rss-type", json_feed(good), 3)
    yield _ok("json-no-content-type", json_feed(good), 3, content_type=None)
    yield _ok("json-bom", codecs.BOM_UTF8 + json_feed(good), 3, content_type=JSON_TYPE)
    yield _ok(
        "json-utf16",
        codecs.BOM_UTF16_LE + json_feed(good).decode().encode("utf-16-le"),
        3,
        content_type=JSON_TYPE,
    )
    yield _ok(
        "json-chinese",
        json_feed(
            [json_item(0, title=ENCODED["gb18030"][0]), json_item(1, title=ENCODED["big5"][0])]
        ),
        2,
        titles=(ENCODED["gb18030"][0], ENCODED["big5"][0]),
        content_type=JSON_TYPE,
    )
    yield _any("json-items-null", json_feed(None), content_type=JSON_TYPE)
    yield _any("json-items-object", json_feed({"a": json_item(1)}), content_type=JSON_TYPE)
    yield _any("json-items-string", json_feed("items"), content_type=JSON_TYPE)
    yield _any("json-items-empty", json_feed([]), content_type=JSON_TYPE)
    yield _ok(
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
        json_item(14, title=None, url=_DROP, external_url="http://news.example.com/ext"),
        json_item(15, title=True),
        json_item(16, title=1e308),
    ]
    yield _any("json-wrong-field-types", json_feed(wrong), content_type=JSON_TYPE)
    yield _ok(
        "json-author-string", json_feed([json_item(1, author="Ann")]), 1, content_type=JSON_TYPE
    )
    yield _ok(
        "json-authors-strings",
        json_feed([json_item(1, authors=["Ann", None])]),
        1,
        content_type=JSON_TYPE,
    )
    yield _ok(
        "json-authors-number", json_feed([json_item(1, authors=5)]), 1, content_type=JSON_TYPE
    )
    yield _any(
        "json-authors-object",
        json_feed([json_item(1, authors={"name": "Bo"})]),
        content_type=JSON_TYPE,
    )
    yield _any("json-top-level-array", json.dumps([json_item(1)]).encode(), content_type=JSON_TYPE)
    yield _any(
        "json-top-level-string", b'"https://jsonfeed.org/version/1.1"', content_type=JSON_TYPE
    )
    yield _any(
        "json-no-version", json.dumps({"items": [json_item(1)]}).encode(), content_type=JSON_TYPE
    )
    yield _any("json-unknown-version", json_feed(good, "9"), content_type=JSON_TYPE)
    yield _any(
        "json-version-number",
        json.dumps({"version": 1.1, "items": good}).encode(),
        content_type=JSON_TYPE,
    )
    yield _any("json-trailing-comma", json_feed(good)[:-2] + b",]}", content_type=JSON_TYPE)
    yield _any("json-truncated", json_feed(good)[:150], content_type=JSON_TYPE)
    yield _any(
        "json-nan-infinity",
        json_feed(good)
        .replace(b'"Plain text content."', b"NaN", 1)
        .replace(b'"Plain text content."', b"-Infinity", 1),
        content_type=JSON_TYPE,
    )
    yield _any(
        "json-huge-number",
        json_feed(good).replace(b'"j1"', b"1" + b"0" * 5000, 1),
        content_type=JSON_TYPE,
    )
    yield _any(
        "json-deep-nesting",
        json_feed([json_item(1)], extra=None).replace(
            b'"extra": null', b'"extra": ' + b"[" * 100_000 + b"]" * 100_000
        ),
        content_type=JSON_TYPE,
    )
    yield _any(
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
    yield _ok("json-lone-surrogates", surrogate, 2, content_type=JSON_TYPE)
    yield _any(
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


def transport() -> Iterator[Variant]:
    plain = rss_doc(headline_items(3))
    yield _ok("ct-none", plain, 3, content_type=None)
    yield _ok("ct-octet-stream", plain, 3, content_type="application/octet-stream")
    yield _ok("ct-text-html-but-rss", plain, 3, content_type="text/html")
    yield _ok("ct-text-xml", plain, 3, content_type="text/xml")
    yield _ok("ct-image-png-but-rss", plain, 3, content_type="image/png")
    yield _ok("ct-garbage", plain, 3, content_type=";;; charset")
    yield _ok("ct-json-but-rss", plain, 3, content_type="application/json")
    yield _ok("ct-rss-but-json", json_feed([json_item(1)]), 1, content_type="application/rss+xml")
    yield _ok("gzip-rss", plain, 3).gzipped()
    yield _ok(
        "gzip-atom", atom_doc([atom_entry(k) for k in range(2)]), 2, content_type=ATOM_TYPE
    ).gzipped()
    yield _ok("gzip-json", json_feed([json_item(1)]), 1, content_type=JSON_TYPE).gzipped()
    yield _ok(
        "gzip-gb18030",
        rss_doc([rss_item(1, ENCODED["gb18030"][1])], encoding="gb18030").encode("gb18030"),
        1,
        titles=(ENCODED["gb18030"][1],),
    ).gzipped()
    yield _ok(
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
    yield _err("gzip-claimed-plain", plain, "compressed", headers=(("Content-Encoding", "gzip"),))
    truncated = gzip.compress(plain.encode(), mtime=0)
    yield _any(
        "gzip-truncated", truncated[: len(truncated) // 2], headers=(("Content-Encoding", "gzip"),)
    )
    yield _any(
        "gzip-double",
        gzip.compress(gzip.compress(plain.encode(), mtime=0), mtime=0),
        headers=(("Content-Encoding", "gzip"),),
    )
    yield _any("encoding-unknown", plain, headers=(("Content-Encoding", "x-snappy"),))
    yield _ok(
        "redirect-to-feed", b"", 3, status=301, headers=(("Location", "/feed/gzip-rss-gzip"),)
    )
    yield _err(
        "redirect-loop", b"", "redirect", status=302, headers=(("Location", "/feed/redirect-loop"),)
    )
    yield _err("http-404", b"gone", "404", status=404)
    yield _err("http-410", b"", "410", status=410)
    yield _err(
        "http-403-html", b"<html>forbidden</html>", "403", status=403, content_type="text/html"
    )
    yield _any("http-204", b"", status=204)
    yield _any("http-203-feed", plain, status=203)


def generated() -> list[Variant]:
    out: list[Variant] = []
    for group in (
        encodings,
        entities,
        namespaces,
        missing_fields,
        broken_xml,
        huge,
        json_feeds,
        transport,
    ):
        out.extend(replace(v, group=group.__name__) for v in group())
    return out


CORPUS = Path(__file__).resolve().parent / "data" / "feedcorpus"
_TYPES = {
    ".xml": RSS_TYPE,
    ".atom": ATOM_TYPE,
    ".rdf": "application/rdf+xml",
    ".json": JSON_TYPE,
    ".html": "text/html",
}


def corpus_files() -> list[Variant]:
    """The hand-written corpus, served with the content type its extension suggests (no charset:
    the document's own declaration or detection decides)."""
    return [
        Variant(
            "file-" + path.stem,
            path.read_bytes(),
            content_type=_TYPES[path.suffix],
            group="feedcorpus",
        )
        for path in sorted(CORPUS.iterdir())
        if path.suffix in _TYPES
    ]


def variants() -> list[Variant]:
    everything = generated() + corpus_files()
    names = [v.name for v in everything]
    duplicates = {n for n in names if names.count(n) > 1}
    assert not duplicates, duplicates
    return everything


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    lines = ["name\tgroup\texpect\tcontent_type\theaders\tbytes"]
    for v in variants():
        (directory / v.name).write_bytes(v.body)
        headers = ";".join(f"{k}={val}" for k, val in v.headers)
        lines.append(f"{v.name}\t{v.group}\t{v.expect}\t{v.content_type}\t{headers}\t{len(v.body)}")
    (directory / "index.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.corpus_gen DIR")
    write(Path(sys.argv[1]))
