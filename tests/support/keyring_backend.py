"""A keyring backend for tests, chosen through keyring's own PYTHON_KEYRING_BACKEND.

It keeps secrets in a JSON file named by FEEDBACK_DESK_TEST_KEYRING (a temp file per test), so a
`feedback-desk` subprocess sees what the test process stored. Test-only: a real studio's secrets
go to the system keyring.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from tests.support.gui_thread_guard import note_keyring

FILE_ENV = "FEEDBACK_DESK_TEST_KEYRING"


class TestKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ[FILE_ENV])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        self._path().write_text(json.dumps(data))

    def get_password(self, service: str, username: str) -> str | None:
        note_keyring("read")
        return self._load().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        note_keyring("write")
        data = self._load()
        data[f"{service}|{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        note_keyring("delete")
        data = self._load()
        if data.pop(f"{service}|{username}", None) is None:
            raise PasswordDeleteError("no such secret")
        self._save(data)
