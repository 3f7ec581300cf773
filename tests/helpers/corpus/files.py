"""The hand-written corpus, tests/data/feedcorpus: served as corpus variants, and the titles of
its non-ASCII feeds as they must read once decoded (test_parse_corpus.py checks them in-process,
test_corpus_cli.py over HTTP)."""

from __future__ import annotations

from tests.helpers.corpus.documents import ATOM_TYPE, JSON_TYPE, RSS_TYPE, Variant
from tests.helpers.paths import FEEDCORPUS

_TYPES = {
    ".xml": RSS_TYPE,
    ".atom": ATOM_TYPE,
    ".rdf": "application/rdf+xml",
    ".json": JSON_TYPE,
    ".html": "text/html",
}

# File -> the title of its first entry (or of the entry ENCODED_ENTRY names).
ENCODED_TITLES = {
    "big5-declared.xml": "裕隆汽車發表新款電動休旅車",
    "euc-jp-declared.xml": "マツダ、ロータリーエンジン搭載車を発表",
    "gb2312-declared.xml": "比亚迪十月销量创新高",
    "gbk-declared.xml": "蔚来任命王喆为供应链副总裁",
    "iso-8859-1-declared.xml": "Peugeot présente la nouvelle 3008 à Sochaux",
    "rss091-basic.xml": "Used EV prices stabilise at £14,000 after a year of falls",
    "shift-jis-declared.xml": "日産㈱、追浜工場の生産体制を見直し",
    "utf16be-bom.xml": "Stellantis confirme l'avenir de l'usine de Mulhouse",
    "utf16le-bom.xml": "Fahrbericht: der neue VW Tayron",
    "utf8-bom.xml": "Dacia Spring : la nouvelle génération arrive à 16 990 €",
    "windows-1252-declared.xml": "Škoda’s “Elroq” priced from €33,900 – orders open",
}
ENCODED_ENTRY = {"rss091-basic.xml": 1, "shift-jis-declared.xml": 1, "utf16le-bom.xml": 1}


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
        for path in sorted(FEEDCORPUS.iterdir())
        if path.suffix in _TYPES
    ]
