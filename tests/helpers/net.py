"""Network odds and ends for loopback tests."""

from __future__ import annotations

import socket


def free_port_url() -> str:
    """A URL on a port with nothing listening (connection refused)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/feed.xml"
