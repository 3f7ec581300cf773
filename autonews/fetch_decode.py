"""A response body's content decoding (gzip, deflate, brotli), step by step with bounded output,
so that a decompression bomb stops at the size cap rather than after it."""

from __future__ import annotations

import zlib
from typing import Any

CHUNK = 64 * 1024  # bytes a step may produce


class Decoder:
    """Incremental content decoding with bounded output per step, so a bomb stops early."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding.strip().lower()
        self._zlib: Any = None
        self._brotli: Any = None
        if self.encoding in {"gzip", "x-gzip"}:
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self.encoding == "deflate":
            self._zlib = zlib.decompressobj()
            self._raw_deflate = False
        elif self.encoding == "br":
            import brotli

            self._brotli = brotli.Decompressor()

    def feed(self, data: bytes, budget: int) -> list[bytes]:
        if self._zlib is not None:
            return self._feed_zlib(data, budget)
        if self._brotli is not None:
            return self._feed_brotli(data, budget)
        return [data]

    def _feed_brotli(self, data: bytes, budget: int) -> list[bytes]:
        # Bounded output per step, as for zlib: a brotli bomb is stopped at the cap too.
        out = [self._brotli.process(data, output_buffer_limit=CHUNK)]
        budget -= len(out[0])
        while budget >= 0 and not self._brotli.can_accept_more_data():
            piece = self._brotli.process(b"", output_buffer_limit=CHUNK)
            if not piece:
                break
            out.append(piece)
            budget -= len(piece)
        return out

    def _feed_zlib(self, data: bytes, budget: int) -> list[bytes]:
        out = []
        pending = data
        while pending:
            try:
                piece = self._zlib.decompress(pending, CHUNK)
            except zlib.error:
                if self.encoding == "deflate" and not self._raw_deflate:
                    # Some servers send raw deflate without the zlib header.
                    self._zlib, self._raw_deflate = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise
            out.append(piece)
            budget -= len(piece)
            if budget < 0:
                break
            pending = self._zlib.unconsumed_tail
            if not piece and not pending:
                break
        return out
