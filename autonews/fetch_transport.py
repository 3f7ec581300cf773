"""The HTTP client's transport: as httpx makes it, but with the TLS context made on demand.

Making the TLS context loads the trusted certificates, tens of milliseconds of CPU on the network
thread before the first request can go out; a run whose feeds and pages are all http:// never
needs it. httpx honours the environment's proxies only for a client it makes the transport of, so
when a proxy is set the client is left to make its own (and the context is made up front).
"""

from __future__ import annotations

import os
import ssl

import httpx

_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy")


def transport_for(limits: httpx.Limits) -> httpx.AsyncBaseTransport | None:
    """The transport a client should be given: None (httpx's own, which honours
    HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY) when the environment sets a proxy,
    else one whose TLS context is made on demand."""
    if any(os.environ.get(name) or os.environ.get(name.upper()) for name in _PROXY_VARIABLES):
        return None
    return TLSWhenNeeded(limits)


class TLSWhenNeeded(httpx.AsyncBaseTransport):
    """The client's transport, as httpx would make it, but with its TLS context (the trusted
    certificates loaded: tens of milliseconds) made on the first https request: a run whose
    feeds are all http:// never makes it. Plain http:// requests go through a transport whose
    context has no certificates (it never does TLS; were it asked to, it would trust nothing)."""

    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        self._plain = httpx.AsyncHTTPTransport(
            verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), limits=limits
        )
        self._tls: httpx.AsyncHTTPTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme != "https":
            return await self._plain.handle_async_request(request)
        if self._tls is None:
            # What httpx.AsyncClient(trust_env=True) makes: certifi's bundle, or SSL_CERT_FILE
            # or SSL_CERT_DIR when set.
            self._tls = httpx.AsyncHTTPTransport(limits=self._limits, trust_env=True)
        return await self._tls.handle_async_request(request)

    async def aclose(self) -> None:
        await self._plain.aclose()
        if self._tls is not None:
            await self._tls.aclose()
