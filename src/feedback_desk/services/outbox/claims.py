"""Who is sending a message, and whether that sender is still alive.

A sender claims one message at a time, just before sending it, with an atomic
``UPDATE ... WHERE id = :id AND state = 'queued'`` (one row changed: it is ours; none: someone else
took it). The claim token names the claiming process: a hash of its host name, its process id and
start time, and the real (wall-clock) instant of the claim. A message left in ``sending`` is
judged dead, and marked ``uncertain``, when

- its owner ran on this host and that process is gone (or the pid now belongs to another
  process), which a rerun after a crash sees at once; or
- the claim is older than the lease (15 minutes of real time), the only sign available for a
  sender on another PC. A live sender spends seconds on one message (the SMTP timeouts bound it),
  so a lease that long never takes a live claim.

Marking a claim ``uncertain`` never resends it: an uncertain message waits for staff. And a live
sender records its outcome by its token whatever the state says, so even a wrong guess (a sender
stuck longer than the lease) loses nothing and sends nothing twice.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
from dataclasses import dataclass
from functools import cache

import psutil

LEASE_SECONDS = 15 * 60


@cache
def this_host() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]


def _started(pid: int) -> int | None:
    """The process's start time in hundredths of a second, or None when there is no such process."""
    try:
        return int(psutil.Process(pid).create_time() * 100)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


@dataclass(frozen=True)
class ClaimOwner:
    host: str
    pid: int
    started: int
    claimed_wall: int
    nonce: str

    @property
    def token(self) -> str:
        return f"{self.host}.{self.pid}.{self.started}.{self.claimed_wall}.{self.nonce}"

    @classmethod
    def parse(cls, token: str | None) -> ClaimOwner | None:
        parts = (token or "").split(".")
        if len(parts) != 5:
            return None
        try:
            return cls(parts[0], int(parts[1]), int(parts[2]), int(parts[3]), parts[4])
        except ValueError:
            return None


class ClaimMaker:
    """Tokens for one send run of this process."""

    def __init__(self) -> None:
        self._pid = os.getpid()
        self._started = _started(self._pid) or 0
        self._nonce = secrets.token_hex(4)

    def token(self, wall_now: float) -> str:
        return ClaimOwner(this_host(), self._pid, self._started, int(wall_now), self._nonce).token


def _process_is_gone(owner: ClaimOwner) -> bool:
    try:
        process = psutil.Process(owner.pid)
        if abs(int(process.create_time() * 100) - owner.started) > 100:
            return True  # the pid was reused by another process
        return bool(process.status() == psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return True
    except psutil.AccessDenied:
        return False


def claim_is_dead(token: str | None, *, wall_now: float, lease: float = LEASE_SECONDS) -> bool:
    """True when nobody can still be sending under this claim (see the module's docstring)."""
    owner = ClaimOwner.parse(token)
    if owner is None:
        return True
    if wall_now - owner.claimed_wall > lease:
        return True
    return owner.host == this_host() and _process_is_gone(owner)
