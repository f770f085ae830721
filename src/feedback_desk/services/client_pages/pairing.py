"""Pairing a browser as a kiosk: 6-digit codes for staff, long-lived device tokens for tablets.

A code is valid ``PAIRING_CODE_MINUTES`` and single use. A paired device holds a random token of
``DEVICE_TOKEN_BYTES`` bytes in a cookie; the store keeps only its SHA-256. Unpairing (revoking)
takes effect on the device's next page.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.store.models import PairedDevice, PairingCode
from feedback_desk.wording import Wording

PAIRING_CODE_MINUTES = 10
PAIRING_CODE_DIGITS = 6
DEVICE_TOKEN_BYTES = 32  # 256 random bits
MAX_NAME_CHARS = 80
MAX_USER_AGENT_CHARS = 200
# A device's last visit is written at most this often (not on every page a tablet shows).
LAST_SEEN_EVERY = timedelta(minutes=5)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewPairingCode:
    code: str
    expires_at: datetime
    device_name: str


@dataclass(frozen=True)
class DeviceInfo:
    id: int
    name: str
    paired_at: datetime
    last_seen_at: datetime
    user_agent: str


def _clean_name(name: str | None, session: Session) -> str:
    cleaned = " ".join((name or "").split())
    if len(cleaned) > MAX_NAME_CHARS:
        raise UserInputError(
            Wording(
                "the device name has {length} characters; at most 80",
                length=len(cleaned),
            )
        )
    if cleaned:
        return cleaned
    count = session.scalar(select(func.count()).select_from(PairedDevice)) or 0
    return f"Tablet {count + 1}"


def make_pairing_code(
    session: Session, *, at: datetime, actor: str, device_name: str | None = None
) -> NewPairingCode:
    """A fresh code, different from every code still valid; the device will carry *device_name*
    (default "Tablet N")."""
    name = _clean_name(device_name, session)
    valid = set(
        session.scalars(
            select(PairingCode.code_hash).where(
                PairingCode.used_at.is_(None), PairingCode.expires_at > at
            )
        )
    )
    while True:
        code = f"{secrets.randbelow(10**PAIRING_CODE_DIGITS):0{PAIRING_CODE_DIGITS}d}"
        if digest(code) not in valid:
            break
    expires_at = at + timedelta(minutes=PAIRING_CODE_MINUTES)
    session.add(
        PairingCode(code_hash=digest(code), device_name=name, created_at=at, expires_at=expires_at)
    )
    audit.record(
        session,
        at=at,
        actor=actor,
        action="web.pairing_code",
        entity_type="pairing_code",
        entity_id=name,
        expires_at=expires_at,
    )
    return NewPairingCode(code=code, expires_at=expires_at, device_name=name)


def is_well_formed(code: str) -> bool:
    return len(code) == PAIRING_CODE_DIGITS and code.isascii() and code.isdigit()


def pair_device(session: Session, code: str, *, at: datetime, user_agent: str) -> str | None:
    """Use *code* to pair a new device; returns the device's token, or None when the code is
    wrong, used or expired. The code is claimed atomically: two tablets never share one."""
    if not is_well_formed(code):
        return None
    found = session.scalars(
        select(PairingCode).where(
            PairingCode.code_hash == digest(code),
            PairingCode.used_at.is_(None),
            PairingCode.expires_at > at,
        )
    ).first()
    if found is None:
        return None
    claimed = session.execute(
        update(PairingCode)
        .where(PairingCode.id == found.id, PairingCode.used_at.is_(None))
        .values(used_at=at)
        .execution_options(synchronize_session=False)
    )
    if getattr(claimed, "rowcount", 0) != 1:
        return None
    token = secrets.token_urlsafe(DEVICE_TOKEN_BYTES)
    device = PairedDevice(
        name=found.device_name,
        token_hash=digest(token),
        paired_at=at,
        last_seen_at=at,
        user_agent=user_agent[:MAX_USER_AGENT_CHARS],
    )
    session.add(device)
    session.flush()
    found.device_id = device.id
    audit.record(
        session,
        at=at,
        actor="pairing",
        action="web.paired",
        entity_type="paired_device",
        entity_id=device.id,
        name=device.name,
    )
    return token


def device_for_token(session: Session, token: str) -> DeviceInfo | None:
    """The paired (not revoked) device holding *token*, or None."""
    if not token:
        return None
    device = session.scalars(
        select(PairedDevice).where(
            PairedDevice.token_hash == digest(token), PairedDevice.revoked_at.is_(None)
        )
    ).first()
    return _info(device) if device is not None else None


def needs_last_seen(device: DeviceInfo, at: datetime) -> bool:
    """Whether a visit at *at* is worth writing (once every LAST_SEEN_EVERY)."""
    return at - device.last_seen_at >= LAST_SEEN_EVERY


def note_visit(session: Session, device_id: int, *, at: datetime) -> None:
    session.execute(
        update(PairedDevice).where(PairedDevice.id == device_id).values(last_seen_at=at)
    )


def _info(device: PairedDevice) -> DeviceInfo:
    return DeviceInfo(
        id=device.id,
        name=device.name,
        paired_at=device.paired_at,
        last_seen_at=device.last_seen_at,
        user_agent=device.user_agent,
    )


def list_devices(session: Session) -> list[DeviceInfo]:
    """Paired devices, in the order they were paired."""
    rows = session.scalars(
        select(PairedDevice).where(PairedDevice.revoked_at.is_(None)).order_by(PairedDevice.id)
    )
    return [_info(d) for d in rows]


def revoke_device(session: Session, device_id: str | int, *, at: datetime, actor: str) -> str:
    """Unpair a device (by its number); returns its name. UserInputError for an unknown one."""
    try:
        number = int(str(device_id).strip())
    except ValueError:
        raise UserInputError(
            Wording(
                "unknown device {device_id!r} (see `web devices`)",
                device_id=device_id,
            )
        ) from None
    device = session.get(PairedDevice, number)
    if device is None or device.revoked_at is not None:
        raise UserInputError(
            Wording(
                "unknown device {device_id!r} (see `web devices`)",
                device_id=device_id,
            )
        )
    device.revoked_at = at
    audit.record(
        session,
        at=at,
        actor=actor,
        action="web.revoked",
        entity_type="paired_device",
        entity_id=device.id,
        name=device.name,
    )
    return device.name
