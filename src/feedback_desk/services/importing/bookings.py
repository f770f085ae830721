"""Who was booked in which session, held compactly between checking a file and writing it.

An attendance or visits file can hold millions of rows. Each booking is kept as two small ints
in one dict (session and client numbered in order of appearance, the line and presence packed in
the value), so a million bookings take about a hundred megabytes and the file is read once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

_CLIENT_BITS = 32


@dataclass
class Bookings:
    session_ids: list[str] = field(default_factory=list)  # number → the session's external id
    client_ids: list[str] = field(default_factory=list)  # number → the client's external id
    _sessions: dict[str, int] = field(default_factory=dict)
    _clients: dict[str, int] = field(default_factory=dict)
    _rows: dict[int, int] = field(default_factory=dict)

    def session(self, external_id: str) -> int:
        number = self._sessions.get(external_id)
        if number is None:
            number = self._sessions[external_id] = len(self.session_ids)
            self.session_ids.append(external_id)
        return number

    def client(self, external_id: str) -> int:
        number = self._clients.get(external_id)
        if number is None:
            number = self._clients[external_id] = len(self.client_ids)
            self.client_ids.append(external_id)
        return number

    def add(self, session: int, client: int, line: int, present: bool) -> int | None:
        """Record a booking; the line of the earlier one when this client is already booked."""
        key = session << _CLIENT_BITS | client
        earlier = self._rows.setdefault(key, line << 1 | present)
        if earlier >> 1 != line:
            return earlier >> 1
        return None

    def __len__(self) -> int:
        return len(self._rows)

    def by_session(self, chunk: int) -> Iterator[dict[int, list[tuple[int, bool]]]]:
        """Bookings grouped by session number, *chunk* sessions at a time, in session order.

        Each group maps a session number to its (client number, present) pairs.
        """
        # Grouped in a Python loop, then each session's few bookings sorted: one sort of every
        # booking would hold Python's lock for its whole length (the window would wait).
        clients: dict[int, list[int]] = {}
        mask = (1 << _CLIENT_BITS) - 1
        for key in self._rows:
            clients.setdefault(key >> _CLIENT_BITS, []).append(key)
        group: dict[int, list[tuple[int, bool]]] = {}
        for session in sorted(clients):
            if len(group) >= chunk:
                yield group
                group = {}
            group[session] = [
                (key & mask, bool(self._rows[key] & 1)) for key in sorted(clients[session])
            ]
        if group:
            yield group
