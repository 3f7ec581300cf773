"""What a failed fetch's error says, and what to do about it: the one place that words them.

A feed's error is stored and shown as written here (the digest's footer, `feeds list`, `feeds
check`, JSON), so each kind of failure carries its advice in parentheses after what happened,
as the oversized document always did ("larger than the 10,000,000 byte cap (raise [fetch]
max_bytes to read it)"): whether the site or this machine is at fault, whether autonews tries
again, and what to check if it lasts (trial 41: "connection failed: All connection attempts
failed" said none of it). Stderr keeps its line short (``render.notes.brief_reason`` drops the
aside) and gives the advice on a line of its own (``hint_of``).
"""

from __future__ import annotations

import ssl

import httpx

TOO_LARGE = "larger than the "  # how the error of a document over the size cap begins

# The advice for each kind of failure, after what happened. A failure of the moment (the site
# down, slow or overloaded) is tried again at the next run by itself.
_AGAIN = "autonews tries again next run"
HINTS = {
    "refused": (
        f"the site refused the connection or is down; {_AGAIN}: if it lasts for days, check the "
        "feed's URL in a browser"
    ),
    "unknown host": (
        "no such host: check the feed's URL for a typo; if it is right, the site's domain may "
        f"have lapsed, or this machine's DNS or network is down; {_AGAIN}"
    ),
    "timeout": (f"the site is slow or down; {_AGAIN}: if it is always slow, raise [fetch] timeout"),
    "tls": (
        "the site's certificate could not be verified (expired, self-signed or for another "
        "name): nothing was read from it; check the URL in a browser, and a private CA's "
        "certificate goes in SSL_CERT_FILE"
    ),
    "dropped": f"the site closed the connection before answering; {_AGAIN}",
    "server": f"the site's server failed; {_AGAIN}",
    "busy": f"the site asks for fewer requests; {_AGAIN}",
    "too large": "raise [fetch] max_bytes to read it",
    "broken": (
        "its publisher has to fix the document; the items read are kept, and autonews reads "
        "the feed again next run"
    ),
}


def _explained(what: str, kind: str) -> str:
    return f"{what} ({HINTS[kind]})"


def hint_of(error: str) -> str:
    """The advice an error carries ("" for none): for stderr, where the error's line is kept
    short."""
    return next((hint for hint in HINTS.values() if f"({hint})" in error), "")


def too_large(cap: int) -> str:
    """The error of a document over the size cap, with what to do about it."""
    return _explained(f"{TOO_LARGE}{cap:,} byte cap", "too large")


def broken_document(what: str, items_read: int, items: int) -> str:
    """A feed document read only in part, as it broke ("malformed XML (mismatched tag, line
    12)"): how much of it was read (of the ``items`` it holds; 0: it was cut short, and what
    it held is not known), with what to do about it (see ``parse.damage``)."""
    read = (
        f"{items_read} of its {items} items read"
        if items > items_read
        else (f"{items_read} item{'' if items_read == 1 else 's'} read before the cut")
    )
    return _explained(f"{what}: {read}", "broken")


def timed_out(seconds: float) -> str:
    return _explained(f"timed out after {seconds:g} s", "timeout")


def http_failure(status: int, reason: str) -> str:
    """ "HTTP 503 Service Unavailable", with advice for a server's failure or a refusal to be
    asked so often (a 4xx is the address's or the request's: its reason says it)."""
    what = f"HTTP {status} {reason}".strip()
    if status == 429:
        return _explained(what, "busy")
    return _explained(what, "server") if status >= 500 else what


def transport_failure(exc: Exception) -> str:
    """A request that got no answer: the connection refused, the host unknown, the certificate
    refused, the connection dropped, the time up; the system's own words kept after what it
    means (a name lookup's are how the fetcher tells an unknown host)."""
    name = type(exc).__name__
    text = str(exc) or name
    if isinstance(exc, httpx.TimeoutException):
        return _explained(f"timed out ({name})", "timeout")
    causes = _causes(exc)
    if any(isinstance(cause, ssl.SSLError) for cause in causes):
        return _explained(f"TLS error: {text}", "tls")
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return _explained("connection refused", "refused")
    if isinstance(exc, httpx.ConnectError):
        kind = "unknown host" if _unknown_host(text) else "refused"
        return _explained(f"connection failed: {text}", kind)
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        return _explained(f"{name}: {text}", "dropped")
    return f"{name}: {text}"


# How a failed name lookup reads (glibc, macOS, Windows): the host's name is unknown now, and a
# retry seconds later will not know it either.
NAME_UNKNOWN = (
    "name or service not known",
    "nodename nor servname",
    "no address associated",
    "getaddrinfo failed",
    "temporary failure in name resolution",
)


def _unknown_host(text: str) -> bool:
    return any(words in text.lower() for words in NAME_UNKNOWN)


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what raised it, down the chain (httpx wraps the socket's error)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain
