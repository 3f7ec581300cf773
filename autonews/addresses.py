"""Checking what users write for where things come from and go to: feed locations (a web address
or a local file) and mail addresses. Cheap and offline: nothing here resolves or connects.

A feed location is an ``http://`` or ``https://`` URL, a ``file://`` URL, or a file path. Any
other scheme, a URL whose host or port cannot be right, or a path that is really a web address
written without its scheme (``cnevpost.com/feed``) is a problem, described for the user.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from difflib import get_close_matches
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import unquote, urlsplit

WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(//)?")
# A host name label: letters (any script), digits, hyphens and underscores.
_LABEL = re.compile(r"^[\w-]+$")
# The start of a path that is really a web address: host.tld/... (or www.host...).
_BARE_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d+)?$", re.I)
# A local or numeric host written without its scheme: localhost:8765/feed, 127.0.0.1:8765/x,
# [::1]:8080/x. It needs a port or a path to be told from a file name.
_BARE_LOCAL = re.compile(
    r"^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(:\d+)?(/.*)?$", re.I
)


@dataclass(frozen=True)
class Problem:
    """What is wrong with a location, and what it probably should be (if we can tell)."""

    message: str
    suggestion: str = ""  # the corrected location, e.g. "https://cnevpost.com/feed"

    @property
    def hint(self) -> str:
        if self.suggestion:
            return f"did you mean {self.suggestion!r}?"
        return "a feed is an http:// or https:// URL, a file:// URL or a file path"


def is_web(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def local_path(location: str) -> Path:
    """The file a feed location names: a path, or a ``file://`` URL, percent-decoded as file
    URLs are written (``file:///feeds/my%20feed.xml``; what OPML export writes)."""
    if location.startswith("file://"):
        return Path(unquote(location[len("file://") :])).expanduser()
    return Path(location).expanduser()


def file_url(location: str) -> str:
    """A feed location as other programs read it: a file path as a ``file://`` URL."""
    if is_web(location) or location.startswith("file://") or not Path(location).is_absolute():
        return location
    return Path(location).as_uri()


def location_problem(location: str) -> Problem | None:
    """Why ``location`` cannot be read as a feed, or None if it can be tried. A file path is
    not required to exist (the file may be written later); that is a run-time failure."""
    if not location.strip():
        return Problem("an empty feed location")
    if location != location.strip():
        return Problem(f"{location!r} has spaces around it", location.strip())
    local = _probable_local_address(location)
    if local is not None:  # before the scheme: "localhost:8765/x" reads as scheme "localhost"
        return Problem(f"{location!r} has no scheme (http:// or https://)", local)
    scheme = _SCHEME.match(location)
    if scheme is not None and (scheme.group(2) or scheme.group(1).lower() in WEB_SCHEMES):
        return _url_problem(location, scheme.group(1).lower())
    if scheme is not None and get_close_matches(scheme.group(1).lower(), WEB_SCHEMES, 1, 0.6):
        # "htp:/x" is a mistyped URL, not a file of that name (a drive letter is one letter).
        return _url_problem(location, scheme.group(1).lower())
    web = probable_web_address(location)
    if web is not None:
        return Problem(f"{location!r} has no scheme (http:// or https://)", web)
    return None


def probable_web_address(location: str) -> str | None:
    """``https://`` + ``location`` when it is a web address written without its scheme
    (``cnevpost.com/feed``, ``www.example.com``) and not a file that exists."""
    first, slash, _ = location.partition("/")
    if _SCHEME.match(location) and "://" in location:
        return None
    if not (slash or first.lower().startswith("www.")) or not _BARE_HOST.match(first):
        return None
    if Path(location).expanduser().exists():
        return None
    return "https://" + location


def _probable_local_address(location: str) -> str | None:
    """``http://`` + ``location`` when it is a local or numeric host with a port or a path
    (``127.0.0.1:8765/feed``, ``localhost:8080``) and not a file that exists. Not added by
    itself as ``https://`` is to a host name: such servers mostly speak plain http, and which
    one is meant is for the user to say."""
    match = _BARE_LOCAL.match(location)
    if match is None or not (match.group(1) or match.group(2)):
        return None
    if Path(location).expanduser().exists():
        return None
    return "http://" + location


def _url_problem(url: str, scheme: str) -> Problem | None:
    if scheme == "file":
        return None if url[len("file://") :].strip() else Problem(f"{url!r} names no file")
    if scheme not in WEB_SCHEMES:
        close = get_close_matches(scheme, WEB_SCHEMES, n=1, cutoff=0.6)
        fixed = close[0] + "://" + url[len(scheme) + 1 :].lstrip("/") if close else ""
        return Problem(f"{url!r}: {scheme}:// is not a feed scheme (http, https or file)", fixed)
    if not url.lower().startswith(scheme + "://"):
        return Problem(f"{url!r} is not a URL", f"{scheme}://{url.split(':', 1)[1].lstrip('/')}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - checks the port (a ValueError when it is not a number < 65536)
    except ValueError as exc:
        reason = str(exc)
        return Problem(f"{url!r} is not a valid URL: {reason[:1].lower()}{reason[1:]}")
    host = parts.hostname or ""
    if not host:
        return Problem(f"{url!r} has no host name")
    problem = _host_problem(host)
    return Problem(f"{url!r} is not a valid URL: {problem}") if problem else None


def _host_problem(host: str) -> str:
    """What is wrong with a URL's host (as urlsplit gives it: lower case, no brackets)."""
    if ":" in host:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"{host!r} is not an IPv6 address"
        return ""
    if re.fullmatch(r"[\d.]+", host):
        try:
            ipaddress.IPv4Address(host.rstrip("."))
        except ValueError:
            return f"{host!r} is not an IPv4 address"
        return ""
    labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
    if not all(_LABEL.match(label) and len(label) <= 63 for label in labels):
        return f"{host!r} is not a host name"
    return ""


def mail_address_problem(address: str) -> str:
    """Why ``address`` cannot be a recipient ("" when it can): ``name@example.org`` or
    ``Name <name@example.org>``."""
    _, addr = parseaddr(address)
    written = address.strip()
    as_written = written == addr or written.endswith(f"<{addr}>")
    if not addr or address.count("@") != 1 or not as_written:
        return f"{address!r} is not a mail address (name@example.org)"
    local, _, domain = addr.partition("@")
    if not local or not domain or re.search(r"\s", addr) or not _domain_ok(domain):
        return f"{address!r} is not a mail address (name@example.org)"
    return ""


def _domain_ok(domain: str) -> bool:
    if domain.startswith("[") and domain.endswith("]"):  # a literal address: user@[10.0.0.1]
        try:
            ipaddress.ip_address(domain[1:-1].removeprefix("IPv6:"))
        except ValueError:
            return False
        return True
    return not _host_problem(domain.lower())
