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
import secrets
import socket
from dataclasses import dataclass
from functools import cache

from feedback_desk.services.processes import is_gone, this_process

LEASE_SECONDS = 15 * 60


@cache
def this_host() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]


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
        self._pid, self._started = this_process()
        self._nonce = secrets.token_hex(4)

    def token(self, wall_now: float) -> str:
        return ClaimOwner(this_host(), self._pid, self._started, int(wall_now), self._nonce).token


def claim_is_dead(token: str | None, *, wall_now: float, lease: float = LEASE_SECONDS) -> bool:
    """True when nobody can still be sending under this claim (see the module's docstring)."""
    owner = ClaimOwner.parse(token)
    if owner is None:
        return True
    if wall_now - owner.claimed_wall > lease:
        return True
    return owner.host == this_host() and is_gone(owner.pid, owner.started)
