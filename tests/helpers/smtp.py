"""A real SMTP server on loopback for the tests (aiosmtpd), with the test's own handler."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from aiosmtpd.controller import Controller

from tests.helpers.net import free_port_url


@contextmanager
def smtp_server(handler: object) -> Iterator[int]:
    """Serve ``handler`` (an aiosmtpd handler: handle_RCPT, handle_DATA...) on 127.0.0.1 for the
    block; yields its port."""
    port = int(free_port_url().rsplit(":", 1)[1].split("/")[0])
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()
