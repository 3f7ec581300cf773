"""URL normalisation: the same article behind different links merges into one."""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PARAMS = frozenset(
    [
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "yclid",
        "igshid",
        "ref",
        "ref_src",
        "ref_url",
        "cmpid",
        "smid",
        "sr_share",
        "ncid",
        "ocid",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "spm",
        "share_source",
        "from_source",
        "outputtype",
        "amp",
    ]
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_", "_ga", "hmsr")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_AMP_SUFFIX = re.compile(r"(?:/amp/?|/amp\.html?|\.amp)$", re.IGNORECASE)  # /story/amp, x.amp
_AMP_INFIX = re.compile(r"\.amp(\.html?)$", re.IGNORECASE)  # story.amp.html -> story.html


# Links normalised lately, and their normal form. A run normalises each item's link twice: for
# its key, in the worker that parsed the feed, and again in this process as the clustering
# looks for shared links. The workers hand their answers over (remember_normalized), so the
# second time, on the run's critical path after the last feed, is a lookup.
# So _normalize must stay a pure function of the link: a setting that changed its answer would
# make this memo stale.
_KNOWN: dict[str, str] = {}
_KNOWN_LIMIT = 100_000  # links; past it the memo starts afresh, so memory stays bounded


def remember_normalized(pairs: Iterable[tuple[str, str]]) -> None:
    """Take ``(link, normalize_url(link))`` pairs made elsewhere (in a worker process)."""
    if len(_KNOWN) > _KNOWN_LIMIT:
        _KNOWN.clear()
    _KNOWN.update(pairs)


def normalize_url(url: str) -> str:
    """Canonical form for identity: case, ports, fragments, tracking, AMP and mobile variants."""
    known = _KNOWN.get(url)
    if known is None:
        known = _normalize(url)
        if len(_KNOWN) > _KNOWN_LIMIT:
            _KNOWN.clear()
        _KNOWN[url] = known
    return known


def _normalize(url: str) -> str:
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        return url
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = _AMP_INFIX.sub(r"\1", _AMP_SUFFIX.sub("", parts.path)) or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in _TRACKING_PARAMS and not key.lower().startswith(_TRACKING_PREFIXES)
    ]
    # http and https versions of one article are one article.
    return urlunsplit(("https", netloc, path, urlencode(query), ""))


def is_private_host(url: str) -> bool:
    """True for loopback, private, link-local and similar addresses (and 'localhost')."""
    try:
        host = (urlsplit(url).hostname or "").strip("[]").lower()
    except ValueError:
        return True
    return _private_name(host)


@functools.lru_cache(maxsize=4096)
def _private_name(host: str) -> bool:
    """Whether the host name or address ``host`` is private (a run asks for each of its pages,
    and pages share a few hosts)."""
    if host == "localhost" or host.endswith(".localhost") or host.endswith(".local"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )
