"""What every output of autonews must be, whatever the feeds held: the promises a whole-system
test checks (the fuzzer over the pipeline, the corpus and hostile-server runs of the CLI).

- JSON validates against the shipped schema, and JSONL's story lines and its last line, the status,
  against their definitions;
- HTML parses with balanced tags, no scripts, no event-handler attributes, only http(s) links;
- text, markdown and plain terminal output carry no control characters but newline and tab (no
  escapes, no C1, no bidi controls, no BOM: what ``autonews.text`` promises), and colour output
  no escape sequence but rich's own SGR colours;
- markdown has no link, image or raw HTML made of feed text;
- Slack's mrkdwn has no "<" or ">" but its own links (to http(s) URLs) and quotes, no "&" but
  Slack's three escapes, and no "@" that could start a mention;
- Atom is well-formed XML that feedparser reads as Atom 1.0, one entry per story.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import replace
from html.parser import HTMLParser
from importlib import resources

import jsonschema

from autonews.models import Digest
from autonews.render import Format, RenderOptions, render

# Controls but newline and tab, DEL, C1, bidi embeddings/overrides/isolates and marks, BOM
# (autonews/text.py), and lone surrogates (they cannot be written as UTF-8 at all).
FORBIDDEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff\ud800-\udfff]"
)
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the only escapes colour output may hold: rich's own


def _schema() -> dict:
    text = resources.files("autonews").joinpath("schema/digest.schema.json").read_text("utf-8")
    return json.loads(text)


SCHEMA = _schema()
DIGEST_VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.FormatChecker()
)


def _part(name: str) -> jsonschema.Draft202012Validator:
    """A validator for one definition of the shipped schema (a JSON Lines line)."""
    return jsonschema.Draft202012Validator(
        {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{name}"},
        format_checker=jsonschema.FormatChecker(),
    )


STORY_LINE_VALIDATOR = _part("story_line")
STATUS_LINE_VALIDATOR = _part("status_line")


def _valid(validator: jsonschema.Draft202012Validator, document: object) -> None:
    errors = sorted(validator.iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def valid_digest(document: object) -> None:
    """A JSON digest (parsed) that the shipped schema accepts."""
    _valid(DIGEST_VALIDATOR, document)


def valid_jsonl(out: str) -> None:
    """JSON Lines as the schema defines them: a story per line, then the status line."""
    *stories, status = out.splitlines()  # every line break Python knows, not only "\n"
    for line in stories:
        _valid(STORY_LINE_VALIDATOR, json.loads(line))
    _valid(STATUS_LINE_VALIDATOR, json.loads(status))


def no_controls(text: str, where: str) -> None:
    bad = FORBIDDEN.search(text)
    assert bad is None, f"{where}: control {bad.group()!r} at {bad.start()}: {text[:300]!r}"


# Tags the HTML renderer writes; anything else came from feed text.
HTML_TAGS = {"html", "head", "meta", "title", "body", "table", "tr", "td", "h1", "h2", "p"}
HTML_TAGS |= {"div", "span", "a", "strong", "br", "ul", "li"}
VOID = {"meta", "br"}


class HtmlCheck(HTMLParser):
    """Feed it an HTML digest; ``problems`` and ``stack`` (unclosed tags) must end up empty."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.problems.append(f"unexpected <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in ("src", "srcset", "action", "formaction", "background", "xlink:href"):
                self.problems.append(f"{name}= on <{tag}>")
            if name == "href" and not re.match(r"(?i)https?://", value or ""):
                self.problems.append(f"href={value!r}")
            if value and FORBIDDEN.search(value):
                self.problems.append(f"control in {name}={value!r}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if FORBIDDEN.search(data):
            self.problems.append(f"control in text {data!r}")

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        if decl.lower() != "doctype html":
            self.problems.append(f"declaration {decl!r}")

    def handle_pi(self, data: str) -> None:
        self.problems.append(f"processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"declaration {data!r}")


def safe_html(out: str) -> None:
    checker = HtmlCheck()
    checker.feed(out)
    checker.close()
    assert not checker.problems, checker.problems[:5]
    assert not checker.stack, f"unclosed {checker.stack}"


def valid_atom(out: str, story_ids: list[str]) -> None:
    """Well-formed XML in the Atom namespace that feedparser reads without complaint: one entry
    per story, in order, each with its story's id, a title and an updated time; only http(s)
    links."""
    import xml.etree.ElementTree as ET

    import feedparser

    no_controls(out, "atom")
    ET.fromstring(out.encode("utf-8"))  # raises on anything not well-formed
    parsed = feedparser.parse(out.encode("utf-8"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.id.removeprefix("urn:autonews:story:") for e in parsed.entries] == story_ids
    for entry in parsed.entries:
        assert "title" in entry and entry.updated_parsed is not None
        for link in entry.get("links", []):
            assert re.match(r"(?i)https?://", link.href), link.href


def markdown_links_safe(out: str) -> None:
    """Feed text is backslash-escaped, so with the escapes and the renderer's own links (always to
    an http(s) URL, in <...>, which may hold spaces but no line break or bracket) taken out,
    nothing is left that could make a link, an image or raw HTML."""
    bare = re.sub(r"\\.", "", out)
    bare = re.sub(r"(?i)\]\(<https?://[^<>\n]*>\)", "", bare)
    assert "](" not in bare, bare[max(0, bare.index("](") - 80) :][:200]
    assert "<" not in bare, bare[max(0, bare.index("<") - 80) :][:200]


# A link as the slack renderer writes it: <URL|text> or <URL>, the URL an http(s) one with no
# space, "<", ">" or "|" (percent-encoded), the text with no "<", ">" or "|".
SLACK_LINK = re.compile(r"<(?i:(https?://[^\s<>|]*))(?:\|([^<>|\n]*))?>")


def slack_links_safe(out: str) -> None:
    """Slack reads "&", "<" and ">" as control characters: every "&" is one of the escapes Slack
    decodes (&amp; &lt; &gt;), and with the renderer's links and its "> " quotes taken out no "<"
    or ">" is left, so no feed text makes a link, a mention (<!channel>, <@U1>) or a quote; no
    "@" starts a word (pasted into Slack's message box, "@here" would notify the channel)."""
    stray = re.search(r"&(?!amp;|lt;|gt;)", out)
    assert stray is None, out[max(0, stray.start() - 80) :][:200]
    bare = re.sub(r"(?m)^> ", "", SLACK_LINK.sub("", out))
    for char in "<>":
        assert char not in bare, bare[max(0, bare.index(char) - 80) :][:200]
    # Outside links' addresses: "/@Volvo" in a URL Slack reads as an address, not a mention.
    texts = SLACK_LINK.sub(lambda link: link.group(2) or "", out)
    mention = re.search(r"(?<![^\W_])@\w", texts)
    assert mention is None, texts[max(0, mention.start() - 80) :][:200]


def check_outputs(digest: Digest, absent: Iterable[str] = ()) -> None:
    """Every format renders, and each output keeps its format's promises; none holds any of the
    ``absent`` strings."""
    options = RenderOptions(width=60, color=False)  # the narrowest the CLI uses; no tty
    for fmt in Format:  # every member: a new format cannot be forgotten here
        out = render(digest, fmt, options)
        out.encode("utf-8")  # printable to a UTF-8 stdout or file: no lone surrogates
        for secret in absent:
            assert secret not in out, f"{secret!r} in the {fmt.value} output"
        if fmt is Format.JSON:
            document = json.loads(out)
            valid_digest(document)
            assert [s["id"] for s in document["stories"]] == [s.id for s in digest.stories]
        elif fmt is Format.JSONL:
            assert len(out.splitlines()) == len(digest.stories) + 1  # and no line broken
            valid_jsonl(out)
        elif fmt is Format.HTML:
            safe_html(out)
        elif fmt is Format.ATOM:
            valid_atom(out, [s.id for s in digest.stories])
        else:
            no_controls(out, fmt.value)
            if fmt is Format.MARKDOWN:
                markdown_links_safe(out)
            if fmt is Format.SLACK:
                slack_links_safe(out)
    coloured = render(digest, Format.TERMINAL, replace(options, color=True))
    no_controls(SGR.sub("", coloured), "terminal in colour")
