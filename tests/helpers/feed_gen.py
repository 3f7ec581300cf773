"""Hypothesis strategies for whole feed documents, as (bytes, Content-Type header or None):

- ``feed_documents``: realistic but hostile RSS 2.0, Atom, JSON Feed and RSS 1.0/RDF documents
  built from ``hostile_fields.entries``, written in every XML text mode (escaped, CDATA, raw,
  double-escaped, character references), with JSON values of the wrong type, charsets that
  disagree with their labels and with the HTTP header, and document types that define entities
  (an external one naming this file: its ``XXE_CANARY`` must never reach an output);
- ``mutated_documents``: valid feeds (tests/data/feedcorpus, the demo's feeds, or generated
  ones) truncated, with bytes flipped, inserted, deleted or repeated;
- ``random_documents``: plain random bytes behind a plausible start.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from tests.helpers.hostile_fields import Entry, entries, hostile_text
from tests.helpers.paths import DEMO_FEEDS, FEEDCORPUS

MODES = ["escaped", "escaped", "cdata", "raw", "double", "charrefs"]


def xml_text(value: str, mode: str) -> str:
    if mode == "escaped":
        return escape(value)
    if mode == "cdata":
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"
    if mode == "double":  # HTML escaped, then escaped again for XML: feeds do this
        return escape(escape(value))
    if mode == "charrefs":  # every non-ASCII or control character as a reference (&#27; too)
        return "".join(c if " " <= c < "\x7f" and c not in "<&>" else f"&#{ord(c)};" for c in value)
    return value  # raw: markup in the text reaches the XML parser as markup


def xml_attr(value: str, mode: str) -> str:
    return escape(value, {'"': "&quot;"}) if mode != "raw" else value


def _element(name: str, value: str | None, mode: str, attrs: str = "") -> str:
    if value is None:
        return ""
    return f"<{name}{attrs}>{xml_text(value, mode)}</{name}>"


def rss20(items: list[Entry], modes: list[str], feed_title: str) -> str:
    body = []
    for entry, mode in zip(items, modes, strict=True):
        link = _element("link", entry.link, mode if mode != "cdata" else "escaped")
        guid = _element("guid", entry.guid, mode, ' isPermaLink="false"' if mode == "raw" else "")
        body.append(
            "<item>"
            + _element("title", entry.title, mode)
            + link
            + guid
            + _element("pubDate", entry.date, mode)
            + _element("description", entry.summary, mode)
            + _element("content:encoded", entry.summary, "cdata")
            + _element("dc:creator", entry.author, mode)
            + "</item>"
        )
    return (
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{escape(feed_title)}</title><link>http://example.com/</link>"
        f"{''.join(body)}</channel></rss>"
    )


def atom(items: list[Entry], modes: list[str], feed_title: str) -> str:
    body = []
    for entry, mode in zip(items, modes, strict=True):
        kind = {"raw": "xhtml", "double": "html", "cdata": "html"}.get(mode, "text")
        title = entry.title
        if kind == "xhtml" and title is not None:
            title = f'<div xmlns="http://www.w3.org/1999/xhtml">{title}</div>'
        link = (
            f'<link rel="alternate" href="{xml_attr(entry.link, mode)}"/>'
            if entry.link is not None
            else ""
        )
        author = (
            f"<author><name>{xml_text(entry.author, mode)}</name></author>"
            if entry.author is not None
            else ""
        )
        body.append(
            "<entry>"
            + _element("title", title, mode, f' type="{kind}"')
            + '<link rel="edit" href="http://example.com/edit"/>'
            + link
            + _element("id", entry.guid, mode)
            + _element("updated", entry.date, mode)
            + _element("published", entry.date, mode)
            + _element("summary", entry.summary, mode, f' type="{kind}"')
            + _element("content", entry.summary, "escaped", ' type="html"')
            + author
            + "</entry>"
        )
    return (
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/base/">'
        f"<title>{escape(feed_title)}</title>{''.join(body)}</feed>"
    )


def rdf(items: list[Entry], modes: list[str], feed_title: str) -> str:
    seq = "".join(f'<rdf:li rdf:resource="{xml_attr(e.link or "", "escaped")}"/>' for e in items)
    body = []
    for entry, mode in zip(items, modes, strict=True):
        about = xml_attr(entry.link or entry.guid or "", "escaped")
        body.append(
            f'<item rdf:about="{about}">'
            + _element("title", entry.title, mode)
            + _element("link", entry.link, mode)
            + _element("description", entry.summary, mode)
            + _element("dc:date", entry.date, mode)
            + _element("dc:creator", entry.author, mode)
            + "</item>"
        )
    return (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="http://example.com/"><title>{escape(feed_title)}</title>'
        f"<link>http://example.com/</link><items><rdf:Seq>{seq}</rdf:Seq></items></channel>"
        f"{''.join(body)}</rdf:RDF>"
    )


# Values of the wrong type, as broken JSON Feed generators write them; the two markers become a
# 5,000-digit number and arrays nested 5,000 deep once the document is written.
HUGE_NUMBER, DEEP_ARRAY = "\uf8f0huge", "\uf8f0deep"
WRONG_TYPES = st.sampled_from(
    [None, 0, 12345, -1.5, True, [], ["x"], {}, {"name": 1}, "", "x", HUGE_NUMBER, DEEP_ARRAY]
)


@st.composite
def json_feed(draw: st.DrawFn, items: list[Entry], feed_title: str) -> str:
    out = []
    for entry in items:
        item: dict[str, object] = {}
        for key, value in (
            ("id", entry.guid),
            ("url", entry.link),
            ("title", entry.title),
            ("date_published", entry.date),
            (draw(st.sampled_from(["summary", "content_html", "content_text"])), entry.summary),
        ):
            if value is not None:
                item[key] = value
        if entry.author is not None:
            item.update(
                draw(
                    st.sampled_from(
                        [
                            {"authors": [{"name": entry.author}]},
                            {"author": {"name": entry.author}},
                            {"authors": entry.author},
                            {"authors": [entry.author, None, 3]},
                        ]
                    )
                )
            )
        for key in draw(
            st.lists(
                st.sampled_from(
                    [
                        "id",
                        "url",
                        "external_url",
                        "title",
                        "summary",
                        "content_html",
                        "date_published",
                        "date_modified",
                        "authors",
                        "author",
                    ]
                ),
                max_size=2,
            )
        ):
            item[key] = draw(WRONG_TYPES)
        out.append(item)
    base: dict[str, object] = {
        "version": draw(
            st.sampled_from(
                ["https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1", "1.1"]
            )
        ),
        "title": feed_title,
        "home_page_url": "http://example.com/",
        "items": out,
    }
    document = draw(
        st.sampled_from(
            [
                base,
                base,
                base,
                {**base, "items": {"0": out}},
                {**base, "items": [*out, None, 7, "x"]},
                [base],
            ]
        )
    )
    text = json.dumps(
        document, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1]))
    )
    for ascii_only in (True, False):
        text = text.replace(json.dumps(HUGE_NUMBER, ensure_ascii=ascii_only), "1" + "0" * 5000)
        text = text.replace(
            json.dumps(DEEP_ARRAY, ensure_ascii=ascii_only), "[" * 5000 + "]" * 5000
        )
    return text


# (declared in the XML declaration, codec of the bytes, charset in the HTTP header)
CHARSETS = [
    ("utf-8", "utf-8", None),
    ("utf-8", "utf-8", None),
    (None, "utf-8", None),
    ("utf-8", "utf-8-sig", None),
    ("utf-16", "utf-16", None),
    (None, "utf-16-be", "utf-16be"),
    ("ISO-8859-1", "utf-8", None),  # a wrong label over UTF-8 bytes
    (None, "utf-8", "iso-8859-1"),
    ("GB18030", "gb18030", None),
    ("gb2312", "gb18030", None),
    (None, "gb18030", "GBK"),
    (None, "gb18030", None),  # detection
    ("utf-8", "gb18030", None),  # declared UTF-8, GB18030 bytes
    ("windows-1252", "cp1252", None),
    ("Shift_JIS", "cp932", None),
    ("big5", "big5hkscs", None),
    ("koi8-r", "koi8-r", None),
    ("x-no-such-charset", "utf-8", "bogus"),
    ("utf-8", "utf-16-le", None),  # no BOM, a declaration that lies
    (None, "utf-8", "utf-16"),
    ("utf-32", "utf-32", None),
]
CONTENT_TYPES = [
    None,
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "text/html",
    "application/feed+json",
    "application/json",
    "text/plain",
    ";;;",
    'text/xml; charset=""',
]


def encode(text: str, codec: str, errors: str) -> bytes:
    try:
        return text.encode(codec, errors)
    except UnicodeEncodeError:  # surrogatepass only works for the UTF codecs
        return text.encode(codec, "xmlcharrefreplace" if "utf" not in codec else "replace")


# Document types: RSS 0.91's, and internal subsets that define entities, one of them an external
# entity naming this very file (XXE: its canary must never reach a digest), one a small
# "billion laughs". Titles use them through the "&xxe;", "&maker;" and "&lol3;" fragments.
XXE_CANARY = "autonews-xxe-canary-5c1e"
_LAUGHS = '<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{n + 1} "{f"&lol{n};" * 10}">' for n in range(3)
)
DOCTYPES = [
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
    '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n',
    f'<!DOCTYPE feed [<!ENTITY xxe SYSTEM "{Path(__file__).as_uri()}">'
    '<!ENTITY maker "Volvo recalls 14,768 XC70s">]>\n',
    f"<!DOCTYPE rss [{_LAUGHS}]>\n",
]


@st.composite
def feed_documents(draw: st.DrawFn) -> tuple[bytes, str | None]:
    kind = draw(st.sampled_from(["rss20", "atom", "rdf", "json"]))
    items = draw(st.lists(entries, max_size=6))
    feed_title = draw(st.one_of(st.just("Test Wire"), hostile_text))
    if kind == "json":
        text = draw(json_feed(items, feed_title))
        declared = None
        _, codec, header = draw(st.sampled_from(CHARSETS))
    else:
        modes = draw(st.lists(st.sampled_from(MODES), min_size=len(items), max_size=len(items)))
        text = {"rss20": rss20, "atom": atom, "rdf": rdf}[kind](items, modes, feed_title)
        declared, codec, header = draw(st.sampled_from(CHARSETS))
        prolog = '<?xml version="1.0"' + (f' encoding="{declared}"' if declared else "") + "?>\n"
        prolog += draw(st.sampled_from(["", "", "", *DOCTYPES]))
        text = draw(st.sampled_from([prolog, prolog, "", "  \n" + prolog])) + text
    errors = draw(st.sampled_from(["xmlcharrefreplace", "replace", "surrogatepass", "ignore"]))
    body = encode(text, codec, errors)
    content_type = draw(st.sampled_from(CONTENT_TYPES))
    if header and content_type:
        content_type += f"; charset={header}"
    elif header:
        content_type = f"application/octet-stream; charset={header}"
    return body, content_type


def _corpus() -> list[bytes]:
    paths = sorted(FEEDCORPUS.glob("*.*")) + sorted(DEMO_FEEDS.glob("*.*"))
    return [path.read_bytes() for path in paths if path.suffix != ".md"]


CORPUS = _corpus()


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[bytes, str | None]:
    """Valid feeds (the corpus, or generated ones) truncated, with bytes flipped, inserted,
    deleted or repeated."""
    if draw(st.booleans()):
        body, content_type = draw(st.sampled_from(CORPUS)), None
    else:
        body, content_type = draw(feed_documents())
    data = bytearray(body)
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "repeat"]))
        at = draw(st.integers(0, len(data)))
        if operation == "truncate":
            del data[at:]
        elif operation == "flip":
            if at < len(data):
                data[at] = draw(st.integers(0, 255))
        elif operation == "insert":
            data[at:at] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from(
                        [b"\x00", b"\x1b[31m", b"<", b"&", b"]]>", b"\xff\xfe", b"\xed\xa0\x80"]
                    ),
                )
            )
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 200))] * draw(st.integers(1, 5))
    return bytes(data), content_type


random_documents = st.tuples(
    st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(
            [
                b"",
                b"<?xml version='1.0'?>",
                b"<rss version='2.0'><channel><item><title>Volvo ",
                b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>',
                b'{"version": "https://jsonfeed.org/version/1.1", "items": [',
                b"\xef\xbb\xbf",
                b"\xff\xfe",
                b"\xfe\xff\x00<",
            ]
        ),
        st.binary(max_size=2000),
    ),
    st.sampled_from(CONTENT_TYPES),
)
