"""Charset of a document (feed or article page) and its text.

Decided here, not by feedparser: the HTTP header, then a BOM or the XML declaration (or an HTML
meta charset), then detection, so GBK or Big5 feeds without a declaration still give the right
text. Labels that promise less than they mean (GB2312, Latin-1, Shift_JIS, Big5) are read as the
superset servers actually send.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9._-]+)", re.I)
_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that servers and feeds use for a narrower charset than they mean.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "big5": "big5hkscs",
}


def _charset_from_header(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset.strip().lower() if isinstance(charset, str) and charset.strip() else None


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    encoding = _SUPERSETS.get(encoding.lower(), encoding.lower())
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def detect_encoding(body: bytes, content_type: str | None = None) -> str:
    """Pick the charset for ``body``: header, BOM, declaration, UTF-8, then detection."""
    return _detect(body, content_type)[0]


def _detect(body: bytes, content_type: str | None) -> tuple[str, str | None]:
    """``detect_encoding``, and the text when the body was decoded as UTF-8 on the way."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, None
    header = _known(_charset_from_header(content_type))
    head = body[:2048]
    declared_match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    declared = _known(declared_match.group(1).decode("ascii")) if declared_match else None
    utf8 = _utf8_text(body)
    for candidate in (header, declared):
        if candidate and candidate != "utf-8":
            if utf8 is not None and candidate in _SINGLE_BYTE and not body.isascii():
                return "utf-8", utf8  # UTF-8 bytes under a Latin-1 label: the label is wrong
            try:
                body.decode(candidate)
                return candidate, None
            except UnicodeDecodeError:
                continue
    if utf8 is not None:
        return "utf-8", utf8
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        return _known(best.encoding) or "cp1252", None
    return "cp1252", None


# Labels (after _known) whose bytes a UTF-8 document with non-ASCII text never is.
_SINGLE_BYTE = {"cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2"}


def _utf8_text(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_document(body: bytes, content_type: str | None = None) -> str:
    encoding, text = _detect(body, content_type)
    if text is None:  # a UTF-8 body is decoded once, not again here
        text = body.decode(encoding, errors="replace")
    return text.lstrip("\ufeff")
