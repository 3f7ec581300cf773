"""The HTTP client's transport: one connection pool per site, the TLS context made on demand.

httpx keeps one pool for all hosts, and at every request that starts or ends it walks every
connection of the pool, for every request waiting: with 32 requests in flight to 30 sites that
was a third of the network thread's CPU (0.74-1.31 s for the 330 requests of the loopback farm,
0.52-0.81 s with a pool per site, by turns). A site's pool holds at most ``per_host``
connections; pools of sites done with are closed once more sites than ``concurrency`` have one,
so that a run over hundreds of sites does not keep hundreds of idle sockets open.

Making the TLS context loads the trusted certificates, tens of milliseconds of CPU on the network
thread before the first request can go out: it is made once, on the first https request, and
shared by the pools (a run whose feeds and pages are all http:// never makes it). httpx honours
the environment's proxies only for a client it makes the transport of, so when a proxy is set
the client is left to make its own (and the context is made up front).
"""

from __future__ import annotations

import os
import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable

import httpx

from autonews.fetch_stack import SiteTransport

_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy")

Site = tuple[bytes, bytes, int | None]  # scheme, host, port


def transport_for(per_site: int, open_sites: int) -> httpx.AsyncBaseTransport | None:
    """The transport a client should be given: None (httpx's own, which honours
    HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY) when the environment sets a proxy,
    else pools per site (see the module's text)."""
    if any(os.environ.get(name) or os.environ.get(name.upper()) for name in _PROXY_VARIABLES):
        return None
    return SitePools(per_site, open_sites)


class SitePools(httpx.AsyncBaseTransport):
    """A connection pool per site, as httpx would make it, kept while the site is in use or
    among the ``open_sites`` used last."""

    def __init__(self, per_site: int, open_sites: int) -> None:
        self._limits = httpx.Limits(max_connections=per_site, max_keepalive_connections=per_site)
        self._open_sites = open_sites
        # Plain http:// pools get a context with no certificates (they never do TLS; were one
        # asked to, it would trust nothing).
        self._plain = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self._tls: ssl.SSLContext | None = None
        self._pools: OrderedDict[Site, SiteTransport] = OrderedDict()  # used last, last
        self._in_use: dict[Site, int] = {}  # responses not closed yet, by site

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        site = (url.raw_scheme, url.raw_host, url.port)
        pool = self._pools.get(site)
        if pool is None:
            pool = self._pools[site] = SiteTransport(self._context(url.scheme), self._limits)
        else:
            self._pools.move_to_end(site)
        # Counted in use before anything is awaited: closing idle sites (now, or in the
        # requests that go on meanwhile) never closes this one.
        self._in_use[site] = self._in_use.get(site, 0) + 1
        if len(self._pools) > self._open_sites:
            await self._close_idle_sites()
        try:
            response = await pool.handle_async_request(request)
        except BaseException:
            self._release(site)
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        stream = _Released(response.stream, lambda: self._release(site))
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=stream,
            extensions=response.extensions,
        )

    def _context(self, scheme: str) -> ssl.SSLContext:
        if scheme != "https":
            return self._plain
        if self._tls is None:
            # What httpx.AsyncClient(trust_env=True) makes: certifi's bundle, or SSL_CERT_FILE
            # or SSL_CERT_DIR when set.
            self._tls = httpx.create_ssl_context(trust_env=True)
        return self._tls

    def _release(self, site: Site) -> None:
        self._in_use[site] -= 1

    async def _close_idle_sites(self) -> None:
        """Close the pools of the sites used longest ago with no response open, until no more
        than ``open_sites`` are left (or none is idle). Taken out of the books before any is
        closed: a request meanwhile to one of those sites makes it a new pool."""
        idle = [site for site in self._pools if not self._in_use.get(site)]
        closing = []
        for site in idle[: len(self._pools) - self._open_sites]:
            closing.append(self._pools.pop(site))
            self._in_use.pop(site, None)
        for pool in closing:
            await pool.aclose()

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), OrderedDict()
        for pool in pools:
            await pool.aclose()


class _Released(httpx.AsyncByteStream):
    """A response's body, that tells its pool's keeper once it is closed (once)."""

    def __init__(self, stream: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._stream = stream
        self._release: Callable[[], None] | None = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()
