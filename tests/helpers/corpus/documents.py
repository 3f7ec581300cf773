"""The corpus's building blocks: :class:`Variant` (one HTTP response and what autonews should make
of it), fixed headlines and dates, and builders of RSS, Atom and JSON Feed documents."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, replace

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


def esc(text: str) -> str:
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
        parts.append(f"<title>{title if raw_title else esc(title)}</title>")
    if link:
        parts.append(f"<link>http://news.example.com/a/{n}</link>")
    if guid:
        parts.append(f'<guid isPermaLink="false">corpus-{n}</guid>')
    if date:
        parts.append(f"<pubDate>{DATE}</pubDate>")
    if description is not None:
        parts.append(f"<description>{esc(description)}</description>")
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
        f"<{p}entry><{p}title>{esc(title)}</{p}title>"
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
    return {k: v for k, v in base.items() if v is not DROP}


DROP = object()


def expect_ok(name: str, text: str | bytes, n: int | None = None, **kw: object) -> Variant:
    body = text.encode("utf-8") if isinstance(text, str) else text
    return Variant(name, body, expect="ok", items=n, **kw)  # type: ignore[arg-type]


def expect_any(name: str, text: str | bytes, **kw: object) -> Variant:
    body = text.encode("utf-8") if isinstance(text, str) else text
    return Variant(name, body, **kw)  # type: ignore[arg-type]


def expect_error(name: str, text: str | bytes, error: str = "", **kw: object) -> Variant:
    body = text.encode("utf-8") if isinstance(text, str) else text
    return Variant(name, body, expect="error", error=error, **kw)  # type: ignore[arg-type]
