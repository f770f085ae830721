"""Files and folders private to the user: the store, its WAL and SHM files, logs, exports.

Whatever the umask says, what Feedback Desk creates holds client data or traces of it, so it is
created readable by its owner only (files 0600, folders 0700). On Windows the mode bits mean
little and the user's profile folder already keeps files private; nothing else is needed there.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def make_private_dirs(folder: Path) -> None:
    """Create *folder* and every missing parent with mode 0700 (``Path.mkdir(parents=True)``
    gives parents the umask's mode); existing folders are left as they are."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue
        # mkdir's mode is filtered by the umask; chmod is not.
        os.chmod(path, PRIVATE_DIR_MODE)


def create_private_file(path: Path) -> bool:
    """Create *path* empty with mode 0600 unless it exists; True when it was created here.

    SQLite gives the store's ``-wal``, ``-shm`` and ``-journal`` files the mode of the store
    itself, so a store created this way keeps all of them private.
    """
    try:
        # The umask can only take bits away from 0600: the file is private either way.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True
