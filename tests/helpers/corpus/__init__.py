"""A deterministic corpus of well- and ill-formed feeds, for tests/test_corpus_cli.py.

Every call to :func:`variants` gives the same documents, byte for byte (no clocks, no randomness
beyond a seeded ``random.Random``, gzip with mtime 0). Each :class:`Variant` is one HTTP response:
body, headers, status, and what autonews should make of it:

- ``expect="ok"``: the feed must be read (status ``ok``), with ``items`` entries when given, and
  every title in ``titles`` must reach the digest (the charset tests: decoded right);
- ``expect="error"``: the feed must be reported failed, the error containing ``error``;
- ``expect="any"``: broken input; either outcome, but a status and no traceback.

The groups live beside this file (charsets.py, structure.py, json_feeds.py, transport.py), their
building blocks in documents.py, the hand-written files of tests/data/feedcorpus in files.py.
``python -m tests.helpers.corpus DIR`` writes the corpus to DIR (one file per variant plus
``index.tsv``) for looking at or for the benchmarks.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.helpers.corpus.charsets import encodings, entities
from tests.helpers.corpus.documents import MAX_BYTES, MAX_ITEMS, Variant
from tests.helpers.corpus.files import corpus_files
from tests.helpers.corpus.json_feeds import json_feeds
from tests.helpers.corpus.structure import broken_xml, huge, missing_fields, namespaces
from tests.helpers.corpus.transport import transport

__all__ = ["MAX_BYTES", "MAX_ITEMS", "Variant", "generated", "variants", "write"]


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
