"""Which paired device is asking (the kiosk answers paired devices only)."""

from __future__ import annotations

from flask import g

from feedback_desk.services.client_pages.pairing import (
    DeviceInfo,
    device_for_token,
    needs_last_seen,
    note_visit,
)
from feedback_desk.web.context import pages
from feedback_desk.web.security import device_token


def current_device() -> DeviceInfo | None:
    """The paired device holding this request's cookie (looked up once per request)."""
    if "device" not in g:
        context = pages()
        with context.store.read() as session:
            device = device_for_token(session, device_token())
        if device is not None:
            now = context.clock.now()
            if needs_last_seen(device, now):
                with context.store.write() as session:
                    note_visit(session, device.id, at=now)
        g.device = device
    found = g.device
    assert found is None or isinstance(found, DeviceInfo)
    return found
