"""Client pages: the tablets paired as kiosks and the short-lived codes that pair them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback_desk.store.base import Base


class PairedDevice(Base):
    """A browser allowed to show the kiosk; it proves itself with a long-lived cookie.

    Only the SHA-256 of the cookie's random token is kept, so the store alone cannot pair a
    device. Unpairing sets ``revoked_at``; the row stays for the record.
    """

    __tablename__ = "paired_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    paired_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    revoked_at: Mapped[datetime | None]


class PairingCode(Base):
    """A 6-digit code staff hand to a tablet; single use, valid for a few minutes.

    Kept as a SHA-256 like device tokens (the code is short-lived, but never stored readable).
    """

    __tablename__ = "pairing_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    device_name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[int | None] = mapped_column(ForeignKey("paired_devices.id"))

    __table_args__ = (Index("ix_pairing_codes_code_hash", "code_hash"),)
