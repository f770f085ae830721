"""QR codes of the kiosk's address, for Settings → Client pages and the terminal (segno: pure
Python, no dependencies)."""

from __future__ import annotations

import io

import segno


def qr_png(url: str, *, scale: int = 8) -> bytes:
    """A PNG of *url*'s QR code (the window shows it with ``QPixmap.loadFromData``)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_text(url: str) -> str:
    """The QR code drawn with block characters, to scan straight from a terminal."""
    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()
