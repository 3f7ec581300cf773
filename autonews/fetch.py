"""The HTTP edge: fetch many URLs concurrently without letting one hang the run.

Bounded global and per-host concurrency, a per-request time cap that also bounds a body trickling
in byte by byte, a whole-run deadline, retries with backoff (honouring Retry-After), loop-safe
redirects, conditional GET, and a size cap counted on the decompressed stream.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from autonews.config import FetchConfig
from autonews.fetch_decode import CHUNK, Decoder
from autonews.fetch_errors import (
    NAME_UNKNOWN,
    http_failure,
    timed_out,
    too_large,
    transport_failure,
)
from autonews.fetch_stack import LeanClient
from autonews.fetch_transport import transport_for
from autonews.models import FeedStatus, FetchResult

MAX_REDIRECTS = 5
# Redirects that say the address moved for good (RFC 9110): the new one is worth keeping.
PERMANENT = frozenset({301, 308})
RETRY_AFTER_CAP = 30.0
# How the errors of redirects that can never end well begin: no later run will read the feed.
REDIRECT_LOOP = "redirect loop at "
NON_HTTP_REDIRECT = "redirect to a non-HTTP URL "
TOO_MANY_REDIRECTS = f"more than {MAX_REDIRECTS} redirects"
BACKOFF_BASE = 0.5


@dataclass(frozen=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    accept: str | None = None  # this request's Accept header, instead of the fetcher's


class _TooLarge(Exception):
    pass


class _Retryable(Exception):
    def __init__(
        self,
        message: str,
        status: int | None = None,
        wait: float | None = None,
        unreachable: str | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.wait = wait
        self.unreachable = unreachable  # the host no connection could be made to, if that


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class Fetcher:
    """One run's worth of fetching; create, call :meth:`fetch_many`, done."""

    def __init__(self, config: FetchConfig, *, accept: str | None = None) -> None:
        self.config = config
        self.accept = accept or (
            "application/rss+xml, application/atom+xml, application/feed+json, "
            "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
        )
        self._global: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        # Hosts whose name no lookup knows in this run, and why: their other requests fail at
        # once (forty pages linking to a dead domain cost one failure's time, not forty).
        self._down: dict[str, str] = {}

    def _host_gate(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        gate = self._hosts.get(host)
        if gate is None:
            gate = self._hosts[host] = asyncio.Semaphore(self.config.per_host)
        return gate

    def client(self) -> httpx.AsyncClient:
        """The HTTP client for this fetcher's requests (call inside the event loop that will use
        it: the concurrency limits are made for that loop)."""
        self._global = asyncio.Semaphore(self.config.concurrency)
        limits = httpx.Limits(
            max_connections=self.config.concurrency,
            max_keepalive_connections=self.config.concurrency,
        )
        headers = {
            "User-Agent": self.config.user_agent,
            "Accept": self.accept,
            "Accept-Encoding": "gzip, deflate, br",
        }
        return LeanClient(
            headers=headers,
            limits=limits,
            timeout=self.config.timeout,
            trust_env=True,
            transport=transport_for(self.config.per_host, self.config.concurrency),
        )

    async def fetch_many(
        self,
        requests: Sequence[FetchRequest],
        on_done: Callable[[FetchResult], None] | None = None,
    ) -> list[FetchResult]:
        async with self.client() as client:
            tasks = [asyncio.create_task(self.fetch_one(client, req)) for req in requests]
            if on_done is not None:
                for task in tasks:
                    task.add_done_callback(lambda t: t.cancelled() or on_done(t.result()))
            done, pending = await asyncio.wait(tasks, timeout=self.config.deadline)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
        results = []
        for req, task in zip(requests, tasks, strict=True):
            if task in done and not task.cancelled():
                results.append(task.result())
            else:
                result = FetchResult(
                    url=req.url,
                    status=FeedStatus.ERROR,
                    error=f"unfinished at the run deadline ({self.config.deadline:g} s)",
                )
                if on_done is not None:
                    on_done(result)
                results.append(result)
        return results

    async def fetch_one(self, client: httpx.AsyncClient, req: FetchRequest) -> FetchResult:
        """One URL's fetch: whatever goes wrong with it is its own failure, never the run's."""
        try:
            return await self._fetch_retrying(client, req)
        except httpx.InvalidURL as exc:
            return FetchResult(url=req.url, status=FeedStatus.ERROR, error=f"invalid URL: {exc}")
        except Exception as exc:  # a URL nothing else rejected (or a bug) costs only this feed
            return FetchResult(
                url=req.url, status=FeedStatus.ERROR, error=f"{type(exc).__name__}: {exc}"
            )

    async def _fetch_retrying(self, client: httpx.AsyncClient, req: FetchRequest) -> FetchResult:
        started = time.monotonic()
        if not req.url.lower().startswith(("http://", "https://")):
            return _read_local(req.url, self.config.max_bytes)
        assert self._global is not None
        host = (urlsplit(req.url).hostname or "").lower()
        attempt = 0
        while True:
            try:
                # The host first: a request waiting for its host holds no global slot.
                async with self._host_gate(req.url), self._global:
                    down = self._down.get(host)
                    if down is None:
                        result = await asyncio.wait_for(
                            self._get(client, req), timeout=self.config.timeout
                        )
                if down is not None:
                    error = f"{down} (the host failed earlier in this run)"
                    return FetchResult(url=req.url, status=FeedStatus.ERROR, error=error)
                return _with_elapsed(result, started)
            except _Retryable as exc:
                failure = FetchResult(
                    url=req.url, status=FeedStatus.ERROR, http_status=exc.status, error=str(exc)
                )
                wait = exc.wait
                unknown = any(words in str(exc).lower() for words in NAME_UNKNOWN)
                if exc.unreachable and unknown:
                    # A name no lookup knows: so for the run's other requests to that host, and
                    # a retry would not know it either. (A refused or reset connection may be
                    # the moment's: each request tries for itself.)
                    self._down[exc.unreachable] = str(exc)
                    return _with_elapsed(failure, started)
                if wait is not None and wait > RETRY_AFTER_CAP:
                    # The server asks for longer than a run waits: it is asked again next run.
                    failure = replace(failure, error=f"{failure.error} (retry after {wait:g} s)")
                    return _with_elapsed(failure, started)
            except TimeoutError:
                return _with_elapsed(
                    FetchResult(
                        url=req.url,
                        status=FeedStatus.ERROR,
                        error=timed_out(self.config.timeout),
                    ),
                    started,
                )
            if attempt >= self.config.retries:
                return _with_elapsed(failure, started)
            backoff = BACKOFF_BASE * (2**attempt)
            await asyncio.sleep(min(RETRY_AFTER_CAP, max(backoff, wait or 0.0)))
            attempt += 1

    async def _get(self, client: httpx.AsyncClient, req: FetchRequest) -> FetchResult:
        headers = {}
        if req.accept:
            headers["Accept"] = req.accept
        if req.etag:
            headers["If-None-Match"] = req.etag
        if req.last_modified:
            headers["If-Modified-Since"] = req.last_modified
        url = req.url
        seen = {url}
        moved: str | None = None  # where the permanent redirects from the start led, if any
        for _ in range(MAX_REDIRECTS + 1):
            try:
                async with client.stream("GET", url, headers=headers) as response:
                    if response.is_redirect and "location" in response.headers:
                        target = urljoin(url, response.headers["location"])
                        if target in seen:
                            return _error(req.url, f"{REDIRECT_LOOP}{target}", response)
                        if not target.lower().startswith(("http://", "https://")):
                            return _error(req.url, f"{NON_HTTP_REDIRECT}{target}", response)
                        if url == (moved or req.url) and response.status_code in PERMANENT:
                            moved = target
                        seen.add(target)
                        url = target
                        continue
                    result = await self._read_response(req, url, response)
                    if moved is None or result.status is FeedStatus.ERROR:
                        return result
                    return replace(result, moved_to=moved)
            except httpx.TransportError as exc:
                connect = isinstance(exc, httpx.ConnectError)
                failed = (urlsplit(url).hostname or "").lower() if connect else ""
                message = transport_failure(exc)
                raise _Retryable(message, unreachable=failed or None) from None
        return _error(req.url, TOO_MANY_REDIRECTS, None)

    async def _read_response(
        self, req: FetchRequest, url: str, response: httpx.Response
    ) -> FetchResult:
        status = response.status_code
        if status == 304:
            return FetchResult(
                url=req.url,
                status=FeedStatus.NOT_MODIFIED,
                http_status=304,
                etag=response.headers.get("etag") or req.etag,
                last_modified=response.headers.get("last-modified") or req.last_modified,
                final_url=url,
            )
        if status == 429 or status >= 500:
            raise _Retryable(
                http_failure(status, response.reason_phrase),
                status=status,
                wait=_retry_after_seconds(response.headers.get("retry-after")),
            )
        if status >= 400:  # (where a redirect ended: the site that refused, trial 43)
            refused = _error(req.url, f"HTTP {status} {response.reason_phrase}".strip(), response)
            return replace(refused, final_url=url)
        try:
            body = await self._read_capped(response)
        except _TooLarge:
            return _error(req.url, too_large(self.config.max_bytes), response)
        except zlib.error as exc:
            return _error(req.url, f"corrupt compressed body: {exc}", response)
        return FetchResult(
            url=req.url,
            status=FeedStatus.OK,
            http_status=status,
            body=body,
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            final_url=url,
        )

    async def _read_capped(self, response: httpx.Response) -> bytes:
        cap = self.config.max_bytes
        declared = response.headers.get("content-length")
        encoding = response.headers.get("content-encoding", "identity")
        if declared and declared.isdigit() and encoding == "identity" and int(declared) > cap:
            raise _TooLarge
        decoder = Decoder(encoding)
        parts: list[bytes] = []
        size = 0
        async for raw in response.aiter_raw(CHUNK):
            for piece in decoder.feed(raw, cap - size):
                size += len(piece)
                if size > cap:
                    raise _TooLarge
                parts.append(piece)
        return b"".join(parts)


def _with_elapsed(result: FetchResult, started: float) -> FetchResult:
    from dataclasses import replace

    return replace(result, elapsed=time.monotonic() - started)


def _error(url: str, message: str, response: httpx.Response | None) -> FetchResult:
    return FetchResult(
        url=url,
        status=FeedStatus.ERROR,
        http_status=response.status_code if response is not None else None,
        error=message,
    )


def _read_local(location: str, max_bytes: int) -> FetchResult:
    from autonews.addresses import local_path

    path = local_path(location)
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as exc:
        return FetchResult(
            url=location, status=FeedStatus.ERROR, error=f"cannot read: {exc.strerror}"
        )
    if len(body) > max_bytes:
        return FetchResult(url=location, status=FeedStatus.ERROR, error=too_large(max_bytes))
    return FetchResult(url=location, status=FeedStatus.OK, body=body, final_url=location)


def fetch_all(
    requests: Sequence[FetchRequest],
    config: FetchConfig,
    on_done: Callable[[FetchResult], None] | None = None,
    *,
    accept: str | None = None,
) -> list[FetchResult]:
    """Fetch every request, in order of ``requests``; never raises for a single URL's failure."""
    if not requests:
        return []
    return asyncio.run(Fetcher(config, accept=accept).fetch_many(requests, on_done))
