"""Feed documents (bytes + headers) to :class:`autonews.models.ParsedFeed`.

- ``dispatch``: :func:`parse_feed`, which sniffs the format and hands the text to its parser;
- ``encoding``: the charset (header, BOM, declaration, detection) and the decoded text;
- ``xml_feed``: RSS 0.9x/1.0/2.0 and Atom through fastfeedparser, feedparser as the fallback;
- ``json_feed``: JSON Feed 1.0/1.1;
- ``fields``: dates and summary length, shared by both parsers;
- ``text_rules``: the rule for invalid text that every parsed feed leaves with.
"""

from autonews.parse.dispatch import TITLE_CAP, parse_feed
from autonews.parse.encoding import decode_document, detect_encoding
from autonews.parse.fields import EARLIEST_DATE, SUMMARY_CAP
from autonews.parse.json_feed import parse_json_feed
from autonews.parse.xml_feed import LOOSE_PARSE_LIMIT, load_engines

__all__ = [
    "EARLIEST_DATE",
    "LOOSE_PARSE_LIMIT",
    "SUMMARY_CAP",
    "TITLE_CAP",
    "decode_document",
    "detect_encoding",
    "load_engines",
    "parse_feed",
    "parse_json_feed",
]
