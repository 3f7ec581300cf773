"""The per-request CPU of httpx's stack, cut where it buys us nothing.

Measured on the loopback farm (``benchmarks/fetch_cpu.py``: the run's fetch session alone, 330
requests a round), two costs that every request paid and no feed needs:

- **The cookie jar read at every response.** httpx hands every response to the standard
  library's cookie jar, which first makes a ``urllib`` request of it (the URL parsed again, the
  headers copied) to learn that there is no ``Set-Cookie`` header. :class:`LeanCookies` gives a
  response to the jar only when it sets a cookie: a site that sets one still gets it back on its
  next request and its redirects (a cookie check that redirects to itself still ends).
- **anyio's socket attributes asked at each reuse of a connection.** Before it reuses a kept
  connection, httpcore asks whether the server closed it, through anyio's table of the socket's
  attributes, which anyio builds anew at each question (the peer's address asked of the kernel
  each time) to hand out the socket. :class:`SocketKeptBackend` asks once per connection.
"""

from __future__ import annotations

import typing

import httpcore
import httpx

try:  # httpcore's private parts: a release that moves them gets httpx's stock pool instead
    from httpcore._backends.auto import AutoBackend  # httpcore's default: anyio's, or trio's
    from httpcore._utils import is_socket_readable
except ImportError:  # pragma: no cover - only with an httpcore this was not written for
    AutoBackend = None  # type: ignore[assignment,misc]

if typing.TYPE_CHECKING:
    import ssl


class LeanCookies(httpx.Cookies):
    """httpx's cookies, the jar consulted for a response only when it sets a cookie."""

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


class LeanClient(httpx.AsyncClient):
    """httpx's client with :class:`LeanCookies` (httpx reads its jar through this property)."""

    def __init__(self, **options: typing.Any) -> None:
        super().__init__(**options)
        self._lean_cookies = LeanCookies()

    @property
    def cookies(self) -> httpx.Cookies:
        return self._lean_cookies

    @cookies.setter
    def cookies(self, cookies: httpx._types.CookieTypes) -> None:
        self._lean_cookies = LeanCookies(cookies)


class SocketKeptStream(httpcore.AsyncNetworkStream):
    """A connection's stream, its socket asked for once (see the module's text)."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream
        self._socket = stream.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        tls = await self._stream.start_tls(ssl_context, server_hostname, timeout)
        return SocketKeptStream(tls)

    def get_extra_info(self, info: str) -> typing.Any:
        if info == "socket" and self._socket is not None:
            return self._socket
        if info == "is_readable" and self._socket is not None:
            return is_socket_readable(self._socket)
        return self._stream.get_extra_info(info)


class SocketKeptBackend(httpcore.AsyncNetworkBackend):
    """httpcore's own network backend, its streams wrapped in :class:`SocketKeptStream`."""

    def __init__(self) -> None:
        self._backend = AutoBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return SocketKeptStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._backend.connect_unix_socket(path, timeout, socket_options)
        return SocketKeptStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


class SiteTransport(httpx.AsyncHTTPTransport):
    """httpx's transport for one site, its connections on :class:`SocketKeptBackend`."""

    def __init__(self, ssl_context: ssl.SSLContext, limits: httpx.Limits) -> None:
        super().__init__(verify=ssl_context, limits=limits)
        if AutoBackend is None or not hasattr(self, "_pool"):
            return  # httpx's own pool, as made above
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=SocketKeptBackend(),
        )
